/* test-preferences.c: the preferences window and GSettings move together both ways; the token never reaches a settings key. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "daftar-preferences-window.h"

#define TEST_TOKEN "prefs-test-token-7f3a9c"

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

static GtkWidget *
row (GtkWidget  *window,
     const char *name)
{
  GObject *child = gtk_widget_get_template_child (window, DAFTAR_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
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

  /* The address is saved when applied, not while it is typed. */
  gtk_editable_set_text (GTK_EDITABLE (row (window, "server_url_row")), "https://central.example.ir");
  assert_key (settings, "server-url", "");
  g_signal_emit_by_name (row (window, "server_url_row"), "apply");
  assert_key (settings, "server-url", "https://central.example.ir");
  g_assert_false (gtk_widget_has_css_class (row (window, "server_url_row"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (row (window, "office_code_row")), "11230045");
  assert_key (settings, "office-code", "11230045");

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

  /* A server address that is no web address is marked, and not saved
   * even when applied: the sync would refuse it. */
  gtk_editable_set_text (GTK_EDITABLE (row (window, "server_url_row")), "central example");
  g_assert_true (gtk_widget_has_css_class (row (window, "server_url_row"), "error"));
  g_signal_emit_by_name (row (window, "server_url_row"), "apply");
  assert_key (settings, "server-url", "https://central.example.ir");

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
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (window, "server_url_row"))), ==, "https://sana.example.ir");
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
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (window, "server_url_row"))), ==, "https://central.example.ir/api");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (window, "office_code_row"))), ==, "44120017");
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
  GtkWidget *server = row (window, "server_url_row");

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
      g_assert_true (gtk_widget_has_css_class (server, "error"));
      g_signal_emit_by_name (server, "apply");
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

static void
on_storing_token (GObject    *window,
                  GParamSpec *pspec,
                  guint      *n_changes)
{
  (*n_changes)++;
}

static gboolean
on_keyring_stuck (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_token_not_in_settings (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  GtkWidget *window;
  GtkWidget *token_row;
  guint n_changes = 0;
  gboolean stuck = FALSE;
  guint timeout;

  g_settings_set_string (settings, "server-url", "https://central.example.ir");
  g_settings_set_string (settings, "office-code", "11230045");
  window = open_window (settings);
  token_row = row (window, "token_row");
  g_signal_connect (window, "notify::storing-token", G_CALLBACK (on_storing_token), &n_changes);
  before = snapshot_keys (settings);

  gtk_editable_set_text (GTK_EDITABLE (token_row), TEST_TOKEN);
  g_signal_emit_by_name (token_row, "apply");
  /* The token went to the keyring (whether one answers on this bus or
   * not), so the store really ran... */
  g_assert_true (daftar_preferences_window_get_storing_token (DAFTAR_PREFERENCES_WINDOW (window)));
  g_assert_false (gtk_widget_get_sensitive (token_row));
  /* A keyring that asks for a password on a screen nobody watches would
   * wait for ever; past the bound the window closes mid-store instead. */
  timeout = g_timeout_add_seconds (60, on_keyring_stuck, &stuck);
  while (!stuck && daftar_preferences_window_get_storing_token (DAFTAR_PREFERENCES_WINDOW (window)))
    g_main_context_iteration (NULL, TRUE);
  if (!stuck)
    {
      g_source_remove (timeout);
      g_assert_cmpuint (n_changes, ==, 2);
      g_assert_true (gtk_widget_get_sensitive (token_row));
    }
  else
    g_test_message ("the keyring did not answer; closing the window while it stores");

  /* ...and no settings key changed on the way. */
  after = snapshot_keys (settings);
  g_assert_cmpstrv (before, after);

  close_window (window);
}

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
  g_signal_emit_by_name (token_row, "apply");
  /* Without a server and an office the keyring has nothing to file it
   * under: nothing is stored, the entry keeps the text to try again. */
  g_assert_false (daftar_preferences_window_get_storing_token (DAFTAR_PREFERENCES_WINDOW (window)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (token_row)), ==, TEST_TOKEN);
  drain ();
  after = snapshot_keys (settings);
  g_assert_cmpstrv (before, after);

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
  const char *expected[] = { "app.sync", "app.preferences", "win.show-help-overlay", "app.quit",
                             "win.show-page::overview", "win.show-page::cases", "win.show-page::shifts",
                             "win.show-page::notices", "win.search" };
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
  const char *localedir = g_getenv ("DAFTAR_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The accessibility bus under Xvfb sometimes dies while starting, and
   * GTK 4 then fails to register the application: nothing here reads it. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/preferences/rows-write-keys", test_rows_write_keys);
  g_test_add_func ("/preferences/keys-update-rows", test_keys_update_rows);
  g_test_add_func ("/preferences/token-not-in-settings", test_token_not_in_settings);
  g_test_add_func ("/preferences/token-needs-server", test_token_needs_server);
  g_test_add_func ("/preferences/server-userinfo-not-saved", test_server_userinfo_not_saved);
  g_test_add_func ("/preferences/shortcuts-window", test_shortcuts_window);

  return g_test_run ();
}
