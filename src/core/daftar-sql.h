/* daftar-sql.h: SQL fragments shared by the query modules. */
#pragma once

#include "daftar-db.h"

/* Rows of the office bound to ?1, or of every office when ?1 is NULL.
 *
 * Written as an IN list over the offices table rather than
 * "?1 IS NULL OR office_code = ?1": SQLite cannot use an (office_code, day,
 * ...) primary key for the OR form and scans the whole table, so a one-day
 * figure cost as much as the network's whole history. With the IN list each
 * office is one index range. Ingest guarantees every office with records
 * has a row in offices (see daftar-ingest.c). */
#define DAFTAR_SQL_OFFICE_IN(column) \
  column " IN (SELECT code FROM offices WHERE ?1 IS NULL OR code = ?1)"

G_BEGIN_DECLS

/* Prepares @sql (cached) binding ?1 the office (NULL stays NULL: every
 * office) and ?2, ?3 the first and last day as 'YYYY-MM-DD'. */
sqlite3_stmt *daftar_sql_prepare_range (DaftarDb     *db,
                                        const char   *sql,
                                        const char   *office_code,
                                        const GDate  *from,
                                        const GDate  *to,
                                        GError      **error);

/* Resets @stmt after its last step; FALSE with an error naming @what
 * unless @rc is SQLITE_DONE. */
gboolean      daftar_sql_finish        (DaftarDb     *db,
                                        sqlite3_stmt *stmt,
                                        int           rc,
                                        const char   *what,
                                        GError      **error);

G_END_DECLS
