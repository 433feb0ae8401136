/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-chart-frame.c: a chart with its title and a toggle that shows the same points as a table. */
#define G_LOG_DOMAIN "daftar-charts"

#include "config.h"

#include "daftar-chart-frame.h"
#include "daftar-chart-frame-private.h"

#include <glib/gi18n.h>

#include "daftar-charts.h"

struct _DaftarChartFrame
{
  GtkWidget        parent_instance;

  GtkLabel        *title_label;
  GtkToggleButton *table_toggle;
  GtkStack        *stack;
  GtkColumnView   *table;

  DaftarChart     *chart;            /* owned, nullable */
  char            *category_title;   /* owned, nullable */
  gboolean         show_table;
  GDate            period_from;      /* invalid: not set */
  GDate            period_to;
};

G_DEFINE_FINAL_TYPE (DaftarChartFrame, daftar_chart_frame, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CHART,
  PROP_SHOW_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Column 0 holds labels; column k > 0 the values of series k - 1. */
#define COLUMN_KEY "daftar-column"

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            DaftarChartFrame         *self)
{
  GtkWidget *label = gtk_label_new (NULL);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), COLUMN_KEY));

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           DaftarChartFrame         *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), COLUMN_KEY));
  DaftarChartPoint *point = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  if (self->chart == NULL || point == NULL)
    return;

  if (column == 0)
    {
      gtk_label_set_text (label, daftar_chart_point_get_label (point));
      return;
    }
  if (column - 1 >= daftar_chart_get_n_series (self->chart))
    return;
  text = daftar_chart_format_value (self->chart,
                                    daftar_chart_series_get_value (daftar_chart_get_series (self->chart, column - 1),
                                                                   daftar_chart_point_get_index (point)));
  gtk_label_set_text (label, text);
}

static void
add_column (DaftarChartFrame *self,
            guint             column,
            const char       *header)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), COLUMN_KEY, GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
  view_column = gtk_column_view_column_new (header, factory);
  gtk_column_view_column_set_expand (view_column, TRUE);
  gtk_column_view_append_column (self->table, view_column);
}

/* Built only while the table is shown: a hidden table costs nothing. */
static void
rebuild_table (DaftarChartFrame *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->table);
  g_autoptr(GtkSelectionModel) selection = NULL;
  guint n_series;

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->table, column);
    }

  if (self->chart == NULL || !self->show_table ||
      (n_series = daftar_chart_get_n_series (self->chart)) == 0)
    {
      gtk_column_view_set_model (self->table, NULL);
      return;
    }

  add_column (self, 0, daftar_chart_frame_label_header (self));
  for (guint s = 0; s < n_series; s++)
    add_column (self, s + 1, daftar_chart_frame_series_header (self, s));

  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (daftar_chart_get_series (self->chart, 0)))));
  gtk_column_view_set_model (self->table, selection);
}

const char *
daftar_chart_frame_label_header (DaftarChartFrame *self)
{
  return self->category_title != NULL ? self->category_title : C_("chart", "Label");
}

const char *
daftar_chart_frame_series_header (DaftarChartFrame *self,
                                  guint             index)
{
  const char *name = daftar_chart_series_get_name (daftar_chart_get_series (self->chart, index));

  /* A lone series is headed by what its values are, when the chart says. */
  if (name[0] == '\0')
    name = daftar_chart_get_unit (self->chart) != NULL ? daftar_chart_get_unit (self->chart)
                                                        : C_("chart", "Value");
  return name;
}

/* The button says what pressing it will show, not what is shown: a
 * pressed "Show as table" beside a table read as if nothing had happened. */
static void
update_toggle_label (DaftarChartFrame *self)
{
  gtk_button_set_label (GTK_BUTTON (self->table_toggle),
                        self->show_table ? _("Show as chart") : _("Show as table"));
}

static void
on_chart_description_changed (DaftarChart      *chart,
                              GParamSpec       *pspec,
                              DaftarChartFrame *self)
{
  /* The description changes whenever the data do. */
  if (self->show_table)
    rebuild_table (self);
}

static void
daftar_chart_frame_dispose (GObject *object)
{
  DaftarChartFrame *self = DAFTAR_CHART_FRAME (object);

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  if (self->table != NULL)
    gtk_column_view_set_model (self->table, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), DAFTAR_TYPE_CHART_FRAME);
  /* The template's unbound top box is ours to unparent (GtkBinLayout). */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (daftar_chart_frame_parent_class)->dispose (object);
}

static void
daftar_chart_frame_finalize (GObject *object)
{
  DaftarChartFrame *self = DAFTAR_CHART_FRAME (object);

  g_clear_pointer (&self->category_title, g_free);

  G_OBJECT_CLASS (daftar_chart_frame_parent_class)->finalize (object);
}

static void
daftar_chart_frame_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DaftarChartFrame *self = DAFTAR_CHART_FRAME (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, daftar_chart_frame_get_title (self));
      break;
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, self->show_table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_chart_frame_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DaftarChartFrame *self = DAFTAR_CHART_FRAME (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      daftar_chart_frame_set_title (self, g_value_get_string (value));
      break;
    case PROP_CHART:
      daftar_chart_frame_set_chart (self, g_value_get_object (value));
      break;
    case PROP_SHOW_TABLE:
      daftar_chart_frame_set_show_table (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The chart is to look at; its table toggle is what acts, and the one Tab
 * stop. A flow box would make its cell a stop of its own besides. */
static void
daftar_chart_frame_root (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  GTK_WIDGET_CLASS (daftar_chart_frame_parent_class)->root (widget);
  if (GTK_IS_FLOW_BOX_CHILD (parent))
    gtk_widget_set_focusable (parent, FALSE);
}

static void
copy_table_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  daftar_chart_frame_copy_table (DAFTAR_CHART_FRAME (widget));
}

static void
save_csv_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  daftar_chart_frame_save_table_ask (DAFTAR_CHART_FRAME (widget));
}

