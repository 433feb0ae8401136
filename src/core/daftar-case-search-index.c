/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-case-search-index.c: applies the queued changes of cases to cases_search, once per transaction. */
#define G_LOG_DOMAIN "daftar-search"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-case-search-index.h"

/* The queue holds, for each rowid of cases a write touched, the search_key
 * the index holds for it (NULL: none). The index is external-content, so a
 * 'delete' must name exactly what was indexed: that is the queued key. A
 * row whose key is what the index holds already is left alone, as is a
 * removed row the index never held.
 *
 * One statement, in rowid order with each 'delete' before the insert of the
 * same rowid: FTS5 keeps ascending writes in memory and writes them out as
 * one segment when the next statement begins, where a rowid going back
 * would make it write out early. */
static const char apply_sql[] =
  "INSERT INTO cases_search (cases_search, rowid, search_key) "
  "SELECT command, doc, search_key FROM ("
  "  SELECT 'delete' AS command, q.doc AS doc, q.search_key AS search_key, 0 AS step "
  "  FROM cases_search_queue q "
  "  WHERE q.search_key IS NOT NULL "
  "    AND q.search_key IS NOT (SELECT c.search_key FROM cases c WHERE c.rowid = q.doc) "
  "  UNION ALL "
  "  SELECT NULL, c.rowid, c.search_key, 1 "
  "  FROM cases_search_queue q JOIN cases c ON c.rowid = q.doc "
  "  WHERE c.search_key IS NOT q.search_key"
  ") ORDER BY doc, step";

static const char clear_sql[] = "DELETE FROM cases_search_queue";

static gboolean
run (DaftarDb    *db,
     const char  *static_sql,
     const char  *what,
     GError     **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare_static (db, static_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, what);
      return FALSE;
    }
  return TRUE;
}

gboolean
daftar_case_search_index_apply (DaftarDb  *db,
                                GError   **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  /* Applied and emptied apart, a crash in between would apply it twice. */
  g_return_val_if_fail (!sqlite3_get_autocommit (daftar_db_get_handle (db)), FALSE);

  return run (db, apply_sql, _("Updating the case search index"), error) &&
         run (db, clear_sql, _("Emptying the case search queue"), error);
}
