/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-sync-fetch.c: one run's HTTP side — requests, streamed bodies with a size limit, retries, redirects; each fetch ends in the pipeline. */
#define G_LOG_DOMAIN "daftar-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-format.h"
#include "daftar-soup.h"
#include "daftar-sync-private.h"
#include "daftar-text.h"

/* Bytes asked of the stream per read: large enough that a 32 MiB page is a
 * few hundred reads, small enough that the limit is never overshot by much. */
#define READ_CHUNK (256 * 1024)

/* Text from the server or the network on its way into an error message:
 * nothing a terminal would obey, and not too long. */
static char *
shown (const char *text)
{
  return daftar_text_printable (text, DAFTAR_SYNC_SHOWN_MAX);
}

/* Ends the current try's deadline and its link to the run's cancellable. */
static void
end_try (Run *run)
{
  if (run->deadline_source != NULL)
    g_source_destroy (run->deadline_source);
  g_clear_pointer (&run->deadline_source, g_source_unref);
  if (run->cancel_handler != 0)
    {
      g_cancellable_disconnect (run->run_cancellable, run->cancel_handler);
      run->cancel_handler = 0;
    }
  g_clear_object (&run->try_cancellable);
}

void
daftar_sync_run_clear_wait (Run *run)
{
  end_try (run);
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
  g_free (run->fetch_since);
  g_clear_pointer (&run->fetched, daftar_sync_page_free);
  g_clear_pointer (&run->ingested, daftar_sync_page_free);
  g_clear_pointer (&run->spent, g_ptr_array_unref);
  g_clear_error (&run->fetch_error);
  g_clear_error (&run->end_error);
  g_free (run);
}

/* The current try's own deadline stopped it. Its cancellable is cancelled
 * by the run's (forwarded) or by that deadline, so when the run's is not,
 * it was the deadline. (The end of the run cancels it too, but the try's
 * callback stops at daftar_sync_run_returned then.) */
static gboolean
deadline_passed (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  return run->try_cancellable != NULL && g_cancellable_is_cancelled (run->try_cancellable) &&
         !g_cancellable_is_cancelled (g_task_get_cancellable (task));
}

/* Cancelled by the caller; a try cancelled by its own deadline is not. */
static gboolean
is_cancelled (GTask        *task,
              const GError *error)
{
  return g_cancellable_is_cancelled (g_task_get_cancellable (task)) ||
         (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !deadline_passed (task));
}

GError *
daftar_sync_cancelled_error (void)
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
    daftar_sync_run_fetch_failed (task, daftar_sync_cancelled_error ());
  else
    daftar_sync_run_fetch_page (task);
  return G_SOURCE_REMOVE;
}

/* The fetch of the page ends with @error (owned), without another try. */
static void
fail (GTask  *task,
      GError *error)
{
  Run *run = g_task_get_task_data (task);

  end_try (run);
  g_clear_object (&run->stream);
  g_clear_pointer (&run->body, g_byte_array_unref);
  daftar_sync_run_fetch_failed (task, error);
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

  end_try (run);
  g_clear_object (&run->stream);
  g_clear_pointer (&run->body, g_byte_array_unref);

  run->tries++;
  if (run->tries >= self->max_tries)
    {
      g_autofree char *tries = daftar_format_int (run->tries);

      g_prefix_error (&error, _("Gave up after %s tries: "), tries);
      daftar_sync_run_fetch_failed (task, error);
      return;
    }

  if (retry_after_s >= 0)
    delay_ms = (guint64) MIN (retry_after_s, (gint64) self->retry_after_max_s) * 1000;
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

/* Seconds from the Retry-After header, or -1. */
static gint64
parse_retry_after (SoupMessage *msg)
{
  return daftar_sync_parse_retry_after (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                                      "Retry-After"));
}

