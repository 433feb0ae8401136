/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-sync-controller.h: the window's sync — when to run, with which server and token, and how the last run went. */
#pragma once

#include <gio/gio.h>

#include "daftar-db-worker.h"

G_BEGIN_DECLS

typedef enum {
  DAFTAR_SYNC_STATE_IDLE,     /* no run going; the last one succeeded, or none ran */
  DAFTAR_SYNC_STATE_SYNCING,  /* a run is going */
  DAFTAR_SYNC_STATE_ERROR,    /* the last run failed: see error-message */
} DaftarSyncState;

#define DAFTAR_TYPE_SYNC_STATE (daftar_sync_state_get_type ())
GType daftar_sync_state_get_type (void);

#define DAFTAR_TYPE_SYNC_CONTROLLER (daftar_sync_controller_get_type ())
G_DECLARE_FINAL_TYPE (DaftarSyncController, daftar_sync_controller, DAFTAR, SYNC_CONTROLLER, GObject)

/* Syncs the database behind @worker. The server address and office code
 * come from GSettings (server-url, office-code) when the schema is
 * installed, the token from daftar-token (keyring or DAFTAR_TOKEN_FILE).
 * "last-success" is read from sync_log on the worker thread at once. */
DaftarSyncController *daftar_sync_controller_new            (DaftarDbWorker       *worker);

DaftarDbWorker       *daftar_sync_controller_get_worker     (DaftarSyncController *self);
DaftarSyncState       daftar_sync_controller_get_state      (DaftarSyncController *self);
/* Unix time of the end of the latest successful run; 0 if none. */
gint64                daftar_sync_controller_get_last_success (DaftarSyncController *self);
/* The full reason the last run failed, for the manager; NULL unless the
 * state is ERROR. */
const char           *daftar_sync_controller_get_error_message (DaftarSyncController *self);
/* A few words on the failure for the header («دسترسی رد شد»); NULL unless
 * the state is ERROR. */
const char           *daftar_sync_controller_get_error_title (DaftarSyncController *self);
/* TRUE when a server and office are known. */
gboolean              daftar_sync_controller_get_configured (DaftarSyncController *self);

/* Starts a run now, unless one is going. Without a server and office it
 * emits "needs-setup" instead. */
void                  daftar_sync_controller_sync_now       (DaftarSyncController *self);
/* Asks the window to show the connect dialog ("needs-setup"). */
void                  daftar_sync_controller_request_setup  (DaftarSyncController *self);
/* Ends a run under way (it is logged as cancelled) and stops the timer;
 * call it when the window goes away. */
void                  daftar_sync_controller_cancel         (DaftarSyncController *self);

/* Automatic sync: every "interval" minutes (GSettings sync-interval, default
 * 15) while the network is available, and at once when turned on or when
 * the network comes back if the last success is older than the interval.
 * Off until turned on, so a window under test syncs only when told. */
void                  daftar_sync_controller_set_automatic  (DaftarSyncController *self,
                                                             gboolean              automatic);
gboolean              daftar_sync_controller_get_automatic  (DaftarSyncController *self);
guint                 daftar_sync_controller_get_interval   (DaftarSyncController *self);

/* Uses this server, office and token instead of GSettings and the keyring:
 * for `daftar --demo` (its server's token lives only in memory) and tests.
 * NULL @server goes back to GSettings. */
void                  daftar_sync_controller_set_server     (DaftarSyncController *self,
                                                             const char           *server,
                                                             const char           *office,
                                                             const char           *token);

/* The GSettings of the application when its schema is installed, else NULL
 * (uninstalled builds, some tests). Shared with the connect dialog. */
GSettings            *daftar_sync_settings_new              (void);

G_END_DECLS
