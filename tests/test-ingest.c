/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ingest.c: applying pages — atomic, cursor with the data, bad records rejected with reasons. */
#include "config.h"

#include <string.h>

#include "daftar-ingest.h"
#include "daftar-report.h"
#include "daftar-test-util.h"

#define OFFICE "YZ-ABK-01"

#define CASE_JSON(id, filed, kind) \
  "{\"entity\": \"case\", \"op\": \"upsert\", \"data\": {\"id\": \"" id "\", \"office_code\": \"" OFFICE "\", " \
  "\"kind\": \"" kind "\", \"filed_at\": \"" filed "\", \"shift\": \"morning\", \"status\": \"registered\", " \
  "\"dest_city\": \"ابرکوه\", \"fee\": 150000}}"

static const char *first_page =
  "["
  "{\"entity\": \"office\", \"op\": \"upsert\", \"data\": {\"code\": \"" OFFICE "\", \"name\": \"دفتر ابرکوه\", \"city\": \"ابرکوه\", \"province\": \"یزد\", \"counters\": 3}},"
  CASE_JSON ("C1", "2026-10-29T08:00:00+03:30", "petition") ","
  CASE_JSON ("C2", "2026-10-29T09:00:00+03:30", "brief") ","
  CASE_JSON ("C3", "2026-10-30T09:00:00+03:30", "petition") ","
  "{\"entity\": \"notice\", \"op\": \"upsert\", \"data\": {\"id\": \"N1\", \"office_code\": \"" OFFICE "\", \"case_id\": \"C1\", \"channel\": \"electronic\", \"issued_at\": \"2026-10-29T10:00:00+03:30\", \"viewed_at\": \"2026-10-29T18:00:00+03:30\"}}"
  "]";

typedef struct
{
  char     *dir;
  DaftarDb *db;
} Fixture;

static gint64
count_for_office (DaftarDb   *db,
                  const char *sql,
                  const char *office)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_bind_text (stmt, 1, office, -1, SQLITE_TRANSIENT), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Asserts @expected for the office's own rows and for the network's rows
 * (office_code ''), which must sum the offices' rows: here one office, so
 * the two must agree. @sql binds the office code as its one parameter. */
static void
assert_office_and_network (DaftarDb   *db,
                           const char *office,
                           const char *sql,
                           gint64      expected)
{
  g_assert_cmpint (count_for_office (db, sql, office), ==, expected);
  g_assert_cmpint (count_for_office (db, sql, ""), ==, expected);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) page = daftar_test_page (OFFICE, "c1", first_page);
  DaftarIngestResult result;

  f->db = daftar_test_db_new (&f->dir);
  g_assert_true (daftar_ingest_page (f->db, OFFICE, page, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.upserted, ==, 5);
  g_assert_cmpuint (result.rejected, ==, 0);
  g_assert_cmpstr (result.cursor, ==, "c1");
  daftar_ingest_result_clear (&result);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  daftar_db_close (f->db);
  daftar_test_tmpdir_free (f->dir);
}

static char *
cursor (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *value = daftar_ingest_get_cursor (f->db, OFFICE, &error);
  g_assert_no_error (error);
  return value;
}

static void
test_applied (Fixture *f, gconstpointer data)
{
  g_autofree char *c = cursor (f);

  g_assert_cmpstr (c, ==, "c1");
  g_assert_cmpint (daftar_test_count (f->db, "SELECT count(*) FROM cases"), ==, 3);
  assert_office_and_network (f->db, OFFICE, "SELECT sum(n) FROM daily_cases WHERE office_code = ? AND day = '2026-10-29'", 2);
  assert_office_and_network (f->db, OFFICE, "SELECT sum(n) FROM daily_cases WHERE office_code = ? AND day = '2026-10-30'", 1);
  assert_office_and_network (f->db, OFFICE, "SELECT sum(fee_total) FROM daily_cases WHERE office_code = ?", 450000);
  assert_office_and_network (f->db, OFFICE, "SELECT viewed FROM daily_notices WHERE office_code = ? AND day = '2026-10-29' AND channel = 'electronic'", 1);
  assert_office_and_network (f->db, OFFICE, "SELECT count(*) FROM daily_cases WHERE office_code = ? AND dest_scope = 'local'", 3);
  /* Nothing but the office's rows and the network's. */
  g_assert_cmpint (daftar_test_count (f->db, "SELECT count(*) FROM daily_cases WHERE office_code NOT IN ('', '" OFFICE "')"), ==, 0);
}

