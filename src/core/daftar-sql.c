/* daftar-sql.c: statement helpers shared by the query modules. */
#include "config.h"

#include "daftar-sql.h"
#include "daftar-time.h"

sqlite3_stmt *
daftar_sql_prepare_range (DaftarDb     *db,
                          const char   *sql,
                          const char   *office_code,
                          const GDate  *from,
                          const GDate  *to,
                          GError      **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, sql, error);
  char from_text[11], to_text[11];

  if (stmt == NULL)
    return NULL;
  daftar_time_format_day (from, from_text);
  daftar_time_format_day (to, to_text);
  if (office_code != NULL)
    sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, from_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to_text, -1, SQLITE_TRANSIENT);
  return stmt;
}

gboolean
daftar_sql_finish (DaftarDb     *db,
                   sqlite3_stmt *stmt,
                   int           rc,
                   const char   *what,
                   GError      **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, what);
      return FALSE;
    }
  return TRUE;
}
