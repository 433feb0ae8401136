/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-bar-chart.c: bars per category, side by side for several series; the base of stacked bars and histograms. */
#define G_LOG_DOMAIN "daftar-charts"

#include "daftar-bar-chart.h"

#include "daftar-bar-plot.h"

G_DEFINE_TYPE (DaftarBarChart, daftar_bar_chart, DAFTAR_TYPE_CHART)

static void
daftar_bar_chart_constructed (GObject *object)
{
  DaftarBarChartClass *klass = DAFTAR_BAR_CHART_GET_CLASS (object);
  DaftarBarPlot *plot;

  G_OBJECT_CLASS (daftar_bar_chart_parent_class)->constructed (object);

  /* The kind of bars is the class's; the drawing is the plot's. */
  plot = DAFTAR_BAR_PLOT (daftar_chart_get_plot (DAFTAR_CHART (object)));
  daftar_bar_plot_set_stacked (plot, klass->stacked);
  daftar_bar_plot_set_band_fill (plot, klass->band_fill);
}

static void
daftar_bar_chart_class_init (DaftarBarChartClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = daftar_bar_chart_constructed;
  DAFTAR_CHART_CLASS (klass)->plot_type = DAFTAR_TYPE_BAR_PLOT;

  klass->stacked = FALSE;
  klass->band_fill = 0.7;
}

static void
daftar_bar_chart_init (DaftarBarChart *self)
{
}

GtkWidget *
daftar_bar_chart_new (void)
{
  return g_object_new (DAFTAR_TYPE_BAR_CHART, NULL);
}