static void
test_rejects_with_reasons (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) page = daftar_test_page (OFFICE, "c2",
    "["
    CASE_JSON ("C4", "2026-10-31T08:00:00+03:30", "petition") ","
    CASE_JSON ("C5", "2026-10-31T08:00:00", "petition") ","
    CASE_JSON ("C6", "2026-10-31T08:00:00+03:30", "divorce") ","
    "{\"entity\": \"lawyer\", \"op\": \"upsert\", \"data\": {}},"
    "{\"entity\": \"case\", \"op\": \"merge\", \"data\": {}},"
    "{\"entity\": \"case\", \"op\": \"delete\", \"id\": \"\"},"
    "{\"entity\": \"case\", \"op\": \"upsert\", \"data\": {\"id\": \"C7\", \"office_code\": \"TH-01\", \"kind\": \"brief\", \"filed_at\": \"2026-10-31T08:00:00Z\", \"shift\": \"morning\", \"status\": \"sent\"}},"
    "42,"
    CASE_JSON ("C8", "2026-10-31T09:00:00+03:30", "brief")
    "]");
  DaftarIngestResult result;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *c = NULL;

  g_assert_true (daftar_ingest_page (f->db, OFFICE, page, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.upserted, ==, 2);
  g_assert_cmpuint (result.rejected, ==, 7);
  daftar_ingest_result_clear (&result);

  g_assert_cmpint (daftar_test_count (f->db, "SELECT count(*) FROM cases WHERE id IN ('C4', 'C8')"), ==, 2);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT count(*) FROM cases WHERE id IN ('C5', 'C6', 'C7')"), ==, 0);
  assert_office_and_network (f->db, OFFICE, "SELECT sum(n) FROM daily_cases WHERE office_code = ? AND day = '2026-10-31'", 2);
  c = cursor (f);
  g_assert_cmpstr (c, ==, "c2");

  sqlite3_prepare_v2 (daftar_db_get_handle (f->db), "SELECT reason, raw FROM sync_rejects ORDER BY id", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_nonnull (sqlite3_column_text (stmt, 1));
      g_ptr_array_add (reasons, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (reasons->len, ==, 7);
  g_assert_nonnull (strstr (g_ptr_array_index (reasons, 0), "filed_at"));
  g_assert_nonnull (strstr (g_ptr_array_index (reasons, 1), "kind"));
  g_assert_nonnull (strstr (g_ptr_array_index (reasons, 2), "unknown entity"));
  g_assert_nonnull (strstr (g_ptr_array_index (reasons, 3), "unknown op"));
  g_assert_nonnull (strstr (g_ptr_array_index (reasons, 4), "id"));
  g_assert_nonnull (strstr (g_ptr_array_index (reasons, 5), "office"));
  g_assert_nonnull (strstr (g_ptr_array_index (reasons, 6), "not an object"));
}

/* A time GLib parses but whose Tehran day is year 0 or 10000 made a day no
 * calendar function takes, and ingest crashed on a NULL error. Each is a
 * reject with its reason now; the rest of the page applies. */
static void
test_times_outside_calendar (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) page = daftar_test_page (OFFICE, "c2",
    "["
    CASE_JSON ("C4", "2026-10-31T08:00:00+03:30", "petition") ","
    CASE_JSON ("LATE", "9999-12-31T21:00:00Z", "petition") ","
    CASE_JSON ("EARLY", "0001-01-01T00:00:00+14:00", "brief") ","
    "{\"entity\": \"ticket\", \"op\": \"upsert\", \"data\": {\"id\": \"T1\", \"office_code\": \"" OFFICE "\", "
    "\"service\": \"brief\", \"issued_at\": \"2026-10-31T08:00:00+03:30\", \"called_at\": \"9999-12-31T23:59:59+00:00\", "
    "\"outcome\": \"served\"}},"
    "{\"entity\": \"notice\", \"op\": \"upsert\", \"data\": {\"id\": \"N2\", \"office_code\": \"" OFFICE "\", "
    "\"channel\": \"paper\", \"issued_at\": \"2199-12-31T21:00:00Z\"}}"
    "]");
  DaftarIngestResult result;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_true (daftar_ingest_page (f->db, OFFICE, page, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.upserted, ==, 1);
  g_assert_cmpuint (result.rejected, ==, 4);
  daftar_ingest_result_clear (&result);

  assert_office_and_network (f->db, OFFICE, "SELECT sum(n) FROM daily_cases WHERE office_code = ?", 4);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT count(*) FROM tickets"), ==, 0);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT count(*) FROM daily_cases WHERE day NOT BETWEEN '1900' AND '2200'"), ==, 0);
  sqlite3_prepare_v2 (daftar_db_get_handle (f->db), "SELECT reason FROM sync_rejects ORDER BY id", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *reason = (const char *) sqlite3_column_text (stmt, 0);

      g_test_message ("%s", reason);
      g_assert_nonnull (strstr (reason, n < 2 ? "filed_at" : n == 2 ? "called_at" : "issued_at"));
      g_assert_nonnull (strstr (reason, "1900"));
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, ==, 4);
}

