/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-terms.c: the terms explained in tooltips — every one in Persian and English, numbers in the UI's digits. */
#include "config.h"

#include "daftar-test-util.h"

#include <locale.h>
#include <string.h>

#include "daftar-format.h"
#include "daftar-i18n.h"
#include "daftar-terms.h"

static void
use (const char           *language,
     DaftarFormatLanguage  format_language,
     DaftarFormatDigits    digits)
{
  daftar_format_set_config (format_language, digits, DAFTAR_FORMAT_CALENDAR_JALALI);
  /* Setting the locale again makes gettext forget its cached lookups. */
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_MESSAGES, g_str_equal (language, "fa") ? "fa_IR.UTF-8" : "en_US.UTF-8");
}

/* Every term has its own explanation in each language, Persian in Persian. */
static void
test_every_term (void)
{
  for (int t = 0; t < DAFTAR_N_TERMS; t++)
    {
      g_autofree char *persian = NULL;
      g_autofree char *english = NULL;

      use ("fa", DAFTAR_FORMAT_LANGUAGE_PERSIAN, DAFTAR_FORMAT_DIGITS_PERSIAN);
      persian = daftar_term_explain (t);
      use ("en", DAFTAR_FORMAT_LANGUAGE_ENGLISH, DAFTAR_FORMAT_DIGITS_LATIN);
      english = daftar_term_explain (t);

      g_assert_nonnull (persian);
      g_assert_nonnull (english);
      g_assert_cmpuint (strlen (english), >, 40);
      g_assert_cmpstr (persian, !=, english);
      g_assert_cmpuint (g_utf8_get_char (persian), >=, 0x0600);
      for (int k = 0; k < t; k++)
        {
          g_autofree char *other = daftar_term_explain (k);

          g_assert_cmpstr (english, !=, other);
        }
    }
  use ("en", DAFTAR_FORMAT_LANGUAGE_ENGLISH, DAFTAR_FORMAT_DIGITS_LATIN);
  {
    g_autofree char *model = daftar_term_explain (DAFTAR_TERM_STAFFING_MODEL);

    g_assert_nonnull (strstr (model, "Erlang C"));
  }
}

/* «صدک ۹۰» and «۹ نفر از هر ۱۰» follow the digits preference: the numbers
 * are formatted, not written into the translation (they stayed Persian
 * when Latin digits were chosen). */
static void
test_percentile_digits (void)
{
  g_autofree char *fa_title = NULL, *fa_text = NULL;
  g_autofree char *latin_title = NULL, *latin_text = NULL;
  g_autofree char *en_title = NULL, *en_text = NULL;

  use ("fa", DAFTAR_FORMAT_LANGUAGE_PERSIAN, DAFTAR_FORMAT_DIGITS_PERSIAN);
  fa_title = daftar_term_wait_p90_title ();
  fa_text = daftar_term_explain (DAFTAR_TERM_WAIT_P90);
  g_assert_cmpstr (fa_title, ==, "صدک ۹۰ زمان انتظار");
  g_assert_nonnull (strstr (fa_text, "صدک ۹۰"));
  g_assert_nonnull (strstr (fa_text, "از هر ۱۰ مراجعه‌کننده، ۹ نفر"));
  g_assert_false (daftar_test_has_latin_digit (fa_text));

  use ("fa", DAFTAR_FORMAT_LANGUAGE_PERSIAN, DAFTAR_FORMAT_DIGITS_LATIN);
  latin_title = daftar_term_wait_p90_title ();
  latin_text = daftar_term_explain (DAFTAR_TERM_WAIT_P90);
  g_assert_cmpstr (latin_title, ==, "صدک 90 زمان انتظار");
  g_assert_nonnull (strstr (latin_text, "از هر 10 مراجعه‌کننده، 9 نفر"));
  g_assert_false (daftar_test_has_persian_digit (latin_title));
  g_assert_false (daftar_test_has_persian_digit (latin_text));

  use ("en", DAFTAR_FORMAT_LANGUAGE_ENGLISH, DAFTAR_FORMAT_DIGITS_LATIN);
  en_title = daftar_term_wait_p90_title ();
  en_text = daftar_term_explain (DAFTAR_TERM_WAIT_P90);
  g_assert_cmpstr (en_title, ==, "Wait, 90th percentile");
  g_assert_nonnull (strstr (en_text, "9 in every 10 clients"));
}

int
main (int   argc,
      char *argv[])
{
  daftar_i18n_force ("fa");
  daftar_i18n_init ();

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/terms/every-term", test_every_term);
  g_test_add_func ("/terms/percentile-digits", test_percentile_digits);
  return g_test_run ();
}
