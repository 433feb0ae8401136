/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-chart.c: the base of every chart widget — a DaftarPlot shown, allocated, hovered, described and given tooltips. */
#define G_LOG_DOMAIN "daftar-charts"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "daftar-chart-layout.h"
#include "daftar-charts.h"
#include "daftar-format.h"

typedef struct
{
  DaftarPlot *plot;          /* owned */
  char       *description;   /* owned */
  guint       describe_idle;
} DaftarChartPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (DaftarChart, daftar_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_UNIT,
  PROP_VALUE_FORMAT,
  PROP_FRACTION_DIGITS,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static DaftarChartPrivate *
daftar_chart_get_priv (DaftarChart *self)
{
  return daftar_chart_get_instance_private (self);
}

DaftarPlot *
daftar_chart_get_plot (DaftarChart *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART (self), NULL);
  return daftar_chart_get_priv (self)->plot;
}

static void daftar_chart_update_description (DaftarChart *self);

static gboolean
describe_idle_cb (gpointer user_data)
{
  DaftarChart *self = user_data;
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  priv->describe_idle = 0;
  daftar_chart_update_description (self);
  return G_SOURCE_REMOVE;
}

/* Data changed: lay out again at the next allocation, and describe the new
 * data once the page has finished feeding points (one idle, not one per point). */
void
daftar_chart_invalidate (DaftarChart *self)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (priv->describe_idle == 0)
    priv->describe_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, describe_idle_cb, self, NULL);
}

static void
on_plot_changed (DaftarPlot  *plot,
                 DaftarChart *self)
{
  daftar_chart_invalidate (self);
}

static void
daftar_chart_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  /* Allocation is when size, direction or data last changed: the only place
   * positions are computed. snapshot then only draws them. */
  daftar_plot_relayout (daftar_chart_get_plot (DAFTAR_CHART (widget)),
                        gtk_widget_get_pango_context (widget),
                        gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL,
                        width, height);
}

static void
daftar_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 420;
    }
  else
    {
      *minimum = 120;
      *natural = 240;
    }
}

static void
daftar_chart_direction_changed (GtkWidget        *widget,
                                GtkTextDirection  previous)
{
  GTK_WIDGET_CLASS (daftar_chart_parent_class)->direction_changed (widget, previous);
  gtk_widget_queue_allocate (widget);
}

static void
daftar_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  DaftarChart *self = DAFTAR_CHART (widget);
  DaftarChartPalette palette;

  if (!daftar_plot_is_laid_out (daftar_chart_get_plot (self)))
    return;

  daftar_chart_lookup_palette (self, &palette);
  daftar_chart_snapshot_plot (self, snapshot, &palette);
}

