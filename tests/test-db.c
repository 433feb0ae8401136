/* test-db.c: opening, migrating and re-opening the database; the worker thread. */
#include "config.h"

#include "daftar-db.h"
#include "daftar-db-worker.h"
#include "daftar-ingest.h"
#include "daftar-test-util.h"

static const char * const design_tables[] = {
  "offices", "staff", "cases", "tickets", "notices", "standards", "holidays",
  "sync_state", "sync_log", "sync_rejects",
  "daily_cases", "daily_tickets", "daily_wait_hist", "hourly_tickets", "daily_notices",
};

static void
test_fresh (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autofree char *mode = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (daftar_db_get_latest_version (), >=, 1);
  g_assert_cmpint (daftar_db_get_schema_version (db), ==, daftar_db_get_latest_version ());

  for (guint i = 0; i < G_N_ELEMENTS (design_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'",
                                              design_tables[i]);
      g_assert_cmpint (daftar_test_count (db, sql), ==, 1);
    }

  sqlite3_prepare_v2 (daftar_db_get_handle (db), "PRAGMA journal_mode", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (daftar_test_count (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (daftar_test_count (db, "PRAGMA synchronous"), ==, 1);   /* NORMAL */

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_reopen_keeps_data (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (daftar_db_get_path (db));
  g_autofree char *value = NULL;

  g_assert_true (daftar_db_set_state (db, "cursor:X", "abc", &error));
  g_assert_no_error (error);
  g_clear_pointer (&db, daftar_db_close);

  db = daftar_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (daftar_db_get_schema_version (db), ==, daftar_db_get_latest_version ());
  value = daftar_db_get_state (db, "cursor:X", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "abc");

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_too_new_refused (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (daftar_db_get_path (db));
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", daftar_db_get_latest_version () + 1);
  DaftarDb *again;

  g_assert_true (daftar_db_exec (db, sql, &error));
  g_clear_pointer (&db, daftar_db_close);

  again = daftar_db_open (path, &error);
  g_assert_null (again);
  g_assert_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, path));
  /* The file is left as it was. */
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "junk.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  DaftarDb *db;

  g_assert_true (g_file_set_contents (path, "this is not sqlite, but a letter to the judge", -1, NULL));
  db = daftar_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_OPEN);
  /* Bad input loses nothing: the file is untouched. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "this is not sqlite, but a letter to the judge");

  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_statement_cache (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *a = daftar_db_prepare (db, "SELECT 1", &error);
  sqlite3_stmt *b = daftar_db_prepare (db, "SELECT 1", &error);

  g_assert_no_error (error);
  g_assert_true (a == b);
  g_assert_null (daftar_db_prepare (db, "SELECT FROM nowhere", &error));
  g_assert_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_SQL);

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Drops the last reference the test holds and waits (bounded) until the
 * worker is gone: its thread may still hold a finished task for a moment. */
static void
assert_worker_finalizes (DaftarDbWorker *worker)
{
  GWeakRef ref;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_weak_ref_init (&ref, worker);
  g_object_unref (worker);
  for (;;)
    {
      GObject *alive = g_weak_ref_get (&ref);
      if (alive == NULL)
        break;
      g_object_unref (alive);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_weak_ref_clear (&ref);
}

static gpointer
count_tables_job (DaftarDb      *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  GThread **caller = data;

  /* The job runs on the worker's thread, not the caller's. */
  g_assert_true (*caller != g_thread_self ());
  return GINT_TO_POINTER ((int) daftar_test_count (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"));
}

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  int *out = user_data;
  g_autoptr(GError) error = NULL;

  *out = GPOINTER_TO_INT (daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error));
  g_assert_no_error (error);
}

static void
test_worker (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "sub", "daftar.db", NULL);
  DaftarDbWorker *worker = daftar_db_worker_new (path);
  g_autoptr(GError) error = NULL;
  GThread *self = g_thread_self ();
  int async_count = -1;
  int sync_count;

  daftar_db_worker_run_async (worker, count_tables_job, &self, NULL, NULL, NULL, job_done, &async_count);
  while (async_count < 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (async_count, >=, 15);

  sync_count = GPOINTER_TO_INT (daftar_db_worker_run_sync (worker, count_tables_job, &self, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sync_count, ==, async_count);

  assert_worker_finalizes (worker);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_worker_open_error (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "junk.db", NULL);
  DaftarDbWorker *worker;
  g_autoptr(GError) error = NULL;
  GThread *self = g_thread_self ();
  gpointer result;

  g_assert_true (g_file_set_contents (path, "not a database at all, not even close", -1, NULL));
  g_test_expect_message ("daftar-db-worker", G_LOG_LEVEL_WARNING, "*junk.db*");
  worker = daftar_db_worker_new (path);
  result = daftar_db_worker_run_sync (worker, count_tables_job, &self, NULL, &error);
  g_test_assert_expected_messages ();
  g_assert_null (result);
  g_assert_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_OPEN);

  assert_worker_finalizes (worker);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
count_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  int *done = user_data;
  g_autoptr(GError) error = NULL;

  daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error);
  g_assert_no_error (error);
  (*done)++;
}

/* The caller may drop its worker while a job is in flight: the task then
 * holds the last reference, which can end on the worker's own thread. */
static void
test_worker_last_reference_in_job (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "daftar.db", NULL);
  GThread *self = g_thread_self ();

  for (int i = 0; i < 30; i++)
    {
      DaftarDbWorker *worker = daftar_db_worker_new (path);
      gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
      GObject *alive;
      GWeakRef ref;
      int done = 0;

      g_weak_ref_init (&ref, worker);
      daftar_db_worker_run_async (worker, count_tables_job, &self, NULL, NULL, NULL, count_done, &done);
      /* From here on the queued task holds the only reference; it may drop
       * it on the worker's own thread. */
      g_object_unref (worker);

      while (done == 0 || (alive = g_weak_ref_get (&ref)) != NULL)
        {
          if (done != 0)
            g_object_unref (alive);
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          g_main_context_iteration (NULL, FALSE);
          g_usleep (500);
        }
      g_assert_cmpint (done, ==, 1);
      g_weak_ref_clear (&ref);
    }
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A database written by schema v1 (here: today's file with v2 undone)
 * opens as the latest version, with the derived tables of v2 built from the
 * records already there, exactly as ingest would have built them. */
static void
test_migrate_from_v1 (void)
{
  static const char * const derived[] = { "daily_case_places", "daily_case_staff", "daily_ticket_load" };
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) page = daftar_test_page ("YZ-ABK-01", "c1",
    "[{\"entity\": \"office\", \"op\": \"upsert\", \"data\": {\"code\": \"YZ-ABK-01\", \"name\": \"دفتر ابرکوه\", \"city\": \"ابرکوه\", \"province\": \"یزد\"}},"
    " {\"entity\": \"case\", \"op\": \"upsert\", \"data\": {\"id\": \"C1\", \"office_code\": \"YZ-ABK-01\", \"kind\": \"brief\", "
    "  \"filed_at\": \"2026-10-29T08:00:00+03:30\", \"shift\": \"morning\", \"status\": \"sent\", \"staff_id\": \"S1\", "
    "  \"client_name\": \"زهرا احمدی\", \"dest_city\": \"شیراز\", \"dest_province\": \"فارس\"}},"
    " {\"entity\": \"ticket\", \"op\": \"upsert\", \"data\": {\"id\": \"T1\", \"office_code\": \"YZ-ABK-01\", \"service\": \"brief\", "
    "  \"issued_at\": \"2026-10-29T16:00:00+03:30\", \"called_at\": \"2026-10-29T16:20:00+03:30\", \"started_at\": \"2026-10-29T16:21:00+03:30\", "
    "  \"finished_at\": \"2026-10-29T16:35:00+03:30\", \"counter\": 2, \"staff_id\": \"S1\", \"outcome\": \"served\"}}]");
  g_autofree char *path = g_strdup (daftar_db_get_path (db));
  char *before[G_N_ELEMENTS (derived)];
  DaftarIngestResult result;

  g_assert_true (daftar_ingest_page (db, "YZ-ABK-01", page, &result, &error));
  g_assert_no_error (error);
  daftar_ingest_result_clear (&result);
  for (guint i = 0; i < G_N_ELEMENTS (derived); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", derived[i]);
      g_assert_cmpint (daftar_test_count (db, sql), >, 0);
      before[i] = daftar_test_table_checksum (db, derived[i]);
    }

  /* Undo v2 as a v1 file would be. */
  g_assert_true (daftar_db_exec (db,
                                 "DROP TABLE daily_case_places; DROP TABLE daily_case_staff; DROP TABLE daily_ticket_load;"
                                 "DROP INDEX notices_unviewed; DROP TRIGGER cases_search_insert;"
                                 "DROP TRIGGER cases_search_delete; DROP TRIGGER cases_search_update;"
                                 "DROP TABLE cases_search; PRAGMA user_version = 1;", &error));
  g_assert_no_error (error);
  g_clear_pointer (&db, daftar_db_close);

  db = daftar_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (daftar_db_get_schema_version (db), ==, daftar_db_get_latest_version ());
  for (guint i = 0; i < G_N_ELEMENTS (derived); i++)
    {
      g_autofree char *after = daftar_test_table_checksum (db, derived[i]);
      g_assert_cmpstr (after, ==, before[i]);
      g_free (before[i]);
    }
  /* The search index covers the records that were there. */
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM cases_search WHERE search_key LIKE '%احمد%'"), ==, 1);

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/db/fresh", test_fresh);
  g_test_add_func ("/db/reopen-keeps-data", test_reopen_keeps_data);
  g_test_add_func ("/db/too-new-refused", test_too_new_refused);
  g_test_add_func ("/db/not-a-database", test_not_a_database);
  g_test_add_func ("/db/statement-cache", test_statement_cache);
  g_test_add_func ("/db/worker", test_worker);
  g_test_add_func ("/db/worker-open-error", test_worker_open_error);
  g_test_add_func ("/db/worker-last-reference-in-job", test_worker_last_reference_in_job);
  g_test_add_func ("/db/migrate-from-v1", test_migrate_from_v1);
  return g_test_run ();
}
