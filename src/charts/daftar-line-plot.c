/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-line-plot.c: values over time as lines, with optional dashed target and baseline lines — without a widget. */
#define G_LOG_DOMAIN "daftar-charts"

#include "config.h"

#include "daftar-line-plot.h"

#include <math.h>
#include <glib/gi18n.h>

#include "daftar-plot-private.h"

#define LABEL_GAP 6
#define DOT 3.0

typedef struct
{
  double  value;    /* NaN: no line */
  char   *label;    /* owned, nullable */
  double  y;        /* computed: pixels */
} ReferenceLine;

struct _DaftarLinePlot
{
  DaftarPlot     parent_instance;

  ReferenceLine  target;
  ReferenceLine  baseline;
};

G_DEFINE_FINAL_TYPE (DaftarLinePlot, daftar_line_plot, DAFTAR_TYPE_PLOT)


static guint
longest_series (DaftarPlot *chart,
                guint       *out_n)
{
  guint best = 0, n = 0;

  for (guint s = 0; s < daftar_plot_get_n_series (chart); s++)
    {
      guint len = daftar_chart_series_get_n_points (daftar_plot_get_series (chart, s));

      if (len > n)
        {
          n = len;
          best = s;
        }
    }
  *out_n = n;
  return best;
}

/* Where along the time axis a point sits, 0..1: by calendar day when every
 * point has one (a missing day leaves a visible gap), else by position. */
static double
x_fraction (DaftarChartSeries *series,
            guint              index,
            guint              n_positions,
            guint32            first_day,
            guint32            last_day)
{
  GDate day;

  if (last_day > first_day &&
      daftar_chart_point_get_day (daftar_chart_series_peek_point (series, index), &day))
    return (double) (g_date_get_julian (&day) - first_day) / (last_day - first_day);
  if (n_positions <= 1)
    return 0.5;
  return (double) index / (n_positions - 1);
}

static void
day_span (DaftarPlot *chart,
          guint32     *first,
          guint32     *last)
{
  *first = G_MAXUINT32;
  *last = 0;

  for (guint s = 0; s < daftar_plot_get_n_series (chart); s++)
    {
      DaftarChartSeries *series = daftar_plot_get_series (chart, s);
      guint n = daftar_chart_series_get_n_points (series);
      GDate day;

      if (!daftar_chart_series_has_days (series))
        {
          *first = *last = 0;
          return;
        }
      for (guint i = 0; i < n; i++)
        {
          daftar_chart_point_get_day (daftar_chart_series_peek_point (series, i), &day);
          *first = MIN (*first, g_date_get_julian (&day));
          *last = MAX (*last, g_date_get_julian (&day));
        }
    }
}

static void
daftar_line_plot_collect_values (DaftarPlot *chart,
                                  GArray      *values)
{
  DaftarLinePlot *self = DAFTAR_LINE_PLOT (chart);

  DAFTAR_PLOT_CLASS (daftar_line_plot_parent_class)->collect_values (chart, values);
  /* The reference lines must be on the axis even when the data are far from them. */
  g_array_append_val (values, self->target.value);
  g_array_append_val (values, self->baseline.value);
}

/* How many vertices fall in a label's box: the label goes where fewer do. */
static guint
count_marks_in (DaftarPlot *chart,
                double       logical_x0,
                double       logical_x1,
                double       y0,
                double       y1)
{
  double xa = daftar_plot_flip_x (chart, logical_x0);
  double xb = daftar_plot_flip_x (chart, logical_x1);
  const DaftarPlotMark *marks;
  guint n_marks, count = 0;

  marks = daftar_plot_get_marks (chart, &n_marks);
  for (guint i = 0; i < n_marks; i++)
    if (marks[i].anchor.x >= MIN (xa, xb) - 4 && marks[i].anchor.x <= MAX (xa, xb) + 4 &&
        marks[i].anchor.y >= y0 - 4 && marks[i].anchor.y <= y1 + 4)
      count++;
  return count;
}

static void
layout_reference (DaftarPlot            *chart,
                  ReferenceLine         *line,
                  const graphene_rect_t *plot)
{
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  double end = plot->origin.x + plot->size.width;
  guint above, below;
  int w, h;

  if (!isfinite (line->value))
    return;

  line->y = round (daftar_plot_y_for_value (chart, line->value)) + 0.5;
  value = daftar_plot_format_value (chart, line->value);
  /* Translators: a reference line's label and its value, e.g. "Target: 90%". */
  text = g_strdup_printf (C_("chart", "%s: %s"), line->label != NULL ? line->label : "", value);
  daftar_plot_measure_text (chart, text, &w, &h);

  above = count_marks_in (chart, end - w, end, line->y - 2 - h, line->y);
  below = count_marks_in (chart, end - w, end, line->y, line->y + 2 + h);
  if (below < above && line->y + 2 + h <= plot->origin.y + plot->size.height)
    daftar_plot_add_text (chart, text, end, line->y + 2, DAFTAR_PLOT_ALIGN_END, 0, TRUE);
  else
    daftar_plot_add_text (chart, text, end, line->y - 2, DAFTAR_PLOT_ALIGN_END, 1, TRUE);
}

