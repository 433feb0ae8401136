/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-chart-layout.c: DaftarChart's layout — margins, value axis, legend, right-to-left mirroring — and its drawing of them. */
#define G_LOG_DOMAIN "daftar-charts"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "daftar-chart-layout.h"

#define MARGIN 8
#define GAP 6
#define SWATCH 10

static void
clear_text (gpointer data)
{
  DaftarChartText *text = data;

  g_clear_object (&text->layout);
}

void
daftar_chart_clear_layout (DaftarChart *self)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  priv->laid_out = FALSE;
  priv->hover = -1;
  if (priv->texts != NULL)
    {
      for (guint i = 0; i < priv->texts->len; i++)
        clear_text (&g_array_index (priv->texts, DaftarChartText, i));
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
daftar_chart_flip_x (DaftarChart *self,
                     double       logical_x)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  return priv->rtl ? priv->width - logical_x : logical_x;
}

void
daftar_chart_flip_rect (DaftarChart           *self,
                        const graphene_rect_t *logical,
                        graphene_rect_t       *out)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);
  graphene_rect_t r;

  graphene_rect_normalize_r (logical, &r);
  if (priv->rtl)
    r.origin.x = priv->width - (r.origin.x + r.size.width);
  *out = r;
}

double
daftar_chart_y_for_value (DaftarChart *self,
                          double       value)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);
  double pos = daftar_chart_scale_position (&priv->scale, value);

  return priv->plot.origin.y + priv->plot.size.height * (1.0 - pos);
}

void
daftar_chart_measure_text (DaftarChart *self,
                           const char  *text,
                           int         *out_width,
                           int         *out_height)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (out_width != NULL)
    *out_width = w;
  if (out_height != NULL)
    *out_height = h;
}

void
daftar_chart_add_mark (DaftarChart           *self,
                       guint                  series,
                       guint                  index,
                       const graphene_rect_t *logical_rect,
                       double                 anchor_logical_x,
                       double                 anchor_y)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);
  DaftarChartMark mark = { series, index };

  daftar_chart_flip_rect (self, logical_rect, &mark.rect);
  mark.anchor = GRAPHENE_POINT_INIT (daftar_chart_flip_x (self, anchor_logical_x), anchor_y);
  g_array_append_val (priv->marks, mark);
}

guint
daftar_chart_label_stride (double band,
                           int    max_width)
{
  if (band <= 0)
    return 1;
  return MAX (1, (guint) ceil ((max_width + 2.0 * GAP) / band));
}

const DaftarChartMark *
daftar_chart_get_marks (DaftarChart *self,
                        guint       *n_marks)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  *n_marks = priv->marks->len;
  return (const DaftarChartMark *) (gpointer) priv->marks->data;
}

const DaftarChartMark *
daftar_chart_get_hover_mark (DaftarChart *self)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  if (priv->hover < 0 || (guint) priv->hover >= priv->marks->len)
    return NULL;
  return &g_array_index (priv->marks, DaftarChartMark, priv->hover);
}

int
daftar_chart_find_mark (DaftarChart *self,
                        double       x,
                        double       y)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);
  graphene_point_t p = GRAPHENE_POINT_INIT (x, y);
  double best_distance = INFINITY;
  int best = -1;

  /* Strips of several lines overlap: the vertex nearest the pointer wins. */
  for (guint i = 0; i < priv->marks->len; i++)
    {
      const DaftarChartMark *mark = &g_array_index (priv->marks, DaftarChartMark, i);
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
layout_legend (DaftarChart *self,
               double       top,
               int          text_h)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);
  double end = priv->width - MARGIN;
  double x = MARGIN, y = top;
  /* A name wider than the whole row is ellipsized; its series is in the table. */
  int max_name_w = MAX (priv->width - 2 * MARGIN - SWATCH - GAP / 2, 1);

  for (guint s = 0; s < priv->series->len; s++)
    {
      const char *name = daftar_chart_series_get_name (g_ptr_array_index (priv->series, s));
      PangoLayout *layout = daftar_chart_create_line_layout (self, name, max_name_w);
      DaftarChartMark swatch = { s, 0 };
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
      daftar_chart_flip_rect (self, &key, &swatch.rect);
      g_array_append_val (priv->swatches, swatch);
      daftar_chart_add_layout (self, layout, x + SWATCH + GAP / 2.0, y, DAFTAR_CHART_ALIGN_START, 0, FALSE);
      x += item_w + 2 * GAP;
    }
  return y + text_h - top;
}

