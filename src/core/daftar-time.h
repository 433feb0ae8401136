/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-time.h: the office's clock — Asia/Tehran days, hours and RFC 3339 times. */
#pragma once

#include <glib.h>

#include "daftar-enums.h"

G_BEGIN_DECLS

/* Offices keep Tehran time; days and hours of every rollup are local to it. */
GTimeZone  *daftar_time_zone              (void);

/* The calendar the dashboards know: local (Tehran) days of the years
 * 1900 to 2199. Every day column, Jalali date and rollup bin is inside it,
 * so a time or date from outside is refused where it comes in. */
#define DAFTAR_TIME_FIRST_YEAR 1900
#define DAFTAR_TIME_LAST_YEAR  2199

/* Whether the instant falls on a local day of that calendar. */
gboolean    daftar_time_in_calendar       (gint64      unix_time);

/* Parses an RFC 3339 time that carries an offset ("Z" or "+03:30"); a time
 * without one is refused because its instant would be a guess, and so is
 * one whose local day is outside the calendar above. */
gboolean    daftar_time_parse_rfc3339     (const char *text,
                                           gint64     *out_unix);
char       *daftar_time_format_rfc3339    (gint64      unix_time);

/* Local calendar day of an instant, as a GDate (Gregorian). */
void        daftar_time_local_date        (gint64      unix_time,
                                           GDate      *out_date);
/* The same day as 'YYYY-MM-DD' into a buffer of at least 11 bytes. */
void        daftar_time_local_day         (gint64      unix_time,
                                           char        out_day[11]);
int         daftar_time_local_hour        (gint64      unix_time);

/* Unix time of local midnight at the start of @date. */
gint64      daftar_time_day_start         (const GDate *date);
gboolean    daftar_time_parse_day         (const char  *day,
                                           GDate       *out_date);
void        daftar_time_format_day        (const GDate *date,
                                           char         out_day[11]);

/* Which shift a local hour belongs to: before 14:00 is the morning shift. */
DaftarShift daftar_time_shift_for_hour    (int hour);

G_END_DECLS
