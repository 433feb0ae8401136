/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-rollup-levels.c: keeps the network rows and the monthly and yearly rollups in step with the daily rollups of the offices. */
#define G_LOG_DOMAIN "daftar-rollups"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "daftar-period.h"
#include "daftar-queries.h"
#include "daftar-rollup-levels.h"
#include "daftar-rollups.h"
#include "daftar-sql.h"
#include "daftar-time.h"

/* Everything here is derived from the offices' daily rollups (never from
 * the base tables), so it is right as soon as they are: a network row sums
 * the offices' rows, a monthly row sums the month's daily rows and a yearly
 * row the year's monthly rows. See sql/003-months-and-network.sql and
 * sql/004-years.sql for the tables. As in daftar-rollups.c, amounts are
 * summed with daftar_sum() so that no office's sums can fail the network's
 * (daftar-sum.h). */

#define OFFICES "office_code IN (SELECT code FROM offices)"

/* The strftime weekday counts from Sunday = 0; + 1 mod 7 makes Saturday 0. */
#define WEEKDAY_OF(day) "(CAST (strftime('%w', " day ") AS INTEGER) + 1) % 7"
#define WEEKDAY WEEKDAY_OF ("day")

/* The waiting room's seats in force (daftar-queries.h). The crowded hours of the months, the years and the network's days are
 * counted against it and counted again when it changes
 * (daftar_rollup_levels_restandard). */
#define SEATS DAFTAR_SQL_WAITING_ROOM_SEATS

/* The network's daily rows for the days ?1 … ?2. */
static const char * const network_day_delete[] = {
  "DELETE FROM daily_cases WHERE office_code = '' AND day BETWEEN ?1 AND ?2",
  "DELETE FROM daily_tickets WHERE office_code = '' AND day BETWEEN ?1 AND ?2",
  "DELETE FROM daily_wait_hist WHERE office_code = '' AND day BETWEEN ?1 AND ?2",
  "DELETE FROM hourly_tickets WHERE office_code = '' AND day BETWEEN ?1 AND ?2",
  "DELETE FROM daily_notices WHERE office_code = '' AND day BETWEEN ?1 AND ?2",
  "DELETE FROM daily_view_times WHERE office_code = '' AND day BETWEEN ?1 AND ?2",
  "DELETE FROM daily_case_places WHERE office_code = '' AND day BETWEEN ?1 AND ?2",
  "DELETE FROM daily_case_staff WHERE office_code = '' AND day BETWEEN ?1 AND ?2",
  "DELETE FROM network_out_of_turn WHERE day BETWEEN ?1 AND ?2",
  "DELETE FROM network_waiting WHERE day BETWEEN ?1 AND ?2",
  "DELETE FROM network_open_days WHERE day BETWEEN ?1 AND ?2",
  "DELETE FROM network_idle WHERE day BETWEEN ?1 AND ?2",
  "DELETE FROM network_feedback WHERE day BETWEEN ?1 AND ?2",
};

