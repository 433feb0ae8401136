/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-pipeline.c: the sync client fetches the next page while the worker ingests one — in order, and a refused or cancelled page leaves nothing of a later one. */
#include "config.h"

#include <libsoup/soup.h>

#include "daftar-test-gate.h"
#include "test-sync-common.h"

#define DAYS 20
#define LIMIT 300
#define CASE_AT "\"kind\":\"petition\",\"filed_at\":\"2025-02-27T09:12:00+03:30\",\"shift\":\"morning\",\"status\":\"sent\""

/* The cursor after each page of @limit changes, as the demo server makes them. */
static GPtrArray *
feed_cursors (guint n_days,
              guint limit)
{
  g_autoptr(DaftarDemoCentralFeed) feed = daftar_demo_central_feed_new (test_sync_demo (n_days));
  GPtrArray *cursors = g_ptr_array_new_with_free_func (g_free);
  DaftarDemoCentralCursor cursor = { 0, 0, 0, 0 };
  gboolean has_more = TRUE;

  while (has_more)
    {
      g_autoptr(GString) page = daftar_demo_central_feed_page (feed, &cursor, limit, 1, 0, &has_more);
      JsonObject *object = daftar_test_parse_object (page->str);

      g_ptr_array_add (cursors, g_strdup (json_object_get_string_member (object, "cursor")));
      json_object_unref (object);
    }
  return cursors;
}

/* What a test watches of a run against the demo server. */
typedef struct {
  DaftarDbWorker *worker;
  DaftarDb       *reader;          /* a connection of the test's own: the worker may be held */
  DaftarTestGate  gate;
  guint           close_at;        /* the page being served when the gate is queued */
  guint           open_at;         /* ... and when it is opened */
  GCancellable   *cancel_at_open;  /* nullable: cancelled just before opening */
  gboolean        held_at_open;
  guint           served;
  guint           ahead;           /* pages whose next one was asked for before they committed */
  GPtrArray      *served_cursor;   /* the stored cursor as each page was served */
  GPtrArray      *applied_cursor;  /* ... and as each was reported applied */
} Watch;

static char *
reader_cursor (Watch *watch)
{
  g_autoptr(GError) error = NULL;
  char *cursor = daftar_ingest_get_cursor (watch->reader, test_sync_office (), &error);

  g_assert_no_error (error);
  return cursor != NULL ? cursor : g_strdup ("");
}

static void
page_served_cb (DaftarDemoCentral *server,
                guint              pages,
                gboolean           with_cursor,
                gpointer           user_data)
{
  Watch *watch = user_data;

  watch->served = pages;
  g_ptr_array_add (watch->served_cursor, reader_cursor (watch));
  if (pages == watch->close_at)
    daftar_test_gate_close (&watch->gate, watch->worker);
  if (pages == watch->open_at)
    {
      if (watch->cancel_at_open != NULL)
        g_cancellable_cancel (watch->cancel_at_open);
      watch->held_at_open = daftar_test_gate_open (&watch->gate);
    }
}

static void
page_applied_cb (DaftarSyncClient *client,
                 guint             pages,
                 guint64           records,
                 gpointer          user_data)
{
  Watch *watch = user_data;

  g_ptr_array_add (watch->applied_cursor, reader_cursor (watch));
  if (watch->served > pages)
    watch->ahead++;
}

