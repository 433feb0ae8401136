/* daftar-shifts-load.c: load per counter and per staff member for the Shifts page, from the tickets table. */
#define G_LOG_DOMAIN "daftar-shifts"

#include "config.h"

#include <gio/gio.h>

#include "daftar-shifts-private.h"
#include "daftar-time.h"

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

/* Offices whose load to read: the one asked for, or every office with tickets in the period. */
static GPtrArray *
list_offices (DaftarDb         *db,
              const char       *office_code,
              DaftarShiftsData *data,
              GError          **error)
{
  g_autoptr(GPtrArray) offices = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (office_code != NULL)
    {
      g_ptr_array_add (offices, g_strdup (office_code));
      return g_steal_pointer (&offices);
    }
  stmt = shifts_prepare_range (db,
    "SELECT DISTINCT office_code FROM daily_tickets WHERE " RANGE_FILTER " ORDER BY office_code",
    NULL, &data->from, &data->to, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (offices, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (!shifts_finish (db, stmt, rc, "Listing offices", error))
    return NULL;
  return g_steal_pointer (&offices);
}

/* No rollup keeps counters or staff, so this reads served tickets one local
 * day at a time through the (office_code, issued_at) index: the day's
 * midnight gives the shift (before 14:00 is morning, as in the rollups) and
 * each (day, shift) counts a staff member once. */
static gboolean
read_load_of_office (DaftarDb         *db,
                     const char       *office_code,
                     DaftarShiftsData *data,
                     GHashTable       *counters,
                     GHashTable       *staff,
                     GCancellable     *cancellable,
                     GError          **error)
{
  static const char *sql =
    "SELECT counter, staff_id, issued_at - ?2 >= 14 * 3600, count(*), "
    "  coalesce(sum(finished_at - started_at), 0) "
    "FROM tickets WHERE office_code = ?1 AND issued_at >= ?2 AND issued_at < ?3 "
    "  AND outcome = 'served' GROUP BY 1, 2, 3";
  g_autoptr(GHashTable) seen_morning = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) seen_evening = g_hash_table_new (NULL, NULL);
  GHashTable *seen[DAFTAR_N_SHIFTS] = { seen_morning, seen_evening };
  GDate day = data->from, next;
  int rc;

  while (g_date_compare (&day, &data->to) <= 0)
    {
      sqlite3_stmt *stmt = daftar_db_prepare (db, sql, error);

      if (stmt == NULL)
        return FALSE;
      next = day;
      g_date_add_days (&next, 1);
      sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, daftar_time_day_start (&day));
      sqlite3_bind_int64 (stmt, 3, daftar_time_day_start (&next));
      g_hash_table_remove_all (seen[DAFTAR_SHIFT_MORNING]);
      g_hash_table_remove_all (seen[DAFTAR_SHIFT_EVENING]);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          int shift = sqlite3_column_int (stmt, 2) ? DAFTAR_SHIFT_EVENING : DAFTAR_SHIFT_MORNING;
          gint64 n = sqlite3_column_int64 (stmt, 3);

          if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
            {
              int counter = sqlite3_column_int (stmt, 0);
              g_autofree char *key = g_strdup_printf ("%s\x1f%d", office_code, counter);
              DaftarCounterLoad *load = g_hash_table_lookup (counters, key);

              if (load == NULL)
                {
                  load = g_new0 (DaftarCounterLoad, 1);
                  load->office_code = g_strdup (office_code);
                  load->counter = counter;
                  g_hash_table_insert (counters, g_steal_pointer (&key), load);
                }
              load->served[shift] += n;
              load->service_sum_s += sqlite3_column_int64 (stmt, 4);
            }
          if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
            {
              const char *staff_id = (const char *) sqlite3_column_text (stmt, 1);
              g_autofree char *key = g_strdup_printf ("%s\x1f%s", office_code, staff_id);
              DaftarStaffLoad *load = g_hash_table_lookup (staff, key);

              if (load == NULL)
                {
                  load = g_new0 (DaftarStaffLoad, 1);
                  load->office_code = g_strdup (office_code);
                  load->staff_id = g_strdup (staff_id);
                  g_hash_table_insert (staff, g_strdup (key), load);
                }
              load->served[shift] += n;
              /* One staff member at two counters in a shift still works one shift. */
              if (g_hash_table_add (seen[shift], load))
                {
                  load->shifts_worked[shift]++;
                  data->staff_shifts[shift]++;
                }
            }
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          daftar_db_set_error (db, error, "Reading the load per counter and staff member");
          return FALSE;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      day = next;
    }
  return TRUE;
}

static int
compare_counters (gconstpointer a,
                  gconstpointer b)
{
  const DaftarCounterLoad *x = *(DaftarCounterLoad * const *) a;
  const DaftarCounterLoad *y = *(DaftarCounterLoad * const *) b;
  int by_office = g_strcmp0 (x->office_code, y->office_code);

  return by_office != 0 ? by_office : (x->counter > y->counter) - (x->counter < y->counter);
}

static int
compare_staff (gconstpointer a,
               gconstpointer b)
{
  const DaftarStaffLoad *x = *(DaftarStaffLoad * const *) a;
  const DaftarStaffLoad *y = *(DaftarStaffLoad * const *) b;
  int by_office = g_strcmp0 (x->office_code, y->office_code);

  return by_office != 0 ? by_office : g_strcmp0 (x->staff_id, y->staff_id);
}

gboolean
shifts_read_load (DaftarDb         *db,
           const char       *office_code,
           DaftarShiftsData *data,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autoptr(GHashTable) counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) staff = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) offices = list_offices (db, office_code, data, error);
  GHashTableIter iter;
  gpointer value;
  gboolean ok = TRUE;

  data->counters = g_ptr_array_new_with_free_func (counter_load_free);
  data->staff = g_ptr_array_new_with_free_func (staff_load_free);
  if (offices == NULL)
    return FALSE;
  for (guint i = 0; i < offices->len && ok; i++)
    ok = read_load_of_office (db, g_ptr_array_index (offices, i), data, counters, staff, cancellable, error);

  /* The arrays own the loads from here, whatever happened. */
  g_hash_table_iter_init (&iter, counters);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (data->counters, value);
  g_hash_table_iter_init (&iter, staff);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (data->staff, value);
  if (!ok)
    return FALSE;
  g_ptr_array_sort (data->counters, compare_counters);
  g_ptr_array_sort (data->staff, compare_staff);

  for (guint i = 0; i < data->staff->len; i++)
    {
      DaftarStaffLoad *load = g_ptr_array_index (data->staff, i);
      sqlite3_stmt *stmt = daftar_db_prepare (db, "SELECT name FROM staff WHERE id = ?1", error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, load->staff_id, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          load->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          rc = SQLITE_DONE;
        }
      if (!shifts_finish (db, stmt, rc, "Reading staff names", error))
        return FALSE;
    }
  return TRUE;
}

