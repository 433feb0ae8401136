/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-phases.c: a sync run's phases — the transition table, and the phases a real run goes through when it is cancelled, misses its deadline, gets 410 or has a page refused. */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "daftar-ingest.h"
#include "daftar-sync-private.h"
#include "daftar-test-gate.h"
#include "daftar-test-util.h"

#define OFFICE "YZ-ABK-01"
#define TOKEN "phases-T0KEN"
#define CASE_AT "\"kind\":\"petition\",\"filed_at\":\"2025-02-27T09:12:00+03:30\",\"shift\":\"morning\",\"status\":\"sent\""

/* The table in daftar-sync-pipeline.c, written out again: each phase and
 * the phases it may go to. */
static const char * const expected_table[] = {
  "starting: fetching ending",
  "fetching: ingesting fetching-ahead preparing ending",
  "ingesting: fetching swapping ending",
  "fetching-ahead: fetching parsed-ahead failed-ahead gone-ahead ending",
  "parsed-ahead: ingesting fetching-ahead ending",
  "failed-ahead: ending",
  "gone-ahead: preparing ending",
  "preparing: fetching ending",
  "swapping: ending",
  "ending: finishing done",
  "finishing: done",
  "done:",
};

static gboolean
expected_allowed (DaftarSyncPhase from,
                  DaftarSyncPhase to)
{
  g_autofree char *row = g_strconcat (daftar_sync_phase_name (from), ":", NULL);
  g_autofree char *word = g_strconcat (" ", daftar_sync_phase_name (to), " ", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (expected_table); i++)
    if (g_str_has_prefix (expected_table[i], row))
      {
        g_autofree char *next = g_strconcat (expected_table[i] + strlen (row), " ", NULL);

        return strstr (next, word) != NULL;
      }
  g_assert_not_reached ();
}

/* A task as a run has one, in @phase with @pending callbacks to come. */
static GTask *
bare_run (DaftarSyncClient *client,
          DaftarSyncPhase   phase,
          guint             pending)
{
  GTask *task = g_task_new (client, NULL, NULL, NULL);
  Run *run = g_new0 (Run, 1);

  run->phase = phase;
  run->pending = pending;
  g_task_set_task_data (task, run, daftar_sync_run_free);
  return task;
}

