/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-document-jobs.c: documents made, drawn and written on the database thread, for the window. */
#define G_LOG_DOMAIN "daftar-documents"

#include "config.h"

#include "daftar-document-jobs.h"

DaftarDocumentRequest *
daftar_document_request_new (DaftarDocumentKind  kind,
                             const char         *office_code,
                             const GDate        *from,
                             const GDate        *to,
                             gint64              now)
{
  DaftarDocumentRequest *request = g_new0 (DaftarDocumentRequest, 1);

  request->kind = kind;
  request->office_code = g_strdup (office_code);
  request->from = *from;
  request->to = *to;
  request->now = now;
  return request;
}

void
daftar_document_request_free (DaftarDocumentRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->office_code);
  g_free (request);
}

gpointer
daftar_document_prepare_job (DaftarDb      *db,
                             gpointer       job_data,
                             GCancellable  *cancellable,
                             GError       **error)
{
  DaftarDocumentRequest *request = job_data;

  return daftar_document_new (db, request->kind, request->office_code, &request->from, &request->to,
                              request->now, error);
}

gpointer
daftar_document_page_job (DaftarDb      *db,
                          gpointer       job_data,
                          GCancellable  *cancellable,
                          GError       **error)
{
  DaftarDocumentPageRequest *request = job_data;
  cairo_rectangle_t extents = { 0, 0, DAFTAR_DOCUMENT_PAGE_WIDTH, DAFTAR_DOCUMENT_PAGE_HEIGHT };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (surface);

  daftar_document_draw_page (request->document, cr, DAFTAR_DOCUMENT_PAGE_WIDTH, DAFTAR_DOCUMENT_PAGE_HEIGHT,
                             request->page);
  cairo_destroy (cr);
  return surface;
}

void
daftar_document_pdf_request_free (DaftarDocumentPdfRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->path);
  g_free (request);
}

gpointer
daftar_document_pdf_job (DaftarDb      *db,
                         gpointer       job_data,
                         GCancellable  *cancellable,
                         GError       **error)
{
  DaftarDocumentPdfRequest *request = job_data;

  if (!daftar_document_write_pdf_full (request->document, request->path, cancellable,
                                       request->progress, request->user_data, error))
    return NULL;
  return g_strdup (request->path);
}
