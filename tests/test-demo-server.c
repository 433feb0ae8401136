/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-demo-server.c: `daftar --demo` goes through the real sync path — a demo server on its own thread, synced into a real file. */
#include "config.h"

#include <signal.h>
#include <libsoup/soup.h>

#include "daftar-demo-mode.h"
#include "daftar-demo-setup.h"
#include "daftar-time.h"
#include "test-sync-common.h"

#define DAYS 12

static void
last_day (GDate *day)
{
  g_date_clear (day, 1);
  g_date_set_dmy (day, 1, G_DATE_MARCH, 2025);
}

/* The database daftar_demo_fill_database makes for the demo's seed: what
 * the synced demo database must equal. */
static char *
fill_reference (const char *dir,
                guint       n_days,
                const GDate *last)
{
  g_autofree char *path = g_build_filename (dir, "reference.db", NULL);
  g_autoptr(DaftarDb) db = NULL;
  g_autoptr(DaftarDemo) demo = daftar_demo_new (DAFTAR_DEMO_SEED, 1, n_days, last);
  g_autoptr(GError) error = NULL;

  db = daftar_db_open (path, &error);
  g_assert_no_error (error);
  daftar_demo_fill_database (demo, db, 1000, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

typedef struct {
  gint64            records;
  DaftarDemoMode   *server;
  GError           *error;
  gboolean          done;
} Result;

static void
server_sync_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Result *r = user_data;

  r->records = daftar_demo_mode_sync_finish (DAFTAR_DEMO_MODE (source), result, &r->error);
  r->done = TRUE;
}

static gint64
server_sync (DaftarDemoMode *server,
             DaftarDbWorker *worker)
{
  Result r = { 0 };

  daftar_demo_mode_sync_async (server, worker, NULL, server_sync_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r.error);
  return r.records;
}

static DaftarDemoMode *
started_server (guint        n_days,
                const GDate *last)
{
  g_autoptr(GError) error = NULL;
  DaftarDemoMode *server = daftar_demo_mode_new (1, n_days, last);

  g_assert_true (daftar_demo_mode_start (server, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (daftar_demo_mode_get_url (server), "http://127.0.0.1:"));
  return server;
}

static gint64
count (const char *path,
       const char *sql)
{
  sqlite3 *handle = test_sync_open_readonly (path);
  gint64 n = test_sync_query_int (handle, sql);

  sqlite3_close (handle);
  return n;
}

/* The synced file holds exactly what the generator makes, and syncing it
 * again is an incremental run that changes nothing. */
static void
test_sync_equals_fill (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *reference = NULL;
  g_autoptr(DaftarDemoMode) server = NULL;
  DaftarDbWorker *worker;
  GDate last;
  gint64 records;

  last_day (&last);
  reference = fill_reference (dir, DAYS, &last);
  server = started_server (DAYS, &last);
  worker = daftar_db_worker_new (path);

  records = server_sync (server, worker);
  g_assert_cmpint (records, >, 0);
  test_sync_assert_same_data (path, reference);
  /* The clients' ratings come through the server too, none refused. */
  g_assert_cmpint (count (path, "SELECT COUNT(*) FROM feedback"), >, 0);
  g_assert_cmpint (count (path, "SELECT COUNT(*) FROM daily_feedback"), >, 0);
  g_assert_cmpint (count (path, "SELECT COUNT(*) FROM sync_rejects"), ==, 0);
  g_assert_cmpint (count (path, "SELECT COUNT(*) FROM sync_log WHERE result = 'ok'"), ==, 1);
  /* The real client logged the run against the demo server. */
  g_assert_cmpint (count (path, "SELECT COUNT(*) FROM sync_log WHERE server LIKE 'http://127.0.0.1:%'"), ==, 1);

  g_assert_cmpint (server_sync (server, worker), ==, 0);
  test_sync_assert_same_data (path, reference);
  g_assert_cmpint (count (path, "SELECT COUNT(*) FROM sync_log WHERE result = 'ok'"), ==, 2);

  test_sync_worker_free (worker);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A file holding another demo (here: one that ended a week earlier) is
 * emptied first: its cursor means nothing to this server. */
static void
test_other_demo_replaced (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *reference = NULL;
  g_autoptr(DaftarDemoMode) old_server = NULL;
  g_autoptr(DaftarDemoMode) server = NULL;
  DaftarDbWorker *worker;
  GDate last, earlier;

  last_day (&last);
  earlier = last;
  g_date_subtract_days (&earlier, 7);
  reference = fill_reference (dir, DAYS, &last);

  worker = daftar_db_worker_new (path);
  old_server = started_server (DAYS, &earlier);
  g_assert_cmpint (server_sync (old_server, worker), >, 0);
  g_clear_object (&old_server);

  server = started_server (DAYS, &last);
  g_assert_cmpint (server_sync (server, worker), >, 0);
  test_sync_assert_same_data (path, reference);
  /* The old demo's log went with its data. */
  g_assert_cmpint (count (path, "SELECT COUNT(*) FROM sync_log"), ==, 1);

  test_sync_worker_free (worker);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Only this process knows the token: a guessed one is refused, and every
 * server makes its own. */
static void
test_token_private (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(DaftarDemoMode) server = NULL;
  g_autoptr(DaftarDemoMode) other = NULL;
  g_autoptr(DaftarSyncClient) client = NULL;
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  DaftarDbWorker *worker;
  GDate last;

  last_day (&last);
  server = started_server (DAYS, &last);
  other = started_server (DAYS, &last);
  g_assert_cmpuint (strlen (daftar_demo_mode_get_token (server)), >=, 32);
  g_assert_cmpstr (daftar_demo_mode_get_token (server), !=, daftar_demo_mode_get_token (other));
  g_assert_cmpuint (daftar_demo_mode_get_n_offices (server), ==, 1);

  worker = daftar_db_worker_new (path);
  client = daftar_sync_client_new (worker, daftar_demo_mode_get_url (server),
                                   daftar_demo_mode_get_office_code (server, 0));
  daftar_sync_client_set_token (client, daftar_demo_mode_get_token (other));
  summary = test_sync_run (client, NULL, &error);
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_AUTH);
  g_assert_null (summary);

  g_clear_object (&client);
  test_sync_worker_free (worker);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
demo_sync_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Result *r = user_data;

  r->server = daftar_demo_mode_prepare_finish (result, &r->error);
  r->done = TRUE;
}

/* What `daftar --demo` calls: the default demo, ending today, synced; the
 * server keeps listening for later syncs. */
static void
test_demo_sync_default (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(DaftarDemoMode) server = NULL;
  DaftarDbWorker *worker = daftar_db_worker_new (path);
  Result r = { 0 };
  char today[11], week_ago[11];
  g_autofree char *sql = NULL;
  GDate day;

  daftar_demo_mode_prepare_async (worker, NULL, demo_sync_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r.error);
  server = r.server;
  g_assert_nonnull (server);
  g_assert_nonnull (daftar_demo_mode_get_url (server));

  g_assert_cmpint (count (path, "SELECT COUNT(*) FROM offices"), ==, DAFTAR_DEMO_OFFICES);
  g_assert_cmpint (count (path, "SELECT COUNT(DISTINCT day) FROM daily_tickets"), >, DAFTAR_DEMO_DAYS / 2);
  g_assert_cmpint (count (path, "SELECT COUNT(*) FROM sync_log WHERE result = 'ok'"), ==, DAFTAR_DEMO_OFFICES);
  /* The span ends today in Tehran (an office is closed on some days, so
   * the newest day with filings is within the last week). */
  daftar_time_local_date (g_get_real_time () / G_USEC_PER_SEC, &day);
  daftar_time_format_day (&day, today);
  g_date_subtract_days (&day, 7);
  daftar_time_format_day (&day, week_ago);
  sql = g_strdup_printf ("SELECT MAX(day) <= '%s' AND MAX(day) > '%s' FROM daily_cases", today, week_ago);
  g_assert_cmpint (count (path, sql), ==, 1);

  test_sync_worker_free (worker);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

typedef struct {
  guint    status;
  gboolean done;
} Answer;

static void
answered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Answer *answer = user_data;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);

  answer->status = soup_message_get_status (soup_session_get_async_result_message (SOUP_SESSION (source), result));
  answer->done = TRUE;
}

/* The HTTP status the server at @url gives a request for the test office
 * with @auth (NULL: no Authorization header), serving it meanwhile. */
static guint
status_for (const char *url,
            const char *auth)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *target = g_strconcat (url, "/api/v1/offices/", test_sync_office (), "/changes?limit=1", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", target);
  Answer answer = { 0, FALSE };

  /* Straight to the server, whatever proxy the environment names. */
  soup_session_set_proxy_resolver (session, NULL);
  if (auth != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, answered_cb, &answer);
  while (!answer.done)
    g_main_context_iteration (NULL, TRUE);
  return answer.status;
}

/* The demo central server lets in the exact token only: not a prefix, a
 * longer one, one that differs in its last byte, nor another scheme. (It
 * compares digests, so that how long an answer takes tells nothing about
 * the token; a test cannot time that, it can check the answers.) */
static void
test_central_token_compare (void)
{
  g_autofree char *url = NULL;
  g_autoptr(DaftarDemoCentral) server = test_sync_server (2, &url);
  g_autofree char *good = g_strconcat ("Bearer ", TEST_TOKEN, NULL);
  g_autofree char *prefix = g_strndup (good, strlen (good) - 1);
  g_autofree char *longer = g_strconcat (good, "x", NULL);
  g_autofree char *last_byte = g_strdup (good);
  g_autofree char *lower = g_strconcat ("bearer ", TEST_TOKEN, NULL);
  const char *wrong[] = { NULL, "", "Bearer", "Bearer ", prefix, longer, last_byte, lower, TEST_TOKEN };

  last_byte[strlen (last_byte) - 1] ^= 1;
  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_test_message ("Authorization: %s", wrong[i] != NULL ? wrong[i] : "(none)");
      g_assert_cmpuint (status_for (url, wrong[i]), ==, SOUP_STATUS_UNAUTHORIZED);
    }
  g_assert_cmpuint (status_for (url, good), ==, SOUP_STATUS_OK);
}

/* The standalone server has no default token: without --token it says so
 * and never starts listening; with one it serves that token only. */
static void
test_central_tool_needs_token (void)
{
  g_autofree char *tool = g_test_build_filename (G_TEST_BUILT, "..", "tools", "daftar-central-demo", NULL);
  const char * const refused[][4] = {
    { "--days", "2", NULL },
    { "--days", "2", "--token=", NULL },
    { "--days", "2", "--token=two words", NULL },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GDataInputStream) lines = NULL;
      g_autofree char *first = NULL;
      char err[512] = { 0 };
      gsize len = 0;

      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                  tool, refused[i][0], refused[i][1], refused[i][2], NULL);
      g_assert_no_error (error);
      /* A server that started prints its address first and runs on. */
      lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
      first = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
      g_assert_no_error (error);
      if (first != NULL)
        g_subprocess_send_signal (process, SIGTERM);
      g_assert_null (first);

      g_assert_true (g_input_stream_read_all (g_subprocess_get_stderr_pipe (process), err, sizeof err - 1,
                                              &len, NULL, &error));
      g_assert_true (g_subprocess_wait (process, NULL, &error));
      g_assert_no_error (error);
      g_test_message ("refused: %s", err);
      g_assert_nonnull (strstr (err, "--token"));
      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
    }

  {
    g_autoptr(GSubprocess) process = NULL;
    g_autoptr(GDataInputStream) lines = NULL;
    g_autofree char *url = NULL;

    process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                tool, "--days", "2", "--last-day", "2025-03-01",
                                "--seed", G_STRINGIFY (TEST_SEED), "--token", TEST_TOKEN, NULL);
    g_assert_no_error (error);
    lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
    url = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:"));
    g_assert_cmpuint (status_for (url, "Bearer demo"), ==, SOUP_STATUS_UNAUTHORIZED);
    g_assert_cmpuint (status_for (url, "Bearer " TEST_TOKEN), ==, SOUP_STATUS_OK);
    g_subprocess_send_signal (process, SIGTERM);
    g_assert_true (g_subprocess_wait (process, NULL, &error));
    g_assert_true (g_subprocess_get_if_exited (process));
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo-server/sync-equals-fill", test_sync_equals_fill);
  g_test_add_func ("/demo-server/other-demo-replaced", test_other_demo_replaced);
  g_test_add_func ("/demo-server/token-private", test_token_private);
  g_test_add_func ("/demo-server/demo-sync-default", test_demo_sync_default);
  g_test_add_func ("/demo-server/central-token-compare", test_central_token_compare);
  g_test_add_func ("/demo-server/central-tool-needs-token", test_central_tool_needs_token);
  return g_test_run ();
}
