/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-notices-page.h: the Notices page — read rate against the target, electronic against paper, time to view, and unviewed notices to follow up. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DAFTAR_TYPE_NOTICES_PAGE (daftar_notices_page_get_type ())
G_DECLARE_FINAL_TYPE (DaftarNoticesPage, daftar_notices_page, DAFTAR, NOTICES_PAGE, GtkWidget)

G_END_DECLS
