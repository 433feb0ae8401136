/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-bookkeeping.c: a sync run's bookkeeping — the history it keeps is bounded, and a full disk mid-run loses nothing. */
#include "config.h"

#include "daftar-sync-private.h"
#include "test-sync-common.h"

#define DAYS 30
#define LIMIT 300

typedef TestSyncFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  test_sync_fixture_set_up (f, DAYS, LIMIT);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_sync_fixture_tear_down (f);
}

static gpointer
exec_job (DaftarDb      *db,
          gpointer       job_data,
          GCancellable  *cancellable,
          GError       **error)
{
  return daftar_db_exec (db, job_data, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

/* Runs @sql on the worker's own connection: a pragma like max_page_count
 * holds for that connection only. */
static void
worker_exec (Fixture    *f,
             const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (daftar_db_worker_run_sync (f->worker, exec_job, (gpointer) sql, NULL, &error));
  g_assert_no_error (error);
}

static gpointer
count_job (DaftarDb      *db,
           gpointer       job_data,
           GCancellable  *cancellable,
           GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), job_data, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return g_memdup2 (&n, sizeof n);
}

static gint64
worker_count (Fixture    *f,
              const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *n = daftar_db_worker_run_sync (f->worker, count_job, (gpointer) sql, NULL, &error);

  g_assert_no_error (error);
  return *n;
}

/* sync_log and sync_rejects grew with every run and every rejected record,
 * for ever. A run now keeps 90 days of them, at most the newest 10,000 rows
 * of each, whichever keeps less, and always the newest successful run. */
static void
test_bounded_history (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autofree char *fill = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 old = now - 200 * 86400, recent = now - 86400;

  G_STATIC_ASSERT (DAFTAR_SYNC_HISTORY_ROWS == 10000 && DAFTAR_SYNC_HISTORY_DAYS == 90);
  /* 10,050 runs: the first 100 older than 90 days, the very first of them
   * the office's only success. 10,100 rejects: the first 200 old. */
  fill = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10100) "
    "INSERT INTO sync_rejects (id, received_at, entity, raw, reason) "
    "  SELECT i, CASE WHEN i <= 200 THEN %" G_GINT64_FORMAT " ELSE %" G_GINT64_FORMAT " END, "
    "         'case', '{}', 'unknown op' FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10050) "
    "INSERT INTO sync_log (id, started_at, finished_at, server, office_code, result) "
    "  SELECT i, CASE WHEN i <= 100 THEN %" G_GINT64_FORMAT " ELSE %" G_GINT64_FORMAT " END, "
    "         %" G_GINT64_FORMAT ", 'http://127.0.0.1:1', '%s', CASE WHEN i = 1 THEN 'ok' ELSE 'network' END FROM n;",
    old, recent, old, recent, recent, test_sync_office ());
  worker_exec (f, fill);

  /* A run that fails still keeps the books. */
  daftar_sync_client_set_token (f->client, "wrong");
  summary = test_sync_run (f->client, NULL, &error);
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_AUTH);
  g_clear_error (&error);

  /* Rows 101 … 10,051 are both recent and among the newest 10,000; row 1
   * is the last success. */
  g_assert_cmpint (worker_count (f, "SELECT count(*) FROM sync_log"), ==, 9951 + 1);
  g_assert_cmpint (worker_count (f, "SELECT count(*) FROM sync_log WHERE id = 1 AND result = 'ok'"), ==, 1);
  g_assert_cmpint (worker_count (f, "SELECT min(id) FROM sync_log WHERE id > 1"), ==, 101);
  g_assert_cmpint (worker_count (f, "SELECT count(*) FROM sync_rejects"), ==, 9900);
  g_assert_cmpint (worker_count (f, "SELECT min(id) FROM sync_rejects"), ==, 201);

  /* A new success replaces the old one as the one to keep. */
  daftar_sync_client_set_token (f->client, TEST_TOKEN);
  summary = test_sync_run (f->client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (worker_count (f, "SELECT count(*) FROM sync_log WHERE id = 1"), ==, 0);
  g_assert_cmpint (worker_count (f, "SELECT count(*) FROM sync_log"), ==, 9952);
  g_assert_cmpint (worker_count (f, "SELECT count(*) FROM sync_log WHERE result = 'ok'"), ==, 1);
}

