/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-care.c: reads the client-care figures of a period from the rollups that ingest keeps, and the office's own ratings with their comments. */
#define G_LOG_DOMAIN "daftar-care"

#include "config.h"

#include <math.h>
#include <string.h>

#include "daftar-care.h"
#include "daftar-sql.h"
#include "daftar-text.h"
#include "daftar-time.h"

/* Every statement below takes ?1 the office (NULL: every office), ?2 and
 * ?3 the first and last day 'YYYY-MM-DD'. The network's rows of the older
 * rollups (office_code '') are no office's. */
#define OFFICE_AND_DAYS "(?1 IS NULL AND office_code <> '' OR office_code = ?1) AND day BETWEEN ?2 AND ?3"

static const struct { int lower, upper; const char *key; } wait_bands[DAFTAR_N_WAIT_BANDS] = {
  { 0, 5, "0-5" }, { 5, 15, "5-15" }, { 15, 30, "15-30" }, { 30, -1, "30+" },
};

DaftarWaitBand
daftar_wait_band_for_seconds (gint64 wait_s)
{
  if (wait_s < 5 * 60)
    return DAFTAR_WAIT_BAND_UNDER_5;
  if (wait_s < 15 * 60)
    return DAFTAR_WAIT_BAND_5_TO_15;
  if (wait_s < 30 * 60)
    return DAFTAR_WAIT_BAND_15_TO_30;
  return DAFTAR_WAIT_BAND_30_AND_MORE;
}

int
daftar_wait_band_lower_minutes (DaftarWaitBand band)
{
  g_return_val_if_fail (band < DAFTAR_N_WAIT_BANDS, 0);
  return wait_bands[band].lower;
}

int
daftar_wait_band_upper_minutes (DaftarWaitBand band)
{
  g_return_val_if_fail (band < DAFTAR_N_WAIT_BANDS, -1);
  return wait_bands[band].upper;
}

const char *
daftar_wait_band_key (DaftarWaitBand band)
{
  g_return_val_if_fail (band < DAFTAR_N_WAIT_BANDS, NULL);
  return wait_bands[band].key;
}

static double
ratio (double numerator,
       double denominator)
{
  return denominator > 0 ? numerator / denominator : NAN;
}

/* Freeing ---------------------------------------------------------------- */

void
daftar_out_of_turn_group_free (DaftarOutOfTurnGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->staff_id);
  g_free (group->staff_name);
  g_free (group);
}

void
daftar_out_of_turn_instance_free (DaftarOutOfTurnInstance *instance)
{
  if (instance == NULL)
    return;
  g_free (instance->office_code);
  g_free (instance->ticket_id);
  g_free (instance->staff_id);
  g_free (instance->staff_name);
  g_free (instance);
}

void
daftar_crowding_hour_free (DaftarCrowdingHour *hour)
{
  if (hour == NULL)
    return;
  g_free (hour->office_code);
  g_free (hour);
}

void
daftar_idle_row_free (DaftarIdleRow *row)
{
  if (row == NULL)
    return;
  g_free (row->staff_id);
  g_free (row->staff_name);
  g_free (row);
}

void
daftar_rating_group_free (DaftarRatingGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->staff_id);
  g_free (group->staff_name);
  g_free (group);
}

void
daftar_feedback_item_free (DaftarFeedbackItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_free (item->office_code);
  g_free (item->ticket_id);
  g_free (item->case_id);
  g_free (item->comment);
  g_free (item->staff_id);
  g_free (item->staff_name);
  g_free (item);
}

void
daftar_out_of_turn_figures_clear (DaftarOutOfTurnFigures *figures)
{
  g_clear_pointer (&figures->by_staff, g_ptr_array_unref);
  g_clear_pointer (&figures->by_counter, g_ptr_array_unref);
  g_clear_pointer (&figures->worst, g_ptr_array_unref);
  memset (figures, 0, sizeof *figures);
}

