/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cases-page.c: the Cases page in a real window under Persian — right to left, Persian digits, rows, live search. */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "daftar-case-list.h"
#include "daftar-cases-page.h"
#include "daftar-cases-page-pane.h"
#include "daftar-db-worker.h"
#include "daftar-demo.h"
#include "daftar-i18n.h"
#include "daftar-page.h"
#include "daftar-screenshot.h"
#include "daftar-style.h"
#include "daftar-test-util.h"
#include "daftar-text.h"
#include "daftar-time.h"

static gboolean
tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @done says so; fails after a generous number of
 * rounds rather than hanging. */
static void
wait_until (gboolean (*done) (gpointer), gpointer data)
{
  guint source = g_timeout_add (20, tick, NULL);

  for (guint i = 0; !done (data); i++)
    {
      g_assert_cmpuint (i, <, 3000);
      g_main_context_iteration (NULL, TRUE);
    }
  /* A few more frames so what changed is laid out and drawn. */
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (source);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (out, (gpointer) gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

/* The mapped label inside @widget that reads exactly @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);
      if (found)
        return found;
    }
  return NULL;
}

/* The column view whose selection wraps @model (chart frames hold column
 * views of their own, for "show as table"). */
static GtkWidget *
find_case_view (GtkWidget  *widget,
                GListModel *model)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    {
      GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (widget));

      if (GTK_IS_SINGLE_SELECTION (selection) &&
          gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)) == model)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_case_view (child, model);
      if (found)
        return found;
    }
  return NULL;
}

/* Whether a mapped label inside @root reads exactly @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (root, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (g_ptr_array_index (labels, i), text) == 0)
      return TRUE;
  return FALSE;
}

static gboolean loaded;

static void
on_loaded (DaftarPage *page)
{
  loaded = TRUE;
}

static gboolean
is_loaded (gpointer data)
{
  return loaded && !daftar_case_list_get_loading (DAFTAR_CASE_LIST (data));
}

typedef struct
{
  DaftarCaseList *list;
  const char     *search;
} SearchWait;

static gboolean
search_done (gpointer data)
{
  SearchWait *w = data;

  return g_strcmp0 (daftar_case_list_get_search (w->list), w->search) == 0 &&
         !daftar_case_list_get_loading (w->list);
}

typedef struct
{
  GtkWidget  *view;
  const char *text;
} ShowWait;

static gboolean
row_shown (gpointer data)
{
  ShowWait *w = data;

  return shows_text (w->view, w->text);
}

static char *dir;
static DaftarDb *db;
static DaftarDbWorker *worker;
static char *office;
static GDate from, last_day;   /* the pages' period: 1403-12-20 to 1404-02-10, across Nowruz */

