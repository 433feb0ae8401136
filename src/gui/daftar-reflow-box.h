/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-reflow-box.h: children side by side when the width allows each a column, stacked otherwise. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DAFTAR_TYPE_REFLOW_BOX (daftar_reflow_box_get_type ())
G_DECLARE_FINAL_TYPE (DaftarReflowBox, daftar_reflow_box, DAFTAR, REFLOW_BOX, GtkWidget)

GtkWidget *daftar_reflow_box_new              (void);

/* The narrowest column a child may stand in beside the others: below
 * n × column-width (and the spacing) the children are stacked. */
int        daftar_reflow_box_get_column_width (DaftarReflowBox *self);
void       daftar_reflow_box_set_column_width (DaftarReflowBox *self,
                                               int              column_width);
/* Whether the children stand side by side now (as last allocated). */
gboolean   daftar_reflow_box_get_side_by_side (DaftarReflowBox *self);

/* Adds @child after the others: to their left in a right-to-left window. */
void       daftar_reflow_box_append           (DaftarReflowBox *self,
                                               GtkWidget       *child);

G_END_DECLS
