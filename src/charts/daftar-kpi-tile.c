/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-kpi-tile.c: one key figure — its value, its change from the previous period, and its standard. */
#define G_LOG_DOMAIN "daftar-charts"

#include "config.h"

#include "daftar-kpi-tile.h"

#include <math.h>
#include <glib/gi18n.h>

#include "daftar-charts.h"
#include "daftar-format.h"

struct _DaftarKpiTile
{
  GtkWidget        parent_instance;

  GtkLabel        *title_label;
  GtkLabel        *value_label;
  GtkWidget       *change_box;
  GtkImage        *change_icon;
  GtkLabel        *change_label;
  GtkWidget       *status_box;
  GtkImage        *status_icon;
  GtkLabel        *status_label;

  double           value;
  DaftarChartValueFormat format;
  double           previous;
  gboolean         higher_is_better;
  DaftarKpiStatus  status;
  char            *description;   /* owned */
  char            *explanation;   /* owned, nullable: what the figure means */
};

G_DEFINE_FINAL_TYPE (DaftarKpiTile, daftar_kpi_tile, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (DaftarKpiStatus, daftar_kpi_status,
                    G_DEFINE_ENUM_VALUE (DAFTAR_KPI_STATUS_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (DAFTAR_KPI_STATUS_MET, "met"),
                    G_DEFINE_ENUM_VALUE (DAFTAR_KPI_STATUS_BREACHED, "breached"))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_HIGHER_IS_BETTER,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_tone (GtkWidget  *widget,
          const char *tone)
{
  gtk_widget_remove_css_class (widget, "success");
  gtk_widget_remove_css_class (widget, "error");
  if (tone != NULL)
    gtk_widget_add_css_class (widget, tone);
}

/* Every visible part in one sentence, for screen readers. */
static void
update_description (DaftarKpiTile *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, C_("chart", "%s: %s"), gtk_label_get_text (self->title_label),
                          gtk_label_get_text (self->value_label));
  if (gtk_widget_get_visible (self->change_box))
    g_string_append_printf (text, "; %s", gtk_label_get_text (self->change_label));
  if (gtk_widget_get_visible (self->status_box))
    g_string_append_printf (text, "; %s", gtk_label_get_text (self->status_label));
  if (self->explanation != NULL)
    g_string_append_printf (text, "; %s", self->explanation);

  g_free (self->description);
  self->description = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

static void
update_change (DaftarKpiTile *self)
{
  double ratio;
  g_autofree char *percent = NULL;
  g_autofree char *text = NULL;
  gboolean better;

  /* A share changes by percentage points, which a relative change of it
   * ("down 2.1%" of 80%) would hide; other figures change by a ratio. */
  gboolean points = self->format == DAFTAR_CHART_VALUE_PERCENT;

  if (!isfinite (self->value) || !isfinite (self->previous) || (self->previous == 0 && !points))
    {
      gtk_widget_set_visible (self->change_box, FALSE);
      update_description (self);
      return;
    }

  if (points)
    {
      ratio = self->value - self->previous;
      percent = daftar_format_decimal (fabs (ratio) * 100, fabs (ratio) < 0.1 ? 1 : 0);
    }
  else
    {
      ratio = (self->value - self->previous) / fabs (self->previous);
      percent = daftar_format_percent (fabs (ratio), fabs (ratio) < 0.1 ? 1 : 0);
    }

  /* The arrow and the words carry the direction; colour only adds to them. */
  if (ratio > 0)
    {
      gtk_image_set_from_icon_name (self->change_icon, "go-up-symbolic");
      text = points
        /* Translators: %s is a number, e.g. "Up 2.5 percentage points from the previous period" (a share went from 80% to 82.5%). */
        ? g_strdup_printf (_("Up %s percentage points from the previous period"), percent)
        /* Translators: %s is a percentage, e.g. "Up 12% from the previous period". */
        : g_strdup_printf (_("Up %s from the previous period"), percent);
    }
  else if (ratio < 0)
    {
      gtk_image_set_from_icon_name (self->change_icon, "go-down-symbolic");
      text = points
        /* Translators: %s is a number, e.g. "Down 2.5 percentage points from the previous period". */
        ? g_strdup_printf (_("Down %s percentage points from the previous period"), percent)
        /* Translators: %s is a percentage, e.g. "Down 12% from the previous period". */
        : g_strdup_printf (_("Down %s from the previous period"), percent);
    }
  else
    {
      gtk_image_set_from_icon_name (self->change_icon, NULL);
      text = g_strdup (_("No change from the previous period"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->change_icon), ratio != 0);
  gtk_label_set_text (self->change_label, text);

  better = (ratio > 0) == self->higher_is_better;
  set_tone (self->change_box, ratio == 0 ? NULL : better ? "success" : "error");
  gtk_widget_set_visible (self->change_box, TRUE);
  update_description (self);
}

static void
daftar_kpi_tile_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DAFTAR_TYPE_KPI_TILE);
  /* The template's unbound top box is ours to unparent (GtkBinLayout). */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (daftar_kpi_tile_parent_class)->dispose (object);
}

static void
daftar_kpi_tile_finalize (GObject *object)
{
  DaftarKpiTile *self = DAFTAR_KPI_TILE (object);

  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->explanation, g_free);

  G_OBJECT_CLASS (daftar_kpi_tile_parent_class)->finalize (object);
}