/* Lays out the value axis and returns the plot rectangle in logical x. */
static void
layout_value_axis (DaftarChart     *self,
                   graphene_rect_t *plot,
                   int              text_h)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);
  DaftarChartClass *klass = DAFTAR_CHART_GET_CLASS (self);
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

      daftar_chart_measure_text (self, label, &w, NULL);
      axis_w = MAX (axis_w, w);
      g_ptr_array_add (labels, label);
    }

  plot->size.width -= axis_w + GAP;
  plot->origin.x += axis_w + GAP;
  priv->plot = *plot;   /* y_for_value needs the plot's height now */

  for (guint i = 0; i < priv->scale.n_ticks; i++)
    {
      double y = daftar_chart_y_for_value (self, daftar_chart_scale_tick (&priv->scale, i));

      g_array_append_val (priv->tick_ys, y);
      daftar_chart_add_text (self, g_ptr_array_index (labels, i), plot->origin.x - GAP, y,
                             DAFTAR_CHART_ALIGN_END, 0.5, TRUE);
    }
}

void
daftar_chart_relayout (DaftarChart *self,
                       int          width,
                       int          height)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);
  DaftarChartClass *klass = DAFTAR_CHART_GET_CLASS (self);
  graphene_rect_t plot;
  double top = MARGIN, bottom = height - MARGIN;
  int text_h;

  daftar_chart_clear_layout (self);
  priv->width = width;
  priv->height = height;
  priv->rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  priv->scale = (DaftarChartScale) { 0, 1, 1, 2 };

  daftar_chart_measure_text (self, "0", NULL, &text_h);

  if (klass->value_axis && priv->series->len > 1)
    {
      top += layout_legend (self, top, text_h) + GAP;
    }

  /* The unit titles the value axis from above, at the start edge where
   * its ticks are: horizontal, so it reads in either script. */
  if (klass->value_axis && priv->unit != NULL)
    {
      PangoLayout *layout = daftar_chart_create_line_layout (self, priv->unit, MAX (width - 2 * MARGIN, 1));

      daftar_chart_add_layout (self, layout, MARGIN, top, DAFTAR_CHART_ALIGN_START, 0, TRUE);
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
  daftar_chart_flip_rect (self, &plot, &priv->plot);
}

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const char      *fallback,
              GdkRGBA         *out)
{
  /* Named colours of libadwaita's stylesheet follow dark mode and high
   * contrast; the fallback only serves a bare GTK theme. */
  if (!gtk_style_context_lookup_color (context, name, out))
    gdk_rgba_parse (out, fallback);
}

void
daftar_chart_lookup_palette (DaftarChart        *self,
                             DaftarChartPalette *palette)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  /* libadwaita's palette at mid shades, which hold up on both the light and
   * the dark view background. Blue is named, not the accent, so a series
   * never looks like a selection. The first six keep their places from
   * before; the seventh is neutral, as a last "other" series usually is. */
  static const char * const series[DAFTAR_CHART_N_SERIES_COLORS][2] = {
    { "blue_3", "#3584e4" },
    { "green_4", "#2ec27e" },
    { "orange_3", "#ff7800" },
    { "purple_2", "#c061cb" },
    { "yellow_5", "#e5a50a" },
    { "brown_2", "#b5835a" },
    { "dark_1", "#77767b" },
    { "red_3", "#e01b24" },
  };

  gtk_style_context_get_color (context, &palette->foreground);
  lookup_color (context, "view_bg_color", "#ffffff", &palette->background);
  lookup_color (context, "accent_color", "#1c71d8", &palette->accent);
  lookup_color (context, "success_color", "#26a269", &palette->success);
  lookup_color (context, "warning_color", "#9c6e03", &palette->warning);
  lookup_color (context, "error_color", "#c01c28", &palette->error);
  for (guint i = 0; i < DAFTAR_CHART_N_SERIES_COLORS; i++)
    lookup_color (context, series[i][0], series[i][1], &palette->series[i]);

  palette->reference = palette->foreground;
  palette->reference_muted = palette->foreground;
  palette->reference_muted.alpha *= 0.55;
}

