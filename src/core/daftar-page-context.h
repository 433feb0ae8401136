/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-page-context.h: what a dashboard page shows figures for — an office, a period and the day it is. */
#pragma once

#include <glib-object.h>

#include "daftar-period.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_PAGE_CONTEXT (daftar_page_context_get_type ())

/* Made by the window for each load and read by the page and by its query on
 * the database thread; immutable once made, so both hold references to one
 * copy instead of each copying the fields. */
typedef struct
{
  char         *office_code;   /* owned, nullable: every office together */
  DaftarPeriod  period;
  GDate         today;         /* the office's today, in Tehran */
  gint64        now;           /* Unix seconds when the load was asked: the age of the last sync */
  GDate         first_data_day; /* the office's first day with records; invalid when unknown */
} DaftarPageContext;

GType              daftar_page_context_get_type (void) G_GNUC_CONST;

/* Stamps the context with the current time as "now". */
DaftarPageContext *daftar_page_context_new      (const char         *office_code,
                                                 const DaftarPeriod *period,
                                                 const GDate        *today);
/* The first day the office's records hold, for the page headings ("data
 * from 5 Mordad"); set by the window before it hands the context on. */
void               daftar_page_context_set_first_data_day (DaftarPageContext *context,
                                                           const GDate       *first_data_day);
/* The same office, period and today, as of now: for a retry. */
DaftarPageContext *daftar_page_context_renew    (DaftarPageContext  *context);
DaftarPageContext *daftar_page_context_ref      (DaftarPageContext  *context);
void               daftar_page_context_unref    (DaftarPageContext  *context);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarPageContext, daftar_page_context_unref)

G_END_DECLS
