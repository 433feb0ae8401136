/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-heatmap-plot.c: load by weekday (rows, Saturday first) and hour (columns) as a colour scale — without a widget. */
#define G_LOG_DOMAIN "daftar-charts"

#include "config.h"

#include "daftar-heatmap-plot.h"

#include <math.h>
#include <glib/gi18n.h>

#include "daftar-plot-private.h"
#include "daftar-format.h"

#define N_ROWS 7
#define GAP 6
#define KEY 14
#define N_KEY_LEVELS 5

struct _DaftarHeatmapPlot
{
  DaftarPlot   parent_instance;

  guint        first_hour;
  guint        last_hour;
  double       scale_max;   /* 0: the largest value */

  /* Computed layout. */
  GArray      *levels;      /* owned, of double: 0..1 per mark, NaN for empty */
  GArray      *key_rects;   /* owned, of graphene_rect_t: the colour scale's keys */
};

G_DEFINE_FINAL_TYPE (DaftarHeatmapPlot, daftar_heatmap_plot, DAFTAR_TYPE_PLOT)

guint
daftar_heatmap_plot_row_for_weekday (GDateWeekday weekday)
{
  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, 0);

  /* GDate counts Monday = 1 .. Sunday = 7; the office week starts on Saturday (6). */
  return (weekday + 1) % 7;
}

/* A day of the given row, only to ask daftar-format for the weekday's name. */
static void
day_of_row (guint  row,
            GDate *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, 6, G_DATE_JANUARY, 2024);   /* a Saturday */
  g_date_add_days (out, row);
}

static char *
hour_label (guint hour)
{
  g_autofree char *digits = daftar_format_int (hour);

  /* Translators: an hour of the day in tables and tooltips, e.g. "9:00"; %s is the hour. */
  return g_strdup_printf (C_("hour of day", "%s:00"), digits);
}

static double
max_value (DaftarPlot *chart)
{
  double max = 0;

  for (guint s = 0; s < daftar_plot_get_n_series (chart); s++)
    {
      DaftarChartSeries *series = daftar_plot_get_series (chart, s);

      for (guint i = 0; i < daftar_chart_series_get_n_points (series); i++)
        {
          double v = daftar_chart_series_get_value (series, i);

          if (isfinite (v))
            max = MAX (max, v);
        }
    }
  return max;
}

static void
daftar_heatmap_plot_layout_plot (DaftarPlot            *chart,
                            const graphene_rect_t *plot)
{
  DaftarHeatmapPlot *self = DAFTAR_HEATMAP_PLOT (chart);
  guint n_hours = self->last_hour - self->first_hour + 1;
  double max = self->scale_max > 0 ? self->scale_max : max_value (chart);
  int row_label_w = 0, hour_label_w = 0, text_h;
  double x0, cell_w, cell_h, key_y;
  g_autofree char *max_text = daftar_plot_format_value (chart, max);
  g_autofree char *zero_text = daftar_plot_format_value (chart, 0);
  guint stride;
  int w;

  g_array_set_size (self->levels, 0);
  g_array_set_size (self->key_rects, 0);

  for (guint row = 0; row < N_ROWS; row++)
    {
      daftar_plot_measure_text (chart, daftar_chart_series_get_name (daftar_plot_get_series (chart, row)), &w, &text_h);
      row_label_w = MAX (row_label_w, w);
    }

  x0 = plot->origin.x + row_label_w + GAP;
  cell_w = MAX (plot->size.width - row_label_w - GAP, 1) / n_hours;
  /* Below the rows: the hours, then the colour scale. */
  cell_h = MAX (plot->size.height - 2 * (text_h + GAP), N_ROWS) / N_ROWS;

  for (guint row = 0; row < N_ROWS; row++)
    {
      DaftarChartSeries *series = daftar_plot_get_series (chart, row);
      double y = plot->origin.y + row * cell_h;

      daftar_plot_add_text (chart, daftar_chart_series_get_name (series), x0 - GAP, y + cell_h / 2,
                             DAFTAR_PLOT_ALIGN_END, 0.5, FALSE);
      for (guint i = 0; i < n_hours; i++)
        {
          double v = daftar_chart_series_get_value (series, i);
          double level = self->scale_max > 0 ? (isfinite (v) ? CLAMP (v / max, 0, 1) : NAN)
                                             : (isfinite (v) && v > 0 && max > 0 ? v / max : NAN);
          graphene_rect_t cell = GRAPHENE_RECT_INIT (x0 + i * cell_w + 1, y + 1,
                                                     MAX (cell_w - 2, 1), MAX (cell_h - 2, 1));

          daftar_plot_add_mark (chart, row, i, &cell, x0 + (i + 0.5) * cell_w, y + cell_h / 2);
          g_array_append_val (self->levels, level);
        }
    }

  for (guint i = 0; i < n_hours; i++)
    {
      g_autofree char *label = daftar_format_int (self->first_hour + i);

      daftar_plot_measure_text (chart, label, &w, NULL);
      hour_label_w = MAX (hour_label_w, w);
    }
  stride = daftar_plot_label_stride (cell_w, hour_label_w);
  for (guint i = 0; i < n_hours; i += stride)
    {
      g_autofree char *label = daftar_format_int (self->first_hour + i);

      daftar_plot_add_text (chart, label, x0 + (i + 0.5) * cell_w, plot->origin.y + N_ROWS * cell_h + 2,
                             DAFTAR_PLOT_ALIGN_CENTER, 0, TRUE);
    }

  /* The colour scale, read in the direction of the text: zero, keys, the maximum. */
  key_y = plot->origin.y + N_ROWS * cell_h + text_h + GAP + 2;
  daftar_plot_add_text (chart, zero_text, x0, key_y, DAFTAR_PLOT_ALIGN_START, 0, TRUE);
  daftar_plot_measure_text (chart, zero_text, &w, NULL);
  for (guint k = 0; k < N_KEY_LEVELS; k++)
    {
      graphene_rect_t logical = GRAPHENE_RECT_INIT (x0 + w + GAP + k * (KEY + 2), key_y + (text_h - KEY) / 2.0, KEY, KEY);
      graphene_rect_t key;

      daftar_plot_flip_rect (chart, &logical, &key);
      g_array_append_val (self->key_rects, key);
    }
  daftar_plot_add_text (chart, max_text, x0 + w + 2 * GAP + N_KEY_LEVELS * (KEY + 2), key_y,
                         DAFTAR_PLOT_ALIGN_START, 0, TRUE);

  /* The scale's values name their unit after the maximum, unless they
   * carry it already ("45 min"). */
  if (daftar_plot_get_unit (chart) != NULL && daftar_plot_get_value_format (chart) != DAFTAR_CHART_VALUE_MINUTES)
    {
      int max_w, room;
      double unit_x;

      daftar_plot_measure_text (chart, max_text, &max_w, NULL);
      unit_x = x0 + w + 3 * GAP + N_KEY_LEVELS * (KEY + 2) + max_w;
      room = MAX (plot->origin.x + plot->size.width - unit_x, 1);
      daftar_plot_add_text_wrapped (chart, daftar_plot_get_unit (chart), unit_x, key_y,
                                     DAFTAR_PLOT_ALIGN_START, 0, TRUE, room, room, 1);
    }
}

