/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-alerts.c: the Overview's alerts — standards breached per shift and day and rolled up per shift (the client-care ones read in daftar-alerts-care.c), read rate under target, sync stale or failed. */
#define G_LOG_DOMAIN "daftar-alerts"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "daftar-alerts.h"
#include "daftar-queries.h"
#include "daftar-sql.h"
#include "daftar-sync-history.h"
#include "daftar-time.h"

/* Alerts name their office, so they read each office's own rows, never the
 * network's. */
#define OFFICE_FILTER DAFTAR_SQL_OFFICE_IN ("office_code")

/* Breaches of the wait standards per (office, day, shift), read from the
 * rollups: ?4 the standard wait in minutes, ?5 the target share served
 * within it. The comparisons are done in SQL as the same double divisions a
 * reader would do, so a mean of exactly the standard is no breach. Newest
 * first: a later day, then the evening shift before the morning. */
static const char breaches_sql[] =
  "SELECT office_code, day, shift, 0 AS kind, shift = 'evening' AS late, "
  "  CAST(daftar_sum(wait_sum_s) AS REAL) / sum(wait_n) / 60.0 AS v "
  "FROM daily_tickets WHERE " OFFICE_FILTER " AND day BETWEEN ?2 AND ?3 "
  "GROUP BY office_code, day, shift "
  "HAVING sum(wait_n) > 0 AND CAST(daftar_sum(wait_sum_s) AS REAL) / sum(wait_n) / 60.0 > ?4 "
  "UNION ALL "
  "SELECT office_code, day, shift, 1 AS kind, shift = 'evening' AS late, "
  "  CAST(sum(CASE WHEN minute <= ?4 THEN n ELSE 0 END) AS REAL) / sum(n) AS v "
  "FROM daily_wait_hist WHERE " OFFICE_FILTER " AND day BETWEEN ?2 AND ?3 "
  "GROUP BY office_code, day, shift "
  "HAVING sum(n) > 0 AND CAST(sum(CASE WHEN minute <= ?4 THEN n ELSE 0 END) AS REAL) / sum(n) < ?5 "
  "ORDER BY day DESC, late DESC, office_code, kind";

/* Working days per office and shift: the days it issued queue tickets. */
static const char working_days_sql[] =
  "SELECT office_code, shift, count(DISTINCT day) FROM daily_tickets "
  "WHERE " OFFICE_FILTER " AND day BETWEEN ?2 AND ?3 AND issued > 0 "
  "GROUP BY office_code, shift";

/* Every office together reads the network's rows, as the Notices page does. */
static const char judged_read_rate_sql[] =
  "SELECT sum(issued), sum(viewed) FROM ("
  DAFTAR_SQL_SPANS ("issued, viewed", "notices", " AND channel = 'electronic'")
  ")";

static const char read_rate_sql[] =
  "SELECT office_code, sum(issued), sum(viewed) FROM ("
  DAFTAR_SQL_SPANS_OF (OFFICE_FILTER, "office_code, issued, viewed", "daily_notices",
                       "office_code, issued, viewed", "monthly_notices", " AND channel = 'electronic'")
  ") GROUP BY office_code HAVING sum(issued) > 0 ORDER BY office_code";

G_DEFINE_ENUM_TYPE (DaftarAlertKind, daftar_alert_kind,
  G_DEFINE_ENUM_VALUE (DAFTAR_ALERT_WAIT_BREACHED, "wait"),
  G_DEFINE_ENUM_VALUE (DAFTAR_ALERT_SERVICE_LEVEL_BREACHED, "service_level"),
  G_DEFINE_ENUM_VALUE (DAFTAR_ALERT_READ_RATE_BELOW_TARGET, "read_rate"),
  G_DEFINE_ENUM_VALUE (DAFTAR_ALERT_SYNC_STALE, "sync_stale"),
  G_DEFINE_ENUM_VALUE (DAFTAR_ALERT_SYNC_FAILED, "sync_failed"),
  G_DEFINE_ENUM_VALUE (DAFTAR_ALERT_OUT_OF_TURN_BREACHED, "out_of_turn"),
  G_DEFINE_ENUM_VALUE (DAFTAR_ALERT_CROWDING_BREACHED, "crowding"),
  G_DEFINE_ENUM_VALUE (DAFTAR_ALERT_RATING_BELOW_TARGET, "rating"))

