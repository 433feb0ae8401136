/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-chart.c: the base of every drawn chart — series, properties, hover, tooltips, description. */
#define G_LOG_DOMAIN "daftar-charts"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "daftar-chart-layout.h"
#include "daftar-charts.h"
#include "daftar-format.h"

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

DaftarChartPrivate *
daftar_chart_get_priv (DaftarChart *self)
{
  return daftar_chart_get_instance_private (self);
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

  priv->hover = -1;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (priv->describe_idle == 0)
    priv->describe_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, describe_idle_cb, self, NULL);
}

static void
on_series_items_changed (GListModel  *model,
                         guint        position,
                         guint        removed,
                         guint        added,
                         DaftarChart *self)
{
  daftar_chart_invalidate (self);
}

static void
on_series_name_changed (DaftarChartSeries *series,
                        GParamSpec        *pspec,
                        DaftarChart       *self)
{
  daftar_chart_invalidate (self);
}

static void
disconnect_series (gpointer data,
                   gpointer user_data)
{
  g_signal_handlers_disconnect_by_data (data, user_data);
}

static void
daftar_chart_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  /* Allocation is when size, direction or data last changed: the only place
   * positions are computed. snapshot then only draws them. */
  daftar_chart_relayout (DAFTAR_CHART (widget), width, height);
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
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);
  DaftarChartPalette palette;

  if (!priv->laid_out)
    return;

  daftar_chart_lookup_palette (self, &palette);
  daftar_chart_snapshot_axes (self, snapshot, &palette);
  if (DAFTAR_CHART_GET_CLASS (self)->snapshot_plot != NULL)
    DAFTAR_CHART_GET_CLASS (self)->snapshot_plot (self, snapshot, &palette);
  daftar_chart_snapshot_texts (self, snapshot, &palette);
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
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);
  int hover = daftar_chart_find_mark (self, x, y);

  if (hover != priv->hover)
    {
      priv->hover = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (GtkEventControllerMotion *motion,
          DaftarChart              *self)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  if (priv->hover != -1)
    {
      priv->hover = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
daftar_chart_collect_values_default (DaftarChart *self,
                                     GArray      *values)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  for (guint s = 0; s < priv->series->len; s++)
    {
      DaftarChartSeries *series = g_ptr_array_index (priv->series, s);
      guint n = daftar_chart_series_get_n_points (series);

      for (guint i = 0; i < n; i++)
        {
          double v = daftar_chart_series_get_value (series, i);
          g_array_append_val (values, v);
        }
    }
}

static void
daftar_chart_describe_default (DaftarChart *self,
                               GString     *description)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  for (guint s = 0; s < priv->series->len; s++)
    daftar_chart_describe_extremes (self, g_ptr_array_index (priv->series, s), description);
}

static void
daftar_chart_dispose (GObject *object)
{
  DaftarChart *self = DAFTAR_CHART (object);
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  g_clear_handle_id (&priv->describe_idle, g_source_remove);
  if (priv->series != NULL)
    {
      g_ptr_array_foreach (priv->series, disconnect_series, self);
      g_ptr_array_set_size (priv->series, 0);
    }
  daftar_chart_clear_layout (self);

  G_OBJECT_CLASS (daftar_chart_parent_class)->dispose (object);
}

static void
daftar_chart_finalize (GObject *object)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (DAFTAR_CHART (object));

  g_clear_pointer (&priv->series, g_ptr_array_unref);
  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->unit, g_free);
  g_clear_pointer (&priv->description, g_free);
  g_clear_pointer (&priv->tick_ys, g_array_unref);
  g_clear_pointer (&priv->marks, g_array_unref);
  g_clear_pointer (&priv->texts, g_array_unref);
  g_clear_pointer (&priv->swatches, g_array_unref);

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
      g_value_set_string (value, priv->title);
      break;
    case PROP_UNIT:
      g_value_set_string (value, priv->unit);
      break;
    case PROP_VALUE_FORMAT:
      g_value_set_enum (value, priv->format);
      break;
    case PROP_FRACTION_DIGITS:
      g_value_set_int (value, priv->fraction_digits);
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