static void
daftar_line_plot_layout_plot (DaftarPlot            *chart,
                               const graphene_rect_t *plot)
{
  DaftarLinePlot *self = DAFTAR_LINE_PLOT (chart);
  guint n_positions, longest = longest_series (chart, &n_positions);
  guint32 first_day, last_day;
  graphene_rect_t inner = *plot;
  double strip;
  int label_w = 0;
  guint stride;

  if (n_positions == 0)
    {
      layout_reference (chart, &self->target, plot);
      layout_reference (chart, &self->baseline, plot);
      return;
    }

  day_span (chart, &first_day, &last_day);

  /* Labels are centred on their points: keep half a label inside each end. */
  for (guint i = 0; i < n_positions; i++)
    {
      int w;

      daftar_plot_measure_text (chart, daftar_chart_series_get_label (daftar_plot_get_series (chart, longest), i), &w, NULL);
      label_w = MAX (label_w, w);
    }
  graphene_rect_inset (&inner, MIN (label_w / 2.0, plot->size.width / 4), 0);

  strip = inner.size.width / MAX (n_positions - 1, 1);
  for (guint s = 0; s < daftar_plot_get_n_series (chart); s++)
    {
      DaftarChartSeries *series = daftar_plot_get_series (chart, s);
      guint n = daftar_chart_series_get_n_points (series);

      for (guint i = 0; i < n; i++)
        {
          double v = daftar_chart_series_get_value (series, i);
          double x = inner.origin.x + inner.size.width * x_fraction (series, i, n_positions, first_day, last_day);
          graphene_rect_t hit = GRAPHENE_RECT_INIT (x - strip / 2, plot->origin.y, strip, plot->size.height);

          if (isfinite (v))
            daftar_plot_add_mark (chart, s, i, &hit, x, daftar_plot_y_for_value (chart, v));
        }
    }

  /* After the vertices: their labels avoid them. */
  layout_reference (chart, &self->target, plot);
  layout_reference (chart, &self->baseline, plot);

  stride = daftar_plot_label_stride (strip, label_w);
  for (guint i = 0; i < n_positions; i += stride)
    {
      DaftarChartSeries *series = daftar_plot_get_series (chart, longest);
      double x = inner.origin.x + inner.size.width * x_fraction (series, i, n_positions, first_day, last_day);

      daftar_plot_add_text (chart, daftar_chart_series_get_label (series, i), x,
                             plot->origin.y + plot->size.height + LABEL_GAP,
                             DAFTAR_PLOT_ALIGN_CENTER, 0, TRUE);
    }
}

