/* daftar-cases-query.c: the Cases page's figures — filings by kind per bin, destinations, statuses, per-staff load. */
#define G_LOG_DOMAIN "daftar-cases-query"

#include "config.h"

#include "daftar-sql.h"
#include "daftar-cases-query.h"
#include "daftar-records.h"
#include "daftar-time.h"

G_STATIC_ASSERT (DAFTAR_N_CASE_STATUSES == 5);

const char * const daftar_dest_scopes[] = { "local", "province", "other", NULL };

/* Kinds, statuses and scopes per local day, all from the rollup in one read. */
#define ROLLUP_SQL \
  "SELECT day, kind, status, dest_scope, sum(n) FROM daily_cases " \
  "WHERE " DAFTAR_SQL_OFFICE_IN ("office_code") " AND day BETWEEN ?2 AND ?3 " \
  "GROUP BY day, kind, status, dest_scope"

/* Destinations from daily_case_places: '' stands for an unknown province
 * or city, which the figures leave out. A city keeps its province, so two
 * cities of one name stay apart; ties go by name as the page lists them. */
#define PROVINCES_SQL \
  "SELECT dest_province, NULL, sum(n) AS total FROM daily_case_places " \
  "WHERE " DAFTAR_SQL_OFFICE_IN ("office_code") " AND day BETWEEN ?2 AND ?3 " \
  "  AND dest_province <> '' " \
  "GROUP BY dest_province ORDER BY total DESC, dest_province LIMIT ?4"
#define CITIES_SQL \
  "SELECT dest_city, nullif(dest_province, ''), sum(n) AS total FROM daily_case_places " \
  "WHERE " DAFTAR_SQL_OFFICE_IN ("office_code") " AND day BETWEEN ?2 AND ?3 " \
  "  AND dest_city <> '' " \
  "GROUP BY dest_city, dest_province ORDER BY total DESC, dest_city, dest_province LIMIT ?4"

/* Filings per staff member and shift from daily_case_staff (staff_id ''
 * is a filing nobody is named for). The inner query makes one row per
 * (staff, shift, day) — a shift worked — adding up offices, as a staff
 * member's day is one shift wherever they filed; ?4 is the standard's
 * most filings in one shift. */
#define STAFF_SQL \
  "SELECT d.staff_id, (SELECT name FROM staff WHERE id = d.staff_id), d.shift, " \
  "  sum(d.n), count(*), max(d.n), sum(d.n > ?4) " \
  "FROM (SELECT staff_id, shift, day, sum(n) AS n FROM daily_case_staff " \
  "      WHERE " DAFTAR_SQL_OFFICE_IN ("office_code") " AND day BETWEEN ?2 AND ?3 " \
  "        AND staff_id <> '' " \
  "      GROUP BY staff_id, shift, day) d " \
  "GROUP BY d.staff_id, d.shift ORDER BY d.staff_id, d.shift"

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
  g_free (s->shift);
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

  for (guint d = 0; d < n_days; d++, g_date_add_days (&day, 1))
    {
      DaftarCasesBin bin = { 0 };

      daftar_bin_start (f->bin, &day, &bin.start);
      if (f->bins->len == 0 ||
          g_date_compare (&g_array_index (f->bins, DaftarCasesBin, f->bins->len - 1).start, &bin.start) != 0)
        g_array_append_val (f->bins, bin);
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
  sqlite3_stmt *stmt = daftar_db_prepare (db, ROLLUP_SQL, error);
  char from_text[11], to_text[11];
  guint32 from_julian = g_date_get_julian (&f->from);
  int sana = index_of (daftar_case_kinds, "sana_registration");
  int rc;

  if (stmt == NULL)
    return FALSE;
  daftar_time_format_day (&f->from, from_text);
  daftar_time_format_day (&f->to, to_text);
  if (f->office_code != NULL)
    sqlite3_bind_text (stmt, 1, f->office_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, from_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to_text, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate day;
      int kind = index_of (daftar_case_kinds, (const char *) sqlite3_column_text (stmt, 1));
      int status = index_of (daftar_case_statuses, (const char *) sqlite3_column_text (stmt, 2));
      int scope = index_of (daftar_dest_scopes, (const char *) sqlite3_column_text (stmt, 3));
      gint64 n = sqlite3_column_int64 (stmt, 4);
      DaftarCasesBin *bin;
      guint offset;

      if (!daftar_time_parse_day ((const char *) sqlite3_column_text (stmt, 0), &day))
        continue;
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
      if (kind == sana)
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
      daftar_db_set_error (db, error, "Reading filings by day");
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
  sqlite3_stmt *stmt = daftar_sql_prepare_range (db, sql, f->office_code, &f->from, &f->to, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 4, DAFTAR_CASES_TOP_PLACES);
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
      daftar_db_set_error (db, error, "Reading destinations");
      return NULL;
    }
  return g_steal_pointer (&places);
}

static GPtrArray *
read_staff_shifts (DaftarDb                  *db,
                   const DaftarCasesFigures  *f,
                   GError                   **error)
{
  g_autoptr(GPtrArray) loads = g_ptr_array_new_with_free_func (staff_shift_free);
  sqlite3_stmt *stmt = daftar_sql_prepare_range (db, STAFF_SQL, f->office_code, &f->from, &f->to, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_double (stmt, 4, f->standards.max_cases_per_staff_shift);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarCasesStaffShift *s = g_new0 (DaftarCasesStaffShift, 1);

      s->staff_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      s->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      s->shift = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      s->cases = sqlite3_column_int64 (stmt, 3);
      s->shifts_worked = sqlite3_column_int64 (stmt, 4);
      s->busiest_shift = sqlite3_column_int64 (stmt, 5);
      s->shifts_over = sqlite3_column_int64 (stmt, 6);
      s->per_shift = (double) s->cases / s->shifts_worked;
      g_ptr_array_add (loads, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, "Reading filings per staff member");
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
      g_prefix_error (error, "Reading the cases figures: ");
      return NULL;
    }
  return g_steal_pointer (&f);
}