static void
assert_unchanged (Fixture *f, const char *checksum_before)
{
  g_autofree char *c = cursor (f);
  g_autofree char *after = daftar_test_table_checksum (f->db, "cases");

  g_assert_cmpstr (c, ==, "c1");
  g_assert_cmpstr (after, ==, checksum_before);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT count(*) FROM sync_rejects"), ==, 0);
  assert_office_and_network (f->db, OFFICE, "SELECT sum(n) FROM daily_cases WHERE office_code = ?", 3);
}

static void
test_refused_pages (Fixture *f, gconstpointer data)
{
  g_autofree char *before = daftar_test_table_checksum (f->db, "cases");
  g_autofree char *good = g_strdup_printf ("{\"protocol\": 1, \"office\": \"%s\", \"cursor\": \"c9\", \"has_more\": false, \"changes\": [%s]}",
                                           OFFICE, CASE_JSON ("C9", "2026-11-01T08:00:00+03:30", "brief"));
  g_autofree char *truncated = g_strndup (good, strlen (good) - 7);
  g_autofree char *oversized = NULL;
  const struct { const char *body; int code; } bad[] = {
    { "<html>502 Bad Gateway</html>", DAFTAR_INGEST_ERROR_NOT_JSON },
    { truncated, DAFTAR_INGEST_ERROR_NOT_JSON },
    { "[1, 2, 3]", DAFTAR_INGEST_ERROR_BAD_PAGE },
    { "{\"protocol\": 2, \"office\": \"" OFFICE "\", \"cursor\": \"c9\", \"has_more\": false, \"changes\": [" CASE_JSON ("C9", "2026-11-01T08:00:00+03:30", "brief") "]}", DAFTAR_INGEST_ERROR_WRONG_PROTOCOL },
    { "{\"office\": \"" OFFICE "\", \"cursor\": \"c9\", \"has_more\": false, \"changes\": []}", DAFTAR_INGEST_ERROR_BAD_PAGE },
    { "{\"protocol\": 1, \"office\": \"" OFFICE "\", \"has_more\": false, \"changes\": [" CASE_JSON ("C9", "2026-11-01T08:00:00+03:30", "brief") "]}", DAFTAR_INGEST_ERROR_BAD_PAGE },
    { "{\"protocol\": 1, \"office\": \"" OFFICE "\", \"cursor\": \"\", \"has_more\": false, \"changes\": []}", DAFTAR_INGEST_ERROR_BAD_PAGE },
    { "{\"protocol\": 1, \"office\": \"TH-01\", \"cursor\": \"c9\", \"has_more\": false, \"changes\": []}", DAFTAR_INGEST_ERROR_WRONG_OFFICE },
    { "{\"protocol\": 1, \"office\": \"" OFFICE "\", \"cursor\": \"c9\", \"changes\": []}", DAFTAR_INGEST_ERROR_BAD_PAGE },
    { "{\"protocol\": 1, \"office\": \"" OFFICE "\", \"cursor\": \"c9\", \"has_more\": false, \"changes\": {}}", DAFTAR_INGEST_ERROR_BAD_PAGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) body = g_bytes_new_static (bad[i].body, strlen (bad[i].body));
      g_autoptr(GError) error = NULL;
      DaftarIngestResult result;

      g_assert_false (daftar_ingest_page_bytes (f->db, OFFICE, body, &result, &error));
      g_test_message ("refused %u: %s", i, error->message);
      g_assert_error (error, DAFTAR_INGEST_ERROR, bad[i].code);
      assert_unchanged (f, before);
    }

  /* Over the size limit: refused before parsing. */
  {
    gsize size = DAFTAR_PAGE_SIZE_LIMIT + 1;
    g_autoptr(GBytes) body = NULL;
    g_autoptr(GError) error = NULL;
    DaftarIngestResult result;

    oversized = g_malloc (size);
    memset (oversized, ' ', size);
    memcpy (oversized, good, strlen (good));
    body = g_bytes_new_static (oversized, size);
    g_assert_false (daftar_ingest_page_bytes (f->db, OFFICE, body, &result, &error));
    g_assert_error (error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_TOO_LARGE);
    assert_unchanged (f, before);
  }

  /* And the good page still applies afterwards. */
  {
    g_autoptr(GBytes) body = g_bytes_new_static (good, strlen (good));
    g_autoptr(GError) error = NULL;
    g_autofree char *c = NULL;
    DaftarIngestResult result;

    g_assert_true (daftar_ingest_page_bytes (f->db, OFFICE, body, &result, &error));
    g_assert_no_error (error);
    daftar_ingest_result_clear (&result);
    c = cursor (f);
    g_assert_cmpstr (c, ==, "c9");
  }
}