static void
daftar_kpi_tile_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DaftarKpiTile *self = DAFTAR_KPI_TILE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, daftar_kpi_tile_get_title (self));
      break;
    case PROP_HIGHER_IS_BETTER:
      g_value_set_boolean (value, self->higher_is_better);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_kpi_tile_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DaftarKpiTile *self = DAFTAR_KPI_TILE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      daftar_kpi_tile_set_title (self, g_value_get_string (value));
      break;
    case PROP_HIGHER_IS_BETTER:
      daftar_kpi_tile_set_higher_is_better (self, g_value_get_boolean (value));
      break;
    case PROP_STATUS:
      daftar_kpi_tile_set_status (self, g_value_get_enum (value), NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A tile shows a figure and does nothing, so it is no Tab stop. A flow
 * box makes each of its cells one, and would hold the Tab on a cell with
 * nothing to focus: tiles are laid out in a box of their own, which takes
 * no focus at all. */
static void
daftar_kpi_tile_root (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  GTK_WIDGET_CLASS (daftar_kpi_tile_parent_class)->root (widget);
  if (GTK_IS_FLOW_BOX_CHILD (parent))
    {
      gtk_widget_set_focusable (parent, FALSE);
      gtk_widget_set_can_focus (gtk_widget_get_parent (parent), FALSE);
    }
}

static void
daftar_kpi_tile_class_init (DaftarKpiTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftar_kpi_tile_dispose;
  object_class->finalize = daftar_kpi_tile_finalize;
  object_class->get_property = daftar_kpi_tile_get_property;
  object_class->set_property = daftar_kpi_tile_set_property;
  widget_class->root = daftar_kpi_tile_root;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HIGHER_IS_BETTER] =
    g_param_spec_boolean ("higher-is-better", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, DAFTAR_TYPE_KPI_STATUS, DAFTAR_KPI_STATUS_NONE,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftar/Daftar/charts/daftar-kpi-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftarKpiTile, title_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarKpiTile, value_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarKpiTile, change_box);
  gtk_widget_class_bind_template_child (widget_class, DaftarKpiTile, change_icon);
  gtk_widget_class_bind_template_child (widget_class, DaftarKpiTile, change_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarKpiTile, status_box);
  gtk_widget_class_bind_template_child (widget_class, DaftarKpiTile, status_icon);
  gtk_widget_class_bind_template_child (widget_class, DaftarKpiTile, status_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "daftar-kpi-tile");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
daftar_kpi_tile_init (DaftarKpiTile *self)
{
  daftar_charts_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->value = NAN;
  self->previous = NAN;
  self->higher_is_better = TRUE;
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  -1);
  update_description (self);
}

GtkWidget *
daftar_kpi_tile_new (void)
{
  return g_object_new (DAFTAR_TYPE_KPI_TILE, NULL);
}

const char *
daftar_kpi_tile_get_title (DaftarKpiTile *self)
{
  g_return_val_if_fail (DAFTAR_IS_KPI_TILE (self), NULL);
  return gtk_label_get_text (self->title_label);
}

