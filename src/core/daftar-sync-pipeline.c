/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-sync-pipeline.c: the order of a run's work — each page parsed off the database thread and ingested strictly in order, while the next one is fetched. */
#define G_LOG_DOMAIN "daftar-sync"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "daftar-format.h"
#include "daftar-page-check.h"
#include "daftar-sync-private.h"
#include "daftar-text.h"

/* A run works on at most two pages at once: the one the worker ingests and
 * the next, fetched and parsed meanwhile (an applied page is freed on the
 * parse thread just before the next parse). Outcomes are taken strictly in
 * order: how the fetch of page N+1 ended (a parsed page, a failure, a 410)
 * waits until page N's ingest has committed, so a run ends exactly as the
 * one-page-at-a-time client ended: if page N is refused or fails, page N+1
 * is dropped unapplied and the run ends with page N's error. A run ends
 * (sync_log row, result) only once no callback of its own is still to come.
 *
 * Where a run is, is one variable, Run.phase, and daftar_sync_run_set_phase
 * is the only place it changes: it refuses a transition this table does not
 * list. "Committed" and "refused" are how the ingest of the page on the
 * worker ended (refused: ingest would not apply it, or the database failed);
 * "failed" is how a fetch ended after its tries or at once (a 401, a page
 * refused by the parse); "a bound" is max-pages or max-empty-pages;
 * "cancelled" is the caller's cancellable, seen by a fetch's callback or as
 * a page commits. A retry (a failure, the page deadline, a 429 or a 5xx)
 * stays in its phase.
 *
 *   phase           event                                      next phase
 *   STARTING        row written, cursor read                   FETCHING
 *                   no row, no valid server, no token          ENDING
 *   FETCHING        parsed; the last page, or one at a bound   INGESTING
 *                   parsed; a next page may follow             FETCHING_AHEAD
 *                   410                                        PREPARING
 *                   410 in a fresh copy or from the beginning; ENDING
 *                   failed, cancelled
 *   INGESTING       committed with has_more                    FETCHING
 *                   committed, the last page of a fresh copy   SWAPPING
 *                   committed: the last page, a bound,         ENDING
 *                   cancelled; refused
 *   FETCHING_AHEAD  committed, the next still on its way       FETCHING
 *                   the next parsed first                      PARSED_AHEAD
 *                   the next failed or was cancelled first     FAILED_AHEAD
 *                   the next got 410 first                     GONE_AHEAD
 *                   committed: a bound, cancelled; refused     ENDING
 *   PARSED_AHEAD    committed: the next page to the worker     INGESTING or
 *                                                              FETCHING_AHEAD
 *                   committed: a bound, cancelled; refused     ENDING
 *   FAILED_AHEAD    committed (ends with the fetch's error),   ENDING
 *                   refused (with the ingest's)
 *   GONE_AHEAD      committed                                  PREPARING
 *                   committed in a fresh copy, a bound,        ENDING
 *                   cancelled; refused
 *   PREPARING       side file ready: from the beginning        FETCHING
 *                   side file not ready                        ENDING
 *   SWAPPING        swapped, or failed                         ENDING
 *   ENDING          nothing pending; the row is updated        FINISHING
 *                   nothing pending; no row to update          DONE
 *   FINISHING       row updated                                DONE
 *
 * The callbacks still to come (Run.pending counts them) in each phase:
 * STARTING, PREPARING, SWAPPING and FINISHING their job's; FETCHING the
 * fetch's request, read or parse, or none while a retry waits on a timer
 * (which goes when the run ends); INGESTING the ingest's; FETCHING_AHEAD
 * both; the other *_AHEAD phases the ingest's; ENDING at most the one of a
 * fetch the run dropped, which only comes back (a run never ends while a
 * page is on the worker: only as the ingest comes back, or without one);
 * DONE none. The 410's fresh copy is not a phase of its own: from
 * PREPARING on, the run goes through the same phases into the side file
 * (summary.resynced says so, and makes a second 410 the end). */

#define PHASE(name) (1u << DAFTAR_SYNC_PHASE_##name)

