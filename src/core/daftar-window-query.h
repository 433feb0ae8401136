/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-window-query.h: what the main window reads before any page — the offices to choose from and the holidays. */
#pragma once

#include <gio/gio.h>

#include "daftar-db.h"

G_BEGIN_DECLS

typedef struct
{
  GPtrArray *offices;    /* DaftarOfficeInfo, by name; empty while no office holds a record */
  GPtrArray *holidays;   /* DaftarHoliday, by date */
  /* The first day with records of each office, by code, and of every
   * office together under "": owned keys, owned GDate values. */
  GHashTable *first_days;
} DaftarWindowRecords;

void                 daftar_window_records_free (DaftarWindowRecords *records);
/* The first day with records of @office_code (NULL: every office), or NULL
 * when it holds none. */
const GDate         *daftar_window_records_first_day (DaftarWindowRecords *records,
                                                      const char          *office_code);

DaftarWindowRecords *daftar_window_query        (DaftarDb            *db,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
/* For the worker: @job_data is unused; returns a DaftarWindowRecords. */
gpointer             daftar_window_query_job    (DaftarDb            *db,
                                                 gpointer             job_data,
                                                 GCancellable        *cancellable,
                                                 GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarWindowRecords, daftar_window_records_free)

G_END_DECLS
