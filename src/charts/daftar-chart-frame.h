/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-chart-frame.h: a chart with its title and a toggle that shows the same points as a table. */
#pragma once

#include <gtk/gtk.h>

#include "daftar-chart.h"
#include "daftar-table-text.h"

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

/* The period the chart covers, for the suggested file name of its table
 * (set by the page that loads it). */
void           daftar_chart_frame_set_period         (DaftarChartFrame *self,
                                                      const GDate      *from,
                                                      const GDate      *to);
/* The table's rows as text (see daftar-table-text.h): a header row of the
 * table's column titles, then one row per point. */
char          *daftar_chart_frame_get_table_text     (DaftarChartFrame *self,
                                                      DaftarTableTextFormat format,
                                                      gsize            *out_length);
/* "table.copy": the table on the clipboard as tab-separated text
 * (text/plain) and as CSV (text/csv). */
void           daftar_chart_frame_copy_table         (DaftarChartFrame *self);
/* The table as a CSV file; "table.save-csv" asks where with a file
 * chooser and says how it went under the table. */
gboolean       daftar_chart_frame_save_table         (DaftarChartFrame *self,
                                                      GFile            *file,
                                                      GError          **error);
/* «عنوان، ۱۴۰۵-۰۸-۰۱ تا ۱۴۰۵-۰۸-۳۰.csv»: the title and the period. */
char          *daftar_chart_frame_get_file_name      (DaftarChartFrame *self);

G_END_DECLS
