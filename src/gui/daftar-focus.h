/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-focus.h: keyboard focus across the window — a list is one Tab stop, F6 moves between regions. */
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

/* Adds the panes of @page to @regions after @page itself: the children of
 * a GtkPaned, and widgets whose accessible role is "region". */
void       daftar_focus_collect_regions (GtkWidget *page,
                                         GPtrArray *regions);

/* F6 and Shift+F6: moves the focus into the region after (@forward) or
 * before the one holding it now, wrapping, skipping regions that are not
 * on screen or have nothing to focus. The innermost region holding the
 * focus counts. Returns whether the focus moved. */
gboolean   daftar_focus_move_region   (GtkWidget *root,
                                       GPtrArray *regions,
                                       gboolean   forward);

G_END_DECLS
