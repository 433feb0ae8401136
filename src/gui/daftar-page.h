/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-page.h: what every dashboard page does — load its figures for an office and a period, or say why it could not. */
#pragma once

#include <gtk/gtk.h>

#include "daftar-db-worker.h"
#include "daftar-page-context.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_PAGE (daftar_page_get_type ())
G_DECLARE_INTERFACE (DaftarPage, daftar_page, DAFTAR, PAGE, GtkWidget)

struct _DaftarPageInterface
{
  GTypeInterface parent_iface;

  /* Starts reading the page's figures for @context on @worker's thread
   * through daftar_page_run_query(), which cancels any load still under
   * way and emits "loaded" once the figures, or why they could not be
   * read, are on screen. */
  void (*load) (DaftarPage        *self,
                DaftarDbWorker    *worker,
                DaftarPageContext *context);
};

void          daftar_page_load           (DaftarPage        *self,
                                          DaftarDbWorker    *worker,
                                          DaftarPageContext *context);
/* Loads the last context again, as of now: what the error state's button
 * ("page.retry") does. Nothing before the first load. */
void          daftar_page_retry          (DaftarPage        *self);
/* Why the last load failed; NULL once a load brought figures. */
const GError *daftar_page_get_error      (DaftarPage        *self);

/* For implementations ----------------------------------------------------- */

/* Shows a query's result on the page (on the UI thread). */
typedef void (*DaftarPageShowFunc) (DaftarPage        *self,
                                    DaftarPageContext *context,
                                    gpointer           figures);

/* In init: @stack (a template child) holds the page's figures as its
 * "figures" child and a DaftarPageError as its "error" child. */
void          daftar_page_set_load_stack (DaftarPage        *self,
                                          GtkStack          *stack);

/* The one load. Cancels the page's load under way, runs @query with
 * @query_data on @worker's thread, then — unless cancelled — calls @show
 * with the figures, frees them with @figures_free, shows the "figures"
 * child and emits "loaded". A failure shows the error state with the
 * reason instead, so stale figures never look current, and emits
 * "loaded" too. Disposing the page cancels the load. */
void          daftar_page_run_query      (DaftarPage        *self,
                                          DaftarDbWorker    *worker,
                                          DaftarPageContext *context,
                                          DaftarDbJobFunc    query,
                                          gpointer           query_data,
                                          GDestroyNotify     query_data_free,
                                          GDestroyNotify     figures_free,
                                          DaftarPageShowFunc show);

/* Announces what a part of the page read apart from its load brought
 * (the notices' follow-up list for a new N). */
void          daftar_page_emit_loaded    (DaftarPage        *self);

/* Shows @error in the error state: for a part of the page read apart from
 * its load. */
void          daftar_page_show_error     (DaftarPage        *self,
                                          const GError      *error);

G_END_DECLS
