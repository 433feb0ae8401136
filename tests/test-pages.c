/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-pages.c: every page of the real window in English and in Persian — direction, digits, mirrored charts, screenshots. */
#include "config.h"

#include <adwaita.h>

#include "daftar-chart.h"
#include "daftar-db-worker.h"
#include "daftar-format.h"
#include "daftar-i18n.h"
#include "daftar-screenshot.h"
#include "daftar-style.h"
#include "daftar-test-demo-db.h"
#include "daftar-test-util.h"
#include "daftar-time.h"
#include "daftar-window-pages.h"
#include "daftar-window.h"

/* The UI language is process-wide: gettext's catalog, the format module's
 * digits and calendar, and GTK's default direction are all set once, before
 * the first widget exists, and cannot be switched back safely. So each
 * (language, page) case runs in its own child process through
 * g_test_trap_subprocess: the parent never initialises GTK, builds the demo
 * database once, and reports one TAP line per case; the child sets its
 * language first thing, opens the window on that database and checks one page.
 * A child's stderr is inherited so its summary line shows in the log; its
 * stdout (its own TAP) is captured and printed by GLib when it fails. */

#define DB_ENV "DAFTAR_TEST_PAGES_DB"

typedef struct
{
  const char *language;   /* "en" or "fa" */
  const char *page;       /* a name from daftar_window_pages */
} PageCase;

typedef struct
{
  DaftarDbWorker *worker;   /* owned */
  DaftarWindow   *window;   /* owned by GTK's toplevel list */
  gboolean        rtl;
} PageRun;

/* --- text checks ----------------------------------------------------------- */

static gboolean
is_persian_digit (gunichar c)
{
  return (c >= 0x06F0 && c <= 0x06F9) || (c >= 0x0660 && c <= 0x0669);
}

