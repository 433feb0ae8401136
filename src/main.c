/* main.c: the executable — language first, then the application. */
#include "config.h"

#include "daftar-application.h"
#include "daftar-i18n.h"
#include "daftar-renderer.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DaftarApplication) app = NULL;

  /* Before any string is translated or any widget exists. */
  daftar_i18n_init ();
  /* Before GTK starts: it reads GSK_RENDERER when the first window appears. */
  daftar_renderer_choose ();

  app = daftar_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