static void
drop_run (GTask *task)
{
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

/* Every (phase, next phase) pair through the transition function: the
 * table's pairs are made, every other is refused with a critical and
 * leaves the phase as it was. */
static void
test_table (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "daftar.db", NULL);
  DaftarDbWorker *worker = daftar_db_worker_new (path);
  DaftarSyncClient *client = daftar_sync_client_new (worker, "http://127.0.0.1:9", OFFICE);
  guint n_allowed = 0;
  GTask *task;

  g_assert_cmpuint (G_N_ELEMENTS (expected_table), ==, DAFTAR_SYNC_N_PHASES);
  for (guint from = 0; from < DAFTAR_SYNC_N_PHASES; from++)
    for (guint to = 0; to < DAFTAR_SYNC_N_PHASES; to++)
      {
        gboolean allowed = expected_allowed (from, to);
        Run *run;

        g_assert_cmpint (daftar_sync_phase_allowed (from, to), ==, allowed);
        task = bare_run (client, from, 0);
        run = g_task_get_task_data (task);
        if (!allowed)
          g_test_expect_message ("daftar-sync", G_LOG_LEVEL_CRITICAL, "*daftar_sync_phase_allowed*");
        g_assert_cmpint (daftar_sync_run_set_phase (task, to), ==, allowed);
        g_test_assert_expected_messages ();
        g_assert_cmpint (run->phase, ==, allowed ? to : from);
        n_allowed += allowed;
        drop_run (task);
      }
  g_assert_cmpuint (n_allowed, ==, 26);

  /* The run's row is written, and its task returns, only once nothing of
   * it is still to come. */
  task = bare_run (client, DAFTAR_SYNC_PHASE_ENDING, 1);
  g_test_expect_message ("daftar-sync", G_LOG_LEVEL_CRITICAL, "*pending == 0*");
  g_assert_false (daftar_sync_run_set_phase (task, DAFTAR_SYNC_PHASE_FINISHING));
  g_test_assert_expected_messages ();
  g_test_expect_message ("daftar-sync", G_LOG_LEVEL_CRITICAL, "*pending == 0*");
  g_assert_false (daftar_sync_run_set_phase (task, DAFTAR_SYNC_PHASE_DONE));
  g_test_assert_expected_messages ();
  drop_run (task);

  /* A task returned in the iteration that made it completes in an idle,
   * holding the client meanwhile. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (client);
  g_assert_finalize_object (worker);   /* joins its thread, which opened the file */
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

typedef enum {
  ACT_NONE,
  ACT_CLOSE_GATE,   /* the first gate is queued on the worker */
  ACT_CANCEL,       /* the run is cancelled */
  ACT_HOLD,         /* the answer waits until the test releases it */
} Action;

/* What the server answers a request asked from @since ("" for none); each
 * answer is given once, in order. */
typedef struct {
  const char *since;
  guint       status;    /* 200, 410, or 0: never answered */
  const char *cursor;    /* of the page */
  gboolean    has_more;
  const char *office;    /* NULL: the feed's own */
  Action      action;    /* taken as the request comes, before the answer */
} Answer;

typedef struct _Fixture Fixture;
struct _Fixture {
  char             *dir;
  char             *path;
  SoupServer       *server;
  char             *url;
  DaftarDbWorker   *worker;
  DaftarSyncClient *client;
  GCancellable     *cancellable;
  const Answer     *answers;
  guint             n_answers;
  guint             given;      /* answers given so far */
  guint             requests;
  DaftarTestGate    gates[2];
  SoupServerMessage *held;      /* nullable: an ACT_HOLD answer not yet released */
  gboolean          released;
  guint             release_at; /* ... which goes as the run enters FETCHING this often */
  GString          *phases;     /* the phases a run went to, by name */
  guint             seen[DAFTAR_SYNC_N_PHASES];
  void            (*on_phase) (Fixture *f, DaftarSyncPhase phase);
};

static char *
page (const Answer *answer)
{
  const char *office = answer->office != NULL ? answer->office : OFFICE;

  return g_strdup_printf ("{\"protocol\":1,\"office\":\"%s\",\"cursor\":\"%s\",\"has_more\":%s,\"changes\":["
                          "{\"entity\":\"case\",\"op\":\"upsert\",\"data\":{\"id\":\"PHASE-%s\",\"office_code\":\"%s\","
                          CASE_AT "}}]}",
                          office, answer->cursor, answer->has_more ? "true" : "false", answer->cursor, office);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *f = user_data;
  const char *since = query != NULL ? g_hash_table_lookup (query, "since") : NULL;
  const Answer *answer = f->given < f->n_answers ? &f->answers[f->given] : NULL;
  char *body;

  f->requests++;
  if (answer == NULL || g_strcmp0 (since != NULL ? since : "", answer->since) != 0)
    {
      g_test_message ("unexpected request since “%s”", since != NULL ? since : "");
      soup_server_message_set_status (msg, SOUP_STATUS_BAD_REQUEST, NULL);
      return;
    }
  f->given++;
  if (answer->action == ACT_CLOSE_GATE)
    daftar_test_gate_close (&f->gates[0], f->worker);
  else if (answer->action == ACT_CANCEL)
    g_cancellable_cancel (f->cancellable);

  if (answer->status == 0)
    {
      /* Dropped when the client gives up on it. */
      soup_server_message_pause (msg);
      return;
    }
  soup_server_message_set_status (msg, answer->status, NULL);
  if (answer->status == SOUP_STATUS_OK)
    {
      body = page (answer);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, body, strlen (body));
    }
  if (answer->action == ACT_HOLD && !f->released)
    {
      f->held = msg;
      soup_server_message_pause (msg);
    }
}

