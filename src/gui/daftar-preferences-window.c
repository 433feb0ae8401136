/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-preferences-window.c: the preferences — connection, sync interval, language, digits and calendar. */
#define G_LOG_DOMAIN "daftar-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-connection-form.h"
#include "daftar-preferences-window.h"
#include "daftar-spin-button.h"

struct _DaftarPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  DaftarConnectionForm *connection_form;
  GtkSpinButton        *sync_interval_spin;
  GtkSwitch            *notifications_switch;
  AdwActionRow         *restart_row;
  GtkButton            *restart_button;
  AdwComboRow          *language_row;
  AdwComboRow          *digits_row;
  AdwComboRow          *calendar_row;

  GSettings            *settings;     /* owned */
  GStrv                 started_with; /* owned: language, digits, calendar as this run applied them */
};

G_DEFINE_FINAL_TYPE (DaftarPreferencesWindow, daftar_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The combo rows' items, in the order of their models in the .ui file. */
static const char * const language_nicks[] = { "system", "fa", "en", NULL };
static const char * const digits_nicks[] = { "auto", "persian", "latin", NULL };
static const char * const calendar_nicks[] = { "jalali", "gregorian", NULL };

/* The keys applied once at start (daftar-i18n), before any string is
 * translated or figure formatted, in the order of started_with. */
static const char * const start_keys[] = { "language", "digits", "calendar", NULL };

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

/* The restart row shows while a choice differs from what this run started
 * with, and goes again when the manager changes it back. */
static void
update_restart_row (DaftarPreferencesWindow *self)
{
  gboolean differs = FALSE;

  for (guint i = 0; start_keys[i] != NULL; i++)
    {
      g_autofree char *now = g_settings_get_string (self->settings, start_keys[i]);

      if (g_strcmp0 (now, self->started_with[i]) != 0)
        differs = TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->restart_row), differs);
}

static GStrv
read_start_keys (GSettings *settings)
{
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();

  for (guint i = 0; start_keys[i] != NULL; i++)
    {
      g_autofree char *value = g_settings_get_string (settings, start_keys[i]);
      g_strv_builder_add (values, value);
    }
  return g_strv_builder_end (values);
}

void
daftar_preferences_window_set_started_with (DaftarPreferencesWindow *self,
                                            const char              *language,
                                            const char              *digits,
                                            const char              *calendar)
{
  g_return_if_fail (DAFTAR_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (language != NULL && digits != NULL && calendar != NULL);

  g_strfreev (self->started_with);
  self->started_with = g_strdupv ((char *[]) { (char *) language, (char *) digits, (char *) calendar, NULL });
  update_restart_row (self);
}

gboolean
daftar_preferences_window_get_needs_restart (DaftarPreferencesWindow *self)
{
  g_return_val_if_fail (DAFTAR_IS_PREFERENCES_WINDOW (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->restart_row));
}

static void
daftar_preferences_window_constructed (GObject *object)
{
  DaftarPreferencesWindow *self = DAFTAR_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (daftar_preferences_window_parent_class)->constructed (object);

  daftar_connection_form_set_settings (self->connection_form, self->settings);
  g_settings_bind (self->settings, "sync-interval", self->sync_interval_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notifications", self->notifications_switch, "active", G_SETTINGS_BIND_DEFAULT);
  bind_combo (self, "language", self->language_row, language_nicks);
  bind_combo (self, "digits", self->digits_row, digits_nicks);
  bind_combo (self, "calendar", self->calendar_row, calendar_nicks);

  /* Until told what this run started with, what the settings hold now. */
  self->started_with = read_start_keys (self->settings);
  for (guint i = 0; start_keys[i] != NULL; i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", start_keys[i], NULL);
      g_signal_connect_object (self->settings, signal, G_CALLBACK (update_restart_row), self, G_CONNECT_SWAPPED);
    }
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

  /* Unbinds the rows before the settings go. */
  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTAR_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->started_with, g_strfreev);

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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftar/Daftar/gui/daftar-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftarPreferencesWindow, connection_form);
  gtk_widget_class_bind_template_child (widget_class, DaftarPreferencesWindow, sync_interval_spin);
  gtk_widget_class_bind_template_child (widget_class, DaftarPreferencesWindow, notifications_switch);
  gtk_widget_class_bind_template_child (widget_class, DaftarPreferencesWindow, restart_row);
  gtk_widget_class_bind_template_child (widget_class, DaftarPreferencesWindow, restart_button);
  gtk_widget_class_bind_template_child (widget_class, DaftarPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, DaftarPreferencesWindow, digits_row);
  gtk_widget_class_bind_template_child (widget_class, DaftarPreferencesWindow, calendar_row);
}

static void
daftar_preferences_window_init (DaftarPreferencesWindow *self)
{
  g_type_ensure (DAFTAR_TYPE_CONNECTION_FORM);
  gtk_widget_init_template (GTK_WIDGET (self));
  daftar_spin_button_localize (self->sync_interval_spin);
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

DaftarConnectionForm *
daftar_preferences_window_get_connection_form (DaftarPreferencesWindow *self)
{
  g_return_val_if_fail (DAFTAR_IS_PREFERENCES_WINDOW (self), NULL);
  return self->connection_form;
}
