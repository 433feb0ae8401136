/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-demo-central-private.h: the demo server's feed — cursors and page text, shared by its two files. */
#pragma once

#include <json-glib/json-glib.h>

#include "daftar-demo-central.h"

G_BEGIN_DECLS

/* Where a cursor points: the next change is number @offset of day @day of
 * office @office. @epoch lets the server expire every cursor it issued
 * before (the expire-cursor fault). */
typedef struct {
  guint epoch;
  guint office;
  guint day;
  guint offset;
} DaftarDemoCentralCursor;

/* Opaque on the wire: base64 of "v1:epoch:office:day:offset", far below the
 * protocol's 256 bytes. */
char     *daftar_demo_central_cursor_encode (const DaftarDemoCentralCursor *cursor);
gboolean  daftar_demo_central_cursor_decode (const char                    *text,
                                             DaftarDemoCentralCursor       *out_cursor);

/* The demo's changes, serialised once per office-day and kept in a small
 * cache, so that consecutive pages do not generate a day twice. */
typedef struct _DaftarDemoCentralFeed DaftarDemoCentralFeed;

DaftarDemoCentralFeed *daftar_demo_central_feed_new       (DaftarDemo            *demo);
void                   daftar_demo_central_feed_free      (DaftarDemoCentralFeed *feed);
DaftarDemo            *daftar_demo_central_feed_get_demo  (DaftarDemoCentralFeed *feed);
/* The office's index, or -1. */
int                    daftar_demo_central_feed_find_office (DaftarDemoCentralFeed *feed,
                                                             const char            *code);

/* The text of the page that starts at @cursor (moved to where the next page
 * starts) with at most @limit changes. @protocol is normally 1.
 * @bad_serial > 0 appends DAFTAR_DEMO_CENTRAL_BAD_RECORDS_PER_PAGE invalid
 * records whose ids carry that number. */
GString               *daftar_demo_central_feed_page      (DaftarDemoCentralFeed   *feed,
                                                           DaftarDemoCentralCursor *cursor,
                                                           guint                    limit,
                                                           int                      protocol,
                                                           guint                    bad_serial,
                                                           gboolean                *out_has_more);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarDemoCentralFeed, daftar_demo_central_feed_free)

G_END_DECLS
