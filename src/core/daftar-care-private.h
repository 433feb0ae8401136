/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-care-private.h: what the client-care query files share — statements over a period, and reading their columns. */
#pragma once

#include "daftar-db.h"

G_BEGIN_DECLS

/* @numerator / @denominator, NAN when there is nothing to divide by. */
double        daftar_care_ratio          (double        numerator,
                                          double        denominator);
/* @sql (cached) with ?1 the office (NULL: every office) and ?2, ?3 the
 * first and last day 'YYYY-MM-DD'. */
sqlite3_stmt *daftar_care_prepare_period (DaftarDb     *db,
                                          const char   *sql,
                                          const char   *office_code,
                                          const GDate  *from,
                                          const GDate  *to,
                                          GError      **error);
char         *daftar_care_column_dup     (sqlite3_stmt *stmt,
                                          int           column);
/* The value of @type whose nick the column holds, else @otherwise. */
int           daftar_care_column_enum    (sqlite3_stmt *stmt,
                                          int           column,
                                          GType         type,
                                          int           otherwise);

G_END_DECLS
