/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-hostile-pages.c: the sync client against a server whose pages are not strict JSON, pass a page's limits or carry text a terminal would obey — each refused whole, cleanly, with nothing applied. */
#include "config.h"

#include <libsoup/soup.h>

#include "test-sync-common.h"

#define CASE_AT "\"kind\":\"petition\",\"filed_at\":\"2025-02-27T09:12:00+03:30\",\"shift\":\"morning\",\"status\":\"sent\""
/* Deep enough to overflow json-glib's recursive parser on any stack. */
#define CRASH_DEPTH 1000000
#define MAX_CHANGES 50000
#define MAX_REJECTS 1000
/* Text a terminal would obey: clear the screen, ring, a C1 CSI, bidi overrides. */
#define HOSTILE_JSON "\\u001b[2J\\u0007\\u009b31m\\u202eEVIL\\u2066"
#define HOSTILE_RAW "\x1b[2J\x07\xc2\x9b" "31m\xe2\x80\xae" "EVIL\xe2\x81\xa6"

typedef enum {
  MODE_GOOD, MODE_COMMENT_DEEP, MODE_QUOTE_DEEP, MODE_COMMENT_NUL, MODE_MOST_CHANGES,
  MODE_TOO_MANY_CHANGES, MODE_MOST_REJECTS, MODE_TOO_MANY_REJECTS, MODE_OFFICE_TEXT,
  MODE_TYPE_TEXT, MODE_ENCODING_TEXT, MODE_REDIRECT_TEXT,
} Mode;

typedef struct {
  char             *dir;
  char             *path;
  SoupServer       *server;
  DaftarDbWorker   *worker;
  DaftarSyncClient *client;
  GCancellable     *cancellable;
  Mode              mode;
  guint             serial;   /* good pages served, for fresh ids and cursors */
} Fixture;

static char *
page_json (const char *office,
           const char *cursor,
           const char *changes)
{
  return g_strdup_printf ("{\"protocol\":1,\"office\":\"%s\",\"cursor\":\"%s\",\"has_more\":false,\"changes\":[%s]}",
                          office, cursor, changes);
}

static char *
case_json (const char *id,
           const char *extra)
{
  return g_strdup_printf ("{\"entity\":\"case\",\"op\":\"upsert\",\"data\":{\"id\":\"%s\",\"office_code\":\"%s\","
                          CASE_AT "%s}}", id, test_sync_office (), extra);
}

/* @n_bad cases of a kind that does not exist, then one good one. */
static char *
rejects_json (guint n_bad)
{
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autofree char *good = case_json ("HOSTILE-AFTER-REJECTS", "");

  for (guint i = 0; i < n_bad; i++)
    g_string_append_printf (changes, "{\"entity\":\"case\",\"op\":\"upsert\",\"data\":{\"id\":\"HOSTILE-BAD-%u\","
                            "\"office_code\":\"%s\",\"kind\":\"no-such-kind\",\"filed_at\":\"2025-02-27T09:12:00+03:30\","
                            "\"shift\":\"morning\",\"status\":\"sent\"}},", i, test_sync_office ());
  g_string_append (changes, good);
  return page_json (test_sync_office (), n_bad > MAX_REJECTS ? "too-many-rejects" : "most-rejects", changes->str);
}

static char *
deletes_json (guint n)
{
  g_autoptr(GString) changes = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (changes, "%s{\"entity\":\"case\",\"op\":\"delete\",\"id\":\"NO-SUCH-%u\"}", i ? "," : "", i);
  return page_json (test_sync_office (), n > MAX_CHANGES ? "too-many-changes" : "most-changes", changes->str);
}

/* A page whose "changes" holds @depth nested arrays, after @trick. */
static GString *
deep_json (const char *trick)
{
  GString *s = g_string_sized_new (2 * CRASH_DEPTH + 256);

  g_string_append_printf (s, "{\"protocol\":1,\"office\":\"%s\",\"cursor\":\"deep\",\"has_more\":false,%s\"changes\":[",
                          test_sync_office (), trick);
  for (guint i = 0; i < CRASH_DEPTH; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < CRASH_DEPTH; i++)
    g_string_append_c (s, ']');
  g_string_append (s, "]}");
  return s;
}

static void
reply (SoupServerMessage *msg,
       const char        *content_type,
       char              *body,   /* owned */
       gsize              len)
{
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_TAKE, body, len);
}

