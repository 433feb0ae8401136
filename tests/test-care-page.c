/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-care-page.c: the Client care page in Persian and English under Xvfb — the query's figures on screen, the empty state, no comments for every office, screenshots. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "daftar-care-page.h"
#include "daftar-care-page-private.h"
#include "daftar-care-page-query.h"
#include "daftar-charts.h"
#include "daftar-db-worker.h"
#include "daftar-demo.h"
#include "daftar-format.h"
#include "daftar-i18n.h"
#include "daftar-ingest.h"
#include "daftar-page.h"
#include "daftar-screenshot.h"
#include "daftar-test-demo-db.h"
#include "daftar-test-gtk.h"
#include "daftar-test-page-fixture.h"
#include "daftar-test-util.h"
#include "daftar-time.h"

#define FROM "2025-03-01"
#define TO "2025-04-29"
/* A low rating's words, to look for on screen. */
#define COMMENT "صف خیلی طولانی بود و نوبت رعایت نشد"

typedef struct
{
  DaftarDb       *db;        /* the test's own connection, for the expected figures */
  DaftarDbWorker *worker;    /* the page's */
  const char     *office;
  const char     *unrated_office;   /* one whose server sent no ratings */
  GtkWidget      *window;
  GtkWidget      *page;
  gboolean        persian;
} Fixture;

/* An office whose server sends no ratings, as an old one: the server takes
 * back every rating the demo sent for @office. */
static void
remove_ratings (DaftarDb   *db,
                const char *office)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) page = NULL;
  GString *changes = g_string_new ("[");
  sqlite3_stmt *stmt = daftar_db_prepare (db, "SELECT id FROM feedback WHERE office_code = ?1", &error);
  DaftarIngestResult result = { 0 };
  guint n = 0;

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, office, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (changes, "%s{\"entity\": \"feedback\", \"op\": \"delete\", \"id\": \"%s\"}",
                            n++ > 0 ? "," : "", (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  g_string_append (changes, "]");

  page = daftar_test_page (office, "no-ratings-1", changes->str);
  g_string_free (changes, TRUE);
  g_assert_true (daftar_ingest_page (db, office, page, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.rejected, ==, 0);
  daftar_ingest_result_clear (&result);
  g_assert_cmpuint (n, >, 0);
  {
    g_autofree char *left = g_strdup_printf ("SELECT count(*) FROM feedback WHERE office_code = '%s'", office);

    g_assert_cmpint (daftar_test_count (db, left), ==, 0);
  }
}

/* The clients of @office rate one served ticket in four, lower the longer
 * they waited; the lowest say why (on top of the demo's own ratings). */
static void
add_ratings (DaftarDb   *db,
             const char *office)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) page = NULL;
  GString *changes = g_string_new ("[");
  sqlite3_stmt *stmt = daftar_db_prepare (db, "SELECT id, called_at - issued_at, finished_at FROM tickets "
                                              "WHERE office_code = ?1 AND outcome = 'served' "
                                              "AND finished_at IS NOT NULL ORDER BY issued_at, id", &error);
  DaftarIngestResult result;
  guint i = 0, n = 0;

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, office, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *ticket = (const char *) sqlite3_column_text (stmt, 0);
      gint64 wait = sqlite3_column_int64 (stmt, 1);
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 2) + 600);
      g_autofree char *when = g_date_time_format (at, "%Y-%m-%dT%H:%M:%S+00:00");
      int rating = wait < 5 * 60 ? 5 : wait < 15 * 60 ? 4 : wait < 30 * 60 ? 3 : 1 + (n % 2);

      if (i++ % 4 != 0)
        continue;
      g_string_append_printf (changes, "%s{\"entity\": \"feedback\", \"op\": \"upsert\", \"data\": {"
                              "\"id\": \"FB-%u\", \"office_code\": \"%s\", \"ticket_id\": \"%s\", "
                              "\"rating\": %d, \"channel\": \"sms\", \"submitted_at\": \"%s\", \"comment\": %s}}",
                              n++ > 0 ? "," : "", i, office, ticket, rating, when,
                              rating <= 2 ? "\"" COMMENT "\"" : "null");
    }
  sqlite3_reset (stmt);
  g_string_append (changes, "]");
  g_assert_cmpuint (n, >, 100);

  page = daftar_test_page (office, "ratings-1", changes->str);
  g_string_free (changes, TRUE);
  g_assert_true (daftar_ingest_page (db, office, page, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.rejected, ==, 0);
  daftar_ingest_result_clear (&result);
}

