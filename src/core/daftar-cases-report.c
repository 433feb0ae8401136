/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-cases-report.c: the "cases" report — the Cases page's figures as tables, from the same query. */
#include "config.h"

#include "daftar-cases-query.h"
#include "daftar-cases-report.h"

gboolean
daftar_cases_report (DaftarDb                  *db,
                     const DaftarReportRequest *request,
                     DaftarReport              *report,
                     GError                   **error)
{
  static const char * const bin_columns[] = { "bin_start", "kind", "cases", NULL };
  static const char * const scope_columns[] = { "scope", "cases", NULL };
  static const char * const province_columns[] = { "province", "cases", NULL };
  static const char * const city_columns[] = { "city", "province", "cases", NULL };
  static const char * const status_columns[] = { "status", "cases", NULL };
  static const char * const staff_columns[] = {
    "staff_id", "name", "shift", "cases", "shifts_worked", "per_shift", "busiest_shift",
    "shifts_over", "max_cases_per_staff_shift", NULL
  };
  DaftarPeriod period;
  g_autoptr(DaftarCasesFigures) f = NULL;
  DaftarReportTable *table;

  /* The page bins the same way for the same range. */
  daftar_period_custom (&request->from, &request->to, &period);
  f = daftar_query_cases (db, request->office_code, &request->from, &request->to,
                          daftar_period_bin (&period), NULL, error);
  if (f == NULL)
    return FALSE;

  table = daftar_report_add_table (report, "by_bin_kind", bin_columns);
  for (guint b = 0; b < f->bins->len; b++)
    {
      const DaftarCasesBin *bin = &g_array_index (f->bins, DaftarCasesBin, b);

      for (guint k = 0; k < DAFTAR_N_CASE_KINDS; k++)
        {
          daftar_report_row_begin (table);
          daftar_report_add_date (table, &bin->start);
          daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_CASE_KIND, k));
          daftar_report_add_int (table, bin->by_kind[k]);
          daftar_report_row_end (table);
        }
    }

  table = daftar_report_add_table (report, "by_destination_scope", scope_columns);
  for (guint s = 0; s < DAFTAR_N_DEST_SCOPES; s++)
    {
      daftar_report_row_begin (table);
      daftar_report_add_string (table, daftar_dest_scopes[s]);
      daftar_report_add_int (table, f->by_scope[s]);
      daftar_report_row_end (table);
    }

  table = daftar_report_add_table (report, "top_provinces", province_columns);
  for (guint i = 0; i < f->top_provinces->len; i++)
    {
      const DaftarCasesPlace *p = g_ptr_array_index (f->top_provinces, i);

      daftar_report_row_begin (table);
      daftar_report_add_string (table, p->name);
      daftar_report_add_int (table, p->cases);
      daftar_report_row_end (table);
    }

  table = daftar_report_add_table (report, "top_cities", city_columns);
  for (guint i = 0; i < f->top_cities->len; i++)
    {
      const DaftarCasesPlace *p = g_ptr_array_index (f->top_cities, i);

      daftar_report_row_begin (table);
      daftar_report_add_string (table, p->name);
      daftar_report_add_string (table, p->province);
      daftar_report_add_int (table, p->cases);
      daftar_report_row_end (table);
    }

  table = daftar_report_add_table (report, "by_status", status_columns);
  for (guint s = 0; s < DAFTAR_N_CASE_STATUSES; s++)
    {
      daftar_report_row_begin (table);
      daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_CASE_STATUS, s));
      daftar_report_add_int (table, f->by_status[s]);
      daftar_report_row_end (table);
    }

  table = daftar_report_add_table (report, "per_staff_shift", staff_columns);
  for (guint i = 0; i < f->staff_shifts->len; i++)
    {
      const DaftarCasesStaffShift *s = g_ptr_array_index (f->staff_shifts, i);

      daftar_report_row_begin (table);
      daftar_report_add_string (table, s->staff_id);
      daftar_report_add_string (table, s->name);
      daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, s->shift));
      daftar_report_add_int (table, s->cases);
      daftar_report_add_int (table, s->shifts_worked);
      daftar_report_add_double (table, s->per_shift);
      daftar_report_add_int (table, s->busiest_shift);
      daftar_report_add_int (table, s->shifts_over);
      daftar_report_add_double (table, f->standards.max_cases_per_staff_shift);
      daftar_report_row_end (table);
    }
  return TRUE;
}
