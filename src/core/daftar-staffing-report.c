/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-staffing-report.c: the "staffing" report — the Shifts page's staffing advice, its figures and the capacity verdict. */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "daftar-format.h"
#include "daftar-staffing.h"
#include "daftar-staffing-report.h"
#include "daftar-text.h"
#include "daftar-time.h"

/* Raw weekday names for scripts, in the office week's order. */
static const char *
weekday_key (GDateWeekday weekday)
{
  static const char * const keys[] = {
    "saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
  };

  if (!g_date_valid_weekday (weekday))
    return NULL;
  return keys[daftar_staffing_weekday_row (weekday)];
}

/* The days asked for beside the days judged: the whole weeks, counted
 * back from the last day with tickets, that fit in both. */
static void
add_window (DaftarReport              *report,
            const DaftarReportRequest *request,
            const GDate               *first_data,
            const GDate               *last_data,
            const DaftarStaffing      *s)
{
  static const char * const columns[] = {
    "office_code", "from", "to", "weeks", "requested_from", "requested_to", "data_from", "data_to", NULL
  };
  DaftarReportTable *table = daftar_report_add_table (report, "window", columns);

  daftar_report_row_begin (table);
  daftar_report_add_string (table, s->office_code);
  daftar_report_add_date (table, &s->from);
  daftar_report_add_date (table, &s->to);
  daftar_report_add_int (table, s->weeks);
  daftar_report_add_date (table, &request->from);
  daftar_report_add_date (table, &request->to);
  daftar_report_add_date (table, first_data);
  daftar_report_add_date (table, last_data);
  daftar_report_row_end (table);
}

static void
add_rows (DaftarReport         *report,
          const char           *name,
          const DaftarStaffing *s,
          GArray               *rows)
{
  static const char * const columns[] = {
    "from_weekday", "to_weekday", "shift", "from_hour", "to_hour", "add_counters", "evidence",
    "hours", "hours_observed", "hours_model", "hours_unconfirmed", "hours_unbounded",
    "counters_open_min", "counters_open_max", "counters_needed",
    "predicted_wait_s", "observed_wait_s", "model_fit", "predicted_service_level",
    "advice", "reason", "model_check", "step", NULL
  };
  DaftarReportTable *table = daftar_report_add_table (report, name, columns);

  for (guint i = 0; i < rows->len; i++)
    {
      const DaftarStaffingAdvice *a = &g_array_index (rows, DaftarStaffingAdvice, i);
      g_autofree char *text = daftar_staffing_advice_text (a);
      g_autofree char *reason = daftar_staffing_reason_text (s, a);
      g_autofree char *check = daftar_staffing_model_check_text (a);

      daftar_report_row_begin (table);
      daftar_report_add_string (table, weekday_key (a->first_weekday));
      daftar_report_add_string (table, weekday_key (a->last_weekday));
      daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, a->shift));
      daftar_report_add_int (table, a->from_hour);
      daftar_report_add_int (table, a->to_hour);
      daftar_report_add_int (table, a->add_counters);
      daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_STAFFING_EVIDENCE, a->evidence));
      daftar_report_add_int (table, a->n_hours);
      daftar_report_add_int (table, a->n_observed);
      daftar_report_add_int (table, a->n_model);
      daftar_report_add_int (table, a->n_unconfirmed);
      daftar_report_add_int (table, a->n_unbounded);
      daftar_report_add_int (table, a->counters_open_min);
      daftar_report_add_int (table, a->counters_open_max);
      daftar_report_add_int (table, a->counters_needed);
      /* An unbounded predicted wait (the counters cannot keep up) is empty. */
      daftar_report_add_double (table, a->predicted_wait_s);
      daftar_report_add_double (table, a->observed_wait_s);
      daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_STAFFING_FIT, a->fit));
      daftar_report_add_double (table, a->predicted_service_level);
      daftar_report_add_string (table, text);
      daftar_report_add_string (table, reason);
      daftar_report_add_string (table, check);
      daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_STAFFING_STEP, a->step));
      daftar_report_row_end (table);
    }
}

