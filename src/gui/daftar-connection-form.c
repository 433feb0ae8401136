/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-connection-form.c: the central server's address, the office code and the access token — checked, tested with one request, then saved; in the connect dialog and in Preferences alike. */
#define G_LOG_DOMAIN "daftar-sync-ui"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "daftar-connection-form.h"
#include "daftar-format.h"
#include "daftar-soup.h"
#include "daftar-text.h"
#include "daftar-token.h"

#define MAX_OFFICE_BYTES 64   /* an id, as in the protocol */

struct _DaftarConnectionForm
{
  AdwPreferencesGroup  parent_instance;

  AdwEntryRow         *server_row;
  AdwEntryRow         *office_row;
  AdwEntryRow         *token_row;
  GtkWidget           *status_box;
  GtkSpinner          *spinner;
  GtkImage            *status_icon;
  GtkLabel            *status_label;
  GtkExpander         *detail_expander;
  GtkLabel            *detail_label;
  GtkButton           *save_anyway_button;
  GtkButton           *submit_button;

  GSettings           *settings;       /* owned, nullable: no schema installed */
  GCancellable        *cancellable;    /* owned: the submit under way, cancelled on dispose */
  DaftarConnectionFormStatus status;
  DaftarConnectionOutcome outcome;
  char                *message;        /* owned, nullable: shown under the fields */
  char                *detail;         /* owned, nullable */
  gboolean             filling;        /* the rows are set from code, not typed */

  /* What the submit under way saves: the fields as they were checked. */
  char                *server;         /* owned, nullable: as it will be saved */
  char                *office;         /* owned, nullable */
  char                *typed_token;    /* owned, nullable: wiped; NULL when the saved token is used */
  char                *test_message;   /* owned, nullable: what the test said, kept under "saved" */
};

G_DEFINE_FINAL_TYPE (DaftarConnectionForm, daftar_connection_form, ADW_TYPE_PREFERENCES_GROUP)
G_DEFINE_QUARK (daftar-connect-error-quark, daftar_connect_error)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STATUS,
  PROP_SHOW_SUBMIT,
  N_PROPS
};

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The check of what was typed. */

/* A host name a resolver could look up, or an IP address: the URI parser
 * takes "central example" whole. */
