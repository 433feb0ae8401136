/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-window-keys.c: the main window's keyboard — Ctrl+F to the case search from any page, Ctrl+D for the period, F6 between its regions, Tab over a list in one stop. */
#define G_LOG_DOMAIN "daftar-window"

#include "config.h"

#include "daftar-cases-page.h"
#include "daftar-focus.h"
#include "daftar-window-private.h"

/* Ctrl+F, from any page: the case search, on Cases. */
static void
search_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  DaftarWindow *self = DAFTAR_WINDOW (user_data);
  GtkWidget *cases;

  /* Nothing to search before the first records. */
  if (self->offices == NULL || self->offices->len == 0)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "cases");
  cases = daftar_window_get_page (self, "cases");
  if (DAFTAR_IS_CASES_PAGE (cases))
    daftar_cases_page_focus_search (DAFTAR_CASES_PAGE (cases));
}

/* Ctrl+D: the list of periods, as a click on the header's period button. */
static void
choose_period_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  daftar_period_selector_popup (DAFTAR_WINDOW (user_data)->period_selector);
}

/* F6's stops: the header, the page (or the status shown instead) and its
 * panes, and the switcher at the bottom of a narrow window. */
static void
move_region (DaftarWindow *self,
             gboolean      forward)
{
  g_autoptr(GPtrArray) regions = g_ptr_array_new ();
  GtkWidget *content = gtk_stack_get_visible_child (self->stack);

  g_ptr_array_add (regions, self->header_bar);
  if (content == GTK_WIDGET (self->view_stack))
    content = adw_view_stack_get_visible_child (self->view_stack);
  if (content != NULL)
    daftar_focus_collect_regions (content, regions);
  g_ptr_array_add (regions, self->switcher_bar);
  daftar_focus_move_region (GTK_WIDGET (self), regions, forward);
}

static void
next_region_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  move_region (DAFTAR_WINDOW (user_data), TRUE);
}

static void
previous_region_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  move_region (DAFTAR_WINDOW (user_data), FALSE);
}

/* Tab passes over a list in one stop (arrows walk its rows), not row by
 * row through a list of three thousand cases. */
gboolean
daftar_window_keys_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  GtkWidgetClass *parent_class = GTK_WIDGET_CLASS (g_type_class_peek (ADW_TYPE_APPLICATION_WINDOW));
  GtkWidget *list = NULL;

  if (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD)
    list = daftar_focus_list_to_leave (widget, gtk_root_get_focus (GTK_ROOT (widget)));
  if (list != NULL)
    return daftar_focus_skip_list (widget, list, direction, parent_class->focus);
  return parent_class->focus (widget, direction);
}

void
daftar_window_keys_add_actions (DaftarWindow *self)
{
  static const GActionEntry actions[] = {
    { "search", search_activated },
    { "choose-period", choose_period_activated },
    { "next-region", next_region_activated },
    { "previous-region", previous_region_activated },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
}
