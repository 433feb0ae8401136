/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-time.c: Tehran days and hours, and RFC 3339 parsing. */
#include "config.h"

#include "daftar-time.h"

static void
test_rfc3339 (void)
{
  gint64 t = 0;

  g_assert_true (daftar_time_parse_rfc3339 ("2026-10-29T08:15:00+03:30", &t));
  g_assert_cmpint (t, ==, 1793249100);
  g_assert_true (daftar_time_parse_rfc3339 ("2026-10-29T04:45:00Z", &t));
  g_assert_cmpint (t, ==, 1793249100);
  g_assert_true (daftar_time_parse_rfc3339 ("2026-10-29T04:45:00.250Z", &t));
  g_assert_cmpint (t, ==, 1793249100);

  /* No offset: the instant would be a guess, so it is refused. */
  g_assert_false (daftar_time_parse_rfc3339 ("2026-10-29T08:15:00", &t));
  g_assert_false (daftar_time_parse_rfc3339 ("2026-10-29", &t));
  g_assert_false (daftar_time_parse_rfc3339 ("yesterday", &t));
  g_assert_false (daftar_time_parse_rfc3339 ("2026-13-29T08:15:00Z", &t));
  g_assert_false (daftar_time_parse_rfc3339 ("", &t));
  g_assert_false (daftar_time_parse_rfc3339 (NULL, &t));
}

/* Times whose local day no calendar function takes (year 0 or 10000 in
 * Tehran) crashed ingest; every time is now held to 1900-2199. */
static void
test_calendar (void)
{
  static const char * const outside[] = {
    "9999-12-31T21:00:00Z",        /* 10000-01-01 in Tehran */
    "0001-01-01T00:00:00+14:00",   /* year 0 */
    "1899-12-31T12:00:00Z",
    "2199-12-31T21:00:00Z",        /* 2200-01-01 00:30 in Tehran */
    "2500-06-01T08:00:00+03:30",
  };
  gint64 t = 0;

  g_assert_true (daftar_time_parse_rfc3339 ("1900-01-01T12:00:00Z", &t));
  g_assert_true (daftar_time_in_calendar (t));
  g_assert_true (daftar_time_parse_rfc3339 ("2199-12-31T20:00:00Z", &t));
  g_assert_true (daftar_time_in_calendar (t));
  for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
    {
      g_test_message ("%s", outside[i]);
      g_assert_false (daftar_time_parse_rfc3339 (outside[i], &t));
    }
  g_assert_false (daftar_time_in_calendar (G_MININT64));
  g_assert_false (daftar_time_in_calendar (G_MAXINT64));
}

static void
test_format_roundtrip (void)
{
  g_autofree char *text = daftar_time_format_rfc3339 (1793249100);
  gint64 back = 0;

  g_assert_cmpstr (text, ==, "2026-10-29T08:15:00+03:30");
  g_assert_true (daftar_time_parse_rfc3339 (text, &back));
  g_assert_cmpint (back, ==, 1793249100);
}

static void
test_local_day (void)
{
  char day[11];
  GDate date;

  /* 21:00 UTC is 00:30 the next day in Tehran. */
  daftar_time_local_day (1793307600, day);   /* 2026-10-29T21:00:00Z */
  g_assert_cmpstr (day, ==, "2026-10-30");
  g_assert_cmpint (daftar_time_local_hour (1793307600), ==, 0);

  g_assert_true (daftar_time_parse_day ("2026-10-30", &date));
  g_assert_cmpint (daftar_time_day_start (&date), ==, 1793307600 - 30 * 60);

  /* In 2021 Iran still kept summer time (+04:30). */
  g_assert_true (daftar_time_parse_day ("2021-06-01", &date));
  g_assert_cmpint (daftar_time_day_start (&date), ==, 1622505600 - 4 * 3600 - 30 * 60);

  g_assert_false (daftar_time_parse_day ("2026-02-30", &date));
  g_assert_false (daftar_time_parse_day ("2026-2-3", &date));
  g_assert_false (daftar_time_parse_day ("2026-02-03x", &date));
}

static void
test_shift (void)
{
  g_assert_cmpint (daftar_time_shift_for_hour (7), ==, DAFTAR_SHIFT_MORNING);
  g_assert_cmpint (daftar_time_shift_for_hour (13), ==, DAFTAR_SHIFT_MORNING);
  g_assert_cmpint (daftar_time_shift_for_hour (14), ==, DAFTAR_SHIFT_EVENING);
  g_assert_cmpint (daftar_time_shift_for_hour (19), ==, DAFTAR_SHIFT_EVENING);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/time/rfc3339", test_rfc3339);
  g_test_add_func ("/time/calendar", test_calendar);
  g_test_add_func ("/time/format-roundtrip", test_format_roundtrip);
  g_test_add_func ("/time/local-day", test_local_day);
  g_test_add_func ("/time/shift", test_shift);
  return g_test_run ();
}
