/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-holidays.h: the official holidays the central server sent — for the calendar and for "closed today". */
#pragma once

#include <glib.h>

#include "daftar-db.h"

G_BEGIN_DECLS

/* A public holiday: the day and its name, shown as the day's tooltip. */
typedef struct
{
  GDate  date;
  char  *name;   /* owned */
} DaftarHoliday;

DaftarHoliday *daftar_holiday_new        (const GDate   *date,
                                          const char    *name);
void           daftar_holiday_free       (DaftarHoliday *holiday);

/* Every holiday, by date (DaftarHoliday); rows with an unreadable date are
 * skipped. */
GPtrArray     *daftar_query_holidays     (DaftarDb      *db,
                                          GError       **error);

/* The name of the holiday on @day in *@out_name, NULL if @day is none. */
gboolean       daftar_query_holiday_name (DaftarDb      *db,
                                          const GDate   *day,
                                          char         **out_name,
                                          GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarHoliday, daftar_holiday_free)

G_END_DECLS
