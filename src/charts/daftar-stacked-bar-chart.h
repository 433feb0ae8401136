/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-stacked-bar-chart.h: one bar per category made of one segment per series (e.g. filings by kind). */
#pragma once

#include "daftar-bar-chart.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_STACKED_BAR_CHART (daftar_stacked_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (DaftarStackedBarChart, daftar_stacked_bar_chart, DAFTAR, STACKED_BAR_CHART, DaftarBarChart)

/* Feed it with daftar_chart_add_series(), one series per segment, each with
 * the same categories in the same order. */
GtkWidget *daftar_stacked_bar_chart_new (void);

G_END_DECLS
