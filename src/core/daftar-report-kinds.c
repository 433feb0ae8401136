/* daftar-report-kinds.c: the reports `daftar --report KIND` knows. One line per kind. */
#include "config.h"

#include "daftar-report.h"
#include "daftar-summary-report.h"

const DaftarReportKind daftar_report_kinds[] = {
  { "summary", daftar_summary_report },
  { NULL }
};
