/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-case-detail.c: one case as its detail view shows it — the case with its office, staff member and notices, in one query. */
#define G_LOG_DOMAIN "daftar-case-detail"

#include "config.h"

#include "daftar-case-detail.h"

G_DEFINE_QUARK (daftar-case-detail-error-quark, daftar_case_detail_error)

/* The staff member must be one of the case's office: a feed names only its
 * own staff, and a stray id shows as itself rather than as another
 * office's person. */
static const char detail_sql[] =
  "SELECT c.id, c.office_code, o.name, c.tracking_code, c.kind, c.client_name, c.subject, "
  "       c.dest_court, c.dest_city, c.dest_province, c.status, c.shift, c.counter, c.staff_id, s.name, "
  "       c.filed_at, c.updated_at, c.fee "
  "FROM cases c "
  "LEFT JOIN offices o ON o.code = c.office_code "
  "LEFT JOIN staff s ON s.id = c.staff_id AND s.office_code = c.office_code "
  "WHERE c.id = ?1";

void
daftar_case_detail_free (DaftarCaseDetail *detail)
{
  if (detail == NULL)
    return;
  g_free (detail->id);
  g_free (detail->office_code);
  g_free (detail->office_name);
  g_free (detail->tracking_code);
  g_free (detail->kind);
  g_free (detail->client_name);
  g_free (detail->subject);
  g_free (detail->dest_court);
  g_free (detail->dest_city);
  g_free (detail->dest_province);
  g_free (detail->status);
  g_free (detail->shift);
  g_free (detail->staff_id);
  g_free (detail->staff_name);
  g_clear_pointer (&detail->notices, g_ptr_array_unref);
  g_free (detail);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static DaftarCaseDetail *
detail_from_row (sqlite3_stmt *stmt)
{
  DaftarCaseDetail *d = g_new0 (DaftarCaseDetail, 1);

  d->id = column_text (stmt, 0);
  d->office_code = column_text (stmt, 1);
  d->office_name = column_text (stmt, 2);
  d->tracking_code = column_text (stmt, 3);
  d->kind = column_text (stmt, 4);
  d->client_name = column_text (stmt, 5);
  d->subject = column_text (stmt, 6);
  d->dest_court = column_text (stmt, 7);
  d->dest_city = column_text (stmt, 8);
  d->dest_province = column_text (stmt, 9);
  d->status = column_text (stmt, 10);
  d->shift = column_text (stmt, 11);
  d->has_counter = sqlite3_column_type (stmt, 12) != SQLITE_NULL;
  d->counter = sqlite3_column_int64 (stmt, 12);
  d->staff_id = column_text (stmt, 13);
  d->staff_name = column_text (stmt, 14);
  d->filed_at = sqlite3_column_int64 (stmt, 15);
  d->updated_at = sqlite3_column_int64 (stmt, 16);
  d->has_fee = sqlite3_column_type (stmt, 17) != SQLITE_NULL;
  d->fee = sqlite3_column_int64 (stmt, 17);
  return d;
}

DaftarCaseDetail *
daftar_case_detail_query (DaftarDb     *db,
                          const char   *case_id,
                          const GDate  *today,
                          GError      **error)
{
  g_autoptr(DaftarCaseDetail) detail = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (case_id != NULL, NULL);

  if ((stmt = daftar_db_prepare (db, detail_sql, error)) == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    detail = detail_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, "Reading its row");
      goto failed;
    }
  if (detail == NULL)
    {
      g_set_error_literal (error, DAFTAR_CASE_DETAIL_ERROR, DAFTAR_CASE_DETAIL_ERROR_NOT_FOUND,
                           "No case with this id is in the database");
      return NULL;
    }
  detail->notices = daftar_case_notices_query (db, case_id, today, error);
  if (detail->notices == NULL)
    goto failed;
  return g_steal_pointer (&detail);

failed:
  g_prefix_error (error, "Reading a case: ");
  return NULL;
}

DaftarCaseDetailRequest *
daftar_case_detail_request_new (const char  *case_id,
                                const GDate *today)
{
  DaftarCaseDetailRequest *request = g_new0 (DaftarCaseDetailRequest, 1);

  request->case_id = g_strdup (case_id);
  request->today = *today;
  return request;
}

void
daftar_case_detail_request_free (DaftarCaseDetailRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->case_id);
  g_free (request);
}

gpointer
daftar_case_detail_query_job (DaftarDb      *db,
                              gpointer       job_data,
                              GCancellable  *cancellable,
                              GError       **error)
{
  DaftarCaseDetailRequest *request = job_data;

  return daftar_case_detail_query (db, request->case_id, &request->today, error);
}