static void
test_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *count_sql = NULL;
  g_autofree char *search_sql = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *window, *page, *view;
  DaftarCaseList *list;
  g_autoptr(DaftarPageContext) context = NULL;
  DaftarPeriod period;
  guint n_all, n_found, persian_labels = 0;
  gint64 naive;

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 1600);
  page = g_object_new (DAFTAR_TYPE_CASES_PAGE, NULL);
  gtk_window_set_child (GTK_WINDOW (window), page);
  g_signal_connect (page, "loaded", G_CALLBACK (on_loaded), NULL);
  gtk_window_present (GTK_WINDOW (window));

  /* Across Nowruz, binned by week. */
  daftar_period_custom (&from, &last_day, &period);
  context = daftar_page_context_new (office, &period, &last_day);
  daftar_page_load (DAFTAR_PAGE (page), worker, context);
  count_sql = g_strdup_printf ("SELECT count(*) FROM cases WHERE filed_at >= %" G_GINT64_FORMAT,
                               daftar_time_day_start (&from));
  search_sql = g_strdup_printf ("%s AND subject LIKE '%%ثنا%%'", count_sql);

  list = DAFTAR_CASE_LIST (daftar_cases_page_get_case_list (DAFTAR_CASES_PAGE (page)));
  g_assert_nonnull (list);
  wait_until (is_loaded, list);
  daftar_cases_page_show_list (DAFTAR_CASES_PAGE (page));

  /* Right to left, and numbers in Persian digits. */
  g_assert_cmpint (gtk_widget_get_direction (page), ==, GTK_TEXT_DIR_RTL);
  collect_labels (page, labels);
  for (guint i = 0; i < labels->len; i++)
    persian_labels += daftar_test_has_persian_digit (g_ptr_array_index (labels, i));
  g_assert_cmpuint (persian_labels, >=, 3);

  /* The column view shows the newest case. */
  n_all = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpint (n_all, ==, daftar_test_count (db, count_sql));
  view = find_case_view (page, G_LIST_MODEL (list));
  g_assert_nonnull (view);
  {
    g_autoptr(DaftarCaseItem) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    ShowWait w = { view, daftar_case_item_get_client_name (first) };

    g_autofree char *code = daftar_text_isolate (daftar_case_item_get_tracking_code (first));
    GtkWidget *code_label;

    g_assert_false (daftar_case_item_is_placeholder (first));
    wait_until (row_shown, &w);
    /* The Latin tracking code is isolated in a row that stays right to
     * left, so it sits at the start of its cell like the other columns
     * (and like the notices list's codes) rather than at the far end. */
    code_label = find_label (view, code);
    g_assert_nonnull (code_label);
    g_assert_cmpint (gtk_widget_get_direction (code_label), ==, GTK_TEXT_DIR_RTL);
  }

  shot = g_build_filename (g_test_get_dir (G_TEST_BUILT), "cases-page-fa.png", NULL);
  g_assert_true (daftar_screenshot_save (GTK_WINDOW (window), shot, &error));
  g_assert_no_error (error);

  /* Typing in the search entry narrows the list and the rows on screen. */
  daftar_cases_page_focus_search (DAFTAR_CASES_PAGE (page));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    GtkWidget *entry = GTK_WIDGET (daftar_cases_page_get_search_entry (DAFTAR_CASES_PAGE (page)));

    g_assert_nonnull (focus);
    g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  }
  gtk_editable_set_text (GTK_EDITABLE (daftar_cases_page_get_search_entry (DAFTAR_CASES_PAGE (page))), "ثنا");
  {
    SearchWait w = { list, "ثنا" };
    wait_until (search_done, &w);
  }
  n_found = g_list_model_get_n_items (G_LIST_MODEL (list));
  naive = daftar_test_count (db, search_sql);
  g_assert_cmpint (n_found, ==, naive);
  g_assert_cmpuint (n_found, >, 0);
  g_assert_cmpuint (n_found, <, n_all);
  {
    g_autoptr(DaftarCaseItem) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    ShowWait w = { view, daftar_case_item_get_subject (first) };

    g_assert_nonnull (strstr (daftar_case_item_get_subject (first), "ثنا"));
    wait_until (row_shown, &w);
  }
  g_free (shot);
  shot = g_build_filename (g_test_get_dir (G_TEST_BUILT), "cases-page-fa-search.png", NULL);
  g_assert_true (daftar_screenshot_save (GTK_WINDOW (window), shot, &error));
  g_assert_no_error (error);

  /* Back to every case; the "Filed" header turns the order in SQL: oldest first. */
  gtk_editable_set_text (GTK_EDITABLE (daftar_cases_page_get_search_entry (DAFTAR_CASES_PAGE (page))), "");
  {
    SearchWait sw = { list, "" };
    wait_until (search_done, &sw);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_all);
  {
    GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));
    g_autoptr(GtkColumnViewColumn) filed = g_list_model_get_item (columns, 0);
    g_autoptr(DaftarCaseItem) first = NULL;
    g_autofree char *min_sql = g_strdup_printf ("SELECT min(filed_at) FROM cases WHERE filed_at >= %" G_GINT64_FORMAT,
                                                daftar_time_day_start (&from));

    g_assert_true (daftar_case_list_get_descending (list));
    gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), filed, GTK_SORT_ASCENDING);
    g_assert_false (daftar_case_list_get_descending (list));
    wait_until (is_loaded, list);
    first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpint (daftar_case_item_get_filed_at (first), ==, daftar_test_count (db, min_sql));
  }

  /* Selecting a case with notices shows them beside the list. */
  {
    GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));
    guint chosen = G_MAXUINT;
    ShowWait w = { page, "ابلاغ الکترونیک" };

    for (guint i = 0; i < 100 && chosen == G_MAXUINT; i++)
      {
        g_autoptr(DaftarCaseItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
        g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM notices WHERE channel = 'electronic' AND case_id = '%s'",
                                                daftar_case_item_get_id (item));
        if (daftar_test_count (db, sql) > 0)
          chosen = i;
      }
    g_assert_cmpuint (chosen, !=, G_MAXUINT);
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), chosen);
    wait_until (row_shown, &w);
    g_free (shot);
    shot = g_build_filename (g_test_get_dir (G_TEST_BUILT), "cases-page-fa-notices.png", NULL);
    g_assert_true (daftar_screenshot_save (GTK_WINDOW (window), shot, &error));
    g_assert_no_error (error);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A window of @width × @height holding the page for the period, its list
 * shown and its first rows on screen. */
