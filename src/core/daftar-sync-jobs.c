/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-sync-jobs.c: the sync client's work on the database thread — ingest of a parsed page, sync_log, and the 410 swap. */
#define G_LOG_DOMAIN "daftar-sync"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "daftar-case-search-index.h"
#include "daftar-records.h"
#include "daftar-rollup-levels.h"
#include "daftar-rollups.h"
#include "daftar-sync-private.h"
#include "daftar-time.h"

void
daftar_sync_log_job_free (gpointer data)
{
  DaftarSyncLogJob *job = data;

  g_free (job->server);
  g_free (job->office);
  g_free (job->result);
  g_free (job->message);
  g_free (job);
}

void
daftar_sync_start_free (gpointer data)
{
  DaftarSyncStart *start = data;

  g_free (start->cursor);
  g_free (start);
}

void
daftar_sync_ingest_result_free (gpointer data)
{
  DaftarIngestResult *result = data;

  daftar_ingest_result_clear (result);
  g_free (result);
}

/* Stores the changes the scan took out of an applied page. They are kept
 * apart from ingest's own transaction (ingest does not nest), after it: a
 * crash in between loses these log rows, never data. */
static gboolean
store_rejects (DaftarDb   *db,
               GPtrArray  *rejects,
               GError    **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (!daftar_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < rejects->len; i++)
    {
      DaftarSyncTakenOut *reject = g_ptr_array_index (rejects, i);

      if (!daftar_reject_reason_store (db, now, reject->entity, reject->raw, reject->reason, error))
        {
          daftar_db_rollback (db);
          return FALSE;
        }
    }
  return daftar_db_commit (db, error);
}

gpointer
daftar_sync_ingest_job (DaftarDb      *db,
                        gpointer       job_data,
                        GCancellable  *cancellable,
                        GError       **error)
{
  DaftarSyncPage *page = job_data;
  g_autoptr(GError) reject_error = NULL;
  DaftarIngestResult *result;

  /* The page was parsed and checked off this thread (daftar_sync_parse_page):
   * what is left is what needs the database. */
  result = g_new0 (DaftarIngestResult, 1);
  if (!daftar_ingest_page (db, page->office, json_node_get_object (page->root), result, error))
    {
      daftar_sync_ingest_result_free (result);
      return NULL;
    }
  if (page->rejects != NULL && page->rejects->len > 0)
    {
      if (store_rejects (db, page->rejects, &reject_error))
        result->rejected += page->rejects->len;
      else
        g_warning ("Could not store %u rejected records: %s", page->rejects->len, reject_error->message);
    }
  return result;
}