static void
daftar_chart_class_init (DaftarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftar_chart_dispose;
  object_class->finalize = daftar_chart_finalize;
  object_class->get_property = daftar_chart_get_property;
  object_class->set_property = daftar_chart_set_property;

  widget_class->measure = daftar_chart_measure;
  widget_class->size_allocate = daftar_chart_size_allocate;
  widget_class->snapshot = daftar_chart_snapshot;
  widget_class->query_tooltip = daftar_chart_query_tooltip;
  widget_class->direction_changed = daftar_chart_direction_changed;

  klass->value_axis = TRUE;
  klass->include_zero = TRUE;
  klass->collect_values = daftar_chart_collect_values_default;
  klass->describe = daftar_chart_describe_default;

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
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);
  GtkEventController *motion;

  daftar_charts_ensure_style ();

  priv->series = g_ptr_array_new_with_free_func (g_object_unref);
  priv->format = DAFTAR_CHART_VALUE_INTEGER;
  priv->fraction_digits = -1;
  priv->hover = -1;
  priv->tick_ys = g_array_new (FALSE, FALSE, sizeof (double));
  priv->marks = g_array_new (FALSE, FALSE, sizeof (DaftarChartMark));
  priv->texts = g_array_new (FALSE, FALSE, sizeof (DaftarChartText));
  priv->swatches = g_array_new (FALSE, FALSE, sizeof (DaftarChartMark));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "daftar-chart");

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  daftar_chart_update_description (self);
}

void
daftar_chart_add_series (DaftarChart       *self,
                         DaftarChartSeries *series)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  g_return_if_fail (DAFTAR_IS_CHART (self));
  g_return_if_fail (DAFTAR_IS_CHART_SERIES (series));

  g_ptr_array_add (priv->series, g_object_ref (series));
  g_signal_connect_object (series, "items-changed", G_CALLBACK (on_series_items_changed), self, 0);
  g_signal_connect_object (series, "notify::name", G_CALLBACK (on_series_name_changed), self, 0);
  daftar_chart_invalidate (self);
}

void
daftar_chart_clear_series (DaftarChart *self)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  g_return_if_fail (DAFTAR_IS_CHART (self));

  g_ptr_array_foreach (priv->series, disconnect_series, self);
  g_ptr_array_set_size (priv->series, 0);
  daftar_chart_invalidate (self);
}

void
daftar_chart_set_series (DaftarChart       *self,
                         DaftarChartSeries *series)
{
  g_return_if_fail (DAFTAR_IS_CHART (self));
  g_return_if_fail (series == NULL || DAFTAR_IS_CHART_SERIES (series));

  daftar_chart_clear_series (self);
  if (series != NULL)
    daftar_chart_add_series (self, series);
}

guint
daftar_chart_get_n_series (DaftarChart *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART (self), 0);
  return daftar_chart_get_priv (self)->series->len;
}

DaftarChartSeries *
daftar_chart_get_series (DaftarChart *self,
                         guint        index)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  g_return_val_if_fail (DAFTAR_IS_CHART (self), NULL);
  g_return_val_if_fail (index < priv->series->len, NULL);
  return g_ptr_array_index (priv->series, index);
}

const char *
daftar_chart_get_title (DaftarChart *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART (self), NULL);
  return daftar_chart_get_priv (self)->title;
}

void
daftar_chart_set_title (DaftarChart *self,
                        const char  *title)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  g_return_if_fail (DAFTAR_IS_CHART (self));

  if (g_strcmp0 (priv->title, title) == 0)
    return;
  g_free (priv->title);
  priv->title = g_strdup (title);
  daftar_chart_update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
daftar_chart_get_unit (DaftarChart *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART (self), NULL);
  return daftar_chart_get_priv (self)->unit;
}

void
daftar_chart_set_unit (DaftarChart *self,
                       const char  *unit)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  g_return_if_fail (DAFTAR_IS_CHART (self));

  if (unit != NULL && unit[0] == '\0')
    unit = NULL;
  if (g_strcmp0 (priv->unit, unit) == 0)
    return;
  g_free (priv->unit);
  priv->unit = g_strdup (unit);
  /* The axis title takes a line: the plot moves. */
  daftar_chart_invalidate (self);
  daftar_chart_update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

DaftarChartValueFormat
daftar_chart_get_value_format (DaftarChart *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART (self), DAFTAR_CHART_VALUE_INTEGER);
  return daftar_chart_get_priv (self)->format;
}

void
daftar_chart_set_value_format (DaftarChart            *self,
                               DaftarChartValueFormat  format)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  g_return_if_fail (DAFTAR_IS_CHART (self));

  if (priv->format == format)
    return;
  priv->format = format;
  daftar_chart_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_FORMAT]);
}

int
daftar_chart_get_fraction_digits (DaftarChart *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART (self), -1);
  return daftar_chart_get_priv (self)->fraction_digits;
}

