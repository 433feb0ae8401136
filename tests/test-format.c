/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-format.c: Jalali arithmetic and ICU formatting under Persian and English configurations. */
#include <locale.h>
#include <string.h>

#include <glib.h>
#include <glib/gi18n.h>

#include "config.h"

#include "daftar-test-util.h"
#include "daftar-format.h"

static void
set_persian (void)
{
  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_PERSIAN, DAFTAR_FORMAT_DIGITS_PERSIAN,
                            DAFTAR_FORMAT_CALENDAR_JALALI);
}

static void
set_english (void)
{
  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_ENGLISH, DAFTAR_FORMAT_DIGITS_LATIN,
                            DAFTAR_FORMAT_CALENDAR_JALALI);
}

static GDate *
gdate (int y, int m, int d)
{
  return g_date_new_dmy (d, m, y);
}

/* The given conversion vectors, checked both ways. */
static void
test_jalali_vectors (void)
{
  static const struct { int y, m, d, jy, jm, jd; } vectors[] = {
    { 2024, 3, 20, 1403, 1, 1 },
    { 2025, 3, 20, 1403, 12, 30 },
    { 2026, 3, 20, 1404, 12, 29 },
    { 2026, 3, 21, 1405, 1, 1 },
    { 2024, 9, 21, 1403, 6, 31 },
    { 2024, 9, 22, 1403, 7, 1 },
    { 2026, 10, 29, 1405, 8, 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      g_autoptr(GDate) day = gdate (vectors[i].y, vectors[i].m, vectors[i].d);
      DaftarJalaliDate j = { 0, 0, 0 };
      DaftarJalaliDate want = { vectors[i].jy, vectors[i].jm, vectors[i].jd };
      GDate back;

      g_assert_true (daftar_jalali_from_gdate (day, &j));
      g_assert_cmpint (j.year, ==, want.year);
      g_assert_cmpint (j.month, ==, want.month);
      g_assert_cmpint (j.day, ==, want.day);

      g_assert_true (daftar_jalali_to_gdate (&want, &back));
      g_assert_cmpint (g_date_compare (&back, day), ==, 0);
    }
}

static void
test_jalali_invalid (void)
{
  static const DaftarJalaliDate bad[] = {
    { 1404, 12, 30 },   /* 1404 is not leap */
    { 1405, 7, 31 },    /* Mehr has 30 days */
    { 1405, 13, 1 },
    { 1405, 0, 1 },
    { 1405, 1, 0 },
    { 1405, 1, 32 },
    { 0, 1, 1 },
  };
  DaftarJalaliDate leap_day = { 1403, 12, 30 };
  DaftarJalaliDate last_of_shahrivar = { 1405, 6, 31 };
  GDate out;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (daftar_jalali_to_gdate (&bad[i], &out));
  g_assert_true (daftar_jalali_to_gdate (&leap_day, &out));
  g_assert_true (daftar_jalali_to_gdate (&last_of_shahrivar, &out));
}

/* Every day of 2020–2030 converts and comes back, and consecutive days
 * step through the Jalali calendar one day at a time. */
static void
test_jalali_round_trip (void)
{
  g_autoptr(GDate) day = gdate (2020, 1, 1);
  g_autoptr(GDate) end = gdate (2030, 12, 31);
  DaftarJalaliDate prev = { 0, 0, 0 };
  guint n = 0;

  for (; g_date_compare (day, end) <= 0; g_date_add_days (day, 1), n++)
    {
      DaftarJalaliDate j;
      GDate back;

      g_assert_true (daftar_jalali_from_gdate (day, &j));
      g_assert_true (daftar_jalali_to_gdate (&j, &back));
      g_assert_cmpint (g_date_compare (&back, day), ==, 0);

      if (n > 0)
        {
          if (j.day == 1)
            {
              g_assert_cmpint (prev.day, ==, daftar_jalali_month_length (prev.year, prev.month));
              g_assert_cmpint (j.month, ==, prev.month % 12 + 1);
              g_assert_cmpint (j.year, ==, prev.year + (prev.month == 12 ? 1 : 0));
            }
          else
            {
              g_assert_cmpint (j.day, ==, prev.day + 1);
              g_assert_cmpint (j.month, ==, prev.month);
              g_assert_cmpint (j.year, ==, prev.year);
            }
        }
      prev = j;
    }
  g_assert_cmpuint (n, ==, 4018);
}

static void
test_jalali_month_lengths (void)
{
  g_assert_true (daftar_jalali_is_leap (1403));
  g_assert_false (daftar_jalali_is_leap (1404));
  g_assert_cmpint (daftar_jalali_month_length (1405, 13), ==, 0);

  for (int jy = 1395; jy <= 1412; jy++)
    {
      DaftarJalaliDate nowruz = { jy, 1, 1 };
      DaftarJalaliDate next_nowruz = { jy + 1, 1, 1 };
      GDate a, b;
      int sum = 0;

      for (int jm = 1; jm <= 12; jm++)
        {
          int len = daftar_jalali_month_length (jy, jm);

          /* Six months of 31 days, five of 30, and Esfand. */
          if (jm <= 6)
            g_assert_cmpint (len, ==, 31);
          else if (jm <= 11)
            g_assert_cmpint (len, ==, 30);
          else
            g_assert_cmpint (len, ==, daftar_jalali_is_leap (jy) ? 30 : 29);
          sum += len;
        }
      g_assert_cmpint (sum, ==, daftar_jalali_is_leap (jy) ? 366 : 365);

      g_assert_true (daftar_jalali_to_gdate (&nowruz, &a));
      g_assert_true (daftar_jalali_to_gdate (&next_nowruz, &b));
      g_assert_cmpint (g_date_days_between (&a, &b), ==, sum);
    }
}

static void
test_month_bounds (void)
{
  g_autoptr(GDate) seventh = gdate (2026, 10, 29);   /* 1405-08-07 */
  GDate first, last;
  DaftarJalaliDate j;

  g_assert_true (daftar_jalali_month_bounds (1405, 8, &first, &last));
  g_assert_cmpint (g_date_days_between (&first, seventh), ==, 6);
  g_assert_cmpint (g_date_days_between (&first, &last), ==, daftar_jalali_month_length (1405, 8) - 1);
  g_assert_true (daftar_jalali_from_gdate (&last, &j));
  g_assert_cmpint (j.month, ==, 8);
  g_date_add_days (&last, 1);
  g_assert_true (daftar_jalali_from_gdate (&last, &j));
  g_assert_cmpint (j.month, ==, 9);
  g_assert_cmpint (j.day, ==, 1);

  g_assert_true (daftar_jalali_month_bounds (1403, 12, &first, &last));
  g_assert_true (daftar_jalali_from_gdate (&last, &j));
  g_assert_cmpint (j.day, ==, 30);
  g_assert_false (daftar_jalali_month_bounds (1403, 13, &first, &last));
}

static void
test_week_start (void)
{
  g_autoptr(GDate) friday = gdate (2026, 10, 30);
  g_autoptr(GDate) day = gdate (2026, 10, 17);
  GDate saturday;

  daftar_week_start (friday, &saturday);
  g_assert_cmpint (g_date_get_weekday (&saturday), ==, G_DATE_SATURDAY);
  g_assert_cmpint (g_date_days_between (&saturday, friday), ==, 6);

  for (int i = 0; i < 21; i++, g_date_add_days (day, 1))
    {
      int back;

      daftar_week_start (day, &saturday);
      back = g_date_days_between (&saturday, day);
      g_assert_cmpint (g_date_get_weekday (&saturday), ==, G_DATE_SATURDAY);
      g_assert_cmpint (back, >=, 0);
      g_assert_cmpint (back, <=, 6);
    }
}

static void
test_date_parse (void)
{
  static const char * const bad[] = {
    "", "  ", "abc", "1405-08", "1405-08-01-02", "14050-08-01", "1405-008-01",
    "1405--01", "05-08-01", "1404-12-30", "2026-02-30", "2026-13-01", "1405-08-01x",
    /* Outside the years the dashboards know, 1900–2199: a report over
     * centuries would take minutes and print millions of empty rows. */
    "1899-12-31", "2200-01-01", "9999-12-31", "0001-01-01", "1278-10-10", "1578-10-11",
  };
  g_autoptr(GDate) aban_first = gdate (2026, 10, 23);
  g_autoptr(GDate) aban_seventh = gdate (2026, 10, 29);
  GDate out;

  g_assert_true (daftar_date_parse ("1405-08-01", &out));
  g_assert_cmpint (g_date_compare (&out, aban_first), ==, 0);
  g_assert_true (daftar_date_parse ("2026-10-23", &out));
  g_assert_cmpint (g_date_compare (&out, aban_first), ==, 0);
  g_assert_true (daftar_date_parse ("۱۴۰۵-۰۸-۰۷", &out));
  g_assert_cmpint (g_date_compare (&out, aban_seventh), ==, 0);
  g_assert_true (daftar_date_parse ("١٤٠٥/٠٨/٠٧", &out));
  g_assert_cmpint (g_date_compare (&out, aban_seventh), ==, 0);
  g_assert_true (daftar_date_parse (" 2026/10/29 ", &out));
  g_assert_cmpint (g_date_compare (&out, aban_seventh), ==, 0);
  g_assert_true (daftar_date_parse ("1405-8-7", &out));
  g_assert_cmpint (g_date_compare (&out, aban_seventh), ==, 0);
  g_assert_true (daftar_date_parse ("1900-01-01", &out));
  g_assert_true (daftar_date_parse ("2199-12-31", &out));
  g_assert_true (daftar_date_parse ("1278-10-11", &out));   /* 1900-01-01 */
  g_assert_cmpint (g_date_get_year (&out), ==, 1900);
  g_assert_true (daftar_date_parse ("1578-10-10", &out));   /* 2199-12-31 */
  g_assert_cmpint (g_date_get_year (&out), ==, 2199);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (daftar_date_parse (bad[i], &out));
  g_assert_false (daftar_date_parse (NULL, &out));
}

static void
test_numbers_persian (void)
{
  g_autofree char *decimal = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *percent1 = NULL;
  g_autofree char *integer = NULL;

  set_persian ();
  decimal = daftar_format_decimal (12345.6, 1);
  percent = daftar_format_percent (0.913, 0);
  percent1 = daftar_format_percent (0.913, 1);
  integer = daftar_format_int (12345);

  g_assert_cmpstr (decimal, ==, "۱۲٬۳۴۵٫۶");
  /* An isolate that starts with ALM: ٪ on the same side everywhere. */
  g_assert_cmpstr (percent, ==, "\u2068\u061C۹۱٪\u2069");
  g_assert_cmpstr (percent1, ==, "\u2068\u061C۹۱٫۳٪\u2069");
  g_assert_cmpstr (integer, ==, "۱۲٬۳۴۵");
  {
    g_autofree char *ungrouped = daftar_format_int_ungrouped (12345);

    g_assert_cmpstr (ungrouped, ==, "۱۲۳۴۵");
  }

  for (int d = 0; d <= 9; d++)
    {
      g_autofree char *s = daftar_format_int (d);
      g_autofree char *want = g_ucs4_to_utf8 ((gunichar[]) { 0x06F0 + d }, 1, NULL, NULL, NULL);

      g_assert_cmpstr (s, ==, want);
    }
}

static void
test_numbers_english (void)
{
  g_autofree char *decimal = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *fixed = NULL;
  g_autofree char *big = NULL;

  set_english ();
  decimal = daftar_format_decimal (12345.6, 1);
  percent = daftar_format_percent (0.913, 0);
  fixed = daftar_format_decimal (2, 2);
  big = daftar_format_decimal (1e300, 6);

  g_assert_cmpstr (decimal, ==, "12,345.6");
  g_assert_cmpstr (percent, ==, "91%");
  {
    g_autofree char *ungrouped = daftar_format_int_ungrouped (1440);

    g_assert_cmpstr (ungrouped, ==, "1440");
  }
  /* Fraction digits are exact, so report columns line up. */
  g_assert_cmpstr (fixed, ==, "2.00");
  /* Longer than any fixed buffer: 301 digits, 100 separators, 7 more. */
  g_assert_cmpint (strlen (big), ==, 408);
}

static void
test_mixed_configs (void)
{
  g_autofree char *latin_persian = NULL;
  g_autofree char *persian_english = NULL;

  /* Persian words with Latin digits, and the other way round. */
  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_PERSIAN, DAFTAR_FORMAT_DIGITS_LATIN,
                            DAFTAR_FORMAT_CALENDAR_JALALI);
  latin_persian = daftar_format_minutes (7, 0);
  g_assert_true (daftar_test_has_latin_digit (latin_persian));
  g_assert_false (daftar_test_has_persian_digit (latin_persian));
  g_assert_nonnull (strstr (latin_persian, "دقیقه"));

  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_ENGLISH, DAFTAR_FORMAT_DIGITS_PERSIAN,
                            DAFTAR_FORMAT_CALENDAR_JALALI);
  persian_english = daftar_format_int (12345);
  g_assert_true (daftar_test_has_persian_digit (persian_english));
  g_assert_false (daftar_test_has_latin_digit (persian_english));
}

