/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-page-check.h: the strict check of a page's bytes before json-glib parses them — RFC 8259 only, with bounded depth, changes and values. */
#pragma once

#include <glib.h>

#include "daftar-reject-reasons.h"

G_BEGIN_DECLS

/* What one page may hold (docs/sync-protocol.md, "What a page may hold").
 * Bytes are bounded by DAFTAR_PAGE_SIZE_LIMIT (daftar-ingest.h); these bound
 * the work and the memory a page costs once parsed, which bytes alone do
 * not: json-glib spends about 100 bytes on a number and 300 on an empty
 * object, so 32 MiB of "{}," took 3 GB. Within them the worst pages cost the
 * client about 230 MiB while it parses one and applies the one before
 * (bench/page-memory.c), and an honest page of the most changes the client
 * asks for, all of the largest kind (a case with every field: 20 values),
 * holds 200,006 values. */
#define DAFTAR_PAGE_MAX_DEPTH       64      /* json-glib's parser recurses; a page needs four */
#define DAFTAR_PAGE_MAX_CHANGES     50000   /* elements of the page's "changes" */
#define DAFTAR_PAGE_MAX_VALUES      250000  /* every object, array, string, number, true, false, null */
#define DAFTAR_PAGE_MAX_CONTAINERS  100002  /* objects and arrays: two a change, the page and its "changes" */
#define DAFTAR_PAGE_MAX_REJECTS     1000    /* changes rejected one by one; past this the page is refused */

/* Checks that @body is one strict RFC 8259 JSON text within the limits
 * above, and refuses it otherwise (DAFTAR_INGEST_ERROR_NOT_JSON for what is
 * not JSON, DAFTAR_INGEST_ERROR_BAD_PAGE for a page over a limit). A leading
 * UTF-8 byte order mark is allowed (RFC 8259 §8.1) and left out of
 * *out_body.
 *
 * Text that is valid JSON but that json-glib 1.6 would mangle is rewritten
 * in *out_body into something that survives parsing and is caught after it
 * (see the .c file); *out_marked counts the rewritten strings, and
 * daftar_page_mark_reason says why a parsed string holds a mark. More than
 * DAFTAR_PAGE_MAX_REJECTS changes holding a mark refuse the page. */
gboolean    daftar_page_check        (GBytes      *body,
                                      GBytes     **out_body,
                                      guint       *out_marked,
                                      GError     **error);

/* Whether a parsed string holds one of the check's marks, and why: the
 * reject reason DAFTAR_REJECT_NUL, _SURROGATE or _NOT_UTF8 in *@out_code. */
gboolean    daftar_page_mark_reason  (const char        *text,
                                      DaftarRejectCode  *out_code);

G_END_DECLS
