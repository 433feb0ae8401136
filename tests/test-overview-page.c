/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-overview-page.c: the Overview in Persian under Xvfb — its alerts list and, for all of two offices, the comparison of offices, with screenshots. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "daftar-alert-rollup-row.h"
#include "daftar-alerts.h"
#include "daftar-annotation-dialog.h"
#include "daftar-db-worker.h"
#include "daftar-demo.h"
#include "daftar-format.h"
#include "daftar-i18n.h"
#include "daftar-office-comparison.h"
#include "daftar-overview-page.h"
#include "daftar-overview-page-private.h"
#include "daftar-page.h"
#include "daftar-page-error.h"
#include "daftar-period-selector.h"
#include "daftar-screenshot.h"
#include "daftar-shifts-page.h"
#include "daftar-style.h"
#include "daftar-test-demo-db.h"
#include "daftar-test-gtk.h"
#include "daftar-test-page-fixture.h"
#include "daftar-test-util.h"
#include "daftar-time.h"
#include "daftar-window.h"

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
  f->db = daftar_test_db_new (&f->dir);
  f->demo = daftar_test_demo_fill (f->db, 2);
  f->worker = daftar_db_worker_new (daftar_db_get_path (f->db));
  f->window = daftar_test_page_window_new (DAFTAR_TYPE_OVERVIEW_PAGE, 1280, 900, &f->page);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  daftar_test_page_window_destroy (f->window);
  g_clear_object (&f->worker);
  g_clear_pointer (&f->demo, daftar_demo_free);
  g_clear_pointer (&f->db, daftar_db_close);
  daftar_test_tmpdir_free (f->dir);
}

/* Loads the page for @office over @from..@to and waits for it; returns the context asked for. */
static DaftarPageContext *
load (Fixture *f, const char *office, const char *from, const char *to)
{
  return daftar_test_page_load (f->page, f->window, f->worker, office, from, to);
}

static gpointer
child (Fixture *f, const char *name)
{
  return daftar_test_template_child (f->page, DAFTAR_TYPE_OVERVIEW_PAGE, name);
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
  daftar_test_wait_for_frames (f->window, 3);
}

/* The roll-up rows of the alerts list, in order. */
static GPtrArray *
rollup_rows (GtkListBox *list)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    if (DAFTAR_IS_ALERT_ROLLUP_ROW (row))
      g_ptr_array_add (rows, row);
  return rows;
}

