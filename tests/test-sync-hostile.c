/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-hostile.c: the sync client against a scripted server that breaks the protocol — every run ends, refuses cleanly and leaves the data whole. */
#include "config.h"

#include <stdlib.h>
#include <libsoup/soup.h>

#include "test-sync-common.h"

/* A run that does not stop would ask forever: past this many requests the
 * server cancels it and fails the test, so a bug cannot hang the suite. */
#define RUNAWAY_REQUESTS 400
#define CASE_AT "\"kind\":\"petition\",\"filed_at\":\"2025-02-27T09:12:00+03:30\",\"shift\":\"morning\",\"status\":\"sent\""

typedef enum {
  MODE_GOOD, MODE_SAME_CURSOR, MODE_EMPTY_FOREVER, MODE_HTML, MODE_TEXT_PLAIN, MODE_EMPTY_BODY,
  MODE_NO_CONTENT, MODE_BAD_GZIP, MODE_GZIP_BOMB, MODE_REDIRECT_HTTP, MODE_REDIRECT_HTTPS_ELSEWHERE,
  MODE_REDIRECT_LOOP, MODE_REDIRECT_SAME, MODE_SILENT, MODE_STALL_BODY, MODE_TRICKLE,
  MODE_DEEP, MODE_DEEP_IN_RECORD, MODE_BAD_RECORDS, MODE_LONG_CURSOR, MODE_CONTROL_CURSOR,
  MODE_OTHER_OFFICE, MODE_RETRY_DATE, MODE_RETRY_HUGE, MODE_RETRY_GARBAGE, MODE_ERROR_500,
  MODE_429_BARE, MODE_LYING_LENGTH, MODE_ENDLESS_CHUNKS, MODE_DUPLICATES, MODE_ARRAY_ROOT,
  MODE_TRAILING_GARBAGE, MODE_BOM,
} Mode;

typedef struct {
  char                *dir;
  char                *path;
  char                *url;
  SoupServer          *server;
  DaftarDbWorker      *worker;
  DaftarSyncClient    *client;
  GCancellable        *cancellable;
  Mode                 mode;
  guint                requests;
  guint                serial;    /* good pages served, for fresh ids and cursors */
  GPtrArray           *delays;    /* "next in N ms" of the client's debug log */
} Fixture;

static Fixture *current;

static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (current != NULL && g_str_equal (fields[i].key, "MESSAGE"))
      {
        const char *next = strstr (fields[i].value, "; next in ");
        if (next != NULL)
          g_ptr_array_add (current->delays, GUINT_TO_POINTER (atoi (next + 10)));
      }
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

static char *
page_json (const char *office,
           const char *cursor_json,
           gboolean    has_more,
           const char *changes)
{
  return g_strdup_printf ("{\"protocol\":1,\"office\":\"%s\",\"cursor\":%s,\"has_more\":%s,\"changes\":[%s]}",
                          office, cursor_json, has_more ? "true" : "false", changes);
}

static char *
case_json (const char *id_json,
           const char *extra)
{
  return g_strdup_printf ("{\"entity\":\"case\",\"op\":\"upsert\",\"data\":{\"id\":%s,\"office_code\":\"%s\","
                          CASE_AT "%s}}", id_json, test_sync_office (), extra);
}

static void
reply (SoupServerMessage *msg,
       guint              status,
       const char        *content_type,
       const char        *body,
       gssize             len)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, body,
                                      len < 0 ? strlen (body) : (gsize) len);
}

static void
reply_page (SoupServerMessage *msg,
            char              *json)   /* owned */
{
  reply (msg, SOUP_STATUS_OK, "application/json", json, -1);
  g_free (json);
}