const GdkRGBA *
daftar_chart_palette_series (const DaftarChartPalette *palette,
                             guint                     series)
{
  return &palette->series[series % DAFTAR_CHART_N_SERIES_COLORS];
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

void
daftar_chart_snapshot_axes (DaftarChart              *self,
                            GtkSnapshot              *snapshot,
                            const DaftarChartPalette *palette)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);
  GdkRGBA grid = with_alpha (&palette->foreground, 0.12);
  GdkRGBA axis = with_alpha (&palette->foreground, 0.5);

  for (guint i = 0; i < priv->tick_ys->len; i++)
    {
      double y = round (g_array_index (priv->tick_ys, double, i));
      double tick = daftar_chart_scale_tick (&priv->scale, i);

      gtk_snapshot_append_color (snapshot, tick == 0 ? &axis : &grid,
                                 &GRAPHENE_RECT_INIT (priv->plot.origin.x, y,
                                                      priv->plot.size.width, 1));
    }

  for (guint i = 0; i < priv->swatches->len; i++)
    {
      const DaftarChartMark *swatch = &g_array_index (priv->swatches, DaftarChartMark, i);

      gtk_snapshot_append_color (snapshot, daftar_chart_palette_series (palette, swatch->series),
                                 &swatch->rect);
    }
}

void
daftar_chart_snapshot_texts (DaftarChart              *self,
                             GtkSnapshot              *snapshot,
                             const DaftarChartPalette *palette)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);
  GdkRGBA muted = with_alpha (&palette->foreground, 0.7);

  for (guint i = 0; i < priv->texts->len; i++)
    {
      const DaftarChartText *text = &g_array_index (priv->texts, DaftarChartText, i);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &text->origin);
      gtk_snapshot_append_layout (snapshot, text->layout,
                                  text->muted ? &muted : &palette->foreground);
      gtk_snapshot_restore (snapshot);
    }
}

void
daftar_chart_get_scale (DaftarChart      *self,
                        DaftarChartScale *out_scale)
{
  g_return_if_fail (DAFTAR_IS_CHART (self));
  *out_scale = daftar_chart_get_priv (self)->scale;
}

gboolean
daftar_chart_get_plot_area (DaftarChart     *self,
                            graphene_rect_t *out_plot)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  g_return_val_if_fail (DAFTAR_IS_CHART (self), FALSE);

  *out_plot = priv->plot;
  return priv->laid_out;
}

gboolean
daftar_chart_get_point_position (DaftarChart      *self,
                                 guint             series,
                                 guint             index,
                                 graphene_point_t *out_point)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  g_return_val_if_fail (DAFTAR_IS_CHART (self), FALSE);

  for (guint i = 0; i < priv->marks->len; i++)
    {
      const DaftarChartMark *mark = &g_array_index (priv->marks, DaftarChartMark, i);

      if (mark->series == series && mark->index == index)
        {
          *out_point = mark->anchor;
          return TRUE;
        }
    }
  return FALSE;
}

char *
daftar_chart_get_tooltip_at (DaftarChart *self,
                             double       x,
                             double       y)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);
  const DaftarChartMark *mark;
  DaftarChartSeries *series;
  g_autofree char *value = NULL;
  const char *name;
  int found;

  g_return_val_if_fail (DAFTAR_IS_CHART (self), NULL);

  found = daftar_chart_find_mark (self, x, y);
  if (found < 0)
    return NULL;

  mark = &g_array_index (priv->marks, DaftarChartMark, found);
  series = g_ptr_array_index (priv->series, mark->series);
  value = daftar_chart_format_value (self, daftar_chart_series_get_value (series, mark->index));
  name = daftar_chart_series_get_name (series);

  if (name[0] == '\0')
    /* Translators: a tooltip: a point's label, then its value. */
    return g_strdup_printf (C_("chart", "%s: %s"), daftar_chart_series_get_label (series, mark->index), value);
  /* Translators: a tooltip: a point's label; below it the series name and the value. */
  return g_strdup_printf (C_("chart", "%s\n%s: %s"), daftar_chart_series_get_label (series, mark->index), name, value);
}
