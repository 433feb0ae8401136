/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sync-ingest.c: benchmark — scale M served over loopback and synced end to end, against `sqlite3 .import` of the same rows. */
#include "config.h"

#include <glib/gstdio.h>

#include "daftar-demo-central.h"
#include "daftar-demo.h"
#include "daftar-sync.h"

/* The synced tables, in the order .import fills them. */
static const char * const tables[] = {
  "offices", "staff", "standards", "holidays", "cases", "tickets", "notices",
};

typedef struct {
  DaftarSyncSummary *summary;
  GError            *error;
  gboolean           done;
} Wait;

static void
run_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Wait *wait = user_data;

  wait->summary = daftar_sync_client_run_finish (DAFTAR_SYNC_CLIENT (source), result, &wait->error);
  wait->done = TRUE;
}

/* Syncs once into a scratch database so the server has made every page. */
static void
warm_up (const char *url,
         int         limit,
         const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "warm-up.db", NULL);
  DaftarDbWorker *worker = daftar_db_worker_new (path);
  DaftarSyncClient *client = daftar_sync_client_new (worker, url, "YZ-ABK-01");
  Wait wait = { 0 };

  daftar_sync_client_set_token (client, "bench-token");
  daftar_sync_client_set_page_limit (client, limit);
  daftar_sync_client_run_async (client, NULL, run_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  if (wait.error != NULL)
    g_error ("warm-up sync failed: %s", wait.error->message);
  daftar_sync_summary_free (wait.summary);
  g_object_unref (client);
  while (g_atomic_int_get (&G_OBJECT (worker)->ref_count) > 1)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (100);
    }
  g_object_unref (worker);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);
      g_unlink (file);
    }
}

static gint64
count_rows (const char *path, const char *table)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  gint64 n = -1;

  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return n;
}

static gboolean
spawn (const char * const *argv, const char *stdout_path, const char *stdin_text, GError **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (stdin_text != NULL ? G_SUBPROCESS_FLAGS_STDIN_PIPE : 0);
  g_autoptr(GSubprocess) process = NULL;

  if (stdout_path != NULL)
    g_subprocess_launcher_set_stdout_file_path (launcher, stdout_path);
  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL)
    return FALSE;
  if (!g_subprocess_communicate_utf8 (process, stdin_text, NULL, NULL, NULL, error))
    return FALSE;
  return g_subprocess_wait_check (process, NULL, error);
}

