/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-connection.c: the connect dialog's one-request test against the demo central server and against servers that answer wrongly or not at all. */
#include "config.h"

#include <libsoup/soup.h>

#include "daftar-sync-connection.h"
#include "test-sync-common.h"

#define DAYS 2

typedef struct {
  DaftarConnectionResult *result;
  GError                 *error;
  gboolean                done;
} Wait;

static void
test_done (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = daftar_sync_test_connection_finish (res, &wait->error);
  wait->done = TRUE;
}

/* Runs one test to its end; the deadline only stops a hang. */
static DaftarConnectionResult *
run_test (const char    *server,
          const char    *office,
          const char    *token,
          GCancellable  *cancellable,
          GError       **error)
{
  Wait wait = { NULL, NULL, FALSE };
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  daftar_sync_test_connection_async (server, office, token, cancellable, test_done, &wait);
  while (!wait.done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.result;
}

static DaftarConnectionResult *
run_ok (const char *server,
        const char *office,
        const char *token)
{
  g_autoptr(GError) error = NULL;
  DaftarConnectionResult *result = run_test (server, office, token, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_test_message ("%s → outcome %d, HTTP %u: %s (%s)", server, result->outcome, result->http_status,
                  result->message, result->detail != NULL ? result->detail : "no detail");
  g_assert_nonnull (result->message);
  g_assert_cmpstr (result->message, !=, "");
  /* Never the secret, whatever happened. */
  g_assert_null (strstr (result->message, TEST_TOKEN));
  g_assert_null (strstr (result->detail != NULL ? result->detail : "", TEST_TOKEN));
  return result;
}

static char *
reference_office_name (void)
{
  sqlite3 *handle = test_sync_open_readonly (test_sync_reference (1));
  sqlite3_stmt *stmt = NULL;
  char *name;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT name FROM offices", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return name;
}

/* The demo central server: connected, with the office's own name, in one
 * request. */
static void
test_demo_server_ok (void)
{
  g_autofree char *url = NULL;
  g_autoptr(DaftarDemoCentral) server = test_sync_server (DAYS, &url);
  g_autoptr(DaftarConnectionResult) result = NULL;
  g_autofree char *with_slash = NULL;
  g_autofree char *name = reference_office_name ();

  result = run_ok (url, test_sync_office (), TEST_TOKEN);
  g_assert_cmpint (result->outcome, ==, DAFTAR_CONNECTION_OK);
  g_assert_cmpuint (result->http_status, ==, 200);
  g_assert_cmpstr (result->office_name, ==, name);
  g_assert_nonnull (strstr (result->message, name));
  g_assert_null (result->detail);
  g_assert_cmpuint (daftar_demo_central_get_requests (server), ==, 1);

  /* An address typed with a trailing slash is the same server. */
  g_clear_pointer (&result, daftar_connection_result_free);
  with_slash = g_strconcat (url, "/", NULL);
  result = run_ok (with_slash, test_sync_office (), TEST_TOKEN);
  g_assert_cmpint (result->outcome, ==, DAFTAR_CONNECTION_OK);
  g_assert_cmpuint (daftar_demo_central_get_requests (server), ==, 2);
}

static void
test_wrong_token (void)
{
  g_autofree char *url = NULL;
  g_autoptr(DaftarDemoCentral) server = test_sync_server (DAYS, &url);
  g_autoptr(DaftarConnectionResult) result = NULL;

  result = run_ok (url, test_sync_office (), "not-" TEST_TOKEN);
  g_assert_cmpint (result->outcome, ==, DAFTAR_CONNECTION_WRONG_TOKEN);
  g_assert_cmpuint (result->http_status, ==, 401);
  g_assert_nonnull (strstr (result->message, "401"));
  g_assert_cmpuint (daftar_demo_central_get_requests (server), ==, 1);

  /* A token no header can carry never leaves the computer. */
  g_clear_pointer (&result, daftar_connection_result_free);
  result = run_ok (url, test_sync_office (), "two\nlines");
  g_assert_cmpint (result->outcome, ==, DAFTAR_CONNECTION_WRONG_TOKEN);
  g_assert_cmpuint (result->http_status, ==, 0);
  g_assert_cmpuint (daftar_demo_central_get_requests (server), ==, 1);
}

static void
test_unknown_office (void)
{
  g_autofree char *url = NULL;
  g_autoptr(DaftarDemoCentral) server = test_sync_server (DAYS, &url);
  g_autoptr(DaftarConnectionResult) result = NULL;

  result = run_ok (url, "YZ-NOPE-99", TEST_TOKEN);
  g_assert_cmpint (result->outcome, ==, DAFTAR_CONNECTION_UNKNOWN_OFFICE);
  g_assert_cmpuint (result->http_status, ==, 404);
  g_assert_nonnull (strstr (result->message, "YZ-NOPE-99"));
}

/* A port on 127.0.0.1 that nothing listens on: refused at once. */
static void
test_unreachable (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarConnectionResult) result = NULL;
  g_autofree char *url = NULL;
  guint16 port;

  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  url = g_strdup_printf ("http://127.0.0.1:%u", port);

  result = run_ok (url, test_sync_office (), TEST_TOKEN);
  g_assert_cmpint (result->outcome, ==, DAFTAR_CONNECTION_UNREACHABLE);
  g_assert_cmpuint (result->http_status, ==, 0);
  g_assert_nonnull (strstr (result->message, url));
  /* The network's own words are kept, as a detail. */
  g_assert_nonnull (result->detail);
}

/* An address a sync would refuse is refused before any connection. */
static void
test_insecure_address (void)
{
  static const char * const refused[] = {
    "http://central.example.ir", "https://manager:pw@central.example.ir", "ftp://127.0.0.1", "not a url",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(DaftarConnectionResult) result = run_ok (refused[i], test_sync_office (), TEST_TOKEN);

      g_assert_cmpint (result->outcome, ==, DAFTAR_CONNECTION_INSECURE);
      g_assert_cmpuint (result->http_status, ==, 0);
      g_assert_null (strstr (result->message, "pw"));
    }
}

/* A server of our own that answers each path as the test says. */

typedef struct {
  guint        status;
  const char  *content_type;
  char        *body;       /* owned, nullable */
  const char  *location;   /* nullable */
  guint        requests;
  char        *last_auth;  /* owned, nullable */
} Answer;

static void
answer_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Answer *answer = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  answer->requests++;
  g_free (answer->last_auth);
  answer->last_auth = g_strdup (soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                              "Authorization"));
  /* The second request of a same-server redirect gets a good page. */
  if (g_str_has_prefix (path, "/moved/"))
    {
      g_autofree char *page = g_strdup_printf ("{\"protocol\":1,\"office\":\"%s\",\"cursor\":\"c1\",\"has_more\":true,\"changes\":[]}",
                                               test_sync_office ());
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, page, strlen (page));
      soup_server_message_set_status (msg, 200, NULL);
      return;
    }
  if (answer->location != NULL)
    soup_message_headers_replace (headers, "Location", answer->location);
  if (answer->body != NULL)
    soup_server_message_set_response (msg, answer->content_type, SOUP_MEMORY_COPY, answer->body, strlen (answer->body));
  soup_server_message_set_status (msg, answer->status, NULL);
}

