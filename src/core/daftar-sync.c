/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-sync.c: the sync client — pages of changes over HTTP with retries, applied on the database thread. */
#define G_LOG_DOMAIN "daftar-sync"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "daftar-page-check.h"
#include "daftar-soup.h"
#include "daftar-sync-private.h"

/* The most changes the client asks for a page: a page of that many of the
 * largest changes (a case with every field is 20 JSON values) stays well
 * inside what the page check takes, so an honest server's pages are never
 * refused for their size. */
#define MAX_PAGE_LIMIT 10000
G_STATIC_ASSERT (MAX_PAGE_LIMIT * 20 + 64 <= DAFTAR_PAGE_MAX_VALUES);

G_DEFINE_FINAL_TYPE (DaftarSyncClient, daftar_sync_client, G_TYPE_OBJECT)
G_DEFINE_QUARK (daftar-sync-error-quark, daftar_sync_error)

enum {
  PROP_0,
  PROP_WORKER,
  PROP_SERVER,
  PROP_OFFICE,
  PROP_PAGE_LIMIT,
  PROP_MAX_BODY_SIZE,
  PROP_RETRY_BASE_MS,
  PROP_MAX_TRIES,
  PROP_TIMEOUT,
  PROP_PAGE_TIMEOUT,
  PROP_RETRY_AFTER_MAX,
  PROP_MAX_PAGES,
  PROP_MAX_EMPTY_PAGES,
  PROP_RUNNING,
  N_PROPS
};

enum {
  SIGNAL_PAGE_APPLIED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

const char *
daftar_sync_error_nick (DaftarSyncError code)
{
  static const char * const nicks[] = {
    "auth", "unknown-office", "bad-page", "too-large", "network", "server",
    "insecure", "tls", "cancelled", "database", "busy", "invalid",
  };
  return (guint) code < G_N_ELEMENTS (nicks) ? nicks[code] : "error";
}

void
daftar_sync_summary_free (DaftarSyncSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->cursor);
  g_free (summary);
}


/* Refuses addresses we must not send the token to: anything but https,
 * except plain http to this machine (the demo server, tests). An address
 * that is refused is never quoted whole: it may hold a password. */
gboolean
daftar_sync_check_server (const char  *server,
                          GError     **error)
{
  g_autoptr(GUri) uri = server != NULL ? g_uri_parse (server, SOUP_HTTP_URI_FLAGS, NULL) : NULL;
  const char *scheme;

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error_literal (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_INSECURE,
                           _("The server address is not a valid web address"));
      return FALSE;
    }
  if (g_uri_get_user (uri) != NULL || g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      /* They would end up in sync_log, the settings and every message. */
      g_set_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_INSECURE,
                   _("The server address must not contain a user name, password or query"));
      return FALSE;
    }
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (scheme, "http") == 0 &&
      daftar_soup_host_is_loopback (g_uri_get_host (uri)))
    return TRUE;
  g_set_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_INSECURE,
               _("The server address %s is not secure: only https is allowed, except for this computer"),
               server);
  return FALSE;
}

/* The address as sync_log keeps it. One that was refused loses any user
 * name, password, query and fragment, or is not kept at all when it is
 * no web address. */
static char *
address_for_log (const char *server)
{
  g_autoptr(GUri) uri = NULL;

  if (daftar_sync_check_server (server, NULL))
    return g_strdup (server);
  uri = g_uri_parse (server, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return NULL;
  return g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO | G_URI_HIDE_QUERY | G_URI_HIDE_FRAGMENT);
}

static void
log_finished_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DaftarSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  DaftarSyncSummary *summary;

  if (daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error) == NULL)
    g_warning ("Could not write the sync log: %s", error->message);

  daftar_sync_run_returned (task);
  daftar_sync_run_set_phase (task, DAFTAR_SYNC_PHASE_DONE);
  self->running = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  if (run->failure != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&run->failure));
      return;
    }
  summary = g_new0 (DaftarSyncSummary, 1);
  *summary = run->summary;
  summary->cursor = g_strdup (run->since);
  g_task_return_pointer (task, summary, (GDestroyNotify) daftar_sync_summary_free);
}

/* Ends the run with @error (owned, NULL for success) after the sync_log row
 * records how it went. */