gpointer
daftar_sync_log_start_job (DaftarDb      *db,
                           gpointer       job_data,
                           GCancellable  *cancellable,
                           GError       **error)
{
  DaftarSyncLogJob *job = job_data;
  g_autofree char *cursor = NULL;
  DaftarSyncStart *start;
  sqlite3_stmt *stmt;

  stmt = daftar_db_prepare (db,
                            "INSERT INTO sync_log (started_at, server, office_code, result) "
                            "VALUES (?1, ?2, ?3, 'running')",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (stmt, 2, job->server, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, job->office, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Recording the start of a sync"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  cursor = daftar_ingest_get_cursor (db, job->office, error);
  if (cursor == NULL && error != NULL && *error != NULL)
    return NULL;

  start = g_new0 (DaftarSyncStart, 1);
  start->log_id = sqlite3_last_insert_rowid (daftar_db_get_handle (db));
  start->cursor = g_steal_pointer (&cursor);
  return start;
}

/* The sync history is bounded: a run keeps the rows of sync_log and
 * sync_rejects of the last DAFTAR_SYNC_HISTORY_DAYS days, at most the
 * newest DAFTAR_SYNC_HISTORY_ROWS of each, whichever keeps less. A hostile
 * server that makes every record a reject, or a sync that runs every
 * minute for years, would otherwise grow the file without end. The newest
 * successful run of each office stays whatever its age: the window's "as
 * of" and the stale-sync alert read it. */
static gboolean
prune_history (DaftarDb  *db,
               GError   **error)
{
  static const char * const prune_sql[] = {
    "DELETE FROM sync_log WHERE (started_at < ?1 "
    "  OR id <= (SELECT id FROM sync_log ORDER BY id DESC LIMIT 1 OFFSET ?2)) "
    "AND id NOT IN (SELECT max(id) FROM sync_log WHERE result = 'ok' GROUP BY office_code)",
    "DELETE FROM sync_rejects WHERE received_at < ?1 "
    "  OR id <= (SELECT id FROM sync_rejects ORDER BY id DESC LIMIT 1 OFFSET ?2)",
  };
  gint64 cutoff = g_get_real_time () / G_USEC_PER_SEC - DAFTAR_SYNC_HISTORY_DAYS * 86400;

  for (guint i = 0; i < G_N_ELEMENTS (prune_sql); i++)
    {
      sqlite3_stmt *stmt = daftar_db_prepare (db, prune_sql[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, cutoff);
      sqlite3_bind_int64 (stmt, 2, DAFTAR_SYNC_HISTORY_ROWS);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          daftar_db_set_error (db, error, _("Pruning the sync history"));
          return FALSE;
        }
    }
  return TRUE;
}

gpointer
daftar_sync_log_finish_job (DaftarDb      *db,
                            gpointer       job_data,
                            GCancellable  *cancellable,
                            GError       **error)
{
  DaftarSyncLogJob *job = job_data;
  sqlite3_stmt *stmt;

  stmt = daftar_db_prepare (db,
                            "UPDATE sync_log SET finished_at = ?2, pages = ?3, records = ?4, "
                            "rejected = ?5, result = ?6, message = ?7 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, job->log_id);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int64 (stmt, 3, job->pages);
  sqlite3_bind_int64 (stmt, 4, (sqlite3_int64) job->records);
  sqlite3_bind_int64 (stmt, 5, (sqlite3_int64) job->rejected);
  sqlite3_bind_text (stmt, 6, job->result, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, job->message, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Recording how a sync ended"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  /* After the row is written: the run is logged even if pruning fails. */
  if (!prune_history (db, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

char *
daftar_sync_side_path (const char *live_path)
{
  return g_strconcat (live_path, ".resync", NULL);
}

static gboolean
remove_side_files (const char  *side,
                   GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (side, suffixes[i], NULL);

      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved = errno;
          g_set_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_DATABASE,
                       _("Could not remove the unfinished copy %s: %s"),
                       path, g_strerror (saved));
          return FALSE;
        }
    }
  return TRUE;
}

gpointer
daftar_sync_prepare_side_job (DaftarDb      *db,
                              gpointer       job_data,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autofree char *side = daftar_sync_side_path (daftar_db_get_path (db));

  /* A copy left by a run that was killed is not resumed: its own cursor may
   * be just as expired, and starting over is always correct. */
  if (!remove_side_files (side, error))
    return NULL;
  return g_steal_pointer (&side);
}

static gboolean
exec_sql (sqlite3     *handle,
          const char  *sql,
          const char  *office,
          GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    goto fail;
  if (office != NULL && sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_text (stmt, 1, office, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    goto fail;
  sqlite3_finalize (stmt);
  return TRUE;

fail:
  {
    /* The caller says what was being done; this, what went wrong. */
    g_autofree char *reason = daftar_db_describe_failure (sqlite3_extended_errcode (handle),
                                                          sqlite3_errmsg (handle));

    g_set_error_literal (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_DATABASE, reason);
  }
  sqlite3_finalize (stmt);
  return FALSE;
}

/* What the swap needs to know of a table. */
typedef struct
{
  char      *cols;             /* owned: the column list, quoted; NULL if none to copy */
  char      *key;              /* owned, nullable: the primary key, when one column other than office_code */
  char      *same;             /* owned: "m.c IS f.c AND …" over the columns but key and office_code */
  gboolean   has_office_code;
} TableInfo;

static void
table_info_clear (TableInfo *info)
{
  g_clear_pointer (&info->cols, g_free);
  g_clear_pointer (&info->key, g_free);
  g_clear_pointer (&info->same, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TableInfo, table_info_clear)

static void
table_info (sqlite3    *handle,
            const char *table,
            TableInfo  *out)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA main.table_info(\"%s\")", table);
  g_autoptr(GString) cols = g_string_new (NULL);
  g_autoptr(GString) same = g_string_new ("1");
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_keys = 0;

  memset (out, 0, sizeof *out);
  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      gboolean in_key = sqlite3_column_int (stmt, 5) > 0;

      if (g_strcmp0 (name, "office_code") == 0)
        out->has_office_code = TRUE;
      g_string_append_printf (cols, "%s\"%s\"", cols->len > 0 ? ", " : "", name);
      if (in_key)
        {
          n_keys++;
          g_free (key);
          key = g_strdup (name);
        }
      else if (g_strcmp0 (name, "office_code") != 0)
        g_string_append_printf (same, " AND m.\"%s\" IS f.\"%s\"", name, name);
    }
  sqlite3_finalize (stmt);
  if (cols->len == 0)
    return;
  out->cols = g_string_free (g_steal_pointer (&cols), FALSE);
  out->same = g_string_free (g_steal_pointer (&same), FALSE);
  if (n_keys == 1 && g_strcmp0 (key, "office_code") != 0)
    out->key = g_steal_pointer (&key);
}

/* The protocol's name of the entity stored in @table, or NULL. */
static const char *
table_entity (const char *table)
{
  for (guint e = 0; e < DAFTAR_N_ENTITIES; e++)
    if (g_str_equal (daftar_entity_table (e), table))
      return daftar_entity_name (e);
  return NULL;
}

/* Copies the office's rows of a table keyed by one column (the records'
 * and the shared tables) from the fresh copy, where any key may have been
 * the office's. In the live file a key another office holds stays that
 * office's, as ingest keeps it: such a row is not copied but logged as a
 * reject; the same shared row again is no change. Adds the rows not copied
 * to *skipped. */
static gboolean
copy_owned_rows (sqlite3          *handle,
                 const char       *table,
                 const TableInfo  *info,
                 const char       *office,
                 gint64           *skipped,
                 GError          **error)
{
  g_autofree char *held = g_strdup_printf ("EXISTS (SELECT 1 FROM main.\"%s\" m WHERE m.\"%s\" = f.\"%s\" "
                                           "AND m.office_code IS NOT NULL)", table, info->key, info->key);
  g_autofree char *shared_same = g_strdup_printf ("EXISTS (SELECT 1 FROM main.\"%s\" m WHERE m.\"%s\" = f.\"%s\" "
                                                  "AND %s)", table, info->key, info->key, info->same);
  const char *entity = table_entity (table);
  gboolean shared = g_str_equal (table, "standards") || g_str_equal (table, "holidays");
  g_autoptr(DaftarRejectReason) reason = NULL;
  g_autofree char *english = NULL;
  g_autofree char *rejects = NULL;
  g_autofree char *copy = NULL;
  char *quoted;
  gint64 before;

  /* A shared row nobody has claimed (NULL) is replaced, as ingest would. */
  copy = g_strdup_printf ("INSERT OR REPLACE INTO main.\"%s\" (%s) SELECT %s FROM fresh.\"%s\" f "
                          "WHERE f.office_code = ?1 AND NOT %s", table, info->cols, info->cols, table, held);
  /* As ingest gives them. */
  reason = daftar_reject_reason_new (shared ? DAFTAR_REJECT_SHARED_ROW : DAFTAR_REJECT_ID_TAKEN, NULL);
  english = daftar_reject_reason_english (reason);
  quoted = sqlite3_mprintf ("%Q, %Q", english, daftar_enum_to_nick (DAFTAR_TYPE_REJECT_CODE, reason->code));
  rejects = g_strdup_printf ("INSERT INTO main.sync_rejects (received_at, entity, raw, reason, reason_code, reason_args) "
                             "SELECT CAST (strftime ('%%s', 'now') AS INTEGER), %s%s%s, "
                             "json_object ('%s', f.\"%s\"), %s, '[]' FROM fresh.\"%s\" f "
                             "WHERE f.office_code = ?1 AND %s%s%s",
                             entity ? "'" : "", entity ? entity : "NULL", entity ? "'" : "",
                             info->key, info->key, quoted,
                             table, held, shared ? " AND NOT " : "", shared ? shared_same : "");
  sqlite3_free (quoted);
  before = sqlite3_total_changes64 (handle);
  if (!exec_sql (handle, rejects, office, error))
    return FALSE;
  *skipped += sqlite3_total_changes64 (handle) - before;
  return exec_sql (handle, copy, office, error);
}

/* Tables to carry over: every ordinary table of the schema except the
 * sync bookkeeping ones and the manager's notes on alerts (annotations,
 * written only here and never by a feed, so a fresh copy has none and
 * would wipe them) and what was notified (notified, likewise), found at run time so that columns and rollup tables
 * added by later migrations are copied without touching this file. Virtual
 * tables and their shadow tables are skipped (and so is cases_search_queue):
 * the triggers queue what the swap changes, and swap_office indexes it. */
static GPtrArray *
data_tables (sqlite3 *handle)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) virtuals = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle,
                          "SELECT name, sql FROM main.sqlite_master WHERE type = 'table' "
                          "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                          "AND name NOT IN ('sync_log', 'sync_state', 'sync_rejects', 'annotations', 'notified') ORDER BY name",
                          -1, &stmt, NULL) != SQLITE_OK)
    return tables;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *sql = (const char *) sqlite3_column_text (stmt, 1);

      if (sql != NULL && g_ascii_strncasecmp (sql, "CREATE VIRTUAL", 14) == 0)
        g_ptr_array_add (virtuals, g_strconcat (name, "_", NULL));
      else
        g_ptr_array_add (tables, g_strdup (name));
    }
  sqlite3_finalize (stmt);

  for (guint i = tables->len; i > 0; i--)
    for (guint j = 0; j < virtuals->len; j++)
      if (g_str_has_prefix (g_ptr_array_index (tables, i - 1), g_ptr_array_index (virtuals, j)))
        {
          g_ptr_array_remove_index (tables, i - 1);
          break;
        }
  return tables;
}

