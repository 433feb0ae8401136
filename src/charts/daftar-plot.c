/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-plot.c: a chart without a widget — series, options, text alternative, palette, and the cairo painter. */
#define G_LOG_DOMAIN "daftar-charts"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "daftar-plot-private.h"
#include "daftar-format.h"

G_DEFINE_TYPE_WITH_PRIVATE (DaftarPlot, daftar_plot, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

DaftarPlotPrivate *
daftar_plot_get_priv (DaftarPlot *self)
{
  return daftar_plot_get_instance_private (self);
}

void
daftar_plot_invalidate (DaftarPlot *self)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);

  priv->hover = -1;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_series_items_changed (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         DaftarPlot *self)
{
  daftar_plot_invalidate (self);
}

static void
on_series_name_changed (DaftarChartSeries *series,
                        GParamSpec        *pspec,
                        DaftarPlot        *self)
{
  daftar_plot_invalidate (self);
}

static void
disconnect_series (gpointer data,
                   gpointer user_data)
{
  g_signal_handlers_disconnect_by_data (data, user_data);
}

static void
daftar_plot_collect_values_default (DaftarPlot *self,
                                    GArray     *values)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);

  for (guint s = 0; s < priv->series->len; s++)
    {
      DaftarChartSeries *series = g_ptr_array_index (priv->series, s);
      guint n = daftar_chart_series_get_n_points (series);

      for (guint i = 0; i < n; i++)
        {
          double v = daftar_chart_series_get_value (series, i);
          g_array_append_val (values, v);
        }
    }
}

static void
daftar_plot_describe_default (DaftarPlot *self,
                              GString    *description)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);

  for (guint s = 0; s < priv->series->len; s++)
    daftar_plot_describe_extremes (self, g_ptr_array_index (priv->series, s), description);
}

static void
daftar_plot_dispose (GObject *object)
{
  DaftarPlot *self = DAFTAR_PLOT (object);
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);

  if (priv->series != NULL)
    {
      g_ptr_array_foreach (priv->series, disconnect_series, self);
      g_ptr_array_set_size (priv->series, 0);
    }
  daftar_plot_clear_layout (self);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (daftar_plot_parent_class)->dispose (object);
}

static void
daftar_plot_finalize (GObject *object)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (DAFTAR_PLOT (object));

  g_clear_pointer (&priv->series, g_ptr_array_unref);
  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->unit, g_free);
  g_clear_pointer (&priv->tick_ys, g_array_unref);
  g_clear_pointer (&priv->marks, g_array_unref);
  g_clear_pointer (&priv->texts, g_array_unref);
  g_clear_pointer (&priv->swatches, g_array_unref);

  G_OBJECT_CLASS (daftar_plot_parent_class)->finalize (object);
}

static void
daftar_plot_class_init (DaftarPlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = daftar_plot_dispose;
  object_class->finalize = daftar_plot_finalize;

  klass->value_axis = TRUE;
  klass->include_zero = TRUE;
  klass->collect_values = daftar_plot_collect_values_default;
  klass->describe = daftar_plot_describe_default;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
daftar_plot_init (DaftarPlot *self)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);

  priv->series = g_ptr_array_new_with_free_func (g_object_unref);
  priv->format = DAFTAR_CHART_VALUE_INTEGER;
  priv->fraction_digits = -1;
  priv->hover = -1;
  priv->tick_ys = g_array_new (FALSE, FALSE, sizeof (double));
  priv->marks = g_array_new (FALSE, FALSE, sizeof (DaftarPlotMark));
  priv->texts = g_array_new (FALSE, FALSE, sizeof (DaftarPlotText));
  priv->swatches = g_array_new (FALSE, FALSE, sizeof (DaftarPlotMark));
}

void
daftar_plot_add_series (DaftarPlot        *self,
                        DaftarChartSeries *series)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);

  g_return_if_fail (DAFTAR_IS_PLOT (self));
  g_return_if_fail (DAFTAR_IS_CHART_SERIES (series));

  g_ptr_array_add (priv->series, g_object_ref (series));
  g_signal_connect_object (series, "items-changed", G_CALLBACK (on_series_items_changed), self, 0);
  g_signal_connect_object (series, "notify::name", G_CALLBACK (on_series_name_changed), self, 0);
  daftar_plot_invalidate (self);
}

