/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-style.h: the look every Daftar window shares — text direction and the Persian font. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Sets the text direction from the UI language (right to left in Persian,
 * whatever the desktop's locale says) and loads the application style.
 * Call once after gtk_init/adw_init and after daftar_i18n_init. */
void daftar_style_init (void);

G_END_DECLS
