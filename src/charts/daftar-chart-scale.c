/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-chart-scale.c: value axes away from drawing — nice 1-2-5 ticks, 0..1 positions, tick labels. */
#define G_LOG_DOMAIN "daftar-charts"

#include "daftar-chart-scale.h"

#include <math.h>

#include "daftar-format.h"

G_DEFINE_ENUM_TYPE (DaftarChartValueFormat, daftar_chart_value_format,
                    G_DEFINE_ENUM_VALUE (DAFTAR_CHART_VALUE_INTEGER, "integer"),
                    G_DEFINE_ENUM_VALUE (DAFTAR_CHART_VALUE_DECIMAL, "decimal"),
                    G_DEFINE_ENUM_VALUE (DAFTAR_CHART_VALUE_PERCENT, "percent"),
                    G_DEFINE_ENUM_VALUE (DAFTAR_CHART_VALUE_MINUTES, "minutes"))

double
daftar_chart_nice_step (double raw)
{
  double magnitude, fraction;

  g_return_val_if_fail (raw > 0 && isfinite (raw), 1.0);

  magnitude = pow (10.0, floor (log10 (raw)));
  fraction = raw / magnitude;
  /* A little slack so that 2.0000000001 stays 2 and not 5. */
  if (fraction <= 1.0 + 1e-9)
    return magnitude;
  if (fraction <= 2.0 + 1e-9)
    return 2.0 * magnitude;
  if (fraction <= 5.0 + 1e-9)
    return 5.0 * magnitude;
  return 10.0 * magnitude;
}

gboolean
daftar_chart_scale_compute (DaftarChartScale *scale,
                            const double     *values,
                            gsize             n_values,
                            gboolean          include_zero,
                            gboolean          integer_steps,
                            guint             max_ticks)
{
  double lo = INFINITY, hi = -INFINITY, step;
  gboolean any = FALSE;

  g_return_val_if_fail (scale != NULL, FALSE);

  max_ticks = MAX (max_ticks, 2);

  for (gsize i = 0; i < n_values; i++)
    {
      if (!isfinite (values[i]))
        continue;
      lo = MIN (lo, values[i]);
      hi = MAX (hi, values[i]);
      any = TRUE;
    }

  if (!any)
    {
      scale->min = 0;
      scale->max = 1;
      scale->step = integer_steps ? 1 : 0.5;
      scale->n_ticks = integer_steps ? 2 : 3;
      return FALSE;
    }

  if (include_zero)
    {
      lo = MIN (lo, 0);
      hi = MAX (hi, 0);
    }

  if (hi - lo < 1e-12)
    {
      /* One distinct value: give it room around itself rather than divide by zero. */
      double pad = fabs (hi) > 1e-12 ? fabs (hi) * 0.1 : 1.0;

      if (lo >= 0 && lo - pad < 0)
        lo = 0;
      else
        lo -= pad;
      hi += pad;
    }

  step = daftar_chart_nice_step ((hi - lo) / (max_ticks - 1));
  if (integer_steps && step < 1)
    step = 1;

  /* Widening the ends to whole steps can need one more tick than planned:
   * take the next step up until the ticks fit. */
  for (;;)
    {
      double first = floor (lo / step + 1e-9) * step;
      double last = ceil (hi / step - 1e-9) * step;
      guint n = (guint) llround ((last - first) / step) + 1;

      if (n <= max_ticks || n <= 2)
        {
          scale->min = first;
          scale->max = MAX (last, first + step);
          scale->step = step;
          scale->n_ticks = MAX (n, 2);
          return TRUE;
        }
      step = daftar_chart_nice_step (step * 1.5);
    }
}

double
daftar_chart_scale_tick (const DaftarChartScale *scale,
                         guint                   i)
{
  double v = scale->min + i * scale->step;

  /* Snap to the step so that 0.1 * 3 prints as 0.3, and -0 as 0. */
  v = round (v / scale->step) * scale->step;
  return v == 0 ? 0 : v;
}

double
daftar_chart_scale_position (const DaftarChartScale *scale,
                             double                  value)
{
  double span = scale->max - scale->min;

  if (span <= 0)
    return 0;
  return (value - scale->min) / span;
}

int
daftar_chart_value_digits (DaftarChartValueFormat format,
                           double                 step)
{
  double unit = format == DAFTAR_CHART_VALUE_PERCENT ? step * 100 : step;

  if (format == DAFTAR_CHART_VALUE_INTEGER || !(unit > 0) || unit >= 1)
    return 0;
  return CLAMP ((int) ceil (-log10 (unit) - 1e-9), 0, 6);
}

char *
daftar_chart_format_value_as (DaftarChartValueFormat format,
                              double                 value,
                              int                    fraction_digits)
{
  if (!isfinite (value))
    return g_strdup ("—");

  switch (format)
    {
    case DAFTAR_CHART_VALUE_INTEGER:
      return daftar_format_int ((gint64) llround (value));
    case DAFTAR_CHART_VALUE_DECIMAL:
      return daftar_format_decimal (value, fraction_digits);
    case DAFTAR_CHART_VALUE_PERCENT:
      return daftar_format_percent (value, fraction_digits);
    case DAFTAR_CHART_VALUE_MINUTES:
      return daftar_format_minutes (value, fraction_digits);
    default:
      g_return_val_if_reached (NULL);
    }
}
