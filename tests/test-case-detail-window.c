/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-case-detail-window.c: a case opened whole from the case list, from a follow-up notice and from the notices beside the list, in the real window in Persian; Escape closes it. */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "daftar-case-detail-window.h"
#include "daftar-case-list.h"
#include "daftar-cases-page.h"
#include "daftar-db-worker.h"
#include "daftar-demo-setup.h"
#include "daftar-i18n.h"
#include "daftar-notices-page-private.h"
#include "daftar-screenshot.h"
#include "daftar-style.h"
#include "daftar-test-util.h"
#include "daftar-text.h"
#include "daftar-time.h"
#include "daftar-window.h"

static char *dir;
static DaftarDb *db;              /* the same file, read by the tests' naive queries */
static DaftarDbWorker *worker;
static DaftarWindow *window;

static gpointer
fill_job (DaftarDb      *d,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  GDate today;

  daftar_time_local_date (g_get_real_time () / G_USEC_PER_SEC, &today);
  if (!daftar_demo_setup_database (d, 1, 60, &today, cancellable, error))
    return NULL;
  return GINT_TO_POINTER (1);
}

/* Runs the main loop until @done says so; fails after a minute. */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  for (int i = 0; i < 10; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

static gboolean
page_current (gpointer name)
{
  return daftar_window_page_is_current (window, name);
}

static GtkWidget *
show_page (const char *name)
{
  daftar_window_show_page (window, name, NULL, NULL);
  wait_until (page_current, (gpointer) name);
  return daftar_window_get_page (window, name);
}

static gboolean
list_loaded (gpointer list)
{
  return !daftar_case_list_get_loading (list) && g_list_model_get_n_items (list) > 0;
}

/* The case detail windows open now. */
static GPtrArray *
detail_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (DAFTAR_IS_CASE_DETAIL_WINDOW (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        g_ptr_array_add (found, w);
    }
  return found;
}

static gboolean
detail_loaded (gpointer data)
{
  g_autoptr(GPtrArray) found = detail_windows ();

  return found->len == 1 && daftar_case_detail_window_is_loaded (g_ptr_array_index (found, 0));
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;
  return FALSE;
}

/* The column view that shows @item_type's rows inside @page. */
static GtkColumnView *
find_view (GtkWidget *page,
           GType      item_type)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  collect (page, GTK_TYPE_COLUMN_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    {
      GtkSelectionModel *selection = gtk_column_view_get_model (g_ptr_array_index (views, i));
      GListModel *model = GTK_IS_SINGLE_SELECTION (selection) ? gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection))
                        : GTK_IS_NO_SELECTION (selection) ? gtk_no_selection_get_model (GTK_NO_SELECTION (selection))
                        : NULL;

      /* GTK 4.8's selections call every item an object: ask what they wrap. */
      if (model != NULL && g_list_model_get_item_type (model) == item_type)
        return g_ptr_array_index (views, i);
    }
  return NULL;
}

/* Presses Escape as the window's own key binding has it: the shortcut
 * whose trigger is Escape, activated on @widget. */
static void
press_escape (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean pressed = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !pressed; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !pressed; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, "Escape"))
            pressed = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                    gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_assert_true (pressed);
}

static gboolean
no_detail (gpointer data)
{
  g_autoptr(GPtrArray) found = detail_windows ();

  return found->len == 0;
}

/* The one detail window open: for @case_id, over the main window, showing
 * the case's tracking code and a row per notice. */
static DaftarCaseDetailWindow *
check_detail (const char *case_id)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *code_sql = g_strdup_printf ("SELECT tracking_code FROM cases WHERE id = '%s'", case_id);
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM notices WHERE case_id = '%s'", case_id);
  g_autofree char *code = NULL;
  DaftarCaseDetailWindow *detail;
  sqlite3_stmt *stmt = NULL;
  guint notice_rows = 0;

  wait_until (detail_loaded, NULL);
  found = detail_windows ();
  detail = g_ptr_array_index (found, 0);
  g_assert_cmpstr (daftar_case_detail_window_get_case_id (detail), ==, case_id);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (detail)) == GTK_WINDOW (window));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (detail)), ==, GTK_TEXT_DIR_RTL);

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), code_sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  code = daftar_text_isolate ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_true (shows_label (GTK_WIDGET (detail), code));
  g_assert_true (shows_label (GTK_WIDGET (detail), "کد رهگیری"));

  /* A row per notice, named by its channel. */
  collect (GTK_WIDGET (detail), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *title = adw_preferences_row_get_title (g_ptr_array_index (rows, i));
      notice_rows += g_str_equal (title, "ابلاغ الکترونیک") || g_str_equal (title, "ابلاغ کاغذی");
    }
  g_assert_cmpint (notice_rows, ==, daftar_test_count (db, count_sql));
  return detail;
}

