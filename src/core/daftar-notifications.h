/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-notifications.h: what the desktop notification after a sync announces — standards newly breached, a failed or stale sync — each only once. */
#pragma once

#include <gio/gio.h>

#include "daftar-alerts.h"
#include "daftar-db.h"

G_BEGIN_DECLS

/* The days a notification looks back over, today included: "recently". */
#define DAFTAR_NOTIFICATIONS_DAYS 7

/* One shift's standard with days breached that no notification named yet. */
typedef struct
{
  DaftarAlertKind  kind;          /* DAFTAR_ALERT_WAIT_BREACHED or _SERVICE_LEVEL_BREACHED */
  DaftarShift      shift;
  char            *office_code;   /* owned */
  guint            n_new_days;
  GDate            newest_day;
} DaftarNotifiedBreach;

typedef struct
{
  GPtrArray *breaches;       /* owned: DaftarNotifiedBreach, most severe first */
  gboolean   all_offices;    /* read over every office: names say which */
  gboolean   sync_failed;    /* a failure streak not announced yet */
  char      *sync_detail;    /* owned, nullable: the failed run's message */
  gboolean   sync_stale;     /* a stale spell not announced yet */
  gint64     last_success;   /* when stale: the last successful sync, 0: none */
} DaftarNotification;

/* Reads the alerts of @office_code (NULL: every office) over the
 * DAFTAR_NOTIFICATIONS_DAYS days up to @now's local day, as of @now; keeps
 * what no earlier call announced — a day breached by a shift, a failure
 * streak (failed runs with no successful one between), a stale spell (since
 * one last successful sync) — records it as announced in the database, and
 * returns it. Nothing new gives an empty notification. */
DaftarNotification *daftar_notifications_take_new  (DaftarDb                 *db,
                                                    const char               *office_code,
                                                    gint64                    now,
                                                    GError                  **error);

gboolean            daftar_notification_is_empty   (const DaftarNotification *notification);
/* «۳ استاندارد در دورهٔ اخیر رعایت نشد», "Sync with the central server failed". */
char               *daftar_notification_get_title  (const DaftarNotification *notification);
/* The standards and shifts by name, then the sync, one line each. */
char               *daftar_notification_get_body   (const DaftarNotification *notification);
/* The nick (DaftarAlertKind) of what the notification is first about: the
 * target of its default action. */
const char         *daftar_notification_get_alert  (const DaftarNotification *notification);
void                daftar_notification_free       (DaftarNotification       *notification);

/* For daftar_db_worker_run_async: the job's data is a request, its result
 * a DaftarNotification. */
typedef struct
{
  char   *office_code;   /* owned, nullable */
  gint64  now;
} DaftarNotificationsRequest;

DaftarNotificationsRequest *daftar_notifications_request_new  (const char                 *office_code,
                                                               gint64                      now);
void                        daftar_notifications_request_free (DaftarNotificationsRequest *request);
gpointer                    daftar_notifications_job          (DaftarDb                   *db,
                                                               gpointer                    job_data,
                                                               GCancellable               *cancellable,
                                                               GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarNotification, daftar_notification_free)

G_END_DECLS
