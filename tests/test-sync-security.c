/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-security.c: where the token may go — never to plain http off this machine, never into logs, settings or the database. */
#include "config.h"

#include "daftar-soup.h"
#include "daftar-token.h"
#include "test-sync-common.h"

static GPtrArray *log_lines;

static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (fields[i].length < 0)
      g_ptr_array_add (log_lines, g_strdup (fields[i].value));
    else
      g_ptr_array_add (log_lines, g_strndup (fields[i].value, fields[i].length));
  /* Errors and criticals still fail the test as usual. */
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

static void
test_loopback (void)
{
  static const char * const yes[] = { "127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost", "LOCALHOST" };
  static const char * const no[] = { "10.0.0.1", "192.0.2.7", "example.com", "127.0.0.1.example.com",
                                     "::ffff:8.8.8.8", "", "localhost.evil" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    g_assert_true (daftar_soup_host_is_loopback (yes[i]));
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    g_assert_false (daftar_soup_host_is_loopback (no[i]));
}

static void
test_http_refused (void)
{
  static const char * const refused[] = {
    "http://192.0.2.7:8080", "http://central.example.ir", "ftp://127.0.0.1", "not a url",
    "https://user:pw@central.example.ir", "http://user:pw@127.0.0.1:8080",
    "user:pw@central.example.ir", "https://central.example.ir/?token=pw", "https://central.example.ir/#pw",
  };
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "daftar.db", NULL);
  DaftarDbWorker *worker = daftar_db_worker_new (path);
  sqlite3 *handle;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(DaftarSyncClient) client = test_sync_client (worker, refused[i]);
      g_autoptr(DaftarSyncSummary) summary = NULL;
      g_autoptr(GError) error = NULL;

      summary = test_sync_run (client, NULL, &error);
      g_assert_null (summary);
      g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_INSECURE);
      g_test_message ("%s: %s", refused[i], error->message);
      g_assert_null (strstr (error->message, "pw"));
    }

  /* Each refusal is logged, and nothing was fetched. */
  handle = test_sync_open_readonly (path);
  g_assert_cmpint (test_sync_query_int (handle, "SELECT count(*) FROM sync_log WHERE result = 'insecure'"),
                   ==, G_N_ELEMENTS (refused));
  g_assert_cmpint (test_sync_query_int (handle, "SELECT count(*) FROM cases"), ==, 0);
  /* ...without the password: the address was checked before the row was
   * written, and keeps only what is no secret. */
  g_assert_cmpint (test_sync_query_int (handle, "SELECT count(*) FROM sync_log WHERE "
                                                "instr(coalesce(server, ''), 'pw') > 0 OR "
                                                "instr(coalesce(message, ''), 'pw') > 0"), ==, 0);
  g_assert_cmpint (test_sync_query_int (handle, "SELECT count(*) FROM sync_log WHERE "
                                                "server = 'https://central.example.ir/'"), ==, 3);
  sqlite3_close (handle);
  test_sync_worker_free (worker);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_no_token (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "daftar.db", NULL);
  g_autofree char *url = NULL;
  g_autoptr(DaftarDemoCentral) server = test_sync_server (3, &url);
  DaftarDbWorker *worker = daftar_db_worker_new (path);
  DaftarSyncClient *client = daftar_sync_client_new (worker, url, test_sync_office ());
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = test_sync_run (client, NULL, &error);
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_AUTH);
  g_assert_cmpuint (daftar_demo_central_get_requests (server), ==, 0);
  g_object_unref (client);
  test_sync_worker_free (worker);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_token_file (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *file = g_build_filename (dir, "token", NULL);
  g_autoptr(GError) error = NULL;
  char *token;

  g_setenv (DAFTAR_TOKEN_FILE_ENV, file, TRUE);

  token = daftar_token_lookup_sync ("https://c.example", "YZ-1", NULL, &error);
  g_assert_error (error, DAFTAR_TOKEN_ERROR, DAFTAR_TOKEN_ERROR_FILE);
  g_assert_null (token);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (file, "  \n", -1, NULL));
  token = daftar_token_lookup_sync ("https://c.example", "YZ-1", NULL, &error);
  g_assert_error (error, DAFTAR_TOKEN_ERROR, DAFTAR_TOKEN_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (file, " abc.DEF-123 \nsecond line\n", -1, NULL));
  token = daftar_token_lookup_sync ("https://c.example", "YZ-1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "abc.DEF-123");
  daftar_token_free (token);

  /* A file bigger than any token file is refused, not read into memory:
   * the first line would pass, the size does not. */
  {
    g_autofree char *big = g_strnfill (4 * 1024 * 1024, 'x');

    memcpy (big, "abc.DEF-123\n", 12);
    g_assert_true (g_file_set_contents (file, big, -1, NULL));
    token = daftar_token_lookup_sync ("https://c.example", "YZ-1", NULL, &error);
    g_assert_error (error, DAFTAR_TOKEN_ERROR, DAFTAR_TOKEN_ERROR_FILE);
    g_assert_null (token);
    g_assert_null (strstr (error->message, "abc.DEF"));
    g_test_message ("%s", error->message);
    g_clear_error (&error);
  }
  /* Nor a file without end. */
  g_setenv (DAFTAR_TOKEN_FILE_ENV, "/dev/zero", TRUE);
  token = daftar_token_lookup_sync ("https://c.example", "YZ-1", NULL, &error);
  g_assert_error (error, DAFTAR_TOKEN_ERROR, DAFTAR_TOKEN_ERROR_FILE);
  g_clear_error (&error);
  g_setenv (DAFTAR_TOKEN_FILE_ENV, file, TRUE);

  g_assert_false (daftar_token_validate ("two words", NULL));
  g_assert_false (daftar_token_validate ("line\r\nInjected: header", NULL));
  g_assert_true (daftar_token_validate (TEST_TOKEN, NULL));

  g_unsetenv (DAFTAR_TOKEN_FILE_ENV);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Every text cell of every table, searched for the token. */
static void
assert_token_not_in_database (const char *path)
{
  sqlite3 *handle = test_sync_open_readonly (path);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  guint64 cells = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT name FROM sqlite_master WHERE type = 'table'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) g_ptr_array_index (tables, t));

      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const char *text = (const char *) sqlite3_column_text (stmt, c);
            cells++;
            g_assert_null (text != NULL ? strstr (text, TEST_TOKEN) : NULL);
          }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (handle);
  g_assert_cmpuint (cells, >, 1000);
}

