/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-report-kinds.c: the reports `daftar --report KIND` knows. One line per kind. */
#include "config.h"

#include "daftar-report.h"
#include "daftar-summary-report.h"
#include "daftar-cases-report.h"
#include "daftar-staffing-report.h"
#include "daftar-notices-report.h"
#include "daftar-shifts-report.h"
#include "daftar-offices-report.h"
#include "daftar-care-report.h"
#include "daftar-monthly-document.h"

const DaftarReportKind daftar_report_kinds[] = {
  { "summary", daftar_summary_report },
  { "cases", daftar_cases_report },
  { "staffing", daftar_staffing_report },
  { "notices", daftar_notices_report },
  { "shifts", daftar_shifts_report },
  { "offices", daftar_offices_report },
  { "care", daftar_care_report },
  { "monthly", daftar_monthly_report },
  /* The staffing evidence's tables are the staffing report's. */
  { "evidence", daftar_staffing_report },
  { "unviewed", daftar_notices_unviewed_report },
  { NULL }
};
