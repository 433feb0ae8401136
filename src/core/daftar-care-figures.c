/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-care-figures.c: the four client-care figures of a period, read from the daily rollups at its edges and the monthly and yearly ones inside it. */
#define G_LOG_DOMAIN "daftar-care"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "daftar-care.h"
#include "daftar-care-private.h"
#include "daftar-sql.h"
#include "daftar-time.h"

/* Every office's own rows, one index range each (daftar-sql.h); the
 * network's rows of the older rollups (office_code '') are no office's. */
#define OFFICES DAFTAR_SQL_OFFICE_IN ("office_code")

/* The strftime weekday counts from Sunday; the heatmaps' rows from Saturday. */
#define WEEKDAY_ROW "((CAST (strftime ('%w', day) AS INTEGER) + 1) % 7)"

/* A period's rows of a breakdown: the days at its edges from the daily
 * rollup (with @dcols), whole months and years (daftar_sql_prepare_year_spans)
 * from the monthly and yearly rows of @dim. */
#define OUT_OF_TURN_SPANS(dcols, dim) \
  DAFTAR_SQL_YEAR_SPANS_OF (OFFICES, dcols, "daily_out_of_turn", "key, called, out_of_turn, jumped", \
                            "(SELECT * FROM monthly_out_of_turn WHERE dim = '" dim "')", \
                            "(SELECT * FROM yearly_out_of_turn WHERE dim = '" dim "')", "")

#define IDLE_SPANS(dcols, dim) \
  DAFTAR_SQL_YEAR_SPANS_OF (OFFICES, dcols, "daily_idle", "key, shift, NULL, shifts, open_s, idle_s", \
                            "(SELECT * FROM monthly_idle WHERE dim = '" dim "')", \
                            "(SELECT * FROM yearly_idle WHERE dim = '" dim "')", "")

static void
count_add (DaftarOutOfTurnCount *count,
           gint64                called,
           gint64                out_of_turn,
           gint64                jumped)
{
  count->called += called;
  count->out_of_turn += out_of_turn;
  count->jumped += jumped;
}

static void
count_finish (DaftarOutOfTurnCount *count)
{
  count->share = daftar_care_ratio (count->out_of_turn, count->called);
}

/* Out of turn ------------------------------------------------------------ */

static gboolean
out_of_turn_totals (DaftarDb                *db,
                    const char              *office_code,
                    const GDate             *from,
                    const GDate             *to,
                    DaftarOutOfTurnFigures  *out,
                    GError                 **error)
{
  sqlite3_stmt *stmt = daftar_sql_prepare_year_spans (db,
    "SELECT k, sum (c), sum (o), sum (j) FROM ("
    OUT_OF_TURN_SPANS ("shift || '/' || service AS k, called AS c, out_of_turn AS o, jumped AS j", "shift_service")
    ") GROUP BY k",
    office_code, from, to, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *slash = key != NULL ? strchr (key, '/') : NULL;
      g_autofree char *shift_nick = slash != NULL ? g_strndup (key, slash - key) : NULL;
      int shift = DAFTAR_SHIFT_MORNING, service = DAFTAR_CASE_KIND_OTHER;
      gint64 called = sqlite3_column_int64 (stmt, 1), oot = sqlite3_column_int64 (stmt, 2);
      gint64 jumped = sqlite3_column_int64 (stmt, 3);

      if (slash != NULL)
        {
          daftar_enum_from_nick (DAFTAR_TYPE_SHIFT, shift_nick, &shift);
          daftar_enum_from_nick (DAFTAR_TYPE_CASE_KIND, slash + 1, &service);
        }
      count_add (&out->total, called, oot, jumped);
      count_add (&out->by_shift[shift], called, oot, jumped);
      count_add (&out->by_service[service], called, oot, jumped);
    }
  return daftar_sql_finish (db, stmt, rc, "Reading the tickets served out of turn", error);
}