/* The table above: the phases each phase may go to. */
static const guint next_phases[DAFTAR_SYNC_N_PHASES] = {
  [DAFTAR_SYNC_PHASE_STARTING] = PHASE (FETCHING) | PHASE (ENDING),
  [DAFTAR_SYNC_PHASE_FETCHING] = PHASE (INGESTING) | PHASE (FETCHING_AHEAD) | PHASE (PREPARING) |
                                 PHASE (ENDING),
  [DAFTAR_SYNC_PHASE_INGESTING] = PHASE (FETCHING) | PHASE (SWAPPING) | PHASE (ENDING),
  [DAFTAR_SYNC_PHASE_FETCHING_AHEAD] = PHASE (FETCHING) | PHASE (PARSED_AHEAD) | PHASE (FAILED_AHEAD) |
                                       PHASE (GONE_AHEAD) | PHASE (ENDING),
  [DAFTAR_SYNC_PHASE_PARSED_AHEAD] = PHASE (INGESTING) | PHASE (FETCHING_AHEAD) | PHASE (ENDING),
  [DAFTAR_SYNC_PHASE_FAILED_AHEAD] = PHASE (ENDING),
  [DAFTAR_SYNC_PHASE_GONE_AHEAD] = PHASE (PREPARING) | PHASE (ENDING),
  [DAFTAR_SYNC_PHASE_PREPARING] = PHASE (FETCHING) | PHASE (ENDING),
  [DAFTAR_SYNC_PHASE_SWAPPING] = PHASE (ENDING),
  [DAFTAR_SYNC_PHASE_ENDING] = PHASE (FINISHING) | PHASE (DONE),
  [DAFTAR_SYNC_PHASE_FINISHING] = PHASE (DONE),
  [DAFTAR_SYNC_PHASE_DONE] = 0,
};

#undef PHASE

gboolean
daftar_sync_phase_allowed (DaftarSyncPhase from,
                           DaftarSyncPhase to)
{
  g_return_val_if_fail ((guint) from < DAFTAR_SYNC_N_PHASES, FALSE);
  g_return_val_if_fail ((guint) to < DAFTAR_SYNC_N_PHASES, FALSE);

  return (next_phases[from] & (1u << to)) != 0;
}

const char *
daftar_sync_phase_name (DaftarSyncPhase phase)
{
  static const char * const names[] = {
    "starting", "fetching", "ingesting", "fetching-ahead", "parsed-ahead", "failed-ahead",
    "gone-ahead", "preparing", "swapping", "ending", "finishing", "done",
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (names) == DAFTAR_SYNC_N_PHASES);

  return (guint) phase < G_N_ELEMENTS (names) ? names[phase] : "invalid";
}

gboolean
daftar_sync_run_set_phase (GTask           *task,
                           DaftarSyncPhase  phase)
{
  DaftarSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  DaftarSyncPhase from = run->phase;

  g_return_val_if_fail (daftar_sync_phase_allowed (from, phase), FALSE);
  /* The run's row says how it ended only once nothing of it can still come. */
  g_return_val_if_fail (run->pending == 0 || (phase != DAFTAR_SYNC_PHASE_FINISHING &&
                                              phase != DAFTAR_SYNC_PHASE_DONE), FALSE);

  g_debug ("sync run: %s -> %s", daftar_sync_phase_name (from), daftar_sync_phase_name (phase));
  run->phase = phase;
  if (self->phase_watch != NULL)
    self->phase_watch (self, from, phase, self->phase_watch_data);
  return TRUE;
}


void
daftar_sync_body_free (gpointer data)
{
  DaftarSyncBody *body = data;

  g_free (body->office);
  g_bytes_unref (body->body);
  g_free (body->since);
  g_free (body->content_type);
  g_clear_pointer (&body->spent, g_ptr_array_unref);
  g_free (body);
}

void
daftar_sync_page_free (gpointer data)
{
  DaftarSyncPage *page = data;

  g_free (page->office);
  g_clear_pointer (&page->root, json_node_unref);
  g_clear_pointer (&page->rejects, g_ptr_array_unref);
  g_free (page->next_since);
  g_free (page);
}

