/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-notifier.h: after an automatic sync, one desktop notification of what is new among the alerts. */
#pragma once

#include <gio/gio.h>

#include "daftar-db-worker.h"
#include "daftar-notifications.h"

G_BEGIN_DECLS

/* The id the notification is sent under: a new one replaces the last. */
#define DAFTAR_NOTIFIER_ID "daftar-alerts"

/* The GNotification for @notification: its title and body, and as default
 * action app.show-alert with the nick of what it is first about. */
GNotification *daftar_notifier_build      (const DaftarNotification *notification);

/* Reads on @worker's thread what no notification announced yet for
 * @office_code (NULL: every office) and sends it through @app, if it is
 * registered, as one GNotification. Nothing when @settings (nullable) has
 * notifications off or nothing is new. @done (nullable) is called with
 * @user_data once that is decided. */
void           daftar_notifier_after_sync (GApplication             *app,
                                           DaftarDbWorker           *worker,
                                           GSettings                *settings,
                                           const char               *office_code,
                                           GDestroyNotify            done,
                                           gpointer                  user_data);

G_END_DECLS
