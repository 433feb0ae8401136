/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-period.c: Jalali period presets, previous periods and chart bins against hand-checked calendar days. */
#include "config.h"

#include "daftar-test-util.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "daftar-format.h"
#include "daftar-i18n.h"
#include "daftar-period.h"

/* A Gregorian day, the way the hand-checked tables below are written. */
static GDate
day (int y,
     int m,
     int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static GDate
jday (int jy,
      int jm,
      int jd)
{
  DaftarJalaliDate j = { jy, jm, jd };
  GDate date;

  g_assert_true (daftar_jalali_to_gdate (&j, &date));
  return date;
}

#define assert_day(date, y, m, d) G_STMT_START {                      \
    GDate expected__ = day (y, m, d);                                 \
    if (g_date_compare ((date), &expected__) != 0)                    \
      {                                                               \
        char got__[16], want__[16];                                   \
        g_date_strftime (got__, sizeof got__, "%F", (date));          \
        g_date_strftime (want__, sizeof want__, "%F", &expected__);   \
        g_error ("%s: got %s, expected %s", #date, got__, want__);    \
      }                                                               \
  } G_STMT_END

#define assert_period(p, preset_, y1, m1, d1, y2, m2, d2) G_STMT_START { \
    g_assert_cmpint ((p)->preset, ==, (preset_));                       \
    assert_day (&(p)->from, y1, m1, d1);                                \
    assert_day (&(p)->to, y2, m2, d2);                                  \
  } G_STMT_END

static void
use_persian (void)
{
  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_PERSIAN, DAFTAR_FORMAT_DIGITS_PERSIAN,
                            DAFTAR_FORMAT_CALENDAR_JALALI);
  /* Setting the locale again makes gettext forget its cached lookups. */
  g_setenv ("LANGUAGE", "fa", TRUE);
  setlocale (LC_MESSAGES, "fa_IR.UTF-8");
}

static void
use_english (void)
{
  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_ENGLISH, DAFTAR_FORMAT_DIGITS_LATIN,
                            DAFTAR_FORMAT_CALENDAR_JALALI);
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_MESSAGES, "en_US.UTF-8");
}

/* The calendar facts the tables rely on, checked first so that a failure
 * below means the period code, not the conversion. */
static void
test_calendar_facts (void)
{
  GDate d;

  d = jday (1405, 9, 7);
  assert_day (&d, 2026, 11, 28);
  g_assert_cmpint (g_date_get_weekday (&d), ==, G_DATE_SATURDAY);
  d = jday (1405, 9, 1);
  assert_day (&d, 2026, 11, 22);
  d = jday (1405, 1, 1);
  assert_day (&d, 2026, 3, 21);
  d = jday (1403, 12, 30);
  assert_day (&d, 2025, 3, 20);
  g_assert_true (daftar_jalali_is_leap (1403));
  g_assert_false (daftar_jalali_is_leap (1404));
}

/* Today 7 Azar 1405 (2026-11-28), a Saturday. */
static void
test_presets_azar (void)
{
  GDate today = day (2026, 11, 28);
  DaftarPeriod p;

  daftar_period_from_preset (DAFTAR_PERIOD_TODAY, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_TODAY, 2026, 11, 28, 2026, 11, 28);
  g_assert_cmpuint (daftar_period_n_days (&p), ==, 1);

  daftar_period_from_preset (DAFTAR_PERIOD_YESTERDAY, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_YESTERDAY, 2026, 11, 27, 2026, 11, 27);

  /* Saturday is the first day of the office week: the week is today alone. */
  daftar_period_from_preset (DAFTAR_PERIOD_THIS_WEEK, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_THIS_WEEK, 2026, 11, 28, 2026, 11, 28);

  /* 1 Azar 1405 = 2026-11-22. */
  daftar_period_from_preset (DAFTAR_PERIOD_THIS_MONTH, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_THIS_MONTH, 2026, 11, 22, 2026, 11, 28);
  g_assert_cmpuint (daftar_period_n_days (&p), ==, 7);

  /* Aban 1405: 1 Aban = 2026-10-23 … 30 Aban = 2026-11-21. */
  daftar_period_from_preset (DAFTAR_PERIOD_LAST_MONTH, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_LAST_MONTH, 2026, 10, 23, 2026, 11, 21);
  g_assert_cmpuint (daftar_period_n_days (&p), ==, 30);

  daftar_period_from_preset (DAFTAR_PERIOD_LAST_30_DAYS, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_LAST_30_DAYS, 2026, 10, 30, 2026, 11, 28);
  g_assert_cmpuint (daftar_period_n_days (&p), ==, 30);

  /* 1 Farvardin 1405 = 2026-03-21. */
  daftar_period_from_preset (DAFTAR_PERIOD_THIS_YEAR, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_THIS_YEAR, 2026, 3, 21, 2026, 11, 28);
  g_assert_cmpuint (daftar_period_n_days (&p), ==, 253);
}

