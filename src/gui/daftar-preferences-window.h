/* daftar-preferences-window.h: the preferences — connection, sync interval, language, digits and calendar. */
#pragma once

#include <adwaita.h>

#include "daftar-connection-form.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_PREFERENCES_WINDOW (daftar_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (DaftarPreferencesWindow, daftar_preferences_window, DAFTAR, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* A window over @parent (nullable) whose rows are bound both ways to
 * @settings (schema io.github.daftar.Daftar). The connection is the
 * connect dialog's form: tested, then saved (the token in the keyring
 * through daftar-token, never a settings key). */
GtkWidget            *daftar_preferences_window_new                 (GtkWindow               *parent,
                                                                     GSettings               *settings);

DaftarConnectionForm *daftar_preferences_window_get_connection_form (DaftarPreferencesWindow *self);

G_END_DECLS