static gboolean
out_of_turn_groups (DaftarDb     *db,
                    const char   *sql,
                    const char   *office_code,
                    const GDate  *from,
                    const GDate  *to,
                    gboolean      by_staff,
                    GPtrArray    *out,
                    GError      **error)
{
  sqlite3_stmt *stmt = daftar_sql_prepare_year_spans (db, sql, office_code, from, to, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarOutOfTurnGroup *group = g_new0 (DaftarOutOfTurnGroup, 1);

      group->counter = -1;
      if (by_staff)
        {
          group->staff_id = daftar_care_column_dup (stmt, 0);
          group->staff_name = daftar_care_column_dup (stmt, 1);
        }
      else
        group->counter = sqlite3_column_int (stmt, 0);
      count_add (&group->count, sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3),
                 sqlite3_column_int64 (stmt, 4));
      count_finish (&group->count);
      g_ptr_array_add (out, group);
    }
  return daftar_sql_finish (db, stmt, rc, "Reading who served out of turn", error);
}

#define WORST_COLUMNS \
  "SELECT office_code, ticket_id, number, called_at, shift, service, staff_id, " \
  "  (SELECT name FROM staff WHERE id = o.staff_id), counter, jumped, first_waited_s FROM out_of_turn_tickets o "
#define WORST_ORDER "ORDER BY jumped DESC, first_waited_s DESC, called_at DESC, ticket_id LIMIT ?4"

/* The worst: over a short period, from the period's rows; over a long one
 * (five years hold tens of thousands per office), down the index of the
 * worst until enough fall in the period. */
static gboolean
out_of_turn_worst (DaftarDb                *db,
                   const char              *office_code,
                   const GDate             *from,
                   const GDate             *to,
                   guint                    limit,
                   DaftarOutOfTurnFigures  *out,
                   GError                 **error)
{
  gboolean long_period = g_date_days_between (from, to) > 62;
  const char *sql = !long_period ? WORST_COLUMNS "WHERE " OFFICES " AND day BETWEEN ?2 AND ?3 " WORST_ORDER
                    : office_code == NULL ? WORST_COLUMNS "INDEXED BY out_of_turn_tickets_worst_all "
                                            "WHERE day BETWEEN ?2 AND ?3 " WORST_ORDER
                    : WORST_COLUMNS "INDEXED BY out_of_turn_tickets_worst "
                      "WHERE office_code = ?1 AND day BETWEEN ?2 AND ?3 " WORST_ORDER;
  sqlite3_stmt *stmt = daftar_care_prepare_period (db, sql, office_code, from, to, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 4, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarOutOfTurnInstance *instance = g_new0 (DaftarOutOfTurnInstance, 1);

      instance->office_code = daftar_care_column_dup (stmt, 0);
      instance->ticket_id = daftar_care_column_dup (stmt, 1);
      instance->number = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 2);
      instance->called_at = sqlite3_column_int64 (stmt, 3);
      instance->shift = daftar_care_column_enum (stmt, 4, DAFTAR_TYPE_SHIFT, DAFTAR_SHIFT_MORNING);
      instance->service = daftar_care_column_enum (stmt, 5, DAFTAR_TYPE_CASE_KIND, DAFTAR_CASE_KIND_OTHER);
      instance->staff_id = daftar_care_column_dup (stmt, 6);
      instance->staff_name = daftar_care_column_dup (stmt, 7);
      instance->counter = sqlite3_column_int (stmt, 8);
      instance->jumped = sqlite3_column_int64 (stmt, 9);
      instance->first_waited_s = sqlite3_column_int64 (stmt, 10);
      g_ptr_array_add (out->worst, instance);
    }
  return daftar_sql_finish (db, stmt, rc, "Reading the worst tickets served out of turn", error);
}

