/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-queries.c: the figures that screens and reports show, read from the rollups. */
#define G_LOG_DOMAIN "daftar-queries"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "daftar-sql.h"
#include "daftar-queries.h"
#include "daftar-time.h"

/* One statement serves both one office and the whole network. */
#define OFFICE_FILTER DAFTAR_SQL_NETWORK_OR_OFFICE ("office_code")

void
daftar_office_info_free (DaftarOfficeInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->code);
  g_free (info->name);
  g_free (info->city);
  g_free (info);
}

gboolean
daftar_query_standards (DaftarDb         *db,
                        DaftarStandards  *out,
                        GError          **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, "SELECT key, value FROM standards", error);
  int rc;

  /* Defaults of the service standards until the server sends its own. */
  out->target_wait_minutes = 15;
  out->target_service_level = 0.8;
  out->target_read_rate = 0.9;
  out->max_cases_per_staff_shift = 25;
  out->occupancy_cap = 0.85;
  out->max_counters = 6;
  out->max_out_of_turn_share = 0.02;
  out->waiting_room_seats = DAFTAR_WAITING_ROOM_SEATS_DEFAULT;
  out->target_rating = 4.0;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      double value = sqlite3_column_double (stmt, 1);

      if (g_str_equal (key, "target_wait_minutes"))
        out->target_wait_minutes = value;
      else if (g_str_equal (key, "target_service_level"))
        out->target_service_level = value;
      else if (g_str_equal (key, "target_read_rate"))
        out->target_read_rate = value;
      else if (g_str_equal (key, "max_cases_per_staff_shift"))
        out->max_cases_per_staff_shift = value;
      else if (g_str_equal (key, "occupancy_cap"))
        out->occupancy_cap = value;
      else if (g_str_equal (key, "max_counters"))
        out->max_counters = value;
      else if (g_str_equal (key, "max_out_of_turn_share"))
        out->max_out_of_turn_share = value;
      else if (g_str_equal (key, "waiting_room_seats"))
        out->waiting_room_seats = value;
      else if (g_str_equal (key, "target_rating"))
        out->target_rating = value;
    }
  return daftar_sql_finish (db, stmt, rc, _("Reading figures"), error);
}

GPtrArray *
daftar_query_offices (DaftarDb  *db,
                      GError   **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, "SELECT code, name, city FROM offices ORDER BY name, code", error);
  g_autoptr(GPtrArray) offices = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_office_info_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarOfficeInfo *info = g_new0 (DaftarOfficeInfo, 1);

      info->code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      info->city = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (offices, info);
    }
  if (!daftar_sql_finish (db, stmt, rc, _("Reading figures"), error))
    return NULL;
  return g_steal_pointer (&offices);
}

gboolean
daftar_query_staff_name (DaftarDb     *db,
                         const char   *staff_id,
                         char        **out_name,
                         GError      **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, "SELECT name FROM staff WHERE id = ?1", error);
  int rc;

  *out_name = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, staff_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      rc = SQLITE_DONE;
    }
  return daftar_sql_finish (db, stmt, rc, _("Reading staff names"), error);
}

gboolean
daftar_query_data_span (DaftarDb    *db,
                        const char  *office_code,
                        GDate       *first,
                        GDate       *last,
                        GError     **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db,
    "SELECT min(d), max(d) FROM ("
    "  SELECT min(day) AS d FROM daily_tickets WHERE " OFFICE_FILTER
    "  UNION ALL SELECT max(day) FROM daily_tickets WHERE " OFFICE_FILTER
    "  UNION ALL SELECT min(day) FROM daily_cases WHERE " OFFICE_FILTER
    "  UNION ALL SELECT max(day) FROM daily_cases WHERE " OFFICE_FILTER
    "  UNION ALL SELECT min(day) FROM daily_notices WHERE " OFFICE_FILTER
    "  UNION ALL SELECT max(day) FROM daily_notices WHERE " OFFICE_FILTER
    ")", error);
  gboolean found = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (office_code != NULL)
    sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    found = daftar_time_parse_day ((const char *) sqlite3_column_text (stmt, 0), first) &&
            daftar_time_parse_day ((const char *) sqlite3_column_text (stmt, 1), last);
  if (rc == SQLITE_ROW)
    rc = SQLITE_DONE;
  if (!daftar_sql_finish (db, stmt, rc, _("Reading figures"), error))
    return FALSE;
  return found;
}

static gboolean
sum_cases (DaftarDb             *db,
           const char           *office_code,
           DaftarPeriodSummary  *out,
           GError              **error)
{
  sqlite3_stmt *stmt = daftar_sql_prepare_spans (db,
    "SELECT kind, sum(n) FROM (" DAFTAR_SQL_SPANS ("kind, n", "cases", "") ") GROUP BY kind",
    office_code, &out->from, &out->to, TRUE, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int kind = -1;
      gint64 n = sqlite3_column_int64 (stmt, 1);

      if (daftar_enum_from_nick (DAFTAR_TYPE_CASE_KIND, (const char *) sqlite3_column_text (stmt, 0), &kind))
        out->cases_by_kind[kind] += n;
      if (kind == DAFTAR_CASE_KIND_SANA_REGISTRATION)
        out->sana_registrations += n;
      out->cases += n;
    }
  return daftar_sql_finish (db, stmt, rc, _("Reading figures"), error);
}

