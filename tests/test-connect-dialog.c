/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-connect-dialog.c: the connect dialog tests the server and the token with one request and saves nothing unless the server said yes — against the demo central server, a wrong token and a closed port, in Persian. */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "daftar-connect-dialog.h"
#include "daftar-i18n.h"
#include "daftar-screenshot.h"
#include "daftar-style.h"
#include "daftar-sync-controller.h"
#include "daftar-test-util.h"
#include "daftar-token.h"
#include "test-sync-common.h"

#define DAYS 2

typedef struct
{
  char              *dir;
  DaftarDemoCentral *server;
  char              *url;
  GSettings         *settings;
  GtkWindow         *parent;
  DaftarConnectDialog *dialog;
  guint              connected;
  gboolean           closed;
} Fixture;

static void
on_connected (DaftarConnectDialog *dialog,
              const char          *server,
              const char          *office,
              Fixture             *f)
{
  f->connected++;
}

static gboolean
on_close_request (GtkWindow *window,
                  Fixture   *f)
{
  f->closed = TRUE;
  return FALSE;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  f->dir = daftar_test_tmpdir_new ();
  f->server = test_sync_server (DAYS, &f->url);
  f->settings = daftar_sync_settings_new ();
  g_assert_nonnull (f->settings);
  g_object_get (f->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (f->settings, keys[i]);
  g_unsetenv (DAFTAR_TOKEN_FILE_ENV);

  f->parent = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->parent, 900, 700);
  gtk_window_present (f->parent);
  f->dialog = DAFTAR_CONNECT_DIALOG (daftar_connect_dialog_new (NULL));
  g_object_ref (f->dialog);
  gtk_window_set_transient_for (GTK_WINDOW (f->dialog), f->parent);
  g_signal_connect (f->dialog, "connected", G_CALLBACK (on_connected), f);
  g_signal_connect (f->dialog, "close-request", G_CALLBACK (on_close_request), f);
  gtk_window_present (GTK_WINDOW (f->dialog));
  daftar_test_settle ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (!f->closed)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  daftar_test_settle ();
  g_assert_finalize_object (f->dialog);
  gtk_window_destroy (f->parent);
  g_unsetenv (DAFTAR_TOKEN_FILE_ENV);
  g_clear_object (&f->settings);
  g_clear_object (&f->server);
  daftar_test_tmpdir_free (f->dir);
  g_free (f->url);
}

static gboolean
not_busy (gpointer data)
{
  DaftarConnectionFormStatus status = daftar_connection_form_get_status (data);

  return status != DAFTAR_CONNECTION_FORM_TESTING && status != DAFTAR_CONNECTION_FORM_SAVING;
}

/* "Connect", then wait for the test (and the saving) to end. */
static DaftarConnectionFormStatus
connect_and_wait (Fixture *f)
{
  DaftarConnectionForm *form = daftar_connect_dialog_get_form (f->dialog);

  g_assert_true (daftar_connect_dialog_connect (f->dialog));
  g_assert_cmpint (daftar_connection_form_get_status (form), ==, DAFTAR_CONNECTION_FORM_TESTING);
  daftar_test_wait_for (not_busy, form);
  daftar_test_settle ();
  g_test_message ("status %d, outcome %d: %s (%s)", daftar_connection_form_get_status (form),
                  daftar_connection_form_get_outcome (form), daftar_connection_form_get_message (form),
                  daftar_connection_form_get_detail (form));
  return daftar_connection_form_get_status (form);
}

static void
assert_nothing_saved (Fixture *f)
{
  g_autofree char *server = g_settings_get_string (f->settings, "server-url");
  g_autofree char *office = g_settings_get_string (f->settings, "office-code");

  g_assert_cmpstr (server, ==, "");
  g_assert_cmpstr (office, ==, "");
  g_assert_cmpuint (f->connected, ==, 0);
  g_assert_false (f->closed);
}

static GtkWidget *
form_child (Fixture    *f,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (daftar_connect_dialog_get_form (f->dialog)),
                                                  DAFTAR_TYPE_CONNECTION_FORM, name);
  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
screenshot (Fixture    *f,
            const char *name)
{
  const char *dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : ".", name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (daftar_screenshot_save (GTK_WINDOW (f->dialog), path, &error));
  g_assert_no_error (error);
  g_test_message ("screenshot: %s", path);
}

/* The demo central server and the token saved for it (here in
 * DAFTAR_TOKEN_FILE, the keyring's stand-in where there is none): one
 * request, the office's name shown, then saved and closed. */
