/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-demo-mode.c: `daftar --demo` — the demo central server on its own thread, and the demo database synced from it. */
#define G_LOG_DOMAIN "daftar-demo"

#include "config.h"

#include <string.h>
#include <sys/random.h>

#include "daftar-demo.h"
#include "daftar-demo-central.h"
#include "daftar-demo-mode.h"
#include "daftar-demo-setup.h"
#include "daftar-sync.h"
#include "daftar-time.h"

#define STAMP_KEY "demo:synced"
#define TOKEN_BYTES 24

struct _DaftarDemoMode
{
  GObject       parent_instance;

  DaftarDemo   *demo;          /* owned until the server thread takes it */
  GStrv         offices;       /* owned: office codes */
  char         *stamp;         /* owned: which demo this is */
  char         *token;         /* owned: wiped on finalize */
  char         *url;           /* owned, nullable: set by the server thread */

  GThread      *thread;        /* owned, nullable */
  GMainContext *context;       /* owned: the server thread's */
  GMainLoop    *loop;          /* owned */
  GMutex        lock;
  GCond         started_cond;
  gboolean      started;
  GError       *start_error;   /* owned, nullable */
};

G_DEFINE_FINAL_TYPE (DaftarDemoMode, daftar_demo_mode, G_TYPE_OBJECT)
G_DEFINE_QUARK (daftar-demo-mode-error-quark, daftar_demo_mode_error)

/* Only this process ever knows the token: it is not stored anywhere, so the
 * demo server answers nobody else on the machine. */
static char *
random_token (void)
{
  guint8 bytes[TOKEN_BYTES];
  GString *hex = g_string_sized_new (2 * TOKEN_BYTES);

  if (getrandom (bytes, sizeof bytes, 0) != (ssize_t) sizeof bytes)
    for (guint i = 0; i < sizeof bytes; i++)
      bytes[i] = (guint8) g_random_int_range (0, 256);
  for (guint i = 0; i < sizeof bytes; i++)
    g_string_append_printf (hex, "%02x", bytes[i]);
  memset (bytes, 0, sizeof bytes);
  return g_string_free (hex, FALSE);
}

DaftarDemoMode *
daftar_demo_mode_new (guint        n_offices,
                      guint        n_days,
                      const GDate *last_day)
{
  DaftarDemoMode *self;
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();

  g_return_val_if_fail (n_offices > 0 && n_days > 0, NULL);
  g_return_val_if_fail (last_day != NULL && g_date_valid (last_day), NULL);

  self = g_object_new (DAFTAR_TYPE_DEMO_MODE, NULL);
  self->demo = daftar_demo_new (DAFTAR_DEMO_SEED, n_offices, n_days, last_day);
  for (guint i = 0; i < daftar_demo_get_n_offices (self->demo); i++)
    g_strv_builder_add (codes, daftar_demo_get_office_code (self->demo, i));
  self->offices = g_strv_builder_end (codes);
  self->stamp = daftar_demo_setup_stamp (n_offices, n_days, last_day);
  self->token = random_token ();
  return self;
}

