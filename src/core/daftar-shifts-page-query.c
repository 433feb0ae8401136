/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-shifts-page-query.c: what the Shifts page shows — morning against evening over the period. */
#define G_LOG_DOMAIN "daftar-shifts"

#include "config.h"

#include "daftar-shifts-page-query.h"

DaftarShiftsData *
daftar_shifts_page_query (DaftarDb           *db,
                          DaftarPageContext  *context,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_return_val_if_fail (context != NULL, NULL);

  return daftar_query_shifts (db, context->office_code, &context->period.from, &context->period.to,
                              daftar_period_bin (&context->period), cancellable, error);
}

gpointer
daftar_shifts_page_query_job (DaftarDb      *db,
                              gpointer       job_data,
                              GCancellable  *cancellable,
                              GError       **error)
{
  return daftar_shifts_page_query (db, job_data, cancellable, error);
}
