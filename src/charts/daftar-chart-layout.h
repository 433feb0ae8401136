/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-chart-layout.h: DaftarChart's internal state, shared by its object and layout halves. */
#pragma once

#include "daftar-chart-private.h"

G_BEGIN_DECLS

typedef struct
{
  PangoLayout      *layout;   /* owned */
  graphene_point_t  origin;   /* top-left, widget pixels */
  gboolean          muted;
} DaftarChartText;

typedef struct
{
  GPtrArray             *series;        /* owned, of DaftarChartSeries */
  char                  *title;         /* owned, nullable */
  char                  *unit;          /* owned, nullable: what the values count */
  char                  *description;   /* owned */
  DaftarChartValueFormat format;
  int                    fraction_digits;
  guint                  describe_idle;

  /* The computed layout: everything snapshot needs, in widget pixels. */
  int                    width;
  int                    height;
  gboolean               rtl;
  gboolean               laid_out;
  DaftarChartScale       scale;
  graphene_rect_t        plot;          /* physical */
  GArray                *tick_ys;       /* owned, of double */
  GArray                *marks;         /* owned, of DaftarChartMark */
  GArray                *texts;         /* owned, of DaftarChartText */
  GArray                *swatches;      /* owned, of DaftarChartMark: legend keys */
  int                    hover;         /* index into marks, or -1 */
} DaftarChartPrivate;

DaftarChartPrivate *daftar_chart_get_priv         (DaftarChart *self);
void                daftar_chart_relayout         (DaftarChart *self,
                                                   int          width,
                                                   int          height);
void                daftar_chart_clear_layout     (DaftarChart *self);
void                daftar_chart_lookup_palette   (DaftarChart        *self,
                                                   DaftarChartPalette *palette);
void                daftar_chart_snapshot_axes    (DaftarChart              *self,
                                                   GtkSnapshot              *snapshot,
                                                   const DaftarChartPalette *palette);
void                daftar_chart_snapshot_texts   (DaftarChart              *self,
                                                   GtkSnapshot              *snapshot,
                                                   const DaftarChartPalette *palette);
/* Places a prepared layout (taking it); every text of the chart goes
 * through here, which keeps it inside the widget when it fits. */
void                daftar_chart_add_layout       (DaftarChart      *self,
                                                   PangoLayout      *layout,
                                                   double            logical_x,
                                                   double            y,
                                                   DaftarChartAlign  align,
                                                   double            yalign,
                                                   gboolean          muted);
/* One line of at most @max_width pixels, ellipsized at its end if longer. */
PangoLayout        *daftar_chart_create_line_layout (DaftarChart *self,
                                                     const char  *text,
                                                     int          max_width);
int                 daftar_chart_find_mark        (DaftarChart *self,
                                                   double       x,
                                                   double       y);

G_END_DECLS
