/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-summary-report.c: the "summary" report — the Overview's key figures for a period. */
#include "config.h"

#include <math.h>

#include "daftar-queries.h"
#include "daftar-summary-report.h"

static void
add_figures (DaftarReport              *report,
             const DaftarPeriodSummary *s)
{
  static const char * const figure_columns[] = { "figure", "value", "standard", NULL };
  const struct { const char *name; double value; double standard; } figures[] = {
    { "cases", s->cases, NAN },
    { "sana_registrations", s->sana_registrations, NAN },
    { "tickets_issued", s->tickets_issued, NAN },
    { "tickets_served", s->tickets_served, NAN },
    { "tickets_no_show", s->tickets_no_show, NAN },
    { "wait_mean_minutes", s->wait_mean_minutes, s->standards.target_wait_minutes },
    { "wait_p90_minutes", s->wait_p90_minutes < 0 ? NAN : s->wait_p90_minutes, s->standards.target_wait_minutes },
    { "served_within_target", s->served_within_target, s->standards.target_service_level },
    { "e_notices_issued", s->e_notices_issued, NAN },
    { "e_notices_viewed", s->e_notices_viewed, NAN },
    { "e_read_rate", s->e_read_rate, s->standards.target_read_rate },
    { "paper_notices_issued", s->paper_notices_issued, NAN },
    { "paper_read_rate", s->paper_read_rate, NAN },
  };
  DaftarReportTable *table = daftar_report_add_table (report, "figures", figure_columns);

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      daftar_report_row_begin (table);
      daftar_report_add_string (table, figures[i].name);
      daftar_report_add_double (table, figures[i].value);
      daftar_report_add_double (table, figures[i].standard);
      daftar_report_row_end (table);
    }
}

gboolean
daftar_summary_report (DaftarDb                  *db,
                       const DaftarReportRequest *request,
                       DaftarReport              *report,
                       GError                   **error)
{
  static const char * const kind_columns[] = { "kind", "cases", NULL };
  DaftarPeriodSummary s;
  DaftarReportTable *table;

  if (!daftar_query_period_summary (db, request->office_code, &request->from, &request->to, &s, error))
    return FALSE;

  add_figures (report, &s);
  table = daftar_report_add_table (report, "cases_by_kind", kind_columns);
  for (guint i = 0; i < DAFTAR_N_CASE_KINDS; i++)
    {
      daftar_report_row_begin (table);
      daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_CASE_KIND, i));
      daftar_report_add_int (table, s.cases_by_kind[i]);
      daftar_report_row_end (table);
    }
  return TRUE;
}