/* Mid-week: Wednesday 11 Azar 1405 (2026-12-02) goes back to Saturday 7 Azar. */
static void
test_presets_midweek (void)
{
  GDate today = day (2026, 12, 2);
  DaftarPeriod p;

  g_assert_cmpint (g_date_get_weekday (&today), ==, G_DATE_WEDNESDAY);
  daftar_period_from_preset (DAFTAR_PERIOD_THIS_WEEK, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_THIS_WEEK, 2026, 11, 28, 2026, 12, 2);
  g_assert_cmpuint (daftar_period_n_days (&p), ==, 5);

  /* Friday closes the week that began the Saturday before, not the next one. */
  today = day (2026, 12, 4);
  g_assert_cmpint (g_date_get_weekday (&today), ==, G_DATE_FRIDAY);
  daftar_period_from_preset (DAFTAR_PERIOD_THIS_WEEK, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_THIS_WEEK, 2026, 11, 28, 2026, 12, 4);
  g_assert_cmpuint (daftar_period_n_days (&p), ==, 7);
}

/* Today 1 Farvardin 1405 (2026-03-21): every "this" preset is one day, and
 * last month is Esfand of 1404, a common year of 29 Esfand days. */
static void
test_presets_new_year (void)
{
  GDate today = day (2026, 3, 21);
  DaftarPeriod p;

  daftar_period_from_preset (DAFTAR_PERIOD_YESTERDAY, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_YESTERDAY, 2026, 3, 20, 2026, 3, 20);

  daftar_period_from_preset (DAFTAR_PERIOD_THIS_WEEK, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_THIS_WEEK, 2026, 3, 21, 2026, 3, 21);

  daftar_period_from_preset (DAFTAR_PERIOD_THIS_MONTH, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_THIS_MONTH, 2026, 3, 21, 2026, 3, 21);

  daftar_period_from_preset (DAFTAR_PERIOD_THIS_YEAR, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_THIS_YEAR, 2026, 3, 21, 2026, 3, 21);
  g_assert_cmpuint (daftar_period_n_days (&p), ==, 1);

  /* 1 Esfand 1404 = 2026-02-20 … 29 Esfand 1404 = 2026-03-20. */
  daftar_period_from_preset (DAFTAR_PERIOD_LAST_MONTH, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_LAST_MONTH, 2026, 2, 20, 2026, 3, 20);
  g_assert_cmpuint (daftar_period_n_days (&p), ==, 29);

  daftar_period_from_preset (DAFTAR_PERIOD_LAST_30_DAYS, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_LAST_30_DAYS, 2026, 2, 20, 2026, 3, 21);
}

