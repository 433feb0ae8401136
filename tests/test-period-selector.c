/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-period-selector.c: the header's period selector and the Jalali month grid, in Persian under Xvfb. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>
#include <unicode/ucal.h>

#include "daftar-format.h"
#include "daftar-i18n.h"
#include "daftar-month-grid.h"
#include "daftar-period-selector.h"
#include "daftar-style.h"
#include "daftar-test-gtk.h"
#include "daftar-test-util.h"

#define HOLIDAY_NAME "تعطیل آزمایشی"

static GDate
day (int y,
     int m,
     int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

/* A Jalali day read from ICU's persian calendar directly, not through
 * daftar-format, with its weekday: the grid is checked against this. */
static GDate
icu_jalali_day (int       jy,
                int       jm,
                int       jd,
                int      *weekday,        /* UCAL_SUNDAY 1 … UCAL_SATURDAY 7 */
                int      *month_length)
{
  UErrorCode status = U_ZERO_ERROR;
  UCalendar *cal = ucal_open (u"UTC", -1, "en@calendar=persian", UCAL_DEFAULT, &status);
  GDate date = day (1970, 1, 1);
  UDate when;

  g_assert_true (U_SUCCESS (status));
  ucal_clear (cal);
  ucal_setDate (cal, jy, jm - 1, jd, &status);
  when = ucal_getMillis (cal, &status);
  *weekday = ucal_get (cal, UCAL_DAY_OF_WEEK, &status);
  *month_length = ucal_getLimit (cal, UCAL_DATE, UCAL_ACTUAL_MAXIMUM, &status);
  g_assert_true (U_SUCCESS (status));
  ucal_close (cal);

  g_date_add_days (&date, (guint) (when / (24.0 * 3600 * 1000)));
  return date;
}

/* Renders a window or a popover (each its own surface) to a PNG in the
 * build dir, and checks that something was drawn. */
static void
render_to_png (GtkWidget  *native,
               const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (native);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (native);
  int height = gtk_widget_get_height (native);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autofree guchar *pixels = NULL;
  gsize stride = width * 4;
  guint32 first;
  gboolean varied = FALSE;

  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (native)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("rendered %s", path);

  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  memcpy (&first, pixels, sizeof first);
  for (gsize i = 0; i < stride * height && !varied; i += 4)
    varied = memcmp (&first, pixels + i, sizeof first) != 0;
  g_assert_true (varied);
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

static GtkWidget *
find_first (GtkWidget *root,
            GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, type, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

static GtkWidget *
find_icon_button (GtkWidget  *root,
                  const char *icon_name)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_icon_name (g_ptr_array_index (buttons, i)), icon_name) == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

/* Only Persian digits ۰–۹, read as a number; -1 if anything else. */
static int
persian_number (const char *text)
{
  int value = 0;

  if (text == NULL || *text == '\0')
    return -1;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x06F0 || c > 0x06F9)
        return -1;
      value = value * 10 + (c - 0x06F0);
    }
  return value;
}