void
daftar_idle_figures_clear (DaftarIdleFigures *figures)
{
  g_clear_pointer (&figures->by_counter, g_ptr_array_unref);
  g_clear_pointer (&figures->by_staff, g_ptr_array_unref);
  memset (figures, 0, sizeof *figures);
}

void
daftar_satisfaction_figures_clear (DaftarSatisfactionFigures *figures)
{
  g_clear_pointer (&figures->by_staff, g_ptr_array_unref);
  memset (figures, 0, sizeof *figures);
}

void
daftar_care_figures_free (DaftarCareFigures *figures)
{
  if (figures == NULL)
    return;
  daftar_out_of_turn_figures_clear (&figures->out_of_turn);
  daftar_idle_figures_clear (&figures->idle);
  daftar_satisfaction_figures_clear (&figures->satisfaction);
  g_clear_pointer (&figures->low_ratings, g_ptr_array_unref);
  g_free (figures);
}

/* Statements ------------------------------------------------------------- */

static sqlite3_stmt *
prepare_period (DaftarDb     *db,
                const char   *sql,
                const char   *office_code,
                const GDate  *from,
                const GDate  *to,
                GError      **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, sql, error);
  char first[11], last[11];

  if (stmt == NULL)
    return NULL;
  daftar_time_format_day (from, first);
  daftar_time_format_day (to, last);
  if (office_code != NULL)
    sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last, -1, SQLITE_TRANSIENT);
  return stmt;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static int
column_enum (sqlite3_stmt *stmt,
             int           column,
             GType         type,
             int           otherwise)
{
  int value = otherwise;

  daftar_enum_from_nick (type, (const char *) sqlite3_column_text (stmt, column), &value);
  return value;
}

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
  count->share = ratio (count->out_of_turn, count->called);
}

