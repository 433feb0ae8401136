/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-shifts-page.c: the Shifts page in Persian under Xvfb — right to left, Persian digits, mirrored heatmap and its peak-waiting layer, figures from the query, a screenshot. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "daftar-care.h"
#include "daftar-charts.h"
#include "daftar-db-worker.h"
#include "daftar-demo.h"
#include "daftar-format.h"
#include "daftar-i18n.h"
#include "daftar-page.h"
#include "daftar-shifts-page.h"
#include "daftar-staffing-panel.h"
#include "daftar-shifts-query.h"
#include "daftar-test-demo-db.h"
#include "daftar-test-gtk.h"
#include "daftar-test-page-fixture.h"
#include "daftar-test-util.h"
#include "daftar-time.h"

typedef struct
{
  char           *dir;
  DaftarDb       *db;        /* the test's own connection, for the expected figures */
  DaftarDbWorker *worker;    /* the page's */
  char           *office;
  GtkWidget      *window;
  GtkWidget      *page;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftarDemo) demo = NULL;

  f->db = daftar_test_db_new (&f->dir);
  demo = daftar_test_demo_fill (f->db, 1);
  f->office = g_strdup (daftar_demo_get_office_code (demo, 0));
  f->worker = daftar_db_worker_new (daftar_db_get_path (f->db));
  f->window = daftar_test_page_window_new (DAFTAR_TYPE_SHIFTS_PAGE, 1200, 900, &f->page);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  daftar_test_page_window_destroy (f->window);
  g_clear_object (&f->worker);
  g_clear_pointer (&f->db, daftar_db_close);
  g_clear_pointer (&f->office, g_free);
  daftar_test_tmpdir_free (f->dir);
}

/* Loads the page for a period and waits for it; returns the query's figures for the same. */
static DaftarShiftsData *
load (Fixture *f, const char *office, const char *from, const char *to)
{
  g_autoptr(DaftarPageContext) context = daftar_test_page_load (f->page, f->window, f->worker, office, from, to);
  g_autoptr(GError) error = NULL;
  DaftarShiftsData *d;

  d = daftar_query_shifts (f->db, office, &context->period.from, &context->period.to,
                           daftar_period_bin (&context->period), NULL, &error);
  g_assert_no_error (error);
  return d;
}

static gpointer
child (Fixture *f, const char *name)
{
  return daftar_test_template_child (f->page, DAFTAR_TYPE_SHIFTS_PAGE, name);
}

/* The tile titled @title among the children of @box. */
static DaftarKpiTile *
find_tile (GtkWidget *box, const char *title)
{
  for (GtkWidget *c = gtk_widget_get_first_child (box); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *tile = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (c));

      if (g_strcmp0 (daftar_kpi_tile_get_title (DAFTAR_KPI_TILE (tile)), title) == 0)
        return DAFTAR_KPI_TILE (tile);
    }
  g_assert_not_reached ();
}

static DaftarKpiStatus
expected_status (DaftarVerdict verdict)
{
  return verdict == DAFTAR_VERDICT_MET ? DAFTAR_KPI_STATUS_MET
       : verdict == DAFTAR_VERDICT_BREACHED ? DAFTAR_KPI_STATUS_BREACHED : DAFTAR_KPI_STATUS_NONE;
}

/* Whether a label reading @text, beside an image, is somewhere under @widget. */
static gboolean
has_verdict (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    {
      GtkWidget *sibling = gtk_widget_get_prev_sibling (widget);
      return sibling != NULL && GTK_IS_IMAGE (sibling) && gtk_widget_get_mapped (sibling);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_verdict (c, text))
      return TRUE;
  return FALSE;
}

