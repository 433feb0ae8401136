/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync.c: the sync client against the in-process demo server — a clean sync and each fault mode. */
#include "config.h"

#include <libsoup/soup.h>

#include "test-sync-common.h"

#define DAYS 40
#define LIMIT 1000

typedef TestSyncFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  test_sync_fixture_set_up (f, DAYS, LIMIT);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_sync_fixture_tear_down (f);
}

/* The last sync_log row's result. */
static char *
last_log_result (Fixture *f,
                 gint64  *out_pages)
{
  sqlite3 *handle = test_sync_open_readonly (f->path);
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                   "SELECT result, pages, finished_at IS NOT NULL FROM sync_log ORDER BY id DESC LIMIT 1",
                   -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (out_pages != NULL)
    *out_pages = sqlite3_column_int64 (stmt, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return result;
}

static DaftarSyncSummary *
sync_ok (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  DaftarSyncSummary *summary = test_sync_run (f->client, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

/* After a failed run: a clean run must complete with exactly the server's data. */
static void
assert_clean_run_completes (Fixture *f)
{
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autofree char *result = NULL;

  daftar_demo_central_set_fault (f->server, DAFTAR_DEMO_CENTRAL_FAULT_NONE);
  summary = sync_ok (f);
  g_assert_cmpuint (summary->rejected, ==, 0);
  test_sync_assert_same_data (f->path, test_sync_reference (DAYS));
  result = last_log_result (f, NULL);
  g_assert_cmpstr (result, ==, "ok");
}

static void
test_clean (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(DaftarSyncSummary) first = NULL;
  g_autoptr(DaftarSyncSummary) again = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *result = NULL;
  gint64 pages;

  first = sync_ok (f);
  g_assert_cmpuint (first->pages, >, 2);
  g_assert_cmpuint (first->records, >, (guint64) (first->pages - 1) * LIMIT - 1);
  g_assert_cmpuint (first->rejected, ==, 0);
  g_assert_false (first->resynced);
  g_assert_nonnull (first->cursor);
  g_assert_cmpuint (strlen (first->cursor), <=, DAFTAR_CURSOR_MAX);
  stored = test_sync_stored_cursor (f->worker);
  g_assert_cmpstr (stored, ==, first->cursor);
  test_sync_assert_same_data (f->path, test_sync_reference (DAYS));
  result = last_log_result (f, &pages);
  g_assert_cmpstr (result, ==, "ok");
  g_assert_cmpint (pages, ==, first->pages);

  /* Nothing new on the server: one empty page, nothing changes. */
  again = sync_ok (f);
  g_assert_cmpuint (again->pages, ==, 1);
  g_assert_cmpuint (again->records, ==, 0);
  g_assert_cmpstr (again->cursor, ==, first->cursor);
  test_sync_assert_same_data (f->path, test_sync_reference (DAYS));
}

/* Between the client and the demo server: passes each request on and each
 * answer back as it came, still compressed, and notes what went by, so a
 * test can tell what the client asked for and what the server sent. */
typedef struct {
  SoupServer  *server;
  SoupSession *session;       /* decodes nothing: no SoupContentDecoder */
  char        *upstream;
  char        *url;
  guint        requests;
  guint        asked_gzip;    /* requests whose Accept-Encoding named gzip */
  guint        gzip_pages;    /* 200 answers with Content-Encoding: gzip */
  guint        plain_pages;   /* other 200 answers */
  guint64      packed_bytes;  /* bodies of the gzip answers, as sent */
  guint64      plain_bytes;   /* ... and once decompressed */
} Relay;

typedef struct {
  Relay             *relay;
  SoupServerMessage *msg;       /* owned */
  SoupMessage       *forward;   /* owned */
} RelayCall;

static GBytes *
gunzip_bytes (GBytes *packed)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (decompressor));
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (out, g_bytes_get_data (packed, NULL), g_bytes_get_size (packed), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
relay_answered_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RelayCall *call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  SoupMessageHeaders *got = soup_message_get_response_headers (call->forward);
  SoupMessageHeaders *give = soup_server_message_get_response_headers (call->msg);
  const char *encoding = soup_message_headers_get_one (got, "Content-Encoding");
  guint status = soup_message_get_status (call->forward);

  g_assert_no_error (error);
  if (status == SOUP_STATUS_OK && g_strcmp0 (encoding, "gzip") == 0)
    {
      g_autoptr(GBytes) plain = gunzip_bytes (body);

      /* Really compressed, and worth it: smaller than the text it carries. */
      g_assert_cmpuint (g_bytes_get_size (body), <, g_bytes_get_size (plain));
      call->relay->gzip_pages++;
      call->relay->packed_bytes += g_bytes_get_size (body);
      call->relay->plain_bytes += g_bytes_get_size (plain);
    }
  else if (status == SOUP_STATUS_OK)
    call->relay->plain_pages++;

  if (encoding != NULL)
    soup_message_headers_replace (give, "Content-Encoding", encoding);
  soup_server_message_set_status (call->msg, status, NULL);
  soup_server_message_set_response (call->msg, soup_message_headers_get_content_type (got, NULL),
                                    SOUP_MEMORY_COPY, g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  soup_server_message_unpause (call->msg);
  g_object_unref (call->msg);
  g_object_unref (call->forward);
  g_free (call);
}

static void
relay_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  /* What the demo server reads: the token, and whether gzip is welcome. */
  static const char * const passed_on[] = { "Authorization", "Accept-Encoding" };
  Relay *relay = user_data;
  const char *query_text = g_uri_get_query (soup_server_message_get_uri (msg));
  SoupMessageHeaders *asked = soup_server_message_get_request_headers (msg);
  const char *accept = soup_message_headers_get_one (asked, "Accept-Encoding");
  g_autofree char *target = g_strconcat (relay->upstream, path, query_text != NULL ? "?" : "", query_text, NULL);
  RelayCall *call = g_new0 (RelayCall, 1);

  relay->requests++;
  if (accept != NULL && strstr (accept, "gzip") != NULL)
    relay->asked_gzip++;

  call->relay = relay;
  call->msg = g_object_ref (msg);
  call->forward = soup_message_new (SOUP_METHOD_GET, target);
  for (guint i = 0; i < G_N_ELEMENTS (passed_on); i++)
    {
      const char *value = soup_message_headers_get_one (asked, passed_on[i]);

      if (value != NULL)
        soup_message_headers_replace (soup_message_get_request_headers (call->forward), passed_on[i], value);
    }
  soup_server_message_pause (msg);
  soup_session_send_and_read_async (relay->session, call->forward, G_PRIORITY_DEFAULT, NULL,
                                    relay_answered_cb, call);
}

static Relay *
relay_new (const char *upstream)
{
  Relay *relay = g_new0 (Relay, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  relay->upstream = g_strdup (upstream);
  relay->session = soup_session_new ();
  soup_session_remove_feature_by_type (relay->session, SOUP_TYPE_CONTENT_DECODER);
  soup_session_set_proxy_resolver (relay->session, NULL);
  relay->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (relay->server, NULL, relay_handler, relay, NULL);
  soup_server_listen_local (relay->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (relay->server);
  relay->url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return relay;
}

static void
relay_free (Relay *relay)
{
  soup_server_disconnect (relay->server);
  g_object_unref (relay->server);
  g_object_unref (relay->session);
  g_free (relay->upstream);
  g_free (relay->url);
  g_free (relay);
}

/* The server compresses every page, the client asked for that and decodes
 * it: what was on the wire was gzip, smaller than the text, and the data
 * that arrived equals the server's. */
static void
test_gzip (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(DaftarSyncSummary) summary = NULL;
  Relay *relay = relay_new (f->url);

  g_clear_object (&f->client);
  f->client = test_sync_client (f->worker, relay->url);
  daftar_sync_client_set_page_limit (f->client, LIMIT);
  daftar_demo_central_set_gzip (f->server, TRUE);
  summary = sync_ok (f);

  g_test_message ("%u pages: %" G_GUINT64_FORMAT " bytes sent for %" G_GUINT64_FORMAT " of text",
                  relay->gzip_pages, relay->packed_bytes, relay->plain_bytes);
  g_assert_cmpuint (summary->pages, >, 2);
  g_assert_cmpuint (relay->requests, ==, summary->pages);
  g_assert_cmpuint (relay->asked_gzip, ==, relay->requests);
  g_assert_cmpuint (relay->gzip_pages, ==, summary->pages);
  g_assert_cmpuint (relay->plain_pages, ==, 0);
  test_sync_assert_same_data (f->path, test_sync_reference (DAYS));
  relay_free (relay);
}

static void
test_error_500_twice (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(DaftarSyncSummary) summary = NULL;

  daftar_demo_central_set_fault (f->server, DAFTAR_DEMO_CENTRAL_FAULT_ERROR_500_TWICE);
  summary = sync_ok (f);
  /* Every page: two 500s, then the page. */
  g_assert_cmpuint (daftar_demo_central_get_requests (f->server), ==, 3 * summary->pages);
  test_sync_assert_same_data (f->path, test_sync_reference (DAYS));
}

static void
test_error_500_gives_up (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *result = NULL;

  daftar_demo_central_set_fault (f->server, DAFTAR_DEMO_CENTRAL_FAULT_ERROR_500_TWICE);
  daftar_sync_client_set_max_tries (f->client, 2);
  summary = test_sync_run (f->client, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "500"));
  g_assert_cmpuint (daftar_demo_central_get_requests (f->server), ==, 2);
  stored = test_sync_stored_cursor (f->worker);
  g_assert_cmpstr (stored, ==, "");
  result = last_log_result (f, NULL);
  g_assert_cmpstr (result, ==, "server");

  daftar_sync_client_set_max_tries (f->client, DAFTAR_SYNC_DEFAULT_MAX_TRIES);
  assert_clean_run_completes (f);
}

static void
test_retry_after (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(DaftarSyncSummary) summary = NULL;

  daftar_demo_central_set_fault (f->server, DAFTAR_DEMO_CENTRAL_FAULT_RETRY_AFTER);
  summary = sync_ok (f);
  /* One 429 and one 503, each followed by a successful try. */
  g_assert_cmpuint (daftar_demo_central_get_requests (f->server), ==, summary->pages + 2);
  test_sync_assert_same_data (f->path, test_sync_reference (DAYS));
}

/* A fault that spoils the second page: the run fails with @code, the first
 * page is applied whole, the second not at all. */
static void
check_second_page_refused (Fixture               *f,
                           DaftarDemoCentralFault fault,
                           DaftarSyncError        code,
                           const char            *log_result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autofree char *ref_dir = NULL;
  g_autofree char *ref_cursor = NULL;
  g_autofree char *ref_path = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *result = NULL;
  gint64 pages;

  ref_path = test_sync_first_page_reference (DAYS, LIMIT, &ref_dir, &ref_cursor);
  daftar_demo_central_set_fault (f->server, fault);
  summary = test_sync_run (f->client, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, DAFTAR_SYNC_ERROR, (int) code);
  g_test_message ("%s: %s", daftar_demo_central_fault_to_string (fault), error->message);
  g_assert_nonnull (strstr (error->message, "nothing of it was applied"));

  stored = test_sync_stored_cursor (f->worker);
  g_assert_cmpstr (stored, ==, ref_cursor);
  test_sync_assert_same_data (f->path, ref_path);
  test_sync_assert_integrity (f->path);
  result = last_log_result (f, &pages);
  g_assert_cmpstr (result, ==, log_result);
  g_assert_cmpint (pages, ==, 1);
  daftar_test_tmpdir_free (g_steal_pointer (&ref_dir));

  assert_clean_run_completes (f);
}

static void
test_truncate (Fixture *f, gconstpointer data)
{
  check_second_page_refused (f, DAFTAR_DEMO_CENTRAL_FAULT_TRUNCATE, DAFTAR_SYNC_ERROR_BAD_PAGE, "bad-page");
}

static void
test_bad_json (Fixture *f, gconstpointer data)
{
  check_second_page_refused (f, DAFTAR_DEMO_CENTRAL_FAULT_BAD_JSON, DAFTAR_SYNC_ERROR_BAD_PAGE, "bad-page");
}

static void
test_wrong_protocol (Fixture *f, gconstpointer data)
{
  check_second_page_refused (f, DAFTAR_DEMO_CENTRAL_FAULT_WRONG_PROTOCOL, DAFTAR_SYNC_ERROR_BAD_PAGE, "bad-page");
}

static void
test_huge_body (Fixture       *f,
                gconstpointer  data)
{
  /* A small limit keeps the test quick; the default is 32 MiB. */
  daftar_sync_client_set_max_body_size (f->client, 1024 * 1024);
  check_second_page_refused (f, DAFTAR_DEMO_CENTRAL_FAULT_HUGE_BODY, DAFTAR_SYNC_ERROR_TOO_LARGE, "too-large");
  /* The client hung up instead of reading the endless body. */
  g_assert_cmpuint (daftar_demo_central_get_streamed_bytes (f->server), <, 64 * 1024 * 1024);
}

static void
test_slow_body (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DaftarSyncSummary) summary = NULL;

  daftar_demo_central_set_fault (f->server, DAFTAR_DEMO_CENTRAL_FAULT_SLOW_BODY);
  summary = sync_ok (f);
  g_assert_cmpuint (daftar_demo_central_get_streamed_bytes (f->server), >, 0);
  test_sync_assert_same_data (f->path, test_sync_reference (DAYS));
}

static void
test_bad_records (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const reasons[] = {
    "kind", "issued_at", "before", "client_name", "id", "unknown entity",
  };
  g_autoptr(DaftarSyncSummary) summary = NULL;
  sqlite3 *handle;

  daftar_demo_central_set_fault (f->server, DAFTAR_DEMO_CENTRAL_FAULT_BAD_RECORDS);
  summary = sync_ok (f);
  g_assert_cmpuint (summary->rejected, ==, (guint64) summary->pages * DAFTAR_DEMO_CENTRAL_BAD_RECORDS_PER_PAGE);

  /* The good records of the same pages are all there. */
  test_sync_assert_same_data (f->path, test_sync_reference (DAYS));

  handle = test_sync_open_readonly (f->path);
  g_assert_cmpint (test_sync_query_int (handle, "SELECT count(*) FROM sync_rejects"), ==, summary->rejected);
  g_assert_cmpint (test_sync_query_int (handle, "SELECT count(*) FROM sync_rejects WHERE reason = '' OR raw = ''"), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sync_rejects WHERE reason LIKE '%%%s%%'",
                                              reasons[i]);
      g_test_message ("reason mentioning %s", reasons[i]);
      g_assert_cmpint (test_sync_query_int (handle, sql), >=, summary->pages);
    }
  g_assert_cmpint (test_sync_query_int (handle, "SELECT rejected FROM sync_log ORDER BY id DESC LIMIT 1"),
                   ==, summary->rejected);
  sqlite3_close (handle);
}

static void
test_unauthorized (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *result = NULL;

  daftar_demo_central_set_fault (f->server, DAFTAR_DEMO_CENTRAL_FAULT_UNAUTHORIZED);
  summary = test_sync_run (f->client, NULL, &error);
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "token"));
  /* No retry: the token will not get better by asking again. */
  g_assert_cmpuint (daftar_demo_central_get_requests (f->server), ==, 1);
  stored = test_sync_stored_cursor (f->worker);
  g_assert_cmpstr (stored, ==, "");
  result = last_log_result (f, NULL);
  g_assert_cmpstr (result, ==, "auth");
  assert_clean_run_completes (f);
}

