/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-preferences.c: the preferences window and GSettings move together both ways; the connection is tested before it is saved and the token never reaches a settings key; a new language offers a restart. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "daftar-i18n.h"
#include "daftar-preferences-window.h"
#include "daftar-token.h"
#include "test-sync-common.h"


static GSettings *
fresh_settings (void)
{
  GSettings *settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  return settings;
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A row of the window, or of its connection form. */
static GtkWidget *
row (GtkWidget  *window,
     const char *name)
{
  GObject *child = gtk_widget_get_template_child (window, DAFTAR_TYPE_PREFERENCES_WINDOW, name);

  if (child == NULL)
    child = gtk_widget_get_template_child (GTK_WIDGET (daftar_preferences_window_get_connection_form (DAFTAR_PREFERENCES_WINDOW (window))),
                                           DAFTAR_TYPE_CONNECTION_FORM, name);
  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static DaftarConnectionForm *
form_of (GtkWidget *window)
{
  return daftar_preferences_window_get_connection_form (DAFTAR_PREFERENCES_WINDOW (window));
}

static gboolean
form_not_busy (DaftarConnectionForm *form)
{
  DaftarConnectionFormStatus status = daftar_connection_form_get_status (form);

  return status != DAFTAR_CONNECTION_FORM_TESTING && status != DAFTAR_CONNECTION_FORM_SAVING;
}

static void
wait_for_form (DaftarConnectionForm *form)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!form_not_busy (form))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static GtkWidget *
open_window (GSettings *settings)
{
  GtkWidget *window = daftar_preferences_window_new (NULL, settings);

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  drain ();
  return window;
}

static void
close_window (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  g_assert_finalize_object (window);
}

static void
assert_key (GSettings  *settings,
            const char *key,
            const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);
  g_assert_cmpstr (value, ==, expected);
}

static void
test_rows_write_keys (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  GtkWidget *window = open_window (settings);
  const struct { const char *row, *key; guint position; const char *nick; } combos[] = {
    { "language_row", "language", 1, "fa" },
    { "language_row", "language", 2, "en" },
    { "language_row", "language", 0, "system" },
    { "digits_row", "digits", 2, "latin" },
    { "digits_row", "digits", 1, "persian" },
    { "digits_row", "digits", 0, "auto" },
    { "calendar_row", "calendar", 1, "gregorian" },
    { "calendar_row", "calendar", 0, "jalali" },
  };

  /* The connection is saved only by "Test and Save", never while typed. */
  gtk_editable_set_text (GTK_EDITABLE (row (window, "server_row")), "https://central.example.ir");
  gtk_editable_set_text (GTK_EDITABLE (row (window, "office_row")), "11230045");
  assert_key (settings, "server-url", "");
  assert_key (settings, "office-code", "");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (row (window, "sync_interval_spin")), 45);
  g_assert_cmpuint (g_settings_get_uint (settings, "sync-interval"), ==, 45);
  /* The spin button keeps to the key's range. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (row (window, "sync_interval_spin")), 5000);
  g_assert_cmpuint (g_settings_get_uint (settings, "sync-interval"), ==, 1440);

  for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
    {
      adw_combo_row_set_selected (ADW_COMBO_ROW (row (window, combos[i].row)), combos[i].position);
      assert_key (settings, combos[i].key, combos[i].nick);
    }

  /* A server address that is no web address is marked and said why, and
   * not saved: the sync would refuse it. */
  gtk_editable_set_text (GTK_EDITABLE (row (window, "server_row")), "central example");
  g_assert_false (daftar_connection_form_submit (form_of (window)));
  g_assert_true (gtk_widget_has_css_class (row (window, "server_row"), "error"));
  g_assert_cmpint (daftar_connection_form_get_status (form_of (window)), ==, DAFTAR_CONNECTION_FORM_FAILED);
  g_assert_nonnull (strstr (daftar_connection_form_get_message (form_of (window)), "central example"));
  g_assert_true (gtk_widget_get_visible (row (window, "status_box")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (row (window, "status_label"))), ==,
                   daftar_connection_form_get_message (form_of (window)));
  assert_key (settings, "server-url", "");

  close_window (window);
}

