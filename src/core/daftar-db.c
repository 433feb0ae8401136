/* daftar-db.c: the SQLite database file — opening, pragmas, migrations, statement cache. */
#define G_LOG_DOMAIN "daftar-db"

#include "config.h"

#include <errno.h>
#include <stdlib.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "daftar-db.h"
#include "daftar-migrations.h"
#include "daftar-sum.h"

#define MIGRATIONS_PATH "/io/github/daftar/Daftar/sql"
#define BUSY_TIMEOUT_MS 5000

struct _DaftarDb
{
  sqlite3    *handle;      /* owned */
  char       *path;        /* owned */
  GHashTable *statements;  /* owned: SQL text → sqlite3_stmt*, finalized on close */
  GHashTable *by_address;  /* owned: static SQL address → sqlite3_stmt* (not owned) */
};

G_DEFINE_QUARK (daftar-db-error-quark, daftar_db_error)

char *
daftar_db_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "daftar", "daftar.db", NULL);
}

void
daftar_db_set_error (DaftarDb    *db,
                     GError     **error,
                     const char  *what)
{
  g_set_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_SQL,
               "%s: %s", what, sqlite3_errmsg (db->handle));
}

gboolean
daftar_db_exec (DaftarDb    *db,
                const char  *sql,
                GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db->handle, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_SQL,
                   "%s", message ? message : sqlite3_errmsg (db->handle));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
daftar_db_prepare (DaftarDb    *db,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_SQL,
                   "Could not prepare “%s”: %s", sql, sqlite3_errmsg (db->handle));
      return NULL;
    }
  g_hash_table_insert (db->statements, g_strdup (sql), stmt);
  return stmt;
}

sqlite3_stmt *
daftar_db_prepare_static (DaftarDb    *db,
                          const char  *static_sql,
                          GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->by_address, static_sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  stmt = daftar_db_prepare (db, static_sql, error);
  if (stmt != NULL)
    g_hash_table_insert (db->by_address, (gpointer) static_sql, stmt);
  return stmt;
}

gboolean
daftar_db_begin (DaftarDb  *db,
                 GError   **error)
{
  /* IMMEDIATE takes the write lock now, so a second process (the sync-once
   * command beside an open window) waits at BEGIN instead of failing later. */
  return daftar_db_exec (db, "BEGIN IMMEDIATE", error);
}

gboolean
daftar_db_commit (DaftarDb  *db,
                  GError   **error)
{
  return daftar_db_exec (db, "COMMIT", error);
}

void
daftar_db_rollback (DaftarDb *db)
{
  if (!sqlite3_get_autocommit (db->handle))
    sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
}

int
daftar_db_get_schema_version (DaftarDb *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db->handle, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Migrations are the files NNN-*.sql in the GResource, applied in order; file
 * NNN brings the schema to version NNN. */
static GPtrArray *
list_migrations (GError **error)
{
  g_auto(GStrv) names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, error);
  GPtrArray *files;

  if (names == NULL)
    return NULL;
  files = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (files, g_strdup (names[i]));
  g_ptr_array_sort (files, compare_names);
  return files;
}

int
daftar_db_get_latest_version (void)
{
  g_autoptr(GPtrArray) files = list_migrations (NULL);
  int latest = 0;

  if (files == NULL)
    return 0;
  for (guint i = 0; i < files->len; i++)
    latest = MAX (latest, atoi (g_ptr_array_index (files, i)));
  return latest;
}

static gboolean
apply_migration (DaftarDb    *db,
                 const char  *name,
                 int          first,
                 int          version,
                 int          latest,
                 GError     **error)
{
  g_autofree char *resource = g_build_path ("/", MIGRATIONS_PATH, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, error);
  g_autofree char *sql = NULL;
  g_autofree char *set_version = NULL;

  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

  /* One transaction per step: a failed step leaves the previous version intact. */
  if (!daftar_db_begin (db, error))
    return FALSE;
  if (!daftar_db_exec (db, sql, error) ||
      !daftar_migration_after_step (db, first, version, latest, error) ||
      !daftar_db_exec (db, set_version, error) ||
      !daftar_db_commit (db, error))
    {
      daftar_db_rollback (db);
      g_prefix_error (error, "Migration %s: ", name);
      return FALSE;
    }
  g_debug ("Migrated %s to schema version %d", db->path, version);
  return TRUE;
}

