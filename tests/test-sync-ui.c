/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-ui.c: the sync indicator, history and connect dialog in Persian, against a real in-process central server. */
#include "config.h"

#include "daftar-test-gtk.h"
#include "daftar-test-util.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "daftar-alerts.h"
#include "daftar-connect-dialog.h"
#include "daftar-format.h"
#include "daftar-i18n.h"
#include "daftar-reject-reasons.h"
#include "daftar-style.h"
#include "daftar-sync-controller.h"
#include "daftar-sync-history-dialog.h"
#include "daftar-sync-indicator.h"
#include "daftar-time.h"
#include "daftar-token.h"
#include "test-sync-common.h"

#define DAYS 8

typedef struct
{
  char                 *dir;
  char                 *path;
  DaftarDbWorker       *worker;
  DaftarDemoCentral    *server;
  char                 *url;
  DaftarSyncController *controller;
  GtkWindow            *window;
  DaftarSyncIndicator  *indicator;
  guint                 synced;
  guint64               synced_records;
  guint                 needs_setup;
  char                 *text_while_syncing;
  gboolean              spinner_while_syncing;
} Fixture;

/* Helpers. */

static gint64
db_count (Fixture    *f,
          const char *sql)
{
  sqlite3 *handle = test_sync_open_readonly (f->path);
  gint64 n = test_sync_query_int (handle, sql);

  sqlite3_close (handle);
  return n;
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

static char *
png_path (const char *name)
{
  const char *dir = g_getenv ("G_TEST_BUILDDIR");

  return g_build_filename (dir != NULL ? dir : ".", name, NULL);
}

/* A window or a popover (each has its own surface) as a PNG. */
static void
save_native (GtkWidget  *native,
             const char *name)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (native));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (native);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = png_path (name);
  int width = gtk_widget_get_width (native);
  int height = gtk_widget_get_height (native);

  g_assert_nonnull (renderer);
  g_assert_cmpint (width, >, 0);
  /* The paintable shows what the last frame drew: let frames be drawn. */
  daftar_test_wait_for_frames (native, 3);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* The fixture: a database, a server, a controller and a window with the
 * indicator in its header, as in the main window. */

static void
on_synced (DaftarSyncController *controller,
           guint64               records,
           Fixture              *f)
{
  f->synced++;
  f->synced_records = records;
}

static void
on_needs_setup (DaftarSyncController *controller,
                Fixture              *f)
{
  f->needs_setup++;
}

static void
on_state (DaftarSyncController *controller,
          GParamSpec           *pspec,
          Fixture              *f)
{
  /* Connected after the indicator: it has already updated. */
  if (daftar_sync_controller_get_state (controller) == DAFTAR_SYNC_STATE_SYNCING)
    {
      GtkWidget *spinner = find_child (GTK_WIDGET (f->indicator), GTK_TYPE_SPINNER);

      g_free (f->text_while_syncing);
      f->text_while_syncing = g_strdup (daftar_sync_indicator_get_text (f->indicator));
      f->spinner_while_syncing = gtk_widget_get_visible (spinner) && gtk_spinner_get_spinning (GTK_SPINNER (spinner));
    }
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *header, *box, *body;

  f->dir = daftar_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "daftar.db", NULL);
  f->worker = daftar_db_worker_new (f->path);
  f->server = test_sync_server (DAYS, &f->url);

  f->controller = daftar_sync_controller_new (f->worker);
  if (data == NULL)
    daftar_sync_controller_set_server (f->controller, f->url, test_sync_office (), TEST_TOKEN);
  g_signal_connect (f->controller, "synced", G_CALLBACK (on_synced), f);
  g_signal_connect (f->controller, "needs-setup", G_CALLBACK (on_needs_setup), f);

  f->indicator = DAFTAR_SYNC_INDICATOR (daftar_sync_indicator_new (f->controller));
  g_signal_connect (f->controller, "notify::state", G_CALLBACK (on_state), f);

  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 760, 320);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("دفتر", NULL));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (f->indicator));
  body = adw_status_page_new ();
  gtk_widget_set_vexpand (body, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), body);
  adw_window_set_content (ADW_WINDOW (f->window), box);
  gtk_window_present (f->window);
  daftar_test_settle ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  daftar_sync_controller_cancel (f->controller);
  gtk_window_destroy (f->window);
  g_assert_finalize_object (f->controller);
  g_clear_object (&f->server);
  test_sync_worker_free (f->worker);
  daftar_test_tmpdir_free (f->dir);
  g_free (f->path);
  g_free (f->url);
  g_free (f->text_while_syncing);
}

