/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-notices-page-query.h: what the Notices page shows — the period's read rates, the notices unviewed after N days, and their CSV. */
#pragma once

#include <gio/gio.h>

#include "daftar-notices-query.h"
#include "daftar-page-context.h"

G_BEGIN_DECLS

/* One read of the page: the figures of the period and a slice of the
 * follow-up list, or (@with_figures FALSE) only the slice, when the manager
 * changes N or asks for more rows. */
typedef struct
{
  DaftarPageContext *context;        /* owned */
  guint              days;           /* unviewed after this many days */
  guint              offset;         /* first row of the list to read */
  guint              limit;          /* rows to read */
  gboolean           with_figures;
} DaftarNoticesPageRequest;

DaftarNoticesPageRequest *daftar_notices_page_request_new  (DaftarPageContext        *context,
                                                            guint                     days,
                                                            guint                     offset,
                                                            guint                     limit,
                                                            gboolean                  with_figures);
void                      daftar_notices_page_request_free (DaftarNoticesPageRequest *request);

typedef struct
{
  guint                 days;            /* as asked */
  guint                 offset;          /* as asked */
  gboolean              with_figures;    /* as asked: figures holds the period's figures */
  DaftarNoticesFigures  figures;
  /* With the figures: the period's e-notice read rate over the notices old
   * enough to judge as of today (daftar_query_judged_read_rate), as the
   * Overview and the alerts judge it; NAN and invalid when none is. */
  double                read_rate_judged;
  GDate                 read_rate_last;
  gint64                unviewed_count;  /* the whole list's length; read with offset 0 only */
  GPtrArray            *unviewed;        /* owned: DaftarUnviewedNotice, the slice asked for */
} DaftarNoticesPageFigures;

void                      daftar_notices_page_figures_free (DaftarNoticesPageFigures *figures);

DaftarNoticesPageFigures *daftar_notices_page_query        (DaftarDb                 *db,
                                                            DaftarNoticesPageRequest *request,
                                                            GCancellable             *cancellable,
                                                            GError                  **error);
/* For the worker: @job_data is a DaftarNoticesPageRequest; returns a DaftarNoticesPageFigures. */
gpointer                  daftar_notices_page_query_job    (DaftarDb                 *db,
                                                            gpointer                  job_data,
                                                            GCancellable             *cancellable,
                                                            GError                  **error);

/* The follow-up list of the context's office and today as a CSV file. */
typedef struct
{
  DaftarPageContext *context;   /* owned */
  guint              days;
  GFile             *file;      /* owned */
} DaftarNoticesExport;

DaftarNoticesExport      *daftar_notices_export_new        (DaftarPageContext        *context,
                                                            guint                     days,
                                                            GFile                    *file);
void                      daftar_notices_export_free       (DaftarNoticesExport      *export);

/* Writes the CSV of daftar_notices_export_unviewed_csv() to the file,
 * replacing it only once the whole of it is written: a failed export leaves
 * any earlier file as it was. */
gboolean                  daftar_notices_export_run        (DaftarDb                 *db,
                                                            DaftarNoticesExport      *export,
                                                            GCancellable             *cancellable,
                                                            GError                  **error);
/* For the worker: @job_data is a DaftarNoticesExport; returns its GFile
 * (a new reference) once written. */
gpointer                  daftar_notices_export_job        (DaftarDb                 *db,
                                                            gpointer                  job_data,
                                                            GCancellable             *cancellable,
                                                            GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarNoticesPageRequest, daftar_notices_page_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarNoticesPageFigures, daftar_notices_page_figures_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarNoticesExport, daftar_notices_export_free)

G_END_DECLS