gboolean
daftar_alert_kind_is_per_shift (DaftarAlertKind kind)
{
  return kind == DAFTAR_ALERT_WAIT_BREACHED || kind == DAFTAR_ALERT_SERVICE_LEVEL_BREACHED ||
         kind == DAFTAR_ALERT_OUT_OF_TURN_BREACHED || kind == DAFTAR_ALERT_CROWDING_BREACHED;
}

void
daftar_alert_free (DaftarAlert *alert)
{
  if (alert == NULL)
    return;
  g_free (alert->office_code);
  g_free (alert->detail);
  g_free (alert);
}

void
daftar_alert_rollup_free (DaftarAlertRollup *rollup)
{
  if (rollup == NULL)
    return;
  g_free (rollup->office_code);
  g_clear_pointer (&rollup->days, g_ptr_array_unref);
  g_free (rollup);
}

gboolean
daftar_read_rate_last_judged_day (const GDate *from,
                                  const GDate *to,
                                  const GDate *today,
                                  GDate       *out_last)
{
  GDate last = *today;

  g_return_val_if_fail (g_date_valid (from) && g_date_valid (to) && g_date_valid (today), FALSE);

  g_date_subtract_days (&last, DAFTAR_ALERTS_READ_RATE_MIN_AGE_DAYS);
  if (g_date_compare (to, &last) < 0)
    last = *to;
  *out_last = last;
  return g_date_compare (&last, from) >= 0;
}

static DaftarAlert *
alert_new (DaftarAlertKind  kind,
           const char      *office_code)
{
  DaftarAlert *alert = g_new0 (DaftarAlert, 1);

  alert->kind = kind;
  alert->office_code = g_strdup (office_code);
  g_date_clear (&alert->day, 1);
  alert->value = NAN;
  alert->target = NAN;
  return alert;
}

static gboolean
step_error (DaftarDb      *db,
            sqlite3_stmt  *stmt,
            int            rc,
            GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Reading alerts"));
      return FALSE;
    }
  return TRUE;
}

/* A sync is a sync of the whole database, so its alerts name no office.
 * A database filled without sync (the demo, an import) has no sync_log row
 * and so no sync that could be stale. */
static gboolean
sync_alerts (DaftarDb      *db,
             gint64         now,
             GPtrArray     *alerts,
             GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean any_row = FALSE, any_ok;
  gint64 last_ok = 0;
  int rc;

  if (!daftar_sync_last_success (db, &last_ok, &any_row, error))
    return FALSE;
  if (!any_row)
    return TRUE;
  any_ok = last_ok != 0;

  /* The newest run that ended; one still running (or cut off when Daftar
   * was closed) has no verdict yet, and a cancelled one is no failure. */
  stmt = daftar_db_prepare (db,
    "SELECT started_at, result, message FROM sync_log "
    "WHERE finished_at IS NOT NULL AND result IS NOT NULL AND result <> 'running' "
    "ORDER BY started_at DESC, id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 1);
      const char *message = (const char *) sqlite3_column_text (stmt, 2);

      if (!g_str_equal (result, "ok") && !g_str_equal (result, "cancelled"))
        {
          DaftarAlert *alert = alert_new (DAFTAR_ALERT_SYNC_FAILED, NULL);

          alert->severity = DAFTAR_ALERT_WARNING;
          alert->time = sqlite3_column_int64 (stmt, 0);
          /* The server's or the client's own words; the result's nick
           * (e.g. "auth") only when there are none. */
          alert->detail = g_strdup (message != NULL && *message != '\0' ? message : result);
          g_ptr_array_add (alerts, alert);
        }
      rc = SQLITE_DONE;
    }
  if (!step_error (db, stmt, rc, error))
    return FALSE;

  if (!any_ok || last_ok < now - DAFTAR_ALERTS_SYNC_STALE_SECONDS)
    {
      DaftarAlert *alert = alert_new (DAFTAR_ALERT_SYNC_STALE, NULL);

      alert->target = DAFTAR_ALERTS_SYNC_STALE_SECONDS / 3600.0;
      alert->time = any_ok ? last_ok : 0;
      alert->value = any_ok ? (now - last_ok) / 3600.0 : NAN;
      /* A week without figures from the server is more than a hiccup. */
      alert->severity = !any_ok || now - last_ok > 7 * 24 * 3600
                          ? DAFTAR_ALERT_CRITICAL : DAFTAR_ALERT_WARNING;
      g_ptr_array_add (alerts, alert);
    }
  return TRUE;
}