void
daftar_sync_run_finish (GTask  *task,
                        GError *error)
{
  DaftarSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  DaftarSyncLogJob *job;

  daftar_sync_run_clear_wait (run);
  g_clear_object (&run->stream);
  run->target = self->worker;
  daftar_sync_release_worker (g_steal_pointer (&run->fresh));
  run->failure = error;

  if (error != NULL)
    g_debug ("sync of %s failed: %s", self->office, error->message);

  if (run->log_id == 0)
    {
      /* Not even the log row could be written; there is nothing to update. */
      daftar_sync_run_set_phase (task, DAFTAR_SYNC_PHASE_DONE);
      self->running = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
      g_task_return_error (task, g_steal_pointer (&run->failure));
      g_object_unref (task);
      return;
    }

  job = g_new0 (DaftarSyncLogJob, 1);
  job->log_id = run->log_id;
  job->pages = run->summary.pages;
  job->records = run->summary.records;
  job->rejected = run->summary.rejected;
  if (error == NULL)
    job->result = g_strdup ("ok");
  else if (error->domain == DAFTAR_SYNC_ERROR)
    job->result = g_strdup (daftar_sync_error_nick (error->code));
  else
    job->result = g_strdup ("error");
  job->message = error != NULL ? g_strdup (error->message) : NULL;

  /* Not cancellable: a cancelled run must still be logged as such. */
  daftar_sync_run_set_phase (task, DAFTAR_SYNC_PHASE_FINISHING);
  run->pending++;
  daftar_db_worker_run_async (self->worker, daftar_sync_log_finish_job, job,
                              daftar_sync_log_job_free, NULL, NULL,
                              log_finished_cb, task);
}


static void
log_started_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  DaftarSyncClient *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  DaftarSyncStart *start;
  GError *check_error = NULL;

  start = daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error);
  daftar_sync_run_returned (task);
  if (start == NULL)
    {
      daftar_sync_run_end (task, g_error_new (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_DATABASE,
                                              _("Could not read the local database: %s"), error->message));
      return;
    }
  run->log_id = start->log_id;
  run->since = g_steal_pointer (&start->cursor);
  daftar_sync_start_free (start);

  if (!daftar_sync_check_server (self->server, &check_error))
    {
      daftar_sync_run_end (task, check_error);
      return;
    }
  if (self->token == NULL)
    {
      daftar_sync_run_end (task, g_error_new_literal (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_AUTH,
                                                      _("No access token is set for the central server")));
      return;
    }
  if (self->session == NULL)
    self->session = daftar_soup_session_new (self->timeout_s, self->server);
  daftar_sync_run_begin (task);
}

void
daftar_sync_client_run_async (DaftarSyncClient    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;
  Run *run;
  DaftarSyncLogJob *job;

  g_return_if_fail (DAFTAR_IS_SYNC_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, daftar_sync_client_run_async);
  /* Cancellation is reported as DAFTAR_SYNC_ERROR_CANCELLED, after the log row. */
  g_task_set_check_cancellable (task, FALSE);
  if (self->running)
    {
      g_task_return_new_error (task, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_BUSY,
                               _("A sync is already running"));
      g_object_unref (task);
      return;
    }
  run = g_new0 (Run, 1);
  run->phase = DAFTAR_SYNC_PHASE_STARTING;
  run->target = self->worker;
  g_task_set_task_data (task, run, daftar_sync_run_free);

  self->running = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  job = g_new0 (DaftarSyncLogJob, 1);
  /* The address is checked before the run's row is written. */
  job->server = address_for_log (self->server);
  job->office = g_strdup (self->office);
  run->pending++;
  daftar_db_worker_run_async (self->worker, daftar_sync_log_start_job, job,
                              daftar_sync_log_job_free, daftar_sync_start_free,
                              NULL, log_started_cb, task);
}

DaftarSyncSummary *
daftar_sync_client_run_finish (DaftarSyncClient  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == daftar_sync_client_run_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
daftar_sync_client_page_applied (DaftarSyncClient *self,
                                 guint             pages,
                                 guint64           records)
{
  g_signal_emit (self, signals[SIGNAL_PAGE_APPLIED], 0, pages, records);
}

void
daftar_sync_client_watch_phases (DaftarSyncClient    *self,
                                 DaftarSyncPhaseFunc  func,
                                 gpointer             user_data)
{
  g_return_if_fail (DAFTAR_IS_SYNC_CLIENT (self));

  self->phase_watch = func;
  self->phase_watch_data = user_data;
}

void
daftar_sync_client_set_token (DaftarSyncClient *self,
                              const char       *token)
{
  g_return_if_fail (DAFTAR_IS_SYNC_CLIENT (self));

  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  self->token = g_strdup (token);
}

#define SETTER(name, type, field, PROP)                                   \
  void                                                                    \
  daftar_sync_client_set_##name (DaftarSyncClient *self, type value)      \
  {                                                                       \
    g_return_if_fail (DAFTAR_IS_SYNC_CLIENT (self));                      \
    if (self->field == value)                                             \
      return;                                                             \
    self->field = value;                                                  \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);         \
  }

