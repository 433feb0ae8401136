/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-window-state.c: the main window's size, maximized state and page, kept across starts in GSettings. */
#define G_LOG_DOMAIN "daftar-window-state"

#include "config.h"

#include "daftar-window-state.h"

static void
unref_settings (gpointer  settings,
                GClosure *closure)
{
  g_object_unref (settings);
}

static gboolean
on_close_request (GtkWindow *window,
                  GSettings *settings)
{
  int width = 0, height = 0;

  /* GTK 4 keeps the default size in step with the size the manager gave the
   * window, and leaves it alone while maximized: what we save is the size
   * to come back to when the window is unmaximized. */
  gtk_window_get_default_size (window, &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));

  return FALSE;  /* let the window close */
}

void
daftar_window_state_bind (GtkWindow *window,
                          GSettings *settings)
{
  int width, height;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (G_IS_SETTINGS (settings));

  width = g_settings_get_int (settings, "window-width");
  height = g_settings_get_int (settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (window, width, height);
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (window);

  g_signal_connect_data (window, "close-request", G_CALLBACK (on_close_request),
                         g_object_ref (settings), unref_settings, 0);
}

static void
on_visible_page (AdwViewStack *stack,
                 GParamSpec   *pspec,
                 GSettings    *settings)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);

  /* Pages change off screen too — when the window builds its pages or
   * tears them down on close — and those are not the manager's choice. */
  if (name == NULL || !gtk_widget_get_mapped (GTK_WIDGET (stack)))
    return;
  g_settings_set_string (settings, "last-page", name);
}

void
daftar_window_state_bind_page (AdwViewStack *stack,
                               GSettings    *settings)
{
  g_autofree char *name = NULL;

  g_return_if_fail (ADW_IS_VIEW_STACK (stack));
  g_return_if_fail (G_IS_SETTINGS (settings));

  name = g_settings_get_string (settings, "last-page");
  /* A page saved by a build that had it may be gone from this one. */
  if (adw_view_stack_get_child_by_name (stack, name) != NULL)
    adw_view_stack_set_visible_child_name (stack, name);

  g_signal_connect_data (stack, "notify::visible-child-name", G_CALLBACK (on_visible_page),
                         g_object_ref (settings), unref_settings, 0);
}
