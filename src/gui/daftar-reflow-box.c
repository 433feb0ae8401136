/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-reflow-box.c: children side by side when the width allows each a column, stacked otherwise. */
#define G_LOG_DOMAIN "daftar-reflow-box"

#include "config.h"

#include "daftar-reflow-box.h"

/* libadwaita 1.2 has no breakpoints, and a box that flips its orientation
 * from size_allocate would queue a resize inside the allocation. So the
 * choice is made where GTK asks for it: the height for a given width is
 * that of columns when the width holds them, of a stack when it does not,
 * and the allocation follows the same rule for the same width. */

struct _DaftarReflowBox
{
  GtkWidget parent_instance;

  int       column_width;
  int       spacing;
  gboolean  side_by_side;   /* as last allocated */
};

G_DEFINE_FINAL_TYPE (DaftarReflowBox, daftar_reflow_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLUMN_WIDTH,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
count_visible (DaftarReflowBox *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child;
       child = gtk_widget_get_next_sibling (child))
    n += gtk_widget_should_layout (child);
  return n;
}

/* Columns fit when each gets column-width and no child needs more than
 * its column. */
static gboolean
fits_side_by_side (DaftarReflowBox *self,
                   int              width,
                   guint            n)
{
  int column;

  if (n < 2 || width < 0)
    return FALSE;
  column = (width - self->spacing * (int) (n - 1)) / (int) n;
  if (column < self->column_width)
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      int min = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > column)
        return FALSE;
    }
  return TRUE;
}

static int
column_width (DaftarReflowBox *self,
              int              width,
              guint            n)
{
  return (width - self->spacing * (int) (n - 1)) / (int) n;
}

static void
daftar_reflow_box_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  DaftarReflowBox *self = DAFTAR_REFLOW_BOX (widget);
  guint n = count_visible (self);
  gboolean columns = orientation == GTK_ORIENTATION_VERTICAL && fits_side_by_side (self, for_size, n);
  int child_for_size = columns ? column_width (self, for_size, n) : for_size;
  int min = 0, nat = 0;
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, child_for_size, &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* As narrow as a stack; as wide as the columns would like. */
          min = MAX (min, child_min);
          nat += child_nat + (i > 0 ? self->spacing : 0);
        }
      else if (columns)
        {
          min = MAX (min, child_min);
          nat = MAX (nat, child_nat);
        }
      else
        {
          min += child_min + (i > 0 ? self->spacing : 0);
          nat += child_nat + (i > 0 ? self->spacing : 0);
        }
      i++;
    }
  *minimum = min;
  *natural = MAX (min, nat);
}

static void
daftar_reflow_box_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  DaftarReflowBox *self = DAFTAR_REFLOW_BOX (widget);
  guint n = count_visible (self);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int column = 0, offset = 0;

  self->side_by_side = fits_side_by_side (self, width, n);
  if (self->side_by_side)
    column = column_width (self, width, n);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkAllocation allocation;
      int child_height = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      if (self->side_by_side)
        {
          /* The first column at the start edge: the right in Persian. */
          allocation.x = rtl ? width - offset - column : offset;
          allocation.y = 0;
          allocation.width = column;
          allocation.height = height;
          offset += column + self->spacing;
        }
      else
        {
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_height, NULL, NULL, NULL);
          allocation.x = 0;
          allocation.y = offset;
          allocation.width = width;
          allocation.height = child_height;
          offset += child_height + self->spacing;
        }
      gtk_widget_size_allocate (child, &allocation, -1);
    }
}

static GtkSizeRequestMode
daftar_reflow_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
daftar_reflow_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (daftar_reflow_box_parent_class)->dispose (object);
}

static void
daftar_reflow_box_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DaftarReflowBox *self = DAFTAR_REFLOW_BOX (object);

  switch (prop_id)
    {
    case PROP_COLUMN_WIDTH: g_value_set_int (value, self->column_width); break;
    case PROP_SPACING: g_value_set_int (value, self->spacing); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_reflow_box_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DaftarReflowBox *self = DAFTAR_REFLOW_BOX (object);

  switch (prop_id)
    {
    case PROP_COLUMN_WIDTH:
      daftar_reflow_box_set_column_width (self, g_value_get_int (value));
      break;
    case PROP_SPACING:
      if (self->spacing != g_value_get_int (value))
        {
          self->spacing = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_reflow_box_class_init (DaftarReflowBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftar_reflow_box_dispose;
  object_class->get_property = daftar_reflow_box_get_property;
  object_class->set_property = daftar_reflow_box_set_property;
  widget_class->measure = daftar_reflow_box_measure;
  widget_class->size_allocate = daftar_reflow_box_size_allocate;
  widget_class->get_request_mode = daftar_reflow_box_get_request_mode;

  properties[PROP_COLUMN_WIDTH] =
    g_param_spec_int ("column-width", NULL, NULL, 0, G_MAXINT, 480,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "daftar-reflow-box");
}

static void
daftar_reflow_box_init (DaftarReflowBox *self)
{
  self->column_width = 480;
}

GtkWidget *
daftar_reflow_box_new (void)
{
  return g_object_new (DAFTAR_TYPE_REFLOW_BOX, NULL);
}

int
daftar_reflow_box_get_column_width (DaftarReflowBox *self)
{
  g_return_val_if_fail (DAFTAR_IS_REFLOW_BOX (self), 0);
  return self->column_width;
}

void
daftar_reflow_box_set_column_width (DaftarReflowBox *self,
                                    int              column_width)
{
  g_return_if_fail (DAFTAR_IS_REFLOW_BOX (self));

  if (self->column_width == column_width)
    return;
  self->column_width = column_width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN_WIDTH]);
}

gboolean
daftar_reflow_box_get_side_by_side (DaftarReflowBox *self)
{
  g_return_val_if_fail (DAFTAR_IS_REFLOW_BOX (self), FALSE);
  return self->side_by_side;
}

void
daftar_reflow_box_append (DaftarReflowBox *self,
                          GtkWidget       *child)
{
  g_return_if_fail (DAFTAR_IS_REFLOW_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}
