/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-chart-series.c: the data of a chart — a named list of points, apart from any drawing. */
#define G_LOG_DOMAIN "daftar-charts"

#include "daftar-chart-series.h"

#include <math.h>

struct _DaftarChartPoint
{
  GObject   parent_instance;

  guint     index;
  gboolean  has_day;
  GDate     day;
  guint     category;
  char     *label;      /* owned */
  double    value;
};

G_DEFINE_FINAL_TYPE (DaftarChartPoint, daftar_chart_point, G_TYPE_OBJECT)

static void
daftar_chart_point_finalize (GObject *object)
{
  DaftarChartPoint *self = DAFTAR_CHART_POINT (object);

  g_free (self->label);

  G_OBJECT_CLASS (daftar_chart_point_parent_class)->finalize (object);
}

static void
daftar_chart_point_class_init (DaftarChartPointClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = daftar_chart_point_finalize;
}

static void
daftar_chart_point_init (DaftarChartPoint *self)
{
  g_date_clear (&self->day, 1);
  self->value = NAN;
}

guint
daftar_chart_point_get_index (DaftarChartPoint *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART_POINT (self), 0);
  return self->index;
}

gboolean
daftar_chart_point_get_day (DaftarChartPoint *self,
                            GDate            *out_day)
{
  g_return_val_if_fail (DAFTAR_IS_CHART_POINT (self), FALSE);

  if (self->has_day && out_day != NULL)
    *out_day = self->day;
  return self->has_day;
}

guint
daftar_chart_point_get_category (DaftarChartPoint *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART_POINT (self), 0);
  return self->category;
}

const char *
daftar_chart_point_get_label (DaftarChartPoint *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART_POINT (self), NULL);
  return self->label != NULL ? self->label : "";
}

double
daftar_chart_point_get_value (DaftarChartPoint *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART_POINT (self), NAN);
  return self->value;
}

struct _DaftarChartSeries
{
  GObject    parent_instance;

  char      *name;     /* owned */
  GPtrArray *points;   /* owned, of DaftarChartPoint */
};

static GType
daftar_chart_series_get_item_type (GListModel *model)
{
  return DAFTAR_TYPE_CHART_POINT;
}

static guint
daftar_chart_series_get_n_items (GListModel *model)
{
  return DAFTAR_CHART_SERIES (model)->points->len;
}

