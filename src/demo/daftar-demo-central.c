/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-demo-central.c: the demo central server — protocol-v1 pages of demo data over HTTP, with fault modes. */
#define G_LOG_DOMAIN "daftar-demo-central"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "daftar-demo-central-private.h"

#define DEFAULT_LIMIT 1000
#define MAX_LIMIT 20000
#define SLOW_CHUNK (16 * 1024)
#define SLOW_DELAY_MS 10
#define HUGE_CHUNK (1024 * 1024)
#define HUGE_TOTAL ((guint64) 1024 * 1024 * 1024)
#define AUTH_DIGEST_BYTES 32

struct _DaftarDemoCentral
{
  GObject                parent_instance;

  DaftarDemoCentralFeed *feed;            /* owned */
  guint8                 expected_auth[AUTH_DIGEST_BYTES];  /* SHA-256 of "Bearer <token>" */
  SoupServer            *server;          /* owned */
  guint                  port;            /* 0 until listening */
  DaftarDemoCentralFault fault;
  guint                  epoch;
  gboolean               gzip;
  guint                  requests;
  guint64                streamed_bytes;
  GHashTable            *tries;           /* owned: since → failed answers given for it */
  guint                  retry_afters;
  guint                  bad_serial;
  guint                  pages_served;
  GHashTable            *page_cache;      /* owned, nullable: "office:since:limit" → GBytes */
};

G_DEFINE_FINAL_TYPE (DaftarDemoCentral, daftar_demo_central, G_TYPE_OBJECT)
G_DEFINE_QUARK (daftar-demo-central-error-quark, daftar_demo_central_error)

enum {
  PROP_0,
  PROP_FAULT,
  PROP_GZIP,
  N_PROPS
};

enum {
  SIGNAL_PAGE_SERVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const fault_names[] = {
  "none", "error-500-twice", "retry-after", "truncate", "bad-json", "wrong-protocol",
  "slow-body", "expire-cursor", "huge-body", "bad-records", "unauthorized",
};

const char *
daftar_demo_central_fault_to_string (DaftarDemoCentralFault fault)
{
  g_return_val_if_fail ((guint) fault < G_N_ELEMENTS (fault_names), NULL);
  return fault_names[fault];
}

gboolean
daftar_demo_central_fault_from_string (const char             *name,
                                       DaftarDemoCentralFault *out_fault,
                                       GError                **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (fault_names); i++)
    if (g_strcmp0 (name, fault_names[i]) == 0)
      {
        *out_fault = i;
        return TRUE;
      }
  g_set_error (error, DAFTAR_DEMO_CENTRAL_ERROR, DAFTAR_DEMO_CENTRAL_ERROR_BAD_FAULT,
               "Unknown fault mode “%s”", name);
  return FALSE;
}

/* A streamed body: appended chunk by chunk as libsoup writes the previous
 * one, so nothing bigger than a chunk is ever held. */
typedef struct {
  DaftarDemoCentral   *self;      /* unowned: the server outlives its messages */
  SoupServerMessage   *msg;       /* unowned: valid until "finished" */
  GBytes              *text;      /* owned, nullable: slow-body's page */
  gsize                offset;
  guint64              remaining; /* huge-body's padding still to send */
  guint                timeout_id;
} Stream;

static void
stream_free (gpointer data)
{
  Stream *stream = data;

  g_clear_handle_id (&stream->timeout_id, g_source_remove);
  g_clear_pointer (&stream->text, g_bytes_unref);
  g_free (stream);
}

/* Appends the next chunk, or completes the body; FALSE when done. */
static gboolean
stream_next (Stream *stream)
{
  SoupMessageBody *body = soup_server_message_get_response_body (stream->msg);

  if (stream->text != NULL && stream->offset < g_bytes_get_size (stream->text))
    {
      gsize len = MIN (SLOW_CHUNK, g_bytes_get_size (stream->text) - stream->offset);
      const char *data = g_bytes_get_data (stream->text, NULL);

      soup_message_body_append (body, SOUP_MEMORY_COPY, data + stream->offset, len);
      stream->offset += len;
      stream->self->streamed_bytes += len;
      return TRUE;
    }
  if (stream->remaining > 0)
    {
      gsize len = MIN (HUGE_CHUNK, stream->remaining);
      /* The body takes a reference of its own. */
      g_autoptr(GBytes) chunk = g_bytes_new_take (g_strnfill (len, ' '), len);

      soup_message_body_append_bytes (body, chunk);
      stream->remaining -= len;
      stream->self->streamed_bytes += len;
      return TRUE;
    }
  soup_message_body_complete (body);
  return FALSE;
}

