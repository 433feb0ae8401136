/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-renderer.c: cairo is asked for where OpenGL would run on the CPU, and only there; GSK_RENDERER wins. */
#include "config.h"

#include <epoxy/gl.h>
#include <gtk/gtk.h>

#include "daftar-renderer.h"

/* What the display's OpenGL driver says it is, or NULL without OpenGL. */
static char *
gl_renderer_name (void)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  char *name;

  context = gdk_display_create_gl_context (gdk_display_get_default (), &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_test_message ("no OpenGL: %s", error->message);
      return NULL;
    }
  gdk_gl_context_make_current (context);
  name = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();
  return name;
}

static gboolean
is_software (const char *gl_renderer)
{
  return strstr (gl_renderer, "llvmpipe") != NULL || strstr (gl_renderer, "softpipe") != NULL ||
         strstr (gl_renderer, "swrast") != NULL || strstr (gl_renderer, "Software Rasterizer") != NULL;
}

/* The display's real driver agrees with the guess made before GTK starts:
 * under xvfb-run (the test suite's display) it is software. */
static void
test_guess_matches_driver (void)
{
  g_autofree char *name = gl_renderer_name ();
  gboolean gpu = daftar_renderer_gpu_available ();

  g_test_message ("OpenGL renderer: %s; GPU available: %s", name ? name : "(none)", gpu ? "yes" : "no");
  if (name != NULL)
    g_assert_cmpint (is_software (name), ==, !gpu);
  else
    g_assert_false (gpu);
}

/* A renderer the user named is kept. */
static void
test_named_renderer_kept (void)
{
  g_autofree char *before = g_strdup (g_getenv ("GSK_RENDERER"));

  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_assert_null (daftar_renderer_choose ());
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
  if (before != NULL)
    g_setenv ("GSK_RENDERER", before, TRUE);
  else
    g_unsetenv ("GSK_RENDERER");
}

static void
on_realize (GtkWidget *widget,
            gpointer   user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* A window drawn after the choice uses cairo where no GPU serves the
 * display, and GTK's own choice elsewhere. */
static void
test_window_renderer (void)
{
  gboolean gpu = daftar_renderer_gpu_available ();
  GtkWidget *window = gtk_window_new ();
  gboolean realized = FALSE;
  GskRenderer *renderer;

  g_signal_connect (window, "realize", G_CALLBACK (on_realize), &realized);
  gtk_window_present (GTK_WINDOW (window));
  while (!realized)
    g_main_context_iteration (NULL, TRUE);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_assert_nonnull (renderer);
  g_test_message ("renderer: %s", G_OBJECT_TYPE_NAME (renderer));
  if (!gpu)
    g_assert_true (GSK_IS_CAIRO_RENDERER (renderer));
  else
    g_assert_false (GSK_IS_CAIRO_RENDERER (renderer));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  const char *chosen;

  /* As main() does, before GTK starts. */
  g_unsetenv ("GSK_RENDERER");
  chosen = daftar_renderer_choose ();
  g_assert_cmpstr (chosen, ==, daftar_renderer_gpu_available () ? NULL : "cairo");
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, chosen);

  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/renderer/guess-matches-driver", test_guess_matches_driver);
  g_test_add_func ("/renderer/named-renderer-kept", test_named_renderer_kept);
  g_test_add_func ("/renderer/window", test_window_renderer);
  return g_test_run ();
}