static gboolean
migrate (DaftarDb  *db,
         GError   **error)
{
  g_autoptr(GPtrArray) files = list_migrations (error);
  int current = daftar_db_get_schema_version (db);
  int latest = 0;

  if (files == NULL)
    return FALSE;

  for (guint i = 0; i < files->len; i++)
    latest = MAX (latest, atoi (g_ptr_array_index (files, i)));
  if (current > latest)
    {
      g_set_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_TOO_NEW,
                   _("The database %s was written by a newer version of Daftar (schema %d; this version knows %d)"),
                   db->path, current, latest);
      return FALSE;
    }

  for (guint i = 0; i < files->len; i++)
    {
      const char *name = g_ptr_array_index (files, i);
      int version = atoi (name);

      if (version > current && !apply_migration (db, name, current + 1, version, latest, error))
        return FALSE;
    }
  return TRUE;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

DaftarDb *
daftar_db_open (const char  *path,
                GError     **error)
{
  g_autoptr(DaftarDb) db = g_new0 (DaftarDb, 1);
  g_autofree char *dir = g_path_get_dirname (path);

  db->path = g_strdup (path);
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  db->by_address = g_hash_table_new (NULL, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_OPEN,
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }

  if (sqlite3_open_v2 (path, &db->handle,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_OPEN,
                   _("Could not open the database %s: %s"), path,
                   db->handle ? sqlite3_errmsg (db->handle) : g_strerror (ENOMEM));
      return NULL;
    }
  sqlite3_busy_timeout (db->handle, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db->handle, 1);
  /* Before the migrations: their rollups sum with it. */
  if (daftar_sum_register (db->handle) != SQLITE_OK)
    {
      g_set_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_OPEN,
                   _("Could not open the database %s: %s"), path, sqlite3_errmsg (db->handle));
      return NULL;
    }

  if (!daftar_db_exec (db,
                       "PRAGMA journal_mode = WAL;"
                       "PRAGMA synchronous = NORMAL;"
                       "PRAGMA foreign_keys = ON;"
                       "PRAGMA temp_store = MEMORY;"
                       /* Index inserts of a 5000-record page touch many pages. */
                       "PRAGMA cache_size = -32768;",
                       error) ||
      !migrate (db, error))
    {
      g_prefix_error (error, _("Could not open the database %s: "), path);
      if (error && *error)
        (*error)->code = (*error)->code == DAFTAR_DB_ERROR_TOO_NEW
                           ? DAFTAR_DB_ERROR_TOO_NEW : DAFTAR_DB_ERROR_OPEN;
      return NULL;
    }

  return g_steal_pointer (&db);
}

void
daftar_db_close (DaftarDb *db)
{
  if (db == NULL)
    return;
  /* Statements must be finalized before the connection closes. */
  g_clear_pointer (&db->by_address, g_hash_table_unref);
  g_clear_pointer (&db->statements, g_hash_table_unref);
  if (db->handle != NULL)
    sqlite3_close (db->handle);
  g_free (db->path);
  g_free (db);
}

sqlite3 *
daftar_db_get_handle (DaftarDb *db)
{
  return db->handle;
}

const char *
daftar_db_get_path (DaftarDb *db)
{
  return db->path;
}

char *
daftar_db_get_state (DaftarDb    *db,
                     const char  *key,
                     GError     **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, "SELECT value FROM sync_state WHERE key = ?", error);
  char *value = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    daftar_db_set_error (db, error, "Reading sync state");
  sqlite3_reset (stmt);
  return value;
}

gboolean
daftar_db_set_state (DaftarDb    *db,
                     const char  *key,
                     const char  *value,
                     GError     **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db,
                                          "INSERT INTO sync_state (key, value) VALUES (?, ?) "
                                          "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, "Writing sync state");
      return FALSE;
    }
  return TRUE;
}
