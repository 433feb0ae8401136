/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-report-document.h: one document of the Reports menu — prepared on the database thread, then printed or saved as PDF without blocking the window. */
#pragma once

#include <gtk/gtk.h>

#include "daftar-db-worker.h"
#include "daftar-document.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_REPORT_DOCUMENT (daftar_report_document_get_type ())
G_DECLARE_FINAL_TYPE (DaftarReportDocument, daftar_report_document, DAFTAR, REPORT_DOCUMENT, GObject)

/* @office_code NULL: every office. @now: Unix seconds, the data's today. */
DaftarReportDocument *daftar_report_document_new            (DaftarDbWorker        *worker,
                                                             DaftarDocumentKind     kind,
                                                             const char            *office_code,
                                                             const GDate           *from,
                                                             const GDate           *to,
                                                             gint64                 now);
DaftarDocumentKind    daftar_report_document_get_kind       (DaftarReportDocument  *self);

/* Reads and paginates the document on the database thread. */
void                  daftar_report_document_prepare_async  (DaftarReportDocument  *self,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
gboolean              daftar_report_document_prepare_finish (DaftarReportDocument  *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);

/* Once prepared. */
const char           *daftar_report_document_get_title      (DaftarReportDocument  *self);
guint                 daftar_report_document_get_n_pages    (DaftarReportDocument  *self);

/* The title and the period, as a file name ending in .pdf. */
char                 *daftar_report_document_suggest_file_name (DaftarReportDocument *self);

/* A print operation for the prepared document: each page is drawn on the
 * database thread onto a recording surface and replayed onto the
 * printer's context (deferred drawing), so the window keeps answering.
 * Emits "progress" as pages are done. */
GtkPrintOperation    *daftar_report_document_new_print_operation (DaftarReportDocument *self);

/* Writes the prepared document to @path as a PDF on the database thread
 * (a temporary file renamed at the end: nothing is left on failure or
 * when cancelled). Emits "progress" as pages are done. */
void                  daftar_report_document_save_pdf_async  (DaftarReportDocument  *self,
                                                              const char            *path,
                                                              GCancellable          *cancellable,
                                                              GAsyncReadyCallback    callback,
                                                              gpointer               user_data);
gboolean              daftar_report_document_save_pdf_finish (DaftarReportDocument  *self,
                                                              GAsyncResult          *result,
                                                              GError               **error);

G_END_DECLS
