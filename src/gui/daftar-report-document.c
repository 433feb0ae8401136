/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-report-document.c: one document of the Reports menu — prepared on the database thread, then printed or saved as PDF without blocking the window. */
#define G_LOG_DOMAIN "daftar-report"

#include "config.h"

#include "daftar-document-jobs.h"
#include "daftar-format.h"
#include "daftar-report-document.h"

struct _DaftarReportDocument
{
  GObject                 parent_instance;

  DaftarDbWorker         *worker;     /* owned */
  DaftarDocumentRequest  *request;    /* owned */
  DaftarDocument         *document;   /* owned, nullable: once prepared */
};

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DaftarReportDocument, daftar_report_document, G_TYPE_OBJECT)

static void
daftar_report_document_finalize (GObject *object)
{
  DaftarReportDocument *self = DAFTAR_REPORT_DOCUMENT (object);

  /* Freeing reads nothing from the database: any thread will do. Every job
   * that draws it holds a reference to this object until it is done. */
  g_clear_pointer (&self->document, daftar_document_free);
  g_clear_pointer (&self->request, daftar_document_request_free);
  g_clear_object (&self->worker);
  G_OBJECT_CLASS (daftar_report_document_parent_class)->finalize (object);
}

static void
daftar_report_document_class_init (DaftarReportDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = daftar_report_document_finalize;

  /* Pages done and pages in all, on the main thread. */
  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
daftar_report_document_init (DaftarReportDocument *self)
{
}

DaftarReportDocument *
daftar_report_document_new (DaftarDbWorker     *worker,
                            DaftarDocumentKind  kind,
                            const char         *office_code,
                            const GDate        *from,
                            const GDate        *to,
                            gint64              now)
{
  DaftarReportDocument *self;

  g_return_val_if_fail (DAFTAR_IS_DB_WORKER (worker), NULL);

  self = g_object_new (DAFTAR_TYPE_REPORT_DOCUMENT, NULL);
  self->worker = g_object_ref (worker);
  self->request = daftar_document_request_new (kind, office_code, from, to, now);
  return self;
}

DaftarDocumentKind
daftar_report_document_get_kind (DaftarReportDocument *self)
{
  return self->request->kind;
}

static void
prepare_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DaftarReportDocument *self = g_task_get_source_object (task);
  GError *error = NULL;
  DaftarDocument *document = daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error);

  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_pointer (&self->document, daftar_document_free);
  self->document = document;
  g_task_return_boolean (task, TRUE);
}

