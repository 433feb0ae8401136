/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-rollup-levels.h: keeps the network rows and the monthly and yearly rollups in step with the daily rollups of the offices. */
#pragma once

#include <glib.h>

#include "daftar-db.h"

G_BEGIN_DECLS

/* The office_code of the network's rows: the sum of every office's rows. */
#define DAFTAR_NETWORK_OFFICE ""

/* The (office, day) pairs whose daily rollups changed, gathered while a
 * page is stored, then carried up in one go: each day's network rows, each
 * office's Jalali month, the network's month, then their Jalali years. */
typedef struct _DaftarRollupLevels DaftarRollupLevels;

DaftarRollupLevels *daftar_rollup_levels_new     (void);
void                daftar_rollup_levels_free    (DaftarRollupLevels *levels);
void                daftar_rollup_levels_add     (DaftarRollupLevels *levels,
                                                  const char         *office_code,
                                                  const GDate        *day);
/* Recomputes what the added pairs touch, inside the caller's transaction,
 * after their daily rollups were recomputed. */
gboolean            daftar_rollup_levels_refresh (DaftarRollupLevels *levels,
                                                  DaftarDb           *db,
                                                  GError            **error);

/* Writes every yearly row from the monthly rows already there (after the
 * migration that adds the yearly tables). */
gboolean            daftar_rollup_levels_rebuild_years (DaftarDb     *db,
                                                        GError      **error);

/* Rewrites the rows that count shifts over a standard, or hours over the
 * waiting room's seats, against another value than the one now in force
 * (after a standard was stored). */
gboolean            daftar_rollup_levels_restandard (DaftarDb        *db,
                                                     GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarRollupLevels, daftar_rollup_levels_free)

G_END_DECLS
