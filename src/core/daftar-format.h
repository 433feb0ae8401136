/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-format.h: the one formatting module for numbers, durations and dates on screen and in reports (ICU underneath). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  DAFTAR_FORMAT_LANGUAGE_PERSIAN,
  DAFTAR_FORMAT_LANGUAGE_ENGLISH,
} DaftarFormatLanguage;

typedef enum {
  DAFTAR_FORMAT_DIGITS_PERSIAN,   /* ۰–۹ with ٬ ٫ ٪ */
  DAFTAR_FORMAT_DIGITS_LATIN,     /* 0–9 */
} DaftarFormatDigits;

typedef enum {
  DAFTAR_FORMAT_CALENDAR_JALALI,
  DAFTAR_FORMAT_CALENDAR_GREGORIAN,
} DaftarFormatCalendar;

/* A day of the Jalali (Solar Hijri) calendar; month is 1..12. */
typedef struct {
  int year;
  int month;
  int day;
} DaftarJalaliDate;

/* Process-wide configuration. Until one of these is called, the first format
 * call does daftar_format_init_from_locale(): Persian, Persian digits and
 * Jalali when the first of g_get_language_names() starts with "fa", else
 * English, Latin digits and Jalali (the offices' calendar either way).
 * Safe to call from any thread; formatters are rebuilt on change. */
void      daftar_format_init_from_locale (void);
void      daftar_format_set_config       (DaftarFormatLanguage  lang,
                                          DaftarFormatDigits    digits,
                                          DaftarFormatCalendar  cal);
void      daftar_format_get_config       (DaftarFormatLanguage *lang,
                                          DaftarFormatDigits   *digits,
                                          DaftarFormatCalendar *cal);

/* Numbers. Every function returns newly allocated UTF-8, and is thread-safe.
 * @fraction_digits is exact (0..6): columns of a report line up. */
char     *daftar_format_int              (gint64         value);
/* The UI's digits without grouping separators («۱۴۴۰», "1440"): a number
 * the manager edits, which must read back as typed. */
char     *daftar_format_int_ungrouped    (gint64         value);
char     *daftar_format_decimal          (double         value,
                                          int            fraction_digits);
/* @ratio 0.913 → «۹۱٪»; with one fraction digit «۹۱٫۳٪». In a Persian UI
 * the value is an isolate that starts with ARABIC LETTER MARK (FSI ALM …
 * PDI), so ٪ sits on the same side of the digits (their left, after them
 * in reading order) alone and inside a sentence; English has no marks. */
char     *daftar_format_percent          (double         ratio,
                                          int            fraction_digits);
/* A span of time in at most two units: "40 sec", "7 min", "1 hr, 5 min",
 * «۱ ساعت و ۵ دقیقه», "2 days, 3 hr". Under an hour it rounds to the
 * nearest minute; above, smaller units are dropped. */
char     *daftar_format_duration         (gint64         seconds);
/* A mean or percentile wait: «۷٫۵ دقیقه», "7.5 min". */
char     *daftar_format_minutes          (double         minutes,
                                          int            fraction_digits);
/* A number for a file or the clipboard, read back by a spreadsheet: the
 * configured digits, no grouping separator, at most @max_fraction_digits
 * (0..6) fraction digits and no trailing zeros («۱۲٫۵», "12.5", "3"). */
char     *daftar_format_decimal_plain    (double         value,
                                          int            max_fraction_digits);

/* Calendar days (a GDate is a Gregorian day), shown in the configured
 * calendar. A day is formatted as its own day: no time zone can shift it. */
char     *daftar_format_date_short       (const GDate   *date);   /* ۱۴۰۵/۰۸/۰۷ */
char     *daftar_format_date_long        (const GDate   *date);   /* ۷ آبان ۱۴۰۵ */
char     *daftar_format_weekday          (const GDate   *date);   /* پنجشنبه */
/* «۱ آبان ۱۴۰۵ تا ۳۰ آبان ۱۴۰۵»; one date when @from equals @to. */
char     *daftar_format_date_range       (const GDate   *from,
                                          const GDate   *to);
/* The same range in as few words as stay clear, for a header: «۶ آبان تا
 * ۵ آذر», «۸ تا ۱۴ آذر», «۲۵ اسفند ۱۴۰۴ تا ۵ فروردین ۱۴۰۵»: the year only
 * when a day lies outside @today's year, named once when both share it. */
char     *daftar_format_date_range_short (const GDate   *from,
                                          const GDate   *to,
                                          const GDate   *today);
/* A Jalali month («آبان ۱۴۰۵», "Aban 1405"): the month grid and presets are
 * Jalali, so this names a Jalali month whatever the configured calendar. */
char     *daftar_format_month_year       (int            jy,
                                          int            jm);
/* An instant in the offices' zone, Asia/Tehran: «۱۴۰۵/۰۸/۰۷ ۱۴:۳۰». */
char     *daftar_format_datetime         (gint64         unix_time);

/* Jalali arithmetic (ICU's persian calendar). */
gboolean  daftar_jalali_from_gdate       (const GDate          *date,
                                          DaftarJalaliDate     *out);
/* Fails for a day that does not exist, e.g. 1404-12-30. */
gboolean  daftar_jalali_to_gdate         (const DaftarJalaliDate *jdate,
                                          GDate                *out);
/* 29..31, or 0 for a month out of range. */
int       daftar_jalali_month_length     (int            jy,
                                          int            jm);
gboolean  daftar_jalali_is_leap          (int            jy);
gboolean  daftar_jalali_month_bounds     (int            jy,
                                          int            jm,
                                          GDate         *first,
                                          GDate         *last);
/* The office week starts on Saturday (Friday is the weekend). */
void      daftar_week_start              (const GDate   *day,
                                          GDate         *saturday);
/* "1405-08-01" (Jalali: a year below 1700) or "2026-10-23" (Gregorian);
 * '/' also separates, and Persian or Arabic-Indic digits are accepted.
 * Only days of the Gregorian years 1900–2199 (Jalali 1278–1578). */
gboolean  daftar_date_parse              (const char    *text,
                                          GDate         *out);

G_END_DECLS
