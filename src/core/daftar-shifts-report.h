/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-shifts-report.h: the "shifts" report — the Shifts page's figures for a period. */
#pragma once

#include "daftar-report.h"

G_BEGIN_DECLS

/* Tables: per_shift, per_bin, service_time, heatmap_arrivals, heatmap_wait,
 * per_counter, per_staff, standards. Bins follow daftar_period_bin of the
 * requested range. */
gboolean daftar_shifts_report (DaftarDb                  *db,
                               const DaftarReportRequest *request,
                               DaftarReport              *report,
                               GError                   **error);

G_END_DECLS
