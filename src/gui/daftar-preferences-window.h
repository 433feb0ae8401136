/* daftar-preferences-window.h: the preferences — connection, sync interval, language, digits and calendar. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DAFTAR_TYPE_PREFERENCES_WINDOW (daftar_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (DaftarPreferencesWindow, daftar_preferences_window, DAFTAR, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* A window over @parent (nullable) whose rows are bound both ways to
 * @settings (schema io.github.daftar.Daftar). The token row writes the
 * keyring through daftar-token, never a settings key. */
GtkWidget *daftar_preferences_window_new               (GtkWindow *parent,
                                                        GSettings *settings);

/* TRUE while a token is being written to the keyring. */
gboolean   daftar_preferences_window_get_storing_token (DaftarPreferencesWindow *self);

G_END_DECLS
