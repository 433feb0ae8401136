/* daftar-demo-mode.h: `daftar --demo` — the demo central server on its own thread, and the demo database synced from it. */
#pragma once

#include <gio/gio.h>

#include "daftar-db-worker.h"

G_BEGIN_DECLS

#define DAFTAR_DEMO_SERVER_ERROR (daftar_demo_server_error_quark ())

typedef enum {
  DAFTAR_DEMO_SERVER_ERROR_START,   /* the server thread could not listen */
} DaftarDemoServerError;

#define DAFTAR_TYPE_DEMO_SERVER (daftar_demo_server_get_type ())
G_DECLARE_FINAL_TYPE (DaftarDemoServer, daftar_demo_server, DAFTAR, DEMO_SERVER, GObject)

GQuark            daftar_demo_server_error_quark   (void);

/* A DaftarDemoCentral over the demo generator (seed DAFTAR_DEMO_SEED) for
 * @n_offices offices and @n_days days ending on @last_day, answering on
 * 127.0.0.1 from a thread of its own, so generating pages never stalls the
 * caller's main loop. It expects a random token that exists only in this
 * process's memory. */
DaftarDemoServer *daftar_demo_server_new           (guint                n_offices,
                                                    guint                n_days,
                                                    const GDate         *last_day);
/* Starts the thread and listens on a free port; waits only for the bind. */
gboolean          daftar_demo_server_start         (DaftarDemoServer    *self,
                                                    GError             **error);
/* "http://127.0.0.1:PORT" once started, else NULL. */
const char       *daftar_demo_server_get_url       (DaftarDemoServer    *self);
const char       *daftar_demo_server_get_token     (DaftarDemoServer    *self);
guint             daftar_demo_server_get_n_offices (DaftarDemoServer    *self);
const char       *daftar_demo_server_get_office_code (DaftarDemoServer  *self,
                                                      guint              office_index);

/* Syncs every demo office into the database behind @worker with the real
 * DaftarSyncClient. A database that holds another demo (other seed, span or
 * last day) is emptied first, since cursors of another span mean nothing to
 * this server; one that holds this demo gets an incremental sync. The
 * server must be started. */
void              daftar_demo_server_sync_async    (DaftarDemoServer    *self,
                                                    DaftarDbWorker      *worker,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
/* Returns the records applied over all offices, or -1 and @error. */
gint64            daftar_demo_server_sync_finish   (DaftarDemoServer    *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* The whole of `daftar --demo`'s preparation: a server for
 * DAFTAR_DEMO_OFFICES × DAFTAR_DEMO_DAYS ending today in Tehran, started,
 * and the database behind @worker synced from it. */
void              daftar_demo_sync_async           (DaftarDbWorker      *worker,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
/* The server, still listening, so the window's "Sync now" can talk to it
 * (daftar_sync_controller_set_server); NULL and @error on failure. */
DaftarDemoServer *daftar_demo_sync_finish          (GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
