/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: the executable — language first, then the application, and starting over when it asks to. */
#include "config.h"

#include "daftar-application.h"
#include "daftar-i18n.h"
#include "daftar-renderer.h"

int
main (int   argc,
      char *argv[])
{
  /* As the session gave it: daftar_i18n_init and the renderer's choice set
   * LANGUAGE and GSK_RENDERER for this run, and a run that starts over
   * must choose them afresh ("system" means the system's language again). */
  g_auto(GStrv) environment = g_get_environ ();
  g_autoptr(DaftarApplication) app = NULL;
  g_auto(GStrv) next = NULL;
  int status;

  /* Before any string is translated or any widget exists. */
  daftar_i18n_init ();
  /* Before GTK starts: it reads GSK_RENDERER when the first window appears. */
  daftar_renderer_choose ();

  app = daftar_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  next = daftar_application_next_arguments (app, argv);
  /* Whatever the application still holds goes before the next run starts. */
  g_clear_object (&app);
  if (next != NULL)
    return daftar_application_exec (next, environment);
  return status;
}
