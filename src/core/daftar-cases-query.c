/* daftar-cases-query.c: the Cases page's figures — filings by kind per bin, destinations, statuses, per-staff load. */
#define G_LOG_DOMAIN "daftar-cases-query"

#include "config.h"

#include <math.h>
#include <string.h>

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

#define SCAN_COLUMNS "SELECT staff_id, shift, filed_at, dest_province, dest_city FROM cases "
/* One office: a range scan of cases_by_office_time. */
#define SCAN_OFFICE_SQL \
  SCAN_COLUMNS "WHERE office_code = ?1 AND filed_at >= ?2 AND filed_at < ?3"
/* Every office: the office codes are found by a loose index scan (one seek
 * per office), so the range scan still runs on the index, office by office,
 * and counts the cases of offices the database has no record of yet. */
#define SCAN_ALL_SQL \
  "WITH RECURSIVE o(code) AS (SELECT min(office_code) FROM cases " \
  "  UNION ALL SELECT (SELECT min(office_code) FROM cases WHERE office_code > o.code) " \
  "  FROM o WHERE o.code IS NOT NULL) " \
  SCAN_COLUMNS "WHERE office_code IN (SELECT code FROM o) AND filed_at >= ?2 AND filed_at < ?3"

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

/* Which day of the period an instant falls on, from the local midnights. */
static guint
day_of (const gint64 *starts,
        guint         n_days,
        gint64        t)
{
  guint lo = 0, hi = n_days;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (starts[mid] <= t)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static DaftarCasesPlace *
count_place (GHashTable *places,
             const char *name,
             const char *province)
{
  /* \x1f cannot occur in stored text, so the key is unambiguous; a NULL
   * province gets a different marker from an empty one. */
  g_autofree char *key = g_strdup_printf ("%s\x1f%s%s", name, province ? "+" : "-", province ? province : "");
  DaftarCasesPlace *place = g_hash_table_lookup (places, key);

  if (place == NULL)
    {
      place = g_new0 (DaftarCasesPlace, 1);
      place->name = g_strdup (name);
      place->province = g_strdup (province);
      g_hash_table_insert (places, g_steal_pointer (&key), place);
    }
  place->cases++;
  return place;
}

static int
compare_nullable (const char *a,
                  const char *b)
{
  /* As SQLite orders: NULL first, then bytewise. */
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);
  return strcmp (a, b);
}

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  const DaftarCasesPlace *pa = *(DaftarCasesPlace * const *) a;
  const DaftarCasesPlace *pb = *(DaftarCasesPlace * const *) b;
  int c;

  if (pa->cases != pb->cases)
    return pa->cases > pb->cases ? -1 : 1;
  if ((c = strcmp (pa->name, pb->name)) != 0)
    return c;
  return compare_nullable (pa->province, pb->province);
}

static GPtrArray *
top_places (GHashTable *places)
{
  GPtrArray *top = g_ptr_array_new_with_free_func (place_free);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, places);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_ptr_array_add (top, value);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_sort (top, compare_places);
  if (top->len > DAFTAR_CASES_TOP_PLACES)
    g_ptr_array_set_size (top, DAFTAR_CASES_TOP_PLACES);
  return top;
}

static int
compare_staff_shifts (gconstpointer a,
                      gconstpointer b)
{
  const DaftarCasesStaffShift *sa = *(DaftarCasesStaffShift * const *) a;
  const DaftarCasesStaffShift *sb = *(DaftarCasesStaffShift * const *) b;
  int c = strcmp (sa->staff_id, sb->staff_id);

  return c != 0 ? c : strcmp (sa->shift, sb->shift);
}

/* Filings per (staff, shift, day) → per (staff, shift). */
static GPtrArray *
staff_loads (DaftarDb         *db,
             GHashTable       *per_day,
             double            max_per_shift)
{
  g_autoptr(GHashTable) loads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *result = g_ptr_array_new_with_free_func (staff_shift_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, per_day);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      /* key: staff \x1f shift \x1f day */
      g_auto(GStrv) parts = g_strsplit (key, "\x1f", 3);
      g_autofree char *load_key = g_strconcat (parts[0], "\x1f", parts[1], NULL);
      DaftarCasesStaffShift *s = g_hash_table_lookup (loads, load_key);
      gint64 n = GPOINTER_TO_SIZE (value);

      if (s == NULL)
        {
          s = g_new0 (DaftarCasesStaffShift, 1);
          s->staff_id = g_strdup (parts[0]);
          s->shift = g_strdup (parts[1]);
          g_hash_table_insert (loads, g_steal_pointer (&load_key), s);
          g_ptr_array_add (result, s);
        }
      s->cases += n;
      s->shifts_worked++;
      s->busiest_shift = MAX (s->busiest_shift, n);
      if (n > max_per_shift)
        s->shifts_over++;
    }

  g_ptr_array_sort (result, compare_staff_shifts);
  for (guint i = 0; i < result->len; i++)
    {
      DaftarCasesStaffShift *s = g_ptr_array_index (result, i);
      sqlite3_stmt *stmt = daftar_db_prepare (db, "SELECT name FROM staff WHERE id = ?", NULL);

      s->per_shift = (double) s->cases / s->shifts_worked;
      if (stmt == NULL)
        continue;
      sqlite3_bind_text (stmt, 1, s->staff_id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        s->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return result;
}

static gboolean
scan_cases (DaftarDb            *db,
            DaftarCasesFigures  *f,
            guint                n_days,
            GCancellable        *cancellable,
            GError             **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, f->office_code ? SCAN_OFFICE_SQL : SCAN_ALL_SQL, error);
  g_autofree gint64 *starts = g_new (gint64, n_days + 1);
  g_autoptr(GHashTable) provinces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, place_free);
  g_autoptr(GHashTable) cities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, place_free);
  g_autoptr(GHashTable) per_day = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GDate day = f->from;
  guint rows = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (guint d = 0; d <= n_days; d++, g_date_add_days (&day, 1))
    starts[d] = daftar_time_day_start (&day);
  if (f->office_code != NULL)
    sqlite3_bind_text (stmt, 1, f->office_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, starts[0]);
  sqlite3_bind_int64 (stmt, 3, starts[n_days]);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *staff = (const char *) sqlite3_column_text (stmt, 0);
      const char *shift = (const char *) sqlite3_column_text (stmt, 1);
      gint64 filed = sqlite3_column_int64 (stmt, 2);
      const char *province = (const char *) sqlite3_column_text (stmt, 3);
      const char *city = (const char *) sqlite3_column_text (stmt, 4);

      if (province != NULL)
        count_place (provinces, province, NULL);
      if (city != NULL)
        count_place (cities, city, province);
      if (staff != NULL)
        {
          char *key = g_strdup_printf ("%s\x1f%s\x1f%u", staff, shift, day_of (starts, n_days, filed));
          gpointer n = g_hash_table_lookup (per_day, key);

          g_hash_table_replace (per_day, key, GSIZE_TO_POINTER (GPOINTER_TO_SIZE (n) + 1));
        }
      if (++rows % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, "Reading filings");
      return FALSE;
    }

  f->top_provinces = top_places (provinces);
  f->top_cities = top_places (cities);
  f->staff_shifts = staff_loads (db, per_day, f->standards.max_cases_per_staff_shift);
  return TRUE;
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
      !scan_cases (db, f, n_days, cancellable, error))
    {
      g_prefix_error (error, "Reading the cases figures: ");
      return NULL;
    }
  return g_steal_pointer (&f);
}
