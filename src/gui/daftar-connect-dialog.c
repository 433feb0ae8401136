/* daftar-connect-dialog.c: the first-run dialog — the central server's address, the office code and the access token. */
#define G_LOG_DOMAIN "daftar-sync-ui"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "daftar-connect-dialog.h"
#include "daftar-format.h"
#include "daftar-soup.h"
#include "daftar-token.h"

#define MAX_OFFICE_BYTES 64   /* an id, as in the protocol */

struct _DaftarConnectDialog
{
  AdwWindow             parent_instance;

  AdwEntryRow          *server_row;
  AdwEntryRow          *office_row;
  AdwEntryRow          *token_row;
  AdwPreferencesGroup  *error_group;
  GtkButton            *connect_button;

  DaftarSyncController *controller;   /* owned, nullable */
  GSettings            *settings;     /* owned, nullable: no schema installed */
  GCancellable         *cancellable;  /* owned */
  char                 *saving_server; /* owned, nullable: while the token is stored */
  char                 *saving_office; /* owned, nullable */
};

G_DEFINE_FINAL_TYPE (DaftarConnectDialog, daftar_connect_dialog, ADW_TYPE_WINDOW)
G_DEFINE_QUARK (daftar-connect-error-quark, daftar_connect_error)

enum {
  PROP_0,
  PROP_CONTROLLER,
  N_PROPS
};

enum {
  SIGNAL_CONNECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, DAFTAR_CONNECT_ERROR, DAFTAR_CONNECT_ERROR_SERVER,
                   _("“%s” is not a web address such as https://central.example.ir."), text);
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
  if (token == NULL || *token == '\0')
    {
      g_set_error_literal (error, DAFTAR_CONNECT_ERROR, DAFTAR_CONNECT_ERROR_TOKEN,
                           _("Enter the access token."));
      goto fail;
    }
  if (!daftar_token_validate (token, &token_error))
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

static void
show_error (DaftarConnectDialog *self,
            const GError        *error)
{
  AdwEntryRow *rows[] = { self->server_row, self->office_row, self->token_row };
  AdwEntryRow *culprit = NULL;

  if (error != NULL && error->domain == DAFTAR_CONNECT_ERROR && error->code < (int) G_N_ELEMENTS (rows))
    culprit = rows[error->code];
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i] == culprit)
      gtk_widget_add_css_class (GTK_WIDGET (rows[i]), "error");
    else
      gtk_widget_remove_css_class (GTK_WIDGET (rows[i]), "error");

  adw_preferences_group_set_description (self->error_group, error != NULL ? error->message : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), error != NULL);
  if (culprit != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (culprit));
}

static void
on_changed (DaftarConnectDialog *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->error_group)))
    show_error (self, NULL);
}

static void
set_busy (DaftarConnectDialog *self,
          gboolean             busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->office_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->token_row), !busy);
}

static void
token_stored_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DaftarConnectDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  gboolean stored = daftar_token_store_finish (result, &error);

  /* Closed meanwhile: the template's widgets are gone. */
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  if (!stored)
    {
      g_autoptr(GError) shown = NULL;

      set_busy (self, FALSE);
      shown = g_error_new (DAFTAR_CONNECT_ERROR, DAFTAR_CONNECT_ERROR_SAVE,
                           _("The access token could not be saved: %s"), error->message);
      show_error (self, shown);
      return;
    }

  /* Saved only now: settings that point at a server without a token would
   * make every automatic sync fail. */
  g_settings_set_string (self->settings, "server-url", self->saving_server);
  g_settings_set_string (self->settings, "office-code", self->saving_office);
  g_signal_emit (self, signals[SIGNAL_CONNECTED], 0, self->saving_server, self->saving_office);
  if (self->controller != NULL)
    daftar_sync_controller_sync_now (self->controller);
  gtk_window_close (GTK_WINDOW (self));
}

