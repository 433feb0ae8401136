/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-sync.h: pulls an office's changes from the central server into the database (protocol v1, DESIGN §6). */
#pragma once

#include <gio/gio.h>

#include "daftar-db-worker.h"

G_BEGIN_DECLS

#define DAFTAR_SYNC_ERROR (daftar_sync_error_quark ())

typedef enum {
  DAFTAR_SYNC_ERROR_AUTH,            /* 401/403, or no token: the manager must fix the token */
  DAFTAR_SYNC_ERROR_UNKNOWN_OFFICE,  /* 404: the server does not know this office code */
  DAFTAR_SYNC_ERROR_BAD_PAGE,        /* a page was not valid protocol v1; nothing of it was applied */
  DAFTAR_SYNC_ERROR_TOO_LARGE,       /* a page passed the size limit */
  DAFTAR_SYNC_ERROR_NETWORK,         /* could not reach the server, or it stopped answering, after all tries */
  DAFTAR_SYNC_ERROR_SERVER,          /* the server kept failing (5xx, 429) or answered nonsense */
  DAFTAR_SYNC_ERROR_INSECURE,        /* plain http to a host that is not this machine, or a bad address */
  DAFTAR_SYNC_ERROR_TLS,             /* the server's certificate was refused */
  DAFTAR_SYNC_ERROR_CANCELLED,       /* the run was cancelled */
  DAFTAR_SYNC_ERROR_DATABASE,        /* the local database failed */
  DAFTAR_SYNC_ERROR_BUSY,            /* this client is already running a sync */
  DAFTAR_SYNC_ERROR_INVALID,         /* sync is not set up: no server or office */
} DaftarSyncError;

/* Defaults; each is a property so tests can make runs fast and small. */
#define DAFTAR_SYNC_DEFAULT_PAGE_LIMIT      5000
#define DAFTAR_SYNC_DEFAULT_MAX_TRIES       5
#define DAFTAR_SYNC_DEFAULT_RETRY_BASE_MS   1000
#define DAFTAR_SYNC_DEFAULT_RETRY_MAX_MS    60000
#define DAFTAR_SYNC_DEFAULT_RETRY_AFTER_MAX 300   /* seconds */
#define DAFTAR_SYNC_DEFAULT_MAX_EMPTY_PAGES 50    /* has_more pages in a row that change nothing */
#define DAFTAR_SYNC_DEFAULT_MAX_PAGES       10000 /* pages in one run */
#define DAFTAR_SYNC_DEFAULT_PAGE_TIMEOUT    300   /* seconds for one whole response */
#define DAFTAR_SYNC_MAX_REDIRECTS           5     /* per try, within the same server */

/* What a finished run did. */
typedef struct {
  guint    pages;       /* pages applied (including those of a fresh copy after 410) */
  guint64  records;     /* records upserted or deleted */
  guint64  rejected;    /* records stored in sync_rejects */
  char    *cursor;      /* owned, nullable: the cursor the database now holds */
  gboolean resynced;    /* the server expired the cursor and the data was copied afresh */
} DaftarSyncSummary;

void daftar_sync_summary_free (DaftarSyncSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarSyncSummary, daftar_sync_summary_free)

#define DAFTAR_TYPE_SYNC_CLIENT (daftar_sync_client_get_type ())
G_DECLARE_FINAL_TYPE (DaftarSyncClient, daftar_sync_client, DAFTAR, SYNC_CLIENT, GObject)

GQuark            daftar_sync_error_quark        (void);
const char       *daftar_sync_error_nick         (DaftarSyncError code);

/* Whether the token may be sent to @server: https, or plain http to a
 * loopback address, and no user name, password, query or fragment. The
 * error never quotes an address that holds one. */
gboolean          daftar_sync_check_server       (const char          *server,
                                                  GError             **error);

/* @server is the base address, e.g. "https://central.example.ir"; @worker
 * owns the live database. Every page is ingested on the worker's thread, so
 * the caller's thread never waits for SQLite or the network. */
DaftarSyncClient *daftar_sync_client_new         (DaftarDbWorker      *worker,
                                                  const char          *server,
                                                  const char          *office);

/* The token is deliberately not a property: properties can be read back,
 * notified and printed by debugging tools. It is copied and wiped on
 * finalize. */
void              daftar_sync_client_set_token   (DaftarSyncClient    *self,
                                                  const char          *token);

void              daftar_sync_client_set_page_limit    (DaftarSyncClient *self,
                                                        guint             limit);
void              daftar_sync_client_set_max_body_size (DaftarSyncClient *self,
                                                        gsize             bytes);
void              daftar_sync_client_set_retry_base_ms (DaftarSyncClient *self,
                                                        guint             ms);
void              daftar_sync_client_set_max_tries     (DaftarSyncClient *self,
                                                        guint             tries);
void              daftar_sync_client_set_timeout       (DaftarSyncClient *self,
                                                        guint             seconds);
gboolean          daftar_sync_client_get_running       (DaftarSyncClient *self);

/* One run: pages from the stored cursor until has_more is false. One run at
 * a time per client. Writes a sync_log row whether it succeeds or not. */
void              daftar_sync_client_run_async   (DaftarSyncClient    *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
DaftarSyncSummary *daftar_sync_client_run_finish (DaftarSyncClient    *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* `daftar --sync-once`: syncs @office from @server into @db_path (each NULL
 * for the GSettings value, or the default database), prints one summary line
 * on stdout, or one reason on stderr, and returns the exit status: 0 on
 * success, 1 if the sync failed, 2 if it could not start (no server, office
 * or token). @error, if not NULL, receives the failure too. */
int               daftar_sync_once_main          (const char          *db_path,
                                                  const char          *server,
                                                  const char          *office,
                                                  GError             **error);

G_END_DECLS
