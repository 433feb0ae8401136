/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-first-run.c: an empty database offers "Connect to the Central Server" and "Open the Demo Office" as buttons, and the application starts over as `daftar --demo` or as it was started ("Restart Now"). */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "daftar-application.h"
#include "daftar-connect-dialog.h"
#include "daftar-i18n.h"
#include "daftar-screenshot.h"
#include "daftar-style.h"
#include "daftar-test-util.h"
#include "daftar-window.h"

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *action)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
save_png (GtkWindow  *window,
          const char *name)
{
  const char *dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : ".", name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (daftar_screenshot_save (window, path, &error));
  g_assert_no_error (error);
  g_test_message ("screenshot: %s", path);
}

typedef struct {
  const char *press;       /* the action to press once the window is ready */
  gboolean    checked;
  guint       dialogs;     /* connect dialogs open when the window was ready */
} Run;

static void
on_ready (DaftarWindow *window,
          Run          *run)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), DAFTAR_TYPE_WINDOW, "stack"));
  GtkWidget *connect, *demo;

  if (run->checked)
    return;
  run->checked = TRUE;
  daftar_test_settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  /* Two buttons, in Persian, that work: no command line to type. */
  connect = find_button (GTK_WIDGET (window), "win.connect");
  demo = find_button (GTK_WIDGET (window), "app.open-demo");
  g_assert_nonnull (connect);
  g_assert_nonnull (demo);
  g_assert_true (gtk_widget_get_mapped (connect));
  g_assert_true (gtk_widget_get_mapped (demo));
  g_assert_true (gtk_widget_is_sensitive (connect));
  g_assert_true (gtk_widget_is_sensitive (demo));
  g_assert_true (daftar_test_has_persian_letter (gtk_button_get_label (GTK_BUTTON (connect))));
  g_assert_true (daftar_test_has_persian_letter (gtk_button_get_label (GTK_BUTTON (demo))));

  /* The first run offered the dialog by itself. Starting over closes it
   * with the window (it holds the window's sync, and the database); after
   * Cancel, the button brings it back. */
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (DAFTAR_IS_CONNECT_DIALOG (l->data))
        {
          run->dialogs++;
          if (g_str_equal (run->press, "win.connect"))
            gtk_window_destroy (l->data);
        }
  }
  daftar_test_settle ();
  if (g_str_equal (run->press, "win.connect"))
    {
      g_autoptr(GList) toplevels = NULL;
      guint dialogs = 0;

      save_png (GTK_WINDOW (window), "first-run-empty-fa.png");
      gtk_widget_activate (connect);
      daftar_test_settle ();
      toplevels = gtk_window_list_toplevels ();
      for (GList *l = toplevels; l != NULL; l = l->next)
        if (DAFTAR_IS_CONNECT_DIALOG (l->data))
          {
            dialogs++;
            g_assert_true (gtk_window_get_transient_for (l->data) == GTK_WINDOW (window));
            gtk_window_destroy (l->data);
          }
      g_assert_cmpuint (dialogs, ==, 1);
      g_application_quit (G_APPLICATION (app));
    }
  else if (g_str_equal (run->press, "app.open-demo"))
    gtk_widget_activate (demo);
  else
    g_action_group_activate_action (G_ACTION_GROUP (app), run->press + strlen ("app."), NULL);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Run            *run)
{
  if (DAFTAR_IS_WINDOW (window))
    g_signal_connect (window, "ready", G_CALLBACK (on_ready), run);
}

/* Runs `daftar --db EMPTY` until it quits, pressing @press once ready. */
static DaftarApplication *
run_app (const char *dir,
         char      **argv,
         const char *press)
{
  DaftarApplication *app = daftar_application_new ();
  Run run = { press, FALSE, 0 };

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), g_strv_length (argv), argv), ==, 0);
  g_assert_true (run.checked);
  g_assert_cmpuint (run.dialogs, ==, 1);
  /* Starting over closes every window, and with them the database. */
  if (daftar_application_get_next (app) != DAFTAR_APPLICATION_NEXT_EXIT)
    {
      g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

      g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
      for (GList *l = toplevels; l != NULL; l = l->next)
        g_assert_false (DAFTAR_IS_CONNECT_DIALOG (l->data) && gtk_widget_get_visible (l->data));
    }
  else
    while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
      gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  return app;
}

static void
test_connect_button (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "office.db", NULL);
  /* Writable strings: GApplication takes char **. */
  char program[] = "daftar", db_option[] = "--db";
  char *argv[] = { program, db_option, path, NULL };
  g_autoptr(DaftarApplication) app = run_app (dir, argv, "win.connect");

  g_assert_cmpint (daftar_application_get_next (app), ==, DAFTAR_APPLICATION_NEXT_EXIT);
  g_assert_null (daftar_application_next_arguments (app, argv));
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* "Open the Demo Office" ends this run and names `daftar --demo` as the
 * next: the demo's own database and server, never the file of this run. */
static void
test_open_demo (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "office.db", NULL);
  char program[] = "/usr/bin/daftar", db_option[] = "--db";
  char *argv[] = { program, db_option, path, NULL };
  g_autoptr(DaftarApplication) app = run_app (dir, argv, "app.open-demo");
  g_auto(GStrv) next = NULL;

  g_assert_cmpint (daftar_application_get_next (app), ==, DAFTAR_APPLICATION_NEXT_DEMO);
  next = daftar_application_next_arguments (app, argv);
  g_assert_nonnull (next);
  g_assert_cmpstrv (next, ((const char *[]) { "/usr/bin/daftar", "--demo", NULL }));
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Preferences' "Restart Now": the same arguments again. */
static void
test_restart (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "office.db", NULL);
  /* Writable strings: GApplication takes char **. */
  char program[] = "daftar", db_option[] = "--db";
  char *argv[] = { program, db_option, path, NULL };
  g_autoptr(DaftarApplication) app = run_app (dir, argv, "app.restart");
  g_auto(GStrv) next = NULL;

  g_assert_cmpint (daftar_application_get_next (app), ==, DAFTAR_APPLICATION_NEXT_RESTART);
  next = daftar_application_next_arguments (app, argv);
  g_assert_cmpstrv (next, (const char * const *) argv);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  daftar_i18n_force ("fa");
  daftar_i18n_init ();
  adw_init ();
  daftar_style_init ();

  g_test_add_func ("/first-run/connect-button", test_connect_button);
  g_test_add_func ("/first-run/open-demo", test_open_demo);
  g_test_add_func ("/first-run/restart", test_restart);
  return g_test_run ();
}