static void
phase_cb (DaftarSyncClient *client,
          DaftarSyncPhase   from,
          DaftarSyncPhase   to,
          gpointer          user_data)
{
  Fixture *f = user_data;

  g_string_append_printf (f->phases, "%s%s", f->phases->len > 0 ? " " : "", daftar_sync_phase_name (to));
  f->seen[to]++;
  if (f->on_phase != NULL)
    f->on_phase (f, to);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoslist(GUri) uris = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = daftar_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "daftar.db", NULL);
  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, server_cb, f, NULL);
  g_assert_true (soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->url = g_uri_to_string (uris->data);
  f->worker = daftar_db_worker_new (f->path);
  f->client = daftar_sync_client_new (f->worker, f->url, OFFICE);
  daftar_sync_client_set_token (f->client, TOKEN);
  daftar_sync_client_set_retry_base_ms (f->client, 5);
  daftar_sync_client_watch_phases (f->client, phase_cb, f);
  f->cancellable = g_cancellable_new ();
  f->phases = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (f->gates); i++)
    daftar_test_gate_init (&f->gates[i]);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (f->gates); i++)
    daftar_test_gate_clear (&f->gates[i]);
  g_clear_object (&f->client);
  /* The worker thread lets go of its last job a moment after the job's
   * callback ran here; the last reference is dropped on this thread. */
  while (g_atomic_int_get (&G_OBJECT (f->worker)->ref_count) > 1)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (100);
    }
  g_clear_object (&f->worker);
  g_clear_object (&f->cancellable);
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_string_free (f->phases, TRUE);
  g_free (f->url);
  g_free (f->path);
  daftar_test_tmpdir_free (f->dir);
}

typedef struct {
  DaftarSyncSummary *summary;
  GError            *error;
  gboolean           done;
} Result;

static void
run_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  Result *out = user_data;

  out->summary = daftar_sync_client_run_finish (DAFTAR_SYNC_CLIENT (source), result, &out->error);
  out->done = TRUE;
}

/* Runs one sync against @answers to its end; returns the phases it went to. */
static const char *
run (Fixture            *f,
     const Answer       *answers,
     guint               n_answers,
     DaftarSyncSummary **out_summary,
     GError            **error)
{
  Result result = { NULL, NULL, FALSE };

  f->answers = answers;
  f->n_answers = n_answers;
  f->given = 0;
  f->requests = 0;
  f->held = NULL;
  f->released = FALSE;
  g_string_truncate (f->phases, 0);
  memset (f->seen, 0, sizeof f->seen);
  daftar_sync_client_run_async (f->client, f->cancellable, run_cb, &result);
  while (!result.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (f->given, ==, n_answers);
  *out_summary = result.summary;
  if (result.error != NULL)
    g_propagate_error (error, result.error);
  g_test_message ("phases: %s", f->phases->str);
  return f->phases->str;
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  g_autoptr(DaftarDb) db = daftar_db_open (f->path, NULL);

  g_assert_nonnull (db);
  return daftar_test_count (db, sql);
}

/* The stored cursor is @want ("" for none). */
static void
assert_cursor (Fixture    *f,
               const char *want)
{
  g_autoptr(DaftarDb) db = daftar_db_open (f->path, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;

  g_assert_nonnull (db);
  cursor = daftar_ingest_get_cursor (db, OFFICE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cursor != NULL ? cursor : "", ==, want);
}

static void
assert_logged (Fixture    *f,
               const char *result,
               gint64      pages)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sync_log WHERE id = (SELECT max(id) FROM sync_log) "
                                          "AND result = '%s' AND pages = %" G_GINT64_FORMAT
                                          " AND finished_at IS NOT NULL", result, pages);

  g_assert_cmpint (count (f, sql), ==, 1);
}

#define RUN(f, answers, summary, error) run (f, answers, G_N_ELEMENTS (answers), summary, error)

/* Page 1 is held on the worker until page 2 is parsed; page 2 until page 3
 * is: each parsed page waits for the one before it, and goes on. */
