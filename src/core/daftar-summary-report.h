/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-summary-report.h: the "summary" report — the Overview's key figures for a period. */
#pragma once

#include "daftar-report.h"

G_BEGIN_DECLS

gboolean daftar_summary_report (DaftarDb                  *db,
                                const DaftarReportRequest *request,
                                DaftarReport              *report,
                                GError                   **error);

G_END_DECLS
