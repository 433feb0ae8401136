/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-heatmap.c: load by weekday (rows, Saturday first) and hour (columns) as a colour scale. */
#define G_LOG_DOMAIN "daftar-charts"

#include "daftar-heatmap.h"

#include <math.h>

#include "daftar-heatmap-plot.h"

struct _DaftarHeatmap
{
  DaftarChart parent_instance;
};

G_DEFINE_FINAL_TYPE (DaftarHeatmap, daftar_heatmap, DAFTAR_TYPE_CHART)

static DaftarHeatmapPlot *
get_plot (DaftarHeatmap *self)
{
  return DAFTAR_HEATMAP_PLOT (daftar_chart_get_plot (DAFTAR_CHART (self)));
}

guint
daftar_heatmap_row_for_weekday (GDateWeekday weekday)
{
  return daftar_heatmap_plot_row_for_weekday (weekday);
}

static void
daftar_heatmap_class_init (DaftarHeatmapClass *klass)
{
  DAFTAR_CHART_CLASS (klass)->plot_type = DAFTAR_TYPE_HEATMAP_PLOT;
}

static void
daftar_heatmap_init (DaftarHeatmap *self)
{
}

GtkWidget *
daftar_heatmap_new (void)
{
  return g_object_new (DAFTAR_TYPE_HEATMAP, NULL);
}

void
daftar_heatmap_set_hours (DaftarHeatmap *self,
                          guint          first_hour,
                          guint          last_hour)
{
  g_return_if_fail (DAFTAR_IS_HEATMAP (self));
  daftar_heatmap_plot_set_hours (get_plot (self), first_hour, last_hour);
}

void
daftar_heatmap_set_scale_max (DaftarHeatmap *self,
                              double         scale_max)
{
  g_return_if_fail (DAFTAR_IS_HEATMAP (self));
  daftar_heatmap_plot_set_scale_max (get_plot (self), scale_max);
}

guint
daftar_heatmap_get_first_hour (DaftarHeatmap *self)
{
  g_return_val_if_fail (DAFTAR_IS_HEATMAP (self), 0);
  return daftar_heatmap_plot_get_first_hour (get_plot (self));
}

guint
daftar_heatmap_get_last_hour (DaftarHeatmap *self)
{
  g_return_val_if_fail (DAFTAR_IS_HEATMAP (self), 0);
  return daftar_heatmap_plot_get_last_hour (get_plot (self));
}

void
daftar_heatmap_set_value (DaftarHeatmap *self,
                          GDateWeekday   weekday,
                          guint          hour,
                          double         value)
{
  g_return_if_fail (DAFTAR_IS_HEATMAP (self));
  daftar_heatmap_plot_set_value (get_plot (self), weekday, hour, value);
}

double
daftar_heatmap_get_value (DaftarHeatmap *self,
                          GDateWeekday   weekday,
                          guint          hour)
{
  g_return_val_if_fail (DAFTAR_IS_HEATMAP (self), NAN);
  return daftar_heatmap_plot_get_value (get_plot (self), weekday, hour);
}

gboolean
daftar_heatmap_get_cell_rect (DaftarHeatmap   *self,
                              GDateWeekday     weekday,
                              guint            hour,
                              graphene_rect_t *out_rect)
{
  g_return_val_if_fail (DAFTAR_IS_HEATMAP (self), FALSE);
  return daftar_heatmap_plot_get_cell_rect (get_plot (self), weekday, hour, out_rect);
}