static char *
screenshot_path (const char *name)
{
  return g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".", name, NULL);
}

/* Double-click or Enter on a row of the case list opens that case; Escape
 * closes it. */
static void
test_from_list (void)
{
  GtkWidget *page = show_page ("cases");
  GListModel *list = daftar_cases_page_get_case_list (DAFTAR_CASES_PAGE (page));
  GtkColumnView *view;
  g_autoptr(DaftarCaseItem) item = NULL;
  g_autofree char *png = screenshot_path ("case-detail-fa.png");
  g_autoptr(GError) error = NULL;
  DaftarCaseDetailWindow *detail;

  daftar_cases_page_show_list (DAFTAR_CASES_PAGE (page));
  wait_until (list_loaded, list);
  view = find_view (page, DAFTAR_TYPE_CASE_ITEM);
  g_assert_nonnull (view);
  item = g_list_model_get_item (list, 2);
  g_assert_false (daftar_case_item_is_placeholder (item));

  g_signal_emit_by_name (view, "activate", 2);
  detail = check_detail (daftar_case_item_get_id (item));
  g_assert_true (daftar_screenshot_save (GTK_WINDOW (detail), png, &error));
  g_assert_no_error (error);

  press_escape (GTK_WIDGET (detail));
  wait_until (no_detail, NULL);
}

/* A follow-up notice on the Notices page opens its case. */
static void
test_from_unviewed_notice (void)
{
  GtkWidget *page = show_page ("notices");
  GtkColumnView *view = find_view (page, DAFTAR_TYPE_UNVIEWED_ITEM);
  GListModel *model;
  g_autoptr(DaftarUnviewedItem) item = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  DaftarCaseDetailWindow *detail;
  gboolean waiting = FALSE;

  g_assert_nonnull (view);
  model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  item = g_list_model_get_item (model, 0);
  g_assert_nonnull (item->notice->case_id);

  g_signal_emit_by_name (view, "activate", 0);
  detail = check_detail (item->notice->case_id);
  /* It has waited, and the detail says for how long. */
  collect (GTK_WIDGET (detail), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    waiting |= strstr (gtk_label_get_label (g_ptr_array_index (labels, i)), "روز در انتظار رؤیت") != NULL;
  g_assert_true (waiting);
  gtk_window_close (GTK_WINDOW (detail));
  wait_until (no_detail, NULL);
}

typedef struct
{
  GtkWidget *page;
  guint      n;
} RowsWait;

static gboolean
notice_rows_shown (gpointer data)
{
  RowsWait *w = data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (w->page, GTK_TYPE_LIST_BOX_ROW, rows);
  return rows->len >= w->n;
}

typedef struct
{
  GListModel *list;
  const char *code;
} FoundWait;

/* The search has run: the list holds the one case of @code. Waiting for
 * a list that is merely loaded could return on the list from before the
 * search, which the search then empties. */
static gboolean
list_found (gpointer data)
{
  FoundWait *w = data;
  g_autoptr(DaftarCaseItem) item = NULL;

  if (daftar_case_list_get_loading (DAFTAR_CASE_LIST (w->list)) || g_list_model_get_n_items (w->list) != 1)
    return FALSE;
  item = g_list_model_get_item (w->list, 0);
  return g_strcmp0 (daftar_case_item_get_tracking_code (item), w->code) == 0;
}

/* A notice beside the list opens the case it is on. */
static void
test_from_notices_pane (void)
{
  GtkWidget *page = show_page ("cases");
  GListModel *list = daftar_cases_page_get_case_list (DAFTAR_CASES_PAGE (page));
  GtkColumnView *view;
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(DaftarCaseItem) item = NULL;
  GtkListBox *notices = NULL;
  RowsWait w = { page, 1 };

  g_autofree char *sql = g_strdup_printf (
    "SELECT c.tracking_code FROM cases c JOIN notices n ON n.case_id = c.id WHERE c.filed_at >= %" G_GINT64_FORMAT
    " ORDER BY c.filed_at DESC LIMIT 1", g_get_real_time () / G_USEC_PER_SEC - 20 * 86400);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *code = NULL;

  /* A case of the period with notices, found by its tracking code. */
  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  daftar_cases_page_focus_search (DAFTAR_CASES_PAGE (page));
  gtk_editable_set_text (GTK_EDITABLE (daftar_cases_page_get_search_entry (DAFTAR_CASES_PAGE (page))), code);
  {
    FoundWait found = { list, code };

    wait_until (list_found, &found);
  }
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  item = g_list_model_get_item (list, 0);
  g_assert_cmpstr (daftar_case_item_get_tracking_code (item), ==, code);
  view = find_view (page, DAFTAR_TYPE_CASE_ITEM);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)), 0);
  wait_until (notice_rows_shown, &w);

  collect (page, GTK_TYPE_LIST_BOX, boxes);
  for (guint i = 0; i < boxes->len && notices == NULL; i++)
    if (gtk_list_box_get_row_at_index (g_ptr_array_index (boxes, i), 0) != NULL)
      notices = g_ptr_array_index (boxes, i);
  g_assert_nonnull (notices);
  g_assert_true (gtk_list_box_row_get_activatable (gtk_list_box_get_row_at_index (notices, 0)));
  g_signal_emit_by_name (notices, "row-activated", gtk_list_box_get_row_at_index (notices, 0));
  press_escape (GTK_WIDGET (check_detail (daftar_case_item_get_id (item))));
  wait_until (no_detail, NULL);
  gtk_editable_set_text (GTK_EDITABLE (daftar_cases_page_get_search_entry (DAFTAR_CASES_PAGE (page))), "");
}

