/* daftar-page.h: what every dashboard page does — load its figures for an office and a period. */
#pragma once

#include <gtk/gtk.h>

#include "daftar-db-worker.h"
#include "daftar-period.h"

G_BEGIN_DECLS

/* What the window asks a page to show. Pages copy what they keep. */
typedef struct
{
  const char   *office_code;   /* nullable: every office together */
  DaftarPeriod  period;
  GDate         today;         /* the office's today, in Tehran */
} DaftarPageContext;

#define DAFTAR_TYPE_PAGE (daftar_page_get_type ())
G_DECLARE_INTERFACE (DaftarPage, daftar_page, DAFTAR, PAGE, GtkWidget)

struct _DaftarPageInterface
{
  GTypeInterface parent_iface;

  /* Starts reading the page's figures on @worker's thread, cancelling any
   * load still under way; emits "loaded" once they are on screen. */
  void (*load) (DaftarPage              *self,
                DaftarDbWorker          *worker,
                const DaftarPageContext *context);
};

void daftar_page_load         (DaftarPage              *self,
                               DaftarDbWorker          *worker,
                               const DaftarPageContext *context);
/* For implementations: announces that fresh figures are shown. */
void daftar_page_emit_loaded  (DaftarPage              *self);

/* Shows a job's result on the page (on the UI thread). */
typedef void (*DaftarPageShowFunc) (DaftarPage *self,
                                    gpointer    result);

/* For implementations: the usual load. Cancels the page's previous load
 * (whose cancellable @cancellable_slot holds), runs @job on @worker's
 * thread, then — unless cancelled — calls @show with the result, frees it
 * with @result_free and emits "loaded". A failure is logged with @what. */
void daftar_page_run_job      (DaftarPage              *self,
                               GCancellable           **cancellable_slot,
                               DaftarDbWorker          *worker,
                               DaftarDbJobFunc          job,
                               gpointer                 job_data,
                               GDestroyNotify           job_data_free,
                               GDestroyNotify           result_free,
                               DaftarPageShowFunc       show,
                               const char              *what);

G_END_DECLS
