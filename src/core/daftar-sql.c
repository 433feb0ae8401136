/* SPDX-License-Identifier: GPL-3.0-or-later */
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

/* Prepares @sql (cached) and binds ?1 to the office; NULL stays NULL,
 * which the statements read as every office. */
static sqlite3_stmt *
prepare_for_office (DaftarDb    *db,
                    const char  *sql,
                    const char  *office_code,
                    GError     **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, sql, error);

  if (stmt != NULL && office_code != NULL)
    sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_TRANSIENT);
  return stmt;
}

sqlite3_stmt *
daftar_sql_prepare_range (DaftarDb     *db,
                          const char   *sql,
                          const char   *office_code,
                          const GDate  *from,
                          const GDate  *to,
                          GError      **error)
{
  sqlite3_stmt *stmt = prepare_for_office (db, sql, office_code, error);

  if (stmt != NULL)
    bind_days (stmt, 2, from, to);
  return stmt;
}

/* The Jalali months that lie wholly inside @from … @to: the first starts
 * on @first_month, the last starts on @last_start and ends on @last_month.
 * FALSE when there is none. */
static gboolean
whole_months_of (const GDate *from,
                 const GDate *to,
                 GDate       *first_month,
                 GDate       *last_start,
                 GDate       *last_month)
{
  GDate ignored;

  /* The first month that starts on or after @from … */
  daftar_bin_bounds (DAFTAR_BIN_MONTH, from, first_month, &ignored);
  if (g_date_compare (first_month, from) < 0)
    {
      *first_month = ignored;
      g_date_add_days (first_month, 1);
    }
  /* … and the last that ends on or before @to. */
  daftar_bin_bounds (DAFTAR_BIN_MONTH, to, last_start, last_month);
  if (g_date_compare (last_month, to) > 0)
    {
      *last_month = *last_start;
      g_date_subtract_days (last_month, 1);
      daftar_bin_bounds (DAFTAR_BIN_MONTH, last_month, last_start, &ignored);
    }
  return g_date_compare (first_month, last_month) < 0;
}

/* Binds the spans of @from … @to: the days ?2 … ?3 and ?4 … ?5, the months
 * ?6 … ?7 and, with @whole_years, the months ?8 … ?9 after the years
 * ?10 … ?11. Months and years are filed under their first day. */
static void
bind_spans (sqlite3_stmt *stmt,
            const GDate  *from,
            const GDate  *to,
            gboolean      whole_months,
            gboolean      whole_years)
{
  GDate first_month, last_start, last_month, head_end, tail_start;
  GDate first_year, ignored, last_year_start, last_year;

  if (!whole_months || !whole_months_of (from, to, &first_month, &last_start, &last_month))
    {
      bind_days (stmt, 2, from, to);
      bind_days (stmt, 4, NULL, NULL);
      bind_days (stmt, 6, NULL, NULL);
      if (whole_years)
        {
          bind_days (stmt, 8, NULL, NULL);
          bind_days (stmt, 10, NULL, NULL);
        }
      return;
    }
  head_end = first_month;
  g_date_subtract_days (&head_end, 1);
  tail_start = last_month;
  g_date_add_days (&tail_start, 1);
  bind_days (stmt, 2, from, &head_end);
  bind_days (stmt, 4, &tail_start, to);
  if (!whole_years)
    {
      bind_days (stmt, 6, &first_month, &last_start);
      return;
    }

  /* The first Jalali year that starts on or after the first month and the
   * last that ends on or before the last month, as for the months. */
  daftar_jalali_year_bounds (&first_month, &first_year, &ignored);
  if (g_date_compare (&first_year, &first_month) < 0)
    {
      first_year = ignored;
      g_date_add_days (&first_year, 1);
    }
  daftar_jalali_year_bounds (&last_month, &last_year_start, &last_year);
  if (g_date_compare (&last_year, &last_month) > 0)
    {
      last_year = last_year_start;
      g_date_subtract_days (&last_year, 1);
      daftar_jalali_year_bounds (&last_year, &last_year_start, &ignored);
    }
  if (g_date_compare (&first_year, &last_year) > 0)
    {
      bind_days (stmt, 6, &first_month, &last_start);
      bind_days (stmt, 8, NULL, NULL);
      bind_days (stmt, 10, NULL, NULL);
      return;
    }
  /* The months before the first year and after the last: a day range over
   * the months' first days, empty when the years reach that end. */
  head_end = first_year;
  g_date_subtract_days (&head_end, 1);
  tail_start = last_year;
  g_date_add_days (&tail_start, 1);
  bind_days (stmt, 6, &first_month, &head_end);
  bind_days (stmt, 8, &tail_start, &last_start);
  bind_days (stmt, 10, &first_year, &last_year_start);
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
  sqlite3_stmt *stmt = prepare_for_office (db, sql, office_code, error);

  if (stmt != NULL)
    bind_spans (stmt, from, to, whole_months, FALSE);
  return stmt;
}

sqlite3_stmt *
daftar_sql_prepare_year_spans (DaftarDb     *db,
                               const char   *sql,
                               const char   *office_code,
                               const GDate  *from,
                               const GDate  *to,
                               GError      **error)
{
  sqlite3_stmt *stmt = prepare_for_office (db, sql, office_code, error);

  if (stmt != NULL)
    bind_spans (stmt, from, to, TRUE, TRUE);
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
