/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-spin-button.c: the localised spin button — the UI's digits out, Persian, Arabic-Indic or Latin digits in, anything else refused. */
#include "config.h"

#include <gtk/gtk.h>

#include "daftar-format.h"
#include "daftar-spin-button.h"

static GtkSpinButton *
new_spin (double lower,
          double upper,
          double value)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (lower, upper, 1));

  g_object_ref_sink (spin);
  daftar_spin_button_localize (spin);
  gtk_spin_button_set_value (spin, value);
  return spin;
}

static const char *
text_of (GtkSpinButton *spin)
{
  return gtk_editable_get_text (GTK_EDITABLE (spin));
}

/* Types @text as the manager would, and lets the spin button read it. */
static void
type (GtkSpinButton *spin,
      const char    *text)
{
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  gtk_spin_button_update (spin);
}

static void
test_shows_ui_digits (void)
{
  GtkSpinButton *spin;

  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_PERSIAN, DAFTAR_FORMAT_DIGITS_PERSIAN,
                            DAFTAR_FORMAT_CALENDAR_JALALI);
  spin = new_spin (1, 1440, 7);
  g_assert_cmpstr (text_of (spin), ==, "۷");
  /* No grouping: what is shown must read back. */
  gtk_spin_button_set_value (spin, 1440);
  g_assert_cmpstr (text_of (spin), ==, "۱۴۴۰");
  type (spin, text_of (spin));
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 1440);
  g_assert_false (gtk_spin_button_get_numeric (spin));
  g_assert_finalize_object (spin);

  /* The Latin-digits preference, in either language. */
  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_PERSIAN, DAFTAR_FORMAT_DIGITS_LATIN,
                            DAFTAR_FORMAT_CALENDAR_JALALI);
  spin = new_spin (1, 1440, 1200);
  g_assert_cmpstr (text_of (spin), ==, "1200");
  g_assert_finalize_object (spin);
}

static void
test_reads_three_digit_sets (void)
{
  const struct { const char *typed; double value; } good[] = {
    { "۱۲", 12 }, { "١٢", 12 }, { "12", 12 }, { " ۳۰ ", 30 }, { "۰۷", 7 }, { "1۲", 12 },
    { "500", 90 },   /* over the top: the adjustment clamps, as GTK does */
  };
  GtkSpinButton *spin;

  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_PERSIAN, DAFTAR_FORMAT_DIGITS_PERSIAN,
                            DAFTAR_FORMAT_CALENDAR_JALALI);
  spin = new_spin (1, 90, 3);
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *want = daftar_format_int_ungrouped ((gint64) good[i].value);

      gtk_spin_button_set_value (spin, 3);
      type (spin, good[i].typed);
      g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, good[i].value);
      g_assert_cmpstr (text_of (spin), ==, want);
    }
  g_assert_finalize_object (spin);
}

static void
test_refuses_anything_else (void)
{
  const char *bad[] = {
    "", " ", "x", "1x", "۲x", "1 2", "-3", "+3", "۱٬۲", "1,2", "۱٫۵", "1.5", "۱۲٪", "12%",
    "१२",                      /* Devanagari digits: not the office's */
    "\u200e12", "12\u2069",    /* bidi marks are not digits either */
    "1234567890123456",        /* more than a count ever needs */
  };
  GtkSpinButton *spin;

  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_PERSIAN, DAFTAR_FORMAT_DIGITS_PERSIAN,
                            DAFTAR_FORMAT_CALENDAR_JALALI);
  spin = new_spin (1, 90, 12);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("typed: “%s”", bad[i]);
      type (spin, bad[i]);
      g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 12);
      g_assert_cmpstr (text_of (spin), ==, "۱۲");
    }
  g_assert_finalize_object (spin);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/spin-button/shows-ui-digits", test_shows_ui_digits);
  g_test_add_func ("/spin-button/reads-three-digit-sets", test_reads_three_digit_sets);
  g_test_add_func ("/spin-button/refuses-anything-else", test_refuses_anything_else);
  return g_test_run ();
}
