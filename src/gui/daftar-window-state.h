/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-window-state.h: the main window's size, maximized state and page, kept across starts in GSettings. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Restores the size and maximized state from "window-width",
 * "window-height" and "window-maximized", and saves them when the window
 * is asked to close — not on every resize, which would write the settings
 * file dozens of times a second while the manager drags a corner. */
void  daftar_window_state_bind       (GtkWindow    *window,
                                      GSettings    *settings);

/* Shows the page named by "last-page" when @stack has it, and saves the
 * name whenever the manager turns to another page while the stack is on
 * screen. */
void  daftar_window_state_bind_page  (AdwViewStack *stack,
                                      GSettings    *settings);

G_END_DECLS
