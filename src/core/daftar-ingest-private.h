/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-ingest-private.h: shared by ingest's two files — the SQL of one record (daftar-ingest-store.c) that the page loop (daftar-ingest.c) runs. */
#pragma once

#include "daftar-db.h"
#include "daftar-records.h"

G_BEGIN_DECLS

/* The column whose local day files a record under its rollups, or NULL. */
const char *daftar_ingest_day_column     (DaftarEntity entity);

/* Standards and holidays: tables every office in the file shares, whose
 * rows record the office whose feed set them (sql/006-owners.sql). */
gboolean    daftar_ingest_is_shared      (DaftarEntity entity);

/* What is stored under a record's key, before an upsert or delete changes
 * it: whose it is and the time that files it under a day. */
typedef struct
{
  gboolean  exists;
  char     *office;    /* owned, nullable: a shared row from before owners were kept */
  gboolean  has_time;
  gint64    time;
} DaftarIngestStored;

void        daftar_ingest_stored_clear   (DaftarIngestStored  *stored);
gboolean    daftar_ingest_look_up_stored (DaftarDb            *db,
                                          DaftarEntity         entity,
                                          const char          *key,
                                          DaftarIngestStored  *out,
                                          GError             **error);

/* Upserts @record; a shared row is marked as set by @office_code's feed. */
gboolean    daftar_ingest_store_record   (DaftarDb            *db,
                                          const char          *office_code,
                                          const DaftarRecord  *record,
                                          GError             **error);
/* Whether a shared row already holds exactly @record's values. */
gboolean    daftar_ingest_same_as_stored (DaftarDb            *db,
                                          const DaftarRecord  *record,
                                          gboolean            *out_same,
                                          GError             **error);
gboolean    daftar_ingest_delete_record  (DaftarDb            *db,
                                          DaftarEntity         entity,
                                          const char          *key,
                                          GError             **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DaftarIngestStored, daftar_ingest_stored_clear)

G_END_DECLS
