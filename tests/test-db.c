/* test-db.c: opening, migrating and re-opening the database; the worker thread. */
#include "config.h"

#include "daftar-db.h"
#include "daftar-db-worker.h"
#include "daftar-demo.h"
#include "daftar-ingest.h"
#include "daftar-test-util.h"

static const char * const design_tables[] = {
  "offices", "staff", "cases", "tickets", "notices", "standards", "holidays",
  "sync_state", "sync_log", "sync_rejects",
  "daily_cases", "daily_tickets", "daily_wait_hist", "hourly_tickets", "daily_notices",
};

/* The tables schema v3 adds (src/sql/003-months-and-network.sql). */
static const char * const v3_tables[] = {
  "daily_view_times", "monthly_cases", "monthly_tickets", "monthly_wait_hist", "monthly_hours",
  "monthly_open_days", "monthly_notices", "monthly_view_times", "monthly_case_places",
  "monthly_case_staff", "monthly_counter_load", "monthly_staff_load",
};

/* The tables schema v4 added, all derived from the monthly rollups. */
static const char * const v4_tables[] = {
  "yearly_tickets", "yearly_hours", "yearly_open_days", "yearly_counter_load", "yearly_staff_load",
};

/* The daily rollups that held no network rows (office_code '') before v3. */
static const char * const pre_v3_network_tables[] = {
  "daily_cases", "daily_tickets", "daily_wait_hist", "hourly_tickets", "daily_notices",
  "daily_case_places", "daily_case_staff",
};

/* Turns today's file back into one of schema v7: no client care (the
 * migration to v9 has a test of its own in test-care.c). */
static void
undo_v9 (DaftarDb *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (daftar_db_exec (db,
                                 "DROP TABLE feedback; DROP TABLE daily_out_of_turn; DROP TABLE out_of_turn_tickets; "
                                 "DROP TABLE hourly_waiting; DROP TABLE daily_idle; DROP TABLE daily_feedback; "
                                 "DROP TABLE monthly_out_of_turn; DROP TABLE yearly_out_of_turn; "
                                 "DROP TABLE monthly_waiting; DROP TABLE yearly_waiting; "
                                 "DROP TABLE monthly_idle; DROP TABLE yearly_idle; "
                                 "DROP TABLE monthly_feedback; DROP TABLE yearly_feedback; "
                                 "PRAGMA user_version = 7;", &error));
  g_assert_no_error (error);
}

/* Turns today's file back into one of schema v5: the shared tables say
 * nobody's feed set their rows. */
static void
undo_v6 (DaftarDb *db)
{
  g_autoptr(GError) error = NULL;

  undo_v9 (db);
  g_assert_true (daftar_db_exec (db,
                                 "ALTER TABLE standards DROP COLUMN office_code;"
                                 "ALTER TABLE holidays DROP COLUMN office_code;"
                                 "PRAGMA user_version = 5;", &error));
  g_assert_no_error (error);
}

