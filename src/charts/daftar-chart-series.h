/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-chart-series.h: the data of a chart — a named list of points, apart from any drawing. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One point: where it sits on the x axis (a day or a category index), the
 * label already formatted by the page (a Jalali date, a kind name) and its
 * value. A NaN value means "no data" and is skipped when drawing. */
#define DAFTAR_TYPE_CHART_POINT (daftar_chart_point_get_type ())
G_DECLARE_FINAL_TYPE (DaftarChartPoint, daftar_chart_point, DAFTAR, CHART_POINT, GObject)

guint          daftar_chart_point_get_index     (DaftarChartPoint *self);
gboolean       daftar_chart_point_get_day       (DaftarChartPoint *self,
                                                 GDate            *out_day);
guint          daftar_chart_point_get_category  (DaftarChartPoint *self);
const char    *daftar_chart_point_get_label     (DaftarChartPoint *self);
double         daftar_chart_point_get_value     (DaftarChartPoint *self);

/* A series is a GListModel of DaftarChartPoint, so a table view can show it
 * as it is. Charts listen to items-changed and lay themselves out again. */
#define DAFTAR_TYPE_CHART_SERIES (daftar_chart_series_get_type ())
G_DECLARE_FINAL_TYPE (DaftarChartSeries, daftar_chart_series, DAFTAR, CHART_SERIES, GObject)

DaftarChartSeries *daftar_chart_series_new          (const char        *name);
const char        *daftar_chart_series_get_name     (DaftarChartSeries *self);
void               daftar_chart_series_set_name     (DaftarChartSeries *self,
                                                     const char        *name);

void               daftar_chart_series_append_day      (DaftarChartSeries *self,
                                                        const GDate       *day,
                                                        const char        *label,
                                                        double             value);
void               daftar_chart_series_append_category (DaftarChartSeries *self,
                                                        guint              category,
                                                        const char        *label,
                                                        double             value);
void               daftar_chart_series_set_value    (DaftarChartSeries *self,
                                                     guint              index,
                                                     double             value);
void               daftar_chart_series_clear        (DaftarChartSeries *self);

guint              daftar_chart_series_get_n_points (DaftarChartSeries *self);
DaftarChartPoint  *daftar_chart_series_peek_point   (DaftarChartSeries *self,
                                                     guint              index);
double             daftar_chart_series_get_value    (DaftarChartSeries *self,
                                                     guint              index);
const char        *daftar_chart_series_get_label    (DaftarChartSeries *self,
                                                     guint              index);
/* TRUE when every point carries a day, so x can follow the calendar. */
gboolean           daftar_chart_series_has_days     (DaftarChartSeries *self);

G_END_DECLS
