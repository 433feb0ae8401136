/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-kpi-tile.h: one key figure — its value, its change from the previous period, and its standard. */
#pragma once

#include <gtk/gtk.h>

#include "daftar-chart-scale.h"

G_BEGIN_DECLS

typedef enum {
  DAFTAR_KPI_STATUS_NONE,       /* no standard applies */
  DAFTAR_KPI_STATUS_MET,
  DAFTAR_KPI_STATUS_BREACHED,
} DaftarKpiStatus;

#define DAFTAR_TYPE_KPI_STATUS (daftar_kpi_status_get_type ())
GType daftar_kpi_status_get_type (void);

#define DAFTAR_TYPE_KPI_TILE (daftar_kpi_tile_get_type ())
G_DECLARE_FINAL_TYPE (DaftarKpiTile, daftar_kpi_tile, DAFTAR, KPI_TILE, GtkWidget)

/* A tile is no Tab stop. Put in a GtkFlowBox, it makes the box take no
 * focus: tiles get a flow box of their own, without buttons beside them. */
GtkWidget      *daftar_kpi_tile_new                  (void);
const char     *daftar_kpi_tile_get_title            (DaftarKpiTile          *self);
void            daftar_kpi_tile_set_title            (DaftarKpiTile          *self,
                                                      const char             *title);
/* The figure, formatted through daftar-format as @format says. */
void            daftar_kpi_tile_set_value            (DaftarKpiTile          *self,
                                                      double                  value,
                                                      DaftarChartValueFormat  format,
                                                      int                     fraction_digits);
/* The same figure in the previous period; NaN (or 0, which has no ratio) hides the comparison. */
void            daftar_kpi_tile_set_previous         (DaftarKpiTile          *self,
                                                      double                  previous);
/* Whether a rise is good news (served tickets) or bad (waiting time). */
gboolean        daftar_kpi_tile_get_higher_is_better (DaftarKpiTile          *self);
void            daftar_kpi_tile_set_higher_is_better (DaftarKpiTile          *self,
                                                      gboolean                higher_is_better);
/* @standard is the standard as text, e.g. "target 90%" (nullable). */
void            daftar_kpi_tile_set_status           (DaftarKpiTile          *self,
                                                      DaftarKpiStatus         status,
                                                      const char             *standard);
DaftarKpiStatus daftar_kpi_tile_get_status           (DaftarKpiTile          *self);
/* What the figure means («صدک ۹۰: …»), as the tile's tooltip and at the end
 * of its text alternative; nullable. */
void            daftar_kpi_tile_set_explanation      (DaftarKpiTile          *self,
                                                      const char             *explanation);
const char     *daftar_kpi_tile_get_explanation      (DaftarKpiTile          *self);
/* The text alternative, also set as the accessible description. */
const char     *daftar_kpi_tile_get_description      (DaftarKpiTile          *self);

G_END_DECLS
