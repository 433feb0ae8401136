/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-test-gate.c: a job that holds the database thread until the test opens it, so that nothing queued behind it runs meanwhile. */
#include "config.h"

#include "daftar-test-gate.h"

/* How long a gate holds the worker at most. It is not a measurement: it
 * only keeps a client that does not do what the test expects from hanging
 * the suite, and a test that needed it fails. */
#define GATE_BREAKER_S 20

void
daftar_test_gate_init (DaftarTestGate *gate)
{
  g_mutex_init (&gate->lock);
  g_cond_init (&gate->cond);
}

void
daftar_test_gate_clear (DaftarTestGate *gate)
{
  daftar_test_gate_wait_done (gate);
  g_mutex_clear (&gate->lock);
  g_cond_clear (&gate->cond);
}

static gpointer
gate_job (DaftarDb      *db,
          gpointer       job_data,
          GCancellable  *cancellable,
          GError       **error)
{
  DaftarTestGate *gate = job_data;
  gint64 end = g_get_monotonic_time () + GATE_BREAKER_S * G_TIME_SPAN_SECOND;

  g_mutex_lock (&gate->lock);
  while (!gate->open)
    if (!g_cond_wait_until (&gate->cond, &gate->lock, end))
      {
        gate->timed_out = TRUE;
        break;
      }
  g_mutex_unlock (&gate->lock);
  return GINT_TO_POINTER (TRUE);
}

static void
gate_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  DaftarTestGate *gate = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error));
  g_assert_no_error (error);
  gate->done = TRUE;
}

void
daftar_test_gate_close (DaftarTestGate *gate,
                        DaftarDbWorker *worker)
{
  g_assert_false (gate->closed);
  gate->closed = TRUE;
  daftar_db_worker_run_async (worker, gate_job, gate, NULL, NULL, NULL, gate_done_cb, gate);
}

gboolean
daftar_test_gate_open (DaftarTestGate *gate)
{
  gboolean held;

  g_mutex_lock (&gate->lock);
  held = gate->closed && !gate->open && !gate->timed_out;
  gate->open = TRUE;
  g_cond_signal (&gate->cond);
  g_mutex_unlock (&gate->lock);
  return held;
}

void
daftar_test_gate_wait_done (DaftarTestGate *gate)
{
  while (gate->closed && !gate->done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gate->timed_out);
}
