/* daftar-sync-pipeline.c: the order of a run's work — each page parsed off the database thread and ingested strictly in order, while the next one is fetched. */
#define G_LOG_DOMAIN "daftar-sync"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

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
 * (sync_log row, result) only once no callback of its own is still to come. */

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

/* Ends the run with @error (owned; NULL for success) as soon as no callback
 * of its own is still to come: a request or read in flight is cancelled,
 * a parse or a job on the worker is waited for. */
static void
maybe_finish (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  if (run->ending && !run->fetch_pending && run->ingested == NULL)
    {
      run->ending = FALSE;
      daftar_sync_run_finish (task, g_steal_pointer (&run->end_error));
    }
}

static void
end_run (GTask  *task,
         GError *error)
{
  Run *run = g_task_get_task_data (task);

  if (run->ending)
    {
      g_clear_error (&error);
      return;
    }
  run->ending = TRUE;
  run->end_error = error;

  /* A page fetched ahead is never applied once the run ends before it. */
  g_clear_pointer (&run->fetched, daftar_sync_page_free);
  g_clear_error (&run->fetch_error);
  run->fetch_gone = FALSE;
  run->fetch_active = FALSE;
  if (run->try_cancellable != NULL)
    g_cancellable_cancel (run->try_cancellable);
  daftar_sync_run_clear_wait (run);
  maybe_finish (task);
}

gboolean
daftar_sync_run_fetch_returned (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  run->fetch_pending = FALSE;
  if (!run->ending)
    return FALSE;
  maybe_finish (task);
  return TRUE;
}

void
daftar_sync_run_fetch_next (GTask      *task,
                            const char *since)
{
  Run *run = g_task_get_task_data (task);
  char *copy = g_strdup (since);

  g_free (run->fetch_since);
  run->fetch_since = copy;
  run->fetch_active = TRUE;
  run->tries = 0;
  daftar_sync_run_fetch_page (task);
}

static void advance (GTask *task);

static void
swap_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  if (daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error) == NULL)
    {
      end_run (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_DATABASE,
                                  "%s", error->message));
      return;
    }
  end_run (task, NULL);
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
  if (page == NULL)
    {
      end_run (task, daftar_sync_run_page_error (task, error));
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
  if (run->ending)
    {
      maybe_finish (task);   /* not reached: a run ends only between ingests */
      return;
    }

  /* A cursor that does not move on was refused before it was applied; a
   * server can still move it on for ever with nothing, or with the same
   * records again, so a run has bounds. What was applied stays. */
  if (has_more && run->empty_pages >= self->max_empty_pages)
    end_run (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_SERVER,
                                _("The central server sent %u pages in a row that say more data follows but hold none; the sync stopped"),
                                run->empty_pages));
  else if (has_more && run->summary.pages >= self->max_pages)
    end_run (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_SERVER,
                                _("The central server still had more data after %u pages; the sync stopped, and the next one goes on from there"),
                                run->summary.pages));
  else if (has_more && g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    end_run (task, daftar_sync_cancelled_error ());
  else if (has_more && !run->fetch_active)
    daftar_sync_run_fetch_next (task, run->since);   /* not asked ahead */
  else if (has_more)
    advance (task);   /* the next page, if it is here already */
  else if (run->fetch_active)
    end_run (task, NULL);   /* not reached: nothing is asked past a last page */
  else if (run->resyncing)
    {
      /* The fresh copy is complete: only now does it replace the live data. */
      run->target = self->worker;
      daftar_sync_release_worker (g_steal_pointer (&run->fresh));
      daftar_db_worker_run_async (self->worker, daftar_sync_swap_job, g_strdup (self->office),
                                  g_free, NULL, NULL, swap_cb, task);
    }
  else
    end_run (task, NULL);
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
  daftar_db_worker_run_async (run->target, daftar_sync_ingest_job, page, NULL,
                              daftar_sync_ingest_result_free,
                              g_task_get_cancellable (task), ingest_cb, task);
  if (ahead != NULL)
    daftar_sync_run_fetch_next (task, ahead);
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
  if (daftar_sync_run_fetch_returned (task))
    return;
  if (side == NULL)
    {
      daftar_sync_run_fetch_failed (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_DATABASE,
                                                       "%s", error->message));
      return;
    }
  run->fresh = daftar_db_worker_new (side);
  run->target = run->fresh;
  run->resyncing = TRUE;
  run->summary.resynced = TRUE;
  g_clear_pointer (&run->since, g_free);
  daftar_sync_run_fetch_next (task, NULL);
}

/* 410: the server no longer knows our cursor. Copy everything afresh into a
 * side file through the same ingest, and swap it in only when complete, so
 * the manager keeps seeing the old data meanwhile. */
static void
start_resync (GTask *task)
{
  DaftarSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);

  if (run->resyncing || run->fetch_since == NULL)
    {
      end_run (task, g_error_new_literal (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_SERVER,
                                          _("The central server refuses even a sync from the beginning")));
      return;
    }
  g_debug ("cursor of %s expired; copying afresh", self->office);
  run->fetch_pending = TRUE;
  daftar_db_worker_run_async (self->worker, daftar_sync_prepare_side_job, NULL, NULL, g_free,
                              g_task_get_cancellable (task), prepare_side_cb, task);
}

/* Takes how the fetch of the next page ended, once the ingest before it
 * has committed. */
static void
advance (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  if (run->ending || run->ingested != NULL)
    return;
  if (run->fetch_error != NULL)
    end_run (task, g_steal_pointer (&run->fetch_error));
  else if (run->fetch_gone)
    {
      run->fetch_gone = FALSE;
      start_resync (task);
    }
  else if (run->fetched != NULL && g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    end_run (task, daftar_sync_cancelled_error ());
  else if (run->fetched != NULL)
    {
      run->fetch_active = FALSE;
      start_ingest (task, g_steal_pointer (&run->fetched));
    }
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
  if (daftar_sync_run_fetch_returned (task))
    {
      g_clear_pointer (&page, daftar_sync_page_free);
      return;
    }
  if (page == NULL)
    {
      daftar_sync_run_fetch_failed (task, daftar_sync_run_page_error (task, error));
      return;
    }
  run->fetched = page;
  if (run->ingested != NULL)
    g_debug ("the next page is parsed; it waits for the ingest of the one before it");
  advance (task);
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
  run->fetch_pending = TRUE;
  g_task_run_in_thread (parse, parse_in_thread);
}

void
daftar_sync_run_fetch_failed (GTask  *task,
                              GError *error)
{
  Run *run = g_task_get_task_data (task);

  if (run->ending)
    {
      g_error_free (error);
      maybe_finish (task);
      return;
    }
  run->fetch_error = error;
  advance (task);
}

void
daftar_sync_run_fetch_gone (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  run->fetch_gone = TRUE;
  advance (task);
}
