/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-sync-history.c: what the sync log says — the runs, the refused records, and when a sync last went well. */
#define G_LOG_DOMAIN "daftar-sync-history"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-reject-reasons.h"
#include "daftar-sync-history.h"

static void
run_clear (gpointer data)
{
  DaftarSyncRun *run = data;

  g_free (run->result);
  g_free (run->message);
}

static void
reject_clear (gpointer data)
{
  DaftarSyncReject *reject = data;

  g_free (reject->entity);
  g_free (reject->raw);
  g_free (reject->reason);
  g_free (reject->reason_code);
  g_free (reject->reason_args);
}

void
daftar_sync_history_free (DaftarSyncHistory *history)
{
  if (history == NULL)
    return;
  g_clear_pointer (&history->runs, g_array_unref);
  g_clear_pointer (&history->rejects, g_array_unref);
  g_free (history);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
count_rows (DaftarDb    *db,
            const char  *sql,
            gint64      *out,
            GError     **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  *out = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
read_runs (DaftarDb  *db,
           guint      limit,
           GArray    *runs,
           GError   **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db,
                                          "SELECT started_at, finished_at, pages, records, rejected, result, message "
                                          "FROM sync_log ORDER BY started_at DESC, id DESC LIMIT ?1",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarSyncRun run = {
        .started_at = sqlite3_column_int64 (stmt, 0),
        .finished_at = sqlite3_column_int64 (stmt, 1),
        .pages = sqlite3_column_int64 (stmt, 2),
        .records = sqlite3_column_int64 (stmt, 3),
        .rejected = sqlite3_column_int64 (stmt, 4),
        .result = column_text (stmt, 5),
        .message = column_text (stmt, 6),
      };
      g_array_append_val (runs, run);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Reading the sync history"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_rejects (DaftarDb  *db,
              guint      limit,
              GArray    *rejects,
              GError   **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db,
                                          "SELECT received_at, entity, raw, reason, reason_code, reason_args "
                                          "FROM sync_rejects "
                                          "ORDER BY received_at DESC, id DESC LIMIT ?1",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarSyncReject reject = {
        .received_at = sqlite3_column_int64 (stmt, 0),
        .entity = column_text (stmt, 1),
        .raw = column_text (stmt, 2),
        .reason = column_text (stmt, 3),
        .reason_code = column_text (stmt, 4),
        .reason_args = column_text (stmt, 5),
      };
      g_array_append_val (rejects, reject);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Reading the rejected records"));
      return FALSE;
    }
  return TRUE;
}

DaftarSyncHistory *
daftar_sync_history_query (DaftarDb      *db,
                           guint          limit,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(DaftarSyncHistory) history = g_new0 (DaftarSyncHistory, 1);

  history->runs = g_array_new (FALSE, TRUE, sizeof (DaftarSyncRun));
  history->rejects = g_array_new (FALSE, TRUE, sizeof (DaftarSyncReject));
  g_array_set_clear_func (history->runs, run_clear);
  g_array_set_clear_func (history->rejects, reject_clear);

  if (!read_runs (db, limit, history->runs, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !read_rejects (db, limit, history->rejects, error) ||
      !count_rows (db, "SELECT COUNT(*) FROM sync_log", &history->total_runs, error) ||
      !count_rows (db, "SELECT COUNT(*) FROM sync_rejects", &history->total_rejects, error))
    return NULL;
  return g_steal_pointer (&history);
}

gpointer
daftar_sync_history_job (DaftarDb      *db,
                         gpointer       job_data,
                         GCancellable  *cancellable,
                         GError       **error)
{
  return daftar_sync_history_query (db, DAFTAR_SYNC_HISTORY_LIMIT, cancellable, error);
}

gboolean
daftar_sync_last_success (DaftarDb  *db,
                          gint64    *out_time,
                          gboolean  *out_any_run,
                          GError   **error)
{
  /* A successful run always has its end written with its result; the start
   * stands in only for a row written otherwise, which still went well. */
  sqlite3_stmt *stmt = daftar_db_prepare (db,
    "SELECT count(*), max(CASE WHEN result = 'ok' THEN coalesce(finished_at, started_at) END) "
    "FROM sync_log", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      daftar_db_set_error (db, error, _("Reading the last successful sync"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  /* NULL (no success) reads as 0. */
  *out_time = sqlite3_column_int64 (stmt, 1);
  if (out_any_run != NULL)
    *out_any_run = sqlite3_column_int64 (stmt, 0) > 0;
  sqlite3_reset (stmt);
  return TRUE;
}

gpointer
daftar_sync_last_success_job (DaftarDb      *db,
                              gpointer       job_data,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autofree gint64 *when = g_new0 (gint64, 1);

  if (!daftar_sync_last_success (db, when, NULL, error))
    return NULL;
  return g_steal_pointer (&when);
}

char *
daftar_sync_reject_describe (const DaftarSyncReject *reject)
{
  g_return_val_if_fail (reject != NULL, NULL);
  return daftar_reject_reason_render (reject->reason_code, reject->reason_args, reject->reason);
}
