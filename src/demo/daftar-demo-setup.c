/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-demo-setup.c: preparing the demo database that `daftar --demo` opens. */
#define G_LOG_DOMAIN "daftar-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-demo.h"
#include "daftar-demo-setup.h"
#include "daftar-time.h"

#define STATE_KEY "demo:generated"
/* In sync_state of every file the demo made; emptying a file keeps it. */
#define MARK_KEY "demo:database"

G_DEFINE_QUARK (daftar-demo-setup-error-quark, daftar_demo_setup_error)

char *
daftar_demo_setup_default_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "daftar", "demo.db", NULL);
}

/* What the demo looks at before it empties a file: the mark, the stamps
 * older versions wrote only into demo files, and the base tables. */
static const char is_demo_sql[] =
  "SELECT EXISTS (SELECT 1 FROM sync_state WHERE key IN ('" MARK_KEY "', 'demo:synced', 'demo:generated')), "
  "NOT (EXISTS (SELECT 1 FROM offices) OR EXISTS (SELECT 1 FROM staff) OR "
  "     EXISTS (SELECT 1 FROM cases) OR EXISTS (SELECT 1 FROM tickets) OR "
  "     EXISTS (SELECT 1 FROM notices) OR EXISTS (SELECT 1 FROM feedback) OR "
  "     EXISTS (SELECT 1 FROM standards) OR "
  "     EXISTS (SELECT 1 FROM holidays) OR EXISTS (SELECT 1 FROM sync_state) OR "
  "     EXISTS (SELECT 1 FROM sync_log) OR EXISTS (SELECT 1 FROM sync_rejects))";

/* TRUE if @db is the demo's own file or holds nothing at all. */
static gboolean
check_is_demo (DaftarDb  *db,
               GError   **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare_static (db, is_demo_sql, error);
  gboolean marked, empty;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      daftar_db_set_error (db, error, "Looking for the demo's mark");
      sqlite3_reset (stmt);
      return FALSE;
    }
  marked = sqlite3_column_int (stmt, 0) != 0;
  empty = sqlite3_column_int (stmt, 1) != 0;
  sqlite3_reset (stmt);
  if (marked || empty)
    return TRUE;
  g_set_error (error, DAFTAR_DEMO_SETUP_ERROR, DAFTAR_DEMO_SETUP_ERROR_NOT_DEMO,
               _("The file %s holds records that the demo did not make; the demo did not change it"),
               daftar_db_get_path (db));
  return FALSE;
}

/* Every table, found at run time so tables added by later migrations are
 * emptied too. Virtual tables' shadow tables are left to the triggers that
 * keep them in step with their content tables. */
static gboolean
delete_all (DaftarDb  *db,
            GError   **error)
{
  sqlite3 *handle = daftar_db_get_handle (db);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) virtuals = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle,
                          "SELECT name, sql FROM main.sqlite_master WHERE type = 'table' "
                          "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      daftar_db_set_error (db, error, "Listing the tables");
      return FALSE;
    }
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

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *sql = NULL;
      gboolean shadow = FALSE;

      for (guint j = 0; j < virtuals->len && !shadow; j++)
        shadow = g_str_has_prefix (table, g_ptr_array_index (virtuals, j));
      if (shadow)
        continue;
      sql = g_strdup_printf ("DELETE FROM main.\"%s\"", table);
      if (!daftar_db_exec (db, sql, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
daftar_demo_setup_reset (DaftarDb  *db,
                         GError   **error)
{
  /* One transaction: the check sees what is deleted, and the file is never
   * left empty without its mark. */
  if (!daftar_db_begin (db, error))
    return FALSE;
  if (!check_is_demo (db, error))
    {
      daftar_db_rollback (db);
      return FALSE;
    }
  if (!delete_all (db, error) ||
      !daftar_db_set_state (db, MARK_KEY, "1", error) ||
      !daftar_db_commit (db, error))
    {
      daftar_db_rollback (db);
      g_prefix_error (error, "Emptying the demo database: ");
      return FALSE;
    }
  return TRUE;
}

char *
daftar_demo_setup_stamp (guint        n_offices,
                         guint        n_days,
                         const GDate *last_day)
{
  char day[11];

  daftar_time_format_day (last_day, day);
  return g_strdup_printf ("generation=%d seed=%d offices=%u days=%u last=%s",
                          DAFTAR_DEMO_GENERATION, DAFTAR_DEMO_SEED, n_offices, n_days, day);
}

gboolean
daftar_demo_setup_database (DaftarDb      *db,
                            guint          n_offices,
                            guint          n_days,
                            const GDate   *last_day,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(DaftarDemo) demo = NULL;
  g_autofree char *stamp = daftar_demo_setup_stamp (n_offices, n_days, last_day);
  g_autofree char *stored = NULL;

  stored = daftar_db_get_state (db, STATE_KEY, error);
  if (stored == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (g_strcmp0 (stored, stamp) == 0)
    return TRUE;

  if (!daftar_demo_setup_reset (db, error))
    return FALSE;
  demo = daftar_demo_new (DAFTAR_DEMO_SEED, n_offices, n_days, last_day);
  if (!daftar_demo_fill_database (demo, db, 2000, cancellable, error))
    {
      g_prefix_error (error, "Generating the demo office: ");
      return FALSE;
    }
  return daftar_db_set_state (db, STATE_KEY, stamp, error);
}
