/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-rollups.c: rebuilds the daily rollups of one (office, day) from the base tables. */
#define G_LOG_DOMAIN "daftar-rollups"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-care.h"
#include "daftar-rollups.h"
#include "daftar-time.h"

/* Each statement takes ?1 office, ?2 day text, ?3 local midnight, ?4 the next
 * local midnight. Hours are counted from ?3: Iran's old DST switches happened
 * at midnight, so within one local day this is the wall-clock hour. Counts
 * are summed with sum(), amounts (rials, seconds) with daftar_sum(), which
 * cannot fail on overflow (daftar-sum.h). */

static const char * const delete_sql[] = {
  "DELETE FROM daily_cases WHERE office_code = ?1 AND day = ?2",
  "DELETE FROM daily_tickets WHERE office_code = ?1 AND day = ?2",
  "DELETE FROM daily_wait_hist WHERE office_code = ?1 AND day = ?2",
  "DELETE FROM hourly_tickets WHERE office_code = ?1 AND day = ?2",
  "DELETE FROM daily_notices WHERE office_code = ?1 AND day = ?2",
  "DELETE FROM daily_case_places WHERE office_code = ?1 AND day = ?2",
  "DELETE FROM daily_case_staff WHERE office_code = ?1 AND day = ?2",
  "DELETE FROM daily_ticket_load WHERE office_code = ?1 AND day = ?2",
  "DELETE FROM daily_view_times WHERE office_code = ?1 AND day = ?2",
};

static const char * const insert_sql[] = {
  /* Destination scope: no destination or the office's own city is local. */
  "INSERT INTO daily_cases (office_code, day, shift, kind, status, dest_scope, n, fee_total) "
  "SELECT ?1, ?2, c.shift, c.kind, c.status, "
  "  CASE WHEN c.dest_city IS NULL OR c.dest_city = o.city THEN 'local' "
  "       WHEN c.dest_province = o.province THEN 'province' ELSE 'other' END AS scope, "
  "  count(*), coalesce(daftar_sum(c.fee), 0) "
  "FROM cases c LEFT JOIN offices o ON o.code = c.office_code "
  "WHERE c.office_code = ?1 AND c.filed_at >= ?3 AND c.filed_at < ?4 "
  "GROUP BY c.shift, c.kind, c.status, scope",

  "INSERT INTO daily_tickets (office_code, day, shift, service, issued, served, no_show, "
  "  cancelled, wait_n, wait_sum_s, service_n, service_sum_s) "
  "SELECT ?1, ?2, CASE WHEN issued_at - ?3 < 14 * 3600 THEN 'morning' ELSE 'evening' END AS sh, "
  "  service, count(*), sum(outcome = 'served'), sum(outcome = 'no_show'), "
  "  sum(outcome = 'cancelled'), "
  "  sum(outcome = 'served' AND called_at IS NOT NULL), "
  "  coalesce(daftar_sum(CASE WHEN outcome = 'served' THEN called_at - issued_at END), 0), "
  "  count(finished_at - started_at), coalesce(daftar_sum(finished_at - started_at), 0) "
  "FROM tickets WHERE office_code = ?1 AND issued_at >= ?3 AND issued_at < ?4 "
  "GROUP BY sh, service",

  "INSERT INTO daily_wait_hist (office_code, day, shift, minute, n) "
  "SELECT ?1, ?2, CASE WHEN issued_at - ?3 < 14 * 3600 THEN 'morning' ELSE 'evening' END AS sh, "
  "  min(600, (called_at - issued_at + 59) / 60) AS m, count(*) "
  "FROM tickets WHERE office_code = ?1 AND issued_at >= ?3 AND issued_at < ?4 "
  "  AND outcome = 'served' AND called_at IS NOT NULL "
  "GROUP BY sh, m",

  "INSERT INTO hourly_tickets (office_code, day, hour, arrivals, served, wait_sum_s, "
  "  service_sum_s, counters_open) "
  "SELECT ?1, ?2, h, sum(a), sum(s), daftar_sum(w), daftar_sum(t), sum(c) FROM ("
  "  SELECT (issued_at - ?3) / 3600 AS h, 1 AS a, outcome = 'served' AS s, "
  "    CASE WHEN outcome = 'served' AND called_at IS NOT NULL THEN called_at - issued_at ELSE 0 END AS w, "
  "    coalesce(finished_at - started_at, 0) AS t, 0 AS c "
  "  FROM tickets WHERE office_code = ?1 AND issued_at >= ?3 AND issued_at < ?4 "
  "  UNION ALL "
  "  SELECT (started_at - ?3) / 3600, 0, 0, 0, 0, count(DISTINCT counter) "
  "  FROM tickets WHERE office_code = ?1 AND issued_at >= ?3 AND issued_at < ?4 "
  "    AND started_at IS NOT NULL AND counter IS NOT NULL "
  "  GROUP BY 1"
  ") GROUP BY h",

  "INSERT INTO daily_notices (office_code, day, channel, issued, delivered, viewed, deemed, view_sum_s) "
  "SELECT ?1, ?2, channel, count(*), count(delivered_at), count(viewed_at), count(deemed_at), "
  "  coalesce(daftar_sum(viewed_at - issued_at), 0) "
  "FROM notices WHERE office_code = ?1 AND issued_at >= ?3 AND issued_at < ?4 "
  "GROUP BY channel",

  "INSERT INTO daily_case_places (office_code, day, dest_province, dest_city, n) "
  "SELECT ?1, ?2, coalesce(dest_province, ''), coalesce(dest_city, ''), count(*) "
  "FROM cases WHERE office_code = ?1 AND filed_at >= ?3 AND filed_at < ?4 "
  "GROUP BY 3, 4",

  "INSERT INTO daily_case_staff (office_code, day, shift, staff_id, n) "
  "SELECT ?1, ?2, shift, coalesce(staff_id, ''), count(*) "
  "FROM cases WHERE office_code = ?1 AND filed_at >= ?3 AND filed_at < ?4 "
  "GROUP BY 3, 4",

  "INSERT INTO daily_ticket_load (office_code, day, shift, counter, staff_id, served, service_sum_s) "
  "SELECT ?1, ?2, CASE WHEN issued_at - ?3 < 14 * 3600 THEN 'morning' ELSE 'evening' END AS sh, "
  "  coalesce(counter, -1) AS c, coalesce(staff_id, '') AS s, count(*), "
  "  coalesce(daftar_sum(finished_at - started_at), 0) "
  "FROM tickets WHERE office_code = ?1 AND issued_at >= ?3 AND issued_at < ?4 "
  "  AND outcome = 'served' "
  "GROUP BY sh, c, s",

  /* The bins of daftar_view_bin_lower_s/upper_s; 8: not viewed yet. */
  "INSERT INTO daily_view_times (office_code, day, bin, n) "
  "SELECT ?1, ?2, CASE "
  "  WHEN viewed_at IS NULL THEN 8 "
  "  WHEN viewed_at - issued_at < 3600 THEN 0 "
  "  WHEN viewed_at - issued_at < 21600 THEN 1 "
  "  WHEN viewed_at - issued_at < 86400 THEN 2 "
  "  WHEN viewed_at - issued_at < 172800 THEN 3 "
  "  WHEN viewed_at - issued_at < 259200 THEN 4 "
  "  WHEN viewed_at - issued_at < 604800 THEN 5 "
  "  WHEN viewed_at - issued_at < 864000 THEN 6 "
  "  ELSE 7 END AS b, count(*) "
  "FROM notices WHERE office_code = ?1 AND issued_at >= ?3 AND issued_at < ?4 "
  "  AND channel = 'electronic' "
  "GROUP BY b",
};