void
daftar_plot_clear_series (DaftarPlot *self)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);

  g_return_if_fail (DAFTAR_IS_PLOT (self));

  g_ptr_array_foreach (priv->series, disconnect_series, self);
  g_ptr_array_set_size (priv->series, 0);
  daftar_plot_invalidate (self);
}

void
daftar_plot_set_series (DaftarPlot        *self,
                        DaftarChartSeries *series)
{
  g_return_if_fail (DAFTAR_IS_PLOT (self));
  g_return_if_fail (series == NULL || DAFTAR_IS_CHART_SERIES (series));

  daftar_plot_clear_series (self);
  if (series != NULL)
    daftar_plot_add_series (self, series);
}

guint
daftar_plot_get_n_series (DaftarPlot *self)
{
  g_return_val_if_fail (DAFTAR_IS_PLOT (self), 0);
  return daftar_plot_get_priv (self)->series->len;
}

DaftarChartSeries *
daftar_plot_get_series (DaftarPlot *self,
                        guint       index)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);

  g_return_val_if_fail (DAFTAR_IS_PLOT (self), NULL);
  g_return_val_if_fail (index < priv->series->len, NULL);
  return g_ptr_array_index (priv->series, index);
}

const char *
daftar_plot_get_title (DaftarPlot *self)
{
  g_return_val_if_fail (DAFTAR_IS_PLOT (self), NULL);
  return daftar_plot_get_priv (self)->title;
}

void
daftar_plot_set_title (DaftarPlot *self,
                       const char *title)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);

  g_return_if_fail (DAFTAR_IS_PLOT (self));

  /* The title is said, not drawn: nothing to lay out again. */
  g_free (priv->title);
  priv->title = g_strdup (title);
}

const char *
daftar_plot_get_unit (DaftarPlot *self)
{
  g_return_val_if_fail (DAFTAR_IS_PLOT (self), NULL);
  return daftar_plot_get_priv (self)->unit;
}

void
daftar_plot_set_unit (DaftarPlot *self,
                      const char *unit)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);

  g_return_if_fail (DAFTAR_IS_PLOT (self));

  if (unit != NULL && unit[0] == '\0')
    unit = NULL;
  if (g_strcmp0 (priv->unit, unit) == 0)
    return;
  g_free (priv->unit);
  priv->unit = g_strdup (unit);
  /* The axis title takes a line: the plot moves. */
  daftar_plot_invalidate (self);
}

DaftarChartValueFormat
daftar_plot_get_value_format (DaftarPlot *self)
{
  g_return_val_if_fail (DAFTAR_IS_PLOT (self), DAFTAR_CHART_VALUE_INTEGER);
  return daftar_plot_get_priv (self)->format;
}

void
daftar_plot_set_value_format (DaftarPlot             *self,
                              DaftarChartValueFormat  format)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);

  g_return_if_fail (DAFTAR_IS_PLOT (self));

  if (priv->format == format)
    return;
  priv->format = format;
  daftar_plot_invalidate (self);
}

int
daftar_plot_get_fraction_digits (DaftarPlot *self)
{
  g_return_val_if_fail (DAFTAR_IS_PLOT (self), -1);
  return daftar_plot_get_priv (self)->fraction_digits;
}

void
daftar_plot_set_fraction_digits (DaftarPlot *self,
                                 int         digits)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);

  g_return_if_fail (DAFTAR_IS_PLOT (self));

  digits = CLAMP (digits, -1, 6);
  if (priv->fraction_digits == digits)
    return;
  priv->fraction_digits = digits;
  daftar_plot_invalidate (self);
}

char *
daftar_plot_format_value (DaftarPlot *self,
                          double      value)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);
  int digits = priv->fraction_digits;

  g_return_val_if_fail (DAFTAR_IS_PLOT (self), NULL);

  /* Automatic: one digit, unless the value is whole as shown (90%, not 90.0%). */
  if (digits < 0)
    {
      double shown = priv->format == DAFTAR_CHART_VALUE_PERCENT ? value * 100 : value;

      digits = priv->format == DAFTAR_CHART_VALUE_INTEGER || fabs (shown - round (shown)) < 1e-9 ? 0 : 1;
    }
  return daftar_chart_format_value_as (priv->format, value, digits);
}

