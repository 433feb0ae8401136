/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-case-search-index.c: the trigram index over cases stays exactly what a rebuild gives — after pages, changed and removed cases, a refused page, a resync swap, a demo reset and a migration from v4. */
#include "config.h"

#include <string.h>

#include "daftar-case-search-index.h"
#include "daftar-db.h"
#include "daftar-demo.h"
#include "daftar-demo-setup.h"
#include "daftar-ingest.h"
#include "daftar-sync-private.h"
#include "daftar-test-util.h"

#define SEED 11

/* The cases these tests write themselves carry a made-up Latin word in
 * their subject, so that a trigram of it can only match them. */
static const char * const markers[] = { "qxz", "wvj", "kpf", "ybg", "zmh", "jdq", NULL };

static void
last_day (GDate *day)
{
  g_date_clear (day, 1);
  g_date_set_dmy (day, 1, G_DATE_MARCH, 2025);
}

/* Column 0 of the first row of @sql, "" for NULL or no row. ?1 is @param. */
static char *
query_text (DaftarDb   *db,
            const char *sql,
            const char *param)
{
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  text = g_strdup (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL
                     ? (const char *) sqlite3_column_text (stmt, 0) : "");
  sqlite3_finalize (stmt);
  return text;
}

/* The rowids the index gives for one trigram, in order. With detail=none a
 * single trigram is answered from the index alone, so this is the index's
 * content, not a checked candidate list. */
static char *
indexed_rowids (DaftarDb   *db,
                const char *trigram)
{
  g_autoptr(GString) phrase = g_string_new ("\"");

  for (const char *p = trigram; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (phrase, '"');
      g_string_append_c (phrase, *p);
    }
  g_string_append_c (phrase, '"');
  return query_text (db, "SELECT group_concat(rowid) FROM (SELECT rowid FROM cases_search "
                         "WHERE cases_search MATCH ?1 ORDER BY rowid)", phrase->str);
}

/* The rowids a scan of cases gives for the same trigram. */
static char *
scanned_rowids (DaftarDb   *db,
                const char *trigram)
{
  return query_text (db, "SELECT group_concat(rowid) FROM (SELECT rowid FROM cases NOT INDEXED "
                         "WHERE instr(lower(search_key), lower(?1)) > 0 ORDER BY rowid)", trigram);
}

/* The markers and a trigram from each of eight rows spread over cases. */
static GPtrArray *
trigrams_to_check (DaftarDb *db)
{
  GPtrArray *trigrams = g_ptr_array_new_with_free_func (g_free);
  gint64 n = daftar_test_count (db, "SELECT count(*) FROM cases");

  for (guint i = 0; markers[i] != NULL; i++)
    g_ptr_array_add (trigrams, g_strdup (markers[i]));
  for (gint64 k = 0; k < 8 && n > 0; k++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT search_key FROM cases ORDER BY rowid LIMIT 1 OFFSET %"
                                              G_GINT64_FORMAT, n * k / 8);
      g_autofree char *key = query_text (db, sql, NULL);
      glong length = g_utf8_strlen (key, -1);
      const char *begin;

      if (length < 3)
        continue;
      begin = g_utf8_offset_to_pointer (key, (k * 7) % (length - 2));
      g_ptr_array_add (trigrams, g_strndup (begin, g_utf8_offset_to_pointer (begin, 3) - begin));
    }
  return trigrams;
}

/* Nothing is left queued, FTS5 finds its index equal to what cases holds,
 * and for every trigram checked the index answers as a scan does and as
 * the index rebuilt from scratch does. */
