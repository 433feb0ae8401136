/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dashboard-explain.c: benchmark — which statements a slow page spends its time in, and their query plans. */
#include "config.h"

#include <string.h>

#include "dashboard-private.h"

typedef struct
{
  char   *sql;
  gint64  ns;
  guint   runs;
} Spent;

static void
spent_free (gpointer data)
{
  Spent *s = data;

  g_free (s->sql);
  g_free (s);
}

/* SQLite's profile callback: the time each statement ran, by its SQL text. */
static int
on_profile (unsigned type, void *data, void *p, void *x)
{
  GHashTable *spent = data;
  const char *sql = sqlite3_sql (p);
  Spent *s = g_hash_table_lookup (spent, sql);

  if (s == NULL)
    {
      s = g_new0 (Spent, 1);
      s->sql = g_strdup (sql);
      g_hash_table_insert (spent, s->sql, s);
    }
  s->ns += *(sqlite3_int64 *) x;
  s->runs++;
  return 0;
}

static int
by_time (gconstpointer a, gconstpointer b)
{
  const Spent *x = *(Spent * const *) a, *y = *(Spent * const *) b;
  return x->ns < y->ns ? 1 : x->ns > y->ns ? -1 : 0;
}

static void
print_plan (Bench *bench, const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GHashTable) depth = g_hash_table_new (NULL, NULL);
  sqlite3_stmt *stmt;

  if (sqlite3_prepare_v2 (daftar_db_get_handle (bench->db), explain, -1, &stmt, NULL) != SQLITE_OK)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int id = sqlite3_column_int (stmt, 0), parent = sqlite3_column_int (stmt, 1);
      int d = GPOINTER_TO_INT (g_hash_table_lookup (depth, GINT_TO_POINTER (parent))) + 1;

      g_hash_table_insert (depth, GINT_TO_POINTER (id), GINT_TO_POINTER (d));
      g_print ("          %*s%s\n", 2 * d, "", (const char *) sqlite3_column_text (stmt, 3));
    }
  sqlite3_finalize (stmt);
}

void
bench_explain (Bench *bench, BenchRun run, gpointer data, GHashTable *shown)
{
  g_autoptr(GHashTable) spent = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, spent_free);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = daftar_db_get_handle (bench->db);
  GHashTableIter iter;
  gpointer value;
  gint64 total = 0;

  sqlite3_trace_v2 (handle, SQLITE_TRACE_PROFILE, on_profile, spent);
  run (bench, data, &error);
  sqlite3_trace_v2 (handle, 0, NULL, NULL);

  g_hash_table_iter_init (&iter, spent);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_ptr_array_add (sorted, value);
      total += ((Spent *) value)->ns;
    }
  g_ptr_array_sort (sorted, by_time);
  /* The statements that make up most of the time; plans once per run. */
  for (guint i = 0; i < sorted->len && i < 3; i++)
    {
      Spent *s = g_ptr_array_index (sorted, i);
      g_autofree char *flat = g_strdup (s->sql);

      if (s->ns * 10 < total)
        break;
      g_strdelimit (flat, "\n", ' ');
      g_print ("        %.1f ms in %u run%s of: %s\n", s->ns / 1e6, s->runs, s->runs == 1 ? "" : "s", flat);
      if (g_hash_table_contains (shown, s->sql))
        g_print ("          (plan above)\n");
      else
        {
          print_plan (bench, s->sql);
          g_hash_table_add (shown, g_strdup (s->sql));
        }
    }
}
