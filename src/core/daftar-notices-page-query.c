/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-notices-page-query.c: what the Notices page shows — the period's read rates, the notices unviewed after N days, and their CSV. */
#define G_LOG_DOMAIN "daftar-notices"

#include "config.h"

#include "daftar-alerts.h"
#include "daftar-notices-page-query.h"
#include "daftar-notices-report.h"

DaftarNoticesPageRequest *
daftar_notices_page_request_new (DaftarPageContext *context,
                                 guint              days,
                                 guint              offset,
                                 guint              limit,
                                 gboolean           with_figures)
{
  DaftarNoticesPageRequest *request;

  g_return_val_if_fail (context != NULL, NULL);

  request = g_new0 (DaftarNoticesPageRequest, 1);
  request->context = daftar_page_context_ref (context);
  request->days = days;
  request->offset = offset;
  request->limit = limit;
  request->with_figures = with_figures;
  return request;
}

void
daftar_notices_page_request_free (DaftarNoticesPageRequest *request)
{
  if (request == NULL)
    return;
  daftar_page_context_unref (request->context);
  g_free (request);
}

void
daftar_notices_page_figures_free (DaftarNoticesPageFigures *figures)
{
  if (figures == NULL)
    return;
  daftar_notices_figures_clear (&figures->figures);
  g_clear_pointer (&figures->unviewed, g_ptr_array_unref);
  g_free (figures);
}

DaftarNoticesPageFigures *
daftar_notices_page_query (DaftarDb                  *db,
                           DaftarNoticesPageRequest  *request,
                           GCancellable              *cancellable,
                           GError                   **error)
{
  g_autoptr(DaftarNoticesPageFigures) f = g_new0 (DaftarNoticesPageFigures, 1);
  DaftarPageContext *context;

  g_return_val_if_fail (request != NULL && request->context != NULL, NULL);

  context = request->context;
  f->days = request->days;
  f->offset = request->offset;
  f->with_figures = request->with_figures;
  if (f->with_figures &&
      (!daftar_notices_query_figures (db, context->office_code, &context->period.from, &context->period.to,
                                      daftar_period_bin (&context->period), &f->figures, error) ||
       !daftar_query_judged_read_rate (db, context->office_code, &context->period.from, &context->period.to,
                                       &context->today, &f->read_rate_judged, &f->read_rate_last, error)))
    return NULL;
  /* Only the first slice counts the list: the rows after it extend it. */
  if (f->offset == 0 &&
      !daftar_notices_query_unviewed_count (db, context->office_code, &context->today, f->days,
                                            &f->unviewed_count, error))
    return NULL;
  f->unviewed = daftar_notices_query_unviewed (db, context->office_code, &context->today, f->days,
                                               f->offset, request->limit, error);
  if (f->unviewed == NULL)
    return NULL;
  return g_steal_pointer (&f);
}

gpointer
daftar_notices_page_query_job (DaftarDb      *db,
                               gpointer       job_data,
                               GCancellable  *cancellable,
                               GError       **error)
{
  return daftar_notices_page_query (db, job_data, cancellable, error);
}

DaftarNoticesExport *
daftar_notices_export_new (DaftarPageContext *context,
                           guint              days,
                           GFile             *file)
{
  DaftarNoticesExport *export;

  g_return_val_if_fail (context != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  export = g_new0 (DaftarNoticesExport, 1);
  export->context = daftar_page_context_ref (context);
  export->days = days;
  export->file = g_object_ref (file);
  return export;
}

void
daftar_notices_export_free (DaftarNoticesExport *export)
{
  if (export == NULL)
    return;
  daftar_page_context_unref (export->context);
  g_clear_object (&export->file);
  g_free (export);
}

gboolean
daftar_notices_export_run (DaftarDb             *db,
                           DaftarNoticesExport  *export,
                           GCancellable         *cancellable,
                           GError              **error)
{
  g_autoptr(GFileOutputStream) out = NULL;

  g_return_val_if_fail (export != NULL, FALSE);

  out = g_file_replace (export->file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (out == NULL)
    return FALSE;
  if (!daftar_notices_export_unviewed_csv (db, export->context->office_code, &export->context->today,
                                           export->days, G_OUTPUT_STREAM (out), error))
    {
      /* Closing with a cancelled cancellable abandons the replacement, so
       * a failed export leaves any earlier file as it was. */
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error);
}

gpointer
daftar_notices_export_job (DaftarDb      *db,
                           gpointer       job_data,
                           GCancellable  *cancellable,
                           GError       **error)
{
  DaftarNoticesExport *export = job_data;

  if (!daftar_notices_export_run (db, export, cancellable, error))
    return NULL;
  return g_object_ref (export->file);
}
