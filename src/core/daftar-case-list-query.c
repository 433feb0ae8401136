/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-case-list-query.c: the case list's reads on the worker thread — a listing's count and pages, a search's stretches of the scope. */
#define G_LOG_DOMAIN "daftar-case-list"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-case-list-private.h"
#include "daftar-sql.h"
#include "daftar-time.h"

/* ?1 office, ?2..?3 the filed_at range [from, to). One office reads the
 * (office_code, filed_at) index in order, so a page costs its OFFSET in
 * index steps and no sort; every office reads the cases_by_time (filed_at)
 * index the same way (sql/003-months-and-network.sql): office by office,
 * a search's first page took twice as long. */
typedef enum
{
  SCOPE_ONE,        /* one office */
  SCOPE_ALL,        /* every office, through cases_by_time */
} Scope;

#define WHERE_ONE "WHERE office_code = ?1 "
#define WHERE_ALL "WHERE 1 "
#define WHERE_RANGE "AND filed_at >= ?2 AND filed_at < ?3 "
#define PAGE_SELECT "SELECT " DAFTAR_CASE_ITEM_COLUMNS " FROM cases "
/* rowid is the indexes' last column: ties of filed_at keep one order. */
#define DESC "ORDER BY filed_at DESC, rowid DESC "
#define ASC "ORDER BY filed_at, rowid "
#define PAGE_LIMIT "LIMIT ?5 OFFSET ?6"
/* Each statement for each Scope, ascending then descending. */
#define PER_SCOPE(select, rest, asc, desc) { \
    { select WHERE_ONE rest asc, select WHERE_ONE rest desc }, \
    { select WHERE_ALL rest asc, select WHERE_ALL rest desc } }

static const char * const count_sql[2][2] =
  PER_SCOPE ("SELECT count(*) FROM cases ", WHERE_RANGE, "", "");
static const char * const page_sql[2][2] =
  PER_SCOPE (PAGE_SELECT, WHERE_RANGE, ASC PAGE_LIMIT, DESC PAGE_LIMIT);

/* A listing's count from the rollups: whole Jalali months from
 * monthly_cases, the days at either end from daily_cases, the network's
 * rows for every office. Their days are the local days that bound the
 * filed_at range, and ingest writes them in the transaction that writes
 * the cases, so the sum is COUNT(*) without reading 2.7 million rows
 * (190 ms at 20 offices × 5 years). */
static const char rollup_count_sql[] =
  "SELECT coalesce(sum(n), 0) FROM (" DAFTAR_SQL_SPANS ("n", "cases", "") ")";

/* A search walks the scope in the list's order, one stretch per job, from
 * a cursor (DaftarCaseListCursor: ?6 filed_at, ?7 rowid) to ?2, the far
 * end of the stretch; ?4 is the key, ?5 a LIMIT that stops a stretch once
 * page 0 is full. The match is instr() on the folded key: the key is folded
 * as search_key is, so LIKE's case folding has nothing left to do, and
 * instr() compares bytes — its own wildcards are the user's characters. */
#define ITEM_SELECT "SELECT " DAFTAR_CASE_ITEM_COLUMNS ", rowid FROM cases "
#define WALK_DESC \
  "AND filed_at >= ?2 AND filed_at <= ?6 AND (filed_at < ?6 OR rowid < ?7) " \
  "AND instr(search_key, ?4) > 0 " DESC "LIMIT ?5"
#define WALK_ASC \
  "AND filed_at < ?2 AND filed_at >= ?6 AND (filed_at > ?6 OR rowid > ?7) " \
  "AND instr(search_key, ?4) > 0 " ASC "LIMIT ?5"

static const char * const walk_sql[2][2] = PER_SCOPE (ITEM_SELECT, "", WALK_ASC, WALK_DESC);

/* How far a stretch goes: whole local days, as many as hold about the
 * stretch's number of cases by the rollups (the network's rows for every
 * office). ?2 … ?3 the days left to walk. [descending] */
static const char * const day_sizes_sql[2] = {
  "SELECT day, sum(n) FROM daily_cases WHERE office_code = coalesce(?1, '') "
  "AND day BETWEEN ?2 AND ?3 GROUP BY day ORDER BY day",
  "SELECT day, sum(n) FROM daily_cases WHERE office_code = coalesce(?1, '') "
  "AND day BETWEEN ?2 AND ?3 GROUP BY day ORDER BY day DESC",
};

void
daftar_case_list_query_free (gpointer data)
{
  DaftarCaseListQuery *q = data;

  g_free (q->office_code);
  g_free (q->key);
  g_clear_pointer (&q->rowids, g_array_unref);
  g_free (q);
}

