/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-plot-private.h: what the kinds of plot share with DaftarPlot — computed marks, texts, mirroring. */
#pragma once

#include "daftar-plot.h"

G_BEGIN_DECLS

/* One mark of the plot, in pixels, already mirrored. */
typedef struct
{
  guint            series;
  guint            index;
  graphene_rect_t  rect;     /* the bar, cell, or hover strip of a vertex */
  graphene_point_t anchor;   /* where the value sits */
} DaftarPlotMark;

typedef enum {
  DAFTAR_PLOT_ALIGN_START,    /* the text begins at x, in reading order */
  DAFTAR_PLOT_ALIGN_CENTER,
  DAFTAR_PLOT_ALIGN_END,      /* the text ends at x, in reading order */
} DaftarPlotAlign;

typedef struct
{
  PangoLayout      *layout;   /* owned */
  graphene_point_t  origin;   /* top-left, pixels */
  gboolean          muted;
} DaftarPlotText;

typedef struct
{
  GPtrArray             *series;        /* owned, of DaftarChartSeries */
  char                  *title;         /* owned, nullable */
  char                  *unit;          /* owned, nullable: what the values count */
  DaftarChartValueFormat format;
  int                    fraction_digits;

  /* The computed layout: everything painting needs, in pixels. */
  PangoContext          *context;       /* owned while laid out */
  int                    width;
  int                    height;
  gboolean               rtl;
  gboolean               laid_out;
  DaftarChartScale       scale;
  graphene_rect_t        plot;          /* physical */
  GArray                *tick_ys;       /* owned, of double */
  GArray                *marks;         /* owned, of DaftarPlotMark */
  GArray                *texts;         /* owned, of DaftarPlotText */
  GArray                *swatches;      /* owned, of DaftarPlotMark: legend keys */
  int                    hover;         /* index into marks, or -1 */
} DaftarPlotPrivate;

DaftarPlotPrivate *daftar_plot_get_priv (DaftarPlot *self);

/* Data or options changed: lay out and describe again. */
void     daftar_plot_invalidate        (DaftarPlot            *self);
void     daftar_plot_clear_layout      (DaftarPlot            *self);

/* The one place where logical x (from the start edge) becomes a pixel x. */
double   daftar_plot_flip_x            (DaftarPlot            *self,
                                        double                 logical_x);
void     daftar_plot_flip_rect         (DaftarPlot            *self,
                                        const graphene_rect_t *logical,
                                        graphene_rect_t       *out);
double   daftar_plot_y_for_value       (DaftarPlot            *self,
                                        double                 value);
PangoLayout *daftar_plot_create_layout (DaftarPlot            *self,
                                        const char            *text);
void     daftar_plot_measure_text      (DaftarPlot            *self,
                                        const char            *text,
                                        int                   *out_width,
                                        int                   *out_height);
void     daftar_plot_add_mark          (DaftarPlot            *self,
                                        guint                  series,
                                        guint                  index,
                                        const graphene_rect_t *logical_rect,
                                        double                 anchor_logical_x,
                                        double                 anchor_y);
/* @yalign: 0 puts the top of the text at @y, 0.5 its middle, 1 its bottom. */
void     daftar_plot_add_text          (DaftarPlot            *self,
                                        const char            *text,
                                        double                 logical_x,
                                        double                 y,
                                        DaftarPlotAlign        align,
                                        double                 yalign,
                                        gboolean               muted);
/* As daftar_plot_add_text, wrapped at words to @wrap_width pixels in at
 * most @max_lines lines, the last carrying the rest of the text; a line
 * still wider than @max_width (one long word) is ellipsized to it: for
 * category names under bars. */
void     daftar_plot_add_text_wrapped  (DaftarPlot            *self,
                                        const char            *text,
                                        double                 logical_x,
                                        double                 y,
                                        DaftarPlotAlign        align,
                                        double                 yalign,
                                        gboolean               muted,
                                        int                    wrap_width,
                                        int                    max_width,
                                        int                    max_lines);
/* The widest line of @text as daftar_plot_add_text_wrapped breaks it. */
int      daftar_plot_measure_wrapped   (DaftarPlot            *self,
                                        const char            *text,
                                        int                    wrap_width,
                                        int                    max_lines);
/* How many labels of @max_width fit in bands of @band pixels: show one in @stride. */
guint    daftar_plot_label_stride      (double                 band,
                                        int                    max_width);
/* Places a prepared layout (taking it); every text of the chart goes
 * through here, which keeps it inside the box when it fits. */
void     daftar_plot_add_layout        (DaftarPlot      *self,
                                        PangoLayout     *layout,
                                        double           logical_x,
                                        double           y,
                                        DaftarPlotAlign  align,
                                        double           yalign,
                                        gboolean         muted);
/* One line of at most @max_width pixels, ellipsized at its end if longer. */
PangoLayout *daftar_plot_create_line_layout (DaftarPlot *self,
                                             const char *text,
                                             int         max_width);

const DaftarPlotMark *daftar_plot_get_marks      (DaftarPlot *self,
                                                  guint      *n_marks);
/* The hovered mark, or NULL. */
const DaftarPlotMark *daftar_plot_get_hover_mark (DaftarPlot *self);

/* Appends "lowest … (label), highest … (label)" of @series to @description. */
void     daftar_plot_describe_extremes (DaftarPlot            *self,
                                        DaftarChartSeries     *series,
                                        GString               *description);

G_END_DECLS
