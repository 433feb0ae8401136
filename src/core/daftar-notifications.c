/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-notifications.c: what the desktop notification after a sync announces — standards newly breached, a failed or stale sync — each only once. */
#define G_LOG_DOMAIN "daftar-notifications"

#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <glib/gi18n.h>

#include "daftar-format.h"
#include "daftar-notifications.h"
#include "daftar-text.h"
#include "daftar-time.h"

/* Standards named in the text; the rest are counted. */
#define MAX_NAMED 4
/* A server's message is cut to this in a notification's line. */
#define MAX_DETAIL_BYTES 200

static void
breach_free (DaftarNotifiedBreach *breach)
{
  g_free (breach->office_code);
  g_free (breach);
}

void
daftar_notification_free (DaftarNotification *notification)
{
  if (notification == NULL)
    return;
  g_ptr_array_unref (notification->breaches);
  g_free (notification->sync_detail);
  g_free (notification);
}

/* The database --------------------------------------------------------- */

/* Whether (@office, @kind, @shift, @day) was announced; *@out_since (nullable)
 * gets its "since". */
static gboolean
was_notified (DaftarDb    *db,
              const char  *office,
              const char  *kind,
              const char  *shift,
              const char  *day,
              gboolean    *out_found,
              gint64      *out_since,
              GError     **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db,
    "SELECT since FROM notified WHERE office_code = ? AND kind = ? AND shift = ? AND day = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, office, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, shift, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, day, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *out_found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW && out_since != NULL)
    *out_since = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, "Reading what was notified");
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_write (DaftarDb     *db,
           sqlite3_stmt *stmt,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, "Keeping what was notified");
      return FALSE;
    }
  return TRUE;
}

static gboolean
mark (DaftarDb    *db,
      const char  *office,
      const char  *kind,
      const char  *shift,
      const char  *day,
      gint64       since,
      gint64       now,
      GError     **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db,
    "INSERT OR REPLACE INTO notified (office_code, kind, shift, day, since, notified_at) "
    "VALUES (?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, office, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, shift, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, since);
  sqlite3_bind_int64 (stmt, 6, now);
  return run_write (db, stmt, error);
}

static gboolean
forget_sync (DaftarDb    *db,
             const char  *kind,
             GError     **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db,
    "DELETE FROM notified WHERE office_code = '' AND kind = ? AND shift = '' AND day = ''", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  return run_write (db, stmt, error);
}

/* Days before the window can never be news again. */
static gboolean
prune (DaftarDb     *db,
       const GDate  *first_day,
       GError      **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, "DELETE FROM notified WHERE day <> '' AND day < ?", error);
  char day[11];

  if (stmt == NULL)
    return FALSE;
  daftar_time_format_day (first_day, day);
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  return run_write (db, stmt, error);
}

/* Whether a run succeeded after @since: a streak announced then is over. */
static gboolean
succeeded_since (DaftarDb  *db,
                 gint64     since,
                 gboolean  *out_succeeded,
                 GError   **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db,
    "SELECT 1 FROM sync_log WHERE result = 'ok' AND started_at > ? LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, since);
  rc = sqlite3_step (stmt);
  *out_succeeded = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, "Reading the sync log");
      return FALSE;
    }
  return TRUE;
}

/* What is new ------------------------------------------------------------ */

typedef struct
{
  const char *office;   /* in the alerts, which outlive the list */
  const char *kind;
  const char *shift;
  char        day[11];
} Mark;

static gboolean
take_breaches (DaftarDb            *db,
               GPtrArray           *rollups,
               DaftarNotification  *notification,
               GArray              *marks,
               GError             **error)
{
  for (guint r = 0; r < rollups->len; r++)
    {
      const DaftarAlertRollup *rollup = g_ptr_array_index (rollups, r);
      const char *kind = daftar_enum_to_nick (DAFTAR_TYPE_ALERT_KIND, rollup->kind);
      const char *shift = daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, rollup->shift);
      DaftarNotifiedBreach *breach = NULL;

      for (guint d = 0; d < rollup->days->len; d++)
        {
          const DaftarAlert *alert = g_ptr_array_index (rollup->days, d);
          Mark m = { rollup->office_code, kind, shift, { 0 } };
          gboolean found;

          daftar_time_format_day (&alert->day, m.day);
          if (!was_notified (db, m.office, kind, shift, m.day, &found, NULL, error))
            return FALSE;
          if (found)
            continue;
          g_array_append_val (marks, m);
          if (breach == NULL)
            {
              breach = g_new0 (DaftarNotifiedBreach, 1);
              breach->kind = rollup->kind;
              breach->shift = rollup->shift;
              breach->office_code = g_strdup (rollup->office_code);
              /* Days come newest first. */
              breach->newest_day = alert->day;
              g_ptr_array_add (notification->breaches, breach);
            }
          breach->n_new_days++;
        }
    }
  return TRUE;
}

