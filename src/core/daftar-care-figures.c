/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-care-figures.c: the four client-care figures of a period, read from the daily rollups at its edges (the network's month to date for every office) and the monthly and yearly ones inside it. */
#define G_LOG_DOMAIN "daftar-care"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "daftar-care.h"
#include "daftar-care-private.h"
#include "daftar-period.h"
#include "daftar-sql.h"
#include "daftar-time.h"

/* Every office's own rows, one index range each (daftar-sql.h); the
 * network's rows (office_code '') are no office's. */
#define OFFICES DAFTAR_SQL_OFFICE_IN ("office_code")

/* A period is read as its spans (daftar_sql_prepare_year_spans): the days
 * at its edges (?2 … ?3, ?4 … ?5), the whole months (?6 … ?9) and the whole
 * Jalali years (?10 … ?11). One office reads its own daily rows at the
 * edges; every office together reads the network's days (network_*,
 * sql/011-care-network.sql), which have the months' columns, or where a
 * day has a row per staff member their month to date (?12 … ?17,
 * bind_months_to_date). Both read their own months and years: the
 * office's, or the network's (office_code '', daftar-rollup-levels.c). A
 * query is written once for both, as a CareSql, with @dcols the daily
 * columns and @mcols the months' under the same names. */
typedef struct
{
  const char *office;
  const char *network;
  gboolean    month_to_date;
} CareSql;

#define NETWORK DAFTAR_SQL_NETWORK_OR_OFFICE ("office_code")
#define CARE_DAYS(cols, daily, where) \
  "SELECT " cols " FROM " daily " WHERE " where "day BETWEEN ?2 AND ?3" \
  " UNION ALL SELECT " cols " FROM " daily " WHERE " where "day BETWEEN ?4 AND ?5"
#define CARE_MONTHS(mcols, monthly, yearly) \
  " UNION ALL SELECT " mcols " FROM " monthly " WHERE " NETWORK " AND day BETWEEN ?6 AND ?7" \
  " UNION ALL SELECT " mcols " FROM " monthly " WHERE " NETWORK " AND day BETWEEN ?8 AND ?9" \
  " UNION ALL SELECT " mcols " FROM " yearly " WHERE " NETWORK " AND day BETWEEN ?10 AND ?11"
#define CARE_SQL(head, dcols, daily, network, mcols, monthly, yearly, tail) \
  { head CARE_DAYS (dcols, daily, "office_code = ?1 AND ") CARE_MONTHS (mcols, monthly, yearly) tail, \
    head CARE_DAYS (mcols, network, "") CARE_MONTHS (mcols, monthly, yearly) tail, FALSE }

/* The network's edges from the month to date in @table (whose rows of
 * the breakdown are @rows): at the last day of each part of a month, less
 * at the day before its first, with @negcols the columns negated. */
#define CARE_MONTH_TO_DATE(cols, negcols, rows, table) \
  "SELECT " cols " FROM " rows " WHERE day = (SELECT max (day) FROM " table " WHERE day BETWEEN ?12 AND ?13)" \
  " UNION ALL SELECT " negcols " FROM " rows \
  " WHERE day = (SELECT max (day) FROM " table " WHERE day BETWEEN ?12 AND ?14)" \
  " UNION ALL SELECT " cols " FROM " rows " WHERE day = (SELECT max (day) FROM " table " WHERE day BETWEEN ?15 AND ?16)" \
  " UNION ALL SELECT " negcols " FROM " rows \
  " WHERE day = (SELECT max (day) FROM " table " WHERE day BETWEEN ?15 AND ?17)"

/* As CARE_SQL for a breakdown by @dim of network_@name's month to date;
 * @tail must leave out the keys whose sums came to nothing (a staff member
 * seen earlier in the month but not in the period). */
#define CARE_SQL_MTD(head, dcols, daily, name, dim, mcols, negcols, tail) \
  { head CARE_DAYS (dcols, daily, "office_code = ?1 AND ") \
      CARE_MONTHS (mcols, "(SELECT * FROM monthly_" name " WHERE dim = '" dim "')", \
                   "(SELECT * FROM yearly_" name " WHERE dim = '" dim "')") tail, \
    head CARE_MONTH_TO_DATE (mcols, negcols, "(SELECT * FROM network_" name "_mtd WHERE dim = '" dim "')", \
                             "network_" name "_mtd") \
      CARE_MONTHS (mcols, "(SELECT * FROM monthly_" name " WHERE dim = '" dim "')", \
                   "(SELECT * FROM yearly_" name " WHERE dim = '" dim "')") tail, TRUE }

/* Binds ?@index … ?@index+2 to the part @first … @last of the month that
 * starts on @month_start: its first day, @last, and the day before
 * @first, which is no day of the month when @first is its first. */
static void
bind_month_part (sqlite3_stmt *stmt,
                 int           index,
                 const GDate  *month_start,
                 const GDate  *first,
                 const GDate  *last)
{
  char text[11];
  GDate before;

  if (month_start == NULL)
    {
      sqlite3_bind_text (stmt, index, "1", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, index + 1, "0", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, index + 2, "0", -1, SQLITE_STATIC);
      return;
    }
  daftar_time_format_day (month_start, text);
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  daftar_time_format_day (last, text);
  sqlite3_bind_text (stmt, index + 1, text, -1, SQLITE_TRANSIENT);
  if (g_date_compare (first, month_start) <= 0)
    {
      sqlite3_bind_text (stmt, index + 2, "0", -1, SQLITE_STATIC);
      return;
    }
  before = *first;
  g_date_subtract_days (&before, 1);
  daftar_time_format_day (&before, text);
  sqlite3_bind_text (stmt, index + 2, text, -1, SQLITE_TRANSIENT);
}

/* The days of @from … @to that daftar_sql_prepare_year_spans reads from
 * the days: those of the first and the last month that the period does
 * not hold whole (every month between them it holds whole), ?12 … ?14
 * and ?15 … ?17. */
static void
bind_months_to_date (sqlite3_stmt *stmt,
                     const GDate  *from,
                     const GDate  *to)
{
  GDate first_start, first_end, last_start, last_end;
  gboolean one_month;

  daftar_bin_bounds (DAFTAR_BIN_MONTH, from, &first_start, &first_end);
  daftar_bin_bounds (DAFTAR_BIN_MONTH, to, &last_start, &last_end);
  one_month = g_date_compare (&first_start, &last_start) == 0;
  if (g_date_compare (&first_start, from) == 0 && g_date_compare (&first_end, to) <= 0)
    bind_month_part (stmt, 12, NULL, NULL, NULL);
  else
    bind_month_part (stmt, 12, &first_start, from, one_month ? to : &first_end);
  if (one_month || (g_date_compare (&last_end, to) == 0 && g_date_compare (&last_start, from) >= 0))
    bind_month_part (stmt, 15, NULL, NULL, NULL);
  else
    bind_month_part (stmt, 15, &last_start, &last_start, to);
}

static sqlite3_stmt *
care_prepare (DaftarDb       *db,
              const CareSql  *sql,
              const char     *office_code,
              const GDate    *from,
              const GDate    *to,
              GError        **error)
{
  sqlite3_stmt *stmt = daftar_sql_prepare_year_spans (db, office_code != NULL ? sql->office : sql->network,
                                                      office_code, from, to, error);

  if (stmt != NULL && office_code == NULL && sql->month_to_date)
    bind_months_to_date (stmt, from, to);
  return stmt;
}

/* The strftime weekday counts from Sunday; the heatmaps' rows from Saturday. */
#define WEEKDAY_ROW "((CAST (strftime ('%w', day) AS INTEGER) + 1) % 7)"

/* A breakdown of out of turn by @dim, as k, c, o, j. */
#define OUT_OF_TURN_SQL(head, dcols, dim, tail) \
  CARE_SQL_MTD (head, dcols, "daily_out_of_turn", "out_of_turn", dim, \
                "key AS k, called AS c, out_of_turn AS o, jumped AS j", \
                "key AS k, -called AS c, -out_of_turn AS o, -jumped AS j", tail)

static const CareSql out_of_turn_by_shift_service = OUT_OF_TURN_SQL (
  "SELECT k, sum (c), sum (o), sum (j) FROM (",
  "shift || '/' || service AS k, called AS c, out_of_turn AS o, jumped AS j", "shift_service",
  ") GROUP BY k HAVING sum (c) > 0");

static const CareSql out_of_turn_by_staff = OUT_OF_TURN_SQL (
  "SELECT k, (SELECT name FROM staff WHERE id = k), sum (c), sum (o), sum (j) FROM (",
  "staff_id AS k, called AS c, out_of_turn AS o, jumped AS j", "staff",
  ") WHERE k <> '' GROUP BY k HAVING sum (c) > 0 ORDER BY sum (o) DESC, sum (c) DESC, k");

static const CareSql out_of_turn_by_counter = OUT_OF_TURN_SQL (
  "SELECT CAST (k AS INTEGER) AS n, NULL, sum (c), sum (o), sum (j) FROM (",
  "CAST (counter AS TEXT) AS k, called AS c, out_of_turn AS o, jumped AS j", "counter",
  ") GROUP BY n HAVING n >= 0 AND sum (c) > 0 ORDER BY n");

/* Open days per weekday, and of them the crowded (for every office
 * together: one office counts its own down the peak index, for any
 * seats). An office's day at the edges is a day it issued a ticket. */
static const CareSql open_days_by_weekday = CARE_SQL (
  "SELECT w, count (DISTINCT d) + sum (n), sum (c) FROM (",
  "office_code || '/' || day AS d, " WEEKDAY_ROW " AS w, 0 AS n, 0 AS c",
  "(SELECT * FROM hourly_tickets WHERE arrivals > 0)", "network_open_days",
  "NULL AS d, weekday AS w, n, crowded AS c", "monthly_open_days", "yearly_open_days",
  ") GROUP BY w");

/* Waiting per weekday and hour; the days over the seats as open_days. */
static const CareSql waiting_by_hour = CARE_SQL (
  "SELECT w, hour, max (m), sum (p), sum (a), sum (o) FROM (",
  WEEKDAY_ROW " AS w, hour, peak AS m, peak AS p, area_s AS a, 0 AS o", "hourly_waiting", "network_waiting",
  "weekday AS w, hour, peak_max AS m, peak_sum AS p, area_s AS a, days_over AS o",
  "monthly_waiting", "yearly_waiting",
  ") GROUP BY w, hour");

/* Idle time by @dim, as k, s (shift), d (an office-day at the edges), m
 * (the shifts counted in a month or a network's day), o and i. The shifts
 * a counter was open in are the distinct office-days at the edges: a
 * counter's day has a row per staff member. */
#define IDLE_SQL(head, dcols, dim, tail) \
  CARE_SQL_MTD (head, dcols, "daily_idle", "idle", dim, \
                "key AS k, shift AS s, NULL AS d, shifts AS m, open_s AS o, idle_s AS i", \
                "key AS k, shift AS s, NULL AS d, -shifts AS m, -open_s AS o, -idle_s AS i", tail)

static const CareSql idle_by_counter = IDLE_SQL (
  "SELECT CAST (k AS INTEGER) AS n, NULL, s, count (DISTINCT d) + sum (m), sum (o), sum (i) FROM (",
  "CAST (counter AS TEXT) AS k, shift AS s, office_code || '/' || day AS d, 0 AS m, open_s AS o, idle_s AS i",
  "counter",
  ") GROUP BY n, s HAVING count (DISTINCT d) + sum (m) > 0 ORDER BY n, s = 'evening'");

static const CareSql idle_by_staff = IDLE_SQL (
  "SELECT k, (SELECT name FROM staff WHERE id = k), s, count (DISTINCT d) + sum (m), sum (o), sum (i) AS idle FROM (",
  "staff_id AS k, shift AS s, office_code || '/' || day AS d, 0 AS m, open_s AS o, idle_s AS i",
  "staff",
  ") WHERE k <> '' GROUP BY k, s HAVING count (DISTINCT d) + sum (m) > 0 ORDER BY idle DESC, k, s = 'evening'");

/* The ratings by @dim ('wait_band' or 'staff', sql/011-care-network.sql). */
#define FEEDBACK_SQL(head, dcols, dim, mcols, negcols, tail) \
  CARE_SQL_MTD (head, dcols, "daily_feedback", "feedback", dim, mcols, negcols, tail)

static const CareSql ratings_by_wait = FEEDBACK_SQL (
  "SELECT r, b, sum (n) FROM (",
  "rating AS r, wait_band AS b, n", "wait_band", "rating AS r, CAST (key AS INTEGER) AS b, n",
  "rating AS r, CAST (key AS INTEGER) AS b, -n AS n",
  ") GROUP BY r, b HAVING sum (n) > 0");

static const CareSql ratings_by_staff = FEEDBACK_SQL (
  "SELECT k, (SELECT name FROM staff WHERE id = k), sum (n) AS c, sum (s) FROM (",
  "staff_id AS k, n, n * rating AS s", "staff", "key AS k, n, rating_sum AS s", "key AS k, -n AS n, -rating_sum AS s",
  ") WHERE k <> '' GROUP BY k HAVING c > 0 ORDER BY c DESC, k");

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
  sqlite3_stmt *stmt = care_prepare (db, &out_of_turn_by_shift_service, office_code, from, to, error);
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
  return daftar_sql_finish (db, stmt, rc, _("Reading the tickets served out of turn"), error);
}

