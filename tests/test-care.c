/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-care.c: client care — the feedback entity through ingest, and each figure of the Client care page against a naive recomputation over the base tables. */
#include "config.h"

#include <string.h>

#include <math.h>

#include "daftar-care.h"
#include "daftar-care-page-query.h"
#include "daftar-ingest.h"
#include "daftar-report.h"
#include "daftar-text.h"
#include "daftar-test-util.h"

#define OFFICE "YZ-ABK-01"

#define FEEDBACK_JSON(id, office, rating, channel, comment) \
  "{\"entity\": \"feedback\", \"op\": \"upsert\", \"data\": {\"id\": \"" id "\", \"office_code\": \"" office "\", " \
  "\"ticket_id\": \"T1\", \"rating\": " rating ", \"channel\": " channel ", " \
  "\"submitted_at\": \"2026-10-29T11:00:00+03:30\", \"comment\": " comment "}}"

static gint64
ingest (DaftarDb   *db,
        const char *office,
        const char *cursor,
        const char *changes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) page = daftar_test_page (office, cursor, changes);
  DaftarIngestResult result;
  gint64 rejected;

  g_assert_true (daftar_ingest_page (db, office, page, &result, &error));
  g_assert_no_error (error);
  rejected = result.rejected;
  daftar_ingest_result_clear (&result);
  return rejected;
}

static char *
reject_reason (DaftarDb   *db,
               const char *raw_part)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sync_rejects WHERE entity = 'feedback' "
                                          "AND instr (raw, '%s') > 0", raw_part);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GError) error = NULL;
  char *reason = NULL;

  g_assert_cmpint (daftar_test_count (db, sql), ==, 1);
  stmt = daftar_db_prepare (db, "SELECT reason FROM sync_rejects WHERE entity = 'feedback' "
                                "AND instr (raw, ?1) > 0", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, raw_part, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  reason = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return reason;
}

/* A feed's ratings are stored with their comment's search key; a rating
 * outside 1..5, an unknown channel and another office's rating are each
 * rejected with the reason, and the rest of the page is applied. */
