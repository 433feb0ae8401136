/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-annotation-dialog.c: writes, edits or removes the manager's note on an alert. */
#define G_LOG_DOMAIN "daftar-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-annotation-dialog.h"
#include "daftar-annotations.h"
#include "daftar-format.h"

struct _DaftarAnnotationDialog
{
  AdwMessageDialog  parent_instance;

  GtkTextView      *text_view;
  GtkLabel         *count_label;
};

G_DEFINE_FINAL_TYPE (DaftarAnnotationDialog, daftar_annotation_dialog, ADW_TYPE_MESSAGE_DIALOG)

char *
daftar_annotation_dialog_get_text (DaftarAnnotationDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (DAFTAR_IS_ANNOTATION_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
daftar_annotation_dialog_set_text (DaftarAnnotationDialog *self,
                                   const char             *text)
{
  g_return_if_fail (DAFTAR_IS_ANNOTATION_DIALOG (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text != NULL ? text : "", -1);
}

/* The count is of the text as it will be stored, so that what the dialog
 * accepts is what core accepts; over the limit, of the text as typed. */
static void
on_text_changed (DaftarAnnotationDialog *self)
{
  g_autofree char *text = daftar_annotation_dialog_get_text (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = daftar_annotation_normalize_text (text, &error);
  gboolean too_long = g_error_matches (error, DAFTAR_ANNOTATION_ERROR, DAFTAR_ANNOTATION_ERROR_TOO_LONG);
  g_autofree char *count = daftar_format_int (g_utf8_strlen (stored != NULL ? stored : too_long ? text : "", -1));
  g_autofree char *limit = daftar_format_int (DAFTAR_ANNOTATION_MAX_CHARS);
  /* Translators: characters written and the most a note may have, e.g. "120 of 500 characters" */
  g_autofree char *words = g_strdup_printf (_("%s of %s characters"), count, limit);

  gtk_label_set_label (self->count_label, words);
  if (too_long)
    gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "error");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", stored != NULL);
}

GtkWidget *
daftar_annotation_dialog_new (GtkWindow  *parent,
                              const char *alert,
                              const char *text)
{
  DaftarAnnotationDialog *self = g_object_new (DAFTAR_TYPE_ANNOTATION_DIALOG,
                                               "transient-for", parent,
                                               "body", alert,
                                               NULL);

  daftar_annotation_dialog_set_text (self, text);
  /* Only a note that exists can be removed. */
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "remove", ADW_RESPONSE_DESTRUCTIVE);
  if (text == NULL)
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "remove", FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return GTK_WIDGET (self);
}

static void
daftar_annotation_dialog_class_init (DaftarAnnotationDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftar/Daftar/gui/daftar-annotation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftarAnnotationDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, DaftarAnnotationDialog, count_label);
}

static void
daftar_annotation_dialog_init (DaftarAnnotationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "save", ADW_RESPONSE_SUGGESTED);
  /* Properties of the template that name responses need them to exist. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed", G_CALLBACK (on_text_changed), self);
  on_text_changed (self);
}
