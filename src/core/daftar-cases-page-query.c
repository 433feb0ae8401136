/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-cases-page-query.c: what the Cases page shows — the period's filings, binned as the period's length asks. */
#define G_LOG_DOMAIN "daftar-cases-page"

#include "config.h"

#include "daftar-cases-page-query.h"

DaftarCasesFigures *
daftar_cases_page_query (DaftarDb           *db,
                         DaftarPageContext  *context,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_return_val_if_fail (context != NULL, NULL);

  return daftar_query_cases (db, context->office_code, &context->period.from, &context->period.to,
                             daftar_period_bin (&context->period), cancellable, error);
}

gpointer
daftar_cases_page_query_job (DaftarDb      *db,
                             gpointer       job_data,
                             GCancellable  *cancellable,
                             GError       **error)
{
  return daftar_cases_page_query (db, job_data, cancellable, error);
}