static gboolean
has_persian_digit (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (is_persian_digit (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Letters of the Arabic script: Persian words. Digits are checked apart. */
static gboolean
has_persian_letter (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0600 && c <= 0x06FF && !is_persian_digit (c))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_latin_digit (const char *text)
{
  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

/* Whether @text holds a figure in the digits of the other language. */
static gboolean
has_foreign_digit (const char *text,
                   gboolean    rtl)
{
  return rtl ? has_latin_digit (text) : has_persian_digit (text);
}

static gboolean
has_own_digit (const char *text,
               gboolean    rtl)
{
  return rtl ? has_persian_digit (text) : has_latin_digit (text);
}

/* The Jalali months as the English UI names them (ICU's persian calendar). */
static gboolean
names_jalali_month (const char *text)
{
  static const char * const months[] = {
    "Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
    "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand",
  };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (strstr (text, months[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Mapped labels under @widget, except inside column views: there (the case
 * list, the chart frames' tables) cells show records as they were filed —
 * tracking codes are Latin by design, names and subjects are free text —
 * and test-cases-page checks the list's own figures. The page's figures
 * are the KPI tiles, the totals and notes, the period and the chart frames. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels,
                guint     *n_column_views)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    {
      if (gtk_widget_get_mapped (widget))
        (*n_column_views)++;
      return;
    }
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (labels, (gpointer) gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels, n_column_views);
}

static void
collect_charts (GtkWidget *widget,
                GPtrArray *charts)
{
  if (DAFTAR_IS_CHART (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (charts, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_charts (child, charts);
}

/* --- the child: one page in one language ----------------------------------- */

static void
wait_for (gboolean (*done) (PageRun *, const char *),
          PageRun    *run,
          const char *page)
{
  /* A bound, not a timing claim: a page that never loads fails here. */
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (run, page))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  /* Give what changed a few frames to lay out and draw. */
  for (int i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

static gboolean
window_ready (PageRun    *run,
              const char *page)
{
  return daftar_window_is_ready (run->window);
}

static gboolean
page_current (PageRun    *run,
              const char *page)
{
  return daftar_window_page_is_current (run->window, page);
}

static void
open_window (PageRun        *run,
             const PageCase *c)
{
  const char *path = g_getenv (DB_ENV);

  /* Before any string is translated or any widget exists. */
  daftar_i18n_force (c->language);
  daftar_i18n_init ();
  adw_init ();
  daftar_style_init ();
  run->rtl = g_str_equal (c->language, "fa");
  g_assert_cmpint (daftar_i18n_is_persian (), ==, run->rtl);

  g_assert_nonnull (path);
  run->worker = daftar_db_worker_new (path);
  run->window = daftar_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (run->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (run->window));
  daftar_window_set_worker (run->window, run->worker);
  wait_for (window_ready, run, NULL);
}

static void
close_window (PageRun *run)
{
  gtk_window_destroy (GTK_WINDOW (run->window));
  g_clear_object (&run->worker);
}

/* The start edge holds the first point: in RTL the first point stands in
 * the right half and right of the last one; in LTR the reverse. Returns
 * whether the chart had two points with marks at different indices (one
 * bar cannot show an order). */
static gboolean
check_chart_mirrored (DaftarChart *chart,
                      gboolean     rtl)
{
  double width = gtk_widget_get_width (GTK_WIDGET (chart));
  graphene_point_t first = { 0 }, last = { 0 };
  guint first_index = G_MAXUINT, last_index = 0;
  graphene_rect_t plot;

  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (chart)), ==, rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  g_assert_cmpfloat (width, >, 0);
  g_assert_true (daftar_chart_get_plot_area (chart, &plot));

  /* The earliest and latest point that has a mark, over every series
   * (a heatmap's series are weekday rows; empty cells have no mark). The
   * demo office has data on most days of the period, so the first mark
   * lies near the start edge. */
  for (guint s = 0; s < daftar_chart_get_n_series (chart); s++)
    {
      DaftarChartSeries *series = daftar_chart_get_series (chart, s);
      guint n = daftar_chart_series_get_n_points (series);
      graphene_point_t p;

      for (guint i = 0; i < n; i++)
        {
          if (!daftar_chart_get_point_position (chart, s, i, &p))
            continue;
          if (i < first_index)
            first_index = i, first = p;
          if (i >= last_index)
            last_index = i, last = p;
        }
    }
  g_assert_cmpuint (first_index, !=, G_MAXUINT);   /* the chart shows data */
  if (first_index == last_index)
    return FALSE;

  if (rtl)
    {
      g_assert_cmpfloat (first.x, >, width / 2);
      g_assert_cmpfloat (first.x, >, last.x);
    }
  else
    {
      g_assert_cmpfloat (first.x, <, width / 2);
      g_assert_cmpfloat (first.x, <, last.x);
    }
  return TRUE;
}

/* Scrolls the page so that @widget is at the top of the view, for a second
 * screenshot of charts below the fold. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  double x, y;

  g_assert_nonnull (scroller);
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  /* (gtk_widget_compute_point is GTK 4.10.) */
  g_assert_true (gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y));
  /* @y is measured from the top of the view; leave room for the frame's
   * title above the chart. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 60);
}

static void
save_screenshot (PageRun        *run,
                 const PageCase *c,
                 const char     *suffix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strdup_printf ("pages-%s-%s%s.png", c->language, c->page, suffix);
  g_autofree char *png = g_build_filename (g_test_get_dir (G_TEST_BUILT), file, NULL);
  gboolean saved;

  saved = daftar_screenshot_save (GTK_WINDOW (run->window), png, &error);

  /* The error first: it says why, where a bare FALSE would not. */
  g_assert_no_error (error);
  g_assert_true (saved);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

static gboolean
always (PageRun    *run,
        const char *page)
{
  return TRUE;
}

static void
check_page (const PageCase *c)
{
  PageRun run = { NULL };
  const char * const *pages;
  GtkWidget *page;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  g_autofree char *today_text = NULL;
  GDate today;
  guint n_pages = 0, n_column_views = 0, own = 0, mirrored = 0;
  gboolean shows_today = FALSE;
  GtkTextDirection dir;

  open_window (&run, c);
  dir = run.rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;
  /* The window's default "today", as the demo database's. */
  daftar_time_local_date (g_get_real_time () / G_USEC_PER_SEC, &today);
  today_text = daftar_format_date_long (&today);

  /* The window lists every registered page, this one among them. */
  pages = daftar_window_list_pages (run.window);
  g_assert_nonnull (pages);
  for (const DaftarWindowPage *p = daftar_window_pages; p->name != NULL; p++)
    n_pages++;
  g_assert_cmpuint (g_strv_length ((char **) pages), ==, n_pages);
  g_assert_true (g_strv_contains (pages, c->page));

  daftar_window_show_page (run.window, c->page, NULL, NULL);
  wait_for (page_current, &run, c->page);
  page = daftar_window_get_page (run.window, c->page);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));

  /* The catalog in use is the language's: the window's name. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (run.window)), ==, run.rtl ? "دفتر" : "Daftar");
  /* Direction follows the language, whatever the session's locale. */
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (run.window)), ==, dir);
  g_assert_cmpint (gtk_widget_get_direction (page), ==, dir);

  /* Figures in the language's digits only, and some figures at all. In
   * English no Persian word is left untranslated, and dates are Jalali
   * with English month names ("7 Azar 1405"); each page names the
   * period, which ends today. */
  collect_labels (page, labels, &n_column_views);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = g_ptr_array_index (labels, i);

      if (has_foreign_digit (text, run.rtl) || (!run.rtl && has_persian_letter (text)))
        g_test_message ("%s/%s: label in the wrong language: %s", c->language, c->page, text);
      g_assert_false (has_foreign_digit (text, run.rtl));
      if (!run.rtl)
        g_assert_false (has_persian_letter (text));
      own += has_own_digit (text, run.rtl);
      shows_today |= strstr (text, today_text) != NULL;
    }
  g_assert_cmpuint (own, >=, 3);
  g_assert_true (shows_today);
  if (!run.rtl)
    g_assert_true (names_jalali_month (today_text));

  /* Every chart on screen runs from the start edge, and describes its
   * figures (its accessible text and tooltips) in the same digits. */
  collect_charts (page, charts);
  for (guint i = 0; i < charts->len; i++)
    {
      DaftarChart *chart = g_ptr_array_index (charts, i);
      const char *description = daftar_chart_get_description (chart);

      mirrored += check_chart_mirrored (chart, run.rtl);
      if (has_foreign_digit (description, run.rtl))
        g_test_message ("%s/%s: chart description with foreign digits: %s", c->language, c->page, description);
      g_assert_false (has_foreign_digit (description, run.rtl));
    }

  save_screenshot (&run, c, "");
  /* Charts below the fold get a second picture, for a person to look at. */
  if (charts->len > 0)
    {
      scroll_to (g_ptr_array_index (charts, 0));
      wait_for (always, &run, NULL);
      save_screenshot (&run, c, "-charts");
    }

  g_printerr ("# %s/%s: %s, %u labels (%u with figures), %u column views skipped, %u charts (%u with an order checked)\n",
              c->language, c->page, run.rtl ? "RTL" : "LTR", labels->len, own, n_column_views,
              charts->len, mirrored);
  close_window (&run);
}

/* --- the parent: one TAP line per case ------------------------------------- */

static void
test_page (gconstpointer data)
{
  const PageCase *c = data;

  if (daftar_test_in_child ())
    check_page (c);
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  const char * const languages[] = { "en", "fa" };
  int status;

  g_test_init (&argc, &argv, NULL);

  /* The children inherit the environment the database's path is set in. */
  if (!g_test_subprocess ())
    dir = daftar_test_demo_db_for_children (DB_ENV, NULL);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (const DaftarWindowPage *p = daftar_window_pages; p->name != NULL; p++)
      {
        PageCase *c = g_new0 (PageCase, 1);
        g_autofree char *test_path = g_strdup_printf ("/pages/%s/%s", languages[l], p->name);

        c->language = languages[l];
        c->page = p->name;
        g_ptr_array_add (cases, c);
        g_test_add_data_func (test_path, c, test_page);
      }

  status = g_test_run ();
  if (dir != NULL)
    daftar_test_tmpdir_free (g_steal_pointer (&dir));
  return status;
}
