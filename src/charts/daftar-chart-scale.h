/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-chart-scale.h: value axes away from drawing — nice 1-2-5 ticks, 0..1 positions, tick labels. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How a chart's values are shown on its axis, in tooltips and in its table. */
typedef enum {
  DAFTAR_CHART_VALUE_INTEGER,   /* counts: 12, ۱۲ */
  DAFTAR_CHART_VALUE_DECIMAL,   /* means: 7.5 */
  DAFTAR_CHART_VALUE_PERCENT,   /* ratios 0..1 shown as ۹۱٪ */
  DAFTAR_CHART_VALUE_MINUTES,   /* waiting times in minutes */
} DaftarChartValueFormat;

#define DAFTAR_TYPE_CHART_VALUE_FORMAT (daftar_chart_value_format_get_type ())
GType daftar_chart_value_format_get_type (void);

typedef struct {
  double min;       /* first tick, at position 0 */
  double max;       /* last tick, at position 1 */
  double step;      /* between ticks: 1, 2 or 5 times a power of ten */
  guint  n_ticks;   /* ticks at min + i * step for i < n_ticks */
} DaftarChartScale;

/* Rounds @raw up to 1, 2 or 5 times a power of ten; @raw must be > 0. */
double    daftar_chart_nice_step       (double                  raw);

/* Computes a scale covering every finite value of @values (NaN and infinity
 * are skipped) with at most @max_ticks ticks (at least 2). @include_zero
 * keeps 0 on the axis, as bars need. With no finite value the scale is 0..1
 * and FALSE is returned. @integer_steps forbids steps below 1 (counts). */
gboolean  daftar_chart_scale_compute   (DaftarChartScale       *scale,
                                        const double           *values,
                                        gsize                   n_values,
                                        gboolean                include_zero,
                                        gboolean                integer_steps,
                                        guint                   max_ticks);
double    daftar_chart_scale_tick      (const DaftarChartScale *scale,
                                        guint                   i);
/* 0 at scale->min, 1 at scale->max; not clamped. */
double    daftar_chart_scale_position  (const DaftarChartScale *scale,
                                        double                  value);

/* Fraction digits that tell ticks @step apart in @format. */
int       daftar_chart_value_digits    (DaftarChartValueFormat  format,
                                        double                  step);
/* Formats @value through daftar-format; NaN gives a dash. */
char     *daftar_chart_format_value_as (DaftarChartValueFormat  format,
                                        double                  value,
                                        int                     fraction_digits);

G_END_DECLS
