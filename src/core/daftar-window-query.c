/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-window-query.c: what the main window reads before any page — the offices to choose from and the holidays. */
#define G_LOG_DOMAIN "daftar-window-query"

#include "config.h"

#include "daftar-holidays.h"
#include "daftar-queries.h"
#include "daftar-window-query.h"

void
daftar_window_records_free (DaftarWindowRecords *records)
{
  if (records == NULL)
    return;
  g_clear_pointer (&records->offices, g_ptr_array_unref);
  g_clear_pointer (&records->holidays, g_ptr_array_unref);
  g_clear_pointer (&records->first_days, g_hash_table_unref);
  g_free (records);
}

const GDate *
daftar_window_records_first_day (DaftarWindowRecords *records,
                                 const char          *office_code)
{
  g_return_val_if_fail (records != NULL, NULL);

  if (records->first_days == NULL)
    return NULL;
  return g_hash_table_lookup (records->first_days, office_code != NULL ? office_code : "");
}

/* One indexed lookup per table and office: the pages say where the data
 * start when a period begins before them. */
static gboolean
add_first_day (DaftarDb             *db,
               DaftarWindowRecords  *records,
               const char           *office_code,
               gboolean             *found,
               GError              **error)
{
  g_autoptr(GError) span_error = NULL;
  GDate first, last;

  *found = daftar_query_data_span (db, office_code, &first, &last, &span_error);
  if (span_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&span_error));
      return FALSE;
    }
  if (*found)
    g_hash_table_insert (records->first_days, g_strdup (office_code != NULL ? office_code : ""),
                         g_date_copy (&first));
  return TRUE;
}

DaftarWindowRecords *
daftar_window_query (DaftarDb      *db,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(DaftarWindowRecords) records = g_new0 (DaftarWindowRecords, 1);
  gboolean found;

  records->offices = daftar_query_offices (db, error);
  if (records->offices == NULL)
    return NULL;
  records->holidays = daftar_query_holidays (db, error);
  if (records->holidays == NULL)
    return NULL;
  records->first_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_date_free);
  /* Offices without a single record would show an empty dashboard; the
   * empty state says better what to do. */
  if (!add_first_day (db, records, NULL, &found, error))
    return NULL;
  if (!found)
    g_ptr_array_set_size (records->offices, 0);
  for (guint i = 0; i < records->offices->len; i++)
    {
      const DaftarOfficeInfo *info = g_ptr_array_index (records->offices, i);

      if (!add_first_day (db, records, info->code, &found, error))
        return NULL;
    }
  return g_steal_pointer (&records);
}

gpointer
daftar_window_query_job (DaftarDb      *db,
                         gpointer       job_data,
                         GCancellable  *cancellable,
                         GError       **error)
{
  return daftar_window_query (db, cancellable, error);
}
