/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-charts.c: chart scales, right-to-left layout, descriptions, tables, and real rendering under Xvfb. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "daftar-charts.h"
#include "daftar-chart-layout.h"
#include "daftar-format.h"
#include "daftar-test-gtk.h"

#define WIDTH 400
#define HEIGHT 300

static gboolean
is_one_two_five (double step)
{
  double mantissa = step / pow (10, floor (log10 (step)));

  return fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 || fabs (mantissa - 5) < 1e-9;
}

static void
test_scale_nice_step (void)
{
  g_assert_cmpfloat_with_epsilon (daftar_chart_nice_step (0.13), 0.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (daftar_chart_nice_step (3), 5, 1e-12);
  g_assert_cmpfloat_with_epsilon (daftar_chart_nice_step (7), 10, 1e-12);
  g_assert_cmpfloat_with_epsilon (daftar_chart_nice_step (1), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (daftar_chart_nice_step (0.25), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (daftar_chart_nice_step (1200), 2000, 1e-9);
}

static void
test_scale_covers (void)
{
  const double values[] = { 3, 47, 12, 0.5 };
  DaftarChartScale scale;

  g_assert_true (daftar_chart_scale_compute (&scale, values, G_N_ELEMENTS (values), TRUE, TRUE, 6));
  g_assert_cmpfloat (scale.min, <=, 0);
  g_assert_cmpfloat (scale.max, >=, 47);
  g_assert_cmpuint (scale.n_ticks, <=, 6);
  g_assert_cmpuint (scale.n_ticks, >=, 2);
  g_assert_true (is_one_two_five (scale.step));
  g_assert_cmpfloat_with_epsilon (daftar_chart_scale_tick (&scale, scale.n_ticks - 1), scale.max, 1e-9);
  /* Values map to 0..1 linearly: the ends to the ends. */
  g_assert_cmpfloat_with_epsilon (daftar_chart_scale_position (&scale, scale.min), 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (daftar_chart_scale_position (&scale, scale.max), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (daftar_chart_scale_position (&scale, 47), (47 - scale.min) / (scale.max - scale.min), 1e-12);
  /* 47 is not squeezed against the top by a needlessly wide axis. */
  g_assert_cmpfloat (scale.max, <, 47 + 2 * scale.step);
}

static void
test_scale_rates (void)
{
  const double rates[] = { 0.913, 0.921, 0.94, 0.9 };
  DaftarChartScale scale;

  g_assert_true (daftar_chart_scale_compute (&scale, rates, G_N_ELEMENTS (rates), FALSE, FALSE, 5));
  g_assert_cmpfloat (scale.min, <=, 0.9);
  g_assert_cmpfloat (scale.min, >, 0.5);   /* not flattened against zero */
  g_assert_cmpfloat (scale.max, >=, 0.94);
  g_assert_true (is_one_two_five (scale.step));
  g_assert_cmpint (daftar_chart_value_digits (DAFTAR_CHART_VALUE_PERCENT, scale.step), ==, 0);
  g_assert_cmpint (daftar_chart_value_digits (DAFTAR_CHART_VALUE_PERCENT, 0.005), ==, 1);
  g_assert_cmpint (daftar_chart_value_digits (DAFTAR_CHART_VALUE_DECIMAL, 0.2), ==, 1);
  g_assert_cmpint (daftar_chart_value_digits (DAFTAR_CHART_VALUE_INTEGER, 0.2), ==, 0);
}

static void
test_scale_zero_series (void)
{
  const double zeros[] = { 0, 0, 0 };
  const double constant[] = { 7, 7 };
  DaftarChartScale scale;

  g_assert_true (daftar_chart_scale_compute (&scale, zeros, G_N_ELEMENTS (zeros), TRUE, TRUE, 5));
  g_assert_cmpfloat (scale.min, <=, 0);
  g_assert_cmpfloat (scale.max, >, scale.min);
  g_assert_true (isfinite (daftar_chart_scale_position (&scale, 0)));

  g_assert_true (daftar_chart_scale_compute (&scale, constant, G_N_ELEMENTS (constant), FALSE, TRUE, 5));
  g_assert_cmpfloat (scale.min, <, 7);
  g_assert_cmpfloat (scale.max, >, 7);

  g_assert_false (daftar_chart_scale_compute (&scale, NULL, 0, TRUE, FALSE, 5));
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, ==, 1);
}

static void
test_scale_negative_nan (void)
{
  const double values[] = { -5, NAN, 12, INFINITY, -INFINITY };
  const double only_nan[] = { NAN, NAN };
  DaftarChartScale scale;

  g_assert_true (daftar_chart_scale_compute (&scale, values, G_N_ELEMENTS (values), TRUE, TRUE, 6));
  g_assert_cmpfloat (scale.min, <=, -5);
  g_assert_cmpfloat (scale.max, >=, 12);
  g_assert_true (isfinite (scale.min) && isfinite (scale.max));
  g_assert_cmpfloat (daftar_chart_scale_position (&scale, 0), >, 0);
  g_assert_cmpfloat (daftar_chart_scale_position (&scale, 0), <, 1);
  for (guint i = 0; i < scale.n_ticks; i++)
    g_assert_false (signbit (daftar_chart_scale_tick (&scale, i)) && daftar_chart_scale_tick (&scale, i) == 0);

  g_assert_false (daftar_chart_scale_compute (&scale, only_nan, G_N_ELEMENTS (only_nan), TRUE, TRUE, 6));
  g_assert_cmpfloat (scale.max, >, scale.min);
}

static DaftarChartSeries *
make_days_series (const char   *name,
                  const double *values,
                  guint         n)
{
  DaftarChartSeries *series = daftar_chart_series_new (name);
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 18, G_DATE_OCTOBER, 2026);   /* a Sunday; weeks by label */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = daftar_format_date_short (&day);

      daftar_chart_series_append_day (series, &day, label, values[i]);
      g_date_add_days (&day, 7);
    }
  return series;
}

static DaftarChartSeries *
make_category_series (const char   *name,
                      const double *values,
                      guint         n)
{
  static const char * const kinds[] = { N_("Petition"), N_("Brief"), N_("Protest"), N_("Complaint"), N_("Sana registration"), N_("Other") };
  DaftarChartSeries *series = daftar_chart_series_new (name);

  for (guint i = 0; i < n; i++)
    daftar_chart_series_append_category (series, i, _(kinds[i % G_N_ELEMENTS (kinds)]), values[i]);
  return series;
}

static void
allocate (GtkWidget *widget)
{
  int min, nat;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, WIDTH, &min, &nat, NULL, NULL);
  gtk_widget_allocate (widget, WIDTH, HEIGHT, -1, NULL);
}

static void
check_mirrored (GtkWidget *chart)
{
  graphene_point_t ltr_first, rtl_first, ltr_last, rtl_last;
  graphene_rect_t ltr_plot, rtl_plot;
  DaftarChartSeries *series = daftar_chart_get_series (DAFTAR_CHART (chart), 0);
  guint last = daftar_chart_series_get_n_points (series) - 1;

  gtk_widget_set_direction (chart, GTK_TEXT_DIR_LTR);
  allocate (chart);
  g_assert_true (daftar_chart_get_point_position (DAFTAR_CHART (chart), 0, 0, &ltr_first));
  g_assert_true (daftar_chart_get_point_position (DAFTAR_CHART (chart), 0, last, &ltr_last));
  g_assert_true (daftar_chart_get_plot_area (DAFTAR_CHART (chart), &ltr_plot));
  /* Time runs left to right in LTR. */
  g_assert_cmpfloat (ltr_first.x, <, ltr_last.x);

  gtk_widget_set_direction (chart, GTK_TEXT_DIR_RTL);
  allocate (chart);
  g_assert_true (daftar_chart_get_point_position (DAFTAR_CHART (chart), 0, 0, &rtl_first));
  g_assert_true (daftar_chart_get_point_position (DAFTAR_CHART (chart), 0, last, &rtl_last));
  g_assert_true (daftar_chart_get_plot_area (DAFTAR_CHART (chart), &rtl_plot));

  g_assert_cmpfloat_with_epsilon (rtl_first.x, WIDTH - ltr_first.x, 1e-6);
  g_assert_cmpfloat_with_epsilon (rtl_first.y, ltr_first.y, 1e-6);
  g_assert_cmpfloat (rtl_first.x, >, rtl_last.x);
  /* The value axis stands on the right: the plot leaves its room there. */
  g_assert_cmpfloat (ltr_plot.origin.x, >, WIDTH - (ltr_plot.origin.x + ltr_plot.size.width));
  g_assert_cmpfloat_with_epsilon (rtl_plot.origin.x, WIDTH - (ltr_plot.origin.x + ltr_plot.size.width), 1e-6);
}

static void
test_layout_rtl (void)
{
  const double rates[] = { 0.91, 0.93, NAN, 0.94, 0.92 };
  const double counts[] = { 12, 30, 7, 18 };
  GtkWidget *line = g_object_ref_sink (daftar_line_chart_new ());
  GtkWidget *bars = g_object_ref_sink (daftar_bar_chart_new ());
  g_autoptr(DaftarChartSeries) rate_series = make_days_series (NULL, rates, G_N_ELEMENTS (rates));
  g_autoptr(DaftarChartSeries) count_series = make_category_series (NULL, counts, G_N_ELEMENTS (counts));
  graphene_point_t p;

  daftar_chart_set_value_format (DAFTAR_CHART (line), DAFTAR_CHART_VALUE_PERCENT);
  daftar_chart_set_series (DAFTAR_CHART (line), rate_series);
  daftar_line_chart_set_target (DAFTAR_LINE_CHART (line), 0.9, _("Target"));
  check_mirrored (line);
  /* A NaN point has no mark, and its neighbours still do. */
  g_assert_false (daftar_chart_get_point_position (DAFTAR_CHART (line), 0, 2, &p));
  g_assert_true (daftar_chart_get_point_position (DAFTAR_CHART (line), 0, 3, &p));

  daftar_chart_set_series (DAFTAR_CHART (bars), count_series);
  check_mirrored (bars);

  g_assert_finalize_object (line);
  g_assert_finalize_object (bars);
}

static void
test_bar_heights (void)
{
  const double counts[] = { 10, 20, -5 };
  GtkWidget *bars = g_object_ref_sink (daftar_bar_chart_new ());
  g_autoptr(DaftarChartSeries) series = make_category_series (NULL, counts, G_N_ELEMENTS (counts));
  graphene_point_t ten, twenty, minus;
  graphene_rect_t plot;
  DaftarChartScale scale;
  double zero_y;
  g_autofree char *tooltip = NULL;
  g_autofree char *twenty_text = daftar_format_int (20);

  daftar_chart_set_series (DAFTAR_CHART (bars), series);
  allocate (bars);
  daftar_chart_get_scale (DAFTAR_CHART (bars), &scale);
  daftar_chart_get_plot_area (DAFTAR_CHART (bars), &plot);
  g_assert_cmpfloat (scale.min, <=, -5);
  g_assert_cmpfloat (scale.max, >=, 20);

  g_assert_true (daftar_chart_get_point_position (DAFTAR_CHART (bars), 0, 0, &ten));
  g_assert_true (daftar_chart_get_point_position (DAFTAR_CHART (bars), 0, 1, &twenty));
  g_assert_true (daftar_chart_get_point_position (DAFTAR_CHART (bars), 0, 2, &minus));
  zero_y = plot.origin.y + plot.size.height * (1 - daftar_chart_scale_position (&scale, 0));
  /* Heights from the zero line are proportional to the values; -5 hangs below it. */
  g_assert_cmpfloat_with_epsilon ((zero_y - twenty.y) / (zero_y - ten.y), 2.0, 1e-6);
  g_assert_cmpfloat (minus.y, >, zero_y);

  /* Hovering the bar names its exact value, formatted. */
  tooltip = daftar_chart_get_tooltip_at (DAFTAR_CHART (bars), twenty.x, twenty.y + 2);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, twenty_text));
  g_assert_null (daftar_chart_get_tooltip_at (DAFTAR_CHART (bars), 1, 1));

  g_assert_finalize_object (bars);
}

