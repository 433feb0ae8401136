/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-sync-connection.h: one request that tells whether a server address, office code and token would sync, before anything is saved. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How the test went, in the order the manager fixes things. */
typedef enum {
  DAFTAR_CONNECTION_OK,              /* a protocol-v1 page for this office came back */
  DAFTAR_CONNECTION_WRONG_TOKEN,     /* 401, 403, or a token no header can carry */
  DAFTAR_CONNECTION_UNKNOWN_OFFICE,  /* 404: the server does not know the office code */
  DAFTAR_CONNECTION_UNREACHABLE,     /* refused, no such host, no answer in time, connection broken */
  DAFTAR_CONNECTION_NOT_CENTRAL,     /* it answered, but not with a protocol-v1 page for this office */
  DAFTAR_CONNECTION_INSECURE,        /* an address the token may not go to, a refused certificate, a redirect elsewhere */
  DAFTAR_CONNECTION_SERVER_TROUBLE,  /* 5xx or 429: a central server that cannot answer now */
} DaftarConnectionOutcome;

/* Whole seconds the test waits for the answer, connecting included. */
#define DAFTAR_SYNC_CONNECTION_TIMEOUT_S 20

typedef struct {
  DaftarConnectionOutcome outcome;
  char  *message;      /* owned: translated; says what is wrong and what to do */
  char  *detail;       /* owned, nullable: the technical reason (printable), for a "details" area */
  char  *office_name;  /* owned, nullable: the office's name from the page's office record (printable) */
  guint  http_status;  /* the last HTTP status, 0 if none came */
} DaftarConnectionResult;

void daftar_connection_result_free (DaftarConnectionResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarConnectionResult, daftar_connection_result_free)

/* Asks @server for the first page of @office's changes with limit=1 — the
 * cheapest request the protocol has — with everything a sync would do:
 * the same address rule (daftar_sync_check_server), the same session
 * (daftar_soup_session_new: proxy only for https, certificates checked),
 * the token in the Authorization header, redirects only within the same
 * server, and the same strict check of the page. Nothing is stored. At
 * most DAFTAR_SYNC_CONNECTION_TIMEOUT_S seconds; no retries, since the
 * manager is waiting. */
void                    daftar_sync_test_connection_async  (const char           *server,
                                                            const char           *office,
                                                            const char           *token,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
/* Every outcome is a result; only cancelling gives NULL and
 * G_IO_ERROR_CANCELLED. */
DaftarConnectionResult *daftar_sync_test_connection_finish (GAsyncResult         *result,
                                                            GError              **error);

G_END_DECLS