static void
test_all_offices (Fixture *f, gconstpointer data)
{
  GtkListBox *alerts_list = child (f, "alerts_list");
  GtkWidget *comparison_box = child (f, "comparison_box");
  GtkGrid *grid = child (f, "comparison_grid");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) rollups = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) offices = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarPageContext) context = NULL;
  guint n_days = 0;

  context = load (f, NULL, "2025-04-01", "2025-04-30");
  g_assert_cmpint (gtk_widget_get_direction (f->page), ==, GTK_TEXT_DIR_RTL);

  offices = daftar_query_office_comparison (f->db, &context->period.from, &context->period.to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (offices->len, ==, 2);

  /* One row per roll-up the query makes, in its order: a few rows for a
   * month of breaches, not one per day. */
  g_assert_true (daftar_query_alert_rollups (f->db, NULL, &context->period.from, &context->period.to,
                                             context->now, &context->today, &alerts, &rollups, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rollups->len, >, 0);
  rows = rollup_rows (alerts_list);
  g_assert_cmpuint (rows->len, ==, rollups->len);
  for (guint i = 0; i < rows->len; i++)
    {
      DaftarAlertRollupRow *row = g_ptr_array_index (rows, i);
      const DaftarAlertRollup *r = g_ptr_array_index (rollups, i);
      const DaftarAlertRollup *shown = daftar_alert_rollup_row_get_rollup (row);
      g_autofree char *title = daftar_alert_rollup_title (r);
      const char *subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
      GPtrArray *day_rows = daftar_alert_rollup_row_get_day_rows (row);
      GtkWidget *more = daftar_alert_rollup_row_get_more_row (row);
      gboolean named = FALSE;

      g_assert_cmpstr (row_title (row), ==, title);
      g_assert_cmpstr (shown->office_code, ==, r->office_code);
      g_assert_cmpuint (shown->days->len, ==, r->days->len);
      n_days += r->days->len;
      /* Dates and figures in Persian digits, never Latin ones; the
       * manager's words: «شیفت صبح/عصر». */
      g_assert_true (daftar_test_has_persian_digit (title));
      g_assert_false (daftar_test_has_latin_digit (title));
      g_assert_nonnull (strstr (title, "شیفت"));
      g_assert_false (daftar_test_has_latin_digit (subtitle));
      /* With every office shown, each roll-up names its office. */
      for (guint k = 0; k < offices->len; k++)
        named |= strstr (subtitle, ((DaftarOfficeFigures *) g_ptr_array_index (offices, k))->name) != NULL;
      g_assert_true (named);

      /* Its days: the first few, then a row that opens the rest. */
      g_assert_cmpuint (day_rows->len, ==, MIN (r->days->len, DAFTAR_ALERT_ROLLUP_ROW_FIRST_DAYS));
      g_assert_true ((more != NULL) == (r->days->len > DAFTAR_ALERT_ROLLUP_ROW_FIRST_DAYS));
      for (guint d = 0; d < day_rows->len; d++)
        {
          g_autofree char *day = daftar_format_date_long (&((DaftarAlert *) g_ptr_array_index (r->days, d))->day);

          g_assert_nonnull (strstr (row_title (g_ptr_array_index (day_rows, d)), day));
          g_assert_false (gtk_widget_get_mapped (g_ptr_array_index (day_rows, d)));
        }
    }
  g_test_message ("%u breached days in %u roll-up rows; first: %s", n_days, rows->len,
                  row_title (g_ptr_array_index (rows, 0)));
  g_assert_cmpuint (n_days, >, rows->len);
  save_screenshot (f, "overview-alerts-fa.png");

  /* Expanded, a roll-up shows its days; "more" lists the rest in its place. */
  for (guint i = 0; i < rows->len; i++)
    {
      DaftarAlertRollupRow *row = g_ptr_array_index (rows, i);
      const DaftarAlertRollup *r = daftar_alert_rollup_row_get_rollup (row);
      GtkWidget *more = daftar_alert_rollup_row_get_more_row (row);
      GPtrArray *day_rows = daftar_alert_rollup_row_get_day_rows (row);

      if (more == NULL)
        continue;
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      scroll_to (f, GTK_WIDGET (row));
      g_assert_true (gtk_widget_get_mapped (g_ptr_array_index (day_rows, 0)));
      g_assert_true (gtk_widget_get_mapped (more));
      save_screenshot (f, "overview-rollup-expanded-fa.png");
      g_signal_emit_by_name (more, "activated");
      daftar_test_wait_for_frames (f->window, 3);
      g_assert_null (daftar_alert_rollup_row_get_more_row (row));
      g_assert_cmpuint (day_rows->len, ==, r->days->len);
      g_assert_true (gtk_widget_get_mapped (g_ptr_array_index (day_rows, r->days->len - 1)));
      break;
    }

  /* All of two offices: the comparison, one table row per office. */
  g_assert_true (gtk_widget_get_visible (comparison_box));
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
  g_assert_true (gtk_widget_get_mapped (comparison_box));
  save_screenshot (f, "overview-comparison-fa.png");

  /* One office chosen: no comparison, and alerts need not name the office. */
  g_clear_pointer (&context, daftar_page_context_unref);
  context = load (f, daftar_demo_get_office_code (f->demo, 0), "2025-04-01", "2025-04-30");
  g_assert_false (gtk_widget_get_visible (comparison_box));
  g_ptr_array_unref (rows);
  rows = rollup_rows (alerts_list);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *subtitle = adw_expander_row_get_subtitle (g_ptr_array_index (rows, i));
      const DaftarOfficeFigures *o = g_ptr_array_index (offices, 0);

      g_assert_true (subtitle == NULL || strstr (subtitle, o->name) == NULL);
    }
}

static void
set_standard (Fixture *f, const char *key, double value)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE standards SET value = %.17g WHERE key = '%s'", value, key);
  g_autoptr(GError) error = NULL;

  g_assert_true (daftar_db_exec (f->db, sql, &error));
  g_assert_no_error (error);
}

/* The tile of @box titled @title, or NULL. */
static DaftarKpiTile *
tile_titled (GtkFlowBox *box, const char *title)
{
  for (int i = 0; gtk_flow_box_get_child_at_index (box, i) != NULL; i++)
    {
      DaftarKpiTile *tile = DAFTAR_KPI_TILE (gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (box, i)));

      if (g_str_equal (daftar_kpi_tile_get_title (tile), title))
        return tile;
    }
  return NULL;
}