/* Out of turn ------------------------------------------------------------ */

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
  sqlite3_stmt *stmt = prepare_period (db, sql, office_code, from, to, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarOutOfTurnGroup *group = g_new0 (DaftarOutOfTurnGroup, 1);

      group->counter = -1;
      if (by_staff)
        {
          group->staff_id = column_dup (stmt, 0);
          group->staff_name = column_dup (stmt, 1);
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

gboolean
daftar_care_query_out_of_turn (DaftarDb                *db,
                               const char              *office_code,
                               const GDate             *from,
                               const GDate             *to,
                               guint                    worst_limit,
                               DaftarOutOfTurnFigures  *out,
                               GError                 **error)
{
  sqlite3_stmt *stmt;
  int rc;

  memset (out, 0, sizeof *out);
  out->by_staff = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_out_of_turn_group_free);
  out->by_counter = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_out_of_turn_group_free);
  out->worst = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_out_of_turn_instance_free);

  stmt = prepare_period (db,
                         "SELECT shift, service, sum (called), sum (out_of_turn), sum (jumped) "
                         "FROM daily_out_of_turn WHERE " OFFICE_AND_DAYS " GROUP BY shift, service",
                         office_code, from, to, error);
  if (stmt == NULL)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int shift = column_enum (stmt, 0, DAFTAR_TYPE_SHIFT, DAFTAR_SHIFT_MORNING);
      int service = column_enum (stmt, 1, DAFTAR_TYPE_CASE_KIND, DAFTAR_CASE_KIND_OTHER);
      gint64 called = sqlite3_column_int64 (stmt, 2), oot = sqlite3_column_int64 (stmt, 3);
      gint64 jumped = sqlite3_column_int64 (stmt, 4);

      count_add (&out->total, called, oot, jumped);
      count_add (&out->by_shift[shift], called, oot, jumped);
      count_add (&out->by_service[service], called, oot, jumped);
    }
  if (!daftar_sql_finish (db, stmt, rc, "Reading the tickets served out of turn", error))
    goto failed;
  count_finish (&out->total);
  for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
    count_finish (&out->by_shift[s]);
  for (guint k = 0; k < DAFTAR_N_CASE_KINDS; k++)
    count_finish (&out->by_service[k]);

  if (!out_of_turn_groups (db,
                           "SELECT staff_id, (SELECT name FROM staff WHERE id = d.staff_id), "
                           "  sum (called), sum (out_of_turn) AS o, sum (jumped) "
                           "FROM daily_out_of_turn d WHERE " OFFICE_AND_DAYS " AND staff_id <> '' "
                           "GROUP BY staff_id ORDER BY o DESC, sum (called) DESC, staff_id",
                           office_code, from, to, TRUE, out->by_staff, error) ||
      !out_of_turn_groups (db,
                           "SELECT counter, NULL, sum (called), sum (out_of_turn), sum (jumped) "
                           "FROM daily_out_of_turn WHERE " OFFICE_AND_DAYS " AND counter >= 0 "
                           "GROUP BY counter ORDER BY counter",
                           office_code, from, to, FALSE, out->by_counter, error))
    goto failed;

  stmt = prepare_period (db,
                         "SELECT office_code, ticket_id, number, called_at, shift, service, staff_id, "
                         "  (SELECT name FROM staff WHERE id = o.staff_id), counter, jumped, first_waited_s "
                         "FROM out_of_turn_tickets o WHERE " OFFICE_AND_DAYS " "
                         "ORDER BY jumped DESC, first_waited_s DESC, called_at DESC, ticket_id LIMIT ?4",
                         office_code, from, to, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 4, worst_limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarOutOfTurnInstance *instance = g_new0 (DaftarOutOfTurnInstance, 1);

      instance->office_code = column_dup (stmt, 0);
      instance->ticket_id = column_dup (stmt, 1);
      instance->number = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 2);
      instance->called_at = sqlite3_column_int64 (stmt, 3);
      instance->shift = column_enum (stmt, 4, DAFTAR_TYPE_SHIFT, DAFTAR_SHIFT_MORNING);
      instance->service = column_enum (stmt, 5, DAFTAR_TYPE_CASE_KIND, DAFTAR_CASE_KIND_OTHER);
      instance->staff_id = column_dup (stmt, 6);
      instance->staff_name = column_dup (stmt, 7);
      instance->counter = sqlite3_column_int (stmt, 8);
      instance->jumped = sqlite3_column_int64 (stmt, 9);
      instance->first_waited_s = sqlite3_column_int64 (stmt, 10);
      g_ptr_array_add (out->worst, instance);
    }
  if (!daftar_sql_finish (db, stmt, rc, "Reading the worst tickets served out of turn", error))
    goto failed;
  return TRUE;

failed:
  daftar_out_of_turn_figures_clear (out);
  return FALSE;
}

/* Crowding --------------------------------------------------------------- */

/* strftime's %w counts from Sunday; the heatmaps' rows from Saturday. */
#define WEEKDAY_ROW "((CAST (strftime ('%w', day) AS INTEGER) + 1) % 7)"

