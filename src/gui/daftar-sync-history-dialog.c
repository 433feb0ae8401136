/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-sync-history-dialog.c: the list of sync runs and of the records the central server sent that were refused. */
#define G_LOG_DOMAIN "daftar-sync-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-format.h"
#include "daftar-sync-history.h"
#include "daftar-sync-history-dialog.h"

#define RAW_SHOWN_CHARS 4000

struct _DaftarSyncHistoryDialog
{
  AdwWindow            parent_instance;

  GtkStack            *stack;
  AdwStatusPage       *error_page;
  AdwPreferencesGroup *runs_group;
  GtkListBox          *runs_list;
  AdwPreferencesGroup *rejects_group;
  GtkListBox          *rejects_list;

  GCancellable        *cancellable;   /* owned */
  guint                n_runs;
  guint                n_rejects;
  gboolean             loaded;
};

G_DEFINE_FINAL_TYPE (DaftarSyncHistoryDialog, daftar_sync_history_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Rows. */

/* How a run ended, in a few words. */
static const char *
result_label (const DaftarSyncRun *run,
              gboolean     *out_failed)
{
  static const struct { const char *nick; const char *label; } results[] = {
    { "auth",           N_("Access refused") },
    { "unknown-office", N_("Unknown office code") },
    { "bad-page",       N_("Server error") },
    { "too-large",      N_("Server error") },
    { "network",        N_("Server unreachable") },
    { "server",         N_("Server error") },
    { "insecure",       N_("Insecure connection") },
    { "tls",            N_("Insecure connection") },
    { "database",       N_("Database error") },
    { "busy",           N_("Already running") },
    { "invalid",        N_("Sync not set up") },
  };

  *out_failed = FALSE;
  if (g_strcmp0 (run->result, "ok") == 0)
    return C_("sync result", "Completed");
  if (run->finished_at == 0)
    /* Either under way now or stopped when Daftar was closed. */
    return _("Not finished");
  if (g_strcmp0 (run->result, "cancelled") == 0)
    return C_("sync result", "Cancelled");
  *out_failed = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    if (g_strcmp0 (run->result, results[i].nick) == 0)
      return _(results[i].label);
  return _("Sync failed");
}

static GtkWidget *
run_row_new (const DaftarSyncRun *run)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *result;
  g_autofree char *when = daftar_format_datetime (run->started_at);
  g_autofree char *pages = daftar_format_int (run->pages);
  g_autofree char *records = daftar_format_int (run->records);
  g_autofree char *rejected = daftar_format_int (run->rejected);
  g_autofree char *counts = NULL;
  g_autofree char *subtitle = NULL;
  gboolean failed;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  /* TRANSLATORS: one sync run; each %s is a number */
  counts = g_strdup_printf (_("Pages: %s · Records: %s · Rejected: %s"), pages, records, rejected);
  if (run->message != NULL && *run->message != '\0')
    subtitle = g_strconcat (counts, "\n", run->message, NULL);
  else
    subtitle = g_steal_pointer (&counts);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  result = gtk_label_new (result_label (run, &failed));
  gtk_widget_add_css_class (result, failed ? "error" : (g_strcmp0 (run->result, "ok") == 0 ? "success" : "dim-label"));
  gtk_widget_set_valign (result, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), result);
  return row;
}