static void
parsed_first (Fixture         *f,
              DaftarSyncPhase  phase)
{
  if (phase != DAFTAR_SYNC_PHASE_PARSED_AHEAD)
    return;
  if (f->seen[phase] == 1)
    {
      daftar_test_gate_close (&f->gates[1], f->worker);   /* behind page 1's ingest */
      g_assert_true (daftar_test_gate_open (&f->gates[0]));
    }
  else
    g_assert_true (daftar_test_gate_open (&f->gates[1]));
}

static void
test_parsed_first (Fixture       *f,
                   gconstpointer  data)
{
  static const Answer answers[] = {
    { "", 200, "p1", TRUE, NULL, ACT_CLOSE_GATE },
    { "p1", 200, "p2", TRUE },
    { "p2", 200, "p3", FALSE },
  };
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  f->on_phase = parsed_first;
  g_assert_cmpstr (RUN (f, answers, &summary, &error), ==,
                   "fetching fetching-ahead parsed-ahead fetching-ahead parsed-ahead ingesting "
                   "ending finishing done");
  g_assert_no_error (error);
  g_assert_cmpuint (summary->pages, ==, 3);
  assert_cursor (f, "p3");
  assert_logged (f, "ok", 3);
}

/* The same with page 2 refused (another office's): page 3, parsed already,
 * is dropped, and the run ends with page 2's error. */
static void
test_refused_with_next_parsed (Fixture       *f,
                               gconstpointer  data)
{
  static const Answer answers[] = {
    { "", 200, "p1", TRUE, NULL, ACT_CLOSE_GATE },
    { "p1", 200, "p2", TRUE, "ZZ-OTHER-99" },
    { "p2", 200, "p3", FALSE },
  };
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  f->on_phase = parsed_first;
  g_assert_cmpstr (RUN (f, answers, &summary, &error), ==,
                   "fetching fetching-ahead parsed-ahead fetching-ahead parsed-ahead "
                   "ending finishing done");
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_BAD_PAGE);
  assert_cursor (f, "p1");
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE id = 'PHASE-p1'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE id IN ('PHASE-p2', 'PHASE-p3')"), ==, 0);
  assert_logged (f, "bad-page", 1);
}

/* Page 2 is refused while page 3 is still on its way: the run ends only
 * once the request for page 3 has come back, cancelled. */
static void
open_on_parsed_ahead (Fixture         *f,
                      DaftarSyncPhase  phase)
{
  if (phase == DAFTAR_SYNC_PHASE_PARSED_AHEAD)
    g_assert_true (daftar_test_gate_open (&f->gates[0]));
}

static void
test_refused_with_next_on_its_way (Fixture       *f,
                                   gconstpointer  data)
{
  static const Answer answers[] = {
    { "", 200, "p1", TRUE, NULL, ACT_CLOSE_GATE },
    { "p1", 200, "p2", TRUE, "ZZ-OTHER-99" },
    { "p2", 200, "p3", FALSE, NULL, ACT_HOLD },
  };
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  f->on_phase = open_on_parsed_ahead;
  g_assert_cmpstr (RUN (f, answers, &summary, &error), ==,
                   "fetching fetching-ahead parsed-ahead fetching-ahead ending finishing done");
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_BAD_PAGE);
  assert_cursor (f, "p1");
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE id IN ('PHASE-p2', 'PHASE-p3')"), ==, 0);
  assert_logged (f, "bad-page", 1);
}

/* Page 1 commits while page 2 is still on its way (held by the server
 * until then): the run fetches on with nothing on the worker. */
static void
release_on_fetching (Fixture         *f,
                     DaftarSyncPhase  phase)
{
  if (phase == DAFTAR_SYNC_PHASE_FETCHING && f->seen[phase] == f->release_at)
    {
      f->released = TRUE;
      if (f->held != NULL)
        soup_server_message_unpause (g_steal_pointer (&f->held));
    }
}

