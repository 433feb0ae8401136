/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-care-report.h: the "care" report — the Client care page's figures for a period, without the clients' comments. */
#pragma once

#include "daftar-report.h"

G_BEGIN_DECLS

/* Tables summary, out_of_turn_by_staff, out_of_turn_worst (at most
 * DAFTAR_CARE_WORST_LIMIT rows), crowding_by_hour (weekday × hour),
 * idle_by_counter, ratings and rating_by_wait. No comment is ever in it. */
gboolean daftar_care_report (DaftarDb                  *db,
                             const DaftarReportRequest *request,
                             DaftarReport              *report,
                             GError                   **error);

G_END_DECLS
