/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-staffing.c: the staffing advisor's figures — hourly load per weekday, counters needed, advice blocks, capacity weeks, what-if. */
#define G_LOG_DOMAIN "daftar-staffing"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "daftar-format.h"
#include "daftar-records.h"
#include "daftar-sql.h"
#include "daftar-staffing-private.h"
#include "daftar-sum.h"
#include "daftar-text.h"
#include "daftar-time.h"

G_DEFINE_QUARK (daftar-staffing-error-quark, daftar_staffing_error)

#define N_ROWS  DAFTAR_STAFFING_N_ROWS
#define N_HOURS DAFTAR_STAFFING_N_HOURS

/* Sums over the window for one weekday row and hour. */
typedef struct
{
  gint64 arrivals;
  gint64 served;
  gint64 wait_sum_s;
  gint64 service_sum_s;
  gint64 counters_sum;
} HourSums;

guint
daftar_staffing_weekday_row (GDateWeekday weekday)
{
  g_return_val_if_fail (g_date_valid_weekday (weekday), 0);
  /* GDateWeekday runs Monday = 1 .. Sunday = 7; the office week starts on Saturday. */
  return ((guint) weekday + 1) % 7;
}

GDateWeekday
daftar_staffing_row_weekday (guint row)
{
  g_return_val_if_fail (row < N_ROWS, G_DATE_BAD_WEEKDAY);
  return (GDateWeekday) ((row + 5) % 7 + 1);
}

void
daftar_staffing_free (DaftarStaffing *staffing)
{
  if (staffing == NULL)
    return;
  g_free (staffing->office_code);
  g_clear_pointer (&staffing->hours, g_array_unref);
  g_clear_pointer (&staffing->advice, g_array_unref);
  g_clear_pointer (&staffing->model_notes, g_array_unref);
  g_clear_pointer (&staffing->week_checks, g_array_unref);
  g_free (staffing);
}

/* The counters the standards need at this load. The search goes past
 * max_counters on purpose, so the capacity verdict can say by how much an
 * hour exceeds the allowed counters, not only that it does; but only by
 * DAFTAR_STAFFING_SEARCH_MARGIN and never past the ceiling, since every
 * step is work on the database thread for every hour of the window. */
guint
daftar_staffing_counters_needed (const DaftarStaffing *s,
                                 double                arrivals_per_hour,
                                 double                mean_service_s)
{
  DaftarStaffingTarget target = {
    .arrival_rate_per_hour = arrivals_per_hour,
    .mean_service_seconds = mean_service_s,
    .target_wait_seconds = s->standards.target_wait_minutes * 60.0,
    .target_service_level = s->standards.target_service_level,
    .occupancy_cap = s->standards.occupancy_cap,
    .max_counters = MIN (MAX (s->max_counters, 1u) + DAFTAR_STAFFING_SEARCH_MARGIN,
                         DAFTAR_STAFFING_SEARCH_CEILING),
  };
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (isnan (mean_service_s) || arrivals_per_hour <= 0.0)
    return 0;
  if (!daftar_erlang_counters_needed (&target, &n, NULL, &error))
    {
      /* Unreachable within the generous bound: report one past it. Invalid
       * standards (a bad value from the server) leave the hour unassessed. */
      if (g_error_matches (error, DAFTAR_ERLANG_ERROR, DAFTAR_ERLANG_ERROR_UNREACHABLE))
        return target.max_counters + 1;
      g_debug ("No staffing target: %s", error->message);
      return 0;
    }
  return n;
}

/* Zero counters or an unstable queue give an infinite wait: the queue
 * grows for as long as the load lasts. */
