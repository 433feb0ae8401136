/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dashboard-search.c: benchmark — case search through the Cases page's lazy list, its first page and its count, beside a full scan of the cases table. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dashboard-private.h"
#include "daftar-case-list.h"
#include "daftar-text.h"

/* The Cases page's list (daftar-cases-page-list.c). */
#define LIST_PAGE_SIZE 100
#define LIST_MAX_PAGES 5

typedef struct
{
  DaftarCaseList *list;
  const char     *office;
  GDate           from;
  GDate           to;
} SearchRun;

/* One search as the user waits for it: the scope (re)set with the search in
 * place, then the main loop run until the first page is in the model (a
 * whole page of matches, or every match when there are fewer: rows that
 * stay as they are while the search counts on), then until the list stops
 * loading: the count is known, exact or "at least". */
static gboolean
run_list (SearchRun *s, gint64 *first_us, gint64 *count_us, GError **error)
{
  gint64 t0 = g_get_monotonic_time ();
  guint page = daftar_case_list_get_page_size (s->list);

  daftar_case_list_set_scope (s->list, s->office, &s->from, &s->to);
  while (g_list_model_get_n_items (G_LIST_MODEL (s->list)) < page && daftar_case_list_get_loading (s->list))
    g_main_context_iteration (NULL, TRUE);
  *first_us = g_get_monotonic_time () - t0;
  while (daftar_case_list_get_loading (s->list))
    g_main_context_iteration (NULL, TRUE);
  *count_us = g_get_monotonic_time () - t0;
  if (daftar_case_list_get_error (s->list) != NULL)
    {
      g_propagate_error (error, g_error_copy (daftar_case_list_get_error (s->list)));
      return FALSE;
    }
  return TRUE;
}

static int
compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

static void
quantiles (gint64 *us, int n, Quantiles *out)
{
  qsort (us, n, sizeof *us, compare_gint64);
  out->n = n;
  out->p50_ms = us[(int) ceil (0.50 * n) - 1] / 1000.0;
  out->p95_ms = us[(int) ceil (0.95 * n) - 1] / 1000.0;
}

/* As bench_time, with two times per run: the first page and the count. */
static gboolean
time_list (Bench *bench, SearchRun *s, Quantiles *first, Quantiles *count, GError **error)
{
  g_autofree gint64 *first_us = g_new (gint64, bench->reps);
  g_autofree gint64 *count_us = g_new (gint64, bench->reps);
  gint64 slowest = 0;
  int reps = bench->reps;

  for (int i = 0; i < bench->warmups && slowest < G_USEC_PER_SEC; i++)
    {
      if (!run_list (s, &first_us[0], &count_us[0], error))
        return FALSE;
      slowest = MAX (slowest, count_us[0]);
    }
  if (slowest > 0)
    reps = CLAMP (4 * G_USEC_PER_SEC / slowest, 3, reps);
  for (int i = 0; i < reps; i++)
    if (!run_list (s, &first_us[i], &count_us[i], error))
      return FALSE;
  quantiles (first_us, reps, first);
  quantiles (count_us, reps, count);
  return TRUE;
}

typedef struct
{
  const char *office;
  gint64      from;
  gint64      to;
  char       *pattern;   /* nullable */
  gint64      count;
  GPtrArray  *first_ids; /* the first page's case ids, filled here */
} NaiveSearch;

/* The same count and first page without the (office_code, filed_at) index:
 * every row read, matched and sorted. */