gboolean
daftar_care_query_crowding (DaftarDb               *db,
                            const char             *office_code,
                            const GDate            *from,
                            const GDate            *to,
                            gint64                  seats,
                            DaftarCrowdingFigures  *out,
                            GError                **error)
{
  gint64 open_days[DAFTAR_CARE_N_WEEKDAYS] = { 0 };
  gint64 peak_sum[DAFTAR_CARE_N_WEEKDAYS][DAFTAR_CARE_N_HOURS] = { { 0 } };
  gint64 area_sum[DAFTAR_CARE_N_WEEKDAYS][DAFTAR_CARE_N_HOURS] = { { 0 } };
  sqlite3_stmt *stmt;
  int rc;

  memset (out, 0, sizeof *out);
  out->seats = seats;
  out->peak_hour = -1;

  /* Open days: the office issued a ticket. */
  stmt = prepare_period (db,
                         "SELECT " WEEKDAY_ROW ", count (*) FROM ("
                         "  SELECT DISTINCT office_code, day FROM daily_tickets WHERE " OFFICE_AND_DAYS
                         ") GROUP BY 1",
                         office_code, from, to, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int row = sqlite3_column_int (stmt, 0);
      if (row >= 0 && row < DAFTAR_CARE_N_WEEKDAYS)
        {
          open_days[row] = sqlite3_column_int64 (stmt, 1);
          out->days += open_days[row];
        }
    }
  if (!daftar_sql_finish (db, stmt, rc, "Reading the open days", error))
    return FALSE;

  stmt = prepare_period (db,
                         "SELECT " WEEKDAY_ROW ", hour, sum (peak > ?4), max (peak), sum (peak), sum (area_s) "
                         "FROM hourly_waiting WHERE " OFFICE_AND_DAYS " GROUP BY 1, 2",
                         office_code, from, to, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 4, seats);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int row = sqlite3_column_int (stmt, 0), hour = sqlite3_column_int (stmt, 1);
      DaftarCrowdingCell *cell;

      if (row < 0 || row >= DAFTAR_CARE_N_WEEKDAYS || hour < 0 || hour >= DAFTAR_CARE_N_HOURS)
        continue;
      cell = &out->cells[row][hour];
      cell->days_over = sqlite3_column_int64 (stmt, 2);
      cell->peak_max = sqlite3_column_int64 (stmt, 3);
      peak_sum[row][hour] = sqlite3_column_int64 (stmt, 4);
      area_sum[row][hour] = sqlite3_column_int64 (stmt, 5);
    }
  if (!daftar_sql_finish (db, stmt, rc, "Reading the clients waiting per hour", error))
    return FALSE;

  for (int h = 0; h < DAFTAR_CARE_N_HOURS; h++)
    {
      DaftarCrowdingCell *all = &out->by_hour[h];
      gint64 all_peaks = 0, all_area = 0;

      for (int r = 0; r < DAFTAR_CARE_N_WEEKDAYS; r++)
        {
          DaftarCrowdingCell *cell = &out->cells[r][h];

          cell->days = open_days[r];
          cell->share_over = ratio (cell->days_over, cell->days);
          cell->peak_mean = ratio (peak_sum[r][h], cell->days);
          cell->mean_waiting = ratio (area_sum[r][h], 3600.0 * cell->days);
          all->days += cell->days;
          all->days_over += cell->days_over;
          all->peak_max = MAX (all->peak_max, cell->peak_max);
          all_peaks += peak_sum[r][h];
          all_area += area_sum[r][h];
        }
      all->share_over = ratio (all->days_over, all->days);
      all->peak_mean = ratio (all_peaks, all->days);
      all->mean_waiting = ratio (all_area, 3600.0 * all->days);
    }

  stmt = prepare_period (db,
                         "SELECT count (*) FROM (SELECT DISTINCT office_code, day FROM hourly_waiting "
                         "WHERE " OFFICE_AND_DAYS " AND peak > ?4)",
                         office_code, from, to, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 4, seats);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    out->days_over = sqlite3_column_int64 (stmt, 0);
  if (!daftar_sql_finish (db, stmt, rc == SQLITE_ROW ? sqlite3_step (stmt) : rc, "Reading the crowded days", error))
    return FALSE;

  stmt = prepare_period (db,
                         "SELECT day, hour, peak FROM hourly_waiting WHERE " OFFICE_AND_DAYS " "
                         "ORDER BY peak DESC, day, hour LIMIT 1",
                         office_code, from, to, error);
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      daftar_time_parse_day ((const char *) sqlite3_column_text (stmt, 0), &out->peak_day);
      out->peak_hour = sqlite3_column_int (stmt, 1);
      out->peak = sqlite3_column_int64 (stmt, 2);
    }
  return daftar_sql_finish (db, stmt, rc == SQLITE_ROW ? sqlite3_step (stmt) : rc, "Reading the peak wait", error);
}