static void
add_hours (DaftarReport         *report,
           const DaftarStaffing *s)
{
  static const char * const columns[] = {
    "weekday", "hour", "arrivals_per_hour", "mean_service_s", "counters_open",
    "counters_needed", "predicted_wait_s", "observed_wait_s", "predicted_service_level", "evidence", "step", NULL
  };
  DaftarReportTable *table = daftar_report_add_table (report, "hours", columns);

  for (guint i = 0; i < s->hours->len; i++)
    {
      const DaftarStaffingHour *h = &g_array_index (s->hours, DaftarStaffingHour, i);

      daftar_report_row_begin (table);
      daftar_report_add_string (table, weekday_key (h->weekday));
      daftar_report_add_int (table, h->hour);
      daftar_report_add_double (table, h->arrivals_per_hour);
      daftar_report_add_double (table, h->mean_service_s);
      daftar_report_add_double (table, h->counters_open);
      daftar_report_add_int (table, h->counters_needed);
      daftar_report_add_double (table, h->predicted_wait_s);
      daftar_report_add_double (table, h->observed_wait_s);
      daftar_report_add_double (table, h->predicted_service_level);
      daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_STAFFING_EVIDENCE, h->evidence));
      /* Only an hour short of counters is on a step; the others are empty. */
      daftar_report_add_string (table, h->shortfall > 0 ? daftar_enum_to_nick (DAFTAR_TYPE_STAFFING_STEP, h->step) : NULL);
      daftar_report_row_end (table);
    }
}

static void
add_capacity (DaftarReport         *report,
              const DaftarStaffing *s)
{
  static const char * const verdict_columns[] = {
    "reached", "weeks_over_capacity", "weeks", "weeks_required", "max_counters",
    "peak_weekday", "peak_hour", "peak_arrivals_per_hour", "peak_counters_needed", NULL
  };
  static const char * const week_columns[] = {
    "from", "to", "peak_weekday", "peak_hour", "peak_arrivals_per_hour",
    "peak_counters_needed", "over_capacity", NULL
  };
  DaftarReportTable *table = daftar_report_add_table (report, "capacity", verdict_columns);

  daftar_report_row_begin (table);
  daftar_report_add_int (table, s->capacity_reached);
  daftar_report_add_int (table, s->weeks_over_capacity);
  daftar_report_add_int (table, s->weeks);
  daftar_report_add_int (table, s->weeks_required);
  daftar_report_add_int (table, s->max_counters);
  daftar_report_add_string (table, weekday_key (s->peak_weekday));
  daftar_report_add_int (table, s->peak_hour);
  daftar_report_add_double (table, s->peak_arrivals_per_hour);
  daftar_report_add_int (table, s->peak_counters_needed);
  daftar_report_row_end (table);

  table = daftar_report_add_table (report, "capacity_weeks", week_columns);
  for (guint i = 0; i < s->week_checks->len; i++)
    {
      const DaftarStaffingWeek *w = &g_array_index (s->week_checks, DaftarStaffingWeek, i);

      daftar_report_row_begin (table);
      daftar_report_add_date (table, &w->from);
      daftar_report_add_date (table, &w->to);
      daftar_report_add_string (table, weekday_key (w->peak_weekday));
      daftar_report_add_int (table, w->peak_hour);
      daftar_report_add_double (table, w->peak_arrivals_per_hour);
      daftar_report_add_int (table, w->peak_counters_needed);
      daftar_report_add_int (table, w->over_capacity);
      daftar_report_row_end (table);
    }
}

/* Where the office stands on the chain and the evidence for a new office
 * (DaftarStaffingStepSummary): one row, the step empty when it is on none. */
