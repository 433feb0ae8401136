/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-chart-layout.h: the chart widget's colours from the stylesheet, and its painter of GtkSnapshot nodes. */
#pragma once

#include "daftar-chart-private.h"

G_BEGIN_DECLS

void daftar_chart_lookup_palette (DaftarChart        *self,
                                  DaftarChartPalette *palette);
/* Paints the plot of @self into @snapshot in the colours of @palette. */
void daftar_chart_snapshot_plot  (DaftarChart              *self,
                                  GtkSnapshot              *snapshot,
                                  const DaftarChartPalette *palette);

G_END_DECLS
