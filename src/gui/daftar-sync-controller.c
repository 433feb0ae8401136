/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-sync-controller.c: the window's sync — when to run, with which server and token, and how the last run went. */
#define G_LOG_DOMAIN "daftar-sync-ui"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "daftar-notifier.h"
#include "daftar-sync.h"
#include "daftar-sync-controller.h"
#include "daftar-sync-history.h"
#include "daftar-token.h"

#define DEFAULT_INTERVAL 15   /* minutes, as the schema's default */

G_DEFINE_ENUM_TYPE (DaftarSyncState, daftar_sync_state,
                    G_DEFINE_ENUM_VALUE (DAFTAR_SYNC_STATE_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (DAFTAR_SYNC_STATE_SYNCING, "syncing"),
                    G_DEFINE_ENUM_VALUE (DAFTAR_SYNC_STATE_ERROR, "error"))

struct _DaftarSyncController
{
  GObject           parent_instance;

  DaftarDbWorker   *worker;          /* owned */
  GSettings        *settings;        /* owned, nullable: no schema installed */
  GNetworkMonitor  *monitor;         /* unowned: the process-wide monitor */
  gulong            network_handler;
  DaftarSyncClient *client;          /* owned, nullable: kept between runs for its session */
  char             *client_key;      /* owned, nullable: "server\noffice" of client */
  GCancellable     *cancellable;     /* owned, nullable: the run under way */

  char             *server;          /* owned, nullable: set_server's, else GSettings' */
  char             *office;          /* owned, nullable */
  char             *token;           /* owned, nullable: wiped on change */
  char             *run_server;      /* owned, nullable: what the run under way uses */
  char             *run_office;      /* owned, nullable */

  DaftarSyncState   state;
  gint64            last_success;
  char             *error_message;   /* owned, nullable */
  char             *error_title;     /* owned, nullable */
  gboolean          automatic;
  guint             interval;        /* minutes */
  guint             timer_id;
  gboolean          loaded;          /* last-success has been read */
  gboolean          run_automatic;   /* the run under way was started by the timer or the network */
};

G_DEFINE_FINAL_TYPE (DaftarSyncController, daftar_sync_controller, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WORKER,
  PROP_STATE,
  PROP_LAST_SUCCESS,
  PROP_ERROR_MESSAGE,
  PROP_ERROR_TITLE,
  PROP_CONFIGURED,
  PROP_AUTOMATIC,
  PROP_INTERVAL,
  N_PROPS
};

enum {
  SIGNAL_SYNCED,
  SIGNAL_NEEDS_SETUP,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GSettings *
daftar_sync_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "server-url"))
    return NULL;
  return g_settings_new (APP_ID);
}

static void
wipe_string (char **text)
{
  if (*text != NULL)
    memset (*text, 0, strlen (*text));
  g_clear_pointer (text, g_free);
}

/* The configured server and office, owned by the caller; FALSE if either
 * is missing. */
static gboolean
get_config (DaftarSyncController  *self,
            char                 **out_server,
            char                 **out_office)
{
  g_autofree char *server = NULL;
  g_autofree char *office = NULL;

  if (self->server != NULL)
    {
      server = g_strdup (self->server);
      office = g_strdup (self->office);
    }
  else if (self->settings != NULL)
    {
      server = g_settings_get_string (self->settings, "server-url");
      office = g_settings_get_string (self->settings, "office-code");
    }
  if (server == NULL || *server == '\0' || office == NULL || *office == '\0')
    return FALSE;
  if (out_server != NULL)
    *out_server = g_steal_pointer (&server);
  if (out_office != NULL)
    *out_office = g_steal_pointer (&office);
  return TRUE;
}

gboolean
daftar_sync_controller_get_configured (DaftarSyncController *self)
{
  g_return_val_if_fail (DAFTAR_IS_SYNC_CONTROLLER (self), FALSE);
  return get_config (self, NULL, NULL);
}