void
daftar_staffing_forecast (const DaftarStaffing *s,
                          double                arrivals_per_hour,
                          double                mean_service_s,
                          guint                 counters,
                          DaftarQueueForecast  *out)
{
  DaftarQueueParams params = {
    .arrival_rate_per_hour = arrivals_per_hour,
    .mean_service_seconds = mean_service_s,
    .counters = counters,
    .target_wait_seconds = s->standards.target_wait_minutes * 60.0,
  };

  if (counters == 0 || !daftar_erlang_forecast (&params, out, NULL))
    {
      out->traffic_erlangs = daftar_erlang_traffic (arrivals_per_hour, mean_service_s);
      out->stable = FALSE;
      out->probability_of_waiting = 1.0;
      out->service_level = 0.0;
      out->average_wait_seconds = INFINITY;
      out->occupancy = counters > 0 ? out->traffic_erlangs / counters : INFINITY;
    }
}

/* Ingest keeps standards within their ranges now, but a database filled
 * before may hold anything: max_counters 1e9 with occupancy_cap 1e-9 would
 * make every hour's search walk the whole bound. The advisor works with
 * the values brought within range. */
static void
clamp_standards (DaftarStandards *std)
{
  const struct { const char *key; double *value; } fields[] = {
    { "target_wait_minutes", &std->target_wait_minutes },
    { "target_service_level", &std->target_service_level },
    { "target_read_rate", &std->target_read_rate },
    { "max_cases_per_staff_shift", &std->max_cases_per_staff_shift },
    { "occupancy_cap", &std->occupancy_cap },
    { "max_counters", &std->max_counters },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    *fields[i].value = daftar_standard_clamp (daftar_standard_range (fields[i].key), *fields[i].value);
}

static gboolean
resolve_office (DaftarDb    *db,
                const char  *office_code,
                char       **out_code,
                GError     **error)
{
  sqlite3_stmt *stmt;
  int n = 0, rc;

  if (office_code != NULL)
    {
      *out_code = g_strdup (office_code);
      return TRUE;
    }
  /* Counters are not shared between offices, so a staffing figure summed
   * over offices would mean nothing: take the office only when it is the
   * only one. */
  stmt = daftar_db_prepare (db, "SELECT code FROM offices ORDER BY code LIMIT 2", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (n++ == 0)
        *out_code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_clear_pointer (out_code, g_free);
      daftar_db_set_error (db, error, _("Reading the offices"));
      return FALSE;
    }
  if (n != 1)
    {
      g_clear_pointer (out_code, g_free);
      g_set_error_literal (error, DAFTAR_STAFFING_ERROR, DAFTAR_STAFFING_ERROR_NO_OFFICE,
                           n == 0 ? _("The database holds no office")
                                  : _("Staffing is advised per office: choose one"));
      return FALSE;
    }
  return TRUE;
}

/* Sets s->office_counters from offices.counters; *@out_known is FALSE,
 * and nothing set, when the office has no row or its row gives no count. */
static gboolean
read_office_counters (DaftarDb       *db,
                      DaftarStaffing *s,
                      gboolean       *out_known,
                      GError        **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, "SELECT counters FROM offices WHERE code = ?1", error);
  int rc;

  *out_known = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, s->office_code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_INTEGER &&
      sqlite3_column_int64 (stmt, 0) > 0)
    {
      /* Ingest holds a count of counters to 1000. */
      s->office_counters = (guint) MIN (sqlite3_column_int64 (stmt, 0), 1000);
      *out_known = TRUE;
    }
  if (rc == SQLITE_ROW)
    rc = SQLITE_DONE;
  return daftar_sql_finish (db, stmt, rc, "Reading the office's counters", error);
}

/* Reads the window's hourly rows into per-weekday sums and per-day arrivals
 * (@day_arrivals[day index * 24 + hour], day 0 = the window's first day). */