static const char * const network_day_insert[] = {
  "INSERT INTO daily_cases (office_code, day, shift, kind, status, dest_scope, n, fee_total) "
  "SELECT '', day, shift, kind, status, dest_scope, sum(n), daftar_sum(fee_total) FROM daily_cases "
  "WHERE " OFFICES " AND day BETWEEN ?1 AND ?2 GROUP BY day, shift, kind, status, dest_scope",

  "INSERT INTO daily_tickets (office_code, day, shift, service, issued, served, no_show, "
  "  cancelled, wait_n, wait_sum_s, service_n, service_sum_s) "
  "SELECT '', day, shift, service, sum(issued), sum(served), sum(no_show), sum(cancelled), "
  "  sum(wait_n), daftar_sum(wait_sum_s), sum(service_n), daftar_sum(service_sum_s) FROM daily_tickets "
  "WHERE " OFFICES " AND day BETWEEN ?1 AND ?2 GROUP BY day, shift, service",

  "INSERT INTO daily_wait_hist (office_code, day, shift, minute, n) "
  "SELECT '', day, shift, minute, sum(n) FROM daily_wait_hist "
  "WHERE " OFFICES " AND day BETWEEN ?1 AND ?2 GROUP BY day, shift, minute",

  "INSERT INTO hourly_tickets (office_code, day, hour, arrivals, served, wait_sum_s, "
  "  service_sum_s, counters_open) "
  "SELECT '', day, hour, sum(arrivals), sum(served), daftar_sum(wait_sum_s), daftar_sum(service_sum_s), "
  "  sum(counters_open) FROM hourly_tickets "
  "WHERE " OFFICES " AND day BETWEEN ?1 AND ?2 GROUP BY day, hour",

  "INSERT INTO daily_notices (office_code, day, channel, issued, delivered, viewed, deemed, view_sum_s) "
  "SELECT '', day, channel, sum(issued), sum(delivered), sum(viewed), sum(deemed), daftar_sum(view_sum_s) "
  "FROM daily_notices WHERE " OFFICES " AND day BETWEEN ?1 AND ?2 GROUP BY day, channel",

  "INSERT INTO daily_view_times (office_code, day, bin, n) "
  "SELECT '', day, bin, sum(n) FROM daily_view_times "
  "WHERE " OFFICES " AND day BETWEEN ?1 AND ?2 GROUP BY day, bin",

  "INSERT INTO daily_case_places (office_code, day, dest_province, dest_city, n) "
  "SELECT '', day, dest_province, dest_city, sum(n) FROM daily_case_places "
  "WHERE " OFFICES " AND day BETWEEN ?1 AND ?2 GROUP BY day, dest_province, dest_city",

  "INSERT INTO daily_case_staff (office_code, day, shift, staff_id, n) "
  "SELECT '', day, shift, staff_id, sum(n) FROM daily_case_staff "
  "WHERE " OFFICES " AND day BETWEEN ?1 AND ?2 GROUP BY day, shift, staff_id",

  /* Client care (sql/011-care-network.sql): the network's days in the
   * shape of the months, a row per thing the page lists. A counter's or a
   * staff member's shifts count the offices it was open in that day, as
   * the offices' months count days. */
  "INSERT INTO network_out_of_turn (day, dim, key, called, out_of_turn, jumped) "
  "SELECT day, 'shift_service', shift || '/' || service, sum(called), sum(out_of_turn), sum(jumped) "
  "FROM daily_out_of_turn WHERE " OFFICES " AND day BETWEEN ?1 AND ?2 GROUP BY day, shift, service "
  "UNION ALL SELECT day, 'staff', staff_id, sum(called), sum(out_of_turn), sum(jumped) "
  "FROM daily_out_of_turn WHERE " OFFICES " AND day BETWEEN ?1 AND ?2 GROUP BY day, staff_id "
  "UNION ALL SELECT day, 'counter', CAST (counter AS TEXT), sum(called), sum(out_of_turn), sum(jumped) "
  "FROM daily_out_of_turn WHERE " OFFICES " AND day BETWEEN ?1 AND ?2 GROUP BY day, counter",

  "INSERT INTO network_waiting (day, weekday, hour, days, peak_max, peak_sum, area_s, days_over, over_limit) "
  "SELECT day, " WEEKDAY ", hour, count(*), max(peak), sum(peak), sum(area_s), sum(peak > s.v), s.v "
  "FROM hourly_waiting, (SELECT " SEATS " AS v) s "
  "WHERE " OFFICES " AND day BETWEEN ?1 AND ?2 GROUP BY day, hour",

  /* A client waits only on a day the office issued tickets, so the
   * crowded offices are among the open ones. */
  "INSERT INTO network_open_days (day, weekday, n, crowded, over_limit) "
  "SELECT t.day, " WEEKDAY_OF ("t.day") ", count(DISTINCT t.office_code), "
  "  (SELECT count(DISTINCT h.office_code) FROM hourly_waiting h "
  "   WHERE h.office_code IN (SELECT code FROM offices) AND h.day = t.day AND h.peak > s.v), s.v "
  "FROM hourly_tickets t, (SELECT " SEATS " AS v) s "
  "WHERE t.office_code IN (SELECT code FROM offices) AND t.day BETWEEN ?1 AND ?2 AND t.arrivals > 0 "
  "GROUP BY t.day",

  "INSERT INTO network_idle (day, dim, key, shift, shifts, open_s, idle_s) "
  "SELECT day, 'counter', CAST (counter AS TEXT), shift, count(DISTINCT office_code), sum(open_s), sum(idle_s) "
  "FROM daily_idle WHERE " OFFICES " AND day BETWEEN ?1 AND ?2 GROUP BY day, counter, shift "
  "UNION ALL SELECT day, 'staff', staff_id, shift, count(DISTINCT office_code), sum(open_s), sum(idle_s) "
  "FROM daily_idle WHERE " OFFICES " AND day BETWEEN ?1 AND ?2 GROUP BY day, staff_id, shift",

  "INSERT INTO network_feedback (day, dim, key, rating, n, rating_sum) "
  "SELECT day, 'wait_band', CAST (wait_band AS TEXT), rating, sum(n), sum(n * rating) FROM daily_feedback "
  "WHERE " OFFICES " AND day BETWEEN ?1 AND ?2 GROUP BY day, wait_band, rating "
  "UNION ALL SELECT day, 'staff', staff_id, 0, sum(n), sum(n * rating) FROM daily_feedback "
  "WHERE " OFFICES " AND day BETWEEN ?1 AND ?2 GROUP BY day, staff_id",
};

