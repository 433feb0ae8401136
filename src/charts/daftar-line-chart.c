/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-line-chart.c: values over time as lines, with optional dashed target and baseline lines. */
#define G_LOG_DOMAIN "daftar-charts"

#include "daftar-line-chart.h"

#include <math.h>

#include "daftar-line-plot.h"

struct _DaftarLineChart
{
  DaftarChart parent_instance;
};

G_DEFINE_FINAL_TYPE (DaftarLineChart, daftar_line_chart, DAFTAR_TYPE_CHART)

enum {
  PROP_0,
  PROP_TARGET,
  PROP_BASELINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static DaftarLinePlot *
get_plot (DaftarLineChart *self)
{
  return DAFTAR_LINE_PLOT (daftar_chart_get_plot (DAFTAR_CHART (self)));
}

static void
daftar_line_chart_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DaftarLineChart *self = DAFTAR_LINE_CHART (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_double (value, daftar_line_plot_get_target (get_plot (self)));
      break;
    case PROP_BASELINE:
      g_value_set_double (value, daftar_line_plot_get_baseline (get_plot (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_line_chart_class_init (DaftarLineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = daftar_line_chart_get_property;
  DAFTAR_CHART_CLASS (klass)->plot_type = DAFTAR_TYPE_LINE_PLOT;

  /* Read-only as properties: a line needs its label too, so the setters take
   * both. NaN means no line; a pspec cannot default to NaN, hence 0. */
  properties[PROP_TARGET] =
    g_param_spec_double ("target", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BASELINE] =
    g_param_spec_double ("baseline", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
daftar_line_chart_init (DaftarLineChart *self)
{
}

GtkWidget *
daftar_line_chart_new (void)
{
  return g_object_new (DAFTAR_TYPE_LINE_CHART, NULL);
}

static gboolean
same_value (double a,
            double b)
{
  return a == b || (isnan (a) && isnan (b));
}

void
daftar_line_chart_set_target (DaftarLineChart *self,
                              double           value,
                              const char      *label)
{
  double before;

  g_return_if_fail (DAFTAR_IS_LINE_CHART (self));

  before = daftar_line_plot_get_target (get_plot (self));
  daftar_line_plot_set_target (get_plot (self), value, label);
  if (!same_value (before, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

double
daftar_line_chart_get_target (DaftarLineChart *self)
{
  g_return_val_if_fail (DAFTAR_IS_LINE_CHART (self), NAN);
  return daftar_line_plot_get_target (get_plot (self));
}

void
daftar_line_chart_set_baseline (DaftarLineChart *self,
                                double           value,
                                const char      *label)
{
  double before;

  g_return_if_fail (DAFTAR_IS_LINE_CHART (self));

  before = daftar_line_plot_get_baseline (get_plot (self));
  daftar_line_plot_set_baseline (get_plot (self), value, label);
  if (!same_value (before, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE]);
}

double
daftar_line_chart_get_baseline (DaftarLineChart *self)
{
  g_return_val_if_fail (DAFTAR_IS_LINE_CHART (self), NAN);
  return daftar_line_plot_get_baseline (get_plot (self));
}
