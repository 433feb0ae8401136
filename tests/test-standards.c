/* test-standards.c: standards from the server validated by key and range. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "daftar-ingest.h"
#include "daftar-records.h"
#include "daftar-test-util.h"

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
  /* The six standards of DESIGN §5 today. */
  g_assert_cmpuint (n, ==, 6);

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

  /* Unknown keys, including ones the design will add later and one made
   * to paint a terminal. */
  assert_rejected ("max_out_of_turn_share", 0.1, DAFTAR_RECORD_ERROR_ENUM);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/standards/ranges", test_ranges);
  g_test_add_func ("/standards/ingest-rejects", test_ingest_rejects);
  return g_test_run ();
}