static SoupServer *
answer_server (Answer  *answer,
               char   **out_url)
{
  SoupServer *server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  GSList *uris;

  soup_server_add_handler (server, NULL, answer_cb, answer, NULL);
  g_assert_true (soup_server_listen (server, address, 0, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  *out_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return server;
}

static void
test_not_central (void)
{
  g_autofree char *other_office = g_strdup_printf ("{\"protocol\":1,\"office\":\"%s-X\",\"cursor\":\"c\",\"has_more\":false,\"changes\":[]}",
                                                   test_sync_office ());
  g_autofree char *no_cursor = g_strdup_printf ("{\"protocol\":1,\"office\":\"%s\",\"has_more\":false,\"changes\":[]}",
                                                test_sync_office ());
  g_autofree char *huge = g_strnfill (2 * 1024 * 1024, ' ');
  struct { guint status; const char *type; const char *body; DaftarConnectionOutcome outcome; } cases[] = {
    { 200, "text/html", "<html><body>Welcome to nginx!</body></html>", DAFTAR_CONNECTION_NOT_CENTRAL },
    { 200, "application/json", "{\"protocol\":2,\"office\":\"x\"}", DAFTAR_CONNECTION_NOT_CENTRAL },
    { 200, "application/json", "[1, 2, 3]", DAFTAR_CONNECTION_NOT_CENTRAL },
    { 200, "application/json", "{\"protocol\":1, /* comment */ \"office\":\"x\"}", DAFTAR_CONNECTION_NOT_CENTRAL },
    { 200, "application/json", other_office, DAFTAR_CONNECTION_NOT_CENTRAL },
    { 200, "application/json", no_cursor, DAFTAR_CONNECTION_NOT_CENTRAL },
    { 200, "application/json", huge, DAFTAR_CONNECTION_NOT_CENTRAL },
    { 204, NULL, NULL, DAFTAR_CONNECTION_NOT_CENTRAL },
    { 400, "text/plain", "bad request", DAFTAR_CONNECTION_NOT_CENTRAL },
    { 403, "text/plain", "forbidden", DAFTAR_CONNECTION_WRONG_TOKEN },
    { 500, "text/plain", "oops", DAFTAR_CONNECTION_SERVER_TROUBLE },
    { 503, "text/plain", "later", DAFTAR_CONNECTION_SERVER_TROUBLE },
    { 429, "text/plain", "slow down", DAFTAR_CONNECTION_SERVER_TROUBLE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Answer answer = { cases[i].status, cases[i].type, g_strdup (cases[i].body), NULL, 0, NULL };
      g_autofree char *url = NULL;
      g_autoptr(SoupServer) server = answer_server (&answer, &url);
      g_autoptr(DaftarConnectionResult) result = run_ok (url, test_sync_office (), TEST_TOKEN);

      g_assert_cmpint (result->outcome, ==, cases[i].outcome);
      g_assert_cmpuint (result->http_status, ==, cases[i].status);
      g_assert_cmpuint (answer.requests, ==, 1);
      /* The token went as a sync sends it. */
      g_assert_cmpstr (answer.last_auth, ==, "Bearer " TEST_TOKEN);
      if (cases[i].outcome == DAFTAR_CONNECTION_NOT_CENTRAL)
        g_assert_nonnull (result->detail);
      soup_server_disconnect (server);
      g_free (answer.body);
      g_free (answer.last_auth);
    }
}

/* Redirects: within the same server they are followed as a sync follows
 * them; to another server the token does not go. */
static void
test_redirects (void)
{
  Answer answer = { 308, NULL, NULL, NULL, 0, NULL };
  g_autofree char *url = NULL;
  g_autoptr(SoupServer) server = answer_server (&answer, &url);
  g_autoptr(DaftarConnectionResult) result = NULL;
  g_autofree char *moved = g_strdup_printf ("%s/moved/here", url);

  answer.location = moved;
  result = run_ok (url, test_sync_office (), TEST_TOKEN);
  g_assert_cmpint (result->outcome, ==, DAFTAR_CONNECTION_OK);
  g_assert_null (result->office_name);
  g_assert_cmpuint (answer.requests, ==, 2);

  g_clear_pointer (&result, daftar_connection_result_free);
  answer.requests = 0;
  answer.location = "https://elsewhere.example.ir/api";
  result = run_ok (url, test_sync_office (), TEST_TOKEN);
  g_assert_cmpint (result->outcome, ==, DAFTAR_CONNECTION_INSECURE);
  g_assert_cmpuint (answer.requests, ==, 1);

  /* A loop ends. */
  g_clear_pointer (&result, daftar_connection_result_free);
  answer.requests = 0;
  answer.location = "/api/again";
  result = run_ok (url, test_sync_office (), TEST_TOKEN);
  g_assert_cmpint (result->outcome, ==, DAFTAR_CONNECTION_NOT_CENTRAL);
  g_assert_cmpuint (answer.requests, ==, DAFTAR_SYNC_MAX_REDIRECTS + 1);
  g_free (answer.last_auth);
}

/* The office's name comes from the server: it is shown, so nothing in it
 * may steer a terminal or reorder the sentence around it. */
static void
test_hostile_office_name (void)
{
  Answer answer = { 200, "application/json", NULL, NULL, 0, NULL };
  g_autofree char *url = NULL;
  g_autoptr(SoupServer) server = answer_server (&answer, &url);
  g_autoptr(DaftarConnectionResult) result = NULL;

  answer.body = g_strdup_printf ("{\"protocol\":1,\"office\":\"%s\",\"cursor\":\"c\",\"has_more\":false,\"changes\":["
                                 "{\"entity\":\"office\",\"op\":\"upsert\",\"data\":{\"code\":\"%s\","
                                 "\"name\":\"\\u001b[2Jدفتر \\u202eابرکوه\"}}]}",
                                 test_sync_office (), test_sync_office ());
  result = run_ok (url, test_sync_office (), TEST_TOKEN);
  g_assert_cmpint (result->outcome, ==, DAFTAR_CONNECTION_OK);
  g_assert_nonnull (result->office_name);
  g_assert_null (strchr (result->office_name, '\x1b'));
  g_assert_null (strstr (result->office_name, "\u202e"));
  g_assert_null (strchr (result->message, '\x1b'));
  g_assert_null (strstr (result->message, "\u202e"));
  g_assert_nonnull (strstr (result->message, "ابرکوه"));
  g_free (answer.body);
  g_free (answer.last_auth);
}

static void
test_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = NULL;
  g_autoptr(DaftarDemoCentral) server = test_sync_server (DAYS, &url);
  g_autoptr(GError) error = NULL;
  DaftarConnectionResult *result;

  g_cancellable_cancel (cancellable);
  result = run_test (url, test_sync_office (), TEST_TOKEN, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-connection/demo-server-ok", test_demo_server_ok);
  g_test_add_func ("/sync-connection/wrong-token", test_wrong_token);
  g_test_add_func ("/sync-connection/unknown-office", test_unknown_office);
  g_test_add_func ("/sync-connection/unreachable", test_unreachable);
  g_test_add_func ("/sync-connection/insecure-address", test_insecure_address);
  g_test_add_func ("/sync-connection/not-central", test_not_central);
  g_test_add_func ("/sync-connection/redirects", test_redirects);
  g_test_add_func ("/sync-connection/hostile-office-name", test_hostile_office_name);
  g_test_add_func ("/sync-connection/cancel", test_cancel);
  return g_test_run ();
}