static gboolean
sum_tickets (DaftarDb             *db,
             const char           *office_code,
             DaftarPeriodSummary  *out,
             GError              **error)
{
  sqlite3_stmt *stmt = daftar_sql_prepare_spans (db,
    "SELECT sum(issued), sum(served), sum(no_show), sum(wait_n), daftar_sum(wait_sum_s) FROM ("
    DAFTAR_SQL_SPANS ("issued, served, no_show, wait_n, wait_sum_s", "tickets", "") ")",
    office_code, &out->from, &out->to, TRUE, error);
  gint64 wait_n, wait_sum;
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->tickets_issued = sqlite3_column_int64 (stmt, 0);
      out->tickets_served = sqlite3_column_int64 (stmt, 1);
      out->tickets_no_show = sqlite3_column_int64 (stmt, 2);
      wait_n = sqlite3_column_int64 (stmt, 3);
      wait_sum = sqlite3_column_int64 (stmt, 4);
      out->wait_mean_minutes = wait_n > 0 ? (double) wait_sum / wait_n / 60.0 : NAN;
      rc = SQLITE_DONE;
    }
  return daftar_sql_finish (db, stmt, rc, _("Reading figures"), error);
}

/* The 90th percentile and the share within target, from the per-minute
 * histogram: exact to the minute, whatever the range. */
static gboolean
wait_distribution (DaftarDb             *db,
                   const char           *office_code,
                   DaftarPeriodSummary  *out,
                   GError              **error)
{
  sqlite3_stmt *stmt = daftar_sql_prepare_spans (db,
    "SELECT minute, sum(n) FROM (" DAFTAR_SQL_SPANS ("minute, n", "wait_hist", "") ") "
    "GROUP BY minute ORDER BY minute",
    office_code, &out->from, &out->to, TRUE, error);
  g_autoptr(GArray) minutes = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  gint64 total = 0, within = 0, running = 0;
  int rc;

  out->wait_p90_minutes = -1;
  out->served_within_target = NAN;
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_val (minutes, row);
      total += row[1];
      if (row[0] <= out->standards.target_wait_minutes)
        within += row[1];
    }
  if (!daftar_sql_finish (db, stmt, rc, _("Reading figures"), error))
    return FALSE;
  if (total == 0)
    return TRUE;

  out->served_within_target = (double) within / total;
  for (guint i = 0; i < minutes->len; i++)
    {
      const gint64 *row = &g_array_index (minutes, gint64, i * 2);
      running += row[1];
      /* The smallest minute m such that at least 90% waited m minutes or less. */
      if (running * 10 >= total * 9)
        {
          out->wait_p90_minutes = (int) row[0];
          break;
        }
    }
  return TRUE;
}

static gboolean
sum_notices (DaftarDb             *db,
             const char           *office_code,
             DaftarPeriodSummary  *out,
             GError              **error)
{
  sqlite3_stmt *stmt = daftar_sql_prepare_spans (db,
    "SELECT channel, sum(issued), sum(viewed) FROM ("
    DAFTAR_SQL_SPANS ("channel, issued, viewed", "notices", "") ") GROUP BY channel",
    office_code, &out->from, &out->to, TRUE, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int channel;

      if (!daftar_enum_from_nick (DAFTAR_TYPE_NOTICE_CHANNEL, (const char *) sqlite3_column_text (stmt, 0), &channel))
        continue;
      if (channel == DAFTAR_NOTICE_CHANNEL_ELECTRONIC)
        {
          out->e_notices_issued = sqlite3_column_int64 (stmt, 1);
          out->e_notices_viewed = sqlite3_column_int64 (stmt, 2);
        }
      else
        {
          out->paper_notices_issued = sqlite3_column_int64 (stmt, 1);
          out->paper_notices_viewed = sqlite3_column_int64 (stmt, 2);
        }
    }
  out->e_read_rate = out->e_notices_issued > 0
                       ? (double) out->e_notices_viewed / out->e_notices_issued : NAN;
  out->paper_read_rate = out->paper_notices_issued > 0
                           ? (double) out->paper_notices_viewed / out->paper_notices_issued : NAN;
  return daftar_sql_finish (db, stmt, rc, _("Reading figures"), error);
}

gboolean
daftar_query_period_summary (DaftarDb             *db,
                             const char           *office_code,
                             const GDate          *from,
                             const GDate          *to,
                             DaftarPeriodSummary  *out,
                             GError              **error)
{
  memset (out, 0, sizeof *out);
  out->from = *from;
  out->to = *to;
  out->wait_mean_minutes = NAN;

  if (!daftar_query_standards (db, &out->standards, error) ||
      !sum_cases (db, office_code, out, error) ||
      !sum_tickets (db, office_code, out, error) ||
      !wait_distribution (db, office_code, out, error) ||
      !sum_notices (db, office_code, out, error))
    {
      g_prefix_error (error, _("Summarising the period: "));
      return FALSE;
    }
  return TRUE;
}
