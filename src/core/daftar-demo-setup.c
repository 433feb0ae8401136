/* daftar-demo-setup.c: preparing the demo database that `daftar --demo` opens. */
#define G_LOG_DOMAIN "daftar-demo"

#include "config.h"

#include "daftar-demo.h"
#include "daftar-demo-setup.h"
#include "daftar-time.h"

#define STATE_KEY "demo:generated"

char *
daftar_demo_setup_default_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "daftar", "demo.db", NULL);
}

/* The base tables; the rollups are every daily_, hourly_ and monthly_
 * table, whatever the schema version adds. */
static const char * const data_tables[] = {
  "offices", "staff", "cases", "tickets", "notices", "standards", "holidays", "sync_state",
  "sync_log", "sync_rejects",
};

static gboolean
clear_rollups (DaftarDb  *db,
               GError   **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND ("
    "  name LIKE 'daily\\_%' ESCAPE '\\' OR name LIKE 'hourly\\_%' ESCAPE '\\' OR "
    "  name LIKE 'monthly\\_%' ESCAPE '\\')", error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup_printf ("DELETE FROM %s", sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, "Listing the rollups");
      return FALSE;
    }
  for (guint i = 0; i < names->len; i++)
    if (!daftar_db_exec (db, g_ptr_array_index (names, i), error))
      return FALSE;
  return TRUE;
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
  g_autofree char *stamp = NULL;
  g_autofree char *stored = NULL;
  char day[11];

  daftar_time_format_day (last_day, day);
  stamp = g_strdup_printf ("seed=%d offices=%u days=%u last=%s",
                           DAFTAR_DEMO_SEED, n_offices, n_days, day);
  stored = daftar_db_get_state (db, STATE_KEY, error);
  if (stored == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (g_strcmp0 (stored, stamp) == 0)
    return TRUE;

  /* The demo database is Daftar's own scratch file, never the office's. */
  if (!daftar_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (data_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", data_tables[i]);
      if (!daftar_db_exec (db, sql, error))
        {
          daftar_db_rollback (db);
          return FALSE;
        }
    }
  if (!clear_rollups (db, error))
    {
      daftar_db_rollback (db);
      return FALSE;
    }
  if (!daftar_db_commit (db, error))
    return FALSE;

  demo = daftar_demo_new (DAFTAR_DEMO_SEED, n_offices, n_days, last_day);
  if (!daftar_demo_fill_database (demo, db, 2000, cancellable, error))
    {
      g_prefix_error (error, "Generating the demo office: ");
      return FALSE;
    }
  return daftar_db_set_state (db, STATE_KEY, stamp, error);
}
