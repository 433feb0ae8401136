/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-cases-page.h: the Cases dashboard — filings by kind, destination, status and staff load, and the searchable case list. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DAFTAR_TYPE_CASES_PAGE (daftar_cases_page_get_type ())
G_DECLARE_FINAL_TYPE (DaftarCasesPage, daftar_cases_page, DAFTAR, CASES_PAGE, GtkWidget)

/* Moves the keyboard focus to the case search, at the top of the page
 * (the window binds Ctrl+F). */
void            daftar_cases_page_focus_search     (DaftarCasesPage *self);
GtkSearchEntry *daftar_cases_page_get_search_entry (DaftarCasesPage *self);
/* The list the column view shows (nullable until the first load). */
GListModel     *daftar_cases_page_get_case_list    (DaftarCasesPage *self);
/* Turns from the charts to the case list. */
void            daftar_cases_page_show_list        (DaftarCasesPage *self);
/* TRUE while the list covers every date rather than the period
 * ("Search All Dates"), until the manager goes back or the period changes. */
gboolean        daftar_cases_page_get_all_dates    (DaftarCasesPage *self);

G_END_DECLS