GPtrArray *
daftar_care_query_crowding_hours (DaftarDb     *db,
                                  const char   *office_code,
                                  const GDate  *from,
                                  const GDate  *to,
                                  GError      **error)
{
  g_autoptr(GPtrArray) hours = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_crowding_hour_free);
  sqlite3_stmt *stmt = prepare_period (db,
                                       "SELECT office_code, day, hour, peak, area_s FROM hourly_waiting "
                                       "WHERE " OFFICE_AND_DAYS " ORDER BY office_code, day, hour",
                                       office_code, from, to, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarCrowdingHour *hour = g_new0 (DaftarCrowdingHour, 1);

      hour->office_code = column_dup (stmt, 0);
      daftar_time_parse_day ((const char *) sqlite3_column_text (stmt, 1), &hour->day);
      hour->hour = sqlite3_column_int (stmt, 2);
      hour->peak = sqlite3_column_int64 (stmt, 3);
      hour->mean_waiting = sqlite3_column_int64 (stmt, 4) / 3600.0;
      g_ptr_array_add (hours, hour);
    }
  if (!daftar_sql_finish (db, stmt, rc, "Reading the clients waiting per hour", error))
    return NULL;
  return g_steal_pointer (&hours);
}

/* Idle while clients wait ------------------------------------------------ */

static gboolean
idle_rows (DaftarDb     *db,
           const char   *sql,
           const char   *office_code,
           const GDate  *from,
           const GDate  *to,
           gboolean      by_staff,
           GPtrArray    *out,
           GError      **error)
{
  sqlite3_stmt *stmt = prepare_period (db, sql, office_code, from, to, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarIdleRow *row = g_new0 (DaftarIdleRow, 1);

      row->counter = -1;
      if (by_staff)
        {
          row->staff_id = column_dup (stmt, 0);
          row->staff_name = column_dup (stmt, 1);
        }
      else
        row->counter = sqlite3_column_int (stmt, 0);
      row->shift = column_enum (stmt, 2, DAFTAR_TYPE_SHIFT, DAFTAR_SHIFT_MORNING);
      row->shifts = sqlite3_column_int64 (stmt, 3);
      row->open_s = sqlite3_column_int64 (stmt, 4);
      row->idle_s = sqlite3_column_int64 (stmt, 5);
      row->share = ratio (row->idle_s, row->open_s);
      row->idle_minutes_per_shift = ratio (row->idle_s / 60.0, row->shifts);
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
  sqlite3_stmt *stmt;
  int rc;

  memset (out, 0, sizeof *out);
  out->by_counter = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_idle_row_free);
  out->by_staff = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_idle_row_free);

  stmt = prepare_period (db,
                         "SELECT shift, sum (open_s), sum (idle_s) FROM daily_idle "
                         "WHERE " OFFICE_AND_DAYS " GROUP BY shift",
                         office_code, from, to, error);
  if (stmt == NULL)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int shift = column_enum (stmt, 0, DAFTAR_TYPE_SHIFT, DAFTAR_SHIFT_MORNING);

      out->by_shift_open_s[shift] += sqlite3_column_int64 (stmt, 1);
      out->by_shift_idle_s[shift] += sqlite3_column_int64 (stmt, 2);
      out->open_s += sqlite3_column_int64 (stmt, 1);
      out->idle_s += sqlite3_column_int64 (stmt, 2);
    }
  if (!daftar_sql_finish (db, stmt, rc, "Reading idle counter time", error))
    goto failed;
  out->share = ratio (out->idle_s, out->open_s);

  /* A counter of every office together is the same number at each. */
  if (!idle_rows (db,
                  "SELECT counter, NULL, shift, count (DISTINCT office_code || '/' || day), "
                  "  sum (open_s), sum (idle_s) FROM daily_idle WHERE " OFFICE_AND_DAYS " "
                  "GROUP BY counter, shift ORDER BY counter, shift = 'evening'",
                  office_code, from, to, FALSE, out->by_counter, error) ||
      !idle_rows (db,
                  "SELECT staff_id, (SELECT name FROM staff WHERE id = d.staff_id), shift, "
                  "  count (DISTINCT office_code || '/' || day), sum (open_s), sum (idle_s) AS i "
                  "FROM daily_idle d WHERE " OFFICE_AND_DAYS " AND staff_id <> '' "
                  "GROUP BY staff_id, shift ORDER BY i DESC, staff_id, shift = 'evening'",
                  office_code, from, to, TRUE, out->by_staff, error))
    goto failed;
  return TRUE;