static void
test_wrong_token (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarSyncSummary) summary = NULL;

  daftar_sync_client_set_token (f->client, "not-the-token");
  summary = test_sync_run (f->client, NULL, &error);
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_AUTH);
  g_assert_cmpuint (daftar_demo_central_get_requests (f->server), ==, 1);
}

static void
test_unknown_office (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(DaftarSyncClient) client = daftar_sync_client_new (f->worker, f->url, "YZ-NOPE-99");

  daftar_sync_client_set_token (client, TEST_TOKEN);
  summary = test_sync_run (client, NULL, &error);
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_UNKNOWN_OFFICE);
  g_assert_nonnull (strstr (error->message, "YZ-NOPE-99"));
  g_assert_cmpuint (daftar_demo_central_get_requests (f->server), ==, 1);
}

static void
test_network_gives_up (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(DaftarSyncClient) client = NULL;
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  guint16 port;

  /* A port that was free a moment ago and is closed now: connection refused. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  {
    g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", port);
    client = test_sync_client (f->worker, url);
  }
  summary = test_sync_run (client, NULL, &error);
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "5 tries"));
}

static void
cancel_after_first_page (DaftarSyncClient *client,
                         guint             pages,
                         guint64           records,
                         gpointer          user_data)
{
  if (pages == 1)
    g_cancellable_cancel (user_data);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autofree char *ref_dir = NULL;
  g_autofree char *ref_cursor = NULL;
  g_autofree char *ref_path = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *result = NULL;
  gulong id;

  ref_path = test_sync_first_page_reference (DAYS, LIMIT, &ref_dir, &ref_cursor);
  daftar_demo_central_set_fault (f->server, DAFTAR_DEMO_CENTRAL_FAULT_SLOW_BODY);
  id = g_signal_connect (f->client, "page-applied", G_CALLBACK (cancel_after_first_page), cancellable);
  summary = test_sync_run (f->client, cancellable, &error);
  g_signal_handler_disconnect (f->client, id);
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_CANCELLED);

  stored = test_sync_stored_cursor (f->worker);
  g_assert_cmpstr (stored, ==, ref_cursor);
  test_sync_assert_same_data (f->path, ref_path);
  result = last_log_result (f, NULL);
  g_assert_cmpstr (result, ==, "cancelled");
  daftar_test_tmpdir_free (g_steal_pointer (&ref_dir));
  assert_clean_run_completes (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sync/clean", test_clean);
  ADD ("/sync/gzip", test_gzip);
  ADD ("/sync/fault/error-500-twice", test_error_500_twice);
  ADD ("/sync/fault/error-500-gives-up", test_error_500_gives_up);
  ADD ("/sync/fault/retry-after", test_retry_after);
  ADD ("/sync/fault/truncate", test_truncate);
  ADD ("/sync/fault/bad-json", test_bad_json);
  ADD ("/sync/fault/wrong-protocol", test_wrong_protocol);
  ADD ("/sync/fault/huge-body", test_huge_body);
  ADD ("/sync/fault/slow-body", test_slow_body);
  ADD ("/sync/fault/bad-records", test_bad_records);
  ADD ("/sync/fault/unauthorized", test_unauthorized);
  ADD ("/sync/wrong-token", test_wrong_token);
  ADD ("/sync/unknown-office", test_unknown_office);
  ADD ("/sync/network-gives-up", test_network_gives_up);
  ADD ("/sync/cancel", test_cancel);
#undef ADD

  return g_test_run ();
}
