/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-resync.c: 410 — the client copies the office afresh while the old data stays readable, then swaps. */
#include "config.h"

#include "daftar-rollup-levels.h"
#include "daftar-rollups.h"
#include "daftar-sync-private.h"
#include "daftar-time.h"
#include "test-sync-common.h"

#define DAYS 30
#define LIMIT 500

typedef struct {
  const char *path;
  gint64      old_cases;
  guint       checks;
} Watch;

/* While the fresh copy is being fetched, another connection (like the
 * window's queries) still sees the old data, stray row included. */
static void
page_served_cb (DaftarDemoCentral *server,
                guint              pages,
                gboolean           with_cursor,
                gpointer           user_data)
{
  Watch *watch = user_data;
  sqlite3 *handle = test_sync_open_readonly (watch->path);

  g_assert_cmpint (test_sync_query_int (handle, "SELECT count(*) FROM cases"), ==, watch->old_cases);
  g_assert_cmpint (test_sync_query_int (handle, "SELECT count(*) FROM cases WHERE id = 'STRAY-1'"), ==, 1);
  sqlite3_close (handle);
  watch->checks++;
}

static gpointer
insert_stray_job (DaftarDb      *db,
                  gpointer       job_data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(DaftarRollupLevels) levels = daftar_rollup_levels_new ();
  sqlite3_stmt *stmt = NULL;
  g_autofree char *office = NULL;
  GDate day;

  /* A row the server no longer has: the fresh copy must not keep it, nor
   * its office's rollups, nor the network's rows that add it up. */
  if (!daftar_db_exec (db, "INSERT INTO cases (id, office_code, kind, filed_at, shift, status) "
                           "VALUES ('STRAY-1', (SELECT code FROM offices LIMIT 1), 'other', 0, 'morning', 'closed')",
                       error))
    return NULL;
  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), "SELECT office_code FROM cases WHERE id = 'STRAY-1'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  office = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  daftar_time_local_date (0, &day);
  daftar_rollup_levels_add (levels, office, &day);
  if (!daftar_rollups_recompute_day (db, office, &day, error) ||
      !daftar_rollup_levels_refresh (levels, db, error))
    return NULL;
  g_assert_cmpint (daftar_test_count (db, "SELECT sum(n) FROM daily_cases WHERE office_code = '' AND day = '1970-01-01'"),
                   ==, 1);
  return GINT_TO_POINTER (TRUE);
}