#define NARROW 260

static void
allocate_at (GtkWidget        *widget,
             int               width,
             GtkTextDirection  direction)
{
  int min, nat;

  gtk_widget_set_direction (widget, direction);
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  gtk_widget_allocate (widget, width, HEIGHT, -1, NULL);
}

/* Every text the chart draws lies inside its allocation: nothing spills over
 * a neighbouring chart. Returns how many texts there are. */
static guint
check_texts_inside (DaftarChart *chart,
                    int          width)
{
  graphene_rect_t rect;
  guint n = 0;

  while (daftar_chart_get_text (chart, n, &rect) != NULL)
    {
      g_assert_cmpfloat (rect.origin.x, >=, -0.5);
      g_assert_cmpfloat (rect.origin.x + rect.size.width, <=, width + 0.5);
      g_assert_cmpfloat (rect.origin.y, >=, -0.5);
      g_assert_cmpfloat (rect.origin.y + rect.size.height, <=, HEIGHT + 0.5);
      n++;
    }
  return n;
}

static void
test_legend_wraps (void)
{
  /* Long names, one longer than the whole chart is wide. */
  static const char * const names[] = {
    "Petitions filed through the office",
    "Briefs and written submissions",
    "Protests against default judgements",
    "درخواست‌های اجرای احکام مدنی",
    "Complaints",
    "Other filings",
    "ثبت‌نام در سامانه ثنا برای اشخاص حقیقی و حقوقی و وکلای دادگستری",
  };
  const GtkTextDirection directions[] = { GTK_TEXT_DIR_LTR, GTK_TEXT_DIR_RTL };
  GtkWidget *chart = g_object_ref_sink (daftar_stacked_bar_chart_new ());
  double values[30];

  for (guint s = 0; s < G_N_ELEMENTS (names); s++)
    {
      g_autoptr(DaftarChartSeries) series = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        values[i] = 10 + (i * 7 + s * 13) % 40;
      series = make_days_series (names[s], values, G_N_ELEMENTS (values));
      daftar_chart_add_series (DAFTAR_CHART (chart), series);
    }

  for (guint d = 0; d < G_N_ELEMENTS (directions); d++)
    {
      gboolean rtl = directions[d] == GTK_TEXT_DIR_RTL;
      graphene_rect_t plot, legend[G_N_ELEMENTS (names)];
      guint rows = 1;

      allocate_at (chart, NARROW, directions[d]);
      g_assert_true (daftar_chart_get_plot_area (DAFTAR_CHART (chart), &plot));
      g_assert_cmpuint (check_texts_inside (DAFTAR_CHART (chart), NARROW), >, G_N_ELEMENTS (names));

      /* The legend comes first, one text a series, wrapped onto several
       * rows, all above the plot, none over another. */
      for (guint s = 0; s < G_N_ELEMENTS (names); s++)
        {
          g_assert_nonnull (daftar_chart_get_text (DAFTAR_CHART (chart), s, &legend[s]));
          g_assert_cmpfloat (legend[s].origin.y + legend[s].size.height, <=, plot.origin.y);
          for (guint t = 0; t < s; t++)
            g_assert_false (graphene_rect_intersection (&legend[s], &legend[t], NULL));
        }
      for (guint s = 1; s < G_N_ELEMENTS (names); s++)
        if (legend[s].origin.y > legend[s - 1].origin.y)
          rows++;
      g_test_message ("%s: legend in %u rows, plot %.0f px high", rtl ? "RTL" : "LTR", rows, plot.size.height);
      g_assert_cmpuint (rows, >=, 3);
      /* Whatever the legend takes, a plot is left. */
      g_assert_cmpfloat (plot.size.height, >, HEIGHT / 4.0);

      /* Rows flow from the start edge: "Complaints" and "Other filings"
       * share a row, the first on the left in LTR, on the right in RTL, and
       * every row starts at the same edge. */
      g_assert_cmpfloat_with_epsilon (legend[4].origin.y, legend[5].origin.y, 0.5);
      g_assert_cmpfloat (legend[3].origin.y, <, legend[4].origin.y);
      if (rtl)
        {
          g_assert_cmpfloat (legend[4].origin.x, >, legend[5].origin.x + legend[5].size.width - 0.5);
          g_assert_cmpfloat_with_epsilon (legend[4].origin.x + legend[4].size.width,
                                          legend[0].origin.x + legend[0].size.width, 0.5);
        }
      else
        {
          g_assert_cmpfloat (legend[4].origin.x + legend[4].size.width, <, legend[5].origin.x + 0.5);
          g_assert_cmpfloat_with_epsilon (legend[4].origin.x, legend[0].origin.x, 0.5);
        }
    }

  g_assert_finalize_object (chart);
}