static void
test_durations (void)
{
  g_autofree char *seven = NULL;
  g_autofree char *seven_minutes = NULL;
  g_autofree char *hour_five = NULL;
  g_autofree char *hour = NULL;
  g_autofree char *almost_hour = NULL;
  g_autofree char *seconds = NULL;
  g_autofree char *one_minute = NULL;
  g_autofree char *ninety_s = NULL;
  g_autofree char *negative = NULL;
  g_autofree char *minus_seven = NULL;
  g_autofree char *days = NULL;
  g_autofree char *half = NULL;
  g_autofree char *half_number = NULL;

  set_persian ();
  seven = daftar_format_duration (7 * 60);
  seven_minutes = daftar_format_minutes (7, 0);
  hour_five = daftar_format_duration (3600 + 5 * 60);
  g_assert_cmpstr (seven, ==, "۷ دقیقه");
  g_assert_cmpstr (seven_minutes, ==, seven);
  g_assert_nonnull (strstr (hour_five, "۱"));
  g_assert_nonnull (strstr (hour_five, "۵ دقیقه"));

  set_english ();
  hour = daftar_format_duration (3600);
  almost_hour = daftar_format_duration (3599);
  seconds = daftar_format_duration (29);
  one_minute = daftar_format_duration (60);
  ninety_s = daftar_format_duration (89);
  negative = daftar_format_duration (-7 * 60);
  minus_seven = daftar_format_int (-7);
  days = daftar_format_duration (2 * 86400 + 3 * 3600 + 59);
  half = daftar_format_minutes (7.5, 1);
  half_number = daftar_format_decimal (7.5, 1);

  g_assert_null (strchr (hour, '5'));
  g_assert_cmpstr (almost_hour, ==, hour);   /* 59.98 minutes round to the hour */
  g_assert_nonnull (strstr (seconds, "29"));
  g_assert_cmpstr (ninety_s, ==, one_minute);
  g_assert_true (g_str_has_prefix (negative, minus_seven));
  g_assert_true (g_str_has_prefix (days, "2"));
  g_assert_nonnull (strstr (days, "3"));
  g_assert_true (g_str_has_prefix (half, half_number));
}

