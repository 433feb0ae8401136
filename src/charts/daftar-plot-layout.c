/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-plot-layout.c: a plot's layout — margins, value axis, legend, right-to-left mirroring — and its drawing of them. */
#define G_LOG_DOMAIN "daftar-charts"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "daftar-plot-private.h"

#define MARGIN 8
#define GAP 6
#define SWATCH 10

static void
clear_text (gpointer data)
{
  DaftarPlotText *text = data;

  g_clear_object (&text->layout);
}

void
daftar_plot_clear_layout (DaftarPlot *self)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);

  priv->laid_out = FALSE;
  priv->hover = -1;
  if (priv->texts != NULL)
    {
      for (guint i = 0; i < priv->texts->len; i++)
        clear_text (&g_array_index (priv->texts, DaftarPlotText, i));
      g_array_set_size (priv->texts, 0);
    }
  if (priv->marks != NULL)
    g_array_set_size (priv->marks, 0);
  if (priv->swatches != NULL)
    g_array_set_size (priv->swatches, 0);
  if (priv->tick_ys != NULL)
    g_array_set_size (priv->tick_ys, 0);
}

/* Right-to-left is handled here and only here: every subclass lays out in
 * logical x (distance from the start edge) and stores pixels through these. */
double
daftar_plot_flip_x (DaftarPlot *self,
                     double       logical_x)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);

  return priv->rtl ? priv->width - logical_x : logical_x;
}

void
daftar_plot_flip_rect (DaftarPlot            *self,
                        const graphene_rect_t *logical,
                        graphene_rect_t       *out)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);
  graphene_rect_t r;

  graphene_rect_normalize_r (logical, &r);
  if (priv->rtl)
    r.origin.x = priv->width - (r.origin.x + r.size.width);
  *out = r;
}

double
daftar_plot_y_for_value (DaftarPlot *self,
                          double       value)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);
  double pos = daftar_chart_scale_position (&priv->scale, value);

  return priv->plot.origin.y + priv->plot.size.height * (1.0 - pos);
}

void
daftar_plot_measure_text (DaftarPlot *self,
                           const char  *text,
                           int         *out_width,
                           int         *out_height)
{
  g_autoptr(PangoLayout) layout = daftar_plot_create_layout (self, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (out_width != NULL)
    *out_width = w;
  if (out_height != NULL)
    *out_height = h;
}

void
daftar_plot_add_mark (DaftarPlot            *self,
                       guint                  series,
                       guint                  index,
                       const graphene_rect_t *logical_rect,
                       double                 anchor_logical_x,
                       double                 anchor_y)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);
  DaftarPlotMark mark = { series, index };

  daftar_plot_flip_rect (self, logical_rect, &mark.rect);
  mark.anchor = GRAPHENE_POINT_INIT (daftar_plot_flip_x (self, anchor_logical_x), anchor_y);
  g_array_append_val (priv->marks, mark);
}

guint
daftar_plot_label_stride (double band,
                           int    max_width)
{
  if (band <= 0)
    return 1;
  return MAX (1, (guint) ceil ((max_width + 2.0 * GAP) / band));
}

const DaftarPlotMark *
daftar_plot_get_marks (DaftarPlot *self,
                        guint       *n_marks)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);

  *n_marks = priv->marks->len;
  return (const DaftarPlotMark *) (gpointer) priv->marks->data;
}

const DaftarPlotMark *
daftar_plot_get_hover_mark (DaftarPlot *self)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);

  if (priv->hover < 0 || (guint) priv->hover >= priv->marks->len)
    return NULL;
  return &g_array_index (priv->marks, DaftarPlotMark, priv->hover);
}

int
daftar_plot_find_mark (DaftarPlot *self,
                        double       x,
                        double       y)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);
  graphene_point_t p = GRAPHENE_POINT_INIT (x, y);
  double best_distance = INFINITY;
  int best = -1;

  /* Strips of several lines overlap: the vertex nearest the pointer wins. */
  for (guint i = 0; i < priv->marks->len; i++)
    {
      const DaftarPlotMark *mark = &g_array_index (priv->marks, DaftarPlotMark, i);
      double d;

      if (!graphene_rect_contains_point (&mark->rect, &p))
        continue;
      d = graphene_point_distance (&mark->anchor, &p, NULL, NULL);
      if (d < best_distance)
        {
          best_distance = d;
          best = i;
        }
    }
  return best;
}

/* Lays the legend out in rows from the start edge, wrapping as often as the
 * chart's width needs, and returns the height it takes. */