/* A word of a category label is never cut: every line drawn under the bars
 * is made of whole words of the names. */
static void
check_whole_words (const char * const *names,
                   guint               n_names,
                   const char         *line)
{
  g_auto(GStrv) words = g_strsplit (line, " ", -1);

  for (guint w = 0; words[w] != NULL; w++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < n_names && !found; i++)
        {
          g_auto(GStrv) name_words = g_strsplit (names[i], " ", -1);

          found = g_strv_contains ((const char * const *) name_words, words[w]);
        }
      g_assert_true (found);
    }
}

static void
test_category_labels (void)
{
  static const char * const names[] = {
    "یزد", "هرمزگان", "خراسان رضوی", "Kohgiluyeh and Boyer-Ahmad",
    "Chaharmahal and Bakhtiari", "کهگیلویه و بویراحمد", "Qom", "سیستان و بلوچستان",
  };
  const GtkTextDirection directions[] = { GTK_TEXT_DIR_LTR, GTK_TEXT_DIR_RTL };
  GtkWidget *chart = g_object_ref_sink (daftar_bar_chart_new ());
  g_autoptr(DaftarChartSeries) series = daftar_chart_series_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    daftar_chart_series_append_category (series, i, names[i], 100.0 / (i + 1));
  daftar_chart_set_series (DAFTAR_CHART (chart), series);

  for (guint d = 0; d < G_N_ELEMENTS (directions); d++)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      graphene_rect_t plot, rect;
      const char *text;
      double band;
      guint n;

      allocate_at (chart, NARROW, directions[d]);
      g_assert_true (daftar_chart_get_plot_area (DAFTAR_CHART (chart), &plot));
      n = check_texts_inside (DAFTAR_CHART (chart), NARROW);
      band = plot.size.width / G_N_ELEMENTS (names);

      for (guint i = 0; i < n; i++)
        {
          text = daftar_chart_get_text (DAFTAR_CHART (chart), i, &rect);
          if (rect.origin.y < plot.origin.y + plot.size.height)
            continue;   /* a tick label */
          check_whole_words (names, G_N_ELEMENTS (names), text);
          /* A long word takes at most the room its neighbours leave, and is
           * ellipsized beyond it (no two labels overlap: checked below). */
          g_assert_cmpfloat (rect.size.width, <=, 2 * band);
          g_ptr_array_add (labels, g_memdup2 (&rect, sizeof rect));
        }
      /* Every name is shown, in at most two lines each. */
      g_assert_cmpuint (labels->len, >=, G_N_ELEMENTS (names));
      g_assert_cmpuint (labels->len, <=, 2 * G_N_ELEMENTS (names));
      for (guint i = 0; i < labels->len; i++)
        for (guint j = 0; j < i; j++)
          g_assert_false (graphene_rect_intersection (g_ptr_array_index (labels, i),
                                                      g_ptr_array_index (labels, j), NULL));
    }

  g_assert_finalize_object (chart);
}