static void
test_keys_update_rows (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  GtkWidget *window;

  /* Values present when the window opens... */
  g_settings_set_string (settings, "server-url", "https://sana.example.ir");
  g_settings_set_string (settings, "language", "en");
  g_settings_set_uint (settings, "sync-interval", 90);
  window = open_window (settings);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (window, "server_row"))), ==, "https://sana.example.ir");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (window, "language_row"))), ==, 2);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (row (window, "sync_interval_spin"))), ==, 90);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (window, "digits_row"))), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (window, "calendar_row"))), ==, 0);

  /* ...and values changed while it is open. */
  g_settings_set_string (settings, "server-url", "https://central.example.ir/api");
  g_settings_set_string (settings, "office-code", "44120017");
  g_settings_set_uint (settings, "sync-interval", 7);
  g_settings_set_string (settings, "language", "fa");
  g_settings_set_string (settings, "digits", "latin");
  g_settings_set_string (settings, "calendar", "gregorian");
  drain ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (window, "server_row"))), ==, "https://central.example.ir/api");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (window, "office_row"))), ==, "44120017");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (row (window, "sync_interval_spin"))), ==, 7);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (window, "language_row"))), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (window, "digits_row"))), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (window, "calendar_row"))), ==, 1);

  close_window (window);
}

/* A user name and password typed into the address never reach the
 * settings: not while typing, character by character, nor when applied. */
static void
test_server_userinfo_not_saved (void)
{
  static const char * const addresses[] = {
    "https://manager:pa55word@central.example.ir", "http://manager:123@127.0.0.1:8080",
    "https://central.example.ir/?token=pa55word",
  };
  g_autoptr(GSettings) settings = fresh_settings ();
  GtkWidget *window = open_window (settings);
  GtkWidget *server = row (window, "server_row");

  for (guint i = 0; i < G_N_ELEMENTS (addresses); i++)
    {
      const char *address = addresses[i];

      for (gsize len = 1; len <= strlen (address); len++)
        {
          g_autofree char *typed = g_strndup (address, len);
          g_autofree char *saved = NULL;

          gtk_editable_set_text (GTK_EDITABLE (server), typed);
          saved = g_settings_get_string (settings, "server-url");
          g_assert_cmpstr (saved, ==, "");
        }
      gtk_editable_set_text (GTK_EDITABLE (row (window, "office_row")), "11230045");
      g_assert_false (daftar_connection_form_submit (form_of (window)));
      g_assert_true (gtk_widget_has_css_class (server, "error"));
      g_assert_null (strstr (daftar_connection_form_get_message (form_of (window)), "pa55word"));
      assert_key (settings, "server-url", "");
    }
  close_window (window);
}

/* Every key of the schema, printed, in schema order. */
static GStrv
snapshot_keys (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);
      g_autofree char *line = g_strdup_printf ("%s=%s", keys[i], text);

      g_assert_null (strstr (text, TEST_TOKEN));
      g_strv_builder_add (values, line);
    }
  return g_strv_builder_end (values);
}

/* A token typed for the demo central server: tested (the server accepts
 * it), then handed to the keyring — which this test's own session bus
 * does not have — and never to a settings key on the way. */