failed:
  daftar_idle_figures_clear (out);
  return FALSE;
}

/* Satisfaction ------------------------------------------------------------ */

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
  int rc;

  memset (out, 0, sizeof *out);
  out->by_staff = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_rating_group_free);

  stmt = prepare_period (db,
                         "SELECT rating, wait_band, sum (n) FROM daily_feedback "
                         "WHERE " OFFICE_AND_DAYS " GROUP BY rating, wait_band",
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
  out->mean = ratio (rating_sum, out->n);
  for (guint b = 0; b < DAFTAR_N_WAIT_BANDS; b++)
    out->by_wait_band[b].mean = ratio (band_sum[b], out->by_wait_band[b].n);

  stmt = prepare_period (db,
                         "SELECT coalesce (sum (served), 0) FROM daily_tickets WHERE " OFFICE_AND_DAYS,
                         office_code, from, to, error);
  if (stmt == NULL)
    goto failed;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    out->served = sqlite3_column_int64 (stmt, 0);
  if (!daftar_sql_finish (db, stmt, rc == SQLITE_ROW ? sqlite3_step (stmt) : rc, "Reading the served tickets", error))
    goto failed;
  out->response_rate = ratio (out->n, out->served);

  stmt = prepare_period (db,
                         "SELECT staff_id, (SELECT name FROM staff WHERE id = d.staff_id), sum (n) AS k, "
                         "  sum (n * rating) FROM daily_feedback d WHERE " OFFICE_AND_DAYS " AND staff_id <> '' "
                         "GROUP BY staff_id ORDER BY k DESC, staff_id",
                         office_code, from, to, error);
  if (stmt == NULL)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarRatingGroup *group = g_new0 (DaftarRatingGroup, 1);

      group->staff_id = column_dup (stmt, 0);
      group->staff_name = column_dup (stmt, 1);
      group->n = sqlite3_column_int64 (stmt, 2);
      group->mean = ratio (sqlite3_column_int64 (stmt, 3), group->n);
      g_ptr_array_add (out->by_staff, group);
    }
  if (!daftar_sql_finish (db, stmt, rc, "Reading the ratings by staff member", error))
    goto failed;
  return TRUE;

failed:
  daftar_satisfaction_figures_clear (out);
  return FALSE;
}

/* The office's own ratings ------------------------------------------------ */

#define FEEDBACK_COLUMNS \
  "SELECT f.id, f.office_code, f.ticket_id, f.case_id, f.rating, f.channel, f.submitted_at, f.comment, " \
  "  t.staff_id, (SELECT name FROM staff WHERE id = t.staff_id) " \
  "FROM feedback f LEFT JOIN tickets t ON t.id = f.ticket_id AND t.office_code = f.office_code "