static void
test_fails_part_way (Fixture *f, gconstpointer data)
{
  g_autofree char *before = daftar_test_table_checksum (f->db, "cases");
  g_autofree char *rollups_before = daftar_test_table_checksum (f->db, "daily_cases");
  g_autofree char *months_before = daftar_test_table_checksum (f->db, "monthly_cases");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) page = daftar_test_page (OFFICE, "c2",
    "["
    CASE_JSON ("C4", "2026-10-31T08:00:00+03:30", "petition") ","
    "{\"entity\": \"case\", \"op\": \"delete\", \"id\": \"C1\"},"
    CASE_JSON ("BOOM", "2026-10-31T08:00:00+03:30", "petition") ","
    CASE_JSON ("C5", "2026-10-31T08:00:00+03:30", "petition")
    "]");
  DaftarIngestResult result;
  g_autofree char *after = NULL;
  g_autofree char *rollups_after = NULL;
  g_autofree char *months_after = NULL;

  /* A real database failure in the middle of the page (as a full disk
   * would give): the records before it must not survive either. */
  g_assert_true (daftar_db_exec (f->db,
                                 "CREATE TEMP TRIGGER boom BEFORE INSERT ON cases WHEN NEW.id = 'BOOM' "
                                 "BEGIN SELECT RAISE (ABORT, 'disk on fire'); END", &error));
  g_assert_false (daftar_ingest_page (f->db, OFFICE, page, &result, &error));
  g_assert_error (error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "disk on fire"));
  g_assert_null (result.cursor);

  after = daftar_test_table_checksum (f->db, "cases");
  rollups_after = daftar_test_table_checksum (f->db, "daily_cases");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (rollups_after, ==, rollups_before);
  months_after = daftar_test_table_checksum (f->db, "monthly_cases");
  g_assert_cmpstr (months_after, ==, months_before);
  assert_unchanged (f, before);
}

static void
test_delete_and_move (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) page = daftar_test_page (OFFICE, "c2",
    "["
    "{\"entity\": \"case\", \"op\": \"delete\", \"id\": \"C1\"},"
    CASE_JSON ("C3", "2026-11-01T09:00:00+03:30", "petition") ","
    "{\"entity\": \"case\", \"op\": \"delete\", \"id\": \"NEVER-EXISTED\"},"
    "{\"entity\": \"notice\", \"op\": \"delete\", \"id\": \"N1\"}"
    "]");
  DaftarIngestResult result;

  g_assert_true (daftar_ingest_page (f->db, OFFICE, page, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.deleted, ==, 3);
  daftar_ingest_result_clear (&result);

  assert_office_and_network (f->db, OFFICE, "SELECT sum(n) FROM daily_cases WHERE office_code = ? AND day = '2026-10-29'", 1);
  /* C3 moved from the 30th to 1 November: the old day is emptied, the
   * network's row too. */
  g_assert_cmpint (daftar_test_count (f->db, "SELECT count(*) FROM daily_cases WHERE day = '2026-10-30'"), ==, 0);
  assert_office_and_network (f->db, OFFICE, "SELECT sum(n) FROM daily_cases WHERE office_code = ? AND day = '2026-11-01'", 1);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT count(*) FROM daily_notices"), ==, 0);
}