static GtkWidget *
open_page (int                 width,
           int                 height,
           DaftarPageContext **out_context,
           GtkWidget         **out_window)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = g_object_new (DAFTAR_TYPE_CASES_PAGE, NULL);
  DaftarPeriod period;
  DaftarCaseList *list;
  g_autoptr(DaftarCaseItem) first = NULL;
  ShowWait w;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  /* The tests' display may be smaller than the window: GTK would shrink a
   * default size to it, but not what the page asks for. */
  gtk_widget_set_size_request (page, width, height);
  gtk_window_set_child (GTK_WINDOW (window), page);
  loaded = FALSE;
  g_signal_connect (page, "loaded", G_CALLBACK (on_loaded), NULL);
  gtk_window_present (GTK_WINDOW (window));
  daftar_period_custom (&from, &last_day, &period);
  *out_context = daftar_page_context_new (office, &period, &last_day);
  daftar_page_load (DAFTAR_PAGE (page), worker, *out_context);
  list = DAFTAR_CASE_LIST (daftar_cases_page_get_case_list (DAFTAR_CASES_PAGE (page)));
  wait_until (is_loaded, list);
  daftar_cases_page_show_list (DAFTAR_CASES_PAGE (page));
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  w.view = page;
  w.text = daftar_case_item_get_client_name (first);
  wait_until (row_shown, &w);
  *out_window = window;
  return page;
}

static void
collect_type (GtkWidget *widget,
              GType      type,
              GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_type (child, type, out);
}

static guint
n_scrolling_ancestors (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    n += GTK_IS_SCROLLED_WINDOW (w);
  return n;
}

/* The widths of the column view's header titles, in column order. */
static GArray *
title_widths (GtkWidget *view)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  GArray *widths = g_array_new (FALSE, FALSE, sizeof (int));
  GType title_type = g_type_from_name ("GtkColumnViewTitle");

  g_assert_true (title_type != G_TYPE_INVALID);
  collect_type (view, title_type, titles);
  for (guint i = 0; i < titles->len; i++)
    {
      int width = gtk_widget_get_width (g_ptr_array_index (titles, i));
      g_array_append_val (widths, width);
    }
  return widths;
}

/* The Cases page fits the window at 900 × 700 and at 1920 × 1080: no
 * tracking code is cut, the notices go below the list when narrow and
 * beside it when wide, the search is at the top of the page and the list
 * scrolls in its own pane, and with nothing found the columns stand where
 * they stood. */