typedef struct {
  char                *dir;
  char                *path;
  char                *url;
  DaftarDemoCentral   *server;
  DaftarDbWorker      *worker;
  DaftarSyncClient    *client;
  GPtrArray           *cursors;   /* the feed's, after each page */
  Watch                watch;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  f->dir = daftar_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "daftar.db", NULL);
  f->server = test_sync_server (DAYS, &f->url);
  f->worker = daftar_db_worker_new (f->path);
  f->client = test_sync_client (f->worker, f->url);
  daftar_sync_client_set_page_limit (f->client, LIMIT);
  f->cursors = feed_cursors (DAYS, LIMIT);
  g_assert_cmpuint (f->cursors->len, >=, 4);

  /* Once the worker has made the file, the test reads it on its own. */
  stored = test_sync_stored_cursor (f->worker);
  g_assert_cmpstr (stored, ==, "");
  f->watch.worker = f->worker;
  f->watch.reader = daftar_db_open (f->path, &error);
  g_assert_no_error (error);
  daftar_test_gate_init (&f->watch.gate);
  f->watch.served_cursor = g_ptr_array_new_with_free_func (g_free);
  f->watch.applied_cursor = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->server, "page-served", G_CALLBACK (page_served_cb), &f->watch);
  g_signal_connect (f->client, "page-applied", G_CALLBACK (page_applied_cb), &f->watch);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  daftar_test_gate_wait_done (&f->watch.gate);
  g_signal_handlers_disconnect_by_data (f->server, &f->watch);
  g_signal_handlers_disconnect_by_data (f->client, &f->watch);
  g_clear_object (&f->client);
  test_sync_worker_free (g_steal_pointer (&f->worker));
  g_clear_pointer (&f->watch.reader, daftar_db_close);
  g_ptr_array_unref (f->watch.served_cursor);
  g_ptr_array_unref (f->watch.applied_cursor);
  daftar_test_gate_clear (&f->watch.gate);
  g_ptr_array_unref (f->cursors);
  g_clear_object (&f->server);
  g_free (f->url);
  g_free (f->path);
  daftar_test_tmpdir_free (f->dir);
}

/* The last sync_log row: finished, with @result and @pages. */
static void
assert_logged (Fixture    *f,
               const char *result,
               gint64      pages)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sync_log WHERE id = (SELECT max(id) FROM sync_log) "
                                          "AND result = '%s' AND pages = %" G_GINT64_FORMAT
                                          " AND finished_at IS NOT NULL", result, pages);

  g_assert_cmpint (daftar_test_count (f->watch.reader, sql), ==, 1);
}

static void
assert_clean_run_completes (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autofree char *stored = NULL;

  g_signal_handlers_disconnect_by_data (f->server, &f->watch);
  summary = test_sync_run (f->client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary->cursor, ==, g_ptr_array_index (f->cursors, f->cursors->len - 1));
  stored = test_sync_stored_cursor (f->worker);
  g_assert_cmpstr (stored, ==, summary->cursor);
  test_sync_assert_same_data (f->path, test_sync_reference (DAYS));
  test_sync_assert_integrity (f->path);
}

/* The request for page 2 reaches the server while page 1 cannot commit
 * yet, and every page commits in order with its own cursor. */
static void
test_overlap_in_order (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarSyncSummary) summary = NULL;
  guint n = f->cursors->len;

  /* The gate is queued as page 1 is served: before its ingest, which
   * therefore cannot commit until page 2 has been asked for. */
  f->watch.close_at = 1;
  f->watch.open_at = 2;
  summary = test_sync_run (f->client, NULL, &error);
  g_assert_no_error (error);
  daftar_test_gate_wait_done (&f->watch.gate);

  g_assert_true (f->watch.held_at_open);
  g_assert_cmpuint (f->watch.served_cursor->len, ==, n);
  g_assert_cmpstr (g_ptr_array_index (f->watch.served_cursor, 1), ==, "");
  g_assert_cmpuint (f->watch.ahead, >=, 1);
  g_test_message ("%u of %u pages had the next one asked for before they committed", f->watch.ahead, n - 1);

  /* Strictly in order: after the k-th page, the k-th cursor, and nothing
   * asked past the last page. */
  g_assert_cmpuint (summary->pages, ==, n);
  g_assert_cmpuint (f->watch.applied_cursor->len, ==, n);
  for (guint k = 0; k < n; k++)
    g_assert_cmpstr (g_ptr_array_index (f->watch.applied_cursor, k), ==, g_ptr_array_index (f->cursors, k));
  g_assert_cmpuint (daftar_demo_central_get_requests (f->server), ==, n);
  g_assert_cmpstr (summary->cursor, ==, g_ptr_array_index (f->cursors, n - 1));
  test_sync_assert_same_data (f->path, test_sync_reference (DAYS));
  assert_logged (f, "ok", n);
}

/* Cancelled while page 2 waits behind the gate and page 3 is being
 * fetched: page 1 stays, nothing of pages 2 or 3 is applied, and the
 * next run completes. */
