/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-heatmap-plot.h: load by weekday (rows, Saturday first) and hour (columns) as a colour scale — without a widget. */
#pragma once

#include "daftar-plot.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_HEATMAP_PLOT (daftar_heatmap_plot_get_type ())
G_DECLARE_FINAL_TYPE (DaftarHeatmapPlot, daftar_heatmap_plot, DAFTAR, HEATMAP_PLOT, DaftarPlot)

DaftarPlot *daftar_heatmap_plot_new             (void);
/* The hours shown as columns, @first_hour..@last_hour inclusive (0..23);
 * every value is reset to 0. The default is 7..20, an office's two shifts. */
void        daftar_heatmap_plot_set_hours       (DaftarHeatmapPlot *self,
                                                 guint              first_hour,
                                                 guint              last_hour);
guint       daftar_heatmap_plot_get_first_hour  (DaftarHeatmapPlot *self);
guint       daftar_heatmap_plot_get_last_hour   (DaftarHeatmapPlot *self);
/* Sets the value of one weekday at one hour; an hour outside the shown
 * range is ignored. */
void        daftar_heatmap_plot_set_value       (DaftarHeatmapPlot *self,
                                                 GDateWeekday       weekday,
                                                 guint              hour,
                                                 double             value);
double      daftar_heatmap_plot_get_value       (DaftarHeatmapPlot *self,
                                                 GDateWeekday       weekday,
                                                 guint              hour);
/* A fixed top of the colour scale (see daftar_heatmap_set_scale_max). */
void        daftar_heatmap_plot_set_scale_max   (DaftarHeatmapPlot *self,
                                                 double             scale_max);
/* The office week: Saturday is row 0, Friday row 6. */
guint       daftar_heatmap_plot_row_for_weekday (GDateWeekday       weekday);
gboolean    daftar_heatmap_plot_get_cell_rect   (DaftarHeatmapPlot *self,
                                                 GDateWeekday       weekday,
                                                 guint              hour,
                                                 graphene_rect_t   *out_rect);

G_END_DECLS