G_STATIC_ASSERT (G_N_ELEMENTS (network_day_delete) == G_N_ELEMENTS (network_day_insert));

/* The network's month to date of client care (sql/011-care-network.sql)
 * for the days ?2 … ?3 of the month that starts on ?1: for each of them
 * that has rows, the sum of the month's days up to it. */
#define MONTH_TO_DATE(table, keys, values, sums) \
  { "DELETE FROM " table "_mtd WHERE day BETWEEN ?2 AND ?3", \
    "INSERT INTO " table "_mtd (day, " keys ", " values ") " \
    "SELECT d.day, " keys ", " sums " " \
    "FROM (SELECT DISTINCT day FROM " table " WHERE day BETWEEN ?2 AND ?3) d " \
    "JOIN " table " n ON n.day BETWEEN ?1 AND d.day GROUP BY d.day, " keys }

static const struct
{
  const char *delete;
  const char *insert;
} month_to_date_tables[] = {
  MONTH_TO_DATE ("network_out_of_turn", "dim, key", "called, out_of_turn, jumped",
                 "sum(called), sum(out_of_turn), sum(jumped)"),
  MONTH_TO_DATE ("network_idle", "dim, key, shift", "shifts, open_s, idle_s",
                 "sum(shifts), sum(open_s), sum(idle_s)"),
  MONTH_TO_DATE ("network_feedback", "dim, key, rating", "n, rating_sum", "sum(n), sum(rating_sum)"),
};


/* Shifts over the standard are counted against the standard in force,
 * which the row records (sql/003-months-and-network.sql). */
#define CASE_STAFF_DELETE "DELETE FROM monthly_case_staff WHERE office_code = ?1 AND day = ?2"
#define CASE_STAFF_INSERT \
  "INSERT INTO monthly_case_staff (office_code, day, shift, staff_id, n, days, max_n, over_n, over_limit) " \
  "SELECT ?1, ?2, shift, staff_id, sum(n), count(*), max(n), coalesce(sum(n > l.v), 0), l.v " \
  "FROM daily_case_staff, (SELECT (SELECT value FROM standards WHERE key = 'max_cases_per_staff_shift') AS v) l " \
  "WHERE office_code = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY shift, staff_id"

typedef struct
{
  const char *delete;    /* ?1 office, ?2 the month's first day */
  const char *insert;    /* ?1 office, ?2 first day, ?3 last day */
  /* How the network's row of the month is made: NETWORK_FROM_DAYS runs
   * insert for office '' (the network's daily rows), NETWORK_FROM_OFFICES
   * runs network_insert over the offices' monthly rows, NETWORK_NONE has
   * no network row. */
  enum { NETWORK_FROM_DAYS, NETWORK_FROM_OFFICES, NETWORK_NONE } network;
  const char *network_insert;   /* ?1 '', ?2 first day */
} MonthlyTable;

