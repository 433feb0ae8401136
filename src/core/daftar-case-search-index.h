/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-case-search-index.h: keeps the trigram index over cases (cases_search) in step, once per transaction. */
#pragma once

#include <glib.h>

#include "daftar-db.h"

G_BEGIN_DECLS

/* Writes to cases only queue the rows they touched (005-search-by-page.sql);
 * this applies the queue to cases_search in one statement and empties it.
 * Run it inside the transaction that wrote cases, before it commits: ingest
 * does for each page, the resync swap for its office. Cheap when nothing is
 * queued. */
gboolean daftar_case_search_index_apply (DaftarDb  *db,
                                         GError   **error);

G_END_DECLS
