/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-notices-page.c: the Notices page in Persian under Xvfb — right-to-left, Persian digits, target and baseline, and the follow-up list following N. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "daftar-charts.h"
#include "daftar-demo.h"
#include "daftar-format.h"
#include "daftar-i18n.h"
#include "daftar-notices-page.h"
#include "daftar-notices-query.h"
#include "daftar-page.h"
#include "daftar-queries.h"
#include "daftar-screenshot.h"
#include "daftar-test-util.h"

typedef struct
{
  char           *dir;
  char           *path;
  GDate           today;
  DaftarDbWorker *worker;
  GtkWidget      *window;
  GtkWidget      *page;
  gboolean        loaded;
} Fixture;

static Fixture fx;

static void
on_loaded (DaftarPage *page,
           gpointer    user_data)
{
  fx.loaded = TRUE;
}

static gboolean
on_give_up (gpointer user_data)
{
  g_error ("The notices page did not load");
  return G_SOURCE_REMOVE;
}

/* Waits for the next "loaded"; the timer only turns a hang into a failure. */
static void
wait_loaded (void)
{
  guint guard = g_timeout_add_seconds (120, on_give_up, NULL);

  while (!fx.loaded)
    g_main_context_iteration (NULL, TRUE);
  fx.loaded = FALSE;
  g_source_remove (guard);
  /* Let the page lay out and draw what it was given. */
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE));
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

static GPtrArray *
find_all (GType type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (fx.page, type, found);
  return found;
}

static gpointer
find_one (GType type)
{
  g_autoptr(GPtrArray) found = find_all (type);

  g_assert_cmpuint (found->len, >=, 1);
  return g_ptr_array_index (found, 0);
}

/* The follow-up list, told from the charts' tables by its first column. */
static GtkColumnView *
find_unviewed_view (void)
{
  g_autoptr(GPtrArray) views = find_all (GTK_TYPE_COLUMN_VIEW);
  const char *title = g_dpgettext2 (GETTEXT_PACKAGE, "unviewed list", "Tracking code");

  for (guint i = 0; i < views->len; i++)
    {
      GListModel *columns = gtk_column_view_get_columns (views->pdata[i]);
      g_autoptr(GtkColumnViewColumn) first = g_list_model_get_item (columns, 0);

      if (first != NULL && g_strcmp0 (gtk_column_view_column_get_title (first), title) == 0)
        return views->pdata[i];
    }
  g_error ("No list of unviewed notices");
  return NULL;
}

static DaftarKpiTile *
find_tile (const char *title)
{
  g_autoptr(GPtrArray) tiles = find_all (DAFTAR_TYPE_KPI_TILE);

  for (guint i = 0; i < tiles->len; i++)
    if (g_str_has_prefix (daftar_kpi_tile_get_title (tiles->pdata[i]), title))
      return tiles->pdata[i];
  g_error ("No tile titled %s", title);
  return NULL;
}

static gint64
unviewed_count (guint days)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarDb) db = daftar_db_open (fx.path, &error);
  gint64 count = -1;

  g_assert_no_error (error);
  g_assert_true (daftar_notices_query_unviewed_count (db, NULL, &fx.today, days, &count, &error));
  g_assert_no_error (error);
  return count;
}

static void
test_page_loads_persian (void)
{
  g_autoptr(GPtrArray) tiles = find_all (DAFTAR_TYPE_KPI_TILE);

  g_assert_cmpint (gtk_widget_get_direction (fx.page), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpuint (tiles->len, ==, 4);
  for (guint i = 0; i < tiles->len; i++)
    {
      const char *description = daftar_kpi_tile_get_description (tiles->pdata[i]);

      g_assert_nonnull (description);
      g_assert_true (daftar_test_has_persian_digit (description));
      g_assert_false (daftar_test_has_latin_digit (description));
    }
  /* The titles are translated, not the English source. */
  g_assert_cmpstr (daftar_kpi_tile_get_title (find_tile (_("E-notice read rate"))), !=, "E-notice read rate");
}

static void
test_rate_chart_references (void)
{
  DaftarLineChart *chart = find_one (DAFTAR_TYPE_LINE_CHART);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarDb) db = daftar_db_open (fx.path, &error);
  DaftarStandards standards;
  DaftarChartSeries *electronic;
  double sum = 0;
  guint n = 0;

  g_assert_true (daftar_query_standards (db, &standards, &error));
  g_assert_cmpfloat_with_epsilon (daftar_line_chart_get_target (chart), standards.target_read_rate, 1e-12);
  g_assert_cmpfloat_with_epsilon (daftar_line_chart_get_baseline (chart), 0.10, 1e-12);
  g_assert_cmpuint (daftar_chart_get_n_series (DAFTAR_CHART (chart)), ==, 2);
  electronic = daftar_chart_get_series (DAFTAR_CHART (chart), 0);
  g_assert_cmpuint (daftar_chart_series_get_n_points (electronic), >, 3);
  g_assert_true (daftar_test_has_persian_digit (daftar_chart_series_get_label (electronic, 0)));
  for (guint i = 0; i < daftar_chart_series_get_n_points (electronic); i++)
    if (!isnan (daftar_chart_series_get_value (electronic, i)))
      sum += daftar_chart_series_get_value (electronic, i), n++;
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpfloat (sum / n, >, 0.5);
  /* The text alternative names the reference lines too. */
  g_assert_true (daftar_test_has_persian_digit (daftar_chart_get_description (DAFTAR_CHART (chart))));
}

