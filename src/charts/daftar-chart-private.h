/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-chart-private.h: what chart subclasses share with DaftarChart — computed marks, texts and colours. */
#pragma once

#include "daftar-chart.h"

G_BEGIN_DECLS

#define DAFTAR_CHART_N_SERIES_COLORS 8

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

/* One mark of the plot, in widget pixels, already mirrored. */
typedef struct
{
  guint            series;
  guint            index;
  graphene_rect_t  rect;     /* the bar, cell, or hover strip of a vertex */
  graphene_point_t anchor;   /* where the value sits */
} DaftarChartMark;

typedef enum {
  DAFTAR_CHART_ALIGN_START,    /* the text begins at x, in reading order */
  DAFTAR_CHART_ALIGN_CENTER,
  DAFTAR_CHART_ALIGN_END,      /* the text ends at x, in reading order */
} DaftarChartAlign;

/* Data or options changed: lay out and describe again. */
void     daftar_chart_invalidate        (DaftarChart           *self);

/* The one place where logical x (from the start edge) becomes a pixel x. */
double   daftar_chart_flip_x            (DaftarChart           *self,
                                         double                 logical_x);
void     daftar_chart_flip_rect         (DaftarChart           *self,
                                         const graphene_rect_t *logical,
                                         graphene_rect_t       *out);
double   daftar_chart_y_for_value       (DaftarChart           *self,
                                         double                 value);
void     daftar_chart_measure_text      (DaftarChart           *self,
                                         const char            *text,
                                         int                   *out_width,
                                         int                   *out_height);
void     daftar_chart_add_mark          (DaftarChart           *self,
                                         guint                  series,
                                         guint                  index,
                                         const graphene_rect_t *logical_rect,
                                         double                 anchor_logical_x,
                                         double                 anchor_y);
/* @yalign: 0 puts the top of the text at @y, 0.5 its middle, 1 its bottom. */
void     daftar_chart_add_text          (DaftarChart           *self,
                                         const char            *text,
                                         double                 logical_x,
                                         double                 y,
                                         DaftarChartAlign       align,
                                         double                 yalign,
                                         gboolean               muted);
/* As daftar_chart_add_text, wrapped at words to @wrap_width pixels in at
 * most @max_lines lines, the last carrying the rest of the text; a line
 * still wider than @max_width (one long word) is ellipsized to it: for
 * category names under bars. */
void     daftar_chart_add_text_wrapped  (DaftarChart           *self,
                                         const char            *text,
                                         double                 logical_x,
                                         double                 y,
                                         DaftarChartAlign       align,
                                         double                 yalign,
                                         gboolean               muted,
                                         int                    wrap_width,
                                         int                    max_width,
                                         int                    max_lines);
/* The widest line of @text as daftar_chart_add_text_wrapped breaks it. */
int      daftar_chart_measure_wrapped   (DaftarChart           *self,
                                         const char            *text,
                                         int                    wrap_width,
                                         int                    max_lines);
/* How many labels of @max_width fit in bands of @band pixels: show one in @stride. */
guint    daftar_chart_label_stride      (double                 band,
                                         int                    max_width);

const DaftarChartMark *daftar_chart_get_marks      (DaftarChart *self,
                                                    guint       *n_marks);
/* The hovered mark, or NULL. */
const DaftarChartMark *daftar_chart_get_hover_mark (DaftarChart *self);

const GdkRGBA *daftar_chart_palette_series (const DaftarChartPalette *palette,
                                            guint                     series);

/* The texts the chart draws, in order (legend, unit, ticks, then the plot's), for
 * tests: text @index and its logical rectangle in widget pixels, or NULL
 * past the last. */
const char *daftar_chart_get_text       (DaftarChart           *self,
                                         guint                  index,
                                         graphene_rect_t       *out_rect);

/* Appends "lowest … (label), highest … (label)" of @series to @description. */
void     daftar_chart_describe_extremes (DaftarChart           *self,
                                         DaftarChartSeries     *series,
                                         GString               *description);

G_END_DECLS
