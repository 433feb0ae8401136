/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-cases-page-pane.h: the case list and its notices, side by side in a wide window and the notices below the list in a narrow one. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DAFTAR_TYPE_CASES_PANE (daftar_cases_pane_get_type ())
G_DECLARE_FINAL_TYPE (DaftarCasesPane, daftar_cases_pane, DAFTAR, CASES_PANE, GtkWidget)

/* Two children, added in a .ui file: the list, which takes what room is
 * left, then its side pane. At @fold-width pixels wide or more the side
 * pane stands at the list's end, @side-width wide; narrower, it goes below
 * the list, as tall as it needs up to half the height, and the list keeps
 * the rest. libadwaita 1.2 has no breakpoints: the width allocated decides,
 * in one layout pass, with no property changed during it. */
gboolean daftar_cases_pane_get_wide (DaftarCasesPane *self);

G_END_DECLS
