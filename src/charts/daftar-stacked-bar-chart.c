/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-stacked-bar-chart.c: one bar per category made of one segment per series (e.g. filings by kind). */
#define G_LOG_DOMAIN "daftar-charts"

#include "daftar-stacked-bar-chart.h"

#include <glib/gi18n.h>
#include <math.h>

#include "daftar-chart-private.h"

struct _DaftarStackedBarChart
{
  DaftarBarChart parent_instance;
};

G_DEFINE_FINAL_TYPE (DaftarStackedBarChart, daftar_stacked_bar_chart, DAFTAR_TYPE_BAR_CHART)

/* The whole stack is what a manager reads first: describe the totals too. */
static void
daftar_stacked_bar_chart_describe (DaftarChart *chart,
                                   GString     *description)
{
  g_autoptr(DaftarChartSeries) totals = daftar_chart_series_new (C_("chart", "Total"));
  DaftarChartSeries *first;
  guint n;

  if (daftar_chart_get_n_series (chart) == 0)
    return;

  first = daftar_chart_get_series (chart, 0);
  n = daftar_chart_series_get_n_points (first);
  for (guint i = 0; i < n; i++)
    {
      double sum = 0;

      for (guint s = 0; s < daftar_chart_get_n_series (chart); s++)
        {
          double v = daftar_chart_series_get_value (daftar_chart_get_series (chart, s), i);

          if (isfinite (v))   /* no data adds nothing */
            sum += v;
        }
      daftar_chart_series_append_category (totals, i, daftar_chart_series_get_label (first, i), sum);
    }
  daftar_chart_describe_extremes (chart, totals, description);

  DAFTAR_CHART_CLASS (daftar_stacked_bar_chart_parent_class)->describe (chart, description);
}

static void
daftar_stacked_bar_chart_class_init (DaftarStackedBarChartClass *klass)
{
  DAFTAR_CHART_CLASS (klass)->describe = daftar_stacked_bar_chart_describe;
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