static double
layout_legend (DaftarPlot *self,
               double       top,
               int          text_h)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);
  double end = priv->width - MARGIN;
  double x = MARGIN, y = top;
  /* A name wider than the whole row is ellipsized; its series is in the table. */
  int max_name_w = MAX (priv->width - 2 * MARGIN - SWATCH - GAP / 2, 1);

  for (guint s = 0; s < priv->series->len; s++)
    {
      const char *name = daftar_chart_series_get_name (g_ptr_array_index (priv->series, s));
      PangoLayout *layout = daftar_plot_create_line_layout (self, name, max_name_w);
      DaftarPlotMark swatch = { s, 0 };
      graphene_rect_t key;
      PangoRectangle logical;
      double item_w;

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      item_w = SWATCH + GAP / 2.0 + logical.width;
      if (x > MARGIN && x + item_w > end)
        {
          x = MARGIN;
          y += text_h + GAP / 2.0;
        }

      key = GRAPHENE_RECT_INIT (x, y + (text_h - SWATCH) / 2.0, SWATCH, SWATCH);
      daftar_plot_flip_rect (self, &key, &swatch.rect);
      g_array_append_val (priv->swatches, swatch);
      daftar_plot_add_layout (self, layout, x + SWATCH + GAP / 2.0, y, DAFTAR_PLOT_ALIGN_START, 0, FALSE);
      x += item_w + 2 * GAP;
    }
  return y + text_h - top;
}

/* Lays out the value axis and returns the plot rectangle in logical x. */
static void
layout_value_axis (DaftarPlot      *self,
                   graphene_rect_t *plot,
                   int              text_h)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);
  DaftarPlotClass *klass = DAFTAR_PLOT_GET_CLASS (self);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  DaftarChartValueFormat tick_format = priv->format;
  guint max_ticks;
  int digits, axis_w = 0;

  klass->collect_values (self, values);
  max_ticks = CLAMP ((guint) (plot->size.height / (text_h * 2.2)) + 1, 2, 8);
  daftar_chart_scale_compute (&priv->scale, (const double *) (gpointer) values->data, values->len,
                              klass->include_zero, priv->format == DAFTAR_CHART_VALUE_INTEGER,
                              max_ticks);

  /* Minutes are named in the chart's title; a unit on every tick is noise. */
  if (tick_format == DAFTAR_CHART_VALUE_MINUTES)
    tick_format = DAFTAR_CHART_VALUE_DECIMAL;
  digits = daftar_chart_value_digits (tick_format, priv->scale.step);
  for (guint i = 0; i < priv->scale.n_ticks; i++)
    {
      char *label = daftar_chart_format_value_as (tick_format, daftar_chart_scale_tick (&priv->scale, i), digits);
      int w;

      daftar_plot_measure_text (self, label, &w, NULL);
      axis_w = MAX (axis_w, w);
      g_ptr_array_add (labels, label);
    }

  plot->size.width -= axis_w + GAP;
  plot->origin.x += axis_w + GAP;
  priv->plot = *plot;   /* y_for_value needs the plot's height now */

  for (guint i = 0; i < priv->scale.n_ticks; i++)
    {
      double y = daftar_plot_y_for_value (self, daftar_chart_scale_tick (&priv->scale, i));

      g_array_append_val (priv->tick_ys, y);
      daftar_plot_add_text (self, g_ptr_array_index (labels, i), plot->origin.x - GAP, y,
                             DAFTAR_PLOT_ALIGN_END, 0.5, TRUE);
    }
}

void
daftar_plot_relayout (DaftarPlot   *self,
                      PangoContext *context,
                      gboolean      rtl,
                      int           width,
                      int           height)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);
  DaftarPlotClass *klass = DAFTAR_PLOT_GET_CLASS (self);
  graphene_rect_t plot;
  double top = MARGIN, bottom = height - MARGIN;
  int text_h;

  g_return_if_fail (DAFTAR_IS_PLOT (self));
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  daftar_plot_clear_layout (self);
  g_set_object (&priv->context, context);
  priv->width = width;
  priv->height = height;
  priv->rtl = rtl;
  priv->scale = (DaftarChartScale) { 0, 1, 1, 2 };

  daftar_plot_measure_text (self, "0", NULL, &text_h);

  if (klass->value_axis && priv->series->len > 1)
    {
      top += layout_legend (self, top, text_h) + GAP;
    }

  /* The unit titles the value axis from above, at the start edge where
   * its ticks are: horizontal, so it reads in either script. */
  if (klass->value_axis && priv->unit != NULL)
    {
      PangoLayout *layout = daftar_plot_create_line_layout (self, priv->unit, MAX (width - 2 * MARGIN, 1));

      daftar_plot_add_layout (self, layout, MARGIN, top, DAFTAR_PLOT_ALIGN_START, 0, TRUE);
      top += text_h + GAP / 2.0;
    }

  if (klass->value_axis)
    {
      /* Room for half of the top tick label, and the category labels below. */
      top += text_h / 2.0;
      bottom -= text_h * (klass->category_lines != NULL ? klass->category_lines (self) : 1) + GAP;
    }

  plot = GRAPHENE_RECT_INIT (MARGIN, top, MAX (width - 2 * MARGIN, 1), MAX (bottom - top, 1));
  if (klass->value_axis)
    layout_value_axis (self, &plot, text_h);
  priv->plot = plot;

  priv->laid_out = TRUE;
  if (klass->layout_plot != NULL)
    klass->layout_plot (self, &plot);

  /* Published in pixels, mirrored, like every mark. */
  daftar_plot_flip_rect (self, &plot, &priv->plot);
}

