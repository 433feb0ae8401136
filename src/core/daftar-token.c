/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-token.c: the API token in the keyring (libsecret), or in DAFTAR_TOKEN_FILE for headless runs. */
#define G_LOG_DOMAIN "daftar-token"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "daftar-text.h"
#include "daftar-token.h"

/* An extended error domain, so that a keyring error carries the
 * keyring's own words beside the translated message. */
typedef struct {
  char *detail;  /* owned, nullable: printable */
} DaftarTokenErrorPrivate;

static void
daftar_token_error_private_init (DaftarTokenErrorPrivate *priv)
{
}

static void
daftar_token_error_private_copy (const DaftarTokenErrorPrivate *src,
                                 DaftarTokenErrorPrivate       *dest)
{
  dest->detail = g_strdup (src->detail);
}

static void
daftar_token_error_private_clear (DaftarTokenErrorPrivate *priv)
{
  g_clear_pointer (&priv->detail, g_free);
}

G_DEFINE_EXTENDED_ERROR (DaftarTokenError, daftar_token_error)

const char *
daftar_token_error_get_detail (const GError *error)
{
  DaftarTokenErrorPrivate *priv;

  if (error == NULL || error->domain != DAFTAR_TOKEN_ERROR)
    return NULL;
  priv = daftar_token_error_get_private (error);
  return priv != NULL ? priv->detail : NULL;
}

/* A bearer token longer than this is surely a wrong file, not a token. */
#define TOKEN_MAX_BYTES 4096
/* The token, its line end and a little room: anything bigger is read no further. */
#define TOKEN_FILE_MAX_BYTES (TOKEN_MAX_BYTES + 64)

const SecretSchema *
daftar_token_get_schema (void)
{
  /* The app's own schema, not the generic password one, so the keyring entry
   * is found only by Daftar and says what it is for. */
  static const SecretSchema schema = {
    "io.github.daftar.Daftar.Token", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "office", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };
  return &schema;
}

void
daftar_token_free (char *token)
{
  if (token == NULL)
    return;
  /* Volatile so the wipe is not optimised away before the free. */
  for (volatile char *p = token; *p != '\0'; p++)
    *p = '\0';
  g_free (token);
}

gboolean
daftar_token_validate (const char  *token,
                       GError     **error)
{
  gsize len = token != NULL ? strlen (token) : 0;

  if (len == 0)
    {
      g_set_error (error, DAFTAR_TOKEN_ERROR, DAFTAR_TOKEN_ERROR_INVALID,
                   _("The access token is empty"));
      return FALSE;
    }
  if (len > TOKEN_MAX_BYTES)
    {
      g_set_error (error, DAFTAR_TOKEN_ERROR, DAFTAR_TOKEN_ERROR_INVALID,
                   _("The access token is too long"));
      return FALSE;
    }
  /* Visible ASCII only: anything else would break or split the header. */
  for (gsize i = 0; i < len; i++)
    if (token[i] <= ' ' || token[i] > '~')
      {
        g_set_error (error, DAFTAR_TOKEN_ERROR, DAFTAR_TOKEN_ERROR_INVALID,
                     _("The access token contains characters that are not allowed"));
        return FALSE;
      }
  return TRUE;
}

/* Reads at most @max bytes of @path into @buffer (at least @max + 1 long):
 * a file longer than that cannot be a token file, and /dev/zero or a huge
 * file must not fill memory. Returns the length, or -1 with @error set. */
static gssize
read_bounded (const char  *path,
              char        *buffer,
              gsize        max,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  gsize len = 0;

  stream = g_file_read (file, NULL, error);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, max + 1, &len, NULL, error))
    return -1;
  return (gssize) len;
}

/* The first line of the file, trimmed. The error never quotes the file's
 * contents, since they are the secret. */
