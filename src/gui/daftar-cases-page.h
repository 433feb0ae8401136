/* daftar-cases-page.h: the Cases dashboard — filings by kind, destination, status and staff load, and the searchable case list. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DAFTAR_TYPE_CASES_PAGE (daftar_cases_page_get_type ())
G_DECLARE_FINAL_TYPE (DaftarCasesPage, daftar_cases_page, DAFTAR, CASES_PAGE, GtkWidget)

/* Moves the keyboard focus to the case search (the window binds Ctrl+F). */
void            daftar_cases_page_focus_search     (DaftarCasesPage *self);
GtkSearchEntry *daftar_cases_page_get_search_entry (DaftarCasesPage *self);
/* The list the column view shows (nullable until the first load). */
GListModel     *daftar_cases_page_get_case_list    (DaftarCasesPage *self);

G_END_DECLS