static gpointer
daftar_chart_series_get_item (GListModel *model,
                              guint       position)
{
  DaftarChartSeries *self = DAFTAR_CHART_SERIES (model);

  if (position >= self->points->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->points, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = daftar_chart_series_get_item_type;
  iface->get_n_items = daftar_chart_series_get_n_items;
  iface->get_item = daftar_chart_series_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (DaftarChartSeries, daftar_chart_series, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
daftar_chart_series_finalize (GObject *object)
{
  DaftarChartSeries *self = DAFTAR_CHART_SERIES (object);

  g_clear_pointer (&self->points, g_ptr_array_unref);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (daftar_chart_series_parent_class)->finalize (object);
}

static void
daftar_chart_series_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DaftarChartSeries *self = DAFTAR_CHART_SERIES (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_chart_series_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DaftarChartSeries *self = DAFTAR_CHART_SERIES (object);

  switch (prop_id)
    {
    case PROP_NAME:
      daftar_chart_series_set_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_chart_series_class_init (DaftarChartSeriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = daftar_chart_series_finalize;
  object_class->get_property = daftar_chart_series_get_property;
  object_class->set_property = daftar_chart_series_set_property;

  /* Shown in legends, table headers and tooltips: already translated. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
daftar_chart_series_init (DaftarChartSeries *self)
{
  self->points = g_ptr_array_new_with_free_func (g_object_unref);
}

DaftarChartSeries *
daftar_chart_series_new (const char *name)
{
  return g_object_new (DAFTAR_TYPE_CHART_SERIES, "name", name, NULL);
}

const char *
daftar_chart_series_get_name (DaftarChartSeries *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART_SERIES (self), NULL);
  return self->name != NULL ? self->name : "";
}

void
daftar_chart_series_set_name (DaftarChartSeries *self,
                              const char        *name)
{
  g_return_if_fail (DAFTAR_IS_CHART_SERIES (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

static void
append_point (DaftarChartSeries *self,
              DaftarChartPoint  *point)
{
  point->index = self->points->len;
  g_ptr_array_add (self->points, point);
  g_list_model_items_changed (G_LIST_MODEL (self), point->index, 0, 1);
}

void
daftar_chart_series_append_day (DaftarChartSeries *self,
                                const GDate       *day,
                                const char        *label,
                                double             value)
{
  DaftarChartPoint *point;

  g_return_if_fail (DAFTAR_IS_CHART_SERIES (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  point = g_object_new (DAFTAR_TYPE_CHART_POINT, NULL);
  point->has_day = TRUE;
  point->day = *day;
  point->category = self->points->len;
  point->label = g_strdup (label);
  point->value = value;
  append_point (self, point);
}

void
daftar_chart_series_append_category (DaftarChartSeries *self,
                                     guint              category,
                                     const char        *label,
                                     double             value)
{
  DaftarChartPoint *point;

  g_return_if_fail (DAFTAR_IS_CHART_SERIES (self));

  point = g_object_new (DAFTAR_TYPE_CHART_POINT, NULL);
  point->category = category;
  point->label = g_strdup (label);
  point->value = value;
  append_point (self, point);
}

void
daftar_chart_series_set_value (DaftarChartSeries *self,
                               guint              index,
                               double             value)
{
  DaftarChartPoint *point;

  g_return_if_fail (DAFTAR_IS_CHART_SERIES (self));
  g_return_if_fail (index < self->points->len);

  point = g_ptr_array_index (self->points, index);
  /* NaN never equals itself, so compare the bits of "no data" too. */
  if (point->value == value || (isnan (point->value) && isnan (value)))
    return;
  point->value = value;
  g_list_model_items_changed (G_LIST_MODEL (self), index, 1, 1);
}

void
daftar_chart_series_clear (DaftarChartSeries *self)
{
  guint removed;

  g_return_if_fail (DAFTAR_IS_CHART_SERIES (self));

  removed = self->points->len;
  if (removed == 0)
    return;
  g_ptr_array_set_size (self->points, 0);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
}

guint
daftar_chart_series_get_n_points (DaftarChartSeries *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART_SERIES (self), 0);
  return self->points->len;
}

DaftarChartPoint *
daftar_chart_series_peek_point (DaftarChartSeries *self,
                                guint              index)
{
  g_return_val_if_fail (DAFTAR_IS_CHART_SERIES (self), NULL);
  g_return_val_if_fail (index < self->points->len, NULL);
  return g_ptr_array_index (self->points, index);
}

double
daftar_chart_series_get_value (DaftarChartSeries *self,
                               guint              index)
{
  g_return_val_if_fail (DAFTAR_IS_CHART_SERIES (self), NAN);

  if (index >= self->points->len)
    return NAN;
  return ((DaftarChartPoint *) g_ptr_array_index (self->points, index))->value;
}

const char *
daftar_chart_series_get_label (DaftarChartSeries *self,
                               guint              index)
{
  g_return_val_if_fail (DAFTAR_IS_CHART_SERIES (self), "");

  if (index >= self->points->len)
    return "";
  return daftar_chart_point_get_label (g_ptr_array_index (self->points, index));
}

gboolean
daftar_chart_series_has_days (DaftarChartSeries *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART_SERIES (self), FALSE);

  if (self->points->len == 0)
    return FALSE;
  for (guint i = 0; i < self->points->len; i++)
    if (!((DaftarChartPoint *) g_ptr_array_index (self->points, i))->has_day)
      return FALSE;
  return TRUE;
}
