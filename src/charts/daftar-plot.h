/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-plot.h: a chart without a widget — its series, layout and drawing on cairo, for the screen and for documents. */
#pragma once

#include <cairo.h>
#include <graphene.h>
#include <pango/pango.h>

#include "daftar-chart-scale.h"
#include "daftar-chart-series.h"

G_BEGIN_DECLS

/* The chart widgets (daftar-chart.h) draw through a DaftarPlot, and so do
 * printed documents: one layout and one drawing for screen, print and PDF.
 * This half needs GLib, Pango, cairo and graphene only, never GTK. */

typedef struct
{
  float red;
  float green;
  float blue;
  float alpha;
} DaftarPlotColor;

#define DAFTAR_PLOT_N_SERIES_COLORS 8

typedef struct
{
  DaftarPlotColor foreground;   /* text and axes */
  DaftarPlotColor background;   /* the view behind the chart */
  DaftarPlotColor accent;
  DaftarPlotColor success;
  DaftarPlotColor warning;
  DaftarPlotColor error;
  /* Reference lines (a target, a baseline) are drawn in the text colour, so
   * they can never be mistaken for a series, whatever the series' hues. */
  DaftarPlotColor reference;
  DaftarPlotColor reference_muted;
  DaftarPlotColor series[DAFTAR_PLOT_N_SERIES_COLORS];
} DaftarPlotPalette;

/* The colours of libadwaita's default light style, fixed: paper has no
 * dark mode and no theme. */
void                   daftar_plot_palette_init_light (DaftarPlotPalette *palette);
const DaftarPlotColor *daftar_plot_palette_series     (const DaftarPlotPalette *palette,
                                                       guint                    series);

/* What a plot draws with. The widget paints into a GtkSnapshot (colour and
 * text nodes, as GTK draws them best), documents onto a cairo_t: the plot
 * decides every position and colour, a painter only carries them out. */
typedef struct _DaftarPlotPainter DaftarPlotPainter;
struct _DaftarPlotPainter
{
  void     (*fill_rect)    (DaftarPlotPainter       *self,
                            const DaftarPlotColor   *color,
                            const graphene_rect_t   *rect);
  /* A border of @width drawn inside @rect. */
  void     (*outline_rect) (DaftarPlotPainter       *self,
                            const DaftarPlotColor   *color,
                            const graphene_rect_t   *rect,
                            double                   width);
  void     (*draw_layout)  (DaftarPlotPainter       *self,
                            PangoLayout             *layout,
                            const graphene_point_t  *origin,
                            const DaftarPlotColor   *color);
  /* Paths (lines, dots, dashes) go through cairo in both painters; what is
   * drawn outside @bounds may be clipped. end_cairo takes @cr back. */
  cairo_t *(*begin_cairo)  (DaftarPlotPainter       *self,
                            const graphene_rect_t   *bounds);
  void     (*end_cairo)    (DaftarPlotPainter       *self,
                            cairo_t                 *cr);
};

void daftar_plot_set_source_color (cairo_t               *cr,
                                   const DaftarPlotColor *color);

#define DAFTAR_TYPE_PLOT (daftar_plot_get_type ())
G_DECLARE_DERIVABLE_TYPE (DaftarPlot, daftar_plot, DAFTAR, PLOT, GObject)

struct _DaftarPlotClass
{
  GObjectClass parent_class;

  /* TRUE (the default) when the chart has a value axis with ticks and a row
   * of category labels under the plot; the heatmap draws its own axes. */
  gboolean value_axis;
  /* Keep 0 on the value axis (bars start from it). */
  gboolean include_zero;

  /* Appends every value the value axis must cover. The default appends the
   * values of every point; stacked bars append sums, lines their targets. */
  void  (*collect_values) (DaftarPlot            *self,
                           GArray                *values);
  /* Computes the marks of the plot inside @plot, in logical coordinates
   * (x counted from the start edge), through the helpers of
   * daftar-plot-private.h, which mirror them for right-to-left. */
  void  (*layout_plot)    (DaftarPlot            *self,
                           const graphene_rect_t *plot);
  /* Draws the marks computed by layout_plot; never computes positions. */
  void  (*paint_plot)     (DaftarPlot              *self,
                           DaftarPlotPainter       *painter,
                           const DaftarPlotPalette *palette);
  /* Lines of text to keep under the plot for category labels (default 1). */
  guint (*category_lines) (DaftarPlot            *self);
  /* Appends sentences to the text alternative (after the summary). */
  void  (*describe)       (DaftarPlot            *self,
                           GString               *description);

