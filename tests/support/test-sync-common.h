/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-common.h: what the sync test programs share — an in-process demo server, a client, reference data. */
#pragma once

#include <string.h>
#include <glib/gstdio.h>

#include "daftar-demo.h"
#include "daftar-demo-central.h"
#include "daftar-demo-central-private.h"
#include "daftar-ingest.h"
#include "daftar-sync.h"
#include "daftar-test-util.h"

G_BEGIN_DECLS

#define TEST_SEED 20251
#define TEST_TOKEN "s3cr3t-T0KEN-never-in-logs"
#define TEST_LAST_DAY 2025, G_DATE_MARCH, 1

/* The demo of one office over @n_days up to TEST_LAST_DAY, from TEST_SEED. */
DaftarDemo        *test_sync_demo                 (guint n_days);
/* A server over @n_days of one office, listening on a random loopback port. */
DaftarDemoCentral *test_sync_server               (guint   n_days,
                                                   char  **out_url);
const char        *test_sync_office               (void);
/* The database a complete sync over @n_days must equal; built once. */
const char        *test_sync_reference            (guint n_days);

sqlite3           *test_sync_open_readonly        (const char *path);
gint64             test_sync_query_int            (sqlite3    *handle,
                                                   const char *sql);
/* "table:rows:sha256" for every data table: equal exactly for equal data. */
char              *test_sync_checksums            (const char *path);
void               test_sync_assert_same_data     (const char *path,
                                                   const char *reference);
void               test_sync_assert_integrity     (const char *path);

/* Runs one sync to its end, serving the in-process server meanwhile. */
DaftarSyncSummary *test_sync_run                  (DaftarSyncClient  *client,
                                                   GCancellable      *cancellable,
                                                   GError           **error);
/* A client with fast retries and TEST_TOKEN. */
DaftarSyncClient  *test_sync_client               (DaftarDbWorker *worker,
                                                   const char     *url);
/* The stored cursor, "" for none. */
char              *test_sync_stored_cursor        (DaftarDbWorker *worker);
/* The database after only the first page of @limit changes. */
char              *test_sync_first_page_reference (guint   n_days,
                                                   guint   limit,
                                                   char  **out_dir,
                                                   char  **out_cursor);
/* Drops the last reference to @worker on this thread. */
void               test_sync_worker_free          (DaftarDbWorker *worker);

/* A sync against the in-process server, into a database file of its own. */
typedef struct {
  char              *dir;
  char              *path;      /* the database file the worker opens */
  char              *url;
  DaftarDemoCentral *server;
  DaftarDbWorker    *worker;
  DaftarSyncClient  *client;
} TestSyncFixture;

/* The server over @n_days, a worker for a new file and a client that asks
 * for @limit changes a page. */
void               test_sync_fixture_set_up       (TestSyncFixture *f,
                                                   guint            n_days,
                                                   guint            limit);
void               test_sync_fixture_tear_down    (TestSyncFixture *f);

G_END_DECLS