/* Who a breakdown's row is: a staff member (columns 0 and 1, the id and
 * the name) or a counter (column 0; -1 for a staff member). */
static void
column_who (sqlite3_stmt  *stmt,
            gboolean       by_staff,
            int           *counter,
            char         **staff_id,
            char         **staff_name)
{
  *counter = -1;
  if (by_staff)
    {
      *staff_id = daftar_care_column_dup (stmt, 0);
      *staff_name = daftar_care_column_dup (stmt, 1);
    }
  else
    *counter = sqlite3_column_int (stmt, 0);
}

static gboolean
out_of_turn_groups (DaftarDb       *db,
                    const CareSql  *sql,
                    const char     *office_code,
                    const GDate    *from,
                    const GDate    *to,
                    gboolean        by_staff,
                    GPtrArray      *out,
                    GError        **error)
{
  sqlite3_stmt *stmt = care_prepare (db, sql, office_code, from, to, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarOutOfTurnGroup *group = g_new0 (DaftarOutOfTurnGroup, 1);

      column_who (stmt, by_staff, &group->counter, &group->staff_id, &group->staff_name);
      count_add (&group->count, sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3),
                 sqlite3_column_int64 (stmt, 4));
      count_finish (&group->count);
      g_ptr_array_add (out, group);
    }
  return daftar_sql_finish (db, stmt, rc, _("Reading who served out of turn"), error);
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
  return daftar_sql_finish (db, stmt, rc, _("Reading the worst tickets served out of turn"), error);
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
      !out_of_turn_groups (db, &out_of_turn_by_staff, office_code, from, to, TRUE, out->by_staff, error) ||
      !out_of_turn_groups (db, &out_of_turn_by_counter, office_code, from, to, FALSE, out->by_counter, error) ||
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

