/* SPDX-License-Identifier: GPL-3.0-or-later */
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

/* The network's own rows (office_code '') when ?1 is NULL, else the rows
 * of office ?1: one index range either way. For figures that do not list
 * offices one by one (daftar-rollup-levels.h). */
#define DAFTAR_SQL_NETWORK_OR_OFFICE(column) column " = coalesce(?1, '')"

/* A period read as its spans (daftar_sql_prepare_spans): the days ?2 … ?3
 * and ?4 … ?5 from the daily table @daily with columns @dcols, and the
 * whole Jalali months ?6 … ?7 from the monthly table @monthly with columns
 * @mcols; @where (" AND …" or "") applies to all three. Put it in FROM (…)
 * and aggregate outside. */
#define DAFTAR_SQL_SPANS_OF(office, dcols, daily, mcols, monthly, where) \
  "SELECT " dcols " FROM " daily " WHERE " office " AND day BETWEEN ?2 AND ?3" where \
  " UNION ALL SELECT " dcols " FROM " daily " WHERE " office " AND day BETWEEN ?4 AND ?5" where \
  " UNION ALL SELECT " mcols " FROM " monthly " WHERE " office " AND day BETWEEN ?6 AND ?7" where

/* The same over daily_@name and monthly_@name, which share @cols, for the
 * network or one office. */
#define DAFTAR_SQL_SPANS(cols, name, where) \
  DAFTAR_SQL_SPANS_OF (DAFTAR_SQL_NETWORK_OR_OFFICE ("office_code"), \
                       cols, "daily_" name, cols, "monthly_" name, where)

/* A period read as its spans with whole Jalali years too, for figures that
 * are totals of the period (not per chart bin): the days ?2 … ?3 and
 * ?4 … ?5 from @daily, the whole months ?6 … ?7 and ?8 … ?9 before and
 * after the whole years from @monthly, and the years ?10 … ?11 from
 * @yearly, which has @mcols too (sql/004-years.sql). Prepare with
 * daftar_sql_prepare_year_spans; extra parameters from ?12. */
#define DAFTAR_SQL_YEAR_SPANS_OF(office, dcols, daily, mcols, monthly, yearly, where) \
  DAFTAR_SQL_SPANS_OF (office, dcols, daily, mcols, monthly, where) \
  " UNION ALL SELECT " mcols " FROM " monthly " WHERE " office " AND day BETWEEN ?8 AND ?9" where \
  " UNION ALL SELECT " mcols " FROM " yearly " WHERE " office " AND day BETWEEN ?10 AND ?11" where

/* The same over daily_@name, monthly_@name and yearly_@name. */
#define DAFTAR_SQL_YEAR_SPANS(cols, name, where) \
  DAFTAR_SQL_YEAR_SPANS_OF (DAFTAR_SQL_NETWORK_OR_OFFICE ("office_code"), \
                            cols, "daily_" name, cols, "monthly_" name, "yearly_" name, where)

G_BEGIN_DECLS

/* Prepares @sql (cached) binding ?1 the office (NULL stays NULL: every
 * office) and ?2, ?3 the first and last day as 'YYYY-MM-DD'. */
sqlite3_stmt *daftar_sql_prepare_range (DaftarDb     *db,
                                        const char   *sql,
                                        const char   *office_code,
                                        const GDate  *from,
                                        const GDate  *to,
                                        GError      **error);

/* Prepares @sql, written with DAFTAR_SQL_SPANS, for the days @from … @to:
 * ?1 the office (NULL: every office), and the spans. With @whole_months the
 * Jalali months that lie wholly inside the period are read from the monthly
 * rollups and only the days before the first and after the last of them
 * from the daily ones; without it (figures per day or week) every day is
 * read from the daily rollups. */
sqlite3_stmt *daftar_sql_prepare_spans (DaftarDb     *db,
                                        const char   *sql,
                                        const char   *office_code,
                                        const GDate  *from,
                                        const GDate  *to,
                                        gboolean      whole_months,
                                        GError      **error);

/* Prepares @sql, written with DAFTAR_SQL_YEAR_SPANS_OF, for the days
 * @from … @to: ?1 the office (NULL: every office), and the spans, reading
 * whole Jalali years from the yearly rollups wherever the period holds
 * them. */
sqlite3_stmt *daftar_sql_prepare_year_spans (DaftarDb     *db,
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
