/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-chart-private.h: what the chart widgets share — the stylesheet's palette, and the drawn texts for tests. */
#pragma once

#include "daftar-chart.h"

G_BEGIN_DECLS

#define DAFTAR_CHART_N_SERIES_COLORS DAFTAR_PLOT_N_SERIES_COLORS

struct _DaftarChartPalette
{
  GdkRGBA foreground;   /* the widget's current text colour: text, axes */
  GdkRGBA background;   /* view background, for gaps drawn over marks */
  GdkRGBA accent;
  GdkRGBA success;
  GdkRGBA warning;
  GdkRGBA error;
  /* Reference lines (a target, a baseline) are drawn in the text colour, so
   * they can never be mistaken for a series, whatever the series' hues. */
  GdkRGBA reference;
  GdkRGBA reference_muted;
  GdkRGBA series[DAFTAR_CHART_N_SERIES_COLORS];
};

/* Data or options changed: lay out and describe again. */
void           daftar_chart_invalidate      (DaftarChart              *self);
const GdkRGBA *daftar_chart_palette_series  (const DaftarChartPalette *palette,
                                             guint                     series);

/* The texts the chart draws, in order (legend, unit, ticks, then the plot's), for
 * tests: text @index and its logical rectangle in widget pixels, or NULL
 * past the last. */
const char    *daftar_chart_get_text        (DaftarChart              *self,
                                             guint                     index,
                                             graphene_rect_t          *out_rect);

G_END_DECLS
