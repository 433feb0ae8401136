/* daftar-demo-central.h: the demo central server — a SoupServer that serves demo data as protocol-v1 pages, with fault modes. */
#pragma once

#include <gio/gio.h>

#include "daftar-demo.h"

G_BEGIN_DECLS

#define DAFTAR_CENTRAL_ERROR (daftar_central_error_quark ())

typedef enum {
  DAFTAR_CENTRAL_ERROR_LISTEN,       /* could not listen on the address or port */
  DAFTAR_CENTRAL_ERROR_BAD_FAULT,    /* an unknown fault mode name */
} DaftarCentralError;

/* Ways the demo server misbehaves, so the client's handling of each can be
 * shown and tested. "Later pages" are those asked for with a cursor. */
typedef enum {
  DAFTAR_CENTRAL_FAULT_NONE,
  DAFTAR_CENTRAL_FAULT_ERROR_500_TWICE,  /* each page answers 500 twice, then serves */
  DAFTAR_CENTRAL_FAULT_RETRY_AFTER,      /* the first two pages first answer 429, then 503, with Retry-After: 1 */
  DAFTAR_CENTRAL_FAULT_TRUNCATE,         /* later pages: the body is cut in half */
  DAFTAR_CENTRAL_FAULT_BAD_JSON,         /* later pages: the body is not JSON */
  DAFTAR_CENTRAL_FAULT_WRONG_PROTOCOL,   /* later pages: "protocol": 2 */
  DAFTAR_CENTRAL_FAULT_SLOW_BODY,        /* every body trickles out in small chunks */
  DAFTAR_CENTRAL_FAULT_EXPIRE_CURSOR,    /* cursors issued before this mode was set get 410 */
  DAFTAR_CENTRAL_FAULT_HUGE_BODY,        /* later pages: an endless body (up to 1 GiB) */
  DAFTAR_CENTRAL_FAULT_BAD_RECORDS,      /* every page also carries invalid records */
  DAFTAR_CENTRAL_FAULT_UNAUTHORIZED,     /* every request answers 401 */
} DaftarCentralFault;

GQuark      daftar_central_error_quark      (void);
gboolean    daftar_central_fault_from_string (const char          *name,
                                              DaftarCentralFault  *out_fault,
                                              GError             **error);
const char *daftar_central_fault_to_string  (DaftarCentralFault   fault);

/* The invalid records BAD_RECORDS adds to each page. */
#define DAFTAR_CENTRAL_BAD_RECORDS_PER_PAGE 6

#define DAFTAR_TYPE_CENTRAL_SERVER (daftar_central_server_get_type ())
G_DECLARE_FINAL_TYPE (DaftarCentralServer, daftar_central_server, DAFTAR, CENTRAL_SERVER, GObject)

/* Takes ownership of @demo. Requests must carry "Authorization: Bearer
 * @token". The server answers on the thread-default main context of the
 * thread that calls listen. */
DaftarCentralServer *daftar_central_server_new         (DaftarDemo          *demo,
                                                        const char          *token);
/* Listens on 127.0.0.1:@port (0 picks a free port). */
gboolean            daftar_central_server_listen       (DaftarCentralServer *self,
                                                        guint                port,
                                                        GError             **error);
/* "http://127.0.0.1:PORT" once listening, else NULL. */
char               *daftar_central_server_get_url      (DaftarCentralServer *self);

void                daftar_central_server_set_fault    (DaftarCentralServer *self,
                                                        DaftarCentralFault   fault);
DaftarCentralFault  daftar_central_server_get_fault    (DaftarCentralServer *self);
/* Compress bodies when the client accepts gzip (off by default). */
/* Keeps each page once made, as a server with stored data would answer
 * (fault modes bypass it). For benchmarks of the client. */
void                daftar_central_server_set_cache_pages (DaftarCentralServer *self,
                                                           gboolean             cache);
void                daftar_central_server_set_gzip     (DaftarCentralServer *self,
                                                        gboolean             gzip);

/* Counters for tests: requests answered (any status), and body bytes
 * handed to libsoup for streamed (slow or huge) bodies. */
guint               daftar_central_server_get_requests (DaftarCentralServer *self);
guint64             daftar_central_server_get_streamed_bytes (DaftarCentralServer *self);

G_END_DECLS