static gboolean
daftar_chart_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip)
{
  g_autofree char *text = daftar_chart_get_tooltip_at (DAFTAR_CHART (widget), x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           DaftarChart              *self)
{
  DaftarPlot *plot = daftar_chart_get_plot (self);

  if (daftar_plot_set_hover (plot, daftar_plot_find_mark (plot, x, y)))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_leave (GtkEventControllerMotion *motion,
          DaftarChart              *self)
{
  if (daftar_plot_set_hover (daftar_chart_get_plot (self), -1))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
daftar_chart_dispose (GObject *object)
{
  DaftarChart *self = DAFTAR_CHART (object);
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  g_clear_handle_id (&priv->describe_idle, g_source_remove);
  if (priv->plot != NULL)
    g_signal_handlers_disconnect_by_data (priv->plot, self);
  g_clear_object (&priv->plot);

  G_OBJECT_CLASS (daftar_chart_parent_class)->dispose (object);
}

static void
daftar_chart_finalize (GObject *object)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (DAFTAR_CHART (object));

  g_clear_pointer (&priv->description, g_free);

  G_OBJECT_CLASS (daftar_chart_parent_class)->finalize (object);
}

static void
daftar_chart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DaftarChart *self = DAFTAR_CHART (object);
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, daftar_plot_get_title (priv->plot));
      break;
    case PROP_UNIT:
      g_value_set_string (value, daftar_plot_get_unit (priv->plot));
      break;
    case PROP_VALUE_FORMAT:
      g_value_set_enum (value, daftar_plot_get_value_format (priv->plot));
      break;
    case PROP_FRACTION_DIGITS:
      g_value_set_int (value, daftar_plot_get_fraction_digits (priv->plot));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, daftar_chart_get_description (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_chart_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DaftarChart *self = DAFTAR_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      daftar_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_UNIT:
      daftar_chart_set_unit (self, g_value_get_string (value));
      break;
    case PROP_VALUE_FORMAT:
      daftar_chart_set_value_format (self, g_value_get_enum (value));
      break;
    case PROP_FRACTION_DIGITS:
      daftar_chart_set_fraction_digits (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The plot is made here, not in init: only now is the class the widget's
 * own, which names the kind of plot. */
static void
daftar_chart_constructed (GObject *object)
{
  DaftarChart *self = DAFTAR_CHART (object);
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);
  GType plot_type = DAFTAR_CHART_GET_CLASS (self)->plot_type;

  G_OBJECT_CLASS (daftar_chart_parent_class)->constructed (object);

  g_assert (g_type_is_a (plot_type, DAFTAR_TYPE_PLOT));
  priv->plot = g_object_new (plot_type, NULL);
  g_signal_connect (priv->plot, "changed", G_CALLBACK (on_plot_changed), self);
  daftar_chart_update_description (self);
}

static void
daftar_chart_class_init (DaftarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = daftar_chart_constructed;
  object_class->dispose = daftar_chart_dispose;
  object_class->finalize = daftar_chart_finalize;
  object_class->get_property = daftar_chart_get_property;
  object_class->set_property = daftar_chart_set_property;

  widget_class->measure = daftar_chart_measure;
  widget_class->size_allocate = daftar_chart_size_allocate;
  widget_class->snapshot = daftar_chart_snapshot;
  widget_class->query_tooltip = daftar_chart_query_tooltip;
  widget_class->direction_changed = daftar_chart_direction_changed;

  klass->plot_type = DAFTAR_TYPE_PLOT;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VALUE_FORMAT] =
    g_param_spec_enum ("value-format", NULL, NULL,
                       DAFTAR_TYPE_CHART_VALUE_FORMAT, DAFTAR_CHART_VALUE_INTEGER,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FRACTION_DIGITS] =
    g_param_spec_int ("fraction-digits", NULL, NULL, -1, 6, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "daftar-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
daftar_chart_init (DaftarChart *self)
{
  GtkEventController *motion;

  daftar_charts_ensure_style ();

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "daftar-chart");

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}

void
daftar_chart_add_series (DaftarChart       *self,
                         DaftarChartSeries *series)
{
  g_return_if_fail (DAFTAR_IS_CHART (self));
  daftar_plot_add_series (daftar_chart_get_plot (self), series);
}

void
daftar_chart_clear_series (DaftarChart *self)
{
  g_return_if_fail (DAFTAR_IS_CHART (self));
  daftar_plot_clear_series (daftar_chart_get_plot (self));
}

void
daftar_chart_set_series (DaftarChart       *self,
                         DaftarChartSeries *series)
{
  g_return_if_fail (DAFTAR_IS_CHART (self));
  daftar_plot_set_series (daftar_chart_get_plot (self), series);
}

guint
daftar_chart_get_n_series (DaftarChart *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART (self), 0);
  return daftar_plot_get_n_series (daftar_chart_get_plot (self));
}

DaftarChartSeries *
daftar_chart_get_series (DaftarChart *self,
                         guint        index)
{
  g_return_val_if_fail (DAFTAR_IS_CHART (self), NULL);
  return daftar_plot_get_series (daftar_chart_get_plot (self), index);
}

const char *
daftar_chart_get_title (DaftarChart *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART (self), NULL);
  return daftar_plot_get_title (daftar_chart_get_plot (self));
}

void
daftar_chart_set_title (DaftarChart *self,
                        const char  *title)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  g_return_if_fail (DAFTAR_IS_CHART (self));

  if (g_strcmp0 (daftar_plot_get_title (priv->plot), title) == 0)
    return;
  daftar_plot_set_title (priv->plot, title);
  daftar_chart_update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
daftar_chart_get_unit (DaftarChart *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART (self), NULL);
  return daftar_plot_get_unit (daftar_chart_get_plot (self));
}