static gboolean
host_is_valid (const char *host)
{
  g_autofree char *ascii = NULL;

  if (host == NULL || *host == '\0')
    return FALSE;
  if (g_hostname_is_ip_address (host))
    return TRUE;
  ascii = g_hostname_to_ascii (host);
  if (ascii == NULL || *ascii == '\0')
    return FALSE;
  for (const char *p = ascii; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.')
      return FALSE;
  return TRUE;
}

static gboolean
check_server (const char  *text,
              char       **out_server,
              GError     **error)
{
  g_autofree char *address = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  gsize len;

  if (*text == '\0')
    {
      g_set_error_literal (error, DAFTAR_CONNECT_ERROR, DAFTAR_CONNECT_ERROR_SERVER,
                           _("Enter the central server’s address."));
      return FALSE;
    }
  /* "central.example.ir" means the secure address. */
  address = strstr (text, "://") != NULL ? g_strdup (text) : g_strconcat ("https://", text, NULL);
  len = strlen (address);
  while (len > 0 && address[len - 1] == '/')
    address[--len] = '\0';

  uri = g_uri_parse (address, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL || !host_is_valid (g_uri_get_host (uri)))
    {
      g_autofree char *shown = daftar_text_printable (text, 256);

      g_set_error (error, DAFTAR_CONNECT_ERROR, DAFTAR_CONNECT_ERROR_SERVER,
                   _("“%s” is not a web address such as https://central.example.ir."), shown);
      return FALSE;
    }
  if (g_uri_get_user (uri) != NULL || g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error_literal (error, DAFTAR_CONNECT_ERROR, DAFTAR_CONNECT_ERROR_SERVER,
                           _("The address must not contain a user name, password or query."));
      return FALSE;
    }
  scheme = g_uri_get_scheme (uri);
  /* The same rule as the sync client's, said before anything is saved:
   * the token must never travel unencrypted off this computer. */
  if (g_ascii_strcasecmp (scheme, "https") != 0 &&
      !(g_ascii_strcasecmp (scheme, "http") == 0 && daftar_soup_host_is_loopback (g_uri_get_host (uri))))
    {
      g_set_error_literal (error, DAFTAR_CONNECT_ERROR, DAFTAR_CONNECT_ERROR_SERVER,
                           _("The address must start with https:// — an unencrypted http:// address is allowed only for this computer."));
      return FALSE;
    }
  if (out_server != NULL)
    *out_server = g_steal_pointer (&address);
  return TRUE;
}

gboolean
daftar_connect_check (const char  *server,
                      const char  *office,
                      const char  *token,
                      char       **out_server,
                      GError     **error)
{
  g_autoptr(GError) token_error = NULL;

  if (!check_server (server != NULL ? server : "", out_server, error))
    return FALSE;
  if (office == NULL || *office == '\0')
    {
      g_set_error_literal (error, DAFTAR_CONNECT_ERROR, DAFTAR_CONNECT_ERROR_OFFICE,
                           _("Enter the office code."));
      goto fail;
    }
  if (strlen (office) > MAX_OFFICE_BYTES || strpbrk (office, " \t/?#") != NULL)
    {
      g_autofree char *most = daftar_format_int (MAX_OFFICE_BYTES);

      g_set_error (error, DAFTAR_CONNECT_ERROR, DAFTAR_CONNECT_ERROR_OFFICE,
                   _("The office code is not valid: it has no spaces and is at most %s characters long."), most);
      goto fail;
    }
  if (token != NULL && *token == '\0')
    {
      g_set_error_literal (error, DAFTAR_CONNECT_ERROR, DAFTAR_CONNECT_ERROR_TOKEN,
                           _("Enter the access token."));
      goto fail;
    }
  if (token != NULL && !daftar_token_validate (token, &token_error))
    {
      g_set_error_literal (error, DAFTAR_CONNECT_ERROR, DAFTAR_CONNECT_ERROR_TOKEN,
                           token_error->message);
      goto fail;
    }
  return TRUE;

fail:
  if (out_server != NULL)
    g_clear_pointer (out_server, g_free);
  return FALSE;
}

/* The state. Transitions, each by set_status alone:
 *
 *   NONE, SAVED, FAILED --submit--> TESTING (or FAILED: the fields do not pass)
 *   TESTING  --token found, server accepted--> SAVING
 *   TESTING  --no token, keyring error, test failed--> FAILED
 *   FAILED   --save anyway (unreachable, server trouble)--> SAVING
 *   SAVING   --stored--> SAVED ("saved" emitted)
 *   SAVING   --keyring error--> FAILED
 *   NONE, SAVED, FAILED --a field typed--> NONE
 */

static void
wipe_token (DaftarConnectionForm *self)
{
  if (self->typed_token != NULL)
    memset (self->typed_token, 0, strlen (self->typed_token));
  g_clear_pointer (&self->typed_token, g_free);
}

static gboolean
is_busy (DaftarConnectionFormStatus status)
{
  return status == DAFTAR_CONNECTION_FORM_TESTING || status == DAFTAR_CONNECTION_FORM_SAVING;
}

static void
set_status (DaftarConnectionForm       *self,
            DaftarConnectionFormStatus  status,
            const char                 *message,
            const char                 *detail,
            AdwEntryRow                *culprit,
            gboolean                    offer_anyway)
{
  AdwEntryRow *rows[] = { self->server_row, self->office_row, self->token_row };
  gboolean busy = is_busy (status);
  g_autofree char *shown_detail = daftar_text_printable (detail, 2048);

  g_free (self->message);
  self->message = g_strdup (message);
  g_free (self->detail);
  self->detail = g_steal_pointer (&shown_detail);

  /* A field made insensitive while it has the focus keeps its cursor
   * blinking without it (GTK 4.8): take the focus away first. */
  if (busy)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
        gtk_root_set_focus (root, NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (rows[i] == culprit)
        gtk_widget_add_css_class (GTK_WIDGET (rows[i]), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (rows[i]), "error");
      gtk_widget_set_sensitive (GTK_WIDGET (rows[i]), !busy);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), !busy);

  gtk_widget_set_visible (self->status_box, status != DAFTAR_CONNECTION_FORM_NONE && message != NULL);
  gtk_label_set_text (self->status_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  /* The icon carries the colour; the sentence stays in the text colour,
   * which is readable on any background. */
  gtk_widget_set_visible (GTK_WIDGET (self->status_icon),
                          status == DAFTAR_CONNECTION_FORM_SAVED || status == DAFTAR_CONNECTION_FORM_FAILED);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "error");
  if (status == DAFTAR_CONNECTION_FORM_SAVED)
    {
      gtk_image_set_from_icon_name (self->status_icon, "emblem-ok-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "success");
    }
  else if (status == DAFTAR_CONNECTION_FORM_FAILED)
    {
      gtk_image_set_from_icon_name (self->status_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "error");
    }
  gtk_label_set_text (self->detail_label, self->detail != NULL ? self->detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_expander), self->detail != NULL && *self->detail != '\0');
  if (self->detail == NULL)
    gtk_expander_set_expanded (self->detail_expander, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->save_anyway_button), offer_anyway);

  if (status == DAFTAR_CONNECTION_FORM_NONE || status == DAFTAR_CONNECTION_FORM_FAILED)
    {
      g_clear_pointer (&self->server, g_free);
      g_clear_pointer (&self->office, g_free);
      if (!offer_anyway)
        wipe_token (self);
    }
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

