/* daftar-migrations.h: what a schema step needs beyond its SQL file. */
#pragma once

#include "daftar-db.h"

G_BEGIN_DECLS

/* Runs inside the transaction of the step to @version, after its SQL: new
 * derived tables are filled from the data already there (local days need
 * the Tehran zone, which SQL alone cannot apply). */
gboolean daftar_migration_after_step (DaftarDb  *db,
                                      int        version,
                                      GError   **error);

G_END_DECLS