static void
check_palette (DaftarChart *chart)
{
  DaftarChartPalette palette;

  daftar_chart_lookup_palette (chart, &palette);
  for (guint i = 0; i < 8; i++)
    {
      const GdkRGBA *a = daftar_chart_palette_series (&palette, i);

      g_assert_cmpfloat (a->alpha, ==, 1);
      /* Reference lines never share a series' colour. */
      g_assert_false (gdk_rgba_equal (a, &palette.reference));
      g_assert_false (gdk_rgba_equal (a, &palette.reference_muted));
      for (guint j = 0; j < i; j++)
        {
          const GdkRGBA *b = daftar_chart_palette_series (&palette, j);
          double distance = sqrt ((a->red - b->red) * (a->red - b->red) +
                                  (a->green - b->green) * (a->green - b->green) +
                                  (a->blue - b->blue) * (a->blue - b->blue));

          /* Not merely different: far enough apart to tell in a stack. */
          g_assert_cmpfloat (distance, >, 0.15);
        }
    }
  g_assert_false (gdk_rgba_equal (&palette.reference, &palette.reference_muted));
}

static void
test_palette (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = daftar_line_chart_new ();

  g_object_ref (window);
  gtk_window_set_child (GTK_WINDOW (window), chart);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  check_palette (DAFTAR_CHART (chart));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  check_palette (DAFTAR_CHART (chart));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_heatmap_rows (void)
{
  GtkWidget *heatmap = g_object_ref_sink (daftar_heatmap_new ());
  graphene_rect_t saturday, sunday, friday, saturday_ten;
  g_autofree char *tooltip = NULL;
  g_autofree char *saturday_name = NULL;
  g_autofree char *twelve = daftar_format_int (12);
  GDate day;

  g_assert_cmpuint (daftar_heatmap_row_for_weekday (G_DATE_SATURDAY), ==, 0);
  g_assert_cmpuint (daftar_heatmap_row_for_weekday (G_DATE_SUNDAY), ==, 1);
  g_assert_cmpuint (daftar_heatmap_row_for_weekday (G_DATE_FRIDAY), ==, 6);

  daftar_heatmap_set_hours (DAFTAR_HEATMAP (heatmap), 7, 20);
  daftar_heatmap_set_value (DAFTAR_HEATMAP (heatmap), G_DATE_SATURDAY, 9, 12);
  daftar_heatmap_set_value (DAFTAR_HEATMAP (heatmap), G_DATE_FRIDAY, 9, 2);
  daftar_heatmap_set_value (DAFTAR_HEATMAP (heatmap), G_DATE_SATURDAY, 23, 99);   /* out of range: ignored */
  g_assert_cmpfloat (daftar_heatmap_get_value (DAFTAR_HEATMAP (heatmap), G_DATE_SATURDAY, 9), ==, 12);
  g_assert_cmpfloat (daftar_chart_series_get_value (daftar_chart_get_series (DAFTAR_CHART (heatmap), 0), 9 - 7), ==, 12);
  /* Explicit: under a Persian locale the default direction is already RTL. */
  gtk_widget_set_direction (heatmap, GTK_TEXT_DIR_LTR);
  allocate (heatmap);

  g_assert_true (daftar_heatmap_get_cell_rect (DAFTAR_HEATMAP (heatmap), G_DATE_SATURDAY, 9, &saturday));
  g_assert_true (daftar_heatmap_get_cell_rect (DAFTAR_HEATMAP (heatmap), G_DATE_SUNDAY, 9, &sunday));
  g_assert_true (daftar_heatmap_get_cell_rect (DAFTAR_HEATMAP (heatmap), G_DATE_FRIDAY, 9, &friday));
  g_assert_true (daftar_heatmap_get_cell_rect (DAFTAR_HEATMAP (heatmap), G_DATE_SATURDAY, 10, &saturday_ten));
  /* Saturday is the top row, Friday the bottom one. */
  g_assert_cmpfloat (saturday.origin.y, <, sunday.origin.y);
  g_assert_cmpfloat (sunday.origin.y, <, friday.origin.y);
  g_assert_cmpfloat_with_epsilon (saturday.origin.x, friday.origin.x, 1e-6);
  g_assert_cmpfloat (saturday.origin.x, <, saturday_ten.origin.x);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 24, G_DATE_OCTOBER, 2026);   /* a Saturday */
  saturday_name = daftar_format_weekday (&day);
  tooltip = daftar_chart_get_tooltip_at (DAFTAR_CHART (heatmap),
                                         saturday.origin.x + saturday.size.width / 2,
                                         saturday.origin.y + saturday.size.height / 2);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, saturday_name));
  g_assert_nonnull (strstr (tooltip, twelve));

  /* In RTL the hours run right to left: 10:00 is left of 9:00. */
  gtk_widget_set_direction (heatmap, GTK_TEXT_DIR_RTL);
  allocate (heatmap);
  g_assert_true (daftar_heatmap_get_cell_rect (DAFTAR_HEATMAP (heatmap), G_DATE_SATURDAY, 9, &saturday));
  g_assert_true (daftar_heatmap_get_cell_rect (DAFTAR_HEATMAP (heatmap), G_DATE_SATURDAY, 10, &saturday_ten));
  g_assert_cmpfloat (saturday.origin.x, >, saturday_ten.origin.x);

  g_assert_finalize_object (heatmap);
}