static void
test_demo_server_ok (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *token_file = g_build_filename (f->dir, "token", NULL);
  g_autofree char *server = NULL;
  g_autofree char *office = NULL;
  DaftarConnectionForm *form = daftar_connect_dialog_get_form (f->dialog);

  g_assert_true (g_file_set_contents (token_file, TEST_TOKEN "\n", -1, NULL));
  g_setenv (DAFTAR_TOKEN_FILE_ENV, token_file, TRUE);
  daftar_connect_dialog_set_fields (f->dialog, f->url, test_sync_office (), NULL);

  g_assert_cmpint (connect_and_wait (f), ==, DAFTAR_CONNECTION_FORM_SAVED);
  g_assert_cmpint (daftar_connection_form_get_outcome (form), ==, DAFTAR_CONNECTION_OK);
  g_assert_true (daftar_test_has_persian_letter (daftar_connection_form_get_message (form)));
  g_assert_cmpuint (daftar_demo_central_get_requests (f->server), ==, 1);
  server = g_settings_get_string (f->settings, "server-url");
  office = g_settings_get_string (f->settings, "office-code");
  g_assert_cmpstr (server, ==, f->url);
  g_assert_cmpstr (office, ==, test_sync_office ());
  g_assert_cmpuint (f->connected, ==, 1);
  g_assert_true (f->closed);
}

/* A token typed for the demo server: the server accepts it, and the
 * keyring, which this test's session bus does not have, refuses to keep
 * it — said in Persian with what to do, its own words under "details",
 * and nothing saved. */
static void
test_demo_server_no_keyring (Fixture       *f,
                             gconstpointer  data)
{
  DaftarConnectionForm *form = daftar_connect_dialog_get_form (f->dialog);
  const char *message;

  daftar_connect_dialog_set_fields (f->dialog, f->url, test_sync_office (), TEST_TOKEN);
  g_assert_cmpint (connect_and_wait (f), ==, DAFTAR_CONNECTION_FORM_FAILED);
  g_assert_cmpint (daftar_connection_form_get_outcome (form), ==, DAFTAR_CONNECTION_OK);
  g_assert_cmpuint (daftar_demo_central_get_requests (f->server), ==, 1);
  message = daftar_connect_dialog_get_error (f->dialog);
  g_assert_true (daftar_test_has_persian_letter (message));
  g_assert_null (strstr (message, "org.freedesktop"));
  g_assert_nonnull (strstr (message, "جاکلیدی"));
  g_assert_nonnull (daftar_connection_form_get_detail (form));
  g_assert_true (gtk_widget_get_visible (form_child (f, "detail_expander")));
  /* The token is right: the server took it. */
  g_assert_false (gtk_widget_has_css_class (form_child (f, "token_row"), "error"));
  assert_nothing_saved (f);
  screenshot (f, "connect-dialog-keyring-fa.png");
}

static void
test_wrong_token (Fixture       *f,
                  gconstpointer  data)
{
  DaftarConnectionForm *form = daftar_connect_dialog_get_form (f->dialog);
  const char *message;

  daftar_connect_dialog_set_fields (f->dialog, f->url, test_sync_office (), "not-the-" TEST_TOKEN);
  g_assert_cmpint (connect_and_wait (f), ==, DAFTAR_CONNECTION_FORM_FAILED);
  g_assert_cmpint (daftar_connection_form_get_outcome (form), ==, DAFTAR_CONNECTION_WRONG_TOKEN);
  message = daftar_connect_dialog_get_error (f->dialog);
  /* «سرور مرکزی توکن دسترسی را نپذیرفت…» */
  g_assert_true (daftar_test_has_persian_letter (message));
  g_assert_nonnull (strstr (message, "نپذیرفت"));
  g_assert_true (gtk_widget_has_css_class (form_child (f, "token_row"), "error"));
  g_assert_false (gtk_widget_has_css_class (form_child (f, "server_row"), "error"));
  /* The server said no: there is nothing to save anyway. */
  g_assert_false (gtk_widget_get_visible (form_child (f, "save_anyway_button")));
  g_assert_false (daftar_connection_form_save_anyway (form));
  assert_nothing_saved (f);
  screenshot (f, "connect-dialog-wrong-token-fa.png");

  /* Typing again takes the verdict away. */
  gtk_editable_set_text (GTK_EDITABLE (form_child (f, "token_row")), TEST_TOKEN);
  g_assert_cmpint (daftar_connection_form_get_status (form), ==, DAFTAR_CONNECTION_FORM_NONE);
  g_assert_null (daftar_connect_dialog_get_error (f->dialog));
  g_assert_false (gtk_widget_has_css_class (form_child (f, "token_row"), "error"));
}

/* A closed port on 127.0.0.1: unreachable, said so, and nothing saved
 * unless the manager saves anyway. */
