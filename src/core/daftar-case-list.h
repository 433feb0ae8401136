/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-case-list.h: the searchable list of cases — a lazy GListModel paging from SQLite on the worker thread. */
#pragma once

#include <gio/gio.h>

#include "daftar-db-worker.h"

G_BEGIN_DECLS

#define DAFTAR_CASE_LIST_ERROR (daftar_case_list_error_quark ())

typedef enum {
  DAFTAR_CASE_LIST_ERROR_NOT_FOUND,
} DaftarCaseListError;

GQuark daftar_case_list_error_quark (void);

/* A judicial notice issued on a case; times are Unix seconds, 0 if not yet. */
typedef struct
{
  char   *id;
  char   *channel;        /* electronic, paper */
  gint64  issued_at;
  gint64  delivered_at;
  gint64  viewed_at;
  gint64  deemed_at;
  /* An electronic notice nobody has viewed: whole days from its local day
   * of issue to today, as the follow-up list counts them (0 on the day);
   * -1 for any other, or without a today. */
  int     days_waiting;
} DaftarCaseNotice;

void       daftar_case_notice_free    (DaftarCaseNotice *notice);

/* The notices of case @case_id, oldest first (DaftarCaseNotice), days
 * waiting counted to @today (nullable). Runs on the thread that owns @db. */
GPtrArray *daftar_case_notices_query  (DaftarDb     *db,
                                       const char   *case_id,
                                       const GDate  *today,
                                       GError      **error);

/* One row of the list. A placeholder (a row whose page is still being read)
 * has every text NULL and filed_at 0. */
#define DAFTAR_TYPE_CASE_ITEM (daftar_case_item_get_type ())
G_DECLARE_FINAL_TYPE (DaftarCaseItem, daftar_case_item, DAFTAR, CASE_ITEM, GObject)

gboolean     daftar_case_item_is_placeholder     (DaftarCaseItem *self);
const char  *daftar_case_item_get_id             (DaftarCaseItem *self);
const char  *daftar_case_item_get_office_code    (DaftarCaseItem *self);
const char  *daftar_case_item_get_tracking_code  (DaftarCaseItem *self);
const char  *daftar_case_item_get_kind           (DaftarCaseItem *self);
gint64       daftar_case_item_get_filed_at       (DaftarCaseItem *self);
const char  *daftar_case_item_get_shift          (DaftarCaseItem *self);
const char  *daftar_case_item_get_client_name    (DaftarCaseItem *self);
const char  *daftar_case_item_get_subject        (DaftarCaseItem *self);
const char  *daftar_case_item_get_dest_city      (DaftarCaseItem *self);
const char  *daftar_case_item_get_status         (DaftarCaseItem *self);

/* The notices once loaded (DaftarCaseNotice), else NULL. */
GPtrArray   *daftar_case_item_get_notices        (DaftarCaseItem *self);
/* Reads the notices on @worker's thread, days waiting counted to @today
 * (nullable), and keeps them in the item. */
void         daftar_case_item_load_notices_async (DaftarCaseItem      *self,
                                                  DaftarDbWorker      *worker,
                                                  const GDate         *today,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
/* Returns a new reference to the notices. */
GPtrArray   *daftar_case_item_load_notices_finish (DaftarCaseItem  *self,
                                                   GAsyncResult    *result,
                                                   GError         **error);

/* The list: a GListModel of DaftarCaseItem whose rows come in pages read
 * on the DaftarDbWorker thread. get_item() of a row whose page is not in
 * memory returns a placeholder and asks for the page; "items-changed"
 * announces it when it arrives. At most max_pages pages stay in memory
 * (least recently used go first). Changing the scope, the search or the
 * order starts a new generation: pages and answers of the older one are
 * dropped.
 *
 * Without a search the length is every case of the scope, known with the
 * first page. A search shows its first matches (a page, or all there are)
 * as soon as they are found, then grows as it goes on counting in the
 * background: the length is the matches found so far, in their final
 * order, and "count-exact" turns TRUE once they are all found. A search
 * over a large scope stops counting after some 250,000 cases looked at or
 * 10,000 matches, with "loading" FALSE and "count-exact" FALSE: there are
 * at least that many. Reaching the end of the list counts on.
 *
 * A search that finds nothing in a scope bounded by dates goes on to
 * count its matches on the other dates of the same office(s), and says so
 * through "n-elsewhere" ("loading" stays TRUE until it is known). */
#define DAFTAR_TYPE_CASE_LIST (daftar_case_list_get_type ())
G_DECLARE_FINAL_TYPE (DaftarCaseList, daftar_case_list, DAFTAR, CASE_LIST, GObject)

DaftarCaseList *daftar_case_list_new               (DaftarDbWorker *worker,
                                                    guint           page_size,
                                                    guint           max_pages);
DaftarDbWorker *daftar_case_list_get_worker        (DaftarCaseList *self);

/* Cases of @office_code (NULL: every office) filed from @from to @to (local
 * days, both included; NULL: no bound). Always reloads. */
void            daftar_case_list_set_scope         (DaftarCaseList *self,
                                                    const char     *office_code,
                                                    const GDate    *from,
                                                    const GDate    *to);
/* Matches the tracking code, id, client, subject and destination through
 * their folded search keys (daftar_text_search_key). NULL or "" shows all. */
void            daftar_case_list_set_search        (DaftarCaseList *self,
                                                    const char     *text);
const char     *daftar_case_list_get_search        (DaftarCaseList *self);
/* Newest first (the default) or oldest first. */
void            daftar_case_list_set_descending    (DaftarCaseList *self,
                                                    gboolean        descending);
gboolean        daftar_case_list_get_descending    (DaftarCaseList *self);

/* TRUE while the count or a page of the current generation is being read. */
gboolean        daftar_case_list_get_loading       (DaftarCaseList *self);
/* TRUE when the length is the number of cases that match; FALSE while a
 * search is still counting, or has stopped counting: at least that many. */
gboolean        daftar_case_list_get_count_exact   (DaftarCaseList *self);
guint           daftar_case_list_get_generation    (DaftarCaseList *self);
guint           daftar_case_list_get_page_size     (DaftarCaseList *self);
guint           daftar_case_list_get_max_pages     (DaftarCaseList *self);
guint           daftar_case_list_get_n_loaded_pages (DaftarCaseList *self);
/* A search's matches outside the scope's dates, once its scope had none:
 * -1 until then (a search with matches, a listing, an unbounded scope, or
 * still counting). *@exact (nullable) is FALSE when the count stopped
 * short: there are at least that many. */
gint64          daftar_case_list_get_n_elsewhere   (DaftarCaseList *self,
                                                    gboolean       *exact);
/* The last error of a read (nullable), cleared by a new generation. */
const GError   *daftar_case_list_get_error         (DaftarCaseList *self);

G_END_DECLS
