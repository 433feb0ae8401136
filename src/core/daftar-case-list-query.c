/* daftar-case-list-query.c: the case list's reads on the worker thread — a page and the count, by a scan or through the trigram index. */
#define G_LOG_DOMAIN "daftar-case-list"

#include "config.h"

#include "daftar-case-list-private.h"

/* ?1 office, ?2..?3 the filed_at range [from, to), ?4 the LIKE pattern or
 * NULL. One office reads the (office_code, filed_at) index in order, so a
 * page costs its OFFSET in index steps and no sort. Every office finds the
 * office codes by a loose index scan and then walks the same index. */
#define ALL_OFFICES \
  "WITH RECURSIVE o(code) AS (SELECT min(office_code) FROM cases " \
  "  UNION ALL SELECT (SELECT min(office_code) FROM cases WHERE office_code > o.code) " \
  "  FROM o WHERE o.code IS NOT NULL) "
#define WHERE_ONE "WHERE office_code = ?1 "
#define WHERE_ALL "WHERE office_code IN (SELECT code FROM o) "
#define WHERE_REST "AND filed_at >= ?2 AND filed_at < ?3 AND (?4 IS NULL OR search_key LIKE ?4 ESCAPE '\\') "
/* Through the trigram index instead: ?7 is the pattern without ESCAPE,
 * which FTS5 cannot take (its wildcards stand for themselves in ?4 and for
 * any one character in ?7), so cases_search finds a superset of the matches
 * and ?4 keeps exactly those. The unary + keeps SQLite from starting at the
 * (office_code, filed_at) index: the matches are read first, then each row
 * by rowid. Every office needs no office filter at all. */
#define WHERE_FTS "WHERE rowid IN (SELECT rowid FROM cases_search WHERE search_key LIKE ?7) "
#define WHERE_FTS_ONE "AND +office_code = ?1 "
#define WHERE_FTS_REST "AND +filed_at >= ?2 AND +filed_at < ?3 AND search_key LIKE ?4 ESCAPE '\\' "
#define PAGE_SELECT "SELECT " DAFTAR_CASE_ITEM_COLUMNS " FROM cases "
/* rowid is the index's last column: ties of filed_at keep one order. */
#define DESC "ORDER BY filed_at DESC, rowid DESC LIMIT ?5 OFFSET ?6"
#define ASC "ORDER BY filed_at, rowid LIMIT ?5 OFFSET ?6"

/* [all offices] */
static const char * const count_sql[2] = {
  "SELECT count(*) FROM cases " WHERE_ONE WHERE_REST,
  ALL_OFFICES "SELECT count(*) FROM cases " WHERE_ALL WHERE_REST,
};
static const char * const count_fts_sql[2] = {
  "SELECT count(*) FROM cases " WHERE_FTS WHERE_FTS_ONE WHERE_FTS_REST,
  "SELECT count(*) FROM cases " WHERE_FTS WHERE_FTS_REST,
};
/* [all offices][descending] */
static const char * const page_sql[2][2] = {
  { PAGE_SELECT WHERE_ONE WHERE_REST ASC, PAGE_SELECT WHERE_ONE WHERE_REST DESC },
  { ALL_OFFICES PAGE_SELECT WHERE_ALL WHERE_REST ASC, ALL_OFFICES PAGE_SELECT WHERE_ALL WHERE_REST DESC },
};
static const char * const page_fts_sql[2][2] = {
  { PAGE_SELECT WHERE_FTS WHERE_FTS_ONE WHERE_FTS_REST ASC, PAGE_SELECT WHERE_FTS WHERE_FTS_ONE WHERE_FTS_REST DESC },
  { PAGE_SELECT WHERE_FTS WHERE_FTS_REST ASC, PAGE_SELECT WHERE_FTS WHERE_FTS_REST DESC },
};

/* Which way a search goes, from bounded counts made once per generation.
 * A scan tests each case of the scope, about a microsecond apiece; the
 * trigram index costs some ten per match (its LIKE re-reads the row, then
 * the row is read by rowid), and its matches are the whole network's,
 * whatever the scope. So, counting the scope up to SCOPE_PROBE cases (some
 * 10 ms): up to SCAN_AT_MOST cases it is scanned (some 20 ms at most);
 * beyond SCOPE_PROBE the index always wins; in between the index is used
 * when the network has at most one match per eight cases of the scope,
 * counted up to MATCH_PROBE matches. Measured at 20 offices × 5 years: a
 * common surname over one office's five years scans in ~110 ms but takes
 * ~800 ms through the index; a tracking code takes ~30 ms through it
 * instead of a second's scan. */
#define SCAN_AT_MOST 20000
#define SCOPE_PROBE 200000
#define MATCH_PROBE 5000
static const char fts_size_sql[] =
  "SELECT count(*) FROM (SELECT 1 FROM cases_search WHERE search_key LIKE ?7 LIMIT ?5)";
