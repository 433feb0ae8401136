/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-sync-history-dialog.h: the list of sync runs and of the records the central server sent that were refused. */
#pragma once

#include <adwaita.h>

#include "daftar-db-worker.h"
#include "daftar-sync-history.h"

G_BEGIN_DECLS

/* Lists at most DAFTAR_SYNC_HISTORY_LIMIT runs and rejected records, newest first. */

#define DAFTAR_TYPE_SYNC_HISTORY_DIALOG (daftar_sync_history_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DaftarSyncHistoryDialog, daftar_sync_history_dialog, DAFTAR, SYNC_HISTORY_DIALOG, AdwWindow)

/* Reads sync_log and sync_rejects on @worker's thread; emits "loaded" when
 * the lists are filled. */
GtkWidget *daftar_sync_history_dialog_new           (DaftarDbWorker          *worker);

gboolean   daftar_sync_history_dialog_is_loaded     (DaftarSyncHistoryDialog *self);
/* Rows listed, for tests. */
guint      daftar_sync_history_dialog_get_n_runs    (DaftarSyncHistoryDialog *self);
guint      daftar_sync_history_dialog_get_n_rejects (DaftarSyncHistoryDialog *self);

G_END_DECLS