/* The demo's database, filled once and only read by every test. */
static struct
{
  char     *dir;
  DaftarDb *db;
  char     *office;
  char     *unrated_office;
} demo_db;

static void
demo_db_ensure (void)
{
  g_autoptr(DaftarDemo) demo = NULL;

  if (demo_db.db != NULL)
    return;
  demo_db.db = daftar_test_db_new (&demo_db.dir);
  demo = daftar_test_demo_fill (demo_db.db, 2);
  demo_db.office = g_strdup (daftar_demo_get_office_code (demo, 0));
  demo_db.unrated_office = g_strdup (daftar_demo_get_office_code (demo, 1));
  remove_ratings (demo_db.db, demo_db.unrated_office);
  add_ratings (demo_db.db, demo_db.office);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->persian = g_str_equal (data, "fa");
  daftar_i18n_force (data);
  daftar_i18n_init ();
  gtk_widget_set_default_direction (f->persian ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  demo_db_ensure ();
  f->db = demo_db.db;
  f->office = demo_db.office;
  f->unrated_office = demo_db.unrated_office;
  f->worker = daftar_db_worker_new (daftar_db_get_path (f->db));
  f->window = daftar_test_page_window_new (DAFTAR_TYPE_CARE_PAGE, 1280, 900, &f->page);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  daftar_test_page_window_destroy (f->window);
  g_clear_object (&f->worker);
}

/* Loads the page for a period and waits for it; returns the core's figures for the same. */
static DaftarCarePageFigures *
load (Fixture *f, const char *office, const char *from, const char *to)
{
  g_autoptr(DaftarPageContext) context = daftar_test_page_load (f->page, f->window, f->worker, office, from, to);
  g_autoptr(GError) error = NULL;
  DaftarCarePageFigures *figures;

  g_assert_null (daftar_page_get_error (DAFTAR_PAGE (f->page)));
  figures = daftar_care_page_query (f->db, context, NULL, &error);
  g_assert_no_error (error);
  return figures;
}

static gpointer
child (Fixture *f, const char *name)
{
  return daftar_test_template_child (f->page, DAFTAR_TYPE_CARE_PAGE, name);
}

static DaftarKpiTile *
find_tile (Fixture *f, const char *title)
{
  for (GtkWidget *c = gtk_widget_get_first_child (child (f, "tiles")); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *tile = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (c));

      if (g_strcmp0 (daftar_kpi_tile_get_title (DAFTAR_KPI_TILE (tile)), title) == 0)
        return DAFTAR_KPI_TILE (tile);
    }
  g_test_message ("no tile %s", title);
  g_assert_not_reached ();
}

/* The tile shows @text (the core's figure as the page formats it) in the UI's digits. */
static void
assert_tile (Fixture *f, const char *title, const char *text, DaftarKpiStatus status)
{
  DaftarKpiTile *tile = find_tile (f, title);
  const char *description = daftar_kpi_tile_get_description (tile);

  g_test_message ("%s: %s", title, description);
  g_assert_nonnull (strstr (description, text));
  g_assert_true (f->persian ? !daftar_test_has_latin_digit (description) : !daftar_test_has_persian_digit (description));
  g_assert_cmpint (daftar_kpi_tile_get_status (tile), ==, status);
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (tile)));
}

/* Whether a label under @widget (mapped or not) holds @text. */
static gboolean
has_text (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_text (c, text))
      return TRUE;
  return FALSE;
}

