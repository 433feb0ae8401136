/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-shifts-page.h: the Shifts page — morning against evening: tickets, waits, service times, heatmaps, load and standards. */
#pragma once

#include <gtk/gtk.h>

#include "daftar-enums.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_SHIFTS_PAGE (daftar_shifts_page_get_type ())
G_DECLARE_FINAL_TYPE (DaftarShiftsPage, daftar_shifts_page, DAFTAR, SHIFTS_PAGE, GtkWidget)

/* The empty vertical box at the bottom of the page, for the staffing advisor. */
GtkBox *daftar_shifts_page_get_staffing_area (DaftarShiftsPage *self);
/* Scrolls @shift's figures to the top of the page once they are shown:
 * after the load under way, or now. For an alert about that shift. */
void    daftar_shifts_page_show_shift         (DaftarShiftsPage *self,
                                               DaftarShift       shift);

G_END_DECLS
