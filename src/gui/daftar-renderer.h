/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-renderer.h: draws with cairo where GTK's OpenGL renderer would run on a software rasteriser. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether a GPU driver can serve the display GTK will open: a render node
 * (/dev/dri/renderD*) exists and, on X11, the X server offers DRI3 or DRI2,
 * which Mesa needs to draw on the GPU for an X window. Without them, Mesa
 * draws OpenGL on the CPU (llvmpipe). Other backends are assumed to have
 * one. */
gboolean daftar_renderer_gpu_available (void);

/* Asks for GTK's cairo renderer when no GPU can serve the display, unless
 * GSK_RENDERER already names one. Call first thing in main(), before any
 * thread or window exists (it sets an environment variable). Returns the
 * renderer asked for, or NULL to leave it to GTK. */
const char *daftar_renderer_choose (void);

G_END_DECLS
