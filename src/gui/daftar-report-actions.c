/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-report-actions.c: the Reports menu and what its entries do — prepare a document with progress in a toast, then print it or save it as PDF. */
#define G_LOG_DOMAIN "daftar-report"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-format.h"
#include "daftar-monthly-document.h"
#include "daftar-report-actions.h"

void
daftar_report_period (DaftarDocumentKind  kind,
                      const DaftarPeriod *window_period,
                      const GDate        *today,
                      GDate              *out_from,
                      GDate              *out_to)
{
  if (kind == DAFTAR_DOCUMENT_MONTHLY)
    {
      daftar_monthly_document_default_period (today, out_from, out_to);
      return;
    }
  *out_from = window_period->from;
  *out_to = window_period->to;
}

static const struct {
  DaftarDocumentKind  kind;
  const char         *name;    /* the action's target, as --report names it */
  const char         *title;   /* the document's own title */
} documents[] = {
  { DAFTAR_DOCUMENT_MONTHLY, "monthly", N_("Monthly performance report") },
  { DAFTAR_DOCUMENT_EVIDENCE, "evidence", N_("Evidence for more staff, a counter or a new office") },
  { DAFTAR_DOCUMENT_UNVIEWED, "unviewed", N_("Unviewed notices to follow up") },
};

GMenuModel *
daftar_report_menu_new (const DaftarPeriod *window_period,
                        const GDate        *today)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GMenu) section = g_menu_new ();
      g_autoptr(GMenuItem) print = NULL;
      g_autoptr(GMenuItem) save = NULL;
      g_autofree char *range = NULL;
      g_autofree char *label = NULL;
      GDate from, to;

      daftar_report_period (documents[i].kind, window_period, today, &from, &to);
      /* The unviewed list is of one day, the period's last, as its page
       * header says. */
      range = documents[i].kind == DAFTAR_DOCUMENT_UNVIEWED ? daftar_format_date_long (&to)
                                                           : daftar_format_date_range (&from, &to);
      /* Translators: a document of the Reports menu and its period. */
      label = g_strdup_printf (C_("report", "%s — %s"), _(documents[i].title), range);
      print = g_menu_item_new (_("_Print…"), NULL);
      g_menu_item_set_action_and_target (print, "win.report-print", "s", documents[i].name);
      g_menu_append_item (section, print);
      save = g_menu_item_new (_("_Save as PDF…"), NULL);
      g_menu_item_set_action_and_target (save, "win.report-save", "s", documents[i].name);
      g_menu_append_item (section, save);
      g_menu_append_section (menu, label, G_MENU_MODEL (section));
    }
  return G_MENU_MODEL (menu);
}

/* One document on its way out: the toast that shows its progress, and the
 * print operation while there is one. */
typedef struct
{
  GtkWindow            *parent;      /* owned */
  AdwToastOverlay      *toasts;      /* owned */
  DaftarReportDocument *document;    /* owned */
  DaftarReportOutput    output;
  char                 *path;        /* owned, nullable */
  AdwToast             *toast;       /* owned */
  GtkPrintOperation    *operation;   /* owned, nullable */
  gulong                progress_id;
} Run;

static void
run_free (Run *run)
{
  g_clear_signal_handler (&run->progress_id, run->document);
  if (run->toast != NULL)
    adw_toast_dismiss (run->toast);
  g_clear_object (&run->toast);
  g_clear_object (&run->operation);
  g_clear_object (&run->document);
  g_clear_object (&run->toasts);
  g_clear_object (&run->parent);
  g_free (run->path);
  g_free (run);
}

