/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-demo-calendar.c: the demo span's days — Jalali dates, weekdays and Iran's official holidays, via ICU calendars. */
#define G_LOG_DOMAIN "daftar-demo"

#include "config.h"

#include <unicode/ucal.h>

#include "daftar-demo-private.h"
#include "daftar-time.h"

/* Official holidays fixed in the solar year (month, day). */
static const struct { int month, day; const char *name; } solar_holidays[] = {
  { 1, 1, "عید نوروز" },
  { 1, 2, "عید نوروز" },
  { 1, 3, "عید نوروز" },
  { 1, 4, "عید نوروز" },
  { 1, 12, "روز جمهوری اسلامی" },
  { 1, 13, "روز طبیعت" },
  { 3, 14, "رحلت امام خمینی" },
  { 3, 15, "قیام ۱۵ خرداد" },
  { 11, 22, "پیروزی انقلاب اسلامی" },
  { 12, 29, "روز ملی شدن صنعت نفت" },
};

/* Official holidays of the lunar (Hijri) year. Day 30 of Safar stands for
 * its last day, which is the 29th in short months. */
static const struct { int month, day; const char *name; } lunar_holidays[] = {
  { 1, 9, "تاسوعای حسینی" },
  { 1, 10, "عاشورای حسینی" },
  { 2, 20, "اربعین حسینی" },
  { 2, 28, "رحلت رسول اکرم و شهادت امام حسن مجتبی" },
  { 2, 30, "شهادت امام رضا" },
  { 3, 8, "شهادت امام حسن عسکری" },
  { 3, 17, "میلاد رسول اکرم و امام جعفر صادق" },
  { 6, 3, "شهادت حضرت فاطمه زهرا" },
  { 7, 13, "ولادت امام علی" },
  { 7, 27, "مبعث رسول اکرم" },
  { 8, 15, "ولادت حضرت قائم" },
  { 9, 21, "شهادت حضرت علی" },
  { 10, 1, "عید سعید فطر" },
  { 10, 2, "تعطیل به مناسبت عید سعید فطر" },
  { 10, 25, "شهادت امام جعفر صادق" },
  { 12, 10, "عید سعید قربان" },
  { 12, 18, "عید سعید غدیر خم" },
};

/* GDate's Julian day 719163 is 1970-01-01. */
#define UNIX_EPOCH_JULIAN 719163

static UCalendar *
open_calendar (const char *locale)
{
  UErrorCode status = U_ZERO_ERROR;
  static const UChar utc[] = { 'U', 'T', 'C', 0 };
  UCalendar *cal = ucal_open (utc, -1, locale, UCAL_DEFAULT, &status);

  if (U_FAILURE (status))
    g_error ("ICU cannot open the %s calendar: %s", locale, u_errorName (status));
  return cal;
}

static void
calendar_ymd (UCalendar *cal, guint32 julian, int *y, int *m, int *d)
{
  UErrorCode status = U_ZERO_ERROR;
  /* Noon UTC falls on the same date in Tehran, whatever the offset. */
  UDate millis = ((double) julian - UNIX_EPOCH_JULIAN) * 86400000.0 + 12 * 3600000.0;

  ucal_setMillis (cal, millis, &status);
  *y = ucal_get (cal, UCAL_YEAR, &status);
  *m = ucal_get (cal, UCAL_MONTH, &status) + 1;
  *d = ucal_get (cal, UCAL_DATE, &status);
  g_assert (U_SUCCESS (status));
}

static const char *
lunar_holiday (UCalendar *hijri, guint32 julian)
{
  int y, m, d, ny, nm, nd;

  calendar_ymd (hijri, julian, &y, &m, &d);
  calendar_ymd (hijri, julian + 1, &ny, &nm, &nd);
  for (guint i = 0; i < G_N_ELEMENTS (lunar_holidays); i++)
    {
      if (lunar_holidays[i].month != m)
        continue;
      if (lunar_holidays[i].day == d)
        return lunar_holidays[i].name;
      if (lunar_holidays[i].day == 30 && d == 29 && nd == 1)
        return lunar_holidays[i].name;
    }
  return NULL;
}

void
demo_calendar_fill (DemoDay *days, guint n_days)
{
  UCalendar *persian = open_calendar ("fa_IR@calendar=persian");
  /* Iran's own lunar calendar follows moon sighting; Umm al-Qura is the
   * closest ICU has and is at most a day off, which is fine for a demo. */
  UCalendar *hijri = open_calendar ("ar@calendar=islamic-umalqura");

  for (guint i = 0; i < n_days; i++)
    {
      DemoDay *day = &days[i];

      day->julian = g_date_get_julian (&day->date);
      day->weekday = g_date_get_weekday (&day->date);
      day->start = daftar_time_day_start (&day->date);
      calendar_ymd (persian, day->julian, &day->jy, &day->jm, &day->jd);
      day->holiday = NULL;
      for (guint h = 0; h < G_N_ELEMENTS (solar_holidays); h++)
        if (solar_holidays[h].month == day->jm && solar_holidays[h].day == day->jd)
          day->holiday = solar_holidays[h].name;
      if (day->holiday == NULL)
        day->holiday = lunar_holiday (hijri, day->julian);
    }

  ucal_close (hijri);
  ucal_close (persian);
}
