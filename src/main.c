/* main.c: the executable — language first, then the application. */
#include "config.h"

#include "daftar-application.h"
#include "daftar-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DaftarApplication) app = NULL;

  /* Before any string is translated or any widget exists. */
  daftar_i18n_init ();

  app = daftar_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