static void
assert_index_exact (DaftarDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trigrams = trigrams_to_check (db);
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM cases_search_queue"), ==, 0);
  /* rank 1: compare the index with the content table, not only with itself. */
  g_assert_true (daftar_db_exec (db, "INSERT INTO cases_search (cases_search, rank) VALUES ('integrity-check', 1)",
                                 &error));
  g_assert_no_error (error);

  for (guint i = 0; i < trigrams->len; i++)
    {
      const char *trigram = g_ptr_array_index (trigrams, i);
      g_autofree char *scanned = scanned_rowids (db, trigram);
      char *indexed = indexed_rowids (db, trigram);

      g_test_message ("trigram “%s”", trigram);
      g_assert_cmpstr (indexed, ==, scanned);
      /* A trigram taken from a row must find at least that row. */
      if (i >= G_N_ELEMENTS (markers) - 1)
        g_assert_cmpstr (scanned, !=, "");
      g_ptr_array_add (answers, indexed);
    }

  g_assert_true (daftar_db_exec (db, "SAVEPOINT rebuilt; INSERT INTO cases_search (cases_search) VALUES ('rebuild')",
                                 &error));
  g_assert_no_error (error);
  for (guint i = 0; i < trigrams->len; i++)
    {
      g_autofree char *rebuilt = indexed_rowids (db, g_ptr_array_index (trigrams, i));
      g_assert_cmpstr (rebuilt, ==, g_ptr_array_index (answers, i));
    }
  g_assert_true (daftar_db_exec (db, "ROLLBACK TO rebuilt; RELEASE rebuilt", &error));
  g_assert_no_error (error);
}

static char *
case_upsert (const char *id,
             const char *office,
             const char *subject,
             const char *client,
             const char *status)
{
  return g_strdup_printf ("{\"entity\": \"case\", \"op\": \"upsert\", \"data\": {\"id\": \"%s\", "
                          "\"office_code\": \"%s\", \"kind\": \"petition\", "
                          "\"filed_at\": \"2025-02-20T09:00:00+03:30\", \"shift\": \"morning\", "
                          "\"status\": \"%s\", \"client_name\": \"%s\", \"subject\": \"%s\"}}",
                          id, office, status, client, subject);
}

static char *
case_delete (const char *id)
{
  return g_strdup_printf ("{\"entity\": \"case\", \"op\": \"delete\", \"id\": \"%s\"}", id);
}

/* Ingests the changes (a NULL-terminated list, taken) as one page. */
static gboolean
ingest (DaftarDb    *db,
        const char  *office,
        const char  *cursor,
        GError     **error,
        ...)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonObject) page = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *json = NULL;
  DaftarIngestResult result;
  gboolean ok;
  va_list args;
  char *change;

  va_start (args, error);
  while ((change = va_arg (args, char *)) != NULL)
    g_ptr_array_add (changes, change);
  va_end (args);
  g_ptr_array_add (changes, NULL);
  joined = g_strjoinv (", ", (char **) changes->pdata);
  json = g_strconcat ("[", joined, "]", NULL);
  page = daftar_test_page (office, cursor, json);
  ok = daftar_ingest_page (db, office, page, &result, error);
  daftar_ingest_result_clear (&result);
  return ok;
}

static gint64
rowid_of (DaftarDb   *db,
          const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce((SELECT rowid FROM cases WHERE id = '%s'), -1)", id);
  return daftar_test_count (db, sql);
}

/* The office's own cases with the markers: K1 … K5. */
static void
ingest_marked_cases (DaftarDb   *db,
                     const char *office)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = ingest (db, office, "k1", &error,
               case_upsert ("K1", office, "qxz", "زهرا احمدی", "registered"),
               case_upsert ("K2", office, "wvj", "علی رضایی", "registered"),
               case_upsert ("K3", office, "kpf", "حسن نوری", "registered"),
               case_upsert ("K4", office, "ybg", "نرگس پاکزاد", "registered"),
               case_upsert ("K5", office, "zmh", "رضا جلالی", "registered"),
               NULL);
  g_assert_no_error (error);
  g_assert_true (ok);
}

/* Renames K1, deletes K2 and adds K8, then a ticket that the test's own
 * trigger may refuse (id BOOM), after the cases are written. */