gboolean
daftar_care_query_out_of_turn (DaftarDb                *db,
                               const char              *office_code,
                               const GDate             *from,
                               const GDate             *to,
                               guint                    worst_limit,
                               DaftarOutOfTurnFigures  *out,
                               GError                 **error)
{
  memset (out, 0, sizeof *out);
  out->by_staff = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_out_of_turn_group_free);
  out->by_counter = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_out_of_turn_group_free);
  out->worst = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_out_of_turn_instance_free);

  if (!out_of_turn_totals (db, office_code, from, to, out, error) ||
      !out_of_turn_groups (db,
                           "SELECT k, (SELECT name FROM staff WHERE id = k), sum (c), sum (o), sum (j) FROM ("
                           OUT_OF_TURN_SPANS ("staff_id AS k, called AS c, out_of_turn AS o, jumped AS j", "staff")
                           ") WHERE k <> '' GROUP BY k ORDER BY sum (o) DESC, sum (c) DESC, k",
                           office_code, from, to, TRUE, out->by_staff, error) ||
      !out_of_turn_groups (db,
                           "SELECT CAST (k AS INTEGER) AS n, NULL, sum (c), sum (o), sum (j) FROM ("
                           OUT_OF_TURN_SPANS ("CAST (counter AS TEXT) AS k, called AS c, out_of_turn AS o, "
                                              "jumped AS j", "counter")
                           ") GROUP BY n HAVING n >= 0 ORDER BY n",
                           office_code, from, to, FALSE, out->by_counter, error) ||
      !out_of_turn_worst (db, office_code, from, to, worst_limit, out, error))
    {
      daftar_out_of_turn_figures_clear (out);
      return FALSE;
    }
  count_finish (&out->total);
  for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
    count_finish (&out->by_shift[s]);
  for (guint k = 0; k < DAFTAR_N_CASE_KINDS; k++)
    count_finish (&out->by_service[k]);
  return TRUE;
}

/* Crowding --------------------------------------------------------------- */

/* Open days per weekday: days the office issued a ticket on, counted from
 * the hours with arrivals at the edges and from monthly_open_days inside. */
static gboolean
open_days (DaftarDb     *db,
           const char   *office_code,
           const GDate  *from,
           const GDate  *to,
           gint64        out[DAFTAR_CARE_N_WEEKDAYS],
           GError      **error)
{
  sqlite3_stmt *stmt = daftar_sql_prepare_year_spans (db,
    "SELECT w, count (DISTINCT d) + sum (n) FROM ("
    DAFTAR_SQL_YEAR_SPANS_OF (OFFICES, "office_code || '/' || day AS d, " WEEKDAY_ROW " AS w, 0 AS n",
                              "(SELECT * FROM hourly_tickets WHERE arrivals > 0)", "NULL, weekday, n",
                              "monthly_open_days", "yearly_open_days", "")
    ") GROUP BY w",
    office_code, from, to, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int row = sqlite3_column_int (stmt, 0);

      if (row >= 0 && row < DAFTAR_CARE_N_WEEKDAYS)
        out[row] += sqlite3_column_int64 (stmt, 1);
    }
  return daftar_sql_finish (db, stmt, rc, "Reading the open days", error);
}

/* One value of a statement of one row. */
static gboolean
single_row (DaftarDb      *db,
            sqlite3_stmt  *stmt,
            const char    *what,
            gboolean      *found,
            GError       **error)
{
  int rc = sqlite3_step (stmt);

  *found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    return TRUE;
  return daftar_sql_finish (db, stmt, rc, what, error);
}

