/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-state.c: the window's size, maximized state and page come back at the next start, saved on close only. */
#include "config.h"

#include <adwaita.h>

#include "daftar-window-state.h"

static const char * const page_names[] = { "overview", "cases", "shifts", "notices" };

static GSettings *
fresh_settings (void)
{
  GSettings *settings = g_settings_new (APP_ID);
  const char *keys[] = { "window-width", "window-height", "window-maximized", "last-page" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
  return settings;
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
wait_for_size (GtkWidget *window,
               int        width,
               int        height)
{
  while (gtk_widget_get_width (window) != width || gtk_widget_get_height (window) != height)
    g_main_context_iteration (NULL, TRUE);
}

static void
on_destroy (GtkWidget *widget,
            gboolean  *destroyed)
{
  *destroyed = TRUE;
}

/* gtk_window_close goes through close-request, as the close button does. */
static void
close_window (GtkWidget *window)
{
  gboolean destroyed = FALSE;

  g_signal_connect (window, "destroy", G_CALLBACK (on_destroy), &destroyed);
  gtk_window_close (GTK_WINDOW (window));
  drain ();
  /* Closed for good: GTK let go of it, so ours was the last reference. */
  g_assert_false (gtk_widget_get_realized (window));
  g_assert_finalize_object (window);
  g_assert_true (destroyed);
}

static GtkWidget *
new_window (void)
{
  GtkWidget *window = gtk_window_new ();

  g_object_ref (window);  /* the toplevel list holds only a weak hold */
  return window;
}

static void
test_restore_size (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  GtkWidget *window = new_window ();
  int width = 0, height = 0;

  g_settings_set_int (settings, "window-width", 930);
  g_settings_set_int (settings, "window-height", 610);
  daftar_window_state_bind (GTK_WINDOW (window), settings);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 930);
  g_assert_cmpint (height, ==, 610);

  /* The window really opens at that size. */
  gtk_window_present (GTK_WINDOW (window));
  wait_for_size (window, 930, 610);
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (window)));

  close_window (window);
}

static void
test_save_on_close (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  GtkWidget *window = new_window ();

  /* A maximized window from last time that the manager then unmaximized. */
  g_settings_set_boolean (settings, "window-maximized", TRUE);
  daftar_window_state_bind (GTK_WINDOW (window), settings);
  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_size (window, 1280, 800);

  /* Resizing writes nothing... */
  gtk_window_set_default_size (GTK_WINDOW (window), 1010, 705);
  wait_for_size (window, 1010, 705);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1280);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 800);
  g_assert_true (g_settings_get_boolean (settings, "window-maximized"));

  /* ...closing writes the last size. */
  close_window (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1010);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 705);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window opens at it. */
  window = new_window ();
  daftar_window_state_bind (GTK_WINDOW (window), settings);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_size (window, 1010, 705);
  close_window (window);
}

static GtkWidget *
window_with_pages (AdwViewStack **out_stack)
{
  GtkWidget *window = new_window ();
  AdwViewStack *stack = ADW_VIEW_STACK (adw_view_stack_new ());

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    adw_view_stack_add_titled (stack, gtk_label_new (page_names[i]), page_names[i], page_names[i]);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (stack));
  *out_stack = stack;
  return window;
}

static void
test_restore_page (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  AdwViewStack *stack;
  GtkWidget *window = window_with_pages (&stack);

  g_settings_set_string (settings, "last-page", "shifts");
  daftar_window_state_bind_page (stack, settings);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "shifts");
  gtk_window_present (GTK_WINDOW (window));
  drain ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "shifts");
  close_window (window);

  /* A page this build does not have leaves the first page showing. */
  window = window_with_pages (&stack);
  g_settings_set_string (settings, "last-page", "reports");
  daftar_window_state_bind_page (stack, settings);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "overview");
  gtk_window_present (GTK_WINDOW (window));
  drain ();
  close_window (window);
}

static void
assert_last_page (GSettings  *settings,
                  const char *expected)
{
  g_autofree char *page = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (page, ==, expected);
}

static void
test_save_page (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  AdwViewStack *stack;
  GtkWidget *window = window_with_pages (&stack);

  daftar_window_state_bind_page (stack, settings);
  gtk_window_present (GTK_WINDOW (window));
  drain ();

  adw_view_stack_set_visible_child_name (stack, "notices");
  assert_last_page (settings, "notices");
  adw_view_stack_set_visible_child_name (stack, "cases");
  assert_last_page (settings, "cases");

  /* Tearing the pages down on close does not count as turning a page. */
  close_window (window);
  assert_last_page (settings, "cases");

  /* And the next start opens there. */
  window = window_with_pages (&stack);
  daftar_window_state_bind_page (stack, settings);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "cases");
  gtk_window_present (GTK_WINDOW (window));
  drain ();
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  /* The accessibility bus under Xvfb sometimes dies while starting, and
   * GTK 4 then fails to register the application: nothing here reads it. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window-state/restore-size", test_restore_size);
  g_test_add_func ("/window-state/save-on-close", test_save_on_close);
  g_test_add_func ("/window-state/restore-page", test_restore_page);
  g_test_add_func ("/window-state/save-page", test_save_page);

  return g_test_run ();
}
