/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-window.h: the main window — header, office selector and the pages. */
#pragma once

#include <adwaita.h>

#include "daftar-db-worker.h"
#include "daftar-period.h"
#include "daftar-report-actions.h"
#include "daftar-sync-controller.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_WINDOW (daftar_window_get_type ())
G_DECLARE_FINAL_TYPE (DaftarWindow, daftar_window, DAFTAR, WINDOW, AdwApplicationWindow)

DaftarWindow *daftar_window_new           (GtkApplication *application);

/* Shows the records of the database behind @worker. */
void          daftar_window_set_worker    (DaftarWindow   *self,
                                           DaftarDbWorker *worker);
/* The sync of the current database (NULL before set_worker). */
DaftarSyncController *daftar_window_get_sync_controller (DaftarWindow *self);
/* Whether an empty, unconfigured database opens the connect dialog
 * (not for the demo or screenshots). Default: no. */
void          daftar_window_set_offer_setup (DaftarWindow *self,
                                             gboolean      offer);
/* Shows that the records could not be opened or prepared. */
void          daftar_window_show_error    (DaftarWindow   *self,
                                           const char     *message);
/* The day the figures count as "today" (default: today in Tehran). */
void          daftar_window_set_today     (DaftarWindow   *self,
                                           const GDate    *today);

/* The period every page shows (default: the last 30 days). */
void          daftar_window_set_period    (DaftarWindow       *self,
                                           const DaftarPeriod *period);

/* Names of the pages that exist, for screenshots; and showing one. */
const char * const *daftar_window_list_pages (DaftarWindow *self);
/* Shows page @page_name; with @period (nullable), over that period, as if
 * picked in the header; with @shift (nullable: "morning" or "evening"),
 * the Shifts page brings that shift's figures into view once they are
 * shown. An alert uses it to open the days and shift it is about. */
void          daftar_window_show_page     (DaftarWindow       *self,
                                           const char         *page_name,
                                           const DaftarPeriod *period,
                                           const char         *shift);
/* Opens the case detail view of case @case_id, over the window (Escape
 * closes it). Pages ask for it through the "case.show" action ("s": the
 * case's id); nothing happens before a database is set. */
void          daftar_window_show_case     (DaftarWindow       *self,
                                           const char         *case_id);
/* Page @name (NULL if none has that name). Pages are built when first
 * shown; asking for one that has not been shown yet builds it. */
GtkWidget    *daftar_window_get_page      (DaftarWindow   *self,
                                           const char     *name);
/* Restores size, maximized state and last page from @settings, and saves
 * them as they change. */
void          daftar_window_restore_state (DaftarWindow   *self,
                                           GSettings      *settings);
/* TRUE when page @name shows the current office and period. */
gboolean      daftar_window_page_is_current (DaftarWindow *self,
                                             const char   *name);
/* TRUE once every page shows figures (or the empty state). */
gboolean      daftar_window_is_ready      (DaftarWindow   *self);

/* A document of the Reports menu for the window's office and period
 * (NULL before there are records). */
DaftarReportDocument *daftar_window_new_report (DaftarWindow       *self,
                                                DaftarDocumentKind  kind);
/* What the Reports menu and Ctrl+P do: the document @kind to @output
 * (SAVE_PDF without @path asks for a file first, and then calls no
 * @callback), its progress in a toast, a failure in a dialog. */
void          daftar_window_run_report    (DaftarWindow        *self,
                                           DaftarDocumentKind   kind,
                                           DaftarReportOutput   output,
                                           const char          *path,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);

G_END_DECLS