static void
show_error (Run          *run,
            const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (run->parent,
                                                       run->output == DAFTAR_REPORT_PRINT
                                                         ? _("The Report Could Not Be Printed")
                                                         : _("The Report Could Not Be Saved"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Ends the run: an error other than the manager's own cancel is shown. */
static void
run_return (GTask  *task,
            GError *error)
{
  Run *run = g_task_get_task_data (task);

  if (error == NULL)
    {
      if (run->output == DAFTAR_REPORT_SAVE_PDF)
        adw_toast_overlay_add_toast (run->toasts, adw_toast_new (_("The report is saved")));
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (run, error);
  g_task_return_error (task, error);
}

static void
on_progress (DaftarReportDocument *document,
             guint                 done,
             guint                 n_pages,
             Run                  *run)
{
  g_autofree char *done_text = daftar_format_int (done);
  g_autofree char *count_text = daftar_format_int (n_pages);
  g_autofree char *title = NULL;

  title = g_strdup_printf (run->output == DAFTAR_REPORT_SAVE_PDF
                             /* Translators: progress of a report being saved, in pages. */
                             ? _("Saving page %s of %s…")
                             /* Translators: progress of a report being printed, in pages. */
                             : _("Printing page %s of %s…"),
                           done_text, count_text);
  adw_toast_set_title (run->toast, title);
}

static void
on_cancel_clicked (AdwToast *toast,
                   GTask    *task)
{
  Run *run = g_task_get_task_data (task);

  if (run->operation != NULL)
    gtk_print_operation_cancel (run->operation);
  g_cancellable_cancel (g_task_get_cancellable (task));
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GTask                   *task)
{
  GError *error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  else if (result == GTK_PRINT_OPERATION_RESULT_CANCEL)
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Printing was cancelled"));
  run_return (task, error);
  g_object_unref (task);
}

static void
start_print (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  GtkPrintOperationResult result;
  GError *error = NULL;

  run->operation = daftar_report_document_new_print_operation (run->document);
  gtk_print_operation_set_allow_async (run->operation, TRUE);
  if (run->output == DAFTAR_REPORT_EXPORT)
    gtk_print_operation_set_export_filename (run->operation, run->path);
  g_signal_connect (run->operation, "done", G_CALLBACK (on_print_done), g_object_ref (task));
  result = gtk_print_operation_run (run->operation,
                                    run->output == DAFTAR_REPORT_EXPORT ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                                        : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    run->parent, &error);
  /* "done" comes for a run in progress, and for a finished asynchronous
   * one; an error at the start comes only here. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    {
      g_signal_handlers_disconnect_by_func (run->operation, on_print_done, task);
      run_return (task, error);
      g_object_unref (task);
    }
}

static void
saved (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  daftar_report_document_save_pdf_finish (DAFTAR_REPORT_DOCUMENT (source), result, &error);
  run_return (task, error);
}

static void
prepared (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  GError *error = NULL;

  if (!daftar_report_document_prepare_finish (DAFTAR_REPORT_DOCUMENT (source), result, &error))
    {
      run_return (task, error);
      return;
    }
  on_progress (run->document, 0, daftar_report_document_get_n_pages (run->document), run);
  if (run->output == DAFTAR_REPORT_SAVE_PDF)
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      daftar_report_document_save_pdf_async (run->document, run->path, cancellable,
                                             saved, g_steal_pointer (&task));
    }
  else
    start_print (task);
}

void
daftar_report_run_async (GtkWindow            *parent,
                         AdwToastOverlay      *toasts,
                         DaftarReportDocument *document,
                         DaftarReportOutput    output,
                         const char           *path,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_autoptr(GCancellable) own = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  g_autoptr(GTask) task = g_task_new (NULL, own, callback, user_data);
  Run *run = g_new0 (Run, 1);

  g_return_if_fail (output == DAFTAR_REPORT_PRINT || path != NULL);

  g_task_set_source_tag (task, daftar_report_run_async);
  run->parent = g_object_ref (parent);
  run->toasts = g_object_ref (toasts);
  run->document = g_object_ref (document);
  run->output = output;
  run->path = g_strdup (path);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);

  /* The toast stays until the run ends; its button cancels it. */
  run->toast = adw_toast_new (_("Preparing the report…"));
  adw_toast_set_timeout (run->toast, 0);
  adw_toast_set_priority (run->toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (run->toast, _("_Cancel"));
  g_signal_connect_object (run->toast, "button-clicked", G_CALLBACK (on_cancel_clicked), task, 0);
  adw_toast_overlay_add_toast (toasts, g_object_ref (run->toast));
  run->progress_id = g_signal_connect (document, "progress", G_CALLBACK (on_progress), run);

  daftar_report_document_prepare_async (document, own, prepared, g_steal_pointer (&task));
}

gboolean
daftar_report_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  GtkWindow            *parent;     /* owned */
  AdwToastOverlay      *toasts;     /* owned */
  DaftarReportDocument *document;   /* owned */
} Choice;

static void
choice_free (Choice *choice)
{
  g_object_unref (choice->parent);
  g_object_unref (choice->toasts);
  g_object_unref (choice->document);
  g_free (choice);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     Choice          *choice)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        daftar_report_run_async (choice->parent, choice->toasts, choice->document, DAFTAR_REPORT_SAVE_PDF,
                                 path, NULL, NULL, NULL);
    }
  choice_free (choice);
  g_object_unref (chooser);
}

static void
chooser_prepared (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Choice *choice = user_data;
  g_autoptr(GError) error = NULL;
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (!daftar_report_document_prepare_finish (choice->document, result, &error))
    {
      Run run = { .parent = choice->parent, .output = DAFTAR_REPORT_SAVE_PDF };

      show_error (&run, error);
      choice_free (choice);
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Save the Report as PDF"), choice->parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = daftar_report_document_suggest_file_name (choice->document);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
daftar_report_save_with_chooser (GtkWindow            *parent,
                                 AdwToastOverlay      *toasts,
                                 DaftarReportDocument *document)
{
  Choice *choice = g_new0 (Choice, 1);

  choice->parent = g_object_ref (parent);
  choice->toasts = g_object_ref (toasts);
  choice->document = g_object_ref (document);
  /* The title names the file: the document is read first (quick: one
   * query and the page count), and again not at all when saving. */
  daftar_report_document_prepare_async (document, NULL, chooser_prepared, choice);
}
