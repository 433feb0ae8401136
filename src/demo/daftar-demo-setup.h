/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-demo-setup.h: preparing the demo database that `daftar --demo` opens. */
#pragma once

#include <gio/gio.h>

#include "daftar-db.h"

G_BEGIN_DECLS

#define DAFTAR_DEMO_SETUP_ERROR (daftar_demo_setup_error_quark ())

typedef enum {
  DAFTAR_DEMO_SETUP_ERROR_NOT_DEMO,   /* the file holds records the demo did not make */
} DaftarDemoSetupError;

#define DAFTAR_DEMO_SEED 1405
#define DAFTAR_DEMO_OFFICES 1
#define DAFTAR_DEMO_DAYS 120
/* Counts the changes to what the generator makes: bump it with one, so
 * that a Daftar upgraded the same day does not keep showing the older
 * demo (a demo without ratings, after client care came). */
#define DAFTAR_DEMO_GENERATION 2

GQuark    daftar_demo_setup_error_quark  (void);

/* What a demo database of @n_offices × @n_days up to @last_day holds, as
 * it keeps it: the same stamp, the same data. */
char     *daftar_demo_setup_stamp        (guint          n_offices,
                                          guint          n_days,
                                          const GDate   *last_day);

/* $XDG_CACHE_HOME/daftar/demo.db */
char     *daftar_demo_setup_default_path (void);

/* Empties @db for a new demo if it is a file the demo made (it carries
 * the demo's mark, which emptying keeps) or holds no records at all. Any
 * other database is refused with DAFTAR_DEMO_SETUP_ERROR_NOT_DEMO and
 * left as it was: the demo never empties the office's records. */
gboolean  daftar_demo_setup_reset        (DaftarDb      *db,
                                          GError       **error);

/* Fills @db with the generated demo office(s) up to @last_day, unless it
 * already holds exactly that; older demo data is replaced (see
 * daftar_demo_setup_reset). */
gboolean  daftar_demo_setup_database     (DaftarDb      *db,
                                          guint          n_offices,
                                          guint          n_days,
                                          const GDate   *last_day,
                                          GCancellable  *cancellable,
                                          GError       **error);

G_END_DECLS
