/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-rollups.h: rebuilds the daily rollups of one (office, day) from the base tables. */
#pragma once

#include <glib.h>

#include "daftar-db.h"

G_BEGIN_DECLS

/* Replaces every rollup row of @office_code for the local day @day with
 * figures recomputed from cases, tickets and notices of that day. Runs
 * inside the caller's transaction. */
gboolean daftar_rollups_recompute_day (DaftarDb     *db,
                                       const char   *office_code,
                                       const GDate  *day,
                                       GError      **error);

/* The local days of @office_code that hold any case, ticket or notice (for
 * a change that affects every day, like an office moving city). Returns
 * 'YYYY-MM-DD' strings. */
GPtrArray *daftar_rollups_list_days   (DaftarDb     *db,
                                       const char   *office_code,
                                       GError      **error);

G_END_DECLS
