/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-page.c: what every dashboard page does — load its figures for an office and a period, or say why it could not. */
#define G_LOG_DOMAIN "daftar-page"

#include "config.h"

#include "daftar-chart-frame.h"
#include "daftar-page.h"
#include "daftar-page-error.h"

G_DEFINE_INTERFACE (DaftarPage, daftar_page, GTK_TYPE_WIDGET)

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the helper keeps for each page, so pages keep no copy of it. */
typedef struct
{
  GtkStack          *stack;         /* unowned, nullable: a template child of the page */
  GCancellable      *cancellable;   /* owned, nullable: the load under way */
  DaftarDbWorker    *worker;        /* owned, nullable: of the last load, for a retry */
  DaftarPageContext *context;       /* owned, nullable: likewise */
  GError            *error;         /* owned, nullable: why the last load failed */
} PageLoad;

static GQuark page_load_quark;

static void
daftar_page_default_init (DaftarPageInterface *iface)
{
  page_load_quark = g_quark_from_static_string ("daftar-page-load");

  /* Emitted each time a load ended and what it brought — the figures, or
   * why they could not be read — is on screen; the window uses it to know
   * when it is ready (screenshots, tests). */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
page_load_free (gpointer data)
{
  PageLoad *load = data;

  g_cancellable_cancel (load->cancellable);
  g_clear_object (&load->cancellable);
  g_clear_object (&load->worker);
  g_clear_pointer (&load->context, daftar_page_context_unref);
  g_clear_error (&load->error);
  g_free (load);
}

static void
on_destroy (GtkWidget *page,
            PageLoad  *load)
{
  /* The template children go with the page: a load that ends later must
   * not show anything. */
  g_cancellable_cancel (load->cancellable);
  load->stack = NULL;
}

static void
retry_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  daftar_page_retry (DAFTAR_PAGE (user_data));
}

static PageLoad *
get_load (DaftarPage *self)
{
  static const GActionEntry actions[] = {
    { "retry", retry_activated },
  };
  PageLoad *load = g_object_get_qdata (G_OBJECT (self), page_load_quark);
  g_autoptr(GSimpleActionGroup) group = NULL;

  if (load != NULL)
    return load;
  load = g_new0 (PageLoad, 1);
  g_object_set_qdata_full (G_OBJECT (self), page_load_quark, load, page_load_free);
  g_signal_connect (self, "destroy", G_CALLBACK (on_destroy), load);

  group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (group), actions, G_N_ELEMENTS (actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "page", G_ACTION_GROUP (group));
  return load;
}

/* Every chart's table is saved under a name with the page's period. */
static void
set_frames_period (GtkWidget          *widget,
                   const DaftarPeriod *period)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (DAFTAR_IS_CHART_FRAME (child))
        daftar_chart_frame_set_period (DAFTAR_CHART_FRAME (child), &period->from, &period->to);
      else
        set_frames_period (child, period);
    }
}

void
daftar_page_load (DaftarPage        *self,
                  DaftarDbWorker    *worker,
                  DaftarPageContext *context)
{
  g_return_if_fail (DAFTAR_IS_PAGE (self));
  g_return_if_fail (DAFTAR_IS_DB_WORKER (worker));
  g_return_if_fail (context != NULL);

  set_frames_period (GTK_WIDGET (self), &context->period);
  DAFTAR_PAGE_GET_IFACE (self)->load (self, worker, context);
}

void
daftar_page_retry (DaftarPage *self)
{
  PageLoad *load;
  g_autoptr(DaftarPageContext) context = NULL;

  g_return_if_fail (DAFTAR_IS_PAGE (self));

  load = get_load (self);
  if (load->worker == NULL || load->context == NULL)
    return;
  /* As of now: alerts measure the age of the last sync from it. */
  context = daftar_page_context_renew (load->context);
  daftar_page_load (self, load->worker, context);
}

const GError *
daftar_page_get_error (DaftarPage *self)
{
  g_return_val_if_fail (DAFTAR_IS_PAGE (self), NULL);
  return get_load (self)->error;
}

