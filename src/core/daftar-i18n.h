/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-i18n.h: choosing the UI language and binding the translations, before anything is translated. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Sets the locale, applies the "language" preference (system, fa, en) when
 * the settings schema is installed, and binds the message catalog (from
 * $DAFTAR_LOCALEDIR when set, for running from the build tree). Then
 * configures the formatting module from the language and the "digits"
 * and "calendar" preferences. Call first thing; calling it again (tests)
 * applies the settings as they are now. */
void      daftar_i18n_init        (void);

/* Overrides the language for this process ("fa", "en" or NULL for the
 * system's); must come before daftar_i18n_init. */
void      daftar_i18n_force       (const char *language);

/* The application's settings, or NULL when the schema is not installed
 * (running from a source tree without GSETTINGS_SCHEMA_DIR). */
GSettings *daftar_i18n_settings_new (void);

/* TRUE when the UI speaks Persian, so the layout is right-to-left. */
gboolean  daftar_i18n_is_persian  (void);

G_END_DECLS