int
main (int argc, char **argv)
{
  int days = 1826, limit = DAFTAR_SYNC_DEFAULT_PAGE_LIMIT;
  gint64 seed = 1;
  gboolean gzip = FALSE;
  GOptionEntry entries[] = {
    { "days", 0, 0, G_OPTION_ARG_INT, &days, "Days of one office (1826 = scale M)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed", "S" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, "Changes per page", "N" },
    { "gzip", 0, 0, G_OPTION_ARG_NONE, &gzip, "Compress pages", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- sync ingest benchmark");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *synced = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *url = NULL;
  g_autoptr(DaftarDemoCentral) server = NULL;
  g_autoptr(GString) script = g_string_new (".mode csv\n");
  DaftarDbWorker *worker;
  DaftarSyncClient *client;
  DaftarDb *db;
  Wait wait = { NULL, NULL, FALSE };
  gint64 t0, t1, rows = 0;
  double sync_s, import_s, sync_rate, import_rate;
  GDate last;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  dir = g_dir_make_tmp ("daftar-bench-XXXXXX", &error);
  g_assert_no_error (error);
  synced = g_build_filename (dir, "synced.db", NULL);
  imported = g_build_filename (dir, "imported.db", NULL);

  /* A fixed last day keeps runs comparable. */
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 1, G_DATE_MARCH, 2025);
  server = daftar_demo_central_new (daftar_demo_new (seed, 1, days, &last), "bench-token");
  daftar_demo_central_set_gzip (server, gzip);
  if (!daftar_demo_central_listen (server, 0, &error))
    g_error ("%s", error->message);
  url = daftar_demo_central_get_url (server);

  /* A real central server answers from stored data: one warm-up run lets
   * the demo server keep its pages, so the timed run measures the client
   * (HTTP over loopback, JSON parsing, validation, inserts and rollups). */
  daftar_demo_central_set_cache_pages (server, TRUE);
  warm_up (url, limit, dir);

  worker = daftar_db_worker_new (synced);
  client = daftar_sync_client_new (worker, url, "YZ-ABK-01");
  daftar_sync_client_set_token (client, "bench-token");
  daftar_sync_client_set_page_limit (client, limit);

  t0 = g_get_monotonic_time ();
  daftar_sync_client_run_async (client, NULL, run_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  t1 = g_get_monotonic_time ();
  if (wait.error != NULL)
    g_error ("sync failed: %s", wait.error->message);
  sync_s = (t1 - t0) / 1e6;
  sync_rate = wait.summary->records / sync_s;
  g_print ("scale: 1 office x %d days, seed %" G_GINT64_FORMAT ", pages of %d%s\n",
           days, seed, limit, gzip ? ", gzip" : "");
  g_print ("sync end to end: %" G_GUINT64_FORMAT " records, %u pages in %.2f s = %.0f records/s\n",
           wait.summary->records, wait.summary->pages, sync_s, sync_rate);
  g_object_unref (client);
  while (g_atomic_int_get (&G_OBJECT (worker)->ref_count) > 1)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (100);
    }
  g_object_unref (worker);

  /* The same rows as CSV, into a fresh database with the same schema
   * (indexes included). .import only inserts; it makes no rollups and
   * validates nothing, so it is the floor, not a like-for-like rival. */
  db = daftar_db_open (imported, &error);
  g_assert_no_error (error);
  daftar_db_close (db);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *csv = g_strdup_printf ("%s/%s.csv", dir, tables[i]);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", tables[i]);
      const char *export_argv[] = { "sqlite3", "-csv", synced, sql, NULL };

      if (!spawn (export_argv, csv, NULL, &error))
        g_error ("export of %s: %s", tables[i], error->message);
      g_string_append_printf (script, ".import %s %s\n", csv, tables[i]);
      rows += count_rows (synced, tables[i]);
    }
  {
    const char *import_argv[] = { "sqlite3", imported, NULL };

    /* One transaction, as a careful bulk load would use. The triggers on
     * cases only queue what the search index must take in
     * (005-search-by-page.sql); a bulk load indexes all its cases at once
     * instead, so the file ends as searchable as the synced one. */
    g_string_prepend (script, "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\nBEGIN;\n");
    g_string_append (script, "INSERT INTO cases_search (cases_search) VALUES ('rebuild');\n"
                             "DELETE FROM cases_search_queue;\n"
                             "COMMIT;\n");
    t0 = g_get_monotonic_time ();
    if (!spawn (import_argv, "/dev/null", script->str, &error))
      g_error ("import: %s", error->message);
    t1 = g_get_monotonic_time ();
  }
  import_s = (t1 - t0) / 1e6;
  import_rate = rows / import_s;
  g_print ("sqlite3 .import:  %" G_GINT64_FORMAT " rows in %.2f s = %.0f rows/s\n", rows, import_s, import_rate);
  g_print ("ratio end to end / .import: %.2f (target >= 0.5)\n", sync_rate / import_rate);
  if (count_rows (imported, "cases") != count_rows (synced, "cases"))
    g_print ("warning: .import loaded %" G_GINT64_FORMAT " cases, sync %" G_GINT64_FORMAT "\n",
             count_rows (imported, "cases"), count_rows (synced, "cases"));

  daftar_sync_summary_free (wait.summary);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *csv = g_strdup_printf ("%s/%s.csv", dir, tables[i]);
      g_unlink (csv);
    }
  {
    static const char * const suffixes[] = { "", "-wal", "-shm" };
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *a = g_strconcat (synced, suffixes[i], NULL);
        g_autofree char *b = g_strconcat (imported, suffixes[i], NULL);
        g_unlink (a);
        g_unlink (b);
      }
  }
  g_rmdir (dir);
  return 0;
}
