/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-db.h: the SQLite database file — opening, pragmas, migrations, statement cache. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define DAFTAR_DB_ERROR (daftar_db_error_quark ())

/* PRAGMA application_id of every Daftar database: "DFTR" in ASCII. A file
 * without it is opened only if it is empty or an older Daftar database. */
#define DAFTAR_DB_APPLICATION_ID 0x44465452

typedef enum {
  DAFTAR_DB_ERROR_OPEN,
  DAFTAR_DB_ERROR_MIGRATE,
  DAFTAR_DB_ERROR_TOO_NEW,
  DAFTAR_DB_ERROR_SQL,
  DAFTAR_DB_ERROR_FOREIGN,   /* not a Daftar database: refused, left unchanged */
} DaftarDbError;

/* A connection and its prepared statements. Not thread-safe: exactly one
 * thread (the DaftarDbWorker's, or a command-line tool's main thread) owns it. */
typedef struct _DaftarDb DaftarDb;

GQuark        daftar_db_error_quark        (void);

/* Default file: $XDG_DATA_HOME/daftar/daftar.db. */
char         *daftar_db_default_path       (void);

/* Opens or creates @path (creating its folder), sets WAL, synchronous=NORMAL,
 * foreign_keys=ON and a busy timeout, then migrates to the latest schema.
 * A file that is not a Daftar database is refused (DAFTAR_DB_ERROR_FOREIGN)
 * before anything is written to it. The file and its -wal and -shm are
 * readable by their owner only (0600). */
DaftarDb     *daftar_db_open               (const char  *path,
                                            GError     **error);
/* The same for a file that must already be a Daftar database (of any
 * schema version): a missing or empty file is refused, never created. */
DaftarDb     *daftar_db_open_existing      (const char  *path,
                                            GError     **error);
void          daftar_db_close              (DaftarDb    *db);

sqlite3      *daftar_db_get_handle         (DaftarDb    *db);
const char   *daftar_db_get_path           (DaftarDb    *db);
int           daftar_db_get_schema_version (DaftarDb    *db);
int           daftar_db_get_latest_version (void);

/* Returns a statement prepared once per connection and cached by its SQL
 * text, reset and with its bindings cleared. The cache owns it. */
sqlite3_stmt *daftar_db_prepare            (DaftarDb    *db,
                                            const char  *sql,
                                            GError     **error);
/* The same for SQL text that lives as long as the process (a literal or a
 * string built once): looked up by address, without hashing the text. */
sqlite3_stmt *daftar_db_prepare_static     (DaftarDb    *db,
                                            const char  *static_sql,
                                            GError     **error);
gboolean      daftar_db_exec               (DaftarDb    *db,
                                            const char  *sql,
                                            GError     **error);

gboolean      daftar_db_begin              (DaftarDb    *db,
                                            GError     **error);
gboolean      daftar_db_commit             (DaftarDb    *db,
                                            GError     **error);
void          daftar_db_rollback           (DaftarDb    *db);

/* Sets a DAFTAR_DB_ERROR_SQL error from the connection's last error:
 * "@what: why", @what translated by the caller (a user may read it), and
 * why in the UI's language for the failures a manager can meet (a busy,
 * full, damaged or read-only file), else SQLite's words isolated. */
void          daftar_db_set_error          (DaftarDb    *db,
                                            GError     **error,
                                            const char  *what);
/* Why an SQLite call failed with @code and @message (nullable), as
 * daftar_db_set_error says it: for a connection other than a DaftarDb's. */
char         *daftar_db_describe_failure   (int          code,
                                            const char  *message);

/* sync_state key/value helpers; daftar_db_get_state returns NULL if unset. */
char         *daftar_db_get_state          (DaftarDb    *db,
                                            const char  *key,
                                            GError     **error);
gboolean      daftar_db_set_state          (DaftarDb    *db,
                                            const char  *key,
                                            const char  *value,
                                            GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarDb, daftar_db_close)

G_END_DECLS
