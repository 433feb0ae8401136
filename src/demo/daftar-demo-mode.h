/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-demo-mode.h: `daftar --demo` — the demo central server on its own thread, and the demo database synced from it. */
#pragma once

#include <gio/gio.h>

#include "daftar-db-worker.h"

G_BEGIN_DECLS

#define DAFTAR_DEMO_MODE_ERROR (daftar_demo_mode_error_quark ())

typedef enum {
  DAFTAR_DEMO_MODE_ERROR_START,   /* the server thread could not listen */
} DaftarDemoModeError;

#define DAFTAR_TYPE_DEMO_MODE (daftar_demo_mode_get_type ())
G_DECLARE_FINAL_TYPE (DaftarDemoMode, daftar_demo_mode, DAFTAR, DEMO_MODE, GObject)

GQuark          daftar_demo_mode_error_quark     (void);

/* A DaftarDemoCentral over the demo generator (seed DAFTAR_DEMO_SEED) for
 * @n_offices offices and @n_days days ending on @last_day, answering on
 * 127.0.0.1 from a thread of its own, so generating pages never stalls the
 * caller's main loop. It expects a random token that exists only in this
 * process's memory. */
DaftarDemoMode *daftar_demo_mode_new             (guint                n_offices,
                                                  guint                n_days,
                                                  const GDate         *last_day);
/* Starts the thread and listens on a free port; waits only for the bind. */
gboolean        daftar_demo_mode_start           (DaftarDemoMode      *self,
                                                  GError             **error);
/* "http://127.0.0.1:PORT" once started, else NULL. */
const char     *daftar_demo_mode_get_url         (DaftarDemoMode      *self);
const char     *daftar_demo_mode_get_token       (DaftarDemoMode      *self);
guint           daftar_demo_mode_get_n_offices   (DaftarDemoMode      *self);
const char     *daftar_demo_mode_get_office_code (DaftarDemoMode      *self,
                                                  guint                office_index);

/* Syncs every demo office into the database behind @worker with the real
 * DaftarSyncClient. A database that holds another demo (other seed, span or
 * last day) is emptied first, since cursors of another span mean nothing to
 * this server; one that holds this demo gets an incremental sync. The
 * server must be started. */
void            daftar_demo_mode_sync_async      (DaftarDemoMode      *self,
                                                  DaftarDbWorker      *worker,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
/* Returns the records applied over all offices, or -1 and @error. */
gint64          daftar_demo_mode_sync_finish     (DaftarDemoMode      *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* The whole of `daftar --demo`'s preparation: a server for
 * DAFTAR_DEMO_OFFICES × DAFTAR_DEMO_DAYS ending today in Tehran, started,
 * and the database behind @worker synced from it. */
void            daftar_demo_mode_prepare_async   (DaftarDbWorker      *worker,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
/* The running demo, its server still listening, so the window's "Sync now"
 * can talk to it (daftar_sync_controller_set_server); NULL and @error on
 * failure. */
DaftarDemoMode *daftar_demo_mode_prepare_finish  (GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
