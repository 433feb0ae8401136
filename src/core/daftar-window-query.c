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
  g_free (records);
}

DaftarWindowRecords *
daftar_window_query (DaftarDb      *db,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(DaftarWindowRecords) records = g_new0 (DaftarWindowRecords, 1);
  g_autoptr(GError) span_error = NULL;
  GDate first, last;

  records->offices = daftar_query_offices (db, error);
  if (records->offices == NULL)
    return NULL;
  records->holidays = daftar_query_holidays (db, error);
  if (records->holidays == NULL)
    return NULL;
  /* Offices without a single record would show an empty dashboard; the
   * empty state says better what to do. */
  if (!daftar_query_data_span (db, NULL, &first, &last, &span_error))
    {
      if (span_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&span_error));
          return NULL;
        }
      g_ptr_array_set_size (records->offices, 0);
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