static gboolean
read_hours (DaftarDb       *db,
            DaftarStaffing *s,
            HourSums        sums[N_ROWS][N_HOURS],
            gint64         *day_arrivals,
            guint          *most_open,
            GError        **error)
{
  static const char sql[] =
    "SELECT day, hour, arrivals, served, wait_sum_s, service_sum_s, counters_open "
    "FROM hourly_tickets WHERE office_code = ?1 AND day >= ?2 AND day <= ?3";
  sqlite3_stmt *stmt = daftar_db_prepare (db, sql, error);
  char from[11], to[11];
  guint32 first = g_date_get_julian (&s->from);
  int rc;

  if (stmt == NULL)
    return FALSE;
  daftar_time_format_day (&s->from, from);
  daftar_time_format_day (&s->to, to);
  sqlite3_bind_text (stmt, 1, s->office_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate day;
      int hour = sqlite3_column_int (stmt, 1);
      HourSums *h;

      if (!daftar_time_parse_day ((const char *) sqlite3_column_text (stmt, 0), &day) ||
          hour < 0 || hour >= N_HOURS)
        continue;
      h = &sums[daftar_staffing_weekday_row (g_date_get_weekday (&day))][hour];
      h->arrivals += sqlite3_column_int64 (stmt, 2);
      h->served += sqlite3_column_int64 (stmt, 3);
      h->wait_sum_s = daftar_sum_add (h->wait_sum_s, sqlite3_column_int64 (stmt, 4));
      h->service_sum_s = daftar_sum_add (h->service_sum_s, sqlite3_column_int64 (stmt, 5));
      h->counters_sum += sqlite3_column_int64 (stmt, 6);
      *most_open = MAX (*most_open, (guint) CLAMP (sqlite3_column_int64 (stmt, 6), 0, G_MAXUINT));
      day_arrivals[(g_date_get_julian (&day) - first) * N_HOURS + hour] += sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Reading the hourly tickets"));
      return FALSE;
    }
  return TRUE;
}

static void
fill_hours (DaftarStaffing *s,
            HourSums        sums[N_ROWS][N_HOURS],
            const guint     open_days[N_ROWS])
{
  gint64 all_served = 0, all_service = 0;
  double fallback_service;

  for (guint r = 0; r < N_ROWS; r++)
    for (guint h = 0; h < N_HOURS; h++)
      {
        all_served += sums[r][h].served;
        all_service = daftar_sum_add (all_service, sums[r][h].service_sum_s);
      }
  /* An hour whose every ticket was cancelled still had clients; it is
   * modelled with the window's mean service time. */
  fallback_service = all_served > 0 ? (double) all_service / all_served : NAN;

  for (guint r = 0; r < N_ROWS; r++)
    for (guint h = 0; h < N_HOURS; h++)
      {
        const HourSums *sum = &sums[r][h];
        DaftarStaffingHour hour = { 0 };
        DaftarQueueForecast f;

        if (sum->arrivals == 0 || open_days[r] == 0)
          continue;
        hour.weekday = daftar_staffing_row_weekday (r);
        hour.hour = h;
        hour.open_days = open_days[r];
        hour.arrivals = sum->arrivals;
        hour.served = sum->served;
        hour.arrivals_per_hour = (double) sum->arrivals / open_days[r];
        hour.mean_service_s = sum->served > 0 ? (double) sum->service_sum_s / sum->served : fallback_service;
        hour.counters_open = (double) sum->counters_sum / open_days[r];
        hour.counters_typical = (guint) lround (hour.counters_open);
        hour.counters_needed = daftar_staffing_counters_needed (s, hour.arrivals_per_hour, hour.mean_service_s);
        hour.shortfall = (int) hour.counters_needed - (int) hour.counters_typical;
        hour.observed_wait_s = sum->served > 0 ? (double) sum->wait_sum_s / sum->served : NAN;
        if (isnan (hour.mean_service_s))
          {
            hour.predicted_wait_s = hour.predicted_service_level = hour.predicted_occupancy = NAN;
            hour.shortfall = 0;
          }
        else
          {
            daftar_staffing_forecast (s, hour.arrivals_per_hour, hour.mean_service_s, hour.counters_typical, &f);
            hour.predicted_wait_s = f.average_wait_seconds;
            hour.predicted_service_level = f.service_level;
            hour.predicted_occupancy = f.occupancy;
          }
        hour.evidence = daftar_staffing_hour_evidence (s, &hour);
        daftar_staffing_hour_chain (s, &hour);
        g_array_append_val (s->hours, hour);
      }
}

