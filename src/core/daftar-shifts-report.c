/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-shifts-report.c: the "shifts" report — the Shifts page's figures for a period, from the same query. */
#include "config.h"

#include <math.h>

#include "daftar-shifts-query.h"
#include "daftar-shifts-report.h"

/* Heatmap rows, Saturday first as on screen. */
static const char * const weekday_names[DAFTAR_HEATMAP_ROWS] = {
  "saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
};

static const char *
verdict_name (DaftarVerdict verdict)
{
  switch (verdict)
    {
    case DAFTAR_VERDICT_MET:
      return "met";
    case DAFTAR_VERDICT_BREACHED:
      return "breached";
    case DAFTAR_VERDICT_NOT_MEASURED:
    default:
      return "not_measured";
    }
}

static void
add_figures (DaftarReportTable        *table,
             const DaftarShiftFigures *f)
{
  daftar_report_add_int (table, f->issued);
  daftar_report_add_int (table, f->served);
  daftar_report_add_int (table, f->no_show);
  daftar_report_add_int (table, f->cancelled);
  daftar_report_add_double (table, f->wait_mean_minutes);
  daftar_report_add_double (table, f->wait_p90_minutes < 0 ? NAN : f->wait_p90_minutes);
  daftar_report_add_double (table, f->within_target_share);
}

static void
add_shift_tables (DaftarReport           *report,
                  const DaftarShiftsData *d)
{
  static const char * const per_shift_columns[] = {
    "shift", "issued", "served", "no_show", "cancelled", "wait_mean_minutes",
    "wait_p90_minutes", "within_target_share", "staff_shifts", "cases_per_staff", NULL };
  static const char * const per_bin_columns[] = {
    "bin_start", "shift", "issued", "served", "no_show", "cancelled", "wait_mean_minutes",
    "wait_p90_minutes", "within_target_share", NULL };
  static const char * const service_columns[] = { "service", "shift", "services", "mean_minutes", NULL };
  DaftarReportTable *table;

  table = daftar_report_add_table (report, "per_shift", per_shift_columns);
  for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
    {
      daftar_report_row_begin (table);
      daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, s));
      add_figures (table, &d->shift[s]);
      daftar_report_add_int (table, d->staff_shifts[s]);
      daftar_report_add_double (table, daftar_shifts_cases_per_staff (d, s));
      daftar_report_row_end (table);
    }

  table = daftar_report_add_table (report, "per_bin", per_bin_columns);
  for (guint b = 0; b < d->bins->len; b++)
    for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
      {
        const DaftarShiftsBin *bin = &g_array_index (d->bins, DaftarShiftsBin, b);

        daftar_report_row_begin (table);
        daftar_report_add_date (table, &bin->start);
        daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, s));
        add_figures (table, &bin->shift[s]);
        daftar_report_row_end (table);
      }

  table = daftar_report_add_table (report, "service_time", service_columns);
  for (guint k = 0; k < DAFTAR_N_CASE_KINDS; k++)
    for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
      {
        daftar_report_row_begin (table);
        daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_CASE_KIND, k));
        daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, s));
        daftar_report_add_int (table, d->service_n[k][s]);
        daftar_report_add_double (table, daftar_shifts_service_minutes (d, k, s));
        daftar_report_row_end (table);
      }
}

static void
add_heatmap_tables (DaftarReport           *report,
                    const DaftarShiftsData *d)
{
  static const char * const arrival_columns[] = { "weekday", "hour", "open_days", "arrivals", "mean_arrivals", NULL };
  static const char * const wait_columns[] = { "weekday", "hour", "served", "mean_wait_minutes", NULL };
  DaftarReportTable *arrivals = daftar_report_add_table (report, "heatmap_arrivals", arrival_columns);
  DaftarReportTable *waits = daftar_report_add_table (report, "heatmap_wait", wait_columns);

  /* The opening hours only: every hour that issued a ticket on some day. */
  for (guint r = 0; r < DAFTAR_HEATMAP_ROWS && d->first_hour >= 0; r++)
    for (int h = d->first_hour; h <= d->last_hour; h++)
      {
        daftar_report_row_begin (arrivals);
        daftar_report_add_string (arrivals, weekday_names[r]);
        daftar_report_add_int (arrivals, h);
        daftar_report_add_int (arrivals, d->open_days[r]);
        daftar_report_add_int (arrivals, d->arrivals[r][h]);
        daftar_report_add_double (arrivals, daftar_shifts_mean_arrivals (d, r, h));
        daftar_report_row_end (arrivals);

        daftar_report_row_begin (waits);
        daftar_report_add_string (waits, weekday_names[r]);
        daftar_report_add_int (waits, h);
        daftar_report_add_int (waits, d->hour_served[r][h]);
        daftar_report_add_double (waits, daftar_shifts_mean_wait (d, r, h));
        daftar_report_row_end (waits);
      }
}

