/* test-overview-page.c: the Overview in Persian under Xvfb — its alerts list and, for all of two offices, the comparison of offices, with screenshots. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "daftar-alerts.h"
#include "daftar-db-worker.h"
#include "daftar-demo.h"
#include "daftar-format.h"
#include "daftar-i18n.h"
#include "daftar-office-comparison.h"
#include "daftar-overview-page.h"
#include "daftar-overview-page-private.h"
#include "daftar-page.h"
#include "daftar-page-error.h"
#include "daftar-screenshot.h"
#include "daftar-style.h"
#include "daftar-test-util.h"
#include "daftar-time.h"

typedef struct
{
  char           *dir;
  DaftarDb       *db;        /* the test's own connection, for the expected figures */
  DaftarDbWorker *worker;    /* the page's */
  DaftarDemo     *demo;
  GtkWidget      *window;
  GtkWidget      *page;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GDate last;

  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 30, G_DATE_APRIL, 2025);
  f->db = daftar_test_db_new (&f->dir);
  f->demo = daftar_demo_new (5, 2, 120, &last);
  g_assert_true (daftar_demo_fill_database (f->demo, f->db, 2000, NULL, &error));
  g_assert_no_error (error);
  f->worker = daftar_db_worker_new (daftar_db_get_path (f->db));

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 900);
  f->page = g_object_new (DAFTAR_TYPE_OVERVIEW_PAGE, NULL);
  gtk_window_set_child (GTK_WINDOW (f->window), f->page);
  g_object_ref (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);
  g_clear_object (&f->worker);
  g_clear_pointer (&f->demo, daftar_demo_free);
  g_clear_pointer (&f->db, daftar_db_close);
  daftar_test_tmpdir_free (f->dir);
}

static void
on_loaded (DaftarPage *page, gboolean *loaded)
{
  *loaded = TRUE;
}

static gboolean
count_frame (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

static void
wait_for_frames (GtkWidget *window, guint n)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (window, count_frame, &frames, NULL);

  gtk_widget_queue_draw (window);
  while (frames < n)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (window, id);
}

/* Loads the page for @office over @from..@to and waits for it; returns the context asked for. */
static DaftarPageContext *
load (Fixture *f, const char *office, const char *from, const char *to)
{
  DaftarPageContext *context;
  DaftarPeriod period;
  gboolean loaded = FALSE;
  gulong id;

  g_assert_true (daftar_time_parse_day (from, &period.from));
  g_assert_true (daftar_time_parse_day (to, &period.to));
  period.preset = DAFTAR_PERIOD_CUSTOM;
  context = daftar_page_context_new (office, &period, &period.to);
  id = g_signal_connect (f->page, "loaded", G_CALLBACK (on_loaded), &loaded);
  daftar_page_load (DAFTAR_PAGE (f->page), f->worker, context);
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (f->page, id);
  wait_for_frames (f->window, 3);
  return context;
}

static gpointer
child (Fixture *f, const char *name)
{
  GObject *object = gtk_widget_get_template_child (f->page, DAFTAR_TYPE_OVERVIEW_PAGE, name);

  g_assert_nonnull (object);
  return object;
}

static GPtrArray *
list_rows (GtkListBox *list)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_ptr_array_add (rows, row);
  return rows;
}

