/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-window-pages.h: the dashboard pages the window shows, in order. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;         /* also the screenshot's file name */
  const char *title;        /* N_() marked; translated when shown */
  const char *icon_name;
  GType     (*get_type) (void);   /* a GtkWidget implementing DaftarPage */
} DaftarWindowPage;

/* Terminated by an entry whose name is NULL. */
extern const DaftarWindowPage daftar_window_pages[];

G_END_DECLS
