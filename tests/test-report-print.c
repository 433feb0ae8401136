/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report-print.c: the Reports menu of the real window on a demo office — printed through GtkPrintOperation to a PDF, saved as PDF, a failed save shown. */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "daftar-db-worker.h"
#include "daftar-demo-setup.h"
#include "daftar-i18n.h"
#include "daftar-queries.h"
#include "daftar-report-actions.h"
#include "daftar-style.h"
#include "daftar-test-util.h"
#include "daftar-time.h"
#include "daftar-window.h"

typedef struct
{
  char           *dir;
  DaftarDbWorker *worker;
  DaftarWindow   *window;
} Fixture;

static gpointer
fill_job (DaftarDb      *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  GDate today;

  daftar_time_local_date (g_get_real_time () / G_USEC_PER_SEC, &today);
  if (!daftar_demo_setup_database (db, 1, 70, &today, cancellable, error))
    return NULL;
  return GINT_TO_POINTER (1);
}

static gpointer
office_name_job (DaftarDb      *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GPtrArray) offices = daftar_query_offices (db, error);

  if (offices == NULL || offices->len == 0)
    return NULL;
  return g_strdup (((DaftarOfficeInfo *) g_ptr_array_index (offices, 0))->name);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  f->dir = daftar_test_tmpdir_new ();
  path = g_build_filename (f->dir, "demo.db", NULL);
  f->worker = daftar_db_worker_new (path);
  g_assert_nonnull (daftar_db_worker_run_sync (f->worker, fill_job, NULL, NULL, &error));
  g_assert_no_error (error);

  f->window = daftar_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  daftar_window_set_worker (f->window, f->worker);
  while (!daftar_window_is_ready (f->window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->worker);
  daftar_test_tmpdir_free (f->dir);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Outcome;

static void
run_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = daftar_report_run_finish (result, &outcome->error);
  outcome->done = TRUE;
}

static void
wait_for (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (!*flag)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
prepared (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (daftar_report_document_prepare_finish (DAFTAR_REPORT_DOCUMENT (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* The page count the document engine gives the window's document. */
static guint
expected_pages (Fixture            *f,
                DaftarDocumentKind  kind)
{
  g_autoptr(DaftarReportDocument) document = daftar_window_new_report (f->window, kind);
  gboolean done = FALSE;

  g_assert_nonnull (document);
  daftar_report_document_prepare_async (document, NULL, prepared, &done);
  wait_for (&done);
  return daftar_report_document_get_n_pages (document);
}

static char *
tool (const char *program,
      const char *pdf)
{
  const char *argv[] = { program, pdf, program[3] == 't' ? "-" : NULL, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *info = tool ("pdfinfo", pdf);
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

static char *
office_name (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *name = daftar_db_worker_run_sync (f->worker, office_name_job, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (name);
  return name;
}

/* pdftotext joins Persian words as they are drawn: compare without spaces. */
static gboolean
shows (const char *text,
       const char *wanted)
{
  g_autoptr(GString) a = g_string_new (text);
  g_autoptr(GString) b = g_string_new (wanted);

  g_string_replace (a, " ", "", 0);
  g_string_replace (b, " ", "", 0);
  return strstr (a->str, b->str) != NULL;
}

/* Each word of @wanted: a number in a Persian line is a run of its own,
 * which poppler may place before or after the words around it. */
static gboolean
shows_words (const char *text,
             const char *wanted)
{
  g_auto(GStrv) words = g_strsplit (wanted, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && !shows (text, words[i]))
      return FALSE;
  return TRUE;
}

/* GtkPrintOperation, from the window's own code path, to a PDF file. */
static void
test_print_export (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *name = office_name (f);
  g_autofree char *text = NULL;
  guint expected = expected_pages (f, DAFTAR_DOCUMENT_MONTHLY);
  Outcome outcome = { 0 };

  daftar_window_run_report (f->window, DAFTAR_DOCUMENT_MONTHLY, DAFTAR_REPORT_EXPORT, pdf, NULL,
                            run_done, &outcome);
  wait_for (&outcome.done);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_test_message ("printed %u pages, the document has %u", pdf_pages (pdf), expected);
  g_assert_cmpuint (expected, >=, 1);
  g_assert_cmpuint (pdf_pages (pdf), ==, expected);
  text = tool ("pdftotext", pdf);
  g_assert_true (shows_words (text, name));
  g_assert_true (shows (text, "گزارش عملکرد ماهانه"));
}

/* What "Save as PDF…" calls once a file is chosen. */
static void
test_save_pdf (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "saved.pdf", NULL);
  g_autofree char *name = office_name (f);
  g_autofree char *text = NULL;
  guint expected = expected_pages (f, DAFTAR_DOCUMENT_UNVIEWED);
  Outcome outcome = { 0 };

  daftar_window_run_report (f->window, DAFTAR_DOCUMENT_UNVIEWED, DAFTAR_REPORT_SAVE_PDF, pdf, NULL,
                            run_done, &outcome);
  wait_for (&outcome.done);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  g_assert_cmpuint (pdf_pages (pdf), ==, expected);
  text = tool ("pdftotext", pdf);
  g_assert_true (shows_words (text, name));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* A path that cannot be written (a folder stands there, which no rename
 * replaces, even for root): the error is shown and no file is left, not
 * even the temporary one the PDF was written to. */
static void
test_save_unwritable (Fixture *f, gconstpointer data)
{
  g_autofree char *folder = g_build_filename (f->dir, "out", NULL);
  g_autofree char *pdf = g_build_filename (folder, "report.pdf", NULL);
  g_autoptr(GDir) dir = NULL;
  AdwMessageDialog *dialog;
  Outcome outcome = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (pdf, 0700), ==, 0);
  daftar_window_run_report (f->window, DAFTAR_DOCUMENT_MONTHLY, DAFTAR_REPORT_SAVE_PDF, pdf, NULL,
                            run_done, &outcome);
  wait_for (&outcome.done);
  g_assert_false (outcome.ok);
  g_assert_error (outcome.error, DAFTAR_DOCUMENT_ERROR, DAFTAR_DOCUMENT_ERROR_WRITE);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_test_message ("«%s»: «%s»", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "گزارش ذخیره نشد");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), pdf));
  /* Only the folder in the way. */
  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "report.pdf");
  g_assert_null (g_dir_read_name (dir));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_DIR));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_error (&outcome.error);
}

/* Cancelled while being made: nothing is written. */
static void
test_save_cancelled (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "cancelled.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GDir) dir = NULL;
  Outcome outcome = { 0 };
  const char *name;

  daftar_window_run_report (f->window, DAFTAR_DOCUMENT_EVIDENCE, DAFTAR_REPORT_SAVE_PDF, pdf, cancellable,
                            run_done, &outcome);
  g_cancellable_cancel (cancellable);
  wait_for (&outcome.done);
  g_assert_false (outcome.ok);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (find_message_dialog ());
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "cancelled.pdf"));
  g_clear_error (&outcome.error);
}

