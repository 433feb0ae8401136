/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-time.c: the office's clock — Asia/Tehran days, hours and RFC 3339 times. */
#include "config.h"

#include <string.h>

#include "daftar-time.h"

GTimeZone *
daftar_time_zone (void)
{
  static GTimeZone *zone;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      /* Falls back to a fixed +03:30 only if tzdata lacks the zone; Iran has
       * kept +03:30 all year since 2022, so only older summers would differ. */
      GTimeZone *tz = g_time_zone_new_identifier ("Asia/Tehran");
      if (tz == NULL)
        tz = g_time_zone_new_offset (3 * 3600 + 30 * 60);
      zone = tz;
      g_once_init_leave (&initialized, 1);
    }
  return zone;
}

/* Unix times of the calendar's first local midnight and of the midnight
 * after its last day. */
static void
calendar_bounds (gint64 *out_first,
                 gint64 *out_end)
{
  static gint64 first, end;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GDateTime) a = g_date_time_new (daftar_time_zone (), DAFTAR_TIME_FIRST_YEAR, 1, 1, 0, 0, 0);
      g_autoptr(GDateTime) b = g_date_time_new (daftar_time_zone (), DAFTAR_TIME_LAST_YEAR + 1, 1, 1, 0, 0, 0);

      first = g_date_time_to_unix (a);
      end = g_date_time_to_unix (b);
      g_once_init_leave (&initialized, 1);
    }
  *out_first = first;
  *out_end = end;
}

gboolean
daftar_time_in_calendar (gint64 unix_time)
{
  gint64 first, end;

  calendar_bounds (&first, &end);
  return unix_time >= first && unix_time < end;
}

gboolean
daftar_time_parse_rfc3339 (const char *text,
                           gint64     *out_unix)
{
  g_autoptr(GDateTime) dt = NULL;
  size_t len;

  if (text == NULL)
    return FALSE;
  len = strlen (text);
  /* "YYYY-MM-DDTHH:MM:SS" plus an offset: refuse anything without one,
   * because g_date_time_new_from_iso8601 would silently take local time. */
  if (len < 20 || (text[10] != 'T' && text[10] != 't'))
    return FALSE;
  if (!(text[len - 1] == 'Z' || text[len - 1] == 'z' ||
        ((text[len - 6] == '+' || text[len - 6] == '-') && text[len - 3] == ':')))
    return FALSE;

  dt = g_date_time_new_from_iso8601 (text, NULL);
  /* GLib takes years 1 to 9999 and any offset, which can put the local day
   * in year 0 or 10000: no GDate, ICU calendar or 'YYYY-MM-DD' takes it. */
  if (dt == NULL || !daftar_time_in_calendar (g_date_time_to_unix (dt)))
    return FALSE;
  *out_unix = g_date_time_to_unix (dt);
  return TRUE;
}

char *
daftar_time_format_rfc3339 (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, daftar_time_zone ());

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

/* Seconds since the epoch on the Tehran wall clock. Ingest calls this for
 * every record, so it asks the zone for the offset instead of building
 * GDateTimes. */
static gint64
local_seconds (gint64 unix_time)
{
  GTimeZone *tz = daftar_time_zone ();
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, unix_time);

  return unix_time + g_time_zone_get_offset (tz, interval);
}

/* Julian day number (as GDate counts) of 1970-01-01. */
#define EPOCH_JULIAN 719163

void
daftar_time_local_date (gint64  unix_time,
                        GDate  *out_date)
{
  gint64 local = local_seconds (unix_time);
  gint64 days = local >= 0 ? local / 86400 : (local - 86399) / 86400;

  g_date_clear (out_date, 1);
  g_date_set_julian (out_date, (guint32) (EPOCH_JULIAN + days));
}

void
daftar_time_format_day (const GDate *date,
                        char         out_day[11])
{
  g_snprintf (out_day, 11, "%04u-%02u-%02u",
              (guint) g_date_get_year (date),
              (guint) g_date_get_month (date),
              (guint) g_date_get_day (date));
}

void
daftar_time_local_day (gint64 unix_time,
                       char   out_day[11])
{
  GDate date;

  daftar_time_local_date (unix_time, &date);
  daftar_time_format_day (&date, out_day);
}

int
daftar_time_local_hour (gint64 unix_time)
{
  gint64 local = local_seconds (unix_time);
  gint64 in_day = local % 86400;

  return (int) ((in_day < 0 ? in_day + 86400 : in_day) / 3600);
}

gint64
daftar_time_day_start (const GDate *date)
{
  g_autoptr(GDateTime) dt = g_date_time_new (daftar_time_zone (),
                                             g_date_get_year (date),
                                             g_date_get_month (date),
                                             g_date_get_day (date),
                                             0, 0, 0);
  return g_date_time_to_unix (dt);
}

gboolean
daftar_time_parse_day (const char *day,
                       GDate      *out_date)
{
  static const int digits[] = { 0, 1, 2, 3, 5, 6, 8, 9 };
  unsigned y, m, d;

  /* Digit by digit rather than sscanf: the dashboards parse every row's
   * day, tens of thousands per page over five years. */
  if (day == NULL || strlen (day) != 10 || day[4] != '-' || day[7] != '-')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    if (!g_ascii_isdigit (day[digits[i]]))
      return FALSE;
  y = (day[0] - '0') * 1000 + (day[1] - '0') * 100 + (day[2] - '0') * 10 + (day[3] - '0');
  m = (day[5] - '0') * 10 + (day[6] - '0');
  d = (day[8] - '0') * 10 + (day[9] - '0');
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, d, m, y);
  return TRUE;
}

DaftarShift
daftar_time_shift_for_hour (int hour)
{
  return hour < 14 ? DAFTAR_SHIFT_MORNING : DAFTAR_SHIFT_EVENING;
}