static void
check_figures (Fixture *f, const DaftarCareFigures *d)
{
  const DaftarStandards *standards = &d->standards;
  g_autofree char *out_of_turn = daftar_format_percent (d->out_of_turn.total.share, 1);
  g_autofree char *crowded = daftar_format_percent ((double) d->crowding.days_over / d->crowding.days, 0);
  g_autofree char *idle = daftar_format_percent (d->idle.share, 1);
  g_autofree char *rating = daftar_format_decimal (d->satisfaction.mean, 2);
  g_autofree char *response = daftar_format_percent (d->satisfaction.response_rate, 0);
  DaftarChart *staff_share = child (f, "staff_share_chart");
  DaftarChart *crowding = child (f, "crowding_chart");
  DaftarChart *ratings = child (f, "ratings_chart");
  DaftarChart *by_wait = child (f, "rating_wait_chart");
  GListModel *worst = G_LIST_MODEL (gtk_column_view_get_model (child (f, "worst_view")));

  /* The demo's figures are not trivial, so the comparison means something. */
  g_assert_cmpint (d->out_of_turn.total.out_of_turn, >, 0);
  g_assert_cmpint (d->crowding.days, >, 0);
  g_assert_cmpint (d->idle.idle_s, >, 0);
  g_assert_cmpint (d->satisfaction.n, >, 0);

  assert_tile (f, _("Called out of turn"), out_of_turn,
               d->out_of_turn.total.share <= standards->max_out_of_turn_share ? DAFTAR_KPI_STATUS_MET : DAFTAR_KPI_STATUS_BREACHED);
  assert_tile (f, _("Crowded days"), crowded,
               d->crowding.days_over == 0 ? DAFTAR_KPI_STATUS_MET : DAFTAR_KPI_STATUS_BREACHED);
  assert_tile (f, _("Counters idle while clients waited"), idle, DAFTAR_KPI_STATUS_NONE);
  assert_tile (f, _("Mean rating"), rating,
               d->satisfaction.mean >= standards->target_rating ? DAFTAR_KPI_STATUS_MET : DAFTAR_KPI_STATUS_BREACHED);
  assert_tile (f, _("Clients who rated"), response, DAFTAR_KPI_STATUS_NONE);

  /* The lists and charts hold the core's rows. */
  g_assert_cmpuint (g_list_model_get_n_items (worst), ==, d->out_of_turn.worst->len);
  if (d->out_of_turn.worst->len > 0)
    {
      const DaftarOutOfTurnInstance *first = g_ptr_array_index (d->out_of_turn.worst, 0);
      g_autoptr(DaftarCareRow) row = g_list_model_get_item (worst, 0);
      g_autofree char *jumped = daftar_format_int (first->jumped);
      g_autofree char *when = daftar_format_datetime (first->called_at);

      g_assert_cmpstr (daftar_care_row_get_cell (row, 1), ==, when);
      g_assert_cmpstr (daftar_care_row_get_cell (row, 4), ==, jumped);
    }
  g_assert_cmpuint (daftar_chart_series_get_n_points (daftar_chart_get_series (staff_share, 0)), ==,
                    d->out_of_turn.by_staff->len);
  for (guint i = 0; i < d->out_of_turn.by_staff->len; i++)
    g_assert_cmpfloat (daftar_chart_series_get_value (daftar_chart_get_series (staff_share, 0), i), ==,
                       ((DaftarOutOfTurnGroup *) g_ptr_array_index (d->out_of_turn.by_staff, i))->count.share);
  g_assert_cmpfloat (daftar_line_chart_get_target (DAFTAR_LINE_CHART (crowding)), ==, standards->waiting_room_seats);
  for (guint r = 1; r <= DAFTAR_RATING_MAX; r++)
    g_assert_cmpfloat (daftar_chart_series_get_value (daftar_chart_get_series (ratings, 0), r - 1), ==,
                       d->satisfaction.by_rating[r]);
  for (guint b = 0; b < DAFTAR_N_WAIT_BANDS; b++)
    {
      double want = d->satisfaction.by_wait_band[b].mean;
      double got = daftar_chart_series_get_value (daftar_chart_get_series (by_wait, 0), b);

      g_assert_true (isnan (want) ? isnan (got) : got == want);
    }
  /* Charts speak for themselves to a screen reader. */
  g_assert_nonnull (strstr (daftar_chart_get_description (crowding), daftar_chart_get_title (crowding)));
}

/* Saves the page screen by screen, scrolling down, as @name-N.png. */
static void
save_screens (Fixture *f, const char *name)
{
  daftar_test_save_screens (f->window, child (f, "scroller"), name);
}

static void
test_office (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftarCarePageFigures) d = load (f, f->office, FROM, TO);
  GtkWidget *low_view = child (f, "low_view");
  g_autofree char *name = NULL;

  g_assert_cmpint (gtk_widget_get_direction (f->page), ==, f->persian ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f, "content_stack")), ==, "figures");
  check_figures (f, d->figures);

  /* The office's newest low ratings, in the clients' words. */
  g_assert_cmpuint (d->figures->low_ratings->len, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (low_view)))), ==,
                    d->figures->low_ratings->len);
  g_assert_true (gtk_widget_get_visible (low_view));
  g_assert_true (has_text (low_view, COMMENT));

  name = g_strdup_printf ("care-page-%s-1280", f->persian ? "fa" : "en");
  save_screens (f, name);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 800);
  daftar_test_wait_for_frames (f->window, 5);
  g_free (name);
  name = g_strdup_printf ("care-page-%s-900", f->persian ? "fa" : "en");
  save_screens (f, name);
}

