/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-standards.c: standards from the server validated by key and range, and the staffing search bounded whatever an old database holds. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "daftar-ingest.h"
#include "daftar-records.h"
#include "daftar-staffing.h"
#include "daftar-test-util.h"
#include "daftar-time.h"

#define OFFICE "YZ-STD-01"

static DaftarRecord *
standard (const char  *key,
          double       value,
          GError     **error)
{
  g_autoptr(JsonObject) data = json_object_new ();

  json_object_set_string_member (data, "key", key);
  json_object_set_double_member (data, "value", value);
  return daftar_record_from_json (DAFTAR_ENTITY_STANDARD, data, error);
}

static void
assert_accepted (const char *key,
                 double      value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarRecord) record = standard (key, value, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  g_assert_cmpfloat (daftar_record_get (record, "value")->d, ==, value);
}

static void
assert_rejected (const char *key,
                 double      value,
                 int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarRecord) record = standard (key, value, &error);

  g_assert_null (record);
  g_assert_error (error, DAFTAR_RECORD_ERROR, code);
  g_test_message ("%s %g: %s", key, value, error->message);
}

/* Each key at its bounds, just outside them, and between whole numbers
 * where it counts things. */
static void
test_ranges (void)
{
  guint n = 0;

  for (const DaftarStandardRange *r = daftar_standard_ranges; r->key != NULL; r++, n++)
    {
      double step = r->integer ? 1 : 1e-6;

      g_assert_true (daftar_standard_range (r->key) == r);
      g_assert_cmpfloat (r->min, <=, r->max);
      assert_accepted (r->key, r->min);
      assert_accepted (r->key, r->max);
      assert_accepted (r->key, r->integer ? ceil ((r->min + r->max) / 2) : (r->min + r->max) / 2);
      assert_rejected (r->key, r->min - step, DAFTAR_RECORD_ERROR_RANGE);
      assert_rejected (r->key, r->max + step, DAFTAR_RECORD_ERROR_RANGE);
      assert_rejected (r->key, -1e300, DAFTAR_RECORD_ERROR_RANGE);
      assert_rejected (r->key, 1e300, DAFTAR_RECORD_ERROR_RANGE);
      if (r->integer)
        assert_rejected (r->key, r->min + 0.5, DAFTAR_RECORD_ERROR_RANGE);
    }
  /* The six standards of DESIGN §5 and the three of client care. */
  g_assert_cmpuint (n, ==, 9);

  /* The ranges the brief names. */
  assert_accepted ("target_wait_minutes", 1);
  assert_accepted ("target_wait_minutes", 240);
  assert_rejected ("target_wait_minutes", 241, DAFTAR_RECORD_ERROR_RANGE);
  assert_rejected ("target_wait_minutes", 0, DAFTAR_RECORD_ERROR_RANGE);
  assert_accepted ("target_service_level", 0);
  assert_accepted ("target_service_level", 1);
  assert_rejected ("target_service_level", 1.01, DAFTAR_RECORD_ERROR_RANGE);
  assert_accepted ("max_counters", 50);
  assert_rejected ("max_counters", 51, DAFTAR_RECORD_ERROR_RANGE);
  assert_rejected ("max_counters", 1e9, DAFTAR_RECORD_ERROR_RANGE);
  assert_rejected ("occupancy_cap", 1e-9, DAFTAR_RECORD_ERROR_RANGE);
  /* Client care (issue 15). */
  assert_accepted ("max_out_of_turn_share", 0);
  assert_accepted ("max_out_of_turn_share", 0.02);
  assert_rejected ("max_out_of_turn_share", 1.5, DAFTAR_RECORD_ERROR_RANGE);
  assert_accepted ("waiting_room_seats", 20);
  assert_rejected ("waiting_room_seats", 0, DAFTAR_RECORD_ERROR_RANGE);
  assert_rejected ("waiting_room_seats", 20.5, DAFTAR_RECORD_ERROR_RANGE);
  assert_rejected ("waiting_room_seats", 501, DAFTAR_RECORD_ERROR_RANGE);
  assert_accepted ("target_rating", 4.0);
  assert_rejected ("target_rating", 0.5, DAFTAR_RECORD_ERROR_RANGE);
  assert_rejected ("target_rating", 5.5, DAFTAR_RECORD_ERROR_RANGE);

  /* Unknown keys, including ones the design will add later and one made
   * to paint a terminal. */
  assert_rejected ("max_out_of_turn_seats", 0.1, DAFTAR_RECORD_ERROR_ENUM);
  assert_rejected ("target_wait_minute", 15, DAFTAR_RECORD_ERROR_ENUM);
  assert_rejected ("TARGET_WAIT_MINUTES", 15, DAFTAR_RECORD_ERROR_ENUM);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DaftarRecord) record = standard ("x\x1b[2J\a", 1, &error);

    g_assert_error (error, DAFTAR_RECORD_ERROR, DAFTAR_RECORD_ERROR_ENUM);
    g_assert_null (strchr (error->message, '\x1b'));
    g_assert_null (strchr (error->message, '\a'));
  }
}