static gboolean
not_syncing (gpointer data)
{
  Fixture *f = data;

  return daftar_sync_controller_get_state (f->controller) != DAFTAR_SYNC_STATE_SYNCING;
}

static void
sync_and_wait (Fixture *f)
{
  daftar_sync_controller_sync_now (f->controller);
  g_assert_cmpint (daftar_sync_controller_get_state (f->controller), ==, DAFTAR_SYNC_STATE_SYNCING);
  daftar_test_wait_for (not_syncing, f);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
screenshot_popover (Fixture    *f,
                    const char *name)
{
  GtkPopover *popover = daftar_sync_indicator_get_popover (f->indicator);

  gtk_popover_popup (popover);
  daftar_test_wait_for (is_mapped, popover);
  daftar_test_settle ();
  save_native (GTK_WIDGET (popover), name);
  gtk_popover_popdown (popover);
  daftar_test_settle ();
}

/* Tests. */

static void
test_as_of (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *button = find_child (GTK_WIDGET (f->indicator), GTK_TYPE_MENU_BUTTON);
  const char *text = daftar_sync_indicator_get_text (f->indicator);
  const char *tooltip;
  g_autofree char *today = NULL;
  GDate day;

  /* Configured, never synced: said in Persian. */
  g_assert_true (daftar_test_has_persian_letter (text));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (f->indicator)), ==, GTK_TEXT_DIR_RTL);

  sync_and_wait (f);

  /* While syncing: the spinner turned and the label said so. */
  g_assert_true (f->spinner_while_syncing);
  g_assert_true (daftar_test_has_persian_letter (f->text_while_syncing));

  g_assert_cmpint (daftar_sync_controller_get_state (f->controller), ==, DAFTAR_SYNC_STATE_IDLE);
  g_assert_null (daftar_sync_controller_get_error_message (f->controller));
  g_assert_cmpuint (f->synced, ==, 1);
  g_assert_cmpuint (f->synced_records, >, 0);
  g_assert_cmpint (db_count (f, "SELECT COUNT(*) FROM sync_log WHERE result = 'ok'"), ==, 1);
  g_assert_cmpint (daftar_sync_controller_get_last_success (f->controller), >=,
                   db_count (f, "SELECT MAX(finished_at) FROM sync_log"));

  /* «به‌روز تا ۷ آذر ۱۴۰۵، ۱۰:۳۰»: today's Jalali date, Persian digits only. */
  text = daftar_sync_indicator_get_text (f->indicator);
  g_test_message ("indicator: %s", text);
  g_assert_true (g_str_has_prefix (text, "به‌روز تا "));
  daftar_time_local_date (daftar_sync_controller_get_last_success (f->controller), &day);
  today = daftar_format_date_long (&day);
  g_assert_nonnull (strstr (text, today));
  g_assert_true (daftar_test_has_persian_digit (text));
  g_assert_false (daftar_test_has_latin_digit (text));
  g_assert_false (gtk_widget_get_visible (find_child (GTK_WIDGET (f->indicator), GTK_TYPE_IMAGE)));

  /* The tooltip says how long ago: «همین حالا» or «… پیش». */
  tooltip = gtk_widget_get_tooltip_text (button);
  g_test_message ("tooltip: %s", tooltip);
  g_assert_true (g_strcmp0 (tooltip, "همین حالا") == 0 || g_str_has_suffix (tooltip, " پیش"));

  save_native (GTK_WIDGET (f->window), "sync-ui-header-fa.png");
  screenshot_popover (f, "sync-ui-popover-fa.png");
}

