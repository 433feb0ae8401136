/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-shifts-query.c: the Shifts page's figures — morning against evening, waits, service times, heatmaps, load and standards. */
#define G_LOG_DOMAIN "daftar-shifts"

#include "config.h"

#include <math.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n.h>

#include "daftar-shifts-private.h"
#include "daftar-sum.h"
#include "daftar-time.h"

/* Bins of daily_wait_hist: 0..600 minutes. */
#define N_MINUTES 601

/* A wait histogram per shift, for one bin or the whole period. */
typedef struct
{
  gint64 n[DAFTAR_N_SHIFTS][N_MINUTES];
} WaitHist;

static const char * const standard_names[] = { "wait_mean", "service_level", "cases_per_staff" };

const char *
daftar_shift_standard_name (DaftarShiftStandard standard)
{
  g_return_val_if_fail (standard < DAFTAR_N_SHIFT_STANDARDS, NULL);
  return standard_names[standard];
}

/* The shift or service of a rollup row, -1 for a value no record can
 * carry. */
static int
shift_from_name (const char *name)
{
  int shift = -1;

  daftar_enum_from_nick (DAFTAR_TYPE_SHIFT, name, &shift);
  return shift;
}

static int
service_from_name (const char *name)
{
  int service = -1;

  daftar_enum_from_nick (DAFTAR_TYPE_CASE_KIND, name, &service);
  return service;
}

guint
daftar_shifts_weekday_row (GDateWeekday weekday)
{
  /* GDateWeekday runs Monday 1 … Sunday 7; the office week starts on Saturday. */
  return ((guint) weekday + 1) % 7;
}

void
daftar_shifts_data_free (DaftarShiftsData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->bins, g_array_unref);
  g_clear_pointer (&data->counters, g_ptr_array_unref);
  g_clear_pointer (&data->staff, g_ptr_array_unref);
  g_free (data);
}

double
daftar_shifts_service_minutes (const DaftarShiftsData *data,
                               guint                   service,
                               DaftarShift             shift)
{
  g_return_val_if_fail (service < DAFTAR_N_CASE_KINDS && shift < DAFTAR_N_SHIFTS, NAN);
  if (data->service_n[service][shift] == 0)
    return NAN;
  return (double) data->service_sum_s[service][shift] / data->service_n[service][shift] / 60.0;
}

double
daftar_shifts_mean_arrivals (const DaftarShiftsData *data,
                             guint                   row,
                             guint                   hour)
{
  g_return_val_if_fail (row < DAFTAR_HEATMAP_ROWS && hour < DAFTAR_HEATMAP_HOURS, NAN);
  if (data->open_days[row] == 0)
    return NAN;
  return (double) data->arrivals[row][hour] / data->open_days[row];
}

double
daftar_shifts_mean_wait (const DaftarShiftsData *data,
                         guint                   row,
                         guint                   hour)
{
  g_return_val_if_fail (row < DAFTAR_HEATMAP_ROWS && hour < DAFTAR_HEATMAP_HOURS, NAN);
  if (data->hour_served[row][hour] == 0)
    return NAN;
  return (double) data->hour_wait_sum_s[row][hour] / data->hour_served[row][hour] / 60.0;
}

double
daftar_shifts_crowded_share (const DaftarShiftsData *data,
                             guint                   row,
                             guint                   hour)
{
  g_return_val_if_fail (row < DAFTAR_CARE_N_WEEKDAYS && hour < DAFTAR_CARE_N_HOURS, NAN);
  if (data->crowding.cells[row][hour].days == 0)
    return NAN;
  return data->crowding.cells[row][hour].share_over;
}

double
daftar_shifts_cases_per_staff (const DaftarShiftsData *data,
                               DaftarShift             shift)
{
  gint64 served = 0;

  g_return_val_if_fail (shift < DAFTAR_N_SHIFTS, NAN);
  if (data->staff_shifts[shift] == 0)
    return NAN;
  for (guint i = 0; i < data->staff->len; i++)
    served += ((DaftarStaffLoad *) g_ptr_array_index (data->staff, i))->served[shift];
  return (double) served / data->staff_shifts[shift];
}

/* A map from each day of the period (Julian) to the index of its bin, so
 * rows find their bin without a calendar computation each (a five-year
 * period reads tens of thousands); and the last day looked up, as rows
 * come day by day. */
