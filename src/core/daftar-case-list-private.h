/* daftar-case-list-private.h: what the list and its items share — filling an item from a row. */
#pragma once

#include "daftar-case-list.h"

G_BEGIN_DECLS

/* The columns of the list's page query, in this order. */
#define DAFTAR_CASE_ITEM_COLUMNS \
  "id, office_code, tracking_code, kind, filed_at, shift, client_name, subject, dest_city, status"

DaftarCaseItem *daftar_case_item_new_placeholder (void);
/* A new item from the current row of a statement selecting DAFTAR_CASE_ITEM_COLUMNS. */
DaftarCaseItem *daftar_case_item_new_from_row    (sqlite3_stmt *stmt);

G_END_DECLS
