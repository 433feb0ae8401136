/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-document-jobs.h: documents made, drawn and written on the database thread, for the window. */
#pragma once

#include <gio/gio.h>

#include "daftar-db-worker.h"
#include "daftar-document.h"

G_BEGIN_DECLS

/* What to make: a kind of document, an office (NULL: every office) and a
 * period, as of @now (Unix seconds). */
typedef struct
{
  DaftarDocumentKind  kind;
  char               *office_code;   /* owned, nullable */
  GDate               from;
  GDate               to;
  gint64              now;
} DaftarDocumentRequest;

DaftarDocumentRequest *daftar_document_request_new  (DaftarDocumentKind  kind,
                                                     const char         *office_code,
                                                     const GDate        *from,
                                                     const GDate        *to,
                                                     gint64              now);
void                   daftar_document_request_free (DaftarDocumentRequest *request);

/* Job data: DaftarDocumentRequest. Result: a DaftarDocument, freed with
 * daftar_document_free (it may be freed on any thread; it must only be
 * drawn by the jobs below, since long lists read from the database). */
gpointer daftar_document_prepare_job (DaftarDb      *db,
                                      gpointer       job_data,
                                      GCancellable  *cancellable,
                                      GError       **error);

/* One page drawn onto a cairo recording surface of A4 points, for the main
 * thread to replay onto a printer's context: vector, text stays text. */
typedef struct
{
  DaftarDocument *document;   /* borrowed: outlives the job */
  guint           page;
} DaftarDocumentPageRequest;

/* Job data: DaftarDocumentPageRequest (freed with g_free). Result: a
 * cairo_surface_t, freed with cairo_surface_destroy. */
gpointer daftar_document_page_job    (DaftarDb      *db,
                                      gpointer       job_data,
                                      GCancellable  *cancellable,
                                      GError       **error);

/* A whole PDF written, through daftar_document_write_pdf_full. */
typedef struct
{
  DaftarDocument             *document;   /* borrowed: outlives the job */
  char                       *path;       /* owned */
  DaftarDocumentProgressFunc  progress;   /* nullable: called on the database thread */
  gpointer                    user_data;
} DaftarDocumentPdfRequest;

void     daftar_document_pdf_request_free (DaftarDocumentPdfRequest *request);

/* Job data: DaftarDocumentPdfRequest. Result: the path written (a string,
 * g_free). */
gpointer daftar_document_pdf_job     (DaftarDb      *db,
                                      gpointer       job_data,
                                      GCancellable  *cancellable,
                                      GError       **error);

G_END_DECLS
