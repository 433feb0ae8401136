/* daftar-sql.c: statement helpers shared by the query modules. */
#include "config.h"

#include "daftar-period.h"
#include "daftar-sql.h"
#include "daftar-time.h"

static void
bind_days (sqlite3_stmt *stmt,
           int           index,
           const GDate  *first,
           const GDate  *last)
{
  char text[11];

  /* An empty span: no day lies between "1" and "0". */
  if (first == NULL || g_date_compare (first, last) > 0)
    {
      sqlite3_bind_text (stmt, index, "1", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, index + 1, "0", -1, SQLITE_STATIC);
      return;
    }
  daftar_time_format_day (first, text);
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  daftar_time_format_day (last, text);
  sqlite3_bind_text (stmt, index + 1, text, -1, SQLITE_TRANSIENT);
}

sqlite3_stmt *
daftar_sql_prepare_range (DaftarDb     *db,
                          const char   *sql,
                          const char   *office_code,
                          const GDate  *from,
                          const GDate  *to,
                          GError      **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  if (office_code != NULL)
    sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_TRANSIENT);
  bind_days (stmt, 2, from, to);
  return stmt;
}

sqlite3_stmt *
daftar_sql_prepare_spans (DaftarDb     *db,
                          const char   *sql,
                          const char   *office_code,
                          const GDate  *from,
                          const GDate  *to,
                          gboolean      whole_months,
                          GError      **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, sql, error);
  GDate first_month, ignored, last_month_start, last_month, head_end, tail_start;

  if (stmt == NULL)
    return NULL;
  if (office_code != NULL)
    sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_TRANSIENT);

  if (whole_months)
    {
      /* The first month that starts on or after @from … */
      daftar_bin_bounds (DAFTAR_BIN_MONTH, from, &first_month, &ignored);
      if (g_date_compare (&first_month, from) < 0)
        {
          first_month = ignored;
          g_date_add_days (&first_month, 1);
        }
      /* … and the last that ends on or before @to. */
      daftar_bin_bounds (DAFTAR_BIN_MONTH, to, &last_month_start, &last_month);
      if (g_date_compare (&last_month, to) > 0)
        {
          last_month = last_month_start;
          g_date_subtract_days (&last_month, 1);
          daftar_bin_bounds (DAFTAR_BIN_MONTH, &last_month, &last_month_start, &ignored);
        }
      whole_months = g_date_compare (&first_month, &last_month) < 0;
    }

  if (!whole_months)
    {
      bind_days (stmt, 2, from, to);
      bind_days (stmt, 4, NULL, NULL);
      bind_days (stmt, 6, NULL, NULL);
      return stmt;
    }
  head_end = first_month;
  g_date_subtract_days (&head_end, 1);
  tail_start = last_month;
  g_date_add_days (&tail_start, 1);
  bind_days (stmt, 2, from, &head_end);
  bind_days (stmt, 4, &tail_start, to);
  /* Monthly rows are filed under their month's first day. */
  bind_days (stmt, 6, &first_month, &last_month_start);
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