static void
fail (DaftarConnectionForm *self,
      const char           *message,
      const char           *detail,
      AdwEntryRow          *culprit)
{
  set_status (self, DAFTAR_CONNECTION_FORM_FAILED, message, detail, culprit, FALSE);
}

static void
on_changed (DaftarConnectionForm *self)
{
  /* A changed field makes what was said about the old ones stale. */
  if (!self->filling && !is_busy (self->status) && self->status != DAFTAR_CONNECTION_FORM_NONE)
    set_status (self, DAFTAR_CONNECTION_FORM_NONE, NULL, NULL, NULL, FALSE);
}

static void
set_row_text (DaftarConnectionForm *self,
              AdwEntryRow          *row,
              const char           *text)
{
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  self->filling = FALSE;
}

/* Saving, once the server said yes (or the manager said "anyway"). */

static void
write_settings (DaftarConnectionForm *self,
                const char           *said)
{
  g_autofree char *server = g_steal_pointer (&self->server);
  g_autofree char *office = g_steal_pointer (&self->office);

  /* Written last: settings that point at a server without a token would
   * make every automatic sync fail. */
  g_settings_set_string (self->settings, "server-url", server);
  g_settings_set_string (self->settings, "office-code", office);
  wipe_token (self);
  /* The fields show what was saved; the keyring has the token now, and
   * the entry need not hold it any longer. */
  set_row_text (self, self->server_row, server);
  set_row_text (self, self->office_row, office);
  set_row_text (self, self->token_row, "");
  set_status (self, DAFTAR_CONNECTION_FORM_SAVED, said, NULL, NULL, FALSE);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, server, office);
}

static char *
saved_message (DaftarConnectionForm *self)
{
  if (self->test_message == NULL)
    return g_strdup (_("Saved without a test. The next sync tries the server again."));
  return g_strconcat (self->test_message, " ", _("Saved; the next sync uses them."), NULL);
}

static void
token_stored_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DaftarConnectionForm) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *said = NULL;

  daftar_token_store_finish (result, &error);
  /* Disposed meanwhile: the template's widgets are gone. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (error != NULL)
    {
      /* The server said yes: the token is right, the keyring is the trouble. */
      g_autofree char *message = g_strdup_printf (_("The central server accepted the office code and the access token, but nothing was saved. %s"),
                                                  error->message);

      fail (self, message, daftar_token_error_get_detail (error), NULL);
      return;
    }
  said = saved_message (self);
  write_settings (self, said);
}