static void
test_persian_text (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  /* Arabic yeh and kaf, as some keyboards send them. */
  g_autoptr(JsonObject) page = daftar_test_page (OFFICE, "c2",
    "[{\"entity\": \"case\", \"op\": \"upsert\", \"data\": {\"id\": \"C10\", \"office_code\": \"" OFFICE "\", "
    "\"kind\": \"complaint\", \"filed_at\": \"2026-10-29T10:00:00+03:30\", \"shift\": \"morning\", \"status\": \"sent\", "
    "\"tracking_code\": \"140508071234\", \"client_name\": \"علي كريمي\", \"subject\": \"شكايت كيفري\"}}]");
  DaftarIngestResult result;
  sqlite3_stmt *stmt = NULL;

  g_assert_true (daftar_ingest_page (f->db, OFFICE, page, &result, &error));
  g_assert_no_error (error);
  daftar_ingest_result_clear (&result);

  sqlite3_prepare_v2 (daftar_db_get_handle (f->db), "SELECT client_name, search_key FROM cases WHERE id = 'C10'", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "علی کریمی");
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 1), "کریمی"));
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 1), "140508071234"));
  sqlite3_finalize (stmt);
}

#define OTHER "TH-01"

#define OTHER_CASE_JSON(id, filed) \
  "{\"entity\": \"case\", \"op\": \"upsert\", \"data\": {\"id\": \"" id "\", \"office_code\": \"" OTHER "\", " \
  "\"kind\": \"brief\", \"filed_at\": \"" filed "\", \"shift\": \"morning\", \"status\": \"sent\", \"fee\": 70000}}"

static void
ingest_ok (DaftarDb *db, const char *office, const char *cursor, const char *changes, guint rejected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) page = daftar_test_page (office, cursor, changes);
  DaftarIngestResult result;

  g_assert_true (daftar_ingest_page (db, office, page, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rejected, ==, rejected);
  daftar_ingest_result_clear (&result);
}

/* Everything of office OTHER a feed could reach, as one string. */
static char *
other_office_state (DaftarDb *db)
{
  static const char * const views[] = {
    "(SELECT * FROM offices WHERE code = '" OTHER "')",
    "(SELECT * FROM cases WHERE office_code = '" OTHER "')",
    "(SELECT * FROM notices WHERE office_code = '" OTHER "')",
    "(SELECT * FROM staff WHERE office_code = '" OTHER "')",
    "(SELECT * FROM daily_cases WHERE office_code = '" OTHER "')",
    "(SELECT * FROM monthly_cases WHERE office_code = '" OTHER "')",
    /* What OTHER's feed set; OFFICE's feed may add its own. */
    "(SELECT key, value FROM standards WHERE key <> 'occupancy_cap')",
    "(SELECT date, name FROM holidays)",
  };
  g_autoptr(GString) state = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *sum = daftar_test_table_checksum (db, views[i]);
      g_string_append_printf (state, "%s\n", sum);
    }
  return g_string_free (g_steal_pointer (&state), FALSE);
}

/* Ids are keys across the whole file and deletes named no office: office
 * A's feed could delete office B's cases and office row, and an upsert
 * with an id B holds moved B's row into A. Every change is now checked
 * against the row already stored; the shared standards and holidays
 * belong to the feed that set them. */
