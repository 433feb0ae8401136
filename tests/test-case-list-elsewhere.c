/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-case-list-elsewhere.c: a search that finds nothing in its period counts its matches on the other dates — against a naive count, by the trigram index and by a scan, before and after the period, and cut short. */
#include "config.h"

#include "daftar-case-list.h"
#include "daftar-case-list-private.h"
#include "daftar-db-worker.h"
#include "daftar-demo.h"
#include "daftar-test-util.h"
#include "daftar-text.h"
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

static guint
search_count (DaftarCaseList *list,
              const char     *text)
{
  daftar_case_list_set_search (list, text);
  g_assert_cmpstr (daftar_case_list_get_search (list), ==, text);
  wait_loaded (list);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
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

/* How many cases of @office_code (NULL: every office) filed outside
 * [@lo, @hi) match @text, and the same among the @nearest cases on either
 * side of it (0: no bound): the naive count of "on other dates". */
static gint64
naive_elsewhere (const char *office_code,
                 const char *text,
                 gint64      lo,
                 gint64      hi,
                 guint       nearest)
{
  g_autofree char *pattern = like_pattern (text);
  g_autofree char *office_where = office_code ? g_strdup_printf ("office_code = '%s' AND", office_code) : g_strdup ("");
  g_autofree char *limit = nearest > 0 ? g_strdup_printf ("LIMIT %u", nearest) : g_strdup ("");
  g_autofree char *sql = g_strdup_printf (
    "SELECT (SELECT count(*) FROM (SELECT search_key FROM cases WHERE %s filed_at < %" G_GINT64_FORMAT
    "        ORDER BY filed_at DESC, rowid DESC %s) WHERE search_key LIKE ?1 ESCAPE '\\') + "
    "       (SELECT count(*) FROM (SELECT search_key FROM cases WHERE %s filed_at >= %" G_GINT64_FORMAT
    "        ORDER BY filed_at, rowid %s) WHERE search_key LIKE ?1 ESCAPE '\\')",
    office_where, lo, limit, office_where, hi, limit);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* A search that finds nothing in its period counts its matches on the
 * other dates — the tracking code of a case filed before the period, a
 * word of many cases over a period with none — against a naive count, by
 * either route; a search with matches, or an unbounded scope, counts
 * none; a scan cut short says "at least". */
static void
test_elsewhere (gconstpointer route)
{
  const char *offices[] = { office, NULL };
  GDate future_from = to, future_to = to;
  gint64 future_lo, future_hi;

  g_date_add_days (&future_from, 30);
  g_date_add_days (&future_to, 40);
  future_lo = daftar_time_day_start (&future_from);
  g_date_add_days (&future_to, 1);
  future_hi = daftar_time_day_start (&future_to);
  g_date_subtract_days (&future_to, 1);

  for (guint o = 0; o < G_N_ELEMENTS (offices); o++)
    {
      g_autoptr(DaftarCaseList) list = daftar_case_list_new (worker, PAGE_SIZE, MAX_PAGES);
      g_autofree char *code_sql = g_strdup_printf (
        "SELECT tracking_code FROM cases WHERE %s%s%s filed_at < %" G_GINT64_FORMAT " ORDER BY filed_at DESC LIMIT 1 OFFSET 7",
        offices[o] ? "office_code = '" : "", offices[o] ? offices[o] : "", offices[o] ? "' AND" : "", from_ts);
      g_autofree char *code = NULL;
      sqlite3_stmt *stmt = NULL;
      gboolean exact = FALSE;
      gint64 naive;

      g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), code_sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);

      daftar_case_list_force_route (list, GPOINTER_TO_INT (route));
      daftar_case_list_set_scope (list, offices[o], &from, &to);

      /* A case of the days before the period, by its tracking code. */
      g_assert_cmpuint (search_count (list, code), ==, 0);
      g_assert_true (daftar_case_list_get_count_exact (list));
      naive = naive_elsewhere (offices[o], code, from_ts, to_ts, 0);
      g_assert_cmpint (naive, >=, 1);
      g_assert_cmpint (daftar_case_list_get_n_elsewhere (list, &exact), ==, naive);
      g_assert_true (exact);

      /* And one of the days after a shorter period. */
      {
        GDate short_to = from, next;
        g_autofree char *after_sql = NULL;
        g_autofree char *after_code = NULL;

        g_date_add_days (&short_to, 9);
        next = short_to;
        g_date_add_days (&next, 1);
        after_sql = g_strdup_printf ("SELECT tracking_code FROM cases WHERE %s%s%s filed_at >= %" G_GINT64_FORMAT
                                     " ORDER BY filed_at LIMIT 1 OFFSET 3",
                                     offices[o] ? "office_code = '" : "", offices[o] ? offices[o] : "",
                                     offices[o] ? "' AND" : "", daftar_time_day_start (&next));
        g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), after_sql, -1, &stmt, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        after_code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        sqlite3_finalize (stmt);
        daftar_case_list_set_scope (list, offices[o], &from, &short_to);
        g_assert_cmpuint (search_count (list, after_code), ==, 0);
        naive = naive_elsewhere (offices[o], after_code, from_ts, daftar_time_day_start (&next), 0);
        g_assert_cmpint (naive, >=, 1);
        g_assert_cmpint (daftar_case_list_get_n_elsewhere (list, &exact), ==, naive);
        g_assert_true (exact);
        daftar_case_list_set_scope (list, offices[o], &from, &to);
      }

      /* Nothing on any date. */
      g_assert_cmpuint (search_count (list, "قضایی‌نامعلوم"), ==, 0);
      g_assert_cmpint (daftar_case_list_get_n_elsewhere (list, &exact), ==, 0);
      g_assert_true (exact);

      /* Found in the period: nothing counted elsewhere. */
      g_assert_cmpuint (search_count (list, "ثنا"), >, 0);
      g_assert_cmpint (daftar_case_list_get_n_elsewhere (list, NULL), ==, -1);

      /* A period with no cases at all: every match is elsewhere. */
      daftar_case_list_set_scope (list, offices[o], &future_from, &future_to);
      wait_loaded (list);
      for (guint t = 0; t < 3; t++)
        {
          const char *text = (const char *[]) { "ثنا", "حقوقی", "۱۴" }[t];

          g_assert_cmpuint (search_count (list, text), ==, 0);
          naive = naive_elsewhere (offices[o], text, future_lo, future_hi, 0);
          g_assert_cmpint (naive, >, PAGE_SIZE);
          g_assert_cmpint (daftar_case_list_get_n_elsewhere (list, &exact), ==, naive);
          g_assert_true (exact);
        }

      /* Without bounds there are no other dates. */
      daftar_case_list_set_scope (list, offices[o], NULL, NULL);
      g_assert_cmpuint (search_count (list, "قضایی‌نامعلوم"), ==, 0);
      g_assert_cmpint (daftar_case_list_get_n_elsewhere (list, NULL), ==, -1);

      /* Scanning no more than 100 cases on either side: at least the
       * matches among the 100 nearest the period. A term of two letters
       * is always scanned; a longer one whose candidates are over the
       * bound is too. */
      daftar_case_list_set_elsewhere_limits (list, 100, 1);
      daftar_case_list_set_scope (list, offices[o], &future_from, &future_to);
      for (guint t = 0; t < 2; t++)
        {
          const char *text = t == 0 ? "۱۴" : "ثنا";
          gboolean scanned = t == 0 || GPOINTER_TO_INT (route) != DAFTAR_CASE_LIST_ROUTE_TRIGRAMS;

          g_assert_cmpuint (search_count (list, text), ==, 0);
          naive = naive_elsewhere (offices[o], text, future_lo, future_hi, scanned ? 100 : 0);
          g_assert_cmpint (naive, >, 0);
          g_assert_cmpint (daftar_case_list_get_n_elsewhere (list, &exact), ==, naive);
          g_assert_cmpint (exact, ==, !scanned);
          if (scanned)
            g_assert_cmpint (naive, <, naive_elsewhere (offices[o], text, future_lo, future_hi, 0));
        }
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

  /* The period: the last 40 of the 60 days, so that days before it hold cases. */
  to = last_day;
  from = last_day;
  g_date_subtract_days (&from, 39);
  next = to;
  g_date_add_days (&next, 1);
  from_ts = daftar_time_day_start (&from);
  to_ts = daftar_time_day_start (&next);

  /* By the index, by a scan, or as the size of the term decides. */
  g_test_add_data_func ("/case-list-elsewhere/chosen", GINT_TO_POINTER (DAFTAR_CASE_LIST_ROUTE_UNKNOWN), test_elsewhere);
  g_test_add_data_func ("/case-list-elsewhere/scan", GINT_TO_POINTER (DAFTAR_CASE_LIST_ROUTE_SCAN), test_elsewhere);
  g_test_add_data_func ("/case-list-elsewhere/trigrams", GINT_TO_POINTER (DAFTAR_CASE_LIST_ROUTE_TRIGRAMS), test_elsewhere);
  rc = g_test_run ();

  g_clear_object (&worker);
  daftar_db_close (db);
  daftar_test_tmpdir_free (dir);
  g_free (office);
  return rc;
}