/* Today's notices cannot have been read yet: today's read rate (and that
 * of the last days) is shown without a verdict, even against a target of
 * 100%, and no alert says it is low. When the period is today, today's
 * figures are not shown a second time. */
static void
test_read_rate_today (Fixture *f, gconstpointer data)
{
  GtkFlowBox *today_tiles = child (f, "today_tiles");
  GtkFlowBox *period_tiles = child (f, "period_tiles");
  GtkWidget *period_box = child (f, "period_box");
  GtkListBox *alerts_list = child (f, "alerts_list");
  const char *read_rate = "نرخ رؤیت ابلاغ الکترونیک";
  g_autoptr(DaftarPageContext) context = NULL;
  g_autofree char *last_text = NULL;
  DaftarKpiTile *tile;
  GDate last;

  set_standard (f, "target_read_rate", 1.0);

  /* The period is today: one block of figures, no read-rate verdict. */
  context = load (f, NULL, "2025-04-30", "2025-04-30");
  g_assert_false (gtk_widget_get_visible (period_box));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (period_tiles)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (today_tiles)));
  g_assert_null (tile_titled (today_tiles, read_rate));
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (alerts_list)); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row))
      g_assert_null (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "نرخ رؤیت"));
  save_screenshot (f, "overview-period-today-fa.png");

  /* The last two days: the period's figures, the read rate without a verdict. */
  g_clear_pointer (&context, daftar_page_context_unref);
  context = load (f, NULL, "2025-04-29", "2025-04-30");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (period_tiles)));
  tile = tile_titled (period_tiles, read_rate);
  g_assert_nonnull (tile);
  g_test_message ("read rate of the last two days: %s", daftar_kpi_tile_get_description (tile));
  g_assert_cmpint (daftar_kpi_tile_get_status (tile), ==, DAFTAR_KPI_STATUS_NONE);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (alerts_list)); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row))
      g_assert_null (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "نرخ رؤیت"));

  /* A month: judged on the notices issued up to three days before today,
   * and here breached. */
  g_clear_pointer (&context, daftar_page_context_unref);
  context = load (f, NULL, "2025-04-01", "2025-04-30");
  tile = tile_titled (period_tiles, read_rate);
  g_assert_cmpint (daftar_kpi_tile_get_status (tile), ==, DAFTAR_KPI_STATUS_BREACHED);
  g_assert_true (daftar_time_parse_day ("2025-04-27", &last));
  last_text = daftar_format_date_long (&last);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (tile)), last_text));
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
  daftar_test_page_wait_loaded (f->page, f->window);

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
  daftar_test_page_wait_loaded (f->page, f->window);

  g_assert_null (daftar_page_get_error (DAFTAR_PAGE (f->page)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "figures");
  g_assert_true (gtk_widget_get_mapped (figures));
  g_assert_nonnull (strstr (daftar_kpi_tile_get_description (first_tile (period_tiles)), cases));
}

/* ---- in the window: alerts lead somewhere, notes are kept ------------- */

static void
save_window_screenshot (GtkWindow *window, const char *name)
{
  g_autofree char *png = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (daftar_screenshot_save (window, png, &error));
  g_assert_no_error (error);
  g_test_message ("screenshot: %s", png);
}

/* Scrolls the page that holds @widget so that it is at the top. */
static void
scroll_to_widget (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, scroller, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + point.y - 12);
  daftar_test_wait_for_frames (GTK_WIDGET (gtk_widget_get_root (widget)), 3);
}

static const DaftarPeriod *
window_period (DaftarWindow *window)
{
  return daftar_period_selector_get_period (
    DAFTAR_PERIOD_SELECTOR (gtk_widget_get_template_child (GTK_WIDGET (window), DAFTAR_TYPE_WINDOW, "period_selector")));
}

/* Whether @shift's heading on the Shifts page is at the top of its view. */
static gboolean
shift_at_top (GtkWidget *shifts, DaftarShift shift)
{
  GtkWidget *heading = GTK_WIDGET (gtk_widget_get_template_child (shifts, DAFTAR_TYPE_SHIFTS_PAGE,
                                                                  shift == DAFTAR_SHIFT_EVENING ? "evening_heading"
                                                                                                : "morning_heading"));
  GtkWidget *scroller = GTK_WIDGET (gtk_widget_get_template_child (shifts, DAFTAR_TYPE_SHIFTS_PAGE, "scroller"));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (heading, scroller, &GRAPHENE_POINT_INIT (0, 0), &point));
  g_test_message ("%s heading at y = %.0f", shift == DAFTAR_SHIFT_EVENING ? "evening" : "morning", point.y);
  return point.y >= 0 && point.y < 60;
}