void
daftar_kpi_tile_set_title (DaftarKpiTile *self,
                           const char    *title)
{
  g_return_if_fail (DAFTAR_IS_KPI_TILE (self));

  if (g_strcmp0 (gtk_label_get_text (self->title_label), title != NULL ? title : "") == 0)
    return;
  gtk_label_set_text (self->title_label, title);
  update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
daftar_kpi_tile_set_value (DaftarKpiTile          *self,
                           double                  value,
                           DaftarChartValueFormat  format,
                           int                     fraction_digits)
{
  g_autofree char *text = NULL;

  g_return_if_fail (DAFTAR_IS_KPI_TILE (self));

  self->value = value;
  self->format = format;
  text = daftar_chart_format_value_as (format, value, CLAMP (fraction_digits, 0, 6));
  gtk_label_set_text (self->value_label, text);
  update_change (self);
}

void
daftar_kpi_tile_set_previous (DaftarKpiTile *self,
                              double         previous)
{
  g_return_if_fail (DAFTAR_IS_KPI_TILE (self));

  self->previous = previous;
  update_change (self);
}

gboolean
daftar_kpi_tile_get_higher_is_better (DaftarKpiTile *self)
{
  g_return_val_if_fail (DAFTAR_IS_KPI_TILE (self), TRUE);
  return self->higher_is_better;
}

void
daftar_kpi_tile_set_higher_is_better (DaftarKpiTile *self,
                                      gboolean       higher_is_better)
{
  g_return_if_fail (DAFTAR_IS_KPI_TILE (self));

  higher_is_better = !!higher_is_better;
  if (self->higher_is_better == higher_is_better)
    return;
  self->higher_is_better = higher_is_better;
  update_change (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHER_IS_BETTER]);
}

void
daftar_kpi_tile_set_status (DaftarKpiTile   *self,
                            DaftarKpiStatus  status,
                            const char      *standard)
{
  const char *words = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (DAFTAR_IS_KPI_TILE (self));

  /* An icon and words as well as the colour: the status must survive
   * colour blindness, high contrast and a screen reader. */
  switch (status)
    {
    case DAFTAR_KPI_STATUS_MET:
      words = _("Standard met");
      gtk_image_set_from_icon_name (self->status_icon, "emblem-ok-symbolic");
      set_tone (self->status_box, "success");
      break;
    case DAFTAR_KPI_STATUS_BREACHED:
      words = _("Standard breached");
      gtk_image_set_from_icon_name (self->status_icon, "dialog-warning-symbolic");
      set_tone (self->status_box, "error");
      break;
    case DAFTAR_KPI_STATUS_NONE:
    default:
      set_tone (self->status_box, NULL);
      break;
    }

  if (words != NULL && standard != NULL && standard[0] != '\0')
    /* Translators: a KPI's status and its standard, e.g. "Standard met (target 90%)". */
    text = g_strdup_printf (C_("chart", "%s (%s)"), words, standard);
  else
    text = g_strdup (words);
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (self->status_box, words != NULL);
  update_description (self);

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

DaftarKpiStatus
daftar_kpi_tile_get_status (DaftarKpiTile *self)
{
  g_return_val_if_fail (DAFTAR_IS_KPI_TILE (self), DAFTAR_KPI_STATUS_NONE);
  return self->status;
}

const char *
daftar_kpi_tile_get_description (DaftarKpiTile *self)
{
  g_return_val_if_fail (DAFTAR_IS_KPI_TILE (self), NULL);
  return self->description;
}

void
daftar_kpi_tile_set_explanation (DaftarKpiTile *self,
                                 const char    *explanation)
{
  g_return_if_fail (DAFTAR_IS_KPI_TILE (self));

  if (g_strcmp0 (self->explanation, explanation) == 0)
    return;
  g_free (self->explanation);
  self->explanation = g_strdup (explanation);
  /* On the whole tile: the pointer need not find the title. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), explanation);
  update_description (self);
}

const char *
daftar_kpi_tile_get_explanation (DaftarKpiTile *self)
{
  g_return_val_if_fail (DAFTAR_IS_KPI_TILE (self), NULL);
  return self->explanation;
}