static void
check_tiles (Fixture *f, const DaftarShiftsData *d)
{
  const char *boxes[] = { "morning_tiles", "evening_tiles" };

  for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
    {
      GtkWidget *box = child (f, boxes[s]);
      DaftarKpiTile *issued = find_tile (box, _("Queue tickets issued"));
      DaftarKpiTile *wait = find_tile (box, _("Mean wait"));
      DaftarKpiTile *level = find_tile (box, _("Served within the standard wait"));
      DaftarKpiTile *load = find_tile (box, _("Clients per staff member per shift"));
      g_autofree char *issued_text = daftar_format_int (d->shift[s].issued);
      const char *description = daftar_kpi_tile_get_description (issued);

      /* The query's figure, in Persian digits and no Latin ones. */
      g_assert_true (daftar_test_has_persian_digit (issued_text));
      g_assert_nonnull (strstr (description, issued_text));
      g_assert_false (daftar_test_has_latin_digit (description));
      g_assert_false (daftar_test_has_latin_digit (daftar_kpi_tile_get_description (wait)));
      g_assert_cmpint (daftar_kpi_tile_get_status (wait), ==,
                       expected_status (d->checks[s][DAFTAR_SHIFT_STANDARD_WAIT_MEAN].verdict));
      g_assert_cmpint (daftar_kpi_tile_get_status (level), ==,
                       expected_status (d->checks[s][DAFTAR_SHIFT_STANDARD_SERVICE_LEVEL].verdict));
      g_assert_cmpint (daftar_kpi_tile_get_status (load), ==,
                       expected_status (d->checks[s][DAFTAR_SHIFT_STANDARD_CASES_PER_STAFF].verdict));

      /* «صدک ۹۰» names its number in the UI's digits, and says what it is
       * when hovered; so do the wait and the service level. */
      {
        DaftarKpiTile *p90 = find_tile (box, "صدک ۹۰ زمان انتظار");
        const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (p90));

        g_assert_nonnull (tooltip);
        g_assert_nonnull (strstr (tooltip, "از هر ۱۰ مراجعه‌کننده، ۹ نفر"));
        g_assert_nonnull (strstr (daftar_kpi_tile_get_description (p90), tooltip));
        g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (wait)));
        g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (level)));
      }
    }
}

static void
check_heatmap (Fixture *f, const DaftarShiftsData *d)
{
  DaftarHeatmap *heatmap = child (f, "arrivals_heatmap");
  graphene_rect_t first, last;
  guint sunday = daftar_shifts_weekday_row (G_DATE_SUNDAY);

  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (heatmap)), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (daftar_heatmap_get_first_hour (heatmap), ==, d->first_hour);
  g_assert_cmpint (daftar_heatmap_get_last_hour (heatmap), ==, d->last_hour);
  for (int h = d->first_hour; h <= d->last_hour; h++)
    {
      double want = daftar_shifts_mean_arrivals (d, sunday, h);
      double got = daftar_heatmap_get_value (heatmap, G_DATE_SUNDAY, h);

      if (isnan (want))
        g_assert_true (isnan (got));
      else
        g_assert_cmpfloat_with_epsilon (got, want, 1e-9);
    }

  /* Mirrored: the first opening hour is the rightmost column. */
  g_assert_true (daftar_heatmap_get_cell_rect (heatmap, G_DATE_SATURDAY, d->first_hour, &first));
  g_assert_true (daftar_heatmap_get_cell_rect (heatmap, G_DATE_SATURDAY, d->last_hour, &last));
  g_assert_cmpfloat (first.origin.x, >, last.origin.x);
  g_assert_cmpfloat (first.origin.x + first.size.width, >, 0.8 * gtk_widget_get_width (GTK_WIDGET (heatmap)));
}

static void
check_standards (Fixture *f, const DaftarShiftsData *d)
{
  GtkWidget *list = child (f, "standards_list");
  guint i = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row), i++)
    {
      const DaftarStandardCheck *check = &d->checks[i / DAFTAR_N_SHIFT_STANDARDS][i % DAFTAR_N_SHIFT_STANDARDS];
      const char *words = check->verdict == DAFTAR_VERDICT_MET ? _("Met")
                        : check->verdict == DAFTAR_VERDICT_BREACHED ? _("Breached") : _("Not measured");

      g_assert_true (ADW_IS_ACTION_ROW (row));
      /* Shown by icon and words, not colour alone. */
      g_assert_true (has_verdict (row, words));
    }
  g_assert_cmpuint (i, ==, DAFTAR_N_SHIFTS * DAFTAR_N_SHIFT_STANDARDS);
}

/* Saves the page screen by screen, scrolling down, as @name-N.png. */
static void
save_screens (Fixture *f, const char *name)
{
  daftar_test_save_screens (f->window, child (f, "scroller"), name);
}

