/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-care-report.c: the "care" report — the Client care page's figures for a period, from the same query, and never a client's comment. */
#include "config.h"

#include <math.h>

#include "daftar-care.h"
#include "daftar-care-report.h"
#include "daftar-time.h"

/* Heatmap rows, Saturday first as on screen (as the shifts report). */
static const char * const weekday_names[DAFTAR_CARE_N_WEEKDAYS] = {
  "saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
};

static void
add_summary (DaftarReport            *report,
             const DaftarCareFigures *f)
{
  static const char * const columns[] = {
    "from", "to",
    "called", "out_of_turn", "out_of_turn_share", "tickets_jumped", "max_out_of_turn_share",
    "open_days", "days_over_seats", "peak_waiting", "peak_day", "peak_hour", "waiting_room_seats",
    "open_counter_minutes", "idle_minutes", "idle_share",
    "ratings", "mean_rating", "target_rating", "served", "response_rate",
    NULL
  };
  DaftarReportTable *table = daftar_report_add_table (report, "summary", columns);

  daftar_report_row_begin (table);
  daftar_report_add_date (table, &f->from);
  daftar_report_add_date (table, &f->to);
  daftar_report_add_int (table, f->out_of_turn.total.called);
  daftar_report_add_int (table, f->out_of_turn.total.out_of_turn);
  daftar_report_add_double (table, f->out_of_turn.total.share);
  daftar_report_add_int (table, f->out_of_turn.total.jumped);
  daftar_report_add_double (table, f->standards.max_out_of_turn_share);
  daftar_report_add_int (table, f->crowding.days);
  daftar_report_add_int (table, f->crowding.days_over);
  daftar_report_add_int (table, f->crowding.peak);
  if (g_date_valid (&f->crowding.peak_day))
    daftar_report_add_date (table, &f->crowding.peak_day);
  else
    daftar_report_add_string (table, NULL);
  if (f->crowding.peak_hour >= 0)
    daftar_report_add_int (table, f->crowding.peak_hour);
  else
    daftar_report_add_string (table, NULL);
  daftar_report_add_int (table, f->crowding.seats);
  daftar_report_add_double (table, f->idle.open_s / 60.0);
  daftar_report_add_double (table, f->idle.idle_s / 60.0);
  daftar_report_add_double (table, f->idle.share);
  daftar_report_add_int (table, f->satisfaction.n);
  daftar_report_add_double (table, f->satisfaction.mean);
  daftar_report_add_double (table, f->standards.target_rating);
  daftar_report_add_int (table, f->satisfaction.served);
  daftar_report_add_double (table, f->satisfaction.response_rate);
  daftar_report_row_end (table);
}

static void
add_out_of_turn (DaftarReport            *report,
                 const DaftarCareFigures *f)
{
  static const char * const staff_columns[] = {
    "staff_id", "staff_name", "called", "out_of_turn", "out_of_turn_share", "tickets_jumped", NULL
  };
  static const char * const worst_columns[] = {
    "office_code", "ticket_id", "number", "called_at", "shift", "service", "staff_id", "staff_name",
    "counter", "tickets_jumped", "first_jumped_waited_minutes", NULL
  };
  DaftarReportTable *table = daftar_report_add_table (report, "out_of_turn_by_staff", staff_columns);

  for (guint i = 0; i < f->out_of_turn.by_staff->len; i++)
    {
      const DaftarOutOfTurnGroup *g = g_ptr_array_index (f->out_of_turn.by_staff, i);

      daftar_report_row_begin (table);
      daftar_report_add_string (table, g->staff_id);
      daftar_report_add_string (table, g->staff_name);
      daftar_report_add_int (table, g->count.called);
      daftar_report_add_int (table, g->count.out_of_turn);
      daftar_report_add_double (table, g->count.share);
      daftar_report_add_int (table, g->count.jumped);
      daftar_report_row_end (table);
    }

  table = daftar_report_add_table (report, "out_of_turn_worst", worst_columns);
  for (guint i = 0; i < f->out_of_turn.worst->len; i++)
    {
      const DaftarOutOfTurnInstance *w = g_ptr_array_index (f->out_of_turn.worst, i);
      g_autofree char *called_at = daftar_time_format_rfc3339 (w->called_at);

      daftar_report_row_begin (table);
      daftar_report_add_string (table, w->office_code);
      daftar_report_add_string (table, w->ticket_id);
      if (w->number >= 0)
        daftar_report_add_int (table, w->number);
      else
        daftar_report_add_string (table, NULL);
      daftar_report_add_string (table, called_at);
      daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, w->shift));
      daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_CASE_KIND, w->service));
      daftar_report_add_string (table, w->staff_id);
      daftar_report_add_string (table, w->staff_name);
      if (w->counter >= 0)
        daftar_report_add_int (table, w->counter);
      else
        daftar_report_add_string (table, NULL);
      daftar_report_add_int (table, w->jumped);
      daftar_report_add_double (table, w->first_waited_s / 60.0);
      daftar_report_row_end (table);
    }
}

