/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-sync-once.c: `daftar --sync-once` — one sync without a window, one line of output, an exit status. */
#define G_LOG_DOMAIN "daftar-sync"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "daftar-format.h"
#include "daftar-sync.h"
#include "daftar-text.h"
#include "daftar-token.h"

typedef struct {
  DaftarSyncSummary *summary;  /* owned, nullable */
  GError            *error;    /* owned, nullable */
  gboolean           done;
} OnceResult;

static void
run_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  OnceResult *once = user_data;

  once->summary = daftar_sync_client_run_finish (DAFTAR_SYNC_CLIENT (source), result, &once->error);
  once->done = TRUE;
  g_main_context_wakeup (NULL);
}

/* The GSettings value of @key, or NULL when the schema is not installed
 * (a test or an uninstalled build) or the value is empty. */
static char *
setting (const char *key)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *value = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return NULL;
  settings = g_settings_new (APP_ID);
  value = g_settings_get_string (settings, key);
  return (value != NULL && *value != '\0') ? g_steal_pointer (&value) : NULL;
}

static int
fail (int          status,
      GError      *cause,
      GError     **error)
{
  /* One line, so scripts and cron mails show the reason; the reason may
   * quote the server (an office code, a header), and a terminal would obey
   * an ESC, a BEL or a bidi override in it. */
  g_autofree char *shown = daftar_text_printable (cause->message, -1);

  g_printerr ("daftar: %s\n", shown);
  g_propagate_error (error, cause);
  return status;
}

int
daftar_sync_once_main (const char  *db_path,
                       const char  *server,
                       const char  *office,
                       GError     **error)
{
  g_autofree char *default_path = NULL;
  g_autofree char *set_server = NULL;
  g_autofree char *set_office = NULL;
  g_autoptr(DaftarDbWorker) worker = NULL;
  g_autoptr(DaftarSyncClient) client = NULL;
  g_autoptr(GMainContext) context = NULL;
  GError *local_error = NULL;
  OnceResult once = { NULL, NULL, FALSE };
  char *token;

  if (server == NULL)
    server = set_server = setting ("server-url");
  if (office == NULL)
    office = set_office = setting ("office-code");
  if (server == NULL || office == NULL)
    return fail (2, g_error_new_literal (DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_INVALID,
                                         _("Sync is not set up: give --server and --office, or set them in Preferences")),
                 error);

  /* Before the keyring is asked with it or anything is written. */
  if (!daftar_sync_check_server (server, &local_error))
    return fail (2, local_error, error);

  token = daftar_token_lookup_sync (server, office, NULL, &local_error);
  if (token == NULL)
    return fail (2, local_error, error);

  if (db_path == NULL)
    db_path = default_path = daftar_db_default_path ();

  /* A private context: the callbacks of this run cannot interleave with
   * anything else of the caller's. */
  context = g_main_context_new ();
  g_main_context_push_thread_default (context);

  worker = daftar_db_worker_new (db_path);
  client = daftar_sync_client_new (worker, server, office);
  daftar_sync_client_set_token (client, token);
  daftar_token_free (token);

  daftar_sync_client_run_async (client, NULL, run_cb, &once);
  while (!once.done)
    g_main_context_iteration (context, TRUE);

  /* Let go of the client, then wait until the worker thread has dropped its
   * last job, so that the worker is finalized here and not on its own
   * thread (see daftar_sync_release_worker). */
  g_clear_object (&client);
  while (g_atomic_int_get (&G_OBJECT (worker)->ref_count) > 1)
    {
      g_main_context_iteration (context, FALSE);
      g_usleep (100);
    }
  g_clear_object (&worker);
  g_main_context_pop_thread_default (context);

  if (once.summary == NULL)
    return fail (1, once.error, error);

  {
    /* In the digits of the window, as the preference says. */
    g_autofree char *records = daftar_format_int ((gint64) MIN (once.summary->records, G_MAXINT64));
    g_autofree char *pages = daftar_format_int (once.summary->pages);
    g_autofree char *rejected = daftar_format_int ((gint64) MIN (once.summary->rejected, G_MAXINT64));
    /* The office is the command line's, the cursor the server's. */
    g_autofree char *shown_office = daftar_text_printable (office, -1);
    g_autofree char *shown_cursor = daftar_text_printable (once.summary->cursor != NULL ? once.summary->cursor : "-", -1);

    /* TRANSLATORS: the one-line summary of `daftar --sync-once`. */
    g_print (_("Synced office %s: %s records applied, %s pages, %s rejected, cursor %s%s\n"),
             shown_office, records, pages, rejected, shown_cursor,
             once.summary->resynced ? _(" (copied afresh after the server expired the cursor)") : "");
  }
  daftar_sync_summary_free (once.summary);
  return 0;
}