GError *
daftar_sync_run_page_error (GTask        *task,
                            const GError *error)
{
  DaftarSyncClient *self = g_task_get_source_object (task);

  if (is_cancelled (task, error))
    return daftar_sync_cancelled_error ();
  if (error->domain == DAFTAR_SYNC_ERROR)
    return g_error_copy (error);   /* the client's own checks of the page */
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
apply_body (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (run->msg);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);
  const char *encoding = soup_message_headers_get_one (headers, "Content-Encoding");

  if (run->body->len == 0 && encoding != NULL && g_ascii_strcasecmp (encoding, "identity") != 0)
    {
      g_autofree char *named = shown (encoding);

      /* libsoup ends a broken gzip stream as if it were empty. */
      fail (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_BAD_PAGE,
                               _("The central server sent a page that could not be decompressed (%s); nothing of it was applied"),
                               named));
      return;
    }
  end_try (run);
  g_clear_object (&run->stream);
  daftar_sync_run_body_fetched (task, g_byte_array_free_to_bytes (g_steal_pointer (&run->body)),
                                content_type);
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

static GError *
deadline_error (DaftarSyncClient *self)
{
  g_autofree char *seconds = daftar_format_int (self->page_timeout_s);

  return g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_NETWORK,
                      _("The central server did not send the whole page within %s seconds"), seconds);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  DaftarSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  gsize before = run->body->len - READ_CHUNK;
  gssize n;

  n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, &error);
  if (daftar_sync_run_returned (task))
    return;
  if (n < 0)
    {
      why = shown (error->message);
      g_byte_array_set_size (run->body, before);
      if (is_cancelled (task, error))
        fail (task, daftar_sync_cancelled_error ());
      else if (deadline_passed (task))
        retry_or_fail (task, deadline_error (self), -1);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
        /* The compressed stream itself is broken: the same bytes would come again. */
        fail (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_BAD_PAGE,
                                 _("The central server sent a page that could not be decompressed; nothing of it was applied: %s"),
                                 why));
      else
        retry_or_fail (task,
                       g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_NETWORK,
                                    _("The connection to the central server broke: %s"),
                                    why),
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
      fail (task, too_large_error (self));
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
  run->pending++;
  g_input_stream_read_async (run->stream, run->body->data + len, READ_CHUNK,
                             G_PRIORITY_DEFAULT, run->try_cancellable,
                             read_cb, task);
}

static void follow_redirect (GTask *task);

static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  DaftarSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  guint status;

  run->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (daftar_sync_run_returned (task))
    return;
  if (run->stream == NULL)
    {
      why = shown (error->message);
      if (is_cancelled (task, error))
        fail (task, daftar_sync_cancelled_error ());
      else if (deadline_passed (task))
        retry_or_fail (task, deadline_error (self), -1);
      else if (error->domain == G_TLS_ERROR)
        fail (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_TLS,
                                 _("The central server's security certificate was not accepted: %s"),
                                 why));
      else
        retry_or_fail (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_NETWORK,
                                          _("Could not reach the central server: %s"),
                                          why),
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
            fail (task, too_large_error (self));
            return;
          }
        run->body = g_byte_array_sized_new (READ_CHUNK);
        read_more (task);
        return;
      }
    case SOUP_STATUS_UNAUTHORIZED:
    case SOUP_STATUS_FORBIDDEN:
      fail (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_AUTH,
                               /* Translators: %u is an HTTP status code; it stays in Latin
                                * digits, as HTTP and every server log write it. */
                               _("The central server did not accept the access token (HTTP %u); check the token and sync again"),
                               status));
      return;
    case SOUP_STATUS_NOT_FOUND:
      {
        g_autofree char *office = shown (self->office);

        fail (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_UNKNOWN_OFFICE,
                                 _("The central server does not know office %s; check the office code"),
                                 office));
        return;
      }
    case SOUP_STATUS_MOVED_PERMANENTLY:
    case SOUP_STATUS_FOUND:
    case SOUP_STATUS_SEE_OTHER:
    case SOUP_STATUS_TEMPORARY_REDIRECT:
    case SOUP_STATUS_PERMANENT_REDIRECT:
      follow_redirect (task);
      return;
    case SOUP_STATUS_GONE:
      end_try (run);
      g_clear_object (&run->stream);
      daftar_sync_run_fetch_gone (task);
      return;
    case 429: /* Too Many Requests: libsoup 3.2 has no name for it */
    case SOUP_STATUS_SERVICE_UNAVAILABLE:
      retry_or_fail (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_SERVER,
                                        /* Translators: %u is an HTTP status code, in Latin digits */
                                        _("The central server is busy (HTTP %u)"), status),
                     parse_retry_after (run->msg));
      return;
    default:
      if (status >= 500 && status < 600)
        retry_or_fail (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_SERVER,
                                          /* Translators: %u is an HTTP status code, in Latin digits */
                                          _("The central server had an internal error (HTTP %u)"),
                                          status),
                       -1);
      else
        fail (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_SERVER,
                                 /* Translators: %u is an HTTP status code, in Latin digits */
                                 _("The central server gave an unexpected answer (HTTP %u)"),
                                 status));
      return;
    }
}

