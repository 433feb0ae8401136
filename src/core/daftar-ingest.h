/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-ingest.h: applies one page of protocol changes to the database,
 * atomically. The sync client and the demo generator both come through here. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "daftar-db.h"

G_BEGIN_DECLS

#define DAFTAR_INGEST_ERROR (daftar_ingest_error_quark ())

typedef enum {
  DAFTAR_INGEST_ERROR_NOT_JSON,        /* the body does not parse, or is truncated */
  DAFTAR_INGEST_ERROR_BAD_PAGE,        /* not an object, or a required member missing or of the wrong type */
  DAFTAR_INGEST_ERROR_WRONG_PROTOCOL,  /* "protocol" is not 1 */
  DAFTAR_INGEST_ERROR_WRONG_OFFICE,    /* the page is for another office */
  DAFTAR_INGEST_ERROR_TOO_LARGE,       /* over the size limit */
  DAFTAR_INGEST_ERROR_DATABASE,        /* SQLite failed; nothing was applied */
} DaftarIngestError;

#define DAFTAR_PROTOCOL_VERSION 1
#define DAFTAR_PAGE_SIZE_LIMIT (32 * 1024 * 1024)
#define DAFTAR_CURSOR_MAX 256

typedef struct {
  guint     upserted;
  guint     deleted;
  guint     rejected;
  gboolean  has_more;
  char     *cursor;     /* owned: the page's new cursor */
} DaftarIngestResult;

GQuark    daftar_ingest_error_quark  (void);
void      daftar_ingest_result_clear (DaftarIngestResult *result);

/* Applies a parsed page for @office_code: every valid record, the rollups of
 * every (office, day) it touched and the new cursor commit in one
 * transaction, or nothing does. Invalid records go to sync_rejects with their
 * reason and do not stop the rest. */
gboolean  daftar_ingest_page         (DaftarDb            *db,
                                      const char          *office_code,
                                      JsonObject          *page,
                                      DaftarIngestResult  *result,
                                      GError             **error);

/* The same from a response body: refused whole if it is over
 * DAFTAR_PAGE_SIZE_LIMIT, not valid JSON, or not a v1 page. */
gboolean  daftar_ingest_page_bytes   (DaftarDb            *db,
                                      const char          *office_code,
                                      GBytes              *body,
                                      DaftarIngestResult  *result,
                                      GError             **error);

/* The stored cursor of @office_code (NULL: from the beginning). */
char     *daftar_ingest_get_cursor   (DaftarDb            *db,
                                      const char          *office_code,
                                      GError             **error);

G_END_DECLS