static const char *
row_title (gpointer row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static void
save_screenshot (Fixture *f, const char *name)
{
  g_autofree char *png = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (daftar_screenshot_save (GTK_WINDOW (f->window), png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_test_message ("screenshot: %s", png);
}

/* Scrolls the page so that @widget is at the top of the view. */
static void
scroll_to (Fixture *f, GtkWidget *widget)
{
  GtkScrolledWindow *scroller = child (f, "scroller");
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (scroller), &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + point.y - 12);
  wait_for_frames (f->window, 3);
}

static void
test_all_offices (Fixture *f, gconstpointer data)
{
  GtkListBox *alerts_list = child (f, "alerts_list");
  GtkWidget *comparison_box = child (f, "comparison_box");
  GtkGrid *grid = child (f, "comparison_grid");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) offices = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarPageContext) context = NULL;
  guint omitted = 0;

  context = load (f, NULL, "2025-04-01", "2025-04-30");
  g_assert_cmpint (gtk_widget_get_direction (f->page), ==, GTK_TEXT_DIR_RTL);

  offices = daftar_query_office_comparison (f->db, &context->period.from, &context->period.to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (offices->len, ==, 2);

  /* One row per alert the query finds (the newest 50), and one for the rest. */
  alerts = daftar_query_alerts_full (f->db, NULL, &context->period.from, &context->period.to,
                                     g_get_real_time () / G_USEC_PER_SEC,
                                     DAFTAR_ALERTS_MAX_DAY_ALERTS, &omitted, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, >, 0);
  rows = list_rows (alerts_list);
  g_assert_cmpuint (rows->len, ==, alerts->len + (omitted > 0));
  for (guint i = 0; i < rows->len; i++)
    {
      const char *title = row_title (g_ptr_array_index (rows, i));

      g_assert_true (gtk_widget_get_mapped (g_ptr_array_index (rows, i)) || i > 0);
      /* Dates and figures in Persian digits, never Latin ones. */
      g_assert_true (daftar_test_has_persian_digit (title));
      g_assert_false (daftar_test_has_latin_digit (title));
      if (i < alerts->len)
        {
          g_autofree char *expected = daftar_overview_alert_title (g_ptr_array_index (alerts, i), 0);
          const DaftarAlert *a = g_ptr_array_index (alerts, i);

          g_assert_cmpstr (title, ==, expected);
          /* With every office shown, each alert names its office. */
          if (a->office_code != NULL)
            {
              const char *subtitle = adw_action_row_get_subtitle (g_ptr_array_index (rows, i));
              gboolean named = FALSE;

              for (guint k = 0; offices != NULL && k < offices->len; k++)
                named |= subtitle != NULL && strstr (subtitle, ((DaftarOfficeFigures *) g_ptr_array_index (offices, k))->name) != NULL;
              g_assert_true (named);
            }
        }
    }
  g_test_message ("first alert: %s", row_title (g_ptr_array_index (rows, 0)));
  /* The manager's words: «میانگین انتظار شیفت …» or «پاسخ در زمان استاندارد …». */
  g_assert_true (strstr (row_title (g_ptr_array_index (rows, 0)), "شیفت") != NULL);
  save_screenshot (f, "overview-alerts-fa.png");

  /* All of two offices: the comparison, one table row per office. */
  g_assert_true (gtk_widget_get_visible (comparison_box));
  g_assert_true (gtk_widget_get_mapped (comparison_box));
  for (guint i = 0; i < offices->len; i++)
    {
      const DaftarOfficeFigures *o = g_ptr_array_index (offices, i);
      GtkWidget *name = gtk_grid_get_child_at (grid, 0, i + 1);
      GtkWidget *cases = gtk_grid_get_child_at (grid, 1, i + 1);

      g_assert_nonnull (name);
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (name)), ==, o->name);
      g_assert_true (daftar_test_has_persian_digit (gtk_label_get_label (GTK_LABEL (cases))));
      for (int c = 1; c < 7; c++)
        g_assert_false (daftar_test_has_latin_digit (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, c, i + 1)))));
    }
  g_assert_null (gtk_grid_get_child_at (grid, 0, offices->len + 1));
  scroll_to (f, comparison_box);
  save_screenshot (f, "overview-comparison-fa.png");

  /* One office chosen: no comparison, and alerts need not name the office. */
  g_clear_pointer (&context, daftar_page_context_unref);
  context = load (f, daftar_demo_get_office_code (f->demo, 0), "2025-04-01", "2025-04-30");
  g_assert_false (gtk_widget_get_visible (comparison_box));
  g_ptr_array_unref (rows);
  rows = list_rows (alerts_list);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *subtitle = adw_action_row_get_subtitle (g_ptr_array_index (rows, i));
      const DaftarOfficeFigures *o = g_ptr_array_index (offices, 0);

      g_assert_true (subtitle == NULL || strstr (subtitle, o->name) == NULL);
    }
}

/* A Friday alone: closed, nothing breached, no notice old enough, never
 * synced — the list says there is nothing to worry about. */
static void
test_no_alerts (Fixture *f, gconstpointer data)
{
  GtkListBox *alerts_list = child (f, "alerts_list");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(DaftarPageContext) context = NULL;

  context = load (f, NULL, "2025-04-25", "2025-04-25");
  g_assert_cmpint (g_date_get_weekday (&context->period.from), ==, G_DATE_FRIDAY);
  rows = list_rows (alerts_list);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (row_title (g_ptr_array_index (rows, 0)), ==, "بدون هشدار");
}

/* The first tile of @box (a GtkFlowBox of DaftarKpiTile). */
static DaftarKpiTile *
first_tile (GtkFlowBox *box)
{
  GtkFlowBoxChild *cell = gtk_flow_box_get_child_at_index (box, 0);

  g_assert_nonnull (cell);
  return DAFTAR_KPI_TILE (gtk_flow_box_child_get_child (cell));
}

static GtkWidget *
find_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
wait_loaded (Fixture *f)
{
  gboolean loaded = FALSE;
  gulong id = g_signal_connect (f->page, "loaded", G_CALLBACK (on_loaded), &loaded);

  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (f->page, id);
  wait_for_frames (f->window, 3);
}

/* A load that fails says so on the page, in Persian with the database's
 * reason, instead of leaving the last figures looking current; "Try
 * Again" after the database is mended shows the figures. */
