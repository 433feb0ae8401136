/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-stacked-bar-chart.c: one bar per category made of one segment per series (e.g. filings by kind). */
#define G_LOG_DOMAIN "daftar-charts"

#include "daftar-stacked-bar-chart.h"

struct _DaftarStackedBarChart
{
  DaftarBarChart parent_instance;
};

G_DEFINE_FINAL_TYPE (DaftarStackedBarChart, daftar_stacked_bar_chart, DAFTAR_TYPE_BAR_CHART)

static void
daftar_stacked_bar_chart_class_init (DaftarStackedBarChartClass *klass)
{
  /* The plot describes the stacks' totals too: the whole stack is what a
   * manager reads first. */
  DAFTAR_BAR_CHART_CLASS (klass)->stacked = TRUE;
}

static void
daftar_stacked_bar_chart_init (DaftarStackedBarChart *self)
{
}

GtkWidget *
daftar_stacked_bar_chart_new (void)
{
  return g_object_new (DAFTAR_TYPE_STACKED_BAR_CHART, NULL);
}
