/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-sync-connection.c: the connect dialog's test — one request for one change, with a sync's address, proxy, token and page rules, mapped to what the manager should fix. */
#define G_LOG_DOMAIN "daftar-sync"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "daftar-format.h"
#include "daftar-page-check.h"
#include "daftar-soup.h"
#include "daftar-sync-connection.h"
#include "daftar-sync-private.h"
#include "daftar-text.h"
#include "daftar-token.h"

/* A page of one change is a few hundred bytes; a server that sends more
 * than this for it is not the central server, and is read no further. */
#define MAX_ANSWER_BYTES (1024 * 1024)
#define READ_CHUNK (64 * 1024)
/* An office code is an id of the protocol. */
#define MAX_OFFICE_BYTES 64

typedef struct {
  char          *server;       /* owned, without a trailing '/' */
  char          *office;       /* owned */
  char          *token;        /* owned, wiped on free */
  SoupSession   *session;      /* owned */
  SoupMessage   *msg;          /* owned, nullable */
  GInputStream  *stream;       /* owned, nullable */
  GByteArray    *body;         /* owned, nullable */
  guint          redirects;
  GCancellable  *io;           /* owned: cancelled by the caller's cancellable or the deadline */
  GCancellable  *caller;       /* owned, nullable */
  gulong         caller_handler;
  GSource       *deadline;     /* owned */
  gboolean       deadline_hit;
} Probe;

void
daftar_connection_result_free (DaftarConnectionResult *result)
{
  if (result == NULL)
    return;
  g_free (result->message);
  g_free (result->detail);
  g_free (result->office_name);
  g_free (result);
}

static void
probe_free (gpointer data)
{
  Probe *probe = data;

  if (probe->caller_handler != 0)
    g_cancellable_disconnect (probe->caller, probe->caller_handler);
  g_clear_object (&probe->caller);
  if (probe->deadline != NULL)
    g_source_destroy (probe->deadline);
  g_clear_pointer (&probe->deadline, g_source_unref);
  g_clear_object (&probe->stream);
  g_clear_object (&probe->msg);
  g_clear_object (&probe->session);
  g_clear_object (&probe->io);
  g_clear_pointer (&probe->body, g_byte_array_unref);
  if (probe->token != NULL)
    memset (probe->token, 0, strlen (probe->token));
  g_free (probe->token);
  g_free (probe->server);
  g_free (probe->office);
  g_free (probe);
}

/* Text from the server, the network or the manager, on its way into a message. */
static char *
shown (const char *text)
{
  return daftar_text_printable (text, DAFTAR_SYNC_SHOWN_MAX);
}

/* Ends the test with @outcome and @message. Takes @detail and @office_name. */
static void
finish_named (GTask                   *task,
              DaftarConnectionOutcome  outcome,
              char                    *detail,
              const char              *message,
              char                    *office_name)
{
  Probe *probe = g_task_get_task_data (task);
  DaftarConnectionResult *result = g_new0 (DaftarConnectionResult, 1);

  result->outcome = outcome;
  result->message = g_strdup (message);
  result->detail = detail;
  result->office_name = office_name;
  result->http_status = probe->msg != NULL ? soup_message_get_status (probe->msg) : 0;
  g_task_return_pointer (task, result, (GDestroyNotify) daftar_connection_result_free);
  g_object_unref (task);
}

static void
finish (GTask                   *task,
        DaftarConnectionOutcome  outcome,
        char                    *detail,
        const char              *message)
{
  finish_named (task, outcome, detail, message, NULL);
}

/* finish() with a message whose one %s is the server's address. A macro,
 * so that each format stays a literal the compiler checks. */
#define FINISH_AT_ADDRESS(task, outcome, detail, format)                          \
  G_STMT_START {                                                                  \
    g_autofree char *address_ = shown (((Probe *) g_task_get_task_data (task))->server); \
    g_autofree char *message_ = g_strdup_printf (format, address_);               \
    finish ((task), (outcome), (detail), message_);                               \
  } G_STMT_END

static gboolean
caller_cancelled (GTask *task)
{
  Probe *probe = g_task_get_task_data (task);

  return probe->caller != NULL && g_cancellable_is_cancelled (probe->caller);
}

static void
return_cancelled (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The test was cancelled"));
  g_object_unref (task);
}

