/* daftar-focus.h: keyboard focus across the window — a list is one Tab stop. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The list a Tab from @focus leaves at once, or NULL: any list view or
 * column view holding @focus (arrows walk its rows), and a list box whose
 * focused row holds nothing else to focus. The outermost such list in
 * @root's own surface (not in a popover) is the one. */
GtkWidget *daftar_focus_list_to_leave (GtkWidget *root,
                                       GtkWidget *focus);

/* Runs @focus_func (the window's focus vfunc) with @list out of the Tab
 * chain, so that the focus moves to the widget after (or before) the list
 * rather than to its next row. */
gboolean   daftar_focus_skip_list     (GtkWidget         *root,
                                       GtkWidget         *list,
                                       GtkDirectionType   direction,
                                       gboolean         (*focus_func) (GtkWidget *, GtkDirectionType));

G_END_DECLS
