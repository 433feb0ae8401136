/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-db.c: the SQLite database file — opening, pragmas, migrations, statement cache. */
#define G_LOG_DOMAIN "daftar-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "daftar-db.h"
#include "daftar-migrations.h"
#include "daftar-sum.h"
#include "daftar-text.h"

#define MIGRATIONS_PATH "/io/github/daftar/Daftar/sql"
#define BUSY_TIMEOUT_MS 5000
#define SQLITE_HEADER_BYTES 100
#define HEADER_APPLICATION_ID 68   /* offset of the big-endian id in the header */

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

/* SQLite speaks English. The failures a manager can meet (a file another
 * program holds, a full or failing disk, a damaged, read-only or missing
 * file) have a sentence of their own in the UI's language. Any other
 * message is kept, isolated in the sentence around it, since it names what
 * failed (a trigger's reason, a missing table) for whoever fixes it. */
static char *
sqlite_reason (int         code,
               const char *message)
{
  const char *generic = sqlite3_errstr (code);
  const char *words = NULL;

  if (message != NULL && g_strcmp0 (message, generic) != 0)
    return daftar_text_isolate (message);
  switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      words = _("another program is using the database; try again in a moment");
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      words = _("the database file may not be written");
      break;
    case SQLITE_IOERR:
      words = _("the disk could not be read or written");
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      words = _("the database file is damaged");
      break;
    case SQLITE_FULL:
      words = _("the disk is full");
      break;
    case SQLITE_CANTOPEN:
      words = _("the database file could not be opened");
      break;
    case SQLITE_NOMEM:
      words = _("there is not enough memory");
      break;
    default:
      return daftar_text_isolate (generic);
    }
  return g_strdup (words);
}

char *
daftar_db_describe_failure (int         code,
                            const char *message)
{
  return sqlite_reason (code, message);
}

void
daftar_db_set_error (DaftarDb    *db,
                     GError     **error,
                     const char  *what)
{
  g_autofree char *reason = sqlite_reason (sqlite3_extended_errcode (db->handle),
                                           sqlite3_errmsg (db->handle));

  g_set_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_SQL, "%s: %s", what, reason);
}

gboolean
daftar_db_exec (DaftarDb    *db,
                const char  *sql,
                GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db->handle, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_autofree char *reason = sqlite_reason (sqlite3_extended_errcode (db->handle),
                                               message ? message : sqlite3_errmsg (db->handle));

      g_set_error_literal (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_SQL, reason);
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
      g_autofree char *reason = sqlite_reason (sqlite3_extended_errcode (db->handle),
                                               sqlite3_errmsg (db->handle));

      /* The statement is for whoever fixes it, not for the manager. */
      g_debug ("Could not prepare “%s”: %s", sql, sqlite3_errmsg (db->handle));
      g_set_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_SQL,
                   _("Could not prepare a query of the database: %s"), reason);
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
      g_autofree char *step = daftar_text_isolate (name);

      daftar_db_rollback (db);
      /* Translators: %s is the file of one step, e.g. "006-owners.sql" */
      g_prefix_error (error, _("Bringing the database up to date with step %s: "), step);
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
                   /* Translators: schema versions stay in Latin digits, as the
                    * database file and the release notes write them. */
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

/* What a file is, decided before Daftar writes a byte to it. */
typedef enum {
  DB_FILE_NEW,      /* missing, empty, or SQLite with nothing in it */
  DB_FILE_OLD,      /* Daftar's, from before the application id */
  DB_FILE_DAFTAR,   /* has Daftar's application id */
} DbFileKind;

/* The tables every Daftar schema has had since version 1. */
static const char * const daftar_tables[] = {
  "offices", "cases", "tickets", "notices", "sync_state", "sync_log",
};

static void
set_foreign_error (GError     **error,
                   const char  *path)
{
  g_set_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_FOREIGN,
               _("The file %s is not a Daftar database; Daftar did not change it"), path);
}