static void
test_cancel_mid_run (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autofree char *ref_dir = NULL;
  g_autofree char *ref_cursor = NULL;
  g_autofree char *ref_path = NULL;
  g_autofree char *stored = NULL;

  ref_path = test_sync_first_page_reference (DAYS, LIMIT, &ref_dir, &ref_cursor);
  g_assert_cmpstr (ref_cursor, ==, g_ptr_array_index (f->cursors, 0));

  f->watch.close_at = 2;
  f->watch.open_at = 3;
  f->watch.cancel_at_open = cancellable;
  summary = test_sync_run (f->client, cancellable, &error);
  g_assert_null (summary);
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_CANCELLED);
  daftar_test_gate_wait_done (&f->watch.gate);
  g_assert_true (f->watch.held_at_open);

  /* Page 3 was asked for while page 2 had not committed... */
  g_assert_cmpuint (f->watch.served_cursor->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (f->watch.served_cursor, 2), ==, ref_cursor);
  /* ...and the run stopped both: no more requests, no page past the first. */
  g_assert_cmpuint (daftar_demo_central_get_requests (f->server), ==, 3);
  g_assert_cmpuint (f->watch.applied_cursor->len, ==, 1);
  stored = test_sync_stored_cursor (f->worker);
  g_assert_cmpstr (stored, ==, ref_cursor);
  test_sync_assert_same_data (f->path, ref_path);
  test_sync_assert_integrity (f->path);
  assert_logged (f, "cancelled", 1);
  daftar_test_tmpdir_free (g_steal_pointer (&ref_dir));

  assert_clean_run_completes (f);
}

/* The page bound counts pages fetched ahead: none is asked past it. */
static void
test_max_pages (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autofree char *stored = NULL;

  g_object_set (f->client, "max-pages", 2u, NULL);
  summary = test_sync_run (f->client, NULL, &error);
  g_assert_null (summary);
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_SERVER);
  g_assert_cmpuint (daftar_demo_central_get_requests (f->server), ==, 2);
  stored = test_sync_stored_cursor (f->worker);
  g_assert_cmpstr (stored, ==, g_ptr_array_index (f->cursors, 1));
  assert_logged (f, "server", 2);

  g_object_set (f->client, "max-pages", DAFTAR_SYNC_DEFAULT_MAX_PAGES, NULL);
  assert_clean_run_completes (f);
}

/* A scripted server of three pages, the second of which ingest refuses
 * (another office's data) until it is told to serve a good one. */
typedef struct {
  SoupServer     *server;
  char           *url;
  DaftarDbWorker *worker;
  DaftarTestGate  gate;
  gboolean        second_good;
  guint           requests;
  guint           third_asked;
  gboolean        third_held;
} Script;

static Script *current;

static char *
script_page (const char *office,
             const char *cursor,
             gboolean    has_more,
             const char *id)
{
  return g_strdup_printf ("{\"protocol\":1,\"office\":\"%s\",\"cursor\":\"%s\",\"has_more\":%s,\"changes\":["
                          "{\"entity\":\"case\",\"op\":\"upsert\",\"data\":{\"id\":\"%s\",\"office_code\":\"%s\","
                          CASE_AT "}}]}",
                          office, cursor, has_more ? "true" : "false", id, office);
}

static char *
second_page (gboolean good)
{
  return script_page (good ? test_sync_office () : "ZZ-OTHER-99", "p2", TRUE, "PIPE-2");
}

static void
script_handler (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  Script *script = user_data;
  const char *since = query != NULL ? g_hash_table_lookup (query, "since") : NULL;
  char *body;

  script->requests++;
  if (since == NULL || *since == '\0')
    body = script_page (test_sync_office (), "p1", TRUE, "PIPE-1");
  else if (g_str_equal (since, "p1"))
    {
      /* Page 1's ingest is queued already; page 2's will wait behind this. */
      if (!script->second_good)
        daftar_test_gate_close (&script->gate, script->worker);
      body = second_page (script->second_good);
    }
  else if (g_str_equal (since, "p2"))
    {
      script->third_asked++;
      body = script_page (test_sync_office (), "p3", FALSE, "PIPE-3");
    }
  else
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, body, strlen (body));
}

/* The client says when a parsed page waits for the ingest before it: then
 * page 3 is fetched and parsed, and page 2 may be ingested (and refused). */
static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (current != NULL && current->third_asked > 0 && !current->third_held &&
        g_str_equal (fields[i].key, "MESSAGE") &&
        strstr (fields[i].value, "waits for the ingest") != NULL)
      current->third_held = daftar_test_gate_open (&current->gate);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

