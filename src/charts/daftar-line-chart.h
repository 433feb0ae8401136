/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-line-chart.h: values over time as lines, with optional dashed target and baseline lines. */
#pragma once

#include "daftar-chart.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_LINE_CHART (daftar_line_chart_get_type ())
G_DECLARE_FINAL_TYPE (DaftarLineChart, daftar_line_chart, DAFTAR, LINE_CHART, DaftarChart)

GtkWidget *daftar_line_chart_new          (void);
/* A dashed horizontal line at @value, labelled "@label: value" (e.g. the 90%
 * read-rate target). NaN removes it. @label is translated by the caller. */
void       daftar_line_chart_set_target   (DaftarLineChart *self,
                                           double           value,
                                           const char      *label);
double     daftar_line_chart_get_target   (DaftarLineChart *self);
/* A second, quieter reference line (e.g. the 10% paper-notice baseline). */
void       daftar_line_chart_set_baseline (DaftarLineChart *self,
                                           double           value,
                                           const char      *label);
double     daftar_line_chart_get_baseline (DaftarLineChart *self);

G_END_DECLS
