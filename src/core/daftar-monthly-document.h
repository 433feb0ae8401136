/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-monthly-document.h: every figure of the monthly performance report, read in one query for the document and its tables. */
#pragma once

#include <glib.h>

#include "daftar-alerts.h"
#include "daftar-care.h"
#include "daftar-cases-query.h"
#include "daftar-db.h"
#include "daftar-queries.h"
#include "daftar-report.h"
#include "daftar-shifts-query.h"

G_BEGIN_DECLS

typedef struct
{
  char                *office_code;   /* nullable: every office */
  char                *office_name;   /* nullable: every office, or not synced yet */
  GDate                from;
  GDate                to;
  /* The period before, as long as this one and ending the day before it. */
  GDate                previous_from;
  GDate                previous_to;

  DaftarPeriodSummary  current;
  DaftarPeriodSummary  previous;
  DaftarCasesFigures  *cases;         /* owned: kinds, destinations, daily bins */
  DaftarShiftsData    *shifts;        /* owned: both shifts, daily bins */
  GPtrArray           *rollups;       /* owned: DaftarAlertRollup, the standards breached */
  GPtrArray           *annotations;   /* owned: DaftarAnnotation, the manager's notes */
  /* Client care (turn order, crowding, idle counters, ratings) of this
   * period and the one before, with the standards in force. */
  DaftarCareFigures   *care;          /* owned */
  DaftarCareFigures   *previous_care; /* owned */

  /* «به‌روز تا …»: the last successful sync, 0 if none (the demo, an import). */
  gint64               data_as_of;
  /* Nothing at all happened in the period: no ticket, case or notice. */
  gboolean             empty;
} DaftarMonthlyDocument;

void                   daftar_monthly_document_free  (DaftarMonthlyDocument *document);

/* Reads the monthly report of @office_code (NULL: every office) over the
 * local days @from..@to, as of @now (Unix seconds) whose local day is
 * @today. */
DaftarMonthlyDocument *daftar_monthly_document_query (DaftarDb     *db,
                                                      const char   *office_code,
                                                      const GDate  *from,
                                                      const GDate  *to,
                                                      gint64        now,
                                                      const GDate  *today,
                                                      GError      **error);

/* The last full Jalali month before @today: the default period. */
void                   daftar_monthly_document_default_period (const GDate *today,
                                                               GDate       *out_from,
                                                               GDate       *out_to);

/* The client-care figures, once issue 15's daftar-care*.h is on main:
 * HOOK for the lead to fill at merge (returns FALSE until then). */
gboolean               daftar_monthly_document_has_care_figures (const DaftarMonthlyDocument *document);

/* The manager's notes on the days of @rollup, joined; NULL without any. */
char                  *daftar_monthly_document_note_for (const DaftarMonthlyDocument *document,
                                                         const DaftarAlertRollup     *rollup);

/* --report monthly: tables figures (with the previous period), cases_by_kind,
 * cases_by_destination, shifts and standards_breached. */
gboolean               daftar_monthly_report (DaftarDb                  *db,
                                              const DaftarReportRequest *request,
                                              DaftarReport              *report,
                                              GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarMonthlyDocument, daftar_monthly_document_free)

G_END_DECLS