static const MonthlyTable monthly_tables[] = {
  { "DELETE FROM monthly_cases WHERE office_code = ?1 AND day = ?2",
    "INSERT INTO monthly_cases (office_code, day, shift, kind, status, dest_scope, n, fee_total) "
    "SELECT ?1, ?2, shift, kind, status, dest_scope, sum(n), daftar_sum(fee_total) FROM daily_cases "
    "WHERE office_code = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY shift, kind, status, dest_scope",
    NETWORK_FROM_DAYS, NULL },

  { "DELETE FROM monthly_tickets WHERE office_code = ?1 AND day = ?2",
    "INSERT INTO monthly_tickets (office_code, day, shift, service, issued, served, no_show, "
    "  cancelled, wait_n, wait_sum_s, service_n, service_sum_s) "
    "SELECT ?1, ?2, shift, service, sum(issued), sum(served), sum(no_show), sum(cancelled), "
    "  sum(wait_n), daftar_sum(wait_sum_s), sum(service_n), daftar_sum(service_sum_s) FROM daily_tickets "
    "WHERE office_code = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY shift, service",
    NETWORK_FROM_DAYS, NULL },

  { "DELETE FROM monthly_wait_hist WHERE office_code = ?1 AND day = ?2",
    "INSERT INTO monthly_wait_hist (office_code, day, shift, minute, n) "
    "SELECT ?1, ?2, shift, minute, sum(n) FROM daily_wait_hist "
    "WHERE office_code = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY shift, minute",
    NETWORK_FROM_DAYS, NULL },

  { "DELETE FROM monthly_hours WHERE office_code = ?1 AND day = ?2",
    "INSERT INTO monthly_hours (office_code, day, weekday, hour, arrivals, served, wait_sum_s, "
    "  service_sum_s, counters_open) "
    "SELECT ?1, ?2, " WEEKDAY " AS w, hour, sum(arrivals), sum(served), daftar_sum(wait_sum_s), "
    "  daftar_sum(service_sum_s), sum(counters_open) FROM hourly_tickets "
    "WHERE office_code = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY w, hour",
    NETWORK_FROM_DAYS, NULL },

  /* The open days, and those of them with an hour over the seats. */
  { "DELETE FROM monthly_open_days WHERE office_code = ?1 AND day = ?2",
    "INSERT INTO monthly_open_days (office_code, day, weekday, n, crowded, over_limit) "
    "SELECT ?1, ?2, w, count(*), sum(c), v FROM ("
    "  SELECT " WEEKDAY_OF ("t.day") " AS w, s.v AS v, EXISTS (SELECT 1 FROM hourly_waiting h "
    "    WHERE h.office_code = ?1 AND h.day = t.day AND h.peak > s.v) AS c "
    "  FROM (SELECT DISTINCT day FROM hourly_tickets "
    "        WHERE office_code = ?1 AND day BETWEEN ?2 AND ?3 AND arrivals > 0) t, (SELECT " SEATS " AS v) s"
    ") GROUP BY w",
    NETWORK_FROM_OFFICES,
    "INSERT INTO monthly_open_days (office_code, day, weekday, n, crowded, over_limit) "
    "SELECT ?1, ?2, weekday, sum(n), sum(crowded), " SEATS " FROM monthly_open_days "
    "WHERE " OFFICES " AND day = ?2 GROUP BY weekday" },

  { "DELETE FROM monthly_notices WHERE office_code = ?1 AND day = ?2",
    "INSERT INTO monthly_notices (office_code, day, channel, issued, delivered, viewed, deemed, view_sum_s) "
    "SELECT ?1, ?2, channel, sum(issued), sum(delivered), sum(viewed), sum(deemed), daftar_sum(view_sum_s) "
    "FROM daily_notices WHERE office_code = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY channel",
    NETWORK_FROM_DAYS, NULL },

  { "DELETE FROM monthly_view_times WHERE office_code = ?1 AND day = ?2",
    "INSERT INTO monthly_view_times (office_code, day, bin, n) "
    "SELECT ?1, ?2, bin, sum(n) FROM daily_view_times "
    "WHERE office_code = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY bin",
    NETWORK_FROM_DAYS, NULL },

  { "DELETE FROM monthly_case_places WHERE office_code = ?1 AND day = ?2",
    "INSERT INTO monthly_case_places (office_code, day, dest_province, dest_city, n) "
    "SELECT ?1, ?2, dest_province, dest_city, sum(n) FROM daily_case_places "
    "WHERE office_code = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY dest_province, dest_city",
    NETWORK_FROM_DAYS, NULL },

  /* A staff member works in one office, so the network's days of a staff
   * member are that office's days. */
  { CASE_STAFF_DELETE, CASE_STAFF_INSERT, NETWORK_FROM_DAYS, NULL },

  { "DELETE FROM monthly_counter_load WHERE office_code = ?1 AND day = ?2",
    "INSERT INTO monthly_counter_load (office_code, day, shift, counter, served, service_sum_s) "
    "SELECT ?1, ?2, shift, counter, sum(served), daftar_sum(service_sum_s) FROM daily_ticket_load "
    "WHERE office_code = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY shift, counter",
    NETWORK_NONE, NULL },

  { "DELETE FROM monthly_staff_load WHERE office_code = ?1 AND day = ?2",
    "INSERT INTO monthly_staff_load (office_code, day, shift, staff_id, served, days) "
    "SELECT ?1, ?2, shift, staff_id, sum(served), count(DISTINCT day) FROM daily_ticket_load "
    "WHERE office_code = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY shift, staff_id",
    NETWORK_NONE, NULL },

  /* Client care (sql/009-client-care.sql): each breakdown the page shows,
   * not their every combination, so that a month is a few dozen rows. The
   * network's month sums the offices' months: every figure here is a count
   * or a sum (a counter's shifts are counted per office, as the page counts
   * them), and the peaks' max is the offices' max. */
  { "DELETE FROM monthly_out_of_turn WHERE office_code = ?1 AND day = ?2",
    "INSERT INTO monthly_out_of_turn (office_code, day, dim, key, called, out_of_turn, jumped) "
    "SELECT ?1, ?2, 'shift_service', shift || '/' || service, sum(called), sum(out_of_turn), sum(jumped) "
    "FROM daily_out_of_turn WHERE office_code = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY shift, service "
    "UNION ALL SELECT ?1, ?2, 'staff', staff_id, sum(called), sum(out_of_turn), sum(jumped) "
    "FROM daily_out_of_turn WHERE office_code = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY staff_id "
    "UNION ALL SELECT ?1, ?2, 'counter', CAST (counter AS TEXT), sum(called), sum(out_of_turn), sum(jumped) "
    "FROM daily_out_of_turn WHERE office_code = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY counter",
    NETWORK_FROM_OFFICES,
    "INSERT INTO monthly_out_of_turn (office_code, day, dim, key, called, out_of_turn, jumped) "
    "SELECT ?1, ?2, dim, key, sum(called), sum(out_of_turn), sum(jumped) FROM monthly_out_of_turn "
    "WHERE " OFFICES " AND day = ?2 GROUP BY dim, key" },

  { "DELETE FROM monthly_waiting WHERE office_code = ?1 AND day = ?2",
    "INSERT INTO monthly_waiting (office_code, day, weekday, hour, days, peak_max, peak_sum, area_s, "
    "  days_over, over_limit) "
    "SELECT ?1, ?2, " WEEKDAY " AS w, hour, count(*), max(peak), sum(peak), sum(area_s), sum(peak > s.v), s.v "
    "FROM hourly_waiting, (SELECT " SEATS " AS v) s "
    "WHERE office_code = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY w, hour",
    NETWORK_FROM_OFFICES,
    "INSERT INTO monthly_waiting (office_code, day, weekday, hour, days, peak_max, peak_sum, area_s, "
    "  days_over, over_limit) "
    "SELECT ?1, ?2, weekday, hour, sum(days), max(peak_max), sum(peak_sum), sum(area_s), sum(days_over), "
    "  " SEATS " FROM monthly_waiting WHERE " OFFICES " AND day = ?2 GROUP BY weekday, hour" },

  { "DELETE FROM monthly_idle WHERE office_code = ?1 AND day = ?2",
    "INSERT INTO monthly_idle (office_code, day, dim, key, shift, shifts, open_s, idle_s) "
    "SELECT ?1, ?2, 'counter', CAST (counter AS TEXT), shift, count(DISTINCT day), sum(open_s), sum(idle_s) "
    "FROM daily_idle WHERE office_code = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY counter, shift "
    "UNION ALL SELECT ?1, ?2, 'staff', staff_id, shift, count(DISTINCT day), sum(open_s), sum(idle_s) "
    "FROM daily_idle WHERE office_code = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY staff_id, shift",
    NETWORK_FROM_OFFICES,
    "INSERT INTO monthly_idle (office_code, day, dim, key, shift, shifts, open_s, idle_s) "
    "SELECT ?1, ?2, dim, key, shift, sum(shifts), sum(open_s), sum(idle_s) FROM monthly_idle "
    "WHERE " OFFICES " AND day = ?2 GROUP BY dim, key, shift" },

  { "DELETE FROM monthly_feedback WHERE office_code = ?1 AND day = ?2",
    "INSERT INTO monthly_feedback (office_code, day, dim, key, rating, n, rating_sum) "
    "SELECT ?1, ?2, 'wait_band', CAST (wait_band AS TEXT), rating, sum(n), sum(n * rating) FROM daily_feedback "
    "WHERE office_code = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY wait_band, rating "
    "UNION ALL SELECT ?1, ?2, 'staff', staff_id, 0, sum(n), sum(n * rating) FROM daily_feedback "
    "WHERE office_code = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY staff_id",
    NETWORK_FROM_OFFICES,
    "INSERT INTO monthly_feedback (office_code, day, dim, key, rating, n, rating_sum) "
    "SELECT ?1, ?2, dim, key, rating, sum(n), sum(rating_sum) FROM monthly_feedback "
    "WHERE " OFFICES " AND day = ?2 GROUP BY dim, key, rating" },
};

