/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-care-page.h: the Client care page — served in turn, crowding, idle counters and the clients' ratings, against the office's standards. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DAFTAR_TYPE_CARE_PAGE (daftar_care_page_get_type ())
G_DECLARE_FINAL_TYPE (DaftarCarePage, daftar_care_page, DAFTAR, CARE_PAGE, GtkWidget)

G_END_DECLS
