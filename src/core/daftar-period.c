/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-period.c: the period a dashboard shows — Jalali presets, previous period, and binning. */
#define G_LOG_DOMAIN "daftar-period"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-format.h"
#include "daftar-period.h"

#define MAX_DAY_BINS 31
#define MAX_WEEK_BINS 26

static void
jalali_month_of (const GDate *day,
                 GDate       *first,
                 GDate       *last)
{
  DaftarJalaliDate j;

  daftar_jalali_from_gdate (day, &j);
  daftar_jalali_month_bounds (j.year, j.month, first, last);
}

void
daftar_period_from_preset (DaftarPeriodPreset  preset,
                           const GDate        *today,
                           DaftarPeriod       *out)
{
  DaftarJalaliDate j;
  GDate ignored;

  out->preset = preset;
  out->from = *today;
  out->to = *today;

  switch (preset)
    {
    case DAFTAR_PERIOD_TODAY:
    case DAFTAR_PERIOD_CUSTOM:
      break;
    case DAFTAR_PERIOD_YESTERDAY:
      g_date_subtract_days (&out->from, 1);
      out->to = out->from;
      break;
    case DAFTAR_PERIOD_THIS_WEEK:
      daftar_week_start (today, &out->from);
      break;
    case DAFTAR_PERIOD_THIS_MONTH:
      jalali_month_of (today, &out->from, &ignored);
      break;
    case DAFTAR_PERIOD_LAST_MONTH:
      jalali_month_of (today, &out->to, &ignored);
      g_date_subtract_days (&out->to, 1);
      jalali_month_of (&out->to, &out->from, &ignored);
      break;
    case DAFTAR_PERIOD_LAST_30_DAYS:
      g_date_subtract_days (&out->from, 29);
      break;
    case DAFTAR_PERIOD_THIS_YEAR:
      daftar_jalali_from_gdate (today, &j);
      j.month = 1;
      j.day = 1;
      daftar_jalali_to_gdate (&j, &out->from);
      break;
    default:
      g_return_if_reached ();
    }
}

void
daftar_period_custom (const GDate  *from,
                      const GDate  *to,
                      DaftarPeriod *out)
{
  out->preset = DAFTAR_PERIOD_CUSTOM;
  /* Whichever end was picked first, the range runs forward. */
  if (g_date_compare (from, to) <= 0)
    {
      out->from = *from;
      out->to = *to;
    }
  else
    {
      out->from = *to;
      out->to = *from;
    }
}

guint
daftar_period_n_days (const DaftarPeriod *period)
{
  return g_date_days_between (&period->from, &period->to) + 1;
}

/* TRUE when @period is exactly one Jalali month, first to last day. */
static gboolean
is_whole_jalali_month (const DaftarPeriod *period)
{
  GDate first, last;

  jalali_month_of (&period->from, &first, &last);
  return g_date_compare (&first, &period->from) == 0 && g_date_compare (&last, &period->to) == 0;
}

void
daftar_period_previous (const DaftarPeriod *period,
                        DaftarPeriod       *out)
{
  GDate ignored;

  out->preset = DAFTAR_PERIOD_CUSTOM;
  out->to = period->from;
  g_date_subtract_days (&out->to, 1);

  /* A whole Jalali month compares with the whole month before, whose
   * length may differ (31, 30 or 29 days). Not only "last month": "this
   * month" on its last day and a month picked on the grid are whole months
   * too, and the same length back would straddle two months. */
  if (period->preset == DAFTAR_PERIOD_LAST_MONTH || is_whole_jalali_month (period))
    {
      jalali_month_of (&out->to, &out->from, &ignored);
      return;
    }
  out->from = out->to;
  g_date_subtract_days (&out->from, daftar_period_n_days (period) - 1);
}

DaftarBin
daftar_period_bin (const DaftarPeriod *period)
{
  guint days = daftar_period_n_days (period);

  if (days <= MAX_DAY_BINS)
    return DAFTAR_BIN_DAY;
  if (days <= MAX_WEEK_BINS * 7)
    return DAFTAR_BIN_WEEK;
  return DAFTAR_BIN_MONTH;
}

void
daftar_bin_start (DaftarBin    bin,
                  const GDate *day,
                  GDate       *out)
{
  GDate ignored;

  switch (bin)
    {
    case DAFTAR_BIN_DAY:
      *out = *day;
      break;
    case DAFTAR_BIN_WEEK:
      daftar_week_start (day, out);
      break;
    case DAFTAR_BIN_MONTH:
      jalali_month_of (day, out, &ignored);
      break;
    default:
      g_return_if_reached ();
    }
}