static GPtrArray *
read_feedback (DaftarDb      *db,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_feedback_item_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarFeedbackItem *item = g_new0 (DaftarFeedbackItem, 1);

      item->id = column_dup (stmt, 0);
      item->office_code = column_dup (stmt, 1);
      item->ticket_id = column_dup (stmt, 2);
      item->case_id = column_dup (stmt, 3);
      item->rating = sqlite3_column_int (stmt, 4);
      item->channel = column_enum (stmt, 5, DAFTAR_TYPE_FEEDBACK_CHANNEL, DAFTAR_FEEDBACK_CHANNEL_SMS);
      item->submitted_at = sqlite3_column_int64 (stmt, 6);
      item->comment = column_dup (stmt, 7);
      item->staff_id = column_dup (stmt, 8);
      item->staff_name = column_dup (stmt, 9);
      g_ptr_array_add (items, item);
    }
  if (!daftar_sql_finish (db, stmt, rc, "Reading the ratings", error))
    return NULL;
  return g_steal_pointer (&items);
}

GPtrArray *
daftar_care_query_low_ratings (DaftarDb     *db,
                               const char   *office_code,
                               const GDate  *from,
                               const GDate  *to,
                               int           max_rating,
                               guint         limit,
                               GError      **error)
{
  sqlite3_stmt *stmt;
  GDate next = *to;

  g_return_val_if_fail (office_code != NULL, NULL);
  stmt = daftar_db_prepare (db,
                            FEEDBACK_COLUMNS
                            "WHERE f.office_code = ?1 AND f.rating <= ?2 "
                            "  AND f.submitted_at >= ?3 AND f.submitted_at < ?4 "
                            "ORDER BY f.submitted_at DESC, f.id LIMIT ?5",
                            error);
  if (stmt == NULL)
    return NULL;
  g_date_add_days (&next, 1);
  sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, max_rating);
  sqlite3_bind_int64 (stmt, 3, daftar_time_day_start (from));
  sqlite3_bind_int64 (stmt, 4, daftar_time_day_start (&next));
  sqlite3_bind_int64 (stmt, 5, limit);
  return read_feedback (db, stmt, error);
}

GPtrArray *
daftar_care_search_comments (DaftarDb     *db,
                             const char   *office_code,
                             const char   *text,
                             guint         limit,
                             GError      **error)
{
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (office_code != NULL, NULL);
  key = daftar_text_search_key (text != NULL ? text : "");
  g_strstrip (key);
  if (key[0] == '\0')
    return g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_feedback_item_free);
  stmt = daftar_db_prepare (db,
                            FEEDBACK_COLUMNS
                            "WHERE f.office_code = ?1 AND instr (f.search_key, ?2) > 0 "
                            "ORDER BY f.submitted_at DESC, f.id LIMIT ?3",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, limit);
  return read_feedback (db, stmt, error);
}

/* Every figure ------------------------------------------------------------ */

DaftarCareFigures *
daftar_care_query (DaftarDb      *db,
                   const char    *office_code,
                   const GDate   *from,
                   const GDate   *to,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(DaftarCareFigures) figures = g_new0 (DaftarCareFigures, 1);

  figures->from = *from;
  figures->to = *to;
  if (!daftar_query_standards (db, &figures->standards, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !daftar_care_query_out_of_turn (db, office_code, from, to, DAFTAR_CARE_WORST_LIMIT,
                                      &figures->out_of_turn, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !daftar_care_query_crowding (db, office_code, from, to, (gint64) figures->standards.waiting_room_seats,
                                   &figures->crowding, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !daftar_care_query_idle (db, office_code, from, to, &figures->idle, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !daftar_care_query_satisfaction (db, office_code, from, to, &figures->satisfaction, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_prefix_error (error, "Reading the client-care figures: ");
      return NULL;
    }
  if (office_code != NULL)
    figures->low_ratings = daftar_care_query_low_ratings (db, office_code, from, to, 2,
                                                          DAFTAR_CARE_LOW_LIMIT, error);
  else
    figures->low_ratings = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_feedback_item_free);
  if (figures->low_ratings == NULL)
    {
      g_prefix_error (error, "Reading the client-care figures: ");
      return NULL;
    }
  return g_steal_pointer (&figures);
}