static DaftarPlotColor
level_color (const DaftarPlotPalette *palette,
             double                    level)
{
  DaftarPlotColor color;

  /* Empty cells stay faint in the text colour; others deepen in the accent. */
  if (isnan (level))
    {
      color = palette->foreground;
      color.alpha *= 0.06;
      return color;
    }
  color = palette->series[0];
  color.alpha *= 0.15 + 0.85 * level;
  return color;
}

static void
daftar_heatmap_plot_paint_plot (DaftarPlot               *chart,
                              DaftarPlotPainter        *painter,
                              const DaftarPlotPalette *palette)
{
  DaftarHeatmapPlot *self = DAFTAR_HEATMAP_PLOT (chart);
  const DaftarPlotMark *hover = daftar_plot_get_hover_mark (chart);
  const DaftarPlotMark *marks;
  guint n_marks;

  marks = daftar_plot_get_marks (chart, &n_marks);
  for (guint i = 0; i < n_marks && i < self->levels->len; i++)
    {
      DaftarPlotColor color = level_color (palette, g_array_index (self->levels, double, i));

      painter->fill_rect (painter, &color, &marks[i].rect);
    }

  for (guint k = 0; k < self->key_rects->len; k++)
    {
      DaftarPlotColor color = level_color (palette, (k + 1.0) / N_KEY_LEVELS);

      painter->fill_rect (painter, &color, &g_array_index (self->key_rects, graphene_rect_t, k));
    }

  if (hover != NULL)
    painter->outline_rect (painter, &palette->foreground, &hover->rect, 2);
}

static void
daftar_heatmap_plot_describe (DaftarPlot *chart,
                         GString     *description)
{
  DaftarChartSeries *busiest = NULL;
  guint busiest_hour = 0;
  double max = -INFINITY;
  g_autofree char *value = NULL;

  for (guint s = 0; s < daftar_plot_get_n_series (chart); s++)
    {
      DaftarChartSeries *series = daftar_plot_get_series (chart, s);

      for (guint i = 0; i < daftar_chart_series_get_n_points (series); i++)
        {
          double v = daftar_chart_series_get_value (series, i);

          if (isfinite (v) && v > max)
            {
              max = v;
              busiest = series;
              busiest_hour = i;
            }
        }
    }
  if (busiest == NULL)
    return;

  value = daftar_plot_format_value (chart, max);
  g_string_append_c (description, ' ');
  /* Translators: the busiest cell of a weekday × hour chart: weekday, hour, value. */
  g_string_append_printf (description, _("Busiest: %s at %s, %s."),
                          daftar_chart_series_get_name (busiest),
                          daftar_chart_series_get_label (busiest, busiest_hour),
                          value);
}

