/* SPDX-License-Identifier: GPL-3.0-or-later */
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

/* The language, digits and calendar this run applied at start (default:
 * the settings' values when the window opened). While a choice differs
 * from them the window offers "Restart Now" (action app.restart). */
void                  daftar_preferences_window_set_started_with    (DaftarPreferencesWindow *self,
                                                                     const char              *language,
                                                                     const char              *digits,
                                                                     const char              *calendar);
gboolean              daftar_preferences_window_get_needs_restart   (DaftarPreferencesWindow *self);

DaftarConnectionForm *daftar_preferences_window_get_connection_form (DaftarPreferencesWindow *self);

G_END_DECLS