void
daftar_chart_set_fraction_digits (DaftarChart *self,
                                  int          digits)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);

  g_return_if_fail (DAFTAR_IS_CHART (self));

  digits = CLAMP (digits, -1, 6);
  if (priv->fraction_digits == digits)
    return;
  priv->fraction_digits = digits;
  daftar_chart_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION_DIGITS]);
}

char *
daftar_chart_format_value (DaftarChart *self,
                           double       value)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);
  int digits = priv->fraction_digits;

  g_return_val_if_fail (DAFTAR_IS_CHART (self), NULL);

  /* Automatic: one digit, unless the value is whole as shown (90%, not 90.0%). */
  if (digits < 0)
    {
      double shown = priv->format == DAFTAR_CHART_VALUE_PERCENT ? value * 100 : value;

      digits = priv->format == DAFTAR_CHART_VALUE_INTEGER || fabs (shown - round (shown)) < 1e-9 ? 0 : 1;
    }
  return daftar_chart_format_value_as (priv->format, value, digits);
}

/* Runs away from snapshot, whenever the data or title change, so a screen
 * reader always has a current text alternative of the picture. */
static void
daftar_chart_update_description (DaftarChart *self)
{
  DaftarChartPrivate *priv = daftar_chart_get_priv (self);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_points = 0;

  g_clear_handle_id (&priv->describe_idle, g_source_remove);

  for (guint s = 0; s < priv->series->len; s++)
    n_points = MAX (n_points, daftar_chart_series_get_n_points (g_ptr_array_index (priv->series, s)));

  if (priv->title != NULL && priv->title[0] != '\0')
    g_string_append (text, priv->title);
  else
    g_string_append (text, C_("chart", "Chart"));
  /* The unit drawn on the axis is said too: "…, 40 points" counts points,
   * the unit says what their values are. */
  if (priv->unit != NULL)
    /* Translators: after a chart's title in its text alternative: the
     * unit of its values, e.g. "Mean Wait Over the Period (minutes)". */
    g_string_append_printf (text, C_("chart unit", " (%s)"), priv->unit);

  if (n_points == 0)
    {
      /* Translators: said after a chart's title when it has nothing to show. */
      g_string_append (text, _(": no data."));
    }
  else
    {
      DaftarChartSeries *first = g_ptr_array_index (priv->series, 0);
      g_autofree char *count = daftar_format_int (n_points);

      g_string_append_printf (text,
                              /* Translators: a chart's summary: title, number of points, first and last label. */
                              ngettext (", %s point, from %s to %s.", ", %s points, from %s to %s.", n_points),
                              count,
                              daftar_chart_series_get_label (first, 0),
                              daftar_chart_series_get_label (first, daftar_chart_series_get_n_points (first) - 1));
      if (DAFTAR_CHART_GET_CLASS (self)->describe != NULL)
        DAFTAR_CHART_GET_CLASS (self)->describe (self, text);
    }

  if (g_strcmp0 (priv->description, text->str) == 0)
    return;
  g_free (priv->description);
  priv->description = g_strdup (text->str);
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
daftar_chart_describe_extremes (DaftarChart       *self,
                                DaftarChartSeries *series,
                                GString           *description)
{
  guint n = daftar_chart_series_get_n_points (series);
  int lo = -1, hi = -1;
  g_autofree char *lo_text = NULL;
  g_autofree char *hi_text = NULL;

  for (guint i = 0; i < n; i++)
    {
      double v = daftar_chart_series_get_value (series, i);

      if (!isfinite (v))
        continue;
      if (lo < 0 || v < daftar_chart_series_get_value (series, lo))
        lo = i;
      if (hi < 0 || v > daftar_chart_series_get_value (series, hi))
        hi = i;
    }
  if (lo < 0)
    return;

  lo_text = daftar_chart_format_value (self, daftar_chart_series_get_value (series, lo));
  hi_text = daftar_chart_format_value (self, daftar_chart_series_get_value (series, hi));
  g_string_append_c (description, ' ');
  if (daftar_chart_series_get_name (series)[0] != '\0')
    g_string_append_printf (description, C_("chart", "%s: "), daftar_chart_series_get_name (series));
  /* Translators: lowest value and its label, highest value and its label. */
  g_string_append_printf (description, _("lowest %s (%s), highest %s (%s)."),
                          lo_text, daftar_chart_series_get_label (series, lo),
                          hi_text, daftar_chart_series_get_label (series, hi));
}

