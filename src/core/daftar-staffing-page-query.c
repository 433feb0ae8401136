/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-staffing-page-query.c: what the staffing advisor on the Shifts page shows — the last weeks' advice for one office. */
#define G_LOG_DOMAIN "daftar-staffing"

#include "config.h"

#include "daftar-staffing-page-query.h"

void
daftar_staffing_panel_figures_free (DaftarStaffingPanelFigures *figures)
{
  if (figures == NULL)
    return;
  g_clear_pointer (&figures->staffing, daftar_staffing_free);
  g_free (figures);
}

DaftarStaffingPanelFigures *
daftar_staffing_panel_query (DaftarDb           *db,
                             DaftarPageContext  *context,
                             GCancellable       *cancellable,
                             GError            **error)
{
  g_autoptr(DaftarStaffingPanelFigures) figures = g_new0 (DaftarStaffingPanelFigures, 1);
  g_autoptr(GError) local_error = NULL;
  GDate to, first, last;

  g_return_val_if_fail (context != NULL, NULL);

  /* Advice looks back from the end of the chosen period, but never from
   * days that have not happened yet, nor from days past the office's last
   * ticket (not synced yet): those would make empty weeks of the window. */
  to = context->period.to;
  if (g_date_valid (&context->today) && g_date_compare (&to, &context->today) > 0)
    to = context->today;
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  if (daftar_staffing_ticket_days (db, context->office_code, &first, &last, &local_error) &&
      g_date_compare (&to, &last) > 0)
    to = last;
  g_clear_error (&local_error);

  figures->staffing = daftar_staffing_compute (db, context->office_code, &to, 0, 0, &local_error);
  if (figures->staffing == NULL &&
      !g_error_matches (local_error, DAFTAR_STAFFING_ERROR, DAFTAR_STAFFING_ERROR_NO_OFFICE))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&figures);
}

gpointer
daftar_staffing_panel_query_job (DaftarDb      *db,
                                 gpointer       job_data,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  return daftar_staffing_panel_query (db, job_data, cancellable, error);
}