void
daftar_page_set_load_stack (DaftarPage *self,
                            GtkStack   *stack)
{
  g_return_if_fail (DAFTAR_IS_PAGE (self));
  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (DAFTAR_IS_PAGE_ERROR (gtk_stack_get_child_by_name (stack, "error")));
  g_return_if_fail (gtk_stack_get_child_by_name (stack, "figures") != NULL);

  get_load (self)->stack = stack;
}

void
daftar_page_emit_loaded (DaftarPage *self)
{
  g_return_if_fail (DAFTAR_IS_PAGE (self));
  g_signal_emit (self, signals[LOADED], 0);
}

void
daftar_page_show_error (DaftarPage   *self,
                        const GError *error)
{
  PageLoad *load;

  g_return_if_fail (DAFTAR_IS_PAGE (self));
  g_return_if_fail (error != NULL);

  load = get_load (self);
  g_clear_error (&load->error);
  load->error = g_error_copy (error);
  g_debug ("Could not load %s: %s", G_OBJECT_TYPE_NAME (self), error->message);
  if (load->stack == NULL)
    return;
  daftar_page_error_set_error (DAFTAR_PAGE_ERROR (gtk_stack_get_child_by_name (load->stack, "error")), error);
  gtk_stack_set_visible_child_name (load->stack, "error");
}

typedef struct
{
  DaftarPage         *page;          /* owned */
  DaftarPageContext  *context;       /* owned */
  GCancellable       *cancellable;   /* owned: this load's */
  GDestroyNotify      figures_free;
  DaftarPageShowFunc  show;
} QueryCall;

static void
query_call_free (QueryCall *call)
{
  g_object_unref (call->page);
  daftar_page_context_unref (call->context);
  g_object_unref (call->cancellable);
  g_free (call);
}

static void
query_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  QueryCall *call = user_data;
  g_autoptr(GError) error = NULL;
  gpointer figures = daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error);
  PageLoad *load = get_load (call->page);

  /* A newer load, or the page's end, made this one moot. */
  if (g_cancellable_is_cancelled (call->cancellable) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (figures != NULL && call->figures_free != NULL)
        call->figures_free (figures);
      query_call_free (call);
      return;
    }

  if (figures != NULL)
    {
      g_clear_error (&load->error);
      call->show (call->page, call->context, figures);
      if (call->figures_free != NULL)
        call->figures_free (figures);
      if (load->stack != NULL)
        gtk_stack_set_visible_child_name (load->stack, "figures");
    }
  else
    daftar_page_show_error (call->page, error);
  daftar_page_emit_loaded (call->page);
  query_call_free (call);
}

void
daftar_page_run_query (DaftarPage         *self,
                       DaftarDbWorker     *worker,
                       DaftarPageContext  *context,
                       DaftarDbJobFunc     query,
                       gpointer            query_data,
                       GDestroyNotify      query_data_free,
                       GDestroyNotify      figures_free,
                       DaftarPageShowFunc  show)
{
  PageLoad *load;
  QueryCall *call;

  g_return_if_fail (DAFTAR_IS_PAGE (self));
  g_return_if_fail (DAFTAR_IS_DB_WORKER (worker));
  g_return_if_fail (context != NULL);
  g_return_if_fail (query != NULL && show != NULL);

  load = get_load (self);
  /* A newer request makes the older one moot. */
  g_cancellable_cancel (load->cancellable);
  g_clear_object (&load->cancellable);
  load->cancellable = g_cancellable_new ();
  g_set_object (&load->worker, worker);
  if (load->context != context)
    {
      g_clear_pointer (&load->context, daftar_page_context_unref);
      load->context = daftar_page_context_ref (context);
    }

  call = g_new0 (QueryCall, 1);
  call->page = g_object_ref (self);
  call->context = daftar_page_context_ref (context);
  call->cancellable = g_object_ref (load->cancellable);
  call->figures_free = figures_free;
  call->show = show;
  daftar_db_worker_run_async (worker, query, query_data, query_data_free, figures_free,
                              load->cancellable, query_done, call);
}
