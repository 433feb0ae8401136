/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-cases-query.c: the Cases page's figures — filings by kind per bin, destinations, statuses, per-staff load. */
#define G_LOG_DOMAIN "daftar-cases-query"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "daftar-sql.h"
#include "daftar-cases-query.h"
#include "daftar-time.h"

const char * const daftar_dest_scopes[] = { "local", "province", "other", NULL };

/* Kinds, statuses and scopes per local day (or per Jalali month, when the
 * period is binned by month), all from the rollups in one read. The rows
 * are added to their bins in C, so SQL need not group them. */
#define ROLLUP_SQL \
  DAFTAR_SQL_SPANS ("day, kind, status, dest_scope, n", "cases", "")

/* Destinations from the case_places rollups: '' stands for an unknown
 * province or city, which the figures leave out. A city keeps its province,
 * so two cities of one name stay apart; ties go by name as the page lists
 * them. ?8 is how many to list. */
#define PROVINCES_SQL \
  "SELECT dest_province, NULL, sum(n) AS total FROM (" \
  DAFTAR_SQL_SPANS ("dest_province, n", "case_places", " AND dest_province <> ''") \
  ") GROUP BY dest_province ORDER BY total DESC, dest_province LIMIT ?8"
#define CITIES_SQL \
  "SELECT dest_city, nullif(dest_province, ''), sum(n) AS total FROM (" \
  DAFTAR_SQL_SPANS ("dest_city, dest_province, n", "case_places", " AND dest_city <> ''") \
  ") GROUP BY dest_city, dest_province ORDER BY total DESC, dest_city, dest_province LIMIT ?8"

/* Filings per staff member and shift (staff_id '' is a filing nobody is
 * named for): filings, shifts worked, the most in one shift and the shifts
 * over ?8, the standard's most filings in one shift. A daily row is one
 * shift worked — the network's rows add up offices, as a staff member's
 * day is one shift wherever they filed; a monthly row has counted its
 * shifts, against the standard it records (STAFF_STALE_SQL). The rows are
 * added up in read_staff_shifts: over five years of the network they are
 * some fifteen thousand, which a GROUP BY would sort first. */
#define STAFF_SQL \
  DAFTAR_SQL_SPANS_OF (DAFTAR_SQL_NETWORK_OR_OFFICE ("office_code"), \
                       "staff_id, shift, n, 1, n, n > ?8", "daily_case_staff", \
                       "staff_id, shift, n, days, max_n, over_n", "monthly_case_staff", \
                       " AND staff_id <> ''")

/* Whether a month of the period counted its shifts over another standard
 * than ?8; then the period is read day by day. */
#define STAFF_STALE_SQL \
  "SELECT EXISTS (SELECT 1 FROM monthly_case_staff " \
  "  WHERE " DAFTAR_SQL_NETWORK_OR_OFFICE ("office_code") " AND day BETWEEN ?6 AND ?7 " \
  "    AND over_limit IS NOT ?8)"

static void
place_free (gpointer data)
{
  DaftarCasesPlace *place = data;

  g_free (place->name);
  g_free (place->province);
  g_free (place);
}

static void
staff_shift_free (gpointer data)
{
  DaftarCasesStaffShift *s = data;

  g_free (s->staff_id);
  g_free (s->name);
  g_free (s);
}

void
daftar_cases_figures_free (DaftarCasesFigures *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->office_code);
  g_clear_pointer (&figures->bins, g_array_unref);
  g_clear_pointer (&figures->top_provinces, g_ptr_array_unref);
  g_clear_pointer (&figures->top_cities, g_ptr_array_unref);
  g_clear_pointer (&figures->staff_shifts, g_ptr_array_unref);
  g_free (figures);
}

static int
index_of (const char * const *names,
          const char         *name)
{
  for (int i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i;
  return -1;
}

/* bin_of[d] is the bin of the d-th day of the period. */
static guint *
make_bins (DaftarCasesFigures *f,
           guint               n_days)
{
  guint *bin_of = g_new (guint, n_days);
  GDate day = f->from;

  for (guint d = 0; d < n_days; )
    {
      DaftarCasesBin bin = { 0 };
      GDate last;

      daftar_bin_bounds (f->bin, &day, &bin.start, &last);
      g_array_append_val (f->bins, bin);
      for (; d < n_days && g_date_compare (&day, &last) <= 0; d++, g_date_add_days (&day, 1))
        bin_of[d] = f->bins->len - 1;
    }
  return bin_of;
}

static gboolean
read_rollup (DaftarDb            *db,
             DaftarCasesFigures  *f,
             const guint         *bin_of,
             guint                n_days,
             GError             **error)
{
  sqlite3_stmt *stmt = daftar_sql_prepare_spans (db, ROLLUP_SQL, f->office_code, &f->from, &f->to,
                                                 f->bin == DAFTAR_BIN_MONTH, error);
  guint32 from_julian = g_date_get_julian (&f->from);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate day;
      int kind = -1, status = -1;
      int scope = index_of (daftar_dest_scopes, (const char *) sqlite3_column_text (stmt, 3));
      gint64 n = sqlite3_column_int64 (stmt, 4);
      DaftarCasesBin *bin;
      guint offset;

      if (!daftar_time_parse_day ((const char *) sqlite3_column_text (stmt, 0), &day))
        continue;
      daftar_enum_from_nick (DAFTAR_TYPE_CASE_KIND, (const char *) sqlite3_column_text (stmt, 1), &kind);
      daftar_enum_from_nick (DAFTAR_TYPE_CASE_STATUS, (const char *) sqlite3_column_text (stmt, 2), &status);
      offset = g_date_get_julian (&day) - from_julian;
      if (offset >= n_days)
        continue;
      bin = &g_array_index (f->bins, DaftarCasesBin, bin_of[offset]);
      bin->total += n;
      f->total += n;
      if (kind >= 0)
        {
          bin->by_kind[kind] += n;
          f->by_kind[kind] += n;
        }
      if (kind == DAFTAR_CASE_KIND_SANA_REGISTRATION)
        {
          bin->sana_registrations += n;
          f->sana_registrations += n;
        }
      if (status >= 0)
        f->by_status[status] += n;
      if (scope >= 0)
        f->by_scope[scope] += n;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Reading filings by day"));
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
read_places (DaftarDb                  *db,
             const char                *sql,
             const DaftarCasesFigures  *f,
             GError                   **error)
{
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func (place_free);
  sqlite3_stmt *stmt = daftar_sql_prepare_spans (db, sql, f->office_code, &f->from, &f->to, TRUE, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 8, DAFTAR_CASES_TOP_PLACES);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarCasesPlace *place = g_new0 (DaftarCasesPlace, 1);

      place->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      place->province = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      place->cases = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (places, place);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Reading destinations"));
      return NULL;
    }
  return g_steal_pointer (&places);
}

/* By staff id, then shift code, as SQLite's BINARY collation would: the
 * report's rows keep the order they always had (evening before morning). */
static int
compare_staff_shifts (gconstpointer a,
                      gconstpointer b)
{
  const DaftarCasesStaffShift *x = *(DaftarCasesStaffShift **) a, *y = *(DaftarCasesStaffShift **) b;
  int c = strcmp (x->staff_id, y->staff_id);

  return c != 0 ? c : strcmp (daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, x->shift),
                              daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, y->shift));
}