static void
test_hostile_office (Fixture *f, gconstpointer data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  ingest_ok (f->db, OTHER, "t1",
    "["
    "{\"entity\": \"office\", \"op\": \"upsert\", \"data\": {\"code\": \"" OTHER "\", \"name\": \"دفتر تهران\", \"city\": \"تهران\", \"province\": \"تهران\"}},"
    "{\"entity\": \"staff\", \"op\": \"upsert\", \"data\": {\"id\": \"S-B\", \"office_code\": \"" OTHER "\", \"name\": \"مریم\"}},"
    OTHER_CASE_JSON ("B1", "2026-10-29T08:30:00+03:30") ","
    OTHER_CASE_JSON ("B2", "2026-10-29T09:30:00+03:30") ","
    "{\"entity\": \"notice\", \"op\": \"upsert\", \"data\": {\"id\": \"NB\", \"office_code\": \"" OTHER "\", \"channel\": \"paper\", \"issued_at\": \"2026-10-29T10:00:00+03:30\"}},"
    "{\"entity\": \"standard\", \"op\": \"upsert\", \"data\": {\"key\": \"target_wait_minutes\", \"value\": 15}},"
    "{\"entity\": \"holiday\", \"op\": \"upsert\", \"data\": {\"date\": \"2026-11-05\", \"name\": \"تعطیل\"}}"
    "]", 0);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT sum(n) FROM daily_cases WHERE office_code = '" OTHER "'"), ==, 2);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT sum(n) FROM daily_cases WHERE office_code = '' AND day = '2026-10-29'"), ==, 4);
  before = other_office_state (f->db);

  ingest_ok (f->db, OFFICE, "c2",
    "["
    "{\"entity\": \"case\", \"op\": \"delete\", \"id\": \"B1\"},"
    "{\"entity\": \"office\", \"op\": \"delete\", \"id\": \"" OTHER "\"},"
    "{\"entity\": \"staff\", \"op\": \"delete\", \"id\": \"S-B\"},"
    "{\"entity\": \"notice\", \"op\": \"upsert\", \"data\": {\"id\": \"NB\", \"office_code\": \"" OFFICE "\", \"channel\": \"electronic\", \"issued_at\": \"2026-10-30T10:00:00+03:30\"}},"
    CASE_JSON ("B2", "2026-10-30T09:00:00+03:30", "petition") ","
    "{\"entity\": \"standard\", \"op\": \"upsert\", \"data\": {\"key\": \"target_wait_minutes\", \"value\": 30}},"
    "{\"entity\": \"standard\", \"op\": \"delete\", \"id\": \"target_wait_minutes\"},"
    "{\"entity\": \"holiday\", \"op\": \"delete\", \"id\": \"2026-11-05\"},"
    "{\"entity\": \"holiday\", \"op\": \"upsert\", \"data\": {\"date\": \"2026-11-05\", \"name\": \"کار\"}},"
    /* The same standard again is no change; a new one is this feed's. */
    "{\"entity\": \"standard\", \"op\": \"upsert\", \"data\": {\"key\": \"target_wait_minutes\", \"value\": 15}},"
    "{\"entity\": \"standard\", \"op\": \"upsert\", \"data\": {\"key\": \"occupancy_cap\", \"value\": 0.8}},"
    CASE_JSON ("C4", "2026-10-29T11:00:00+03:30", "petition")
    "]", 9);

  after = other_office_state (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT count(*) FROM cases WHERE office_code = '" OFFICE "'"), ==, 4);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT count(*) FROM standards WHERE key = 'occupancy_cap'"), ==, 1);
  /* The network still adds up both offices. */
  g_assert_cmpint (daftar_test_count (f->db, "SELECT sum(n) FROM daily_cases WHERE office_code = '' AND day = '2026-10-29'"), ==, 5);

  sqlite3_prepare_v2 (daftar_db_get_handle (f->db), "SELECT reason FROM sync_rejects ORDER BY id", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *reason = (const char *) sqlite3_column_text (stmt, 0);

      g_test_message ("%s", reason);
      g_assert_true (strstr (reason, "another office") != NULL || strstr (reason, "its own office") != NULL);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, ==, 9);

  /* The office that set a standard may still change it. */
  ingest_ok (f->db, OTHER, "t2",
    "[{\"entity\": \"standard\", \"op\": \"upsert\", \"data\": {\"key\": \"target_wait_minutes\", \"value\": 20}}]", 0);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT value FROM standards WHERE key = 'target_wait_minutes'"), ==, 20);
}

/* A feed may delete its own office's record, but the office keeps its
 * records: deleting the row dropped the office from every list and from
 * the network's totals the next time another office's page recomputed
 * them. */
static void
test_office_delete_keeps_network (Fixture *f, gconstpointer data)
{
  ingest_ok (f->db, OFFICE, "c2", "[{\"entity\": \"office\", \"op\": \"delete\", \"id\": \"" OFFICE "\"}]", 0);
  /* Another office's page recomputes the network's row of the same day. */
  ingest_ok (f->db, OTHER, "t1", "[" OTHER_CASE_JSON ("B1", "2026-10-29T08:30:00+03:30") "]", 0);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT sum(n) FROM daily_cases WHERE office_code = '' AND day = '2026-10-29'"), ==, 3);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT sum(n) FROM monthly_cases WHERE office_code = ''"), ==, 4);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT count(*) FROM offices"), ==, 2);
  /* Its code stands in for its name, and its place is no longer known. */
  g_assert_cmpint (daftar_test_count (f->db, "SELECT count(*) FROM offices WHERE code = '" OFFICE "' "
                                             "AND name = '" OFFICE "' AND city IS NULL"), ==, 1);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT sum(n) FROM daily_cases WHERE office_code = '" OFFICE "' "
                                             "AND dest_scope = 'other'"), ==, 3);

  /* An office with no records left has no row to keep. */
  ingest_ok (f->db, OTHER, "t2",
    "[{\"entity\": \"case\", \"op\": \"delete\", \"id\": \"B1\"},"
    " {\"entity\": \"office\", \"op\": \"delete\", \"id\": \"" OTHER "\"}]", 0);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT count(*) FROM offices WHERE code = '" OTHER "'"), ==, 0);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT sum(n) FROM daily_cases WHERE office_code = '' AND day = '2026-10-29'"), ==, 2);
}