static int
query_int (sqlite3     *handle,
           const char  *sql,
           gint64      *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* Only reads: what the connection sees, the WAL included. */
static gboolean
classify_connection (sqlite3     *handle,
                     const char  *path,
                     DbFileKind  *out_kind,
                     GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM sqlite_master "
                                         "WHERE type = 'table' AND name IN (");
  gint64 app_id = 0, version = 0, objects = 0, tables = 0;
  int rc;

  for (guint i = 0; i < G_N_ELEMENTS (daftar_tables); i++)
    g_string_append_printf (sql, "%s'%s'", i > 0 ? ", " : "", daftar_tables[i]);
  g_string_append_c (sql, ')');

  if ((rc = query_int (handle, "PRAGMA application_id", &app_id)) != SQLITE_OK ||
      (rc = query_int (handle, "PRAGMA user_version", &version)) != SQLITE_OK ||
      (rc = query_int (handle, "SELECT count(*) FROM sqlite_master", &objects)) != SQLITE_OK ||
      (rc = query_int (handle, sql->str, &tables)) != SQLITE_OK)
    {
      /* Not SQLite, damaged or encrypted: nothing for Daftar to touch. A
       * lock or a full disk is a reason to try again, not a verdict. */
      if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
        set_foreign_error (error, path);
      else
        {
          g_autofree char *reason = sqlite_reason (rc, NULL);

          g_set_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_OPEN,
                       _("Could not open the database %s: %s"), path, reason);
        }
      return FALSE;
    }

  if ((guint32) app_id == DAFTAR_DB_APPLICATION_ID)
    *out_kind = DB_FILE_DAFTAR;
  else if (app_id == 0 && version > 0 && tables == G_N_ELEMENTS (daftar_tables))
    *out_kind = DB_FILE_OLD;
  else if (app_id == 0 && version == 0 && objects == 0)
    *out_kind = DB_FILE_NEW;
  else
    {
      set_foreign_error (error, path);
      return FALSE;
    }
  return TRUE;
}

/* Looks at the file through a read-only connection that writes nothing:
 * with no -wal beside it, "immutable" also keeps SQLite from creating
 * -wal and -shm files next to a foreign database in WAL mode. */
static gboolean
classify_read_only (const char  *path,
                    gboolean     has_wal,
                    DbFileKind  *out_kind,
                    GError     **error)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);
  g_autofree char *uri = g_strconcat ("file://", escaped, has_wal ? "?mode=ro" : "?mode=ro&immutable=1", NULL);
  sqlite3 *handle = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_open_v2 (uri, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *reason = sqlite_reason (rc, handle ? sqlite3_errmsg (handle) : NULL);

      g_set_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_OPEN,
                   _("Could not open the database %s: %s"), path, reason);
      sqlite3_close (handle);
      return FALSE;
    }
  sqlite3_busy_timeout (handle, BUSY_TIMEOUT_MS);
  ok = classify_connection (handle, path, out_kind, error);
  sqlite3_close (handle);
  return ok;
}

/* Decides from the file alone whether Daftar may open it read-write. */
static gboolean
check_file (const char  *path,
            gboolean     may_create,
            DbFileKind  *out_kind,
            GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  guint8 header[SQLITE_HEADER_BYTES];
  gssize got = 0;
  GStatBuf st;
  gboolean has_wal;
  guint32 app_id;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      if (saved == ENOENT && may_create)
        {
          *out_kind = DB_FILE_NEW;
          return TRUE;
        }
      g_set_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_OPEN,
                   _("Could not open the database %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      set_foreign_error (error, path);
      return FALSE;
    }
  /* A new database in WAL mode may still be all in its -wal. */
  has_wal = g_file_test (wal, G_FILE_TEST_EXISTS);
  if (st.st_size == 0 && !has_wal)
    {
      if (!may_create)
        {
          set_foreign_error (error, path);
          return FALSE;
        }
      *out_kind = DB_FILE_NEW;
      return TRUE;
    }
  if (st.st_size < SQLITE_HEADER_BYTES)
    {
      if (!has_wal)
        {
          set_foreign_error (error, path);
          return FALSE;
        }
      return classify_read_only (path, has_wal, out_kind, error);
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      got = read (fd, header, sizeof header);
      close (fd);
    }
  if (fd < 0 || got < 0)
    {
      int saved = errno;
      g_set_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_OPEN,
                   _("Could not open the database %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (got < SQLITE_HEADER_BYTES || memcmp (header, "SQLite format 3", 16) != 0)
    {
      set_foreign_error (error, path);
      return FALSE;
    }
  app_id = (guint32) header[HEADER_APPLICATION_ID] << 24 |
           (guint32) header[HEADER_APPLICATION_ID + 1] << 16 |
           (guint32) header[HEADER_APPLICATION_ID + 2] << 8 |
           (guint32) header[HEADER_APPLICATION_ID + 3];
  if (app_id == DAFTAR_DB_APPLICATION_ID)
    {
      *out_kind = DB_FILE_DAFTAR;
      return TRUE;
    }
  /* Another program's id, and no step of Daftar's ever changes it. */
  if (app_id != 0)
    {
      set_foreign_error (error, path);
      return FALSE;
    }
  /* No id in the file itself: an older Daftar database, an empty SQLite
   * file, another program's, or ours with the id still in the -wal. */
  if (!classify_read_only (path, has_wal, out_kind, error))
    return FALSE;
  if (*out_kind == DB_FILE_NEW && !may_create)
    {
      set_foreign_error (error, path);
      return FALSE;
    }
  return TRUE;
}

/* Owner only, for the file and the WAL files SQLite has already made;
 * SQLite gives the ones it makes later the database file's mode. */
static void
keep_private (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (file, &st) != 0 || !S_ISREG (st.st_mode) || (st.st_mode & 0077) == 0 ||
          st.st_uid != getuid ())
        continue;
      if (g_chmod (file, 0600) != 0)
        g_debug ("Could not make %s private: %s", file, g_strerror (errno));
    }
}

