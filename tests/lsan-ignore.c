/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lsan-ignore.c: linked, in sanitizer builds only, into the test programs and the daftar they run — what LeakSanitizer must not blame on Daftar and tests/lsan.supp cannot name: the objects libsoup 3.2 loses, and Mesa's memory once it unloads itself. */

#include <dlfcn.h>
#include <gio/gio.h>
#include <sanitizer/lsan_interface.h>

/* A suppression names a function of the allocation's stack, but on Debian
 * 12 GLib has no frame pointers, so every stack of a GObject ends at
 * g_malloc: a suppression of libsoup's leaks would hide all of ours. So
 * instead the objects it loses are marked where they are made, by wrapping
 * the GIO call that makes them (libsoup calls it through its PLT; Daftar
 * itself never calls these two). Marked objects, and what they point to,
 * are never reported. */

/* SoupListener keeps a reference to every socket it accepts (fixed in
 * libsoup 3.4.0, commit b545d5f0 "soup-listener: Plug a leak"): one GSocket
 * for each connection a test's SoupServer takes. */
GSocket *
g_socket_accept (GSocket       *socket,
                 GCancellable  *cancellable,
                 GError       **error)
{
  static GSocket *(*accept) (GSocket *, GCancellable *, GError **);
  GSocket *accepted;

  if (accept == NULL)
    accept = (GSocket *(*) (GSocket *, GCancellable *, GError **)) dlsym (RTLD_NEXT, "g_socket_accept");
  accepted = accept (socket, cancellable, error);
  if (accepted != NULL)
    __lsan_ignore_object (accepted);
  return accepted;
}

/* SoupListener never frees the address soup_server_get_uris() makes it
 * look up (fixed in libsoup 3.4.3, commit c07ff61f "soup-listener: Fix
 * memory leak of local_addr"). */
GSocketAddress *
g_socket_get_local_address (GSocket  *socket,
                            GError  **error)
{
  static GSocketAddress *(*get) (GSocket *, GError **);
  GSocketAddress *address;

  if (get == NULL)
    get = (GSocketAddress *(*) (GSocket *, GError **)) dlsym (RTLD_NEXT, "g_socket_get_local_address");
  address = get (socket, error);
  if (address != NULL)
    __lsan_ignore_object (address);
  return address;
}

/* At exit Mesa unloads its GL driver (libEGL_mesa, libGLX_mesa,
 * swrast_dri), whose globals held the last pointer to memory it allocated:
 * once their pages are gone LeakSanitizer, which scans globals for
 * pointers, sees a leak of a module it cannot even name. A test program
 * never needs to unload a library, so it never does. */
int
dlclose (void *handle)
{
  return 0;
}
