/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-common.c: what the sync test programs share — an in-process demo server, a client, reference data. */
#include "config.h"

#include "test-sync-common.h"

DaftarDemo *
test_sync_demo (guint n_days)
{
  GDate last;

  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 1, G_DATE_MARCH, 2025);
  return daftar_demo_new (TEST_SEED, 1, n_days, &last);
}

/* A server over @n_days of one office, listening on a random loopback port. */
DaftarDemoCentral *
test_sync_server (guint   n_days,
                  char  **out_url)
{
  g_autoptr(GError) error = NULL;
  DaftarDemoCentral *server = daftar_demo_central_new (test_sync_demo (n_days), TEST_TOKEN);

  daftar_demo_central_listen (server, 0, &error);
  g_assert_no_error (error);
  *out_url = daftar_demo_central_get_url (server);
  g_assert_nonnull (*out_url);
  return server;
}

const char *
test_sync_office (void)
{
  static char *office;

  if (office == NULL)
    {
      g_autoptr(DaftarDemo) demo = test_sync_demo (1);
      office = g_strdup (daftar_demo_get_office_code (demo, 0));
    }
  return office;
}

/* The database daftar_demo_fill_database makes from the same seed: what a
 * complete sync must equal. Built once per days count and program. */
const char *
test_sync_reference (guint n_days)
{
  static GHashTable *paths;
  static char *dir;
  g_autoptr(DaftarDemo) demo = NULL;
  g_autoptr(DaftarDb) db = NULL;
  g_autoptr(GError) error = NULL;
  char *path;

  if (paths == NULL)
    {
      paths = g_hash_table_new (NULL, NULL);
      dir = daftar_test_tmpdir_new ();
    }
  path = g_hash_table_lookup (paths, GUINT_TO_POINTER (n_days));
  if (path != NULL)
    return path;

  path = g_strdup_printf ("%s/reference-%u.db", dir, n_days);
  db = daftar_db_open (path, &error);
  g_assert_no_error (error);
  demo = test_sync_demo (n_days);
  daftar_demo_fill_database (demo, db, 1000, NULL, &error);
  g_assert_no_error (error);
  g_hash_table_insert (paths, GUINT_TO_POINTER (n_days), path);
  return path;
}

sqlite3 *
test_sync_open_readonly (const char *path)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);
  return handle;
}

gint64
test_sync_query_int (sqlite3    *handle,
                     const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* "table:rows:sha256" for every data table (all but sync_*), ordered by
 * every column, so two files give equal strings exactly when they hold
 * equal data. */
char *
test_sync_checksums (const char *path)
{
  sqlite3 *handle = test_sync_open_readonly (path);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                   "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
                   "AND name NOT LIKE 'sync%' "
                   /* The search index's storage depends on the order rows came
                    * in, not on what they hold; test-rollups checks it. */
                   "AND name NOT LIKE 'cases_search%' "
                   /* The manager's notes are written here, never by the server. */
                   "AND name <> 'annotations' ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >=, 7);

  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
      g_autoptr(GString) sql = g_string_new (NULL);
      gint64 rows = 0;
      int n_cols;

      g_string_printf (sql, "SELECT * FROM \"%s\"", table);
      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
      n_cols = sqlite3_column_count (stmt);
      sqlite3_finalize (stmt);
      g_string_append (sql, " ORDER BY 1");
      for (int c = 2; c <= n_cols; c++)
        g_string_append_printf (sql, ", %d", c);
      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          rows++;
          for (int c = 0; c < n_cols; c++)
            {
              const unsigned char *text = sqlite3_column_text (stmt, c);
              g_checksum_update (sum, text != NULL ? text : (const guchar *) "\x01NULL", -1);
              g_checksum_update (sum, (const guchar *) "\x1f", 1);
            }
          g_checksum_update (sum, (const guchar *) "\x1e", 1);
        }
      sqlite3_finalize (stmt);
      g_string_append_printf (out, "%s:%" G_GINT64_FORMAT ":%.12s\n", table, rows,
                              g_checksum_get_string (sum));
    }
  sqlite3_close (handle);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
test_sync_assert_same_data (const char *path,
                            const char *reference)
{
  g_autofree char *got = test_sync_checksums (path);
  g_autofree char *want = test_sync_checksums (reference);

  g_assert_cmpstr (got, ==, want);
}

/* Opened for writing, as the next start of Daftar would: after a kill, a
 * hot journal or an unrecovered WAL index can only be repaired by a
 * connection that may write, and a read-only one fails with
 * SQLITE_READONLY instead of checking anything. */