static gboolean
slow_tick (gpointer user_data)
{
  Stream *stream = user_data;

  stream->timeout_id = 0;
  stream_next (stream);
  soup_server_message_unpause (stream->msg);
  return G_SOURCE_REMOVE;
}

static void
wrote_chunk_cb (SoupServerMessage *msg,
                gpointer           user_data)
{
  Stream *stream = user_data;

  if (stream->text != NULL)
    {
      /* Slow body: hold the next chunk back a little. */
      soup_server_message_pause (msg);
      stream->timeout_id = g_timeout_add (SLOW_DELAY_MS, slow_tick, stream);
    }
  else
    stream_next (stream);
}

static void
finished_cb (SoupServerMessage *msg,
             gpointer           user_data)
{
  /* Finished or the client went away: stop feeding it. */
  g_signal_handlers_disconnect_by_data (msg, user_data);
  stream_free (user_data);
}

static void
start_stream (DaftarDemoCentral *self,
              SoupServerMessage *msg,
              GBytes            *text,
              guint64            padding)
{
  Stream *stream = g_new0 (Stream, 1);

  stream->self = self;
  stream->msg = msg;
  stream->text = text;
  stream->remaining = padding;
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                     SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                         "application/json", NULL);
  soup_message_body_set_accumulate (soup_server_message_get_response_body (msg), FALSE);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (wrote_chunk_cb), stream);
  g_signal_connect (msg, "finished", G_CALLBACK (finished_cb), stream);
  stream_next (stream);
}

static GBytes *
gzip_bytes (const char *data,
            gsize       len)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));

  if (!g_output_stream_write_all (out, data, len, NULL, NULL, NULL) ||
      !g_output_stream_close (out, NULL, NULL))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
respond_error (SoupServerMessage *msg,
               guint              status)
{
  static const char body[] = "{\"error\":\"see the HTTP status\"}";

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                    body, sizeof body - 1);
}

static void
respond_page (DaftarDemoCentral *self,
              SoupServerMessage *msg,
              GString           *page)
{
  const char *accept = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Accept-Encoding");
  gsize len = page->len;
  char *text = g_string_free (page, FALSE);

  if (self->gzip && accept != NULL && strstr (accept, "gzip") != NULL)
    {
      g_autoptr(GBytes) packed = gzip_bytes (text, len);

      g_free (text);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Content-Encoding", "gzip");
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (packed, NULL), g_bytes_get_size (packed));
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text, len);
}

/* Counts how often @since was answered with a failure; TRUE if fewer than
 * @n so far (and counts this one). */
static gboolean
fail_first (DaftarDemoCentral *self,
            const char        *since,
            guint              n)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->tries, since));

  if (count >= n)
    return FALSE;
  g_hash_table_insert (self->tries, g_strdup (since), GUINT_TO_POINTER (count + 1));
  return TRUE;
}

