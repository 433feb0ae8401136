/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-document.h: printable A4 documents — laid out with Pango, paginated once, drawn page by page onto any cairo_t (PDF, print). */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "daftar-db.h"

G_BEGIN_DECLS

/* A4 portrait in points (1/72 inch): the size pages are laid out at. */
#define DAFTAR_DOCUMENT_PAGE_WIDTH  595.276
#define DAFTAR_DOCUMENT_PAGE_HEIGHT 841.890

#define DAFTAR_DOCUMENT_ERROR (daftar_document_error_quark ())
GQuark daftar_document_error_quark (void);

typedef enum {
  DAFTAR_DOCUMENT_ERROR_UNKNOWN_KIND,
  DAFTAR_DOCUMENT_ERROR_WRITE,
} DaftarDocumentError;

typedef enum {
  DAFTAR_DOCUMENT_MONTHLY,    /* گزارش عملکرد ماهانه */
  DAFTAR_DOCUMENT_EVIDENCE,   /* مستندات درخواست افزایش کارمند/باجه/دفتر جدید */
  DAFTAR_DOCUMENT_UNVIEWED,   /* unviewed e-notices, for follow-up */
} DaftarDocumentKind;

typedef struct _DaftarDocument DaftarDocument;

/* "monthly", "evidence", "unviewed" → the kind; FALSE if none. */
gboolean        daftar_document_kind_from_name (const char         *name,
                                                DaftarDocumentKind *out_kind);

/* Reads the document's data (one core query) and paginates it: the pages
 * are counted here, each one's first item is remembered, and nothing else
 * of the layout is kept, so a five-year document holds a few numbers per
 * page. In the UI's language (Persian: right to left, Persian digits).
 * @office_code NULL: every office. @now: Unix seconds, "today" is its
 * local day. Call from one thread at a time; the GUI may run it on a
 * worker thread (it opens nothing of GTK). @db must outlive the document:
 * long lists read their rows from it as pages are drawn. */
DaftarDocument *daftar_document_new            (DaftarDb           *db,
                                                DaftarDocumentKind  kind,
                                                const char         *office_code,
                                                const GDate        *from,
                                                const GDate        *to,
                                                gint64              now,
                                                GError            **error);
void            daftar_document_free           (DaftarDocument     *document);

/* The document's title, for a print job or a file name. */
const char     *daftar_document_get_title      (DaftarDocument     *document);
guint           daftar_document_get_n_pages    (DaftarDocument     *document);

/* Draws page @page (0-based) onto @cr, scaled to fill @width × @height in
 * @cr's units with an A4 page (a GtkPrintContext's cairo context and size,
 * or a PDF surface's). Vector throughout: text stays text, charts are
 * DaftarPlot's own drawing. */
void            daftar_document_draw_page      (DaftarDocument     *document,
                                                cairo_t            *cr,
                                                double              width,
                                                double              height,
                                                guint               page);

/* Writes every page to a PDF at @path, through a temporary file in the
 * same folder renamed at the end: a failure leaves no partial file.
 * Fonts are embedded (Vazirmatn). */
gboolean        daftar_document_write_pdf      (DaftarDocument     *document,
                                                const char         *path,
                                                GError            **error);

/* Called after each page is written, on the thread writing. */
typedef void (*DaftarDocumentProgressFunc) (guint    pages_done,
                                            guint    n_pages,
                                            gpointer user_data);

/* daftar_document_write_pdf, with a report after each page and a stop
 * between pages when @cancellable is cancelled (nothing left behind). */
gboolean        daftar_document_write_pdf_full (DaftarDocument              *document,
                                                const char                  *path,
                                                GCancellable                *cancellable,
                                                DaftarDocumentProgressFunc   progress,
                                                gpointer                     user_data,
                                                GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarDocument, daftar_document_free)

G_END_DECLS
