/* daftar-sync-fetch.c: one run's HTTP side — requests, streamed bodies with a size limit, retries, and 410. */
#define G_LOG_DOMAIN "daftar-sync"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "daftar-sync-private.h"

/* Bytes asked of the stream per read: large enough that a 32 MiB page is a
 * few hundred reads, small enough that the limit is never overshot by much. */
#define READ_CHUNK (256 * 1024)

void
daftar_sync_run_clear_wait (Run *run)
{
  if (run->wait_source != NULL)
    g_source_destroy (run->wait_source);
  if (run->cancel_source != NULL)
    g_source_destroy (run->cancel_source);
  g_clear_pointer (&run->wait_source, g_source_unref);
  g_clear_pointer (&run->cancel_source, g_source_unref);
}

void
daftar_sync_run_free (gpointer data)
{
  Run *run = data;

  daftar_sync_run_clear_wait (run);
  g_free (run->since);
  daftar_sync_release_worker (g_steal_pointer (&run->fresh));
  g_free (run->summary.cursor);
  g_clear_error (&run->failure);
  g_clear_object (&run->msg);
  g_clear_object (&run->stream);
  g_clear_pointer (&run->body, g_byte_array_unref);
  g_free (run);
}

static gboolean
is_cancelled (GTask        *task,
              const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_cancellable_is_cancelled (g_task_get_cancellable (task));
}

static GError *
cancelled_error (void)
{
  return g_error_new_literal (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_CANCELLED,
                              _("The sync was cancelled"));
}

static gboolean
wait_done (gpointer user_data)
{
  GTask *task = user_data;
  Run *run = g_task_get_task_data (task);

  daftar_sync_run_clear_wait (run);
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    daftar_sync_run_finish (task, cancelled_error ());
  else
    daftar_sync_run_fetch_page (task);
  return G_SOURCE_REMOVE;
}

/* A failed try of the current page: wait and try again, or give up after
 * max_tries. @retry_after_s >= 0 is the server's own Retry-After. */
static void
retry_or_fail (GTask  *task,
               GError *error,
               gint64  retry_after_s)
{
  DaftarSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  guint64 delay_ms;

  g_clear_object (&run->stream);
  g_clear_pointer (&run->body, g_byte_array_unref);

  run->tries++;
  if (run->tries >= self->max_tries)
    {
      g_prefix_error (&error, _("Gave up after %u tries: "), run->tries);
      daftar_sync_run_finish (task, error);
      return;
    }

  if (retry_after_s >= 0)
    delay_ms = (guint64) MIN (retry_after_s, DAFTAR_SYNC_DEFAULT_RETRY_AFTER_MAX) * 1000;
  else
    {
      /* Exponential backoff with ±50% jitter, so that many offices cut off
       * together do not all come back in the same second. */
      guint64 base = (guint64) self->retry_base_ms << MIN (run->tries - 1, 16u);
      base = MIN (base, (guint64) DAFTAR_SYNC_DEFAULT_RETRY_MAX_MS);
      delay_ms = base / 2 + (base > 0 ? (guint64) g_random_int_range (0, (gint32) MIN (base, G_MAXINT32 - 1) + 1) : 0);
    }
  g_debug ("try %u of the page failed (%s); next in %" G_GUINT64_FORMAT " ms",
           run->tries, error->message, delay_ms);
  g_error_free (error);

  run->wait_source = g_timeout_source_new ((guint) MIN (delay_ms, G_MAXUINT));
  g_source_set_callback (run->wait_source, wait_done, task, NULL);
  g_source_attach (run->wait_source, g_task_get_context (task));
  if (cancellable != NULL)
    {
      run->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (run->cancel_source, wait_done, task, NULL);
      g_source_attach (run->cancel_source, g_task_get_context (task));
    }
}

/* Seconds from a Retry-After header (delta-seconds or HTTP date), or -1. */
static gint64
parse_retry_after (SoupMessage *msg)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                    "Retry-After");
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint64 seconds;

  if (value == NULL)
    return -1;
  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT32, &seconds, NULL))
    return (gint64) seconds;
  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return -1;
  now = g_date_time_new_now_utc ();
  return MAX (0, g_date_time_difference (when, now) / G_TIME_SPAN_SECOND);
}

static void
swap_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  if (daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error) == NULL)
    {
      GError *wrapped = g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_DATABASE,
                                     "%s", error->message);
      daftar_sync_run_finish (task, wrapped);
      return;
    }
  daftar_sync_run_finish (task, NULL);
}

