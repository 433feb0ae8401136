/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-chart-layout.c: the chart widget's colours from the stylesheet, and the painter that turns a plot into GtkSnapshot nodes. */
#define G_LOG_DOMAIN "daftar-charts"

#include "config.h"

#include "daftar-chart-layout.h"

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const char      *fallback,
              GdkRGBA         *out)
{
  /* Named colours of libadwaita's stylesheet follow dark mode and high
   * contrast; the fallback only serves a bare GTK theme. */
  if (!gtk_style_context_lookup_color (context, name, out))
    gdk_rgba_parse (out, fallback);
}

void
daftar_chart_lookup_palette (DaftarChart        *self,
                             DaftarChartPalette *palette)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  /* libadwaita's palette at mid shades, which hold up on both the light and
   * the dark view background. Blue is named, not the accent, so a series
   * never looks like a selection. The first six keep their places from
   * before; the seventh is neutral, as a last "other" series usually is.
   * daftar_plot_palette_init_light () has the same colours for paper. */
  static const char * const series[DAFTAR_CHART_N_SERIES_COLORS][2] = {
    { "blue_3", "#3584e4" },
    { "green_4", "#2ec27e" },
    { "orange_3", "#ff7800" },
    { "purple_2", "#c061cb" },
    { "yellow_5", "#e5a50a" },
    { "brown_2", "#b5835a" },
    { "dark_1", "#77767b" },
    { "red_3", "#e01b24" },
  };

  gtk_style_context_get_color (context, &palette->foreground);
  lookup_color (context, "view_bg_color", "#ffffff", &palette->background);
  lookup_color (context, "accent_color", "#1c71d8", &palette->accent);
  lookup_color (context, "success_color", "#26a269", &palette->success);
  lookup_color (context, "warning_color", "#9c6e03", &palette->warning);
  lookup_color (context, "error_color", "#c01c28", &palette->error);
  for (guint i = 0; i < DAFTAR_CHART_N_SERIES_COLORS; i++)
    lookup_color (context, series[i][0], series[i][1], &palette->series[i]);

  palette->reference = palette->foreground;
  palette->reference_muted = palette->foreground;
  palette->reference_muted.alpha *= 0.55;
}

const GdkRGBA *
daftar_chart_palette_series (const DaftarChartPalette *palette,
                             guint                     series)
{
  return &palette->series[series % DAFTAR_CHART_N_SERIES_COLORS];
}

/* DaftarPlotColor and GdkRGBA are both four floats in the same order. */
G_STATIC_ASSERT (sizeof (DaftarPlotColor) == sizeof (GdkRGBA));
G_STATIC_ASSERT (G_STRUCT_OFFSET (DaftarPlotColor, alpha) == G_STRUCT_OFFSET (GdkRGBA, alpha));
G_STATIC_ASSERT (sizeof (DaftarPlotPalette) == sizeof (DaftarChartPalette));

static const GdkRGBA *
as_rgba (const DaftarPlotColor *color)
{
  return (const GdkRGBA *) (gconstpointer) color;
}

/* The painter of the screen: colour, border and text nodes, as GTK draws
 * them best; paths through a cairo node. */
typedef struct
{
  DaftarPlotPainter  painter;
  GtkSnapshot       *snapshot;
} SnapshotPainter;

static void
snapshot_fill_rect (DaftarPlotPainter     *painter,
                    const DaftarPlotColor *color,
                    const graphene_rect_t *rect)
{
  gtk_snapshot_append_color (((SnapshotPainter *) painter)->snapshot, as_rgba (color), rect);
}

static void
snapshot_outline_rect (DaftarPlotPainter     *painter,
                       const DaftarPlotColor *color,
                       const graphene_rect_t *rect,
                       double                 width)
{
  GskRoundedRect outline;
  const GdkRGBA colors[4] = { *as_rgba (color), *as_rgba (color), *as_rgba (color), *as_rgba (color) };
  const float widths[4] = { width, width, width, width };

  gsk_rounded_rect_init_from_rect (&outline, rect, 0);
  gtk_snapshot_append_border (((SnapshotPainter *) painter)->snapshot, &outline, widths, colors);
}

static void
snapshot_draw_layout (DaftarPlotPainter      *painter,
                      PangoLayout            *layout,
                      const graphene_point_t *origin,
                      const DaftarPlotColor  *color)
{
  GtkSnapshot *snapshot = ((SnapshotPainter *) painter)->snapshot;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, origin);
  gtk_snapshot_append_layout (snapshot, layout, as_rgba (color));
  gtk_snapshot_restore (snapshot);
}

static cairo_t *
snapshot_begin_cairo (DaftarPlotPainter     *painter,
                      const graphene_rect_t *bounds)
{
  return gtk_snapshot_append_cairo (((SnapshotPainter *) painter)->snapshot, bounds);
}

static void
snapshot_end_cairo (DaftarPlotPainter *painter,
                    cairo_t           *cr)
{
  cairo_destroy (cr);
}

void
daftar_chart_snapshot_plot (DaftarChart              *self,
                            GtkSnapshot              *snapshot,
                            const DaftarChartPalette *palette)
{
  SnapshotPainter painter = {
    { snapshot_fill_rect, snapshot_outline_rect, snapshot_draw_layout,
      snapshot_begin_cairo, snapshot_end_cairo },
    snapshot,
  };

  daftar_plot_paint (daftar_chart_get_plot (self), &painter.painter,
                     (const DaftarPlotPalette *) (gconstpointer) palette);
}
