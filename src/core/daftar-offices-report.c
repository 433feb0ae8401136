/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-offices-report.c: the "offices" report — every office's key figures side by side, as the Overview compares them. */
#include "config.h"

#include "daftar-office-comparison.h"
#include "daftar-offices-report.h"

/* With --office, the table keeps that office's row only, so the figures can
 * be checked against the summary report of the same office. */
gboolean
daftar_offices_report (DaftarDb                  *db,
                       const DaftarReportRequest *request,
                       DaftarReport              *report,
                       GError                   **error)
{
  static const char * const columns[] = {
    "office_code", "name", "cases", "sana_registrations", "tickets_issued", "tickets_served",
    "wait_mean_minutes", "served_within_target", "e_notices_issued", "e_notices_viewed",
    "e_read_rate", NULL
  };
  g_autoptr(GPtrArray) offices = daftar_query_office_comparison (db, &request->from, &request->to, error);
  DaftarReportTable *table;

  if (offices == NULL)
    return FALSE;

  table = daftar_report_add_table (report, "offices", columns);
  for (guint i = 0; i < offices->len; i++)
    {
      const DaftarOfficeFigures *f = g_ptr_array_index (offices, i);

      if (request->office_code != NULL && g_strcmp0 (request->office_code, f->code) != 0)
        continue;
      daftar_report_row_begin (table);
      daftar_report_add_string (table, f->code);
      daftar_report_add_string (table, f->name);
      daftar_report_add_int (table, f->cases);
      daftar_report_add_int (table, f->sana_registrations);
      daftar_report_add_int (table, f->tickets_issued);
      daftar_report_add_int (table, f->tickets_served);
      daftar_report_add_double (table, f->wait_mean_minutes);
      daftar_report_add_double (table, f->served_within_target);
      daftar_report_add_int (table, f->e_notices_issued);
      daftar_report_add_int (table, f->e_notices_viewed);
      daftar_report_add_double (table, f->e_read_rate);
      daftar_report_row_end (table);
    }
  return TRUE;
}