static void
test_token_not_leaked (void)
{
  static const DaftarDemoCentralFault faults[] = {
    DAFTAR_DEMO_CENTRAL_FAULT_UNAUTHORIZED, DAFTAR_DEMO_CENTRAL_FAULT_ERROR_500_TWICE,
    DAFTAR_DEMO_CENTRAL_FAULT_WRONG_PROTOCOL, DAFTAR_DEMO_CENTRAL_FAULT_BAD_RECORDS,
    DAFTAR_DEMO_CENTRAL_FAULT_EXPIRE_CURSOR, DAFTAR_DEMO_CENTRAL_FAULT_NONE,
  };
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "daftar.db", NULL);
  g_autofree char *url = NULL;
  g_autoptr(DaftarDemoCentral) server = test_sync_server (10, &url);
  DaftarDbWorker *worker = daftar_db_worker_new (path);
  DaftarSyncClient *client = test_sync_client (worker, url);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_auto(GStrv) keys = NULL;
  guint debug_lines = 0;

  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);

  daftar_sync_client_set_page_limit (client, 300);
  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(DaftarSyncSummary) summary = NULL;
      g_autoptr(GError) error = NULL;

      daftar_demo_central_set_fault (server, faults[i]);
      summary = test_sync_run (client, NULL, &error);
      /* Error messages are shown and logged too. */
      if (error != NULL)
        g_assert_null (strstr (error->message, TEST_TOKEN));
    }
  g_object_unref (client);
  test_sync_worker_free (worker);

  /* The runs did log (so the capture works), and never the token. */
  for (guint i = 0; i < log_lines->len; i++)
    {
      const char *line = g_ptr_array_index (log_lines, i);
      g_assert_null (strstr (line, TEST_TOKEN));
      if (strstr (line, "failed") != NULL || strstr (line, "expired") != NULL)
        debug_lines++;
    }
  g_assert_cmpuint (debug_lines, >, 2);

  assert_token_not_in_database (path);

  /* The schema is compiled into the build tree; every key stays clean. */
  g_assert_nonnull (source);
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  g_assert_nonnull (schema);
  settings = g_settings_new (APP_ID);
  keys = g_settings_schema_list_keys (schema);
  g_assert_cmpuint (g_strv_length (keys), >, 0);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);
      g_assert_null (strstr (text, TEST_TOKEN));
      g_assert_null (strstr (keys[i], "token"));
    }

  g_unsetenv ("G_MESSAGES_DEBUG");
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A stand-in for an HTTP proxy on this machine, set in http_proxy and
 * friends for the whole program (before any thread could read the
 * environment): it counts what reaches it and whether it saw the token. */