static GError *
ingest_error (GTask        *task,
              const GError *error)
{
  DaftarSyncClient *self = g_task_get_source_object (task);

  if (is_cancelled (task, error))
    return cancelled_error ();
  if (error->domain == DAFTAR_INGEST_ERROR)
    switch (error->code)
      {
      case DAFTAR_INGEST_ERROR_TOO_LARGE:
        {
          g_autofree char *limit = g_format_size (self->max_body_size);
          return g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_TOO_LARGE,
                              _("A page from the central server is larger than the limit of %s; nothing of it was applied"),
                              limit);
        }
      case DAFTAR_INGEST_ERROR_DATABASE:
        break;
      default:
        return g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_BAD_PAGE,
                            _("The central server sent a page that is not valid; nothing of it was applied: %s"),
                            error->message);
      }
  return g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_DATABASE,
                      _("Could not save the synced data: %s"), error->message);
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
  guint changed;
  gboolean progressed;

  page = daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error);
  if (page == NULL)
    {
      daftar_sync_run_finish (task, ingest_error (task, error));
      return;
    }

  changed = page->upserted + page->deleted;
  progressed = changed + page->rejected > 0 || g_strcmp0 (page->cursor, run->since) != 0;
  run->summary.pages++;
  run->summary.records += changed;
  run->summary.rejected += page->rejected;
  run->tries = 0;
  g_free (run->since);
  run->since = g_steal_pointer (&page->cursor);

  daftar_sync_client_page_applied (self, run->summary.pages, run->summary.records);

  if (page->has_more && !progressed)
    {
      /* Asking again would get the same empty page for ever. */
      daftar_sync_ingest_result_free (page);
      daftar_sync_run_finish (task, g_error_new_literal (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_SERVER,
                                         _("The central server says there is more data but sends none")));
      return;
    }
  if (page->has_more)
    {
      daftar_sync_ingest_result_free (page);
      daftar_sync_run_fetch_page (task);
      return;
    }
  daftar_sync_ingest_result_free (page);

  if (run->resyncing)
    {
      /* The fresh copy is complete: only now does it replace the live data. */
      run->target = self->worker;
      daftar_sync_release_worker (g_steal_pointer (&run->fresh));
      daftar_db_worker_run_async (self->worker, daftar_sync_swap_job, g_strdup (self->office),
                                  g_free, NULL, NULL, swap_cb, task);
      return;
    }
  daftar_sync_run_finish (task, NULL);
}

static void
apply_body (GTask *task)
{
  DaftarSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  DaftarSyncIngestJob *job = g_new0 (DaftarSyncIngestJob, 1);

  g_clear_object (&run->stream);
  job->office = g_strdup (self->office);
  job->body = g_byte_array_free_to_bytes (g_steal_pointer (&run->body));
  daftar_db_worker_run_async (run->target, daftar_sync_ingest_job, job,
                              daftar_sync_ingest_job_free, daftar_sync_ingest_result_free,
                              g_task_get_cancellable (task), ingest_cb, task);
}

static GError *
too_large_error (DaftarSyncClient *self)
{
  g_autofree char *limit = g_format_size (self->max_body_size);

  return g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_TOO_LARGE,
                      _("A page from the central server is larger than the limit of %s; nothing of it was applied"),
                      limit);
}

static void read_more (GTask *task);

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  DaftarSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gsize before = run->body->len - READ_CHUNK;
  gssize n;

  n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, &error);
  if (n < 0)
    {
      g_byte_array_set_size (run->body, before);
      if (is_cancelled (task, error))
        daftar_sync_run_finish (task, cancelled_error ());
      else
        retry_or_fail (task,
                       g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_NETWORK,
                                    _("The connection to the central server broke: %s"),
                                    error->message),
                       -1);
      return;
    }
  g_byte_array_set_size (run->body, before + (gsize) n);
  if (n == 0)
    {
      apply_body (task);
      return;
    }
  if (run->body->len > self->max_body_size)
    {
      /* Stop here: dropping the stream closes the connection, so the rest of
       * the page is never read. */
      daftar_sync_run_finish (task, too_large_error (self));
      return;
    }
  read_more (task);
}

static void
read_more (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  gsize len = run->body->len;

  /* The array does not move while the read is pending: nothing else
   * touches it until read_cb. */
  g_byte_array_set_size (run->body, len + READ_CHUNK);
  g_input_stream_read_async (run->stream, run->body->data + len, READ_CHUNK,
                             G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                             read_cb, task);
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
  if (side == NULL)
    {
      daftar_sync_run_finish (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_DATABASE,
                                 "%s", error->message));
      return;
    }
  run->fresh = daftar_db_worker_new (side);
  run->target = run->fresh;
  run->resyncing = TRUE;
  run->summary.resynced = TRUE;
  run->tries = 0;
  g_clear_pointer (&run->since, g_free);
  daftar_sync_run_fetch_page (task);
}

