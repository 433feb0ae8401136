/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-test-demo-db.h: the demo offices' databases that the page and window tests read. */
#pragma once

#include "daftar-db.h"
#include "daftar-demo.h"

G_BEGIN_DECLS

/* The demo's @n_offices offices over the 120 days up to 30 April 2025, so
 * around Nowruz 1404: the days the page tests know. */
DaftarDemo *daftar_test_demo_new   (guint     n_offices);
/* That demo written into @db; returned for its office codes. */
DaftarDemo *daftar_test_demo_fill  (DaftarDb *db,
                                    guint     n_offices);

/* What a test adds to the demo's database: @now is the time the demo's
 * days end at. */
typedef gboolean (*DaftarTestDemoMore) (DaftarDb  *db,
                                        gint64     now,
                                        GError   **error);

/* For tests whose cases run in child processes: fills a database in a new
 * temp folder, through a worker as the application does, with one demo
 * office over the 60 days up to today (the window's default period is the
 * last 30 days), then with @more (nullable); sets the environment variable
 * @env_name to its path for the children to open it. Call it before any
 * thread exists (setenv is not thread-safe). Returns the folder, for
 * daftar_test_tmpdir_free. */
char       *daftar_test_demo_db_for_children (const char         *env_name,
                                              DaftarTestDemoMore  more);

G_END_DECLS