/* A few words for the header; the full message is in the popover. */
static const char *
error_title_for (const GError *error)
{
  if (error->domain == DAFTAR_SYNC_ERROR)
    switch ((DaftarSyncError) error->code)
      {
      case DAFTAR_SYNC_ERROR_AUTH:           return _("Access refused");
      case DAFTAR_SYNC_ERROR_UNKNOWN_OFFICE: return _("Unknown office code");
      case DAFTAR_SYNC_ERROR_NETWORK:        return _("Server unreachable");
      case DAFTAR_SYNC_ERROR_INSECURE:
      case DAFTAR_SYNC_ERROR_TLS:            return _("Insecure connection");
      case DAFTAR_SYNC_ERROR_DATABASE:       return _("Database error");
      case DAFTAR_SYNC_ERROR_INVALID:        return _("Sync not set up");
      case DAFTAR_SYNC_ERROR_BAD_PAGE:
      case DAFTAR_SYNC_ERROR_TOO_LARGE:
      case DAFTAR_SYNC_ERROR_SERVER:         return _("Server error");
      /* Said by the popover's full message alone. */
      case DAFTAR_SYNC_ERROR_CANCELLED:
      case DAFTAR_SYNC_ERROR_BUSY:
      default:                               break;
      }
  if (error->domain == DAFTAR_TOKEN_ERROR)
    return _("No access token");
  return _("Sync failed");
}

static void
set_state (DaftarSyncController *self,
           DaftarSyncState       state,
           const GError         *error)
{
  g_autofree char *message = error != NULL ? g_strdup (error->message) : NULL;
  const char *title = error != NULL ? error_title_for (error) : NULL;

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->error_message, message) != 0)
    {
      g_free (self->error_message);
      self->error_message = g_steal_pointer (&message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
    }
  if (g_strcmp0 (self->error_title, title) != 0)
    {
      g_free (self->error_title);
      self->error_title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_TITLE]);
    }
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* The manager who pressed Sync sees how it went in the window; an
 * automatic run tells what is new on the desktop. */
static void
notify_after_run (DaftarSyncController *self)
{
  GApplication *app = g_application_get_default ();

  if (self->run_automatic && app != NULL)
    daftar_notifier_after_sync (app, self->worker, self->settings, self->run_office, NULL, NULL);
}

static void
run_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(DaftarSyncController) self = user_data;
  g_autoptr(DaftarSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = daftar_sync_client_run_finish (DAFTAR_SYNC_CLIENT (source), result, &error);
  /* The token is needed again only for the next run, which looks it up. */
  daftar_sync_client_set_token (DAFTAR_SYNC_CLIENT (source), NULL);
  g_clear_object (&self->cancellable);

  if (summary == NULL)
    {
      if (g_error_matches (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_CANCELLED))
        set_state (self, DAFTAR_SYNC_STATE_IDLE, NULL);
      else
        {
          set_state (self, DAFTAR_SYNC_STATE_ERROR, error);
          notify_after_run (self);
        }
      return;
    }

  self->last_success = g_get_real_time () / G_USEC_PER_SEC;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SUCCESS]);
  set_state (self, DAFTAR_SYNC_STATE_IDLE, NULL);
  g_signal_emit (self, signals[SIGNAL_SYNCED], 0, summary->records);
  notify_after_run (self);
}

/* Takes @token (wiped and freed here). */
static void
run_client (DaftarSyncController *self,
            char                 *token)
{
  g_autofree char *key = g_strconcat (self->run_server, "\n", self->run_office, NULL);

  /* The client (and its connections) is kept while the address and office
   * stay the same. */
  if (g_strcmp0 (key, self->client_key) != 0)
    {
      g_clear_object (&self->client);
      g_free (self->client_key);
      self->client_key = g_steal_pointer (&key);
      self->client = daftar_sync_client_new (self->worker, self->run_server, self->run_office);
    }

  daftar_sync_client_set_token (self->client, token);
  daftar_token_free (token);
  daftar_sync_client_run_async (self->client, self->cancellable, run_cb, g_object_ref (self));
}