static void
test_feedback_ingest (void)
{
  g_autofree char *dir = NULL;
  DaftarDb *db = daftar_test_db_new (&dir);
  g_autofree char *reason = NULL;
  g_autofree char *key = NULL;
  const char *changes =
    "["
    FEEDBACK_JSON ("F1", OFFICE, "5", "\"sms\"", "\"كارمند باجه ۲ بسيار مؤدب بود\"") ","
    FEEDBACK_JSON ("F2", OFFICE, "1", "\"kiosk\"", "null") ","
    FEEDBACK_JSON ("F-zero", OFFICE, "0", "\"sms\"", "null") ","
    FEEDBACK_JSON ("F-seven", OFFICE, "7", "\"web\"", "null") ","
    FEEDBACK_JSON ("F-email", OFFICE, "3", "\"email\"", "null") ","
    FEEDBACK_JSON ("F-other", "TH-02", "3", "\"web\"", "null") ","
    /* Never rejected by ingest: a rating without its ticket. */
    "{\"entity\": \"feedback\", \"op\": \"upsert\", \"data\": {\"id\": \"F3\", \"office_code\": \"" OFFICE "\", "
    "\"rating\": 3, \"channel\": \"web\", \"submitted_at\": \"2026-10-30T09:00:00+03:30\"}},"
    /* Called before it was issued: rejected already, whatever the care figures. */
    "{\"entity\": \"ticket\", \"op\": \"upsert\", \"data\": {\"id\": \"T-early\", \"office_code\": \"" OFFICE "\", "
    "\"service\": \"brief\", \"issued_at\": \"2026-10-29T08:00:00+03:30\", "
    "\"called_at\": \"2026-10-29T07:59:00+03:30\", \"outcome\": \"served\"}}"
    "]";

  g_assert_cmpint (ingest (db, OFFICE, "c1", changes), ==, 5);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM feedback"), ==, 3);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM feedback WHERE ticket_id IS NULL AND id = 'F3'"), ==, 1);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM tickets"), ==, 0);

  reason = reject_reason (db, "F-zero");
  g_assert_nonnull (strstr (reason, "rating 0 is outside the scale of 1 to 5"));
  g_clear_pointer (&reason, g_free);
  reason = reject_reason (db, "F-seven");
  g_assert_nonnull (strstr (reason, "rating 7 is outside the scale of 1 to 5"));
  g_clear_pointer (&reason, g_free);
  reason = reject_reason (db, "F-email");
  g_assert_nonnull (strstr (reason, "channel “email” is not one of the allowed values"));
  g_clear_pointer (&reason, g_free);
  reason = reject_reason (db, "F-other");
  g_assert_nonnull (strstr (reason, "not the office of this feed"));
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM sync_rejects WHERE entity = 'ticket' "
                                          "AND reason = 'called_at is before issued_at'"), ==, 1);

  /* Stored with Persian letters, and found by either spelling. */
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM feedback WHERE id = 'F1' "
                                          "AND comment = 'کارمند باجه ۲ بسیار مؤدب بود'"), ==, 1);
  key = daftar_text_search_key ("مودب");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM feedback WHERE instr (search_key, '%s') > 0", key);
    g_assert_cmpint (daftar_test_count (db, sql), ==, 1);
  }
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM feedback WHERE id = 'F2' AND search_key = ''"), ==, 1);

  /* Another office cannot take over a rating by its id, nor delete it. */
  g_assert_cmpint (ingest (db, "TH-02", "t1",
                           "[" FEEDBACK_JSON ("F1", "TH-02", "1", "\"web\"", "null") ","
                           "{\"entity\": \"feedback\", \"op\": \"delete\", \"id\": \"F2\"}]"), ==, 2);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM feedback WHERE office_code = '" OFFICE "'"), ==, 3);
  /* The office's own feed deletes its rating. */
  g_assert_cmpint (ingest (db, OFFICE, "c2", "[{\"entity\": \"feedback\", \"op\": \"delete\", \"id\": \"F2\"}]"), ==, 0);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM feedback"), ==, 2);

  daftar_db_close (db);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

#define TICKET(id, service, issued, called, finished, counter, staff, outcome) \
  "{\"entity\": \"ticket\", \"op\": \"upsert\", \"data\": {\"id\": \"" id "\", \"office_code\": \"" OFFICE "\", " \
  "\"number\": 1, \"service\": \"" service "\", \"issued_at\": \"2026-10-29T" issued ":00+03:30\", " \
  "\"called_at\": " called ", \"finished_at\": " finished ", \"counter\": " counter ", \"staff_id\": " staff ", " \
  "\"outcome\": \"" outcome "\"}}"
#define AT(hhmm) "\"2026-10-29T" hhmm ":00+03:30\""
#define RATING(id, ticket, rating, hhmm, comment) \
  "{\"entity\": \"feedback\", \"op\": \"upsert\", \"data\": {\"id\": \"" id "\", \"office_code\": \"" OFFICE "\", " \
  "\"ticket_id\": " ticket ", \"rating\": " rating ", \"channel\": \"sms\", " \
  "\"submitted_at\": " AT (hhmm) ", \"comment\": " comment "}}"

/* One Thursday, worked out by hand from the definitions (daftar-care.h):
 * B is called before A, who waited; C ties B in issued_at and jumps
 * nobody; E, a no-show, is called while C waits; D is the only brief of
 * the day (a counter with one ticket); F is cancelled, never called, and
 * waits until 14:00; G is alone in the evening shift, which has no
 * rating. */
