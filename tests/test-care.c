/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-care.c: client care — the feedback entity through ingest, and each figure of the Client care page against a naive recomputation over the base tables. */
#include "config.h"

#include <string.h>

#include "daftar-ingest.h"
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
  g_assert_nonnull (strstr (reason, "rating 0 is outside 1 to 5"));
  g_clear_pointer (&reason, g_free);
  reason = reject_reason (db, "F-seven");
  g_assert_nonnull (strstr (reason, "rating 7 is outside 1 to 5"));
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/care/feedback-ingest", test_feedback_ingest);
  return g_test_run ();
}
