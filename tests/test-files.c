/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-files.c: the files Daftar writes — only its own databases, owner-only, and never a file it did not make. */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "daftar-db.h"
#include "daftar-db-worker.h"
#include "daftar-demo.h"
#include "daftar-demo-mode.h"
#include "daftar-demo-setup.h"
#include "daftar-test-util.h"
#include "daftar-time.h"

#define LETTER "this is not sqlite, but a letter to the judge\n"

static void
exec_raw (sqlite3    *handle,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Another program's SQLite file, made without Daftar. */
static void
write_foreign_sqlite (const char *path,
                      const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  exec_raw (handle, sql);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return value;
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* The files that are not Daftar's, each as it is written to the folder. */
typedef struct {
  const char *name;
  const char *sql;        /* NULL: not SQLite, @bytes is written instead */
  const char *bytes;
} Foreign;

static const Foreign foreign_files[] = {
  { "letter.txt", NULL, LETTER },
  { "short.db", NULL, "SQLite" },
  { "notes.sqlite", "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                    "INSERT INTO notes (text) VALUES ('appointment at 10');", NULL },
  { "wal.sqlite", "PRAGMA journal_mode = WAL; CREATE TABLE t (a); INSERT INTO t VALUES (1);", NULL },
  { "other-app.sqlite", "PRAGMA application_id = 1179603010; PRAGMA user_version = 3;", NULL },
  /* Daftar's version number and some of its table names, but not its schema. */
  { "lookalike.sqlite", "PRAGMA user_version = 4; CREATE TABLE cases (id TEXT); CREATE TABLE offices (code TEXT);", NULL },
};

static char *
write_foreign (const char    *dir,
               const Foreign *foreign)
{
  char *path = g_build_filename (dir, foreign->name, NULL);

  if (foreign->sql != NULL)
    write_foreign_sqlite (path, foreign->sql);
  else
    g_assert_true (g_file_set_contents (path, foreign->bytes, -1, NULL));
  return path;
}

/* A file that is not a Daftar database is refused, and left exactly as it
 * was: no byte changed, no -wal, -shm or -journal beside it. */
static void
test_foreign_refused (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (foreign_files); i++)
    {
      g_autofree char *dir = daftar_test_tmpdir_new ();
      g_autofree char *path = write_foreign (dir, &foreign_files[i]);
      g_autofree char *before = daftar_test_dir_listing (dir);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      DaftarDb *db;

      g_test_message ("%s", foreign_files[i].name);
      db = daftar_db_open (path, &error);
      g_assert_null (db);
      g_assert_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_FOREIGN);
      g_assert_nonnull (strstr (error->message, path));
      g_clear_error (&error);

      db = daftar_db_open_existing (path, &error);
      g_assert_null (db);
      g_assert_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_FOREIGN);

      after = daftar_test_dir_listing (dir);
      g_assert_cmpstr (after, ==, before);
      daftar_test_tmpdir_free (g_steal_pointer (&dir));
    }
}