/* The network failed under the test: no answer, or an answer cut off. */
static void
finish_unreachable (GTask        *task,
                    const GError *error)
{
  Probe *probe = g_task_get_task_data (task);

  if (caller_cancelled (task))
    {
      return_cancelled (task);
      return;
    }
  if (probe->deadline_hit)
    {
      g_autofree char *address = shown (probe->server);
      g_autofree char *seconds = daftar_format_int (DAFTAR_SYNC_CONNECTION_TIMEOUT_S);
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("The central server at %s did not answer within %s seconds. Check the address and this computer’s network connection, or try again later."),
                                 address, seconds);
      finish (task, DAFTAR_CONNECTION_UNREACHABLE, NULL, message);
      return;
    }
  if (error->domain == G_TLS_ERROR)
    {
      FINISH_AT_ADDRESS (task, DAFTAR_CONNECTION_INSECURE, shown (error->message),
                         _("The security certificate of the server at %s was not accepted. Check the address; if it is right, ask the provincial office about the server’s certificate."));
      return;
    }
  FINISH_AT_ADDRESS (task, DAFTAR_CONNECTION_UNREACHABLE, shown (error->message),
                     _("Could not reach the central server at %s. Check the address and this computer’s network connection."));
}

static void
finish_not_central (GTask      *task,
                    const char *why)
{
  FINISH_AT_ADDRESS (task, DAFTAR_CONNECTION_NOT_CENTRAL, g_strdup (why),
                     _("The server at %s answered, but not as the central server does. Check the address."));
}

/* The office record, when the page's first change is this office's. */
static char *
office_name (JsonArray  *changes,
             const char *office)
{
  JsonNode *node;
  JsonObject *change;
  JsonObject *data;

  if (json_array_get_length (changes) == 0)
    return NULL;
  node = json_array_get_element (changes, 0);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  change = json_node_get_object (node);
  if (g_strcmp0 (json_object_get_string_member_with_default (change, "entity", NULL), "office") != 0 ||
      g_strcmp0 (json_object_get_string_member_with_default (change, "op", NULL), "upsert") != 0 ||
      !json_object_has_member (change, "data") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (change, "data")))
    return NULL;
  data = json_object_get_object_member (change, "data");
  if (g_strcmp0 (json_object_get_string_member_with_default (data, "code", NULL), office) != 0)
    return NULL;
  return shown (json_object_get_string_member_with_default (data, "name", NULL));
}

static gboolean
member_has_type (JsonObject *object,
                 const char *name,
                 GType       type)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* The page as the sync client would take it: strict JSON within the page
 * limits, an object of protocol 1 for this office with a cursor, has_more
 * and changes. */
static void
check_page (GTask *task)
{
  Probe *probe = g_task_get_task_data (task);
  const char *content_type = soup_message_headers_get_content_type (soup_message_get_response_headers (probe->msg), NULL);
  g_autoptr(GBytes) body = g_byte_array_free_to_bytes (g_steal_pointer (&probe->body));
  g_autoptr(GBytes) checked = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  JsonObject *page;
  JsonNode *root;
  JsonNode *protocol;
  guint marked = 0;

  if (!daftar_page_check (body, &checked, &marked, &error) ||
      !json_parser_load_from_data (parser, g_bytes_get_data (checked, NULL), (gssize) g_bytes_get_size (checked), &error))
    {
      g_autofree char *type = shown (content_type != NULL ? content_type : "");
      g_autofree char *why = shown (error->message);
      g_autofree char *detail = g_strdup_printf (_("The answer is not JSON (content type “%s”): %s"), type, why);

      finish_not_central (task, detail);
      return;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      finish_not_central (task, _("The answer is not a JSON object"));
      return;
    }
  page = json_node_get_object (root);
  protocol = json_object_get_member (page, "protocol");
  if (protocol == NULL || !JSON_NODE_HOLDS_VALUE (protocol) ||
      json_node_get_value_type (protocol) != G_TYPE_INT64)
    {
      finish_not_central (task, _("The answer names no protocol version"));
      return;
    }
  if (json_node_get_int (protocol) != 1)
    {
      g_autofree char *version = daftar_format_int (json_node_get_int (protocol));
      g_autofree char *ours = daftar_format_int (1);
      g_autofree char *detail = g_strdup_printf (_("The server speaks protocol version %s; Daftar speaks version %s"),
                                                 version, ours);
      finish_not_central (task, detail);
      return;
    }
  if (!member_has_type (page, "office", G_TYPE_STRING) ||
      g_strcmp0 (json_object_get_string_member (page, "office"), probe->office) != 0)
    {
      finish_not_central (task, _("The answer is for another office"));
      return;
    }
  if (!member_has_type (page, "cursor", G_TYPE_STRING) || !member_has_type (page, "has_more", G_TYPE_BOOLEAN) ||
      !json_object_has_member (page, "changes") || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (page, "changes")))
    {
      finish_not_central (task, _("The answer is not a page of changes: its cursor, more-to-come flag or list of changes is missing"));
      return;
    }

  name = office_name (json_object_get_array_member (page, "changes"), probe->office);
  if (name != NULL && *name != '\0')
    {
      g_autofree char *message = g_strdup_printf (_("Connected. The central server knows this office as “%s”."), name);

      finish_named (task, DAFTAR_CONNECTION_OK, NULL, message, g_steal_pointer (&name));
      return;
    }
  finish (task, DAFTAR_CONNECTION_OK, NULL,
          _("Connected. The central server accepted the office code and the access token."));
}