void
daftar_report_document_prepare_async (DaftarReportDocument *self,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  GTask *task;
  DaftarDocumentRequest *request = self->request;

  g_return_if_fail (DAFTAR_IS_REPORT_DOCUMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, daftar_report_document_prepare_async);
  /* Read once: Save as PDF reads it to name the file, then writes it. */
  if (self->document != NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  daftar_db_worker_run_async (self->worker, daftar_document_prepare_job,
                              daftar_document_request_new (request->kind, request->office_code,
                                                           &request->from, &request->to, request->now),
                              (GDestroyNotify) daftar_document_request_free,
                              (GDestroyNotify) daftar_document_free, cancellable, prepare_done, task);
}

gboolean
daftar_report_document_prepare_finish (DaftarReportDocument *self,
                                       GAsyncResult         *result,
                                       GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

const char *
daftar_report_document_get_title (DaftarReportDocument *self)
{
  g_return_val_if_fail (DAFTAR_IS_REPORT_DOCUMENT (self) && self->document != NULL, NULL);
  return daftar_document_get_title (self->document);
}

guint
daftar_report_document_get_n_pages (DaftarReportDocument *self)
{
  g_return_val_if_fail (DAFTAR_IS_REPORT_DOCUMENT (self) && self->document != NULL, 0);
  return daftar_document_get_n_pages (self->document);
}

char *
daftar_report_document_suggest_file_name (DaftarReportDocument *self)
{
  g_autofree char *range = daftar_format_date_range (&self->request->from, &self->request->to);
  g_autofree char *name = g_strdup_printf ("%s %s.pdf", daftar_report_document_get_title (self), range);

  /* A title may hold a slash («کارمند/باجه»), which a file name cannot. */
  return g_strdelimit (g_steal_pointer (&name), "/\\:", '-');
}

/* Printing: one page at a time on the database thread. */

typedef struct
{
  DaftarReportDocument *self;        /* owned */
  GtkPrintOperation    *operation;   /* owned */
  GtkPrintContext      *context;     /* owned */
  guint                 page;
} PageDraw;

static void
page_draw_free (PageDraw *draw)
{
  g_object_unref (draw->self);
  g_object_unref (draw->operation);
  g_object_unref (draw->context);
  g_free (draw);
}

static void
page_drawn (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  PageDraw *draw = user_data;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *page = daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error);

  if (page != NULL)
    {
      cairo_t *cr = gtk_print_context_get_cairo_context (draw->context);
      double width = gtk_print_context_get_width (draw->context);
      double height = gtk_print_context_get_height (draw->context);
      double scale = MIN (width / DAFTAR_DOCUMENT_PAGE_WIDTH, height / DAFTAR_DOCUMENT_PAGE_HEIGHT);

      cairo_save (cr);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, page, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_surface_destroy (page);
    }
  else
    {
      g_warning ("Could not draw page %u: %s", draw->page + 1, error->message);
      gtk_print_operation_cancel (draw->operation);
    }
  gtk_print_operation_draw_page_finish (draw->operation);
  g_signal_emit (draw->self, signals[PROGRESS], 0, draw->page + 1,
                 daftar_document_get_n_pages (draw->self->document));
  page_draw_free (draw);
}

static void
on_draw_page (GtkPrintOperation    *operation,
              GtkPrintContext      *context,
              int                   page,
              DaftarReportDocument *self)
{
  DaftarDocumentPageRequest *request = g_new0 (DaftarDocumentPageRequest, 1);
  PageDraw *draw = g_new0 (PageDraw, 1);

  request->document = self->document;
  request->page = page;
  draw->self = g_object_ref (self);
  draw->operation = g_object_ref (operation);
  draw->context = g_object_ref (context);
  draw->page = page;
  /* The database thread draws the page; the operation waits for it
   * without holding the main loop. */
  gtk_print_operation_set_defer_drawing (operation);
  daftar_db_worker_run_async (self->worker, daftar_document_page_job, request, g_free,
                              (GDestroyNotify) cairo_surface_destroy, NULL, page_drawn, draw);
}

GtkPrintOperation *
daftar_report_document_new_print_operation (DaftarReportDocument *self)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  g_return_val_if_fail (DAFTAR_IS_REPORT_DOCUMENT (self) && self->document != NULL, NULL);

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, daftar_document_get_title (self->document));
  gtk_print_operation_set_n_pages (operation, (int) daftar_document_get_n_pages (self->document));
  /* The pages have margins of their own. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page), self, 0);
  return operation;
}

/* Saving as PDF. */

typedef struct
{
  DaftarReportDocument *self;   /* owned */
  guint                 done;
  guint                 n_pages;
} Progress;

static gboolean
emit_progress (gpointer data)
{
  Progress *progress = data;

  g_signal_emit (progress->self, signals[PROGRESS], 0, progress->done, progress->n_pages);
  g_object_unref (progress->self);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

/* On the database thread: the main thread hears of it. */
static void
pdf_progress (guint    done,
              guint    n_pages,
              gpointer user_data)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->self = g_object_ref (user_data);
  progress->done = done;
  progress->n_pages = n_pages;
  g_main_context_invoke (NULL, emit_progress, progress);
}

static void
pdf_written (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autofree char *path = daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error);

  if (path == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
daftar_report_document_save_pdf_async (DaftarReportDocument *self,
                                       const char           *path,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data)
{
  GTask *task;
  DaftarDocumentPdfRequest *request;

  g_return_if_fail (DAFTAR_IS_REPORT_DOCUMENT (self) && self->document != NULL);
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, daftar_report_document_save_pdf_async);
  request = g_new0 (DaftarDocumentPdfRequest, 1);
  request->document = self->document;
  request->path = g_strdup (path);
  request->progress = pdf_progress;
  /* The task holds the object, and with it the document, until the job
   * is done. */
  request->user_data = self;
  daftar_db_worker_run_async (self->worker, daftar_document_pdf_job, request,
                              (GDestroyNotify) daftar_document_pdf_request_free, g_free,
                              cancellable, pdf_written, task);
}

gboolean
daftar_report_document_save_pdf_finish (DaftarReportDocument *self,
                                        GAsyncResult         *result,
                                        GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