void
test_sync_assert_integrity (const char *path)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
}

typedef struct {
  DaftarSyncSummary *summary;
  GError            *error;
  gboolean           done;
} TestSyncRun;

static void
test_sync_run_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  TestSyncRun *run = user_data;

  run->summary = daftar_sync_client_run_finish (DAFTAR_SYNC_CLIENT (source), result, &run->error);
  run->done = TRUE;
}

/* Runs one sync to its end, serving the in-process server meanwhile. */
DaftarSyncSummary *
test_sync_run (DaftarSyncClient  *client,
               GCancellable      *cancellable,
               GError           **error)
{
  TestSyncRun run = { NULL, NULL, FALSE };

  daftar_sync_client_run_async (client, cancellable, test_sync_run_cb, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  if (run.error != NULL)
    g_propagate_error (error, run.error);
  return run.summary;
}

/* A client with fast retries, for the database at @path. */
DaftarSyncClient *
test_sync_client (DaftarDbWorker *worker,
                  const char     *url)
{
  DaftarSyncClient *client = daftar_sync_client_new (worker, url, test_sync_office ());

  daftar_sync_client_set_token (client, TEST_TOKEN);
  daftar_sync_client_set_retry_base_ms (client, 5);
  return client;
}

static gpointer
test_sync_cursor_job (DaftarDb      *db,
                      gpointer       job_data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *cursor = daftar_ingest_get_cursor (db, job_data, error);

  /* NULL is a valid answer ("from the beginning"), so box it. */
  if (cursor == NULL && error != NULL && *error != NULL)
    return NULL;
  return g_strdup_printf ("=%s", cursor != NULL ? cursor : "");
}

/* The stored cursor, "" for none. */
char *
test_sync_stored_cursor (DaftarDbWorker *worker)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *boxed = daftar_db_worker_run_sync (worker, test_sync_cursor_job,
                                                      (gpointer) test_sync_office (), NULL, &error);
  g_assert_no_error (error);
  return g_strdup (boxed + 1);
}

/* The database after only the first page of @limit changes, built by
 * ingesting that page directly; *out_cursor gets its cursor. This is the
 * state a run that fails on page two must leave. */
char *
test_sync_first_page_reference (guint   n_days,
                                guint   limit,
                                char  **out_dir,
                                char  **out_cursor)
{
  g_autoptr(DaftarDemoCentralFeed) feed = daftar_demo_central_feed_new (test_sync_demo (n_days));
  g_autoptr(DaftarDb) db = daftar_test_db_new (out_dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  DaftarDemoCentralCursor cursor = { 0, 0, 0, 0 };
  DaftarIngestResult result = { 0 };
  gboolean has_more;
  GString *page;

  page = daftar_demo_central_feed_page (feed, &cursor, limit, 1, 0, &has_more);
  g_assert_true (has_more);
  body = g_string_free_to_bytes (page);
  g_assert_true (daftar_ingest_page_bytes (db, test_sync_office (), body, &result, &error));
  g_assert_no_error (error);
  *out_cursor = g_steal_pointer (&result.cursor);
  daftar_ingest_result_clear (&result);
  return g_strdup (daftar_db_get_path (db));
}

/* Drops the last reference to @worker on this thread. The worker thread
 * lets go of its last job's GTask a moment after the job's callback ran here;
 * if that were the last reference, the worker would be finalized on its own
 * thread and join itself (reported to the daftar-db-worker.c owner). */
void
test_sync_worker_free (DaftarDbWorker *worker)
{
  if (worker == NULL)
    return;
  while (g_atomic_int_get (&G_OBJECT (worker)->ref_count) > 1)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (100);
    }
  g_object_unref (worker);
}

void
test_sync_fixture_set_up (TestSyncFixture *f,
                          guint            n_days,
                          guint            limit)
{
  f->dir = daftar_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "daftar.db", NULL);
  f->server = test_sync_server (n_days, &f->url);
  f->worker = daftar_db_worker_new (f->path);
  f->client = test_sync_client (f->worker, f->url);
  daftar_sync_client_set_page_limit (f->client, limit);
}

void
test_sync_fixture_tear_down (TestSyncFixture *f)
{
  g_clear_object (&f->client);
  test_sync_worker_free (g_steal_pointer (&f->worker));
  g_clear_object (&f->server);
  g_free (f->url);
  g_free (f->path);
  daftar_test_tmpdir_free (f->dir);
}
