/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-offices-report.h: the "offices" report — every office's key figures side by side. */
#pragma once

#include "daftar-report.h"

G_BEGIN_DECLS

gboolean daftar_offices_report (DaftarDb                  *db,
                                const DaftarReportRequest *request,
                                DaftarReport              *report,
                                GError                   **error);

G_END_DECLS