gboolean
daftar_care_query_crowding (DaftarDb               *db,
                            const char             *office_code,
                            const GDate            *from,
                            const GDate            *to,
                            gint64                  seats,
                            DaftarCrowdingFigures  *out,
                            GError                **error)
{
  gint64 days[DAFTAR_CARE_N_WEEKDAYS] = { 0 };
  gint64 peak_sum[DAFTAR_CARE_N_WEEKDAYS][DAFTAR_CARE_N_HOURS] = { { 0 } };
  gint64 area_sum[DAFTAR_CARE_N_WEEKDAYS][DAFTAR_CARE_N_HOURS] = { { 0 } };
  sqlite3_stmt *stmt;
  gboolean found;
  int rc;

  memset (out, 0, sizeof *out);
  out->seats = seats;
  out->peak_hour = -1;

  if (!open_days (db, office_code, from, to, days, error))
    return FALSE;
  for (int r = 0; r < DAFTAR_CARE_N_WEEKDAYS; r++)
    out->days += days[r];

  stmt = daftar_sql_prepare_year_spans (db,
    "SELECT w, hour, max (m), sum (p), sum (a) FROM ("
    DAFTAR_SQL_YEAR_SPANS_OF (OFFICES, WEEKDAY_ROW " AS w, hour, peak AS m, peak AS p, area_s AS a",
                              "hourly_waiting", "weekday, hour, peak_max, peak_sum, area_s",
                              "monthly_waiting", "yearly_waiting", "")
    ") GROUP BY w, hour",
    office_code, from, to, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int row = sqlite3_column_int (stmt, 0), hour = sqlite3_column_int (stmt, 1);

      if (row < 0 || row >= DAFTAR_CARE_N_WEEKDAYS || hour < 0 || hour >= DAFTAR_CARE_N_HOURS)
        continue;
      out->cells[row][hour].peak_max = sqlite3_column_int64 (stmt, 2);
      peak_sum[row][hour] = sqlite3_column_int64 (stmt, 3);
      area_sum[row][hour] = sqlite3_column_int64 (stmt, 4);
      out->peak = MAX (out->peak, out->cells[row][hour].peak_max);
    }
  if (!daftar_sql_finish (db, stmt, rc, "Reading the clients waiting per hour", error))
    return FALSE;

  /* The hours over the seats are few: read them down the peak index. */
  stmt = daftar_care_prepare_period (db,
                                     "SELECT " WEEKDAY_ROW ", hour, count (*) FROM hourly_waiting "
                                     "INDEXED BY hourly_waiting_by_peak "
                                     "WHERE " OFFICES " AND peak > ?4 AND day BETWEEN ?2 AND ?3 GROUP BY 1, 2",
                                     office_code, from, to, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 4, seats);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int row = sqlite3_column_int (stmt, 0), hour = sqlite3_column_int (stmt, 1);

      if (row >= 0 && row < DAFTAR_CARE_N_WEEKDAYS && hour >= 0 && hour < DAFTAR_CARE_N_HOURS)
        out->cells[row][hour].days_over = sqlite3_column_int64 (stmt, 2);
    }
  if (!daftar_sql_finish (db, stmt, rc, "Reading the hours over the seats", error))
    return FALSE;

  stmt = daftar_care_prepare_period (db,
                                     "SELECT count (*) FROM (SELECT DISTINCT office_code, day FROM hourly_waiting "
                                     "INDEXED BY hourly_waiting_by_peak "
                                     "WHERE " OFFICES " AND peak > ?4 AND day BETWEEN ?2 AND ?3)",
                                     office_code, from, to, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 4, seats);
  if (!single_row (db, stmt, "Reading the crowded days", &found, error))
    return FALSE;
  out->days_over = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (out->peak > 0)
    {
      stmt = daftar_care_prepare_period (db,
                                         "SELECT day, hour FROM hourly_waiting INDEXED BY hourly_waiting_by_peak "
                                         "WHERE " OFFICES " AND peak = ?4 "
                                         "AND day BETWEEN ?2 AND ?3 ORDER BY day, hour LIMIT 1",
                                         office_code, from, to, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 4, out->peak);
      if (!single_row (db, stmt, "Reading the peak wait", &found, error))
        return FALSE;
      if (found)
        {
          daftar_time_parse_day ((const char *) sqlite3_column_text (stmt, 0), &out->peak_day);
          out->peak_hour = sqlite3_column_int (stmt, 1);
        }
      sqlite3_reset (stmt);
    }

  for (int h = 0; h < DAFTAR_CARE_N_HOURS; h++)
    {
      DaftarCrowdingCell *all = &out->by_hour[h];
      gint64 all_peaks = 0, all_area = 0;

      for (int r = 0; r < DAFTAR_CARE_N_WEEKDAYS; r++)
        {
          DaftarCrowdingCell *cell = &out->cells[r][h];

          cell->days = days[r];
          cell->share_over = daftar_care_ratio (cell->days_over, cell->days);
          cell->peak_mean = daftar_care_ratio (peak_sum[r][h], cell->days);
          cell->mean_waiting = daftar_care_ratio (area_sum[r][h], 3600.0 * cell->days);
          all->days += cell->days;
          all->days_over += cell->days_over;
          all->peak_max = MAX (all->peak_max, cell->peak_max);
          all_peaks += peak_sum[r][h];
          all_area += area_sum[r][h];
        }
      all->share_over = daftar_care_ratio (all->days_over, all->days);
      all->peak_mean = daftar_care_ratio (all_peaks, all->days);
      all->mean_waiting = daftar_care_ratio (all_area, 3600.0 * all->days);
    }
  return TRUE;
}

