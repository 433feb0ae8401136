/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-heatmap.h: load by weekday (rows, Saturday first) and hour (columns) as a colour scale. */
#pragma once

#include "daftar-chart.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_HEATMAP (daftar_heatmap_get_type ())
G_DECLARE_FINAL_TYPE (DaftarHeatmap, daftar_heatmap, DAFTAR, HEATMAP, DaftarChart)

GtkWidget *daftar_heatmap_new             (void);
/* The hours shown as columns, @first_hour..@last_hour inclusive (0..23);
 * every value is reset to 0. The default is 7..20, an office's two shifts. */
void       daftar_heatmap_set_hours       (DaftarHeatmap *self,
                                           guint          first_hour,
                                           guint          last_hour);
guint      daftar_heatmap_get_first_hour  (DaftarHeatmap *self);
guint      daftar_heatmap_get_last_hour   (DaftarHeatmap *self);
/* Sets the value (e.g. tickets issued) of one weekday at one hour; an hour
 * outside the shown range is ignored. */
void       daftar_heatmap_set_value       (DaftarHeatmap *self,
                                           GDateWeekday   weekday,
                                           guint          hour,
                                           double         value);
double     daftar_heatmap_get_value       (DaftarHeatmap *self,
                                           GDateWeekday   weekday,
                                           guint          hour);
/* A fixed top of the colour scale, e.g. 1 for shares, so that the same
 * colour means the same value as the values change (a what-if); then NaN
 * marks an empty cell and 0 is the palest colour. 0 (the default) scales
 * to the largest value, and empty cells are those at 0. */
void       daftar_heatmap_set_scale_max   (DaftarHeatmap *self,
                                           double         scale_max);
/* The office week: Saturday is row 0, Friday row 6. */
guint      daftar_heatmap_row_for_weekday (GDateWeekday   weekday);
/* The cell's rectangle in widget pixels, once allocated. */
gboolean   daftar_heatmap_get_cell_rect   (DaftarHeatmap   *self,
                                           GDateWeekday     weekday,
                                           guint            hour,
                                           graphene_rect_t *out_rect);

G_END_DECLS
