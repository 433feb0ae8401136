/* test-window.c: the real window on a demo database, in Persian — right to left, Persian digits, real figures. */
#include "config.h"

#include <adwaita.h>

#include "daftar-db-worker.h"
#include "daftar-demo-setup.h"
#include "daftar-i18n.h"
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

static void
test_empty_database (Fixture *f, gconstpointer data)
{
  GtkWidget *overview = daftar_window_get_page (f->window, "overview");

  /* No records: the status page says what to do, no empty dashboard. */
  g_assert_false (gtk_widget_get_mapped (overview));
  g_assert_false (daftar_window_page_is_current (f->window, "overview"));
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
  g_test_add ("/window/empty-database", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_empty_database, fixture_teardown);
  return g_test_run ();
}