static void
test_dates_persian (void)
{
  g_autoptr(GDate) day = gdate (2026, 10, 29);
  g_autoptr(GDate) saturday = gdate (2026, 10, 24);
  GDate first, last;
  g_autofree char *short_date = NULL;
  g_autofree char *long_date = NULL;
  g_autofree char *month = NULL;
  g_autofree char *weekday = NULL;
  g_autofree char *range = NULL;
  g_autofree char *one_day = NULL;
  g_autofree char *first_long = NULL;
  g_autofree char *last_long = NULL;
  g_autofree char *want_range = NULL;
  g_autofree char *mo = NULL;
  const char *localedir = g_getenv ("DAFTAR_LOCALEDIR");

  set_persian ();
  short_date = daftar_format_date_short (day);
  long_date = daftar_format_date_long (day);
  month = daftar_format_month_year (1405, 8);
  weekday = daftar_format_weekday (saturday);
  g_assert_cmpstr (short_date, ==, "۱۴۰۵/۰۸/۰۷");
  g_assert_cmpstr (long_date, ==, "۷ آبان ۱۴۰۵");
  g_assert_cmpstr (month, ==, "آبان ۱۴۰۵");
  g_assert_cmpstr (weekday, ==, "شنبه");

  g_assert_true (daftar_jalali_month_bounds (1405, 8, &first, &last));
  range = daftar_format_date_range (&first, &last);
  one_day = daftar_format_date_range (day, day);
  first_long = daftar_format_date_long (&first);
  last_long = daftar_format_date_long (&last);
  want_range = g_strdup_printf (C_("date range", "%s to %s"), first_long, last_long);
  g_assert_cmpstr (range, ==, want_range);
  g_assert_cmpstr (one_day, ==, long_date);

  /* Under meson the compiled catalog is there, and must give the vector. */
  if (localedir != NULL)
    mo = g_build_filename (localedir, "fa", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (mo != NULL && g_file_test (mo, G_FILE_TEST_EXISTS))
    g_assert_cmpstr (range, ==, "۱ آبان ۱۴۰۵ تا ۳۰ آبان ۱۴۰۵");
}

static void
test_dates_english (void)
{
  g_autoptr(GDate) day = gdate (2026, 10, 29);
  g_autofree char *short_date = NULL;
  g_autofree char *long_date = NULL;
  g_autofree char *month = NULL;
  g_autofree char *gregorian = NULL;
  g_autofree char *gregorian_fa = NULL;
  g_autofree char *gregorian_month = NULL;

  set_english ();
  short_date = daftar_format_date_short (day);
  long_date = daftar_format_date_long (day);
  month = daftar_format_month_year (1405, 8);
  g_assert_cmpstr (short_date, ==, "1405/08/07");
  g_assert_cmpstr (long_date, ==, "7 Aban 1405");
  g_assert_cmpstr (month, ==, "Aban 1405");

  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_ENGLISH, DAFTAR_FORMAT_DIGITS_LATIN,
                            DAFTAR_FORMAT_CALENDAR_GREGORIAN);
  gregorian = daftar_format_date_short (day);
  /* A Jalali month keeps its Jalali name under the Gregorian calendar. */
  gregorian_month = daftar_format_month_year (1405, 8);
  g_assert_cmpstr (gregorian, ==, "2026/10/29");
  g_assert_cmpstr (gregorian_month, ==, month);

  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_PERSIAN, DAFTAR_FORMAT_DIGITS_PERSIAN,
                            DAFTAR_FORMAT_CALENDAR_GREGORIAN);
  gregorian_fa = daftar_format_date_short (day);
  g_assert_cmpstr (gregorian_fa, ==, "۲۰۲۶/۱۰/۲۹");
}

