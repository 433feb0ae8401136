/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-page.c: a page from a hostile central server, through everything the sync client does with a body — scan, parse, cursor checks, record validation, ingest. */
#define G_LOG_DOMAIN "daftar-fuzz"

#include "config.h"

#include <string.h>

#include "daftar-sync-private.h"
#include "daftar-time.h"
#include "fuzz-common.h"

/* The office the demo server's first office has, so that its real pages
 * (corpus/page/demo-*) are applied rather than refused as another's. */
#define OFFICE "YZ-ABK-01"

static char *empty_digest;

/* Every row of every table, in a digest: a refused page must leave the
 * database exactly as it was. */
static char *
database_digest (DaftarDb *db)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *handle = daftar_db_get_handle (db);
  sqlite3_stmt *stmt = NULL;

  fuzz_check (sqlite3_prepare_v2 (handle, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                  "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
                                  -1, &stmt, NULL) == SQLITE_OK, "%s", sqlite3_errmsg (handle));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) tables->pdata[i]);
      int rc;

      g_checksum_update (checksum, (const guchar *) sql, -1);
      fuzz_check (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK, "%s", sqlite3_errmsg (handle));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            char type = '0' + sqlite3_column_type (stmt, c);
            const void *blob = sqlite3_column_blob (stmt, c);

            g_checksum_update (checksum, (const guchar *) &type, 1);
            if (blob != NULL)
              g_checksum_update (checksum, blob, sqlite3_column_bytes (stmt, c));
          }
      fuzz_check (rc == SQLITE_DONE, "%s: %s", sql, sqlite3_errmsg (handle));
      sqlite3_finalize (stmt);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static void
check_integrity (DaftarDb *db)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *handle = daftar_db_get_handle (db);

  fuzz_check (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK,
              "%s", sqlite3_errmsg (handle));
  fuzz_check (sqlite3_step (stmt) == SQLITE_ROW, "%s", sqlite3_errmsg (handle));
  fuzz_check (g_str_equal ((const char *) sqlite3_column_text (stmt, 0), "ok"),
              "%s", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  /* The search index holds exactly the cases' keys. */
  fuzz_check (daftar_db_exec (db, "INSERT INTO cases_search (cases_search) VALUES ('integrity-check')", &error),
              "%s", error->message);
}

/* Every office's rollups count what its base tables hold. */
static void
check_rollups (DaftarDb *db)
{
  static const char * const mismatch_sql[] = {
    "SELECT count(*) FROM (SELECT office_code FROM cases UNION SELECT office_code FROM daily_cases "
    "WHERE office_code != '') o WHERE (SELECT count(*) FROM cases c WHERE c.office_code = o.office_code) "
    "!= (SELECT coalesce(sum(n), 0) FROM daily_cases d WHERE d.office_code = o.office_code) "
    "OR (SELECT count(*) FROM cases c WHERE c.office_code = o.office_code) "
    "!= (SELECT coalesce(sum(n), 0) FROM monthly_cases m WHERE m.office_code = o.office_code)",
    "SELECT count(*) FROM (SELECT office_code FROM tickets UNION SELECT office_code FROM daily_tickets "
    "WHERE office_code != '') o WHERE (SELECT count(*) FROM tickets t WHERE t.office_code = o.office_code) "
    "!= (SELECT coalesce(sum(issued), 0) FROM daily_tickets d WHERE d.office_code = o.office_code)",
    "SELECT count(*) FROM (SELECT office_code FROM notices UNION SELECT office_code FROM daily_notices "
    "WHERE office_code != '') o WHERE (SELECT count(*) FROM notices n WHERE n.office_code = o.office_code) "
    "!= (SELECT coalesce(sum(issued), 0) FROM daily_notices d WHERE d.office_code = o.office_code)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (mismatch_sql); i++)
    fuzz_check (fuzz_db_query_int (db, mismatch_sql[i]) == 0, "rollups out of step with the records: %s",
                mismatch_sql[i]);
}

static void
check_message (const GError *error,
               const char   *what)
{
  fuzz_check (error != NULL, "%s failed without an error", what);
  fuzz_check (error->message != NULL && error->message[0] != '\0', "%s failed with an empty message", what);
  fuzz_check (fuzz_text_is_printable (error->message),
              "%s: its message is not printable: %s", what, error->message);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  empty_digest = database_digest (fuzz_db_get ());
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  DaftarDb *db = fuzz_db_get ();
  g_autoptr(GError) error = NULL;
  DaftarSyncBody body = {
    .office = (char *) OFFICE,
    .body = g_bytes_new (data, size),
    .content_type = (char *) "application/json",
  };
  DaftarSyncPage *page;
  DaftarIngestResult *result;

  fuzz_db_reset ();
  page = daftar_sync_parse_page (&body, &error);
  g_bytes_unref (body.body);
  if (page == NULL)
    {
      check_message (error, "the parse");
      return 0;
    }
  fuzz_check (error == NULL, "the parse succeeded with an error: %s", error->message);

  result = daftar_sync_ingest_job (db, page, NULL, &error);
  fuzz_check (sqlite3_get_autocommit (daftar_db_get_handle (db)), "%s", "ingest left a transaction open");
  if (result == NULL)
    {
      g_autofree char *digest = database_digest (db);

      check_message (error, "ingest");
      fuzz_check (g_str_equal (digest, empty_digest), "a refused page changed the database: %s", error->message);
    }
  else
    {
      g_autofree char *stored = daftar_ingest_get_cursor (db, OFFICE, &error);
      JsonNode *changes = json_object_get_member (json_node_get_object (page->root), "changes");

      fuzz_check (error == NULL, "%s", error->message);
      fuzz_check (g_strcmp0 (stored, result->cursor) == 0, "stored cursor %s, page's %s", stored, result->cursor);
      fuzz_check (changes != NULL && JSON_NODE_HOLDS_ARRAY (changes), "%s", "an applied page without changes");
      fuzz_check (result->upserted + result->deleted + result->rejected ==
                  json_array_get_length (json_node_get_array (changes)) + (page->rejects ? page->rejects->len : 0),
                  "%u upserted, %u deleted, %u rejected of %u changes", result->upserted, result->deleted,
                  result->rejected, json_array_get_length (json_node_get_array (changes)));
      check_rollups (db);
      daftar_sync_ingest_result_free (result);
    }
  check_integrity (db);
  daftar_sync_page_free (page);
  return 0;
}
