/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-migrations.c: what a schema step needs beyond its SQL file. */
#define G_LOG_DOMAIN "daftar-db"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-care.h"
#include "daftar-migrations.h"
#include "daftar-rollup-levels.h"
#include "daftar-rollups.h"
#include "daftar-text.h"
#include "daftar-time.h"

/* The offices that hold records, by their daily rollups. */
#define OFFICES_WITH_RECORDS \
  "SELECT office_code FROM daily_cases UNION " \
  "SELECT office_code FROM daily_tickets UNION " \
  "SELECT office_code FROM daily_notices " \
  "EXCEPT SELECT '' /* the network */"

/* The office codes @sql lists; NULL with @error (saying @what failed). */
static GPtrArray *
list_offices (DaftarDb    *db,
              const char  *sql,
              const char  *what,
              GError     **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, sql, error);
  g_autoptr(GPtrArray) offices = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (offices, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, what);
      return NULL;
    }
  return g_steal_pointer (&offices);
}

/* Recomputes every rollup of every (office, day) that holds records. */
static gboolean
rebuild_rollups (DaftarDb  *db,
                 GError   **error)
{
  g_autoptr(GPtrArray) offices = list_offices (db, OFFICES_WITH_RECORDS, _("Listing offices to rebuild"), error);
  g_autoptr(DaftarRollupLevels) levels = daftar_rollup_levels_new ();

  if (offices == NULL)
    return FALSE;
  for (guint i = 0; i < offices->len; i++)
    {
      const char *office = g_ptr_array_index (offices, i);
      g_autoptr(GPtrArray) days = daftar_rollups_list_days (db, office, error);

      if (days == NULL)
        return FALSE;
      for (guint d = 0; d < days->len; d++)
        {
          GDate day;
          if (!daftar_time_parse_day (g_ptr_array_index (days, d), &day))
            {
              g_autofree char *printable_code = daftar_text_printable (office, -1);
              g_autofree char *printable_text = daftar_text_printable (g_ptr_array_index (days, d), -1);
              g_autofree char *code = daftar_text_isolate (printable_code);
              g_autofree char *text = daftar_text_isolate (printable_text);

              g_set_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_MIGRATE,
                           _("The rollups of office %s hold the day “%s”, which is no date"),
                           code, text);
              return FALSE;
            }
          if (!daftar_rollups_recompute_day (db, office, &day, error))
            return FALSE;
          daftar_rollup_levels_add (levels, office, &day);
        }
    }
  /* Then the network's rows and the months, as after an ingest. */
  return daftar_rollup_levels_refresh (levels, db, error);
}

/* Adds @column to @table unless it is there: SQLite has no ADD COLUMN IF
 * NOT EXISTS, and a file taken back to an older version by hand keeps the
 * columns of the newer one. */
static gboolean
add_column (DaftarDb    *db,
            const char  *table,
            const char  *column,
            GError     **error)
{
  g_autofree char *has = g_strdup_printf ("SELECT count(*) FROM pragma_table_info('%s') "
                                          "WHERE name = '%s'", table, column);
  g_autofree char *add = g_strdup_printf ("ALTER TABLE %s ADD COLUMN %s TEXT", table, column);
  sqlite3_stmt *stmt = daftar_db_prepare (db, has, error);
  gboolean present;
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  present = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      daftar_db_set_error (db, error, _("Reading the columns of a table"));
      return FALSE;
    }
  return present || daftar_db_exec (db, add, error);
}

/* Step 6: the shared tables record the office whose feed set each row. */
static gboolean
add_owner_columns (DaftarDb  *db,
                   GError   **error)
{
  return add_column (db, "standards", "office_code", error) &&
         add_column (db, "holidays", "office_code", error);
}

/* Step 8: a rejected record's reason as a code and its arguments. */
static gboolean
add_reason_columns (DaftarDb  *db,
                    GError   **error)
{
  return add_column (db, "sync_rejects", "reason_code", error) &&
         add_column (db, "sync_rejects", "reason_args", error);
}

/* Step 6: an office that has records but no row in offices (its office
 * record was deleted by a feed) gets its stand-in back, and the network's
 * rows of its days are summed again with it, as ingest now keeps them. */