/* Idle while clients wait ------------------------------------------------ */

static gboolean
idle_rows (DaftarDb           *db,
           const char         *sql,
           const char         *office_code,
           const GDate        *from,
           const GDate        *to,
           gboolean            by_staff,
           DaftarIdleFigures  *figures,
           GPtrArray          *out,
           GError            **error)
{
  sqlite3_stmt *stmt = daftar_sql_prepare_year_spans (db, sql, office_code, from, to, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarIdleRow *row = g_new0 (DaftarIdleRow, 1);

      row->counter = -1;
      if (by_staff)
        {
          row->staff_id = daftar_care_column_dup (stmt, 0);
          row->staff_name = daftar_care_column_dup (stmt, 1);
        }
      else
        row->counter = sqlite3_column_int (stmt, 0);
      row->shift = daftar_care_column_enum (stmt, 2, DAFTAR_TYPE_SHIFT, DAFTAR_SHIFT_MORNING);
      row->shifts = sqlite3_column_int64 (stmt, 3);
      row->open_s = sqlite3_column_int64 (stmt, 4);
      row->idle_s = sqlite3_column_int64 (stmt, 5);
      row->share = daftar_care_ratio (row->idle_s, row->open_s);
      row->idle_minutes_per_shift = daftar_care_ratio (row->idle_s / 60.0, row->shifts);
      /* Every counter's time is in the counters' rows: the totals. */
      if (!by_staff)
        {
          figures->by_shift_open_s[row->shift] += row->open_s;
          figures->by_shift_idle_s[row->shift] += row->idle_s;
          figures->open_s += row->open_s;
          figures->idle_s += row->idle_s;
        }
      g_ptr_array_add (out, row);
    }
  return daftar_sql_finish (db, stmt, rc, "Reading idle counter time", error);
}

gboolean
daftar_care_query_idle (DaftarDb           *db,
                        const char         *office_code,
                        const GDate        *from,
                        const GDate        *to,
                        DaftarIdleFigures  *out,
                        GError            **error)
{
  memset (out, 0, sizeof *out);
  out->by_counter = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_idle_row_free);
  out->by_staff = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_idle_row_free);

  /* The shifts a counter was open in: distinct office-days at the edges
   * (a counter's day has a row per staff member), counted in the months. A
   * counter of every office together is the same number at each. */
  if (!idle_rows (db,
                  "SELECT CAST (k AS INTEGER) AS n, NULL, s, count (DISTINCT d) + sum (m), sum (o), sum (i) FROM ("
                  IDLE_SPANS ("CAST (counter AS TEXT) AS k, shift AS s, office_code || '/' || day AS d, 0 AS m, "
                              "open_s AS o, idle_s AS i", "counter")
                  ") GROUP BY n, s ORDER BY n, s = 'evening'",
                  office_code, from, to, FALSE, out, out->by_counter, error) ||
      !idle_rows (db,
                  "SELECT k, (SELECT name FROM staff WHERE id = k), s, count (DISTINCT d) + sum (m), sum (o), "
                  "  sum (i) AS idle FROM ("
                  IDLE_SPANS ("staff_id AS k, shift AS s, office_code || '/' || day AS d, 0 AS m, "
                              "open_s AS o, idle_s AS i", "staff")
                  ") WHERE k <> '' GROUP BY k, s ORDER BY idle DESC, k, s = 'evening'",
                  office_code, from, to, TRUE, out, out->by_staff, error))
    {
      daftar_idle_figures_clear (out);
      return FALSE;
    }
  out->share = daftar_care_ratio (out->idle_s, out->open_s);
  return TRUE;
}

