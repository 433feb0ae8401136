/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-staffing-page-query.h: what the staffing advisor on the Shifts page shows — the last weeks' advice for one office. */
#pragma once

#include <gio/gio.h>

#include "daftar-page-context.h"
#include "daftar-staffing.h"

G_BEGIN_DECLS

typedef struct
{
  /* Owned, nullable: every office together has no counters to advise on,
   * so there is no advice until one office is chosen. */
  DaftarStaffing *staffing;
} DaftarStaffingPanelFigures;

void                        daftar_staffing_panel_figures_free (DaftarStaffingPanelFigures *figures);

/* The advice for the context's office (NULL: the only office there is)
 * from the weeks that end on the period's last day — or today, or the last
 * day with queue tickets, when the period reaches past them. */
DaftarStaffingPanelFigures *daftar_staffing_panel_query        (DaftarDb           *db,
                                                                DaftarPageContext  *context,
                                                                GCancellable       *cancellable,
                                                                GError            **error);
/* For the worker: @job_data is a DaftarPageContext; returns a DaftarStaffingPanelFigures. */
gpointer                    daftar_staffing_panel_query_job    (DaftarDb           *db,
                                                                gpointer            job_data,
                                                                GCancellable       *cancellable,
                                                                GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarStaffingPanelFigures, daftar_staffing_panel_figures_free)

G_END_DECLS