void
daftar_case_list_page_free (gpointer data)
{
  DaftarCaseListPage *r = data;

  g_clear_pointer (&r->items, g_ptr_array_unref);
  g_clear_pointer (&r->rowids, g_array_unref);
  g_free (r);
}

static DaftarCaseListPage *
page_new (const DaftarCaseListQuery *q)
{
  DaftarCaseListPage *r = g_new0 (DaftarCaseListPage, 1);

  r->generation = q->generation;
  r->job = q->job;
  r->page = q->page;
  r->route = q->route;
  r->items = g_ptr_array_new_with_free_func (g_object_unref);
  return r;
}

static void
bind_scope (sqlite3_stmt              *stmt,
            const DaftarCaseListQuery *q)
{
  if (q->office_code != NULL)
    sqlite3_bind_text (stmt, 1, q->office_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, q->from);
  sqlite3_bind_int64 (stmt, 3, q->to);
}

/* A listing: every case of the scope counted, and page @q->page. */
static gboolean
read_listing (DaftarDb                   *db,
              const DaftarCaseListQuery  *q,
              Scope                       scope,
              DaftarCaseListPage         *result,
              GError                    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (q->job == DAFTAR_CASE_LIST_JOB_FIRST)
    {
      if (g_date_valid (&q->first_day) && g_date_valid (&q->last_day))
        stmt = daftar_sql_prepare_spans (db, rollup_count_sql, q->office_code, &q->first_day, &q->last_day,
                                         TRUE, error);
      else if ((stmt = daftar_db_prepare (db, count_sql[scope][0], error)) != NULL)
        bind_scope (stmt, q);
      if (stmt == NULL)
        return FALSE;
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        result->n_rows = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        {
          daftar_db_set_error (db, error, _("Counting cases"));
          return FALSE;
        }
    }

  if ((stmt = daftar_db_prepare (db, page_sql[scope][q->descending], error)) == NULL)
    return FALSE;
  bind_scope (stmt, q);
  sqlite3_bind_int64 (stmt, 5, q->page_size);
  sqlite3_bind_int64 (stmt, 6, (gint64) q->page * q->page_size);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result->items, daftar_case_item_new_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Reading a page of cases"));
      return FALSE;
    }
  return TRUE;
}

/* The local day of @unix_time into @out; an unbounded end leaves it. */
static void
day_of (gint64 unix_time,
        char   out[11])
{
  if (unix_time != G_MININT64 && unix_time != G_MAXINT64)
    daftar_time_local_day (unix_time, out);
}

/* Where a stretch of about @n_cases cases that starts at @cursor ends:
 * the far filed_at bound for walk_sql's ?2, how many cases the rollups
 * count in it, and whether it reaches the end of the scope. */
static gboolean
plan_stretch (DaftarDb                    *db,
              const DaftarCaseListQuery   *q,
              const DaftarCaseListCursor  *cursor,
              gint64                       n_cases,
              gint64                      *out_bound,
              gint64                      *out_cases,
              gboolean                    *out_to_end,
              GError                     **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, day_sizes_sql[q->descending], error);
  char first[11], last[11];
  GDate day;
  gint64 cases = 0, bound;
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (g_date_valid (&q->first_day))
    daftar_time_format_day (&q->first_day, first);
  else
    g_strlcpy (first, "0000-01-01", sizeof first);
  if (g_date_valid (&q->last_day))
    daftar_time_format_day (&q->last_day, last);
  else
    g_strlcpy (last, "9999-12-31", sizeof last);
  /* The cursor's own day is walked on from: the rest of it is ahead. A
   * cursor at a whole second, descending, is past its second's day when
   * that second is midnight: rows before it start the day before. */
  if (q->descending && cursor->filed_at < q->to)
    day_of (cursor->rowid == G_MININT64 ? cursor->filed_at - 1 : cursor->filed_at, last);
  else if (!q->descending && cursor->filed_at > q->from)
    day_of (cursor->filed_at, first);

  if (q->office_code != NULL)
    sqlite3_bind_text (stmt, 1, q->office_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last, -1, SQLITE_TRANSIENT);
  bound = q->descending ? q->from : q->to;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      cases += sqlite3_column_int64 (stmt, 1);
      if (cases >= n_cases && daftar_time_parse_day ((const char *) sqlite3_column_text (stmt, 0), &day))
        {
          if (!q->descending)
            g_date_add_days (&day, 1);
          bound = q->descending ? MAX (daftar_time_day_start (&day), q->from)
                                : MIN (daftar_time_day_start (&day), q->to);
          break;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Planning a search"));
      return FALSE;
    }
  *out_bound = bound;
  *out_cases = cases;
  *out_to_end = bound == (q->descending ? q->from : q->to);
  return TRUE;
}