static void
committed_first (Fixture         *f,
                 DaftarSyncPhase  phase)
{
  if (phase == DAFTAR_SYNC_PHASE_FETCHING_AHEAD)
    g_assert_true (daftar_test_gate_open (&f->gates[0]));
  release_on_fetching (f, phase);
}

static void
test_committed_first (Fixture       *f,
                      gconstpointer  data)
{
  static const Answer answers[] = {
    { "", 200, "p1", TRUE, NULL, ACT_CLOSE_GATE },
    { "p1", 200, "p2", FALSE, NULL, ACT_HOLD },
  };
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  f->on_phase = committed_first;
  f->release_at = 2;
  g_assert_cmpstr (RUN (f, answers, &summary, &error), ==,
                   "fetching fetching-ahead fetching ingesting ending finishing done");
  g_assert_no_error (error);
  g_assert_cmpuint (summary->pages, ==, 2);
  assert_logged (f, "ok", 2);
}

static void
test_cancel_during_fetch (Fixture       *f,
                          gconstpointer  data)
{
  static const Answer answers[] = { { "", 200, "p1", FALSE, NULL, ACT_CANCEL } };
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (RUN (f, answers, &summary, &error), ==, "fetching ending finishing done");
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_CANCELLED);
  assert_cursor (f, "");
  assert_logged (f, "cancelled", 0);
}

/* Cancelled while the page waits on the worker: it is never applied. */
static void
cancel_on_worker (Fixture         *f,
                  DaftarSyncPhase  phase)
{
  if (phase == DAFTAR_SYNC_PHASE_INGESTING)
    {
      g_cancellable_cancel (f->cancellable);
      g_assert_true (daftar_test_gate_open (&f->gates[0]));
    }
}

static void
test_cancel_during_ingest (Fixture       *f,
                           gconstpointer  data)
{
  static const Answer answers[] = { { "", 200, "p1", FALSE, NULL, ACT_CLOSE_GATE } };
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  f->on_phase = cancel_on_worker;
  g_assert_cmpstr (RUN (f, answers, &summary, &error), ==, "fetching ingesting ending finishing done");
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_CANCELLED);
  assert_cursor (f, "");
  assert_logged (f, "cancelled", 0);
}

/* Cancelled as page 2 is asked for, page 1 on the worker: the fetch's
 * cancellation waits for page 1, which is cancelled too. */
static void
open_on_failed_ahead (Fixture         *f,
                      DaftarSyncPhase  phase)
{
  if (phase == DAFTAR_SYNC_PHASE_FAILED_AHEAD)
    g_assert_true (daftar_test_gate_open (&f->gates[0]));
}

static void
test_cancel_during_ingest_ahead (Fixture       *f,
                                 gconstpointer  data)
{
  static const Answer answers[] = {
    { "", 200, "p1", TRUE, NULL, ACT_CLOSE_GATE },
    { "p1", 200, "p2", FALSE, NULL, ACT_CANCEL },
  };
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  f->on_phase = open_on_failed_ahead;
  g_assert_cmpstr (RUN (f, answers, &summary, &error), ==,
                   "fetching fetching-ahead failed-ahead ending finishing done");
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_CANCELLED);
  assert_cursor (f, "");
  assert_logged (f, "cancelled", 0);
}

/* A request never answered: its deadline cancels it, and the page is
 * tried again within the same phase; with no try left, the run ends. */
static void
test_deadline (Fixture       *f,
               gconstpointer  data)
{
  static const Answer retried[] = { { "", 0 }, { "", 200, "p1", FALSE } };
  static const Answer given_up[] = { { "p1", 0 } };
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(DaftarSyncSummary) none = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (f->client, "page-timeout", 1u, NULL);
  daftar_sync_client_set_max_tries (f->client, 2);
  g_assert_cmpstr (RUN (f, retried, &summary, &error), ==, "fetching ingesting ending finishing done");
  g_assert_no_error (error);
  g_assert_cmpuint (f->requests, ==, 2);

  daftar_sync_client_set_max_tries (f->client, 1);
  g_assert_cmpstr (RUN (f, given_up, &none, &error), ==, "fetching ending finishing done");
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "within 1 seconds"));
  assert_logged (f, "network", 0);
}