static gboolean
ingest_page_ending_in_boom (DaftarDb    *db,
                            const char  *office,
                            GError     **error)
{
  return ingest (db, office, "k2", error,
                 case_upsert ("K1", office, "jdq", "مریم کاظمی", "sent"),
                 case_delete ("K2"),
                 case_upsert ("K8", office, "jdq", "کاوه آهنگر", "sent"),
                 g_strdup_printf ("{\"entity\": \"ticket\", \"op\": \"upsert\", \"data\": {\"id\": \"BOOM\", "
                                  "\"office_code\": \"%s\", \"service\": \"brief\", "
                                  "\"issued_at\": \"2025-02-20T09:00:00+03:30\", \"outcome\": \"waiting\"}}", office),
                 NULL);
}

static DaftarDb *
demo_db (guint    n_offices,
         guint    n_days,
         guint    page_size,
         char   **out_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarDemo) demo = NULL;
  DaftarDb *db = daftar_test_db_new (out_dir);
  GDate day;

  last_day (&day);
  demo = daftar_demo_new (SEED, n_offices, n_days, &day);
  g_assert_true (daftar_demo_fill_database (demo, db, page_size, NULL, &error));
  g_assert_no_error (error);
  return db;
}

static char *
first_office (DaftarDb *db)
{
  return query_text (db, "SELECT code FROM offices ORDER BY code LIMIT 1", NULL);
}