static void
serve_changes (DaftarDemoCentral *self,
               SoupServerMessage *msg,
               int                office,
               const char        *since,
               guint              limit)
{
  DaftarDemoCentralFault fault = self->fault;
  gboolean later = *since != '\0';
  DaftarDemoCentralCursor cursor = { self->epoch, (guint) office, 0, 0 };
  GString *page;
  gboolean has_more;

  if (later)
    {
      /* An unreadable, foreign or (in expire mode) old cursor is expired:
       * 410 tells the client to start again, which always works. */
      if (!daftar_demo_central_cursor_decode (since, &cursor) || cursor.office != (guint) office ||
          cursor.day > daftar_demo_get_n_days (daftar_demo_central_feed_get_demo (self->feed)) ||
          (fault == DAFTAR_DEMO_CENTRAL_FAULT_EXPIRE_CURSOR && cursor.epoch != self->epoch))
        {
          respond_error (msg, SOUP_STATUS_GONE);
          return;
        }
      cursor.epoch = self->epoch;
    }

  if (fault == DAFTAR_DEMO_CENTRAL_FAULT_ERROR_500_TWICE && fail_first (self, since, 2))
    {
      respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR);
      return;
    }
  if (fault == DAFTAR_DEMO_CENTRAL_FAULT_RETRY_AFTER && self->retry_afters < 2 &&
      fail_first (self, since, 1))
    {
      respond_error (msg, self->retry_afters == 0 ? 429 : SOUP_STATUS_SERVICE_UNAVAILABLE);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", "1");
      self->retry_afters++;
      return;
    }
  if (fault == DAFTAR_DEMO_CENTRAL_FAULT_BAD_JSON && later)
    {
      static const char bad[] = "{\"protocol\": 1, \"changes\": [ {\"entity\": nope";
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        bad, sizeof bad - 1);
      return;
    }

  /* A central server answers from stored data; the cache lets a benchmark
   * measure the client, not this generator. Faults never use it. */
  if (self->page_cache != NULL && fault == DAFTAR_DEMO_CENTRAL_FAULT_NONE)
    {
      g_autofree char *key = g_strdup_printf ("%d:%s:%u", office, since, limit);
      GBytes *cached = g_hash_table_lookup (self->page_cache, key);

      if (cached == NULL)
        {
          page = daftar_demo_central_feed_page (self->feed, &cursor, limit, 1, 0, &has_more);
          cached = g_string_free_to_bytes (page);
          g_hash_table_insert (self->page_cache, g_steal_pointer (&key), cached);
        }
      self->pages_served++;
      g_signal_emit (self, signals[SIGNAL_PAGE_SERVED], 0, self->pages_served, later);
      respond_page (self, msg, g_string_new_len (g_bytes_get_data (cached, NULL), g_bytes_get_size (cached)));
      return;
    }

  page = daftar_demo_central_feed_page (self->feed, &cursor, limit,
                                        fault == DAFTAR_DEMO_CENTRAL_FAULT_WRONG_PROTOCOL && later ? 2 : 1,
                                        fault == DAFTAR_DEMO_CENTRAL_FAULT_BAD_RECORDS ? ++self->bad_serial : 0,
                                        &has_more);
  self->pages_served++;
  g_signal_emit (self, signals[SIGNAL_PAGE_SERVED], 0, self->pages_served, later);

  if (fault == DAFTAR_DEMO_CENTRAL_FAULT_TRUNCATE && later)
    g_string_truncate (page, page->len / 2);

  if (fault == DAFTAR_DEMO_CENTRAL_FAULT_HUGE_BODY && later)
    {
      /* A valid start, then spaces without end: only a size limit stops it. */
      g_string_truncate (page, page->len - 2);
      start_stream (self, msg, g_string_free_to_bytes (page), HUGE_TOTAL);
      return;
    }
  if (fault == DAFTAR_DEMO_CENTRAL_FAULT_SLOW_BODY)
    {
      start_stream (self, msg, g_string_free_to_bytes (page), 0);
      return;
    }
  respond_page (self, msg, page);
}

static void
auth_digest (const char *auth,
             guint8      digest[AUTH_DIGEST_BYTES])
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize len = AUTH_DIGEST_BYTES;

  g_checksum_update (sum, (const guchar *) auth, -1);
  g_checksum_get_digest (sum, digest, &len);
}

/* Compares digests of equal length with no early exit: comparing the
 * texts stops at the first wrong byte or a shorter length, and the time
 * that takes tells a client how much of its guess is right. */
static gboolean
auth_matches (DaftarDemoCentral *self,
              const char        *auth)
{
  guint8 digest[AUTH_DIGEST_BYTES];
  guint8 difference = 0;

  if (auth == NULL)
    return FALSE;
  auth_digest (auth, digest);
  for (guint i = 0; i < AUTH_DIGEST_BYTES; i++)
    difference |= digest[i] ^ self->expected_auth[i];
  return difference == 0;
}

