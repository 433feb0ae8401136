/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-case-detail-window.h: one case whole — what was filed, where it goes, who filed it at which counter, and its notices. */
#pragma once

#include <adwaita.h>

#include "daftar-case-list.h"
#include "daftar-db-worker.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_CASE_DETAIL_WINDOW (daftar_case_detail_window_get_type ())
G_DECLARE_FINAL_TYPE (DaftarCaseDetailWindow, daftar_case_detail_window, DAFTAR, CASE_DETAIL_WINDOW, AdwWindow)

/* A window that reads case @case_id on @worker's thread and shows it, or
 * why it cannot; days waiting count to @today. Escape closes it. */
GtkWidget  *daftar_case_detail_window_new         (DaftarDbWorker         *worker,
                                                   const char             *case_id,
                                                   const GDate            *today);
const char *daftar_case_detail_window_get_case_id (DaftarCaseDetailWindow *self);
/* TRUE once the case, or why it could not be read, is on screen. */
gboolean    daftar_case_detail_window_is_loaded   (DaftarCaseDetailWindow *self);

/* A row for @notice: its channel, when it was issued, delivered, viewed or
 * deemed served (@full; else issued and viewed only), and how many days
 * an electronic notice nobody viewed has waited. Also the Cases page's. */
GtkWidget  *daftar_case_notice_row_new            (const DaftarCaseNotice *notice,
                                                   gboolean                full);

G_END_DECLS