/* One stretch of a search from @cursor to @bound (plan_stretch): its
 * matches' rowids, the items of the first @q->wanted of them, and where the
 * next stretch starts. With @q->wanted the stretch stops at that many
 * matches. */
static gboolean
walk_stretch (DaftarDb                    *db,
              const DaftarCaseListQuery   *q,
              Scope                        scope,
              const DaftarCaseListCursor  *cursor,
              gint64                       bound,
              gboolean                     to_end,
              DaftarCaseListPage          *result,
              GError                     **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, walk_sql[scope][q->descending], error);
  DaftarCaseListCursor last = *cursor;
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (q->office_code != NULL)
    sqlite3_bind_text (stmt, 1, q->office_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, bound);
  sqlite3_bind_text (stmt, 4, q->key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, q->wanted > 0 ? (gint64) q->wanted : -1);
  sqlite3_bind_int64 (stmt, 6, cursor->filed_at);
  sqlite3_bind_int64 (stmt, 7, cursor->rowid);

  result->route = DAFTAR_CASE_LIST_ROUTE_SCAN;
  result->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      last.filed_at = sqlite3_column_int64 (stmt, 4);
      last.rowid = sqlite3_column_int64 (stmt, DAFTAR_CASE_ITEM_ROWID);
      g_array_append_val (result->rowids, last.rowid);
      if (result->items->len < q->wanted)
        g_ptr_array_add (result->items, daftar_case_item_new_from_row (stmt));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Searching cases"));
      return FALSE;
    }

  if (q->wanted > 0 && result->rowids->len == q->wanted)
    {
      /* Stopped at the LIMIT: the next stretch starts after this match. */
      result->cursor = last;
      result->complete = FALSE;
    }
  else
    {
      result->cursor.filed_at = bound;
      result->cursor.rowid = G_MININT64;
      result->complete = to_end;
    }
  return TRUE;
}

static gboolean
walk (DaftarDb                    *db,
      const DaftarCaseListQuery   *q,
      Scope                        scope,
      DaftarCaseListPage          *result,
      GError                     **error)
{
  gint64 bound;
  gboolean to_end;

  return plan_stretch (db, q, &q->cursor, q->stretch, &bound, &result->n_examined, &to_end, error) &&
         walk_stretch (db, q, scope, &q->cursor, bound, to_end, result, error);
}

/* Reads the rows @rowids into @items, in order; a row gone since becomes
 * a placeholder, so that positions stay put. */
static gboolean
read_rows (DaftarDb      *db,
           const gint64  *rowids,
           guint          n,
           GPtrArray     *items,
           GError       **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, "SELECT " DAFTAR_CASE_ITEM_COLUMNS " FROM cases WHERE rowid = ?1", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, rowids[i]);
      rc = sqlite3_step (stmt);
      g_ptr_array_add (items, rc == SQLITE_ROW ? daftar_case_item_new_from_row (stmt)
                                               : daftar_case_item_new_placeholder ());
      if (rc == SQLITE_ROW)
        rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          daftar_db_set_error (db, error, _("Reading a page of cases"));
          return FALSE;
        }
    }
  return TRUE;
}

/* A search's first job. A scope that one stretch covers is scanned: at
 * a microsecond a case, looking up trigrams would cost as much. A larger
 * scope asks the trigram index first: a rare term's every match, or, past
 * q->trigram_at_most candidates, the first stretch of the scope. */
static gboolean
search_first (DaftarDb                   *db,
              const DaftarCaseListQuery  *q,
              Scope                       scope,
              DaftarCaseListPage         *result,
              GError                    **error)
{
  DaftarCaseListCursor start = { q->descending ? q->to : q->from, G_MININT64 };
  gint64 bound;
  gboolean to_end;

  if (!plan_stretch (db, q, &start, q->stretch, &bound, &result->n_examined, &to_end, error))
    return FALSE;
  if (g_utf8_strlen (q->key, -1) >= 3 &&
      (q->route == DAFTAR_CASE_LIST_ROUTE_TRIGRAMS || (q->route == DAFTAR_CASE_LIST_ROUTE_UNKNOWN && !to_end)))
    {
      GArray *rowids = NULL;

      if (!daftar_case_list_trigram_matches (db, q, q->route == DAFTAR_CASE_LIST_ROUTE_TRIGRAMS ? 0 : q->trigram_at_most,
                                             &rowids, result->items, error))
        return FALSE;
      if (rowids != NULL)
        {
          result->route = DAFTAR_CASE_LIST_ROUTE_TRIGRAMS;
          result->rowids = rowids;
          result->complete = TRUE;
          result->n_examined = 0;
          return TRUE;
        }
    }
  return walk_stretch (db, q, scope, &start, bound, to_end, result, error);
}

