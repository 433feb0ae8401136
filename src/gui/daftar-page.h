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

G_END_DECLS