static void
test_persian_page (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftarShiftsData) d = NULL;
  GtkBox *staffing = daftar_shifts_page_get_staffing_area (DAFTAR_SHIFTS_PAGE (f->page));

  g_assert_true (daftar_i18n_is_persian ());
  g_assert_cmpint (gtk_widget_get_direction (f->page), ==, GTK_TEXT_DIR_RTL);

  /* Two months over Nowruz 1404. */
  d = load (f, f->office, "2025-03-01", "2025-04-29");
  check_tiles (f, d);
  check_heatmap (f, d);
  check_standards (f, d);

  /* The staffing advisor, last on the page. */
  g_assert_true (GTK_IS_BOX (staffing));
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (staffing)), ==, GTK_ORIENTATION_VERTICAL);
  g_assert_true (DAFTAR_IS_STAFFING_PANEL (gtk_widget_get_first_child (GTK_WIDGET (staffing))));
  g_assert_null (gtk_widget_get_next_sibling (GTK_WIDGET (staffing)));

  save_screens (f, "shifts-page-fa");
}

/* A one-counter evening week: the evening's standards show as breached on screen. */
static void
test_understaffed_week (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftarDemo) demo = daftar_test_demo_new (1);
  g_autoptr(DaftarShiftsData) d = NULL;
  GDate day, saturday, friday;
  char from[11], to[11];
  gboolean found = FALSE;

  for (guint i = 0; i < 120 && !found; i++)
    {
      daftar_demo_get_day (demo, i, &day);
      found = daftar_demo_is_understaffed_evening (demo, 0, &day);
    }
  g_assert_true (found);
  daftar_week_start (&day, &saturday);
  friday = saturday;
  g_date_add_days (&friday, 6);
  daftar_time_format_day (&saturday, from);
  daftar_time_format_day (&friday, to);

  d = load (f, NULL, from, to);
  g_assert_cmpint (d->checks[DAFTAR_SHIFT_EVENING][DAFTAR_SHIFT_STANDARD_WAIT_MEAN].verdict, ==, DAFTAR_VERDICT_BREACHED);
  g_assert_cmpint (daftar_kpi_tile_get_status (find_tile (child (f, "evening_tiles"), _("Mean wait"))), ==,
                   DAFTAR_KPI_STATUS_BREACHED);
  check_tiles (f, d);
  check_standards (f, d);
  save_screens (f, "shifts-page-fa-understaffed");
}

/* A period without data: dashes and no verdicts, not zeros that look like a good day. */
static void
set_seats (Fixture *f, double seats)
{
  g_autofree char *sql = g_strdup_printf ("INSERT OR REPLACE INTO standards (key, value) "
                                          "VALUES ('waiting_room_seats', %.17g)", seats);
  g_autoptr(GError) error = NULL;

  g_assert_true (daftar_db_exec (f->db, sql, &error));
  g_assert_no_error (error);
}

/* The wait heatmap's "peak waiting" layer: per weekday and hour the share
 * of open days whose peak of clients waiting at once exceeded the seats,
 * as the core counts it, titled with the seats and with a table; switched
 * off, the mean wait again. Few seats, so that the shares are neither all
 * 0 nor all 1. */
