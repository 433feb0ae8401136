/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-help-window.h: the user guide — opened in the help viewer, or in a window of its own when there is none. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DAFTAR_TYPE_HELP_WINDOW (daftar_help_window_get_type ())
G_DECLARE_FINAL_TYPE (DaftarHelpWindow, daftar_help_window, DAFTAR, HELP_WINDOW, AdwWindow)

/* Opens the guide for @parent (nullable): "help:daftar" in the help viewer
 * when one is installed and the guide is installed where it looks,
 * otherwise — or when the viewer fails to start — a DaftarHelpWindow. */
void           daftar_help_show                 (GtkWindow        *parent);
/* Whether daftar_help_show() would try the help viewer first. */
gboolean       daftar_help_viewer_available     (void);

/* The guide's pages from the program's resources, in the UI's language
 * (English when the guide has no translation for it), on the index. */
GtkWidget     *daftar_help_window_new           (GtkWindow        *parent);
/* Shows page @page_id ("index", "shifts", …); FALSE if there is none. */
gboolean       daftar_help_window_show_page     (DaftarHelpWindow *self,
                                                 const char       *page_id);
const char    *daftar_help_window_get_page      (DaftarHelpWindow *self);
/* The ids of the pages, in the order of the side bar. */
const char * const *daftar_help_window_list_pages (DaftarHelpWindow *self);
/* The text of page @page_id as shown, for tests; NULL if there is none. */
GtkTextBuffer *daftar_help_window_get_buffer    (DaftarHelpWindow *self,
                                                 const char       *page_id);

G_END_DECLS
