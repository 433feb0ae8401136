/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-bar-chart.h: bars per category, side by side for several series; the base of stacked bars and histograms. */
#pragma once

#include "daftar-chart.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_BAR_CHART (daftar_bar_chart_get_type ())
G_DECLARE_DERIVABLE_TYPE (DaftarBarChart, daftar_bar_chart, DAFTAR, BAR_CHART, DaftarChart)

struct _DaftarBarChartClass
{
  DaftarChartClass parent_class;

  /* Set by subclasses in class_init. */
  gboolean stacked;      /* series stack on each other instead of side by side */
  double   band_fill;    /* share of a category's band that bars fill, 0..1 */

  gpointer padding[4];
};

GtkWidget *daftar_bar_chart_new (void);

G_END_DECLS