static void
add_crowding (DaftarReport            *report,
              const DaftarCareFigures *f)
{
  static const char * const columns[] = {
    "weekday", "hour", "open_days", "peak_max", "peak_mean", "mean_waiting", "days_over_seats",
    "share_over_seats", NULL
  };
  DaftarReportTable *table = daftar_report_add_table (report, "crowding_by_hour", columns);

  for (int r = 0; r < DAFTAR_CARE_N_WEEKDAYS; r++)
    for (int h = 0; h < DAFTAR_CARE_N_HOURS; h++)
      {
        const DaftarCrowdingCell *cell = &f->crowding.cells[r][h];

        /* A weekday the office never opened, or an hour nobody waited in
         * on any day, says nothing. */
        if (cell->days == 0 || cell->peak_max == 0)
          continue;
        daftar_report_row_begin (table);
        daftar_report_add_string (table, weekday_names[r]);
        daftar_report_add_int (table, h);
        daftar_report_add_int (table, cell->days);
        daftar_report_add_int (table, cell->peak_max);
        daftar_report_add_double (table, cell->peak_mean);
        daftar_report_add_double (table, cell->mean_waiting);
        daftar_report_add_int (table, cell->days_over);
        daftar_report_add_double (table, cell->share_over);
        daftar_report_row_end (table);
      }
}

static void
add_idle (DaftarReport            *report,
          const DaftarCareFigures *f)
{
  static const char * const columns[] = {
    "counter", "shift", "shifts_open", "open_minutes", "idle_minutes", "idle_share",
    "idle_minutes_per_shift", NULL
  };
  DaftarReportTable *table = daftar_report_add_table (report, "idle_by_counter", columns);

  for (guint i = 0; i < f->idle.by_counter->len; i++)
    {
      const DaftarIdleRow *row = g_ptr_array_index (f->idle.by_counter, i);

      daftar_report_row_begin (table);
      daftar_report_add_int (table, row->counter);
      daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, row->shift));
      daftar_report_add_int (table, row->shifts);
      daftar_report_add_double (table, row->open_s / 60.0);
      daftar_report_add_double (table, row->idle_s / 60.0);
      daftar_report_add_double (table, row->share);
      daftar_report_add_double (table, row->idle_minutes_per_shift);
      daftar_report_row_end (table);
    }
}

static void
add_ratings (DaftarReport            *report,
             const DaftarCareFigures *f)
{
  static const char * const rating_columns[] = { "rating", "ratings", "share", NULL };
  static const char * const wait_columns[] = {
    "wait_band", "lower_minutes", "upper_minutes", "ratings", "mean_rating", NULL
  };
  const DaftarSatisfactionFigures *s = &f->satisfaction;
  DaftarReportTable *table = daftar_report_add_table (report, "ratings", rating_columns);

  for (int r = DAFTAR_RATING_MIN; r <= DAFTAR_RATING_MAX; r++)
    {
      daftar_report_row_begin (table);
      daftar_report_add_int (table, r);
      daftar_report_add_int (table, s->by_rating[r]);
      daftar_report_add_double (table, s->n > 0 ? (double) s->by_rating[r] / s->n : NAN);
      daftar_report_row_end (table);
    }

  table = daftar_report_add_table (report, "rating_by_wait", wait_columns);
  for (guint b = 0; b < DAFTAR_N_WAIT_BANDS; b++)
    {
      daftar_report_row_begin (table);
      daftar_report_add_string (table, daftar_wait_band_key (b));
      daftar_report_add_int (table, daftar_wait_band_lower_minutes (b));
      if (daftar_wait_band_upper_minutes (b) >= 0)
        daftar_report_add_int (table, daftar_wait_band_upper_minutes (b));
      else
        daftar_report_add_string (table, NULL);
      daftar_report_add_int (table, s->by_wait_band[b].n);
      daftar_report_add_double (table, s->by_wait_band[b].mean);
      daftar_report_row_end (table);
    }
}

gboolean
daftar_care_report (DaftarDb                  *db,
                    const DaftarReportRequest *request,
                    DaftarReport              *report,
                    GError                   **error)
{
  g_autoptr(DaftarCareFigures) figures = daftar_care_query (db, request->office_code, &request->from, &request->to,
                                                            NULL, error);

  if (figures == NULL)
    return FALSE;
  add_summary (report, figures);
  add_out_of_turn (report, figures);
  add_crowding (report, figures);
  add_idle (report, figures);
  add_ratings (report, figures);
  return TRUE;
}
