/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-case-detail-window.c: one case whole — what was filed, where it goes, who filed it at which counter, and its notices. */
#define G_LOG_DOMAIN "daftar-case-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-case-detail.h"
#include "daftar-case-detail-window.h"
#include "daftar-format.h"
#include "daftar-labels.h"
#include "daftar-text.h"

struct _DaftarCaseDetailWindow
{
  AdwWindow             parent_instance;

  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  AdwPreferencesGroup  *destination_group;
  AdwPreferencesGroup  *notices_group;
  GtkLabel             *code_value;
  GtkLabel             *kind_value;
  GtkLabel             *status_value;
  GtkLabel             *client_value;
  GtkLabel             *subject_value;
  GtkLabel             *court_value;
  GtkLabel             *city_value;
  GtkLabel             *province_value;
  GtkLabel             *office_value;
  GtkLabel             *filed_value;
  GtkLabel             *updated_value;
  GtkLabel             *shift_value;
  GtkLabel             *counter_value;
  GtkLabel             *staff_value;
  GtkWidget            *fee_row;
  GtkLabel             *fee_value;

  char                 *case_id;        /* owned */
  GCancellable         *cancellable;    /* owned */
  gboolean              loaded;
};

G_DEFINE_FINAL_TYPE (DaftarCaseDetailWindow, daftar_case_detail_window, ADW_TYPE_WINDOW)

GtkWidget *
daftar_case_notice_row_new (const DaftarCaseNotice *notice,
                            gboolean                full)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autofree char *issued = daftar_format_datetime (notice->issued_at);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 daftar_label_for_nick (DAFTAR_TYPE_NOTICE_CHANNEL, notice->channel,
                                                        DAFTAR_LABEL_SINGULAR));
  /* Translators: when a notice was issued; one line of several */
  g_string_append_printf (lines, _("Issued %s"), issued);
  if (full && notice->delivered_at != 0)
    {
      g_autofree char *delivered = daftar_format_datetime (notice->delivered_at);
      g_string_append_c (lines, '\n');
      /* Translators: when a notice was delivered to the party */
      g_string_append_printf (lines, _("Delivered %s"), delivered);
    }
  g_string_append_c (lines, '\n');
  if (notice->viewed_at != 0)
    {
      g_autofree char *viewed = daftar_format_datetime (notice->viewed_at);
      /* Translators: when the party viewed a notice */
      g_string_append_printf (lines, _("Viewed %s"), viewed);
    }
  else
    g_string_append (lines, _("Not viewed yet"));
  if (full && notice->deemed_at != 0)
    {
      g_autofree char *deemed = daftar_format_datetime (notice->deemed_at);
      g_string_append_c (lines, '\n');
      /* Translators: when a notice counts as served by law, viewed or not */
      g_string_append_printf (lines, _("Deemed served %s"), deemed);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), lines->str);

  if (notice->days_waiting >= 0)
    {
      g_autofree char *n = daftar_format_int (notice->days_waiting);
      g_autofree char *text =
        /* Translators: how long an electronic notice has gone unviewed */
        g_strdup_printf (g_dngettext (NULL, "%s day waiting", "%s days waiting", notice->days_waiting), n);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "warning");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

/* @text as given, or a dim "not recorded" when there is none. */
static void
show_text (GtkLabel   *value,
           const char *text)
{
  gboolean none = text == NULL || *text == '\0';

  gtk_label_set_label (value, none ? C_("case detail", "Not recorded") : text);
  if (none)
    gtk_widget_add_css_class (GTK_WIDGET (value), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (value), "dim-label");
}

/* A Latin code keeps its direction inside a Persian window. */
static void
show_code (GtkLabel   *value,
           const char *code)
{
  g_autofree char *isolated = code != NULL && *code != '\0' ? daftar_text_isolate (code) : NULL;

  show_text (value, isolated);
}

static void
show_time (GtkLabel *value,
           gint64    unix_time)
{
  g_autofree char *text = unix_time != 0 ? daftar_format_datetime (unix_time) : NULL;

  show_text (value, text);
}