/* Open days per weekday (days an office issued a ticket on), and for
 * every office together the crowded days among them. */
static gboolean
open_days (DaftarDb     *db,
           const char   *office_code,
           const GDate  *from,
           const GDate  *to,
           gint64        out[DAFTAR_CARE_N_WEEKDAYS],
           gint64       *crowded,
           GError      **error)
{
  sqlite3_stmt *stmt = care_prepare (db, &open_days_by_weekday, office_code, from, to, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int row = sqlite3_column_int (stmt, 0);

      if (row >= 0 && row < DAFTAR_CARE_N_WEEKDAYS)
        out[row] += sqlite3_column_int64 (stmt, 1);
      *crowded += sqlite3_column_int64 (stmt, 2);
    }
  return daftar_sql_finish (db, stmt, rc, _("Reading the open days"), error);
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

/* Whether @seats are the seats in force, which the rollups count against. */
static gboolean
seats_in_force (DaftarDb  *db,
                gint64     seats,
                gboolean  *in_force,
                GError   **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, "SELECT " DAFTAR_SQL_WAITING_ROOM_SEATS, error);
  gboolean found;

  if (stmt == NULL || !single_row (db, stmt, _("Reading the waiting room's seats"), &found, error))
    return FALSE;
  *in_force = sqlite3_column_int64 (stmt, 0) == seats;
  sqlite3_reset (stmt);
  return TRUE;
}