/* Today 30 Esfand 1403 (2025-03-20), the leap day of the leap year 1403. */
static void
test_presets_leap_esfand (void)
{
  GDate today = day (2025, 3, 20);
  DaftarPeriod p;

  g_assert_cmpint (g_date_get_weekday (&today), ==, G_DATE_THURSDAY);

  daftar_period_from_preset (DAFTAR_PERIOD_THIS_WEEK, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_THIS_WEEK, 2025, 3, 15, 2025, 3, 20);

  /* 1 Esfand 1403 = 2025-02-19: thirty days to today. */
  daftar_period_from_preset (DAFTAR_PERIOD_THIS_MONTH, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_THIS_MONTH, 2025, 2, 19, 2025, 3, 20);
  g_assert_cmpuint (daftar_period_n_days (&p), ==, 30);

  /* Bahman 1403: 2025-01-20 … 2025-02-18. */
  daftar_period_from_preset (DAFTAR_PERIOD_LAST_MONTH, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_LAST_MONTH, 2025, 1, 20, 2025, 2, 18);

  /* 1 Farvardin 1403 = 2024-03-20; the leap year has 366 days. */
  daftar_period_from_preset (DAFTAR_PERIOD_THIS_YEAR, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_THIS_YEAR, 2024, 3, 20, 2025, 3, 20);
  g_assert_cmpuint (daftar_period_n_days (&p), ==, 366);
  g_assert_cmpint (daftar_period_bin (&p), ==, DAFTAR_BIN_MONTH);

  /* The next day is 1 Farvardin 1404, and its last month is that whole
   * 30-day Esfand. */
  today = day (2025, 3, 21);
  daftar_period_from_preset (DAFTAR_PERIOD_LAST_MONTH, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_LAST_MONTH, 2025, 2, 19, 2025, 3, 20);
  g_assert_cmpuint (daftar_period_n_days (&p), ==, 30);
  daftar_period_from_preset (DAFTAR_PERIOD_THIS_YEAR, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_THIS_YEAR, 2025, 3, 21, 2025, 3, 21);
}

static void
test_custom (void)
{
  GDate a = day (2026, 11, 28);
  GDate b = day (2026, 10, 1);
  DaftarPeriod p, q;

  /* Picked backwards, the range still runs forward. */
  daftar_period_custom (&a, &b, &p);
  assert_period (&p, DAFTAR_PERIOD_CUSTOM, 2026, 10, 1, 2026, 11, 28);
  daftar_period_custom (&b, &a, &q);
  assert_period (&q, DAFTAR_PERIOD_CUSTOM, 2026, 10, 1, 2026, 11, 28);
  g_assert_cmpuint (daftar_period_n_days (&p), ==, 59);

  daftar_period_custom (&a, &a, &p);
  g_assert_cmpuint (daftar_period_n_days (&p), ==, 1);
}