/* Ctrl+F, a tracking code and Enter open the case, even when Enter comes
 * before the search has run. */
static void
test_from_search_enter (void)
{
  GtkWidget *page = show_page ("cases");
  GtkWidget *entry = GTK_WIDGET (daftar_cases_page_get_search_entry (DAFTAR_CASES_PAGE (page)));
  g_autofree char *sql = g_strdup_printf ("SELECT id, tracking_code FROM cases WHERE filed_at >= %" G_GINT64_FORMAT
                                          " ORDER BY filed_at LIMIT 1 OFFSET 5",
                                          g_get_real_time () / G_USEC_PER_SEC - 20 * 86400);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *id = NULL;
  g_autofree char *code = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);

  daftar_cases_page_focus_search (DAFTAR_CASES_PAGE (page));
  g_assert_true (gtk_widget_is_focus (entry) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), code);
  g_signal_emit_by_name (entry, "activate");
  press_escape (GTK_WIDGET (check_detail (id)));
  wait_until (no_detail, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* A case that is not in the records says so. */
static void
test_not_found (void)
{
  g_autoptr(GPtrArray) found = NULL;
  DaftarCaseDetailWindow *detail;

  daftar_window_show_case (window, "no-such-case");
  wait_until (detail_loaded, NULL);
  found = detail_windows ();
  detail = g_ptr_array_index (found, 0);
  g_assert_true (shows_label (GTK_WIDGET (detail), "پرونده پیدا نشد"));
  press_escape (GTK_WIDGET (detail));
  wait_until (no_detail, NULL);
}

static gboolean
window_ready (gpointer data)
{
  return daftar_window_is_ready (window);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int rc;

  g_test_init (&argc, &argv, NULL);
  daftar_i18n_force ("fa");
  daftar_i18n_init ();
  adw_init ();
  daftar_style_init ();

  dir = daftar_test_tmpdir_new ();
  path = g_build_filename (dir, "demo.db", NULL);
  worker = daftar_db_worker_new (path);
  g_assert_nonnull (daftar_db_worker_run_sync (worker, fill_job, NULL, NULL, &error));
  g_assert_no_error (error);
  db = daftar_db_open (path, &error);
  g_assert_no_error (error);

  window = daftar_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  daftar_window_set_worker (window, worker);
  wait_until (window_ready, NULL);

  g_test_add_func ("/case-detail-window/from-list", test_from_list);
  g_test_add_func ("/case-detail-window/from-unviewed-notice", test_from_unviewed_notice);
  g_test_add_func ("/case-detail-window/from-notices-pane", test_from_notices_pane);
  g_test_add_func ("/case-detail-window/from-search-enter", test_from_search_enter);
  g_test_add_func ("/case-detail-window/not-found", test_not_found);
  rc = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&worker);
  daftar_db_close (db);
  daftar_test_tmpdir_free (dir);
  return rc;
}