static void
add_step (DaftarReport         *report,
          const DaftarStaffing *s)
{
  static const char * const columns[] = {
    "step", "hours_staff", "hours_counter", "hours_new_office", "most_staff", "most_new_counters",
    "office_counters", "office_counters_known", "max_counters",
    "weeks_over_capacity", "weeks", "weeks_required", "capacity_reached",
    "peak_weekday", "peak_hour", "peak_arrivals_per_hour", "peak_mean_service_s", "peak_counters_needed",
    "capacity_arrivals_per_hour", "second_office_counters", "verdict", NULL
  };
  DaftarReportTable *table = daftar_report_add_table (report, "step", columns);
  DaftarStaffingStepSummary sum;
  g_autofree char *verdict = daftar_staffing_step_text (s);

  daftar_staffing_step_summary (s, &sum);
  daftar_report_row_begin (table);
  daftar_report_add_string (table, sum.has_step ? daftar_enum_to_nick (DAFTAR_TYPE_STAFFING_STEP, sum.step) : NULL);
  daftar_report_add_int (table, sum.hours[DAFTAR_STAFFING_STEP_STAFF]);
  daftar_report_add_int (table, sum.hours[DAFTAR_STAFFING_STEP_COUNTER]);
  daftar_report_add_int (table, sum.hours[DAFTAR_STAFFING_STEP_NEW_OFFICE]);
  daftar_report_add_int (table, sum.most_staff);
  daftar_report_add_int (table, sum.most_new_counters);
  daftar_report_add_int (table, sum.office_counters);
  daftar_report_add_int (table, sum.office_counters_known);
  daftar_report_add_int (table, sum.max_counters);
  daftar_report_add_int (table, sum.weeks_over_capacity);
  daftar_report_add_int (table, sum.weeks);
  daftar_report_add_int (table, sum.weeks_required);
  daftar_report_add_int (table, sum.capacity_reached);
  daftar_report_add_string (table, weekday_key (sum.peak_weekday));
  daftar_report_add_int (table, sum.peak_hour);
  daftar_report_add_double (table, sum.peak_arrivals_per_hour);
  daftar_report_add_double (table, sum.peak_mean_service_s);
  daftar_report_add_int (table, sum.peak_counters_needed);
  daftar_report_add_int (table, sum.capacity_arrivals_per_hour);
  daftar_report_add_int (table, sum.second_office_counters);
  daftar_report_add_string (table, verdict);
  daftar_report_row_end (table);
}

/* A range that runs past the office's tickets, on either side (a manager
 * asking for "since 1300"), is judged on the tickets it holds; the window
 * table says which days those were. */
gboolean
daftar_staffing_report (DaftarDb                  *db,
                        const DaftarReportRequest *request,
                        DaftarReport              *report,
                        GError                   **error)
{
  g_autoptr(DaftarStaffing) s = NULL;
  g_autoptr(GError) local_error = NULL;
  GDate first, last, from, to;
  guint weeks;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  if (!daftar_staffing_ticket_days (db, request->office_code, &first, &last, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (request->office_code != NULL)
        {
          /* The code comes from the command line: shown, never obeyed. */
          g_autofree char *office = daftar_text_printable (request->office_code, 256);

          g_set_error (error, DAFTAR_REPORT_ERROR, DAFTAR_REPORT_ERROR_BAD_RANGE,
                       _("The database holds no queue tickets of office %s to advise on"), office);
        }
      else
        g_set_error_literal (error, DAFTAR_REPORT_ERROR, DAFTAR_REPORT_ERROR_BAD_RANGE,
                             _("The database holds no queue tickets to advise on"));
      return FALSE;
    }

  from = g_date_compare (&request->from, &first) > 0 ? request->from : first;
  to = g_date_compare (&request->to, &last) < 0 ? request->to : last;
  if (g_date_compare (&from, &to) > 0)
    {
      g_autofree char *asked = daftar_format_date_range (&request->from, &request->to);
      g_autofree char *held = daftar_format_date_range (&first, &last);

      g_set_error (error, DAFTAR_REPORT_ERROR, DAFTAR_REPORT_ERROR_BAD_RANGE,
                   _("No queue tickets in the period %s: the database holds them for %s"), asked, held);
      return FALSE;
    }
  /* Whole weeks, the nearest count to the days judged, at least one and
   * no more than the advisor reads: four weeks asked up to a Friday, a day
   * the office is closed, are still four weeks to the Thursday before. */
  weeks = (guint) CLAMP ((g_date_days_between (&from, &to) + 1 + 3) / 7, 1, DAFTAR_STAFFING_MAX_WEEKS);

  s = daftar_staffing_compute (db, request->office_code, &to, weeks, 0, error);
  if (s == NULL)
    return FALSE;

  add_window (report, request, &first, &last, s);
  add_rows (report, "advice", s, s->advice);
  add_rows (report, "model_notes", s, s->model_notes);
  add_hours (report, s);
  add_capacity (report, s);
  add_step (report, s);
  return TRUE;
}