static void
save (DaftarConnectionForm *self)
{
  if (self->typed_token == NULL)
    {
      g_autofree char *said = saved_message (self);

      write_settings (self, said);
      return;
    }
  daftar_token_store_async (self->server, self->office, self->typed_token, self->cancellable,
                            token_stored_cb, g_object_ref (self));
}

/* The test. */

static AdwEntryRow *
culprit_of (DaftarConnectionForm    *self,
            DaftarConnectionOutcome  outcome)
{
  switch (outcome)
    {
    case DAFTAR_CONNECTION_OK:             return NULL;
    case DAFTAR_CONNECTION_WRONG_TOKEN:    return self->token_row;
    case DAFTAR_CONNECTION_UNKNOWN_OFFICE: return self->office_row;
    case DAFTAR_CONNECTION_UNREACHABLE:
    case DAFTAR_CONNECTION_NOT_CENTRAL:
    case DAFTAR_CONNECTION_INSECURE:
    case DAFTAR_CONNECTION_SERVER_TROUBLE:
    default:                               return self->server_row;
    }
}

static void
tested_cb (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  g_autoptr(DaftarConnectionForm) self = user_data;
  g_autoptr(DaftarConnectionResult) result = daftar_sync_test_connection_finish (res, NULL);

  if (result == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  self->outcome = result->outcome;
  g_free (self->test_message);
  self->test_message = g_strdup (result->message);
  if (result->outcome != DAFTAR_CONNECTION_OK)
    {
      /* The server may be down or the network not up yet: the manager may
       * keep the settings anyway. Any other answer is the server's no. */
      gboolean anyway = result->outcome == DAFTAR_CONNECTION_UNREACHABLE ||
                        result->outcome == DAFTAR_CONNECTION_SERVER_TROUBLE;

      set_status (self, DAFTAR_CONNECTION_FORM_FAILED, result->message, result->detail,
                  culprit_of (self, result->outcome), anyway);
      return;
    }
  set_status (self, DAFTAR_CONNECTION_FORM_SAVING, result->message, NULL, NULL, FALSE);
  save (self);
}

static void
test (DaftarConnectionForm *self,
      const char           *token)
{
  daftar_sync_test_connection_async (self->server, self->office, token, self->cancellable,
                                     tested_cb, g_object_ref (self));
}

static void
token_found_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DaftarConnectionForm) self = user_data;
  g_autoptr(GError) error = NULL;
  char *token = daftar_token_lookup_finish (result, &error);

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      daftar_token_free (token);
      return;
    }
  if (token == NULL)
    {
      if (g_error_matches (error, DAFTAR_TOKEN_ERROR, DAFTAR_TOKEN_ERROR_NOT_FOUND))
        fail (self, _("Enter the access token: none is saved for this server and office."), NULL, self->token_row);
      else
        fail (self, error->message, daftar_token_error_get_detail (error), self->token_row);
      return;
    }
  test (self, token);
  daftar_token_free (token);
}

gboolean
daftar_connection_form_submit (DaftarConnectionForm *self)
{
  AdwEntryRow *rows[] = { self->server_row, self->office_row, self->token_row };
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *office = NULL;
  const char *token;

  g_return_val_if_fail (DAFTAR_IS_CONNECTION_FORM (self), FALSE);

  if (is_busy (self->status))
    return FALSE;
  typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_row))));
  office = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->office_row))));
  token = gtk_editable_get_text (GTK_EDITABLE (self->token_row));
  if (!daftar_connect_check (typed, office, *token != '\0' ? token : NULL, &server, &error))
    {
      AdwEntryRow *culprit = error->code < (int) G_N_ELEMENTS (rows) ? rows[error->code] : NULL;

      fail (self, error->message, NULL, culprit);
      /* Said at once, where the manager is typing: the field to fix gets
       * the focus. (What the server or keyring says later only marks it.) */
      if (culprit != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (culprit));
      return FALSE;
    }
  if (self->settings == NULL)
    {
      fail (self, _("The settings cannot be saved: Daftar is not installed properly."), NULL, NULL);
      return FALSE;
    }

  set_status (self, DAFTAR_CONNECTION_FORM_TESTING, _("Testing the connection…"), NULL, NULL, FALSE);
  self->server = g_steal_pointer (&server);
  self->office = g_steal_pointer (&office);
  self->typed_token = *token != '\0' ? g_strdup (token) : NULL;
  g_clear_pointer (&self->test_message, g_free);
  if (self->typed_token != NULL)
    test (self, self->typed_token);
  else
    daftar_token_lookup_async (self->server, self->office, self->cancellable,
                               token_found_cb, g_object_ref (self));
  return TRUE;
}