static void
test_previous (void)
{
  GDate today = day (2026, 11, 28);
  DaftarPeriod p, prev;

  /* Same length, ending the day before. */
  daftar_period_from_preset (DAFTAR_PERIOD_LAST_30_DAYS, &today, &p);
  daftar_period_previous (&p, &prev);
  assert_period (&prev, DAFTAR_PERIOD_CUSTOM, 2026, 9, 30, 2026, 10, 29);
  g_assert_cmpuint (daftar_period_n_days (&prev), ==, daftar_period_n_days (&p));

  daftar_period_from_preset (DAFTAR_PERIOD_TODAY, &today, &p);
  daftar_period_previous (&p, &prev);
  assert_period (&prev, DAFTAR_PERIOD_CUSTOM, 2026, 11, 27, 2026, 11, 27);

  /* Month to date (7 days) against the 7 days before it. */
  daftar_period_from_preset (DAFTAR_PERIOD_THIS_MONTH, &today, &p);
  daftar_period_previous (&p, &prev);
  assert_period (&prev, DAFTAR_PERIOD_CUSTOM, 2026, 11, 15, 2026, 11, 21);

  /* Last month from Aban: Mehr (30 days) against all of Shahrivar (31):
   * 1 Shahrivar 1405 = 2026-08-23, 31 Shahrivar = 2026-09-22. */
  today = day (2026, 11, 1);
  daftar_period_from_preset (DAFTAR_PERIOD_LAST_MONTH, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_LAST_MONTH, 2026, 9, 23, 2026, 10, 22);
  daftar_period_previous (&p, &prev);
  assert_period (&prev, DAFTAR_PERIOD_CUSTOM, 2026, 8, 23, 2026, 9, 22);
  g_assert_cmpuint (daftar_period_n_days (&p), ==, 30);
  g_assert_cmpuint (daftar_period_n_days (&prev), ==, 31);

  /* From Farvardin 1405: Esfand 1404 (29 days) against Bahman (30). */
  today = day (2026, 4, 10);
  daftar_period_from_preset (DAFTAR_PERIOD_LAST_MONTH, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_LAST_MONTH, 2026, 2, 20, 2026, 3, 20);
  daftar_period_previous (&p, &prev);
  assert_period (&prev, DAFTAR_PERIOD_CUSTOM, 2026, 1, 21, 2026, 2, 19);
  g_assert_cmpuint (daftar_period_n_days (&prev), ==, 30);

  /* "This month" on the last day of a month is that whole month, so it
   * compares with the whole month before: Farvardin 1405 (31 days, to
   * 2026-04-20) against Esfand 1404 (29), not a span straddling Bahman. */
  today = day (2026, 4, 20);
  daftar_period_from_preset (DAFTAR_PERIOD_THIS_MONTH, &today, &p);
  assert_period (&p, DAFTAR_PERIOD_THIS_MONTH, 2026, 3, 21, 2026, 4, 20);
  daftar_period_previous (&p, &prev);
  assert_period (&prev, DAFTAR_PERIOD_CUSTOM, 2026, 2, 20, 2026, 3, 20);

  /* So does a whole month chosen on the grid: Farvardin 1404 against the
   * 30-day leap Esfand 1403. */
  {
    GDate from = jday (1404, 1, 1), to = jday (1404, 1, 31);

    daftar_period_custom (&from, &to, &p);
    daftar_period_previous (&p, &prev);
    assert_period (&prev, DAFTAR_PERIOD_CUSTOM, 2025, 2, 19, 2025, 3, 20);
  }

  /* Previous periods chain: the one before the previous. */
  {
    DaftarPeriod before;

    daftar_period_previous (&prev, &before);
    assert_period (&before, DAFTAR_PERIOD_CUSTOM, 2025, 1, 20, 2025, 2, 18);
  }
}

static void
test_bins (void)
{
  GDate from = day (2026, 1, 1);
  GDate to;
  DaftarPeriod p;
  static const struct { guint days; DaftarBin bin; } cases[] = {
    { 1, DAFTAR_BIN_DAY }, { 7, DAFTAR_BIN_DAY }, { 31, DAFTAR_BIN_DAY },
    { 32, DAFTAR_BIN_WEEK }, { 26 * 7, DAFTAR_BIN_WEEK },
    { 26 * 7 + 1, DAFTAR_BIN_MONTH }, { 366, DAFTAR_BIN_MONTH },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      to = from;
      g_date_add_days (&to, cases[i].days - 1);
      daftar_period_custom (&from, &to, &p);
      g_assert_cmpuint (daftar_period_n_days (&p), ==, cases[i].days);
      g_assert_cmpint (daftar_period_bin (&p), ==, cases[i].bin);
    }
}

static void
test_bin_start (void)
{
  GDate d = day (2026, 12, 2);   /* Wednesday 11 Azar 1405 */
  GDate start;

  daftar_bin_start (DAFTAR_BIN_DAY, &d, &start);
  assert_day (&start, 2026, 12, 2);

  daftar_bin_start (DAFTAR_BIN_WEEK, &d, &start);
  assert_day (&start, 2026, 11, 28);
  g_assert_cmpint (g_date_get_weekday (&start), ==, G_DATE_SATURDAY);

  /* Each day of a week has the same week bin; the next Saturday a new one. */
  for (int i = 0; i < 7; i++)
    {
      GDate other = day (2026, 11, 28), other_start;

      g_date_add_days (&other, i);
      daftar_bin_start (DAFTAR_BIN_WEEK, &other, &other_start);
      assert_day (&other_start, 2026, 11, 28);
    }
  d = day (2026, 12, 5);
  daftar_bin_start (DAFTAR_BIN_WEEK, &d, &start);
  assert_day (&start, 2026, 12, 5);

  d = day (2026, 12, 2);
  daftar_bin_start (DAFTAR_BIN_MONTH, &d, &start);
  assert_day (&start, 2026, 11, 22);

  /* The leap day's month began on 1 Esfand 1403; the next day is a new one. */
  d = day (2025, 3, 20);
  daftar_bin_start (DAFTAR_BIN_MONTH, &d, &start);
  assert_day (&start, 2025, 2, 19);
  d = day (2025, 3, 21);
  daftar_bin_start (DAFTAR_BIN_MONTH, &d, &start);
  assert_day (&start, 2025, 3, 21);
}

