/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-test-gate.h: a job that holds the database thread until the test opens it, so that nothing queued behind it runs meanwhile. */
#pragma once

#include "daftar-db-worker.h"

G_BEGIN_DECLS

/* Zeroed, then daftar_test_gate_init(). The flags are read by the tests;
 * only the gate's functions write them. */
typedef struct {
  GMutex   lock;
  GCond    cond;
  gboolean closed;      /* the job is queued */
  gboolean open;
  gboolean timed_out;   /* it gave up holding: a test that needed it fails */
  gboolean done;        /* its callback ran */
} DaftarTestGate;

void     daftar_test_gate_init      (DaftarTestGate *gate);
/* Waits for the job's callback if it was queued, then frees the lock. */
void     daftar_test_gate_clear     (DaftarTestGate *gate);
/* Queues the job on @worker: it holds the thread from when it starts. */
void     daftar_test_gate_close     (DaftarTestGate *gate,
                                     DaftarDbWorker *worker);
/* Lets the job end; TRUE if it was still holding the worker. */
gboolean daftar_test_gate_open      (DaftarTestGate *gate);
/* Runs the main loop until the job's callback ran. */
void     daftar_test_gate_wait_done (DaftarTestGate *gate);

G_END_DECLS