/* A yearly table sums its monthly table over a Jalali year, for each
 * office_code the monthly table has (the network's too, where it has them):
 * ?1 office, ?2 the year's first day, ?3 its last. */
typedef struct
{
  const char *delete;
  const char *insert;
} YearlyTable;

#define YEARLY(name, keys, values, sums) \
  { "DELETE FROM yearly_" name " WHERE office_code = ?1 AND day = ?2", \
    "INSERT INTO yearly_" name " (office_code, day, " keys ", " values ") " \
    "SELECT ?1, ?2, " keys ", " sums " FROM monthly_" name " " \
    "WHERE office_code = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY " keys }

static const YearlyTable yearly_tables[] = {
  YEARLY ("tickets", "shift, service",
          "issued, served, no_show, cancelled, wait_n, wait_sum_s, service_n, service_sum_s",
          "sum(issued), sum(served), sum(no_show), sum(cancelled), sum(wait_n), daftar_sum(wait_sum_s), "
          "sum(service_n), daftar_sum(service_sum_s)"),
  YEARLY ("hours", "weekday, hour", "arrivals, served, wait_sum_s, service_sum_s, counters_open",
          "sum(arrivals), sum(served), daftar_sum(wait_sum_s), daftar_sum(service_sum_s), sum(counters_open)"),
  YEARLY ("open_days", "weekday", "n, crowded", "sum(n), sum(crowded)"),
  YEARLY ("counter_load", "shift, counter", "served, service_sum_s", "sum(served), daftar_sum(service_sum_s)"),
  /* The months' days never overlap, so their sum is the year's. */
  YEARLY ("staff_load", "shift, staff_id", "served, days", "sum(served), sum(days)"),
  YEARLY ("out_of_turn", "dim, key", "called, out_of_turn, jumped", "sum(called), sum(out_of_turn), sum(jumped)"),
  YEARLY ("waiting", "weekday, hour", "days, peak_max, peak_sum, area_s, days_over",
          "sum(days), max(peak_max), sum(peak_sum), sum(area_s), sum(days_over)"),
  YEARLY ("idle", "dim, key, shift", "shifts, open_s, idle_s", "sum(shifts), sum(open_s), sum(idle_s)"),
  YEARLY ("feedback", "dim, key, rating", "n, rating_sum", "sum(n), sum(rating_sum)"),
};