static void
token_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(DaftarSyncController) self = user_data;
  g_autoptr(GError) error = NULL;
  char *token = daftar_token_lookup_finish (result, &error);

  if (token == NULL)
    {
      g_clear_object (&self->cancellable);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_state (self, DAFTAR_SYNC_STATE_IDLE, NULL);
      else
        set_state (self, DAFTAR_SYNC_STATE_ERROR, error);
      return;
    }
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      daftar_token_free (token);
      g_clear_object (&self->cancellable);
      set_state (self, DAFTAR_SYNC_STATE_IDLE, NULL);
      return;
    }
  run_client (self, token);
}

static void
start_run (DaftarSyncController *self,
           gboolean              interactive)
{
  g_autofree char *server = NULL;
  g_autofree char *office = NULL;

  if (self->state == DAFTAR_SYNC_STATE_SYNCING)
    return;
  if (!get_config (self, &server, &office))
    {
      /* A timer firing before setup must not pop a dialog up. */
      if (interactive)
        g_signal_emit (self, signals[SIGNAL_NEEDS_SETUP], 0);
      return;
    }

  g_free (self->run_server);
  self->run_server = g_steal_pointer (&server);
  g_free (self->run_office);
  self->run_office = g_steal_pointer (&office);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->run_automatic = !interactive;
  set_state (self, DAFTAR_SYNC_STATE_SYNCING, NULL);

  if (self->server != NULL)
    run_client (self, g_strdup (self->token));
  else
    daftar_token_lookup_async (self->run_server, self->run_office, self->cancellable,
                               token_cb, g_object_ref (self));
}

void
daftar_sync_controller_sync_now (DaftarSyncController *self)
{
  g_return_if_fail (DAFTAR_IS_SYNC_CONTROLLER (self));
  start_run (self, TRUE);
}

void
daftar_sync_controller_request_setup (DaftarSyncController *self)
{
  g_return_if_fail (DAFTAR_IS_SYNC_CONTROLLER (self));
  g_signal_emit (self, signals[SIGNAL_NEEDS_SETUP], 0);
}

void
daftar_sync_controller_cancel (DaftarSyncController *self)
{
  g_return_if_fail (DAFTAR_IS_SYNC_CONTROLLER (self));

  daftar_sync_controller_set_automatic (self, FALSE);
  g_cancellable_cancel (self->cancellable);
}

/* Automatic sync. */

static gboolean
is_due (DaftarSyncController *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  return self->last_success == 0 || now - self->last_success >= (gint64) self->interval * 60;
}

static gboolean
network_up (DaftarSyncController *self)
{
  return g_network_monitor_get_network_available (self->monitor);
}

static gboolean
on_timer (gpointer user_data)
{
  DaftarSyncController *self = user_data;

  if (network_up (self))
    start_run (self, FALSE);
  return G_SOURCE_CONTINUE;
}

static void
sync_if_due (DaftarSyncController *self)
{
  if (self->automatic && self->loaded && network_up (self) && is_due (self))
    start_run (self, FALSE);
}

static void
arm_timer (DaftarSyncController *self)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->automatic && self->interval > 0)
    self->timer_id = g_timeout_add_seconds (self->interval * 60, on_timer, self);
}

static void
on_network_changed (GNetworkMonitor      *monitor,
                    gboolean              available,
                    DaftarSyncController *self)
{
  /* Back online after a gap longer than the interval: do not wait for the
   * next tick to catch up. */
  if (available)
    sync_if_due (self);
}

void
daftar_sync_controller_set_automatic (DaftarSyncController *self,
                                      gboolean              automatic)
{
  g_return_if_fail (DAFTAR_IS_SYNC_CONTROLLER (self));

  automatic = !!automatic;
  if (self->automatic == automatic)
    return;
  self->automatic = automatic;
  arm_timer (self);
  sync_if_due (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOMATIC]);
}

