/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-bar-plot.c: bars per category, side by side or stacked, or adjacent as a histogram's bins — without a widget. */
#define G_LOG_DOMAIN "daftar-charts"

#include "config.h"

#include "daftar-bar-plot.h"

#include <math.h>
#include <glib/gi18n.h>

#include "daftar-plot-private.h"

#define LABEL_GAP 6

struct _DaftarBarPlot
{
  DaftarPlot parent_instance;

  gboolean   stacked;
  double     band_fill;
};

G_DEFINE_FINAL_TYPE (DaftarBarPlot, daftar_bar_plot, DAFTAR_TYPE_PLOT)

static guint
n_categories (DaftarPlot *chart)
{
  guint n = 0;

  for (guint s = 0; s < daftar_plot_get_n_series (chart); s++)
    n = MAX (n, daftar_chart_series_get_n_points (daftar_plot_get_series (chart, s)));
  return n;
}

/* Category labels come from the first series that has the point. */
static const char *
category_label (DaftarPlot *chart,
                guint        index)
{
  for (guint s = 0; s < daftar_plot_get_n_series (chart); s++)
    {
      DaftarChartSeries *series = daftar_plot_get_series (chart, s);

      if (index < daftar_chart_series_get_n_points (series))
        return daftar_chart_series_get_label (series, index);
    }
  return "";
}

static void
daftar_bar_plot_collect_values (DaftarPlot *chart,
                                 GArray      *values)
{
  guint n = n_categories (chart);

  if (!DAFTAR_BAR_PLOT (chart)->stacked)
    {
      DAFTAR_PLOT_CLASS (daftar_bar_plot_parent_class)->collect_values (chart, values);
      return;
    }

  /* A stack reaches the sum of its positive parts up, its negative parts down. */
  for (guint i = 0; i < n; i++)
    {
      double up = 0, down = 0;

      for (guint s = 0; s < daftar_plot_get_n_series (chart); s++)
        {
          double v = daftar_chart_series_get_value (daftar_plot_get_series (chart, s), i);

          if (!isfinite (v))
            continue;
          if (v >= 0)
            up += v;
          else
            down += v;
        }
      g_array_append_val (values, up);
      g_array_append_val (values, down);
    }
}

/* Every category name is shown, wrapped at words with a clear gap to the
 * next name. A single long word ("هرمزگان") may spread into the room its
 * neighbours leave unused, shifted off its bar's centre toward the roomier
 * side if need be, and is ellipsized beyond that (the tooltip names it). */
static void
layout_category_labels (DaftarPlot            *chart,
                        const graphene_rect_t *plot,
                        guint                  n,
                        double                 band,
                        double                 label_y)
{
  int wrap_w = MAX ((int) band - 2 * LABEL_GAP, 8);
  /* What a label may take without looking at its neighbours; two labels
   * that both need more get exactly this, and LABEL_GAP between them. */
  int fit_w = MAX ((int) band - LABEL_GAP, 8);
  g_autofree int *natural = g_new (int, n);

  for (guint i = 0; i < n; i++)
    natural[i] = daftar_plot_measure_wrapped (chart, category_label (chart, i), wrap_w, 2);

  for (guint i = 0; i < n; i++)
    {
      /* From this label's centre to the near edge of each neighbour, less
       * the gap; at either end of the axis, no more than its own half. */
      double room_before = i > 0 ? band - LABEL_GAP - MIN (natural[i - 1], fit_w) / 2.0 : fit_w / 2.0;
      double room_after = i + 1 < n ? band - LABEL_GAP - MIN (natural[i + 1], fit_w) / 2.0 : fit_w / 2.0;
      double w = MIN (natural[i], room_before + room_after);
      double x = plot->origin.x + (i + 0.5) * band;

      if (w / 2 > room_before)
        x += w / 2 - room_before;
      else if (w / 2 > room_after)
        x -= w / 2 - room_after;

      daftar_plot_add_text_wrapped (chart, category_label (chart, i), x, label_y,
                                     DAFTAR_PLOT_ALIGN_CENTER, 0, TRUE,
                                     wrap_w, MAX ((int) floor (room_before + room_after), 8), 2);
    }
}