static GError *
not_json_error (const DaftarSyncBody *body,
                const char           *detail)
{
  /* An HTML login page or a proxy's notice: say what came, not just that
   * it does not parse, since the usual cause is a wrong server address. */
  if (body->content_type != NULL && strstr (body->content_type, "json") == NULL)
    {
      g_autofree char *shown = daftar_text_printable (body->content_type, DAFTAR_SYNC_SHOWN_MAX);
      return g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_BAD_PAGE,
                          _("The central server answered with %s instead of JSON; check the server address. Nothing was applied"),
                          shown);
    }
  return g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_BAD_PAGE,
                      _("The central server sent a page that is not valid; nothing of it was applied: %s"),
                      detail);
}

/* The cursor to ask the next page from while this one is ingested, or NULL
 * if there is no next page to ask for yet. This refuses nothing (ingest
 * does, whatever this says); it only keeps the client from asking past a
 * page that cannot be applied. */
static char *
next_since (JsonObject *page)
{
  JsonNode *more = json_object_get_member (page, "has_more");
  JsonNode *cursor = json_object_get_member (page, "cursor");
  const char *text;

  if (more == NULL || !JSON_NODE_HOLDS_VALUE (more) ||
      json_node_get_value_type (more) != G_TYPE_BOOLEAN || !json_node_get_boolean (more) ||
      cursor == NULL || !JSON_NODE_HOLDS_VALUE (cursor) ||
      json_node_get_value_type (cursor) != G_TYPE_STRING)
    return NULL;
  text = json_node_get_string (cursor);
  if (*text == '\0' || strlen (text) > DAFTAR_CURSOR_MAX)
    return NULL;
  return g_strdup (text);
}

DaftarSyncPage *
daftar_sync_parse_page (const DaftarSyncBody  *job,
                        GError               **error)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GError) check_error = NULL;
  DaftarSyncPage *parsed;
  JsonNode *root;
  JsonObject *page;
  JsonNode *changes;
  gboolean v1;
  guint marked = 0;
  gsize size;
  const char *data;

  /* Everything here runs before ingest begins its transaction, so a page
   * refused here leaves the database and the cursor as they were. */
  data = g_bytes_get_data (job->body, &size);
  while (size > 0 && g_ascii_isspace (data[size - 1]))
    size--;
  if (size == 0)
    {
      if (job->content_type != NULL && strstr (job->content_type, "json") == NULL)
        g_propagate_error (error, not_json_error (job, NULL));
      else
        g_set_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_BAD_PAGE,
                     _("The central server sent an empty page; nothing was applied"));
      return NULL;
    }
  /* json-glib sees only strict JSON within the page limits: it takes
   * comments and recurses, so anything else could fool a check or
   * overflow the stack. */
  if (!daftar_page_check (job->body, &body, &marked, &check_error))
    {
      if (g_error_matches (check_error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_NOT_JSON))
        g_propagate_error (error, not_json_error (job, check_error->message));
      else
        g_set_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_BAD_PAGE,
                     _("The central server sent a page that is not valid; nothing of it was applied: %s"),
                     check_error->message);
      return NULL;
    }
  data = g_bytes_get_data (body, &size);
  if (!json_parser_load_from_data (parser, data, size, &parse_error))
    {
      g_autofree char *detail = daftar_text_printable (parse_error->message, DAFTAR_SYNC_SHOWN_MAX);
      g_propagate_error (error, not_json_error (job, detail));
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_propagate_error (error, not_json_error (job, _("it is not a JSON object")));
      return NULL;
    }
  page = json_node_get_object (root);

  /* A page of another protocol version is ingest's to name; the cursor
   * checks only make sense for a v1 page. */
  v1 = json_object_get_int_member_with_default (page, "protocol", 0) == DAFTAR_PROTOCOL_VERSION;
  if (v1 && !daftar_sync_check_cursor (page, job->since, error))
    return NULL;

  parsed = g_new0 (DaftarSyncPage, 1);
  parsed->office = g_strdup (job->office);
  parsed->root = json_parser_steal_root (parser);
  if (marked > 0)
    parsed->rejects = daftar_sync_take_marked_changes (page);
  parsed->next_since = v1 ? next_since (page) : NULL;
  changes = json_object_get_member (page, "changes");
  parsed->empty = changes != NULL && JSON_NODE_HOLDS_ARRAY (changes) &&
                  json_array_get_length (json_node_get_array (changes)) == 0 &&
                  (parsed->rejects == NULL || parsed->rejects->len == 0);
  return parsed;
}