static void read_more (GTask *task);

static void
read_cb (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  GTask *task = user_data;
  Probe *probe = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), res, &error);

  if (chunk == NULL)
    {
      finish_unreachable (task, error);
      return;
    }
  if (g_bytes_get_size (chunk) == 0)
    {
      g_clear_object (&probe->stream);
      check_page (task);
      return;
    }
  g_byte_array_append (probe->body, g_bytes_get_data (chunk, NULL), (guint) g_bytes_get_size (chunk));
  if (probe->body->len > MAX_ANSWER_BYTES)
    {
      g_autofree char *limit = g_format_size (MAX_ANSWER_BYTES);
      g_autofree char *detail = g_strdup_printf (_("The answer to a request for one change is larger than %s"), limit);

      finish_not_central (task, detail);
      return;
    }
  read_more (task);
}

static void
read_more (GTask *task)
{
  Probe *probe = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (probe->stream, READ_CHUNK, G_PRIORITY_DEFAULT, probe->io,
                                   read_cb, task);
}

static void send_request (GTask *task, GUri *uri);

static void
follow_redirect (GTask *task)
{
  Probe *probe = g_task_get_task_data (task);
  const char *location = soup_message_headers_get_one (soup_message_get_response_headers (probe->msg), "Location");
  g_autoptr(GUri) target = NULL;
  g_autoptr(GError) error = NULL;

  if (!daftar_sync_check_redirect (probe->server, soup_message_get_uri (probe->msg), location, &target, &error))
    {
      finish (task, error->code == DAFTAR_SYNC_ERROR_INSECURE ? DAFTAR_CONNECTION_INSECURE : DAFTAR_CONNECTION_NOT_CENTRAL,
              NULL, error->message);
      return;
    }
  if (++probe->redirects > DAFTAR_SYNC_MAX_REDIRECTS)
    {
      g_autofree char *times = daftar_format_int (DAFTAR_SYNC_MAX_REDIRECTS);
      g_autofree char *detail = g_strdup_printf (_("The server redirected more than %s times"), times);

      finish_not_central (task, detail);
      return;
    }
  send_request (task, target);
}

static void
send_cb (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  GTask *task = user_data;
  Probe *probe = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  guint status;

  probe->stream = soup_session_send_finish (SOUP_SESSION (source), res, &error);
  if (probe->stream == NULL)
    {
      finish_unreachable (task, error);
      return;
    }

  status = soup_message_get_status (probe->msg);
  switch (status)
    {
    case SOUP_STATUS_OK:
      probe->body = g_byte_array_new ();
      read_more (task);
      return;
    case SOUP_STATUS_UNAUTHORIZED:
    case SOUP_STATUS_FORBIDDEN:
      {
        g_autofree char *message = g_strdup_printf (_("The central server did not accept the access token (HTTP %u). Check the token, or ask the provincial office for a new one."),
                                                    status);
        finish (task, DAFTAR_CONNECTION_WRONG_TOKEN, NULL, message);
        return;
      }
    case SOUP_STATUS_NOT_FOUND:
      {
        g_autofree char *office = shown (probe->office);
        g_autofree char *message = g_strdup_printf (_("The central server does not know office code %s. Check the office code."),
                                                    office);
        finish (task, DAFTAR_CONNECTION_UNKNOWN_OFFICE, NULL, message);
        return;
      }
    case SOUP_STATUS_MOVED_PERMANENTLY:
    case SOUP_STATUS_FOUND:
    case SOUP_STATUS_SEE_OTHER:
    case SOUP_STATUS_TEMPORARY_REDIRECT:
    case SOUP_STATUS_PERMANENT_REDIRECT:
      g_clear_object (&probe->stream);
      follow_redirect (task);
      return;
    default:
      break;
    }

  if (status == 429 || (status >= 500 && status < 600) || status == SOUP_STATUS_GONE)
    {
      /* A 410 for the very first page is the server's fault too (the
       * sync ends the same way); a sync would retry the others later. */
      g_autofree char *message = g_strdup_printf (_("The central server is busy or has a problem (HTTP %u). Try again later."),
                                                  status);
      finish (task, DAFTAR_CONNECTION_SERVER_TROUBLE, NULL, message);
      return;
    }
  {
    g_autofree char *reason = shown (soup_message_get_reason_phrase (probe->msg));
    g_autofree char *detail = g_strdup_printf ("HTTP %u %s", status, reason != NULL ? reason : "");

    finish_not_central (task, detail);
  }
}

