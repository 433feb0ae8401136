/* daftar-shifts-page.h: the Shifts page — morning against evening: tickets, waits, service times, heatmaps, load and standards. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DAFTAR_TYPE_SHIFTS_PAGE (daftar_shifts_page_get_type ())
G_DECLARE_FINAL_TYPE (DaftarShiftsPage, daftar_shifts_page, DAFTAR, SHIFTS_PAGE, GtkWidget)

/* The empty vertical box at the bottom of the page, for the staffing advisor. */
GtkBox *daftar_shifts_page_get_staffing_area (DaftarShiftsPage *self);

G_END_DECLS