gboolean
daftar_connection_form_save_anyway (DaftarConnectionForm *self)
{
  g_return_val_if_fail (DAFTAR_IS_CONNECTION_FORM (self), FALSE);

  if (self->status != DAFTAR_CONNECTION_FORM_FAILED ||
      !gtk_widget_get_visible (GTK_WIDGET (self->save_anyway_button)))
    return FALSE;
  /* set_status drops the fields of a failed submit; keep them for this. */
  {
    g_autofree char *server = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_row)));
    g_autofree char *office = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->office_row))));
    g_autofree char *checked = NULL;

    if (!daftar_connect_check (g_strstrip (server), office, self->typed_token, &checked, NULL))
      return FALSE;
    g_clear_pointer (&self->test_message, g_free);
    set_status (self, DAFTAR_CONNECTION_FORM_SAVING, _("Saving…"), NULL, NULL, FALSE);
    self->server = g_steal_pointer (&checked);
    self->office = g_steal_pointer (&office);
  }
  save (self);
  return TRUE;
}

static void
on_submit_clicked (DaftarConnectionForm *self)
{
  daftar_connection_form_submit (self);
}

static void
on_activated (DaftarConnectionForm *self)
{
  /* Enter in a field: the window's default action when there is one (the
   * connect dialog's "Connect"), else the form's own. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->submit_button)))
    daftar_connection_form_submit (self);
  else
    gtk_widget_activate_default (GTK_WIDGET (self));
}

static void
on_save_anyway_clicked (DaftarConnectionForm *self)
{
  daftar_connection_form_save_anyway (self);
}

static void
on_setting_changed (DaftarConnectionForm *self,
                    const char           *key)
{
  g_autofree char *value = g_settings_get_string (self->settings, key);

  if (is_busy (self->status))
    return;
  set_row_text (self, g_str_equal (key, "server-url") ? self->server_row : self->office_row, value);
}

void
daftar_connection_form_set_fields (DaftarConnectionForm *self,
                                   const char           *server,
                                   const char           *office,
                                   const char           *token)
{
  g_return_if_fail (DAFTAR_IS_CONNECTION_FORM (self));

  if (server != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->server_row), server);
  if (office != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->office_row), office);
  if (token != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->token_row), token);
}

DaftarConnectionFormStatus
daftar_connection_form_get_status (DaftarConnectionForm *self)
{
  g_return_val_if_fail (DAFTAR_IS_CONNECTION_FORM (self), DAFTAR_CONNECTION_FORM_NONE);
  return self->status;
}

DaftarConnectionOutcome
daftar_connection_form_get_outcome (DaftarConnectionForm *self)
{
  g_return_val_if_fail (DAFTAR_IS_CONNECTION_FORM (self), DAFTAR_CONNECTION_OK);
  return self->outcome;
}

const char *
daftar_connection_form_get_message (DaftarConnectionForm *self)
{
  g_return_val_if_fail (DAFTAR_IS_CONNECTION_FORM (self), NULL);
  return self->status != DAFTAR_CONNECTION_FORM_NONE ? self->message : NULL;
}

const char *
daftar_connection_form_get_detail (DaftarConnectionForm *self)
{
  g_return_val_if_fail (DAFTAR_IS_CONNECTION_FORM (self), NULL);
  return self->detail;
}

void
daftar_connection_form_set_show_submit (DaftarConnectionForm *self,
                                        gboolean              show)
{
  g_return_if_fail (DAFTAR_IS_CONNECTION_FORM (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->submit_button)) == !!show)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->submit_button), show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SUBMIT]);
}

void
daftar_connection_form_set_settings (DaftarConnectionForm *self,
                                     GSettings            *settings)
{
  g_return_if_fail (DAFTAR_IS_CONNECTION_FORM (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (self->settings == settings)
    return;
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    {
      on_setting_changed (self, "server-url");
      on_setting_changed (self, "office-code");
      g_signal_connect_object (settings, "changed::server-url", G_CALLBACK (on_setting_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (settings, "changed::office-code", G_CALLBACK (on_setting_changed), self, G_CONNECT_SWAPPED);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}

GtkWidget *
daftar_connection_form_new (GSettings *settings)
{
  return g_object_new (DAFTAR_TYPE_CONNECTION_FORM, "settings", settings, NULL);
}

static void
daftar_connection_form_dispose (GObject *object)
{
  DaftarConnectionForm *self = DAFTAR_CONNECTION_FORM (object);

  g_cancellable_cancel (self->cancellable);
  wipe_token (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTAR_TYPE_CONNECTION_FORM);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (daftar_connection_form_parent_class)->dispose (object);
}

static void
daftar_connection_form_finalize (GObject *object)
{
  DaftarConnectionForm *self = DAFTAR_CONNECTION_FORM (object);

  g_clear_object (&self->cancellable);
  g_free (self->message);
  g_free (self->detail);
  g_free (self->server);
  g_free (self->office);
  g_free (self->test_message);

  G_OBJECT_CLASS (daftar_connection_form_parent_class)->finalize (object);
}

static void
daftar_connection_form_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DaftarConnectionForm *self = DAFTAR_CONNECTION_FORM (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:    g_value_set_object (value, self->settings); break;
    case PROP_STATUS:      g_value_set_int (value, self->status); break;
    case PROP_SHOW_SUBMIT: g_value_set_boolean (value, gtk_widget_get_visible (GTK_WIDGET (self->submit_button))); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_connection_form_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DaftarConnectionForm *self = DAFTAR_CONNECTION_FORM (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:    daftar_connection_form_set_settings (self, g_value_get_object (value)); break;
    case PROP_SHOW_SUBMIT: daftar_connection_form_set_show_submit (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_connection_form_class_init (DaftarConnectionFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftar_connection_form_dispose;
  object_class->finalize = daftar_connection_form_finalize;
  object_class->get_property = daftar_connection_form_get_property;
  object_class->set_property = daftar_connection_form_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_SUBMIT] =
    g_param_spec_boolean ("show-submit", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A DaftarConnectionFormStatus. */
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, DAFTAR_CONNECTION_FORM_NONE, DAFTAR_CONNECTION_FORM_FAILED,
                      DAFTAR_CONNECTION_FORM_NONE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After the address, office and token were saved: (server, office). */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                        G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftar/Daftar/gui/daftar-connection-form.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftarConnectionForm, server_row);
  gtk_widget_class_bind_template_child (widget_class, DaftarConnectionForm, office_row);
  gtk_widget_class_bind_template_child (widget_class, DaftarConnectionForm, token_row);
  gtk_widget_class_bind_template_child (widget_class, DaftarConnectionForm, status_box);
  gtk_widget_class_bind_template_child (widget_class, DaftarConnectionForm, spinner);
  gtk_widget_class_bind_template_child (widget_class, DaftarConnectionForm, status_icon);
  gtk_widget_class_bind_template_child (widget_class, DaftarConnectionForm, status_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarConnectionForm, detail_expander);
  gtk_widget_class_bind_template_child (widget_class, DaftarConnectionForm, detail_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarConnectionForm, save_anyway_button);
  gtk_widget_class_bind_template_child (widget_class, DaftarConnectionForm, submit_button);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_submit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_anyway_clicked);
}

static void
daftar_connection_form_init (DaftarConnectionForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}
