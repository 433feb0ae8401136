/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-time.c: the time and date parsers — RFC 3339 times of a page, stored days, and the Jalali or Gregorian dates of the command line — each checked by a round trip. */
#define G_LOG_DOMAIN "daftar-fuzz"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "daftar-format.h"
#include "daftar-period.h"
#include "daftar-time.h"
#include "fuzz-common.h"

/* 1946-01-01T00:00:00Z: Tehran's offset has whole minutes from then on. */
#define TEHRAN_1946 G_GINT64_CONSTANT (-757382400)

/* A time parses, formats in the office's zone and parses back to the same
 * instant, and its local day and hour are a real day and hour. */
static void
check_rfc3339 (const char *text)
{
  g_autofree char *formatted = NULL;
  char day[11];
  GDate date, again, next;
  gint64 when, back;
  int hour;

  if (!daftar_time_parse_rfc3339 (text, &when))
    return;

  formatted = daftar_time_format_rfc3339 (when);
  fuzz_check (formatted != NULL, "“%s” does not format", text);
  /* Before 1946 Tehran kept its mean solar time, +03:25:44, and an RFC 3339
   * offset has no seconds: the time comes back to the minute only. */
  fuzz_check (daftar_time_parse_rfc3339 (formatted, &back) &&
              (back == when || (when < TEHRAN_1946 && ABS (back - when) < 60)),
              "“%s” formats as “%s”, which does not parse back", text, formatted);

  daftar_time_local_date (when, &date);
  fuzz_check (g_date_valid (&date), "“%s” has no local day", text);
  daftar_time_local_day (when, day);
  fuzz_check (daftar_time_parse_day (day, &again) && g_date_compare (&again, &date) == 0,
              "“%s”: local day %s", text, day);
  hour = daftar_time_local_hour (when);
  fuzz_check (hour >= 0 && hour < 24, "“%s”: local hour %d", text, hour);

  next = date;
  g_date_add_days (&next, 1);
  fuzz_check (daftar_time_day_start (&date) <= when && when < daftar_time_day_start (&next),
              "“%s” is not within its local day %s", text, day);
}

/* A stored day is exactly YYYY-MM-DD and formats back to itself. */
static void
check_day (const char *text)
{
  char day[11];
  GDate date;

  if (!daftar_time_parse_day (text, &date))
    return;
  fuzz_check (g_date_valid (&date), "“%s” parses to no day", text);
  daftar_time_format_day (&date, day);
  fuzz_check (g_str_equal (day, text), "“%s” formats back as %s", text, day);
}

/* A date of the command line is a real day; a Jalali one goes to the
 * Jalali calendar and back, and each writes as a date that parses again. */
static void
check_date (const char *text,
            GDate      *out)
{
  DaftarJalaliDate jdate;
  GDate back;
  g_autofree char *jalali = NULL;
  g_autofree char *shown = NULL;

  g_date_clear (out, 1);
  if (!daftar_date_parse (text, out))
    {
      g_date_clear (out, 1);
      return;
    }
  fuzz_check (g_date_valid (out), "“%s” parses to no day", text);
  fuzz_check (daftar_jalali_from_gdate (out, &jdate), "“%s” has no Jalali day", text);
  fuzz_check (daftar_jalali_to_gdate (&jdate, &back) && g_date_compare (&back, out) == 0,
              "“%s”: Jalali %d-%d-%d does not convert back", text, jdate.year, jdate.month, jdate.day);

  /* Four-digit Jalali years below 1700 are read as Jalali. */
  if (jdate.year >= 1000 && jdate.year < 1700)
    {
      jalali = g_strdup_printf ("%04d-%02d-%02d", jdate.year, jdate.month, jdate.day);
      fuzz_check (daftar_date_parse (jalali, &back) && g_date_compare (&back, out) == 0,
                  "“%s” is Jalali %s, which does not parse back", text, jalali);
    }
  if (g_date_get_year (out) >= 1700 && g_date_get_year (out) <= 9999)
    {
      char day[11];

      daftar_time_format_day (out, day);
      fuzz_check (daftar_date_parse (day, &back) && g_date_compare (&back, out) == 0,
                  "“%s” is %s, which does not parse back", text, day);
    }
  shown = daftar_format_date_long (out);
  fuzz_check (shown != NULL && g_utf8_validate (shown, -1, NULL), "“%s” does not format", text);
}

/* What a report does with its two dates: the period, the one before it,
 * and its bins. */
static void
check_period (const GDate *from,
              const GDate *to)
{
  DaftarPeriod period, previous;
  DaftarBin bin;
  GDate day, first, last;
  g_autofree char *range = NULL;
  guint bins = 0;

  daftar_period_custom (from, to, &period);
  fuzz_check (daftar_period_n_days (&period) == g_date_days_between (from, to) + 1u,
              "%u days", daftar_period_n_days (&period));
  /* Only the overview page asks for the period before, of a period picked
   * on its month grid: one that has a period of its length before it. */
  if (g_date_get_julian (from) > 2 * daftar_period_n_days (&period) + 62)
    {
      daftar_period_previous (&period, &previous);
      fuzz_check (g_date_valid (&previous.from) && g_date_valid (&previous.to) &&
                  g_date_compare (&previous.to, from) < 0 && g_date_compare (&previous.from, &previous.to) <= 0,
                  "%s", "the previous period does not end before the period");
    }
  range = daftar_format_date_range (from, to);
  fuzz_check (range != NULL, "%s", "the range does not format");

  bin = daftar_period_bin (&period);
  /* The first bins tell as much as all: a period of centuries has thousands. */
  for (day = *from; g_date_compare (&day, to) <= 0 && bins < 400; bins++)
    {
      g_autofree char *label = NULL;

      daftar_bin_bounds (bin, &day, &first, &last);
      fuzz_check (g_date_compare (&first, &day) <= 0 && g_date_compare (&day, &last) <= 0,
                  "%s", "a day outside its own bin");
      if (bins == 0)
        {
          label = daftar_bin_label (bin, &first);
          fuzz_check (label != NULL, "%s", "a bin without a label");
        }
      if (g_date_get_julian (&last) >= G_MAXUINT32 - 1 || g_date_compare (&last, to) >= 0)
        break;
      day = last;
      g_date_add_days (&day, 1);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  /* Persian digits and names: the path with the most to go wrong. */
  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_PERSIAN, DAFTAR_FORMAT_DIGITS_PERSIAN,
                            DAFTAR_FORMAT_CALENDAR_JALALI);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *whole = fuzz_strndup (data, size);
  g_autofree char *first = fuzz_take_line (&data, &size);
  g_autofree char *second = fuzz_strndup (data, size);
  GDate from, to;

  check_rfc3339 (whole);
  check_day (whole);
  check_date (whole, &from);

  /* Two lines: the --from and --to of a report. */
  check_date (first, &from);
  check_date (second, &to);
  if (g_date_valid (&from) && g_date_valid (&to) && g_date_compare (&from, &to) <= 0)
    check_period (&from, &to);
  return 0;
}
