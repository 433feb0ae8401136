/* daftar-page.c: what every dashboard page does — load its figures for an office and a period. */
#include "config.h"

#include "daftar-page.h"

G_DEFINE_INTERFACE (DaftarPage, daftar_page, GTK_TYPE_WIDGET)

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
daftar_page_default_init (DaftarPageInterface *iface)
{
  /* Emitted each time fresh figures are on screen; the window uses it to
   * know when it is ready (screenshots, tests). */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

void
daftar_page_load (DaftarPage              *self,
                  DaftarDbWorker          *worker,
                  const DaftarPageContext *context)
{
  g_return_if_fail (DAFTAR_IS_PAGE (self));
  g_return_if_fail (DAFTAR_IS_DB_WORKER (worker));
  g_return_if_fail (context != NULL);

  DAFTAR_PAGE_GET_IFACE (self)->load (self, worker, context);
}

void
daftar_page_emit_loaded (DaftarPage *self)
{
  g_return_if_fail (DAFTAR_IS_PAGE (self));
  g_signal_emit (self, signals[LOADED], 0);
}

typedef struct
{
  DaftarPage         *page;         /* owned */
  DaftarPageShowFunc  show;
  GDestroyNotify      result_free;
  const char         *what;         /* static */
} JobCall;

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  JobCall *call = user_data;
  g_autoptr(GError) error = NULL;
  gpointer figures = daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error);

  if (figures != NULL)
    {
      call->show (call->page, figures);
      if (call->result_free != NULL)
        call->result_free (figures);
      daftar_page_emit_loaded (call->page);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not load %s: %s", call->what, error->message);

  g_object_unref (call->page);
  g_free (call);
}

void
daftar_page_run_job (DaftarPage          *self,
                     GCancellable       **cancellable_slot,
                     DaftarDbWorker      *worker,
                     DaftarDbJobFunc      job,
                     gpointer             job_data,
                     GDestroyNotify       job_data_free,
                     GDestroyNotify       result_free,
                     DaftarPageShowFunc   show,
                     const char          *what)
{
  JobCall *call;

  g_return_if_fail (DAFTAR_IS_PAGE (self));
  g_return_if_fail (cancellable_slot != NULL);

  /* A newer request makes the older one moot. */
  g_cancellable_cancel (*cancellable_slot);
  g_clear_object (cancellable_slot);
  *cancellable_slot = g_cancellable_new ();

  call = g_new0 (JobCall, 1);
  call->page = g_object_ref (self);
  call->show = show;
  call->result_free = result_free;
  call->what = what;
  daftar_db_worker_run_async (worker, job, job_data, job_data_free, result_free,
                              *cancellable_slot, job_done, call);
}
