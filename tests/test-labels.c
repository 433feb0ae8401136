/* test-labels.c: every domain value has its own label, in Persian and in English, in both forms. */
#include "config.h"

#include "daftar-i18n.h"
#include "daftar-care.h"
#include "daftar-format.h"
#include "daftar-labels.h"

static const DaftarLabelForm forms[] = { DAFTAR_LABEL_SINGULAR, DAFTAR_LABEL_PLURAL };

static GType
enum_type (guint i)
{
  const GType types[] = {
    DAFTAR_TYPE_CASE_KIND, DAFTAR_TYPE_CASE_STATUS, DAFTAR_TYPE_TICKET_OUTCOME,
    DAFTAR_TYPE_NOTICE_CHANNEL, DAFTAR_TYPE_SHIFT, DAFTAR_TYPE_FEEDBACK_CHANNEL,
  };

  return i < G_N_ELEMENTS (types) ? types[i] : G_TYPE_INVALID;
}

static gboolean
has_ascii_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalpha (*p))
      return TRUE;
  return FALSE;
}

static gboolean
has_arabic_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_ARABIC &&
        g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
use_language (const char *language)
{
  daftar_i18n_force (language);
  daftar_i18n_init ();
}

/* Each value of each type, in each form: a label in the language asked for,
 * and none shared with another value of its type. */
static void
check_labels (gboolean persian)
{
  for (guint t = 0; enum_type (t) != G_TYPE_INVALID; t++)
    {
      GType type = enum_type (t);
      guint n = daftar_enum_n_values (type);

      for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
        {
          g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

          for (guint v = 0; v < n; v++)
            {
              const char *label = daftar_label (type, v, forms[f]);

              g_test_message ("%s %s: %s", g_type_name (type), daftar_enum_to_nick (type, v), label);
              g_assert_nonnull (label);
              g_assert_cmpstr (label, !=, "");
              g_assert_true (g_utf8_validate (label, -1, NULL));
              /* Translated, not the English fallback of a missing entry. */
              g_assert_true (persian ? has_arabic_letter (label) && !has_ascii_letter (label)
                                     : has_ascii_letter (label) && !has_arabic_letter (label));
              g_assert_false (g_hash_table_contains (seen, label));
              g_hash_table_add (seen, (gpointer) label);
              /* A nick is what the office's data says, not what it reads. */
              g_assert_cmpstr (label, !=, daftar_enum_to_nick (type, v));
              g_assert_cmpstr (daftar_label_for_nick (type, daftar_enum_to_nick (type, v), forms[f]), ==, label);
              /* Persian names a value alike whether one item or a count of
               * them, so that it reads the same in a list and a legend. */
              if (persian)
                g_assert_cmpstr (label, ==, daftar_label (type, v, DAFTAR_LABEL_SINGULAR));
            }
          g_assert_null (daftar_label (type, n, forms[f]));
          g_assert_null (daftar_label (type, -1, forms[f]));
        }
    }
}

static void
test_persian (void)
{
  use_language ("fa");
  check_labels (TRUE);
  g_assert_cmpstr (daftar_label (DAFTAR_TYPE_CASE_KIND, DAFTAR_CASE_KIND_SANA_REGISTRATION, DAFTAR_LABEL_PLURAL),
                   ==, "ثبت‌نام در ثنا");
  g_assert_cmpstr (daftar_label (DAFTAR_TYPE_CASE_STATUS, DAFTAR_CASE_STATUS_SENT, DAFTAR_LABEL_SINGULAR),
                   ==, "ارسال‌شده به مرجع");
  g_assert_cmpstr (daftar_label (DAFTAR_TYPE_TICKET_OUTCOME, DAFTAR_TICKET_OUTCOME_SERVED, DAFTAR_LABEL_PLURAL),
                   ==, "پاسخ‌داده‌شده");
  use_language ("en");
}

static void
test_english (void)
{
  use_language ("en");
  check_labels (FALSE);
  g_assert_cmpstr (daftar_label (DAFTAR_TYPE_CASE_KIND, DAFTAR_CASE_KIND_PETITION, DAFTAR_LABEL_SINGULAR), ==, "Petition");
  g_assert_cmpstr (daftar_label (DAFTAR_TYPE_CASE_KIND, DAFTAR_CASE_KIND_PETITION, DAFTAR_LABEL_PLURAL), ==, "Petitions");
}

/* A stored value Daftar does not know is shown as it is, never dropped. */
static void
test_unknown_nick (void)
{
  g_assert_cmpstr (daftar_label_for_nick (DAFTAR_TYPE_CASE_KIND, "duel", DAFTAR_LABEL_SINGULAR), ==, "duel");
  g_assert_cmpstr (daftar_label_for_nick (DAFTAR_TYPE_SHIFT, NULL, DAFTAR_LABEL_PLURAL), ==, "");
}

/* The rating-by-wait chart's bands, in each language with its digits. */
static void
test_wait_bands (void)
{
  const char *english[] = { "Under 5 minutes", "5 to 15 minutes", "15 to 30 minutes", "30 minutes or more" };
  const char *persian[] = { "کمتر از ۵ دقیقه", "۵ تا ۱۵ دقیقه", "۱۵ تا ۳۰ دقیقه", "۳۰ دقیقه و بیشتر" };

  use_language ("en");
  daftar_format_init_from_locale ();
  for (guint b = 0; b < DAFTAR_N_WAIT_BANDS; b++)
    {
      g_autofree char *label = daftar_wait_band_label (b);
      g_assert_cmpstr (label, ==, english[b]);
    }
  use_language ("fa");
  daftar_format_init_from_locale ();
  for (guint b = 0; b < DAFTAR_N_WAIT_BANDS; b++)
    {
      g_autofree char *label = daftar_wait_band_label (b);
      g_assert_cmpstr (label, ==, persian[b]);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/labels/persian", test_persian);
  g_test_add_func ("/labels/english", test_english);
  g_test_add_func ("/labels/unknown-nick", test_unknown_nick);
  g_test_add_func ("/labels/wait-bands", test_wait_bands);
  return g_test_run ();
}