/* Turns today's file back into one of schema v3: the yearly tables dropped. */
static void
undo_v4 (DaftarDb *db)
{
  g_autoptr(GError) error = NULL;

  undo_v6 (db);
  for (guint i = 0; i < G_N_ELEMENTS (v4_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP TABLE %s", v4_tables[i]);
      g_assert_true (daftar_db_exec (db, sql, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'yearly%'"), ==, 0);
}

/* Turns today's file back into one of schema v2: the tables of v3 dropped,
 * its indexes back as v2 had them, and the network rows it added to the
 * older daily rollups removed. */
static void
undo_v3 (DaftarDb *db)
{
  g_autoptr(GError) error = NULL;

  undo_v4 (db);
  g_assert_true (daftar_db_exec (db,
                                 "DROP INDEX cases_by_time; DROP INDEX notices_unviewed_by_time; DROP INDEX notices_unviewed;"
                                 "CREATE INDEX notices_unviewed ON notices (office_code, issued_at)"
                                 "  WHERE channel = 'electronic' AND viewed_at IS NULL;", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (v3_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP TABLE %s", v3_tables[i]);
      g_assert_true (daftar_db_exec (db, sql, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (pre_v3_network_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE office_code = ''", pre_v3_network_tables[i]);
      g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM %s WHERE office_code = ''", pre_v3_network_tables[i]);
      g_assert_true (daftar_db_exec (db, sql, &error));
      g_assert_no_error (error);
      g_assert_cmpint (daftar_test_count (db, count), ==, 0);
    }
  /* Nothing of v3 is left: the migration must build all of it. */
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'monthly%' "
                                          "OR name = 'daily_view_times'"), ==, 0);
}

/* The schema (every table, index and trigger with its SQL) of a migrated
 * file is that of a fresh one. */
static void
assert_schema_as_fresh (DaftarDb *db)
{
  static const char * const schema = "(SELECT type, name, tbl_name, sql FROM sqlite_master)";
  g_autofree char *fresh_dir = NULL;
  g_autoptr(DaftarDb) fresh = daftar_test_db_new (&fresh_dir);
  g_autofree char *expected = daftar_test_table_checksum (fresh, schema);
  g_autofree char *actual = daftar_test_table_checksum (db, schema);

  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM sqlite_master"), ==,
                   daftar_test_count (fresh, "SELECT count(*) FROM sqlite_master"));
  g_assert_cmpstr (actual, ==, expected);
  g_clear_pointer (&fresh, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&fresh_dir));
}

/* Every table whose content the v3 and v4 migrations make, with its
 * checksum. */
static GPtrArray *
v3_checksums (DaftarDb *db)
{
  GPtrArray *sums = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (v3_tables); i++)
    g_ptr_array_add (sums, daftar_test_table_checksum (db, v3_tables[i]));
  for (guint i = 0; i < G_N_ELEMENTS (pre_v3_network_tables); i++)
    g_ptr_array_add (sums, daftar_test_table_checksum (db, pre_v3_network_tables[i]));
  for (guint i = 0; i < G_N_ELEMENTS (v4_tables); i++)
    g_ptr_array_add (sums, daftar_test_table_checksum (db, v4_tables[i]));
  return sums;
}

static void
assert_v3_tables_filled (DaftarDb *db)
{
  for (guint i = 0; i < G_N_ELEMENTS (v3_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", v3_tables[i]);
      g_test_message ("%s", sql);
      g_assert_cmpint (daftar_test_count (db, sql), >, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (pre_v3_network_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE office_code = ''",
                                              pre_v3_network_tables[i]);
      g_test_message ("%s", sql);
      g_assert_cmpint (daftar_test_count (db, sql), >, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (v4_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", v4_tables[i]);
      g_test_message ("%s", sql);
      g_assert_cmpint (daftar_test_count (db, sql), >, 0);
    }
}

static void
assert_same_checksums (GPtrArray *before,
                       GPtrArray *after)
{
  const guint n3 = G_N_ELEMENTS (v3_tables), n_pre = G_N_ELEMENTS (pre_v3_network_tables);

  g_assert_cmpuint (before->len, ==, n3 + n_pre + G_N_ELEMENTS (v4_tables));
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      const char *table = i < n3 ? v3_tables[i]
                          : i < n3 + n_pre ? pre_v3_network_tables[i - n3]
                          : v4_tables[i - n3 - n_pre];
      g_test_message ("checksum of %s", table);
      g_assert_cmpstr (g_ptr_array_index (after, i), ==, g_ptr_array_index (before, i));
    }
}

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
  g_assert_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_FOREIGN);
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
  g_assert_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_FOREIGN);

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

/* A database written by schema v1 (here: today's file with v3 and v2
 * undone) opens as the latest version, with the derived tables of v2 and v3
 * built from the records already there, exactly as ingest would have built
 * them. */
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
    "  \"finished_at\": \"2026-10-29T16:35:00+03:30\", \"counter\": 2, \"staff_id\": \"S1\", \"outcome\": \"served\"}},"
    " {\"entity\": \"notice\", \"op\": \"upsert\", \"data\": {\"id\": \"N1\", \"office_code\": \"YZ-ABK-01\", \"case_id\": \"C1\", "
    "  \"channel\": \"electronic\", \"issued_at\": \"2026-10-29T10:00:00+03:30\", \"viewed_at\": \"2026-10-29T18:00:00+03:30\"}}]");
  g_autofree char *path = g_strdup (daftar_db_get_path (db));
  char *before[G_N_ELEMENTS (derived)];
  g_autoptr(GPtrArray) v3_before = NULL;
  g_autoptr(GPtrArray) v3_after = NULL;
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
  assert_v3_tables_filled (db);
  v3_before = v3_checksums (db);

  /* Undo v3, then v2, as a v1 file would be. */
  undo_v3 (db);
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
  v3_after = v3_checksums (db);
  assert_same_checksums (v3_before, v3_after);
  assert_schema_as_fresh (db);
  /* The search index covers the records that were there. */
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM cases_search WHERE search_key LIKE '%احمد%'"), ==, 1);

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Demo data over the Jalali year end 1403/1404 (Esfand 30 of leap 1403,
 * 2025-03-20, inside), two offices; then the file is taken back to schema
 * @version with @undo and reopened: it opens as the latest version, every
 * derived table holding exactly what ingest wrote into the fresh file. */
static void
check_migration_from (guint64 seed, void (*undo) (DaftarDb *db), int version)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (daftar_db_get_path (db));
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(DaftarDemo) demo = NULL;
  GDate last_day;

  /* 1403-12-20 … 1404-01-05. */
  g_date_clear (&last_day, 1);
  g_date_set_dmy (&last_day, 25, G_DATE_MARCH, 2025);
  demo = daftar_demo_new (seed, 2, 16, &last_day);
  g_assert_true (daftar_demo_fill_database (demo, db, 2000, NULL, &error));
  g_assert_no_error (error);

  assert_v3_tables_filled (db);
  /* The months and the years on both sides of the year end. */
  g_assert_cmpint (daftar_test_count (db, "SELECT count(DISTINCT day) FROM monthly_cases WHERE office_code = ''"), ==, 2);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(DISTINCT day) FROM yearly_tickets WHERE office_code = ''"), ==, 2);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(DISTINCT office_code) FROM yearly_staff_load"), ==, 2);
  before = v3_checksums (db);

  undo (db);
  g_assert_true (daftar_db_exec (db, set_version, &error));
  g_assert_no_error (error);
  g_clear_pointer (&db, daftar_db_close);

  db = daftar_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (daftar_db_get_schema_version (db), ==, daftar_db_get_latest_version ());
  after = v3_checksums (db);
  assert_same_checksums (before, after);
  assert_schema_as_fresh (db);

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A v2 file (today's with v3 undone): months, network rows and years are
 * all built by the migration. */
static void
test_migrate_from_v2 (void)
{
  check_migration_from (7, undo_v3, 2);
}

/* A v3 file (today's without its yearly tables): the years are summed
 * from the months already there. */
static void
test_migrate_from_v3 (void)
{
  check_migration_from (11, undo_v4, 3);
}

/* A v5 file in which a feed had deleted its office's row: the office had
 * dropped out of the network's totals. The migration gives it its row back
 * and sums the network's days again. */
static void
test_migrate_from_v5 (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (daftar_db_get_path (db));
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(DaftarDemo) demo = NULL;
  g_autofree char *lost = NULL;
  g_autofree char *delete_office = NULL;
  GDate last_day;

  g_date_clear (&last_day, 1);
  g_date_set_dmy (&last_day, 25, G_DATE_MARCH, 2025);
  demo = daftar_demo_new (13, 2, 16, &last_day);
  g_assert_true (daftar_demo_fill_database (demo, db, 2000, NULL, &error));
  g_assert_no_error (error);
  before = v3_checksums (db);

  /* What v5 did with a delete of the office record: the row went, and the
   * network's rows of any day recomputed after it left the office out. */
  lost = g_strdup (daftar_demo_get_office_code (demo, 1));
  delete_office = g_strdup_printf ("DELETE FROM offices WHERE code = '%s';"
                                   "DELETE FROM daily_cases WHERE office_code = '';"
                                   "DELETE FROM daily_tickets WHERE office_code = '';", lost);
  undo_v6 (db);
  g_assert_true (daftar_db_exec (db, delete_office, &error));
  g_assert_no_error (error);
  g_clear_pointer (&db, daftar_db_close);

  db = daftar_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (daftar_db_get_schema_version (db), ==, daftar_db_get_latest_version ());
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM offices"), ==, 2);
  after = v3_checksums (db);
  assert_same_checksums (before, after);
  assert_schema_as_fresh (db);

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
  g_test_add_func ("/db/migrate-from-v2", test_migrate_from_v2);
  g_test_add_func ("/db/migrate-from-v3", test_migrate_from_v3);
  g_test_add_func ("/db/migrate-from-v5", test_migrate_from_v5);
  return g_test_run ();
}
