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
  g_assert_cmpstr (daftar_time_shift_for_hour (7), ==, "morning");
  g_assert_cmpstr (daftar_time_shift_for_hour (13), ==, "morning");
  g_assert_cmpstr (daftar_time_shift_for_hour (14), ==, "evening");
  g_assert_cmpstr (daftar_time_shift_for_hour (19), ==, "evening");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/time/rfc3339", test_rfc3339);
  g_test_add_func ("/time/format-roundtrip", test_format_roundtrip);
  g_test_add_func ("/time/local-day", test_local_day);
  g_test_add_func ("/time/shift", test_shift);
  return g_test_run ();
}
