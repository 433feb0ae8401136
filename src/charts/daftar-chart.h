/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-chart.h: the base of every drawn chart — series, value axis, margins, hover, tooltips, description. */
#pragma once

#include <gtk/gtk.h>

#include "daftar-chart-scale.h"
#include "daftar-chart-series.h"
#include "daftar-plot.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_CHART (daftar_chart_get_type ())
G_DECLARE_DERIVABLE_TYPE (DaftarChart, daftar_chart, DAFTAR, CHART, GtkWidget)

typedef struct _DaftarChartPalette DaftarChartPalette;

struct _DaftarChartClass
{
  GtkWidgetClass parent_class;

  /* The DaftarPlot this widget shows (daftar-plot.h): the data, layout and
   * drawing live there, so documents draw the same chart without a widget.
   * Set by subclasses in class_init. */
  GType plot_type;

  gpointer padding[8];
};

/* The plot behind the widget: what documents and tests lay out and draw. */
DaftarPlot        *daftar_chart_get_plot          (DaftarChart       *self);

void               daftar_chart_add_series        (DaftarChart       *self,
                                                   DaftarChartSeries *series);
/* Replaces every series with @series (nullable: no data). */
void               daftar_chart_set_series        (DaftarChart       *self,
                                                   DaftarChartSeries *series);
void               daftar_chart_clear_series      (DaftarChart       *self);
guint              daftar_chart_get_n_series      (DaftarChart       *self);
DaftarChartSeries *daftar_chart_get_series        (DaftarChart       *self,
                                                   guint              index);

const char        *daftar_chart_get_title         (DaftarChart       *self);
void               daftar_chart_set_title         (DaftarChart       *self,
                                                   const char        *title);
/* What the values count or measure («دقیقه», "clients per hour"): drawn as
 * the title of the value axis, at its top, and said in the text
 * alternative; nullable. */
const char        *daftar_chart_get_unit          (DaftarChart       *self);
void               daftar_chart_set_unit          (DaftarChart       *self,
                                                   const char        *unit);
DaftarChartValueFormat daftar_chart_get_value_format (DaftarChart    *self);
void               daftar_chart_set_value_format  (DaftarChart       *self,
                                                   DaftarChartValueFormat format);
/* Fraction digits of values in tooltips and the table; -1 picks from the format. */
int                daftar_chart_get_fraction_digits (DaftarChart     *self);
void               daftar_chart_set_fraction_digits (DaftarChart     *self,
                                                     int              digits);

/* A value formatted as this chart shows it in tooltips and tables. */
char              *daftar_chart_format_value      (DaftarChart       *self,
                                                   double             value);
/* The text alternative: also set as the accessible description. */
const char        *daftar_chart_get_description   (DaftarChart       *self);

/* The computed layout, valid after the chart is allocated. */
void               daftar_chart_get_scale         (DaftarChart       *self,
                                                   DaftarChartScale  *out_scale);
gboolean           daftar_chart_get_plot_area     (DaftarChart       *self,
                                                   graphene_rect_t   *out_plot);
/* Where the mark of a point is anchored (top of a bar, a line's vertex, a
 * cell's centre), in widget pixels, mirrored in right-to-left. */
gboolean           daftar_chart_get_point_position (DaftarChart      *self,
                                                    guint             series,
                                                    guint             index,
                                                    graphene_point_t *out_point);
/* The tooltip text of the mark under (@x, @y), or NULL. */
char              *daftar_chart_get_tooltip_at    (DaftarChart       *self,
                                                   double             x,
                                                   double             y);

G_END_DECLS
