/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-shifts-page-query.h: what the Shifts page shows — morning against evening over the period. */
#pragma once

#include <gio/gio.h>

#include "daftar-page-context.h"
#include "daftar-shifts-query.h"

G_BEGIN_DECLS

/* The figures of the context's office and period, in the bins of
 * daftar_period_bin() — as the "shifts" report reads them. */
DaftarShiftsData *daftar_shifts_page_query     (DaftarDb           *db,
                                                DaftarPageContext  *context,
                                                GCancellable       *cancellable,
                                                GError            **error);
/* For the worker: @job_data is a DaftarPageContext; returns a DaftarShiftsData. */
gpointer          daftar_shifts_page_query_job (DaftarDb           *db,
                                                gpointer            job_data,
                                                GCancellable       *cancellable,
                                                GError            **error);

G_END_DECLS
