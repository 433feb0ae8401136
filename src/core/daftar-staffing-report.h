/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-staffing-report.h: the "staffing" report — advice, the hourly figures behind it and the capacity verdict. */
#pragma once

#include "daftar-report.h"

G_BEGIN_DECLS

/* The window is --from..--to kept to the days the office has queue
 * tickets on, as the nearest number of whole weeks counted back from its
 * last day (at least one week, at most DAFTAR_STAFFING_MAX_WEEKS); the
 * "window" table gives the days judged, the days asked for and the days
 * the database holds. A range with no tickets at all is an error that names the days
 * the database holds. */
gboolean daftar_staffing_report (DaftarDb                  *db,
                                 const DaftarReportRequest *request,
                                 DaftarReport              *report,
                                 GError                   **error);

G_END_DECLS