static void
test_description (void)
{
  const double rates[] = { 0.931, 0.912, 0.944, 0.925 };
  GtkWidget *line = g_object_ref_sink (daftar_line_chart_new ());
  GtkWidget *empty = g_object_ref_sink (daftar_bar_chart_new ());
  g_autoptr(DaftarChartSeries) series = make_days_series (NULL, rates, G_N_ELEMENTS (rates));
  g_autofree char *lowest = daftar_format_percent (0.912, 1);
  g_autofree char *highest = daftar_format_percent (0.944, 1);
  g_autofree char *target = daftar_format_percent (0.9, 0);   /* whole: no fraction shown */
  g_autofree char *first_label = g_strdup (daftar_chart_series_get_label (series, 0));
  const char *text;

  daftar_chart_set_title (DAFTAR_CHART (line), _("Read rate by week"));
  daftar_chart_set_value_format (DAFTAR_CHART (line), DAFTAR_CHART_VALUE_PERCENT);
  daftar_chart_set_series (DAFTAR_CHART (line), series);
  daftar_line_chart_set_target (DAFTAR_LINE_CHART (line), 0.9, _("Target"));

  text = daftar_chart_get_description (DAFTAR_CHART (line));
  g_test_message ("description: %s", text);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, _("Read rate by week")));
  g_assert_nonnull (strstr (text, lowest));
  g_assert_nonnull (strstr (text, highest));
  g_assert_nonnull (strstr (text, target));
  g_assert_nonnull (strstr (text, first_label));

  /* New data, new description. */
  daftar_chart_series_set_value (series, 2, 0.97);
  {
    g_autofree char *new_highest = daftar_format_percent (0.97, 0);
    g_assert_nonnull (strstr (daftar_chart_get_description (DAFTAR_CHART (line)), new_highest));
  }

  text = daftar_chart_get_description (DAFTAR_CHART (empty));
  g_assert_nonnull (text);
  g_assert_cmpstr (text, !=, "");

  g_assert_finalize_object (line);
  g_assert_finalize_object (empty);
}

/* The unit titles the value axis: above the plot, at the start edge where
 * the ticks are (left in LTR, right in RTL), inside the chart; and the text
 * alternative says it. */
static void
test_unit (void)
{
  const double minutes[] = { 12, 30, 7, 18, 4 };
  const GtkTextDirection directions[] = { GTK_TEXT_DIR_LTR, GTK_TEXT_DIR_RTL };
  g_autoptr(DaftarChartSeries) series = make_category_series (NULL, minutes, G_N_ELEMENTS (minutes));
  GtkWidget *chart = g_object_ref_sink (daftar_bar_chart_new ());
  GtkWidget *heatmap = g_object_ref_sink (daftar_heatmap_new ());
  graphene_rect_t plot, rect, tick;
  gboolean found = FALSE;

  daftar_chart_set_series (DAFTAR_CHART (chart), series);
  daftar_chart_set_value_format (DAFTAR_CHART (chart), DAFTAR_CHART_VALUE_MINUTES);
  daftar_chart_set_title (DAFTAR_CHART (chart), "Mean wait");

  /* Without a unit, nothing but the ticks and the labels. */
  allocate_at (chart, NARROW, GTK_TEXT_DIR_LTR);
  g_assert_cmpstr (daftar_chart_get_text (DAFTAR_CHART (chart), 0, &rect), !=, "minutes");
  g_assert_null (strstr (daftar_chart_get_description (DAFTAR_CHART (chart)), "minutes"));

  daftar_chart_set_unit (DAFTAR_CHART (chart), "minutes");
  g_assert_cmpstr (daftar_chart_get_unit (DAFTAR_CHART (chart)), ==, "minutes");
  g_assert_true (g_str_has_prefix (daftar_chart_get_description (DAFTAR_CHART (chart)), "Mean wait (minutes)"));

  for (guint d = 0; d < G_N_ELEMENTS (directions); d++)
    {
      allocate_at (chart, NARROW, directions[d]);
      check_texts_inside (DAFTAR_CHART (chart), NARROW);
      g_assert_true (daftar_chart_get_plot_area (DAFTAR_CHART (chart), &plot));
      g_assert_cmpstr (daftar_chart_get_text (DAFTAR_CHART (chart), 0, &rect), ==, "minutes");
      /* The first tick label comes next: the unit starts where the tick
       * labels' column does. */
      g_assert_nonnull (daftar_chart_get_text (DAFTAR_CHART (chart), 1, &tick));
      g_assert_cmpfloat (rect.origin.y + rect.size.height, <=, plot.origin.y);
      if (directions[d] == GTK_TEXT_DIR_RTL)
        {
          g_assert_cmpfloat (rect.origin.x, >, NARROW / 2.0);
          g_assert_cmpfloat (rect.origin.x + rect.size.width, >=, tick.origin.x + tick.size.width - 0.5);
        }
      else
        {
          g_assert_cmpfloat (rect.origin.x + rect.size.width, <, NARROW / 2.0);
          g_assert_cmpfloat (rect.origin.x, <=, tick.origin.x + 0.5);
        }
    }

  /* A heatmap names its unit after its colour scale. */
  for (guint row = 0; row < 7; row++)
    {
      g_autofree char *name = g_strdup_printf ("Day %u", row);
      g_autoptr(DaftarChartSeries) day = daftar_chart_series_new (name);

      for (guint h = 0; h < 10; h++)
        daftar_chart_series_append_category (day, h, "", row + h);
      daftar_chart_add_series (DAFTAR_CHART (heatmap), day);
    }
  daftar_chart_set_value_format (DAFTAR_CHART (heatmap), DAFTAR_CHART_VALUE_DECIMAL);
  daftar_chart_set_unit (DAFTAR_CHART (heatmap), "clients per hour");
  allocate_at (heatmap, 600, GTK_TEXT_DIR_RTL);
  check_texts_inside (DAFTAR_CHART (heatmap), 600);
  for (guint i = 0; daftar_chart_get_text (DAFTAR_CHART (heatmap), i, &rect) != NULL; i++)
    found = found || g_strcmp0 (daftar_chart_get_text (DAFTAR_CHART (heatmap), i, &rect), "clients per hour") == 0;
  g_assert_true (found);
  g_assert_nonnull (strstr (daftar_chart_get_description (DAFTAR_CHART (heatmap)), "(clients per hour)"));

  g_assert_finalize_object (chart);
  g_assert_finalize_object (heatmap);
}

