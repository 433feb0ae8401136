/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-notifier.c: the notification after a sync reaches a mock org.freedesktop.Notifications on the test's own D-Bus session — once, grouped, in Persian, off when Preferences say so — and its default action comes back as app.show-alert. */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <adwaita.h>

#include "daftar-application.h"
#include "daftar-demo.h"
#include "daftar-i18n.h"
#include "daftar-notifier.h"
#include "daftar-sync-controller.h"
#include "daftar-test-util.h"
#include "daftar-window.h"
#include "test-sync-common.h"

/* The freedesktop notification server's interface, as the spec gives it:
 * what GLib's GFdoNotificationBackend calls outside a sandbox when no one
 * owns org.gtk.Notifications. */
static const char introspection[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/><arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "  </interface>"
  "</node>";

#define NOTIFICATION_ID 42

typedef struct
{
  GPtrArray *notifies;   /* GVariant: the parameters of each Notify call */
  char      *shown;      /* the target app.show-alert was activated with */
  gboolean   owned;
} Mock;

static Mock mock;

static void
method_call (GDBusConnection       *connection,
             const char            *sender,
             const char            *object_path,
             const char            *interface_name,
             const char            *method_name,
             GVariant              *parameters,
             GDBusMethodInvocation *invocation,
             gpointer               user_data)
{
  if (g_str_equal (method_name, "Notify"))
    {
      g_ptr_array_add (mock.notifies, g_variant_ref (parameters));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", NOTIFICATION_ID));
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method_name, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "mock", "daftar", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
name_acquired (GDBusConnection *connection,
               const char      *name,
               gpointer         user_data)
{
  mock.owned = TRUE;
}

static void
own_notifications (GDBusConnection *session)
{
  static const GDBusInterfaceVTable vtable = { method_call, NULL, NULL, { 0 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (introspection, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_dbus_connection_register_object (session, "/org/freedesktop/Notifications",
                                                       node->interfaces[0], &vtable, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_bus_own_name_on_connection (session, "org.freedesktop.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE,
                                name_acquired, NULL, NULL, NULL);
  while (!mock.owned)
    g_main_context_iteration (NULL, TRUE);
}

static void
pinged (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);

  *(gboolean *) user_data = TRUE;
}

/* Messages on one connection keep their order: once a ping to the mock
 * is answered, every Notify sent before it has been recorded. */
static void
flush (GDBusConnection *session)
{
  gboolean done = FALSE;

  g_dbus_connection_call (session, "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                          "org.freedesktop.DBus.Peer", "Ping", NULL, NULL, G_DBUS_CALL_FLAGS_NONE, -1,
                          NULL, pinged, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
decided (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
after_sync (GApplication   *app,
            DaftarDbWorker *worker,
            GSettings      *settings,
            const char     *office,
            GDBusConnection *session)
{
  gboolean done = FALSE;

  daftar_notifier_after_sync (app, worker, settings, office, decided, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  flush (session);
}

static void
show_alert (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  g_free (mock.shown);
  mock.shown = g_variant_dup_string (parameter, NULL);
}

static void
test_notify (void)
{
  static const GActionEntry actions[] = { { "show-alert", show_alert, "s", NULL, NULL, { 0 } } };
  g_autoptr(GDBusConnection) session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GApplication) app = g_application_new ("io.github.daftar.Daftar.TestNotifier", G_APPLICATION_DEFAULT_FLAGS);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DaftarDemo) demo = NULL;
  g_autoptr(DaftarDbWorker) worker = NULL;
  DaftarDb *db;
  GDate last;
  const char *office;
  const char *app_name, *icon, *summary, *body;
  g_autofree const char **notify_actions = NULL;
  guint32 replaces;
  gint32 timeout;
  g_autoptr(GVariant) hints = NULL;

  g_assert_nonnull (session);
  mock.notifies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  own_notifications (session);
  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), NULL);
  g_assert_true (g_application_register (app, NULL, &error));
  g_assert_no_error (error);

  /* An office of the demo whose last week breached standards: dated to
   * today, since the notification looks at the days up to now. */
  db = daftar_test_db_new (&dir);
  path = g_strdup (daftar_db_get_path (db));
  g_date_clear (&last, 1);
  g_date_set_time_t (&last, time (NULL));
  demo = daftar_demo_new (16, 1, 30, &last);
  g_assert_true (daftar_demo_fill_database (demo, db, 2000, NULL, &error));
  g_assert_no_error (error);
  office = daftar_demo_get_office_code (demo, 0);
  daftar_db_close (db);
  worker = daftar_db_worker_new (path);

  /* Off in Preferences: nothing is sent, nothing is marked as told. */
  g_settings_set_boolean (settings, "notifications", FALSE);
  after_sync (app, worker, settings, office, session);
  g_assert_cmpuint (mock.notifies->len, ==, 0);

  /* On: one notification for every standard breached, in Persian. */
  g_settings_set_boolean (settings, "notifications", TRUE);
  after_sync (app, worker, settings, office, session);
  g_assert_cmpuint (mock.notifies->len, ==, 1);
  g_variant_get (g_ptr_array_index (mock.notifies, 0), "(&su&s&s&s^a&s@a{sv}i)",
                 &app_name, &replaces, &icon, &summary, &body, &notify_actions, &hints, &timeout);
  g_test_message ("Notify: %s — %s", summary, body);
  g_assert_nonnull (strstr (summary, "استاندارد در دورهٔ اخیر رعایت نشد"));
  g_assert_nonnull (strstr (body, "شیفت"));
  /* The default action is there to be invoked. */
  g_assert_nonnull (notify_actions[0]);
  g_assert_cmpstr (notify_actions[0], ==, "default");

  /* The same breaches after the next sync: nothing more. */
  after_sync (app, worker, settings, office, session);
  g_assert_cmpuint (mock.notifies->len, ==, 1);

  /* Clicked: the application's show-alert, with the standard it is about. */
  g_assert_true (g_dbus_connection_emit_signal (session, NULL, "/org/freedesktop/Notifications",
                                                "org.freedesktop.Notifications", "ActionInvoked",
                                                g_variant_new ("(us)", NOTIFICATION_ID, "default"), &error));
  g_assert_no_error (error);
  while (mock.shown == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_str_equal (mock.shown, "wait") || g_str_equal (mock.shown, "service_level"));

  g_clear_object (&worker);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
  g_clear_pointer (&mock.notifies, g_ptr_array_unref);
  g_clear_pointer (&mock.shown, g_free);
}

static void
on_state (DaftarSyncController *controller,
          GParamSpec           *pspec,
          guint                *n_errors)
{
  if (daftar_sync_controller_get_state (controller) == DAFTAR_SYNC_STATE_ERROR)
    (*n_errors)++;
}

static gboolean
tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
wait_for_errors (guint *n_errors,
                 guint  n)
{
  guint waker = g_timeout_add (50, tick, NULL);

  while (*n_errors < n)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (waker);
}

/* The sync controller tells after an automatic run, not after one the
 * manager asked for: a refused token fails both. */
static void
test_after_automatic_sync (void)
{
  g_autoptr(GDBusConnection) session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GApplication) app = g_application_new ("io.github.daftar.Daftar.TestNotifierSync", G_APPLICATION_DEFAULT_FLAGS);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "daftar.db", NULL);
  g_autofree char *url = NULL;
  g_autoptr(DaftarDemoCentral) server = test_sync_server (3, &url);
  DaftarDbWorker *worker = daftar_db_worker_new (path);
  DaftarSyncController *controller = daftar_sync_controller_new (worker);
  gboolean online = g_network_monitor_get_network_available (g_network_monitor_get_default ());
  const char *summary, *body;
  guint n_errors = 0;

  mock.notifies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  if (!mock.owned)
    own_notifications (session);
  g_assert_true (g_application_register (app, NULL, &error));
  g_assert_no_error (error);
  /* The application the controller sends through. */
  g_application_set_default (app);
  g_signal_connect (controller, "notify::state", G_CALLBACK (on_state), &n_errors);
  daftar_sync_controller_set_server (controller, url, test_sync_office (), "not-the-token");

  daftar_sync_controller_sync_now (controller);
  wait_for_errors (&n_errors, 1);
  flush (session);
  g_assert_cmpuint (mock.notifies->len, ==, 0);

  g_test_message ("network available: %d", online);
  daftar_sync_controller_set_automatic (controller, TRUE);
  if (online)
    {
      guint waker;
      gint64 deadline;

      wait_for_errors (&n_errors, 2);
      waker = g_timeout_add (50, tick, NULL);
      deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

      /* The notifier's read follows the run on the database thread; the
       * deadline only stops a hang. */
      while (mock.notifies->len == 0)
        {
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          g_main_context_iteration (NULL, TRUE);
        }
      g_source_remove (waker);
      g_assert_cmpuint (mock.notifies->len, ==, 1);
      g_variant_get (g_ptr_array_index (mock.notifies, 0), "(&su&s&s&sasa{sv}i)",
                     NULL, NULL, NULL, &summary, &body, NULL, NULL, NULL);
      g_test_message ("Notify: %s — %s", summary, body);
      g_assert_cmpstr (summary, ==, "همگام‌سازی با سرور مرکزی ناموفق بود");
      g_assert_nonnull (strstr (body, "آخرین همگام‌سازی ناموفق بود"));
    }

  daftar_sync_controller_cancel (controller);
  g_assert_finalize_object (controller);
  test_sync_worker_free (worker);
  g_application_set_default (NULL);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
  g_clear_pointer (&mock.notifies, g_ptr_array_unref);
}

static void
on_ready (DaftarWindow *window,
          gboolean     *checked)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), DAFTAR_TYPE_WINDOW, "view_stack"));

  if (*checked)
    return;
  *checked = TRUE;
  daftar_window_show_page (window, "shifts", NULL, NULL);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "shifts");
  /* What the notification's default action activates. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-alert", g_variant_new_string ("wait"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "overview");
  g_application_quit (app);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 gboolean       *checked)
{
  if (DAFTAR_IS_WINDOW (window))
    g_signal_connect (window, "ready", G_CALLBACK (on_ready), checked);
}

/* Daftar's own app.show-alert brings the Overview up from another page. */
static void
test_show_alert (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DaftarDemo) demo = NULL;
  g_autoptr(DaftarApplication) app = NULL;
  DaftarDb *db;
  GDate last;
  gboolean checked = FALSE;
  char program[] = "daftar", db_option[] = "--db";
  char *argv[] = { program, db_option, NULL, NULL };

  db = daftar_test_db_new (&dir);
  path = g_strdup (daftar_db_get_path (db));
  g_date_clear (&last, 1);
  g_date_set_time_t (&last, time (NULL));
  demo = daftar_demo_new (16, 1, 10, &last);
  g_assert_true (daftar_demo_fill_database (demo, db, 2000, NULL, &error));
  g_assert_no_error (error);
  daftar_db_close (db);

  argv[2] = path;
  app = daftar_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &checked);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_true (checked);
  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  GTestDBus *bus;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* A session bus of the test's own: no desktop's notification server
   * gets these, and no one owns org.gtk.Notifications, so GLib picks its
   * freedesktop backend as on a desktop without a portal. */
  {
    /* g_test_dbus_up unsets DISPLAY (against D-Bus autolaunch); the
     * window of show-alert's test still needs it. */
    g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

    bus = g_test_dbus_new (G_TEST_DBUS_NONE);
    g_test_dbus_up (bus);
    if (display != NULL)
      g_setenv ("DISPLAY", display, TRUE);
  }
  daftar_i18n_force ("fa");
  daftar_i18n_init ();

  g_test_add_func ("/notifier/notify", test_notify);
  g_test_add_func ("/notifier/after-automatic-sync", test_after_automatic_sync);
  g_test_add_func ("/notifier/show-alert", test_show_alert);
  status = g_test_run ();
  {
    GDBusConnection *session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

    if (session != NULL)
      g_dbus_connection_set_exit_on_close (session, FALSE);
    g_clear_object (&session);
  }
  g_test_dbus_stop (bus);
  return status;
}
