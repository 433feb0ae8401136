/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-overview-page-query.c: what the Overview shows — today's and the period's key figures, the alerts and the offices compared. */
#define G_LOG_DOMAIN "daftar-overview"

#include "config.h"

#include "daftar-alerts.h"
#include "daftar-annotations.h"
#include "daftar-holidays.h"
#include "daftar-office-comparison.h"
#include "daftar-overview-page-query.h"

void
daftar_overview_figures_free (DaftarOverviewFigures *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->holiday_name);
  g_clear_pointer (&figures->alerts, g_ptr_array_unref);
  g_clear_pointer (&figures->rollups, g_ptr_array_unref);
  g_clear_pointer (&figures->annotations, g_ptr_array_unref);
  g_clear_pointer (&figures->offices, g_ptr_array_unref);
  g_clear_pointer (&figures->comparison, g_ptr_array_unref);
  g_free (figures);
}

static gboolean
read_figures (DaftarDb               *db,
              DaftarPageContext      *context,
              DaftarOverviewFigures  *f,
              GCancellable           *cancellable,
              GError                **error)
{
  const char *office = context->office_code;
  const DaftarPeriod *period = &context->period;
  DaftarPeriod previous;

  daftar_period_previous (period, &previous);
  if (!daftar_query_period_summary (db, office, &context->today, &context->today, &f->day, error) ||
      !daftar_query_period_summary (db, office, &period->from, &period->to, &f->period, error) ||
      !daftar_query_period_summary (db, office, &previous.from, &previous.to, &f->previous, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Every breached day, rolled up: the page lists a few rows per shift
   * rather than one per day, and opens the days on demand. */
  if (!daftar_query_alert_rollups (db, office, &period->from, &period->to, context->now, &context->today,
                                   &f->alerts, &f->rollups, error) ||
      !daftar_query_judged_read_rate (db, office, &period->from, &period->to, &context->today,
                                      &f->read_rate_judged, &f->read_rate_last, error))
    return FALSE;
  f->annotations = daftar_annotations_for_period (db, office, &period->from, &period->to, error);
  if (f->annotations == NULL)
    return FALSE;
  f->offices = daftar_query_offices (db, error);
  if (f->offices == NULL)
    return FALSE;
  /* "All offices" compares them, when there is more than one to compare. */
  if (office == NULL && f->offices->len > 1)
    {
      f->comparison = daftar_query_office_comparison (db, &period->from, &period->to, error);
      if (f->comparison == NULL)
        return FALSE;
    }
  return daftar_query_holiday_name (db, &context->today, &f->holiday_name, error);
}

DaftarOverviewFigures *
daftar_overview_query (DaftarDb           *db,
                       DaftarPageContext  *context,
                       GCancellable       *cancellable,
                       GError            **error)
{
  g_autoptr(DaftarOverviewFigures) f = g_new0 (DaftarOverviewFigures, 1);

  g_return_val_if_fail (context != NULL, NULL);

  if (!read_figures (db, context, f, cancellable, error))
    return NULL;
  return g_steal_pointer (&f);
}

gpointer
daftar_overview_query_job (DaftarDb      *db,
                           gpointer       job_data,
                           GCancellable  *cancellable,
                           GError       **error)
{
  return daftar_overview_query (db, job_data, cancellable, error);
}