static gboolean
restore_offices (DaftarDb  *db,
                 GError   **error)
{
  g_autoptr(GPtrArray) offices = list_offices (db, OFFICES_WITH_RECORDS " EXCEPT SELECT code FROM offices",
                                               _("Listing offices without a row"), error);
  g_autoptr(DaftarRollupLevels) levels = daftar_rollup_levels_new ();
  sqlite3_stmt *stmt;
  int rc;

  if (offices == NULL)
    return FALSE;

  for (guint i = 0; i < offices->len; i++)
    {
      const char *office = g_ptr_array_index (offices, i);
      g_autoptr(GPtrArray) days = NULL;

      stmt = daftar_db_prepare (db, "INSERT INTO offices (code, name) VALUES (?1, ?1)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, office, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          daftar_db_set_error (db, error, _("Restoring an office"));
          return FALSE;
        }
      days = daftar_rollups_list_days (db, office, error);
      if (days == NULL)
        return FALSE;
      for (guint d = 0; d < days->len; d++)
        {
          GDate day;

          if (daftar_time_parse_day (g_ptr_array_index (days, d), &day))
            daftar_rollup_levels_add (levels, office, &day);
        }
    }
  return daftar_rollup_levels_refresh (levels, db, error);
}

/* Step 9: the client-care rollups of every (office, day) with tickets or
 * ratings, from the tickets already stored (no rating is stored yet), then their
 * months and years. Step 11 (@recompute_days FALSE): the days are there,
 * and only what sums them (the network's days, the months and the years)
 * is summed again. */
static gboolean
fill_care_rollups (DaftarDb  *db,
                   gboolean   recompute_days,
                   GError   **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db,
                                          "SELECT office_code, day FROM daily_tickets "
                                          "WHERE office_code <> '' /* the network */ "
                                          "UNION SELECT office_code, day FROM daily_feedback",
                                          error);
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DaftarRollupLevels) levels = daftar_rollup_levels_new ();
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (pairs, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (pairs, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Listing the days with tickets"));
      return FALSE;
    }
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      GDate day, next;

      if (!daftar_time_parse_day (g_ptr_array_index (pairs, i + 1), &day))
        continue;   /* a day outside the calendar has no rollups to fill */
      next = day;
      g_date_add_days (&next, 1);
      if (recompute_days &&
          !daftar_care_recompute_day (db, g_ptr_array_index (pairs, i), g_ptr_array_index (pairs, i + 1),
                                      daftar_time_day_start (&day), daftar_time_day_start (&next), error))
        return FALSE;
      daftar_rollup_levels_add (levels, g_ptr_array_index (pairs, i), &day);
    }
  return daftar_rollup_levels_refresh (levels, db, error);
}

/* The steps whose new rollups are filled from the data already there. */
static gboolean
step_adds_rollups (int version)
{
  switch (version)
    {
    case 2:   /* destinations, staff and counter load */
    case 3:   /* times to view, months and the network */
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
daftar_migration_after_step (DaftarDb  *db,
                             int        first,
                             int        version,
                             int        latest,
                             GError   **error)
{
  /* The rollups are recomputed with the statements of the newest schema,
   * so only the last step of a migration can run them, for every step of
   * it that asked. */
  if (version == 6 && !add_owner_columns (db, error))
    return FALSE;
  if (version == 8 && !add_reason_columns (db, error))
    return FALSE;
  if (version < latest)
    return TRUE;
  /* The offices first: the network's rows sum the offices listed. */
  if (first <= 6 && latest >= 6 && !restore_offices (db, error))
    return FALSE;
  for (int v = first; v <= latest; v++)
    if (step_adds_rollups (v))
      return rebuild_rollups (db, error);
  /* Client care (step 9) needs only its own rollups, from the tickets;
   * its network's days and crowded hours (step 11) only what sums them. */
  if (first <= 9 && latest >= 9 && !fill_care_rollups (db, TRUE, error))
    return FALSE;
  if (first > 9 && first <= 11 && latest >= 11 && !fill_care_rollups (db, FALSE, error))
    return FALSE;
  /* The years (step 4) only sum the months already there. */
  if (first <= 4 && latest >= 4)
    return daftar_rollup_levels_rebuild_years (db, error);
  return TRUE;
}