struct _DaftarRollupLevels
{
  GHashTable *days;            /* Julian day numbers */
  GHashTable *office_months;   /* "office\x1fJulian of the month's first day" */
  GHashTable *months;          /* Julian of the month's first day */
  GHashTable *office_years;    /* "office\x1fJulian of the year's first day", the network's too */
};

static gboolean
run (DaftarDb     *db,
     const char   *sql,
     const char   *a,
     const char   *b,
     const char   *c,
     GError      **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare_static (db, sql, error);
  const char *values[] = { a, b, c };
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (int i = 0; i < sqlite3_bind_parameter_count (stmt) && i < 3; i++)
    sqlite3_bind_text (stmt, i + 1, values[i], -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Recomputing the network and monthly rollups"));
      return FALSE;
    }
  return TRUE;
}

/* The month to date of the days @first … @last and of the rest of their
 * months, which sums them. */
static gboolean
refresh_months_to_date (DaftarDb    *db,
                        const char  *first,
                        const char  *last,
                        GError     **error)
{
  GDate day, end, month_start, month_end;

  if (!daftar_time_parse_day (first, &day) || !daftar_time_parse_day (last, &end))
    return TRUE;
  while (g_date_compare (&day, &end) <= 0)
    {
      char start_text[11], from_text[11], end_text[11];

      daftar_bin_bounds (DAFTAR_BIN_MONTH, &day, &month_start, &month_end);
      daftar_time_format_day (&month_start, start_text);
      daftar_time_format_day (&day, from_text);
      daftar_time_format_day (&month_end, end_text);
      for (guint i = 0; i < G_N_ELEMENTS (month_to_date_tables); i++)
        if (!run (db, month_to_date_tables[i].delete, start_text, from_text, end_text, error) ||
            !run (db, month_to_date_tables[i].insert, start_text, from_text, end_text, error))
          return FALSE;
      day = month_end;
      g_date_add_days (&day, 1);
    }
  return TRUE;
}

static gboolean
refresh_network_days (DaftarDb    *db,
                      const char  *first,
                      const char  *last,
                      GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (network_day_delete); i++)
    if (!run (db, network_day_delete[i], first, last, NULL, error) ||
        !run (db, network_day_insert[i], first, last, NULL, error))
      return FALSE;
  return refresh_months_to_date (db, first, last, error);
}

/* The monthly rows of @office_code ('' for the network) for the month that
 * starts on @first. The network's rows need the offices' rows of the month
 * first (NETWORK_FROM_OFFICES). */
static gboolean
refresh_month (DaftarDb     *db,
               const char   *office_code,
               const GDate  *first,
               GError      **error)
{
  gboolean network = office_code[0] == '\0';
  char first_text[11], last_text[11];
  GDate start, last;

  daftar_bin_bounds (DAFTAR_BIN_MONTH, first, &start, &last);
  daftar_time_format_day (&start, first_text);
  daftar_time_format_day (&last, last_text);

  for (guint i = 0; i < G_N_ELEMENTS (monthly_tables); i++)
    {
      const MonthlyTable *t = &monthly_tables[i];
      const char *insert = t->insert;

      if (network && t->network == NETWORK_NONE)
        continue;
      if (network && t->network == NETWORK_FROM_OFFICES)
        insert = t->network_insert;
      if (!run (db, t->delete, office_code, first_text, NULL, error) ||
          !run (db, insert, office_code, first_text, last_text, error))
        return FALSE;
    }
  return TRUE;
}

