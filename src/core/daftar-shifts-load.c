/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-shifts-load.c: load per counter and per staff member for the Shifts page, from the ticket load rollups. */
#define G_LOG_DOMAIN "daftar-shifts"

#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n.h>

#include "daftar-shifts-private.h"
#include "daftar-sum.h"

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

/* The rows are added up here rather than grouped in SQL: a five-year
 * period over twenty offices is some twenty thousand rows, which SQLite's
 * GROUP BY, count(DISTINCT) and ORDER BY would each sort again. */

/* Served tickets and their service time per counter and shift; counter -1
 * is a ticket served at no known counter, which no counter row counts. */
#define COUNTERS_SQL \
  DAFTAR_SQL_YEAR_SPANS_OF (OFFICE_FILTER, "office_code, counter, shift, served, service_sum_s", \
                            "daily_ticket_load", "office_code, counter, shift, served, service_sum_s", \
                            "monthly_counter_load", "yearly_counter_load", " AND counter <> -1")

/* Served tickets per staff member and shift, and the shifts they worked:
 * the daily rollup has a row per counter, so a staff member who moved
 * counters within a shift is counted once per distinct day (column 4); a
 * monthly row has already counted its days (column 5). staff_id '' is a
 * ticket nobody is named for. A yearly row, like a monthly one, has counted
 * its days. */
#define STAFF_SQL \
  DAFTAR_SQL_YEAR_SPANS_OF (OFFICE_FILTER, "office_code, staff_id, shift, served, day, 0", "daily_ticket_load", \
                            "office_code, staff_id, shift, served, NULL, days", "monthly_staff_load", \
                            "yearly_staff_load", " AND staff_id <> ''")

/* Only "evening" is the evening, as it always was here: the rows count in
 * the morning whatever else they might say. */
static int
shift_of (sqlite3_stmt *stmt,
          int           column)
{
  int shift = DAFTAR_SHIFT_MORNING;

  daftar_enum_from_nick (DAFTAR_TYPE_SHIFT, (const char *) sqlite3_column_text (stmt, column), &shift);
  return shift;
}

/* Hash keys for the rows' groups, built without printf: a five-year period
 * of the network reads some twenty thousand rows. */
static const char *
make_key (GString    *key,
          const char *office,
          const char *second)
{
  g_string_assign (key, office);
  g_string_append_c (key, '\x1f');
  g_string_append (key, second);
  return key->str;
}

static int
compare_counters (gconstpointer a,
                  gconstpointer b)
{
  const DaftarCounterLoad *x = *(DaftarCounterLoad **) a, *y = *(DaftarCounterLoad **) b;
  int c = strcmp (x->office_code, y->office_code);

  return c != 0 ? c : (x->counter > y->counter) - (x->counter < y->counter);
}

static gboolean
read_counters (DaftarDb          *db,
               const char        *office_code,
               DaftarShiftsData  *data,
               GError           **error)
{
  sqlite3_stmt *stmt = daftar_sql_prepare_year_spans (db, COUNTERS_SQL, office_code, &data->from, &data->to,
                                                      error);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) key = g_string_new (NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *office = (const char *) sqlite3_column_text (stmt, 0);
      int counter = sqlite3_column_int (stmt, 1);
      DaftarCounterLoad *load;

      make_key (key, office, (const char *) sqlite3_column_text (stmt, 1));
      load = g_hash_table_lookup (by_key, key->str);
      if (load == NULL)
        {
          load = g_new0 (DaftarCounterLoad, 1);
          load->office_code = g_strdup (office);
          load->counter = counter;
          g_ptr_array_add (data->counters, load);
          g_hash_table_insert (by_key, g_strdup (key->str), load);
        }
      load->served[shift_of (stmt, 2)] += sqlite3_column_int64 (stmt, 3);
      load->service_sum_s = daftar_sum_add (load->service_sum_s, sqlite3_column_int64 (stmt, 4));
    }
  if (!daftar_sql_finish (db, stmt, rc, _("Reading the load per counter"), error))
    return FALSE;
  g_ptr_array_sort (data->counters, compare_counters);
  return TRUE;
}

static int
compare_staff (gconstpointer a,
               gconstpointer b)
{
  const DaftarStaffLoad *x = *(DaftarStaffLoad **) a, *y = *(DaftarStaffLoad **) b;
  int c = strcmp (x->office_code, y->office_code);

  return c != 0 ? c : strcmp (x->staff_id, y->staff_id);
}

/* Names afterwards, one lookup per staff member rather than per row. */
static gboolean
read_staff_names (DaftarDb          *db,
                  DaftarShiftsData  *data,
                  GError           **error)
{
  for (guint i = 0; i < data->staff->len; i++)
    {
      DaftarStaffLoad *load = g_ptr_array_index (data->staff, i);

      if (!daftar_query_staff_name (db, load->staff_id, &load->name, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_staff (DaftarDb          *db,
            const char        *office_code,
            DaftarShiftsData  *data,
            GError           **error)
{
  sqlite3_stmt *stmt = daftar_sql_prepare_year_spans (db, STAFF_SQL, office_code, &data->from, &data->to,
                                                      error);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) days_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) key = g_string_new (NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *office = (const char *) sqlite3_column_text (stmt, 0);
      const char *staff_id = (const char *) sqlite3_column_text (stmt, 1);
      const char *day = (const char *) sqlite3_column_text (stmt, 4);
      int shift = shift_of (stmt, 2);
      DaftarStaffLoad *load;
      gint64 shifts_worked = sqlite3_column_int64 (stmt, 5);

      load = g_hash_table_lookup (by_key, make_key (key, office, staff_id));
      if (load == NULL)
        {
          load = g_new0 (DaftarStaffLoad, 1);
          load->office_code = g_strdup (office);
          load->staff_id = g_strdup (staff_id);
          g_ptr_array_add (data->staff, load);
          g_hash_table_insert (by_key, g_strdup (key->str), load);
        }
      /* A day's row, once per (staff member, shift, day) whatever the counter. */
      if (day != NULL)
        {
          g_string_append_c (key, '\x1f');
          g_string_append_c (key, '0' + shift);
          g_string_append (key, day);
          shifts_worked = g_hash_table_contains (days_seen, key->str) ? 0 : 1;
          if (shifts_worked)
            g_hash_table_add (days_seen, g_strdup (key->str));
        }
      load->served[shift] += sqlite3_column_int64 (stmt, 3);
      load->shifts_worked[shift] += shifts_worked;
      data->staff_shifts[shift] += shifts_worked;
    }
  if (!daftar_sql_finish (db, stmt, rc, _("Reading the load per staff member"), error))
    return FALSE;
  g_ptr_array_sort (data->staff, compare_staff);
  return read_staff_names (db, data, error);
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