static void
show_detail (DaftarCaseDetailWindow *self,
             const DaftarCaseDetail *d)
{
  g_autofree char *code = daftar_text_isolate (d->tracking_code != NULL ? d->tracking_code : d->id);
  g_autofree char *counter = d->has_counter ? daftar_format_int (d->counter) : NULL;
  g_autofree char *office = d->office_name != NULL ? g_strdup (d->office_name) : daftar_text_isolate (d->office_code);
  g_autofree char *staff = d->staff_name != NULL ? g_strdup (d->staff_name)
                           : d->staff_id != NULL ? daftar_text_isolate (d->staff_id) : NULL;

  adw_window_title_set_subtitle (self->window_title, code);
  show_code (self->code_value, d->tracking_code);
  show_text (self->kind_value, daftar_label_for_nick (DAFTAR_TYPE_CASE_KIND, d->kind, DAFTAR_LABEL_SINGULAR));
  show_text (self->status_value, daftar_label_for_nick (DAFTAR_TYPE_CASE_STATUS, d->status, DAFTAR_LABEL_SINGULAR));
  show_text (self->client_value, d->client_name);
  show_text (self->subject_value, d->subject);
  show_text (self->court_value, d->dest_court);
  show_text (self->city_value, d->dest_city);
  show_text (self->province_value, d->dest_province);
  /* A Sana registration is done at the counter: it goes nowhere. */
  gtk_widget_set_visible (GTK_WIDGET (self->destination_group),
                          d->dest_court != NULL || d->dest_city != NULL || d->dest_province != NULL);
  show_text (self->office_value, office);
  show_time (self->filed_value, d->filed_at);
  show_time (self->updated_value, d->updated_at);
  show_text (self->shift_value, daftar_label_for_nick (DAFTAR_TYPE_SHIFT, d->shift, DAFTAR_LABEL_SINGULAR));
  show_text (self->counter_value, counter);
  show_text (self->staff_value, staff);
  gtk_widget_set_visible (self->fee_row, d->has_fee);
  if (d->has_fee)
    {
      g_autofree char *amount = daftar_format_int (d->fee);
      /* Translators: a fee in Iranian rials */
      g_autofree char *fee = g_strdup_printf (_("%s rials"), amount);

      show_text (self->fee_value, fee);
    }

  if (d->notices->len == 0)
    adw_preferences_group_set_description (self->notices_group, _("No notices have been issued on this case yet."));
  for (guint i = 0; i < d->notices->len; i++)
    adw_preferences_group_add (self->notices_group, daftar_case_notice_row_new (g_ptr_array_index (d->notices, i), TRUE));
  gtk_stack_set_visible_child_name (self->stack, "case");
}

static void
detail_loaded (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DaftarCaseDetailWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarCaseDetail) detail = daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error);

  /* Closed meanwhile: the answer may have come before the cancel. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || g_cancellable_is_cancelled (self->cancellable))
    return;
  if (detail != NULL)
    show_detail (self, detail);
  else if (g_error_matches (error, DAFTAR_CASE_DETAIL_ERROR, DAFTAR_CASE_DETAIL_ERROR_NOT_FOUND))
    {
      adw_status_page_set_title (self->error_page, _("Case Not Found"));
      adw_status_page_set_description (self->error_page,
                                       _("This case is not in the office’s records: it may not have been synced yet."));
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    {
      g_autofree char *reason = daftar_text_printable (error->message, 1024);

      adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->error_page, _("The Case Could Not Be Read"));
      adw_status_page_set_description (self->error_page, reason);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  self->loaded = TRUE;
}

GtkWidget *
daftar_case_detail_window_new (DaftarDbWorker *worker,
                               const char     *case_id,
                               const GDate    *today)
{
  DaftarCaseDetailWindow *self;

  g_return_val_if_fail (DAFTAR_IS_DB_WORKER (worker), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_new (DAFTAR_TYPE_CASE_DETAIL_WINDOW, NULL);
  self->case_id = g_strdup (case_id);
  daftar_db_worker_run_async (worker, daftar_case_detail_query_job,
                              daftar_case_detail_request_new (case_id, today),
                              (GDestroyNotify) daftar_case_detail_request_free,
                              (GDestroyNotify) daftar_case_detail_free, self->cancellable,
                              detail_loaded, g_object_ref (self));
  return GTK_WIDGET (self);
}

const char *
daftar_case_detail_window_get_case_id (DaftarCaseDetailWindow *self)
{
  g_return_val_if_fail (DAFTAR_IS_CASE_DETAIL_WINDOW (self), NULL);
  return self->case_id;
}

gboolean
daftar_case_detail_window_is_loaded (DaftarCaseDetailWindow *self)
{
  g_return_val_if_fail (DAFTAR_IS_CASE_DETAIL_WINDOW (self), FALSE);
  return self->loaded;
}

static void
daftar_case_detail_window_dispose (GObject *object)
{
  DaftarCaseDetailWindow *self = DAFTAR_CASE_DETAIL_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTAR_TYPE_CASE_DETAIL_WINDOW);
  G_OBJECT_CLASS (daftar_case_detail_window_parent_class)->dispose (object);
}

static void
daftar_case_detail_window_finalize (GObject *object)
{
  DaftarCaseDetailWindow *self = DAFTAR_CASE_DETAIL_WINDOW (object);

  g_free (self->case_id);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (daftar_case_detail_window_parent_class)->finalize (object);
}

static void
daftar_case_detail_window_class_init (DaftarCaseDetailWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftar_case_detail_window_dispose;
  object_class->finalize = daftar_case_detail_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/daftar/Daftar/gui/daftar-case-detail-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, DaftarCaseDetailWindow, name)
  BIND (window_title);
  BIND (stack);
  BIND (error_page);
  BIND (destination_group);
  BIND (notices_group);
  BIND (code_value);
  BIND (kind_value);
  BIND (status_value);
  BIND (client_value);
  BIND (subject_value);
  BIND (court_value);
  BIND (city_value);
  BIND (province_value);
  BIND (office_value);
  BIND (filed_value);
  BIND (updated_value);
  BIND (shift_value);
  BIND (counter_value);
  BIND (staff_value);
  BIND (fee_row);
  BIND (fee_value);
#undef BIND
  /* A look at a case, closed as a dialog is. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
daftar_case_detail_window_init (DaftarCaseDetailWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}