void
daftar_bin_bounds (DaftarBin    bin,
                   const GDate *day,
                   GDate       *first,
                   GDate       *last)
{
  switch (bin)
    {
    case DAFTAR_BIN_DAY:
      *first = *last = *day;
      break;
    case DAFTAR_BIN_WEEK:
      daftar_week_start (day, first);
      *last = *first;
      g_date_add_days (last, 6);
      break;
    case DAFTAR_BIN_MONTH:
      jalali_month_of (day, first, last);
      break;
    default:
      g_return_if_reached ();
    }
}

void
daftar_jalali_year_bounds (const GDate *day,
                           GDate       *first,
                           GDate       *last)
{
  DaftarJalaliDate j;
  GDate ignored;

  daftar_jalali_from_gdate (day, &j);
  daftar_jalali_month_bounds (j.year, 1, first, &ignored);
  daftar_jalali_month_bounds (j.year, 12, &ignored, last);
}

char *
daftar_bin_label (DaftarBin    bin,
                  const GDate *start)
{
  DaftarJalaliDate j;

  switch (bin)
    {
    case DAFTAR_BIN_DAY:
      return daftar_format_date_short (start);
    case DAFTAR_BIN_WEEK:
      {
        g_autofree char *date = daftar_format_date_long (start);
        /* Translators: a week on a chart axis, named by its Saturday */
        return g_strdup_printf (_("week of %s"), date);
      }
    case DAFTAR_BIN_MONTH:
      daftar_jalali_from_gdate (start, &j);
      return daftar_format_month_year (j.year, j.month);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The number in "Last 30 days" follows the digits preference, so it is
 * formatted rather than written into the translation. The label is
 * interned: callers keep a const string, and there are only as many as
 * digit choices. */
static const char *
last_days_label (guint days)
{
  g_autofree char *count = daftar_format_int (days);
  /* Translators: a period in the header, e.g. "Last 30 days"; %s is the
   * number of days, formatted with the UI's digits. */
  g_autofree char *label = g_strdup_printf (g_dngettext (NULL, "Last %s day", "Last %s days", days), count);

  return g_intern_string (label);
}

const char *
daftar_period_preset_label (DaftarPeriodPreset preset)
{
  switch (preset)
    {
    case DAFTAR_PERIOD_TODAY:        return _("Today");
    case DAFTAR_PERIOD_YESTERDAY:    return _("Yesterday");
    case DAFTAR_PERIOD_THIS_WEEK:    return _("This week");
    case DAFTAR_PERIOD_THIS_MONTH:   return _("This month");
    case DAFTAR_PERIOD_LAST_MONTH:   return _("Last month");
    case DAFTAR_PERIOD_LAST_30_DAYS: return last_days_label (30);
    case DAFTAR_PERIOD_THIS_YEAR:    return _("This year");
    case DAFTAR_PERIOD_CUSTOM:       return _("Chosen period");
    default:                         g_return_val_if_reached (NULL);
    }
}

char *
daftar_period_dates_label (const DaftarPeriod *period,
                           const GDate        *today)
{
  DaftarFormatCalendar calendar;
  DaftarJalaliDate j;

  g_return_val_if_fail (period != NULL && today != NULL, NULL);

  /* A whole month is named; in the Gregorian calendar a Jalali month has no
   * name, so it is its dates like any other range. */
  daftar_format_get_config (NULL, NULL, &calendar);
  if (calendar == DAFTAR_FORMAT_CALENDAR_JALALI && is_whole_jalali_month (period) &&
      daftar_jalali_from_gdate (&period->from, &j))
    return daftar_format_month_year (j.year, j.month);
  return daftar_format_date_range_short (&period->from, &period->to, today);
}

char *
daftar_period_label (const DaftarPeriod *period,
                     const GDate        *today)
{
  g_autofree char *dates = NULL;

  g_return_val_if_fail (period != NULL && today != NULL, NULL);

  dates = daftar_period_dates_label (period, today);
  if (period->preset == DAFTAR_PERIOD_CUSTOM)
    return g_steal_pointer (&dates);
  /* Translators: a period in the header: its name, then its dates, e.g.
   * "Last month: Aban 1405" or "Last 30 days: 6 Aban to 5 Azar". */
  return g_strdup_printf (C_("period and its dates", "%s: %s"), daftar_period_preset_label (period->preset), dates);
}

char *
daftar_period_heading (const DaftarPeriod *period,
                       const GDate        *first_data_day)
{
  g_autofree char *range = NULL;
  g_autofree char *first = NULL;

  g_return_val_if_fail (period != NULL, NULL);

  range = daftar_format_date_range (&period->from, &period->to);
  if (first_data_day == NULL || !g_date_valid (first_data_day) ||
      g_date_compare (first_data_day, &period->from) <= 0)
    return g_steal_pointer (&range);
  first = daftar_format_date_long (first_data_day);
  /* Translators: a period's dates, then the first day the office's records
   * hold, when the period starts before it: "1 Farvardin 1405 to 14 Azar
   * 1405 (data from 5 Mordad 1405)". */
  return g_strdup_printf (_("%s (data from %s)"), range, first);
}