static void
exec_ok (DaftarDb *db, const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (daftar_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* Every report of @office (NULL: every office together; staffing, and the
 * evidence that is its tables, is only advised per office) runs. */
static void
assert_reports_run (DaftarDb *db, const char *office)
{
  DaftarReportRequest request = { office };

  /* 15 to 22 October from the daily rows, the Jalali month of Aban
   * (23 October to 21 November) from the monthly ones, the rest from the
   * daily ones again. */
  g_date_set_dmy (&request.from, 15, G_DATE_OCTOBER, 2026);
  g_date_set_dmy (&request.to, 30, G_DATE_NOVEMBER, 2026);
  for (guint i = 0; daftar_report_kinds[i].kind != NULL; i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      if (office == NULL && (g_str_equal (daftar_report_kinds[i].kind, "staffing") ||
                             g_str_equal (daftar_report_kinds[i].kind, "evidence")))
        continue;
      g_test_message ("report %s for %s", daftar_report_kinds[i].kind, office ? office : "every office");
      g_assert_true (daftar_report_run (db, daftar_report_kinds[i].kind, &request, DAFTAR_REPORT_JSON, out, &error));
      g_assert_no_error (error);
    }
}

/* SQLite's sum() fails on integer overflow, and that failed the page, on
 * every run. Fees each under the per-record limit overflowed a day's sum;
 * through the network's rows one office's sums failed every other office's
 * pages on the same days, and the reports that add them up. Here office
 * A's rows hold amounts no valid page brings at this scale (but a hostile
 * feed's many pages, or an older version's limit, could): A's and B's next
 * pages apply, B's own figures stay exact, every report runs. */
static void
test_sums_never_overflow (Fixture *f, gconstpointer data)
{
  /* A's daily rows of 20 and 30 October already at the largest sums. */
  for (guint d = 20; d <= 30; d += 10)
    {
      g_autofree char *sql = g_strdup_printf (
        "UPDATE daily_cases SET fee_total = 9223372036854775807 WHERE office_code = '" OFFICE "' AND day = '2026-10-%u';"
        "INSERT INTO daily_tickets VALUES ('" OFFICE "', '2026-10-%u', 'morning', 'brief', 2, 2, 0, 0, 2, "
        "  9223372036854775807, 2, 9223372036854775807);"
        "INSERT INTO hourly_tickets VALUES ('" OFFICE "', '2026-10-%u', 9, 2, 2, 9223372036854775807, "
        "  9223372036854775807, 1);"
        "INSERT INTO daily_notices VALUES ('" OFFICE "', '2026-10-%u', 'electronic', 2, 2, 2, 0, 9223372036854775807);",
        d, d, d, d);
      exec_ok (f->db, sql);
    }
  ingest_ok (f->db, OTHER, "t1",
    "[" OTHER_CASE_JSON ("B1", "2026-10-30T08:30:00+03:30") ","
    "{\"entity\": \"ticket\", \"op\": \"upsert\", \"data\": {\"id\": \"TB\", \"office_code\": \"" OTHER "\", "
    "\"service\": \"brief\", \"issued_at\": \"2026-10-30T09:00:00+03:30\", \"called_at\": \"2026-10-30T09:10:00+03:30\", "
    "\"started_at\": \"2026-10-30T09:10:00+03:30\", \"finished_at\": \"2026-10-30T09:20:00+03:30\", \"counter\": 1, "
    "\"outcome\": \"served\"}},"
    "{\"entity\": \"notice\", \"op\": \"upsert\", \"data\": {\"id\": \"NB\", \"office_code\": \"" OTHER "\", "
    "\"channel\": \"electronic\", \"issued_at\": \"2026-10-30T10:00:00+03:30\", \"viewed_at\": \"2026-10-30T11:00:00+03:30\"}},"
    OTHER_CASE_JSON ("B2", "2026-10-20T08:30:00+03:30") "]", 0);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT sum(fee_total) FROM daily_cases WHERE office_code = '" OTHER "'"), ==, 140000);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT wait_sum_s FROM daily_tickets WHERE office_code = '" OTHER "'"), ==, 600);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT view_sum_s FROM daily_notices WHERE office_code = '" OTHER "'"), ==, 3600);
  /* The network's sums stop at the largest integer instead of failing. */
  g_assert_cmpint (daftar_test_count (f->db, "SELECT daftar_sum(fee_total) FROM daily_cases WHERE office_code = '' AND day = '2026-10-30'"),
                   ==, G_MAXINT64);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT wait_sum_s FROM daily_tickets WHERE office_code = '' AND day = '2026-10-30'"),
                   ==, G_MAXINT64);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT wait_sum_s FROM monthly_tickets WHERE office_code = ''"), ==, G_MAXINT64);
  assert_reports_run (f->db, OTHER);
  assert_reports_run (f->db, NULL);

  /* A's own cases with fees that overflow a day's sum: its next page on
   * that day still applies. */
  exec_ok (f->db,
    "INSERT INTO cases (id, office_code, kind, filed_at, shift, status, fee) VALUES "
    "('H1', '" OFFICE "', 'brief', 1793250000, 'morning', 'sent', 5000000000000000000),"
    "('H2', '" OFFICE "', 'brief', 1793250000, 'morning', 'sent', 5000000000000000000)");
  ingest_ok (f->db, OFFICE, "c2", "[" CASE_JSON ("C4", "2026-10-29T11:00:00+03:30", "petition") "]", 0);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT sum(n) FROM daily_cases WHERE office_code = '" OFFICE "' AND day = '2026-10-29'"), ==, 5);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT max(fee_total) FROM daily_cases WHERE office_code = '" OFFICE "' AND day = '2026-10-29'"),
                   ==, G_MAXINT64);
  assert_reports_run (f->db, OFFICE);
  assert_reports_run (f->db, NULL);
}