static char *
read_token_file (const char  *path,
                 GError     **error)
{
  g_autofree char *contents = g_malloc0 (TOKEN_FILE_MAX_BYTES + 2);
  g_autoptr(GError) local_error = NULL;
  gssize len;
  char *newline;
  char *token;

  len = read_bounded (path, contents, TOKEN_FILE_MAX_BYTES, &local_error);
  if (len < 0)
    {
      g_set_error (error, DAFTAR_TOKEN_ERROR, DAFTAR_TOKEN_ERROR_FILE,
                   _("Could not read the token file named by %s: %s"),
                   DAFTAR_TOKEN_FILE_ENV, local_error->message);
      return NULL;
    }
  if ((gsize) len > TOKEN_FILE_MAX_BYTES)
    {
      memset (contents, 0, TOKEN_FILE_MAX_BYTES + 2);
      g_set_error (error, DAFTAR_TOKEN_ERROR, DAFTAR_TOKEN_ERROR_FILE,
                   _("The token file named by %s is too large to hold only an access token"),
                   DAFTAR_TOKEN_FILE_ENV);
      return NULL;
    }

  contents[len] = '\0';
  newline = strpbrk (contents, "\r\n");
  if (newline != NULL)
    *newline = '\0';
  token = g_strdup (g_strstrip (contents));
  memset (contents, 0, TOKEN_FILE_MAX_BYTES + 2);

  if (!daftar_token_validate (token, error))
    {
      g_prefix_error (error, _("Token file named by %s: "), DAFTAR_TOKEN_FILE_ENV);
      daftar_token_free (token);
      return NULL;
    }
  return token;
}

/* Nothing answers for the keyring: no session bus, or no secret service
 * on it (the raw "The name org.freedesktop.secrets was not provided by any
 * .service files"). */
static gboolean
is_no_keyring (const GError *cause)
{
  if (cause->domain == G_DBUS_ERROR)
    switch (cause->code)
      {
      case G_DBUS_ERROR_SERVICE_UNKNOWN:
      case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
      case G_DBUS_ERROR_NO_SERVER:
      case G_DBUS_ERROR_DISCONNECTED:
      case G_DBUS_ERROR_FILE_NOT_FOUND:
      case G_DBUS_ERROR_BAD_ADDRESS:
      case G_DBUS_ERROR_NOT_SUPPORTED:
      case G_DBUS_ERROR_UNKNOWN_METHOD:
      case G_DBUS_ERROR_UNKNOWN_OBJECT:
      case G_DBUS_ERROR_UNKNOWN_INTERFACE:
        return TRUE;
      default:
        /* The G_DBUS_ERROR_SPAWN_* codes: the service could not be started. */
        return cause->code >= G_DBUS_ERROR_SPAWN_EXEC_FAILED && cause->code <= G_DBUS_ERROR_SPAWN_NO_MEMORY;
      }
  /* Connecting to the session bus itself failed. */
  if (cause->domain == G_IO_ERROR)
    return !g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
           !g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  return cause->domain == G_SPAWN_ERROR;
}

/* The keyring's failure said in the UI's language with what to do; its
 * own words (English, and possibly anything a D-Bus peer sent) are kept
 * only as the detail. */