static void
stroke_reference (cairo_t               *cr,
                  const ReferenceLine   *line,
                  const graphene_rect_t *plot,
                  const DaftarPlotColor *color,
                  const double          *dash,
                  int                    n_dashes)
{
  if (!isfinite (line->value))
    return;
  cairo_save (cr);
  daftar_plot_set_source_color (cr, color);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dash, n_dashes, 0);
  cairo_move_to (cr, plot->origin.x, line->y);
  cairo_line_to (cr, plot->origin.x + plot->size.width, line->y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
daftar_line_plot_paint_plot (DaftarPlot               *chart,
                                 DaftarPlotPainter        *painter,
                                 const DaftarPlotPalette *palette)
{
  static const double target_dash[] = { 6, 4 };
  static const double baseline_dash[] = { 2, 3 };
  DaftarLinePlot *self = DAFTAR_LINE_PLOT (chart);
  const DaftarPlotMark *hover = daftar_plot_get_hover_mark (chart);
  const DaftarPlotMark *marks;
  DaftarPlotColor muted = palette->foreground;
  graphene_rect_t plot, bounds;
  guint n_marks;
  cairo_t *cr;

  marks = daftar_plot_get_marks (chart, &n_marks);
  daftar_plot_get_plot_area (chart, &plot);
  graphene_rect_inset_r (&plot, -2 * DOT, -2 * DOT, &bounds);
  muted.alpha *= 0.6;

  cr = painter->begin_cairo (painter, &bounds);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* Neither reference line takes a hue: a green target once passed for the
   * green series. The target is long dashes in the text colour; the
   * baseline, which matters less, short dashes dimmed. */
  stroke_reference (cr, &self->target, &plot, &palette->reference, target_dash, G_N_ELEMENTS (target_dash));
  stroke_reference (cr, &self->baseline, &plot, &palette->reference_muted, baseline_dash, G_N_ELEMENTS (baseline_dash));

  if (hover != NULL)
    {
      /* A guide down to the axis, so the hovered day can be read off it. */
      daftar_plot_set_source_color (cr, &muted);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, round (hover->anchor.x) + 0.5, plot.origin.y);
      cairo_line_to (cr, round (hover->anchor.x) + 0.5, plot.origin.y + plot.size.height);
      cairo_stroke (cr);
    }

  /* Marks come series by series, in point order; a missing point breaks the line. */
  cairo_set_line_width (cr, 2);
  for (guint i = 0; i < n_marks; i++)
    {
      gboolean joined = i > 0 && marks[i - 1].series == marks[i].series &&
                        marks[i - 1].index + 1 == marks[i].index;

      if (joined)
        cairo_line_to (cr, marks[i].anchor.x, marks[i].anchor.y);
      else
        cairo_move_to (cr, marks[i].anchor.x, marks[i].anchor.y);

      if (i + 1 == n_marks || marks[i + 1].series != marks[i].series)
        {
          daftar_plot_set_source_color (cr, daftar_plot_palette_series (palette, marks[i].series));
          cairo_stroke (cr);
        }
    }

  for (guint i = 0; i < n_marks; i++)
    {
      double r = &marks[i] == hover ? DOT * 1.8 : DOT;

      daftar_plot_set_source_color (cr, daftar_plot_palette_series (palette, marks[i].series));
      cairo_arc (cr, marks[i].anchor.x, marks[i].anchor.y, r, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  painter->end_cairo (painter, cr);
}

static void
describe_reference (DaftarPlot          *chart,
                    const ReferenceLine *line,
                    GString             *description)
{
  g_autofree char *value = NULL;

  if (!isfinite (line->value))
    return;
  value = daftar_plot_format_value (chart, line->value);
  g_string_append_c (description, ' ');
  /* Translators: a reference line in a chart's description, e.g. "Target: 90%." */
  g_string_append_printf (description, C_("chart", "%s: %s."), line->label != NULL ? line->label : "", value);
}

static void
daftar_line_plot_describe (DaftarPlot *chart,
                            GString     *description)
{
  DaftarLinePlot *self = DAFTAR_LINE_PLOT (chart);

  DAFTAR_PLOT_CLASS (daftar_line_plot_parent_class)->describe (chart, description);
  describe_reference (chart, &self->target, description);
  describe_reference (chart, &self->baseline, description);
}

static void
daftar_line_plot_finalize (GObject *object)
{
  DaftarLinePlot *self = DAFTAR_LINE_PLOT (object);

  g_clear_pointer (&self->target.label, g_free);
  g_clear_pointer (&self->baseline.label, g_free);

  G_OBJECT_CLASS (daftar_line_plot_parent_class)->finalize (object);
}

static void
daftar_line_plot_class_init (DaftarLinePlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  DaftarPlotClass *chart_class = DAFTAR_PLOT_CLASS (klass);

  object_class->finalize = daftar_line_plot_finalize;

  /* A rate between 91% and 94% should not be flattened against zero. */
  chart_class->include_zero = FALSE;
  chart_class->collect_values = daftar_line_plot_collect_values;
  chart_class->layout_plot = daftar_line_plot_layout_plot;
  chart_class->paint_plot = daftar_line_plot_paint_plot;
  chart_class->describe = daftar_line_plot_describe;

}

static void
daftar_line_plot_init (DaftarLinePlot *self)
{
  self->target.value = NAN;
  self->baseline.value = NAN;
}

DaftarPlot *
daftar_line_plot_new (void)
{
  return g_object_new (DAFTAR_TYPE_LINE_PLOT, NULL);
}

static void
set_reference (DaftarLinePlot *self,
               ReferenceLine   *line,
               double           value,
               const char      *label)
{
  gboolean same_value = line->value == value || (isnan (line->value) && isnan (value));

  if (same_value && g_strcmp0 (line->label, label) == 0)
    return;
  line->value = value;
  g_free (line->label);
  line->label = g_strdup (label);
  daftar_plot_invalidate (DAFTAR_PLOT (self));
}

void
daftar_line_plot_set_target (DaftarLinePlot *self,
                              double           value,
                              const char      *label)
{
  g_return_if_fail (DAFTAR_IS_LINE_PLOT (self));
  set_reference (self, &self->target, value, label);
}

double
daftar_line_plot_get_target (DaftarLinePlot *self)
{
  g_return_val_if_fail (DAFTAR_IS_LINE_PLOT (self), NAN);
  return self->target.value;
}

void
daftar_line_plot_set_baseline (DaftarLinePlot *self,
                                double           value,
                                const char      *label)
{
  g_return_if_fail (DAFTAR_IS_LINE_PLOT (self));
  set_reference (self, &self->baseline, value, label);
}

double
daftar_line_plot_get_baseline (DaftarLinePlot *self)
{
  g_return_val_if_fail (DAFTAR_IS_LINE_PLOT (self), NAN);
  return self->baseline.value;
}
