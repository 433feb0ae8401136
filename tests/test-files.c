/* test-files.c: the files Daftar writes — only its own databases, owner-only, and never a file it did not make. */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "daftar-db.h"
#include "daftar-test-util.h"

#define LETTER "this is not sqlite, but a letter to the judge\n"

/* Every file of @dir with a digest of its bytes, sorted: equal listings
 * mean nothing was changed, added (a -wal, -shm or -journal) or removed. */
static char *
dir_listing (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *listing = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *digest = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
      g_ptr_array_add (lines, g_strdup_printf ("%s %" G_GSIZE_FORMAT " %s", name, len, digest));
    }
  g_ptr_array_sort (lines, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (listing, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (listing, FALSE);
}

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
      g_autofree char *before = dir_listing (dir);
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

      after = dir_listing (dir);
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
run_daftar (const char * const *args,
            const char         *lang,
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
      g_autofree char *before = dir_listing (dir);
      g_autofree char *after = NULL;
      g_autofree char *err = NULL;
      const char *args[] = { "--report", "summary", "--from", "1405-08-01", "--to", "1405-08-30",
                             "--db", path, NULL };

      g_test_message ("%s", foreign->name);
      g_assert_cmpint (run_daftar (args, "en_US.UTF-8", &err), ==, 1);
      g_assert_nonnull (strstr (err, "is not a Daftar database"));
      g_assert_nonnull (strstr (err, foreign->name));
      after = dir_listing (dir);
      g_assert_cmpstr (after, ==, before);
      g_clear_pointer (&err, g_free);

      /* And in Persian. */
      g_assert_cmpint (run_daftar (args, "fa_IR.UTF-8", &err), ==, 1);
      g_assert_nonnull (strstr (err, "پایگاه دادهٔ برنامهٔ «دفتر» نیست"));
      daftar_test_tmpdir_free (g_steal_pointer (&dir));
    }
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

  return g_test_run ();
}