static void
daftar_bar_plot_layout_plot (DaftarPlot            *chart,
                              const graphene_rect_t *plot)
{
  DaftarBarPlot *klass = DAFTAR_BAR_PLOT (chart);
  guint n = n_categories (chart);
  guint n_series = daftar_plot_get_n_series (chart);
  double band, group_w, bar_w, label_y;
  int label_w = 0;
  guint stride;

  if (n == 0)
    return;

  band = plot->size.width / n;
  group_w = MAX (band * klass->band_fill, 1);
  bar_w = klass->stacked ? group_w : group_w / n_series;
  label_y = plot->origin.y + plot->size.height + LABEL_GAP;

  for (guint i = 0; i < n; i++)
    {
      double group_x = plot->origin.x + i * band + (band - group_w) / 2;
      double up = 0, down = 0;

      for (guint s = 0; s < n_series; s++)
        {
          double v = daftar_chart_series_get_value (daftar_plot_get_series (chart, s), i);
          double from, to, x;
          graphene_rect_t bar;

          if (!isfinite (v))
            continue;

          if (klass->stacked)
            {
              double *base = v >= 0 ? &up : &down;

              from = *base;
              to = *base + v;
              *base = to;
              x = group_x;
            }
          else
            {
              from = 0;
              to = v;
              x = group_x + s * bar_w;
            }

          {
            double y0 = daftar_plot_y_for_value (chart, from);
            double y1 = daftar_plot_y_for_value (chart, to);

            bar = GRAPHENE_RECT_INIT (x, MIN (y0, y1), bar_w, fabs (y1 - y0));
            daftar_plot_add_mark (chart, s, i, &bar, x + bar_w / 2, y1);
          }
        }
    }

  /* Days can be inferred from their neighbours, so colliding day labels are
   * thinned; a category cannot, so every name is shown. */
  if (daftar_chart_series_has_days (daftar_plot_get_series (chart, 0)))
    {
      for (guint i = 0; i < n; i++)
        {
          int w;

          daftar_plot_measure_text (chart, category_label (chart, i), &w, NULL);
          label_w = MAX (label_w, w);
        }
      stride = daftar_plot_label_stride (band, label_w);
      for (guint i = 0; i < n; i += stride)
        daftar_plot_add_text (chart, category_label (chart, i),
                               plot->origin.x + (i + 0.5) * band, label_y,
                               DAFTAR_PLOT_ALIGN_CENTER, 0, TRUE);
      return;
    }

  layout_category_labels (chart, plot, n, band, label_y);
}

static guint
daftar_bar_plot_category_lines (DaftarPlot *chart)
{
  if (daftar_plot_get_n_series (chart) > 0 &&
      daftar_chart_series_has_days (daftar_plot_get_series (chart, 0)))
    return 1;
  return 2;
}

/* The whole stack is what a manager reads first: describe the totals too. */
static void
daftar_bar_plot_describe (DaftarPlot *chart,
                          GString    *description)
{
  g_autoptr(DaftarChartSeries) totals = NULL;
  DaftarChartSeries *first;
  guint n;

  if (DAFTAR_BAR_PLOT (chart)->stacked && daftar_plot_get_n_series (chart) > 0)
    {
      totals = daftar_chart_series_new (C_("chart", "Total"));
      first = daftar_plot_get_series (chart, 0);
      n = daftar_chart_series_get_n_points (first);
      for (guint i = 0; i < n; i++)
        {
          double sum = 0;

          for (guint s = 0; s < daftar_plot_get_n_series (chart); s++)
            {
              double v = daftar_chart_series_get_value (daftar_plot_get_series (chart, s), i);

              if (isfinite (v))   /* no data adds nothing */
                sum += v;
            }
          daftar_chart_series_append_category (totals, i, daftar_chart_series_get_label (first, i), sum);
        }
      daftar_plot_describe_extremes (chart, totals, description);
    }

  DAFTAR_PLOT_CLASS (daftar_bar_plot_parent_class)->describe (chart, description);
}

static void
daftar_bar_plot_paint_plot (DaftarPlot              *chart,
                            DaftarPlotPainter       *painter,
                            const DaftarPlotPalette *palette)
{
  const DaftarPlotMark *hover = daftar_plot_get_hover_mark (chart);
  const DaftarPlotMark *marks;
  guint n_marks;

  marks = daftar_plot_get_marks (chart, &n_marks);
  for (guint i = 0; i < n_marks; i++)
    painter->fill_rect (painter, daftar_plot_palette_series (palette, marks[i].series), &marks[i].rect);

  /* The hovered bar gets an outline in the text colour, not a new hue. */
  if (hover != NULL)
    painter->outline_rect (painter, &palette->foreground, &hover->rect, 2);
}

static void
daftar_bar_plot_class_init (DaftarBarPlotClass *klass)
{
  DaftarPlotClass *plot_class = DAFTAR_PLOT_CLASS (klass);

  plot_class->collect_values = daftar_bar_plot_collect_values;
  plot_class->layout_plot = daftar_bar_plot_layout_plot;
  plot_class->paint_plot = daftar_bar_plot_paint_plot;
  plot_class->category_lines = daftar_bar_plot_category_lines;
  plot_class->describe = daftar_bar_plot_describe;
}

static void
daftar_bar_plot_init (DaftarBarPlot *self)
{
  self->band_fill = 0.7;
}

DaftarPlot *
daftar_bar_plot_new (void)
{
  return g_object_new (DAFTAR_TYPE_BAR_PLOT, NULL);
}

void
daftar_bar_plot_set_stacked (DaftarBarPlot *self,
                             gboolean       stacked)
{
  g_return_if_fail (DAFTAR_IS_BAR_PLOT (self));

  self->stacked = !!stacked;
  daftar_plot_invalidate (DAFTAR_PLOT (self));
}

void
daftar_bar_plot_set_band_fill (DaftarBarPlot *self,
                               double         band_fill)
{
  g_return_if_fail (DAFTAR_IS_BAR_PLOT (self));
  g_return_if_fail (band_fill > 0 && band_fill <= 1);

  self->band_fill = band_fill;
  daftar_plot_invalidate (DAFTAR_PLOT (self));
}
