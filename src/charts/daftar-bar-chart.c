/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-bar-chart.c: bars per category, side by side for several series; the base of stacked bars and histograms. */
#define G_LOG_DOMAIN "daftar-charts"

#include "daftar-bar-chart.h"

#include <math.h>

#include "daftar-chart-private.h"

#define LABEL_GAP 6

G_DEFINE_TYPE (DaftarBarChart, daftar_bar_chart, DAFTAR_TYPE_CHART)

static guint
n_categories (DaftarChart *chart)
{
  guint n = 0;

  for (guint s = 0; s < daftar_chart_get_n_series (chart); s++)
    n = MAX (n, daftar_chart_series_get_n_points (daftar_chart_get_series (chart, s)));
  return n;
}

/* Category labels come from the first series that has the point. */
static const char *
category_label (DaftarChart *chart,
                guint        index)
{
  for (guint s = 0; s < daftar_chart_get_n_series (chart); s++)
    {
      DaftarChartSeries *series = daftar_chart_get_series (chart, s);

      if (index < daftar_chart_series_get_n_points (series))
        return daftar_chart_series_get_label (series, index);
    }
  return "";
}

static void
daftar_bar_chart_collect_values (DaftarChart *chart,
                                 GArray      *values)
{
  guint n = n_categories (chart);

  if (!DAFTAR_BAR_CHART_GET_CLASS (chart)->stacked)
    {
      DAFTAR_CHART_CLASS (daftar_bar_chart_parent_class)->collect_values (chart, values);
      return;
    }

  /* A stack reaches the sum of its positive parts up, its negative parts down. */
  for (guint i = 0; i < n; i++)
    {
      double up = 0, down = 0;

      for (guint s = 0; s < daftar_chart_get_n_series (chart); s++)
        {
          double v = daftar_chart_series_get_value (daftar_chart_get_series (chart, s), i);

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
layout_category_labels (DaftarChart           *chart,
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
    natural[i] = daftar_chart_measure_wrapped (chart, category_label (chart, i), wrap_w, 2);

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

      daftar_chart_add_text_wrapped (chart, category_label (chart, i), x, label_y,
                                     DAFTAR_CHART_ALIGN_CENTER, 0, TRUE,
                                     wrap_w, MAX ((int) floor (room_before + room_after), 8), 2);
    }
}

static void
daftar_bar_chart_layout_plot (DaftarChart           *chart,
                              const graphene_rect_t *plot)
{
  DaftarBarChartClass *klass = DAFTAR_BAR_CHART_GET_CLASS (chart);
  guint n = n_categories (chart);
  guint n_series = daftar_chart_get_n_series (chart);
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
          double v = daftar_chart_series_get_value (daftar_chart_get_series (chart, s), i);
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
            double y0 = daftar_chart_y_for_value (chart, from);
            double y1 = daftar_chart_y_for_value (chart, to);

            bar = GRAPHENE_RECT_INIT (x, MIN (y0, y1), bar_w, fabs (y1 - y0));
            daftar_chart_add_mark (chart, s, i, &bar, x + bar_w / 2, y1);
          }
        }
    }

  /* Days can be inferred from their neighbours, so colliding day labels are
   * thinned; a category cannot, so every name is shown. */
  if (daftar_chart_series_has_days (daftar_chart_get_series (chart, 0)))
    {
      for (guint i = 0; i < n; i++)
        {
          int w;

          daftar_chart_measure_text (chart, category_label (chart, i), &w, NULL);
          label_w = MAX (label_w, w);
        }
      stride = daftar_chart_label_stride (band, label_w);
      for (guint i = 0; i < n; i += stride)
        daftar_chart_add_text (chart, category_label (chart, i),
                               plot->origin.x + (i + 0.5) * band, label_y,
                               DAFTAR_CHART_ALIGN_CENTER, 0, TRUE);
      return;
    }

  layout_category_labels (chart, plot, n, band, label_y);
}

static guint
daftar_bar_chart_category_lines (DaftarChart *chart)
{
  if (daftar_chart_get_n_series (chart) > 0 &&
      daftar_chart_series_has_days (daftar_chart_get_series (chart, 0)))
    return 1;
  return 2;
}

static void
daftar_bar_chart_snapshot_plot (DaftarChart              *chart,
                                GtkSnapshot              *snapshot,
                                const DaftarChartPalette *palette)
{
  const DaftarChartMark *hover = daftar_chart_get_hover_mark (chart);
  const DaftarChartMark *marks;
  guint n_marks;

  marks = daftar_chart_get_marks (chart, &n_marks);
  for (guint i = 0; i < n_marks; i++)
    gtk_snapshot_append_color (snapshot, daftar_chart_palette_series (palette, marks[i].series),
                               &marks[i].rect);

  if (hover != NULL)
    {
      /* The hovered bar gets an outline in the text colour, not a new hue. */
      GskRoundedRect outline;
      const GdkRGBA colors[4] = { palette->foreground, palette->foreground,
                                  palette->foreground, palette->foreground };
      const float widths[4] = { 2, 2, 2, 2 };

      gsk_rounded_rect_init_from_rect (&outline, &hover->rect, 0);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

static void
daftar_bar_chart_class_init (DaftarBarChartClass *klass)
{
  DaftarChartClass *chart_class = DAFTAR_CHART_CLASS (klass);

  chart_class->collect_values = daftar_bar_chart_collect_values;
  chart_class->layout_plot = daftar_bar_chart_layout_plot;
  chart_class->snapshot_plot = daftar_bar_chart_snapshot_plot;
  chart_class->category_lines = daftar_bar_chart_category_lines;

  klass->stacked = FALSE;
  klass->band_fill = 0.7;
}

static void
daftar_bar_chart_init (DaftarBarChart *self)
{
}

GtkWidget *
daftar_bar_chart_new (void)
{
  return g_object_new (DAFTAR_TYPE_BAR_CHART, NULL);
}
