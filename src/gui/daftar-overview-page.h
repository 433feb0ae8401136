/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-overview-page.h: the morning check — today's and the chosen period's key figures against the standards. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DAFTAR_TYPE_OVERVIEW_PAGE (daftar_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (DaftarOverviewPage, daftar_overview_page, DAFTAR, OVERVIEW_PAGE, GtkWidget)

G_END_DECLS