static gpointer
serve (gpointer data)
{
  DaftarDemoMode *self = data;
  g_autoptr(DaftarDemoCentral) server = NULL;
  GError *error = NULL;
  char *url = NULL;

  /* The SoupServer answers on the context that is thread-default where it
   * listens: this thread's, so pages are generated here. */
  g_main_context_push_thread_default (self->context);
  server = daftar_demo_central_new (g_steal_pointer (&self->demo), self->token);
  if (daftar_demo_central_listen (server, 0, &error))
    url = daftar_demo_central_get_url (server);

  g_mutex_lock (&self->lock);
  self->url = url;
  self->start_error = error;
  self->started = TRUE;
  g_cond_signal (&self->started_cond);
  g_mutex_unlock (&self->lock);

  if (url != NULL)
    g_main_loop_run (self->loop);

  g_clear_object (&server);
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

gboolean
daftar_demo_mode_start (DaftarDemoMode *self,
                        GError        **error)
{
  g_return_val_if_fail (DAFTAR_IS_DEMO_MODE (self), FALSE);
  g_return_val_if_fail (self->thread == NULL, FALSE);

  self->thread = g_thread_new ("daftar-demo-central", serve, self);

  g_mutex_lock (&self->lock);
  while (!self->started)
    g_cond_wait (&self->started_cond, &self->lock);
  g_mutex_unlock (&self->lock);

  if (self->start_error != NULL)
    {
      g_thread_join (g_steal_pointer (&self->thread));
      g_set_error (error, DAFTAR_DEMO_MODE_ERROR, DAFTAR_DEMO_MODE_ERROR_START,
                   "Could not start the demo central server: %s", self->start_error->message);
      return FALSE;
    }
  return TRUE;
}

const char *
daftar_demo_mode_get_url (DaftarDemoMode *self)
{
  g_return_val_if_fail (DAFTAR_IS_DEMO_MODE (self), NULL);
  return self->url;
}

const char *
daftar_demo_mode_get_token (DaftarDemoMode *self)
{
  g_return_val_if_fail (DAFTAR_IS_DEMO_MODE (self), NULL);
  return self->token;
}

guint
daftar_demo_mode_get_n_offices (DaftarDemoMode *self)
{
  g_return_val_if_fail (DAFTAR_IS_DEMO_MODE (self), 0);
  return g_strv_length (self->offices);
}

const char *
daftar_demo_mode_get_office_code (DaftarDemoMode *self,
                                  guint           office_index)
{
  g_return_val_if_fail (DAFTAR_IS_DEMO_MODE (self), NULL);
  g_return_val_if_fail (office_index < g_strv_length (self->offices), NULL);
  return self->offices[office_index];
}

/* Syncing: empty the file if it holds another demo, then one real sync per
 * office, then remember which demo the file holds. */

typedef struct
{
  DaftarDbWorker *worker;    /* owned */
  guint           office;    /* the office being synced */
  gint64          records;
} SyncRun;

static void
sync_run_free (gpointer data)
{
  SyncRun *run = data;

  g_clear_object (&run->worker);
  g_free (run);
}

static gpointer
prepare_job (DaftarDb      *db,
             gpointer       job_data,
             GCancellable  *cancellable,
             GError       **error)
{
  const char *stamp = job_data;
  g_autofree char *stored = NULL;
  GError *local_error = NULL;

  stored = daftar_db_get_state (db, STAMP_KEY, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (g_strcmp0 (stored, stamp) == 0)
    return GINT_TO_POINTER (TRUE);

  /* Only a file the demo made, or an empty one, is ever emptied. */
  if (!daftar_demo_setup_reset (db, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static gpointer
stamp_job (DaftarDb      *db,
           gpointer       job_data,
           GCancellable  *cancellable,
           GError       **error)
{
  if (!daftar_db_set_state (db, STAMP_KEY, job_data, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void sync_next_office (GTask *task);

static void
stamped_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SyncRun *run = g_task_get_task_data (task);
  GError *error = NULL;

  if (daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, run->records);
}

static void
office_synced_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DaftarDemoMode *self = g_task_get_source_object (task);
  SyncRun *run = g_task_get_task_data (task);
  g_autoptr(DaftarSyncSummary) summary = NULL;
  GError *error = NULL;

  summary = daftar_sync_client_run_finish (DAFTAR_SYNC_CLIENT (source), result, &error);
  if (summary == NULL)
    {
      g_prefix_error (&error, "Syncing the demo office %s: ", self->offices[run->office]);
      g_task_return_error (task, error);
      return;
    }
  run->records += (gint64) summary->records;
  run->office++;
  sync_next_office (g_steal_pointer (&task));
}

static void
sync_next_office (GTask *task)
{
  DaftarDemoMode *self = g_task_get_source_object (task);
  SyncRun *run = g_task_get_task_data (task);
  g_autoptr(DaftarSyncClient) client = NULL;

  if (self->offices[run->office] == NULL)
    {
      daftar_db_worker_run_async (run->worker, stamp_job, g_strdup (self->stamp), g_free, NULL,
                                  NULL, stamped_cb, task);
      return;
    }
  client = daftar_sync_client_new (run->worker, self->url, self->offices[run->office]);
  daftar_sync_client_set_token (client, self->token);
  /* The run keeps the client alive until its callback. */
  daftar_sync_client_run_async (client, g_task_get_cancellable (task), office_synced_cb, task);
}

static void
prepared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error) == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  sync_next_office (task);
}

void
daftar_demo_mode_sync_async (DaftarDemoMode     *self,
                             DaftarDbWorker     *worker,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  GTask *task;
  SyncRun *run;

  g_return_if_fail (DAFTAR_IS_DEMO_MODE (self));
  g_return_if_fail (DAFTAR_IS_DB_WORKER (worker));
  g_return_if_fail (self->url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, daftar_demo_mode_sync_async);
  run = g_new0 (SyncRun, 1);
  run->worker = g_object_ref (worker);
  g_task_set_task_data (task, run, sync_run_free);

  daftar_db_worker_run_async (worker, prepare_job, g_strdup (self->stamp), g_free, NULL,
                              cancellable, prepared_cb, task);
}

gint64
daftar_demo_mode_sync_finish (DaftarDemoMode *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);
  return g_task_propagate_int (G_TASK (result), error);
}

static void
demo_synced_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (daftar_demo_mode_sync_finish (DAFTAR_DEMO_MODE (source), result, &error) < 0)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_object_ref (source), g_object_unref);
}

void
daftar_demo_mode_prepare_async (DaftarDbWorker     *worker,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(DaftarDemoMode) server = NULL;
  GError *error = NULL;
  GDate today;

  g_return_if_fail (DAFTAR_IS_DB_WORKER (worker));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, daftar_demo_mode_prepare_async);

  daftar_time_local_date (g_get_real_time () / G_USEC_PER_SEC, &today);
  server = daftar_demo_mode_new (DAFTAR_DEMO_OFFICES, DAFTAR_DEMO_DAYS, &today);
  if (!daftar_demo_mode_start (server, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  daftar_demo_mode_sync_async (server, worker, cancellable, demo_synced_cb,
                               g_steal_pointer (&task));
}

DaftarDemoMode *
daftar_demo_mode_prepare_finish (GAsyncResult *result,
                                 GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == daftar_demo_mode_prepare_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
daftar_demo_mode_finalize (GObject *object)
{
  DaftarDemoMode *self = DAFTAR_DEMO_MODE (object);

  if (self->thread != NULL)
    {
      /* A source on the server's own context, not g_main_loop_quit from
       * here: a quit sent before its loop started running would be lost. */
      GSource *quit = g_idle_source_new ();

      g_source_set_callback (quit, quit_loop, g_main_loop_ref (self->loop),
                             (GDestroyNotify) g_main_loop_unref);
      g_source_attach (quit, self->context);
      g_source_unref (quit);
      g_thread_join (g_steal_pointer (&self->thread));
    }
  g_clear_pointer (&self->demo, daftar_demo_free);
  g_clear_pointer (&self->offices, g_strfreev);
  g_free (self->stamp);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  g_free (self->url);
  g_clear_error (&self->start_error);
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->started_cond);

  G_OBJECT_CLASS (daftar_demo_mode_parent_class)->finalize (object);
}

static void
daftar_demo_mode_class_init (DaftarDemoModeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = daftar_demo_mode_finalize;
}

static void
daftar_demo_mode_init (DaftarDemoMode *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->started_cond);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
}
