/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-notifier.c: after an automatic sync, one desktop notification of what is new among the alerts. */
#define G_LOG_DOMAIN "daftar-notifier"

#include "config.h"

#include "daftar-notifier.h"

GNotification *
daftar_notifier_build (const DaftarNotification *notification)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GIcon) icon = NULL;
  GNotification *result;

  g_return_val_if_fail (notification != NULL, NULL);
  g_return_val_if_fail (!daftar_notification_is_empty (notification), NULL);

  title = daftar_notification_get_title (notification);
  body = daftar_notification_get_body (notification);
  result = g_notification_new (title);
  g_notification_set_body (result, body);
  icon = g_themed_icon_new (APP_ID);
  g_notification_set_icon (result, icon);
  /* A failed sync leaves every figure stale: worth more than a breach. */
  g_notification_set_priority (result, notification->sync_failed ? G_NOTIFICATION_PRIORITY_HIGH
                                                                 : G_NOTIFICATION_PRIORITY_NORMAL);
  g_notification_set_default_action_and_target (result, "app.show-alert", "s",
                                                daftar_notification_get_alert (notification));
  return result;
}

typedef struct
{
  GApplication        *app;        /* owned */
  GDestroyNotify       done;     /* nullable */
  gpointer             user_data;
} AfterSync;

static void
taken (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  AfterSync *after = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarNotification) notification = daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error);

  if (notification == NULL)
    /* The Overview shows the database's trouble; a notification would
     * only repeat it. */
    g_debug ("No notification: %s", error->message);
  else if (!daftar_notification_is_empty (notification) && g_application_get_is_registered (after->app))
    {
      g_autoptr(GNotification) sent = daftar_notifier_build (notification);

      g_application_send_notification (after->app, DAFTAR_NOTIFIER_ID, sent);
    }
  if (after->done != NULL)
    after->done (after->user_data);
  g_object_unref (after->app);
  g_free (after);
}

void
daftar_notifier_after_sync (GApplication        *app,
                            DaftarDbWorker      *worker,
                            GSettings           *settings,
                            const char          *office_code,
                            GDestroyNotify       done,
                            gpointer             user_data)
{
  AfterSync *after;

  g_return_if_fail (G_IS_APPLICATION (app));
  g_return_if_fail (DAFTAR_IS_DB_WORKER (worker));

  /* Off: nothing is read, and nothing is marked as told. */
  if (settings != NULL && !g_settings_get_boolean (settings, "notifications"))
    {
      if (done != NULL)
        done (user_data);
      return;
    }

  after = g_new0 (AfterSync, 1);
  after->app = g_object_ref (app);
  after->done = done;
  after->user_data = user_data;
  daftar_db_worker_run_async (worker, daftar_notifications_job,
                              daftar_notifications_request_new (office_code, g_get_real_time () / G_USEC_PER_SEC),
                              (GDestroyNotify) daftar_notifications_request_free,
                              (GDestroyNotify) daftar_notification_free,
                              NULL, taken, after);
}
