/* test-sync.c: the sync client against the in-process demo server — a clean sync and each fault mode. */
#include "config.h"

#include "test-sync-common.h"

#define DAYS 40
#define LIMIT 1000

typedef struct {
  char                *dir;
  char                *path;
  char                *url;
  DaftarDemoCentral   *server;
  DaftarDbWorker      *worker;
  DaftarSyncClient    *client;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = daftar_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "daftar.db", NULL);
  f->server = test_sync_server (DAYS, &f->url);
  f->worker = daftar_db_worker_new (f->path);
  f->client = test_sync_client (f->worker, f->url);
  daftar_sync_client_set_page_limit (f->client, LIMIT);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->client);
  test_sync_worker_free (g_steal_pointer (&f->worker));
  g_clear_object (&f->server);
  g_free (f->url);
  g_free (f->path);
  daftar_test_tmpdir_free (f->dir);
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

static void
test_gzip (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(DaftarSyncSummary) summary = NULL;

  daftar_demo_central_set_gzip (f->server, TRUE);
  summary = sync_ok (f);
  test_sync_assert_same_data (f->path, test_sync_reference (DAYS));
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
