/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-page-tiles.c: the rows of key-figure tiles the Overview and Shifts pages fill again on each load. */
#define G_LOG_DOMAIN "daftar-page"

#include "config.h"

#include "daftar-page-tiles.h"

void
daftar_page_tiles_clear (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (box))
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
      else if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        g_return_if_reached ();
    }
}

DaftarKpiTile *
daftar_page_tiles_add (GtkFlowBox             *box,
                       const char             *title,
                       double                  value,
                       DaftarChartValueFormat  format,
                       int                     digits)
{
  DaftarKpiTile *tile = DAFTAR_KPI_TILE (daftar_kpi_tile_new ());

  daftar_kpi_tile_set_title (tile, title);
  daftar_kpi_tile_set_value (tile, value, format, digits);
  gtk_flow_box_append (box, GTK_WIDGET (tile));
  return tile;
}

void
daftar_page_tiles_explain (DaftarKpiTile *tile,
                           DaftarTerm     term)
{
  g_autofree char *explanation = daftar_term_explain (term);

  daftar_kpi_tile_set_explanation (tile, explanation);
}