/* Records may come before their office's record: the office is listed at
 * once (its code standing in for its name), so every-office figures count
 * it, and the real record replaces the stand-in. */
static void
test_office_before_record (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) first = daftar_test_page ("TH-02", "t1",
    "[{\"entity\": \"case\", \"op\": \"upsert\", \"data\": {\"id\": \"X1\", \"office_code\": \"TH-02\", "
    "\"kind\": \"brief\", \"filed_at\": \"2026-10-29T08:00:00+03:30\", \"shift\": \"morning\", "
    "\"status\": \"sent\", \"dest_city\": \"تهران\", \"dest_province\": \"تهران\"}}]");
  g_autoptr(JsonObject) second = daftar_test_page ("TH-02", "t2",
    "[{\"entity\": \"office\", \"op\": \"upsert\", \"data\": {\"code\": \"TH-02\", \"name\": \"دفتر تهران\", "
    "\"city\": \"تهران\", \"province\": \"تهران\"}}]");
  DaftarIngestResult result;

  g_assert_true (daftar_ingest_page (db, "TH-02", first, &result, &error));
  g_assert_no_error (error);
  daftar_ingest_result_clear (&result);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM offices WHERE code = 'TH-02' AND name = 'TH-02'"), ==, 1);
  /* Without the office's city the destination cannot be local yet. */
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM daily_cases WHERE dest_scope = 'local'"), ==, 0);

  g_assert_true (daftar_ingest_page (db, "TH-02", second, &result, &error));
  g_assert_no_error (error);
  daftar_ingest_result_clear (&result);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM offices"), ==, 1);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM offices WHERE name = 'دفتر تهران'"), ==, 1);
  assert_office_and_network (db, "TH-02", "SELECT sum(n) FROM daily_cases WHERE office_code = ? AND dest_scope = 'local'", 1);

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/ingest/applied", test_applied);
  ADD ("/ingest/rejects-with-reasons", test_rejects_with_reasons);
  ADD ("/ingest/times-outside-calendar", test_times_outside_calendar);
  ADD ("/ingest/refused-pages", test_refused_pages);
  ADD ("/ingest/fails-part-way", test_fails_part_way);
  ADD ("/ingest/delete-and-move", test_delete_and_move);
  ADD ("/ingest/persian-text", test_persian_text);
  ADD ("/ingest/hostile-office", test_hostile_office);
  ADD ("/ingest/office-delete-keeps-network", test_office_delete_keeps_network);
  ADD ("/ingest/sums-never-overflow", test_sums_never_overflow);
#undef ADD
  g_test_add_func ("/ingest/office-before-record", test_office_before_record);
  return g_test_run ();
}