gboolean
daftar_sync_controller_get_automatic (DaftarSyncController *self)
{
  g_return_val_if_fail (DAFTAR_IS_SYNC_CONTROLLER (self), FALSE);
  return self->automatic;
}

static void
set_interval (DaftarSyncController *self,
              guint                 minutes)
{
  if (minutes == 0 || self->interval == minutes)
    return;
  self->interval = minutes;
  arm_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

guint
daftar_sync_controller_get_interval (DaftarSyncController *self)
{
  g_return_val_if_fail (DAFTAR_IS_SYNC_CONTROLLER (self), 0);
  return self->interval;
}

void
daftar_sync_controller_set_server (DaftarSyncController *self,
                                   const char           *server,
                                   const char           *office,
                                   const char           *token)
{
  g_return_if_fail (DAFTAR_IS_SYNC_CONTROLLER (self));
  g_return_if_fail (server == NULL || (office != NULL && token != NULL));

  g_free (self->server);
  self->server = g_strdup (server);
  g_free (self->office);
  self->office = g_strdup (office);
  wipe_string (&self->token);
  self->token = g_strdup (token);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIGURED]);
}

static void
on_settings_changed (GSettings            *settings,
                     const char           *key,
                     DaftarSyncController *self)
{
  if (g_str_equal (key, "server-url") || g_str_equal (key, "office-code"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIGURED]);
}

/* last-success, from the log (daftar_sync_last_success). */

static void
last_success_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DaftarSyncController) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *when = daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error);

  self->loaded = TRUE;
  if (when == NULL)
    {
      /* The window shows the database error itself; here it only means
       * "never synced". */
      g_debug ("Could not read the sync log: %s", error->message);
      return;
    }
  /* A run that finished meanwhile is newer than what the log said. */
  if (*when > self->last_success)
    {
      self->last_success = *when;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SUCCESS]);
    }
  sync_if_due (self);
}

/* Getters and the GObject boilerplate. */

DaftarDbWorker *
daftar_sync_controller_get_worker (DaftarSyncController *self)
{
  g_return_val_if_fail (DAFTAR_IS_SYNC_CONTROLLER (self), NULL);
  return self->worker;
}

DaftarSyncState
daftar_sync_controller_get_state (DaftarSyncController *self)
{
  g_return_val_if_fail (DAFTAR_IS_SYNC_CONTROLLER (self), DAFTAR_SYNC_STATE_IDLE);
  return self->state;
}

gint64
daftar_sync_controller_get_last_success (DaftarSyncController *self)
{
  g_return_val_if_fail (DAFTAR_IS_SYNC_CONTROLLER (self), 0);
  return self->last_success;
}

const char *
daftar_sync_controller_get_error_message (DaftarSyncController *self)
{
  g_return_val_if_fail (DAFTAR_IS_SYNC_CONTROLLER (self), NULL);
  return self->error_message;
}

const char *
daftar_sync_controller_get_error_title (DaftarSyncController *self)
{
  g_return_val_if_fail (DAFTAR_IS_SYNC_CONTROLLER (self), NULL);
  return self->error_title;
}

DaftarSyncController *
daftar_sync_controller_new (DaftarDbWorker *worker)
{
  g_return_val_if_fail (DAFTAR_IS_DB_WORKER (worker), NULL);
  return g_object_new (DAFTAR_TYPE_SYNC_CONTROLLER, "worker", worker, NULL);
}

static void
daftar_sync_controller_constructed (GObject *object)
{
  DaftarSyncController *self = DAFTAR_SYNC_CONTROLLER (object);

  G_OBJECT_CLASS (daftar_sync_controller_parent_class)->constructed (object);

  self->settings = daftar_sync_settings_new ();
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed), self, 0);
      g_settings_bind (self->settings, "sync-interval", self, "interval", G_SETTINGS_BIND_GET);
    }
  self->monitor = g_network_monitor_get_default ();
  self->network_handler = g_signal_connect (self->monitor, "network-changed",
                                            G_CALLBACK (on_network_changed), self);

  daftar_db_worker_run_async (self->worker, daftar_sync_last_success_job, NULL, NULL, g_free, NULL,
                              last_success_done, g_object_ref (self));
}

