/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-chart-frame.h: a chart with its title and a toggle that shows the same points as a table. */
#pragma once

#include <gtk/gtk.h>

#include "daftar-chart.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_CHART_FRAME (daftar_chart_frame_get_type ())
G_DECLARE_FINAL_TYPE (DaftarChartFrame, daftar_chart_frame, DAFTAR, CHART_FRAME, GtkWidget)

/* @title is also given to the chart, so its description starts with it. */
GtkWidget     *daftar_chart_frame_new                (const char       *title,
                                                      DaftarChart      *chart);
DaftarChart   *daftar_chart_frame_get_chart          (DaftarChartFrame *self);
void           daftar_chart_frame_set_chart          (DaftarChartFrame *self,
                                                      DaftarChart      *chart);
const char    *daftar_chart_frame_get_title          (DaftarChartFrame *self);
void           daftar_chart_frame_set_title          (DaftarChartFrame *self,
                                                      const char       *title);
/* The header of the table's first column, e.g. "Week" or "Kind". */
void           daftar_chart_frame_set_category_title (DaftarChartFrame *self,
                                                      const char       *category_title);
gboolean       daftar_chart_frame_get_show_table     (DaftarChartFrame *self);
void           daftar_chart_frame_set_show_table     (DaftarChartFrame *self,
                                                      gboolean          show_table);
/* The table: one row per point of the chart's first series, one column of
 * labels and one of values per series. */
GtkColumnView *daftar_chart_frame_get_table          (DaftarChartFrame *self);

G_END_DECLS
