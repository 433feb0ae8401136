/* daftar-application.h: the application — command line, start-up and the window's life. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DAFTAR_TYPE_APPLICATION (daftar_application_get_type ())
G_DECLARE_FINAL_TYPE (DaftarApplication, daftar_application, DAFTAR, APPLICATION, AdwApplication)

DaftarApplication *daftar_application_new (void);

G_END_DECLS
