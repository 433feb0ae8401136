/* daftar-demo-setup.h: preparing the demo database that `daftar --demo` opens. */
#pragma once

#include <gio/gio.h>

#include "daftar-db.h"

G_BEGIN_DECLS

#define DAFTAR_DEMO_SEED 1405
#define DAFTAR_DEMO_OFFICES 1
#define DAFTAR_DEMO_DAYS 120

/* $XDG_CACHE_HOME/daftar/demo.db */
char     *daftar_demo_setup_default_path (void);

/* Fills @db with the generated demo office(s) up to @last_day, unless it
 * already holds exactly that; older demo data is replaced. */
gboolean  daftar_demo_setup_database     (DaftarDb      *db,
                                          guint          n_offices,
                                          guint          n_days,
                                          const GDate   *last_day,
                                          GCancellable  *cancellable,
                                          GError       **error);

G_END_DECLS