static void
daftar_sync_controller_dispose (GObject *object)
{
  DaftarSyncController *self = DAFTAR_SYNC_CONTROLLER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_signal_handler (&self->network_handler, self->monitor);
  g_clear_object (&self->settings);
  g_clear_object (&self->client);
  g_clear_pointer (&self->client_key, g_free);

  G_OBJECT_CLASS (daftar_sync_controller_parent_class)->dispose (object);
}

static void
daftar_sync_controller_finalize (GObject *object)
{
  DaftarSyncController *self = DAFTAR_SYNC_CONTROLLER (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_free (self->server);
  g_free (self->office);
  wipe_string (&self->token);
  g_free (self->run_server);
  g_free (self->run_office);
  g_free (self->error_message);
  g_free (self->error_title);

  G_OBJECT_CLASS (daftar_sync_controller_parent_class)->finalize (object);
}

static void
daftar_sync_controller_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DaftarSyncController *self = DAFTAR_SYNC_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_WORKER: g_value_set_object (value, self->worker); break;
    case PROP_STATE: g_value_set_enum (value, self->state); break;
    case PROP_LAST_SUCCESS: g_value_set_int64 (value, self->last_success); break;
    case PROP_ERROR_MESSAGE: g_value_set_string (value, self->error_message); break;
    case PROP_ERROR_TITLE: g_value_set_string (value, self->error_title); break;
    case PROP_CONFIGURED: g_value_set_boolean (value, get_config (self, NULL, NULL)); break;
    case PROP_AUTOMATIC: g_value_set_boolean (value, self->automatic); break;
    case PROP_INTERVAL: g_value_set_uint (value, self->interval); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_sync_controller_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DaftarSyncController *self = DAFTAR_SYNC_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_WORKER: self->worker = g_value_dup_object (value); break;
    case PROP_AUTOMATIC: daftar_sync_controller_set_automatic (self, g_value_get_boolean (value)); break;
    case PROP_INTERVAL: set_interval (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_sync_controller_class_init (DaftarSyncControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = daftar_sync_controller_constructed;
  object_class->dispose = daftar_sync_controller_dispose;
  object_class->finalize = daftar_sync_controller_finalize;
  object_class->get_property = daftar_sync_controller_get_property;
  object_class->set_property = daftar_sync_controller_set_property;

  properties[PROP_WORKER] =
    g_param_spec_object ("worker", NULL, NULL, DAFTAR_TYPE_DB_WORKER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, DAFTAR_TYPE_SYNC_STATE, DAFTAR_SYNC_STATE_IDLE, ro);
  properties[PROP_LAST_SUCCESS] =
    g_param_spec_int64 ("last-success", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL, ro);
  properties[PROP_ERROR_TITLE] =
    g_param_spec_string ("error-title", NULL, NULL, NULL, ro);
  properties[PROP_CONFIGURED] =
    g_param_spec_boolean ("configured", NULL, NULL, FALSE, ro);
  properties[PROP_AUTOMATIC] =
    g_param_spec_boolean ("automatic", NULL, NULL, FALSE, rw);
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, 1, 1440, DEFAULT_INTERVAL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After a run that succeeded: the pages should read the database again.
   * The argument is the number of records the run applied. */
  signals[SIGNAL_SYNCED] = g_signal_new ("synced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);
  /* Sync was asked for but no server or office is set: show the connect dialog. */
  signals[SIGNAL_NEEDS_SETUP] = g_signal_new ("needs-setup", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 0);
}

static void
daftar_sync_controller_init (DaftarSyncController *self)
{
  self->interval = DEFAULT_INTERVAL;
}