static void
test_load_failure (Fixture *f, gconstpointer data)
{
  GtkStack *stack = child (f, "load_stack");
  GtkWidget *figures = child (f, "scroller");
  GtkFlowBox *period_tiles = child (f, "period_tiles");
  GtkWidget *error_state = gtk_stack_get_child_by_name (stack, "error");
  g_autoptr(DaftarPageContext) context = NULL;
  g_autoptr(GError) error = NULL;
  DaftarPeriodSummary summary;
  g_autofree char *cases = NULL;
  const char *description;
  GtkWidget *retry;

  context = load (f, NULL, "2025-04-01", "2025-04-30");
  g_assert_true (daftar_query_period_summary (f->db, NULL, &context->period.from, &context->period.to,
                                              &summary, &error));
  g_assert_no_error (error);
  cases = daftar_format_int (summary.cases);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "figures");
  g_assert_nonnull (strstr (daftar_kpi_tile_get_description (first_tile (period_tiles)), cases));
  g_assert_null (daftar_page_get_error (DAFTAR_PAGE (f->page)));

  /* Every page reads the standards: without them the load fails. */
  g_assert_true (daftar_db_exec (f->db, "ALTER TABLE standards RENAME TO standards_away", &error));
  g_assert_no_error (error);
  daftar_page_load (DAFTAR_PAGE (f->page), f->worker, context);
  wait_loaded (f);

  g_assert_error (daftar_page_get_error (DAFTAR_PAGE (f->page)), DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_SQL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "error");
  g_assert_true (gtk_widget_get_mapped (error_state));
  g_assert_false (gtk_widget_get_mapped (figures));
  /* Persian words around the database's own: the table it missed. */
  description = daftar_page_error_get_description (DAFTAR_PAGE_ERROR (error_state));
  g_test_message ("error state: %s", description);
  g_assert_true (g_str_has_prefix (description, "پایگاه داده"));
  g_assert_nonnull (strstr (description, "standards"));
  save_screenshot (f, "overview-error-fa.png");

  /* Mended, the button brings the figures back. */
  g_assert_true (daftar_db_exec (f->db, "ALTER TABLE standards_away RENAME TO standards", &error));
  g_assert_no_error (error);
  retry = find_button (error_state);
  g_assert_nonnull (retry);
  g_assert_true (gtk_widget_get_mapped (retry));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (retry)), ==, "_تلاش دوباره");
  gtk_widget_activate (retry);
  wait_loaded (f);

  g_assert_null (daftar_page_get_error (DAFTAR_PAGE (f->page)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "figures");
  g_assert_true (gtk_widget_get_mapped (figures));
  g_assert_nonnull (strstr (daftar_kpi_tile_get_description (first_tile (period_tiles)), cases));
}

/* The days a read-rate alert leaves out come from the constant, in the
 * UI's digits (Latin ones here, chosen in the Persian window), not typed
 * into the sentence as a word. */
static void
test_read_rate_days (void)
{
  g_autoptr(GPtrArray) alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_alert_free);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *days = NULL;
  GtkListBox *list = GTK_LIST_BOX (g_object_ref_sink (gtk_list_box_new ()));
  DaftarAlert *alert = g_new0 (DaftarAlert, 1);
  DaftarFormatLanguage language;
  DaftarFormatDigits digits;
  DaftarFormatCalendar calendar;
  const char *subtitle;

  alert->kind = DAFTAR_ALERT_READ_RATE_BELOW_TARGET;
  alert->severity = DAFTAR_ALERT_WARNING;
  g_date_clear (&alert->day, 1);
  g_date_set_dmy (&alert->day, 27, G_DATE_APRIL, 2025);
  alert->value = 0.5;
  alert->target = 0.8;
  g_ptr_array_add (alerts, alert);

  daftar_format_get_config (&language, &digits, &calendar);
  daftar_format_set_config (language, DAFTAR_FORMAT_DIGITS_LATIN, calendar);
  daftar_overview_fill_alerts (list, alerts, 0, NULL, FALSE, 0);
  days = daftar_format_int (DAFTAR_ALERTS_READ_RATE_MIN_AGE_DAYS);
  daftar_format_set_config (language, digits, calendar);

  rows = list_rows (list);
  g_assert_cmpuint (rows->len, ==, 1);
  subtitle = adw_action_row_get_subtitle (g_ptr_array_index (rows, 0));
  g_test_message ("read-rate alert: %s", subtitle);
  g_assert_nonnull (subtitle);
  g_assert_true (daftar_test_has_latin_digit (subtitle));
  g_assert_false (daftar_test_has_persian_digit (subtitle));
  g_assert_nonnull (strstr (subtitle, days));
  g_object_unref (list);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  daftar_i18n_force ("fa");
  daftar_i18n_init ();
  adw_init ();
  daftar_style_init ();

  g_test_add ("/overview-page/all-offices", Fixture, NULL, fixture_set_up, test_all_offices, fixture_tear_down);
  g_test_add ("/overview-page/no-alerts", Fixture, NULL, fixture_set_up, test_no_alerts, fixture_tear_down);
  g_test_add_func ("/overview-page/read-rate-days", test_read_rate_days);
  g_test_add ("/overview-page/load-failure", Fixture, NULL, fixture_set_up, test_load_failure, fixture_tear_down);
  return g_test_run ();
}
