/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-care-page-query.h: what the Client care page shows — every client-care figure of the context's office and period, read on the database thread. */
#pragma once

#include <gio/gio.h>

#include "daftar-care.h"
#include "daftar-page-context.h"

G_BEGIN_DECLS

/* One read of the page: the figures of daftar-care.h for the context's
 * office (NULL: every office) and period; the newest low ratings with
 * their comments only for one office. */
typedef struct
{
  DaftarPageContext *context;   /* owned */
  DaftarCareFigures *figures;   /* owned */
} DaftarCarePageFigures;

void                   daftar_care_page_figures_free (DaftarCarePageFigures *figures);

DaftarCarePageFigures *daftar_care_page_query        (DaftarDb              *db,
                                                      DaftarPageContext     *context,
                                                      GCancellable          *cancellable,
                                                      GError               **error);
/* For the worker: @job_data is a DaftarPageContext; returns a DaftarCarePageFigures. */
gpointer               daftar_care_page_query_job    (DaftarDb              *db,
                                                      gpointer               job_data,
                                                      GCancellable          *cancellable,
                                                      GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarCarePageFigures, daftar_care_page_figures_free)

G_END_DECLS