/* Hands the run to daftar_sync_run_finish once nothing of it is still to
 * come: a request or read in flight was cancelled by end; a parse or a job
 * on the worker is waited for. */
static void
maybe_finish (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  if (run->phase == DAFTAR_SYNC_PHASE_ENDING && run->pending == 0)
    daftar_sync_run_finish (task, g_steal_pointer (&run->end_error));
}

void
daftar_sync_run_end (GTask  *task,
                     GError *error)
{
  Run *run = g_task_get_task_data (task);

  if (!daftar_sync_run_set_phase (task, DAFTAR_SYNC_PHASE_ENDING))
    {
      g_clear_error (&error);
      return;
    }
  run->end_error = error;

  /* A page fetched ahead is never applied once the run ends before it. */
  g_clear_pointer (&run->fetched, daftar_sync_page_free);
  g_clear_error (&run->fetch_error);
  if (run->try_cancellable != NULL)
    g_cancellable_cancel (run->try_cancellable);
  daftar_sync_run_clear_wait (run);
  maybe_finish (task);
}

gboolean
daftar_sync_run_returned (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  g_return_val_if_fail (run->pending > 0, FALSE);
  run->pending--;
  if (run->phase != DAFTAR_SYNC_PHASE_ENDING)
    return FALSE;
  maybe_finish (task);
  return TRUE;
}

/* Starts fetching the page after @since (NULL: from the beginning), in
 * @phase: FETCHING, or FETCHING_AHEAD beside an ingest. */
static void
fetch_next (GTask           *task,
            DaftarSyncPhase  phase,
            const char      *since)
{
  Run *run = g_task_get_task_data (task);
  char *copy = g_strdup (since);

  g_free (run->fetch_since);
  run->fetch_since = copy;
  run->tries = 0;
  daftar_sync_run_set_phase (task, phase);
  daftar_sync_run_fetch_page (task);
}

void
daftar_sync_run_begin (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  fetch_next (task, DAFTAR_SYNC_PHASE_FETCHING, run->since);
}

static void take_parsed  (GTask *task, DaftarSyncPage *page);
static void start_resync (GTask *task);

static void
swap_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;
  gboolean swapped;

  swapped = daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error) != NULL;
  daftar_sync_run_returned (task);   /* never ENDING: nothing ends a run while it swaps */
  if (!swapped)
    daftar_sync_run_end (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_DATABASE,
                                            "%s", error->message));
  else
    daftar_sync_run_end (task, NULL);
}

/* After a page with has_more committed: on to the next page, by how far
 * its fetch has come. */
static void
go_on (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  switch (run->phase)
    {
    case DAFTAR_SYNC_PHASE_INGESTING:
      fetch_next (task, DAFTAR_SYNC_PHASE_FETCHING, run->since);   /* not asked ahead */
      break;
    case DAFTAR_SYNC_PHASE_FETCHING_AHEAD:
      daftar_sync_run_set_phase (task, DAFTAR_SYNC_PHASE_FETCHING);
      break;
    case DAFTAR_SYNC_PHASE_PARSED_AHEAD:
      take_parsed (task, g_steal_pointer (&run->fetched));
      break;
    case DAFTAR_SYNC_PHASE_FAILED_AHEAD:
      daftar_sync_run_end (task, g_steal_pointer (&run->fetch_error));
      break;
    case DAFTAR_SYNC_PHASE_GONE_AHEAD:
      start_resync (task);
      break;
    /* Only a page on the worker commits; no other phase has one. */
    case DAFTAR_SYNC_PHASE_STARTING:
    case DAFTAR_SYNC_PHASE_FETCHING:
    case DAFTAR_SYNC_PHASE_PREPARING:
    case DAFTAR_SYNC_PHASE_SWAPPING:
    case DAFTAR_SYNC_PHASE_ENDING:
    case DAFTAR_SYNC_PHASE_FINISHING:
    case DAFTAR_SYNC_PHASE_DONE:
    case DAFTAR_SYNC_N_PHASES:
    default:
      g_return_if_reached ();
    }
}

