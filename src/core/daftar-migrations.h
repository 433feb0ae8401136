/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-migrations.h: what a schema step needs beyond its SQL file. */
#pragma once

#include "daftar-db.h"

G_BEGIN_DECLS

/* Runs inside the transaction of the step to @version, after its SQL: new
 * derived tables are filled from the data already there (local days need
 * the Tehran zone, which SQL alone cannot apply). This migration runs
 * the steps @first … @latest. */
gboolean daftar_migration_after_step (DaftarDb  *db,
                                      int        first,
                                      int        version,
                                      int        latest,
                                      GError   **error);

G_END_DECLS
