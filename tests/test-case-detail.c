/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-case-detail.c: one case's detail read in one query — every field against the row as stored, names joined from the case's own office, days waiting counted naively, and a case that is not there. */
#include "config.h"

#include "daftar-case-detail.h"
#include "daftar-demo.h"
#include "daftar-test-util.h"
#include "daftar-time.h"

static DaftarDb *db;
static char *dir;
static GDate today;

static char *
text_of (const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static void
exec (const char *sql)
{
  g_assert_cmpint (sqlite3_exec (daftar_db_get_handle (db), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* Every column of the case as the detail holds it, against the row. */
static void
check_case_row (const DaftarCaseDetail *d)
{
  g_autofree char *counter = d->has_counter ? g_strdup_printf ("%" G_GINT64_FORMAT, d->counter) : g_strdup ("NULL");
  g_autofree char *fee = d->has_fee ? g_strdup_printf ("%" G_GINT64_FORMAT, d->fee) : g_strdup ("NULL");
  g_autofree char *sql = g_strdup_printf (
    "SELECT count(*) FROM cases WHERE id = '%s' AND office_code IS '%s' AND tracking_code IS %s%s%s "
    "AND kind IS '%s' AND client_name IS %s%s%s AND subject IS %s%s%s AND dest_court IS %s%s%s "
    "AND dest_city IS %s%s%s AND dest_province IS %s%s%s AND status IS '%s' AND shift IS '%s' "
    "AND counter IS %s AND staff_id IS %s%s%s AND filed_at = %" G_GINT64_FORMAT " AND coalesce(updated_at, 0) = %"
    G_GINT64_FORMAT " AND fee IS %s",
    d->id, d->office_code,
#define Q(s) (s) ? "'" : "", (s) ? (s) : "NULL", (s) ? "'" : ""
    Q (d->tracking_code), d->kind, Q (d->client_name), Q (d->subject), Q (d->dest_court),
    Q (d->dest_city), Q (d->dest_province), d->status, d->shift,
    counter,
    Q (d->staff_id), d->filed_at, d->updated_at,
    fee);
#undef Q

  g_assert_cmpint (daftar_test_count (db, sql), ==, 1);
}

/* The notices against the table, and the days an unviewed electronic one
 * has waited: the days between its Tehran day of issue (UTC+3:30, with no
 * daylight saving since 2022) and today, by SQLite's own date arithmetic. */
static void
check_notices (const DaftarCaseDetail *d)
{
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM notices WHERE case_id = '%s'", d->id);
  char today_text[11];

  daftar_time_format_day (&today, today_text);
  g_assert_cmpint (d->notices->len, ==, daftar_test_count (db, count_sql));
  for (guint i = 0; i < d->notices->len; i++)
    {
      const DaftarCaseNotice *n = g_ptr_array_index (d->notices, i);
      g_autofree char *sql = g_strdup_printf (
        "SELECT CASE WHEN channel = 'electronic' AND viewed_at IS NULL "
        "THEN max(0, CAST(julianday('%s') - julianday(date(issued_at, 'unixepoch', '+210 minutes')) AS INTEGER)) "
        "ELSE -1 END FROM notices WHERE id = '%s' AND case_id = '%s' AND channel = '%s' AND issued_at = %" G_GINT64_FORMAT
        " AND coalesce(delivered_at, 0) = %" G_GINT64_FORMAT " AND coalesce(viewed_at, 0) = %" G_GINT64_FORMAT
        " AND coalesce(deemed_at, 0) = %" G_GINT64_FORMAT,
        today_text, n->id, d->id, n->channel, n->issued_at, n->delivered_at, n->viewed_at, n->deemed_at);

      g_assert_cmpint (n->days_waiting, ==, daftar_test_count (db, sql));
      if (i > 0)
        g_assert_cmpint (n->issued_at, >=, ((DaftarCaseNotice *) g_ptr_array_index (d->notices, i - 1))->issued_at);
    }
}

static DaftarCaseDetail *
read_case (const char *id)
{
  g_autoptr(GError) error = NULL;
  DaftarCaseDetail *d = daftar_case_detail_query (db, id, &today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (d);
  g_assert_cmpstr (d->id, ==, id);
  check_case_row (d);
  check_notices (d);
  return d;
}

/* Cases with unviewed, viewed and no notices: every field, the office's
 * and the staff member's names. */
static void
test_cases (void)
{
  const char *picks[] = {
    "SELECT case_id FROM notices WHERE channel = 'electronic' AND viewed_at IS NULL AND case_id IS NOT NULL "
    "ORDER BY issued_at LIMIT 1",
    "SELECT case_id FROM notices WHERE viewed_at IS NOT NULL AND case_id IS NOT NULL ORDER BY issued_at DESC LIMIT 1",
    "SELECT case_id FROM notices WHERE channel = 'paper' AND case_id IS NOT NULL LIMIT 1",
    "SELECT id FROM cases WHERE id NOT IN (SELECT case_id FROM notices WHERE case_id IS NOT NULL) LIMIT 1",
    "SELECT id FROM cases WHERE dest_court IS NULL LIMIT 1",
  };
  guint waiting = 0;

  for (guint p = 0; p < G_N_ELEMENTS (picks); p++)
    {
      g_autofree char *id = text_of (picks[p]);
      g_autoptr(DaftarCaseDetail) d = NULL;
      g_autofree char *office_sql = NULL;
      g_autofree char *staff_sql = NULL;
      g_autofree char *office_name = NULL;
      g_autofree char *staff_name = NULL;

      g_assert_nonnull (id);
      d = read_case (id);
      office_sql = g_strdup_printf ("SELECT name FROM offices WHERE code = '%s'", d->office_code);
      office_name = text_of (office_sql);
      g_assert_nonnull (office_name);
      g_assert_cmpstr (d->office_name, ==, office_name);
      g_assert_nonnull (d->staff_id);
      staff_sql = g_strdup_printf ("SELECT name FROM staff WHERE id = '%s'", d->staff_id);
      staff_name = text_of (staff_sql);
      g_assert_nonnull (staff_name);
      g_assert_cmpstr (d->staff_name, ==, staff_name);
      g_assert_true (d->has_fee);
      g_assert_true (d->has_counter);
      for (guint i = 0; i < d->notices->len; i++)
        waiting += ((DaftarCaseNotice *) g_ptr_array_index (d->notices, i))->days_waiting > 0;
      if (p == 3)
        g_assert_cmpuint (d->notices->len, ==, 0);
      if (p == 4)
        g_assert_null (d->dest_court);
    }
  g_assert_cmpuint (waiting, >, 0);
}

/* Unrecorded staff, counter and fee stay unknown; another office's staff
 * member is not named for this one. */
static void
test_missing_and_foreign (void)
{
  g_autofree char *id = text_of ("SELECT id FROM cases ORDER BY filed_at LIMIT 1");
  g_autofree char *office = text_of ("SELECT office_code FROM cases ORDER BY filed_at LIMIT 1");
  g_autofree char *foreign_sql = g_strdup_printf ("SELECT id FROM staff WHERE office_code <> '%s' LIMIT 1", office);
  g_autofree char *foreign = text_of (foreign_sql);
  g_autofree char *sql = NULL;
  g_autoptr(DaftarCaseDetail) d = NULL;
  g_autoptr(DaftarCaseDetail) e = NULL;

  g_assert_nonnull (foreign);
  sql = g_strdup_printf ("UPDATE cases SET staff_id = '%s', fee = NULL, counter = NULL, updated_at = NULL WHERE id = '%s'",
                         foreign, id);
  exec (sql);
  d = read_case (id);
  g_assert_cmpstr (d->staff_id, ==, foreign);
  g_assert_null (d->staff_name);
  g_assert_false (d->has_fee);
  g_assert_false (d->has_counter);
  g_assert_cmpint (d->updated_at, ==, 0);

  g_free (sql);
  sql = g_strdup_printf ("UPDATE cases SET staff_id = NULL WHERE id = '%s'", id);
  exec (sql);
  e = read_case (id);
  g_assert_null (e->staff_id);
  g_assert_null (e->staff_name);
}

/* An id that is in no row, however it is spelled, is "not found". */
static void
test_not_found (void)
{
  const char *ids[] = { "no-such-case", "", "' OR 1=1 --", "%", "\xd9\x8a" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DaftarCaseDetail) d = daftar_case_detail_query (db, ids[i], &today, &error);

      g_assert_null (d);
      g_assert_error (error, DAFTAR_CASE_DETAIL_ERROR, DAFTAR_CASE_DETAIL_ERROR_NOT_FOUND);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(DaftarDemo) demo = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  g_test_init (&argc, &argv, NULL);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 30, G_DATE_APRIL, 2025);
  demo = daftar_demo_new (7, 2, 40, &today);
  db = daftar_test_db_new (&dir);
  g_assert_true (daftar_demo_fill_database (demo, db, 2000, NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/case-detail/cases", test_cases);
  g_test_add_func ("/case-detail/missing-and-foreign", test_missing_and_foreign);
  g_test_add_func ("/case-detail/not-found", test_not_found);

  rc = g_test_run ();
  daftar_db_close (db);
  daftar_test_tmpdir_free (dir);
  return rc;
}
