/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-case-list.c: the lazy case list — counts, order, Persian search by both routes, a search found and counted stretch by stretch, the page limit and query generations. */
#include "config.h"

#include <string.h>

#include "daftar-case-list.h"
#include "daftar-case-list-private.h"
#include "daftar-db-worker.h"
#include "daftar-demo.h"
#include "daftar-text.h"
#include "daftar-test-util.h"
#include "daftar-time.h"

#define PAGE_SIZE 40
#define MAX_PAGES 3

static DaftarDb *db;
static char *dir;
static DaftarDbWorker *worker;
static char *office;
static GDate from, to;
static gint64 from_ts, to_ts;

static void
wait_loaded (DaftarCaseList *list)
{
  while (daftar_case_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (daftar_case_list_get_error (list));
}

static gpointer
noop_job (DaftarDb *d, gpointer data, GCancellable *c, GError **e)
{
  return GINT_TO_POINTER (1);
}

/* Lets every answer already queued on the worker reach the main loop. */
static void
drain (void)
{
  g_assert_nonnull (daftar_db_worker_run_sync (worker, noop_job, NULL, NULL, NULL));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static DaftarCaseList *
new_list (const char *office_code)
{
  DaftarCaseList *list = daftar_case_list_new (worker, PAGE_SIZE, MAX_PAGES);

  daftar_case_list_set_scope (list, office_code, &from, &to);
  wait_loaded (list);
  return list;
}

static gint64
naive_count (const char *office_code,
             const char *extra_where)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT count(*) FROM cases WHERE %s%s%s filed_at >= %" G_GINT64_FORMAT " AND filed_at < %" G_GINT64_FORMAT " %s",
    office_code ? "office_code = '" : "", office_code ? office_code : "", office_code ? "' AND" : "",
    from_ts, to_ts, extra_where ? extra_where : "");
  return daftar_test_count (db, sql);
}

/* Item @position, waiting for its page if it is a placeholder. */
static DaftarCaseItem *
get_loaded (DaftarCaseList *list,
            guint           position)
{
  DaftarCaseItem *item = g_list_model_get_item (G_LIST_MODEL (list), position);

  if (daftar_case_item_is_placeholder (item))
    {
      g_assert_null (daftar_case_item_get_id (item));
      g_assert_null (daftar_case_item_get_tracking_code (item));
      g_assert_true (daftar_case_list_get_loading (list));
      g_object_unref (item);
      wait_loaded (list);
      item = g_list_model_get_item (G_LIST_MODEL (list), position);
    }
  g_assert_false (daftar_case_item_is_placeholder (item));
  g_assert_cmpuint (daftar_case_list_get_n_loaded_pages (list), <=, MAX_PAGES);
  return item;
}

static void
test_count (void)
{
  g_autoptr(DaftarCaseList) one = new_list (office);
  g_autoptr(DaftarCaseList) all = new_list (NULL);
  g_autofree char *until_sql = g_strdup_printf ("SELECT count(*) FROM cases WHERE office_code = '%s' AND filed_at < %"
                                                G_GINT64_FORMAT, office, to_ts);

  g_assert_cmpint (naive_count (office, NULL), >, PAGE_SIZE * (MAX_PAGES + 2));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (one)), ==, naive_count (office, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, naive_count (NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), >, g_list_model_get_n_items (G_LIST_MODEL (one)));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (one)) == DAFTAR_TYPE_CASE_ITEM);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (one), g_list_model_get_n_items (G_LIST_MODEL (one))));
  /* A listing's count is known with its first page. */
  g_assert_true (daftar_case_list_get_count_exact (one));
  g_assert_true (daftar_case_list_get_count_exact (all));

  /* Without bounds there are no days to sum rollups over: counted. */
  daftar_case_list_set_scope (all, NULL, NULL, NULL);
  wait_loaded (all);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, daftar_test_count (db, "SELECT count(*) FROM cases"));
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM cases"), >, naive_count (NULL, NULL));
  daftar_case_list_set_scope (one, office, NULL, &to);
  wait_loaded (one);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (one)), ==, daftar_test_count (db, until_sql));
  g_assert_cmpint (daftar_test_count (db, until_sql), >, naive_count (office, NULL));
}