static void
test_frame_table (void)
{
  const double counts[] = { 12, 30, 7, 18, 4 };
  const double more[] = { 1, 2, 3, 4, 5 };
  g_autoptr(DaftarChartSeries) petitions = make_category_series (_("Petition"), counts, G_N_ELEMENTS (counts));
  g_autoptr(DaftarChartSeries) briefs = make_category_series (_("Brief"), more, G_N_ELEMENTS (more));
  GtkWidget *chart = daftar_stacked_bar_chart_new ();
  GtkWidget *frame = g_object_ref_sink (daftar_chart_frame_new (_("Filings by kind"), DAFTAR_CHART (chart)));
  GtkWidget *window = gtk_window_new ();
  GtkColumnView *table = daftar_chart_frame_get_table (DAFTAR_CHART_FRAME (frame));
  GtkStack *stack;

  GtkButton *toggle = GTK_BUTTON (gtk_widget_get_template_child (frame, DAFTAR_TYPE_CHART_FRAME, "table_toggle"));

  daftar_chart_add_series (DAFTAR_CHART (chart), petitions);
  gtk_window_set_child (GTK_WINDOW (window), frame);
  gtk_window_present (GTK_WINDOW (window));

  stack = GTK_STACK (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (table))));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "chart");
  g_assert_cmpstr (daftar_chart_get_title (DAFTAR_CHART (chart)), ==, _("Filings by kind"));
  /* The toggle says what it will show. */
  g_assert_cmpstr (gtk_button_get_label (toggle), ==, _("Show as table"));

  daftar_chart_frame_set_show_table (DAFTAR_CHART_FRAME (frame), TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "table");
  g_assert_cmpstr (gtk_button_get_label (toggle), ==, _("Show as chart"));
  g_assert_nonnull (gtk_column_view_get_model (table));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==, G_N_ELEMENTS (counts));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (table)), ==, 2);

  /* A second series is a second column, once the chart has described it. */
  daftar_chart_add_series (DAFTAR_CHART (chart), briefs);
  daftar_chart_get_description (DAFTAR_CHART (chart));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (table)), ==, 3);

  /* Pressed by the manager, the same. */
  g_signal_emit_by_name (toggle, "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "chart");
  g_assert_false (daftar_chart_frame_get_show_table (DAFTAR_CHART_FRAME (frame)));
  g_assert_cmpstr (gtk_button_get_label (toggle), ==, _("Show as table"));
  g_signal_emit_by_name (toggle, "clicked");
  g_assert_cmpstr (gtk_button_get_label (toggle), ==, _("Show as chart"));
  daftar_chart_frame_set_show_table (DAFTAR_CHART_FRAME (frame), FALSE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "chart");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (frame);
}

/* A lone unnamed series is headed in the table by the chart's unit. */
static void
test_frame_table_unit (void)
{
  const double counts[] = { 12, 30, 7 };
  g_autoptr(DaftarChartSeries) series = make_category_series (NULL, counts, G_N_ELEMENTS (counts));
  GtkWidget *chart = daftar_bar_chart_new ();
  GtkWidget *frame = g_object_ref_sink (daftar_chart_frame_new ("Tickets", DAFTAR_CHART (chart)));
  GtkColumnView *table = daftar_chart_frame_get_table (DAFTAR_CHART_FRAME (frame));
  g_autoptr(GtkColumnViewColumn) column = NULL;

  daftar_chart_set_series (DAFTAR_CHART (chart), series);
  daftar_chart_set_unit (DAFTAR_CHART (chart), "tickets");
  daftar_chart_frame_set_show_table (DAFTAR_CHART_FRAME (frame), TRUE);
  column = g_list_model_get_item (gtk_column_view_get_columns (table), 1);
  g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, "tickets");
  g_assert_finalize_object (frame);
}