typedef struct
{
  GHashTable *by_day;
  char        last_day[11];
  int         last_bin;
} BinIndex;

static void
make_bins (DaftarShiftsData *data,
           BinIndex         *index)
{
  GDate day = data->from;

  index->by_day = g_hash_table_new (NULL, NULL);
  index->last_day[0] = '\0';
  data->bins = g_array_new (FALSE, TRUE, sizeof (DaftarShiftsBin));
  while (g_date_compare (&day, &data->to) <= 0)
    {
      DaftarShiftsBin bin = { 0 };
      GDate last;

      daftar_bin_bounds (data->bin, &day, &bin.start, &last);
      g_array_append_val (data->bins, bin);
      for (; g_date_compare (&day, &last) <= 0 && g_date_compare (&day, &data->to) <= 0;
           g_date_add_days (&day, 1))
        g_hash_table_insert (index->by_day, GUINT_TO_POINTER (g_date_get_julian (&day)),
                             GUINT_TO_POINTER (data->bins->len - 1));
    }
}

/* A day's bin, -1 outside the period; a monthly row is filed under its
 * month's first day. */
static int
bin_of_day (BinIndex   *index,
            const char *day_text)
{
  GDate day;
  gpointer bin;

  if (day_text == NULL)
    return -1;
  if (strcmp (day_text, index->last_day) == 0)
    return index->last_bin;
  if (!daftar_time_parse_day (day_text, &day) ||
      !g_hash_table_lookup_extended (index->by_day, GUINT_TO_POINTER (g_date_get_julian (&day)), NULL, &bin))
    return -1;
  g_strlcpy (index->last_day, day_text, sizeof index->last_day);
  index->last_bin = GPOINTER_TO_INT (bin);
  return index->last_bin;
}

static gboolean
read_tickets (DaftarDb         *db,
              const char       *office_code,
              DaftarShiftsData *data,
              BinIndex         *bin_index,
              GError          **error)
{
  /* Each row is added to its bin here, so SQL need not group (or sort)
   * them first; by month, the middle of the period is monthly rows. */
  sqlite3_stmt *stmt = daftar_sql_prepare_spans (db,
    DAFTAR_SQL_SPANS ("day, shift, issued, served, no_show, cancelled, wait_n, wait_sum_s", "tickets", ""),
    office_code, &data->from, &data->to, data->bin == DAFTAR_BIN_MONTH, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int bin = bin_of_day (bin_index, (const char *) sqlite3_column_text (stmt, 0));
      int shift = shift_from_name ((const char *) sqlite3_column_text (stmt, 1));
      DaftarShiftFigures *targets[2];

      if (bin < 0 || shift < 0)
        continue;
      targets[0] = &data->shift[shift];
      targets[1] = &g_array_index (data->bins, DaftarShiftsBin, bin).shift[shift];
      for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
        {
          targets[i]->issued += sqlite3_column_int64 (stmt, 2);
          targets[i]->served += sqlite3_column_int64 (stmt, 3);
          targets[i]->no_show += sqlite3_column_int64 (stmt, 4);
          targets[i]->cancelled += sqlite3_column_int64 (stmt, 5);
          targets[i]->wait_n += sqlite3_column_int64 (stmt, 6);
          targets[i]->wait_sum_s = daftar_sum_add (targets[i]->wait_sum_s, sqlite3_column_int64 (stmt, 7));
        }
    }
  if (!daftar_sql_finish (db, stmt, rc, _("Reading tickets per shift"), error))
    return FALSE;

  stmt = daftar_sql_prepare_year_spans (db,
    "SELECT service, shift, sum(service_n), daftar_sum(service_sum_s) "
    "FROM (" DAFTAR_SQL_YEAR_SPANS ("service, shift, service_n, service_sum_s", "tickets", "") ") "
    "GROUP BY service, shift",
    office_code, &data->from, &data->to, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int service = service_from_name ((const char *) sqlite3_column_text (stmt, 0));
      int shift = shift_from_name ((const char *) sqlite3_column_text (stmt, 1));

      if (service < 0 || shift < 0)
        continue;
      data->service_n[service][shift] += sqlite3_column_int64 (stmt, 2);
      data->service_sum_s[service][shift] = daftar_sum_add (data->service_sum_s[service][shift],
                                                            sqlite3_column_int64 (stmt, 3));
    }
  return daftar_sql_finish (db, stmt, rc, _("Reading service times"), error);
}

