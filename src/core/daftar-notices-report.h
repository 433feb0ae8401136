/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-notices-report.h: the "notices" report and the CSV of unviewed notices that staff follow up. */
#pragma once

#include <gio/gio.h>

#include "daftar-report.h"

G_BEGIN_DECLS

/* Tables read_rate_by_bin, by_channel, time_to_view and unviewed (electronic
 * notices unviewed for DAFTAR_NOTICES_REPORT_UNVIEWED_DAYS days or more,
 * counted back from the request's last day). */
#define DAFTAR_NOTICES_REPORT_UNVIEWED_DAYS 3

gboolean daftar_notices_report              (DaftarDb                  *db,
                                             const DaftarReportRequest *request,
                                             DaftarReport              *report,
                                             GError                   **error);

/* --report unviewed: the table unviewed alone, for staff to follow up. */
gboolean daftar_notices_unviewed_report     (DaftarDb                  *db,
                                             const DaftarReportRequest *request,
                                             DaftarReport              *report,
                                             GError                   **error);
/* Writes the unviewed electronic notices of @office_code (NULL: every
 * office) issued at least @days days before @today to @out as RFC 4180 CSV
 * (CRLF lines) in UTF-8 with a byte order mark, oldest first, with the day
 * of issue both as an ISO date and as a Jalali date. Does not close @out. */
gboolean daftar_notices_export_unviewed_csv (DaftarDb                  *db,
                                             const char                *office_code,
                                             const GDate               *today,
                                             guint                      days,
                                             GOutputStream             *out,
                                             GError                   **error);

G_END_DECLS