/* A new file, and an empty one, become Daftar databases with the id. */
static void
test_new_file_marked (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "daftar.db", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *empty_wal = g_strconcat (empty, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  DaftarDb *db;

  db = daftar_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (daftar_test_count (db, "PRAGMA application_id"), ==, DAFTAR_DB_APPLICATION_ID);
  daftar_db_close (db);
  g_assert_cmpint (raw_int (path, "PRAGMA application_id"), ==, DAFTAR_DB_APPLICATION_ID);

  /* An empty file holds nothing to lose; a report still never makes it ours. */
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_null (daftar_db_open_existing (empty, &error));
  g_assert_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_FOREIGN);
  g_clear_error (&error);
  g_assert_false (g_file_test (empty_wal, G_FILE_TEST_EXISTS));
  db = daftar_db_open (empty, &error);
  g_assert_no_error (error);
  g_assert_cmpint (daftar_test_count (db, "PRAGMA application_id"), ==, DAFTAR_DB_APPLICATION_ID);
  g_assert_cmpint (daftar_db_get_schema_version (db), ==, daftar_db_get_latest_version ());
  daftar_db_close (db);

  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A database of an older Daftar has no id: it is recognised by its schema,
 * marked on its first open, and keeps its data. */
static void
test_old_database_marked (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autofree char *path = g_strdup (daftar_db_get_path (db));
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_true (daftar_db_set_state (db, "cursor:YZ-1", "kept", &error));
  g_assert_true (daftar_db_exec (db, "PRAGMA application_id = 0", &error));
  g_assert_no_error (error);
  g_clear_pointer (&db, daftar_db_close);
  g_assert_cmpint (raw_int (path, "PRAGMA application_id"), ==, 0);

  db = daftar_db_open_existing (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (daftar_test_count (db, "PRAGMA application_id"), ==, DAFTAR_DB_APPLICATION_ID);
  value = daftar_db_get_state (db, "cursor:YZ-1", &error);
  g_assert_cmpstr (value, ==, "kept");
  g_clear_pointer (&db, daftar_db_close);
  g_assert_cmpint (raw_int (path, "PRAGMA application_id"), ==, DAFTAR_DB_APPLICATION_ID);

  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The database and its WAL files hold the office's records: owner only,
 * whatever the umask, and an older file made 0644 is tightened. */
static void
test_owner_only (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "daftar.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (022);
  DaftarDb *db;

  db = daftar_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (daftar_db_set_state (db, "k", "v", &error));
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);
  daftar_db_close (db);

  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  db = daftar_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_true (daftar_db_set_state (db, "k", "w", &error));
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);
  daftar_db_close (db);

  umask (old_umask);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The real executable, as a user runs it: its exit status, stderr. */
static int
run_daftar_env (const char * const *args,
                const char         *lang,
                const char         *token_file,
                char              **out_err)
{
  g_autofree char *binary = g_test_build_filename (G_TEST_BUILT, "..", "src", "daftar", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *home = daftar_test_tmpdir_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = -1;

  /* Its own data and cache folders: a run must never reach the real ones. */
  env = g_environ_setenv (env, "XDG_DATA_HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", home, TRUE);
  env = g_environ_setenv (env, "LANG", lang, TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_unsetenv (env, "LC_ALL");
  env = g_environ_unsetenv (env, "LC_MESSAGES");
  /* As a user runs it: the database thread's warning must not abort it. */
  env = g_environ_unsetenv (env, "G_DEBUG");
  if (token_file != NULL)
    env = g_environ_setenv (env, "DAFTAR_TOKEN_FILE", token_file, TRUE);

  g_ptr_array_add (argv, binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, out_err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("daftar %s: status %d, stderr: %s", args[0], status, *out_err);
  daftar_test_tmpdir_free (g_steal_pointer (&home));
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static int
run_daftar (const char * const *args,
            const char         *lang,
            char              **out_err)
{
  return run_daftar_env (args, lang, NULL, out_err);
}

/* `daftar --report … --db FILE` on files that are not Daftar databases:
 * a clear error, a failing exit status, and the file as it was. */
static void
test_report_leaves_foreign_files (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (foreign_files) + 1; i++)
    {
      static const Foreign empty = { "empty.db", NULL, "" };
      const Foreign *foreign = i < G_N_ELEMENTS (foreign_files) ? &foreign_files[i] : &empty;
      g_autofree char *dir = daftar_test_tmpdir_new ();
      g_autofree char *path = write_foreign (dir, foreign);
      g_autofree char *before = daftar_test_dir_listing (dir);
      g_autofree char *after = NULL;
      g_autofree char *err = NULL;
      const char *args[] = { "--report", "summary", "--from", "1405-08-01", "--to", "1405-08-30",
                             "--db", path, NULL };

      g_test_message ("%s", foreign->name);
      g_assert_cmpint (run_daftar (args, "en_US.UTF-8", &err), ==, 1);
      g_assert_nonnull (strstr (err, "is not a Daftar database"));
      g_assert_nonnull (strstr (err, foreign->name));
      after = daftar_test_dir_listing (dir);
      g_assert_cmpstr (after, ==, before);
      g_clear_pointer (&err, g_free);

      /* And in Persian. */
      g_assert_cmpint (run_daftar (args, "fa_IR.UTF-8", &err), ==, 1);
      g_assert_nonnull (strstr (err, "پایگاه دادهٔ برنامهٔ «دفتر» نیست"));
      g_clear_pointer (&err, g_free);

      /* A sync into it stops at the same check (an empty file holds
       * nothing to lose: a sync may make it the office's database). */
      if (foreign != &empty)
        {
          g_autofree char *token_dir = daftar_test_tmpdir_new ();
          g_autofree char *token = g_build_filename (token_dir, "token", NULL);
          const char *sync_args[] = { "--sync-once", "--server", "http://127.0.0.1:9", "--office", "YZ-ABK-01",
                                      "--db", path, NULL };

          g_assert_true (g_file_set_contents (token, "t0ken\n", -1, NULL));
          g_assert_cmpint (run_daftar_env (sync_args, "en_US.UTF-8", token, &err), ==, 1);
          g_assert_nonnull (strstr (err, "is not a Daftar database"));
          g_clear_pointer (&after, g_free);
          after = daftar_test_dir_listing (dir);
          g_assert_cmpstr (after, ==, before);
          daftar_test_tmpdir_free (g_steal_pointer (&token_dir));
        }
      daftar_test_tmpdir_free (g_steal_pointer (&dir));
    }
}

/* The base tables of a database, each with a checksum of its rows. */
static char *
records_checksum (const char *path)
{
  static const char * const tables[] = {
    "offices", "staff", "cases", "tickets", "notices", "standards", "holidays",
    "sync_state", "sync_log", "sync_rejects", "daily_cases", "daily_tickets",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarDb) db = daftar_db_open_existing (path, &error);
  GString *sums = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sum = daftar_test_table_checksum (db, tables[i]);
      g_string_append_printf (sums, "%s %s\n", tables[i], sum);
    }
  return g_string_free (sums, FALSE);
}

/* An office's database as a real one is: records, a cursor and a sync
 * history, and none of the demo's marks. Closed, so it is one file. */
static char *
write_office_database (const char *dir)
{
  char *path = g_build_filename (dir, "office.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarDb) db = daftar_db_open (path, &error);
  g_autoptr(DaftarDemo) demo = NULL;
  GDate last;

  g_assert_no_error (error);
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 20, G_DATE_NOVEMBER, 2026);
  demo = daftar_demo_new (77, 1, 5, &last);
  g_assert_true (daftar_demo_fill_database (demo, db, 2000, NULL, &error));
  g_assert_true (daftar_db_set_state (db, "cursor:YZ-ABK-01", "c-41", &error));
  g_assert_true (daftar_db_exec (db, "INSERT INTO sync_log (started_at, finished_at, server, office_code, result) "
                                     "VALUES (1795000000, 1795000009, 'https://central.example.ir', 'YZ-ABK-01', 'ok')",
                                 &error));
  g_assert_no_error (error);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM cases"), >, 0);
  return path;
}

/* The demo empties only a file it made (or an empty one); an office's
 * database is refused and keeps every row. */
static void
test_demo_leaves_office_database (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = write_office_database (dir);
  g_autofree char *before = records_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  DaftarDb *db = daftar_db_open (path, &error);
  GDate today;

  g_assert_no_error (error);
  daftar_time_local_date (g_get_real_time () / G_USEC_PER_SEC, &today);
  g_assert_false (daftar_demo_setup_database (db, 1, 10, &today, NULL, &error));
  g_assert_error (error, DAFTAR_DEMO_SETUP_ERROR, DAFTAR_DEMO_SETUP_ERROR_NOT_DEMO);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_false (daftar_demo_setup_reset (db, &error));
  g_assert_error (error, DAFTAR_DEMO_SETUP_ERROR, DAFTAR_DEMO_SETUP_ERROR_NOT_DEMO);
  daftar_db_close (db);

  after = records_checksum (path);
  g_assert_cmpstr (after, ==, before);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A file that holds nothing but clients' ratings (a server that sent
 * only those so far) is an office's too: the demo refuses it and keeps
 * them. */
static void
test_demo_leaves_ratings (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "office.db", NULL);
  g_autoptr(GError) error = NULL;
  DaftarDb *db = daftar_db_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (daftar_db_exec (db, "INSERT INTO feedback (id, office_code, rating, channel, submitted_at, comment) "
                                     "VALUES ('F-1', 'YZ-ABK-01', 2, 'sms', 1795000000, 'صف خیلی طولانی بود')",
                                 &error));
  g_assert_no_error (error);
  g_assert_false (daftar_demo_setup_reset (db, &error));
  g_assert_error (error, DAFTAR_DEMO_SETUP_ERROR, DAFTAR_DEMO_SETUP_ERROR_NOT_DEMO);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM feedback"), ==, 1);
  daftar_db_close (db);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

typedef struct {
  gboolean  done;
  GError   *error;
} DemoRun;

static void
demo_synced_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  DemoRun *run = user_data;
  g_autoptr(DaftarDemoMode) server = daftar_demo_mode_prepare_finish (result, &run->error);

  run->done = TRUE;
  g_main_context_wakeup (NULL);
}

/* The path `daftar --demo` takes: its demo server and a real sync, on a
 * worker that was handed the office's database. */
static void
test_demo_sync_leaves_office_database (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = write_office_database (dir);
  g_autofree char *before = records_checksum (path);
  g_autofree char *after = NULL;
  DaftarDbWorker *worker = daftar_db_worker_new (path);
  DemoRun run = { FALSE, NULL };

  daftar_demo_mode_prepare_async (worker, NULL, demo_synced_cb, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (run.error, DAFTAR_DEMO_SETUP_ERROR, DAFTAR_DEMO_SETUP_ERROR_NOT_DEMO);
  g_clear_error (&run.error);
  while (g_atomic_int_get (&G_OBJECT (worker)->ref_count) > 1)
    g_main_context_iteration (NULL, FALSE);
  g_object_unref (worker);

  after = records_checksum (path);
  g_assert_cmpstr (after, ==, before);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The demo's own file: made from an empty one, marked, and emptied again
 * as often as the demo changes, mark kept; a demo file of an older version
 * is known by the stamp it wrote. */
static void
test_demo_resets_own_file (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autoptr(GError) error = NULL;

  g_assert_true (daftar_demo_setup_reset (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM sync_state WHERE key = 'demo:database'"), ==, 1);

  g_assert_true (daftar_db_set_state (db, "cursor:X", "old", &error));
  g_assert_true (daftar_demo_setup_reset (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM sync_state"), ==, 1);

  g_assert_true (daftar_db_exec (db, "DELETE FROM sync_state", &error));
  g_assert_true (daftar_db_set_state (db, "demo:synced", "seed=1405 offices=1 days=120 last=2026-11-20", &error));
  g_assert_true (daftar_db_set_state (db, "cursor:X", "old", &error));
  g_assert_true (daftar_demo_setup_reset (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM sync_state WHERE key = 'cursor:X'"), ==, 0);

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A demo file made by an older generator (its stamp says so, or says no
 * generation at all) is made again; one made by this generator is kept. */
static void
test_demo_older_generation_made_again (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *older = NULL;
  char day[11];
  GDate today;

  daftar_time_local_date (g_get_real_time () / G_USEC_PER_SEC, &today);
  daftar_time_format_day (&today, day);
  g_assert_true (daftar_demo_setup_database (db, 1, 8, &today, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM feedback"), >, 0);

  /* The same generator: kept as it is (the ratings removed stay away). */
  g_assert_true (daftar_db_exec (db, "DELETE FROM feedback", &error));
  g_assert_true (daftar_demo_setup_database (db, 1, 8, &today, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM feedback"), ==, 0);

  /* The stamp of the generator before client care: made again. */
  older = g_strdup_printf ("seed=%d offices=1 days=8 last=%s", DAFTAR_DEMO_SEED, day);
  g_assert_true (daftar_db_set_state (db, "demo:generated", older, &error));
  g_assert_true (daftar_demo_setup_database (db, 1, 8, &today, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM feedback"), >, 0);

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* `daftar --demo --db FILE` is refused before anything is opened. */
static void
test_demo_with_db_refused (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = write_office_database (dir);
  g_autofree char *shots = g_build_filename (dir, "shots", NULL);
  g_autofree char *db_arg = g_strconcat ("--db=", path, NULL);
  g_autofree char *before = daftar_test_dir_listing (dir);
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  /* With --screenshots a run that went ahead would also end by itself. */
  const char *args[] = { "--demo", "--db", path, "--screenshots", shots, NULL };
  const char *args_equals[] = { db_arg, "--demo", "--screenshots", shots, NULL };

  g_assert_cmpint (run_daftar (args, "en_US.UTF-8", &err), ==, 2);
  g_assert_nonnull (strstr (err, "--demo opens a demo database of its own and cannot be used with --db"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_daftar (args_equals, "fa_IR.UTF-8", &err), ==, 2);
  g_assert_nonnull (strstr (err, "پایگاه دادهٔ نمونهٔ خودش"));

  after = daftar_test_dir_listing (dir);
  g_assert_cmpstr (after, ==, before);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* `daftar --sync-once` with a password in the server's address: refused
 * before the keyring is asked or the database is even made. */
static void
test_sync_once_userinfo_writes_nothing (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "daftar.db", NULL);
  g_autofree char *token = g_build_filename (dir, "token", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--sync-once", "--server", "https://manager:pa55word@central.example.ir",
                         "--office", "YZ-ABK-01", "--db", path, NULL };

  g_assert_true (g_file_set_contents (token, "t0ken\n", -1, NULL));
  before = daftar_test_dir_listing (dir);
  g_assert_cmpint (run_daftar_env (args, "en_US.UTF-8", token, &err), ==, 2);
  g_assert_nonnull (strstr (err, "must not contain a user name, password or query"));
  g_assert_null (strstr (err, "pa55word"));
  after = daftar_test_dir_listing (dir);
  g_assert_cmpstr (after, ==, before);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/files/foreign-refused", test_foreign_refused);
  g_test_add_func ("/files/new-file-marked", test_new_file_marked);
  g_test_add_func ("/files/old-database-marked", test_old_database_marked);
  g_test_add_func ("/files/owner-only", test_owner_only);
  g_test_add_func ("/files/report-leaves-foreign-files", test_report_leaves_foreign_files);
  g_test_add_func ("/files/demo-leaves-office-database", test_demo_leaves_office_database);
  g_test_add_func ("/files/demo-leaves-ratings", test_demo_leaves_ratings);
  g_test_add_func ("/files/demo-sync-leaves-office-database", test_demo_sync_leaves_office_database);
  g_test_add_func ("/files/demo-resets-own-file", test_demo_resets_own_file);
  g_test_add_func ("/files/demo-older-generation-made-again", test_demo_older_generation_made_again);
  g_test_add_func ("/files/demo-with-db-refused", test_demo_with_db_refused);
  g_test_add_func ("/files/sync-once-userinfo-writes-nothing", test_sync_once_userinfo_writes_nothing);

  return g_test_run ();
}