static void
test_kpi_tile (void)
{
  GtkWidget *tile = g_object_ref_sink (daftar_kpi_tile_new ());
  g_autofree char *value = daftar_format_percent (0.93, 1);
  g_autofree char *change = daftar_format_percent (0.5, 0);
  g_autofree char *points = daftar_format_decimal (31, 0);
  g_autofree char *points_text = g_strdup_printf (_("Up %s percentage points from the previous period"), points);
  const char *text;

  daftar_kpi_tile_set_title (DAFTAR_KPI_TILE (tile), _("Read rate"));
  daftar_kpi_tile_set_value (DAFTAR_KPI_TILE (tile), 0.93, DAFTAR_CHART_VALUE_PERCENT, 1);
  daftar_kpi_tile_set_status (DAFTAR_KPI_TILE (tile), DAFTAR_KPI_STATUS_MET, NULL);
  text = daftar_kpi_tile_get_description (DAFTAR_KPI_TILE (tile));
  g_assert_nonnull (strstr (text, _("Read rate")));
  g_assert_nonnull (strstr (text, value));
  g_assert_nonnull (strstr (text, _("Standard met")));
  g_assert_cmpint (daftar_kpi_tile_get_status (DAFTAR_KPI_TILE (tile)), ==, DAFTAR_KPI_STATUS_MET);

  daftar_kpi_tile_set_status (DAFTAR_KPI_TILE (tile), DAFTAR_KPI_STATUS_BREACHED, NULL);
  text = daftar_kpi_tile_get_description (DAFTAR_KPI_TILE (tile));
  g_assert_nonnull (strstr (text, _("Standard breached")));
  g_assert_null (strstr (text, _("Standard met")));

  /* A share changes by percentage points: 93% against 62% is up 31
   * points, not "up 50%" (half as much again). */
  daftar_kpi_tile_set_previous (DAFTAR_KPI_TILE (tile), 0.62);
  text = daftar_kpi_tile_get_description (DAFTAR_KPI_TILE (tile));
  g_assert_nonnull (strstr (text, points_text));
  g_assert_null (strstr (text, change));

  /* Other figures change by a ratio: 150 cases against 100 is up 50%. */
  daftar_kpi_tile_set_value (DAFTAR_KPI_TILE (tile), 150, DAFTAR_CHART_VALUE_INTEGER, 0);
  daftar_kpi_tile_set_previous (DAFTAR_KPI_TILE (tile), 100);
  text = daftar_kpi_tile_get_description (DAFTAR_KPI_TILE (tile));
  g_assert_nonnull (strstr (text, change));
  g_assert_null (strstr (text, points_text));

  daftar_kpi_tile_set_status (DAFTAR_KPI_TILE (tile), DAFTAR_KPI_STATUS_NONE, NULL);
  daftar_kpi_tile_set_previous (DAFTAR_KPI_TILE (tile), NAN);
  text = daftar_kpi_tile_get_description (DAFTAR_KPI_TILE (tile));
  g_assert_null (strstr (text, _("Standard breached")));
  g_assert_null (strstr (text, change));

  /* What the figure means: the tile's tooltip, and said after the figure. */
  g_assert_null (gtk_widget_get_tooltip_text (tile));
  daftar_kpi_tile_set_explanation (DAFTAR_KPI_TILE (tile), "The share of notices viewed.");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (tile), ==, "The share of notices viewed.");
  g_assert_cmpstr (daftar_kpi_tile_get_explanation (DAFTAR_KPI_TILE (tile)), ==, "The share of notices viewed.");
  text = daftar_kpi_tile_get_description (DAFTAR_KPI_TILE (tile));
  g_assert_true (g_str_has_prefix (text, _("Read rate")));
  g_assert_true (g_str_has_suffix (text, "The share of notices viewed."));
  daftar_kpi_tile_set_explanation (DAFTAR_KPI_TILE (tile), NULL);
  g_assert_null (gtk_widget_get_tooltip_text (tile));
  g_assert_null (strstr (daftar_kpi_tile_get_description (DAFTAR_KPI_TILE (tile)), "notices viewed"));

  g_assert_finalize_object (tile);
}

static GtkWidget *
add_frame (GtkGrid     *grid,
           const char  *title,
           GtkWidget   *chart,
           int          column,
           int          row,
           int          width)
{
  GtkWidget *frame = daftar_chart_frame_new (title, DAFTAR_CHART (chart));

  gtk_widget_set_size_request (chart, -1, 220);
  gtk_grid_attach (grid, frame, column, row, width, 1);
  return chart;
}

