/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-annotation-dialog.h: writes, edits or removes the manager's note on an alert. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DAFTAR_TYPE_ANNOTATION_DIALOG (daftar_annotation_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DaftarAnnotationDialog, daftar_annotation_dialog, DAFTAR, ANNOTATION_DIALOG, AdwMessageDialog)

/* @alert: the alert's sentence, shown above the note; @text: the note as
 * it is (NULL for a new note, which cannot be removed). Its responses are
 * "cancel", "remove" and "save"; "save" is enabled only for a text that
 * can be stored. */
GtkWidget  *daftar_annotation_dialog_new      (GtkWindow              *parent,
                                               const char             *alert,
                                               const char             *text);
/* The text as typed (the caller stores it normalised). */
char       *daftar_annotation_dialog_get_text (DaftarAnnotationDialog *self);
void        daftar_annotation_dialog_set_text (DaftarAnnotationDialog *self,
                                               const char             *text);

G_END_DECLS