/* Electronic notices issued in the last few days have had no time to be
 * viewed yet (most are viewed within days), so counting them would raise a
 * false alarm every morning, and today's rate would always look breached;
 * the rate is taken over the notices issued at least
 * DAFTAR_ALERTS_READ_RATE_MIN_AGE_DAYS days before @today. */
static gboolean
read_rate_alerts (DaftarDb               *db,
                  const char             *office_code,
                  const GDate            *from,
                  const GDate            *to,
                  const GDate            *today,
                  const DaftarStandards  *standards,
                  GPtrArray              *alerts,
                  GError                **error)
{
  sqlite3_stmt *stmt;
  GDate last;
  int rc;

  if (!daftar_read_rate_last_judged_day (from, to, today, &last))
    return TRUE;

  stmt = daftar_sql_prepare_spans (db, read_rate_sql, office_code, from, &last, TRUE, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 issued = sqlite3_column_int64 (stmt, 1);
      gint64 viewed = sqlite3_column_int64 (stmt, 2);
      double rate = (double) viewed / issued;
      DaftarAlert *alert;

      if (!(rate < standards->target_read_rate))
        continue;
      alert = alert_new (DAFTAR_ALERT_READ_RATE_BELOW_TARGET, (const char *) sqlite3_column_text (stmt, 0));
      alert->day = last;
      alert->value = rate;
      alert->target = standards->target_read_rate;
      /* Critical when more than twice the allowed share goes unread. */
      alert->severity = 1.0 - rate > 2.0 * (1.0 - standards->target_read_rate)
                          ? DAFTAR_ALERT_CRITICAL : DAFTAR_ALERT_WARNING;
      g_ptr_array_add (alerts, alert);
    }
  return step_error (db, stmt, rc, error);
}

static gboolean
breach_alerts (DaftarDb               *db,
               const char             *office_code,
               const GDate            *from,
               const GDate            *to,
               const DaftarStandards  *standards,
               guint                   max_day_alerts,
               GPtrArray              *alerts,
               guint                  *n_omitted,
               GError                **error)
{
  sqlite3_stmt *stmt = daftar_sql_prepare_range (db, breaches_sql, office_code, from, to, error);
  guint shown = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_double (stmt, 4, standards->target_wait_minutes);
  sqlite3_bind_double (stmt, 5, standards->target_service_level);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean is_wait = sqlite3_column_int (stmt, 3) == 0;
      double value = sqlite3_column_double (stmt, 5);
      int shift = DAFTAR_SHIFT_MORNING;
      DaftarAlert *alert;

      if (shown == max_day_alerts)
        {
          (*n_omitted)++;
          continue;
        }
      alert = alert_new (is_wait ? DAFTAR_ALERT_WAIT_BREACHED : DAFTAR_ALERT_SERVICE_LEVEL_BREACHED,
                         (const char *) sqlite3_column_text (stmt, 0));
      daftar_time_parse_day ((const char *) sqlite3_column_text (stmt, 1), &alert->day);
      daftar_enum_from_nick (DAFTAR_TYPE_SHIFT, (const char *) sqlite3_column_text (stmt, 2), &shift);
      alert->shift = shift;
      alert->value = value;
      if (is_wait)
        {
          alert->target = standards->target_wait_minutes;
          /* Critical at twice the standard wait or more. */
          alert->severity = value >= 2.0 * alert->target ? DAFTAR_ALERT_CRITICAL : DAFTAR_ALERT_WARNING;
        }
      else
        {
          alert->target = standards->target_service_level;
          /* Critical when more than twice the allowed share waited too long. */
          alert->severity = 1.0 - value > 2.0 * (1.0 - alert->target)
                              ? DAFTAR_ALERT_CRITICAL : DAFTAR_ALERT_WARNING;
        }
      g_ptr_array_add (alerts, alert);
      shown++;
    }
  return step_error (db, stmt, rc, error);
}

