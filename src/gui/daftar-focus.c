/* daftar-focus.c: keyboard focus across the window — a list is one Tab stop. */
#define G_LOG_DOMAIN "daftar-focus"

#include "config.h"

#include "daftar-focus.h"

/* Whether anything under @widget (not @widget itself) takes the focus. */
static gboolean
holds_focusable (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child) || !gtk_widget_get_can_focus (child))
        continue;
      if (gtk_widget_get_focusable (child) || holds_focusable (child))
        return TRUE;
    }
  return FALSE;
}

GtkWidget *
daftar_focus_list_to_leave (GtkWidget *root,
                            GtkWidget *focus)
{
  GtkWidget *list = NULL;
  gboolean on_row;

  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  if (focus == NULL)
    return NULL;
  /* A row of a list box with a button or an entry in it keeps GTK's Tab
   * through them; a row of mere text is the list's one stop. */
  on_row = GTK_IS_LIST_BOX_ROW (focus) && !holds_focusable (focus);

  for (GtkWidget *w = focus; w != NULL && w != root; w = gtk_widget_get_parent (w))
    {
      if (GTK_IS_LIST_VIEW (w) || GTK_IS_GRID_VIEW (w) || GTK_IS_COLUMN_VIEW (w) ||
          (on_row && GTK_IS_LIST_BOX (w)))
        list = w;
    }
  /* A popover's list is the popover's business. */
  if (list != NULL && gtk_widget_get_native (list) != gtk_widget_get_native (root))
    return NULL;
  return list;
}

gboolean
daftar_focus_skip_list (GtkWidget         *root,
                        GtkWidget         *list,
                        GtkDirectionType   direction,
                        gboolean         (*focus_func) (GtkWidget *, GtkDirectionType))
{
  gboolean moved;

  /* A widget that cannot focus is passed over by its parent's focus
   * chain, the rows under it with it; GTK 4.8's lists have no setting of
   * their own for this (4.12's tab-behavior). */
  gtk_widget_set_can_focus (list, FALSE);
  moved = focus_func (root, direction);
  gtk_widget_set_can_focus (list, TRUE);
  return moved;
}