typedef struct {
  SoupServer *server;
  char       *url;
  guint       requests;
  gboolean    saw_token;
} Proxy;

static Proxy proxy;

static void
proxy_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");

  proxy.requests++;
  if (auth != NULL && strstr (auth, TEST_TOKEN) != NULL)
    proxy.saw_token = TRUE;
  soup_server_message_set_status (msg, SOUP_STATUS_BAD_GATEWAY, NULL);
}

static void
proxy_start (void)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  proxy.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (proxy.server, NULL, proxy_handler, NULL, NULL);
  soup_server_listen_local (proxy.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (proxy.server);
  proxy.url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_setenv ("http_proxy", proxy.url, TRUE);
  g_setenv ("HTTP_PROXY", proxy.url, TRUE);
  g_setenv ("https_proxy", proxy.url, TRUE);
  g_unsetenv ("no_proxy");
  g_unsetenv ("NO_PROXY");
}

/* With http_proxy set, a plain http sync to this machine goes straight to
 * it: the proxy never sees the request, and so never the token. */
static void
test_http_bypasses_proxy (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "daftar.db", NULL);
  g_autofree char *url = NULL;
  g_autofree char *target = NULL;
  g_autoptr(DaftarDemoCentral) central = test_sync_server (3, &url);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) proxies = NULL;
  g_autoptr(SoupSession) https_session = NULL;
  DaftarDbWorker *worker = daftar_db_worker_new (path);
  DaftarSyncClient *client;
  g_autoptr(DaftarSyncSummary) summary = NULL;

  /* The test means something only if the system's resolver does send
   * this address through the proxy. */
  target = g_strconcat (url, "/api/v1/offices/", test_sync_office (), "/changes", NULL);
  proxies = g_proxy_resolver_lookup (g_proxy_resolver_get_default (), target, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("system proxy for %s: %s", target, proxies[0]);
  g_assert_cmpstr (proxies[0], ==, proxy.url);

  proxy.requests = 0;
  client = test_sync_client (worker, url);
  summary = test_sync_run (client, NULL, &error);
  g_assert_cmpuint (proxy.requests, ==, 0);
  g_assert_false (proxy.saw_token);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->records, >, 0);
  g_assert_cmpuint (daftar_demo_central_get_requests (central), >, 0);

  /* https keeps the system's proxy: TLS runs end to end through it. */
  https_session = daftar_soup_session_new (0, "https://central.example.ir");
  g_assert_true (soup_session_get_proxy_resolver (https_session) == g_proxy_resolver_get_default ());

  g_object_unref (client);
  test_sync_worker_free (worker);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_log_set_writer_func (capture_writer, NULL, NULL);
  log_lines = g_ptr_array_new_with_free_func (g_free);
  proxy_start ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/security/loopback", test_loopback);
  g_test_add_func ("/sync/security/http-refused", test_http_refused);
  g_test_add_func ("/sync/security/no-token", test_no_token);
  g_test_add_func ("/sync/security/http-bypasses-proxy", test_http_bypasses_proxy);
  g_test_add_func ("/sync/security/token-file", test_token_file);
  g_test_add_func ("/sync/security/token-not-leaked", test_token_not_leaked);
  return g_test_run ();
}