/* Mean, 90th percentile and share within target from a histogram: exact to
 * the minute over any range, as daily_wait_hist is kept per minute. */
static void
complete_figures (DaftarShiftFigures    *f,
                  const gint64          *hist,
                  const DaftarStandards *standards)
{
  gint64 total = 0, running = 0;

  f->wait_mean_minutes = f->wait_n > 0 ? (double) f->wait_sum_s / f->wait_n / 60.0 : NAN;
  f->wait_p90_minutes = -1;
  f->within_target = 0;
  for (guint m = 0; m < N_MINUTES; m++)
    {
      total += hist[m];
      if (m <= standards->target_wait_minutes)
        f->within_target += hist[m];
    }
  f->within_target_share = total > 0 ? (double) f->within_target / total : NAN;
  for (guint m = 0; m < N_MINUTES && total > 0; m++)
    {
      running += hist[m];
      if (running * 10 >= total * 9)
        {
          f->wait_p90_minutes = m;
          break;
        }
    }
}

static gboolean
read_waits (DaftarDb         *db,
            const char       *office_code,
            DaftarShiftsData *data,
            BinIndex         *bin_index,
            GError          **error)
{
  /* Ungrouped, like the tickets: each row goes to its bin here. */
  sqlite3_stmt *stmt = daftar_sql_prepare_spans (db,
    DAFTAR_SQL_SPANS ("day, shift, minute, n", "wait_hist", ""),
    office_code, &data->from, &data->to, data->bin == DAFTAR_BIN_MONTH, error);
  g_autofree WaitHist *total = g_new0 (WaitHist, 1);
  g_autofree WaitHist *per_bin = g_new0 (WaitHist, data->bins->len);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int bin = bin_of_day (bin_index, (const char *) sqlite3_column_text (stmt, 0));
      int shift = shift_from_name ((const char *) sqlite3_column_text (stmt, 1));
      gint64 minute = CLAMP (sqlite3_column_int64 (stmt, 2), 0, N_MINUTES - 1);
      gint64 n = sqlite3_column_int64 (stmt, 3);

      if (bin < 0 || shift < 0)
        continue;
      total->n[shift][minute] += n;
      per_bin[bin].n[shift][minute] += n;
    }
  if (!daftar_sql_finish (db, stmt, rc, _("Reading waits per shift"), error))
    return FALSE;

  for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
    {
      complete_figures (&data->shift[s], total->n[s], &data->standards);
      for (guint b = 0; b < data->bins->len; b++)
        complete_figures (&g_array_index (data->bins, DaftarShiftsBin, b).shift[s],
                          per_bin[b].n[s], &data->standards);
    }
  return TRUE;
}

/* strftime('%w') counts from Sunday = 0; the row is (w + 1) % 7 so that
 * Saturday (6) is row 0, as in daftar_shifts_weekday_row and monthly_hours. */
#define WEEKDAY "(CAST (strftime('%w', day) AS INTEGER) + 1) % 7"

