/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-format-jalali.c: Jalali calendar arithmetic, the office week and date parsing, through ICU's persian calendar. */
#define G_LOG_DOMAIN "daftar-format"

#include <math.h>

#include <unicode/ucal.h>

#include "daftar-format.h"
#include "daftar-format-private.h"

/* The Gregorian years a date of the command line may fall in: those the
 * dashboards know, as a date of the protocol (docs/sync-protocol.md). */
#define FIRST_YEAR 1900
#define LAST_YEAR 2199

/* Jalali arithmetic has its own calendar and lock: it does not depend on
 * the formatting configuration, and a UCalendar is not safe to share. */
static GMutex calendar_lock;
static UCalendar *persian_calendar;

static UCalendar *
persian_calendar_locked (void)
{
  UErrorCode status = U_ZERO_ERROR;

  if (persian_calendar != NULL)
    return persian_calendar;

  persian_calendar = ucal_open (u"UTC", -1, "en@calendar=persian", UCAL_DEFAULT, &status);
  if (U_FAILURE (status))
    g_error ("ICU has no persian calendar: %s", u_errorName (status));
  /* Not lenient: 1404-12-30 must be an error, not 1405-01-01. */
  ucal_setAttribute (persian_calendar, UCAL_LENIENT, 0);
  return persian_calendar;
}

static gboolean
jalali_of_udate_locked (UDate             when,
                        DaftarJalaliDate *out)
{
  UCalendar *cal = persian_calendar_locked ();
  UErrorCode status = U_ZERO_ERROR;

  ucal_setMillis (cal, when, &status);
  out->year = ucal_get (cal, UCAL_EXTENDED_YEAR, &status);
  out->month = ucal_get (cal, UCAL_MONTH, &status) + 1;
  out->day = ucal_get (cal, UCAL_DATE, &status);
  return U_SUCCESS (status) && out->year >= 1;
}

gboolean
daftar_jalali_from_gdate (const GDate      *date,
                          DaftarJalaliDate *out)
{
  gboolean ok;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  g_mutex_lock (&calendar_lock);
  ok = jalali_of_udate_locked (daftar_format_gdate_to_udate (date), out);
  g_mutex_unlock (&calendar_lock);
  return ok;
}

gboolean
daftar_jalali_to_gdate (const DaftarJalaliDate *jdate,
                        GDate                  *out)
{
  UCalendar *cal;
  UErrorCode status = U_ZERO_ERROR;
  DaftarJalaliDate back;
  UDate when;
  double julian;
  gboolean ok;

  g_return_val_if_fail (jdate != NULL && out != NULL, FALSE);

  /* GDate ends in Gregorian year 65535; stay far inside it. */
  if (jdate->year < 1 || jdate->year > 9999 || jdate->month < 1 || jdate->month > 12 ||
      jdate->day < 1 || jdate->day > 31)
    return FALSE;

  g_mutex_lock (&calendar_lock);
  cal = persian_calendar_locked ();
  ucal_clear (cal);
  ucal_setDate (cal, jdate->year, jdate->month - 1, jdate->day, &status);
  when = ucal_getMillis (cal, &status);
  /* Midnight UTC of the day; the round trip catches anything ICU let by. */
  ok = U_SUCCESS (status) && jalali_of_udate_locked (when + MS_PER_DAY / 2, &back) &&
       back.year == jdate->year && back.month == jdate->month && back.day == jdate->day;
  g_mutex_unlock (&calendar_lock);

  if (!ok)
    return FALSE;

  julian = floor (when / MS_PER_DAY) + UNIX_EPOCH_JULIAN;
  if (julian < 1 || !g_date_valid_julian ((guint32) julian))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_julian (out, (guint32) julian);
  return TRUE;
}

int
daftar_jalali_month_length (int jy,
                            int jm)
{
  UCalendar *cal;
  UErrorCode status = U_ZERO_ERROR;
  int length;

  if (jy < 1 || jy > 9999 || jm < 1 || jm > 12)
    return 0;

  g_mutex_lock (&calendar_lock);
  cal = persian_calendar_locked ();
  ucal_clear (cal);
  ucal_setDate (cal, jy, jm - 1, 1, &status);
  length = ucal_getLimit (cal, UCAL_DATE, UCAL_ACTUAL_MAXIMUM, &status);
  g_mutex_unlock (&calendar_lock);

  return U_SUCCESS (status) ? length : 0;
}

gboolean
daftar_jalali_is_leap (int jy)
{
  /* A Jalali leap year is one whose Esfand has 30 days. */
  return daftar_jalali_month_length (jy, 12) == 30;
}

gboolean
daftar_jalali_month_bounds (int    jy,
                            int    jm,
                            GDate *first,
                            GDate *last)
{
  DaftarJalaliDate start = { jy, jm, 1 };
  DaftarJalaliDate end = { jy, jm, daftar_jalali_month_length (jy, jm) };
  GDate a, b;

  if (end.day == 0 || !daftar_jalali_to_gdate (&start, &a) || !daftar_jalali_to_gdate (&end, &b))
    return FALSE;
  if (first != NULL)
    *first = a;
  if (last != NULL)
    *last = b;
  return TRUE;
}

void
daftar_week_start (const GDate *day,
                   GDate       *saturday)
{
  g_return_if_fail (day != NULL && g_date_valid (day) && saturday != NULL);

  *saturday = *day;
  /* GDateWeekday: Monday 1 … Saturday 6, Sunday 7; days back to Saturday. */
  g_date_subtract_days (saturday, (g_date_get_weekday (day) + 1) % 7);
}

gboolean
daftar_date_parse (const char *text,
                   GDate      *out)
{
  int parts[3] = { 0, 0, 0 };
  int digits[3] = { 0, 0, 0 };
  int n = 0;
  g_autofree char *copy = NULL;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  for (const char *p = copy; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      /* Any decimal digit: Latin, Persian ۰–۹ or Arabic-Indic ٠–٩. */
      int value = g_unichar_digit_value (c);

      if (value >= 0)
        {
          if (++digits[n] > (n == 0 ? 4 : 2))
            return FALSE;
          parts[n] = parts[n] * 10 + value;
        }
      else if ((c == '-' || c == '/') && n < 2 && digits[n] > 0)
        n++;
      else
        return FALSE;
    }

  /* A four-digit year keeps "05-08-01" from being read as some century. */
  if (n != 2 || digits[0] != 4 || digits[2] == 0)
    return FALSE;

  if (parts[0] < 1700)
    {
      DaftarJalaliDate jdate = { parts[0], parts[1], parts[2] };

      if (!daftar_jalali_to_gdate (&jdate, out))
        return FALSE;
    }
  else
    {
      if (!g_date_valid_dmy (parts[2], parts[1], parts[0]))
        return FALSE;
      g_date_clear (out, 1);
      g_date_set_dmy (out, parts[2], parts[1], parts[0]);
    }

  /* The years of the protocol's dates: a report from year 1 to 9999 would
   * take minutes and print millions of empty rows. */
  return g_date_get_year (out) >= FIRST_YEAR && g_date_get_year (out) <= LAST_YEAR;
}
