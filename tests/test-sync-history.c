/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-history.c: the sync log as core reads it — the history lists, and one "last successful sync" that the header and the Overview's alert share. */
#include "config.h"

#include <math.h>

#include "daftar-alerts.h"
#include "daftar-demo.h"
#include "daftar-sync-history.h"
#include "daftar-test-util.h"

/* A fixed instant: the test never reads the clock. */
#define NOW G_GINT64_CONSTANT (1745000000)

static void
insert_run (DaftarDb   *db,
            gint64      started,
            gint64      finished,   /* 0: not written */
            const char *result,
            const char *message)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db),
    "INSERT INTO sync_log (started_at, finished_at, server, pages, records, rejected, result, message) "
    "VALUES (?1, ?2, 'https://x', 2, 30, 1, ?3, ?4)",
    -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, started);
  if (finished > 0)
    sqlite3_bind_int64 (stmt, 2, finished);
  sqlite3_bind_text (stmt, 3, result, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, message, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
insert_reject (DaftarDb   *db,
               gint64      received,
               const char *entity,
               const char *reason)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db),
    "INSERT INTO sync_rejects (received_at, entity, raw, reason) VALUES (?1, ?2, '{}', ?3)",
    -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, received);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, reason, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static gint64
last_success (DaftarDb *db,
              gboolean *out_any_run)
{
  g_autoptr(GError) error = NULL;
  gint64 when = -1;

  g_assert_true (daftar_sync_last_success (db, &when, out_any_run, &error));
  g_assert_no_error (error);
  return when;
}

/* The stale-sync alert as of @now, or NULL. */
static DaftarAlert *
stale_alert (DaftarDb *db,
             gint64    now)
{
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_time_t (&day, (time_t) now);
  alerts = daftar_query_alerts (db, NULL, &day, &day, now, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < alerts->len; i++)
    if (((DaftarAlert *) g_ptr_array_index (alerts, i))->kind == DAFTAR_ALERT_SYNC_STALE)
      return g_ptr_array_steal_index (alerts, i);
  return NULL;
}

/* The header's "as of" and the alert's "last successful sync" are the same
 * instant, whatever the log holds. */
static void
assert_alert_agrees (DaftarDb *db)
{
  gint64 when = last_success (db, NULL);
  /* Two days on, any sync is stale and the alert says since when. */
  g_autoptr(DaftarAlert) alert = stale_alert (db, MAX (when, NOW) + 2 * 86400);

  g_assert_nonnull (alert);
  g_assert_cmpint (alert->time, ==, when);
  g_assert_cmpint (isnan (alert->value), ==, when == 0);
}

static void
test_last_success (void)
{
  char *dir = NULL;
  DaftarDb *db = daftar_test_db_new (&dir);
  gboolean any_run = TRUE;
  g_autoptr(DaftarAlert) none = NULL;

  /* Never synced: no time, no run, and nothing that could be stale. */
  g_assert_cmpint (last_success (db, &any_run), ==, 0);
  g_assert_false (any_run);
  none = stale_alert (db, NOW);
  g_assert_null (none);

  /* Only a failure: a run, no success, stale since never. */
  insert_run (db, NOW - 7200, NOW - 7190, "network", "Could not connect");
  g_assert_cmpint (last_success (db, &any_run), ==, 0);
  g_assert_true (any_run);
  assert_alert_agrees (db);

  /* A success, then a failure after it: the success's end. */
  insert_run (db, NOW - 3600, NOW - 3500, "ok", NULL);
  insert_run (db, NOW - 600, NOW - 590, "auth", "refused");
  g_assert_cmpint (last_success (db, NULL), ==, NOW - 3500);
  assert_alert_agrees (db);

  /* A run under way and a cancelled one are no success. */
  insert_run (db, NOW - 60, 0, "running", NULL);
  insert_run (db, NOW - 50, NOW - 40, "cancelled", NULL);
  g_assert_cmpint (last_success (db, NULL), ==, NOW - 3500);
  assert_alert_agrees (db);

  /* A success whose end was never written (not by this client: an import)
   * still went well, from when it began. */
  insert_run (db, NOW - 30, 0, "ok", NULL);
  g_assert_cmpint (last_success (db, NULL), ==, NOW - 30);
  assert_alert_agrees (db);

  daftar_db_close (db);
  daftar_test_tmpdir_free (dir);
}

/* A demo database is filled without sync: its log is empty, so the header
 * has no "as of" and the Overview no stale-sync alert. */