static void
test_bin_labels (void)
{
  GDate week = day (2026, 11, 28);    /* Saturday 7 Azar 1405 */
  GDate month = day (2026, 11, 22);   /* 1 Azar 1405 */
  g_autofree char *fa_day = NULL, *fa_week = NULL, *fa_month = NULL;
  g_autofree char *en_day = NULL, *en_week = NULL, *en_month = NULL;
  g_autofree char *fa_date = NULL, *en_date = NULL;

  use_persian ();
  fa_day = daftar_bin_label (DAFTAR_BIN_DAY, &week);
  fa_week = daftar_bin_label (DAFTAR_BIN_WEEK, &week);
  fa_month = daftar_bin_label (DAFTAR_BIN_MONTH, &month);
  fa_date = daftar_format_date_long (&week);
  g_assert_cmpstr (fa_day, ==, "۱۴۰۵/۰۹/۰۷");
  g_assert_cmpstr (fa_month, ==, "آذر ۱۴۰۵");
  g_assert_cmpstr (fa_date, ==, "۷ آذر ۱۴۰۵");
  /* The week is named by its Saturday, in Persian words around it. */
  g_assert_nonnull (strstr (fa_week, fa_date));
  g_assert_null (strstr (fa_week, "week"));
  g_assert_true (daftar_test_has_persian_digit (fa_week));
  g_assert_false (daftar_test_has_latin_digit (fa_week));
  g_assert_cmpstr (daftar_period_preset_label (DAFTAR_PERIOD_LAST_30_DAYS), ==, "۳۰ روز گذشته");

  use_english ();
  en_day = daftar_bin_label (DAFTAR_BIN_DAY, &week);
  en_week = daftar_bin_label (DAFTAR_BIN_WEEK, &week);
  en_month = daftar_bin_label (DAFTAR_BIN_MONTH, &month);
  en_date = daftar_format_date_long (&week);
  g_assert_cmpstr (en_day, ==, "1405/09/07");
  g_assert_cmpstr (en_month, ==, "Azar 1405");
  g_assert_nonnull (strstr (en_week, en_date));
  g_assert_true (g_str_has_prefix (en_week, "week of "));
  g_assert_false (daftar_test_has_persian_digit (en_week));
  g_assert_cmpstr (daftar_period_preset_label (DAFTAR_PERIOD_LAST_30_DAYS), ==, "Last 30 days");

  /* A month bin's label names the Jalali month of any day in it. */
  {
    GDate end = day (2026, 12, 21);   /* 30 Azar 1405 */
    GDate start;
    g_autofree char *label = NULL;

    daftar_bin_start (DAFTAR_BIN_MONTH, &end, &start);
    label = daftar_bin_label (DAFTAR_BIN_MONTH, &start);
    g_assert_cmpstr (label, ==, en_month);
  }
}

static void
test_preset_labels (void)
{
  use_persian ();
  /* Every preset has its own translated name. */
  for (int i = DAFTAR_PERIOD_TODAY; i <= DAFTAR_PERIOD_CUSTOM; i++)
    {
      const char *label = daftar_period_preset_label (i);

      g_assert_nonnull (label);
      g_assert_true (g_utf8_get_char (label) >= 0x0600);
      for (int k = DAFTAR_PERIOD_TODAY; k < i; k++)
        g_assert_cmpstr (label, !=, daftar_period_preset_label (k));
    }
  use_english ();
  g_assert_cmpstr (daftar_period_preset_label (DAFTAR_PERIOD_THIS_WEEK), ==, "This week");
}