static GtkMenuButton *
menu_button_of (GtkWidget *selector)
{
  GtkWidget *button = find_first (selector, GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (button);
  return GTK_MENU_BUTTON (button);
}

typedef struct
{
  guint        n_changed;
  DaftarPeriod last;
} ChangeLog;

static void
on_changed (DaftarPeriodSelector *selector,
            ChangeLog            *log)
{
  log->n_changed++;
  log->last = *daftar_period_selector_get_period (selector);
}

static void
assert_same_period (const DaftarPeriod *a,
                    const DaftarPeriod *b)
{
  g_assert_cmpint (a->preset, ==, b->preset);
  g_assert_cmpint (g_date_compare (&a->from, &b->from), ==, 0);
  g_assert_cmpint (g_date_compare (&a->to, &b->to), ==, 0);
}

static void
test_presets (void)
{
  static const DaftarPeriodPreset expected[] = {
    DAFTAR_PERIOD_TODAY, DAFTAR_PERIOD_YESTERDAY, DAFTAR_PERIOD_THIS_WEEK, DAFTAR_PERIOD_THIS_MONTH,
    DAFTAR_PERIOD_LAST_MONTH, DAFTAR_PERIOD_LAST_30_DAYS, DAFTAR_PERIOD_THIS_YEAR,
  };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *selector = daftar_period_selector_new ();
  GtkMenuButton *button = menu_button_of (selector);
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GDate today = day (2026, 11, 28);   /* 7 Azar 1405 */
  ChangeLog log = { 0 };
  DaftarPeriod want;
  GtkWidget *grid;
  int jy, jm;

  gtk_window_set_child (GTK_WINDOW (window), selector);
  g_signal_connect (selector, "changed", G_CALLBACK (on_changed), &log);

  /* The default is the last 30 days; moving "today" moves it. */
  g_assert_cmpint (daftar_period_selector_get_period (DAFTAR_PERIOD_SELECTOR (selector))->preset, ==,
                   DAFTAR_PERIOD_LAST_30_DAYS);
  daftar_period_selector_set_today (DAFTAR_PERIOD_SELECTOR (selector), &today);
  daftar_period_from_preset (DAFTAR_PERIOD_LAST_30_DAYS, &today, &want);
  assert_same_period (daftar_period_selector_get_period (DAFTAR_PERIOD_SELECTOR (selector)), &want);
  /* It names the preset and its dates. */
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "۳۰ روز گذشته: ۸ آبان تا ۷ آذر");
  log.n_changed = 0;

  /* One row per preset, in order, then "Custom…". */
  collect (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX_ROW, rows);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected) + 1);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *label = find_first (row, GTK_TYPE_LABEL);
      guint before = log.n_changed;

      g_autofree char *dates = NULL;
      g_autofree char *named = NULL;
      GtkWidget *dates_label = gtk_widget_get_next_sibling (label);

      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, daftar_period_preset_label (expected[i]));
      /* Shown in Persian: the first letter is Arabic script or a Persian digit. */
      g_assert_cmpuint (g_utf8_get_char (gtk_label_get_label (GTK_LABEL (label))), >=, 0x0600);
      /* Beside the name, the days the preset would pick today. */
      daftar_period_from_preset (expected[i], &today, &want);
      dates = daftar_period_dates_label (&want, &today);
      g_assert_true (GTK_IS_LABEL (dates_label));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (dates_label)), ==, dates);
      g_assert_true (daftar_test_has_persian_digit (dates));

      gtk_widget_activate (row);
      g_assert_cmpuint (log.n_changed, ==, before + 1);
      daftar_period_from_preset (expected[i], &today, &want);
      assert_same_period (&log.last, &want);
      assert_same_period (daftar_period_selector_get_period (DAFTAR_PERIOD_SELECTOR (selector)), &want);
      named = daftar_period_label (&want, &today);
      g_assert_cmpstr (gtk_menu_button_get_label (button), ==, named);
      g_assert_true (g_str_has_prefix (named, daftar_period_preset_label (expected[i])));

      /* The same preset again changes nothing. */
      gtk_widget_activate (row);
      g_assert_cmpuint (log.n_changed, ==, before + 1);
    }

  /* A preset moves with "today"; here this year up to 8 Azar. */
  today = day (2026, 11, 29);
  daftar_period_selector_set_today (DAFTAR_PERIOD_SELECTOR (selector), &today);
  g_assert_cmpuint (log.n_changed, ==, G_N_ELEMENTS (expected) + 1);
  daftar_period_from_preset (DAFTAR_PERIOD_THIS_YEAR, &today, &want);
  assert_same_period (&log.last, &want);

  /* "Custom…" opens the grid on the month where the period ends. */
  gtk_widget_activate (g_ptr_array_index (rows, G_N_ELEMENTS (expected)));
  grid = GTK_WIDGET (daftar_period_selector_get_month_grid (DAFTAR_PERIOD_SELECTOR (selector)));
  g_assert_true (gtk_widget_is_ancestor (grid, GTK_WIDGET (popover)));
  daftar_month_grid_get_month (DAFTAR_MONTH_GRID (grid), &jy, &jm);
  g_assert_cmpint (jy, ==, 1405);
  g_assert_cmpint (jm, ==, 9);
  g_assert_cmpuint (log.n_changed, ==, G_N_ELEMENTS (expected) + 1);

  /* A custom period stays when the day turns. */
  {
    GDate from = day (2026, 10, 1), to = day (2026, 10, 9);
    DaftarPeriod custom;

    daftar_period_custom (&from, &to, &custom);
    daftar_period_selector_set_period (DAFTAR_PERIOD_SELECTOR (selector), &custom);
    g_assert_cmpuint (log.n_changed, ==, G_N_ELEMENTS (expected) + 2);
    today = day (2026, 11, 30);
    daftar_period_selector_set_today (DAFTAR_PERIOD_SELECTOR (selector), &today);
    g_assert_cmpuint (log.n_changed, ==, G_N_ELEMENTS (expected) + 2);
    assert_same_period (daftar_period_selector_get_period (DAFTAR_PERIOD_SELECTOR (selector)), &custom);
  }

  g_object_ref (selector);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (selector);
}

