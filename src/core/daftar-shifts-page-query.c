/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-shifts-page-query.c: what the Shifts page shows — morning against evening over the period, and how crowded the waiting room was. */
#define G_LOG_DOMAIN "daftar-shifts"

#include "config.h"

#include "daftar-shifts-page-query.h"

DaftarShiftsData *
daftar_shifts_page_query (DaftarDb           *db,
                          DaftarPageContext  *context,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_autoptr(DaftarShiftsData) data = NULL;

  g_return_val_if_fail (context != NULL, NULL);

  data = daftar_query_shifts (db, context->office_code, &context->period.from, &context->period.to,
                              daftar_period_bin (&context->period), cancellable, error);
  if (data == NULL)
    return NULL;
  /* The heatmap's "peak waiting" layer, judged by the seats in force. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !daftar_care_query_crowding (db, context->office_code, &context->period.from, &context->period.to,
                                   (gint64) data->standards.waiting_room_seats, &data->crowding, error))
    return NULL;
  return g_steal_pointer (&data);
}

gpointer
daftar_shifts_page_query_job (DaftarDb      *db,
                              gpointer       job_data,
                              GCancellable  *cancellable,
                              GError       **error)
{
  return daftar_shifts_page_query (db, job_data, cancellable, error);
}