static gboolean
run (DaftarDb     *db,
     const char   *sql,
     const char   *office_code,
     const char   *day,
     gint64        start,
     gint64        end,
     GError      **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare_static (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  /* The delete statements name only ?1 and ?2. */
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    {
      sqlite3_bind_int64 (stmt, 3, start);
      sqlite3_bind_int64 (stmt, 4, end);
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Recomputing rollups"));
      return FALSE;
    }
  return TRUE;
}

gboolean
daftar_rollups_recompute_day (DaftarDb     *db,
                              const char   *office_code,
                              const GDate  *day,
                              GError      **error)
{
  GDate next = *day;
  char day_text[11];
  gint64 start, end;

  g_date_add_days (&next, 1);
  start = daftar_time_day_start (day);
  end = daftar_time_day_start (&next);
  daftar_time_format_day (day, day_text);

  for (guint i = 0; i < G_N_ELEMENTS (delete_sql); i++)
    if (!run (db, delete_sql[i], office_code, day_text, start, end, error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (insert_sql); i++)
    if (!run (db, insert_sql[i], office_code, day_text, start, end, error))
      return FALSE;
  /* Client care: a sweep in C over the day's tickets (daftar-care-rollups.c). */
  return daftar_care_recompute_day (db, office_code, day_text, start, end, error);
}

GPtrArray *
daftar_rollups_list_days (DaftarDb    *db,
                          const char  *office_code,
                          GError     **error)
{
  /* Case days come from the rollup itself; ticket and notice days do not
   * depend on the office record, but listing them too keeps this general. */
  static const char *sql =
    "SELECT day FROM daily_cases WHERE office_code = ?1 "
    "UNION SELECT day FROM daily_tickets WHERE office_code = ?1 "
    "UNION SELECT day FROM daily_notices WHERE office_code = ?1 "
    "UNION SELECT day FROM daily_feedback WHERE office_code = ?1";
  sqlite3_stmt *stmt = daftar_db_prepare (db, sql, error);
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (days, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Listing rollup days"));
      return NULL;
    }
  return g_steal_pointer (&days);
}