/* Walks every row in both orders against the same ORDER BY done naively,
 * checking the page limit at every step. */
static void
check_order (const char *office_code,
             gboolean    descending)
{
  g_autoptr(DaftarCaseList) list = new_list (office_code);
  g_autofree char *sql = g_strdup_printf (
    "SELECT id, tracking_code, filed_at, client_name FROM cases WHERE (?1 IS NULL OR office_code = ?1) "
    "AND filed_at >= ?2 AND filed_at < ?3 ORDER BY filed_at %s, rowid %s",
    descending ? "DESC" : "", descending ? "DESC" : "");
  sqlite3_stmt *stmt = NULL;
  guint n, i = 0, max_seen = 0;
  gint64 previous = descending ? G_MAXINT64 : 0;

  daftar_case_list_set_descending (list, descending);
  wait_loaded (list);
  g_assert_cmpint (daftar_case_list_get_descending (list), ==, descending);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (office_code)
    sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, from_ts);
  sqlite3_bind_int64 (stmt, 3, to_ts);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(DaftarCaseItem) item = NULL;

      g_assert_cmpuint (i, <, n);
      item = get_loaded (list, i);
      g_assert_cmpstr (daftar_case_item_get_id (item), ==, (const char *) sqlite3_column_text (stmt, 0));
      g_assert_cmpstr (daftar_case_item_get_tracking_code (item), ==, (const char *) sqlite3_column_text (stmt, 1));
      g_assert_cmpint (daftar_case_item_get_filed_at (item), ==, sqlite3_column_int64 (stmt, 2));
      g_assert_cmpstr (daftar_case_item_get_client_name (item), ==, (const char *) sqlite3_column_text (stmt, 3));
      if (descending)
        g_assert_cmpint (daftar_case_item_get_filed_at (item), <=, previous);
      else
        g_assert_cmpint (daftar_case_item_get_filed_at (item), >=, previous);
      previous = daftar_case_item_get_filed_at (item);
      max_seen = MAX (max_seen, daftar_case_list_get_n_loaded_pages (list));
      i++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (i, ==, n);
  /* The walk went through far more pages than it may keep. */
  g_assert_cmpuint (n / PAGE_SIZE, >, MAX_PAGES);
  g_assert_cmpuint (max_seen, ==, MAX_PAGES);
}

static void
test_order_and_page_limit (void)
{
  check_order (office, TRUE);
  check_order (office, FALSE);
  check_order (NULL, TRUE);
}

