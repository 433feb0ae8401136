/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-report-actions.h: the Reports menu and what its entries do — prepare a document with progress in a toast, then print it or save it as PDF. */
#pragma once

#include <adwaita.h>

#include "daftar-period.h"
#include "daftar-report-document.h"

G_BEGIN_DECLS

typedef enum {
  DAFTAR_REPORT_PRINT,      /* the print dialog, with its preview */
  DAFTAR_REPORT_EXPORT,     /* the print operation straight to a PDF file (tests, no dialog) */
  DAFTAR_REPORT_SAVE_PDF,   /* daftar_document_write_pdf to a file */
} DaftarReportOutput;

/* The period each document is for: the monthly report the last full
 * Jalali month before @today (as `--report monthly` does), the others the
 * window's period. */
void        daftar_report_period           (DaftarDocumentKind  kind,
                                            const DaftarPeriod *window_period,
                                            const GDate        *today,
                                            GDate              *out_from,
                                            GDate              *out_to);

/* The Reports menu: one section per document, titled with its name and
 * period, with "Print…" (win.report-print) and "Save as PDF…"
 * (win.report-save), the kind's name as target. */
GMenuModel *daftar_report_menu_new         (const DaftarPeriod *window_period,
                                            const GDate        *today);

/* Prepares @document if need be and sends it to @output (@path for EXPORT
 * and SAVE_PDF), with its progress and a Cancel button in a toast on
 * @toasts; a failure is shown in a message dialog over @parent. Finishes
 * when the document is printed, written, cancelled or failed. */
void        daftar_report_run_async        (GtkWindow             *parent,
                                            AdwToastOverlay       *toasts,
                                            DaftarReportDocument  *document,
                                            DaftarReportOutput     output,
                                            const char            *path,
                                            GCancellable          *cancellable,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data);
gboolean    daftar_report_run_finish       (GAsyncResult          *result,
                                            GError               **error);

/* "Save as PDF…": asks for a file (named after the document and its
 * period), then daftar_report_run_async with SAVE_PDF. */
void        daftar_report_save_with_chooser (GtkWindow            *parent,
                                             AdwToastOverlay      *toasts,
                                             DaftarReportDocument *document);

G_END_DECLS
