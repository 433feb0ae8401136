/* daftar-case-list-private.h: what the list, its items and its queries share — filling an item from a row, reading a page. */
#pragma once

#include "daftar-case-list.h"

G_BEGIN_DECLS

/* The columns of the list's page query, in this order. */
#define DAFTAR_CASE_ITEM_COLUMNS \
  "id, office_code, tracking_code, kind, filed_at, shift, client_name, subject, dest_city, status"

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

/* What a job needs: a copy of the generation's query, and which page. */
typedef struct
{
  guint     generation;
  char     *office_code;   /* nullable */
  gint64    from;
  gint64    to;
  char     *pattern;       /* nullable: no search */
  char     *fts_pattern;   /* nullable: the key is too short for trigrams */
  DaftarCaseListRoute route;
  gboolean  descending;
  guint     page_size;
  guint     page;
  gboolean  count;         /* also count the rows */
} DaftarCaseListQuery;

/* A job's answer. */
typedef struct
{
  guint      generation;
  guint      page;
  gint64     n_rows;       /* with count */
  DaftarCaseListRoute route;  /* how it was read */
  GPtrArray *items;        /* DaftarCaseItem */
} DaftarCaseListPage;

void     daftar_case_list_query_free   (gpointer data);
void     daftar_case_list_page_free    (gpointer data);
/* A DaftarDbWorker job: reads the page (and the count) a DaftarCaseListQuery asks for. */
gpointer daftar_case_list_page_job     (DaftarDb      *db,
                                        gpointer       job_data,
                                        GCancellable  *cancellable,
                                        GError       **error);
/* "%key%" for LIKE; with @escape its wildcards match themselves (ESCAPE
 * '\'), without it each matches any one character. */
char    *daftar_case_list_like_pattern (const char    *key,
                                        gboolean       escape);

/* Tests: search by one route whatever the sizes (UNKNOWN restores the
 * choice by size), so both routes are checked on a small database. */
void daftar_case_list_force_route (DaftarCaseList      *self,
                                   DaftarCaseListRoute  route);

G_END_DECLS