static const char *thursday =
  "["
  "{\"entity\": \"staff\", \"op\": \"upsert\", \"data\": {\"id\": \"S1\", \"office_code\": \"" OFFICE "\", \"name\": \"مریم\"}},"
  TICKET ("A", "petition", "08:00", AT ("08:10"), AT ("08:20"), "1", "\"S1\"", "served") ","
  TICKET ("B", "petition", "08:05", AT ("08:06"), AT ("08:15"), "2", "\"S2\"", "served") ","
  TICKET ("C", "petition", "08:05", AT ("08:30"), AT ("08:40"), "1", "\"S1\"", "served") ","
  TICKET ("D", "brief", "09:00", AT ("09:00"), AT ("09:30"), "3", "\"S3\"", "served") ","
  TICKET ("E", "petition", "08:07", AT ("08:12"), "null", "1", "\"S1\"", "no_show") ","
  TICKET ("F", "petition", "08:50", "null", "null", "null", "null", "cancelled") ","
  TICKET ("G", "petition", "15:00", AT ("15:20"), AT ("15:30"), "1", "\"S1\"", "served") ","
  RATING ("R1", "\"A\"", "5", "09:00", "null") ","
  RATING ("R2", "\"B\"", "2", "09:10", "\"صف خیلی طولانی بود\"") ","
  RATING ("R3", "null", "3", "10:00", "null") ","
  RATING ("R4", "\"C\"", "1", "11:00", "\"کسی جواب نداد\"")
  "]";

static void
assert_nan (double value)
{
  g_assert_true (isnan (value));
}