/* GTK's print dialog, by its type's name: its header is outside the
 * include path of gtk4. */
static GtkWindow *
find_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog"))
        return GTK_WINDOW (window);
    }
  return NULL;
}

/* Ctrl+P's action returns at once; the print dialog comes when the
 * document is ready, and closing it ends the run. */
static void
test_print_action (Fixture *f, gconstpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print", NULL));
  while ((dialog = find_print_dialog ()) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  while (find_print_dialog () != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  /* A cancel is the manager's own: no error shown. */
  g_assert_null (find_message_dialog ());
}

static GtkMenuButton *
find_reports_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) &&
      g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "printer-symbolic") == 0)
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_reports_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Three documents, named in Persian with their period, each with Print
 * and Save as PDF. */
static void
test_menu_persian (Fixture *f, gconstpointer data)
{
  const char *titles[] = { "گزارش عملکرد ماهانه", "مستندات درخواست افزایش کارمند/باجه/دفتر جدید",
                           "ابلاغیه" };
  GtkMenuButton *button = find_reports_button (GTK_WIDGET (f->window));
  GMenuModel *menu;

  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 3);
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      g_test_message ("«%s»", label);
      g_assert_nonnull (strstr (label, titles[i]));
      g_assert_true (daftar_test_has_persian_digit (label));
      g_assert_false (daftar_test_has_latin_digit (label));
      g_assert_nonnull (section);
      g_assert_cmpint (g_menu_model_get_n_items (section), ==, 2);
    }

  /* Looked at: the menu open over the window. */
  gtk_menu_button_popup (button);
  for (int i = 0; i < 30; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  gtk_menu_button_popdown (button);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  daftar_i18n_force ("fa");
  daftar_i18n_init ();
  adw_init ();
  daftar_style_init ();

  g_test_add ("/report-print/menu-persian", Fixture, NULL, fixture_setup, test_menu_persian, fixture_teardown);
  g_test_add ("/report-print/print-export", Fixture, NULL, fixture_setup, test_print_export, fixture_teardown);
  g_test_add ("/report-print/save-pdf", Fixture, NULL, fixture_setup, test_save_pdf, fixture_teardown);
  g_test_add ("/report-print/save-unwritable", Fixture, NULL, fixture_setup, test_save_unwritable,
              fixture_teardown);
  g_test_add ("/report-print/save-cancelled", Fixture, NULL, fixture_setup, test_save_cancelled,
              fixture_teardown);
  g_test_add ("/report-print/print-action", Fixture, NULL, fixture_setup, test_print_action, fixture_teardown);
  return g_test_run ();
}