static const char * const scope_size_sql[2] = {
  "SELECT count(*) FROM (SELECT 1 FROM cases WHERE office_code = ?1 "
  "  AND filed_at >= ?2 AND filed_at < ?3 LIMIT ?5)",
  ALL_OFFICES "SELECT count(*) FROM (SELECT 1 FROM cases WHERE office_code IN (SELECT code FROM o) "
  "  AND filed_at >= ?2 AND filed_at < ?3 LIMIT ?5)",
};

void
daftar_case_list_query_free (gpointer data)
{
  DaftarCaseListQuery *q = data;

  g_free (q->office_code);
  g_free (q->pattern);
  g_free (q->fts_pattern);
  g_free (q);
}

void
daftar_case_list_page_free (gpointer data)
{
  DaftarCaseListPage *r = data;

  g_clear_pointer (&r->items, g_ptr_array_unref);
  g_free (r);
}

static void
bind_query (sqlite3_stmt               *stmt,
            const DaftarCaseListQuery  *q,
            gboolean                    fts)
{
  if (q->office_code != NULL)
    sqlite3_bind_text (stmt, 1, q->office_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, q->from);
  sqlite3_bind_int64 (stmt, 3, q->to);
  if (q->pattern != NULL)
    sqlite3_bind_text (stmt, 4, q->pattern, -1, SQLITE_TRANSIENT);
  if (fts)
    sqlite3_bind_text (stmt, 7, q->fts_pattern, -1, SQLITE_TRANSIENT);
}

/* Counts up to @at_most + 1 rows with @sql, bound as a page query with
 * ?5 the limit. */
static gboolean
count_at_most (DaftarDb                   *db,
               const char                 *sql,
               const DaftarCaseListQuery  *q,
               gboolean                    fts,
               int                         at_most,
               int                        *out_n,
               GError                    **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_query (stmt, q, fts);
  sqlite3_bind_int (stmt, 5, at_most + 1);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      daftar_db_set_error (db, error, "Sizing a search");
      return FALSE;
    }
  return TRUE;
}

/* Whether to search through the trigram index (see SCAN_AT_MOST). */
static gboolean
use_trigrams (DaftarDb                   *db,
              const DaftarCaseListQuery  *q,
              gboolean                   *out_fts,
              GError                    **error)
{
  int scope = 0, matches = 0, limit;

  *out_fts = FALSE;
  if (q->fts_pattern == NULL)
    return TRUE;
  if (q->route != DAFTAR_CASE_LIST_ROUTE_UNKNOWN)
    {
      *out_fts = q->route == DAFTAR_CASE_LIST_ROUTE_TRIGRAMS;
      return TRUE;
    }
  if (!count_at_most (db, scope_size_sql[q->office_code == NULL], q, FALSE, SCOPE_PROBE, &scope, error))
    return FALSE;
  if (scope <= SCAN_AT_MOST)
    return TRUE;
  if (scope > SCOPE_PROBE)
    {
      *out_fts = TRUE;
      return TRUE;
    }
  limit = MIN (scope / 8, MATCH_PROBE);
  if (!count_at_most (db, fts_size_sql, q, TRUE, limit, &matches, error))
    return FALSE;
  *out_fts = matches <= limit;
  return TRUE;
}

gpointer
daftar_case_list_page_job (DaftarDb      *db,
                           gpointer       job_data,
                           GCancellable  *cancellable,
                           GError       **error)
{
  const DaftarCaseListQuery *q = job_data;
  gboolean all = q->office_code == NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  DaftarCaseListPage *result;
  gint64 n_rows = 0;
  gboolean fts;
  int rc;

  if (!use_trigrams (db, q, &fts, error))
    return NULL;
  if (q->count)
    {
      if ((stmt = daftar_db_prepare (db, fts ? count_fts_sql[all] : count_sql[all], error)) == NULL)
        return NULL;
      bind_query (stmt, q, fts);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        n_rows = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        {
          daftar_db_set_error (db, error, "Counting cases");
          return NULL;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }

  if ((stmt = daftar_db_prepare (db, fts ? page_fts_sql[all][q->descending] : page_sql[all][q->descending],
                                 error)) == NULL)
    return NULL;
  bind_query (stmt, q, fts);
  sqlite3_bind_int64 (stmt, 5, q->page_size);
  sqlite3_bind_int64 (stmt, 6, (gint64) q->page * q->page_size);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, daftar_case_item_new_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, "Reading a page of cases");
      return NULL;
    }

  result = g_new0 (DaftarCaseListPage, 1);
  result->generation = q->generation;
  result->page = q->page;
  result->n_rows = n_rows;
  result->route = fts ? DAFTAR_CASE_LIST_ROUTE_TRIGRAMS : DAFTAR_CASE_LIST_ROUTE_SCAN;
  result->items = g_steal_pointer (&items);
  return result;
}

/* LIKE's own wildcards in the typed text match themselves. Without
 * @escape (for the trigram index, which takes no ESCAPE clause) each stands
 * for any one character instead: a looser pattern, tightened by the exact
 * one. */
char *
daftar_case_list_like_pattern (const char *key,
              gboolean    escape)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = key; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        {
          if (!escape)
            {
              g_string_append_c (pattern, '_');
              continue;
            }
          g_string_append_c (pattern, '\\');
        }
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}