static gint64
count_cases (DaftarDb   *db,
             const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM cases WHERE id = '%s'", id);

  return daftar_test_count (db, sql);
}

/* The message a run refused on @body must end with: what ingest says of it. */
static char *
expected_refusal (const char *body)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(GError) error = NULL;
  DaftarIngestResult result = { 0 };
  char *message;

  g_assert_false (daftar_ingest_page_bytes (db, test_sync_office (), bytes, &result, &error));
  g_assert_error (error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_WRONG_OFFICE);
  message = g_strdup_printf ("The central server sent a page that is not valid; nothing of it was applied: %s",
                             error->message);
  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
  return message;
}

static void
test_refused_page_drops_next (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "daftar.db", NULL);
  g_autofree char *bad_second = second_page (FALSE);
  g_autofree char *want = expected_refusal (bad_second);
  g_autofree char *stored = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(DaftarSyncSummary) again = NULL;
  g_autoptr(DaftarDb) reader = NULL;
  DaftarSyncClient *client;
  Script script = { 0 };

  /* The client's debug messages reach capture_writer, which prints none. */
  g_setenv ("G_MESSAGES_DEBUG", "daftar-sync", TRUE);
  daftar_test_gate_init (&script.gate);
  script.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (script.server, NULL, script_handler, &script, NULL);
  g_assert_true (soup_server_listen_local (script.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (script.server);
  script.url = g_uri_to_string (uris->data);
  script.worker = daftar_db_worker_new (path);
  client = test_sync_client (script.worker, script.url);
  current = &script;

  summary = test_sync_run (client, NULL, &error);
  daftar_test_gate_wait_done (&script.gate);

  /* Page 3 was fetched and parsed while page 2 waited for the worker... */
  g_assert_true (script.third_held);
  g_assert_cmpuint (script.third_asked, ==, 1);
  g_assert_cmpuint (script.requests, ==, 3);
  /* ...and the run ended as a one-page-at-a-time client ends: with page 2's
   * refusal, page 1 kept, nothing of pages 2 and 3. */
  g_assert_null (summary);
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_BAD_PAGE);
  g_assert_cmpstr (error->message, ==, want);
  stored = test_sync_stored_cursor (script.worker);
  g_assert_cmpstr (stored, ==, "p1");
  reader = daftar_db_open (path, NULL);
  g_assert_nonnull (reader);
  g_assert_cmpint (count_cases (reader, "PIPE-1"), ==, 1);
  g_assert_cmpint (count_cases (reader, "PIPE-2"), ==, 0);
  g_assert_cmpint (count_cases (reader, "PIPE-3"), ==, 0);
  g_assert_cmpint (daftar_test_count (reader, "SELECT count(*) FROM sync_log WHERE id = (SELECT max(id) FROM sync_log) "
                                              "AND result = 'bad-page' AND pages = 1 AND finished_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (daftar_test_count (reader, "SELECT count(*) FROM sync_log WHERE message IS NOT NULL "
                                              "AND instr(message, 'ZZ-OTHER-99') > 0"), ==, 1);
  test_sync_assert_integrity (path);
  g_clear_error (&error);

  /* A good page 2 now: the next run goes on from page 1's cursor. */
  script.second_good = TRUE;
  script.requests = 0;
  again = test_sync_run (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->pages, ==, 2);
  g_assert_cmpstr (again->cursor, ==, "p3");
  g_assert_cmpuint (script.requests, ==, 2);
  g_assert_cmpint (count_cases (reader, "PIPE-2"), ==, 1);
  g_assert_cmpint (count_cases (reader, "PIPE-3"), ==, 1);

  current = NULL;
  g_unsetenv ("G_MESSAGES_DEBUG");
  g_object_unref (client);
  test_sync_worker_free (script.worker);
  g_clear_pointer (&reader, daftar_db_close);
  soup_server_disconnect (script.server);
  g_object_unref (script.server);
  g_free (script.url);
  daftar_test_gate_clear (&script.gate);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_log_set_writer_func (capture_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/sync/pipeline/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("overlap-in-order", test_overlap_in_order);
  ADD ("cancel-mid-run", test_cancel_mid_run);
  ADD ("max-pages", test_max_pages);
#undef ADD
  g_test_add_func ("/sync/pipeline/refused-page-drops-next", test_refused_page_drops_next);
  return g_test_run ();
}