static void
test_token_not_in_settings (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autofree char *url = NULL;
  g_autoptr(DaftarDemoCentral) server = test_sync_server (2, &url);
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  GtkWidget *window;
  DaftarConnectionForm *form;

  window = open_window (settings);
  form = form_of (window);
  before = snapshot_keys (settings);

  gtk_editable_set_text (GTK_EDITABLE (row (window, "server_row")), url);
  gtk_editable_set_text (GTK_EDITABLE (row (window, "office_row")), test_sync_office ());
  gtk_editable_set_text (GTK_EDITABLE (row (window, "token_row")), TEST_TOKEN);
  g_assert_true (daftar_connection_form_submit (form));
  g_assert_false (gtk_widget_get_sensitive (row (window, "token_row")));
  wait_for_form (form);
  g_test_message ("%s", daftar_connection_form_get_message (form));
  g_assert_cmpint (daftar_connection_form_get_outcome (form), ==, DAFTAR_CONNECTION_OK);
  g_assert_cmpuint (daftar_demo_central_get_requests (server), ==, 1);
  /* No keyring: nothing saved, and the reason is shown. */
  g_assert_cmpint (daftar_connection_form_get_status (form), ==, DAFTAR_CONNECTION_FORM_FAILED);
  g_assert_true (gtk_widget_get_sensitive (row (window, "token_row")));
  g_assert_nonnull (daftar_connection_form_get_detail (form));

  after = snapshot_keys (settings);
  g_assert_cmpstrv (before, after);
  close_window (window);
}

/* Without a server and an office the keyring has nothing to file a token
 * under: nothing is tested or stored, and the entry keeps the text. */
static void
test_token_needs_server (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  GtkWidget *window = open_window (settings);
  GtkWidget *token_row = row (window, "token_row");

  before = snapshot_keys (settings);
  gtk_editable_set_text (GTK_EDITABLE (token_row), TEST_TOKEN);
  g_assert_false (daftar_connection_form_submit (form_of (window)));
  g_assert_cmpint (daftar_connection_form_get_status (form_of (window)), ==, DAFTAR_CONNECTION_FORM_FAILED);
  g_assert_true (gtk_widget_has_css_class (row (window, "server_row"), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (token_row)), ==, TEST_TOKEN);
  drain ();
  after = snapshot_keys (settings);
  g_assert_cmpstrv (before, after);

  close_window (window);
}

/* A new language, digits or calendar is applied at the next start: a row
 * of the group says so and offers "Restart Now" (app.restart) instead of
 * a toast over the rows, and goes when the choice goes back. */
static void
test_restart_row (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  GtkWidget *window = open_window (settings);
  DaftarPreferencesWindow *prefs = DAFTAR_PREFERENCES_WINDOW (window);
  GtkWidget *restart_row = row (window, "restart_row");
  GtkWidget *restart_button = row (window, "restart_button");

  g_assert_false (daftar_preferences_window_get_needs_restart (prefs));
  g_assert_false (gtk_widget_get_visible (restart_row));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (restart_button)), ==, "app.restart");

  adw_combo_row_set_selected (ADW_COMBO_ROW (row (window, "language_row")), 2);
  drain ();
  g_assert_true (daftar_preferences_window_get_needs_restart (prefs));
  g_assert_true (gtk_widget_get_mapped (restart_row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (window, "language_row")), 0);
  drain ();
  g_assert_false (gtk_widget_get_visible (restart_row));

  adw_combo_row_set_selected (ADW_COMBO_ROW (row (window, "calendar_row")), 1);
  g_assert_true (gtk_widget_get_visible (restart_row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (window, "calendar_row")), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (window, "digits_row")), 2);
  g_assert_true (gtk_widget_get_visible (restart_row));

  /* What this run started with is what counts, not what the settings held
   * when the window opened. */
  daftar_preferences_window_set_started_with (prefs, "system", "latin", "jalali");
  g_assert_false (gtk_widget_get_visible (restart_row));
  daftar_preferences_window_set_started_with (prefs, "en", "latin", "jalali");
  g_assert_true (gtk_widget_get_visible (restart_row));

  close_window (window);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static GtkWidget *