static DaftarPlotColor
with_alpha (const DaftarPlotColor *color,
            float                  alpha)
{
  DaftarPlotColor c = *color;

  c.alpha *= alpha;
  return c;
}

static void
paint_axes (DaftarPlot              *self,
            DaftarPlotPainter       *painter,
            const DaftarPlotPalette *palette)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);
  DaftarPlotColor grid = with_alpha (&palette->foreground, 0.12);
  DaftarPlotColor axis = with_alpha (&palette->foreground, 0.5);

  for (guint i = 0; i < priv->tick_ys->len; i++)
    {
      double y = round (g_array_index (priv->tick_ys, double, i));
      double tick = daftar_chart_scale_tick (&priv->scale, i);

      painter->fill_rect (painter, tick == 0 ? &axis : &grid,
                          &GRAPHENE_RECT_INIT (priv->plot.origin.x, y,
                                                      priv->plot.size.width, 1));
    }

  for (guint i = 0; i < priv->swatches->len; i++)
    {
      const DaftarPlotMark *swatch = &g_array_index (priv->swatches, DaftarPlotMark, i);

      painter->fill_rect (painter, daftar_plot_palette_series (palette, swatch->series),
                          &swatch->rect);
    }
}

static void
paint_texts (DaftarPlot              *self,
             DaftarPlotPainter       *painter,
             const DaftarPlotPalette *palette)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);
  DaftarPlotColor muted = with_alpha (&palette->foreground, 0.7);

  for (guint i = 0; i < priv->texts->len; i++)
    {
      const DaftarPlotText *text = &g_array_index (priv->texts, DaftarPlotText, i);

      painter->draw_layout (painter, text->layout, &text->origin,
                            text->muted ? &muted : &palette->foreground);
    }
}

void
daftar_plot_paint (DaftarPlot              *self,
                   DaftarPlotPainter       *painter,
                   const DaftarPlotPalette *palette)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);

  g_return_if_fail (DAFTAR_IS_PLOT (self));

  if (!priv->laid_out)
    return;
  paint_axes (self, painter, palette);
  if (DAFTAR_PLOT_GET_CLASS (self)->paint_plot != NULL)
    DAFTAR_PLOT_GET_CLASS (self)->paint_plot (self, painter, palette);
  paint_texts (self, painter, palette);
}

void
daftar_plot_get_scale (DaftarPlot       *self,
                        DaftarChartScale *out_scale)
{
  g_return_if_fail (DAFTAR_IS_PLOT (self));
  *out_scale = daftar_plot_get_priv (self)->scale;
}

gboolean
daftar_plot_get_plot_area (DaftarPlot      *self,
                            graphene_rect_t *out_plot)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);

  g_return_val_if_fail (DAFTAR_IS_PLOT (self), FALSE);

  *out_plot = priv->plot;
  return priv->laid_out;
}

gboolean
daftar_plot_get_point_position (DaftarPlot       *self,
                                 guint             series,
                                 guint             index,
                                 graphene_point_t *out_point)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);

  g_return_val_if_fail (DAFTAR_IS_PLOT (self), FALSE);

  for (guint i = 0; i < priv->marks->len; i++)
    {
      const DaftarPlotMark *mark = &g_array_index (priv->marks, DaftarPlotMark, i);

      if (mark->series == series && mark->index == index)
        {
          *out_point = mark->anchor;
          return TRUE;
        }
    }
  return FALSE;
}

char *
daftar_plot_get_tooltip_at (DaftarPlot *self,
                             double       x,
                             double       y)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);
  const DaftarPlotMark *mark;
  DaftarChartSeries *series;
  g_autofree char *value = NULL;
  const char *name;
  int found;

  g_return_val_if_fail (DAFTAR_IS_PLOT (self), NULL);

  found = daftar_plot_find_mark (self, x, y);
  if (found < 0)
    return NULL;

  mark = &g_array_index (priv->marks, DaftarPlotMark, found);
  series = g_ptr_array_index (priv->series, mark->series);
  value = daftar_plot_format_value (self, daftar_chart_series_get_value (series, mark->index));
  name = daftar_chart_series_get_name (series);

  if (name[0] == '\0')
    /* Translators: a tooltip: a point's label, then its value. */
    return g_strdup_printf (C_("chart", "%s: %s"), daftar_chart_series_get_label (series, mark->index), value);
  /* Translators: a tooltip: a point's label; below it the series name and the value. */
  return g_strdup_printf (C_("chart", "%s\n%s: %s"), daftar_chart_series_get_label (series, mark->index), name, value);
}