static gboolean
take_sync (DaftarDb            *db,
           GPtrArray           *alerts,
           DaftarNotification  *notification,
           gint64               now,
           GError             **error)
{
  const DaftarAlert *failed = NULL, *stale = NULL;
  gboolean found, succeeded;
  gint64 since = 0;

  for (guint i = 0; i < alerts->len; i++)
    {
      const DaftarAlert *alert = g_ptr_array_index (alerts, i);

      if (alert->kind == DAFTAR_ALERT_SYNC_FAILED)
        failed = alert;
      else if (alert->kind == DAFTAR_ALERT_SYNC_STALE)
        stale = alert;
    }

  if (failed == NULL)
    {
      if (!forget_sync (db, "sync_failed", error))
        return FALSE;
    }
  else
    {
      /* One streak: no run succeeded since the failure it was announced with. */
      if (!was_notified (db, "", "sync_failed", "", "", &found, &since, error) ||
          (found && !succeeded_since (db, since, &succeeded, error)))
        return FALSE;
      if (!found || succeeded)
        {
          notification->sync_failed = TRUE;
          notification->sync_detail = daftar_text_printable (failed->detail, MAX_DETAIL_BYTES);
          if (!mark (db, "", "sync_failed", "", "", failed->time, now, error))
            return FALSE;
        }
    }

  if (stale == NULL)
    return forget_sync (db, "sync_stale", error);
  /* One spell: stale since the same last successful sync. */
  if (!was_notified (db, "", "sync_stale", "", "", &found, &since, error))
    return FALSE;
  if (found && since == stale->time)
    return TRUE;
  notification->sync_stale = TRUE;
  notification->last_success = stale->time;
  return mark (db, "", "sync_stale", "", "", stale->time, now, error);
}

DaftarNotification *
daftar_notifications_take_new (DaftarDb    *db,
                               const char  *office_code,
                               gint64       now,
                               GError     **error)
{
  g_autoptr(DaftarNotification) notification = g_new0 (DaftarNotification, 1);
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) rollups = NULL;
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  GDate today, first;

  g_return_val_if_fail (db != NULL, NULL);

  notification->breaches = g_ptr_array_new_with_free_func ((GDestroyNotify) breach_free);
  notification->all_offices = office_code == NULL;
  daftar_time_local_date (now, &today);
  first = today;
  g_date_subtract_days (&first, DAFTAR_NOTIFICATIONS_DAYS - 1);

  if (!daftar_query_alert_rollups (db, office_code, &first, &today, now, &today, &alerts, &rollups, error))
    {
      g_prefix_error (error, "Notifications: ");
      return NULL;
    }

  /* What was announced is kept with what is announced now, or neither. */
  if (!daftar_db_begin (db, error))
    return NULL;
  if (!take_breaches (db, rollups, notification, marks, error) ||
      !take_sync (db, alerts, notification, now, error))
    goto failed;
  for (guint i = 0; i < marks->len; i++)
    {
      const Mark *m = &g_array_index (marks, Mark, i);

      if (!mark (db, m->office, m->kind, m->shift, m->day, 0, now, error))
        goto failed;
    }
  if (!prune (db, &first, error) || !daftar_db_commit (db, error))
    goto failed;
  return g_steal_pointer (&notification);

failed:
  daftar_db_rollback (db);
  g_prefix_error (error, "Notifications: ");
  return NULL;
}

/* The words ----------------------------------------------------------------- */

gboolean
daftar_notification_is_empty (const DaftarNotification *notification)
{
  g_return_val_if_fail (notification != NULL, TRUE);
  return notification->breaches->len == 0 && !notification->sync_failed && !notification->sync_stale;
}

