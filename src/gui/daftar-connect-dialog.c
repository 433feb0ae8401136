/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-connect-dialog.c: the first-run dialog — the central server's address, the office code and the access token, tested before they are saved. */
#define G_LOG_DOMAIN "daftar-sync-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-connect-dialog.h"

struct _DaftarConnectDialog
{
  AdwWindow             parent_instance;

  GtkButton            *connect_button;
  DaftarConnectionForm *form;

  DaftarSyncController *controller;   /* owned, nullable */
};

G_DEFINE_FINAL_TYPE (DaftarConnectDialog, daftar_connect_dialog, ADW_TYPE_WINDOW)

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

static void
on_saved (DaftarConnectDialog *self,
          const char          *server,
          const char          *office)
{
  g_signal_emit (self, signals[SIGNAL_CONNECTED], 0, server, office);
  if (self->controller != NULL)
    daftar_sync_controller_sync_now (self->controller);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_status (DaftarConnectDialog *self)
{
  DaftarConnectionFormStatus status = daftar_connection_form_get_status (self->form);

  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button),
                            status != DAFTAR_CONNECTION_FORM_TESTING && status != DAFTAR_CONNECTION_FORM_SAVING);
}

gboolean
daftar_connect_dialog_connect (DaftarConnectDialog *self)
{
  g_return_val_if_fail (DAFTAR_IS_CONNECT_DIALOG (self), FALSE);
  return daftar_connection_form_submit (self->form);
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
  daftar_connection_form_set_fields (self->form, server, office, token);
}

DaftarConnectionForm *
daftar_connect_dialog_get_form (DaftarConnectDialog *self)
{
  g_return_val_if_fail (DAFTAR_IS_CONNECT_DIALOG (self), NULL);
  return self->form;
}

const char *
daftar_connect_dialog_get_error (DaftarConnectDialog *self)
{
  g_return_val_if_fail (DAFTAR_IS_CONNECT_DIALOG (self), NULL);

  if (daftar_connection_form_get_status (self->form) != DAFTAR_CONNECTION_FORM_FAILED)
    return NULL;
  return daftar_connection_form_get_message (self->form);
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

  g_clear_object (&self->controller);
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
  gtk_widget_class_bind_template_child (widget_class, DaftarConnectDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, DaftarConnectDialog, form);
  gtk_widget_class_bind_template_callback (widget_class, on_connect_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_saved);
  gtk_widget_class_bind_template_callback (widget_class, on_status);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
daftar_connect_dialog_init (DaftarConnectDialog *self)
{
  g_autoptr(GSettings) settings = NULL;

  g_type_ensure (DAFTAR_TYPE_CONNECTION_FORM);
  gtk_widget_init_template (GTK_WIDGET (self));

  settings = daftar_sync_settings_new ();
  daftar_connection_form_set_settings (self->form, settings);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->connect_button));
}