static void
ingest_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  DaftarSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  DaftarIngestResult *page;
  gboolean has_more;
  guint changed;

  page = daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error);
  /* Taking a page's tree apart costs about half of what parsing it does:
   * not on the database thread, and not beside the next parse either (two
   * helpers and the worker would share two cores), but on the parse's
   * thread just before it. */
  if (run->spent == NULL)
    run->spent = g_ptr_array_new_with_free_func (daftar_sync_page_free);
  g_ptr_array_add (run->spent, g_steal_pointer (&run->ingested));
  daftar_sync_run_returned (task);   /* never ENDING: a run ends only between ingests */
  if (page == NULL)
    {
      daftar_sync_run_end (task, daftar_sync_run_page_error (task, error));
      return;
    }

  changed = page->upserted + page->deleted;
  run->empty_pages = changed + page->rejected == 0 ? run->empty_pages + 1 : 0;
  run->summary.pages++;
  run->summary.records += changed;
  run->summary.rejected += page->rejected;
  g_free (run->since);
  run->since = g_steal_pointer (&page->cursor);
  has_more = page->has_more;
  daftar_sync_ingest_result_free (page);

  daftar_sync_client_page_applied (self, run->summary.pages, run->summary.records);

  /* A cursor that does not move on was refused before it was applied; a
   * server can still move it on for ever with nothing, or with the same
   * records again, so a run has bounds. What was applied stays. */
  if (has_more && run->empty_pages >= self->max_empty_pages)
    {
      g_autofree char *pages = daftar_format_int (run->empty_pages);

      daftar_sync_run_end (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_SERVER,
                                              _("The central server sent %s pages in a row that say more data follows but hold none; the sync stopped"),
                                              pages));
    }
  else if (has_more && run->summary.pages >= self->max_pages)
    {
      g_autofree char *pages = daftar_format_int (run->summary.pages);

      daftar_sync_run_end (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_SERVER,
                                              _("The central server still had more data after %s pages; the sync stopped, and the next one goes on from there"),
                                              pages));
    }
  else if (has_more && g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    daftar_sync_run_end (task, daftar_sync_cancelled_error ());
  else if (has_more)
    go_on (task);
  else if (run->phase != DAFTAR_SYNC_PHASE_INGESTING)
    daftar_sync_run_end (task, NULL);   /* not reached: nothing is asked past a last page */
  else if (run->summary.resynced)
    {
      /* The fresh copy is complete: only now does it replace the live data. */
      run->target = self->worker;
      daftar_sync_release_worker (g_steal_pointer (&run->fresh));
      daftar_sync_run_set_phase (task, DAFTAR_SYNC_PHASE_SWAPPING);
      run->pending++;
      daftar_db_worker_run_async (self->worker, daftar_sync_swap_job, g_strdup (self->office),
                                  g_free, NULL, NULL, swap_cb, task);
    }
  else
    daftar_sync_run_end (task, NULL);
}

/* Hands @page (owned) to the worker, and asks for the next one meanwhile
 * unless this one may well be the last the run applies. */
static void
start_ingest (GTask          *task,
              DaftarSyncPage *page)
{
  DaftarSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  guint empty_after = page->empty ? run->empty_pages + 1 : 0;
  g_autofree char *ahead = NULL;

  /* Decided before the worker has the page: from then on it reads it. */
  if (page->next_since != NULL && run->summary.pages + 1 < self->max_pages &&
      empty_after < self->max_empty_pages)
    ahead = g_strdup (page->next_since);

  run->ingested = page;
  run->pending++;
  daftar_db_worker_run_async (run->target, daftar_sync_ingest_job, page, NULL,
                              daftar_sync_ingest_result_free,
                              g_task_get_cancellable (task), ingest_cb, task);
  if (ahead != NULL)
    fetch_next (task, DAFTAR_SYNC_PHASE_FETCHING_AHEAD, ahead);
  else
    daftar_sync_run_set_phase (task, DAFTAR_SYNC_PHASE_INGESTING);
}

/* A parsed page goes to the worker once nothing is on it, unless the run
 * was cancelled meanwhile. */
static void
take_parsed (GTask          *task,
             DaftarSyncPage *page)
{
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      daftar_sync_page_free (page);
      daftar_sync_run_end (task, daftar_sync_cancelled_error ());
      return;
    }
  start_ingest (task, page);
}

