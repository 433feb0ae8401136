/* daftar-preferences-window.c: the preferences — connection, sync interval, language, digits and calendar. */
#define G_LOG_DOMAIN "daftar-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-preferences-window.h"
#include "daftar-spin-button.h"
#include "daftar-sync.h"
#include "daftar-token.h"

struct _DaftarPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *server_url_row;
  AdwEntryRow          *office_code_row;
  AdwPasswordEntryRow  *token_row;
  GtkSpinButton        *sync_interval_spin;
  AdwComboRow          *language_row;
  AdwComboRow          *digits_row;
  AdwComboRow          *calendar_row;

  GSettings            *settings;     /* owned */
  GCancellable         *cancellable;  /* owned */
  gboolean              storing_token;
};

G_DEFINE_FINAL_TYPE (DaftarPreferencesWindow, daftar_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STORING_TOKEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The combo rows' items, in the order of their models in the .ui file. */
static const char * const language_nicks[] = { "system", "fa", "en", NULL };
static const char * const digits_nicks[] = { "auto", "persian", "latin", NULL };
static const char * const calendar_nicks[] = { "jalali", "gregorian", NULL };

static gboolean
nick_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nick, nicks[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
position_to_nick (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint position = g_value_get_uint (value);

  /* GTK_INVALID_LIST_POSITION while a model is being replaced: keep the key. */
  if (position >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[position]);
}

static void
bind_combo (DaftarPreferencesWindow *self,
            const char              *key,
            AdwComboRow             *row,
            const char * const      *nicks)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                nick_to_position, position_to_nick, (gpointer) nicks, NULL);
}

static void
add_toast (DaftarPreferencesWindow *self,
           const char              *title)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (title));
}

/* The language, digits and calendar are applied once at start
 * (daftar-i18n), before any string is translated or figure formatted. */
static void
on_start_setting_changed (DaftarPreferencesWindow *self)
{
  add_toast (self, _("The change takes effect when Daftar is started again"));
}

static void
on_server_url_changed (DaftarPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->server_url_row));

  /* Empty means "not set up yet"; anything else is marked until it is an
   * address the token may be sent to. Nothing is saved while typing. */
  if (text == NULL || *text == '\0' || daftar_sync_check_server (text, NULL))
    gtk_widget_remove_css_class (GTK_WIDGET (self->server_url_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->server_url_row), "error");
}

/* Saved only when applied, and only an address the sync would accept: a
 * user name and password typed into it must never reach the settings. */
static void
on_server_url_apply (DaftarPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->server_url_row));
  g_autoptr(GError) error = NULL;

  if (text != NULL && *text != '\0' && !daftar_sync_check_server (text, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->server_url_row), "error");
      add_toast (self, error->message);
      return;
    }
  g_settings_set_string (self->settings, "server-url", text != NULL ? text : "");
}

static void
set_storing_token (DaftarPreferencesWindow *self,
                   gboolean                 storing)
{
  if (self->storing_token == storing)
    return;
  self->storing_token = storing;
  gtk_widget_set_sensitive (GTK_WIDGET (self->token_row), !storing);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORING_TOKEN]);
}

static void
token_stored (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DaftarPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  daftar_token_store_finish (result, &error);
  /* Cancelled only when the window is disposed: its rows are gone. (The
   * token module reports a cancel as a keyring error, so ask the
   * cancellable.) */
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The token could not be saved: %s"), error->message);
      add_toast (self, message);
    }
  else
    {
      /* The keyring has it now; the entry need not hold it any longer. */
      gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");
      add_toast (self, _("The token is saved in the keyring"));
    }
  set_storing_token (self, FALSE);
}

static void
on_token_apply (DaftarPreferencesWindow *self)
{
  g_autofree char *server = g_settings_get_string (self->settings, "server-url");
  g_autofree char *office = g_settings_get_string (self->settings, "office-code");
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->token_row));
  g_autoptr(GError) error = NULL;

  if (self->storing_token)
    return;
  /* The keyring files a token under its server and office. */
  if (*server == '\0' || *office == '\0')
    {
      add_toast (self, _("Enter the server address and the office code first"));
      return;
    }
  if (!daftar_token_validate (token, &error))
    {
      add_toast (self, error->message);
      return;
    }

  set_storing_token (self, TRUE);
  daftar_token_store_async (server, office, token, self->cancellable, token_stored, g_object_ref (self));
}

static void
daftar_preferences_window_constructed (GObject *object)
{
  DaftarPreferencesWindow *self = DAFTAR_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (daftar_preferences_window_parent_class)->constructed (object);

  /* Written back by on_server_url_apply only. */
  g_settings_bind (self->settings, "server-url", self->server_url_row, "text", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "office-code", self->office_code_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sync-interval", self->sync_interval_spin, "value", G_SETTINGS_BIND_DEFAULT);
  bind_combo (self, "language", self->language_row, language_nicks);
  bind_combo (self, "digits", self->digits_row, digits_nicks);
  bind_combo (self, "calendar", self->calendar_row, calendar_nicks);

  g_signal_connect_object (self->settings, "changed::language", G_CALLBACK (on_start_setting_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::digits", G_CALLBACK (on_start_setting_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::calendar", G_CALLBACK (on_start_setting_changed), self, G_CONNECT_SWAPPED);
}

static void
daftar_preferences_window_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  DaftarPreferencesWindow *self = DAFTAR_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_STORING_TOKEN:
      g_value_set_boolean (value, self->storing_token);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_preferences_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  DaftarPreferencesWindow *self = DAFTAR_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_preferences_window_dispose (GObject *object)
{
  DaftarPreferencesWindow *self = DAFTAR_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  /* Unbinds the rows before the settings go. */
  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTAR_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (daftar_preferences_window_parent_class)->dispose (object);
}

static void
daftar_preferences_window_class_init (DaftarPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = daftar_preferences_window_constructed;
  object_class->get_property = daftar_preferences_window_get_property;
  object_class->set_property = daftar_preferences_window_set_property;
  object_class->dispose = daftar_preferences_window_dispose;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORING_TOKEN] =
    g_param_spec_boolean ("storing-token", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftar/Daftar/gui/daftar-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftarPreferencesWindow, server_url_row);
  gtk_widget_class_bind_template_child (widget_class, DaftarPreferencesWindow, office_code_row);
  gtk_widget_class_bind_template_child (widget_class, DaftarPreferencesWindow, token_row);
  gtk_widget_class_bind_template_child (widget_class, DaftarPreferencesWindow, sync_interval_spin);
  gtk_widget_class_bind_template_child (widget_class, DaftarPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, DaftarPreferencesWindow, digits_row);
  gtk_widget_class_bind_template_child (widget_class, DaftarPreferencesWindow, calendar_row);
  gtk_widget_class_bind_template_callback (widget_class, on_server_url_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_server_url_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_token_apply);
}

static void
daftar_preferences_window_init (DaftarPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  daftar_spin_button_localize (self->sync_interval_spin);
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
daftar_preferences_window_new (GtkWindow *parent,
                               GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (DAFTAR_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "settings", settings,
                       NULL);
}

gboolean
daftar_preferences_window_get_storing_token (DaftarPreferencesWindow *self)
{
  g_return_val_if_fail (DAFTAR_IS_PREFERENCES_WINDOW (self), FALSE);
  return self->storing_token;
}