static void
test_fits (gconstpointer data)
{
  int width = GPOINTER_TO_INT (data), height = width > 1000 ? 1080 : 700;
  g_autoptr(DaftarPageContext) context = NULL;
  GtkWidget *window = NULL;
  GtkWidget *page = open_page (width, height, &context, &window);
  DaftarCaseList *list = DAFTAR_CASE_LIST (daftar_cases_page_get_case_list (DAFTAR_CASES_PAGE (page)));
  GtkWidget *view = find_case_view (page, G_LIST_MODEL (list));
  GtkWidget *entry = GTK_WIDGET (daftar_cases_page_get_search_entry (DAFTAR_CASES_PAGE (page)));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) panes = g_ptr_array_new ();
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autofree char *shot = g_strdup_printf ("%s/cases-list-fa-%dx%d.png", g_test_get_dir (G_TEST_BUILT), width, height);
  g_autoptr(GError) error = NULL;
  graphene_rect_t list_box, side_box;
  GtkWidget *list_child, *side_child;
  guint codes = 0;
  gboolean wide;

  g_assert_cmpint (gtk_widget_get_width (page), ==, width);

  /* Every tracking code on screen whole. */
  collect_labels (view, labels);
  g_ptr_array_set_size (labels, 0);
  collect_type (view, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (!gtk_widget_has_css_class (GTK_WIDGET (label), "tracking-code") || *gtk_label_get_label (label) == '\0')
        continue;
      codes++;
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
    }
  g_test_message ("%u tracking codes on screen at %d px", codes, width);
  g_assert_cmpuint (codes, >=, 5);

  /* The notices below the list when narrow, beside it (at its left, right
   * to left) when wide. */
  collect_type (page, DAFTAR_TYPE_CASES_PANE, panes);
  g_assert_cmpuint (panes->len, ==, 1);
  wide = daftar_cases_pane_get_wide (g_ptr_array_index (panes, 0));
  g_assert_cmpint (wide, ==, width >= 1280);
  list_child = gtk_widget_get_first_child (g_ptr_array_index (panes, 0));
  side_child = gtk_widget_get_next_sibling (list_child);
  g_assert_true (gtk_widget_compute_bounds (list_child, g_ptr_array_index (panes, 0), &list_box));
  g_assert_true (gtk_widget_compute_bounds (side_child, g_ptr_array_index (panes, 0), &side_box));
  if (wide)
    {
      g_assert_cmpfloat (side_box.origin.y, ==, list_box.origin.y);
      g_assert_cmpfloat (side_box.origin.x + side_box.size.width, <=, list_box.origin.x);
    }
  else
    g_assert_cmpfloat (side_box.origin.y, >=, list_box.origin.y + list_box.size.height);

  /* The search sits at the top, in no scrolling page; the list scrolls by
   * itself, in nothing else that scrolls. */
  g_assert_cmpuint (n_scrolling_ancestors (entry), ==, 0);
  g_assert_true (gtk_widget_get_mapped (entry));
  g_assert_cmpuint (n_scrolling_ancestors (view), ==, 1);

  g_assert_true (daftar_screenshot_save (GTK_WINDOW (window), shot, &error));
  g_assert_no_error (error);

  /* Nothing found: the columns keep their places (the free text columns
   * share what is left, with rows or without). */
  before = title_widths (view);
  g_assert_cmpuint (before->len, ==, 7);
  gtk_editable_set_text (GTK_EDITABLE (entry), "قضایی‌نامعلوم");
  {
    SearchWait sw = { list, "قضایی‌نامعلوم" };
    wait_until (search_done, &sw);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  after = title_widths (view);
  g_assert_cmpuint (after->len, ==, 7);
  for (guint c = 0; c < 7; c++)
    if (c != 3 && c != 4 && c != 5)
      g_assert_cmpint (g_array_index (after, int, c), ==, g_array_index (before, int, c));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_type (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

/* A case filed before the period: not found in it, said so with the
 * count on other dates; "Search All Dates" finds it and says the list
 * covers every date; "Only This Period" goes back. A reload of the same
 * period keeps every date; another period ends it. */
static void
test_all_dates (void)
{
  g_autoptr(DaftarPageContext) context = NULL;
  g_autoptr(DaftarPageContext) other = NULL;
  GtkWidget *window = NULL;
  GtkWidget *page = open_page (1280, 800, &context, &window);
  DaftarCaseList *list = DAFTAR_CASE_LIST (daftar_cases_page_get_case_list (DAFTAR_CASES_PAGE (page)));
  GtkWidget *entry = GTK_WIDGET (daftar_cases_page_get_search_entry (DAFTAR_CASES_PAGE (page)));
  GtkStack *views = GTK_STACK (gtk_widget_get_template_child (page, DAFTAR_TYPE_CASES_PAGE, "view_stack"));
  g_autofree char *sql = g_strdup_printf ("SELECT tracking_code FROM cases WHERE office_code = '%s' AND filed_at < %"
                                          G_GINT64_FORMAT " ORDER BY filed_at DESC LIMIT 1",
                                          office, daftar_time_day_start (&from));
  g_autofree char *shot = g_build_filename (g_test_get_dir (G_TEST_BUILT), "cases-page-fa-elsewhere.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarCaseItem) found = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *code = NULL;
  GtkWidget *button;
  DaftarPeriod period;
  GDate earlier;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  /* Typing looks for a case: from the charts, the list comes up. */
  gtk_stack_set_visible_child_name (views, "charts");
  daftar_cases_page_focus_search (DAFTAR_CASES_PAGE (page));
  gtk_editable_set_text (GTK_EDITABLE (entry), code);
  {
    SearchWait sw = { list, code };
    wait_until (search_done, &sw);
  }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (views), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpint (daftar_case_list_get_n_elsewhere (list, NULL), ==, 1);
  g_assert_nonnull (find_label (page, "در این بازه پیدا نشد؛ ۱ مورد در تاریخ‌های دیگر"));
  button = find_button (page, "جست‌وجو در همهٔ تاریخ‌ها");
  g_assert_nonnull (button);
  g_assert_true (daftar_screenshot_save (GTK_WINDOW (window), shot, &error));
  g_assert_no_error (error);

  g_signal_emit_by_name (button, "clicked");
  g_assert_true (daftar_cases_page_get_all_dates (DAFTAR_CASES_PAGE (page)));
  wait_until (is_loaded, list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  found = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (daftar_case_item_get_tracking_code (found), ==, code);
  {
    ShowWait w = { page, "در همهٔ تاریخ‌ها: ۱ پرونده" };
    wait_until (row_shown, &w);
  }
  g_assert_null (find_button (page, "جست‌وجو در همهٔ تاریخ‌ها"));

  /* Back to the period. */
  button = find_button (page, "فقط همین بازه");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (daftar_cases_page_get_all_dates (DAFTAR_CASES_PAGE (page)));
  wait_until (is_loaded, list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* Every date again; a reload of the period keeps it, another ends it. */
  g_signal_emit_by_name (find_button (page, "جست‌وجو در همهٔ تاریخ‌ها"), "clicked");
  wait_until (is_loaded, list);
  daftar_page_load (DAFTAR_PAGE (page), worker, context);
  wait_until (is_loaded, list);
  g_assert_true (daftar_cases_page_get_all_dates (DAFTAR_CASES_PAGE (page)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  earlier = from;
  g_date_subtract_days (&earlier, 20);
  daftar_period_custom (&earlier, &last_day, &period);
  other = daftar_page_context_new (office, &period, &last_day);
  daftar_page_load (DAFTAR_PAGE (page), worker, other);
  wait_until (is_loaded, list);
  g_assert_false (daftar_cases_page_get_all_dates (DAFTAR_CASES_PAGE (page)));
  /* The longer period holds the case itself. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autoptr(DaftarDemo) demo = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  daftar_i18n_force ("fa");
  daftar_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  adw_init ();
  daftar_style_init ();

  g_date_clear (&last_day, 1);
  g_date_set_dmy (&last_day, 30, G_DATE_APRIL, 2025);
  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 10, G_DATE_MARCH, 2025);
  demo = daftar_demo_new (5, 1, 60, &last_day);
  db = daftar_test_db_new (&dir);
  g_assert_true (daftar_demo_fill_database (demo, db, 2000, NULL, &error));
  g_assert_no_error (error);
  office = g_strdup (daftar_demo_get_office_code (demo, 0));
  worker = daftar_db_worker_new (daftar_db_get_path (db));

  g_test_add_func ("/cases-page/persian", test_page);
  g_test_add_data_func ("/cases-page/fits/900x700", GINT_TO_POINTER (900), test_fits);
  g_test_add_data_func ("/cases-page/fits/1920x1080", GINT_TO_POINTER (1920), test_fits);
  g_test_add_func ("/cases-page/search-all-dates", test_all_dates);
  rc = g_test_run ();

  g_clear_object (&worker);
  daftar_db_close (db);
  daftar_test_tmpdir_free (dir);
  g_free (office);
  return rc;
}