static void
daftar_heatmap_plot_finalize (GObject *object)
{
  DaftarHeatmapPlot *self = DAFTAR_HEATMAP_PLOT (object);

  g_clear_pointer (&self->levels, g_array_unref);
  g_clear_pointer (&self->key_rects, g_array_unref);

  G_OBJECT_CLASS (daftar_heatmap_plot_parent_class)->finalize (object);
}

static void
daftar_heatmap_plot_class_init (DaftarHeatmapPlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  DaftarPlotClass *chart_class = DAFTAR_PLOT_CLASS (klass);

  object_class->finalize = daftar_heatmap_plot_finalize;

  chart_class->value_axis = FALSE;
  chart_class->layout_plot = daftar_heatmap_plot_layout_plot;
  chart_class->paint_plot = daftar_heatmap_plot_paint_plot;
  chart_class->describe = daftar_heatmap_plot_describe;
}

static void
daftar_heatmap_plot_init (DaftarHeatmapPlot *self)
{
  self->levels = g_array_new (FALSE, FALSE, sizeof (double));
  self->key_rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  daftar_heatmap_plot_set_hours (self, 7, 20);
}

DaftarPlot *
daftar_heatmap_plot_new (void)
{
  return g_object_new (DAFTAR_TYPE_HEATMAP_PLOT, NULL);
}

void
daftar_heatmap_plot_set_hours (DaftarHeatmapPlot *self,
                          guint          first_hour,
                          guint          last_hour)
{
  DaftarPlot *chart = DAFTAR_PLOT (self);

  g_return_if_fail (DAFTAR_IS_HEATMAP_PLOT (self));
  g_return_if_fail (first_hour <= last_hour && last_hour <= 23);

  self->first_hour = first_hour;
  self->last_hour = last_hour;

  /* One series per weekday row, named by it; its points are the hours. */
  daftar_plot_clear_series (chart);
  for (guint row = 0; row < N_ROWS; row++)
    {
      g_autoptr(DaftarChartSeries) series = NULL;
      g_autofree char *name = NULL;
      GDate day;

      day_of_row (row, &day);
      name = daftar_format_weekday (&day);
      series = daftar_chart_series_new (name);
      for (guint hour = first_hour; hour <= last_hour; hour++)
        {
          g_autofree char *label = hour_label (hour);

          daftar_chart_series_append_category (series, hour, label, 0);
        }
      daftar_plot_add_series (chart, series);
    }
}

void
daftar_heatmap_plot_set_scale_max (DaftarHeatmapPlot *self,
                              double         scale_max)
{
  g_return_if_fail (DAFTAR_IS_HEATMAP_PLOT (self));
  g_return_if_fail (scale_max >= 0);

  self->scale_max = scale_max;
  daftar_plot_invalidate (DAFTAR_PLOT (self));
}

guint
daftar_heatmap_plot_get_first_hour (DaftarHeatmapPlot *self)
{
  g_return_val_if_fail (DAFTAR_IS_HEATMAP_PLOT (self), 0);
  return self->first_hour;
}

guint
daftar_heatmap_plot_get_last_hour (DaftarHeatmapPlot *self)
{
  g_return_val_if_fail (DAFTAR_IS_HEATMAP_PLOT (self), 0);
  return self->last_hour;
}

void
daftar_heatmap_plot_set_value (DaftarHeatmapPlot *self,
                          GDateWeekday   weekday,
                          guint          hour,
                          double         value)
{
  g_return_if_fail (DAFTAR_IS_HEATMAP_PLOT (self));

  if (hour < self->first_hour || hour > self->last_hour)
    return;
  daftar_chart_series_set_value (daftar_plot_get_series (DAFTAR_PLOT (self), daftar_heatmap_plot_row_for_weekday (weekday)),
                                 hour - self->first_hour, value);
}

double
daftar_heatmap_plot_get_value (DaftarHeatmapPlot *self,
                          GDateWeekday   weekday,
                          guint          hour)
{
  g_return_val_if_fail (DAFTAR_IS_HEATMAP_PLOT (self), NAN);

  if (hour < self->first_hour || hour > self->last_hour)
    return NAN;
  return daftar_chart_series_get_value (daftar_plot_get_series (DAFTAR_PLOT (self), daftar_heatmap_plot_row_for_weekday (weekday)),
                                        hour - self->first_hour);
}

gboolean
daftar_heatmap_plot_get_cell_rect (DaftarHeatmapPlot   *self,
                              GDateWeekday     weekday,
                              guint            hour,
                              graphene_rect_t *out_rect)
{
  guint row = daftar_heatmap_plot_row_for_weekday (weekday);
  const DaftarPlotMark *marks;
  guint n_marks;

  g_return_val_if_fail (DAFTAR_IS_HEATMAP_PLOT (self), FALSE);

  marks = daftar_plot_get_marks (DAFTAR_PLOT (self), &n_marks);
  for (guint i = 0; i < n_marks; i++)
    if (marks[i].series == row && marks[i].index + self->first_hour == hour)
      {
        *out_rect = marks[i].rect;
        return TRUE;
      }
  return FALSE;
}