static void
test_unreachable (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autofree char *token_file = g_build_filename (f->dir, "token", NULL);
  g_autofree char *url = NULL;
  g_autofree char *saved = NULL;
  DaftarConnectionForm *form = daftar_connect_dialog_get_form (f->dialog);
  g_autoptr(GError) error = NULL;
  const char *message;
  guint16 port;

  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  url = g_strdup_printf ("http://127.0.0.1:%u", port);
  g_assert_true (g_file_set_contents (token_file, TEST_TOKEN "\n", -1, NULL));
  g_setenv (DAFTAR_TOKEN_FILE_ENV, token_file, TRUE);

  daftar_connect_dialog_set_fields (f->dialog, url, test_sync_office (), NULL);
  g_assert_cmpint (connect_and_wait (f), ==, DAFTAR_CONNECTION_FORM_FAILED);
  g_assert_cmpint (daftar_connection_form_get_outcome (form), ==, DAFTAR_CONNECTION_UNREACHABLE);
  message = daftar_connect_dialog_get_error (f->dialog);
  g_assert_true (daftar_test_has_persian_letter (message));
  g_assert_true (gtk_widget_has_css_class (form_child (f, "server_row"), "error"));
  g_assert_true (gtk_widget_get_visible (form_child (f, "detail_expander")));
  g_assert_true (gtk_widget_get_visible (form_child (f, "save_anyway_button")));
  assert_nothing_saved (f);
  screenshot (f, "connect-dialog-unreachable-fa.png");

  /* The manager knows the server is down today: saved as typed. */
  g_assert_true (daftar_connection_form_save_anyway (form));
  daftar_test_wait_for (not_busy, form);
  g_assert_cmpint (daftar_connection_form_get_status (form), ==, DAFTAR_CONNECTION_FORM_SAVED);
  saved = g_settings_get_string (f->settings, "server-url");
  g_assert_cmpstr (saved, ==, url);
  g_assert_cmpuint (f->connected, ==, 1);
}

/* What the sync would refuse is refused before any request, with a
 * message, not only a red outline. */
static void
test_refused_before_any_request (Fixture       *f,
                                 gconstpointer  data)
{
  static const char * const refused[] = { "http://central.example.ir", "ftp://x", "https://manager:pw@central.example.ir" };
  DaftarConnectionForm *form = daftar_connect_dialog_get_form (f->dialog);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      daftar_connect_dialog_set_fields (f->dialog, refused[i], test_sync_office (), TEST_TOKEN);
      g_assert_false (daftar_connect_dialog_connect (f->dialog));
      g_assert_cmpint (daftar_connection_form_get_status (form), ==, DAFTAR_CONNECTION_FORM_FAILED);
      g_assert_true (daftar_test_has_persian_letter (daftar_connect_dialog_get_error (f->dialog)));
      g_assert_null (strstr (daftar_connect_dialog_get_error (f->dialog), "pw"));
      g_assert_true (gtk_widget_get_visible (form_child (f, "status_box")));
      g_assert_true (gtk_widget_get_mapped (form_child (f, "status_label")));
      g_assert_true (gtk_widget_has_css_class (form_child (f, "server_row"), "error"));
    }
  g_assert_cmpuint (daftar_demo_central_get_requests (f->server), ==, 0);
  assert_nothing_saved (f);
}

int
main (int argc, char **argv)
{
  GTestDBus *bus;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* A session bus of the test's own, with no secret service: whatever
   * keyring the machine running the test has never gets the token. */
  {
    /* g_test_dbus_up unsets DISPLAY (against D-Bus autolaunch); the
     * windows still need it. */
    g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

    bus = g_test_dbus_new (G_TEST_DBUS_NONE);
    g_test_dbus_up (bus);
    if (display != NULL)
      g_setenv ("DISPLAY", display, TRUE);
  }
  daftar_i18n_force ("fa");
  daftar_i18n_init ();
  adw_init ();
  daftar_style_init ();

  g_test_add ("/connect-dialog/demo-server-ok", Fixture, NULL, fixture_setup, test_demo_server_ok, fixture_teardown);
  g_test_add ("/connect-dialog/demo-server-no-keyring", Fixture, NULL, fixture_setup, test_demo_server_no_keyring, fixture_teardown);
  g_test_add ("/connect-dialog/wrong-token", Fixture, NULL, fixture_setup, test_wrong_token, fixture_teardown);
  g_test_add ("/connect-dialog/unreachable", Fixture, NULL, fixture_setup, test_unreachable, fixture_teardown);
  g_test_add ("/connect-dialog/refused-before-any-request", Fixture, NULL, fixture_setup,
              test_refused_before_any_request, fixture_teardown);
  status = g_test_run ();
  /* GTK keeps its connection to the session bus (for the portal's
   * settings), which g_test_dbus_down, also run when the object is
   * disposed, would wait for in vain: the daemon is stopped and the object
   * left to the end of the process. */
  {
    GDBusConnection *session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

    if (session != NULL)
      g_dbus_connection_set_exit_on_close (session, FALSE);
    g_clear_object (&session);
  }
  g_test_dbus_stop (bus);
  return status;
}
