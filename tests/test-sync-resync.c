/* test-sync-resync.c: 410 — the client copies the office afresh while the old data stays readable, then swaps. */
#include "config.h"

#include "daftar-rollup-levels.h"
#include "daftar-rollups.h"
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync/resync/expired-cursor", test_expired_cursor);
  g_test_add_func ("/sync/resync/expired-then-failure", test_expired_then_failure);
  return g_test_run ();
}