static guint
search_count (DaftarCaseList *list,
              const char     *text)
{
  daftar_case_list_set_search (list, text);
  g_assert_cmpstr (daftar_case_list_get_search (list), ==, text);
  wait_loaded (list);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_search_persian (gconstpointer route)
{
  g_autoptr(DaftarCaseList) list = new_list (office);
  guint arabic, persian;
  gint64 naive;

  daftar_case_list_force_route (list, GPOINTER_TO_INT (route));
  /* Stored text uses ی; the query is typed with Arabic yeh ي. */
  arabic = search_count (list, "علي");
  persian = search_count (list, "علی");
  naive = naive_count (office, "AND (client_name LIKE '%علی%' OR subject LIKE '%علی%' "
                                      "OR dest_court LIKE '%علی%' OR dest_city LIKE '%علی%' "
                                      "OR dest_province LIKE '%علی%')");

  g_assert_cmpuint (persian, >, 0);
  g_assert_cmpuint (arabic, ==, persian);
  g_assert_cmpint (persian, ==, naive);

  /* Every row found holds علی in its text. */
  for (guint i = 0; i < MIN (persian, PAGE_SIZE); i++)
    {
      g_autoptr(DaftarCaseItem) item = get_loaded (list, i);
      g_autofree char *sql = g_strdup_printf (
        "SELECT count(*) FROM cases WHERE id = '%s' AND (coalesce(client_name, '') || coalesce(subject, '') || "
        "coalesce(dest_court, '') || coalesce(dest_city, '') || coalesce(dest_province, '')) LIKE '%%علی%%'",
        daftar_case_item_get_id (item));
      g_assert_cmpint (daftar_test_count (db, sql), ==, 1);
    }

  /* ZWNJ is ignored: ثبت‌نام and ثبتنام are one word; a space is not. */
  {
    guint with_zwnj = search_count (list, "ثبت\u200cنام");
    guint without = search_count (list, "ثبتنام");
    guint spaced = search_count (list, "ثبت نام");

    g_assert_cmpuint (with_zwnj, >, 0);
    g_assert_cmpuint (without, ==, with_zwnj);
    g_assert_cmpint (with_zwnj, ==, naive_count (office, "AND subject LIKE '%ثبت\u200cنام%'"));
    g_assert_cmpuint (spaced, <, with_zwnj);
  }

  /* Clearing the search shows every case again. */
  g_assert_cmpint (search_count (list, ""), ==, naive_count (office, NULL));
}

static char *
to_digits (const char *latin,
           gunichar    zero)
{
  GString *out = g_string_new (NULL);

  for (const char *p = latin; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_unichar (out, zero + (*p - '0'));
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
test_search_tracking_code (gconstpointer route)
{
  g_autoptr(DaftarCaseList) list = new_list (office);
  g_autoptr(DaftarCaseItem) target = get_loaded (list, 7);
  g_autofree char *code = g_strdup (daftar_case_item_get_tracking_code (target));
  g_autofree char *persian = to_digits (code, 0x06F0);
  g_autofree char *arabic = to_digits (code, 0x0660);
  const char *queries[] = { code, persian, arabic };

  g_assert_nonnull (code);
  g_assert_cmpstr (persian, !=, code);
  daftar_case_list_force_route (list, GPOINTER_TO_INT (route));
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      gboolean found = FALSE;
      guint n = search_count (list, queries[q]);

      g_assert_cmpuint (n, >=, 1);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DaftarCaseItem) item = get_loaded (list, i);
          found |= g_strcmp0 (daftar_case_item_get_id (item), daftar_case_item_get_id (target)) == 0;
        }
      g_assert_true (found);
    }
  /* LIKE's wildcards typed by the user match only themselves. */
  g_assert_cmpuint (search_count (list, "%"), ==, 0);
  g_assert_cmpuint (search_count (list, "_"), ==, 0);
}

/* The folded key as a LIKE pattern: the reference the list's instr() and
 * trigram lookups must agree with. */
