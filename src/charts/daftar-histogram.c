/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-histogram.c: counts per bin drawn as adjacent bars (e.g. time from issue to view of notices). */
#define G_LOG_DOMAIN "daftar-charts"

#include "daftar-histogram.h"

struct _DaftarHistogram
{
  DaftarBarChart parent_instance;
};

G_DEFINE_FINAL_TYPE (DaftarHistogram, daftar_histogram, DAFTAR_TYPE_BAR_CHART)

static void
daftar_histogram_class_init (DaftarHistogramClass *klass)
{
  /* Bins touch, as a distribution's should; a hairline keeps them apart. */
  DAFTAR_BAR_CHART_CLASS (klass)->band_fill = 0.96;
}

static void
daftar_histogram_init (DaftarHistogram *self)
{
}

GtkWidget *
daftar_histogram_new (void)
{
  return g_object_new (DAFTAR_TYPE_HISTOGRAM, NULL);
}

void
daftar_histogram_set_bins (DaftarHistogram    *self,
                           const char * const *labels,
                           const double       *counts,
                           guint               n_bins)
{
  g_autoptr(DaftarChartSeries) bins = daftar_chart_series_new (NULL);

  g_return_if_fail (DAFTAR_IS_HISTOGRAM (self));
  g_return_if_fail (n_bins == 0 || (labels != NULL && counts != NULL));

  for (guint i = 0; i < n_bins; i++)
    daftar_chart_series_append_category (bins, i, labels[i], counts[i]);
  daftar_chart_set_series (DAFTAR_CHART (self), bins);
}
