/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-case-list-private.h: what the list, its items and its queries share — filling an item from a row, the jobs and their answers. */
#pragma once

#include "daftar-case-list.h"

G_BEGIN_DECLS

/* The columns of the list's page query, in this order. */
#define DAFTAR_CASE_ITEM_COLUMNS \
  "id, office_code, tracking_code, kind, filed_at, shift, client_name, subject, dest_city, status"
/* The column of rowid after DAFTAR_CASE_ITEM_COLUMNS ", rowid". */
#define DAFTAR_CASE_ITEM_ROWID 10

DaftarCaseItem *daftar_case_item_new_placeholder (void);
/* A new item from the current row of a statement selecting DAFTAR_CASE_ITEM_COLUMNS. */
DaftarCaseItem *daftar_case_item_new_from_row    (sqlite3_stmt *stmt);

/* How a search reads the cases: decided by the generation's first job. */
typedef enum
{
  DAFTAR_CASE_LIST_ROUTE_UNKNOWN,
  DAFTAR_CASE_LIST_ROUTE_SCAN,
  DAFTAR_CASE_LIST_ROUTE_TRIGRAMS,
} DaftarCaseListRoute;

typedef enum
{
  DAFTAR_CASE_LIST_JOB_FIRST,   /* the count of a listing or a search's first matches, and page 0 */
  DAFTAR_CASE_LIST_JOB_WALK,    /* a search's next stretch of the scope */
  DAFTAR_CASE_LIST_JOB_PAGE,    /* one page's rows */
  DAFTAR_CASE_LIST_JOB_ELSEWHERE,  /* a search's matches on the dates outside the scope, counted */
} DaftarCaseListJob;

/* A place in the list's order (filed_at, then rowid), between two rows: a
 * search's next stretch reads the rows after it — older ones when
 * descending. rowid G_MININT64 puts it at the edge of a second: the rows
 * after it are those filed before @filed_at when descending, those filed
 * at or after it when ascending. */
typedef struct
{
  gint64 filed_at;
  gint64 rowid;
} DaftarCaseListCursor;

/* What a job needs: a copy of the generation's query, and what to read. */
typedef struct
{
  guint     generation;
  char     *office_code;   /* nullable */
  gint64    from;          /* the filed_at range [from, to) */
  gint64    to;
  GDate     first_day;     /* the same range as local days; cleared when unbounded */
  GDate     last_day;
  char     *key;           /* nullable: no search; else the folded search key */
  DaftarCaseListRoute route;  /* UNKNOWN: the first job chooses */
  gboolean  descending;
  guint     page_size;
  guint     stretch;       /* cases a search looks at per job */
  guint     trigram_at_most;  /* candidates a rare term may have */
  guint     elsewhere_cases;       /* ELSEWHERE: cases a scan looks at on either side of the dates */
  guint     elsewhere_candidates;  /* ELSEWHERE: candidates the trigram index may give */

  DaftarCaseListJob job;
  guint     page;          /* PAGE */
  GArray   *rowids;        /* PAGE of a search: the page's rows (gint64), else NULL */
  DaftarCaseListCursor cursor;  /* WALK */
  guint     wanted;        /* FIRST and WALK of a search: rows page 0 still lacks */
} DaftarCaseListQuery;

/* A job's answer. */
typedef struct
{
  guint      generation;
  DaftarCaseListJob job;
  guint      page;
  DaftarCaseListRoute route;  /* how a search was read */
  gint64     n_rows;       /* FIRST of a listing: every case of the scope; ELSEWHERE:
                            * the matches found outside the scope's dates */
  GPtrArray *items;        /* DaftarCaseItem: the page's rows; for a search's FIRST and
                            * WALK the first of its matches, which page 0 lacked */
  GArray    *rowids;       /* FIRST and WALK of a search: the matches found, in order */
  DaftarCaseListCursor cursor;  /* where the next WALK starts */
  gint64     n_examined;   /* about how many cases of the scope were looked at */
  gboolean   complete;     /* every match is found (ELSEWHERE: n_rows is exact, not "at least") */
} DaftarCaseListPage;

void     daftar_case_list_query_free   (gpointer data);
void     daftar_case_list_page_free    (gpointer data);
/* A DaftarDbWorker job: does what a DaftarCaseListQuery asks. */
gpointer daftar_case_list_page_job     (DaftarDb      *db,
                                        gpointer       job_data,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* daftar-case-list-trigrams.c: a search's matches through the trigram
 * index. Returns FALSE with an error, else TRUE and either NULL (more than
 * @at_most candidates: scanning is cheaper) or the matches in the list's
 * order (gint64 rowids), the first @q->wanted of them added to @items.
 * at_most 0: no bound. */
gboolean daftar_case_list_trigram_matches (DaftarDb                   *db,
                                           const DaftarCaseListQuery  *q,
                                           guint                       at_most,
                                           GArray                    **out_rowids,
                                           GPtrArray                  *items,
                                           GError                    **error);

/* daftar-case-list-trigrams.c: how many of a search's matches lie outside
 * the scope's dates, through the trigram index. Returns FALSE with an
 * error, else TRUE and -1 in @out_count when the key has more than
 * @at_most candidates (a scan is cheaper), else the exact count. */
gboolean daftar_case_list_trigram_count_elsewhere (DaftarDb                   *db,
                                                   const DaftarCaseListQuery  *q,
                                                   guint                       at_most,
                                                   gint64                     *out_count,
                                                   GError                    **error);

/* Tests: search by one route whatever the sizes (UNKNOWN restores the
 * choice by size), so both routes are checked on a small database. */
void daftar_case_list_force_route (DaftarCaseList      *self,
                                   DaftarCaseListRoute  route);
/* Tests: how the current search is read (UNKNOWN until its first answer). */
DaftarCaseListRoute daftar_case_list_get_route (DaftarCaseList *self);
/* Tests: a small database's search in several stretches, and its count
 * stopped: how many cases a stretch looks at, how many cases and matches
 * the background count goes to, how many candidates the trigram route
 * takes. From the next generation on. */
void daftar_case_list_set_limits  (DaftarCaseList      *self,
                                   guint                stretch,
                                   guint                count_cases,
                                   guint                count_matches,
                                   guint                trigram_at_most);
/* Tests: the count of matches on other dates cut short: how many cases
 * its scan looks at on either side, how many candidates its trigram
 * lookup takes. From the next generation on. */
void daftar_case_list_set_elsewhere_limits (DaftarCaseList *self,
                                            guint           cases,
                                            guint           candidates);

G_END_DECLS