static void
test_unauthorized (Fixture       *f,
                   gconstpointer  data)
{
  const char *message;
  GtkWidget *icon;

  daftar_demo_central_set_fault (f->server, DAFTAR_DEMO_CENTRAL_FAULT_UNAUTHORIZED);
  sync_and_wait (f);

  g_assert_cmpint (daftar_sync_controller_get_state (f->controller), ==, DAFTAR_SYNC_STATE_ERROR);
  g_assert_cmpuint (f->synced, ==, 0);
  message = daftar_sync_controller_get_error_message (f->controller);
  g_test_message ("reason: %s", message);
  g_assert_true (daftar_test_has_persian_letter (message));
  g_assert_cmpint (db_count (f, "SELECT COUNT(*) FROM sync_log WHERE result = 'auth'"), ==, 1);

  /* The header shows a warning icon and a short Persian reason. */
  g_assert_cmpstr (daftar_sync_indicator_get_text (f->indicator), ==,
                   daftar_sync_controller_get_error_title (f->controller));
  g_assert_true (daftar_test_has_persian_letter (daftar_sync_indicator_get_text (f->indicator)));
  icon = find_child (GTK_WIDGET (f->indicator), GTK_TYPE_IMAGE);
  g_assert_true (gtk_widget_get_visible (icon));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (find_child (GTK_WIDGET (f->indicator), GTK_TYPE_MENU_BUTTON)),
                   ==, message);

  screenshot_popover (f, "sync-ui-popover-error-fa.png");

  /* Fixed on the server: the next run clears the error. */
  daftar_demo_central_set_fault (f->server, DAFTAR_DEMO_CENTRAL_FAULT_NONE);
  sync_and_wait (f);
  g_assert_cmpint (daftar_sync_controller_get_state (f->controller), ==, DAFTAR_SYNC_STATE_IDLE);
  g_assert_null (daftar_sync_controller_get_error_message (f->controller));
  g_assert_false (gtk_widget_get_visible (icon));
}