find_popover (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_popover (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Every choice reads whole in its row and its popover, in Persian: the
 * calendar's was cut to «جلالی (هجری شم…» (the usability report, 68). */
static void
test_choices_not_ellipsized (void)
{
  static const char * const rows[] = { "language_row", "digits_row", "calendar_row" };
  g_autoptr(GSettings) settings = fresh_settings ();
  GtkWidget *window = open_window (settings);
  guint waker = g_timeout_add (20, tick, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *combo = row (window, rows[i]);
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
      GtkWidget *popover;

      /* The row itself shows the choice whole too. */
      collect_labels (combo, labels);
      for (guint j = 0; j < labels->len; j++)
        g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (g_ptr_array_index (labels, j))));
      g_ptr_array_set_size (labels, 0);

      gtk_widget_activate (combo);
      popover = find_popover (combo);
      g_assert_nonnull (popover);
      while (!gtk_widget_get_mapped (popover) || gtk_widget_get_width (popover) == 0)
        {
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          g_main_context_iteration (NULL, TRUE);
        }
      for (int k = 0; k < 10; k++)
        g_main_context_iteration (NULL, TRUE);
      collect_labels (popover, labels);
      g_assert_cmpuint (labels->len, >=, 2);
      for (guint j = 0; j < labels->len; j++)
        {
          GtkLabel *label = g_ptr_array_index (labels, j);

          g_test_message ("%s: «%s»", rows[i], gtk_label_get_text (label));
          g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
        }
      gtk_popover_popdown (GTK_POPOVER (popover));
      drain ();
    }
  g_source_remove (waker);
  close_window (window);
}

/* The shortcuts of the sections only: the window also copies them into
 * its search page. */
static void
collect_shortcuts (GtkWidget  *widget,
                   gboolean    in_section,
                   GPtrArray  *shortcuts)
{
  in_section = in_section || GTK_IS_SHORTCUTS_SECTION (widget);
  if (in_section && GTK_IS_SHORTCUTS_SHORTCUT (widget))
    g_ptr_array_add (shortcuts, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, in_section, shortcuts);
}

/* The shortcuts window GtkApplication finds at <base path>/gtk/help-overlay.ui:
 * each entry has a title and names its action, whose accelerators the
 * window then shows. test-keyboard checks them against the running
 * application and triggers each. */
static void
test_shortcuts_window (void)
{
  const char *expected[] = { "app.sync", "app.preferences", "app.help", "win.show-help-overlay", "app.quit",
                             "win.show-page::overview", "win.show-page::cases", "win.show-page::shifts",
                             "win.show-page::care", "win.show-page::notices", "win.search", "win.print" };
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/daftar/Daftar/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  collect_shortcuts (GTK_WIDGET (overlay), FALSE, shortcuts);
  g_assert_cmpuint (shortcuts->len, >=, G_N_ELEMENTS (expected));
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *title = NULL;
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autoptr(GError) error = NULL;

      g_object_get (g_ptr_array_index (shortcuts, i), "action-name", &action, "title", &title, NULL);
      g_assert_nonnull (action);
      g_assert_true (g_action_parse_detailed_name (action, &name, &target, &error));
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (name, "app.") || g_str_has_prefix (name, "win."));
      g_assert_cmpstr (title, !=, "");
      /* Each action once, and the application's are all listed. */
      g_assert_true (g_hash_table_add (seen, g_steal_pointer (&action)));
    }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_hash_table_contains (seen, expected[i]));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  GTestDBus *bus;
  int status;

  /* Persian: the longest choices are the Persian ones. */
  daftar_i18n_force ("fa");
  daftar_i18n_init ();

  /* The accessibility bus under Xvfb sometimes dies while starting, and
   * GTK 4 then fails to register the application: nothing here reads it. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_unsetenv (DAFTAR_TOKEN_FILE_ENV);
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
  adw_init ();

  g_test_add_func ("/preferences/rows-write-keys", test_rows_write_keys);
  g_test_add_func ("/preferences/keys-update-rows", test_keys_update_rows);
  g_test_add_func ("/preferences/token-not-in-settings", test_token_not_in_settings);
  g_test_add_func ("/preferences/token-needs-server", test_token_needs_server);
  g_test_add_func ("/preferences/server-userinfo-not-saved", test_server_userinfo_not_saved);
  g_test_add_func ("/preferences/restart-row", test_restart_row);
  g_test_add_func ("/preferences/choices-not-ellipsized", test_choices_not_ellipsized);
  g_test_add_func ("/preferences/shortcuts-window", test_shortcuts_window);

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
