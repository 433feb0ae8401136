/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the real window on a demo database, in Persian — right to left, Persian digits, real figures. */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "daftar-application.h"
#include "daftar-db-worker.h"
#include "daftar-demo-setup.h"
#include "daftar-format.h"
#include "daftar-i18n.h"
#include "daftar-queries.h"
#include "daftar-screenshot.h"
#include "daftar-style.h"
#include "daftar-test-util.h"
#include "daftar-time.h"
#include "daftar-window.h"

typedef struct
{
  char           *dir;
  DaftarDbWorker *worker;
  DaftarWindow   *window;
} Fixture;

static gpointer
fill_job (DaftarDb      *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  GDate today;

  daftar_time_local_date (g_get_real_time () / G_USEC_PER_SEC, &today);
  if (!daftar_demo_setup_database (db, 1, 60, &today, cancellable, error))
    return NULL;
  return GINT_TO_POINTER (1);
}

static void
wait_until_ready (DaftarWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!daftar_window_is_ready (window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  /* Let the figures lay out and draw. */
  for (int i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = daftar_test_tmpdir_new ();
  path = g_build_filename (f->dir, "demo.db", NULL);
  f->worker = daftar_db_worker_new (path);
  if (GPOINTER_TO_INT (data))
    {
      g_assert_nonnull (daftar_db_worker_run_sync (f->worker, fill_job, NULL, NULL, &error));
      g_assert_no_error (error);
    }

  f->window = daftar_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  daftar_window_set_worker (f->window, f->worker);
  wait_until_ready (f->window);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->worker);
  daftar_test_tmpdir_free (f->dir);
}

/* A figure with a Persian digit other than zero. */
static gboolean
is_nonzero_persian_figure (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0x06F1 && c <= 0x06F9)
        return TRUE;
    }
  return FALSE;
}

static void
collect_labels (GtkWidget *widget, GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (labels, (gpointer) gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static void
test_persian_overview (Fixture *f, gconstpointer data)
{
  GtkWidget *overview = daftar_window_get_page (f->window, "overview");
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *png = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "window-overview-fa.png", NULL);
  g_autoptr(GError) error = NULL;
  guint persian = 0, nonzero = 0;

  g_assert_true (daftar_window_page_is_current (f->window, "overview"));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (f->window)), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (overview), ==, GTK_TEXT_DIR_RTL);
  /* The catalog is in use: the window's name is Persian. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "دفتر");

  collect_labels (overview, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = g_ptr_array_index (labels, i);

      /* Figures and dates are written in Persian digits, never Latin ones. */
      g_assert_false (daftar_test_has_latin_digit (text));
      if (daftar_test_has_persian_digit (text))
        persian++;
      if (is_nonzero_persian_figure (text))
        nonzero++;
    }
  g_test_message ("%u labels, %u with Persian digits, %u non-zero", labels->len, persian, nonzero);
  g_assert_cmpuint (persian, >=, 16);
  g_assert_cmpuint (nonzero, >=, 12);

  g_assert_true (daftar_screenshot_save (GTK_WINDOW (f->window), png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

static gpointer
first_day_job (DaftarDb      *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  GDate *first = g_date_new ();
  GDate last;

  g_assert_true (daftar_query_data_span (db, NULL, first, &last, error));
  return first;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static void
show_page_and_wait (Fixture    *f,
                    const char *name)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  daftar_window_show_page (f->window, name, NULL, NULL);
  while (!daftar_window_page_is_current (f->window, name))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  for (int i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* A period that starts before the office's records says where they start,
 * in the heading of every page; one inside them does not. */
static void
test_data_start (Fixture *f, gconstpointer data)
{
  static const char * const pages[] = { "overview", "cases", "shifts", "care", "notices" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) first = daftar_db_worker_run_sync (f->worker, first_day_job, NULL, NULL, &error);
  g_autofree char *first_text = NULL;
  g_autofree char *before_heading = NULL;
  g_autofree char *inside_heading = NULL;
  DaftarPeriod before, inside;
  GDate from, today;

  g_assert_no_error (error);
  daftar_time_local_date (g_get_real_time () / G_USEC_PER_SEC, &today);
  from = *first;
  g_date_subtract_days (&from, 40);
  daftar_period_custom (&from, &today, &before);
  from = *first;
  g_date_add_days (&from, 3);
  daftar_period_custom (&from, &today, &inside);
  first_text = daftar_format_date_long (first);
  before_heading = daftar_period_heading (&before, first);
  inside_heading = daftar_period_heading (&inside, first);
  g_assert_nonnull (strstr (before_heading, first_text));
  g_assert_null (strstr (inside_heading, "داده‌ها از"));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = daftar_window_get_page (f->window, pages[i]);

      daftar_window_set_period (f->window, &before);
      show_page_and_wait (f, pages[i]);
      g_test_message ("%s: %s", pages[i], before_heading);
      g_assert_true (has_label (page, before_heading));

      daftar_window_set_period (f->window, &inside);
      show_page_and_wait (f, pages[i]);
      g_assert_true (has_label (page, inside_heading));
    }
}

static void
test_empty_database (Fixture *f, gconstpointer data)
{
  GtkWidget *overview = daftar_window_get_page (f->window, "overview");

  /* No records: the status page says what to do, no empty dashboard. */
  g_assert_false (gtk_widget_get_mapped (overview));
  g_assert_false (daftar_window_page_is_current (f->window, "overview"));
}

/* What the window showed when it was first ready. */
typedef struct {
  char *page;          /* the stack's visible child */
  char *description;   /* the error page's text */
} Shown;

static void
on_app_window_ready (GtkWindow *window,
                     Shown     *shown)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), DAFTAR_TYPE_WINDOW, "stack"));
  AdwStatusPage *error_page = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), DAFTAR_TYPE_WINDOW,
                                                                              "error_page"));

  if (shown->page != NULL)
    return;
  shown->page = g_strdup (gtk_stack_get_visible_child_name (stack));
  shown->description = g_strdup (adw_status_page_get_description (error_page));
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
on_app_window_added (GtkApplication *app,
                     GtkWindow      *window,
                     Shown          *shown)
{
  g_signal_connect (window, "ready", G_CALLBACK (on_app_window_ready), shown);
}