static GBytes *
gzip_bytes (const char *data,
            gsize       len)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));

  g_assert_true (g_output_stream_write_all (out, data, len, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* A body fed piece by piece: endless chunks, or a byte now and then. */
typedef struct {
  SoupServerMessage *msg;   /* unowned: valid until "finished" */
  gboolean           trickle;
  guint              timeout_id;
} Feed;

/* Feeds still going when a test ends: the server's teardown does not
 * always finish their messages, so their timers are stopped by hand. */
static GList *feeds;

static void
feed_finished_cb (SoupServerMessage *msg,
                  gpointer           user_data)
{
  Feed *feed = user_data;

  g_signal_handlers_disconnect_by_data (msg, feed);
  g_clear_handle_id (&feed->timeout_id, g_source_remove);
  feeds = g_list_remove (feeds, feed);
  g_free (feed);
}

static gboolean
trickle_tick (gpointer user_data)
{
  Feed *feed = user_data;

  feed->timeout_id = 0;
  soup_message_body_append (soup_server_message_get_response_body (feed->msg), SOUP_MEMORY_STATIC, " ", 1);
  soup_server_message_unpause (feed->msg);
  return G_SOURCE_REMOVE;
}

static void
feed_wrote_cb (SoupServerMessage *msg,
               gpointer           user_data)
{
  Feed *feed = user_data;

  if (feed->trickle)
    {
      /* Never idle long enough for the I/O timeout, never done. */
      soup_server_message_pause (msg);
      feed->timeout_id = g_timeout_add (150, trickle_tick, feed);
    }
  else
    {
      /* The body takes a reference of its own. */
      g_autoptr(GBytes) chunk = g_bytes_new_take (g_strnfill (16384, ' '), 16384);

      soup_message_body_append_bytes (soup_server_message_get_response_body (msg), chunk);
    }
}

static void
start_feed (SoupServerMessage *msg,
            gboolean           trickle)
{
  Feed *feed = g_new0 (Feed, 1);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  feed->msg = msg;
  feed->trickle = trickle;
  feeds = g_list_prepend (feeds, feed);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, "application/json", NULL);
  soup_message_body_set_accumulate (soup_server_message_get_response_body (msg), FALSE);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (feed_wrote_cb), feed);
  g_signal_connect (msg, "finished", G_CALLBACK (feed_finished_cb), feed);
  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC, "{\"protocol\":1,", 14);
}

