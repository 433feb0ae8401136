/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-format-private.h: what daftar-format.c and daftar-format-jalali.c share — days as ICU instants. */
#pragma once

#include <glib.h>
#include <unicode/utypes.h>

G_BEGIN_DECLS

#define MS_PER_DAY 86400000.0
/* GDate's Julian day of 1970-01-01 (day 1 is 0001-01-01): ICU counts
 * milliseconds from there. The round-trip test guards the constant. */
#define UNIX_EPOCH_JULIAN 719163

/* A calendar day as ICU milliseconds: its noon in UTC. The day formatters
 * and the persian calendar run in UTC too, so no offset or DST rule can
 * move the day. */
static inline UDate
daftar_format_gdate_to_udate (const GDate *date)
{
  return ((double) g_date_get_julian (date) - UNIX_EPOCH_JULIAN) * MS_PER_DAY + MS_PER_DAY / 2;
}

G_END_DECLS