static gboolean
run_naive (Bench *bench, gpointer data, GError **error)
{
  NaiveSearch *n = data;
  static const char * const sql[2] = {
    "SELECT count(*) FROM cases NOT INDEXED WHERE (?1 IS NULL OR office_code = ?1) "
    "AND filed_at >= ?2 AND filed_at < ?3 AND (?4 IS NULL OR search_key LIKE ?4 ESCAPE '\\')",
    "SELECT id, office_code, tracking_code, kind, filed_at, shift, client_name, subject, dest_city, status "
    "FROM cases NOT INDEXED WHERE (?1 IS NULL OR office_code = ?1) "
    "AND filed_at >= ?2 AND filed_at < ?3 AND (?4 IS NULL OR search_key LIKE ?4 ESCAPE '\\') "
    "ORDER BY filed_at DESC, rowid DESC LIMIT 100",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = daftar_db_prepare_static (bench->db, sql[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      if (n->office != NULL)
        sqlite3_bind_text (stmt, 1, n->office, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, n->from);
      sqlite3_bind_int64 (stmt, 3, n->to);
      if (n->pattern != NULL)
        sqlite3_bind_text (stmt, 4, n->pattern, -1, SQLITE_TRANSIENT);
      if (i == 1)
        g_ptr_array_set_size (n->first_ids, 0);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        if (i == 0)
          n->count = sqlite3_column_int64 (stmt, 0);
        else
          g_ptr_array_add (n->first_ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          daftar_db_set_error (bench->db, error, "Naive search");
          return FALSE;
        }
    }
  return TRUE;
}

/* The folded key inside %…%, LIKE's own wildcards escaped: a reference
 * independent of the list's instr() and trigram lookups. */
static char *
like_pattern (const char *text)
{
  g_autofree char *key = daftar_text_search_key (text);
  GString *pattern;

  if (key == NULL || *key == '\0')
    return NULL;
  pattern = g_string_new ("%");
  for (const char *p = key; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/* A tracking code fragment that exists: year, office and day of the year
 * of the last case of @period, in Latin and in Persian digits. */
static gboolean
tracking_fragments (Bench *bench, const char *office, const DaftarPeriod *period, char **latin, char **persian,
                    GError **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (bench->db,
    "SELECT substr(tracking_code, 1, 10) FROM cases WHERE office_code = ?1 "
    "AND filed_at >= ?2 AND filed_at < ?3 ORDER BY filed_at DESC LIMIT 1", error);
  gint64 from, to;
  GString *fa;

  if (stmt == NULL)
    return FALSE;
  bench_period_bounds (period, &from, &to);
  sqlite3_bind_text (stmt, 1, office, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      daftar_db_set_error (bench->db, error, "Finding a tracking code");
      return FALSE;
    }
  *latin = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  fa = g_string_new (NULL);
  for (const char *p = *latin; *p; p++)
    g_string_append_unichar (fa, g_ascii_isdigit (*p) ? 0x06F0u + (gunichar) (*p - '0') : (gunichar) *p);
  *persian = g_string_free (fa, FALSE);
  return TRUE;
}

/* Whether the list's first page holds the naive first page's cases, in order. */
static gboolean
same_first_page (DaftarCaseList *list, GPtrArray *ids)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) < ids->len)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(DaftarCaseItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (daftar_case_item_get_id (item), g_ptr_array_index (ids, i)) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
json_search_row (JsonBuilder *b, const char *what, const char *text, const char *period, const char *scope,
                 gint64 matches, gboolean exact, const Quantiles *first, const Quantiles *count,
                 const Quantiles *naive, gboolean same)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "query"), json_builder_add_string_value (b, what);
  json_builder_set_member_name (b, "text"), json_builder_add_string_value (b, text);
  json_builder_set_member_name (b, "period"), json_builder_add_string_value (b, period);
  json_builder_set_member_name (b, "scope"), json_builder_add_string_value (b, scope);
  json_builder_set_member_name (b, "matches"), json_builder_add_int_value (b, matches);
  json_builder_set_member_name (b, "count_exact"), json_builder_add_boolean_value (b, exact);
  json_builder_set_member_name (b, "reps"), json_builder_add_int_value (b, first->n);
  /* p50_ms / p95_ms: the first page, what the budget is about. */
  json_builder_set_member_name (b, "p50_ms"), json_builder_add_double_value (b, first->p50_ms);
  json_builder_set_member_name (b, "p95_ms"), json_builder_add_double_value (b, first->p95_ms);
  json_builder_set_member_name (b, "count_p50_ms"), json_builder_add_double_value (b, count->p50_ms);
  json_builder_set_member_name (b, "count_p95_ms"), json_builder_add_double_value (b, count->p95_ms);
  json_builder_set_member_name (b, "naive_reps"), json_builder_add_int_value (b, naive->n);
  json_builder_set_member_name (b, "naive_p50_ms"), json_builder_add_double_value (b, naive->p50_ms);
  json_builder_set_member_name (b, "naive_p95_ms"), json_builder_add_double_value (b, naive->p95_ms);
  json_builder_set_member_name (b, "same_as_naive"), json_builder_add_boolean_value (b, same);
  json_builder_set_member_name (b, "within_10ms_budget"), json_builder_add_boolean_value (b, first->p95_ms <= 10.0);
  json_builder_end_object (b);
}

gboolean
bench_search (Bench              *bench,
              const char * const *scopes,
              guint               n_scopes,
              const DaftarPeriod *periods,
              const char * const *period_names,
              guint               n_periods,
              GError            **error)
{
  g_autofree char *latin = NULL, *persian = NULL;
  const char *names[] = { "no search (list load)", "tracking fragment", "same, Persian digits",
                          "Persian name", "Arabic-yeh/kaf spelling", "no match" };
  const char *texts[G_N_ELEMENTS (names)] = { "", NULL, NULL, "طباطبایی", "كاظمي", "qqqq" };

  if (!tracking_fragments (bench, scopes[0], &periods[0], &latin, &persian, error))
    return FALSE;
  texts[1] = latin;
  texts[2] = persian;

  json_builder_set_member_name (bench->json, "search");
  json_builder_begin_array (bench->json);
  g_print ("\ncase search through the lazy list (worker thread), pages of %d, beside a NOT INDEXED scan.\n"
           "first page: until the newest %d matches (or all, if fewer) are in the model — what the user waits for;\n"
           "count: until the list stops loading — every match counted, or counting stopped at its cap (\"at least\").\n",
           LIST_PAGE_SIZE, LIST_PAGE_SIZE);
  g_print ("%-24s %-11s %-10s %9s | %4s %8s %8s | %8s %8s | %4s %9s %9s | %s\n", "query", "period", "scope",
           "matches", "n", "1st p50", "1st p95", "cnt p50", "cnt p95", "n", "naive p50", "naive p95", "text");
  for (guint s = 0; s < n_scopes; s++)
    for (guint p = 0; p < n_periods; p++)
      for (guint q = 0; q < G_N_ELEMENTS (names); q++)
        {
          g_autoptr(DaftarCaseList) list = daftar_case_list_new (bench->worker, LIST_PAGE_SIZE, LIST_MAX_PAGES);
          g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
          SearchRun run = { list, scopes[s], periods[p].from, periods[p].to };
          NaiveSearch naive = { scopes[s], 0, 0, like_pattern (texts[q]), 0, ids };
          const char *scope = scopes[s] ? scopes[s] : "all";
          Quantiles first, count, qn;
          guint n;
          gboolean exact, same;

          bench_period_bounds (&periods[p], &naive.from, &naive.to);
          daftar_case_list_set_search (list, texts[q]);
          if (!time_list (bench, &run, &first, &count, error) ||
              !bench_time (bench, run_naive, &naive, &qn, error))
            {
              g_free (naive.pattern);
              g_prefix_error (error, "Search %s: ", names[q]);
              return FALSE;
            }
          n = g_list_model_get_n_items (G_LIST_MODEL (list));
          exact = daftar_case_list_get_count_exact (list);
          same = (exact ? n == naive.count : n <= naive.count) && same_first_page (list, ids);
          g_print ("%-24s %-11s %-10s %s%8u | %4d %8.3f %8.3f | %8.3f %8.3f | %4d %9.3f %9.3f | %s%s%s\n", names[q],
                   period_names[p], scope, exact ? " " : ">", n, first.n, first.p50_ms, first.p95_ms,
                   count.p50_ms, count.p95_ms, qn.n, qn.p50_ms, qn.p95_ms, *texts[q] ? texts[q] : "\"\"",
                   same ? "" : "   DIFFERS FROM NAIVE", first.p95_ms > 10.0 ? "   first page over 10 ms" : "");
          json_search_row (bench->json, names[q], texts[q], period_names[p], scope, n, exact, &first, &count, &qn, same);
          g_free (naive.pattern);
        }
  json_builder_end_array (bench->json);
  g_print ("(matches: \">\" marks a count stopped at its cap — at least that many; the naive count is the whole.)\n");
  return TRUE;
}