const char *
daftar_notification_get_alert (const DaftarNotification *notification)
{
  g_return_val_if_fail (notification != NULL, NULL);

  if (notification->breaches->len > 0)
    return daftar_enum_to_nick (DAFTAR_TYPE_ALERT_KIND,
                                ((DaftarNotifiedBreach *) g_ptr_array_index (notification->breaches, 0))->kind);
  if (notification->sync_failed)
    return daftar_enum_to_nick (DAFTAR_TYPE_ALERT_KIND, DAFTAR_ALERT_SYNC_FAILED);
  if (notification->sync_stale)
    return daftar_enum_to_nick (DAFTAR_TYPE_ALERT_KIND, DAFTAR_ALERT_SYNC_STALE);
  return NULL;
}

char *
daftar_notification_get_title (const DaftarNotification *notification)
{
  guint n;

  g_return_val_if_fail (notification != NULL, NULL);

  n = notification->breaches->len;
  if (n > 0)
    {
      g_autofree char *count = daftar_format_int (n);

      /* Translators: the title of a desktop notification; %s is a number */
      return g_strdup_printf (ngettext ("%s standard was not met recently",
                                        "%s standards were not met recently", n), count);
    }
  if (notification->sync_failed)
    return g_strdup (_("Sync with the central server failed"));
  if (notification->sync_stale)
    return g_strdup (_("The figures are not up to date"));
  return NULL;
}

static const char *
breach_name (const DaftarNotifiedBreach *breach)
{
  gboolean evening = breach->shift == DAFTAR_SHIFT_EVENING;

  if (breach->kind == DAFTAR_ALERT_WAIT_BREACHED)
    return evening ? _("Mean wait of the evening shift") : _("Mean wait of the morning shift");
  return evening ? _("Served within the standard wait in the evening shift")
                 : _("Served within the standard wait in the morning shift");
}

char *
daftar_notification_get_body (const DaftarNotification *notification)
{
  g_autoptr(GString) body = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (notification != NULL, NULL);

  n = notification->breaches->len;
  for (guint i = 0; i < MIN (n, MAX_NAMED); i++)
    {
      const DaftarNotifiedBreach *breach = g_ptr_array_index (notification->breaches, i);

      if (i > 0)
        /* Translators: between the standards a notification names */
        g_string_append (body, C_("notification", ", "));
      if (notification->all_offices)
        {
          g_autofree char *office = daftar_text_isolate (breach->office_code);

          /* Translators: a standard and shift, and the office's code */
          g_string_append_printf (body, C_("notification", "%s (%s)"), breach_name (breach), office);
        }
      else
        g_string_append (body, breach_name (breach));
    }
  if (n > MAX_NAMED)
    {
      g_autofree char *more = daftar_format_int (n - MAX_NAMED);

      /* Translators: after the standards a notification names */
      g_string_append_printf (body, ngettext (" and %s more", " and %s more", n - MAX_NAMED), more);
    }

  if (notification->sync_failed)
    {
      if (body->len > 0)
        g_string_append_c (body, '\n');
      if (notification->sync_detail != NULL && notification->sync_detail[0] != '\0')
        /* Translators: a line of a notification; %s is the server's or the network's reason */
        g_string_append_printf (body, _("The last sync failed: %s"), notification->sync_detail);
      else
        g_string_append (body, _("The last sync failed."));
    }
  if (notification->sync_stale)
    {
      if (body->len > 0)
        g_string_append_c (body, '\n');
      if (notification->last_success == 0)
        g_string_append (body, _("No successful sync with the central server yet"));
      else
        {
          g_autofree char *when = daftar_format_datetime (notification->last_success);

          /* Translators: a line of a notification; %s is a date and time */
          g_string_append_printf (body, _("No successful sync since %s"), when);
        }
    }
  return g_string_free (g_steal_pointer (&body), FALSE);
}

/* The worker's job ---------------------------------------------------------- */

DaftarNotificationsRequest *
daftar_notifications_request_new (const char *office_code,
                                  gint64      now)
{
  DaftarNotificationsRequest *request = g_new0 (DaftarNotificationsRequest, 1);

  request->office_code = g_strdup (office_code);
  request->now = now;
  return request;
}

void
daftar_notifications_request_free (DaftarNotificationsRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->office_code);
  g_free (request);
}

gpointer
daftar_notifications_job (DaftarDb      *db,
                          gpointer       job_data,
                          GCancellable  *cancellable,
                          GError       **error)
{
  DaftarNotificationsRequest *request = job_data;

  return daftar_notifications_take_new (db, request->office_code, request->now, error);
}