/* Replaces the office's rows of every data table with the fresh copy's;
 * *skipped counts the rows of records it kept out (copy_owned_rows). */
static gboolean
swap_tables (sqlite3     *handle,
             const char  *office,
             gint64      *skipped,
             GError     **error)
{
  g_autoptr(GPtrArray) tables = data_tables (handle);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_auto(TableInfo) info = { 0 };
      g_autofree char *del = NULL;
      g_autofree char *ins = NULL;

      table_info (handle, table, &info);
      if (info.cols == NULL)
        continue;

      if (g_str_equal (table, "offices"))
        {
          del = g_strdup ("DELETE FROM main.offices WHERE code = ?1");
          ins = g_strdup_printf ("INSERT INTO main.offices (%s) SELECT %s FROM fresh.offices "
                                 "WHERE code = ?1", info.cols, info.cols);
        }
      else if (info.has_office_code)
        {
          /* Rows of this office only: other offices' feeds share the file. */
          del = g_strdup_printf ("DELETE FROM main.\"%s\" WHERE office_code = ?1", table);
          if (info.key == NULL)
            ins = g_strdup_printf ("INSERT INTO main.\"%s\" (%s) SELECT %s FROM fresh.\"%s\" "
                                   "WHERE office_code = ?1", table, info.cols, info.cols, table);
        }
      else
        {
          /* A table that belongs to no one office: the fresh copy's rows
           * win but none are deleted. */
          ins = g_strdup_printf ("INSERT OR REPLACE INTO main.\"%s\" (%s) SELECT %s FROM fresh.\"%s\"",
                                 table, info.cols, info.cols, table);
        }
      if (del != NULL && !exec_sql (handle, del, office, error))
        return FALSE;
      if (ins == NULL)
        {
          if (!copy_owned_rows (handle, table, &info, office, skipped, error))
            return FALSE;
        }
      else if (!exec_sql (handle, ins, office, error))
        return FALSE;
    }

  /* The fresh copy's cursor, whatever key ingest keeps it under, and the
   * records it refused, so the manager still sees them. */
  return exec_sql (handle, "INSERT OR REPLACE INTO main.sync_state SELECT * FROM fresh.sync_state",
                   NULL, error) &&
         exec_sql (handle, "INSERT INTO main.sync_rejects (received_at, entity, raw, reason, reason_code, reason_args) "
                           "SELECT received_at, entity, raw, reason, reason_code, reason_args FROM fresh.sync_rejects",
                   NULL, error);
}