/* The header names a preset with its dates, in the UI's digits and calendar. */
static void
test_period_labels (void)
{
  GDate today = jday (1405, 9, 14);   /* Saturday 14 Azar 1405, 5 Dec 2026: the week is one day */
  static const struct {
    DaftarPeriodPreset preset;
    const char *persian;
    const char *english;
  } cases[] = {
    { DAFTAR_PERIOD_TODAY,        "امروز: ۱۴ آذر",                   "Today: 14 Azar" },
    { DAFTAR_PERIOD_YESTERDAY,    "دیروز: ۱۳ آذر",                   "Yesterday: 13 Azar" },
    { DAFTAR_PERIOD_THIS_WEEK,    "این هفته: ۱۴ آذر",                "This week: 14 Azar" },
    { DAFTAR_PERIOD_THIS_MONTH,   "این ماه: ۱ تا ۱۴ آذر",             "This month: 1 to 14 Azar" },
    { DAFTAR_PERIOD_LAST_MONTH,   "ماه گذشته: آبان ۱۴۰۵",             "Last month: Aban 1405" },
    { DAFTAR_PERIOD_LAST_30_DAYS, "۳۰ روز گذشته: ۱۵ آبان تا ۱۴ آذر",   "Last 30 days: 15 Aban to 14 Azar" },
    { DAFTAR_PERIOD_THIS_YEAR,    "امسال: ۱ فروردین تا ۱۴ آذر",       "This year: 1 Farvardin to 14 Azar" },
  };
  DaftarPeriod period;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *persian = NULL;
      g_autofree char *english = NULL;

      daftar_period_from_preset (cases[i].preset, &today, &period);
      use_persian ();
      persian = daftar_period_label (&period, &today);
      use_english ();
      english = daftar_period_label (&period, &today);
      g_assert_cmpstr (persian, ==, cases[i].persian);
      g_assert_cmpstr (english, ==, cases[i].english);
    }

  /* A custom range is its dates alone; a year other than today's is named. */
  {
    GDate from = jday (1404, 12, 25), to = jday (1405, 1, 5);
    g_autofree char *label = NULL;

    daftar_period_custom (&from, &to, &period);
    use_persian ();
    label = daftar_period_label (&period, &today);
    g_assert_cmpstr (label, ==, "۲۵ اسفند ۱۴۰۴ تا ۵ فروردین ۱۴۰۵");
  }
  {
    GDate from = jday (1404, 8, 3), to = jday (1404, 9, 2);
    g_autofree char *label = NULL;

    daftar_period_custom (&from, &to, &period);
    label = daftar_period_label (&period, &today);
    g_assert_cmpstr (label, ==, "۳ آبان تا ۲ آذر ۱۴۰۴");
  }
  /* A month picked on the grid is a whole month: named like "last month". */
  {
    GDate from = jday (1405, 7, 1), to = jday (1405, 7, 30);
    g_autofree char *label = NULL;

    daftar_period_custom (&from, &to, &period);
    label = daftar_period_label (&period, &today);
    g_assert_cmpstr (label, ==, "مهر ۱۴۰۵");
  }
}

/* The Latin-digits and Gregorian preferences reach the numbers written in
 * translated labels too («۳۰ روز گذشته» stayed Persian before). */
