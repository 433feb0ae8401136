/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-holidays.c: the official holidays the central server sent — for the calendar and for "closed today". */
#define G_LOG_DOMAIN "daftar-holidays"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-holidays.h"
#include "daftar-time.h"

DaftarHoliday *
daftar_holiday_new (const GDate *date,
                    const char  *name)
{
  DaftarHoliday *holiday;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  holiday = g_new0 (DaftarHoliday, 1);
  holiday->date = *date;
  holiday->name = g_strdup (name);
  return holiday;
}

void
daftar_holiday_free (DaftarHoliday *holiday)
{
  if (holiday == NULL)
    return;
  g_free (holiday->name);
  g_free (holiday);
}

GPtrArray *
daftar_query_holidays (DaftarDb  *db,
                       GError   **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, "SELECT date, name FROM holidays ORDER BY date", error);
  g_autoptr(GPtrArray) holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_holiday_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate date;

      if (daftar_time_parse_day ((const char *) sqlite3_column_text (stmt, 0), &date))
        g_ptr_array_add (holidays, daftar_holiday_new (&date, (const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Reading holidays"));
      return NULL;
    }
  return g_steal_pointer (&holidays);
}

gboolean
daftar_query_holiday_name (DaftarDb     *db,
                           const GDate  *day,
                           char        **out_name,
                           GError      **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, "SELECT name FROM holidays WHERE date = ?", error);
  char text[11];
  int rc;

  *out_name = NULL;
  if (stmt == NULL)
    return FALSE;
  daftar_time_format_day (day, text);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Reading holidays"));
      return FALSE;
    }
  return TRUE;
}