static void
add_days (DaftarRollupLevels *levels,
          const char         *office,
          GPtrArray          *days)
{
  for (guint i = 0; i < days->len; i++)
    {
      GDate day;

      if (daftar_time_parse_day (g_ptr_array_index (days, i), &day))
        daftar_rollup_levels_add (levels, office, &day);
    }
}

/* The swap copies the office's own rollups, but the network's rows add up
 * every office: they are recomputed for each day the office had data
 * before the swap or has after it. */
static gboolean
swap_office (DaftarDb     *db,
             const char   *office,
             GError      **error)
{
  g_autoptr(DaftarRollupLevels) levels = daftar_rollup_levels_new ();
  g_autoptr(GPtrArray) before = daftar_rollups_list_days (db, office, error);
  g_autoptr(GPtrArray) after = NULL;
  gint64 skipped = 0;

  if (before == NULL || !swap_tables (daftar_db_get_handle (db), office, &skipped, error) ||
      !daftar_case_search_index_apply (db, error))
    return FALSE;
  after = daftar_rollups_list_days (db, office, error);
  if (after == NULL)
    return FALSE;
  /* The fresh copy's rollups counted the records kept out. */
  for (guint i = 0; skipped > 0 && i < after->len; i++)
    {
      GDate day;

      if (daftar_time_parse_day (g_ptr_array_index (after, i), &day) &&
          !daftar_rollups_recompute_day (db, office, &day, error))
        return FALSE;
    }
  add_days (levels, office, before);
  add_days (levels, office, after);
  return daftar_rollup_levels_refresh (levels, db, error);
}