static GPtrArray *
read_staff_shifts (DaftarDb                  *db,
                   const DaftarCasesFigures  *f,
                   GError                   **error)
{
  g_autoptr(GPtrArray) loads = g_ptr_array_new_with_free_func (staff_shift_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double limit = f->standards.max_cases_per_staff_shift;
  gboolean months = TRUE;
  sqlite3_stmt *stmt;
  int rc;

  stmt = daftar_sql_prepare_spans (db, STAFF_STALE_SQL, f->office_code, &f->from, &f->to, TRUE, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_double (stmt, 8, limit);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      months = sqlite3_column_int (stmt, 0) == 0;
      rc = SQLITE_DONE;
    }
  if (!daftar_sql_finish (db, stmt, rc, _("Reading filings per staff member"), error))
    return NULL;

  stmt = daftar_sql_prepare_spans (db, STAFF_SQL, f->office_code, &f->from, &f->to, months, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_double (stmt, 8, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *staff_id = (const char *) sqlite3_column_text (stmt, 0);
      int shift;
      char key[160];
      DaftarCasesStaffShift *s;

      if (!daftar_enum_from_nick (DAFTAR_TYPE_SHIFT, (const char *) sqlite3_column_text (stmt, 1), &shift))
        continue;
      g_snprintf (key, sizeof key, "%s\x1f%d", staff_id, shift);
      s = g_hash_table_lookup (by_key, key);
      if (s == NULL)
        {
          s = g_new0 (DaftarCasesStaffShift, 1);
          s->staff_id = g_strdup (staff_id);
          s->shift = shift;
          g_ptr_array_add (loads, s);
          g_hash_table_insert (by_key, g_strdup (key), s);
        }
      s->cases += sqlite3_column_int64 (stmt, 2);
      s->shifts_worked += sqlite3_column_int64 (stmt, 3);
      s->busiest_shift = MAX (s->busiest_shift, sqlite3_column_int64 (stmt, 4));
      s->shifts_over += sqlite3_column_int64 (stmt, 5);
    }
  if (!daftar_sql_finish (db, stmt, rc, _("Reading filings per staff member"), error))
    return NULL;

  /* Names afterwards, one lookup per staff member rather than per row. */
  g_ptr_array_sort (loads, compare_staff_shifts);
  for (guint i = 0; i < loads->len; i++)
    {
      DaftarCasesStaffShift *s = g_ptr_array_index (loads, i);

      s->per_shift = (double) s->cases / s->shifts_worked;
      if (!daftar_query_staff_name (db, s->staff_id, &s->name, error))
        return NULL;
    }
  return g_steal_pointer (&loads);
}

DaftarCasesFigures *
daftar_query_cases (DaftarDb      *db,
                    const char    *office_code,
                    const GDate   *from,
                    const GDate   *to,
                    DaftarBin      bin,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(DaftarCasesFigures) f = g_new0 (DaftarCasesFigures, 1);
  g_autofree guint *bin_of = NULL;
  guint n_days;

  g_return_val_if_fail (g_date_compare (from, to) <= 0, NULL);

  f->office_code = g_strdup (office_code);
  f->from = *from;
  f->to = *to;
  f->bin = bin;
  f->bins = g_array_new (FALSE, FALSE, sizeof (DaftarCasesBin));
  n_days = g_date_days_between (from, to) + 1;
  bin_of = make_bins (f, n_days);

  if (!daftar_query_standards (db, &f->standards, error) ||
      !read_rollup (db, f, bin_of, n_days, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (f->top_provinces = read_places (db, PROVINCES_SQL, f, error)) == NULL ||
      (f->top_cities = read_places (db, CITIES_SQL, f, error)) == NULL ||
      (f->staff_shifts = read_staff_shifts (db, f, error)) == NULL)
    {
      g_prefix_error (error, _("Reading the cases figures: "));
      return NULL;
    }
  return g_steal_pointer (&f);
}