/* Each of the last weeks is judged on its own days: the hour's arrivals
 * that day, served at the window's mean service time of that weekday and
 * hour (one day's service times are too few to stand alone). */
static void
fill_capacity (DaftarStaffing *s,
               const gint64   *day_arrivals)
{
  for (guint w = 0; w < s->weeks; w++)
    {
      DaftarStaffingWeek week = { .peak_weekday = G_DATE_BAD_WEEKDAY };

      week.from = s->from;
      g_date_add_days (&week.from, w * 7);
      week.to = week.from;
      g_date_add_days (&week.to, 6);
      for (guint d = 0; d < 7; d++)
        {
          GDate day = week.from;
          GDateWeekday weekday;

          g_date_add_days (&day, d);
          weekday = g_date_get_weekday (&day);
          for (guint h = 0; h < N_HOURS; h++)
            {
              gint64 n = day_arrivals[(w * 7 + d) * N_HOURS + h];
              const DaftarStaffingHour *mean = daftar_staffing_find_hour (s, weekday, h);
              guint needed;

              if (n == 0 || mean == NULL)
                continue;
              needed = daftar_staffing_counters_needed (s, (double) n, mean->mean_service_s);
              if (needed > week.peak_counters_needed ||
                  (needed == week.peak_counters_needed && n > week.peak_arrivals_per_hour))
                {
                  week.peak_counters_needed = needed;
                  week.peak_arrivals_per_hour = n;
                  week.peak_weekday = weekday;
                  week.peak_hour = h;
                }
            }
        }
      week.over_capacity = week.peak_counters_needed > s->max_counters;
      if (week.over_capacity)
        s->weeks_over_capacity++;
      g_array_append_val (s->week_checks, week);
    }
  s->capacity_reached = s->weeks_over_capacity >= s->weeks_required;

  s->peak_weekday = G_DATE_BAD_WEEKDAY;
  for (guint i = 0; i < s->hours->len; i++)
    {
      const DaftarStaffingHour *h = &g_array_index (s->hours, DaftarStaffingHour, i);
      if (h->counters_needed > s->peak_counters_needed ||
          (h->counters_needed == s->peak_counters_needed && h->arrivals_per_hour > s->peak_arrivals_per_hour))
        {
          s->peak_counters_needed = h->counters_needed;
          s->peak_arrivals_per_hour = h->arrivals_per_hour;
          s->peak_weekday = h->weekday;
          s->peak_hour = h->hour;
        }
    }
}