gpointer
daftar_sync_swap_job (DaftarDb      *db,
                      gpointer       job_data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  const char *office = job_data;
  sqlite3 *handle = daftar_db_get_handle (db);
  g_autofree char *side = daftar_sync_side_path (daftar_db_get_path (db));
  g_autofree char *attach = NULL;
  char *quoted;
  gboolean ok;

  quoted = sqlite3_mprintf ("ATTACH DATABASE %Q AS fresh", side);
  attach = g_strdup (quoted);
  sqlite3_free (quoted);

  /* ATTACH cannot run inside a transaction, so it comes first; the swap
   * itself is one transaction: readers see the old rows until COMMIT, then
   * the new ones, and a crash in between leaves the old ones. */
  if (!exec_sql (handle, attach, NULL, error))
    {
      g_prefix_error (error, _("Could not open the fresh copy: "));
      return NULL;
    }
  if (!daftar_db_begin (db, error))
    ok = FALSE;
  else if (!swap_office (db, office, error))
    {
      daftar_db_rollback (db);
      ok = FALSE;
    }
  else if (!(ok = daftar_db_commit (db, error)))
    daftar_db_rollback (db);
  exec_sql (handle, "DETACH DATABASE fresh", NULL, NULL);

  if (!ok)
    {
      g_prefix_error (error, _("Could not replace the data with the fresh copy: "));
      return NULL;
    }
  /* The copy is in the live file now; a failure to tidy up is harmless, as
   * the next resync removes the side file first. */
  remove_side_files (side, NULL);
  return GINT_TO_POINTER (TRUE);
}

static gboolean
release_worker_later (gpointer data)
{
  DaftarDbWorker *worker = data;

  if (g_atomic_int_get (&G_OBJECT (worker)->ref_count) > 1)
    return G_SOURCE_CONTINUE;
  g_object_unref (worker);
  return G_SOURCE_REMOVE;
}

void
daftar_sync_release_worker (DaftarDbWorker *worker)
{
  /* The worker thread drops its reference to a finished job's GTask (and so
   * to the worker) a moment after the job's callback may already have run
   * here. If that were the last reference, finalize would join the worker
   * thread from itself. So the last reference is only ever dropped on this
   * thread, once every other one is gone. */
  if (worker == NULL)
    return;
  if (g_atomic_int_get (&G_OBJECT (worker)->ref_count) == 1)
    {
      g_object_unref (worker);
      return;
    }
  g_timeout_add (1, release_worker_later, worker);
}