static gboolean
read_hours (DaftarDb         *db,
            const char       *office_code,
            DaftarShiftsData *data,
            GError          **error)
{
  /* Each row is added to its (weekday, hour) cell here. */
  sqlite3_stmt *stmt = daftar_sql_prepare_year_spans (db,
    DAFTAR_SQL_YEAR_SPANS_OF (NETWORK_FILTER, WEEKDAY ", hour, arrivals, served, wait_sum_s", "hourly_tickets",
                              "weekday, hour, arrivals, served, wait_sum_s", "monthly_hours", "yearly_hours", ""),
    office_code, &data->from, &data->to, error);
  int rc;

  data->first_hour = data->last_hour = -1;
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int row = sqlite3_column_int (stmt, 0);
      int hour = sqlite3_column_int (stmt, 1);
      gint64 arrivals = sqlite3_column_int64 (stmt, 2);

      /* Services that start after midnight leave rows past hour 23 with no arrival. */
      if (row < 0 || row >= DAFTAR_HEATMAP_ROWS || hour < 0 || hour >= DAFTAR_HEATMAP_HOURS)
        continue;
      data->arrivals[row][hour] += arrivals;
      data->hour_served[row][hour] += sqlite3_column_int64 (stmt, 3);
      data->hour_wait_sum_s[row][hour] = daftar_sum_add (data->hour_wait_sum_s[row][hour],
                                                         sqlite3_column_int64 (stmt, 4));
      if (arrivals > 0)
        {
          if (data->first_hour < 0 || hour < data->first_hour)
            data->first_hour = hour;
          data->last_hour = MAX (data->last_hour, hour);
        }
    }
  if (!daftar_sql_finish (db, stmt, rc, _("Reading tickets per hour"), error))
    return FALSE;

  /* A day counts as open when it issued any ticket: Fridays and holidays
   * do not drag the means down. Each office's days are counted (the
   * network's means are per office-day), grouped in the primary key's
   * order so no sort is needed. */
  stmt = daftar_sql_prepare_year_spans (db,
    "SELECT " WEEKDAY ", 1 FROM hourly_tickets WHERE " OFFICE_FILTER " AND day BETWEEN ?2 AND ?3 "
    "  GROUP BY office_code, day HAVING max(arrivals) > 0 "
    "UNION ALL SELECT " WEEKDAY ", 1 FROM hourly_tickets WHERE " OFFICE_FILTER " AND day BETWEEN ?4 AND ?5 "
    "  GROUP BY office_code, day HAVING max(arrivals) > 0 "
    "UNION ALL SELECT weekday, n FROM monthly_open_days WHERE " NETWORK_FILTER " AND day BETWEEN ?6 AND ?7 "
    "UNION ALL SELECT weekday, n FROM monthly_open_days WHERE " NETWORK_FILTER " AND day BETWEEN ?8 AND ?9 "
    "UNION ALL SELECT weekday, n FROM yearly_open_days WHERE " NETWORK_FILTER " AND day BETWEEN ?10 AND ?11",
    office_code, &data->from, &data->to, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int row = sqlite3_column_int (stmt, 0);

      if (row >= 0 && row < DAFTAR_HEATMAP_ROWS)
        data->open_days[row] += sqlite3_column_int64 (stmt, 1);
    }
  return daftar_sql_finish (db, stmt, rc, _("Counting open days"), error);
}

static void
check (DaftarStandardCheck *out,
       double               value,
       double               target,
       gboolean             higher_is_better)
{
  out->value = value;
  out->target = target;
  if (isnan (value))
    out->verdict = DAFTAR_VERDICT_NOT_MEASURED;
  else if (higher_is_better ? value >= target : value <= target)
    out->verdict = DAFTAR_VERDICT_MET;
  else
    out->verdict = DAFTAR_VERDICT_BREACHED;
}

static void
check_standards (DaftarShiftsData *data)
{
  const DaftarStandards *std = &data->standards;

  for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
    {
      DaftarStandardCheck *checks = data->checks[s];

      check (&checks[DAFTAR_SHIFT_STANDARD_WAIT_MEAN], data->shift[s].wait_mean_minutes,
             std->target_wait_minutes, FALSE);
      check (&checks[DAFTAR_SHIFT_STANDARD_SERVICE_LEVEL], data->shift[s].within_target_share,
             std->target_service_level, TRUE);
      check (&checks[DAFTAR_SHIFT_STANDARD_CASES_PER_STAFF], daftar_shifts_cases_per_staff (data, s),
             std->max_cases_per_staff_shift, FALSE);
    }
}

DaftarShiftsData *
daftar_query_shifts (DaftarDb      *db,
                     const char    *office_code,
                     const GDate   *from,
                     const GDate   *to,
                     DaftarBin      bin,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(DaftarShiftsData) data = g_new0 (DaftarShiftsData, 1);
  BinIndex bin_index;
  gboolean ok;

  g_return_val_if_fail (g_date_valid (from) && g_date_valid (to), NULL);

  data->from = *from;
  data->to = *to;
  data->bin = bin;
  for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
    {
      data->shift[s].wait_mean_minutes = NAN;
      data->shift[s].within_target_share = NAN;
      data->shift[s].wait_p90_minutes = -1;
    }
  make_bins (data, &bin_index);

  ok = daftar_query_standards (db, &data->standards, error) &&
       read_tickets (db, office_code, data, &bin_index, error) &&
       read_waits (db, office_code, data, &bin_index, error);
  g_hash_table_unref (bin_index.by_day);
  if (!ok ||
      !read_hours (db, office_code, data, error) ||
      !shifts_read_load (db, office_code, data, cancellable, error))
    {
      g_prefix_error (error, _("Reading the shifts: "));
      return NULL;
    }
  check_standards (data);
  return g_steal_pointer (&data);
}