/* Formatting by the ICU date formatter and converting by the ICU calendar
 * agree on every day: a formatted day is never shifted by a zone. */
static void
test_dates_agree_with_arithmetic (void)
{
  g_autoptr(GDate) day = gdate (2020, 1, 1);
  g_autoptr(GDate) end = gdate (2030, 12, 31);

  set_english ();
  for (; g_date_compare (day, end) <= 0; g_date_add_days (day, 1))
    {
      DaftarJalaliDate j;
      g_autofree char *shown = daftar_format_date_short (day);
      g_autofree char *want = NULL;

      g_assert_true (daftar_jalali_from_gdate (day, &j));
      want = g_strdup_printf ("%d/%02d/%02d", j.year, j.month, j.day);
      g_assert_cmpstr (shown, ==, want);
    }
}

static void
test_datetime (void)
{
  g_autoptr(GDate) day = gdate (2026, 10, 29);
  g_autoptr(GDate) next = gdate (2026, 10, 30);
  /* 2026-10-29 12:00 UTC, and 21:00 UTC, which is already the 30th in Tehran. */
  gint64 noon = (gint64) (g_date_get_julian (day) - 719163) * 86400 + 12 * 3600;
  gint64 late = noon + 9 * 3600;
  g_autofree char *at_noon = NULL;
  g_autofree char *at_late = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *next_text = NULL;

  set_english ();
  at_noon = daftar_format_datetime (noon);
  at_late = daftar_format_datetime (late);
  day_text = daftar_format_date_short (day);
  next_text = daftar_format_date_short (next);

  /* Tehran is UTC+03:30 all year since 2022. */
  g_assert_true (g_str_has_prefix (at_noon, day_text));
  g_assert_true (g_str_has_suffix (at_noon, " 15:30"));
  g_assert_true (g_str_has_prefix (at_late, next_text));
  g_assert_true (g_str_has_suffix (at_late, " 00:30"));
}