/* `daftar --db FILE` on a file that is not a Daftar database: the window
 * says so, and the file is left byte for byte as it was, with no -wal or
 * -shm beside it. */
static void
test_foreign_file_untouched (void)
{
  static const struct { const char *name; const char *sql; } files[] = {
    { "letter.txt", NULL },
    { "notes.sqlite", "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                      "INSERT INTO notes (text) VALUES ('appointment at 10');" },
    { "wal.sqlite", "PRAGMA journal_mode = WAL; CREATE TABLE t (a); INSERT INTO t VALUES (1);" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *dir = daftar_test_tmpdir_new ();
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(DaftarApplication) app = NULL;
      char program[] = "daftar", db_option[] = "--db";
      char *argv[] = { program, db_option, path, NULL };
      Shown shown = { NULL, NULL };

      if (files[i].sql != NULL)
        {
          sqlite3 *handle = NULL;

          g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_exec (handle, files[i].sql, NULL, NULL, NULL), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
        }
      else
        g_assert_true (g_file_set_contents (path, "Dear judge, this letter is not a database.\n", -1, NULL));
      before = daftar_test_dir_listing (dir);

      /* The database thread says why it could not open the file. */
      g_test_expect_message ("daftar-db-worker", G_LOG_LEVEL_WARNING, "*پایگاه دادهٔ برنامهٔ «دفتر» نیست*");
      app = daftar_application_new ();
      g_signal_connect (app, "window-added", G_CALLBACK (on_app_window_added), &shown);
      g_assert_cmpint (g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv), ==, 0);
      g_clear_object (&app);
      g_test_assert_expected_messages ();

      g_test_message ("%s: %s page: %s", files[i].name, shown.page, shown.description);
      g_assert_cmpstr (shown.page, ==, "error");
      g_assert_nonnull (strstr (shown.description, "پایگاه دادهٔ برنامهٔ «دفتر» نیست"));
      g_assert_nonnull (strstr (shown.description, files[i].name));
      after = daftar_test_dir_listing (dir);
      g_assert_cmpstr (after, ==, before);

      g_free (shown.page);
      g_free (shown.description);
      daftar_test_tmpdir_free (g_steal_pointer (&dir));
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

  g_test_add ("/window/persian-overview", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_persian_overview, fixture_teardown);
  g_test_add ("/window/data-start", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_data_start, fixture_teardown);
  g_test_add ("/window/empty-database", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_empty_database, fixture_teardown);
  g_test_add_func ("/window/foreign-file-untouched", test_foreign_file_untouched);
  return g_test_run ();
}
