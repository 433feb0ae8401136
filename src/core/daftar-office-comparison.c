/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-office-comparison.c: the key figures of every office side by side, for the "all offices" view and report. */
#define G_LOG_DOMAIN "daftar-office-comparison"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "daftar-office-comparison.h"
#include "daftar-queries.h"
#include "daftar-sql.h"
#include "daftar-time.h"

/* One GROUP BY office_code per rollup: the cost does not grow with the
 * number of offices, unlike one period summary per office. Each office's
 * own rows, whole months from the monthly rollups (never the network's
 * rows, office_code ''). ?8 is the target wait in minutes where a query
 * needs it. */
#define PER_OFFICE(cols, name, where) \
  DAFTAR_SQL_SPANS_OF (DAFTAR_SQL_OFFICE_IN ("office_code"), \
                       "office_code, " cols, "daily_" name, "office_code, " cols, "monthly_" name, where)

static const char cases_sql[] =
  "SELECT office_code, sum(n), sum(CASE WHEN kind = 'sana_registration' THEN n ELSE 0 END) "
  "FROM (" PER_OFFICE ("kind, n", "cases", "") ") GROUP BY office_code";
static const char tickets_sql[] =
  "SELECT office_code, sum(issued), sum(served), sum(wait_n), daftar_sum(wait_sum_s) "
  "FROM (" PER_OFFICE ("issued, served, wait_n, wait_sum_s", "tickets", "") ") GROUP BY office_code";
static const char hist_sql[] =
  "SELECT office_code, sum(n), sum(CASE WHEN minute <= ?8 THEN n ELSE 0 END) "
  "FROM (" PER_OFFICE ("minute, n", "wait_hist", "") ") GROUP BY office_code";
static const char notices_sql[] =
  "SELECT office_code, sum(issued), sum(viewed) "
  "FROM (" PER_OFFICE ("issued, viewed", "notices", " AND channel = 'electronic'") ") GROUP BY office_code";

void
daftar_office_figures_free (DaftarOfficeFigures *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->code);
  g_free (figures->name);
  g_free (figures);
}

static DaftarOfficeFigures *
office_figures_new (const char *code,
                    const char *name)
{
  DaftarOfficeFigures *f = g_new0 (DaftarOfficeFigures, 1);

  f->code = g_strdup (code);
  f->name = g_strdup (name);
  f->wait_mean_minutes = NAN;
  f->served_within_target = NAN;
  f->e_read_rate = NAN;
  return f;
}

typedef struct
{
  GPtrArray  *offices;   /* of DaftarOfficeFigures */
  GHashTable *by_code;   /* code → DaftarOfficeFigures, unowned */
} Comparison;

/* An office that has records but no row in offices (its record has not come
 * yet) still shows, under its code. */
static DaftarOfficeFigures *
lookup (Comparison *c,
        const char *code)
{
  DaftarOfficeFigures *f = g_hash_table_lookup (c->by_code, code);

  if (f == NULL)
    {
      f = office_figures_new (code, code);
      g_ptr_array_add (c->offices, f);
      g_hash_table_insert (c->by_code, f->code, f);
    }
  return f;
}

typedef void (*RowFunc) (DaftarOfficeFigures *f, sqlite3_stmt *stmt);

static void
cases_row (DaftarOfficeFigures *f, sqlite3_stmt *stmt)
{
  f->cases = sqlite3_column_int64 (stmt, 1);
  f->sana_registrations = sqlite3_column_int64 (stmt, 2);
}

static void
tickets_row (DaftarOfficeFigures *f, sqlite3_stmt *stmt)
{
  gint64 wait_n = sqlite3_column_int64 (stmt, 3);

  f->tickets_issued = sqlite3_column_int64 (stmt, 1);
  f->tickets_served = sqlite3_column_int64 (stmt, 2);
  f->wait_mean_minutes = wait_n > 0 ? (double) sqlite3_column_int64 (stmt, 4) / wait_n / 60.0 : NAN;
}

static void
hist_row (DaftarOfficeFigures *f, sqlite3_stmt *stmt)
{
  gint64 total = sqlite3_column_int64 (stmt, 1);

  f->served_within_target = total > 0 ? (double) sqlite3_column_int64 (stmt, 2) / total : NAN;
}

static void
notices_row (DaftarOfficeFigures *f, sqlite3_stmt *stmt)
{
  f->e_notices_issued = sqlite3_column_int64 (stmt, 1);
  f->e_notices_viewed = sqlite3_column_int64 (stmt, 2);
  f->e_read_rate = f->e_notices_issued > 0 ? (double) f->e_notices_viewed / f->e_notices_issued : NAN;
}

static gboolean
read_rollup (DaftarDb      *db,
             Comparison    *c,
             const char    *sql,
             RowFunc        func,
             const GDate   *from,
             const GDate   *to,
             double         target_wait_minutes,
             GError       **error)
{
  sqlite3_stmt *stmt = daftar_sql_prepare_spans (db, sql, NULL, from, to, TRUE, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  /* Statements without ?8 still count it (their highest is ?7). */
  if (sqlite3_bind_parameter_count (stmt) >= 8)
    sqlite3_bind_double (stmt, 8, target_wait_minutes);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (lookup (c, (const char *) sqlite3_column_text (stmt, 0)), stmt);
  return daftar_sql_finish (db, stmt, rc, _("Reading figures per office"), error);
}

GPtrArray *
daftar_query_office_comparison (DaftarDb     *db,
                                const GDate  *from,
                                const GDate  *to,
                                GError      **error)
{
  g_autoptr(GPtrArray) offices = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_office_figures_free);
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) infos = NULL;
  Comparison c = { offices, by_code };
  DaftarStandards standards;

  g_return_val_if_fail (g_date_valid (from) && g_date_valid (to), NULL);

  infos = daftar_query_offices (db, error);
  if (infos == NULL || !daftar_query_standards (db, &standards, error))
    {
      g_prefix_error (error, _("Comparing offices: "));
      return NULL;
    }
  for (guint i = 0; i < infos->len; i++)
    {
      const DaftarOfficeInfo *info = g_ptr_array_index (infos, i);
      DaftarOfficeFigures *f = office_figures_new (info->code, info->name);

      g_ptr_array_add (offices, f);
      g_hash_table_insert (by_code, f->code, f);
    }

  if (!read_rollup (db, &c, cases_sql, cases_row, from, to, standards.target_wait_minutes, error) ||
      !read_rollup (db, &c, tickets_sql, tickets_row, from, to, standards.target_wait_minutes, error) ||
      !read_rollup (db, &c, hist_sql, hist_row, from, to, standards.target_wait_minutes, error) ||
      !read_rollup (db, &c, notices_sql, notices_row, from, to, standards.target_wait_minutes, error))
    {
      g_prefix_error (error, _("Comparing offices: "));
      return NULL;
    }
  return g_steal_pointer (&offices);
}
