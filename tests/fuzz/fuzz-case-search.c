/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-case-search.c: the case list's search — a query typed against cases of fuzzed text, found alike by a scan, through the trigram index, and by a plain substring test. */
#define G_LOG_DOMAIN "daftar-fuzz"

#include "config.h"

#include <string.h>

#include "daftar-case-list-private.h"
#include "daftar-ingest.h"
#include "daftar-text.h"
#include "fuzz-common.h"

#define OFFICE "FZ-OFF-01"
#define MAX_CASES 6

/* The input's lines after the first as the client names of up to
 * MAX_CASES cases, one page for ingest. */
static JsonObject *
cases_page (const uint8_t *data,
            size_t         size)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "protocol");
  json_builder_add_int_value (b, DAFTAR_PROTOCOL_VERSION);
  json_builder_set_member_name (b, "office");
  json_builder_add_string_value (b, OFFICE);
  json_builder_set_member_name (b, "cursor");
  json_builder_add_string_value (b, "fuzz-1");
  json_builder_set_member_name (b, "has_more");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_set_member_name (b, "changes");
  json_builder_begin_array (b);
  for (int i = 0; i < MAX_CASES && size > 0; i++)
    {
      g_autofree char *line = fuzz_take_line (&data, &size);
      g_autofree char *name = g_utf8_make_valid (line, -1);
      g_autofree char *id = g_strdup_printf ("FZ-C%d", i);
      g_autofree char *filed_at = g_strdup_printf ("2025-02-%02dT09:%02d:00+03:30", 1 + i % 3, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "entity");
      json_builder_add_string_value (b, "case");
      json_builder_set_member_name (b, "op");
      json_builder_add_string_value (b, "upsert");
      json_builder_set_member_name (b, "data");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, id);
      json_builder_set_member_name (b, "office_code");
      json_builder_add_string_value (b, OFFICE);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, "petition");
      json_builder_set_member_name (b, "filed_at");
      json_builder_add_string_value (b, filed_at);
      json_builder_set_member_name (b, "shift");
      json_builder_add_string_value (b, "morning");
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, "sent");
      json_builder_set_member_name (b, "client_name");
      json_builder_add_string_value (b, name);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_object_ref (json_node_get_object (root));
}

/* The matches of @key by @route, in the list's order (newest first). */
static GArray *
search (DaftarDb            *db,
        const char          *key,
        DaftarCaseListRoute  route)
{
  g_autoptr(GError) error = NULL;
  DaftarCaseListQuery q = {
    .from = G_MININT64,
    .to = G_MAXINT64,
    .key = (char *) key,
    .route = route,
    .descending = TRUE,
    .page_size = 50,
    .stretch = G_MAXINT32,   /* one stretch: the whole scope */
    .trigram_at_most = 0,
    .job = DAFTAR_CASE_LIST_JOB_FIRST,
    .wanted = 0,             /* every match, not just page 0's */
  };
  DaftarCaseListPage *page;
  GArray *rowids;

  g_date_clear (&q.first_day, 1);
  g_date_clear (&q.last_day, 1);
  page = daftar_case_list_page_job (db, &q, NULL, &error);
  fuzz_check (page != NULL, "searching “%s”: %s", key, error->message);
  fuzz_check (page->complete, "searching “%s” by route %d did not finish in one job", key, route);
  rowids = g_steal_pointer (&page->rowids);
  daftar_case_list_page_free (page);
  return rowids;
}

static void
check_same (GArray     *found,
            GArray     *expected,
            const char *key,
            const char *how)
{
  fuzz_check (found->len == expected->len, "“%s”: %u matches %s, %u expected", key, found->len, how, expected->len);
  fuzz_check (found->len == 0 || memcmp (found->data, expected->data, found->len * sizeof (gint64)) == 0,
              "“%s”: other matches %s than expected", key, how);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  fuzz_db_get ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  DaftarDb *db = fuzz_db_get ();
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = fuzz_take_line (&data, &size);
  g_autofree char *key = daftar_text_search_key (typed);
  g_autoptr(JsonObject) page = NULL;
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) scanned = NULL;
  g_autoptr(GArray) looked_up = NULL;
  DaftarIngestResult result = { 0 };
  sqlite3_stmt *stmt;

  /* An empty key is no search: the list shows every case. */
  if (key == NULL || *key == '\0')
    return 0;

  fuzz_db_reset ();
  page = cases_page (data, size);
  fuzz_check (daftar_ingest_page (db, OFFICE, page, &result, &error), "%s", error->message);
  daftar_ingest_result_clear (&result);

  /* What a match is: the folded key within the case's stored key. */
  stmt = daftar_db_prepare (db, "SELECT rowid, search_key FROM cases ORDER BY filed_at DESC, rowid DESC", &error);
  fuzz_check (stmt != NULL, "%s", error->message);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (strstr ((const char *) sqlite3_column_text (stmt, 1), key) != NULL)
      {
        gint64 rowid = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (expected, rowid);
      }
  sqlite3_reset (stmt);

  scanned = search (db, key, DAFTAR_CASE_LIST_ROUTE_SCAN);
  check_same (scanned, expected, key, "by a scan");
  /* The index holds trigrams: a key of fewer characters is always scanned. */
  if (g_utf8_strlen (key, -1) >= 3)
    {
      looked_up = search (db, key, DAFTAR_CASE_LIST_ROUTE_TRIGRAMS);
      check_same (looked_up, expected, key, "through the trigram index");
    }
  return 0;
}