static void
test_init_from_locale (void)
{
  DaftarFormatLanguage lang;
  DaftarFormatDigits digits;
  DaftarFormatCalendar cal;
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  g_setenv ("LANGUAGE", "fa", TRUE);
  daftar_format_init_from_locale ();
  daftar_format_get_config (&lang, &digits, &cal);
  g_assert_cmpint (lang, ==, DAFTAR_FORMAT_LANGUAGE_PERSIAN);
  g_assert_cmpint (digits, ==, DAFTAR_FORMAT_DIGITS_PERSIAN);
  g_assert_cmpint (cal, ==, DAFTAR_FORMAT_CALENDAR_JALALI);

  g_setenv ("LANGUAGE", "en_US", TRUE);
  daftar_format_init_from_locale ();
  daftar_format_get_config (&lang, &digits, &cal);
  g_assert_cmpint (lang, ==, DAFTAR_FORMAT_LANGUAGE_ENGLISH);
  g_assert_cmpint (digits, ==, DAFTAR_FORMAT_DIGITS_LATIN);
  g_assert_cmpint (cal, ==, DAFTAR_FORMAT_CALENDAR_JALALI);

  g_setenv ("LANGUAGE", saved != NULL ? saved : "fa", TRUE);
}

/* Two threads format at once, as the UI and the worker thread do. */
static gpointer
format_many (gpointer data)
{
  const char *want = data;
  g_autoptr(GDate) day = gdate (2026, 10, 29);

  for (int i = 0; i < 2000; i++)
    {
      g_autofree char *percent = daftar_format_percent (0.913, 1);
      g_autofree char *date = daftar_format_date_long (day);
      g_autofree char *both = g_strconcat (percent, " ", date, NULL);
      DaftarJalaliDate j;

      if (g_strcmp0 (both, want) != 0 || !daftar_jalali_from_gdate (day, &j) || j.day != 7)
        return GINT_TO_POINTER (FALSE);
    }
  return GINT_TO_POINTER (TRUE);
}