/* A dashboard like the pages', with every kind of chart fed plausible data. */
static GtkWidget *
build_dashboard (GPtrArray *charts)
{
  static const double rates[] = { 0.913, 0.921, 0.905, 0.932, 0.944, 0.938, 0.951, 0.947 };
  static const double kinds[] = { 142, 96, 31, 58, 120, 17 };
  static const double morning[] = { 80, 95, 102, 88, 110, 97 };
  static const double evening[] = { 40, 52, 47, 61, 58, 49 };
  static const double to_view[] = { 310, 190, 95, 60, 32, 20, 12, 30 };
  static const char * const bins[] = { "0–1", "1–2", "2–3", "3–5", "5–7", "7–10", "10–15", "15+" };
  g_autoptr(DaftarChartSeries) rate_series = make_days_series (_("Electronic"), rates, G_N_ELEMENTS (rates));
  g_autoptr(DaftarChartSeries) kind_series = make_category_series (NULL, kinds, G_N_ELEMENTS (kinds));
  g_autoptr(DaftarChartSeries) morning_series = make_days_series (_("Morning"), morning, G_N_ELEMENTS (morning));
  g_autoptr(DaftarChartSeries) evening_series = make_days_series (_("Evening"), evening, G_N_ELEMENTS (evening));
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  GtkWidget *kpis = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *chart, *tile;

  gtk_grid_set_row_spacing (grid, 12);
  gtk_grid_set_column_spacing (grid, 12);
  gtk_grid_set_column_homogeneous (grid, TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (grid), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (grid), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (grid), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (grid), 12);

  tile = daftar_kpi_tile_new ();
  daftar_kpi_tile_set_title (DAFTAR_KPI_TILE (tile), _("Read rate"));
  daftar_kpi_tile_set_value (DAFTAR_KPI_TILE (tile), 0.947, DAFTAR_CHART_VALUE_PERCENT, 1);
  daftar_kpi_tile_set_previous (DAFTAR_KPI_TILE (tile), 0.92);
  daftar_kpi_tile_set_status (DAFTAR_KPI_TILE (tile), DAFTAR_KPI_STATUS_MET, NULL);
  gtk_box_append (GTK_BOX (kpis), tile);
  tile = daftar_kpi_tile_new ();
  daftar_kpi_tile_set_title (DAFTAR_KPI_TILE (tile), _("Mean wait"));
  daftar_kpi_tile_set_value (DAFTAR_KPI_TILE (tile), 17.5, DAFTAR_CHART_VALUE_MINUTES, 1);
  daftar_kpi_tile_set_previous (DAFTAR_KPI_TILE (tile), 14);
  daftar_kpi_tile_set_higher_is_better (DAFTAR_KPI_TILE (tile), FALSE);
  daftar_kpi_tile_set_status (DAFTAR_KPI_TILE (tile), DAFTAR_KPI_STATUS_BREACHED, NULL);
  gtk_box_append (GTK_BOX (kpis), tile);
  tile = daftar_kpi_tile_new ();
  daftar_kpi_tile_set_title (DAFTAR_KPI_TILE (tile), _("Cases filed"));
  daftar_kpi_tile_set_value (DAFTAR_KPI_TILE (tile), 1284, DAFTAR_CHART_VALUE_INTEGER, 0);
  daftar_kpi_tile_set_previous (DAFTAR_KPI_TILE (tile), 1300);
  gtk_box_append (GTK_BOX (kpis), tile);
  gtk_grid_attach (grid, kpis, 0, 0, 2, 1);

  chart = add_frame (grid, _("Read rate by week"), daftar_line_chart_new (), 0, 1, 1);
  daftar_chart_set_value_format (DAFTAR_CHART (chart), DAFTAR_CHART_VALUE_PERCENT);
  daftar_chart_set_series (DAFTAR_CHART (chart), rate_series);
  daftar_line_chart_set_target (DAFTAR_LINE_CHART (chart), 0.9, _("Target"));
  daftar_line_chart_set_baseline (DAFTAR_LINE_CHART (chart), 0.1, _("Paper baseline"));
  g_ptr_array_add (charts, chart);

  chart = add_frame (grid, _("Filings by kind"), daftar_bar_chart_new (), 1, 1, 1);
  daftar_chart_set_series (DAFTAR_CHART (chart), kind_series);
  g_ptr_array_add (charts, chart);

  chart = add_frame (grid, _("Tickets by shift"), daftar_stacked_bar_chart_new (), 0, 2, 1);
  daftar_chart_add_series (DAFTAR_CHART (chart), morning_series);
  daftar_chart_add_series (DAFTAR_CHART (chart), evening_series);
  g_ptr_array_add (charts, chart);

  chart = add_frame (grid, _("Days from issue to view"), daftar_histogram_new (), 1, 2, 1);
  daftar_histogram_set_bins (DAFTAR_HISTOGRAM (chart), bins, to_view, G_N_ELEMENTS (bins));
  g_ptr_array_add (charts, chart);

  chart = add_frame (grid, _("Tickets by weekday and hour"), daftar_heatmap_new (), 0, 3, 2);
  for (guint day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
    for (guint hour = 7; hour <= 20; hour++)
      {
        /* Busy mornings, a lull at noon, a quieter evening; Friday closed. */
        double load = day == G_DATE_FRIDAY ? 0 : (hour < 13 ? 30 - 2.0 * fabs (hour - 9.5) : hour < 15 ? 6 : 14);

        if (day == G_DATE_THURSDAY)
          load /= 2;
        daftar_heatmap_set_value (DAFTAR_HEATMAP (chart), day, hour, round (load));
      }
  g_ptr_array_add (charts, chart);

  return GTK_WIDGET (grid);
}

static void
render_to_png (GtkWidget  *window,
               const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autofree guchar *pixels = NULL;
  gsize stride = width * 4;
  guint32 first;
  gboolean varied = FALSE;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("rendered %s", path);

  /* Something was drawn: the picture is not one flat colour. */
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  memcpy (&first, pixels, sizeof first);
  for (gsize i = 0; i < stride * height && !varied; i += 4)
    varied = memcmp (&first, pixels + i, sizeof first) != 0;
  g_assert_true (varied);
}

static void
check_charts_drawn (GPtrArray *charts,
                    gboolean   rtl)
{
  for (guint i = 0; i < charts->len; i++)
    {
      DaftarChart *chart = g_ptr_array_index (charts, i);
      graphene_rect_t plot;
      graphene_point_t first, second;

      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart)));
      g_assert_true (daftar_chart_get_plot_area (chart, &plot));
      g_assert_cmpfloat (plot.size.width, >, 0);
      g_assert_nonnull (daftar_chart_get_description (chart));
      /* Time (or category order) runs with the text direction, which the
       * caller forced: checked for every chart, so one that placed no marks
       * or kept the other direction fails instead of passing unchecked. */
      g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (chart)), ==, rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
      g_assert_true (daftar_chart_get_point_position (chart, 0, 0, &first));
      g_assert_true (daftar_chart_get_point_position (chart, 0, 1, &second));
      g_assert_true (rtl ? first.x > second.x : first.x < second.x);
    }
}

static void
test_window_render (void)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 1000);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), build_dashboard (charts));
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));

  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  daftar_test_wait_for_frames (window, 3);
  check_charts_drawn (charts, FALSE);
  render_to_png (window, "charts-ltr.png");

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  daftar_test_wait_for_frames (window, 3);
  check_charts_drawn (charts, TRUE);
  render_to_png (window, "charts-rtl.png");

  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("DAFTAR_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  daftar_format_init_from_locale ();

  g_test_init (&argc, &argv, NULL);
  /* The application's look: libadwaita's stylesheet and named colours. */
  adw_init ();

  g_test_add_func ("/charts/scale/nice-step", test_scale_nice_step);
  g_test_add_func ("/charts/scale/covers", test_scale_covers);
  g_test_add_func ("/charts/scale/rates", test_scale_rates);
  g_test_add_func ("/charts/scale/zero-series", test_scale_zero_series);
  g_test_add_func ("/charts/scale/negative-nan", test_scale_negative_nan);
  g_test_add_func ("/charts/layout/rtl-mirror", test_layout_rtl);
  g_test_add_func ("/charts/layout/bar-heights", test_bar_heights);
  g_test_add_func ("/charts/layout/legend-wraps", test_legend_wraps);
  g_test_add_func ("/charts/layout/category-labels", test_category_labels);
  g_test_add_func ("/charts/palette", test_palette);
  g_test_add_func ("/charts/heatmap/rows", test_heatmap_rows);
  g_test_add_func ("/charts/description", test_description);
  g_test_add_func ("/charts/frame/table", test_frame_table);
  g_test_add_func ("/charts/frame/table-unit", test_frame_table_unit);
  g_test_add_func ("/charts/unit", test_unit);
  g_test_add_func ("/charts/kpi-tile", test_kpi_tile);
  g_test_add_func ("/charts/window/render", test_window_render);

  return g_test_run ();
}
