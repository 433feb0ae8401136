/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-month-grid.h: a Jalali month calendar — Saturday first, Fridays and holidays marked — for picking a range of days. */
#pragma once

#include <gtk/gtk.h>

#include "daftar-holidays.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_MONTH_GRID (daftar_month_grid_get_type ())
G_DECLARE_FINAL_TYPE (DaftarMonthGrid, daftar_month_grid, DAFTAR, MONTH_GRID, GtkWidget)

GtkWidget *daftar_month_grid_new          (void);

/* The Jalali month shown (month 1..12); the arrows move it too. */
void       daftar_month_grid_set_month    (DaftarMonthGrid *self,
                                           int              jy,
                                           int              jm);
void       daftar_month_grid_get_month    (DaftarMonthGrid *self,
                                           int             *jy,
                                           int             *jm);
/* The day drawn with an outline (default: today in Tehran). */
void       daftar_month_grid_set_today    (DaftarMonthGrid *self,
                                           const GDate     *today);
/* @holidays: DaftarHoliday*, copied. */
void       daftar_month_grid_set_holidays (DaftarMonthGrid *self,
                                           GPtrArray       *holidays);
/* Highlights @from..@to (either order); NULL for both clears the range. */
void       daftar_month_grid_set_range    (DaftarMonthGrid *self,
                                           const GDate     *from,
                                           const GDate     *to);
/* FALSE when no range is chosen, or only its first day so far. */
gboolean   daftar_month_grid_get_range    (DaftarMonthGrid *self,
                                           GDate           *from,
                                           GDate           *to);
/* TRUE between the first click (the start) and the second (the end). */
gboolean   daftar_month_grid_get_picking  (DaftarMonthGrid *self);
/* The button of @day, or NULL when @day is not in the month shown: for
 * tests and for moving the keyboard focus. */
GtkWidget *daftar_month_grid_get_day_button (DaftarMonthGrid *self,
                                             const GDate     *day);

G_END_DECLS
