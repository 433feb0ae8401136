/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-test-page-fixture.h: what the page tests share — a page in a window of its own, loaded and waited for, its parts and screens; the real window's pages and note dialogs. */
#pragma once

#include <gtk/gtk.h>

#include "daftar-annotation-dialog.h"
#include "daftar-db-worker.h"
#include "daftar-page.h"
#include "daftar-window.h"

G_BEGIN_DECLS

/* A new window of @width × @height holding a new page of @page_type
 * (*out_page), presented. The caller holds a reference to the window, so
 * daftar_test_page_window_destroy can check that nothing else keeps it. */
GtkWidget         *daftar_test_page_window_new        (GType        page_type,
                                                       int          width,
                                                       int          height,
                                                       GtkWidget  **out_page);
void               daftar_test_page_window_destroy    (GtkWidget   *window);

/* Waits for @page's next "loaded", then for @window to draw what it shows. */
void               daftar_test_page_wait_loaded       (GtkWidget   *page,
                                                       GtkWidget   *window);
/* Loads @page for @office (NULL: every office) over the days @from to @to
 * (YYYY-MM-DD) through @worker and waits for it as above; returns the
 * context it was given. */
DaftarPageContext *daftar_test_page_load              (GtkWidget      *page,
                                                       GtkWidget      *window,
                                                       DaftarDbWorker *worker,
                                                       const char     *office,
                                                       const char     *from,
                                                       const char     *to);

/* The template child @name of @widget, built from @type's template; fails
 * the test if there is none. */
gpointer           daftar_test_template_child         (GtkWidget   *widget,
                                                       GType        type,
                                                       const char  *name);

/* Saves @window screen by screen as @name-N.png in the build folder,
 * scrolling @scroller down (eight screens at most), then back to the top. */
void               daftar_test_save_screens           (GtkWidget         *window,
                                                       GtkScrolledWindow *scroller,
                                                       const char        *name);

/* Runs the main loop until @page is current in @window (a minute at most,
 * so that a hang fails), then lets it draw. */
void               daftar_test_window_wait_until_current (DaftarWindow *window,
                                                          const char   *page);
/* The name of the page the window shows. */
const char        *daftar_test_window_visible_page    (DaftarWindow *window);
/* The newest visible note dialog of the application's windows, or NULL. */
DaftarAnnotationDialog *daftar_test_find_annotation_dialog (void);

/* Runs the main loop until @sql counts @n in @db (half a minute at most),
 * then a little longer, so that a row hears of it once the worker's answer
 * is back. */
void               daftar_test_wait_for_count         (DaftarDb    *db,
                                                       const char  *sql,
                                                       gint64       n);

G_END_DECLS