gboolean
daftar_connect_dialog_connect (DaftarConnectDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;
  g_autofree char *office = NULL;
  const char *token;

  g_return_val_if_fail (DAFTAR_IS_CONNECT_DIALOG (self), FALSE);

  office = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->office_row))));
  token = gtk_editable_get_text (GTK_EDITABLE (self->token_row));
  {
    g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_row))));

    if (!daftar_connect_check (typed, office, token, &server, &error))
      {
        show_error (self, error);
        return FALSE;
      }
  }
  if (self->settings == NULL)
    {
      error = g_error_new_literal (DAFTAR_CONNECT_ERROR, DAFTAR_CONNECT_ERROR_SAVE,
                                   _("The settings cannot be saved: Daftar is not installed properly."));
      show_error (self, error);
      return FALSE;
    }

  show_error (self, NULL);
  set_busy (self, TRUE);
  g_free (self->saving_server);
  self->saving_server = g_strdup (server);
  g_free (self->saving_office);
  self->saving_office = g_strdup (office);
  daftar_token_store_async (server, office, token, self->cancellable,
                            token_stored_cb, g_object_ref (self));
  return TRUE;
}

static void
on_connect_clicked (DaftarConnectDialog *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->connect_button)))
    daftar_connect_dialog_connect (self);
}

void
daftar_connect_dialog_set_fields (DaftarConnectDialog *self,
                                  const char          *server,
                                  const char          *office,
                                  const char          *token)
{
  g_return_if_fail (DAFTAR_IS_CONNECT_DIALOG (self));

  if (server != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->server_row), server);
  if (office != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->office_row), office);
  if (token != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->token_row), token);
}

const char *
daftar_connect_dialog_get_error (DaftarConnectDialog *self)
{
  g_return_val_if_fail (DAFTAR_IS_CONNECT_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_group)))
    return NULL;
  return adw_preferences_group_get_description (self->error_group);
}

GtkWidget *
daftar_connect_dialog_new (DaftarSyncController *controller)
{
  return g_object_new (DAFTAR_TYPE_CONNECT_DIALOG, "controller", controller, NULL);
}

static void
daftar_connect_dialog_dispose (GObject *object)
{
  DaftarConnectDialog *self = DAFTAR_CONNECT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->controller);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->saving_server, g_free);
  g_clear_pointer (&self->saving_office, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTAR_TYPE_CONNECT_DIALOG);

  G_OBJECT_CLASS (daftar_connect_dialog_parent_class)->dispose (object);
}

static void
daftar_connect_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DaftarConnectDialog *self = DAFTAR_CONNECT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTROLLER: g_value_set_object (value, self->controller); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_connect_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DaftarConnectDialog *self = DAFTAR_CONNECT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTROLLER: self->controller = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_connect_dialog_class_init (DaftarConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftar_connect_dialog_dispose;
  object_class->get_property = daftar_connect_dialog_get_property;
  object_class->set_property = daftar_connect_dialog_set_property;

  properties[PROP_CONTROLLER] =
    g_param_spec_object ("controller", NULL, NULL, DAFTAR_TYPE_SYNC_CONTROLLER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After the address, office and token were saved: (server, office). */
  signals[SIGNAL_CONNECTED] = g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                            G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftar/Daftar/gui/daftar-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftarConnectDialog, server_row);
  gtk_widget_class_bind_template_child (widget_class, DaftarConnectDialog, office_row);
  gtk_widget_class_bind_template_child (widget_class, DaftarConnectDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, DaftarConnectDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, DaftarConnectDialog, connect_button);
  gtk_widget_class_bind_template_callback (widget_class, on_connect_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
daftar_connect_dialog_init (DaftarConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->settings = daftar_sync_settings_new ();

  if (self->settings != NULL)
    {
      g_autofree char *server = g_settings_get_string (self->settings, "server-url");
      g_autofree char *office = g_settings_get_string (self->settings, "office-code");

      gtk_editable_set_text (GTK_EDITABLE (self->server_row), server);
      gtk_editable_set_text (GTK_EDITABLE (self->office_row), office);
    }
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->connect_button));
}
