/* test-cases-page.c: the Cases page in a real window under Persian — right to left, Persian digits, rows, live search. */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "daftar-case-list.h"
#include "daftar-cases-page.h"
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

static void
test_page (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarDemo) demo = NULL;
  g_autoptr(DaftarDbWorker) worker = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *count_sql = NULL;
  g_autofree char *search_sql = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  DaftarDb *db;
  GtkWidget *window, *page, *view;
  DaftarCaseList *list;
  g_autoptr(DaftarPageContext) context = NULL;
  DaftarPeriod period;
  GDate last_day, from;
  guint n_all, n_found, persian_labels = 0;
  gint64 naive;

  g_date_clear (&last_day, 1);
  g_date_set_dmy (&last_day, 30, G_DATE_APRIL, 2025);
  demo = daftar_demo_new (5, 1, 60, &last_day);
  db = daftar_test_db_new (&dir);
  g_assert_true (daftar_demo_fill_database (demo, db, 2000, NULL, &error));
  g_assert_no_error (error);
  worker = daftar_db_worker_new (daftar_db_get_path (db));

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 1600);
  page = g_object_new (DAFTAR_TYPE_CASES_PAGE, NULL);
  gtk_window_set_child (GTK_WINDOW (window), page);
  g_signal_connect (page, "loaded", G_CALLBACK (on_loaded), NULL);
  gtk_window_present (GTK_WINDOW (window));

  /* 1403-12-20 to 1404-02-10: across Nowruz, binned by week. */
  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 10, G_DATE_MARCH, 2025);
  daftar_period_custom (&from, &last_day, &period);
  context = daftar_page_context_new (daftar_demo_get_office_code (demo, 0), &period, &last_day);
  daftar_page_load (DAFTAR_PAGE (page), worker, context);
  count_sql = g_strdup_printf ("SELECT count(*) FROM cases WHERE filed_at >= %" G_GINT64_FORMAT,
                               daftar_time_day_start (&from));
  search_sql = g_strdup_printf ("%s AND subject LIKE '%%ثنا%%'", count_sql);

  list = DAFTAR_CASE_LIST (daftar_cases_page_get_case_list (DAFTAR_CASES_PAGE (page)));
  g_assert_nonnull (list);
  wait_until (is_loaded, list);

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
  daftar_db_close (db);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  daftar_i18n_force ("fa");
  daftar_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  adw_init ();
  daftar_style_init ();

  g_test_add_func ("/cases-page/persian", test_page);
  return g_test_run ();
}