static GPtrArray *
query_alerts (DaftarDb     *db,
              const char   *office_code,
              const GDate  *from,
              const GDate  *to,
              gint64        now,
              const GDate  *today,
              guint         max_day_alerts,
              guint        *out_n_omitted,
              GError      **error)
{
  g_autoptr(GPtrArray) alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_alert_free);
  DaftarStandards standards;
  guint n_omitted = 0;

  g_return_val_if_fail (g_date_valid (from) && g_date_valid (to), NULL);

  if (!daftar_query_standards (db, &standards, error) ||
      !sync_alerts (db, now, alerts, error) ||
      !read_rate_alerts (db, office_code, from, to, today, &standards, alerts, error) ||
      !breach_alerts (db, office_code, from, to, &standards, max_day_alerts, alerts, &n_omitted, error))
    {
      g_prefix_error (error, _("Looking for alerts: "));
      return NULL;
    }
  if (out_n_omitted != NULL)
    *out_n_omitted = n_omitted;
  return g_steal_pointer (&alerts);
}

GPtrArray *
daftar_query_alerts_full (DaftarDb     *db,
                          const char   *office_code,
                          const GDate  *from,
                          const GDate  *to,
                          gint64        now,
                          guint         max_day_alerts,
                          guint        *out_n_omitted,
                          GError      **error)
{
  GDate today;

  daftar_time_local_date (now, &today);
  return query_alerts (db, office_code, from, to, now, &today, max_day_alerts, out_n_omitted, error);
}

GPtrArray *
daftar_query_alerts (DaftarDb     *db,
                     const char   *office_code,
                     const GDate  *from,
                     const GDate  *to,
                     gint64        now,
                     GError      **error)
{
  return daftar_query_alerts_full (db, office_code, from, to, now,
                                   DAFTAR_ALERTS_MAX_DAY_ALERTS, NULL, error);
}

gboolean
daftar_query_judged_read_rate (DaftarDb     *db,
                               const char   *office_code,
                               const GDate  *from,
                               const GDate  *to,
                               const GDate  *today,
                               double       *out_rate,
                               GDate        *out_last,
                               GError      **error)
{
  sqlite3_stmt *stmt;
  GDate last;
  int rc;

  *out_rate = NAN;
  g_date_clear (out_last, 1);
  if (!daftar_read_rate_last_judged_day (from, to, today, &last))
    return TRUE;

  stmt = daftar_sql_prepare_spans (db, judged_read_rate_sql, office_code, from, &last, TRUE, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gint64 issued = sqlite3_column_int64 (stmt, 0);

      if (issued > 0)
        {
          *out_rate = (double) sqlite3_column_int64 (stmt, 1) / issued;
          *out_last = last;
        }
      rc = SQLITE_DONE;
    }
  return step_error (db, stmt, rc, error);
}

/* ---- roll-ups ---------------------------------------------------------- */

static char *
rollup_key (const char      *office_code,
            DaftarAlertKind  kind,
            DaftarShift      shift)
{
  return g_strdup_printf ("%s|%d|%d", office_code, kind, shift);
}

