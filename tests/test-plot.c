/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-plot.c: charts laid out and drawn onto cairo without GTK or a display, as documents draw them. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "daftar-bar-plot.h"
#include "daftar-heatmap-plot.h"
#include "daftar-line-plot.h"

#define WIDTH 400
#define HEIGHT 300

static PangoContext *
paper_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Vazirmatn 10");

  pango_context_set_font_description (context, font);
  return context;
}

static DaftarChartSeries *
make_series (const char *name,
             guint       n,
             double      scale)
{
  DaftarChartSeries *series = daftar_chart_series_new (name);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("k%u", i);

      daftar_chart_series_append_category (series, i, label, scale * (i + 1));
    }
  return series;
}

/* Pixels that are not the white page. */
static guint
count_ink (cairo_surface_t *surface)
{
  unsigned char *data;
  int stride;
  guint ink = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      if (((guint32 *) (gpointer) (data + y * stride))[x] != 0xffffffff)
        ink++;
  return ink;
}

static guint
draw (DaftarPlot *plot,
      gboolean    rtl)
{
  PangoContext *context = paper_context ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  DaftarPlotPalette palette;
  guint ink;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  daftar_plot_palette_init_light (&palette);
  daftar_plot_draw (plot, cr, context, rtl, WIDTH, HEIGHT, &palette);
  cairo_destroy (cr);
  ink = count_ink (surface);
  cairo_surface_destroy (surface);
  g_object_unref (context);
  return ink;
}

static void
test_bars_headless (void)
{
  g_autoptr(DaftarPlot) plot = daftar_bar_plot_new ();
  g_autoptr(DaftarChartSeries) series = make_series ("filed", 5, 10);
  graphene_point_t first_ltr, first_rtl;
  guint ink;

  daftar_plot_add_series (plot, series);
  ink = draw (plot, FALSE);
  /* Five bars and their axis are drawn: a good part of the box is inked. */
  g_assert_cmpuint (ink, >, WIDTH * HEIGHT / 20);
  g_assert_true (daftar_plot_is_laid_out (plot));
  g_assert_true (daftar_plot_get_point_position (plot, 0, 0, &first_ltr));

  /* Right to left mirrors the chart: the first bar is at the right. */
  draw (plot, TRUE);
  g_assert_true (daftar_plot_get_point_position (plot, 0, 0, &first_rtl));
  g_assert_cmpfloat (first_ltr.x, <, WIDTH / 2.0);
  g_assert_cmpfloat (first_rtl.x, >, WIDTH / 2.0);
  g_assert_cmpfloat_with_epsilon (first_ltr.x, WIDTH - first_rtl.x, 1);
}

static void
test_line_and_heatmap_headless (void)
{
  g_autoptr(DaftarPlot) line = daftar_line_plot_new ();
  g_autoptr(DaftarPlot) heatmap = daftar_heatmap_plot_new ();
  g_autoptr(DaftarChartSeries) series = make_series ("rate", 12, 0.05);

  daftar_plot_set_value_format (line, DAFTAR_CHART_VALUE_PERCENT);
  daftar_plot_add_series (line, series);
  daftar_line_plot_set_target (DAFTAR_LINE_PLOT (line), 0.9, "target");
  g_assert_cmpuint (draw (line, TRUE), >, 1000);
  g_assert_nonnull (daftar_plot_get_text (line, 0, &(graphene_rect_t) { 0 }));

  daftar_heatmap_plot_set_value (DAFTAR_HEATMAP_PLOT (heatmap), G_DATE_SATURDAY, 9, 12);
  g_assert_cmpuint (draw (heatmap, TRUE), >, 1000);
}

/* An empty plot draws its axis and nothing breaks. */
static void
test_empty_headless (void)
{
  g_autoptr(DaftarPlot) plot = daftar_bar_plot_new ();
  g_autofree char *description = NULL;

  draw (plot, TRUE);
  g_assert_true (daftar_plot_is_laid_out (plot));
  description = daftar_plot_describe (plot);
  g_assert_nonnull (description);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plot/bars-headless", test_bars_headless);
  g_test_add_func ("/plot/line-heatmap-headless", test_line_and_heatmap_headless);
  g_test_add_func ("/plot/empty-headless", test_empty_headless);

  return g_test_run ();
}
