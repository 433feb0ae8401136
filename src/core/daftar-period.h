/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-period.h: the period a dashboard shows — Jalali presets, previous period, and binning by day, week or Jalali month. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  DAFTAR_PERIOD_TODAY,
  DAFTAR_PERIOD_YESTERDAY,
  DAFTAR_PERIOD_THIS_WEEK,      /* from Saturday to today */
  DAFTAR_PERIOD_THIS_MONTH,     /* from the 1st of this Jalali month to today */
  DAFTAR_PERIOD_LAST_MONTH,     /* the whole previous Jalali month */
  DAFTAR_PERIOD_LAST_30_DAYS,   /* today and the 29 days before */
  DAFTAR_PERIOD_THIS_YEAR,      /* from 1 Farvardin to today */
  DAFTAR_PERIOD_CUSTOM,
} DaftarPeriodPreset;

typedef enum {
  DAFTAR_BIN_DAY,
  DAFTAR_BIN_WEEK,    /* Saturday to Friday */
  DAFTAR_BIN_MONTH,   /* Jalali month */
} DaftarBin;

/* A range of local calendar days, both ends included. */
typedef struct
{
  DaftarPeriodPreset preset;
  GDate              from;
  GDate              to;
} DaftarPeriod;

void        daftar_period_from_preset   (DaftarPeriodPreset  preset,
                                         const GDate        *today,
                                         DaftarPeriod       *out);
void        daftar_period_custom        (const GDate        *from,
                                         const GDate        *to,
                                         DaftarPeriod       *out);
guint       daftar_period_n_days        (const DaftarPeriod *period);
/* The period of the same length that ends the day before @period starts
 * (for a Jalali month preset: the previous Jalali month). */
void        daftar_period_previous      (const DaftarPeriod *period,
                                         DaftarPeriod       *out);
/* Day bins up to 31 days, week bins up to 26 weeks, then Jalali months. */
DaftarBin   daftar_period_bin           (const DaftarPeriod *period);
/* First day of the bin that holds @day. */
void        daftar_bin_start            (DaftarBin           bin,
                                         const GDate        *day,
                                         GDate              *out);
/* First and last day of the bin that holds @day (one calendar lookup for
 * both, so a caller can walk a long period bin by bin). */
void        daftar_bin_bounds           (DaftarBin           bin,
                                         const GDate        *day,
                                         GDate              *first,
                                         GDate              *last);
/* First and last day of the Jalali year that holds @day (1 Farvardin to
 * 29 or 30 Esfand): the yearly rollups are filed under its first day. */
void        daftar_jalali_year_bounds   (const GDate        *day,
                                         GDate              *first,
                                         GDate              *last);
/* Label of the bin starting at @start, for axes and tables: a short Jalali
 * date, "week of ۷ آذر", or "آذر ۱۴۰۵". */
char       *daftar_bin_label            (DaftarBin           bin,
                                         const GDate        *start);
/* Translated preset name ("This week", …), with the UI's digits. */
const char *daftar_period_preset_label  (DaftarPeriodPreset  preset);
/* The dates of @period in a few words: a whole Jalali month by its name
 * («آبان ۱۴۰۵») in the Jalali calendar, otherwise a short range
 * (daftar_format_date_range_short) seen from @today. */
char       *daftar_period_dates_label   (const DaftarPeriod *period,
                                         const GDate        *today);
/* The header's name of @period: the preset and its dates («ماه گذشته:
 * آبان ۱۴۰۵», «۳۰ روز گذشته: ۶ آبان تا ۵ آذر»); a custom range is its
 * dates alone. */
char       *daftar_period_label         (const DaftarPeriod *period,
                                         const GDate        *today);
/* A page's heading of @period: its full dates and, when it starts before
 * @first_data_day (nullable or invalid: unknown), the day the data start. */
char       *daftar_period_heading       (const DaftarPeriod *period,
                                         const GDate        *first_data_day);

G_END_DECLS
