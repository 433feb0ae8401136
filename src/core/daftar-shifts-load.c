/* daftar-shifts-load.c: load per counter and per staff member for the Shifts page, from daily_ticket_load. */
#define G_LOG_DOMAIN "daftar-shifts"

#include "config.h"

#include <gio/gio.h>

#include "daftar-shifts-private.h"

static void
counter_load_free (gpointer data)
{
  DaftarCounterLoad *load = data;

  g_free (load->office_code);
  g_free (load);
}

static void
staff_load_free (gpointer data)
{
  DaftarStaffLoad *load = data;

  g_free (load->office_code);
  g_free (load->staff_id);
  g_free (load->name);
  g_free (load);
}

/* Served tickets and their service time per counter and shift; counter -1
 * is a ticket served at no known counter, which no counter row counts. */
#define COUNTERS_SQL \
  "SELECT office_code, counter, shift = 'evening', sum(served), sum(service_sum_s) " \
  "FROM daily_ticket_load WHERE " RANGE_FILTER " AND counter <> -1 " \
  "GROUP BY office_code, counter, shift ORDER BY office_code, counter"

/* Served tickets per staff member and shift, and the shifts they worked:
 * the rollup has a row per counter, so a staff member who moved counters
 * within a shift is counted once per distinct day. staff_id '' is a ticket
 * nobody is named for. */
#define STAFF_SQL \
  "SELECT office_code, staff_id, shift = 'evening', sum(served), count(DISTINCT day), " \
  "  (SELECT name FROM staff WHERE id = staff_id) " \
  "FROM daily_ticket_load WHERE " RANGE_FILTER " AND staff_id <> '' " \
  "GROUP BY office_code, staff_id, shift ORDER BY office_code, staff_id"

static gboolean
read_counters (DaftarDb          *db,
               const char        *office_code,
               DaftarShiftsData  *data,
               GError           **error)
{
  sqlite3_stmt *stmt = daftar_sql_prepare_range (db, COUNTERS_SQL, office_code, &data->from, &data->to, error);
  DaftarCounterLoad *load = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *office = (const char *) sqlite3_column_text (stmt, 0);
      int counter = sqlite3_column_int (stmt, 1);
      int shift = sqlite3_column_int (stmt, 2) ? DAFTAR_SHIFT_EVENING : DAFTAR_SHIFT_MORNING;

      /* Rows come by office then counter: a counter's shifts are adjacent. */
      if (load == NULL || load->counter != counter || g_strcmp0 (load->office_code, office) != 0)
        {
          load = g_new0 (DaftarCounterLoad, 1);
          load->office_code = g_strdup (office);
          load->counter = counter;
          g_ptr_array_add (data->counters, load);
        }
      load->served[shift] += sqlite3_column_int64 (stmt, 3);
      load->service_sum_s += sqlite3_column_int64 (stmt, 4);
    }
  return daftar_sql_finish (db, stmt, rc, "Reading the load per counter", error);
}

static gboolean
read_staff (DaftarDb          *db,
            const char        *office_code,
            DaftarShiftsData  *data,
            GError           **error)
{
  sqlite3_stmt *stmt = daftar_sql_prepare_range (db, STAFF_SQL, office_code, &data->from, &data->to, error);
  DaftarStaffLoad *load = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *office = (const char *) sqlite3_column_text (stmt, 0);
      const char *staff_id = (const char *) sqlite3_column_text (stmt, 1);
      int shift = sqlite3_column_int (stmt, 2) ? DAFTAR_SHIFT_EVENING : DAFTAR_SHIFT_MORNING;
      gint64 shifts_worked = sqlite3_column_int64 (stmt, 4);

      if (load == NULL || g_strcmp0 (load->staff_id, staff_id) != 0 ||
          g_strcmp0 (load->office_code, office) != 0)
        {
          load = g_new0 (DaftarStaffLoad, 1);
          load->office_code = g_strdup (office);
          load->staff_id = g_strdup (staff_id);
          load->name = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
          g_ptr_array_add (data->staff, load);
        }
      load->served[shift] += sqlite3_column_int64 (stmt, 3);
      load->shifts_worked[shift] += shifts_worked;
      data->staff_shifts[shift] += shifts_worked;
    }
  return daftar_sql_finish (db, stmt, rc, "Reading the load per staff member", error);
}

gboolean
shifts_read_load (DaftarDb         *db,
                  const char       *office_code,
                  DaftarShiftsData *data,
                  GCancellable     *cancellable,
                  GError          **error)
{
  data->counters = g_ptr_array_new_with_free_func (counter_load_free);
  data->staff = g_ptr_array_new_with_free_func (staff_load_free);
  return read_counters (db, office_code, data, error) &&
         !g_cancellable_set_error_if_cancelled (cancellable, error) &&
         read_staff (db, office_code, data, error);
}