/* The cases nearest the scope's dates on one side, at most ?5 of them,
 * counted with those among them that match ?4: before ?2 newest first,
 * from ?3 on oldest first, through the same indexes as a listing. */
#define NEAREST(where, side, order) \
  "SELECT count(*), coalesce(sum(instr(search_key, ?4) > 0), 0) FROM (SELECT search_key FROM cases " \
  where side order " LIMIT ?5)"
static const char * const nearest_sql[2][2] = {
  { NEAREST (WHERE_ONE, "AND filed_at < ?2 ", "ORDER BY filed_at DESC, rowid DESC"),
    NEAREST (WHERE_ONE, "AND filed_at >= ?3 ", "ORDER BY filed_at, rowid") },
  { NEAREST (WHERE_ALL, "AND filed_at < ?2 ", "ORDER BY filed_at DESC, rowid DESC"),
    NEAREST (WHERE_ALL, "AND filed_at >= ?3 ", "ORDER BY filed_at, rowid") },
};

/* A search's matches on the dates outside the scope: what "search all
 * dates" would find when the period has none. A key of three characters
 * or more asks the trigram index, which gives every match unless it has
 * more than q->elsewhere_candidates candidates (checked as a scan checks
 * a row, some 2 µs apiece). Else the cases nearest the dates are scanned,
 * at most q->elsewhere_cases on either side (under a microsecond apiece),
 * and a side cut short makes the count "at least": the worker is not held
 * for seconds by a term of one letter over every office's five years. */
static gboolean
count_elsewhere (DaftarDb                   *db,
                 const DaftarCaseListQuery  *q,
                 Scope                       scope,
                 DaftarCaseListPage         *result,
                 GError                    **error)
{
  gint64 count = -1;

  /* The list asks only for a search's. */
  g_assert (q->key != NULL);
  result->n_rows = 0;
  result->complete = TRUE;
  if (g_utf8_strlen (q->key, -1) >= 3 && q->route != DAFTAR_CASE_LIST_ROUTE_SCAN)
    {
      if (!daftar_case_list_trigram_count_elsewhere (db, q,
                                                     q->route == DAFTAR_CASE_LIST_ROUTE_TRIGRAMS ? 0
                                                                                                : q->elsewhere_candidates,
                                                     &count, error))
        return FALSE;
      if (count >= 0)
        {
          result->route = DAFTAR_CASE_LIST_ROUTE_TRIGRAMS;
          result->n_rows = count;
          return TRUE;
        }
    }

  result->route = DAFTAR_CASE_LIST_ROUTE_SCAN;
  for (guint side = 0; side < 2; side++)
    {
      sqlite3_stmt *stmt;
      int rc;

      /* An unbounded end has no other dates on its side. */
      if (side == 0 ? q->from == G_MININT64 : q->to == G_MAXINT64)
        continue;
      if ((stmt = daftar_db_prepare (db, nearest_sql[scope][side], error)) == NULL)
        return FALSE;
      if (q->office_code != NULL)
        sqlite3_bind_text (stmt, 1, q->office_code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, q->from);
      sqlite3_bind_int64 (stmt, 3, q->to);
      sqlite3_bind_text (stmt, 4, q->key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, q->elsewhere_cases);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          result->n_rows += sqlite3_column_int64 (stmt, 1);
          if (sqlite3_column_int64 (stmt, 0) >= q->elsewhere_cases)
            result->complete = FALSE;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        {
          daftar_db_set_error (db, error, "Counting a search's matches on other dates");
          return FALSE;
        }
    }
  return TRUE;
}

gpointer
daftar_case_list_page_job (DaftarDb      *db,
                           gpointer       job_data,
                           GCancellable  *cancellable,
                           GError       **error)
{
  const DaftarCaseListQuery *q = job_data;
  DaftarCaseListPage *result = page_new (q);
  gboolean ok;

  Scope scope = q->office_code != NULL ? SCOPE_ONE : SCOPE_ALL;

  if (q->key != NULL && q->job == DAFTAR_CASE_LIST_JOB_PAGE)
    ok = read_rows (db, (const gint64 *) q->rowids->data, q->rowids->len, result->items, error);
  else if (q->job == DAFTAR_CASE_LIST_JOB_ELSEWHERE)
    ok = count_elsewhere (db, q, scope, result, error);
  else
    ok = q->key == NULL ? read_listing (db, q, scope, result, error)
         : q->job == DAFTAR_CASE_LIST_JOB_FIRST ? search_first (db, q, scope, result, error)
         : walk (db, q, scope, result, error);
  if (!ok)
    {
      daftar_case_list_page_free (result);
      return NULL;
    }
  return result;
}