static void
add_load_tables (DaftarReport           *report,
                 const DaftarShiftsData *d)
{
  static const char * const counter_columns[] = {
    "office_code", "counter", "served_morning", "served_evening", "served", "mean_service_minutes", NULL };
  static const char * const staff_columns[] = {
    "office_code", "staff_id", "name", "served_morning", "served_evening",
    "shifts_morning", "shifts_evening", NULL };
  static const char * const standard_columns[] = { "shift", "standard", "value", "target", "verdict", NULL };
  DaftarReportTable *table;

  table = daftar_report_add_table (report, "per_counter", counter_columns);
  for (guint i = 0; i < d->counters->len; i++)
    {
      const DaftarCounterLoad *c = g_ptr_array_index (d->counters, i);
      gint64 served = c->served[DAFTAR_SHIFT_MORNING] + c->served[DAFTAR_SHIFT_EVENING];

      daftar_report_row_begin (table);
      daftar_report_add_string (table, c->office_code);
      daftar_report_add_int (table, c->counter);
      daftar_report_add_int (table, c->served[DAFTAR_SHIFT_MORNING]);
      daftar_report_add_int (table, c->served[DAFTAR_SHIFT_EVENING]);
      daftar_report_add_int (table, served);
      daftar_report_add_double (table, served > 0 ? (double) c->service_sum_s / served / 60.0 : NAN);
      daftar_report_row_end (table);
    }

  table = daftar_report_add_table (report, "per_staff", staff_columns);
  for (guint i = 0; i < d->staff->len; i++)
    {
      const DaftarStaffLoad *p = g_ptr_array_index (d->staff, i);

      daftar_report_row_begin (table);
      daftar_report_add_string (table, p->office_code);
      daftar_report_add_string (table, p->staff_id);
      daftar_report_add_string (table, p->name);
      daftar_report_add_int (table, p->served[DAFTAR_SHIFT_MORNING]);
      daftar_report_add_int (table, p->served[DAFTAR_SHIFT_EVENING]);
      daftar_report_add_int (table, p->shifts_worked[DAFTAR_SHIFT_MORNING]);
      daftar_report_add_int (table, p->shifts_worked[DAFTAR_SHIFT_EVENING]);
      daftar_report_row_end (table);
    }

  table = daftar_report_add_table (report, "standards", standard_columns);
  for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
    for (guint k = 0; k < DAFTAR_N_SHIFT_STANDARDS; k++)
      {
        const DaftarStandardCheck *c = &d->checks[s][k];

        daftar_report_row_begin (table);
        daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, s));
        daftar_report_add_string (table, daftar_shift_standard_name (k));
        daftar_report_add_double (table, c->value);
        daftar_report_add_double (table, c->target);
        daftar_report_add_string (table, verdict_name (c->verdict));
        daftar_report_row_end (table);
      }
}

gboolean
daftar_shifts_report (DaftarDb                  *db,
                      const DaftarReportRequest *request,
                      DaftarReport              *report,
                      GError                   **error)
{
  g_autoptr(DaftarShiftsData) d = NULL;
  DaftarPeriod period;

  daftar_period_custom (&request->from, &request->to, &period);
  d = daftar_query_shifts (db, request->office_code, &request->from, &request->to,
                           daftar_period_bin (&period), NULL, error);
  if (d == NULL)
    return FALSE;

  add_shift_tables (report, d);
  add_heatmap_tables (report, d);
  add_load_tables (report, d);
  return TRUE;
}