/* Creates a missing file as the owner's alone: SQLite would make it 0644. */
static gboolean
create_private (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_OPEN,
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int saved = errno;
      g_set_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_OPEN,
                   _("Could not open the database %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);
  return TRUE;
}

static gboolean
mark_as_daftar (DaftarDb  *db,
                GError   **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %u", (guint) DAFTAR_DB_APPLICATION_ID);

  return daftar_db_exec (db, sql, error);
}

static DaftarDb *
open_database (const char  *path,
               gboolean     may_create,
               GError     **error)
{
  g_autoptr(DaftarDb) db = g_new0 (DaftarDb, 1);
  /* SQLite's own names, never files: tests and tools use them. */
  gboolean in_memory = g_str_equal (path, ":memory:");
  DbFileKind kind = DB_FILE_NEW;
  int rc;

  db->path = g_strdup (path);
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  db->by_address = g_hash_table_new (NULL, NULL);

  /* Nothing is written, not even a journal mode, until the file is known
   * to be Daftar's or empty. */
  if (!in_memory && !check_file (path, may_create, &kind, error))
    return NULL;
  if (!in_memory && kind == DB_FILE_NEW && !create_private (path, error))
    return NULL;

  if ((rc = sqlite3_open_v2 (path, &db->handle,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
                             (in_memory ? SQLITE_OPEN_CREATE : 0),
                             NULL)) != SQLITE_OK)
    {
      g_autofree char *reason = sqlite_reason (rc, db->handle ? sqlite3_errmsg (db->handle) : NULL);

      g_set_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_OPEN,
                   _("Could not open the database %s: %s"), path, reason);
      return NULL;
    }
  sqlite3_busy_timeout (db->handle, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db->handle, 1);
  /* Before the migrations: their rollups sum with it. */
  if ((rc = daftar_sum_register (db->handle)) != SQLITE_OK)
    {
      g_autofree char *reason = sqlite_reason (rc, sqlite3_errmsg (db->handle));

      g_set_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_OPEN,
                   _("Could not open the database %s: %s"), path, reason);
      return NULL;
    }

  /* Again through this connection: the file may have changed since. */
  if (!classify_connection (db->handle, path, &kind, error))
    return NULL;
  if (!in_memory)
    keep_private (path);

  if (!daftar_db_exec (db,
                       "PRAGMA journal_mode = WAL;"
                       "PRAGMA synchronous = NORMAL;"
                       "PRAGMA foreign_keys = ON;"
                       "PRAGMA temp_store = MEMORY;"
                       /* Index inserts of a 5000-record page touch many pages. */
                       "PRAGMA cache_size = -32768;",
                       error) ||
      /* Marked before the schema, so even a half-made file is known as ours. */
      (kind != DB_FILE_DAFTAR && !mark_as_daftar (db, error)) ||
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

DaftarDb *
daftar_db_open (const char  *path,
                GError     **error)
{
  return open_database (path, TRUE, error);
}

DaftarDb *
daftar_db_open_existing (const char  *path,
                         GError     **error)
{
  return open_database (path, FALSE, error);
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
    daftar_db_set_error (db, error, _("Reading sync state"));
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
      daftar_db_set_error (db, error, _("Writing sync state"));
      return FALSE;
    }
  return TRUE;
}