static void
test_hand_built (void)
{
  g_autofree char *dir = NULL;
  DaftarDb *db = daftar_test_db_new (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarCareFigures) figures = NULL;
  g_autoptr(GPtrArray) found = NULL;
  GDate day;
  const DaftarOutOfTurnInstance *worst;
  const DaftarCrowdingCell *cell;

  g_assert_cmpint (ingest (db, OFFICE, "c1", thursday), ==, 0);
  g_date_set_dmy (&day, 29, 10, 2026);   /* a Thursday: row 5 from Saturday */
  figures = daftar_care_query (db, OFFICE, &day, &day, NULL, &error);
  g_assert_no_error (error);

  /* Out of turn: B jumped A, E jumped C; of six called. */
  g_assert_cmpint (figures->out_of_turn.total.called, ==, 6);
  g_assert_cmpint (figures->out_of_turn.total.out_of_turn, ==, 2);
  g_assert_cmpint (figures->out_of_turn.total.jumped, ==, 2);
  g_assert_cmpfloat_with_epsilon (figures->out_of_turn.total.share, 2.0 / 6, 1e-12);
  g_assert_cmpint (figures->out_of_turn.by_shift[DAFTAR_SHIFT_EVENING].called, ==, 1);
  g_assert_cmpint (figures->out_of_turn.by_shift[DAFTAR_SHIFT_EVENING].out_of_turn, ==, 0);
  g_assert_cmpint (figures->out_of_turn.by_service[DAFTAR_CASE_KIND_BRIEF].called, ==, 1);
  g_assert_cmpint (figures->out_of_turn.by_service[DAFTAR_CASE_KIND_BRIEF].out_of_turn, ==, 0);
  assert_nan (figures->out_of_turn.by_service[DAFTAR_CASE_KIND_PROTEST].share);
  g_assert_cmpuint (figures->out_of_turn.worst->len, ==, 2);
  worst = g_ptr_array_index (figures->out_of_turn.worst, 0);
  /* Both jumped one; E's client, C, had waited longer (7 minutes against 1). */
  g_assert_cmpstr (worst->ticket_id, ==, "E");
  g_assert_cmpint (worst->first_waited_s, ==, 7 * 60);
  g_assert_cmpint (worst->counter, ==, 1);
  g_assert_cmpstr (worst->staff_id, ==, "S1");
  g_assert_cmpstr (worst->staff_name, ==, "مریم");
  worst = g_ptr_array_index (figures->out_of_turn.worst, 1);
  g_assert_cmpstr (worst->ticket_id, ==, "B");
  g_assert_cmpint (worst->first_waited_s, ==, 6 * 60);
  g_assert_cmpint (worst->number, ==, 1);
  g_assert_cmpuint (figures->out_of_turn.by_counter->len, ==, 3);

  /* Crowding: three waited at once at 08:05 and at 08:07; F alone from
   * 08:50 to 14:00. */
  cell = &figures->crowding.cells[5][8];
  g_assert_cmpint (cell->days, ==, 1);
  g_assert_cmpint (cell->peak_max, ==, 3);
  g_assert_cmpfloat_with_epsilon (cell->mean_waiting, (600 + 60 + 1500 + 300 + 600) / 3600.0, 1e-12);
  g_assert_cmpint (figures->crowding.cells[5][13].peak_max, ==, 1);
  g_assert_cmpfloat_with_epsilon (figures->crowding.cells[5][13].mean_waiting, 1.0, 1e-12);
  g_assert_cmpint (figures->crowding.cells[5][14].peak_max, ==, 0);
  g_assert_cmpfloat_with_epsilon (figures->crowding.cells[5][14].mean_waiting, 0, 1e-12);
  g_assert_cmpint (figures->crowding.cells[4][8].days, ==, 0);
  assert_nan (figures->crowding.cells[4][8].share_over);
  g_assert_cmpint (figures->crowding.peak, ==, 3);
  g_assert_cmpint (figures->crowding.peak_hour, ==, 8);
  g_assert_cmpint (figures->crowding.days_over, ==, 0);   /* 20 seats */
  {
    DaftarCrowdingFigures two;

    g_assert_true (daftar_care_query_crowding (db, OFFICE, &day, &day, 2, &two, &error));
    g_assert_cmpint (two.days_over, ==, 1);
    g_assert_cmpfloat (two.cells[5][8].share_over, ==, 1.0);
    g_assert_cmpfloat (two.cells[5][9].share_over, ==, 0.0);
    g_assert_cmpfloat (two.by_hour[8].share_over, ==, 1.0);
  }

  /* Idle: counter 1 stood free from 08:20 to 08:30 while C waited. */
  g_assert_cmpint (figures->idle.idle_s, ==, 600);
  g_assert_cmpint (figures->idle.open_s, ==, 1800 + 540 + 1800 + 600);
  g_assert_cmpint (figures->idle.by_shift_open_s[DAFTAR_SHIFT_EVENING], ==, 600);
  {
    const DaftarIdleRow *first = g_ptr_array_index (figures->idle.by_counter, 0);

    g_assert_cmpuint (figures->idle.by_counter->len, ==, 4);   /* 1 morning, 1 evening, 2, 3 */
    g_assert_cmpint (first->counter, ==, 1);
    g_assert_cmpint (first->shift, ==, DAFTAR_SHIFT_MORNING);
    g_assert_cmpint (first->open_s, ==, 1800);
    g_assert_cmpint (first->idle_s, ==, 600);
    g_assert_cmpfloat_with_epsilon (first->share, 1.0 / 3, 1e-12);
    g_assert_cmpfloat_with_epsilon (first->idle_minutes_per_shift, 10, 1e-12);
    first = g_ptr_array_index (figures->idle.by_staff, 0);
    g_assert_cmpstr (first->staff_id, ==, "S1");
    g_assert_cmpint (first->idle_s, ==, 600);
  }

  /* Satisfaction: four ratings of five served tickets. */
  g_assert_cmpint (figures->satisfaction.n, ==, 4);
  g_assert_cmpint (figures->satisfaction.served, ==, 5);
  g_assert_cmpfloat_with_epsilon (figures->satisfaction.response_rate, 0.8, 1e-12);
  g_assert_cmpfloat_with_epsilon (figures->satisfaction.mean, 11.0 / 4, 1e-12);
  g_assert_cmpint (figures->satisfaction.by_rating[1], ==, 1);
  g_assert_cmpint (figures->satisfaction.by_rating[4], ==, 0);
  g_assert_cmpint (figures->satisfaction.unknown_wait_n, ==, 1);
  g_assert_cmpfloat (figures->satisfaction.by_wait_band[DAFTAR_WAIT_BAND_UNDER_5].mean, ==, 2);
  g_assert_cmpfloat (figures->satisfaction.by_wait_band[DAFTAR_WAIT_BAND_5_TO_15].mean, ==, 5);
  g_assert_cmpfloat (figures->satisfaction.by_wait_band[DAFTAR_WAIT_BAND_15_TO_30].mean, ==, 1);
  assert_nan (figures->satisfaction.by_wait_band[DAFTAR_WAIT_BAND_30_AND_MORE].mean);
  g_assert_cmpuint (figures->satisfaction.by_staff->len, ==, 2);
  {
    const DaftarRatingGroup *s1 = g_ptr_array_index (figures->satisfaction.by_staff, 0);
    g_assert_cmpstr (s1->staff_id, ==, "S1");
    g_assert_cmpint (s1->n, ==, 2);
    g_assert_cmpfloat (s1->mean, ==, 3);
  }
  /* The low ones, newest first, with the clients' words. */
  g_assert_cmpuint (figures->low_ratings->len, ==, 2);
  g_assert_cmpstr (((DaftarFeedbackItem *) g_ptr_array_index (figures->low_ratings, 0))->id, ==, "R4");
  g_assert_cmpstr (((DaftarFeedbackItem *) g_ptr_array_index (figures->low_ratings, 1))->comment, ==,
                   "صف خیلی طولانی بود");
  g_assert_cmpstr (((DaftarFeedbackItem *) g_ptr_array_index (figures->low_ratings, 1))->staff_id, ==, "S2");

  /* Comments are searched as cases are: Arabic yeh finds Persian. */
  found = daftar_care_search_comments (db, OFFICE, "طولاني", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = daftar_care_search_comments (db, OFFICE, "  ", 10, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = daftar_care_search_comments (db, "TH-02", "طولانی", 10, &error);
  g_assert_cmpuint (found->len, ==, 0);

  /* Every office together: the same figures, and no comment. */
  g_clear_pointer (&figures, daftar_care_figures_free);
  figures = daftar_care_query (db, NULL, &day, &day, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (figures->out_of_turn.total.out_of_turn, ==, 2);
  g_assert_cmpint (figures->satisfaction.n, ==, 4);
  g_assert_cmpuint (figures->low_ratings->len, ==, 0);

  /* A change of a ticket moves its rating to another band: A called at
   * 08:40 waited 40 minutes. */
  g_assert_cmpint (ingest (db, OFFICE, "c2",
                           "[" TICKET ("A", "petition", "08:00", AT ("08:40"), AT ("08:45"), "1", "\"S1\"", "served") "]"),
                   ==, 0);
  g_clear_pointer (&figures, daftar_care_figures_free);
  figures = daftar_care_query (db, OFFICE, &day, &day, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (figures->satisfaction.by_wait_band[DAFTAR_WAIT_BAND_30_AND_MORE].n, ==, 1);
  g_assert_cmpint (figures->satisfaction.by_wait_band[DAFTAR_WAIT_BAND_5_TO_15].n, ==, 0);

  daftar_db_close (db);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Tickets issued at the same second jump none of each other, whichever is
 * called first and whatever their ids; a second earlier, they do. */
static void
test_ties (void)
{
  g_autofree char *dir = NULL;
  DaftarDb *db = daftar_test_db_new (&dir);
  g_autoptr(GError) error = NULL;
  DaftarOutOfTurnFigures figures;
  GDate day;

  g_date_set_dmy (&day, 29, 10, 2026);
  /* "H" sorts before "I": I, called first, has H before it in the day's order. */
  g_assert_cmpint (ingest (db, OFFICE, "c1",
                           "[" TICKET ("H", "petition", "10:00", AT ("10:10"), AT ("10:20"), "2", "\"S2\"", "served") ","
                           TICKET ("I", "petition", "10:00", AT ("10:05"), AT ("10:08"), "2", "\"S2\"", "served") "]"),
                   ==, 0);
  g_assert_true (daftar_care_query_out_of_turn (db, OFFICE, &day, &day, 10, &figures, &error));
  g_assert_cmpint (figures.total.called, ==, 2);
  g_assert_cmpint (figures.total.out_of_turn, ==, 0);
  daftar_out_of_turn_figures_clear (&figures);

  g_assert_cmpint (ingest (db, OFFICE, "c2",
                           "[" TICKET ("H", "petition", "09:59", AT ("10:10"), AT ("10:20"), "2", "\"S2\"", "served") "]"),
                   ==, 0);
  g_assert_true (daftar_care_query_out_of_turn (db, OFFICE, &day, &day, 10, &figures, &error));
  g_assert_cmpint (figures.total.out_of_turn, ==, 1);
  g_assert_cmpstr (((DaftarOutOfTurnInstance *) g_ptr_array_index (figures.worst, 0))->ticket_id, ==, "I");
  g_assert_cmpint (((DaftarOutOfTurnInstance *) g_ptr_array_index (figures.worst, 0))->first_waited_s, ==, 6 * 60);
  daftar_out_of_turn_figures_clear (&figures);

  daftar_db_close (db);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A file of the schema before client care gets its tables, and the
 * rollups filled from the tickets it already holds, equal to what ingest
 * writes. */
static void
test_migration (void)
{
  static const char * const tables[] = {
    "daily_out_of_turn", "out_of_turn_tickets", "hourly_waiting", "daily_idle",
    "monthly_out_of_turn", "yearly_out_of_turn", "monthly_waiting", "yearly_waiting", "monthly_idle", "yearly_idle",
  };
  g_autofree char *dir = NULL;
  DaftarDb *db = daftar_test_db_new (&dir);
  g_autoptr(GPtrArray) before = NULL;

  g_assert_cmpint (ingest (db, OFFICE, "c1", thursday), ==, 0);
  before = daftar_test_checksums (db, tables, G_N_ELEMENTS (tables));
  db = daftar_test_migrate_again (db,
                                  "DROP TABLE feedback; DROP TABLE daily_out_of_turn; DROP TABLE out_of_turn_tickets; "
                                  "DROP TABLE hourly_waiting; DROP TABLE daily_idle; DROP TABLE daily_feedback; "
                                  "DROP TABLE monthly_out_of_turn; DROP TABLE yearly_out_of_turn; "
                                  "DROP TABLE monthly_waiting; DROP TABLE yearly_waiting; "
                                  "DROP TABLE monthly_idle; DROP TABLE yearly_idle; "
                                  "DROP TABLE monthly_feedback; DROP TABLE yearly_feedback; "
                                  "PRAGMA user_version = 7;",
                                  tables, G_N_ELEMENTS (tables), before);
  /* The network's months and years, which the page reads for every office
   * together, are filled too (and equal ingest's above). */
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM monthly_out_of_turn WHERE office_code = ''"), >, 0);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM yearly_waiting WHERE office_code = ''"), >, 0);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM monthly_idle WHERE office_code = ''"), >, 0);
  /* The ratings come with the next sync. */
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM feedback"), ==, 0);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM daily_feedback"), ==, 0);

  daftar_db_close (db);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

static JsonArray *
report_rows (JsonObject *root,
             const char *table)
{
  JsonObject *tables = json_object_get_object_member (root, "tables");
  return json_object_get_array_member (json_object_get_object_member (tables, table), "rows");
}

static void
assert_json_number (JsonArray *row,
                    guint      index,
                    double     expected)
{
  JsonNode *node = json_array_get_element (row, index);

  if (isnan (expected))
    g_assert_true (JSON_NODE_HOLDS_NULL (node));
  else
    g_assert_cmpfloat_with_epsilon (json_node_get_double (node), expected, 1e-9);
}

/* --report care: the JSON holds the page query's figures, and neither
 * format holds a client's comment. */
static void
test_report (void)
{
  g_autofree char *dir = NULL;
  DaftarDb *db = daftar_test_db_new (&dir);
  const char *offices[] = { OFFICE, NULL };

  g_assert_cmpint (ingest (db, OFFICE, "c1", thursday), ==, 0);
  for (guint o = 0; o < G_N_ELEMENTS (offices); o++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) json = g_string_new (NULL);
      g_autoptr(GString) csv = g_string_new (NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(DaftarCareFigures) f = NULL;
      DaftarReportRequest request = { offices[o] };
      JsonObject *root;
      JsonArray *rows, *row;

      g_date_set_dmy (&request.from, 1, 10, 2026);
      g_date_set_dmy (&request.to, 31, 10, 2026);
      g_assert_true (daftar_report_run (db, "care", &request, DAFTAR_REPORT_JSON, json, &error));
      g_assert_no_error (error);
      g_assert_true (daftar_report_run (db, "care", &request, DAFTAR_REPORT_CSV, csv, &error));
      g_assert_no_error (error);
      g_assert_null (strstr (json->str, "طولانی"));
      g_assert_null (strstr (csv->str, "طولانی"));
      g_assert_null (strstr (json->str, "جواب"));
      g_assert_null (strstr (csv->str, "جواب"));

      f = daftar_care_query (db, offices[o], &request.from, &request.to, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (json_parser_load_from_data (parser, json->str, -1, &error));
      g_assert_no_error (error);
      root = json_node_get_object (json_parser_get_root (parser));

      row = json_array_get_array_element (report_rows (root, "summary"), 0);
      g_assert_cmpstr (json_array_get_string_element (row, 0), ==, "2026-10-01");
      g_assert_cmpint (json_array_get_int_element (row, 2), ==, f->out_of_turn.total.called);
      g_assert_cmpint (json_array_get_int_element (row, 3), ==, f->out_of_turn.total.out_of_turn);
      assert_json_number (row, 4, f->out_of_turn.total.share);
      g_assert_cmpint (json_array_get_int_element (row, 5), ==, f->out_of_turn.total.jumped);
      assert_json_number (row, 6, 0.02);
      g_assert_cmpint (json_array_get_int_element (row, 7), ==, f->crowding.days);
      g_assert_cmpint (json_array_get_int_element (row, 8), ==, f->crowding.days_over);
      g_assert_cmpint (json_array_get_int_element (row, 9), ==, 3);
      g_assert_cmpstr (json_array_get_string_element (row, 10), ==, "2026-10-29");
      g_assert_cmpint (json_array_get_int_element (row, 11), ==, 8);
      g_assert_cmpint (json_array_get_int_element (row, 12), ==, 20);
      assert_json_number (row, 13, f->idle.open_s / 60.0);
      assert_json_number (row, 14, 10);
      assert_json_number (row, 15, f->idle.share);
      g_assert_cmpint (json_array_get_int_element (row, 16), ==, 4);
      assert_json_number (row, 17, f->satisfaction.mean);
      assert_json_number (row, 18, 4);
      g_assert_cmpint (json_array_get_int_element (row, 19), ==, 5);
      assert_json_number (row, 20, 0.8);

      rows = report_rows (root, "out_of_turn_by_staff");
      g_assert_cmpuint (json_array_get_length (rows), ==, f->out_of_turn.by_staff->len);
      for (guint i = 0; i < f->out_of_turn.by_staff->len; i++)
        {
          const DaftarOutOfTurnGroup *g = g_ptr_array_index (f->out_of_turn.by_staff, i);

          row = json_array_get_array_element (rows, i);
          g_assert_cmpstr (json_array_get_string_element (row, 0), ==, g->staff_id);
          g_assert_cmpint (json_array_get_int_element (row, 2), ==, g->count.called);
          g_assert_cmpint (json_array_get_int_element (row, 3), ==, g->count.out_of_turn);
          assert_json_number (row, 4, g->count.share);
        }

      rows = report_rows (root, "out_of_turn_worst");
      g_assert_cmpuint (json_array_get_length (rows), ==, 2);
      row = json_array_get_array_element (rows, 0);
      g_assert_cmpstr (json_array_get_string_element (row, 1), ==, "E");
      g_assert_cmpstr (json_array_get_string_element (row, 3), ==, "2026-10-29T08:12:00+03:30");
      g_assert_cmpstr (json_array_get_string_element (row, 4), ==, "morning");
      g_assert_cmpstr (json_array_get_string_element (row, 5), ==, "petition");
      g_assert_cmpint (json_array_get_int_element (row, 8), ==, 1);
      g_assert_cmpint (json_array_get_int_element (row, 9), ==, 1);
      assert_json_number (row, 10, 7);

      rows = report_rows (root, "crowding_by_hour");
      /* Thursday's hours in which anyone waited: 8 to 13 and 15. */
      g_assert_cmpuint (json_array_get_length (rows), ==, 7);
      row = json_array_get_array_element (rows, 0);
      g_assert_cmpstr (json_array_get_string_element (row, 0), ==, "thursday");
      g_assert_cmpint (json_array_get_int_element (row, 1), ==, 8);
      g_assert_cmpint (json_array_get_int_element (row, 2), ==, 1);
      g_assert_cmpint (json_array_get_int_element (row, 3), ==, 3);
      assert_json_number (row, 5, f->crowding.cells[5][8].mean_waiting);
      assert_json_number (row, 7, 0);

      rows = report_rows (root, "idle_by_counter");
      g_assert_cmpuint (json_array_get_length (rows), ==, f->idle.by_counter->len);
      row = json_array_get_array_element (rows, 0);
      g_assert_cmpint (json_array_get_int_element (row, 0), ==, 1);
      g_assert_cmpstr (json_array_get_string_element (row, 1), ==, "morning");
      assert_json_number (row, 3, 30);
      assert_json_number (row, 4, 10);
      assert_json_number (row, 5, 1.0 / 3);

      rows = report_rows (root, "ratings");
      g_assert_cmpuint (json_array_get_length (rows), ==, 5);
      for (int r = 1; r <= 5; r++)
        {
          row = json_array_get_array_element (rows, r - 1);
          g_assert_cmpint (json_array_get_int_element (row, 0), ==, r);
          g_assert_cmpint (json_array_get_int_element (row, 1), ==, f->satisfaction.by_rating[r]);
        }

      rows = report_rows (root, "rating_by_wait");
      g_assert_cmpuint (json_array_get_length (rows), ==, DAFTAR_N_WAIT_BANDS);
      for (guint b = 0; b < DAFTAR_N_WAIT_BANDS; b++)
        {
          row = json_array_get_array_element (rows, b);
          g_assert_cmpstr (json_array_get_string_element (row, 0), ==, daftar_wait_band_key (b));
          g_assert_cmpint (json_array_get_int_element (row, 3), ==, f->satisfaction.by_wait_band[b].n);
          assert_json_number (row, 4, f->satisfaction.by_wait_band[b].mean);
        }
      g_assert_true (JSON_NODE_HOLDS_NULL (json_array_get_element (row, 2)));
    }

  daftar_db_close (db);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The page's read: the context's office and period. */
static void
test_page_query (void)
{
  g_autofree char *dir = NULL;
  DaftarDb *db = daftar_test_db_new (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarPageContext) context = NULL;
  g_autoptr(DaftarCarePageFigures) page = NULL;
  DaftarPeriod period;
  GDate day;

  g_assert_cmpint (ingest (db, OFFICE, "c1", thursday), ==, 0);
  g_date_set_dmy (&day, 29, 10, 2026);
  daftar_period_custom (&day, &day, &period);
  context = daftar_page_context_new (OFFICE, &period, &day);
  page = daftar_care_page_query_job (db, context, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (page->context == context);
  g_assert_cmpint (page->figures->out_of_turn.total.called, ==, 6);
  g_assert_cmpfloat (page->figures->standards.waiting_room_seats, ==, 20);
  g_assert_cmpfloat (page->figures->standards.target_rating, ==, 4);
  g_assert_cmpfloat (page->figures->standards.max_out_of_turn_share, ==, 0.02);
  g_assert_cmpuint (page->figures->low_ratings->len, ==, 2);

  daftar_db_close (db);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/care/feedback-ingest", test_feedback_ingest);
  g_test_add_func ("/care/hand-built", test_hand_built);
  g_test_add_func ("/care/page-query", test_page_query);
  g_test_add_func ("/care/ties", test_ties);
  g_test_add_func ("/care/migration", test_migration);
  g_test_add_func ("/care/report", test_report);
  return g_test_run ();
}