SETTER (max_body_size, gsize, max_body_size, PROP_MAX_BODY_SIZE)
SETTER (retry_base_ms, guint, retry_base_ms, PROP_RETRY_BASE_MS)
SETTER (max_tries, guint, max_tries, PROP_MAX_TRIES)

void
daftar_sync_client_set_page_limit (DaftarSyncClient *self,
                                   guint             value)
{
  g_return_if_fail (DAFTAR_IS_SYNC_CLIENT (self));
  value = CLAMP (value, 1, MAX_PAGE_LIMIT);
  if (self->page_limit == value)
    return;
  self->page_limit = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_LIMIT]);
}

/* Bounds against a misbehaving server; properties only, for tests and the
 * rare deployment that needs other values. */
static void
set_uint (DaftarSyncClient *self,
          guint            *field,
          guint             value,
          guint             prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
daftar_sync_client_set_timeout (DaftarSyncClient *self,
                                guint             seconds)
{
  g_return_if_fail (DAFTAR_IS_SYNC_CLIENT (self));
  if (self->timeout_s == seconds)
    return;
  self->timeout_s = seconds;
  /* The next run makes a session with the new timeout. */
  g_clear_object (&self->session);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

gboolean
daftar_sync_client_get_running (DaftarSyncClient *self)
{
  g_return_val_if_fail (DAFTAR_IS_SYNC_CLIENT (self), FALSE);
  return self->running;
}

DaftarSyncClient *
daftar_sync_client_new (DaftarDbWorker *worker,
                        const char     *server,
                        const char     *office)
{
  g_return_val_if_fail (DAFTAR_IS_DB_WORKER (worker), NULL);
  g_return_val_if_fail (server != NULL && office != NULL, NULL);

  return g_object_new (DAFTAR_TYPE_SYNC_CLIENT,
                       "worker", worker, "server", server, "office", office, NULL);
}

static void
daftar_sync_client_finalize (GObject *object)
{
  DaftarSyncClient *self = DAFTAR_SYNC_CLIENT (object);

  daftar_sync_client_set_token (self, NULL);
  g_clear_object (&self->session);
  g_clear_object (&self->worker);
  g_free (self->server);
  g_free (self->office);
  G_OBJECT_CLASS (daftar_sync_client_parent_class)->finalize (object);
}

static void
daftar_sync_client_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DaftarSyncClient *self = DAFTAR_SYNC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_WORKER: g_value_set_object (value, self->worker); break;
    case PROP_SERVER: g_value_set_string (value, self->server); break;
    case PROP_OFFICE: g_value_set_string (value, self->office); break;
    case PROP_PAGE_LIMIT: g_value_set_uint (value, self->page_limit); break;
    case PROP_MAX_BODY_SIZE: g_value_set_uint64 (value, self->max_body_size); break;
    case PROP_RETRY_BASE_MS: g_value_set_uint (value, self->retry_base_ms); break;
    case PROP_MAX_TRIES: g_value_set_uint (value, self->max_tries); break;
    case PROP_TIMEOUT: g_value_set_uint (value, self->timeout_s); break;
    case PROP_PAGE_TIMEOUT: g_value_set_uint (value, self->page_timeout_s); break;
    case PROP_RETRY_AFTER_MAX: g_value_set_uint (value, self->retry_after_max_s); break;
    case PROP_MAX_PAGES: g_value_set_uint (value, self->max_pages); break;
    case PROP_MAX_EMPTY_PAGES: g_value_set_uint (value, self->max_empty_pages); break;
    case PROP_RUNNING: g_value_set_boolean (value, self->running); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_sync_client_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DaftarSyncClient *self = DAFTAR_SYNC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_WORKER:
      self->worker = g_value_dup_object (value);
      break;
    case PROP_SERVER:
      {
        const char *server = g_value_get_string (value);
        gsize len = server != NULL ? strlen (server) : 0;

        /* "https://host/" and "https://host" name the same server. */
        while (len > 0 && server[len - 1] == '/')
          len--;
        self->server = g_strndup (server != NULL ? server : "", len);
      }
      break;
    case PROP_OFFICE: self->office = g_value_dup_string (value); break;
    case PROP_PAGE_LIMIT: daftar_sync_client_set_page_limit (self, g_value_get_uint (value)); break;
    case PROP_MAX_BODY_SIZE: daftar_sync_client_set_max_body_size (self, g_value_get_uint64 (value)); break;
    case PROP_RETRY_BASE_MS: daftar_sync_client_set_retry_base_ms (self, g_value_get_uint (value)); break;
    case PROP_MAX_TRIES: daftar_sync_client_set_max_tries (self, g_value_get_uint (value)); break;
    case PROP_TIMEOUT: daftar_sync_client_set_timeout (self, g_value_get_uint (value)); break;
    case PROP_PAGE_TIMEOUT: set_uint (self, &self->page_timeout_s, g_value_get_uint (value), prop_id); break;
    case PROP_RETRY_AFTER_MAX: set_uint (self, &self->retry_after_max_s, g_value_get_uint (value), prop_id); break;
    case PROP_MAX_PAGES: set_uint (self, &self->max_pages, g_value_get_uint (value), prop_id); break;
    case PROP_MAX_EMPTY_PAGES: set_uint (self, &self->max_empty_pages, g_value_get_uint (value), prop_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_sync_client_class_init (DaftarSyncClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = daftar_sync_client_finalize;
  object_class->get_property = daftar_sync_client_get_property;
  object_class->set_property = daftar_sync_client_set_property;

  properties[PROP_WORKER] = g_param_spec_object ("worker", NULL, NULL, DAFTAR_TYPE_DB_WORKER, co);
  properties[PROP_SERVER] = g_param_spec_string ("server", NULL, NULL, NULL, co);
  properties[PROP_OFFICE] = g_param_spec_string ("office", NULL, NULL, NULL, co);
  properties[PROP_PAGE_LIMIT] =
    g_param_spec_uint ("page-limit", NULL, NULL, 1, MAX_PAGE_LIMIT, DAFTAR_SYNC_DEFAULT_PAGE_LIMIT, rw);
  properties[PROP_MAX_BODY_SIZE] =
    g_param_spec_uint64 ("max-body-size", NULL, NULL, 1, G_MAXUINT64, DAFTAR_PAGE_SIZE_LIMIT, rw);
  properties[PROP_RETRY_BASE_MS] =
    g_param_spec_uint ("retry-base-ms", NULL, NULL, 0, 600000, DAFTAR_SYNC_DEFAULT_RETRY_BASE_MS, rw);
  properties[PROP_MAX_TRIES] =
    g_param_spec_uint ("max-tries", NULL, NULL, 1, 100, DAFTAR_SYNC_DEFAULT_MAX_TRIES, rw);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, 3600, DAFTAR_SOUP_DEFAULT_TIMEOUT_S, rw);
  properties[PROP_PAGE_TIMEOUT] =
    g_param_spec_uint ("page-timeout", NULL, NULL, 1, 86400, DAFTAR_SYNC_DEFAULT_PAGE_TIMEOUT, rw);
  properties[PROP_RETRY_AFTER_MAX] =
    g_param_spec_uint ("retry-after-max", NULL, NULL, 0, 86400, DAFTAR_SYNC_DEFAULT_RETRY_AFTER_MAX, rw);
  properties[PROP_MAX_PAGES] =
    g_param_spec_uint ("max-pages", NULL, NULL, 1, G_MAXUINT, DAFTAR_SYNC_DEFAULT_MAX_PAGES, rw);
  properties[PROP_MAX_EMPTY_PAGES] =
    g_param_spec_uint ("max-empty-pages", NULL, NULL, 1, G_MAXUINT, DAFTAR_SYNC_DEFAULT_MAX_EMPTY_PAGES, rw);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After each page commits, on the caller's thread: (pages, records). */
  signals[SIGNAL_PAGE_APPLIED] =
    g_signal_new ("page-applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT64);
}

static void
daftar_sync_client_init (DaftarSyncClient *self)
{
  self->page_limit = DAFTAR_SYNC_DEFAULT_PAGE_LIMIT;
  self->max_body_size = DAFTAR_PAGE_SIZE_LIMIT;
  self->retry_base_ms = DAFTAR_SYNC_DEFAULT_RETRY_BASE_MS;
  self->max_tries = DAFTAR_SYNC_DEFAULT_MAX_TRIES;
  self->timeout_s = DAFTAR_SOUP_DEFAULT_TIMEOUT_S;
  self->page_timeout_s = DAFTAR_SYNC_DEFAULT_PAGE_TIMEOUT;
  self->retry_after_max_s = DAFTAR_SYNC_DEFAULT_RETRY_AFTER_MAX;
  self->max_pages = DAFTAR_SYNC_DEFAULT_MAX_PAGES;
  self->max_empty_pages = DAFTAR_SYNC_DEFAULT_MAX_EMPTY_PAGES;
}