static void
handle_request (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  DaftarDemoCentral *self = user_data;
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  const char *since = NULL;
  const char *limit_text = NULL;
  guint64 limit = DEFAULT_LIMIT;
  int office;

  self->requests++;

  /* "", "api", "v1", "offices", office, "changes" */
  if (g_strv_length (parts) != 6 || !g_str_equal (parts[1], "api") ||
      !g_str_equal (parts[2], "v1") || !g_str_equal (parts[3], "offices") ||
      !g_str_equal (parts[5], "changes"))
    {
      respond_error (msg, SOUP_STATUS_NOT_FOUND);
      return;
    }
  if (soup_server_message_get_method (msg) != SOUP_METHOD_GET)
    {
      respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED);
      return;
    }
  if (self->fault == DAFTAR_DEMO_CENTRAL_FAULT_UNAUTHORIZED ||
      !auth_matches (self, auth))
    {
      respond_error (msg, SOUP_STATUS_UNAUTHORIZED);
      return;
    }
  office = daftar_demo_central_feed_find_office (self->feed, parts[4]);
  if (office < 0)
    {
      respond_error (msg, SOUP_STATUS_NOT_FOUND);
      return;
    }
  if (query != NULL)
    {
      since = g_hash_table_lookup (query, "since");
      limit_text = g_hash_table_lookup (query, "limit");
    }
  if (limit_text != NULL && *limit_text != '\0' &&
      !g_ascii_string_to_unsigned (limit_text, 10, 1, MAX_LIMIT, &limit, NULL))
    limit = MAX_LIMIT;
  serve_changes (self, msg, office, since != NULL ? since : "", (guint) limit);
}

DaftarDemoCentral *
daftar_demo_central_new (DaftarDemo *demo,
                         const char *token)
{
  DaftarDemoCentral *self;
  g_autofree char *expected = NULL;

  g_return_val_if_fail (demo != NULL, NULL);
  g_return_val_if_fail (token != NULL && *token != '\0', NULL);

  self = g_object_new (DAFTAR_TYPE_DEMO_CENTRAL, NULL);
  self->feed = daftar_demo_central_feed_new (demo);
  /* Only the digest is kept: the token itself is not needed again. */
  expected = g_strconcat ("Bearer ", token, NULL);
  auth_digest (expected, self->expected_auth);
  memset (expected, 0, strlen (expected));
  return self;
}

gboolean
daftar_demo_central_listen (DaftarDemoCentral *self,
                            guint              port,
                            GError           **error)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, port);
  g_autoptr(GError) local_error = NULL;
  GSList *uris;

  g_return_val_if_fail (DAFTAR_IS_DEMO_CENTRAL (self), FALSE);
  g_return_val_if_fail (self->port == 0, FALSE);

  /* Loopback only: a demo server has no business being reachable from the
   * network, and the client allows plain http only to this machine. */
  if (!soup_server_listen (self->server, address, 0, &local_error))
    {
      g_set_error (error, DAFTAR_DEMO_CENTRAL_ERROR, DAFTAR_DEMO_CENTRAL_ERROR_LISTEN,
                   "Could not listen on 127.0.0.1:%u: %s", port, local_error->message);
      return FALSE;
    }
  uris = soup_server_get_uris (self->server);
  if (uris != NULL)
    self->port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return self->port != 0;
}

char *
daftar_demo_central_get_url (DaftarDemoCentral *self)
{
  g_return_val_if_fail (DAFTAR_IS_DEMO_CENTRAL (self), NULL);
  return self->port != 0 ? g_strdup_printf ("http://127.0.0.1:%u", self->port) : NULL;
}

void
daftar_demo_central_set_fault (DaftarDemoCentral     *self,
                               DaftarDemoCentralFault fault)
{
  g_return_if_fail (DAFTAR_IS_DEMO_CENTRAL (self));

  /* Entering expire mode is the moment the server "forgets" its cursors. */
  if (fault == DAFTAR_DEMO_CENTRAL_FAULT_EXPIRE_CURSOR && self->fault != fault)
    self->epoch++;
  g_hash_table_remove_all (self->tries);
  self->retry_afters = 0;
  if (self->fault == fault)
    return;
  self->fault = fault;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAULT]);
}

