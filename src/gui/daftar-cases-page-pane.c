/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-cases-page-pane.c: the case list and its notices, side by side in a wide window and the notices below the list in a narrow one. */
#define G_LOG_DOMAIN "daftar-cases-page"

#include "config.h"

#include "daftar-cases-page-pane.h"

#define SPACING 12

struct _DaftarCasesPane
{
  GtkWidget parent_instance;

  int       fold_width;
  int       side_width;
  gboolean  wide;        /* as last allocated */
};

G_DEFINE_FINAL_TYPE (DaftarCasesPane, daftar_cases_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLD_WIDTH,
  PROP_SIDE_WIDTH,
  PROP_WIDE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
list_child (DaftarCasesPane *self)
{
  return gtk_widget_get_first_child (GTK_WIDGET (self));
}

static GtkWidget *
side_child (DaftarCasesPane *self)
{
  GtkWidget *list = list_child (self);

  return list != NULL ? gtk_widget_get_next_sibling (list) : NULL;
}

static gboolean
is_wide (DaftarCasesPane *self,
         int              width)
{
  return width < 0 || width >= self->fold_width;
}

/* The side pane's width beside the list: what was asked, but never below
 * its own minimum. */
static int
side_width (DaftarCasesPane *self,
            GtkWidget       *side)
{
  int min = 0;

  gtk_widget_measure (side, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return MAX (self->side_width, min);
}

static void
measure_child (GtkWidget      *child,
               GtkOrientation  orientation,
               int             for_size,
               int            *min,
               int            *nat)
{
  *min = *nat = 0;
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, min, nat, NULL, NULL);
}

static void
daftar_cases_pane_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  DaftarCasesPane *self = DAFTAR_CASES_PANE (widget);
  GtkWidget *list = list_child (self), *side = side_child (self);
  gboolean has_side = side != NULL && gtk_widget_should_layout (side);
  int list_min, list_nat, side_min, side_nat;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Narrow, the two stack: the wider minimum. */
      measure_child (list, orientation, -1, &list_min, &list_nat);
      measure_child (side, orientation, -1, &side_min, &side_nat);
      *minimum = MAX (list_min, side_min);
      *natural = has_side ? list_nat + SPACING + side_width (self, side) : list_nat;
    }
  else if (is_wide (self, for_size) && has_side)
    {
      int side_w = side_width (self, side);
      int list_w = for_size < 0 ? -1 : MAX (for_size - side_w - SPACING, 0);

      measure_child (list, orientation, list_w, &list_min, &list_nat);
      measure_child (side, orientation, for_size < 0 ? -1 : side_w, &side_min, &side_nat);
      *minimum = MAX (list_min, side_min);
      *natural = MAX (list_nat, side_nat);
    }
  else
    {
      measure_child (list, orientation, for_size, &list_min, &list_nat);
      measure_child (side, orientation, for_size, &side_min, &side_nat);
      *minimum = list_min + (has_side ? SPACING + side_min : 0);
      *natural = list_nat + (has_side ? SPACING + side_nat : 0);
    }
  *minimum_baseline = *natural_baseline = -1;
}

static void
daftar_cases_pane_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  DaftarCasesPane *self = DAFTAR_CASES_PANE (widget);
  GtkWidget *list = list_child (self), *side = side_child (self);
  gboolean has_side = side != NULL && gtk_widget_should_layout (side);
  gboolean wide = is_wide (self, width);

  if (list == NULL)
    return;
  if (!has_side)
    gtk_widget_allocate (list, width, height, -1, NULL);
  else if (wide)
    {
      int side_w = MIN (side_width (self, side), width);
      int list_w = MAX (width - side_w - SPACING, 0);
      /* The list at the start: the right in a right-to-left window. */
      gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

      gtk_widget_allocate (list, list_w, height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (rtl ? width - list_w : 0, 0)));
      gtk_widget_allocate (side, side_w, height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (rtl ? 0 : width - side_w, 0)));
    }
  else
    {
      int list_min, side_min, side_nat, side_h, list_h;

      gtk_widget_measure (list, GTK_ORIENTATION_VERTICAL, width, &list_min, NULL, NULL, NULL);
      gtk_widget_measure (side, GTK_ORIENTATION_VERTICAL, width, &side_min, &side_nat, NULL, NULL);
      /* The notices as tall as they need, up to half; the list the rest. */
      side_h = MAX (MIN (side_nat, (height - SPACING) / 2), side_min);
      side_h = MIN (side_h, MAX (height - SPACING - list_min, side_min));
      list_h = MAX (height - SPACING - side_h, list_min);
      gtk_widget_allocate (list, width, list_h, -1, NULL);
      gtk_widget_allocate (side, width, side_h, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, list_h + SPACING)));
    }

  if (self->wide != wide)
    {
      self->wide = wide;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDE]);
    }
}

static GtkSizeRequestMode
daftar_cases_pane_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

gboolean
daftar_cases_pane_get_wide (DaftarCasesPane *self)
{
  g_return_val_if_fail (DAFTAR_IS_CASES_PANE (self), FALSE);
  return self->wide;
}

static void
daftar_cases_pane_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (daftar_cases_pane_parent_class)->dispose (object);
}

static void
daftar_cases_pane_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DaftarCasesPane *self = DAFTAR_CASES_PANE (object);

  switch (prop_id)
    {
    case PROP_FOLD_WIDTH: g_value_set_int (value, self->fold_width); break;
    case PROP_SIDE_WIDTH: g_value_set_int (value, self->side_width); break;
    case PROP_WIDE:       g_value_set_boolean (value, self->wide); break;
    default:              G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_cases_pane_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DaftarCasesPane *self = DAFTAR_CASES_PANE (object);
  int v;

  switch (prop_id)
    {
    case PROP_FOLD_WIDTH:
    case PROP_SIDE_WIDTH:
      v = g_value_get_int (value);
      if (v == (prop_id == PROP_FOLD_WIDTH ? self->fold_width : self->side_width))
        return;
      *(prop_id == PROP_FOLD_WIDTH ? &self->fold_width : &self->side_width) = v;
      gtk_widget_queue_resize (GTK_WIDGET (self));
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_cases_pane_class_init (DaftarCasesPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = daftar_cases_pane_dispose;
  object_class->get_property = daftar_cases_pane_get_property;
  object_class->set_property = daftar_cases_pane_set_property;
  widget_class->measure = daftar_cases_pane_measure;
  widget_class->size_allocate = daftar_cases_pane_size_allocate;
  widget_class->get_request_mode = daftar_cases_pane_get_request_mode;

  properties[PROP_FOLD_WIDTH] = g_param_spec_int ("fold-width", NULL, NULL, 0, G_MAXINT, 1000, G_PARAM_READWRITE | flags);
  properties[PROP_SIDE_WIDTH] = g_param_spec_int ("side-width", NULL, NULL, 0, G_MAXINT, 300, G_PARAM_READWRITE | flags);
  properties[PROP_WIDE] = g_param_spec_boolean ("wide", NULL, NULL, TRUE, G_PARAM_READABLE | flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
daftar_cases_pane_init (DaftarCasesPane *self)
{
  self->fold_width = 1000;
  self->side_width = 300;
  self->wide = TRUE;
}
