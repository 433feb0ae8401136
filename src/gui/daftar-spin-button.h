/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-spin-button.h: whole-number spin buttons that show the UI's digits and read back Persian, Arabic-Indic or Latin ones. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GtkSpinButton prints and parses Latin digits only. After this call
 * @spin shows its value through the formatting module (Persian or Latin
 * digits as the preference says, without grouping, so the text reads
 * back) and accepts text made only of ASCII, Persian (۰–۹) or
 * Arabic-Indic (٠–٩) digits, with spaces around. Anything else (a sign,
 * a separator, a letter) is refused: the value stays and its text comes
 * back. Call once, from the widget's init. */
void daftar_spin_button_localize (GtkSpinButton *spin);

G_END_DECLS