/* The yearly rows of @office_code ('' for the network) for the Jalali year
 * that starts on @first, after its monthly rows. */
static gboolean
refresh_year (DaftarDb     *db,
              const char   *office_code,
              const GDate  *first,
              GError      **error)
{
  char first_text[11], last_text[11];
  GDate start, last;

  daftar_jalali_year_bounds (first, &start, &last);
  daftar_time_format_day (&start, first_text);
  daftar_time_format_day (&last, last_text);
  for (guint i = 0; i < G_N_ELEMENTS (yearly_tables); i++)
    if (!run (db, yearly_tables[i].delete, office_code, first_text, NULL, error) ||
        !run (db, yearly_tables[i].insert, office_code, first_text, last_text, error))
      return FALSE;
  return TRUE;
}

static void
add_year (GHashTable  *office_years,
          const char  *office_code,
          const GDate *day)
{
  GDate first, last;

  daftar_jalali_year_bounds (day, &first, &last);
  g_hash_table_add (office_years, g_strdup_printf ("%s\x1f%u", office_code, g_date_get_julian (&first)));
}

/* Refreshes every "office\x1fJulian" of @office_years. */
static gboolean
refresh_years (DaftarDb    *db,
               GHashTable  *office_years,
               GError     **error)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, office_years);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *sep = strchr (key, '\x1f');
      g_autofree char *office = g_strndup (key, sep - (const char *) key);
      GDate first;

      g_date_clear (&first, 1);
      g_date_set_julian (&first, (guint32) g_ascii_strtoull (sep + 1, NULL, 10));
      if (!refresh_year (db, office, &first, error))
        return FALSE;
    }
  return TRUE;
}

DaftarRollupLevels *
daftar_rollup_levels_new (void)
{
  DaftarRollupLevels *levels = g_new0 (DaftarRollupLevels, 1);

  levels->days = g_hash_table_new (NULL, NULL);
  levels->office_months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  levels->months = g_hash_table_new (NULL, NULL);
  levels->office_years = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return levels;
}

void
daftar_rollup_levels_free (DaftarRollupLevels *levels)
{
  if (levels == NULL)
    return;
  g_hash_table_unref (levels->days);
  g_hash_table_unref (levels->office_months);
  g_hash_table_unref (levels->months);
  g_hash_table_unref (levels->office_years);
  g_free (levels);
}

void
daftar_rollup_levels_add (DaftarRollupLevels *levels,
                          const char         *office_code,
                          const GDate        *day)
{
  GDate first, last;
  guint32 month;

  g_return_if_fail (office_code != NULL && office_code[0] != '\0');
  g_return_if_fail (g_date_valid (day));

  daftar_bin_bounds (DAFTAR_BIN_MONTH, day, &first, &last);
  month = g_date_get_julian (&first);
  g_hash_table_add (levels->days, GUINT_TO_POINTER (g_date_get_julian (day)));
  g_hash_table_add (levels->months, GUINT_TO_POINTER (month));
  g_hash_table_add (levels->office_months, g_strdup_printf ("%s\x1f%u", office_code, month));
  add_year (levels->office_years, office_code, day);
  add_year (levels->office_years, DAFTAR_NETWORK_OFFICE, day);
}

static void
julian_to_text (gpointer julian,
                char     out[11])
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, GPOINTER_TO_UINT (julian));
  daftar_time_format_day (&day, out);
}

static int
compare_julian (gconstpointer a,
                gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return (x > y) - (x < y);
}

gboolean
daftar_rollup_levels_refresh (DaftarRollupLevels *levels,
                              DaftarDb           *db,
                              GError            **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (guint32));
  GHashTableIter iter;
  gpointer key;

  /* Days in runs: a page of a sync is mostly consecutive days, and one
   * statement per run and table costs far less than one per day. */
  g_hash_table_iter_init (&iter, levels->days);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint32 julian = GPOINTER_TO_UINT (key);
      g_array_append_val (days, julian);
    }
  g_array_sort (days, compare_julian);
  for (guint i = 0; i < days->len; )
    {
      guint j = i + 1;
      char first[11], last[11];

      while (j < days->len && g_array_index (days, guint32, j) == g_array_index (days, guint32, j - 1) + 1)
        j++;
      julian_to_text (GUINT_TO_POINTER (g_array_index (days, guint32, i)), first);
      julian_to_text (GUINT_TO_POINTER (g_array_index (days, guint32, j - 1)), last);
      if (!refresh_network_days (db, first, last, error))
        return FALSE;
      i = j;
    }

  g_hash_table_iter_init (&iter, levels->office_months);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_auto(GStrv) parts = g_strsplit (key, "\x1f", 2);
      GDate first;

      g_date_clear (&first, 1);
      g_date_set_julian (&first, (guint32) g_ascii_strtoull (parts[1], NULL, 10));
      if (!refresh_month (db, parts[0], &first, error))
        return FALSE;
    }

  g_hash_table_iter_init (&iter, levels->months);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GDate first;

      g_date_clear (&first, 1);
      g_date_set_julian (&first, GPOINTER_TO_UINT (key));
      if (!refresh_month (db, DAFTAR_NETWORK_OFFICE, &first, error))
        return FALSE;
    }

  /* The years last: they sum the months, the network's included. */
  return refresh_years (db, levels->office_years, error);
}