static const char *
entity_label (const char *entity)
{
  static const struct { const char *entity; const char *label; } entities[] = {
    { "office",   NC_("entity", "Office") },
    { "staff",    NC_("entity", "Staff member") },
    { "case",     NC_("entity", "Case") },
    { "ticket",   NC_("entity", "Queue ticket") },
    { "notice",   NC_("entity", "Notice") },
    { "standard", NC_("entity", "Standard") },
    { "holiday",  NC_("entity", "Holiday") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_strcmp0 (entity, entities[i].entity) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "entity", entities[i].label);
  /* An unknown entity is itself a reason for refusal: show its name. */
  return entity != NULL && *entity != '\0' ? entity : C_("entity", "Unknown");
}

static GtkWidget *
reject_row_new (const DaftarSyncReject *reject)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *raw;
  g_autofree char *when = daftar_format_datetime (reject->received_at);
  g_autofree char *reason = daftar_sync_reject_describe (reject);
  g_autofree char *subtitle = NULL;
  g_autofree char *shown = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), reason);
  /* TRANSLATORS: a rejected record: its kind and when it came */
  subtitle = g_strdup_printf (C_("rejected record", "%s · %s"), entity_label (reject->entity), when);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  if (reject->raw != NULL && g_utf8_strlen (reject->raw, -1) > RAW_SHOWN_CHARS)
    {
      g_autofree char *head = g_utf8_substring (reject->raw, 0, RAW_SHOWN_CHARS);
      shown = g_strconcat (head, "…", NULL);
    }
  else
    shown = g_strdup (reject->raw);

  raw = gtk_label_new (shown);
  /* JSON reads left to right in a Persian window too. */
  gtk_widget_set_direction (raw, GTK_TEXT_DIR_LTR);
  gtk_label_set_xalign (GTK_LABEL (raw), 0);
  gtk_label_set_wrap (GTK_LABEL (raw), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (raw), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (raw), TRUE);
  gtk_widget_add_css_class (raw, "monospace");
  gtk_widget_set_margin_top (raw, 8);
  gtk_widget_set_margin_bottom (raw, 8);
  gtk_widget_set_margin_start (raw, 12);
  gtk_widget_set_margin_end (raw, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (raw), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The record as the central server sent it"), -1);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), raw);
  return row;
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

static void
set_shown_of (AdwPreferencesGroup *group,
              guint                shown,
              gint64               total)
{
  g_autofree char *n_shown = NULL;
  g_autofree char *n_total = NULL;
  g_autofree char *text = NULL;

  if (total <= shown)
    return;
  n_shown = daftar_format_int (shown);
  n_total = daftar_format_int (total);
  /* TRANSLATORS: the list holds only the newest entries */
  text = g_strdup_printf (_("The newest %s of %s"), n_shown, n_total);
  adw_preferences_group_set_description (group, text);
}

static void
fill (DaftarSyncHistoryDialog *self,
      const DaftarSyncHistory *history)
{
  for (guint i = 0; i < history->runs->len; i++)
    gtk_list_box_append (self->runs_list, run_row_new (&g_array_index (history->runs, DaftarSyncRun, i)));
  for (guint i = 0; i < history->rejects->len; i++)
    gtk_list_box_append (self->rejects_list,
                         reject_row_new (&g_array_index (history->rejects, DaftarSyncReject, i)));
  self->n_runs = history->runs->len;
  self->n_rejects = history->rejects->len;
  set_shown_of (self->runs_group, self->n_runs, history->total_runs);
  set_shown_of (self->rejects_group, self->n_rejects, history->total_rejects);
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(DaftarSyncHistoryDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarSyncHistory) history = daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error);

  if (history == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    {
      fill (self, history);
      gtk_stack_set_visible_child_name (self->stack, "lists");
    }
  self->loaded = TRUE;
  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

GtkWidget *
daftar_sync_history_dialog_new (DaftarDbWorker *worker)
{
  DaftarSyncHistoryDialog *self;

  g_return_val_if_fail (DAFTAR_IS_DB_WORKER (worker), NULL);

  self = g_object_new (DAFTAR_TYPE_SYNC_HISTORY_DIALOG, NULL);
  daftar_db_worker_run_async (worker, daftar_sync_history_job, NULL, NULL,
                              (GDestroyNotify) daftar_sync_history_free, self->cancellable,
                              load_done, g_object_ref (self));
  return GTK_WIDGET (self);
}

gboolean
daftar_sync_history_dialog_is_loaded (DaftarSyncHistoryDialog *self)
{
  g_return_val_if_fail (DAFTAR_IS_SYNC_HISTORY_DIALOG (self), FALSE);
  return self->loaded;
}

guint
daftar_sync_history_dialog_get_n_runs (DaftarSyncHistoryDialog *self)
{
  g_return_val_if_fail (DAFTAR_IS_SYNC_HISTORY_DIALOG (self), 0);
  return self->n_runs;
}

guint
daftar_sync_history_dialog_get_n_rejects (DaftarSyncHistoryDialog *self)
{
  g_return_val_if_fail (DAFTAR_IS_SYNC_HISTORY_DIALOG (self), 0);
  return self->n_rejects;
}

static void
daftar_sync_history_dialog_dispose (GObject *object)
{
  DaftarSyncHistoryDialog *self = DAFTAR_SYNC_HISTORY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTAR_TYPE_SYNC_HISTORY_DIALOG);

  G_OBJECT_CLASS (daftar_sync_history_dialog_parent_class)->dispose (object);
}

static void
daftar_sync_history_dialog_class_init (DaftarSyncHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftar_sync_history_dialog_dispose;

  /* Emitted once the lists are filled (or the error is shown). */
  signals[SIGNAL_LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftar/Daftar/gui/daftar-sync-history-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftarSyncHistoryDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, DaftarSyncHistoryDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, DaftarSyncHistoryDialog, runs_group);
  gtk_widget_class_bind_template_child (widget_class, DaftarSyncHistoryDialog, runs_list);
  gtk_widget_class_bind_template_child (widget_class, DaftarSyncHistoryDialog, rejects_group);
  gtk_widget_class_bind_template_child (widget_class, DaftarSyncHistoryDialog, rejects_list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
daftar_sync_history_dialog_init (DaftarSyncHistoryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_list_box_set_placeholder (self->runs_list, placeholder_new (_("Daftar has not synced with the central server yet.")));
  gtk_list_box_set_placeholder (self->rejects_list, placeholder_new (_("No record has been rejected.")));
}