static char *
deep_json (guint depth)
{
  GString *s = g_string_sized_new (depth * 2);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

/* The seven bad records and two good ones of MODE_BAD_RECORDS. */
static char *
bad_records_changes (void)
{
  g_autofree char *a = case_json ("\"HOSTILE-A\"", ",\"counter\":2");
  g_autofree char *counter = case_json ("\"HOSTILE-BIG-COUNTER\"", ",\"counter\":1e300");
  g_autofree char *fee = case_json ("\"HOSTILE-NEG-FEE\"", ",\"fee\":-1");
  g_autofree char *nul = case_json ("\"HOSTILE-C\\u0000EVIL\"", "");
  g_autofree char *utf8 = case_json ("\"HOSTILE-UTF8\"", ",\"client_name\":\"ab\xff\xfe" "cd\"");
  g_autofree char *mid = case_json ("\"HOSTILE-SURROGATE\"", ",\"subject\":\"x\\ud800yz\"");
  g_autofree char *end = case_json ("\"HOSTILE-SURROGATE-END\"", ",\"subject\":\"x\\udc00\"");
  g_autofree char *wrap = case_json ("\"HOSTILE-WRAP\"", ",\"counter\":-99999999999999999999999");
  g_autofree char *b = case_json ("\"HOSTILE-B\"", ",\"fee\":850000,\"subject\":\"\\ud83d\\ude00 ok\"");

  return g_strjoin (",", a, counter, fee, nul, utf8, mid, end, wrap, b, NULL);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Fixture *f = user_data;
  const char *office = test_sync_office ();
  const char *since = query != NULL ? g_hash_table_lookup (query, "since") : NULL;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autofree char *here = NULL;

  if (++f->requests > RUNAWAY_REQUESTS)
    {
      g_test_message ("the client did not stop after %u requests", f->requests);
      g_test_fail ();
      g_cancellable_cancel (f->cancellable);
      reply (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL, NULL, 0);
      return;
    }

  switch (f->mode)
    {
    case MODE_REDIRECT_SAME:
      if (!g_str_has_prefix (path, "/moved/"))
        {
          here = g_strdup_printf ("/moved%s?since=%s", path, since != NULL ? since : "");
          soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, here);
          return;
        }
      G_GNUC_FALLTHROUGH;
    case MODE_GOOD:
      {
        g_autofree char *id = g_strdup_printf ("\"HOSTILE-GOOD-%u\"", ++f->serial);
        g_autofree char *change = case_json (id, "");
        g_autofree char *cursor = g_strdup_printf ("\"good-%u\"", f->serial);
        reply_page (msg, page_json (office, cursor, FALSE, change));
        return;
      }
    case MODE_SAME_CURSOR:
      {
        /* Claims more, with a change, but never moves on. */
        g_autofree char *cursor = g_strdup_printf ("\"%s\"", since != NULL ? since : "");
        g_autofree char *change = case_json ("\"HOSTILE-LOOP\"", "");
        reply_page (msg, page_json (office, cursor, TRUE, change));
        return;
      }
    case MODE_EMPTY_FOREVER:
      {
        g_autofree char *cursor = g_strdup_printf ("\"empty-%u\"", f->requests);
        reply_page (msg, page_json (office, cursor, TRUE, ""));
        return;
      }
    case MODE_HTML:
      reply (msg, SOUP_STATUS_OK, "text/html", "<!DOCTYPE html><html><body><h1>Login</h1></body></html>", -1);
      return;
    case MODE_TEXT_PLAIN:
      reply (msg, SOUP_STATUS_OK, "text/plain", "Service is under maintenance", -1);
      return;
    case MODE_EMPTY_BODY:
      reply (msg, SOUP_STATUS_OK, "application/json", "", 0);
      return;
    case MODE_NO_CONTENT:
      reply (msg, SOUP_STATUS_NO_CONTENT, NULL, NULL, 0);
      return;
    case MODE_BAD_GZIP:
      soup_message_headers_replace (headers, "Content-Encoding", "gzip");
      reply (msg, SOUP_STATUS_OK, "application/json", "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage, not deflate data at all", -1);
      return;
    case MODE_GZIP_BOMB:
      {
        g_autofree char *spaces = g_strnfill (4 * 1024 * 1024, ' ');
        g_autoptr(GBytes) bomb = gzip_bytes (spaces, 4 * 1024 * 1024);
        soup_message_headers_replace (headers, "Content-Encoding", "gzip");
        reply (msg, SOUP_STATUS_OK, "application/json", g_bytes_get_data (bomb, NULL),
               g_bytes_get_size (bomb));
        return;
      }
    case MODE_REDIRECT_HTTP:
      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "http://192.0.2.7:9/api/v1/steal");
      return;
    case MODE_REDIRECT_HTTPS_ELSEWHERE:
      soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "https://central.example.net/api");
      return;
    case MODE_REDIRECT_LOOP:
      here = g_strdup_printf ("%s?since=%s", path, since != NULL ? since : "");
      soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, here);
      return;
    case MODE_SILENT:
      /* Reads the request and never answers: the client's timeout must fire. */
      soup_server_message_pause (msg);
      return;
    case MODE_STALL_BODY:
      /* Headers and a first chunk, then nothing. */
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC, "{\"protocol\":1,", 14);
      return;
    case MODE_TRICKLE:
      start_feed (msg, TRUE);
      return;
    case MODE_ENDLESS_CHUNKS:
      start_feed (msg, FALSE);
      return;
    case MODE_LYING_LENGTH:
      /* Announces a gigabyte, sends a little, and waits. */
      soup_message_headers_set_content_length (headers, G_GINT64_CONSTANT (1) << 30);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC, "{\"protocol\":1,", 14);
      return;
    case MODE_DEEP:
      {
        g_autofree char *deep = deep_json (100000);
        reply (msg, SOUP_STATUS_OK, "application/json", deep, -1);
        return;
      }
    case MODE_DEEP_IN_RECORD:
      {
        g_autofree char *deep = deep_json (100000);
        g_autofree char *extra = g_strdup_printf (",\"unknown\":%s", deep);
        g_autofree char *change = case_json ("\"HOSTILE-DEEP\"", extra);
        reply_page (msg, page_json (office, "\"deep-1\"", FALSE, change));
        return;
      }
    case MODE_BAD_RECORDS:
      {
        g_autofree char *changes = bad_records_changes ();
        reply_page (msg, page_json (office, "\"bad-records-1\"", FALSE, changes));
        return;
      }
    case MODE_LONG_CURSOR:
      {
        g_autofree char *long_cursor = g_strnfill (300, 'c');
        g_autofree char *cursor = g_strdup_printf ("\"%s\"", long_cursor);
        g_autofree char *change = case_json ("\"HOSTILE-LONG\"", "");
        reply_page (msg, page_json (office, cursor, FALSE, change));
        return;
      }
    case MODE_CONTROL_CURSOR:
      {
        g_autofree char *change = case_json ("\"HOSTILE-CTRL\"", "");
        /* An escape sequence that would repaint a terminal showing it. */
        reply_page (msg, page_json (office, "\"c\\u001b[2J\\u0007\\n2\"", FALSE, change));
        return;
      }
    case MODE_OTHER_OFFICE:
      {
        g_autofree char *change = case_json ("\"HOSTILE-OTHER\"", "");
        reply_page (msg, page_json ("ZZ-OTHER-99", "\"other-1\"", FALSE, change));
        return;
      }
    case MODE_RETRY_DATE:
    case MODE_RETRY_HUGE:
    case MODE_RETRY_GARBAGE:
      if (f->requests == 1)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
          g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 1);
          g_autofree char *date = soup_date_time_to_string (later, SOUP_DATE_HTTP);

          soup_message_headers_replace (headers, "Retry-After",
                                        f->mode == MODE_RETRY_DATE ? date :
                                        f->mode == MODE_RETRY_HUGE ? "99999999999999999999" : "soon, maybe");
          reply (msg, f->mode == MODE_RETRY_GARBAGE ? 429 : SOUP_STATUS_SERVICE_UNAVAILABLE,
                 "text/plain", "busy", -1);
          return;
        }
      f->mode = MODE_GOOD;
      handler (server, msg, path, query, user_data);
      f->requests--;
      return;
    case MODE_ERROR_500:
      reply (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "text/plain", "oops", -1);
      return;
    case MODE_429_BARE:
      reply (msg, 429, NULL, NULL, 0);
      return;
    case MODE_DUPLICATES:
      {
        g_autofree char *first = case_json ("\"HOSTILE-DUP\"", ",\"subject\":\"first\"");
        g_autofree char *last = case_json ("\"HOSTILE-DUP\"", ",\"subject\":\"last\"");
        g_autofree char *changes = g_strdup_printf ("%s,%s,{\"entity\":\"case\",\"op\":\"delete\",\"id\":\"NO-SUCH-CASE\"}",
                                                    first, last);
        reply_page (msg, page_json (office, "\"dup-1\"", FALSE, changes));
        return;
      }
    case MODE_ARRAY_ROOT:
      reply (msg, SOUP_STATUS_OK, "application/json", "[{\"protocol\":1}]", -1);
      return;
    case MODE_TRAILING_GARBAGE:
      {
        g_autofree char *page = page_json (office, "\"trail-1\"", FALSE, "");
        g_autofree char *body = g_strconcat (page, " <!-- cached -->", NULL);
        reply (msg, SOUP_STATUS_OK, "application/json", body, -1);
        return;
      }
    case MODE_BOM:
      {
        g_autofree char *change = case_json ("\"HOSTILE-BOM\"", "");
        g_autofree char *page = page_json (office, "\"bom-1\"", FALSE, change);
        g_autofree char *body = g_strconcat ("\xef\xbb\xbf", page, NULL);
        reply (msg, SOUP_STATUS_OK, "application/json; charset=utf-8", body, -1);
        return;
      }
    default:
      g_assert_not_reached ();
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autoptr(DaftarSyncSummary) summary = NULL;

  f->dir = daftar_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "daftar.db", NULL);
  f->cancellable = g_cancellable_new ();
  f->delays = g_ptr_array_new ();
  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, handler, f, NULL);
  g_assert_true (soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->url = g_uri_to_string (uris->data);

  f->worker = daftar_db_worker_new (f->path);
  f->client = daftar_sync_client_new (f->worker, f->url, test_sync_office ());
  daftar_sync_client_set_token (f->client, TEST_TOKEN);
  daftar_sync_client_set_retry_base_ms (f->client, 1);
  daftar_sync_client_set_timeout (f->client, 1);
  current = f;

  /* One good page first, so every refusal below has data and a cursor to keep. */
  f->mode = MODE_GOOD;
  summary = test_sync_run (f->client, f->cancellable, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary->cursor, ==, "good-1");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  current = NULL;
  g_clear_object (&f->client);
  test_sync_worker_free (g_steal_pointer (&f->worker));
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  for (GList *l = feeds; l != NULL; l = l->next)
    g_clear_handle_id (&((Feed *) l->data)->timeout_id, g_source_remove);
  g_list_free_full (g_steal_pointer (&feeds), g_free);
  g_clear_object (&f->cancellable);
  g_ptr_array_unref (f->delays);
  g_free (f->url);
  g_free (f->path);
  daftar_test_tmpdir_free (f->dir);
}