static void
test_peak_waiting_layer (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftarShiftsData) d = NULL;
  g_autoptr(GError) error = NULL;
  DaftarHeatmap *heatmap = child (f, "wait_heatmap");
  DaftarChartFrame *frame = child (f, "wait_heatmap_frame");
  GtkSwitch *layer = child (f, "peak_waiting_switch");
  DaftarCrowdingFigures crowding;
  GDate from, to;
  guint n_between = 0, n_cells = 0;

  set_seats (f, 4);
  d = load (f, f->office, "2025-03-01", "2025-04-29");
  g_assert_true (daftar_time_parse_day ("2025-03-01", &from));
  g_assert_true (daftar_time_parse_day ("2025-04-29", &to));
  g_assert_true (daftar_care_query_crowding (f->db, f->office, &from, &to, 4, &crowding, &error));
  g_assert_no_error (error);

  /* Off: the mean wait. */
  g_assert_false (gtk_switch_get_active (layer));
  g_assert_cmpstr (daftar_chart_frame_get_title (frame), ==, "میانگین زمان انتظار به تفکیک روز هفته و ساعت");

  gtk_switch_set_active (layer, TRUE);
  daftar_test_wait_for_frames (f->window, 3);
  g_assert_cmpstr (daftar_chart_frame_get_title (frame), ==,
                   "سهم روزهایی که شمار مراجعه‌کنندگان منتظر هم‌زمان از ۴ صندلی سالن انتظار بیشتر شد، به تفکیک روز هفته و ساعت");
  g_assert_cmpstr (daftar_chart_get_unit (DAFTAR_CHART (heatmap)), ==, "سهم روزهای کاری");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (frame)), "تیره‌تر"));
  for (GDateWeekday w = G_DATE_MONDAY; w <= G_DATE_SUNDAY; w++)
    for (guint h = daftar_heatmap_get_first_hour (heatmap); h <= daftar_heatmap_get_last_hour (heatmap); h++)
      {
        const DaftarCrowdingCell *cell = &crowding.cells[daftar_shifts_weekday_row (w)][h];
        double got = daftar_heatmap_get_value (heatmap, w, h);

        if (cell->days == 0)
          {
            g_assert_true (isnan (got));
            continue;
          }
        g_assert_cmpfloat (got, ==, (double) cell->days_over / cell->days);
        n_cells++;
        n_between += got > 0 && got < 1;
      }
  g_test_message ("%u cells, %u between 0 and 1", n_cells, n_between);
  g_assert_cmpuint (n_cells, >, 0);
  g_assert_cmpuint (n_between, >, 0);

  /* The same as a table, for a screen reader. */
  daftar_chart_frame_set_show_table (frame, TRUE);
  daftar_test_wait_for_frames (f->window, 3);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (daftar_chart_frame_get_table (frame))));
  g_assert_nonnull (strstr (daftar_chart_get_description (DAFTAR_CHART (heatmap)), "۴ صندلی"));
  save_screens (f, "shifts-peak-waiting-fa");
  daftar_chart_frame_set_show_table (frame, FALSE);

  /* Off again: the mean wait of the same figures. */
  gtk_switch_set_active (layer, FALSE);
  for (guint h = daftar_heatmap_get_first_hour (heatmap); h <= daftar_heatmap_get_last_hour (heatmap); h++)
    {
      double wait = daftar_shifts_mean_wait (d, daftar_shifts_weekday_row (G_DATE_SUNDAY), h);

      if (!isnan (wait))
        g_assert_cmpfloat (daftar_heatmap_get_value (heatmap, G_DATE_SUNDAY, h), ==, wait);
    }
  g_assert_cmpstr (daftar_chart_frame_get_title (frame), ==, "میانگین زمان انتظار به تفکیک روز هفته و ساعت");
  g_assert_cmpint (daftar_chart_get_value_format (DAFTAR_CHART (heatmap)), ==, DAFTAR_CHART_VALUE_MINUTES);
}

static void
test_empty_period (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftarShiftsData) d = load (f, f->office, "2024-06-01", "2024-06-10");
  DaftarKpiTile *wait = find_tile (child (f, "morning_tiles"), _("Mean wait"));

  g_assert_cmpint (d->shift[DAFTAR_SHIFT_MORNING].issued, ==, 0);
  g_assert_cmpint (daftar_kpi_tile_get_status (wait), ==, DAFTAR_KPI_STATUS_NONE);
  check_standards (f, d);
}

int
main (int argc, char *argv[])
{
  daftar_i18n_force ("fa");
  daftar_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/shifts/page/persian", Fixture, NULL, fixture_set_up, test_persian_page, fixture_tear_down);
  g_test_add ("/shifts/page/understaffed-week", Fixture, NULL, fixture_set_up, test_understaffed_week, fixture_tear_down);
  g_test_add ("/shifts/page/peak-waiting-layer", Fixture, NULL, fixture_set_up, test_peak_waiting_layer, fixture_tear_down);
  g_test_add ("/shifts/page/empty-period", Fixture, NULL, fixture_set_up, test_empty_period, fixture_tear_down);

  return g_test_run ();
}