static void
assert_same_days (const DaftarPeriod *a, const GDate *from, const GDate *to)
{
  g_assert_cmpint (g_date_compare (&a->from, from), ==, 0);
  g_assert_cmpint (g_date_compare (&a->to, to), ==, 0);
}

/* Waits until @n notes read @text, and their row has heard of it. */
static void
wait_for_notes (Fixture *f, const char *text, gint64 n)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM annotations WHERE text = '%s'", text);

  daftar_test_wait_for_count (f->db, sql, n);
}

/* In the real window: a roll-up opens the Shifts page over the same period
 * with its shift at the top, one of its days opens that day; a note written
 * on a day shows on that day and in its roll-up, can be edited and removed. */
static void
test_in_window (Fixture *f, gconstpointer data)
{
  DaftarWindow *window = daftar_window_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  DaftarAlertRollupRow *row = NULL;
  const DaftarAlertRollup *r;
  const DaftarAlert *day;
  DaftarAnnotationDialog *dialog;
  GtkWidget *overview, *shifts, *day_row;
  g_autofree char *office = NULL;
  DaftarAlertKind kind;
  DaftarPeriod month;
  GDate today;

  g_assert_true (daftar_time_parse_day ("2025-04-30", &today));
  g_assert_true (daftar_time_parse_day ("2025-04-01", &month.from));
  month.to = today;
  month.preset = DAFTAR_PERIOD_CUSTOM;
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  daftar_window_set_worker (window, f->worker);
  daftar_window_set_today (window, &today);
  /* As if the manager had picked April in the header. */
  daftar_window_show_page (window, "overview", &month, NULL);
  daftar_test_window_wait_until_current (window, "overview");
  assert_same_days (window_period (window), &month.from, &month.to);

  overview = daftar_window_get_page (window, "overview");
  rows = rollup_rows (GTK_LIST_BOX (gtk_widget_get_template_child (overview, DAFTAR_TYPE_OVERVIEW_PAGE, "alerts_list")));
  /* An evening roll-up of a wait standard (the client-care ones open the
   * Client care page: test-overview-care.c) with days enough to show and
   * to pick from. */
  for (guint i = 0; i < rows->len && row == NULL; i++)
    {
      const DaftarAlertRollup *candidate = daftar_alert_rollup_row_get_rollup (g_ptr_array_index (rows, i));

      if (candidate->shift == DAFTAR_SHIFT_EVENING && candidate->days->len >= 2 &&
          (candidate->kind == DAFTAR_ALERT_WAIT_BREACHED || candidate->kind == DAFTAR_ALERT_SERVICE_LEVEL_BREACHED))
        row = g_ptr_array_index (rows, i);
    }
  g_assert_nonnull (row);
  r = daftar_alert_rollup_row_get_rollup (row);

  /* The roll-up: the Shifts page, the same period, the evening at the top. */
  gtk_widget_activate (daftar_alert_rollup_row_get_open_button (row));
  daftar_test_window_wait_until_current (window, "shifts");
  g_assert_cmpstr (daftar_test_window_visible_page (window), ==, "shifts");
  assert_same_days (window_period (window), &month.from, &month.to);
  shifts = daftar_window_get_page (window, "shifts");
  g_assert_true (shift_at_top (shifts, DAFTAR_SHIFT_EVENING));
  save_window_screenshot (GTK_WINDOW (window), "overview-to-shifts-fa.png");

  /* Back, and one of its days: that day alone, the evening at the top. */
  daftar_window_show_page (window, "overview", NULL, NULL);
  daftar_test_window_wait_until_current (window, "overview");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  daftar_test_wait_for_frames (GTK_WIDGET (window), 5);
  day_row = g_ptr_array_index (daftar_alert_rollup_row_get_day_rows (row), 1);
  day = g_ptr_array_index (r->days, 1);
  g_signal_emit_by_name (day_row, "activated");
  daftar_test_window_wait_until_current (window, "shifts");
  g_assert_cmpstr (daftar_test_window_visible_page (window), ==, "shifts");
  assert_same_days (window_period (window), &day->day, &day->day);
  g_assert_true (shift_at_top (shifts, DAFTAR_SHIFT_EVENING));

  /* Back to April: a note on that day. The rows are new: find the same
   * roll-up again. */
  kind = r->kind;
  office = g_strdup (r->office_code);
  daftar_window_show_page (window, "overview", &month, NULL);
  daftar_test_window_wait_until_current (window, "overview");
  rows = (g_ptr_array_unref (rows),
          rollup_rows (GTK_LIST_BOX (gtk_widget_get_template_child (overview, DAFTAR_TYPE_OVERVIEW_PAGE, "alerts_list"))));
  row = NULL;
  for (guint i = 0; i < rows->len && row == NULL; i++)
    {
      const DaftarAlertRollup *other = daftar_alert_rollup_row_get_rollup (g_ptr_array_index (rows, i));

      if (other->kind == kind && other->shift == DAFTAR_SHIFT_EVENING && g_str_equal (other->office_code, office))
        row = g_ptr_array_index (rows, i);
    }
  g_assert_nonnull (row);
  r = daftar_alert_rollup_row_get_rollup (row);
  day_row = g_ptr_array_index (daftar_alert_rollup_row_get_day_rows (row), 1);

  g_signal_emit_by_name (g_object_get_data (G_OBJECT (day_row), "note-button"), "clicked");
  dialog = daftar_test_find_annotation_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "remove"));
  daftar_annotation_dialog_set_text (dialog, "  یك باجه\nبرای تعمیر بسته بود ");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  daftar_test_wait_for_frames (GTK_WIDGET (dialog), 3);
  save_window_screenshot (GTK_WINDOW (dialog), "overview-note-dialog-fa.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  wait_for_notes (f, "یک باجه برای تعمیر بسته بود", 1);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (day_row)), "یادداشت: یک باجه برای تعمیر بسته بود"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "۱ روز از این روزها یادداشت دارد"));

  /* Edited: the same note, new words. */
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (day_row), "note-button"), "clicked");
  dialog = daftar_test_find_annotation_dialog ();
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "remove"));
  daftar_annotation_dialog_set_text (dialog, "قطعی سامانه");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  wait_for_notes (f, "قطعی سامانه", 1);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT count(*) FROM annotations"), ==, 1);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (day_row)), "قطعی سامانه"));

  /* A note on the roll-up itself, over its days. */
  g_signal_emit_by_name (daftar_alert_rollup_row_get_note_button (row), "clicked");
  dialog = daftar_test_find_annotation_dialog ();
  daftar_annotation_dialog_set_text (dialog, "دو کارمند در مرخصی بودند");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  wait_for_notes (f, "دو کارمند در مرخصی بودند", 1);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "یادداشت: دو کارمند در مرخصی بودند"));
  scroll_to_widget (GTK_WIDGET (row));
  save_window_screenshot (GTK_WINDOW (window), "overview-notes-fa.png");

  /* Removed: gone from the row and from the database. */
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (day_row), "note-button"), "clicked");
  dialog = daftar_test_find_annotation_dialog ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "remove");
  wait_for_notes (f, "قطعی سامانه", 0);
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (day_row)), "قطعی سامانه"));
  g_assert_cmpint (daftar_test_count (f->db, "SELECT count(*) FROM annotations"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The days a read-rate alert leaves out come from the constant, in the
 * UI's digits (Latin ones here, chosen in the Persian window), not typed
 * into the sentence as a word. */
static void
test_read_rate_days (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_alert_free);
  g_autoptr(GPtrArray) rollups = g_ptr_array_new ();
  g_autoptr(GPtrArray) annotations = g_ptr_array_new ();
  DaftarPeriod period;
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
  daftar_period_custom (&alert->day, &alert->day, &period);
  daftar_overview_fill_alerts (DAFTAR_OVERVIEW_PAGE (f->page), list, alerts, rollups, annotations, NULL, FALSE, &period, 0);
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
  g_test_add ("/overview-page/read-rate-today", Fixture, NULL, fixture_set_up, test_read_rate_today, fixture_tear_down);
  g_test_add ("/overview-page/in-window", Fixture, NULL, fixture_set_up, test_in_window, fixture_tear_down);
  g_test_add ("/overview-page/read-rate-days", Fixture, NULL, fixture_set_up, test_read_rate_days, fixture_tear_down);
  g_test_add ("/overview-page/load-failure", Fixture, NULL, fixture_set_up, test_load_failure, fixture_tear_down);
  return g_test_run ();
}