/* Every office together: the figures, but never a client's comment. */
static void
test_every_office (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftarCarePageFigures) d = load (f, NULL, FROM, TO);
  GtkWidget *low_view = child (f, "low_view");

  check_figures (f, d->figures);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (low_view)))), ==, 0);
  g_assert_false (gtk_widget_get_visible (low_view));
  g_assert_false (has_text (f->page, COMMENT));
  g_assert_cmpstr (gtk_label_get_text (child (f, "low_note")), ==,
                   _("The clients’ comments are shown on each office’s own page, not for every office together."));

  /* Switching back to the office brings them again. */
  g_clear_pointer (&d, daftar_care_page_figures_free);
  d = load (f, f->office, FROM, TO);
  g_assert_true (has_text (f->page, COMMENT));
  g_clear_pointer (&d, daftar_care_page_figures_free);
  d = load (f, NULL, FROM, TO);
  g_assert_false (has_text (f->page, COMMENT));
  save_screens (f, f->persian ? "care-page-fa-every-office" : "care-page-en-every-office");
}

/* A period without tickets or ratings: the empty state, not dashes. */
static void
test_empty (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftarCarePageFigures) d = load (f, f->office, "2024-06-01", "2024-06-10");

  g_assert_cmpint (d->figures->crowding.days, ==, 0);
  g_assert_cmpint (d->figures->satisfaction.n, ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f, "content_stack")), ==, "empty");
  daftar_test_wait_for_frames (f->window, 3);
  {
    g_autofree char *path = g_test_build_filename (G_TEST_BUILT, f->persian ? "care-page-fa-empty.png" : "care-page-en-empty.png", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_true (daftar_screenshot_save (GTK_WINDOW (f->window), path, &error));
    g_assert_no_error (error);
  }

  /* Tickets without any rating (an old server): the figures, and a word
   * where the ratings would be. */
  g_clear_pointer (&d, daftar_care_page_figures_free);
  d = load (f, f->unrated_office, FROM, TO);
  g_assert_cmpint (d->figures->satisfaction.n, ==, 0);
  g_assert_cmpint (d->figures->crowding.days, >, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f, "content_stack")), ==, "figures");
  g_assert_false (gtk_widget_get_visible (child (f, "ratings_area")));
  g_assert_true (gtk_widget_get_visible (child (f, "no_ratings")));
  g_assert_cmpint (daftar_kpi_tile_get_status (find_tile (f, _("Mean rating"))), ==, DAFTAR_KPI_STATUS_NONE);
  /* Not "0%": no rating at all says nothing about the clients. */
  g_assert_cmpfloat (d->figures->satisfaction.response_rate, ==, 0);
  {
    g_autofree char *zero = daftar_format_percent (0, 0);

    g_assert_null (strstr (daftar_kpi_tile_get_description (find_tile (f, _("Clients who rated"))), zero));
  }
  save_screens (f, f->persian ? "care-page-fa-unrated" : "care-page-en-unrated");
}

int
main (int argc, char *argv[])
{
  int status;

  daftar_i18n_force ("fa");
  daftar_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  for (guint i = 0; i < 2; i++)
    {
      const char *language = i == 0 ? "fa" : "en";
      g_autofree char *office = g_strdup_printf ("/care/page/%s/office", language);
      g_autofree char *every = g_strdup_printf ("/care/page/%s/every-office", language);
      g_autofree char *empty = g_strdup_printf ("/care/page/%s/empty", language);

      g_test_add (office, Fixture, language, fixture_set_up, test_office, fixture_tear_down);
      g_test_add (every, Fixture, language, fixture_set_up, test_every_office, fixture_tear_down);
      g_test_add (empty, Fixture, language, fixture_set_up, test_empty, fixture_tear_down);
    }

  status = g_test_run ();
  g_clear_pointer (&demo_db.db, daftar_db_close);
  g_clear_pointer (&demo_db.office, g_free);
  g_clear_pointer (&demo_db.unrated_office, g_free);
  g_clear_pointer (&demo_db.dir, daftar_test_tmpdir_free);
  return status;
}