static void
test_demo_database (void)
{
  char *dir = NULL;
  DaftarDb *db = daftar_test_db_new (&dir);
  g_autoptr(GError) error = NULL;
  DaftarDemo *demo;
  gboolean any_run = TRUE;
  g_autoptr(DaftarAlert) alert = NULL;
  GDate last;

  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 30, G_DATE_APRIL, 2025);
  demo = daftar_demo_new (3, 1, 10, &last);
  g_assert_true (daftar_demo_fill_database (demo, db, 2000, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (last_success (db, &any_run), ==, 0);
  g_assert_false (any_run);
  alert = stale_alert (db, NOW);
  g_assert_null (alert);

  daftar_demo_free (demo);
  daftar_db_close (db);
  daftar_test_tmpdir_free (dir);
}

static void
test_history (void)
{
  char *dir = NULL;
  DaftarDb *db = daftar_test_db_new (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarSyncHistory) empty = NULL;
  g_autoptr(DaftarSyncHistory) history = NULL;
  const DaftarSyncRun *run;
  const DaftarSyncReject *reject;

  empty = daftar_sync_history_query (db, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->runs->len, ==, 0);
  g_assert_cmpuint (empty->rejects->len, ==, 0);
  g_assert_cmpint (empty->total_runs, ==, 0);
  g_assert_cmpint (empty->total_rejects, ==, 0);

  for (int i = 0; i < 5; i++)
    insert_run (db, NOW - 1000 + i * 100, NOW - 990 + i * 100, i == 4 ? "server" : "ok",
                i == 4 ? "HTTP 500" : NULL);
  insert_run (db, NOW, 0, "running", NULL);
  for (int i = 0; i < 4; i++)
    insert_reject (db, NOW - 500 + i, i % 2 ? "case" : "ticket", "bad date");

  /* The newest first, at most the limit, and how many there are in all. */
  history = daftar_sync_history_query (db, 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->runs->len, ==, 3);
  g_assert_cmpint (history->total_runs, ==, 6);
  run = &g_array_index (history->runs, DaftarSyncRun, 0);
  g_assert_cmpint (run->started_at, ==, NOW);
  g_assert_cmpint (run->finished_at, ==, 0);
  g_assert_cmpstr (run->result, ==, "running");
  run = &g_array_index (history->runs, DaftarSyncRun, 1);
  g_assert_cmpint (run->started_at, ==, NOW - 600);
  g_assert_cmpint (run->finished_at, ==, NOW - 590);
  g_assert_cmpstr (run->result, ==, "server");
  g_assert_cmpstr (run->message, ==, "HTTP 500");
  g_assert_cmpint (run->pages, ==, 2);
  g_assert_cmpint (run->records, ==, 30);
  g_assert_cmpint (run->rejected, ==, 1);
  g_assert_null (g_array_index (history->runs, DaftarSyncRun, 2).message);

  g_assert_cmpuint (history->rejects->len, ==, 3);
  g_assert_cmpint (history->total_rejects, ==, 4);
  reject = &g_array_index (history->rejects, DaftarSyncReject, 0);
  g_assert_cmpint (reject->received_at, ==, NOW - 497);
  g_assert_cmpstr (reject->entity, ==, "case");
  g_assert_cmpstr (reject->raw, ==, "{}");
  g_assert_cmpstr (reject->reason, ==, "bad date");

  daftar_db_close (db);
  daftar_test_tmpdir_free (dir);
}

/* A log that cannot be read is an error, not an empty history. */
static void
test_unreadable (void)
{
  char *dir = NULL;
  DaftarDb *db = daftar_test_db_new (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarSyncHistory) history = NULL;
  gint64 when = 0;

  g_assert_true (daftar_db_exec (db, "DROP TABLE sync_rejects", NULL));
  history = daftar_sync_history_query (db, 10, NULL, &error);
  g_assert_null (history);
  g_assert_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_SQL);
  g_clear_error (&error);

  g_assert_true (daftar_db_exec (db, "DROP TABLE sync_log", NULL));
  g_assert_false (daftar_sync_last_success (db, &when, NULL, &error));
  g_assert_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_SQL);

  daftar_db_close (db);
  daftar_test_tmpdir_free (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync-history/last-success", test_last_success);
  g_test_add_func ("/sync-history/demo-database", test_demo_database);
  g_test_add_func ("/sync-history/history", test_history);
  g_test_add_func ("/sync-history/unreadable", test_unreadable);
  return g_test_run ();
}
