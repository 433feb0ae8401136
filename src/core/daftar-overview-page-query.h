/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-overview-page-query.h: what the Overview shows — today's and the period's key figures, the alerts and the offices compared. */
#pragma once

#include <gio/gio.h>

#include "daftar-db.h"
#include "daftar-page-context.h"
#include "daftar-queries.h"

G_BEGIN_DECLS

typedef struct
{
  DaftarPeriodSummary  day;             /* the context's today */
  DaftarPeriodSummary  period;
  DaftarPeriodSummary  previous;        /* the period before, for the trends; its from and to say which */
  /* The period's e-notice read rate over the notices old enough to judge
   * (daftar_query_judged_read_rate): NAN, and read_rate_last invalid, when
   * none is; the alerts judge the same notices. */
  double               read_rate_judged;
  GDate                read_rate_last;
  char                *holiday_name;    /* owned, nullable: today is an official holiday */
  GPtrArray           *alerts;          /* owned, DaftarAlert: sync and read rate, not per day */
  GPtrArray           *rollups;         /* owned, DaftarAlertRollup: every breached day, per shift and standard */
  GPtrArray           *annotations;     /* owned, DaftarAnnotation: the manager's notes overlapping the period */
  GPtrArray           *offices;         /* owned, DaftarOfficeInfo */
  GPtrArray           *comparison;      /* owned, nullable: DaftarOfficeFigures, for every office
                                         * together when there is more than one */
} DaftarOverviewFigures;

void                   daftar_overview_figures_free (DaftarOverviewFigures *figures);

/* The alerts are as of the context's "now". */
DaftarOverviewFigures *daftar_overview_query        (DaftarDb           *db,
                                                     DaftarPageContext  *context,
                                                     GCancellable       *cancellable,
                                                     GError            **error);
/* For the worker: @job_data is a DaftarPageContext; returns a DaftarOverviewFigures. */
gpointer               daftar_overview_query_job    (DaftarDb           *db,
                                                     gpointer            job_data,
                                                     GCancellable       *cancellable,
                                                     GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarOverviewFigures, daftar_overview_figures_free)

G_END_DECLS