static void
test_changing_days_updates_list (void)
{
  GtkSpinButton *spin = find_one (GTK_TYPE_SPIN_BUTTON);
  GtkColumnView *view = find_unviewed_view ();
  gint64 three = unviewed_count (3), seven = unviewed_count (7);
  g_autofree char *three_text = daftar_format_int (three);
  g_autofree char *seven_text = daftar_format_int (seven);
  g_autofree char *old_description = NULL;
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(GPtrArray) tiles = find_all (DAFTAR_TYPE_KPI_TILE);
  /* The last tile follows the follow-up list. */
  DaftarKpiTile *tile = tiles->pdata[3];

  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "۳");
  g_assert_cmpint (three, >, seven);
  g_assert_cmpint (seven, >, 0);
  g_assert_nonnull (strstr (daftar_kpi_tile_get_description (tile), three_text));
  /* Among the period's figures, it says it counts as of today. */
  g_assert_nonnull (strstr (daftar_kpi_tile_get_title (tile), "تا امروز"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, MIN (three, 100));
  old_description = g_strdup (daftar_kpi_tile_get_description (tile));

  gtk_spin_button_set_value (spin, 7);
  wait_loaded ();

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "۷");
  g_assert_nonnull (strstr (daftar_kpi_tile_get_description (tile), seven_text));
  g_assert_cmpstr (daftar_kpi_tile_get_description (tile), !=, old_description);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, MIN (seven, 100));
}

static void
test_screenshot (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "daftar-notices-page.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  g_assert_true (daftar_screenshot_save (GTK_WINDOW (fx.window), path, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (fx.window));
  g_test_message ("Screenshot: %s", path);
}

/* Today's notices cannot have been read yet: with a target of 100%, today's
 * read rate is shown without a verdict, and a month's is judged on the
 * notices old enough (as the Overview and the alerts judge it). */
static void
test_read_rate_today (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarDb) db = daftar_db_open (fx.path, &error);
  g_autoptr(DaftarPageContext) today = NULL;
  g_autoptr(DaftarPageContext) month = NULL;
  DaftarKpiTile *tile = find_tile (_("E-notice read rate"));
  DaftarPeriod period;

  g_assert_no_error (error);
  g_assert_true (daftar_db_exec (db, "UPDATE standards SET value = 1.0 WHERE key = 'target_read_rate'", &error));
  g_assert_no_error (error);

  daftar_period_custom (&fx.today, &fx.today, &period);
  today = daftar_page_context_new (NULL, &period, &fx.today);
  daftar_page_load (DAFTAR_PAGE (fx.page), fx.worker, today);
  wait_loaded ();
  g_test_message ("today: %s", daftar_kpi_tile_get_description (tile));
  g_assert_true (daftar_test_has_persian_digit (daftar_kpi_tile_get_description (tile)));
  g_assert_cmpint (daftar_kpi_tile_get_status (tile), ==, DAFTAR_KPI_STATUS_NONE);

  period.from = fx.today;
  g_date_subtract_days (&period.from, 29);
  month = daftar_page_context_new (NULL, &period, &fx.today);
  daftar_page_load (DAFTAR_PAGE (fx.page), fx.worker, month);
  wait_loaded ();
  g_assert_cmpint (daftar_kpi_tile_get_status (tile), ==, DAFTAR_KPI_STATUS_BREACHED);

  g_assert_true (daftar_db_exec (db, "UPDATE standards SET value = 0.9 WHERE key = 'target_read_rate'", &error));
  g_assert_no_error (error);
}

static void
fixture_setup (void)
{
  g_autoptr(DaftarDemo) demo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarPageContext) context = NULL;
  DaftarPeriod period;
  DaftarDb *db;

  g_date_clear (&fx.today, 1);
  g_date_set_dmy (&fx.today, 30, G_DATE_APRIL, 2025);
  demo = daftar_demo_new (17, 1, 120, &fx.today);
  db = daftar_test_db_new (&fx.dir);
  fx.path = g_strdup (daftar_db_get_path (db));
  g_assert_true (daftar_demo_fill_database (demo, db, 2000, NULL, &error));
  g_assert_no_error (error);
  daftar_db_close (db);

  fx.worker = daftar_db_worker_new (fx.path);
  fx.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fx.window), 1280, 1500);
  fx.page = g_object_new (DAFTAR_TYPE_NOTICES_PAGE, NULL);
  g_signal_connect (fx.page, "loaded", G_CALLBACK (on_loaded), NULL);
  gtk_window_set_child (GTK_WINDOW (fx.window), fx.page);
  gtk_window_present (GTK_WINDOW (fx.window));

  /* The last 90 days: weekly bins across Esfand 1403 and Nowruz 1404. */
  period.preset = DAFTAR_PERIOD_CUSTOM;
  period.to = fx.today;
  period.from = fx.today;
  g_date_subtract_days (&period.from, 89);
  context = daftar_page_context_new (NULL, &period, &fx.today);
  daftar_page_load (DAFTAR_PAGE (fx.page), fx.worker, context);
  wait_loaded ();
}

static void
fixture_teardown (void)
{
  gtk_window_destroy (GTK_WINDOW (fx.window));
  g_clear_object (&fx.worker);
  g_free (fx.path);
  daftar_test_tmpdir_free (fx.dir);
}

int
main (int argc, char *argv[])
{
  int status;

  daftar_i18n_force ("fa");
  daftar_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  adw_init ();
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);

  fixture_setup ();
  g_test_add_func ("/notices-page/persian", test_page_loads_persian);
  g_test_add_func ("/notices-page/rate-chart-references", test_rate_chart_references);
  g_test_add_func ("/notices-page/days-update-list", test_changing_days_updates_list);
  g_test_add_func ("/notices-page/screenshot", test_screenshot);
  /* Last: it loads other periods. */
  g_test_add_func ("/notices-page/read-rate-today", test_read_rate_today);
  status = g_test_run ();
  fixture_teardown ();
  return status;
}
