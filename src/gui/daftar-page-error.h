/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-page-error.h: a page's error state — why its figures could not be read, and a button to try again. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DAFTAR_TYPE_PAGE_ERROR (daftar_page_error_get_type ())
G_DECLARE_FINAL_TYPE (DaftarPageError, daftar_page_error, DAFTAR, PAGE_ERROR, GtkWidget)

/* Placed in a page's template as the "error" child of the stack given to
 * daftar_page_set_load_stack(); its button activates "page.retry". */
GtkWidget  *daftar_page_error_new             (void);

/* Says why, in the UI's language: a failed read of the database is named
 * as such, with the database's own words after it. */
void        daftar_page_error_set_error       (DaftarPageError *self,
                                               const GError    *error);
/* What the description says now, for tests. */
const char *daftar_page_error_get_description (DaftarPageError *self);

G_END_DECLS