static char *
like_pattern (const char *text)
{
  g_autofree char *key = daftar_text_search_key (text);
  GString *pattern = g_string_new ("%");

  for (const char *p = key; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/* The ids of the cases of the scope that match @text, in the list's order. */
static GPtrArray *
naive_search (const char *office_code,
              const char *text,
              gboolean    descending)
{
  g_autofree char *pattern = like_pattern (text);
  g_autofree char *sql = g_strdup_printf (
    "SELECT id FROM cases WHERE (?1 IS NULL OR office_code = ?1) AND filed_at >= ?2 AND filed_at < ?3 "
    "AND search_key LIKE ?4 ESCAPE '\\' ORDER BY filed_at %s, rowid %s",
    descending ? "DESC" : "", descending ? "DESC" : "");
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (office_code)
    sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, from_ts);
  sqlite3_bind_int64 (stmt, 3, to_ts);
  sqlite3_bind_text (stmt, 4, pattern, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return ids;
}

/* Reads every row of @list in order, asking on at the end while the search
 * counts on, and checks it against @expected; the page limit holds at
 * every step, and the count ends exact. Returns the most pages held. */
static guint
check_rows (DaftarCaseList *list,
            GPtrArray      *expected)
{
  guint max_seen = 0, i;

  for (i = 0;; i++)
    {
      g_autoptr(DaftarCaseItem) item = NULL;

      if (i >= g_list_model_get_n_items (G_LIST_MODEL (list)))
        {
          /* Asking for the rows near the end walked on, if there is more. */
          wait_loaded (list);
          if (i >= g_list_model_get_n_items (G_LIST_MODEL (list)))
            break;
        }
      g_assert_cmpuint (i, <, expected->len);
      item = get_loaded (list, i);
      g_assert_cmpstr (daftar_case_item_get_id (item), ==, g_ptr_array_index (expected, i));
      max_seen = MAX (max_seen, daftar_case_list_get_n_loaded_pages (list));
    }
  g_assert_cmpuint (i, ==, expected->len);
  g_assert_true (daftar_case_list_get_count_exact (list));
  return max_seen;
}

/* Every page and the count of searches by @route, one office and every
 * office, both orders, against the naive search. Stretches of a day (60
 * cases, rounded up to whole days) make a scan take many jobs, and find
 * page 0 in pieces. */
static void
test_search_pages (gconstpointer route)
{
  const char *offices[] = { office, NULL };
  const char *texts[] = { "ثنا", office, "حقوقی" };

  for (guint o = 0; o < G_N_ELEMENTS (offices); o++)
    for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
      for (int descending = 0; descending < 2; descending++)
        {
          g_autoptr(DaftarCaseList) list = daftar_case_list_new (worker, PAGE_SIZE, MAX_PAGES);
          g_autoptr(GPtrArray) expected = naive_search (offices[o], texts[t], descending);
          guint max_seen;

          daftar_case_list_force_route (list, GPOINTER_TO_INT (route));
          daftar_case_list_set_limits (list, 60, G_MAXUINT, G_MAXUINT, G_MAXUINT);
          daftar_case_list_set_descending (list, descending);
          daftar_case_list_set_search (list, texts[t]);
          daftar_case_list_set_scope (list, offices[o], &from, &to);
          wait_loaded (list);
          g_assert_cmpint (daftar_case_list_get_route (list), ==, GPOINTER_TO_INT (route));
          /* Far more rows than pages kept, and not every case. */
          g_assert_cmpuint (expected->len, >, PAGE_SIZE * (MAX_PAGES + 1));
          g_assert_cmpint (expected->len, <, naive_count (NULL, NULL));
          max_seen = check_rows (list, expected);
          g_assert_cmpuint (max_seen, ==, MAX_PAGES);
        }
}

typedef struct
{
  guint    n_items;     /* the length as the changes tell it */
  guint    n_appends;
  gboolean loading_after_first;   /* still counting once the first rows were shown */
  gboolean only_appends;          /* rows are added at the end or a page replaces its placeholders */
} Growth;

static void
record_growth (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               Growth     *g)
{
  if (removed == added && position + added <= g->n_items)
    return;
  if (g->n_appends == 0)
    g->loading_after_first = daftar_case_list_get_loading (DAFTAR_CASE_LIST (model));
  g->only_appends &= removed == 0 && position == g->n_items && added > 0;
  g->n_items += added - removed;
  g->n_appends++;
}

/* A search shows its first page while it counts on, its rows only ever
 * appended; it stops counting at its caps, marked as not exact, and goes
 * on when the end of the list is read. */
static void
test_progressive (void)
{
  g_autoptr(DaftarCaseList) list = daftar_case_list_new (worker, PAGE_SIZE, MAX_PAGES);
  g_autoptr(GPtrArray) expected = naive_search (NULL, "ثنا", TRUE);
  Growth growth = { 0, 0, FALSE, TRUE };
  guint n;

  daftar_case_list_force_route (list, DAFTAR_CASE_LIST_ROUTE_SCAN);
  /* Counting stops past 2000 cases looked at or 150 matches. */
  daftar_case_list_set_limits (list, 300, 2000, 150, G_MAXUINT);
  daftar_case_list_set_search (list, "ثنا");
  g_signal_connect (list, "items-changed", G_CALLBACK (record_growth), &growth);
  daftar_case_list_set_scope (list, NULL, &from, &to);
  g_assert_false (daftar_case_list_get_count_exact (list));
  wait_loaded (list);

  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_true (growth.only_appends);
  g_assert_cmpuint (growth.n_items, ==, n);
  g_assert_cmpuint (growth.n_appends, >, 1);
  g_assert_true (growth.loading_after_first);
  /* Stopped: at least 150 of the many more there are, not exact. */
  g_assert_cmpuint (n, >=, 150);
  g_assert_cmpuint (n, <, expected->len);
  g_assert_false (daftar_case_list_get_count_exact (list));
  g_assert_false (daftar_case_list_get_loading (list));
  g_assert_cmpuint (daftar_case_list_get_n_loaded_pages (list), ==, 1);

  /* The first page, newest first, is the naive search's. */
  for (guint i = 0; i < PAGE_SIZE; i++)
    {
      g_autoptr(DaftarCaseItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_false (daftar_case_item_is_placeholder (item));
      g_assert_cmpstr (daftar_case_item_get_id (item), ==, g_ptr_array_index (expected, i));
    }
  g_assert_false (daftar_case_list_get_loading (list));

  /* Reading to the end counts on, row by row to the naive count. */
  check_rows (list, expected);
  g_assert_true (growth.only_appends);
  g_assert_cmpuint (growth.n_items, ==, expected->len);

  /* Below its caps the count is exact at once. */
  daftar_case_list_set_limits (list, 300, G_MAXUINT, expected->len + 1, G_MAXUINT);
  daftar_case_list_set_descending (list, FALSE);
  wait_loaded (list);
  g_assert_true (daftar_case_list_get_count_exact (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected->len);

  /* Stopped by the cases looked at (two stretches of 300 at least), or
   * by nothing but a full first page. */
  for (guint cap = 0; cap < 2; cap++)
    {
      daftar_case_list_set_limits (list, 300, cap == 0 ? 600 : 1, cap == 0 ? G_MAXUINT : 1, G_MAXUINT);
      daftar_case_list_set_descending (list, TRUE);
      daftar_case_list_set_search (list, cap == 0 ? "حقوقی" : "ثنا");
      wait_loaded (list);
      n = g_list_model_get_n_items (G_LIST_MODEL (list));
      g_assert_false (daftar_case_list_get_count_exact (list));
      g_assert_cmpuint (n, >=, PAGE_SIZE);
      g_assert_cmpuint (n, <, cap == 0 ? 600 : 2 * PAGE_SIZE);
      g_assert_cmpint (n, <, naive_count (NULL, cap == 0 ? "AND search_key LIKE '%حقوقی%'" : "AND search_key LIKE '%ثنا%'"));
    }
}

/* The trigram index for a rare term in a scope larger than a stretch, a
 * scan for a common term, a small scope or a key too short for trigrams. */
static void
test_route_choice (void)
{
  g_autoptr(DaftarCaseList) list = new_list (NULL);
  g_autoptr(DaftarCaseItem) target = get_loaded (list, 3);
  const char *code = daftar_case_item_get_tracking_code (target);
  struct { const char *text; guint stretch; DaftarCaseListRoute route; } cases[] = {
    { code, 200, DAFTAR_CASE_LIST_ROUTE_TRIGRAMS },
    { "ثنا", 200, DAFTAR_CASE_LIST_ROUTE_SCAN },
    { code, 1000000, DAFTAR_CASE_LIST_ROUTE_SCAN },
    { "ثن", 200, DAFTAR_CASE_LIST_ROUTE_SCAN },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GPtrArray) expected = naive_search (NULL, cases[c].text, TRUE);

      daftar_case_list_set_limits (list, cases[c].stretch, G_MAXUINT, G_MAXUINT, 50);
      daftar_case_list_set_search (list, cases[c].text);
      daftar_case_list_set_scope (list, NULL, &from, &to);
      wait_loaded (list);
      g_assert_cmpint (daftar_case_list_get_route (list), ==, cases[c].route);
      g_assert_cmpuint (expected->len, >=, 1);
      check_rows (list, expected);
    }
}

/* Every office is read newest first through cases_by_time, which the
 * schema gives every database; the rows are the naive ones. */
static void
test_time_index (void)
{
  g_autoptr(DaftarCaseList) list = daftar_case_list_new (worker, PAGE_SIZE, MAX_PAGES);
  g_autoptr(GPtrArray) expected = naive_search (NULL, "حقوقی", TRUE);

  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM sqlite_master WHERE name = 'cases_by_time'"), ==, 1);
  check_order (NULL, TRUE);
  daftar_case_list_force_route (list, DAFTAR_CASE_LIST_ROUTE_SCAN);
  daftar_case_list_set_limits (list, 300, G_MAXUINT, G_MAXUINT, G_MAXUINT);
  daftar_case_list_set_search (list, "حقوقی");
  daftar_case_list_set_scope (list, NULL, &from, &to);
  wait_loaded (list);
  check_rows (list, expected);
}

/* A name typed with Arabic kaf and yeh finds the Persian spelling. */
static void
test_search_kaf_yeh (gconstpointer route)
{
  g_autoptr(DaftarCaseList) list = new_list (NULL);
  g_autofree char *name = NULL;
  GString *arabic = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  guint persian_n;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db),
    "SELECT client_name FROM cases WHERE client_name LIKE '%ک%ی%' ORDER BY id LIMIT 1", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (arabic, c == 0x06A9 ? 0x0643 : c == 0x06CC ? 0x064A : c);
    }
  g_assert_cmpstr (arabic->str, !=, name);

  daftar_case_list_force_route (list, GPOINTER_TO_INT (route));
  persian_n = search_count (list, name);
  g_assert_cmpuint (persian_n, >, 0);
  g_assert_cmpuint (search_count (list, arabic->str), ==, persian_n);
  g_assert_cmpint (daftar_case_list_get_route (list), ==, GPOINTER_TO_INT (route));
  {
    g_autoptr(GPtrArray) expected = naive_search (NULL, name, TRUE);
    check_rows (list, expected);
  }
  g_string_free (arabic, TRUE);
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *n_changes)
{
  /* Past the first, every change appends rows found since. */
  if (*n_changes > 0)
    g_assert_cmpuint (removed, ==, 0);
  (*n_changes)++;
}

static void
test_new_search_drops_pages (void)
{
  g_autoptr(DaftarCaseList) list = new_list (office);
  guint generation = daftar_case_list_get_generation (list);
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint n_changes = 0;
  g_autoptr(DaftarCaseItem) far = NULL;

  for (guint p = 0; p < MAX_PAGES; p++)
    g_object_unref (get_loaded (list, p * PAGE_SIZE));
  g_assert_cmpuint (daftar_case_list_get_n_loaded_pages (list), ==, MAX_PAGES);

  /* Ask for a far page, then change the search before it arrives. */
  far = g_list_model_get_item (G_LIST_MODEL (list), 5 * PAGE_SIZE + 1);
  g_assert_true (daftar_case_item_is_placeholder (far));
  g_assert_true (daftar_case_list_get_loading (list));
  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes), &n_changes);

  daftar_case_list_set_search (list, "ثنا");
  g_assert_cmpuint (daftar_case_list_get_generation (list), >, generation);
  g_assert_cmpuint (daftar_case_list_get_n_loaded_pages (list), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (n_changes, ==, 1);   /* every old row removed at once */

  wait_loaded (list);
  drain ();
  /* Only the new generation's first page: the old far page was dropped. */
  g_assert_cmpuint (daftar_case_list_get_n_loaded_pages (list), ==, 1);
  g_assert_cmpuint (n_changes, >=, 2);
  g_assert_true (daftar_case_list_get_count_exact (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <, n_all);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, naive_count (office, "AND subject LIKE '%ثنا%'"));
  for (guint i = 0; i < MIN (PAGE_SIZE, g_list_model_get_n_items (G_LIST_MODEL (list))); i++)
    {
      g_autoptr(DaftarCaseItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_false (daftar_case_item_is_placeholder (item));
      g_assert_nonnull (strstr (daftar_case_item_get_subject (item), "ثنا"));
    }
}

static void
notices_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = daftar_case_item_load_notices_finish (DAFTAR_CASE_ITEM (source), result, &error);
  g_assert_no_error (error);
}

