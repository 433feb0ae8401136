/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-focus.c: keyboard focus across the window — a list is one Tab stop, F6 moves between regions. */
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

static void
collect_panes (GtkWidget *widget,
               GPtrArray *regions)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if ((GTK_IS_PANED (widget) && (child == gtk_paned_get_start_child (GTK_PANED (widget)) ||
                                     child == gtk_paned_get_end_child (GTK_PANED (widget)))) ||
          gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)) == GTK_ACCESSIBLE_ROLE_REGION)
        g_ptr_array_add (regions, child);
      collect_panes (child, regions);
    }
}

void
daftar_focus_collect_regions (GtkWidget *page,
                              GPtrArray *regions)
{
  g_return_if_fail (GTK_IS_WIDGET (page));

  g_ptr_array_add (regions, page);
  collect_panes (page, regions);
}

/* The innermost region holding @focus: panes come after the page that
 * holds them, so the last match is the innermost. */
static int
region_of (GPtrArray *regions,
           GtkWidget *focus)
{
  int found = -1;

  for (guint i = 0; focus != NULL && i < regions->len; i++)
    {
      GtkWidget *region = g_ptr_array_index (regions, i);

      if (focus == region || gtk_widget_is_ancestor (focus, region))
        found = (int) i;
    }
  return found;
}

gboolean
daftar_focus_move_region (GtkWidget *root,
                          GPtrArray *regions,
                          gboolean   forward)
{
  g_autoptr(GtkWidget) before = NULL;
  int n, current;

  g_return_val_if_fail (GTK_IS_ROOT (root), FALSE);

  n = (int) regions->len;
  if (n == 0)
    return FALSE;
  before = gtk_root_get_focus (GTK_ROOT (root));
  if (before != NULL)
    g_object_ref (before);
  current = region_of (regions, before);
  if (current < 0)
    current = forward ? n - 1 : 0;

  /* Each region is entered from its start, whichever way F6 went, even
   * the page around the pane that held the focus: the focus is let go
   * first, or the page would carry on from where it was. */
  gtk_root_set_focus (GTK_ROOT (root), NULL);
  for (int step = 1; step <= n; step++)
    {
      int i = ((current + (forward ? step : -step)) % n + n) % n;
      GtkWidget *region = g_ptr_array_index (regions, i);

      if (i == current || !gtk_widget_get_mapped (region) || !gtk_widget_is_sensitive (region))
        continue;
      /* A page whose first stop lies in the pane just left is no move. */
      if (gtk_widget_child_focus (region, GTK_DIR_TAB_FORWARD) &&
          region_of (regions, gtk_root_get_focus (GTK_ROOT (root))) != current)
        return TRUE;
      gtk_root_set_focus (GTK_ROOT (root), NULL);
    }
  /* Nowhere else to go: the focus stays where it was. */
  if (before != NULL)
    gtk_widget_grab_focus (before);
  return FALSE;
}