/* The last sync_log row: finished, with @result and @message. */
static void
assert_logged (Fixture    *f,
               const char *result,
               const char *message)
{
  sqlite3 *handle = test_sync_open_readonly (f->path);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                   "SELECT result, message, finished_at IS NOT NULL FROM sync_log ORDER BY id DESC LIMIT 1",
                   -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, result);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, message);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
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

/* A good server again: the next run applies its page. */
static void
assert_good_run_works (Fixture *f)
{
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cases = count (f, "SELECT count(*) FROM cases");

  f->mode = MODE_GOOD;
  f->requests = 0;
  summary = test_sync_run (f->client, f->cancellable, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->records, ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases"), ==, cases + 1);
  assert_logged (f, "ok", NULL);
}

/* One run under @mode: it ends with @code, changes no data and no cursor,
 * is logged, and a good run afterwards works. Returns the requests it made. */
static guint
assert_refused (Fixture         *f,
                Mode             mode,
                DaftarSyncError  code)
{
  g_autofree char *before = test_sync_checksums (f->path);
  g_autofree char *cursor_before = test_sync_stored_cursor (f->worker);
  g_autofree char *after = NULL;
  g_autofree char *cursor_after = NULL;
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  guint requests;

  f->mode = mode;
  f->requests = 0;
  summary = test_sync_run (f->client, f->cancellable, &error);
  requests = f->requests;
  g_assert_null (summary);
  g_assert_nonnull (error);
  g_test_message ("mode %d, %u requests: %s: %s", mode, requests,
                  daftar_sync_error_nick (error->code), error->message);
  g_assert_error (error, DAFTAR_SYNC_ERROR, (gint) code);
  g_assert_cmpuint (strlen (error->message), >, 20);
  g_assert_null (strstr (error->message, TEST_TOKEN));

  after = test_sync_checksums (f->path);
  g_assert_cmpstr (after, ==, before);
  cursor_after = test_sync_stored_cursor (f->worker);
  if (mode != MODE_EMPTY_FOREVER)
    g_assert_cmpstr (cursor_after, ==, cursor_before);
  assert_logged (f, daftar_sync_error_nick (code), error->message);
  test_sync_assert_integrity (f->path);

  assert_good_run_works (f);
  return requests;
}

static void
test_cursor_stuck (Fixture *f, gconstpointer data)
{
  /* 1: has_more with the same cursor is refused before it is applied. */
  g_assert_cmpuint (assert_refused (f, MODE_SAME_CURSOR, DAFTAR_SYNC_ERROR_BAD_PAGE), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE id = 'HOSTILE-LOOP'"), ==, 0);
}

static void
test_empty_forever (Fixture *f, gconstpointer data)
{
  guint requests = assert_refused (f, MODE_EMPTY_FOREVER, DAFTAR_SYNC_ERROR_SERVER);

  /* Bounded by the consecutive-empty-pages rule, well before the runaway guard. */
  g_assert_cmpuint (requests, ==, DAFTAR_SYNC_DEFAULT_MAX_EMPTY_PAGES);
}

static void
test_not_json (Fixture *f, gconstpointer data)
{
  /* 2 and a few more of the same kind: each one request, no retry. */
  g_assert_cmpuint (assert_refused (f, MODE_HTML, DAFTAR_SYNC_ERROR_BAD_PAGE), ==, 1);
  g_assert_cmpuint (assert_refused (f, MODE_TEXT_PLAIN, DAFTAR_SYNC_ERROR_BAD_PAGE), ==, 1);
  g_assert_cmpuint (assert_refused (f, MODE_EMPTY_BODY, DAFTAR_SYNC_ERROR_BAD_PAGE), ==, 1);
  g_assert_cmpuint (assert_refused (f, MODE_NO_CONTENT, DAFTAR_SYNC_ERROR_SERVER), ==, 1);
  g_assert_cmpuint (assert_refused (f, MODE_ARRAY_ROOT, DAFTAR_SYNC_ERROR_BAD_PAGE), ==, 1);
  g_assert_cmpuint (assert_refused (f, MODE_TRAILING_GARBAGE, DAFTAR_SYNC_ERROR_BAD_PAGE), ==, 1);
}

static void
test_gzip (Fixture *f, gconstpointer data)
{
  /* 3: a broken stream is the server's fault, not the network's: no retry. */
  g_assert_cmpuint (assert_refused (f, MODE_BAD_GZIP, DAFTAR_SYNC_ERROR_BAD_PAGE), ==, 1);
  /* 11, compressed: 4 MiB of spaces in a few KiB; the decoded limit stops it. */
  daftar_sync_client_set_max_body_size (f->client, 1024 * 1024);
  g_assert_cmpuint (assert_refused (f, MODE_GZIP_BOMB, DAFTAR_SYNC_ERROR_TOO_LARGE), ==, 1);
}

static void
test_redirects (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  /* 4: the token never follows a redirect off this server. */
  g_assert_cmpuint (assert_refused (f, MODE_REDIRECT_HTTP, DAFTAR_SYNC_ERROR_INSECURE), ==, 1);
  g_assert_cmpuint (assert_refused (f, MODE_REDIRECT_HTTPS_ELSEWHERE, DAFTAR_SYNC_ERROR_INSECURE), ==, 1);
  g_assert_cmpuint (assert_refused (f, MODE_REDIRECT_LOOP, DAFTAR_SYNC_ERROR_SERVER), <=, 6);

  /* A redirect within the same server is followed. */
  f->mode = MODE_REDIRECT_SAME;
  f->requests = 0;
  summary = test_sync_run (f->client, f->cancellable, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->records, ==, 1);
  g_assert_cmpuint (f->requests, ==, 2);
}

static void
test_stalls (Fixture *f, gconstpointer data)
{
  /* 5: the I/O timeout (1 s here) fires; 5 tries per page, then NETWORK. */
  g_assert_cmpuint (assert_refused (f, MODE_SILENT, DAFTAR_SYNC_ERROR_NETWORK), ==, DAFTAR_SYNC_DEFAULT_MAX_TRIES);
  g_assert_cmpuint (assert_refused (f, MODE_STALL_BODY, DAFTAR_SYNC_ERROR_NETWORK), ==, DAFTAR_SYNC_DEFAULT_MAX_TRIES);
  /* A byte every 150 ms never trips the I/O timeout; the page deadline does. */
  daftar_sync_client_set_max_tries (f->client, 2);
  g_object_set (f->client, "page-timeout", 2u, NULL);
  g_assert_cmpuint (assert_refused (f, MODE_TRICKLE, DAFTAR_SYNC_ERROR_NETWORK), ==, 2);
}

static void
test_deep (Fixture *f, gconstpointer data)
{
  /* 6: would overflow json-glib's recursive parser. */
  g_assert_cmpuint (assert_refused (f, MODE_DEEP, DAFTAR_SYNC_ERROR_BAD_PAGE), ==, 1);
  g_assert_cmpuint (assert_refused (f, MODE_DEEP_IN_RECORD, DAFTAR_SYNC_ERROR_BAD_PAGE), ==, 1);
}

static void
test_bad_records (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  /* 7: every bad record rejected with a reason, the good ones applied. */
  f->mode = MODE_BAD_RECORDS;
  summary = test_sync_run (f->client, f->cancellable, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->records, ==, 2);
  g_assert_cmpuint (summary->rejected, ==, 7);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE id IN ('HOSTILE-A', 'HOSTILE-B')"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE id LIKE 'HOSTILE-%' AND id NOT LIKE 'HOSTILE-GOOD-%'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_rejects WHERE length(reason) > 5"), ==, 7);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_rejects WHERE raw LIKE '%HOSTILE-C%' AND reason LIKE '%NUL%'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_rejects WHERE raw LIKE '%HOSTILE-SURROGATE%' AND reason LIKE '%surrogate%'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sync_rejects WHERE raw LIKE '%HOSTILE-UTF8%' AND reason LIKE '%UTF-8%'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE subject LIKE '%ok'"), ==, 1);
  assert_logged (f, "ok", NULL);
  test_sync_assert_integrity (f->path);
  {
    sqlite3 *handle = test_sync_open_readonly (f->path);
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT reason FROM sync_rejects ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_test_message ("rejected: %s", sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    sqlite3_close (handle);
  }
  assert_good_run_works (f);
}

static void
test_cursor_and_office (Fixture *f, gconstpointer data)
{
  /* 8 */
  g_assert_cmpuint (assert_refused (f, MODE_LONG_CURSOR, DAFTAR_SYNC_ERROR_BAD_PAGE), ==, 1);
  g_assert_cmpuint (assert_refused (f, MODE_CONTROL_CURSOR, DAFTAR_SYNC_ERROR_BAD_PAGE), ==, 1);
  g_assert_cmpuint (assert_refused (f, MODE_OTHER_OFFICE, DAFTAR_SYNC_ERROR_BAD_PAGE), ==, 1);
}

static void
run_retry_after (Fixture *f,
                 Mode     mode)
{
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  f->mode = mode;
  f->requests = 0;
  g_ptr_array_set_size (f->delays, 0);
  summary = test_sync_run (f->client, f->cancellable, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->records, ==, 1);
  g_assert_cmpuint (f->requests, ==, 2);
  g_assert_cmpuint (f->delays->len, ==, 1);
}

static void
test_retry_after (Fixture *f, gconstpointer data)
{
  /* 9: the cap is a property so that this test need not wait 300 s. */
  g_setenv ("G_MESSAGES_DEBUG", "daftar-sync", TRUE);
  g_object_set (f->client, "retry-after-max", 1u, NULL);
  run_retry_after (f, MODE_RETRY_DATE);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_ptr_array_index (f->delays, 0)), <=, 1000);
  run_retry_after (f, MODE_RETRY_HUGE);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_ptr_array_index (f->delays, 0)), ==, 1000);
  /* Garbage: the ordinary backoff (1 ms base here, ±50%). */
  run_retry_after (f, MODE_RETRY_GARBAGE);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_ptr_array_index (f->delays, 0)), <=, 2);
  g_unsetenv ("G_MESSAGES_DEBUG");
}

