/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-demo.h: deterministic demo data — Yazd province offices, their queues, filings, notices and clients' ratings as protocol-v1 changes. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "daftar-db.h"

G_BEGIN_DECLS

/* A generator for @n_offices offices over @n_days days ending on @last_day.
 * Every record is a pure function of (seed, office, calendar day), so the
 * demo server can serve any page in any order and always say the same. */
typedef struct _DaftarDemo DaftarDemo;

/* @last_day NULL means today in Tehran; then "now" is the current time and
 * today's queue is cut at it (tickets still open are "waiting"). With an
 * explicit @last_day, "now" is the end of that day. No generated time is
 * ever after "now". */
DaftarDemo *daftar_demo_new                (guint64      seed,
                                            guint        n_offices,
                                            guint        n_days,
                                            const GDate *last_day);
void        daftar_demo_free               (DaftarDemo  *demo);

guint       daftar_demo_get_n_offices      (DaftarDemo  *demo);
guint       daftar_demo_get_n_days         (DaftarDemo  *demo);
const char *daftar_demo_get_office_code    (DaftarDemo  *demo,
                                            guint        office_index);
/* The calendar day of @day_index (0 = first, oldest day). */
void        daftar_demo_get_day            (DaftarDemo  *demo,
                                            guint        day_index,
                                            GDate       *out_date);
/* The instant no generated time goes beyond (Unix seconds). */
gint64      daftar_demo_get_now            (DaftarDemo  *demo);

/* Appends the change objects of office @office_index for day @day_index
 * (0 = first, oldest day) to @changes. Day 0 also carries the office
 * record, its staff, the standards and the holidays of the whole span.
 * Deterministic: the same (seed, office, day) gives the same changes
 * whatever the call order. */
void        daftar_demo_append_day         (DaftarDemo  *demo,
                                            guint        office_index,
                                            guint        day_index,
                                            JsonArray   *changes);

/* Whether the evening shift of @day is deliberately run with one counter
 * (a planned staffing gap the dashboards should expose). FALSE for days
 * with no evening shift. */
gboolean    daftar_demo_is_understaffed_evening (DaftarDemo  *demo,
                                                 guint        office_index,
                                                 const GDate *day);

/* Generates everything for every office and applies it through
 * daftar_ingest_page in pages of about @page_size changes (cursor
 * "d<last day index in the page>"), checking @cancellable between pages.
 * Errors are daftar_ingest_page's (with the page named) or G_IO_ERROR_CANCELLED. */
gboolean    daftar_demo_fill_database      (DaftarDemo    *demo,
                                            DaftarDb      *db,
                                            guint          page_size,
                                            GCancellable  *cancellable,
                                            GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarDemo, daftar_demo_free)

G_END_DECLS
