/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-sync-history.h: what the sync log says — the runs, the refused records, and when a sync last went well. */
#pragma once

#include <gio/gio.h>

#include "daftar-db.h"

G_BEGIN_DECLS

/* At most this many runs and rejected records are read, newest first. */
#define DAFTAR_SYNC_HISTORY_LIMIT 500

typedef struct
{
  gint64  started_at;
  gint64  finished_at;   /* 0: the run has not finished, or was killed */
  gint64  pages;
  gint64  records;
  gint64  rejected;
  char   *result;        /* owned, nullable: "ok", "cancelled", an error nick, "running" */
  char   *message;       /* owned, nullable */
} DaftarSyncRun;

typedef struct
{
  gint64  received_at;
  char   *entity;        /* owned, nullable: as the server named it */
  char   *raw;           /* owned, nullable: the record as sent */
  char   *reason;        /* owned, nullable: in English, as scripts read it */
  char   *reason_code;   /* owned, nullable: NULL in rows stored before codes were */
  char   *reason_args;   /* owned, nullable: a JSON array of strings */
} DaftarSyncReject;

typedef struct
{
  GArray *runs;          /* DaftarSyncRun, newest first */
  GArray *rejects;       /* DaftarSyncReject, newest first */
  gint64  total_runs;    /* in the log, beyond those read too */
  gint64  total_rejects;
} DaftarSyncHistory;

void               daftar_sync_history_free   (DaftarSyncHistory  *history);

/* The newest @limit runs and rejected records, and how many there are. */
DaftarSyncHistory *daftar_sync_history_query  (DaftarDb           *db,
                                               guint               limit,
                                               GCancellable       *cancellable,
                                               GError            **error);
/* For the worker: @job_data is unused; reads DAFTAR_SYNC_HISTORY_LIMIT
 * of each; returns a DaftarSyncHistory. */
gpointer           daftar_sync_history_job    (DaftarDb           *db,
                                               gpointer            job_data,
                                               GCancellable       *cancellable,
                                               GError            **error);

/* The one definition of the last successful sync, for the header and the
 * Overview's alert alike: when the newest run that went well ended (or
 * began, if its end was never written), in *@out_time, 0 if none did.
 * *@out_any_run (nullable) says whether the log holds any run at all: a
 * database filled without sync (the demo, an import) holds none. */
gboolean           daftar_sync_last_success   (DaftarDb           *db,
                                               gint64             *out_time,
                                               gboolean           *out_any_run,
                                               GError            **error);
/* For the worker: @job_data is unused; returns a gint64 * (g_free) of
 * daftar_sync_last_success's time. */
gpointer           daftar_sync_last_success_job (DaftarDb         *db,
                                                 gpointer          job_data,
                                                 GCancellable     *cancellable,
                                                 GError          **error);

/* @reject's reason in the UI's language (daftar_reject_reason_render). */
char              *daftar_sync_reject_describe (const DaftarSyncReject *reject);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarSyncHistory, daftar_sync_history_free)

G_END_DECLS
