/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-demo-central.h: the demo central server — a SoupServer that serves demo data as protocol-v1 pages, with fault modes. */
#pragma once

#include <gio/gio.h>

#include "daftar-demo.h"

G_BEGIN_DECLS

#define DAFTAR_DEMO_CENTRAL_ERROR (daftar_demo_central_error_quark ())

typedef enum {
  DAFTAR_DEMO_CENTRAL_ERROR_LISTEN,       /* could not listen on the address or port */
  DAFTAR_DEMO_CENTRAL_ERROR_BAD_FAULT,    /* an unknown fault mode name */
} DaftarDemoCentralError;

/* Ways the demo server misbehaves, so the client's handling of each can be
 * shown and tested. "Later pages" are those asked for with a cursor. */
typedef enum {
  DAFTAR_DEMO_CENTRAL_FAULT_NONE,
  DAFTAR_DEMO_CENTRAL_FAULT_ERROR_500_TWICE,  /* each page answers 500 twice, then serves */
  DAFTAR_DEMO_CENTRAL_FAULT_RETRY_AFTER,      /* the first two pages first answer 429, then 503, with Retry-After: 1 */
  DAFTAR_DEMO_CENTRAL_FAULT_TRUNCATE,         /* later pages: the body is cut in half */
  DAFTAR_DEMO_CENTRAL_FAULT_BAD_JSON,         /* later pages: the body is not JSON */
  DAFTAR_DEMO_CENTRAL_FAULT_WRONG_PROTOCOL,   /* later pages: "protocol": 2 */
  DAFTAR_DEMO_CENTRAL_FAULT_SLOW_BODY,        /* every body trickles out in small chunks */
  DAFTAR_DEMO_CENTRAL_FAULT_EXPIRE_CURSOR,    /* cursors issued before this mode was set get 410 */
  DAFTAR_DEMO_CENTRAL_FAULT_HUGE_BODY,        /* later pages: an endless body (up to 1 GiB) */
  DAFTAR_DEMO_CENTRAL_FAULT_BAD_RECORDS,      /* every page also carries invalid records */
  DAFTAR_DEMO_CENTRAL_FAULT_UNAUTHORIZED,     /* every request answers 401 */
} DaftarDemoCentralFault;

GQuark      daftar_demo_central_error_quark       (void);
gboolean    daftar_demo_central_fault_from_string (const char              *name,
                                                   DaftarDemoCentralFault  *out_fault,
                                                   GError                 **error);
const char *daftar_demo_central_fault_to_string   (DaftarDemoCentralFault   fault);

/* The invalid records BAD_RECORDS adds to each page. */
#define DAFTAR_DEMO_CENTRAL_BAD_RECORDS_PER_PAGE 6

#define DAFTAR_TYPE_DEMO_CENTRAL (daftar_demo_central_get_type ())
G_DECLARE_FINAL_TYPE (DaftarDemoCentral, daftar_demo_central, DAFTAR, DEMO_CENTRAL, GObject)

/* Takes ownership of @demo. Requests must carry "Authorization: Bearer
 * @token". The server answers on the thread-default main context of the
 * thread that calls listen. */
DaftarDemoCentral     *daftar_demo_central_new          (DaftarDemo             *demo,
                                                         const char             *token);
/* Listens on 127.0.0.1:@port (0 picks a free port). */
gboolean               daftar_demo_central_listen       (DaftarDemoCentral      *self,
                                                         guint                   port,
                                                         GError                **error);
/* "http://127.0.0.1:PORT" once listening, else NULL. */
char                  *daftar_demo_central_get_url      (DaftarDemoCentral      *self);

void                   daftar_demo_central_set_fault    (DaftarDemoCentral      *self,
                                                         DaftarDemoCentralFault  fault);
DaftarDemoCentralFault daftar_demo_central_get_fault    (DaftarDemoCentral      *self);
/* Compress bodies when the client accepts gzip (off by default). */
/* Keeps each page once made, as a server with stored data would answer
 * (fault modes bypass it). For benchmarks of the client. */
void                   daftar_demo_central_set_cache_pages (DaftarDemoCentral   *self,
                                                            gboolean             cache);
void                   daftar_demo_central_set_gzip     (DaftarDemoCentral      *self,
                                                         gboolean                gzip);

/* Counters for tests: requests answered (any status), and body bytes
 * handed to libsoup for streamed (slow or huge) bodies. */
guint                  daftar_demo_central_get_requests (DaftarDemoCentral      *self);
guint64                daftar_demo_central_get_streamed_bytes (DaftarDemoCentral *self);

G_END_DECLS
