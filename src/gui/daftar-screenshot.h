/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-screenshot.h: rendering a window to a PNG file, for `daftar --screenshots` and the UI tests. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Renders @window as it is laid out now into @path (PNG). */
gboolean daftar_screenshot_save (GtkWindow   *window,
                                 const char  *path,
                                 GError     **error);

G_END_DECLS