static void
test_notices (void)
{
  g_autoptr(DaftarCaseList) list = daftar_case_list_new (worker, PAGE_SIZE, MAX_PAGES);
  g_autofree char *case_id = NULL;
  g_autoptr(DaftarCaseItem) item = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n_notices;

  /* A case with notices, found by its id through the search. */
  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db),
    "SELECT case_id, count(*) FROM notices WHERE case_id IS NOT NULL GROUP BY case_id "
    "ORDER BY count(*) DESC, case_id LIMIT 1", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  case_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  n_notices = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);

  daftar_case_list_set_scope (list, NULL, NULL, NULL);
  daftar_case_list_set_search (list, case_id);
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >=, 1);
  item = get_loaded (list, 0);
  g_assert_cmpstr (daftar_case_item_get_id (item), ==, case_id);
  g_assert_null (daftar_case_item_get_notices (item));

  daftar_case_item_load_notices_async (item, worker, NULL, NULL, notices_loaded, &notices);
  while (notices == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (notices->len, ==, n_notices);
  g_assert_true (daftar_case_item_get_notices (item) == notices);
  for (guint i = 0; i < notices->len; i++)
    {
      DaftarCaseNotice *notice = g_ptr_array_index (notices, i);
      g_autofree char *sql = g_strdup_printf (
        "SELECT count(*) FROM notices WHERE id = '%s' AND case_id = '%s' AND channel = '%s' AND issued_at = %"
        G_GINT64_FORMAT " AND coalesce(viewed_at, 0) = %" G_GINT64_FORMAT,
        notice->id, case_id, notice->channel, notice->issued_at, notice->viewed_at);

      g_assert_cmpint (daftar_test_count (db, sql), ==, 1);
      if (i > 0)
        g_assert_cmpint (notice->issued_at, >=, ((DaftarCaseNotice *) g_ptr_array_index (notices, i - 1))->issued_at);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(DaftarDemo) demo = NULL;
  g_autoptr(GError) error = NULL;
  GDate last_day, next;
  int rc;

  g_test_init (&argc, &argv, NULL);

  g_date_clear (&last_day, 1);
  g_date_set_dmy (&last_day, 30, G_DATE_APRIL, 2025);
  demo = daftar_demo_new (11, 2, 60, &last_day);
  db = daftar_test_db_new (&dir);
  g_assert_true (daftar_demo_fill_database (demo, db, 2000, NULL, &error));
  g_assert_no_error (error);
  office = g_strdup (daftar_demo_get_office_code (demo, 1));
  worker = daftar_db_worker_new (daftar_db_get_path (db));

  /* The list's scope: the last 40 days, across no boundary in particular. */
  to = last_day;
  from = last_day;
  g_date_subtract_days (&from, 39);
  next = to;
  g_date_add_days (&next, 1);
  from_ts = daftar_time_day_start (&from);
  to_ts = daftar_time_day_start (&next);

  g_test_add_func ("/case-list/count", test_count);
  g_test_add_func ("/case-list/order-and-page-limit", test_order_and_page_limit);
  /* Both routes a search can take: scanning the range, or the trigram index. */
  g_test_add_data_func ("/case-list/search-persian/scan", GINT_TO_POINTER (DAFTAR_CASE_LIST_ROUTE_SCAN), test_search_persian);
  g_test_add_data_func ("/case-list/search-persian/trigrams", GINT_TO_POINTER (DAFTAR_CASE_LIST_ROUTE_TRIGRAMS), test_search_persian);
  g_test_add_data_func ("/case-list/search-tracking-code/scan", GINT_TO_POINTER (DAFTAR_CASE_LIST_ROUTE_SCAN), test_search_tracking_code);
  g_test_add_data_func ("/case-list/search-tracking-code/trigrams", GINT_TO_POINTER (DAFTAR_CASE_LIST_ROUTE_TRIGRAMS), test_search_tracking_code);
  g_test_add_data_func ("/case-list/search-kaf-yeh/scan", GINT_TO_POINTER (DAFTAR_CASE_LIST_ROUTE_SCAN), test_search_kaf_yeh);
  g_test_add_data_func ("/case-list/search-kaf-yeh/trigrams", GINT_TO_POINTER (DAFTAR_CASE_LIST_ROUTE_TRIGRAMS), test_search_kaf_yeh);
  g_test_add_data_func ("/case-list/search-pages/scan", GINT_TO_POINTER (DAFTAR_CASE_LIST_ROUTE_SCAN), test_search_pages);
  g_test_add_data_func ("/case-list/search-pages/trigrams", GINT_TO_POINTER (DAFTAR_CASE_LIST_ROUTE_TRIGRAMS), test_search_pages);
  g_test_add_func ("/case-list/progressive", test_progressive);
  g_test_add_func ("/case-list/route-choice", test_route_choice);
  g_test_add_func ("/case-list/time-index", test_time_index);
  g_test_add_func ("/case-list/new-search-drops-pages", test_new_search_drops_pages);
  g_test_add_func ("/case-list/notices", test_notices);

  rc = g_test_run ();

  g_clear_object (&worker);
  daftar_db_close (db);
  daftar_test_tmpdir_free (dir);
  g_free (office);
  return rc;
}