/* Satisfaction ------------------------------------------------------------ */

#define FEEDBACK_SPANS(cols) \
  DAFTAR_SQL_YEAR_SPANS_OF (OFFICES, cols, "daily_feedback", cols, "monthly_feedback", "yearly_feedback", "")

gboolean
daftar_care_query_satisfaction (DaftarDb                   *db,
                                const char                 *office_code,
                                const GDate                *from,
                                const GDate                *to,
                                DaftarSatisfactionFigures  *out,
                                GError                    **error)
{
  gint64 band_sum[DAFTAR_N_WAIT_BANDS] = { 0 }, rating_sum = 0;
  sqlite3_stmt *stmt;
  gboolean found;
  int rc;

  memset (out, 0, sizeof *out);
  out->by_staff = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_rating_group_free);

  stmt = daftar_sql_prepare_year_spans (db,
                                        "SELECT rating, wait_band, sum (n) FROM ("
                                        FEEDBACK_SPANS ("rating, wait_band, n")
                                        ") GROUP BY rating, wait_band",
                                        office_code, from, to, error);
  if (stmt == NULL)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int rating = sqlite3_column_int (stmt, 0), band = sqlite3_column_int (stmt, 1);
      gint64 n = sqlite3_column_int64 (stmt, 2);

      if (rating < DAFTAR_RATING_MIN || rating > DAFTAR_RATING_MAX)
        continue;
      out->n += n;
      out->by_rating[rating] += n;
      rating_sum += n * rating;
      if (band >= 0 && band < DAFTAR_N_WAIT_BANDS)
        {
          out->by_wait_band[band].n += n;
          band_sum[band] += n * rating;
        }
      else
        out->unknown_wait_n += n;
    }
  if (!daftar_sql_finish (db, stmt, rc, "Reading the ratings", error))
    goto failed;
  out->mean = daftar_care_ratio (rating_sum, out->n);
  for (guint b = 0; b < DAFTAR_N_WAIT_BANDS; b++)
    out->by_wait_band[b].mean = daftar_care_ratio (band_sum[b], out->by_wait_band[b].n);

  /* Served tickets: the network's rows or the office's, as other pages. */
  stmt = daftar_sql_prepare_year_spans (db,
                                        "SELECT coalesce (sum (served), 0) FROM ("
                                        DAFTAR_SQL_YEAR_SPANS ("served", "tickets", "") ")",
                                        office_code, from, to, error);
  if (stmt == NULL || !single_row (db, stmt, "Reading the served tickets", &found, error))
    goto failed;
  out->served = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  out->response_rate = daftar_care_ratio (out->n, out->served);

  stmt = daftar_sql_prepare_year_spans (db,
                                        "SELECT staff_id, (SELECT name FROM staff WHERE id = staff_id), sum (n) AS k, "
                                        "  sum (n * rating) FROM (" FEEDBACK_SPANS ("staff_id, rating, n") ") "
                                        "WHERE staff_id <> '' GROUP BY staff_id ORDER BY k DESC, staff_id",
                                        office_code, from, to, error);
  if (stmt == NULL)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarRatingGroup *group = g_new0 (DaftarRatingGroup, 1);

      group->staff_id = daftar_care_column_dup (stmt, 0);
      group->staff_name = daftar_care_column_dup (stmt, 1);
      group->n = sqlite3_column_int64 (stmt, 2);
      group->mean = daftar_care_ratio (sqlite3_column_int64 (stmt, 3), group->n);
      g_ptr_array_add (out->by_staff, group);
    }
  if (!daftar_sql_finish (db, stmt, rc, "Reading the ratings by staff member", error))
    goto failed;
  return TRUE;

failed:
  daftar_satisfaction_figures_clear (out);
  return FALSE;
}