static GPtrArray *
azar_holidays (GDate *holiday)
{
  GPtrArray *holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_holiday_free);

  *holiday = day (2026, 12, 3);   /* 12 Azar 1405, a Thursday */
  g_ptr_array_add (holidays, daftar_holiday_new (holiday, HOLIDAY_NAME));
  return holidays;
}

typedef struct
{
  guint n;
  GDate from;
  GDate to;
} RangeLog;

static void
on_range_selected (DaftarMonthGrid *grid,
                   const GDate     *from,
                   const GDate     *to,
                   RangeLog        *log)
{
  log->n++;
  log->from = *from;
  log->to = *to;
}

static void
test_month_grid (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *grid = daftar_month_grid_new ();
  GDate today = day (2026, 11, 28);
  GDate holiday;
  g_autoptr(GPtrArray) holidays = azar_holidays (&holiday);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autofree char *title = daftar_format_month_year (1405, 9);
  int icu_weekday, icu_length, column, row;
  GDate first = icu_jalali_day (1405, 9, 1, &icu_weekday, &icu_length);
  GtkWidget *first_button, *button, *days_grid;
  guint n_days = 0, n_fridays = 0;
  RangeLog log = { 0 };

  gtk_window_set_child (GTK_WINDOW (window), grid);
  daftar_month_grid_set_today (DAFTAR_MONTH_GRID (grid), &today);
  daftar_month_grid_set_month (DAFTAR_MONTH_GRID (grid), 1405, 9);
  daftar_month_grid_set_holidays (DAFTAR_MONTH_GRID (grid), holidays);
  g_signal_connect (grid, "range-selected", G_CALLBACK (on_range_selected), &log);

  /* The title names the Jalali month in Persian. */
  g_assert_nonnull (find_first (grid, GTK_TYPE_LABEL));
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean titled = FALSE;

    collect (grid, GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      titled |= g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), title) == 0;
    g_assert_true (titled);
    g_assert_nonnull (strstr (title, "آذر"));
    g_assert_nonnull (strstr (title, "۱۴۰۵"));
  }

  /* 1 Azar sits in the column of its weekday as ICU tells it, Saturday
   * being column 0: UCAL_SATURDAY is 7, UCAL_SUNDAY 1. */
  first_button = daftar_month_grid_get_day_button (DAFTAR_MONTH_GRID (grid), &first);
  g_assert_nonnull (first_button);
  g_assert_cmpint (persian_number (gtk_button_get_label (GTK_BUTTON (first_button))), ==, 1);
  days_grid = gtk_widget_get_parent (first_button);
  g_assert_true (GTK_IS_GRID (days_grid));
  gtk_grid_query_child (GTK_GRID (days_grid), first_button, &column, &row, NULL, NULL);
  g_assert_cmpint (column, ==, icu_weekday % 7);
  g_test_message ("1 Azar 1405 is ICU weekday %d, column %d", icu_weekday, column);

  /* The header: seven translated initials, Friday's marked too. */
  for (int c = 0; c < 7; c++)
    {
      GtkWidget *label = gtk_grid_get_child_at (GTK_GRID (days_grid), c, 0);

      g_assert_true (GTK_IS_LABEL (label));
      g_assert_cmpuint (g_utf8_get_char (gtk_label_get_label (GTK_LABEL (label))), >=, 0x0600);
      g_assert_cmpint (gtk_widget_has_css_class (label, "weekend"), ==, c == 6);
    }

  /* As many days as ICU says, numbered in Persian digits; Fridays, the
   * holiday and today marked, nothing else. */
  collect (days_grid, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *b = g_ptr_array_index (buttons, i);
      GDate d = first;
      int number;

      if (!gtk_widget_get_visible (b))
        continue;
      n_days++;
      number = persian_number (gtk_button_get_label (GTK_BUTTON (b)));
      g_assert_cmpint (number, >=, 1);
      g_date_add_days (&d, number - 1);
      g_assert_true (daftar_month_grid_get_day_button (DAFTAR_MONTH_GRID (grid), &d) == b);
      gtk_grid_query_child (GTK_GRID (days_grid), b, &column, NULL, NULL, NULL);
      g_assert_cmpint (column, ==, (icu_weekday - 1 + number) % 7);
      g_assert_cmpint (gtk_widget_has_css_class (b, "weekend"), ==,
                       g_date_get_weekday (&d) == G_DATE_FRIDAY);
      n_fridays += gtk_widget_has_css_class (b, "weekend");
      g_assert_cmpint (gtk_widget_has_css_class (b, "holiday"), ==, g_date_compare (&d, &holiday) == 0);
      g_assert_cmpint (gtk_widget_has_css_class (b, "today"), ==, g_date_compare (&d, &today) == 0);
      g_assert_false (gtk_widget_has_css_class (b, "in-range"));
    }
  g_assert_cmpint (icu_length, ==, 30);
  g_assert_cmpuint (n_days, ==, (guint) icu_length);
  g_assert_cmpuint (n_fridays, >=, 4);
  button = daftar_month_grid_get_day_button (DAFTAR_MONTH_GRID (grid), &holiday);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, HOLIDAY_NAME);
  {
    GDate dey = first;

    g_date_add_days (&dey, icu_length);   /* 1 Dey: not on this page */
    g_assert_null (daftar_month_grid_get_day_button (DAFTAR_MONTH_GRID (grid), &dey));
  }

  /* Right to left: Saturday (7 Azar) is right of Sunday (8 Azar). */
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  daftar_test_wait_for_frames (window, 3);
  g_assert_cmpint (gtk_widget_get_direction (grid), ==, GTK_TEXT_DIR_RTL);
  {
    GDate sunday = day (2026, 11, 29);
    graphene_rect_t sat_bounds, sun_bounds;

    g_assert_true (gtk_widget_compute_bounds (daftar_month_grid_get_day_button (DAFTAR_MONTH_GRID (grid), &today),
                                              grid, &sat_bounds));
    g_assert_true (gtk_widget_compute_bounds (daftar_month_grid_get_day_button (DAFTAR_MONTH_GRID (grid), &sunday),
                                              grid, &sun_bounds));
    g_assert_cmpfloat (sat_bounds.origin.x, >, sun_bounds.origin.x);
  }

  /* Two clicks, the end first: the range still runs forward. */
  {
    GDate a = day (2026, 12, 5), b = day (2026, 11, 24);

    g_signal_emit_by_name (daftar_month_grid_get_day_button (DAFTAR_MONTH_GRID (grid), &a), "clicked");
    g_assert_true (daftar_month_grid_get_picking (DAFTAR_MONTH_GRID (grid)));
    g_assert_cmpuint (log.n, ==, 0);
    g_signal_emit_by_name (daftar_month_grid_get_day_button (DAFTAR_MONTH_GRID (grid), &b), "clicked");
    g_assert_false (daftar_month_grid_get_picking (DAFTAR_MONTH_GRID (grid)));
    g_assert_cmpuint (log.n, ==, 1);
    g_assert_cmpint (g_date_compare (&log.from, &b), ==, 0);
    g_assert_cmpint (g_date_compare (&log.to, &a), ==, 0);

    for (guint i = 0; i < buttons->len; i++)
      {
        GtkWidget *cell = g_ptr_array_index (buttons, i);
        GDate d = first;

        if (!gtk_widget_get_visible (cell))
          continue;
        g_date_add_days (&d, persian_number (gtk_button_get_label (GTK_BUTTON (cell))) - 1);
        g_assert_cmpint (gtk_widget_has_css_class (cell, "in-range"), ==,
                         g_date_compare (&d, &b) >= 0 && g_date_compare (&d, &a) <= 0);
        g_assert_cmpint (gtk_widget_has_css_class (cell, "range-end"), ==,
                         g_date_compare (&d, &b) == 0 || g_date_compare (&d, &a) == 0);
      }
  }

  /* The arrows move a month; the range stays chosen across months. */
  {
    GtkWidget *next = find_icon_button (grid, "go-next-symbolic");
    GtkWidget *previous = find_icon_button (grid, "go-previous-symbolic");
    int jy, jm;

    g_assert_nonnull (next);
    g_assert_nonnull (previous);
    g_signal_emit_by_name (next, "clicked");
    daftar_month_grid_get_month (DAFTAR_MONTH_GRID (grid), &jy, &jm);
    g_assert_cmpint (jy * 100 + jm, ==, 140510);
    g_signal_emit_by_name (previous, "clicked");
    g_signal_emit_by_name (previous, "clicked");
    daftar_month_grid_get_month (DAFTAR_MONTH_GRID (grid), &jy, &jm);
    g_assert_cmpint (jy * 100 + jm, ==, 140508);
    daftar_month_grid_set_month (DAFTAR_MONTH_GRID (grid), 1405, 1);
    g_signal_emit_by_name (previous, "clicked");
    daftar_month_grid_get_month (DAFTAR_MONTH_GRID (grid), &jy, &jm);
    g_assert_cmpint (jy * 100 + jm, ==, 140412);
    g_assert_true (daftar_month_grid_get_range (DAFTAR_MONTH_GRID (grid), NULL, NULL));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_custom_range (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *selector = daftar_period_selector_new ();
  GtkMenuButton *button = menu_button_of (selector);
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  DaftarMonthGrid *grid = daftar_period_selector_get_month_grid (DAFTAR_PERIOD_SELECTOR (selector));
  GDate today = day (2026, 11, 28);
  GDate from = day (2026, 11, 22), to = day (2026, 11, 26);
  g_autofree char *range = daftar_format_date_range (&from, &to);
  ChangeLog log = { 0 };

  gtk_window_set_child (GTK_WINDOW (window), selector);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  daftar_period_selector_set_today (DAFTAR_PERIOD_SELECTOR (selector), &today);
  g_signal_connect (selector, "changed", G_CALLBACK (on_changed), &log);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  daftar_test_wait_for_frames (window, 2);

  g_assert_true (gtk_widget_activate_action (selector, "period.custom", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_signal_emit_by_name (daftar_month_grid_get_day_button (grid, &from), "clicked");
  g_assert_cmpuint (log.n_changed, ==, 0);
  g_signal_emit_by_name (daftar_month_grid_get_day_button (grid, &to), "clicked");
  g_assert_cmpuint (log.n_changed, ==, 1);
  g_assert_cmpint (log.last.preset, ==, DAFTAR_PERIOD_CUSTOM);
  g_assert_cmpint (g_date_compare (&log.last.from, &from), ==, 0);
  g_assert_cmpint (g_date_compare (&log.last.to, &to), ==, 0);
  /* The button names the chosen days, in Jalali with Persian digits,
   * briefly; its tooltip gives them in full. */
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "۱ تا ۵ آذر");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==, range);
  g_assert_nonnull (strstr (range, "۱ آذر ۱۴۰۵"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* The selector in a header bar, its list and its grid, as PNGs to look at. */
static void
test_screenshots (void)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *selector = daftar_period_selector_new ();
  GtkMenuButton *button = menu_button_of (selector);
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  DaftarMonthGrid *grid = daftar_period_selector_get_month_grid (DAFTAR_PERIOD_SELECTOR (selector));
  GDate today = day (2026, 11, 28), holiday;
  GDate from = day (2026, 11, 24), to = day (2026, 12, 5);
  g_autoptr(GPtrArray) holidays = azar_holidays (&holiday);

  gtk_widget_add_css_class (window, "persian");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), selector);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), adw_status_page_new ());
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  daftar_period_selector_set_today (DAFTAR_PERIOD_SELECTOR (selector), &today);
  daftar_period_selector_set_holidays (DAFTAR_PERIOD_SELECTOR (selector), holidays);

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  daftar_test_wait_for_frames (window, 3);
  render_to_png (window, "period-selector-header.png");

  gtk_menu_button_popup (button);
  daftar_test_wait_for_frames (popover, 4);
  render_to_png (popover, "period-selector-presets.png");

  g_assert_true (gtk_widget_activate_action (selector, "period.custom", NULL));
  daftar_month_grid_set_range (grid, &from, &to);
  /* Let the stack's slide finish before the picture. */
  for (int i = 0; i < 60; i++)
    daftar_test_wait_for_frames (popover, 1);
  render_to_png (popover, "period-selector-grid.png");

  gtk_menu_button_popdown (button);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  daftar_i18n_force ("fa");
  daftar_i18n_init ();

  g_test_init (&argc, &argv, NULL);
  adw_init ();
  /* As the application does: right to left and the Persian font. */
  g_assert_true (daftar_i18n_is_persian ());
  daftar_style_init ();
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);

  g_test_add_func ("/period-selector/presets", test_presets);
  g_test_add_func ("/period-selector/month-grid", test_month_grid);
  g_test_add_func ("/period-selector/custom-range", test_custom_range);
  g_test_add_func ("/period-selector/screenshots", test_screenshots);

  return g_test_run ();
}
