/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-care-page-query.c: the Client care page's one read, for the window's database thread. */
#define G_LOG_DOMAIN "daftar-care"

#include "config.h"

#include "daftar-care-page-query.h"

void
daftar_care_page_figures_free (DaftarCarePageFigures *figures)
{
  if (figures == NULL)
    return;
  g_clear_pointer (&figures->context, daftar_page_context_unref);
  g_clear_pointer (&figures->figures, daftar_care_figures_free);
  g_free (figures);
}

DaftarCarePageFigures *
daftar_care_page_query (DaftarDb           *db,
                        DaftarPageContext  *context,
                        GCancellable       *cancellable,
                        GError            **error)
{
  g_autoptr(DaftarCarePageFigures) page = g_new0 (DaftarCarePageFigures, 1);

  page->context = daftar_page_context_ref (context);
  page->figures = daftar_care_query (db, context->office_code, &context->period.from, &context->period.to,
                                     cancellable, error);
  if (page->figures == NULL)
    return NULL;
  return g_steal_pointer (&page);
}

gpointer
daftar_care_page_query_job (DaftarDb      *db,
                            gpointer       job_data,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return daftar_care_page_query (db, job_data, cancellable, error);
}
