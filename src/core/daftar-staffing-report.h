/* daftar-staffing-report.h: the "staffing" report — advice, the hourly figures behind it and the capacity verdict. */
#pragma once

#include "daftar-report.h"

G_BEGIN_DECLS

/* The window is the whole weeks of --from..--to counted back from --to
 * (at least one week); the "window" table says which days were read. */
gboolean daftar_staffing_report (DaftarDb                  *db,
                                 const DaftarReportRequest *request,
                                 DaftarReport              *report,
                                 GError                   **error);

G_END_DECLS
