/* daftar-token.c: the API token in the keyring (libsecret), or in DAFTAR_TOKEN_FILE for headless runs. */
#define G_LOG_DOMAIN "daftar-token"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "daftar-token.h"

G_DEFINE_QUARK (daftar-token-error-quark, daftar_token_error)

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

static void
set_keyring_error (GError      **error,
                   const GError *cause)
{
  g_set_error (error, DAFTAR_TOKEN_ERROR, DAFTAR_TOKEN_ERROR_KEYRING,
               _("Could not reach the keyring: %s"), cause->message);
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