char *
daftar_plot_describe (DaftarPlot *self)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_points = 0;

  g_return_val_if_fail (DAFTAR_IS_PLOT (self), NULL);

  for (guint s = 0; s < priv->series->len; s++)
    n_points = MAX (n_points, daftar_chart_series_get_n_points (g_ptr_array_index (priv->series, s)));

  if (priv->title != NULL && priv->title[0] != '\0')
    g_string_append (text, priv->title);
  else
    g_string_append (text, C_("chart", "Chart"));
  /* The unit drawn on the axis is said too: "…, 40 points" counts points,
   * the unit says what their values are. */
  if (priv->unit != NULL)
    /* Translators: after a chart's title in its text alternative: the
     * unit of its values, e.g. "Mean Wait Over the Period (minutes)". */
    g_string_append_printf (text, C_("chart unit", " (%s)"), priv->unit);

  if (n_points == 0)
    {
      /* Translators: said after a chart's title when it has nothing to show. */
      g_string_append (text, _(": no data."));
    }
  else
    {
      DaftarChartSeries *first = g_ptr_array_index (priv->series, 0);
      g_autofree char *count = daftar_format_int (n_points);

      g_string_append_printf (text,
                              /* Translators: a chart's summary: title, number of points, first and last label. */
                              ngettext (", %s point, from %s to %s.", ", %s points, from %s to %s.", n_points),
                              count,
                              daftar_chart_series_get_label (first, 0),
                              daftar_chart_series_get_label (first, daftar_chart_series_get_n_points (first) - 1));
      if (DAFTAR_PLOT_GET_CLASS (self)->describe != NULL)
        DAFTAR_PLOT_GET_CLASS (self)->describe (self, text);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
daftar_plot_describe_extremes (DaftarPlot        *self,
                               DaftarChartSeries *series,
                               GString           *description)
{
  guint n = daftar_chart_series_get_n_points (series);
  int lo = -1, hi = -1;
  g_autofree char *lo_text = NULL;
  g_autofree char *hi_text = NULL;

  for (guint i = 0; i < n; i++)
    {
      double v = daftar_chart_series_get_value (series, i);

      if (!isfinite (v))
        continue;
      if (lo < 0 || v < daftar_chart_series_get_value (series, lo))
        lo = i;
      if (hi < 0 || v > daftar_chart_series_get_value (series, hi))
        hi = i;
    }
  if (lo < 0)
    return;

  lo_text = daftar_plot_format_value (self, daftar_chart_series_get_value (series, lo));
  hi_text = daftar_plot_format_value (self, daftar_chart_series_get_value (series, hi));
  g_string_append_c (description, ' ');
  if (daftar_chart_series_get_name (series)[0] != '\0')
    g_string_append_printf (description, C_("chart", "%s: "), daftar_chart_series_get_name (series));
  /* Translators: lowest value and its label, highest value and its label. */
  g_string_append_printf (description, _("lowest %s (%s), highest %s (%s)."),
                          lo_text, daftar_chart_series_get_label (series, lo),
                          hi_text, daftar_chart_series_get_label (series, hi));
}

gboolean
daftar_plot_is_laid_out (DaftarPlot *self)
{
  g_return_val_if_fail (DAFTAR_IS_PLOT (self), FALSE);
  return daftar_plot_get_priv (self)->laid_out;
}

gboolean
daftar_plot_set_hover (DaftarPlot *self,
                       int         mark)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);

  g_return_val_if_fail (DAFTAR_IS_PLOT (self), FALSE);

  if (priv->hover == mark)
    return FALSE;
  priv->hover = mark;
  return TRUE;
}

static void
color_parse (DaftarPlotColor *out,
             guint32          rgb,
             float            alpha)
{
  out->red = ((rgb >> 16) & 0xff) / 255.f;
  out->green = ((rgb >> 8) & 0xff) / 255.f;
  out->blue = (rgb & 0xff) / 255.f;
  out->alpha = alpha;
}

