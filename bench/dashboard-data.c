/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dashboard-data.c: benchmark — the cached demo database of the dashboard benchmark, generated once per set of parameters. */
#include "config.h"

#include <glib/gstdio.h>

#include "dashboard-private.h"
#include "daftar-demo.h"

/* The parameters the file was generated with, in its sync_state. */
#define PARAMS_KEY "bench:dashboard-params"

typedef struct
{
  DaftarDemo *demo;
  DaftarDb   *db;
  GError     *error;
  gint        done;
} Fill;

static gpointer
fill_thread (gpointer data)
{
  Fill *fill = data;

  daftar_demo_fill_database (fill->demo, fill->db, 2000, NULL, &fill->error);
  g_atomic_int_set (&fill->done, 1);
  return NULL;
}

/* Office-days ingested so far, from the cursors ("d<day index>") on a second connection. */
static gint64
days_done (DaftarDb *db)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, "SELECT sum(CAST(substr(value, 2) AS INTEGER) + 1) "
                                              "FROM sync_state WHERE key LIKE 'cursor:%'", NULL);
  gint64 n = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
}

/* Reuses @path when it was generated with @params; else (re)generates it.
 * A file that is not one of this benchmark's is left alone. */
gboolean
bench_prepare_database (const char *path, const char *params, guint64 seed, guint offices, guint days,
                  const GDate *last_day, GError **error)
{
  g_autoptr(DaftarDemo) demo = NULL;
  g_autoptr(DaftarDb) db = NULL;
  g_autoptr(DaftarDb) watcher = NULL;
  g_autofree char *stored = NULL;
  Fill fill = { 0 };
  GThread *thread;
  gint64 t0 = g_get_monotonic_time ();

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if ((db = daftar_db_open (path, error)) == NULL)
        return FALSE;
      stored = daftar_db_get_state (db, PARAMS_KEY, NULL);
      if (g_strcmp0 (stored, params) == 0)
        {
          g_print ("data: reusing %s (%s)\n", path, params);
          return TRUE;
        }
      if (stored == NULL)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       "%s exists and was not made by this benchmark; give another --db", path);
          return FALSE;
        }
      g_clear_pointer (&db, daftar_db_close);
      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);
          g_unlink (file);
        }
    }

  g_print ("data: generating %s (%s)\n", path, params);
  demo = daftar_demo_new (seed, offices, days, last_day);
  if ((db = daftar_db_open (path, error)) == NULL || (watcher = daftar_db_open (path, error)) == NULL)
    return FALSE;
  fill.demo = demo;
  fill.db = db;
  thread = g_thread_new ("bench-fill", fill_thread, &fill);
  while (!g_atomic_int_get (&fill.done))
    {
      for (int i = 0; i < 50 && !g_atomic_int_get (&fill.done); i++)
        g_usleep (100000);
      g_print ("data: %" G_GINT64_FORMAT " of %u office-days, %.0f s\n",
               days_done (watcher), offices * days, (g_get_monotonic_time () - t0) / 1e6);
    }
  g_thread_join (thread);
  if (fill.error != NULL)
    {
      g_propagate_error (error, fill.error);
      return FALSE;
    }
  return daftar_db_set_state (db, PARAMS_KEY, params, error);
}

