/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-alerts-care.c: the Overview's alerts of the client-care standards — clients served out of turn and a crowded waiting room per shift and day, the clients' mean rating under target. */
#define G_LOG_DOMAIN "daftar-alerts"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "daftar-alerts.h"
#include "daftar-sql.h"
#include "daftar-time.h"

/* Alerts name their office, so they read each office's own rows. */
#define OFFICE_FILTER DAFTAR_SQL_OFFICE_IN ("office_code")

/* Per (office, day, shift): ?4 the standard share. As for the wait, the
 * comparison is the division a reader would do, so a share of exactly the
 * standard is no breach. */
static const char out_of_turn_sql[] =
  "SELECT office_code, day, shift, CAST (sum (out_of_turn) AS REAL) / sum (called), "
  "  sum (out_of_turn), sum (called) "
  "FROM daily_out_of_turn WHERE " OFFICE_FILTER " AND day BETWEEN ?2 AND ?3 "
  "GROUP BY office_code, day, shift "
  "HAVING sum (called) > 0 AND CAST (sum (out_of_turn) AS REAL) / sum (called) > ?4";

/* The hours over the seats (?4); their shift is the hour's, found in C. */
static const char crowding_sql[] =
  "SELECT office_code, day, hour, peak FROM hourly_waiting "
  "WHERE " OFFICE_FILTER " AND day BETWEEN ?2 AND ?3 AND peak > ?4";

/* Ratings of 1..5, as the Client care page counts them. */
static const char rating_sql[] =
  "SELECT office_code, sum (n), sum (n * rating) FROM daily_feedback "
  "WHERE " OFFICE_FILTER " AND day BETWEEN ?2 AND ?3 AND rating BETWEEN 1 AND 5 "
  "GROUP BY office_code HAVING sum (n) >= ?4 ORDER BY office_code";

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
rating_alerts (DaftarDb               *db,
               const char             *office_code,
               const GDate            *from,
               const GDate            *to,
               const DaftarStandards  *standards,
               GPtrArray              *alerts,
               GError                **error)
{
  sqlite3_stmt *stmt = daftar_sql_prepare_range (db, rating_sql, office_code, from, to, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 4, DAFTAR_ALERTS_RATING_MIN_COUNT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 n = sqlite3_column_int64 (stmt, 1);
      double mean = (double) sqlite3_column_int64 (stmt, 2) / n;
      DaftarAlert *alert;

      if (!(mean < standards->target_rating))
        continue;
      alert = alert_new (DAFTAR_ALERT_RATING_BELOW_TARGET, (const char *) sqlite3_column_text (stmt, 0));
      alert->day = *to;
      alert->value = mean;
      alert->target = standards->target_rating;
      alert->count = n;
      /* A whole point under the target: a typical client rated the visit a
       * grade lower than the standard asks. */
      alert->severity = mean <= standards->target_rating - 1.0 ? DAFTAR_ALERT_CRITICAL : DAFTAR_ALERT_WARNING;
      g_ptr_array_add (alerts, alert);
    }
  return daftar_sql_finish (db, stmt, rc, _("Reading the ratings"), error);
}

static gboolean
out_of_turn_alerts (DaftarDb               *db,
                    const char             *office_code,
                    const GDate            *from,
                    const GDate            *to,
                    const DaftarStandards  *standards,
                    GPtrArray              *out,
                    GError                **error)
{
  sqlite3_stmt *stmt = daftar_sql_prepare_range (db, out_of_turn_sql, office_code, from, to, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_double (stmt, 4, standards->max_out_of_turn_share);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarAlert *alert = alert_new (DAFTAR_ALERT_OUT_OF_TURN_BREACHED, (const char *) sqlite3_column_text (stmt, 0));
      int shift = DAFTAR_SHIFT_MORNING;

      daftar_time_parse_day ((const char *) sqlite3_column_text (stmt, 1), &alert->day);
      daftar_enum_from_nick (DAFTAR_TYPE_SHIFT, (const char *) sqlite3_column_text (stmt, 2), &shift);
      alert->shift = shift;
      alert->value = sqlite3_column_double (stmt, 3);
      alert->count = sqlite3_column_int64 (stmt, 4);
      alert->total = sqlite3_column_int64 (stmt, 5);
      alert->target = standards->max_out_of_turn_share;
      /* Critical at more than twice the share the standard allows. */
      alert->severity = alert->value > 2.0 * alert->target ? DAFTAR_ALERT_CRITICAL : DAFTAR_ALERT_WARNING;
      g_ptr_array_add (out, alert);
    }
  return daftar_sql_finish (db, stmt, rc, _("Reading the tickets served out of turn"), error);
}