/* Many pages of demo data, two offices. */
static void
test_demo_pages (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = demo_db (2, 20, 300, &dir);

  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM cases"), >, 600);
  assert_index_exact (db);

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A page that renames, re-sends unchanged, deletes, deletes and brings
 * back, and changes twice the office's cases, and adds one it removes
 * again: the index ends as the rows end, whatever happened in between. */
static void
test_changed_text (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = demo_db (1, 12, 500, &dir);
  g_autofree char *office = first_office (db);
  g_autoptr(GError) error = NULL;
  gboolean ok;
  g_autofree char *k1 = NULL;
  g_autofree char *k2 = NULL;
  gint64 k4_before;

  ingest_marked_cases (db, office);
  assert_index_exact (db);
  k4_before = rowid_of (db, "K4");

  ok = ingest (db, office, "k2", &error,
               case_upsert ("K1", office, "jdq", "زهرا احمدی", "registered"),
               case_upsert ("K2", office, "wvj", "علی رضایی", "closed"),
               case_delete ("K3"),
               case_delete ("K4"),
               case_upsert ("K4", office, "ybg", "نرگس پاکزاد", "sent"),
               case_upsert ("K5", office, "kpf", "رضا جلالی", "registered"),
               case_upsert ("K5", office, "qxz ybg", "رضا جلالی", "sent"),
               case_upsert ("K6", office, "wvj", "سیما دلاوری", "registered"),
               case_delete ("K6"),
               NULL);
  g_assert_no_error (error);
  g_assert_true (ok);

  assert_index_exact (db);
  /* K4 came back as a new row; K1's old word and K3 are gone. */
  g_assert_cmpint (rowid_of (db, "K4"), !=, k4_before);
  g_assert_cmpint (rowid_of (db, "K3"), ==, -1);
  k1 = indexed_rowids (db, "jdq");
  g_assert_cmpint (g_ascii_strtoll (k1, NULL, 10), ==, rowid_of (db, "K1"));
  k2 = indexed_rowids (db, "wvj");
  g_assert_cmpint (g_ascii_strtoll (k2, NULL, 10), ==, rowid_of (db, "K2"));
  g_assert_null (strchr (k2, ','));

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A page refused whole, and one that fails in the database after writing
 * cases, leave the index as it was; the same page then applies cleanly. */
static void
test_refused_page (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = demo_db (1, 12, 500, &dir);
  g_autofree char *office = first_office (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) wrong_protocol = NULL;
  g_autofree char *data_before = NULL;
  g_autofree char *idx_before = NULL;
  g_autofree char *cases_before = NULL;
  g_autofree char *data_after = NULL;
  g_autofree char *idx_after = NULL;
  g_autofree char *cases_after = NULL;
  g_autofree char *k9 = NULL;
  g_autofree char *json = NULL;
  DaftarIngestResult result;

  ingest_marked_cases (db, office);
  data_before = daftar_test_table_checksum (db, "cases_search_data");
  idx_before = daftar_test_table_checksum (db, "cases_search_idx");
  cases_before = daftar_test_table_checksum (db, "cases");

  k9 = case_upsert ("K9", office, "jdq", "", "sent");
  json = g_strdup_printf ("{\"protocol\": 2, \"office\": \"%s\", \"cursor\": \"x\", \"has_more\": false, "
                          "\"changes\": [%s]}", office, k9);
  wrong_protocol = daftar_test_parse_object (json);
  g_assert_false (daftar_ingest_page (db, office, wrong_protocol, &result, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* The last change fails after the page has written cases. */
  g_assert_true (daftar_db_exec (db, "CREATE TEMP TRIGGER refuse_ticket BEFORE INSERT ON main.tickets "
                                     "WHEN new.id = 'BOOM' BEGIN SELECT RAISE (ABORT, 'refused'); END", &error));
  g_assert_no_error (error);
  g_assert_false (ingest_page_ending_in_boom (db, office, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  data_after = daftar_test_table_checksum (db, "cases_search_data");
  idx_after = daftar_test_table_checksum (db, "cases_search_idx");
  cases_after = daftar_test_table_checksum (db, "cases");
  g_assert_cmpstr (data_after, ==, data_before);
  g_assert_cmpstr (idx_after, ==, idx_before);
  g_assert_cmpstr (cases_after, ==, cases_before);
  assert_index_exact (db);

  g_assert_true (daftar_db_exec (db, "DROP TRIGGER temp.refuse_ticket", &error));
  g_assert_no_error (error);
  g_assert_true (ingest_page_ending_in_boom (db, office, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rowid_of (db, "K2"), ==, -1);
  assert_index_exact (db);

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A resync swap replaces one office's rows with a fresh copy that has
 * fewer: the removed ones leave the index, the other office's stay. */
static void
test_resync_swap (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = demo_db (2, 16, 500, &dir);
  g_autoptr(DaftarDemo) fresh_demo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *side_path = daftar_sync_side_path (daftar_db_get_path (db));
  g_autofree char *office = first_office (db);
  g_autofree char *count_office = g_strdup_printf ("SELECT count(*) FROM cases WHERE office_code = '%s'", office);
  g_autofree char *count_others = g_strdup_printf ("SELECT count(*) FROM cases WHERE office_code <> '%s'", office);
  DaftarDb *side;
  gint64 office_before, others_before;
  GDate day;

  ingest_marked_cases (db, office);
  office_before = daftar_test_count (db, count_office);
  others_before = daftar_test_count (db, count_others);
  g_assert_cmpint (others_before, >, 0);

  /* The server's fresh copy: the same offices, only the last six days. */
  last_day (&day);
  fresh_demo = daftar_demo_new (SEED, 2, 6, &day);
  side = daftar_db_open (side_path, &error);
  g_assert_no_error (error);
  g_assert_true (daftar_demo_fill_database (fresh_demo, side, 500, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (daftar_test_count (side, count_office), >, 0);
  daftar_db_close (side);

  g_assert_nonnull (daftar_sync_swap_job (db, office, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (daftar_test_count (db, count_office), <, office_before);
  g_assert_cmpint (daftar_test_count (db, count_others), ==, others_before);
  g_assert_cmpint (rowid_of (db, "K1"), ==, -1);
  assert_index_exact (db);

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The demo database is emptied and filled again when its span changes. */
static void
test_demo_reset (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autoptr(GError) error = NULL;
  GDate day;

  last_day (&day);
  g_assert_true (daftar_demo_setup_database (db, 1, 10, &day, NULL, &error));
  g_assert_no_error (error);
  assert_index_exact (db);
  g_date_subtract_days (&day, 3);
  g_assert_true (daftar_demo_setup_database (db, 1, 6, &day, NULL, &error));
  g_assert_no_error (error);
  assert_index_exact (db);

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A file of schema v4 — the index kept row by row by the v2 triggers —
 * opens with the index as it was and the new triggers; after that, pages
 * keep it exact, and so does a write from outside the program once the
 * queue is applied. */
static void
test_migrate_from_v4 (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = demo_db (1, 12, 500, &dir);
  g_autofree char *path = g_strdup (daftar_db_get_path (db));
  g_autofree char *office = first_office (db);
  g_autoptr(GError) error = NULL;
  gboolean ok;
  g_autofree char *k5 = NULL;

  ingest_marked_cases (db, office);
  g_assert_true (daftar_db_exec (db,
    "DROP TABLE cases_search_queue;"
    "DROP TRIGGER cases_search_insert; DROP TRIGGER cases_search_delete; DROP TRIGGER cases_search_update;"
    "CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN"
    "  INSERT INTO cases_search (rowid, search_key) VALUES (new.rowid, new.search_key);"
    "END;"
    "CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN"
    "  INSERT INTO cases_search (cases_search, rowid, search_key) VALUES ('delete', old.rowid, old.search_key);"
    "END;"
    "CREATE TRIGGER cases_search_update AFTER UPDATE OF search_key ON cases BEGIN"
    "  INSERT INTO cases_search (cases_search, rowid, search_key) VALUES ('delete', old.rowid, old.search_key);"
    "  INSERT INTO cases_search (rowid, search_key) VALUES (new.rowid, new.search_key);"
    "END;"
    "PRAGMA user_version = 4;", &error));
  g_assert_no_error (error);
  /* What a v4 program writes, its triggers index. */
  g_assert_true (daftar_db_exec (db,
    "INSERT INTO cases (id, office_code, kind, filed_at, shift, status, search_key) "
    "  VALUES ('K7', (SELECT code FROM offices LIMIT 1), 'other', 0, 'morning', 'closed', 'k7 jdq');"
    "UPDATE cases SET search_key = 'k1 ybg' WHERE id = 'K1';"
    "DELETE FROM cases WHERE id = 'K2';", &error));
  g_assert_no_error (error);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM sqlite_master WHERE name = 'cases_search_queue'"), ==, 0);
  g_clear_pointer (&db, daftar_db_close);

  db = daftar_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (daftar_db_get_schema_version (db), ==, daftar_db_get_latest_version ());
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                          "AND tbl_name = 'cases' AND sql LIKE '%cases_search_queue%'"), ==, 3);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                          "AND sql LIKE '%INTO cases_search %'"), ==, 0);
  assert_index_exact (db);

  ok = ingest (db, office, "k3", &error,
               case_upsert ("K1", office, "wvj", "زهرا احمدی", "sent"),
               case_upsert ("K3", office, "jdq", "حسن نوری", "sent"),
               case_delete ("K7"),
               NULL);
  g_assert_no_error (error);
  g_assert_true (ok);
  assert_index_exact (db);

  /* A write from elsewhere waits in the queue: the index still has the
   * old key until it is applied. */
  g_assert_true (daftar_db_exec (db, "UPDATE cases SET search_key = 'k5 kpf' WHERE id = 'K5'", &error));
  g_assert_no_error (error);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM cases_search_queue"), ==, 1);
  k5 = indexed_rowids (db, "zmh");
  g_assert_cmpint (g_ascii_strtoll (k5, NULL, 10), ==, rowid_of (db, "K5"));
  g_assert_true (daftar_db_begin (db, &error));
  g_assert_true (daftar_case_search_index_apply (db, &error));
  g_assert_true (daftar_db_commit (db, &error));
  g_assert_no_error (error);
  assert_index_exact (db);
  g_clear_pointer (&k5, g_free);
  k5 = indexed_rowids (db, "zmh");
  g_assert_cmpstr (k5, ==, "");

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/case-search-index/demo-pages", test_demo_pages);
  g_test_add_func ("/case-search-index/changed-text", test_changed_text);
  g_test_add_func ("/case-search-index/refused-page", test_refused_page);
  g_test_add_func ("/case-search-index/resync-swap", test_resync_swap);
  g_test_add_func ("/case-search-index/demo-reset", test_demo_reset);
  g_test_add_func ("/case-search-index/migrate-from-v4", test_migrate_from_v4);
  return g_test_run ();
}
