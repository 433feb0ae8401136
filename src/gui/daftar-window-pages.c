/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-window-pages.c: the dashboard pages the window shows, in order. One line per page. */
#include "config.h"

#include <glib/gi18n.h>

#include "daftar-overview-page.h"
#include "daftar-care-page.h"
#include "daftar-cases-page.h"
#include "daftar-notices-page.h"
#include "daftar-shifts-page.h"
#include "daftar-window-pages.h"

const DaftarWindowPage daftar_window_pages[] = {
  { "overview", N_("Overview"), "view-grid-symbolic", daftar_overview_page_get_type },
  { "cases", N_("Cases"), "folder-documents-symbolic", daftar_cases_page_get_type },
  { "shifts", N_("Shifts"), "preferences-system-time-symbolic", daftar_shifts_page_get_type },
  { "care", N_("Client Care"), "emblem-favorite-symbolic", daftar_care_page_get_type },
  { "notices", N_("Notices"), "mail-unread-symbolic", daftar_notices_page_get_type },
  { NULL }
};