static void
reply_page (SoupServerMessage *msg,
            char              *json)   /* owned */
{
  reply (msg, "application/json", json, strlen (json));
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Fixture *f = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  switch (f->mode)
    {
    case MODE_GOOD:
      {
        g_autofree char *id = g_strdup_printf ("HOSTILE-GOOD-%u", ++f->serial);
        g_autofree char *cursor = g_strdup_printf ("good-%u", f->serial);
        g_autofree char *change = case_json (id, "");
        reply_page (msg, page_json (test_sync_office (), cursor, change));
        return;
      }
    case MODE_COMMENT_DEEP:
    case MODE_QUOTE_DEEP:
      {
        /* What the scan before took for the start of a string. */
        GString *deep = deep_json (f->mode == MODE_COMMENT_DEEP ? "/* \" */" : "\"q\":'\"',");
        gsize len = deep->len;
        reply (msg, "application/json", g_string_free (deep, FALSE), len);
        return;
      }
    case MODE_COMMENT_NUL:
      {
        g_autofree char *change = case_json ("HOSTILE-NUL", ",\"client_name\":\"AAA\\u0000BBB\"");
        g_autofree char *changes = g_strdup_printf ("/* \" */%s", change);
        reply_page (msg, page_json (test_sync_office (), "comment-nul", changes));
        return;
      }
    case MODE_MOST_CHANGES:
    case MODE_TOO_MANY_CHANGES:
      reply_page (msg, deletes_json (f->mode == MODE_MOST_CHANGES ? MAX_CHANGES : MAX_CHANGES + 1));
      return;
    case MODE_MOST_REJECTS:
    case MODE_TOO_MANY_REJECTS:
      reply_page (msg, rejects_json (f->mode == MODE_MOST_REJECTS ? MAX_REJECTS : MAX_REJECTS + 1));
      return;
    case MODE_OFFICE_TEXT:
      {
        g_autofree char *change = case_json ("HOSTILE-OFFICE", "");
        reply_page (msg, page_json (HOSTILE_JSON, "office-text", change));
        return;
      }
    case MODE_TYPE_TEXT:
      reply (msg, "text/" HOSTILE_RAW, g_strdup ("<html></html>"), 13);
      return;
    case MODE_ENCODING_TEXT:
      soup_message_headers_replace (headers, "Content-Encoding", "x-" HOSTILE_RAW);
      reply (msg, "application/json", g_strdup (""), 0);
      return;
    case MODE_REDIRECT_TEXT:
      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "http://192.0.2.7:9/" HOSTILE_RAW);
      return;
    default:
      g_assert_not_reached ();
    }
}

static DaftarSyncSummary *
run (Fixture  *f,
     Mode      mode,
     GError  **error)
{
  f->mode = mode;
  return test_sync_run (f->client, f->cancellable, error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autofree char *url = NULL;

  f->dir = daftar_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "daftar.db", NULL);
  f->cancellable = g_cancellable_new ();
  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, handler, f, NULL);
  g_assert_true (soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  url = g_uri_to_string (uris->data);

  f->worker = daftar_db_worker_new (f->path);
  f->client = daftar_sync_client_new (f->worker, url, test_sync_office ());
  daftar_sync_client_set_token (f->client, TEST_TOKEN);
  daftar_sync_client_set_retry_base_ms (f->client, 1);

  /* One good page first, so every refusal below has data and a cursor to keep. */
  summary = run (f, MODE_GOOD, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary->cursor, ==, "good-1");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->client);
  test_sync_worker_free (g_steal_pointer (&f->worker));
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_clear_object (&f->cancellable);
  g_free (f->path);
  daftar_test_tmpdir_free (f->dir);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  sqlite3 *handle = test_sync_open_readonly (f->path);
  gint64 n = test_sync_query_int (handle, sql);

  sqlite3_close (handle);
  return n;
}

/* No control character, no bidi control, valid UTF-8, not long. */
static void
assert_clean (const char *message)
{
  g_assert_true (g_utf8_validate (message, -1, NULL));
  g_assert_cmpuint (strlen (message), <, 1024);
  for (const char *p = message; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar u = g_utf8_get_char (p);

      g_assert_false (u < 0x20 || (u >= 0x7f && u < 0xa0));
      g_assert_false ((u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069));
    }
}

