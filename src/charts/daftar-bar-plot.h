/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-bar-plot.h: bars per category, side by side or stacked, or a histogram's adjacent bins — without a widget. */
#pragma once

#include "daftar-plot.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_BAR_PLOT (daftar_bar_plot_get_type ())
G_DECLARE_FINAL_TYPE (DaftarBarPlot, daftar_bar_plot, DAFTAR, BAR_PLOT, DaftarPlot)

DaftarPlot *daftar_bar_plot_new           (void);
/* One bar per category made of one segment per series (default FALSE:
 * the series' bars side by side). */
void        daftar_bar_plot_set_stacked   (DaftarBarPlot *self,
                                           gboolean       stacked);
/* How much of its band a category's bars fill, 0..1 (default 0.7; a
 * histogram's bins touch at 0.96). */
void        daftar_bar_plot_set_band_fill (DaftarBarPlot *self,
                                           double         band_fill);

G_END_DECLS