/* The plainest run: one page. */
static void
first_sync (Fixture *f)
{
  static const Answer answers[] = { { "", 200, "p1", FALSE } };
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (RUN (f, answers, &summary, &error), ==, "fetching ingesting ending finishing done");
  g_assert_no_error (error);
  assert_cursor (f, "p1");
  assert_logged (f, "ok", 1);
}

static void
assert_resynced (Fixture           *f,
                 DaftarSyncSummary *summary)
{
  g_assert_true (summary->resynced);
  assert_cursor (f, "r1");
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE id = 'PHASE-r1'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE id IN ('PHASE-p1', 'PHASE-p2')"), ==, 0);
  assert_logged (f, "ok", summary->pages);
}

static void
test_gone (Fixture       *f,
           gconstpointer  data)
{
  static const Answer answers[] = { { "p1", 410 }, { "", 200, "r1", FALSE } };
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  first_sync (f);
  g_assert_cmpstr (RUN (f, answers, &summary, &error), ==,
                   "fetching preparing fetching ingesting swapping ending finishing done");
  g_assert_no_error (error);
  g_assert_cmpuint (summary->pages, ==, 1);
  assert_resynced (f, summary);
}

/* 410 for the page asked ahead: it waits for the page before it, which
 * commits; then the office is copied afresh. */
static void
open_on_gone_ahead (Fixture         *f,
                    DaftarSyncPhase  phase)
{
  if (phase == DAFTAR_SYNC_PHASE_GONE_AHEAD)
    g_assert_true (daftar_test_gate_open (&f->gates[0]));
}

static void
test_gone_ahead (Fixture       *f,
                 gconstpointer  data)
{
  static const Answer answers[] = {
    { "p1", 200, "p2", TRUE, NULL, ACT_CLOSE_GATE },
    { "p2", 410 },
    { "", 200, "r1", FALSE },
  };
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  first_sync (f);
  f->on_phase = open_on_gone_ahead;
  g_assert_cmpstr (RUN (f, answers, &summary, &error), ==,
                   "fetching fetching-ahead gone-ahead preparing fetching ingesting swapping "
                   "ending finishing done");
  g_assert_no_error (error);
  g_assert_cmpuint (summary->pages, ==, 2);
  assert_resynced (f, summary);
}

/* 410 in the fresh copy itself, after its first page (held until that
 * page commits): the run ends rather than start over again. */
static void
test_gone_twice (Fixture       *f,
                 gconstpointer  data)
{
  static const Answer answers[] = {
    { "p1", 410 },
    { "", 200, "r1", TRUE },
    { "r1", 410, NULL, FALSE, NULL, ACT_HOLD },
  };
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  first_sync (f);
  f->on_phase = release_on_fetching;
  f->release_at = 3;
  g_assert_cmpstr (RUN (f, answers, &summary, &error), ==,
                   "fetching preparing fetching fetching-ahead fetching ending finishing done");
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_SERVER);
  assert_cursor (f, "p1");
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE id = 'PHASE-p1'"), ==, 1);
  assert_logged (f, "server", 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/phases/table", test_table);
#define ADD(path, func) g_test_add ("/sync/phases/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("parsed-first", test_parsed_first);
  ADD ("refused-with-next-parsed", test_refused_with_next_parsed);
  ADD ("refused-with-next-on-its-way", test_refused_with_next_on_its_way);
  ADD ("committed-first", test_committed_first);
  ADD ("cancel-during-fetch", test_cancel_during_fetch);
  ADD ("cancel-during-ingest", test_cancel_during_ingest);
  ADD ("cancel-during-ingest-ahead", test_cancel_during_ingest_ahead);
  ADD ("deadline", test_deadline);
  ADD ("gone", test_gone);
  ADD ("gone-ahead", test_gone_ahead);
  ADD ("gone-twice", test_gone_twice);
#undef ADD
  return g_test_run ();
}
