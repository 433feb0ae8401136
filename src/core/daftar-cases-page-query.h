/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-cases-page-query.h: what the Cases page shows — the period's filings, binned as the period's length asks. */
#pragma once

#include <gio/gio.h>

#include "daftar-cases-query.h"
#include "daftar-page-context.h"

G_BEGIN_DECLS

/* The figures of the context's office and period, in the bins of
 * daftar_period_bin() — as the "cases" report reads them. */
DaftarCasesFigures *daftar_cases_page_query     (DaftarDb           *db,
                                                 DaftarPageContext  *context,
                                                 GCancellable       *cancellable,
                                                 GError            **error);
/* For the worker: @job_data is a DaftarPageContext; returns a DaftarCasesFigures. */
gpointer            daftar_cases_page_query_job (DaftarDb           *db,
                                                 gpointer            job_data,
                                                 GCancellable       *cancellable,
                                                 GError            **error);

G_END_DECLS
