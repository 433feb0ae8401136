/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-db-worker.c: the one thread that owns the database connection. */
#define G_LOG_DOMAIN "daftar-db-worker"

#include "config.h"

#include "daftar-db-worker.h"

struct _DaftarDbWorker
{
  GObject       parent_instance;

  char         *path;      /* owned */
  GThread      *thread;    /* owned */
  GAsyncQueue  *queue;     /* owned (shared with the thread): GTask*, or the stop marker */
};

/* What the thread owns. It never touches the DaftarDbWorker itself: the
 * last reference to the worker may be dropped on the thread (by a finished
 * task), and the thread must outlive that. */
typedef struct
{
  char        *path;
  GAsyncQueue *queue;
} ThreadData;

typedef struct
{
  DaftarDbJobFunc func;
  gpointer        job_data;
  GDestroyNotify  job_data_free;
  GDestroyNotify  result_free;
} Job;

G_DEFINE_FINAL_TYPE (DaftarDbWorker, daftar_db_worker, G_TYPE_OBJECT)

/* Pushed by finalize to end the thread after the jobs already queued. */
static int stop_marker;

static void
job_free (gpointer data)
{
  Job *job = data;

  if (job->job_data_free != NULL && job->job_data != NULL)
    job->job_data_free (job->job_data);
  g_free (job);
}

static gpointer
worker_thread (gpointer data)
{
  ThreadData *thread_data = data;
  g_autoptr(DaftarDb) db = NULL;
  g_autoptr(GError) open_error = NULL;

  db = daftar_db_open (thread_data->path, &open_error);
  if (open_error != NULL)
    g_warning ("%s", open_error->message);

  for (;;)
    {
      gpointer item = g_async_queue_pop (thread_data->queue);
      GTask *task;
      GError *error = NULL;
      gpointer result;
      Job *job;

      if (item == &stop_marker)
        break;

      task = item;
      job = g_task_get_task_data (task);

      if (db == NULL)
        g_task_return_error (task, g_error_copy (open_error));
      else if (!g_task_return_error_if_cancelled (task))
        {
          result = job->func (db, job->job_data, g_task_get_cancellable (task), &error);
          /* A job must never leave a transaction open for the next one. */
          daftar_db_rollback (db);

          if (error != NULL)
            g_task_return_error (task, error);
          else
            g_task_return_pointer (task, result, job->result_free);
        }
      /* Let go at once: the caller may be waiting for the worker to finalize. */
      g_object_unref (task);
    }

  g_async_queue_unref (thread_data->queue);
  g_free (thread_data->path);
  g_free (thread_data);
  return NULL;
}

static void
daftar_db_worker_finalize (GObject *object)
{
  DaftarDbWorker *self = DAFTAR_DB_WORKER (object);

  /* The thread ends after the jobs queued before this marker (there can be
   * none: each holds a reference). When the last reference was dropped on
   * the thread itself, it cannot join itself, so it is left to end alone. */
  g_async_queue_push (self->queue, &stop_marker);
  if (g_thread_self () == self->thread)
    g_thread_unref (self->thread);
  else
    g_thread_join (self->thread);
  g_async_queue_unref (self->queue);
  g_free (self->path);

  G_OBJECT_CLASS (daftar_db_worker_parent_class)->finalize (object);
}

static void
daftar_db_worker_class_init (DaftarDbWorkerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = daftar_db_worker_finalize;
}

static void
daftar_db_worker_init (DaftarDbWorker *self)
{
  self->queue = g_async_queue_new ();
}

DaftarDbWorker *
daftar_db_worker_new (const char *path)
{
  DaftarDbWorker *self = g_object_new (DAFTAR_TYPE_DB_WORKER, NULL);

  ThreadData *thread_data = g_new0 (ThreadData, 1);

  self->path = g_strdup (path);
  thread_data->path = g_strdup (path);
  thread_data->queue = g_async_queue_ref (self->queue);
  self->thread = g_thread_new ("daftar-db", worker_thread, thread_data);
  return self;
}

const char *
daftar_db_worker_get_path (DaftarDbWorker *self)
{
  g_return_val_if_fail (DAFTAR_IS_DB_WORKER (self), NULL);
  return self->path;
}

void
daftar_db_worker_run_async (DaftarDbWorker      *self,
                            DaftarDbJobFunc      func,
                            gpointer             job_data,
                            GDestroyNotify       job_data_free,
                            GDestroyNotify       result_free,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  Job *job;

  g_return_if_fail (DAFTAR_IS_DB_WORKER (self));
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->func = func;
  job->job_data = job_data;
  job->job_data_free = job_data_free;
  job->result_free = result_free;

  /* The task holds a reference to the worker, so the thread outlives every
   * queued job; the queue owns the task until the thread pops it. */
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, daftar_db_worker_run_async);
  g_task_set_task_data (task, job, job_free);
  g_async_queue_push (self->queue, task);
}

gpointer
daftar_db_worker_run_finish (DaftarDbWorker  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == daftar_db_worker_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  gboolean  done;
  gpointer  result;
  GError   *error;
} SyncWait;

static void
run_sync_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SyncWait *wait = user_data;

  wait->result = daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &wait->error);
  wait->done = TRUE;
}

gpointer
daftar_db_worker_run_sync (DaftarDbWorker  *self,
                           DaftarDbJobFunc  func,
                           gpointer         job_data,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  SyncWait wait = { 0 };

  /* The callback is dispatched in a private context, so this works from any
   * thread that is not the worker itself, without running the caller's loop. */
  g_main_context_push_thread_default (context);
  daftar_db_worker_run_async (self, func, job_data, NULL, NULL, cancellable,
                              run_sync_done, &wait);
  while (!wait.done)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.result;
}