/* 410: the server no longer knows our cursor. Copy everything afresh into a
 * side file through the same ingest, and swap it in only when complete, so
 * the manager keeps seeing the old data meanwhile. */
static void
start_resync (GTask *task)
{
  DaftarSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);

  if (run->resyncing || run->since == NULL)
    {
      daftar_sync_run_finish (task, g_error_new_literal (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_SERVER,
                                         _("The central server refuses even a sync from the beginning")));
      return;
    }
  g_debug ("cursor of %s expired; copying afresh", self->office);
  daftar_db_worker_run_async (self->worker, daftar_sync_prepare_side_job, NULL, NULL, g_free,
                              g_task_get_cancellable (task), prepare_side_cb, task);
}

static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  DaftarSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  guint status;

  run->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (run->stream == NULL)
    {
      if (is_cancelled (task, error))
        daftar_sync_run_finish (task, cancelled_error ());
      else if (error->domain == G_TLS_ERROR)
        daftar_sync_run_finish (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_TLS,
                                   _("The central server's security certificate was not accepted: %s"),
                                   error->message));
      else
        retry_or_fail (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_NETWORK,
                                          _("Could not reach the central server: %s"),
                                          error->message),
                       -1);
      return;
    }

  status = soup_message_get_status (run->msg);
  switch (status)
    {
    case SOUP_STATUS_OK:
      {
        SoupMessageHeaders *headers = soup_message_get_response_headers (run->msg);

        /* An honest Content-Length over the limit is refused unread. */
        if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
            soup_message_headers_get_one (headers, "Content-Encoding") == NULL &&
            (guint64) soup_message_headers_get_content_length (headers) > self->max_body_size)
          {
            daftar_sync_run_finish (task, too_large_error (self));
            return;
          }
        run->body = g_byte_array_sized_new (READ_CHUNK);
        read_more (task);
        return;
      }
    case SOUP_STATUS_UNAUTHORIZED:
    case SOUP_STATUS_FORBIDDEN:
      daftar_sync_run_finish (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_AUTH,
                                 _("The central server did not accept the access token (HTTP %u); check the token and sync again"),
                                 status));
      return;
    case SOUP_STATUS_NOT_FOUND:
      daftar_sync_run_finish (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_UNKNOWN_OFFICE,
                                 _("The central server does not know office %s; check the office code"),
                                 self->office));
      return;
    case SOUP_STATUS_GONE:
      g_clear_object (&run->stream);
      start_resync (task);
      return;
    case 429: /* Too Many Requests: libsoup 3.2 has no name for it */
    case SOUP_STATUS_SERVICE_UNAVAILABLE:
      retry_or_fail (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_SERVER,
                                        _("The central server is busy (HTTP %u)"), status),
                     parse_retry_after (run->msg));
      return;
    default:
      if (status >= 500 && status < 600)
        retry_or_fail (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_SERVER,
                                          _("The central server had an internal error (HTTP %u)"),
                                          status),
                       -1);
      else
        daftar_sync_run_finish (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_SERVER,
                                   _("The central server gave an unexpected answer (HTTP %u)"),
                                   status));
      return;
    }
}

void
daftar_sync_run_fetch_page (GTask *task)
{
  DaftarSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autofree char *office = g_uri_escape_string (self->office, NULL, FALSE);
  g_autofree char *since = g_uri_escape_string (run->since != NULL ? run->since : "", NULL, FALSE);
  g_autofree char *url = NULL;
  g_autofree char *auth = NULL;
  SoupMessageHeaders *headers;

  url = g_strdup_printf ("%s/api/v1/offices/%s/changes?since=%s&limit=%u",
                         self->server, office, since, self->page_limit);
  g_clear_object (&run->msg);
  run->msg = soup_message_new (SOUP_METHOD_GET, url);
  if (run->msg == NULL)
    {
      daftar_sync_run_finish (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_INSECURE,
                                 _("The server address “%s” is not a valid web address"),
                                 self->server));
      return;
    }
  headers = soup_message_get_request_headers (run->msg);
  auth = g_strconcat ("Bearer ", self->token, NULL);
  soup_message_headers_replace (headers, "Authorization", auth);
  soup_message_headers_replace (headers, "Accept", "application/json");
  /* Wipe our copy of the header; libsoup keeps its own for the request. */
  memset (auth, 0, strlen (auth));

  soup_session_send_async (self->session, run->msg, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), send_cb, task);
}