/* Working days per "office|shift" nick. */
static GHashTable *
query_working_days (DaftarDb     *db,
                    const char   *office_code,
                    const GDate  *from,
                    const GDate  *to,
                    GError      **error)
{
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = daftar_sql_prepare_range (db, working_days_sql, office_code, from, to, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (days,
                         g_strdup_printf ("%s|%s", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 2)));
  if (!step_error (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&days);
}

static gboolean
is_worse (const DaftarAlert *a,
          const DaftarAlert *than)
{
  /* Only the share served in time is better higher. */
  return a->kind == DAFTAR_ALERT_SERVICE_LEVEL_BREACHED ? a->value < than->value : a->value > than->value;
}

static int
compare_rollups (gconstpointer a,
                 gconstpointer b)
{
  const DaftarAlertRollup *x = *(const DaftarAlertRollup * const *) a;
  const DaftarAlertRollup *y = *(const DaftarAlertRollup * const *) b;
  int c;

  if (x->severity != y->severity)
    return x->severity == DAFTAR_ALERT_CRITICAL ? -1 : 1;
  if (x->days->len != y->days->len)
    return x->days->len > y->days->len ? -1 : 1;
  if ((c = strcmp (x->office_code, y->office_code)) != 0)
    return c;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return x->shift == y->shift ? 0 : x->shift == DAFTAR_SHIFT_EVENING ? -1 : 1;
}

gboolean
daftar_query_alert_rollups (DaftarDb     *db,
                            const char   *office_code,
                            const GDate  *from,
                            const GDate  *to,
                            gint64        now,
                            const GDate  *today,
                            GPtrArray   **out_alerts,
                            GPtrArray   **out_rollups,
                            GError      **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_alert_free);
  g_autoptr(GPtrArray) rollups = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_alert_rollup_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) working_days = NULL;
  DaftarStandards standards;

  all = query_alerts (db, office_code, from, to, now, today, G_MAXUINT, NULL, error);
  if (all == NULL)
    return FALSE;
  if (!daftar_query_standards (db, &standards, error) ||
      !daftar_query_care_alerts (db, office_code, from, to, &standards, all, error))
    {
      g_prefix_error (error, _("Looking for alerts of client care: "));
      return FALSE;
    }
  working_days = query_working_days (db, office_code, from, to, error);
  if (working_days == NULL)
    {
      g_prefix_error (error, _("Counting working days: "));
      return FALSE;
    }

  /* The alerts move into the roll-ups: the array lets go of them first. */
  g_ptr_array_set_free_func (all, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      DaftarAlert *alert = g_ptr_array_index (all, i);
      g_autofree char *key = NULL;
      DaftarAlertRollup *rollup;

      if (!daftar_alert_kind_is_per_shift (alert->kind))
        {
          g_ptr_array_add (others, alert);
          continue;
        }
      key = rollup_key (alert->office_code, alert->kind, alert->shift);
      rollup = g_hash_table_lookup (by_key, key);
      if (rollup == NULL)
        {
          g_autofree char *days_key = g_strdup_printf ("%s|%s", alert->office_code,
                                                       daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, alert->shift));

          rollup = g_new0 (DaftarAlertRollup, 1);
          rollup->kind = alert->kind;
          rollup->severity = DAFTAR_ALERT_WARNING;
          rollup->office_code = g_strdup (alert->office_code);
          rollup->shift = alert->shift;
          rollup->target = alert->target;
          rollup->n_working_days = GPOINTER_TO_UINT (g_hash_table_lookup (working_days, days_key));
          rollup->days = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_alert_free);
          g_ptr_array_add (rollups, rollup);
          g_hash_table_insert (by_key, g_steal_pointer (&key), rollup);
        }
      /* Days come newest first, so the first of equals found stays. */
      if (rollup->worst == NULL || is_worse (alert, rollup->worst))
        rollup->worst = alert;
      if (alert->severity == DAFTAR_ALERT_CRITICAL)
        rollup->severity = DAFTAR_ALERT_CRITICAL;
      g_ptr_array_add (rollup->days, alert);
    }
  g_ptr_array_sort (rollups, compare_rollups);

  *out_alerts = g_steal_pointer (&others);
  *out_rollups = g_steal_pointer (&rollups);
  return TRUE;
}
