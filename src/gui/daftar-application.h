/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-application.h: the application — command line, start-up and the window's life. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DAFTAR_TYPE_APPLICATION (daftar_application_get_type ())
G_DECLARE_FINAL_TYPE (DaftarApplication, daftar_application, DAFTAR, APPLICATION, AdwApplication)

DaftarApplication *daftar_application_new (void);

/* What the process does once the application has quit. */
typedef enum {
  DAFTAR_APPLICATION_NEXT_EXIT,     /* ends */
  DAFTAR_APPLICATION_NEXT_RESTART,  /* starts again as it was started: Preferences' "Restart Now" */
  DAFTAR_APPLICATION_NEXT_DEMO,     /* starts again as `daftar --demo`: the empty window's "Open the Demo Office" */
} DaftarApplicationNext;

DaftarApplicationNext daftar_application_get_next       (DaftarApplication *self);
/* The arguments to start again with, from the process's own @argv; NULL
 * for NEXT_EXIT. Free with g_strfreev. */
char                **daftar_application_next_arguments (DaftarApplication *self,
                                                         char             **argv);
/* Replaces the process with the running executable started with
 * @arguments in @environment (the one the process was given, before
 * daftar_i18n_init chose a language for it). Returns only if that failed,
 * with 1 and the reason on stderr. */
int                   daftar_application_exec           (char             **arguments,
                                                         char             **environment);

G_END_DECLS