static void
test_threads (void)
{
  GThread *threads[2];
  const char *want = "\u2068\u061C۹۱٫۳٪\u2069 ۷ آبان ۱۴۰۵";

  set_persian ();
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("format", format_many, (gpointer) want);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("DAFTAR_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);

  /* Persian messages without a Persian system locale: C.UTF-8 still
   * honours LANGUAGE. */
  g_setenv ("LANGUAGE", "fa", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/format/jalali/vectors", test_jalali_vectors);
  g_test_add_func ("/format/jalali/invalid", test_jalali_invalid);
  g_test_add_func ("/format/jalali/round-trip", test_jalali_round_trip);
  g_test_add_func ("/format/jalali/month-lengths", test_jalali_month_lengths);
  g_test_add_func ("/format/jalali/month-bounds", test_month_bounds);
  g_test_add_func ("/format/week-start", test_week_start);
  g_test_add_func ("/format/date-parse", test_date_parse);
  g_test_add_func ("/format/numbers/persian", test_numbers_persian);
  g_test_add_func ("/format/numbers/english", test_numbers_english);
  g_test_add_func ("/format/numbers/mixed", test_mixed_configs);
  g_test_add_func ("/format/durations", test_durations);
  g_test_add_func ("/format/dates/persian", test_dates_persian);
  g_test_add_func ("/format/dates/english", test_dates_english);
  g_test_add_func ("/format/dates/agree", test_dates_agree_with_arithmetic);
  g_test_add_func ("/format/datetime", test_datetime);
  g_test_add_func ("/format/init-from-locale", test_init_from_locale);
  g_test_add_func ("/format/threads", test_threads);

  return g_test_run ();
}
