/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-line-plot.h: values over time as lines, with optional dashed target and baseline lines — without a widget. */
#pragma once

#include "daftar-plot.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_LINE_PLOT (daftar_line_plot_get_type ())
G_DECLARE_FINAL_TYPE (DaftarLinePlot, daftar_line_plot, DAFTAR, LINE_PLOT, DaftarPlot)

DaftarPlot *daftar_line_plot_new          (void);
/* A dashed horizontal line at @value, labelled "@label: value" (e.g. the 90%
 * read-rate target). NaN removes it. @label is translated by the caller. */
void        daftar_line_plot_set_target   (DaftarLinePlot *self,
                                           double          value,
                                           const char     *label);
double      daftar_line_plot_get_target   (DaftarLinePlot *self);
/* A second, quieter reference line (e.g. the 10% paper-notice baseline). */
void        daftar_line_plot_set_baseline (DaftarLinePlot *self,
                                           double          value,
                                           const char     *label);
double      daftar_line_plot_get_baseline (DaftarLinePlot *self);

G_END_DECLS