/* The message of the last sync_log row. */
static char *
logged_message (Fixture *f)
{
  sqlite3 *handle = test_sync_open_readonly (f->path);
  sqlite3_stmt *stmt = NULL;
  char *message;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT message FROM sync_log ORDER BY id DESC LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  message = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return message;
}

/* One run under @mode ends with @code and a clean message holding @says;
 * no data, reject or cursor changes; a good run afterwards works. */
static void
assert_refused (Fixture         *f,
                Mode             mode,
                DaftarSyncError  code,
                const char      *says)
{
  g_autofree char *before = test_sync_checksums (f->path);
  g_autofree char *cursor_before = test_sync_stored_cursor (f->worker);
  gint64 rejects_before = count (f, "SELECT count(*) FROM sync_rejects");
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(DaftarSyncSummary) good = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *cursor_after = NULL;
  g_autofree char *logged = NULL;

  summary = run (f, mode, &error);
  g_assert_null (summary);
  g_assert_nonnull (error);
  g_test_message ("mode %d: %s: %s", mode, daftar_sync_error_nick (error->code), error->message);
  g_assert_error (error, DAFTAR_SYNC_ERROR, (gint) code);
  g_assert_nonnull (strstr (error->message, says));
  assert_clean (error->message);
  logged = logged_message (f);
  g_assert_cmpstr (logged, ==, error->message);

  after = test_sync_checksums (f->path);
  g_assert_cmpstr (after, ==, before);
  cursor_after = test_sync_stored_cursor (f->worker);
  g_assert_cmpstr (cursor_after, ==, cursor_before);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_rejects"), ==, rejects_before);
  test_sync_assert_integrity (f->path);

  g_clear_error (&error);
  good = run (f, MODE_GOOD, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (good->records, ==, 1);
}

static void
test_comment_then_deep (Fixture *f, gconstpointer data)
{
  /* Before, json-glib recursed a million levels and the process died. */
  assert_refused (f, MODE_COMMENT_DEEP, DAFTAR_SYNC_ERROR_BAD_PAGE, "a comment");
  assert_refused (f, MODE_QUOTE_DEEP, DAFTAR_SYNC_ERROR_BAD_PAGE, "single quotes");
}

static void
test_nul_after_comment (Fixture *f, gconstpointer data)
{
  /* Before, "AAA\u0000BBB" was stored as "AAA". */
  assert_refused (f, MODE_COMMENT_NUL, DAFTAR_SYNC_ERROR_BAD_PAGE, "a comment");
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE id = 'HOSTILE-NUL'"), ==, 0);
}

static void
test_changes (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  assert_refused (f, MODE_TOO_MANY_CHANGES, DAFTAR_SYNC_ERROR_BAD_PAGE, "more than 50,000 changes");

  summary = run (f, MODE_MOST_CHANGES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->records, ==, MAX_CHANGES);
  g_assert_cmpstr (summary->cursor, ==, "most-changes");
}

static void
test_rejects (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  /* A page that is mostly refuse is refused whole, rejects and all. */
  assert_refused (f, MODE_TOO_MANY_REJECTS, DAFTAR_SYNC_ERROR_BAD_PAGE, "more than 1,000 of its records are not valid");
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE id = 'HOSTILE-AFTER-REJECTS'"), ==, 0);

  summary = run (f, MODE_MOST_REJECTS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->rejected, ==, MAX_REJECTS);
  g_assert_cmpuint (summary->records, ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE id = 'HOSTILE-AFTER-REJECTS'"), ==, 1);
}

static void
test_server_text (Fixture *f, gconstpointer data)
{
  /* The page's office, a content type, a content encoding and a redirect
   * target reach the message only as printable text. */
  assert_refused (f, MODE_OFFICE_TEXT, DAFTAR_SYNC_ERROR_BAD_PAGE, "EVIL");
  assert_refused (f, MODE_TYPE_TEXT, DAFTAR_SYNC_ERROR_BAD_PAGE, "instead of JSON");
  assert_refused (f, MODE_ENCODING_TEXT, DAFTAR_SYNC_ERROR_BAD_PAGE, "could not be decompressed");
  assert_refused (f, MODE_REDIRECT_TEXT, DAFTAR_SYNC_ERROR_INSECURE, "another server");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/sync/hostile-pages/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("comment-then-deep", test_comment_then_deep);
  ADD ("nul-after-comment", test_nul_after_comment);
  ADD ("changes", test_changes);
  ADD ("rejects", test_rejects);
  ADD ("server-text", test_server_text);
  return g_test_run ();
}