/* A shift's peak is the highest of its hours'. */
static gboolean
crowding_alerts (DaftarDb               *db,
                 const char             *office_code,
                 const GDate            *from,
                 const GDate            *to,
                 const DaftarStandards  *standards,
                 GPtrArray              *out,
                 GError                **error)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = daftar_sql_prepare_range (db, crowding_sql, office_code, from, to, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_double (stmt, 4, standards->waiting_room_seats);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *office = (const char *) sqlite3_column_text (stmt, 0);
      const char *day = (const char *) sqlite3_column_text (stmt, 1);
      DaftarShift shift = daftar_time_shift_for_hour (sqlite3_column_int (stmt, 2));
      gint64 peak = sqlite3_column_int64 (stmt, 3);
      g_autofree char *key = g_strdup_printf ("%s|%s|%d", office, day, shift);
      DaftarAlert *alert = g_hash_table_lookup (by_key, key);

      if (alert == NULL)
        {
          alert = alert_new (DAFTAR_ALERT_CROWDING_BREACHED, office);
          daftar_time_parse_day (day, &alert->day);
          alert->shift = shift;
          alert->value = 0;
          alert->target = standards->waiting_room_seats;
          g_ptr_array_add (out, alert);
          g_hash_table_insert (by_key, g_steal_pointer (&key), alert);
        }
      alert->value = MAX (alert->value, (double) peak);
      /* Critical when half as many again as there are seats wait at once:
       * every third client waiting stands. */
      alert->severity = alert->value >= 1.5 * alert->target ? DAFTAR_ALERT_CRITICAL : DAFTAR_ALERT_WARNING;
    }
  return daftar_sql_finish (db, stmt, rc, _("Reading the clients waiting per hour"), error);
}

/* Newest first: a later day, then the evening before the morning, then by
 * office and kind, as the wait standards' breaches come. */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const DaftarAlert *x = *(const DaftarAlert * const *) a;
  const DaftarAlert *y = *(const DaftarAlert * const *) b;
  int c = g_date_compare (&y->day, &x->day);

  if (c == 0 && x->shift != y->shift)
    c = x->shift == DAFTAR_SHIFT_EVENING ? -1 : 1;
  if (c == 0)
    c = strcmp (x->office_code, y->office_code);
  if (c == 0)
    c = (int) x->kind - (int) y->kind;
  return c;
}

gboolean
daftar_query_care_alerts (DaftarDb               *db,
                          const char             *office_code,
                          const GDate            *from,
                          const GDate            *to,
                          const DaftarStandards  *standards,
                          GPtrArray              *alerts,
                          GError                **error)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_alert_free);

  g_return_val_if_fail (g_date_valid (from) && g_date_valid (to), FALSE);
  g_return_val_if_fail (standards != NULL && alerts != NULL, FALSE);

  if (!rating_alerts (db, office_code, from, to, standards, alerts, error) ||
      !out_of_turn_alerts (db, office_code, from, to, standards, days, error) ||
      !crowding_alerts (db, office_code, from, to, standards, days, error))
    return FALSE;
  g_ptr_array_sort (days, compare_newest_first);
  g_ptr_array_set_free_func (days, NULL);
  g_ptr_array_extend_and_steal (alerts, g_steal_pointer (&days));
  return TRUE;
}