DaftarDemoCentralFault
daftar_demo_central_get_fault (DaftarDemoCentral *self)
{
  g_return_val_if_fail (DAFTAR_IS_DEMO_CENTRAL (self), DAFTAR_DEMO_CENTRAL_FAULT_NONE);
  return self->fault;
}

void
daftar_demo_central_set_gzip (DaftarDemoCentral *self,
                              gboolean           gzip)
{
  g_return_if_fail (DAFTAR_IS_DEMO_CENTRAL (self));
  gzip = !!gzip;
  if (self->gzip == gzip)
    return;
  self->gzip = gzip;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GZIP]);
}

void
daftar_demo_central_set_cache_pages (DaftarDemoCentral *self,
                                     gboolean           cache)
{
  g_return_if_fail (DAFTAR_IS_DEMO_CENTRAL (self));

  if (!cache)
    g_clear_pointer (&self->page_cache, g_hash_table_unref);
  else if (self->page_cache == NULL)
    self->page_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_bytes_unref);
}

guint
daftar_demo_central_get_requests (DaftarDemoCentral *self)
{
  g_return_val_if_fail (DAFTAR_IS_DEMO_CENTRAL (self), 0);
  return self->requests;
}

guint64
daftar_demo_central_get_streamed_bytes (DaftarDemoCentral *self)
{
  g_return_val_if_fail (DAFTAR_IS_DEMO_CENTRAL (self), 0);
  return self->streamed_bytes;
}

static void
daftar_demo_central_finalize (GObject *object)
{
  DaftarDemoCentral *self = DAFTAR_DEMO_CENTRAL (object);

  g_clear_pointer (&self->page_cache, g_hash_table_unref);

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_pointer (&self->feed, daftar_demo_central_feed_free);
  g_clear_pointer (&self->tries, g_hash_table_unref);
  G_OBJECT_CLASS (daftar_demo_central_parent_class)->finalize (object);
}

static void
daftar_demo_central_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DaftarDemoCentral *self = DAFTAR_DEMO_CENTRAL (object);

  switch (prop_id)
    {
    case PROP_FAULT: g_value_set_int (value, self->fault); break;
    case PROP_GZIP: g_value_set_boolean (value, self->gzip); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_demo_central_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DaftarDemoCentral *self = DAFTAR_DEMO_CENTRAL (object);

  switch (prop_id)
    {
    case PROP_FAULT: daftar_demo_central_set_fault (self, g_value_get_int (value)); break;
    case PROP_GZIP: daftar_demo_central_set_gzip (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_demo_central_class_init (DaftarDemoCentralClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = daftar_demo_central_finalize;
  object_class->get_property = daftar_demo_central_get_property;
  object_class->set_property = daftar_demo_central_set_property;

  /* A plain int rather than a registered enum type: the mode is a test and
   * demo knob, named on the command line through fault_from_string. */
  properties[PROP_FAULT] = g_param_spec_int ("fault", NULL, NULL,
                                             DAFTAR_DEMO_CENTRAL_FAULT_NONE,
                                             DAFTAR_DEMO_CENTRAL_FAULT_UNAUTHORIZED,
                                             DAFTAR_DEMO_CENTRAL_FAULT_NONE, rw);
  properties[PROP_GZIP] = g_param_spec_boolean ("gzip", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted as a page of data is about to be sent: (pages served so far,
   * whether the page was asked for with a cursor). Tests use it to look at
   * the client's database while a sync is under way. */
  signals[SIGNAL_PAGE_SERVED] =
    g_signal_new ("page-served", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);
}

static void
daftar_demo_central_init (DaftarDemoCentral *self)
{
  self->server = soup_server_new ("server-header", "daftar-central-demo/" VERSION " ", NULL);
  self->tries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  soup_server_add_handler (self->server, "/api/v1/offices", handle_request, self, NULL);
}