/* Through ingest a bad standard is one reject with its reason: the page
 * and its good records are applied, the stored standard is kept. */
static void
test_ingest_rejects (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(JsonObject) page = NULL;
  g_autoptr(GError) error = NULL;
  DaftarDb *db = daftar_test_db_new (&dir);
  DaftarIngestResult result;
  sqlite3_stmt *stmt = NULL;

  page = daftar_test_page (OFFICE, "c1",
    "[{\"entity\":\"standard\",\"op\":\"upsert\",\"data\":{\"key\":\"max_counters\",\"value\":8}},"
    " {\"entity\":\"standard\",\"op\":\"upsert\",\"data\":{\"key\":\"max_counters\",\"value\":1000000000}},"
    " {\"entity\":\"standard\",\"op\":\"upsert\",\"data\":{\"key\":\"occupancy_cap\",\"value\":1e-9}},"
    " {\"entity\":\"standard\",\"op\":\"upsert\",\"data\":{\"key\":\"no_such_standard\",\"value\":1}},"
    " {\"entity\":\"standard\",\"op\":\"upsert\",\"data\":{\"key\":\"target_wait_minutes\",\"value\":20}}]");
  g_assert_true (daftar_ingest_page (db, OFFICE, page, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rejected, ==, 3);
  daftar_ingest_result_clear (&result);

  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM standards"), ==, 2);
  g_assert_cmpint (daftar_test_count (db, "SELECT value FROM standards WHERE key = 'max_counters'"), ==, 8);
  g_assert_cmpint (daftar_test_count (db, "SELECT value FROM standards WHERE key = 'target_wait_minutes'"), ==, 20);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM sync_rejects WHERE entity = 'standard'"), ==, 3);

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db),
                                       "SELECT reason FROM sync_rejects ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 0), "max_counters"));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 0), "occupancy_cap"));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 0), "no_such_standard"));
  sqlite3_finalize (stmt);

  daftar_db_close (db);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* One week of an office taking 30 clients an hour from 8:00 to 12:00, each
 * served ten minutes, ingested as a protocol page. */
static DaftarDb *
busy_office (char  **out_dir,
             GDate  *out_to)
{
  g_autoptr(GString) changes = g_string_new ("[");
  g_autoptr(JsonObject) page = NULL;
  g_autoptr(GError) error = NULL;
  DaftarDb *db = daftar_test_db_new (out_dir);
  DaftarIngestResult result;
  GDate day;

  g_date_clear (out_to, 1);
  g_date_set_dmy (out_to, 20, G_DATE_MARCH, 2025);
  day = *out_to;
  g_date_subtract_days (&day, 6);
  for (guint d = 0; d < 7; d++, g_date_add_days (&day, 1))
    for (guint k = 0; k < 120; k++)
      {
        gint64 issued = daftar_time_day_start (&day) + 8 * 3600 + k * 120;
        g_autofree char *t_issued = daftar_time_format_rfc3339 (issued);
        g_autofree char *t_started = daftar_time_format_rfc3339 (issued + 60);
        g_autofree char *t_done = daftar_time_format_rfc3339 (issued + 660);

        g_string_append_printf (changes,
                                "%s{\"entity\":\"ticket\",\"op\":\"upsert\",\"data\":{\"id\":\"T%u-%u\","
                                "\"office_code\":\"" OFFICE "\",\"service\":\"petition\",\"issued_at\":\"%s\","
                                "\"called_at\":\"%s\",\"started_at\":\"%s\",\"finished_at\":\"%s\","
                                "\"counter\":%u,\"outcome\":\"served\"}}",
                                changes->len > 1 ? "," : "", d, k, t_issued, t_started, t_started, t_done, k % 6 + 1);
      }
  g_string_append (changes, "]");
  page = daftar_test_page (OFFICE, "c1", changes->str);
  g_assert_true (daftar_ingest_page (db, OFFICE, page, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rejected, ==, 0);
  daftar_ingest_result_clear (&result);
  return db;
}

/* Standards written into the database as an old Daftar stored them,
 * before ranges were checked. */
static void
store_standards (DaftarDb   *db,
                 const char *max_counters,
                 const char *occupancy_cap)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("INSERT OR REPLACE INTO standards (key, value) VALUES "
                                          "('max_counters', %s), ('occupancy_cap', %s)",
                                          max_counters, occupancy_cap);

  g_assert_true (daftar_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static void
assert_bounded (const DaftarStaffing *s,
                guint                 max_counters)
{
  guint bound = MIN (max_counters + DAFTAR_STAFFING_SEARCH_MARGIN, DAFTAR_STAFFING_SEARCH_CEILING) + 1;

  g_assert_cmpuint (s->max_counters, ==, max_counters);
  g_assert_cmpuint (s->hours->len, >, 0);
  for (guint i = 0; i < s->hours->len; i++)
    {
      const DaftarStaffingHour *h = &g_array_index (s->hours, DaftarStaffingHour, i);
      g_assert_cmpuint (h->counters_needed, >=, 1);
      g_assert_cmpuint (h->counters_needed, <=, bound);
    }
  for (guint w = 0; w < s->week_checks->len; w++)
    g_assert_cmpuint (g_array_index (s->week_checks, DaftarStaffingWeek, w).peak_counters_needed, <=, bound);
  g_assert_cmpuint (s->peak_counters_needed, <=, bound);
}

/* Whatever the database holds, the advisor reads the standards within
 * their ranges and searches no further than max_counters and the margin:
 * N is asserted, not time. The cases come smallest first, so a search
 * without bounds fails on an assertion before it meets the billion. */
static void
test_staffing_bounded (void)
{
  static const struct {
    const char *max_counters, *occupancy_cap;
    guint       read_max;
    double      read_cap;
  } cases[] = {
    { "1000000", "1e-9", 50, 0.5 },
    { "1e9", "0.85", 50, 0.85 },
    { "1e9", "1e-9", 50, 0.5 },
    { "-5", "7", 1, 1 },
    { "6.7", "0", 6, 0.5 },
    { "1e300", "-1e300", 50, 0.5 },
  };
  g_autofree char *dir = NULL;
  GDate to;
  DaftarDb *db = busy_office (&dir, &to);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DaftarStaffing) s = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("max_counters %s, occupancy_cap %s", cases[i].max_counters, cases[i].occupancy_cap);
      store_standards (db, cases[i].max_counters, cases[i].occupancy_cap);
      s = daftar_staffing_compute (db, OFFICE, &to, 1, 1, &error);
      g_assert_no_error (error);
      g_assert_cmpfloat (s->standards.occupancy_cap, ==, cases[i].read_cap);
      assert_bounded (s, cases[i].read_max);
    }

  daftar_db_close (db);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/standards/ranges", test_ranges);
  g_test_add_func ("/standards/ingest-rejects", test_ingest_rejects);
  g_test_add_func ("/standards/staffing-bounded", test_staffing_bounded);
  return g_test_run ();
}