static void
test_server_errors (Fixture *f, gconstpointer data)
{
  /* 10 */
  g_assert_cmpuint (assert_refused (f, MODE_ERROR_500, DAFTAR_SYNC_ERROR_SERVER), ==, DAFTAR_SYNC_DEFAULT_MAX_TRIES);
  g_assert_cmpuint (assert_refused (f, MODE_429_BARE, DAFTAR_SYNC_ERROR_SERVER), ==, DAFTAR_SYNC_DEFAULT_MAX_TRIES);
}

static void
test_too_large (Fixture *f, gconstpointer data)
{
  /* 11: a lying Content-Length is refused unread (reading would stall). */
  g_assert_cmpuint (assert_refused (f, MODE_LYING_LENGTH, DAFTAR_SYNC_ERROR_TOO_LARGE), ==, 1);
  daftar_sync_client_set_max_body_size (f->client, 256 * 1024);
  g_assert_cmpuint (assert_refused (f, MODE_ENDLESS_CHUNKS, DAFTAR_SYNC_ERROR_TOO_LARGE), ==, 1);
}

static void
test_duplicates (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  /* 12: the last of two upserts wins; deleting what is not there is no error. */
  f->mode = MODE_DUPLICATES;
  summary = test_sync_run (f->client, f->cancellable, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->rejected, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE id = 'HOSTILE-DUP' AND subject = 'last'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE id = 'HOSTILE-DUP'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT n FROM daily_cases WHERE day = '2025-02-27' AND kind = 'petition'"), ==, 2);
}

static void
test_bom (Fixture *f, gconstpointer data)
{
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  /* RFC 8259 lets a parser ignore a byte order mark; some servers send one. */
  f->mode = MODE_BOM;
  summary = test_sync_run (f->client, f->cancellable, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE id = 'HOSTILE-BOM'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_log_set_writer_func (capture_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/sync/hostile/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("cursor-stuck", test_cursor_stuck);
  ADD ("empty-forever", test_empty_forever);
  ADD ("not-json", test_not_json);
  ADD ("gzip", test_gzip);
  ADD ("redirects", test_redirects);
  ADD ("stalls", test_stalls);
  ADD ("deep", test_deep);
  ADD ("bad-records", test_bad_records);
  ADD ("cursor-and-office", test_cursor_and_office);
  ADD ("retry-after", test_retry_after);
  ADD ("server-errors", test_server_errors);
  ADD ("too-large", test_too_large);
  ADD ("duplicates", test_duplicates);
  ADD ("bom", test_bom);
  return g_test_run ();
}