void
daftar_chart_set_unit (DaftarChart *self,
                       const char  *unit)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  g_return_if_fail (DAFTAR_IS_CHART (self));

  if (unit != NULL && unit[0] == '\0')
    unit = NULL;
  if (g_strcmp0 (daftar_plot_get_unit (priv->plot), unit) == 0)
    return;
  daftar_plot_set_unit (priv->plot, unit);
  daftar_chart_update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

DaftarChartValueFormat
daftar_chart_get_value_format (DaftarChart *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART (self), DAFTAR_CHART_VALUE_INTEGER);
  return daftar_plot_get_value_format (daftar_chart_get_plot (self));
}

void
daftar_chart_set_value_format (DaftarChart            *self,
                               DaftarChartValueFormat  format)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  g_return_if_fail (DAFTAR_IS_CHART (self));

  if (daftar_plot_get_value_format (priv->plot) == format)
    return;
  daftar_plot_set_value_format (priv->plot, format);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_FORMAT]);
}

int
daftar_chart_get_fraction_digits (DaftarChart *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART (self), -1);
  return daftar_plot_get_fraction_digits (daftar_chart_get_plot (self));
}

void
daftar_chart_set_fraction_digits (DaftarChart *self,
                                  int          digits)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  g_return_if_fail (DAFTAR_IS_CHART (self));

  digits = CLAMP (digits, -1, 6);
  if (daftar_plot_get_fraction_digits (priv->plot) == digits)
    return;
  daftar_plot_set_fraction_digits (priv->plot, digits);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION_DIGITS]);
}

char *
daftar_chart_format_value (DaftarChart *self,
                           double       value)
{
  g_return_val_if_fail (DAFTAR_IS_CHART (self), NULL);
  return daftar_plot_format_value (daftar_chart_get_plot (self), value);
}

/* Runs away from snapshot, whenever the data or title change, so a screen
 * reader always has a current text alternative of the picture. */
static void
daftar_chart_update_description (DaftarChart *self)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);
  g_autofree char *text = NULL;

  g_clear_handle_id (&priv->describe_idle, g_source_remove);

  text = daftar_plot_describe (priv->plot);
  if (g_strcmp0 (priv->description, text) == 0)
    return;
  g_free (priv->description);
  priv->description = g_steal_pointer (&text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, priv->description,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
daftar_chart_get_description (DaftarChart *self)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  g_return_val_if_fail (DAFTAR_IS_CHART (self), NULL);

  /* A pending update is due now: the caller reads the current data. */
  if (priv->describe_idle != 0)
    daftar_chart_update_description (self);
  return priv->description;
}

void
daftar_chart_get_scale (DaftarChart      *self,
                        DaftarChartScale *out_scale)
{
  g_return_if_fail (DAFTAR_IS_CHART (self));
  daftar_plot_get_scale (daftar_chart_get_plot (self), out_scale);
}

gboolean
daftar_chart_get_plot_area (DaftarChart     *self,
                            graphene_rect_t *out_plot)
{
  g_return_val_if_fail (DAFTAR_IS_CHART (self), FALSE);
  return daftar_plot_get_plot_area (daftar_chart_get_plot (self), out_plot);
}

gboolean
daftar_chart_get_point_position (DaftarChart      *self,
                                 guint             series,
                                 guint             index,
                                 graphene_point_t *out_point)
{
  g_return_val_if_fail (DAFTAR_IS_CHART (self), FALSE);
  return daftar_plot_get_point_position (daftar_chart_get_plot (self), series, index, out_point);
}

char *
daftar_chart_get_tooltip_at (DaftarChart *self,
                             double       x,
                             double       y)
{
  g_return_val_if_fail (DAFTAR_IS_CHART (self), NULL);
  return daftar_plot_get_tooltip_at (daftar_chart_get_plot (self), x, y);
}

const char *
daftar_chart_get_text (DaftarChart     *self,
                       guint            index,
                       graphene_rect_t *out_rect)
{
  g_return_val_if_fail (DAFTAR_IS_CHART (self), NULL);
  return daftar_plot_get_text (daftar_chart_get_plot (self), index, out_rect);
}
