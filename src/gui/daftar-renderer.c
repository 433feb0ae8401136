/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-renderer.c: draws with cairo where GTK's OpenGL renderer would run on a software rasteriser. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#ifdef HAVE_XCB
#include <xcb/xcb.h>
#endif

#include "daftar-renderer.h"

/* Where no GPU driver can serve the display (a virtual machine or thin
 * client without one, a remote X display, Xvfb), Mesa runs OpenGL on the
 * CPU. There GTK 4.8's GL renderer costs about 110 ms more before the first
 * frame and some 60 MB more memory than its cairo renderer, which draws the
 * same pages on the same CPU without compiling shaders first: a bare
 * libadwaita window under Xvfb takes 274 ms and 166 MiB with GL, 158 ms and
 * 103 MiB with cairo (bench/first-frame). So there, and only there, Daftar
 * asks for cairo. Newer GTK avoids llvmpipe for its first choice too
 * (gsk/gskrenderer.c), but falls back to it before cairo. */

static gboolean
has_render_node (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/dev/dri", 0, NULL);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return TRUE;
  return FALSE;
}

#ifdef HAVE_XCB
static gboolean
has_extension (xcb_connection_t *connection,
               const char       *name)
{
  xcb_query_extension_reply_t *reply =
    xcb_query_extension_reply (connection, xcb_query_extension (connection, strlen (name), name), NULL);
  gboolean present = reply != NULL && reply->present;

  free (reply);
  return present;
}
#endif

/* Mesa draws on the GPU for an X window through DRI3 (or, with older
 * drivers, DRI2); Xvfb and remote displays offer neither. */
static gboolean
x_server_has_dri (void)
{
#ifdef HAVE_XCB
  xcb_connection_t *connection = xcb_connect (NULL, NULL);
  gboolean present = !xcb_connection_has_error (connection) &&
                     (has_extension (connection, "DRI3") || has_extension (connection, "DRI2"));

  xcb_disconnect (connection);
  return present;
#else
  /* Without xcb there is no asking: leave it to GTK. */
  return TRUE;
#endif
}

gboolean
daftar_renderer_gpu_available (void)
{
  const char *backend = g_getenv ("GDK_BACKEND");
  gboolean wayland = g_getenv ("WAYLAND_DISPLAY") != NULL;
  gboolean x11 = g_getenv ("DISPLAY") != NULL;

  /* GDK tries Wayland before X11 unless GDK_BACKEND says. */
  if (backend != NULL && backend[0] != '\0' && strcmp (backend, "*") != 0)
    {
      wayland = wayland && strstr (backend, "wayland") == backend;
      x11 = x11 && !wayland && strstr (backend, "x11") != NULL;
    }
  if (!wayland && !x11)
    return TRUE;
  if (!has_render_node ())
    return FALSE;
  return wayland || x_server_has_dri ();
}

const char *
daftar_renderer_choose (void)
{
  if (g_getenv ("GSK_RENDERER") != NULL)
    return NULL;
  if (daftar_renderer_gpu_available ())
    return NULL;
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  return "cairo";
}