static void
daftar_chart_frame_class_init (DaftarChartFrameClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftar_chart_frame_dispose;
  object_class->finalize = daftar_chart_frame_finalize;
  object_class->get_property = daftar_chart_frame_get_property;
  object_class->set_property = daftar_chart_frame_set_property;
  widget_class->root = daftar_chart_frame_root;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, DAFTAR_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftar/Daftar/charts/daftar-chart-frame.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftarChartFrame, title_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarChartFrame, table_toggle);
  gtk_widget_class_bind_template_child (widget_class, DaftarChartFrame, stack);
  gtk_widget_class_bind_template_child (widget_class, DaftarChartFrame, table);
  gtk_widget_class_bind_template_child_full (widget_class, "table_actions", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "status_label", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "table.copy", NULL, copy_table_activated);
  gtk_widget_class_install_action (widget_class, "table.save-csv", NULL, save_csv_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "daftar-chart-frame");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
daftar_chart_frame_init (DaftarChartFrame *self)
{
  daftar_charts_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_bind_property (self->table_toggle, "active", self, "show-table",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  update_toggle_label (self);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  -1);
}

GtkWidget *
daftar_chart_frame_new (const char  *title,
                        DaftarChart *chart)
{
  g_return_val_if_fail (chart == NULL || DAFTAR_IS_CHART (chart), NULL);

  return g_object_new (DAFTAR_TYPE_CHART_FRAME, "chart", chart, "title", title, NULL);
}

DaftarChart *
daftar_chart_frame_get_chart (DaftarChartFrame *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART_FRAME (self), NULL);
  return self->chart;
}

void
daftar_chart_frame_set_chart (DaftarChartFrame *self,
                              DaftarChart      *chart)
{
  g_return_if_fail (DAFTAR_IS_CHART_FRAME (self));
  g_return_if_fail (chart == NULL || DAFTAR_IS_CHART (chart));

  if (self->chart == chart)
    return;

  if (self->chart != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chart, self);
      gtk_stack_remove (self->stack, GTK_WIDGET (self->chart));
      g_clear_object (&self->chart);
    }

  if (chart != NULL)
    {
      self->chart = g_object_ref_sink (chart);
      gtk_widget_set_vexpand (GTK_WIDGET (chart), TRUE);
      gtk_stack_add_named (self->stack, GTK_WIDGET (chart), "chart");
      g_signal_connect (chart, "notify::description", G_CALLBACK (on_chart_description_changed), self);
      if (gtk_label_get_text (self->title_label)[0] != '\0')
        daftar_chart_set_title (chart, gtk_label_get_text (self->title_label));
    }

  gtk_stack_set_visible_child_name (self->stack, self->show_table || chart == NULL ? "table" : "chart");
  rebuild_table (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

const char *
daftar_chart_frame_get_title (DaftarChartFrame *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART_FRAME (self), NULL);
  return gtk_label_get_text (self->title_label);
}

void
daftar_chart_frame_set_title (DaftarChartFrame *self,
                              const char       *title)
{
  g_return_if_fail (DAFTAR_IS_CHART_FRAME (self));

  if (g_strcmp0 (gtk_label_get_text (self->title_label), title != NULL ? title : "") == 0)
    return;
  gtk_label_set_text (self->title_label, title);
  if (self->chart != NULL)
    daftar_chart_set_title (self->chart, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
daftar_chart_frame_set_category_title (DaftarChartFrame *self,
                                       const char       *category_title)
{
  g_return_if_fail (DAFTAR_IS_CHART_FRAME (self));

  g_free (self->category_title);
  self->category_title = g_strdup (category_title);
  rebuild_table (self);
}

gboolean
daftar_chart_frame_get_show_table (DaftarChartFrame *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART_FRAME (self), FALSE);
  return self->show_table;
}

void
daftar_chart_frame_set_show_table (DaftarChartFrame *self,
                                   gboolean          show_table)
{
  g_return_if_fail (DAFTAR_IS_CHART_FRAME (self));

  show_table = !!show_table;
  if (self->show_table == show_table)
    return;
  self->show_table = show_table;
  update_toggle_label (self);
  rebuild_table (self);
  gtk_stack_set_visible_child_name (self->stack, show_table || self->chart == NULL ? "table" : "chart");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TABLE]);
}

GtkColumnView *
daftar_chart_frame_get_table (DaftarChartFrame *self)
{
  g_return_val_if_fail (DAFTAR_IS_CHART_FRAME (self), NULL);
  return self->table;
}

void
daftar_chart_frame_set_period (DaftarChartFrame *self,
                               const GDate      *from,
                               const GDate      *to)
{
  g_return_if_fail (DAFTAR_IS_CHART_FRAME (self));

  g_date_clear (&self->period_from, 1);
  g_date_clear (&self->period_to, 1);
  if (from != NULL && to != NULL && g_date_valid (from) && g_date_valid (to))
    {
      self->period_from = *from;
      self->period_to = *to;
    }
}

gboolean
daftar_chart_frame_get_period (DaftarChartFrame *self,
                               GDate            *out_from,
                               GDate            *out_to)
{
  if (!g_date_valid (&self->period_from))
    return FALSE;
  *out_from = self->period_from;
  *out_to = self->period_to;
  return TRUE;
}
