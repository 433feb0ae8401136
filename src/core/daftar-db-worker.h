/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-db-worker.h: the one thread that owns the database connection. */
#pragma once

#include <gio/gio.h>

#include "daftar-db.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_DB_WORKER (daftar_db_worker_get_type ())
G_DECLARE_FINAL_TYPE (DaftarDbWorker, daftar_db_worker, DAFTAR, DB_WORKER, GObject)

/* A job runs on the worker thread with the connection. It returns a result
 * (freed with the job's result_free if nobody collects it) or NULL and an
 * error. It should check @cancellable between long steps. */
typedef gpointer (*DaftarDbJobFunc) (DaftarDb      *db,
                                     gpointer       job_data,
                                     GCancellable  *cancellable,
                                     GError       **error);

/* Starts the thread; the database is opened (and migrated) there as the
 * first job, so this never blocks on I/O. An open error is returned by
 * every job. */
DaftarDbWorker *daftar_db_worker_new        (const char          *path);
const char     *daftar_db_worker_get_path   (DaftarDbWorker      *self);

void            daftar_db_worker_run_async  (DaftarDbWorker      *self,
                                             DaftarDbJobFunc      func,
                                             gpointer             job_data,
                                             GDestroyNotify       job_data_free,
                                             GDestroyNotify       result_free,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gpointer        daftar_db_worker_run_finish (DaftarDbWorker      *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* Runs a job on the worker thread and waits for it: for command-line modes
 * and tests, never for the UI thread. */
gpointer        daftar_db_worker_run_sync   (DaftarDbWorker      *self,
                                             DaftarDbJobFunc      func,
                                             gpointer             job_data,
                                             GCancellable        *cancellable,
                                             GError             **error);

G_END_DECLS