gboolean
daftar_rollup_levels_rebuild_years (DaftarDb  *db,
                                    GError   **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db,
    "SELECT office_code, day FROM monthly_tickets UNION SELECT office_code, day FROM monthly_hours "
    "UNION SELECT office_code, day FROM monthly_open_days UNION SELECT office_code, day FROM monthly_counter_load "
    "UNION SELECT office_code, day FROM monthly_staff_load",
    error);
  g_autoptr(GHashTable) office_years = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate month;

      if (daftar_time_parse_day ((const char *) sqlite3_column_text (stmt, 1), &month))
        add_year (office_years, (const char *) sqlite3_column_text (stmt, 0), &month);
    }
  if (!daftar_sql_finish (db, stmt, rc, _("Listing the years to sum"), error))
    return FALSE;
  return refresh_years (db, office_years, error);
}

/* The months, years and network's days whose crowded hours were counted
 * against other seats than the standard's now, summed again. */
static gboolean
recount_crowding (DaftarDb  *db,
                  GError   **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db,
    "SELECT office_code, day FROM monthly_waiting WHERE over_limit IS NOT " SEATS " "
    "UNION SELECT office_code, day FROM monthly_open_days WHERE over_limit IS NOT " SEATS " "
    "UNION SELECT '', day FROM network_waiting WHERE over_limit IS NOT " SEATS " "
    "UNION SELECT '', day FROM network_open_days WHERE over_limit IS NOT " SEATS,
    error);
  g_autoptr(DaftarRollupLevels) levels = daftar_rollup_levels_new ();
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *office_code = (const char *) sqlite3_column_text (stmt, 0);
      GDate day, first, last;

      if (office_code == NULL || !daftar_time_parse_day ((const char *) sqlite3_column_text (stmt, 1), &day))
        continue;
      if (office_code[0] != '\0')
        {
          daftar_rollup_levels_add (levels, office_code, &day);
          continue;
        }
      /* The network's own: its day (or a month's first day, summed again
       * with no harm), its month and its year. */
      daftar_bin_bounds (DAFTAR_BIN_MONTH, &day, &first, &last);
      g_hash_table_add (levels->days, GUINT_TO_POINTER (g_date_get_julian (&day)));
      g_hash_table_add (levels->months, GUINT_TO_POINTER (g_date_get_julian (&first)));
      add_year (levels->office_years, DAFTAR_NETWORK_OFFICE, &day);
    }
  if (!daftar_sql_finish (db, stmt, rc, _("Listing months to recount"), error))
    return FALSE;
  return daftar_rollup_levels_refresh (levels, db, error);
}

gboolean
daftar_rollup_levels_restandard (DaftarDb  *db,
                                 GError   **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db,
    "SELECT DISTINCT office_code, day FROM monthly_case_staff "
    "WHERE over_limit IS NOT (SELECT value FROM standards WHERE key = 'max_cases_per_staff_shift')",
    error);
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (stale, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (stale, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (!daftar_sql_finish (db, stmt, rc, _("Listing months to recount"), error))
    return FALSE;

  for (guint i = 0; i + 1 < stale->len; i += 2)
    {
      GDate first, start, last;
      char last_text[11];

      if (!daftar_time_parse_day (g_ptr_array_index (stale, i + 1), &first))
        continue;
      daftar_bin_bounds (DAFTAR_BIN_MONTH, &first, &start, &last);
      daftar_time_format_day (&last, last_text);
      if (!run (db, CASE_STAFF_DELETE, g_ptr_array_index (stale, i), g_ptr_array_index (stale, i + 1),
                NULL, error) ||
          !run (db, CASE_STAFF_INSERT, g_ptr_array_index (stale, i), g_ptr_array_index (stale, i + 1),
                last_text, error))
        return FALSE;
    }
  return recount_crowding (db, error);
}