  gpointer padding[8];
};

/* "changed": the data or options changed, the plot must be laid out again. */

void               daftar_plot_add_series        (DaftarPlot        *self,
                                                  DaftarChartSeries *series);
/* Replaces every series with @series (nullable: no data). */
void               daftar_plot_set_series        (DaftarPlot        *self,
                                                  DaftarChartSeries *series);
void               daftar_plot_clear_series      (DaftarPlot        *self);
guint              daftar_plot_get_n_series      (DaftarPlot        *self);
DaftarChartSeries *daftar_plot_get_series        (DaftarPlot        *self,
                                                  guint              index);

const char        *daftar_plot_get_title         (DaftarPlot        *self);
void               daftar_plot_set_title         (DaftarPlot        *self,
                                                  const char        *title);
const char        *daftar_plot_get_unit          (DaftarPlot        *self);
void               daftar_plot_set_unit          (DaftarPlot        *self,
                                                  const char        *unit);
DaftarChartValueFormat daftar_plot_get_value_format (DaftarPlot     *self);
void               daftar_plot_set_value_format  (DaftarPlot        *self,
                                                  DaftarChartValueFormat format);
int                daftar_plot_get_fraction_digits (DaftarPlot      *self);
void               daftar_plot_set_fraction_digits (DaftarPlot      *self,
                                                    int              digits);
char              *daftar_plot_format_value      (DaftarPlot        *self,
                                                  double             value);
/* The text alternative of the chart, as a screen reader says it. */
char              *daftar_plot_describe          (DaftarPlot        *self);

/* Lays the plot out in a @width × @height box, measuring text with
 * @context (a widget's, or a pangocairo one for paper; its base direction
 * is ignored: @rtl mirrors the chart). */
void               daftar_plot_relayout          (DaftarPlot        *self,
                                                  PangoContext      *context,
                                                  gboolean           rtl,
                                                  int                width,
                                                  int                height);
gboolean           daftar_plot_is_laid_out       (DaftarPlot        *self);
void               daftar_plot_paint             (DaftarPlot              *self,
                                                  DaftarPlotPainter       *painter,
                                                  const DaftarPlotPalette *palette);
/* Lays out (as daftar_plot_relayout) and draws onto @cr at its current
 * origin: vector output on a PDF or print surface. */
void               daftar_plot_draw              (DaftarPlot              *self,
                                                  cairo_t                 *cr,
                                                  PangoContext            *context,
                                                  gboolean                 rtl,
                                                  int                      width,
                                                  int                      height,
                                                  const DaftarPlotPalette *palette);

/* The computed layout. */
void               daftar_plot_get_scale         (DaftarPlot        *self,
                                                  DaftarChartScale  *out_scale);
gboolean           daftar_plot_get_plot_area     (DaftarPlot        *self,
                                                  graphene_rect_t   *out_plot);
gboolean           daftar_plot_get_point_position (DaftarPlot       *self,
                                                   guint             series,
                                                   guint             index,
                                                   graphene_point_t *out_point);
/* The mark under (@x, @y), or -1; the hovered mark is drawn highlighted. */
int                daftar_plot_find_mark         (DaftarPlot        *self,
                                                  double             x,
                                                  double             y);
gboolean           daftar_plot_set_hover         (DaftarPlot        *self,
                                                  int                mark);
char              *daftar_plot_get_tooltip_at    (DaftarPlot        *self,
                                                  double             x,
                                                  double             y);
/* The texts the plot draws, in order, for tests: text @index and its
 * logical rectangle, or NULL past the last. */
const char        *daftar_plot_get_text          (DaftarPlot        *self,
                                                  guint              index,
                                                  graphene_rect_t   *out_rect);

G_END_DECLS
