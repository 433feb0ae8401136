/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-page-tiles.h: the rows of key-figure tiles the Overview and Shifts pages fill again on each load. */
#pragma once

#include <gtk/gtk.h>

#include "daftar-kpi-tile.h"
#include "daftar-terms.h"

G_BEGIN_DECLS

/* Empties a GtkFlowBox or GtkListBox of what the last load put there. */
void           daftar_page_tiles_clear   (GtkWidget              *box);

/* A tile for @value appended to @box. */
DaftarKpiTile *daftar_page_tiles_add     (GtkFlowBox             *box,
                                          const char             *title,
                                          double                  value,
                                          DaftarChartValueFormat  format,
                                          int                     digits);

/* What @term means, as @tile's tooltip. */
void           daftar_page_tiles_explain (DaftarKpiTile          *tile,
                                          DaftarTerm              term);

G_END_DECLS