/* The hours over @seats per weekday and hour, and the office-days with
 * one, of one office or every office: read down the peak index. */
static gboolean
hours_over (DaftarDb               *db,
            const char             *office_code,
            const GDate            *from,
            const GDate            *to,
            gint64                  seats,
            DaftarCrowdingFigures  *out,
            GError                **error)
{
  sqlite3_stmt *stmt;
  gboolean found;
  int rc;

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
  if (!daftar_sql_finish (db, stmt, rc, _("Reading the hours over the seats"), error))
    return FALSE;

  stmt = daftar_care_prepare_period (db,
                                     "SELECT count (*) FROM (SELECT DISTINCT office_code, day FROM hourly_waiting "
                                     "INDEXED BY hourly_waiting_by_peak "
                                     "WHERE " OFFICES " AND peak > ?4 AND day BETWEEN ?2 AND ?3)",
                                     office_code, from, to, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 4, seats);
  if (!single_row (db, stmt, _("Reading the crowded days"), &found, error))
    return FALSE;
  out->days_over = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
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
  gint64 crowded = 0;
  gboolean counted = FALSE;
  sqlite3_stmt *stmt;
  gboolean found;
  int rc;

  memset (out, 0, sizeof *out);
  out->seats = seats;
  out->peak_hour = -1;

  /* Every office together has its crowded hours counted in the network's
   * rows, against the seats in force (daftar-rollup-levels.c). One office
   * counts its own, which are few, down the peak index; so does every
   * office for other seats. */
  if (office_code == NULL && !seats_in_force (db, seats, &counted, error))
    return FALSE;
  if (!open_days (db, office_code, from, to, days, &crowded, error))
    return FALSE;
  for (int r = 0; r < DAFTAR_CARE_N_WEEKDAYS; r++)
    out->days += days[r];

  stmt = care_prepare (db, &waiting_by_hour, office_code, from, to, error);
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
      if (counted)
        out->cells[row][hour].days_over = sqlite3_column_int64 (stmt, 5);
      out->peak = MAX (out->peak, out->cells[row][hour].peak_max);
    }
  if (!daftar_sql_finish (db, stmt, rc, _("Reading the clients waiting per hour"), error))
    return FALSE;

  if (counted)
    out->days_over = crowded;
  else if (!hours_over (db, office_code, from, to, seats, out, error))
    return FALSE;

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
      if (!single_row (db, stmt, _("Reading the peak wait"), &found, error))
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
           const CareSql      *sql,
           const char         *office_code,
           const GDate        *from,
           const GDate        *to,
           gboolean            by_staff,
           DaftarIdleFigures  *figures,
           GPtrArray          *out,
           GError            **error)
{
  sqlite3_stmt *stmt = care_prepare (db, sql, office_code, from, to, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarIdleRow *row = g_new0 (DaftarIdleRow, 1);

      column_who (stmt, by_staff, &row->counter, &row->staff_id, &row->staff_name);
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
  return daftar_sql_finish (db, stmt, rc, _("Reading idle counter time"), error);
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

  if (!idle_rows (db, &idle_by_counter, office_code, from, to, FALSE, out, out->by_counter, error) ||
      !idle_rows (db, &idle_by_staff, office_code, from, to, TRUE, out, out->by_staff, error))
    {
      daftar_idle_figures_clear (out);
      return FALSE;
    }
  out->share = daftar_care_ratio (out->idle_s, out->open_s);
  return TRUE;
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
  gboolean found;
  int rc;

  memset (out, 0, sizeof *out);
  out->by_staff = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_rating_group_free);

  stmt = care_prepare (db, &ratings_by_wait, office_code, from, to, error);
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
  if (!daftar_sql_finish (db, stmt, rc, _("Reading the ratings"), error))
    goto failed;
  out->mean = daftar_care_ratio (rating_sum, out->n);
  for (guint b = 0; b < DAFTAR_N_WAIT_BANDS; b++)
    out->by_wait_band[b].mean = daftar_care_ratio (band_sum[b], out->by_wait_band[b].n);

  /* Served tickets: the network's rows or the office's, as other pages. */
  stmt = daftar_sql_prepare_year_spans (db,
                                        "SELECT coalesce (sum (served), 0) FROM ("
                                        DAFTAR_SQL_YEAR_SPANS ("served", "tickets", "") ")",
                                        office_code, from, to, error);
  if (stmt == NULL || !single_row (db, stmt, _("Reading the served tickets"), &found, error))
    goto failed;
  out->served = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  out->response_rate = daftar_care_ratio (out->n, out->served);

  stmt = care_prepare (db, &ratings_by_staff, office_code, from, to, error);
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
  if (!daftar_sql_finish (db, stmt, rc, _("Reading the ratings by staff member"), error))
    goto failed;
  return TRUE;

failed:
  daftar_satisfaction_figures_clear (out);
  return FALSE;
}