static void
prepare_side_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *side = NULL;

  side = daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error);
  daftar_sync_run_returned (task);   /* never ENDING: nothing ends a run while it prepares */
  if (side == NULL)
    {
      daftar_sync_run_end (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_DATABASE,
                                              "%s", error->message));
      return;
    }
  run->fresh = daftar_db_worker_new (side);
  run->target = run->fresh;
  run->summary.resynced = TRUE;
  g_clear_pointer (&run->since, g_free);
  fetch_next (task, DAFTAR_SYNC_PHASE_FETCHING, NULL);
}

/* 410: the server no longer knows our cursor. Copy everything afresh into a
 * side file through the same ingest, and swap it in only when complete, so
 * the manager keeps seeing the old data meanwhile. */
static void
start_resync (GTask *task)
{
  DaftarSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);

  if (run->summary.resynced || run->fetch_since == NULL)
    {
      daftar_sync_run_end (task, g_error_new_literal (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_SERVER,
                                                      _("The central server refuses even a sync from the beginning")));
      return;
    }
  g_debug ("cursor of %s expired; copying afresh", self->office);
  daftar_sync_run_set_phase (task, DAFTAR_SYNC_PHASE_PREPARING);
  run->pending++;
  daftar_db_worker_run_async (self->worker, daftar_sync_prepare_side_job, NULL, NULL, g_free,
                              g_task_get_cancellable (task), prepare_side_cb, task);
}

static void
parse_in_thread (GTask        *parse,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  DaftarSyncBody *body = task_data;
  GError *error = NULL;
  DaftarSyncPage *page;

  g_clear_pointer (&body->spent, g_ptr_array_unref);
  page = daftar_sync_parse_page (body, &error);
  if (page == NULL)
    g_task_return_error (parse, error);
  else
    g_task_return_pointer (parse, page, daftar_sync_page_free);
}

static void
parse_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  DaftarSyncPage *page;

  page = g_task_propagate_pointer (G_TASK (result), &error);
  if (daftar_sync_run_returned (task))
    {
      g_clear_pointer (&page, daftar_sync_page_free);
      return;
    }
  if (page == NULL)
    daftar_sync_run_fetch_failed (task, daftar_sync_run_page_error (task, error));
  else if (run->phase == DAFTAR_SYNC_PHASE_FETCHING_AHEAD)
    {
      run->fetched = page;
      daftar_sync_run_set_phase (task, DAFTAR_SYNC_PHASE_PARSED_AHEAD);
      g_debug ("the next page is parsed; it waits for the ingest of the one before it");
    }
  else
    take_parsed (task, page);
}

void
daftar_sync_run_body_fetched (GTask      *task,
                              GBytes     *body,
                              const char *content_type)
{
  DaftarSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  DaftarSyncBody *job = g_new0 (DaftarSyncBody, 1);
  g_autoptr(GTask) parse = NULL;

  job->office = g_strdup (self->office);
  job->body = body;
  job->since = g_strdup (run->fetch_since);
  job->content_type = g_strdup (content_type);
  job->spent = g_steal_pointer (&run->spent);

  /* Parsing is a good part of a page's work and needs no database, so it
   * runs in GLib's thread pool while the worker ingests the page before. */
  parse = g_task_new (NULL, NULL, parse_cb, task);
  g_task_set_source_tag (parse, daftar_sync_run_body_fetched);
  g_task_set_task_data (parse, job, daftar_sync_body_free);
  run->pending++;
  g_task_run_in_thread (parse, parse_in_thread);
}

void
daftar_sync_run_fetch_failed (GTask  *task,
                              GError *error)
{
  Run *run = g_task_get_task_data (task);

  if (run->phase == DAFTAR_SYNC_PHASE_FETCHING_AHEAD)
    {
      run->fetch_error = error;
      daftar_sync_run_set_phase (task, DAFTAR_SYNC_PHASE_FAILED_AHEAD);
    }
  else
    daftar_sync_run_end (task, error);
}

void
daftar_sync_run_fetch_gone (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  if (run->phase == DAFTAR_SYNC_PHASE_FETCHING_AHEAD)
    daftar_sync_run_set_phase (task, DAFTAR_SYNC_PHASE_GONE_AHEAD);
  else
    start_resync (task);
}