void
daftar_plot_palette_init_light (DaftarPlotPalette *palette)
{
  /* The same named colours the widgets look up in libadwaita's light
   * stylesheet (daftar-chart-layout.c), in the same order. */
  static const guint32 series[DAFTAR_PLOT_N_SERIES_COLORS] = {
    0x3584e4, 0x2ec27e, 0xff7800, 0xc061cb, 0xe5a50a, 0xb5835a, 0x77767b, 0xe01b24,
  };

  g_return_if_fail (palette != NULL);

  /* view_fg_color of the light style: black at 80%. */
  color_parse (&palette->foreground, 0x000000, 0.8f);
  color_parse (&palette->background, 0xffffff, 1);
  color_parse (&palette->accent, 0x1c71d8, 1);
  color_parse (&palette->success, 0x26a269, 1);
  color_parse (&palette->warning, 0x9c6e03, 1);
  color_parse (&palette->error, 0xc01c28, 1);
  for (guint i = 0; i < DAFTAR_PLOT_N_SERIES_COLORS; i++)
    color_parse (&palette->series[i], series[i], 1);
  palette->reference = palette->foreground;
  palette->reference_muted = palette->foreground;
  palette->reference_muted.alpha *= 0.55f;
}

const DaftarPlotColor *
daftar_plot_palette_series (const DaftarPlotPalette *palette,
                            guint                    series)
{
  return &palette->series[series % DAFTAR_PLOT_N_SERIES_COLORS];
}

void
daftar_plot_set_source_color (cairo_t               *cr,
                              const DaftarPlotColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* The painter of paper: straight onto a cairo_t (a PDF or print surface). */
typedef struct
{
  DaftarPlotPainter  painter;
  cairo_t           *cr;
} CairoPainter;

static void
cairo_fill_rect (DaftarPlotPainter     *painter,
                 const DaftarPlotColor *color,
                 const graphene_rect_t *rect)
{
  cairo_t *cr = ((CairoPainter *) painter)->cr;

  daftar_plot_set_source_color (cr, color);
  cairo_rectangle (cr, rect->origin.x, rect->origin.y, rect->size.width, rect->size.height);
  cairo_fill (cr);
}

static void
cairo_outline_rect (DaftarPlotPainter     *painter,
                    const DaftarPlotColor *color,
                    const graphene_rect_t *rect,
                    double                 width)
{
  cairo_t *cr = ((CairoPainter *) painter)->cr;

  cairo_save (cr);
  daftar_plot_set_source_color (cr, color);
  cairo_set_line_width (cr, width);
  cairo_rectangle (cr, rect->origin.x + width / 2, rect->origin.y + width / 2,
                   MAX (rect->size.width - width, 0), MAX (rect->size.height - width, 0));
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
cairo_draw_layout (DaftarPlotPainter      *painter,
                   PangoLayout            *layout,
                   const graphene_point_t *origin,
                   const DaftarPlotColor  *color)
{
  cairo_t *cr = ((CairoPainter *) painter)->cr;

  cairo_save (cr);
  daftar_plot_set_source_color (cr, color);
  cairo_move_to (cr, origin->x, origin->y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static cairo_t *
cairo_begin (DaftarPlotPainter     *painter,
             const graphene_rect_t *bounds)
{
  cairo_t *cr = ((CairoPainter *) painter)->cr;

  cairo_save (cr);
  return cairo_reference (cr);
}

static void
cairo_end (DaftarPlotPainter *painter,
           cairo_t           *cr)
{
  cairo_restore (cr);
  cairo_destroy (cr);
}

void
daftar_plot_draw (DaftarPlot              *self,
                  cairo_t                 *cr,
                  PangoContext            *context,
                  gboolean                 rtl,
                  int                      width,
                  int                      height,
                  const DaftarPlotPalette *palette)
{
  CairoPainter painter = {
    { cairo_fill_rect, cairo_outline_rect, cairo_draw_layout, cairo_begin, cairo_end },
    cr,
  };

  g_return_if_fail (DAFTAR_IS_PLOT (self));
  g_return_if_fail (cr != NULL);

  daftar_plot_relayout (self, context, rtl, width, height);
  cairo_save (cr);
  daftar_plot_paint (self, &painter.painter, palette);
  cairo_restore (cr);
}