static void
test_period_labels_preferences (void)
{
  GDate today = jday (1405, 9, 14);
  DaftarPeriod period;
  g_autofree char *latin = NULL;
  g_autofree char *gregorian = NULL;
  g_autofree char *gregorian_month = NULL;

  use_persian ();
  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_PERSIAN, DAFTAR_FORMAT_DIGITS_LATIN,
                            DAFTAR_FORMAT_CALENDAR_JALALI);
  daftar_period_from_preset (DAFTAR_PERIOD_LAST_30_DAYS, &today, &period);
  g_assert_cmpstr (daftar_period_preset_label (DAFTAR_PERIOD_LAST_30_DAYS), ==, "30 روز گذشته");
  latin = daftar_period_label (&period, &today);
  g_assert_cmpstr (latin, ==, "30 روز گذشته: 15 آبان تا 14 آذر");

  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_ENGLISH, DAFTAR_FORMAT_DIGITS_LATIN,
                            DAFTAR_FORMAT_CALENDAR_GREGORIAN);
  use_english ();
  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_ENGLISH, DAFTAR_FORMAT_DIGITS_LATIN,
                            DAFTAR_FORMAT_CALENDAR_GREGORIAN);
  gregorian = daftar_period_label (&period, &today);
  g_assert_cmpstr (gregorian, ==, "Last 30 days: 6 November to 5 December");
  /* A Jalali month has no Gregorian name: its dates, across two months. */
  daftar_period_from_preset (DAFTAR_PERIOD_LAST_MONTH, &today, &period);
  gregorian_month = daftar_period_label (&period, &today);
  g_assert_cmpstr (gregorian_month, ==, "Last month: 23 October to 21 November");

  /* Persian digits chosen in English: the count follows them as well. */
  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_ENGLISH, DAFTAR_FORMAT_DIGITS_PERSIAN,
                            DAFTAR_FORMAT_CALENDAR_JALALI);
  g_assert_cmpstr (daftar_period_preset_label (DAFTAR_PERIOD_LAST_30_DAYS), ==, "Last ۳۰ days");
}

/* A page's heading says where the data start when the period starts
 * before them, and only then. */
static void
test_period_heading (void)
{
  GDate today = jday (1405, 9, 14);
  GDate first = jday (1405, 5, 5);
  GDate invalid;
  DaftarPeriod period;
  g_autofree char *year = NULL;
  g_autofree char *month = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *english = NULL;

  g_date_clear (&invalid, 1);
  use_persian ();
  daftar_period_from_preset (DAFTAR_PERIOD_THIS_YEAR, &today, &period);
  year = daftar_period_heading (&period, &first);
  g_assert_cmpstr (year, ==, "۱ فروردین ۱۴۰۵ تا ۱۴ آذر ۱۴۰۵ (داده‌ها از ۵ مرداد ۱۴۰۵)");
  unknown = daftar_period_heading (&period, &invalid);
  g_assert_cmpstr (unknown, ==, "۱ فروردین ۱۴۰۵ تا ۱۴ آذر ۱۴۰۵");

  /* A period inside the data is its dates alone. */
  daftar_period_from_preset (DAFTAR_PERIOD_LAST_MONTH, &today, &period);
  month = daftar_period_heading (&period, &first);
  g_assert_cmpstr (month, ==, "۱ آبان ۱۴۰۵ تا ۳۰ آبان ۱۴۰۵");

  use_english ();
  daftar_period_from_preset (DAFTAR_PERIOD_THIS_YEAR, &today, &period);
  english = daftar_period_heading (&period, &first);
  g_assert_cmpstr (english, ==, "1 Farvardin 1405 to 14 Azar 1405 (data from 5 Mordad 1405)");
}

int
main (int   argc,
      char *argv[])
{
  /* Persian translations for the labels; each test then picks a language. */
  daftar_i18n_force ("fa");
  daftar_i18n_init ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/calendar-facts", test_calendar_facts);
  g_test_add_func ("/period/presets/azar", test_presets_azar);
  g_test_add_func ("/period/presets/midweek", test_presets_midweek);
  g_test_add_func ("/period/presets/new-year", test_presets_new_year);
  g_test_add_func ("/period/presets/leap-esfand", test_presets_leap_esfand);
  g_test_add_func ("/period/custom", test_custom);
  g_test_add_func ("/period/previous", test_previous);
  g_test_add_func ("/period/bins", test_bins);
  g_test_add_func ("/period/bin-start", test_bin_start);
  g_test_add_func ("/period/bin-labels", test_bin_labels);
  g_test_add_func ("/period/preset-labels", test_preset_labels);
  g_test_add_func ("/period/labels", test_period_labels);
  g_test_add_func ("/period/labels/preferences", test_period_labels_preferences);
  g_test_add_func ("/period/heading", test_period_heading);

  return g_test_run ();
}