static gboolean
deadline_cb (gpointer user_data)
{
  Run *run = user_data;

  /* The try is cancelled; its callback finds it cancelled while the run is
   * not (deadline_passed), and retries. */
  g_cancellable_cancel (run->try_cancellable);
  g_clear_pointer (&run->deadline_source, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
forward_cancel (GCancellable *cancellable,
                gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

/* One request of the current try, to @uri (the page's own address, or
 * where the server redirected it). libsoup's redirects are off: each one is
 * checked here first, as the token goes with it. */
static void
send_request (GTask *task,
              GUri  *uri)
{
  DaftarSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  g_clear_object (&run->msg);
  g_clear_object (&run->stream);
  run->msg = daftar_soup_token_request_new (uri, self->token);

  /* The I/O timeout catches a server that stops; this catches one that
   * trickles a byte now and then for ever. It covers redirects too. */
  if (run->try_cancellable == NULL)
    {
      run->try_cancellable = g_cancellable_new ();
      if (cancellable != NULL)
        {
          run->run_cancellable = cancellable;
          run->cancel_handler = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel),
                                                       g_object_ref (run->try_cancellable), g_object_unref);
        }
      run->deadline_source = g_timeout_source_new_seconds (self->page_timeout_s);
      g_source_set_callback (run->deadline_source, deadline_cb, run, NULL);
      g_source_attach (run->deadline_source, g_task_get_context (task));
    }

  run->pending++;
  soup_session_send_async (self->session, run->msg, G_PRIORITY_DEFAULT,
                           run->try_cancellable, send_cb, task);
}

static void
follow_redirect (GTask *task)
{
  DaftarSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  const char *location = soup_message_headers_get_one (soup_message_get_response_headers (run->msg),
                                                       "Location");
  g_autoptr(GUri) target = NULL;
  GError *error = NULL;

  g_clear_object (&run->stream);
  if (!daftar_sync_check_redirect (self->server, soup_message_get_uri (run->msg), location,
                                   &target, &error))
    {
      fail (task, error);
      return;
    }
  if (++run->redirects > DAFTAR_SYNC_MAX_REDIRECTS)
    {
      g_autofree char *limit = daftar_format_int (DAFTAR_SYNC_MAX_REDIRECTS);

      fail (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_SERVER,
                               _("The central server redirected more than %s times; the sync stopped"), limit));
      return;
    }
  send_request (task, target);
}

void
daftar_sync_run_fetch_page (GTask *task)
{
  DaftarSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autofree char *office = g_uri_escape_string (self->office, NULL, FALSE);
  g_autofree char *since = g_uri_escape_string (run->fetch_since != NULL ? run->fetch_since : "", NULL, FALSE);
  g_autofree char *url = NULL;
  g_autoptr(GUri) uri = NULL;

  url = g_strdup_printf ("%s/api/v1/offices/%s/changes?since=%s&limit=%u",
                         self->server, office, since, self->page_limit);
  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL)
    {
      g_autofree char *server = shown (self->server);

      fail (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_INSECURE,
                               _("The server address “%s” is not a valid web address"), server));
      return;
    }
  /* Each try starts at the configured server, with a fresh deadline. */
  end_try (run);
  run->redirects = 0;
  send_request (task, uri);
}