static void
send_request (GTask *task,
              GUri  *uri)
{
  Probe *probe = g_task_get_task_data (task);

  g_clear_object (&probe->stream);
  g_clear_object (&probe->msg);
  probe->msg = daftar_soup_token_request_new (uri, probe->token);
  soup_session_send_async (probe->session, probe->msg, G_PRIORITY_DEFAULT, probe->io, send_cb, task);
}

static gboolean
deadline_cb (gpointer user_data)
{
  Probe *probe = user_data;

  probe->deadline_hit = TRUE;
  g_cancellable_cancel (probe->io);
  g_clear_pointer (&probe->deadline, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
forward_cancel (GCancellable *cancellable,
                gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

void
daftar_sync_test_connection_async (const char          *server,
                                   const char          *office,
                                   const char          *token,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task = g_task_new (NULL, NULL, callback, user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GUri) uri = NULL;
  Probe *probe;
  gsize len;

  g_task_set_source_tag (task, daftar_sync_test_connection_async);
  probe = g_new0 (Probe, 1);
  probe->server = g_strdup (server != NULL ? server : "");
  len = strlen (probe->server);
  while (len > 0 && probe->server[len - 1] == '/')
    probe->server[--len] = '\0';
  probe->office = g_strdup (office != NULL ? office : "");
  probe->token = g_strdup (token != NULL ? token : "");
  probe->io = g_cancellable_new ();
  g_task_set_task_data (task, probe, probe_free);

  /* What a sync would refuse before connecting is refused here too. */
  if (!daftar_sync_check_server (probe->server, &error))
    {
      finish (task, DAFTAR_CONNECTION_INSECURE, NULL, error->message);
      return;
    }
  if (*probe->office == '\0' || strlen (probe->office) > MAX_OFFICE_BYTES)
    {
      g_autofree char *shown_office = shown (probe->office);
      g_autofree char *message = g_strdup_printf (_("The central server does not know office code %s. Check the office code."),
                                                  shown_office);
      finish (task, DAFTAR_CONNECTION_UNKNOWN_OFFICE, NULL, message);
      return;
    }
  if (!daftar_token_validate (probe->token, &error))
    {
      finish (task, DAFTAR_CONNECTION_WRONG_TOKEN, NULL, error->message);
      return;
    }

  escaped = g_uri_escape_string (probe->office, NULL, FALSE);
  url = g_strdup_printf ("%s/api/v1/offices/%s/changes?since=&limit=1", probe->server, escaped);
  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, &error);
  if (uri == NULL)
    {
      finish (task, DAFTAR_CONNECTION_INSECURE, shown (error->message),
              _("The server address is not a valid web address"));
      return;
    }

  if (cancellable != NULL)
    {
      probe->caller = g_object_ref (cancellable);
      probe->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel),
                                                     g_object_ref (probe->io), g_object_unref);
    }
  /* The session's timeout catches a server that stops; this one catches a
   * server that trickles, and bounds the whole wait the manager sees. */
  probe->deadline = g_timeout_source_new_seconds (DAFTAR_SYNC_CONNECTION_TIMEOUT_S);
  g_source_set_callback (probe->deadline, deadline_cb, probe, NULL);
  g_source_attach (probe->deadline, g_task_get_context (task));
  probe->session = daftar_soup_session_new (DAFTAR_SYNC_CONNECTION_TIMEOUT_S, probe->server);
  send_request (task, uri);
}

DaftarConnectionResult *
daftar_sync_test_connection_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == daftar_sync_test_connection_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