static void
test_expired_cursor (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "daftar.db", NULL);
  g_autofree char *side = g_strconcat (path, ".resync", NULL);
  g_autofree char *url = NULL;
  g_autoptr(DaftarDemoCentral) server = test_sync_server (DAYS, &url);
  DaftarDbWorker *worker = daftar_db_worker_new (path);
  DaftarSyncClient *client = test_sync_client (worker, url);
  g_autoptr(DaftarSyncSummary) first = NULL;
  g_autoptr(DaftarSyncSummary) second = NULL;
  g_autoptr(DaftarSyncSummary) third = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  Watch watch = { path, 0, 0 };
  sqlite3 *handle;
  gulong id;

  daftar_sync_client_set_page_limit (client, LIMIT);
  first = test_sync_run (client, NULL, &error);
  g_assert_no_error (error);
  daftar_db_worker_run_sync (worker, insert_stray_job, NULL, NULL, &error);
  g_assert_no_error (error);

  handle = test_sync_open_readonly (path);
  watch.old_cases = test_sync_query_int (handle, "SELECT count(*) FROM cases");
  sqlite3_close (handle);

  /* The server forgets every cursor it gave out. */
  daftar_demo_central_set_fault (server, DAFTAR_DEMO_CENTRAL_FAULT_EXPIRE_CURSOR);
  id = g_signal_connect (server, "page-served", G_CALLBACK (page_served_cb), &watch);
  second = test_sync_run (client, NULL, &error);
  g_assert_no_error (error);
  g_signal_handler_disconnect (server, id);

  g_assert_true (second->resynced);
  g_assert_cmpuint (second->pages, ==, first->pages);
  /* Every page of the fresh copy was checked against the old data. */
  g_assert_cmpuint (watch.checks, ==, second->pages);
  test_sync_assert_same_data (path, test_sync_reference (DAYS));
  test_sync_assert_integrity (path);
  g_assert_false (g_file_test (side, G_FILE_TEST_EXISTS));
  stored = test_sync_stored_cursor (worker);
  g_assert_cmpstr (stored, ==, second->cursor);

  /* The new cursor is good for the next run, in the same mode. */
  third = test_sync_run (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (third->resynced);
  g_assert_cmpuint (third->pages, ==, 1);
  test_sync_assert_same_data (path, test_sync_reference (DAYS));

  handle = test_sync_open_readonly (path);
  g_assert_cmpint (test_sync_query_int (handle, "SELECT count(*) FROM sync_log WHERE result = 'ok' "
                                                "AND finished_at IS NOT NULL"), ==, 3);
  sqlite3_close (handle);

  g_object_unref (client);
  test_sync_worker_free (worker);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
cancel_after_first_page (DaftarSyncClient *client,
                         guint             pages,
                         guint64           records,
                         gpointer          user_data)
{
  if (pages == 1)
    g_cancellable_cancel (user_data);
}

/* A resync that fails half-way leaves the live data as it was, and the next
 * run starts the fresh copy over. */
static void
test_expired_then_failure (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "daftar.db", NULL);
  g_autofree char *url = NULL;
  g_autoptr(DaftarDemoCentral) server = test_sync_server (DAYS, &url);
  DaftarDbWorker *worker = daftar_db_worker_new (path);
  DaftarSyncClient *client = test_sync_client (worker, url);
  g_autoptr(DaftarSyncSummary) first = NULL;
  g_autoptr(DaftarSyncSummary) second = NULL;
  g_autoptr(DaftarSyncSummary) third = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *cursor_before = NULL;
  g_autofree char *cursor_after = NULL;
  g_autofree char *side = g_strconcat (path, ".resync", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gulong id;

  daftar_sync_client_set_page_limit (client, LIMIT);
  first = test_sync_run (client, NULL, &error);
  g_assert_no_error (error);
  before = test_sync_checksums (path);
  cursor_before = test_sync_stored_cursor (worker);

  /* Expire the cursors, and stop the run after the fresh copy's first page. */
  daftar_demo_central_set_fault (server, DAFTAR_DEMO_CENTRAL_FAULT_EXPIRE_CURSOR);
  id = g_signal_connect (client, "page-applied", G_CALLBACK (cancel_after_first_page), cancellable);
  second = test_sync_run (client, cancellable, &error);
  g_signal_handler_disconnect (client, id);
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_test (side, G_FILE_TEST_EXISTS));
  after = test_sync_checksums (path);
  cursor_after = test_sync_stored_cursor (worker);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (cursor_after, ==, cursor_before);

  third = test_sync_run (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (third->resynced);
  test_sync_assert_same_data (path, test_sync_reference (DAYS));
  g_assert_false (g_file_test (side, G_FILE_TEST_EXISTS));

  g_object_unref (client);
  test_sync_worker_free (worker);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

#define HOME "YZ-ABK-01"
#define OTHER "TH-01"

#define SWAP_CASE(id, office, filed) \
  "{\"entity\": \"case\", \"op\": \"upsert\", \"data\": {\"id\": \"" id "\", \"office_code\": \"" office "\", " \
  "\"kind\": \"brief\", \"filed_at\": \"" filed "\", \"shift\": \"morning\", \"status\": \"sent\"}}"

static void
swap_ingest (DaftarDb *db, const char *office, const char *changes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) page = daftar_test_page (office, "c", changes);
  DaftarIngestResult result;

  g_assert_true (daftar_ingest_page (db, office, page, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rejected, ==, 0);
  daftar_ingest_result_clear (&result);
}

/* A resync writes the office's fresh copy over its rows in the live file.
 * In the fresh copy the hostile feed could use any id and set any shared
 * row; the swap keeps what belongs to another office in the live file as
 * ingest does, logs what it kept out, and recounts the office's days. */
static void
test_swap_keeps_other_office (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autofree char *side = daftar_sync_side_path (daftar_db_get_path (db));
  g_autoptr(DaftarDb) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other_before = NULL;
  g_autofree char *other_after = NULL;
  gpointer swapped;

  swap_ingest (db, OTHER,
    "[" SWAP_CASE ("B1", OTHER, "2026-10-29T08:30:00+03:30") ","
    "{\"entity\": \"standard\", \"op\": \"upsert\", \"data\": {\"key\": \"target_wait_minutes\", \"value\": 15}},"
    "{\"entity\": \"holiday\", \"op\": \"upsert\", \"data\": {\"date\": \"2026-11-05\", \"name\": \"تعطیل\"}}]");
  swap_ingest (db, HOME, "[" SWAP_CASE ("A1", HOME, "2026-10-29T09:00:00+03:30") "]");
  other_before = daftar_test_table_checksum (db, "(SELECT * FROM cases WHERE office_code = '" OTHER "')");

  fresh = daftar_db_open (side, &error);
  g_assert_no_error (error);
  swap_ingest (fresh, HOME,
    "[" SWAP_CASE ("A2", HOME, "2026-10-29T10:00:00+03:30") ","
    SWAP_CASE ("B1", HOME, "2026-10-29T11:00:00+03:30") ","
    "{\"entity\": \"standard\", \"op\": \"upsert\", \"data\": {\"key\": \"target_wait_minutes\", \"value\": 30}},"
    "{\"entity\": \"standard\", \"op\": \"upsert\", \"data\": {\"key\": \"max_counters\", \"value\": 4}},"
    "{\"entity\": \"holiday\", \"op\": \"upsert\", \"data\": {\"date\": \"2026-11-05\", \"name\": \"تعطیل\"}},"
    "{\"entity\": \"holiday\", \"op\": \"upsert\", \"data\": {\"date\": \"2026-11-06\", \"name\": \"کار\"}}]");
  g_clear_pointer (&fresh, daftar_db_close);

  swapped = daftar_sync_swap_job (db, (gpointer) HOME, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (swapped);

  other_after = daftar_test_table_checksum (db, "(SELECT * FROM cases WHERE office_code = '" OTHER "')");
  g_assert_cmpstr (other_after, ==, other_before);
  g_assert_cmpint (daftar_test_count (db, "SELECT value FROM standards WHERE key = 'target_wait_minutes'"), ==, 15);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM standards WHERE key = 'max_counters' "
                                          "AND office_code = '" HOME "'"), ==, 1);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM holidays"), ==, 2);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM cases WHERE office_code = '" HOME "'"), ==, 1);
  /* The office's rollups count what it has, not what the fresh copy had. */
  g_assert_cmpint (daftar_test_count (db, "SELECT sum(n) FROM daily_cases WHERE office_code = '" HOME "'"), ==, 1);
  g_assert_cmpint (daftar_test_count (db, "SELECT sum(n) FROM daily_cases WHERE office_code = '" OTHER "'"), ==, 1);
  g_assert_cmpint (daftar_test_count (db, "SELECT sum(n) FROM daily_cases WHERE office_code = ''"), ==, 2);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM sync_rejects WHERE raw LIKE '%B1%' "
                                          "AND reason LIKE '%another office%'"), ==, 1);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM sync_rejects WHERE entity = 'standard' "
                                          "AND reason LIKE '%another office%'"), ==, 1);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM sync_rejects"), ==, 2);

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync/resync/expired-cursor", test_expired_cursor);
  g_test_add_func ("/sync/resync/expired-then-failure", test_expired_then_failure);
  g_test_add_func ("/sync/resync/swap-keeps-other-office", test_swap_keeps_other_office);
  return g_test_run ();
}