static void
set_keyring_error (GError      **error,
                   const GError *cause)
{
  const char *message;
  GError *mapped;

  if (error == NULL)
    return;
  if (is_no_keyring (cause))
    message = _("No keyring service is available on this computer, so the access token cannot be kept. Sign in to a desktop session that has a keyring (such as GNOME Keyring), or ask the computer’s administrator to install one.");
  else if (g_error_matches (cause, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    message = _("The keyring is locked. Unlock it when it asks for your password (or sign out and in again), then try again.");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = _("The keyring’s request was dismissed, so the access token was not kept. Try again and accept the keyring’s request.");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
           g_error_matches (cause, G_DBUS_ERROR, G_DBUS_ERROR_TIMEOUT) ||
           g_error_matches (cause, G_DBUS_ERROR, G_DBUS_ERROR_TIMED_OUT) ||
           g_error_matches (cause, G_DBUS_ERROR, G_DBUS_ERROR_NO_REPLY))
    message = _("The keyring did not answer in time. Try again; if it happens again, sign out and in again.");
  else
    message = _("The keyring could not be used. Try again; if it happens again, ask the computer’s administrator to check the keyring.");

  mapped = g_error_new_literal (DAFTAR_TOKEN_ERROR, DAFTAR_TOKEN_ERROR_KEYRING, message);
  daftar_token_error_get_private (mapped)->detail = daftar_text_printable (cause->message, 1024);
  g_propagate_error (error, mapped);
}

static void
set_not_found (GError     **error,
               const char  *server,
               const char  *office)
{
  g_set_error (error, DAFTAR_TOKEN_ERROR, DAFTAR_TOKEN_ERROR_NOT_FOUND,
               _("No access token is saved for office %s on %s"), office, server);
}

char *
daftar_token_lookup_sync (const char    *server,
                          const char    *office,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *file = g_getenv (DAFTAR_TOKEN_FILE_ENV);
  char *secret;
  char *token;

  g_return_val_if_fail (server != NULL && office != NULL, NULL);

  if (file != NULL && *file != '\0')
    return read_token_file (file, error);

  secret = secret_password_lookup_sync (daftar_token_get_schema (), cancellable, &local_error,
                                        "server", server, "office", office, NULL);
  if (local_error != NULL)
    {
      set_keyring_error (error, local_error);
      return NULL;
    }
  if (secret == NULL)
    {
      set_not_found (error, server, office);
      return NULL;
    }
  token = g_strdup (secret);
  secret_password_free (secret);
  return token;
}

typedef struct {
  char *server;  /* owned */
  char *office;  /* owned */
} LookupData;

static void
lookup_data_free (gpointer data)
{
  LookupData *ld = data;
  g_free (ld->server);
  g_free (ld->office);
  g_free (ld);
}

static void
read_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  char *token = read_token_file (g_getenv (DAFTAR_TOKEN_FILE_ENV), &error);

  if (token == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, token, (GDestroyNotify) daftar_token_free);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LookupData *ld = g_task_get_task_data (task);
  g_autoptr(GError) local_error = NULL;
  GError *error = NULL;
  char *secret;

  secret = secret_password_lookup_finish (result, &local_error);
  if (local_error != NULL)
    {
      set_keyring_error (&error, local_error);
      g_task_return_error (task, error);
    }
  else if (secret == NULL)
    {
      set_not_found (&error, ld->server, ld->office);
      g_task_return_error (task, error);
    }
  else
    {
      g_task_return_pointer (task, g_strdup (secret), (GDestroyNotify) daftar_token_free);
      secret_password_free (secret);
    }
}

void
daftar_token_lookup_async (const char          *server,
                           const char          *office,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *file = g_getenv (DAFTAR_TOKEN_FILE_ENV);
  LookupData *ld;

  g_return_if_fail (server != NULL && office != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, daftar_token_lookup_async);
  ld = g_new0 (LookupData, 1);
  ld->server = g_strdup (server);
  ld->office = g_strdup (office);
  g_task_set_task_data (task, ld, lookup_data_free);

  if (file != NULL && *file != '\0')
    {
      /* Reading a file can block on a network home directory. */
      g_task_run_in_thread (task, read_file_thread);
      return;
    }

  secret_password_lookup (daftar_token_get_schema (), cancellable, lookup_cb,
                          g_steal_pointer (&task),
                          "server", server, "office", office, NULL);
}

char *
daftar_token_lookup_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static char *
token_label (const char *server,
             const char *office)
{
  /* Shown in keyring managers such as Seahorse. */
  return g_strdup_printf (_("Daftar access token for office %s on %s"), office, server);
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) local_error = NULL;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &local_error))
    {
      set_keyring_error (&error, local_error);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
daftar_token_store_async (const char          *server,
                          const char          *office,
                          const char          *token,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *label = NULL;
  GError *error = NULL;

  g_task_set_source_tag (task, daftar_token_store_async);
  if (!daftar_token_validate (token, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  label = token_label (server, office);
  secret_password_store (daftar_token_get_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                         cancellable, store_cb, g_steal_pointer (&task),
                         "server", server, "office", office, NULL);
}

gboolean
daftar_token_store_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
daftar_token_store_sync (const char    *server,
                         const char    *office,
                         const char    *token,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;

  if (!daftar_token_validate (token, error))
    return FALSE;
  label = token_label (server, office);
  if (!secret_password_store_sync (daftar_token_get_schema (), SECRET_COLLECTION_DEFAULT, label,
                                   token, cancellable, &local_error,
                                   "server", server, "office", office, NULL))
    {
      set_keyring_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static void
clear_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) local_error = NULL;
  GError *error = NULL;

  /* FALSE without an error only means there was nothing to remove. */
  secret_password_clear_finish (result, &local_error);
  if (local_error != NULL)
    {
      set_keyring_error (&error, local_error);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
daftar_token_clear_async (const char          *server,
                          const char          *office,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, daftar_token_clear_async);
  secret_password_clear (daftar_token_get_schema (), cancellable, clear_cb, task,
                         "server", server, "office", office, NULL);
}

gboolean
daftar_token_clear_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
