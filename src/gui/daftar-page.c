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
