/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-cases-report.h: the "cases" report — the Cases page's figures as tables. */
#pragma once

#include "daftar-report.h"

G_BEGIN_DECLS

gboolean daftar_cases_report (DaftarDb                  *db,
                              const DaftarReportRequest *request,
                              DaftarReport              *report,
                              GError                   **error);

G_END_DECLS