DaftarStaffing *
daftar_staffing_compute (DaftarDb    *db,
                         const char  *office_code,
                         const GDate *to,
                         guint        weeks,
                         guint        weeks_required,
                         GError     **error)
{
  g_autoptr(DaftarStaffing) s = g_new0 (DaftarStaffing, 1);
  g_autofree gint64 *day_arrivals = NULL;
  HourSums sums[N_ROWS][N_HOURS] = { { { 0 } } };
  guint open_days[N_ROWS] = { 0 };
  guint most_open = 0;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (weeks == 0)
    weeks = DAFTAR_STAFFING_DEFAULT_WEEKS;
  /* Three of four by default: the same three quarters for other windows. */
  if (weeks_required == 0)
    weeks_required = (3 * weeks + 3) / 4;
  if (weeks > DAFTAR_STAFFING_MAX_WEEKS)
    {
      /* A report over more than ten years asks for this. */
      g_autofree char *most = daftar_format_int (DAFTAR_STAFFING_MAX_WEEKS);
      g_autofree char *asked = daftar_format_int (weeks);

      g_set_error (error, DAFTAR_STAFFING_ERROR, DAFTAR_STAFFING_ERROR_INVALID,
                   _("Staffing is advised from at most %s weeks, not %s"), most, asked);
      return NULL;
    }
  if (weeks_required > weeks)
    {
      /* Only a caller's mistake gets here, never a user: English, for logs. */
      g_set_error (error, DAFTAR_STAFFING_ERROR, DAFTAR_STAFFING_ERROR_INVALID,
                   "Cannot judge %u of %u weeks", weeks_required, weeks);
      return NULL;
    }

  s->weeks = weeks;
  s->weeks_required = weeks_required;
  s->to = *to;
  s->from = *to;
  g_date_subtract_days (&s->from, weeks * 7 - 1);
  s->hours = g_array_new (FALSE, TRUE, sizeof (DaftarStaffingHour));
  s->advice = g_array_new (FALSE, TRUE, sizeof (DaftarStaffingAdvice));
  s->model_notes = g_array_new (FALSE, TRUE, sizeof (DaftarStaffingAdvice));
  s->week_checks = g_array_new (FALSE, TRUE, sizeof (DaftarStaffingWeek));

  if (!resolve_office (db, office_code, &s->office_code, error) ||
      !daftar_query_standards (db, &s->standards, error))
    {
      g_prefix_error (error, _("Staffing: "));
      return NULL;
    }
  clamp_standards (&s->standards);
  s->max_counters = (guint) s->standards.max_counters;

  day_arrivals = g_new0 (gint64, (gsize) weeks * 7 * N_HOURS);
  if (!read_office_counters (db, s, &s->office_counters_known, error) ||
      !read_hours (db, s, sums, day_arrivals, &most_open, error))
    {
      g_autofree char *office = daftar_text_isolate (s->office_code);

      g_prefix_error (error, _("Staffing of office %s: "), office);
      return NULL;
    }
  /* An office whose record gives no count has at least the counters seen
   * serving in one hour; taking that many keeps an hour whose counters
   * were all busy from reading as unstaffed. */
  if (!s->office_counters_known)
    s->office_counters = most_open;

  /* A weekday's open days are those with any ticket: holidays and Fridays
   * would otherwise pull every mean down. */
  for (guint d = 0; d < weeks * 7; d++)
    {
      gint64 total = 0;
      GDate day = s->from;

      for (guint h = 0; h < N_HOURS; h++)
        total += day_arrivals[d * N_HOURS + h];
      g_date_add_days (&day, d);
      if (total > 0)
        open_days[daftar_staffing_weekday_row (g_date_get_weekday (&day))]++;
    }

  fill_hours (s, sums, open_days);
  daftar_staffing_fill_advice (s);
  fill_capacity (s, day_arrivals);
  return g_steal_pointer (&s);
}

gboolean
daftar_staffing_ticket_days (DaftarDb    *db,
                             const char  *office_code,
                             GDate       *out_first,
                             GDate       *out_last,
                             GError     **error)
{
  g_autofree char *code = NULL;
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int rc;

  g_return_val_if_fail (db != NULL && out_first != NULL && out_last != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!resolve_office (db, office_code, &code, error))
    return FALSE;
  stmt = daftar_db_prepare (db, "SELECT min(day), max(day) FROM hourly_tickets "
                                "WHERE office_code = ?1 AND arrivals > 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    found = daftar_time_parse_day ((const char *) sqlite3_column_text (stmt, 0), out_first) &&
            daftar_time_parse_day ((const char *) sqlite3_column_text (stmt, 1), out_last);
  if (rc == SQLITE_ROW)
    rc = SQLITE_DONE;
  if (!daftar_sql_finish (db, stmt, rc, _("Reading the days with queue tickets"), error))
    return FALSE;
  return found;
}