static gboolean
history_loaded (gpointer data)
{
  return daftar_sync_history_dialog_is_loaded (data);
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  DaftarSyncHistoryDialog *dialog;
  g_autoptr(GPtrArray) expanders = g_ptr_array_new ();
  g_autoptr(GPtrArray) action_rows = g_ptr_array_new ();
  guint runs = 0;
  gboolean auth_shown = FALSE;
  sqlite3 *handle;

  sync_and_wait (f);
  daftar_demo_central_set_fault (f->server, DAFTAR_DEMO_CENTRAL_FAULT_BAD_RECORDS);
  sync_and_wait (f);
  g_assert_cmpint (daftar_sync_controller_get_state (f->controller), ==, DAFTAR_SYNC_STATE_IDLE);
  daftar_demo_central_set_fault (f->server, DAFTAR_DEMO_CENTRAL_FAULT_UNAUTHORIZED);
  sync_and_wait (f);
  g_assert_cmpint (db_count (f, "SELECT COUNT(*) FROM sync_rejects"), >=, DAFTAR_DEMO_CENTRAL_BAD_RECORDS_PER_PAGE);

  dialog = DAFTAR_SYNC_HISTORY_DIALOG (daftar_sync_indicator_show_history (f->indicator));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == f->window);
  daftar_test_wait_for (history_loaded, dialog);

  g_assert_cmpuint (daftar_sync_history_dialog_get_n_runs (dialog), ==,
                    db_count (f, "SELECT COUNT(*) FROM sync_log"));
  g_assert_cmpuint (daftar_sync_history_dialog_get_n_runs (dialog), ==, 3);
  g_assert_cmpuint (daftar_sync_history_dialog_get_n_rejects (dialog), ==,
                    db_count (f, "SELECT COUNT(*) FROM sync_rejects"));

  /* Runs: a Jalali date and time in Persian digits, and the counts. */
  collect (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, action_rows);
  for (guint i = 0; i < action_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (action_rows, i);
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

      /* An expander row's own header is an action row too. */
      if (gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW) != NULL)
        continue;
      runs++;
      g_assert_true (g_str_has_prefix (title, "۱۴"));
      g_assert_true (daftar_test_has_persian_digit (title));
      g_assert_false (daftar_test_has_latin_digit (title));
      g_assert_true (daftar_test_has_persian_letter (subtitle));
      if (strstr (subtitle, daftar_sync_controller_get_error_message (f->controller)) != NULL)
        auth_shown = TRUE;
    }
  g_assert_cmpuint (runs, ==, 3);
  g_assert_true (auth_shown);

  /* Rejects: each with its stored reason, in the window's Persian. */
  collect (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, expanders);
  g_assert_cmpuint (expanders->len, ==, daftar_sync_history_dialog_get_n_rejects (dialog));
  handle = test_sync_open_readonly (f->path);
  for (guint i = 0; i < expanders->len; i++)
    {
      const char *reason = adw_preferences_row_get_title (g_ptr_array_index (expanders, i));
      sqlite3_stmt *stmt = NULL;
      gboolean stored = FALSE;

      g_assert_nonnull (reason);
      g_assert_true (daftar_test_has_persian_letter (reason));
      g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT reason, reason_code, reason_args FROM sync_rejects",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      while (!stored && sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autofree char *shown = daftar_reject_reason_render ((const char *) sqlite3_column_text (stmt, 1),
                                                                (const char *) sqlite3_column_text (stmt, 2),
                                                                (const char *) sqlite3_column_text (stmt, 0));
          stored = g_strcmp0 (shown, reason) == 0;
        }
      sqlite3_finalize (stmt);
      g_assert_true (stored);
    }
  sqlite3_close (handle);

  adw_expander_row_set_expanded (g_ptr_array_index (expanders, 0), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, 900);
  daftar_test_settle ();
  save_native (GTK_WIDGET (dialog), "sync-ui-history-fa.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_connect_refuses_http (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = daftar_sync_settings_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;
  g_autofree char *saved = NULL;
  DaftarConnectDialog *dialog;
  const char *shown;

  /* The rule, then the dialog. */
  g_assert_false (daftar_connect_check ("http://central.example.ir", "YZ-01", "t0k", NULL, &error));
  g_assert_error (error, DAFTAR_CONNECT_ERROR, DAFTAR_CONNECT_ERROR_SERVER);
  g_clear_error (&error);
  g_assert_false (daftar_connect_check ("http://user:pw@127.0.0.1:8080", "YZ-01", "t0k", NULL, &error));
  g_assert_error (error, DAFTAR_CONNECT_ERROR, DAFTAR_CONNECT_ERROR_SERVER);
  g_clear_error (&error);
  g_assert_false (daftar_connect_check ("ftp://central.example.ir", "YZ-01", "t0k", NULL, &error));
  g_clear_error (&error);
  g_assert_false (daftar_connect_check ("https://central.example.ir", "", "t0k", NULL, &error));
  g_assert_error (error, DAFTAR_CONNECT_ERROR, DAFTAR_CONNECT_ERROR_OFFICE);
  g_clear_error (&error);
  /* The limit in the digits of the preference, not typed into the
   * sentence: Latin ones chosen in the Persian window. */
  {
    DaftarFormatLanguage language;
    DaftarFormatDigits digits;
    DaftarFormatCalendar calendar;

    daftar_format_get_config (&language, &digits, &calendar);
    daftar_format_set_config (language, DAFTAR_FORMAT_DIGITS_LATIN, calendar);
    g_assert_false (daftar_connect_check ("https://central.example.ir", "YZ 01", "t0k", NULL, &error));
    daftar_format_set_config (language, digits, calendar);
    g_assert_error (error, DAFTAR_CONNECT_ERROR, DAFTAR_CONNECT_ERROR_OFFICE);
    g_test_message ("%s", error->message);
    g_assert_true (daftar_test_has_persian_letter (error->message));
    g_assert_nonnull (strstr (error->message, "64"));
    g_assert_false (daftar_test_has_persian_digit (error->message));
    g_clear_error (&error);
  }
  g_assert_false (daftar_connect_check ("https://central.example.ir", "YZ-01", "bad\ntoken", NULL, &error));
  g_assert_error (error, DAFTAR_CONNECT_ERROR, DAFTAR_CONNECT_ERROR_TOKEN);
  g_clear_error (&error);
  g_assert_true (daftar_connect_check ("http://127.0.0.1:8080/", "YZ-01", "t0k", &server, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (server, ==, "http://127.0.0.1:8080");
  g_clear_pointer (&server, g_free);
  g_assert_true (daftar_connect_check ("central.example.ir", "YZ-01", "t0k", &server, NULL));
  g_assert_cmpstr (server, ==, "https://central.example.ir");

  dialog = DAFTAR_CONNECT_DIALOG (daftar_connect_dialog_new (f->controller));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), f->window);
  gtk_window_present (GTK_WINDOW (dialog));
  daftar_connect_dialog_set_fields (dialog, "http://central.example.ir", "YZ-ABK-01", "s3cr3t");
  g_assert_false (daftar_connect_dialog_connect (dialog));
  shown = daftar_connect_dialog_get_error (dialog);
  g_test_message ("refusal: %s", shown);
  g_assert_true (daftar_test_has_persian_letter (shown));
  /* Nothing was saved. */
  g_assert_nonnull (settings);
  saved = g_settings_get_string (settings, "server-url");
  g_assert_cmpstr (saved, ==, "");
  daftar_test_settle ();
  save_native (GTK_WIDGET (dialog), "sync-ui-connect-fa.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Without a server and office, "Sync now" asks for the connect dialog. */
static void
test_needs_setup (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_false (daftar_sync_controller_get_configured (f->controller));
  daftar_sync_controller_sync_now (f->controller);
  g_assert_cmpuint (f->needs_setup, ==, 1);
  g_assert_cmpint (daftar_sync_controller_get_state (f->controller), ==, DAFTAR_SYNC_STATE_IDLE);
  g_assert_true (daftar_test_has_persian_letter (daftar_sync_indicator_get_text (f->indicator)));
  daftar_test_settle ();
  g_assert_cmpint (db_count (f, "SELECT COUNT(*) FROM sync_log"), ==, 0);
}

/* The real configuration path: GSettings and DAFTAR_TOKEN_FILE. */
static void
test_settings_and_token_file (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GSettings) settings = daftar_sync_settings_new ();
  g_autofree char *token_file = g_build_filename (f->dir, "token", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (token_file, TEST_TOKEN "\n", -1, &error));
  g_assert_no_error (error);
  g_setenv (DAFTAR_TOKEN_FILE_ENV, token_file, TRUE);
  g_settings_set_string (settings, "server-url", f->url);
  g_settings_set_string (settings, "office-code", test_sync_office ());
  g_assert_true (daftar_sync_controller_get_configured (f->controller));

  sync_and_wait (f);
  g_assert_cmpint (daftar_sync_controller_get_state (f->controller), ==, DAFTAR_SYNC_STATE_IDLE);
  g_assert_cmpuint (f->synced, ==, 1);
  g_assert_cmpint (db_count (f, "SELECT COUNT(*) FROM offices"), ==, 1);

  g_settings_reset (settings, "server-url");
  g_settings_reset (settings, "office-code");
  g_unsetenv (DAFTAR_TOKEN_FILE_ENV);
  g_assert_false (daftar_sync_controller_get_configured (f->controller));
}

static gboolean
has_last_success (gpointer data)
{
  return daftar_sync_controller_get_last_success (data) != 0;
}

/* A new window reads "as of" from the log. */
static void
test_last_success_from_log (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(DaftarSyncController) fresh = NULL;

  sync_and_wait (f);
  fresh = daftar_sync_controller_new (f->worker);
  daftar_test_wait_for (has_last_success, fresh);
  g_assert_cmpint (daftar_sync_controller_get_last_success (fresh), ==,
                   db_count (f, "SELECT MAX(finished_at) FROM sync_log WHERE result = 'ok'"));
  g_assert_cmpuint (daftar_sync_controller_get_interval (fresh), ==, 15);
}

/* A run that went well but whose end was never written (an import, an
 * older Daftar), then a failure after it. */
#define OK_STARTED G_GINT64_CONSTANT (1745000000)

static gpointer
write_log_job (DaftarDb      *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  if (!daftar_db_exec (db,
                       "INSERT INTO sync_log (started_at, server, result) "
                       "VALUES (1745000000, 'https://x', 'ok'); "
                       "INSERT INTO sync_log (started_at, finished_at, server, result, message) "
                       "VALUES (1745003600, 1745003610, 'https://x', 'network', 'unreachable')",
                       error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

/* The "last successful sync" the Overview's stale-sync alert names, two
 * days on. */
static gpointer
alert_time_job (DaftarDb      *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  gint64 now = OK_STARTED + 2 * 86400;
  g_autoptr(GPtrArray) alerts = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_time_t (&day, (time_t) now);
  alerts = daftar_query_alerts (db, NULL, &day, &day, now, error);
  if (alerts == NULL)
    return NULL;
  for (guint i = 0; i < alerts->len; i++)
    {
      const DaftarAlert *alert = g_ptr_array_index (alerts, i);

      if (alert->kind == DAFTAR_ALERT_SYNC_STALE)
        return g_memdup2 (&alert->time, sizeof alert->time);
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no stale-sync alert");
  return NULL;
}

static gpointer
nothing_job (DaftarDb      *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return GINT_TO_POINTER (TRUE);
}

static void
nothing_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_assert_nonnull (daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, NULL));
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* The header's "as of" and the Overview's alert read the same last
 * successful sync from the log. */
static void
test_last_success_agrees_with_alert (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(DaftarSyncController) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *alert_time = NULL;
  gboolean done = FALSE;

  g_assert_nonnull (daftar_db_worker_run_sync (f->worker, write_log_job, NULL, NULL, &error));
  g_assert_no_error (error);
  alert_time = daftar_db_worker_run_sync (f->worker, alert_time_job, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (*alert_time, ==, OK_STARTED);

  fresh = daftar_sync_controller_new (f->worker);
  /* The worker runs jobs in order: once this one is back, so is the
   * controller's read of the log. */
  daftar_db_worker_run_async (f->worker, nothing_job, NULL, NULL, NULL, NULL, nothing_done, &done);
  daftar_test_wait_for (is_true, &done);
  daftar_test_settle ();
  g_assert_cmpint (daftar_sync_controller_get_last_success (fresh), ==, *alert_time);
}

static gboolean
synced_once (gpointer data)
{
  return ((Fixture *) data)->synced > 0;
}

/* Turned on with no sync yet, automatic sync runs at once — if the
 * network is up; without it nothing starts. */
static void
test_automatic (Fixture       *f,
                gconstpointer  data)
{
  gboolean online = g_network_monitor_get_network_available (g_network_monitor_get_default ());

  g_test_message ("network available: %d", online);
  daftar_sync_controller_set_automatic (f->controller, TRUE);
  if (online)
    {
      daftar_test_wait_for (synced_once, f);
      g_assert_cmpint (db_count (f, "SELECT COUNT(*) FROM sync_log WHERE result = 'ok'"), ==, 1);
    }
  else
    {
      daftar_test_settle ();
      g_assert_cmpint (daftar_sync_controller_get_state (f->controller), ==, DAFTAR_SYNC_STATE_IDLE);
      g_assert_cmpint (db_count (f, "SELECT COUNT(*) FROM sync_log"), ==, 0);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  daftar_i18n_force ("fa");
  daftar_i18n_init ();
  adw_init ();
  daftar_style_init ();

  g_test_add ("/sync-ui/as-of", Fixture, NULL, fixture_setup, test_as_of, fixture_teardown);
  g_test_add ("/sync-ui/unauthorized", Fixture, NULL, fixture_setup, test_unauthorized, fixture_teardown);
  g_test_add ("/sync-ui/history", Fixture, NULL, fixture_setup, test_history, fixture_teardown);
  g_test_add ("/sync-ui/connect-refuses-http", Fixture, NULL, fixture_setup, test_connect_refuses_http, fixture_teardown);
  g_test_add ("/sync-ui/needs-setup", Fixture, "unconfigured", fixture_setup, test_needs_setup, fixture_teardown);
  g_test_add ("/sync-ui/settings-and-token-file", Fixture, "unconfigured", fixture_setup,
              test_settings_and_token_file, fixture_teardown);
  g_test_add ("/sync-ui/last-success-from-log", Fixture, NULL, fixture_setup, test_last_success_from_log, fixture_teardown);
  g_test_add ("/sync-ui/last-success-agrees-with-alert", Fixture, NULL, fixture_setup,
              test_last_success_agrees_with_alert, fixture_teardown);
  g_test_add ("/sync-ui/automatic", Fixture, NULL, fixture_setup, test_automatic, fixture_teardown);
  return g_test_run ();
}