/* The pages a clean sync of the same server takes, into a file of its own. */
static guint
clean_sync_pages (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "clean.db", NULL);
  DaftarDbWorker *worker = daftar_db_worker_new (path);
  DaftarSyncClient *client = test_sync_client (worker, f->url);
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  daftar_sync_client_set_page_limit (client, LIMIT);
  summary = test_sync_run (client, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (client);
  test_sync_worker_free (worker);
  return summary->pages;
}

/* The disk fills up in the middle of a run (here: the connection may not
 * grow the file past half of what the office needs). The page that does
 * not fit is refused whole and the run fails with a clear message; what
 * was applied before it is whole and consistent, the cursor is the last
 * page applied, and once there is room again the next run goes on from
 * there and ends with exactly the data of a clean sync. */
static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarSyncSummary) full = NULL;
  g_autoptr(DaftarSyncSummary) resumed = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *cursor = NULL;
  sqlite3 *reference = test_sync_open_readonly (test_sync_reference (DAYS));
  gint64 needed = test_sync_query_int (reference, "PRAGMA page_count");
  gint64 applied;

  sqlite3_close (reference);
  g_assert_cmpint (worker_count (f, "PRAGMA page_count"), <, needed / 2);
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, needed / 2);
  worker_exec (f, limit);

  full = test_sync_run (f->client, NULL, &error);
  g_assert_null (full);
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_DATABASE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "full"));
  g_clear_error (&error);

  /* Some pages went in, whole: every figure adds up from the records. */
  cursor = test_sync_stored_cursor (f->worker);
  g_assert_cmpstr (cursor, !=, "");
  test_sync_assert_integrity (f->path);
  g_assert_cmpint (worker_count (f, "SELECT count(*) FROM cases"), >, 0);
  g_assert_cmpint (worker_count (f, "SELECT count(*) FROM cases"), ==,
                   worker_count (f, "SELECT sum(n) FROM daily_cases WHERE office_code <> ''"));
  g_assert_cmpint (worker_count (f, "SELECT count(*) FROM cases"), ==,
                   worker_count (f, "SELECT sum(n) FROM daily_cases WHERE office_code = ''"));
  g_assert_cmpint (worker_count (f, "SELECT count(*) FROM tickets"), ==,
                   worker_count (f, "SELECT sum(issued) FROM daily_tickets WHERE office_code <> ''"));
  g_assert_cmpint (worker_count (f, "SELECT count(*) FROM sync_log WHERE result = 'database' "
                                    "AND finished_at IS NOT NULL"), ==, 1);

  applied = worker_count (f, "SELECT pages FROM sync_log WHERE result = 'database'");
  g_assert_cmpint (applied, >, 0);

  worker_exec (f, "PRAGMA max_page_count = 1073741823");
  resumed = test_sync_run (f->client, NULL, &error);
  g_assert_no_error (error);
  test_sync_assert_integrity (f->path);
  test_sync_assert_same_data (f->path, test_sync_reference (DAYS));
  /* It went on from the cursor: the two runs together applied the pages
   * of one clean sync, each once. */
  g_test_message ("%" G_GINT64_FORMAT " pages before the disk was full, %u after", applied, resumed->pages);
  g_assert_cmpuint (applied + resumed->pages, ==, clean_sync_pages (f));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/sync/bookkeeping/bounded-history", Fixture, NULL, fixture_set_up, test_bounded_history, fixture_tear_down);
  g_test_add ("/sync/bookkeeping/disk-full", Fixture, NULL, fixture_set_up, test_disk_full, fixture_tear_down);
  return g_test_run ();
}
