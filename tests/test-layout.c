/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-layout.c: the window at 900×700, 1280×800 and 1920×1080, in Persian and English — header labels whole, shifts side by side, tables that grow. */
#include "config.h"

#include <math.h>
#include <adwaita.h>

#include "daftar-charts.h"
#include "daftar-db-worker.h"
#include "daftar-i18n.h"
#include "daftar-notices-page.h"
#include "daftar-screenshot.h"
#include "daftar-shifts-page.h"
#include "daftar-style.h"
#include "daftar-test-demo-db.h"
#include "daftar-test-util.h"
#include "daftar-time.h"
#include "daftar-window.h"

/* The UI language is process-wide (see test-pages.c): each case runs in a
 * child process, on a demo database the parent builds once. */

#define DB_ENV "DAFTAR_TEST_LAYOUT_DB"

typedef struct
{
  const char *language;   /* "en" or "fa" */
  int         width;
  int         height;
  const char *calendar;   /* nullable: the "calendar" preference, if not Jalali */
} LayoutCase;

typedef struct
{
  DaftarDbWorker *worker;   /* owned */
  DaftarWindow   *window;   /* owned by GTK's toplevel list */
} Run;

/* A sync that went well a minute ago: the header says «به‌روز تا …», the
 * longest thing it says. */
static gboolean
add_recent_sync (DaftarDb  *db,
                 gint64     now,
                 GError   **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO sync_log (started_at, finished_at, server, result) "
                                          "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'https://central.example', 'ok')",
                                          now - 70, now - 60);

  return daftar_db_exec (db, sql, error);
}

/* Lets what changed lay out and draw: a bound, not a timing claim. */
static void
settle (void)
{
  for (int i = 0; i < 30; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

static void
wait_until (gboolean (*done) (Run *, const char *),
            Run        *run,
            const char *page)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (run, page))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  settle ();
}

static gboolean
window_ready (Run        *run,
              const char *page)
{
  return daftar_window_is_ready (run->window);
}

static gboolean
page_current (Run        *run,
              const char *page)
{
  return daftar_window_page_is_current (run->window, page);
}

static void
open_window (Run              *run,
             const LayoutCase *c)
{
  daftar_i18n_force (c->language);
  if (c->calendar != NULL)
    {
      g_autoptr(GSettings) settings = daftar_i18n_settings_new ();

      g_assert_nonnull (settings);
      g_settings_set_string (settings, "calendar", c->calendar);
    }
  daftar_i18n_init ();
  adw_init ();
  daftar_style_init ();

  run->worker = daftar_db_worker_new (g_getenv (DB_ENV));
  run->window = daftar_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (run->window), c->width, c->height);
  /* GTK keeps a window within the screen; xvfb-run's screen may be
   * smaller than 1920×1080, and a window asked for its size is as big. */
  gtk_widget_set_size_request (GTK_WIDGET (run->window), c->width, c->height);
  gtk_window_present (GTK_WINDOW (run->window));
  daftar_window_set_worker (run->window, run->worker);
  wait_until (window_ready, run, NULL);
}

static void
close_window (Run *run)
{
  gtk_window_destroy (GTK_WINDOW (run->window));
  g_clear_object (&run->worker);
}

static void
show_page (Run        *run,
           const char *page)
{
  /* As Ctrl+1…4 do. */
  gtk_widget_activate_action (GTK_WIDGET (run->window), "win.show-page", "s", page);
  wait_until (page_current, run, page);
}

static void
save_screenshot (Run              *run,
                 const LayoutCase *c,
                 const char       *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strdup_printf ("layout-%s%s%s-%dx%d-%s.png", c->language, c->calendar ? "-" : "",
                                          c->calendar ? c->calendar : "", c->width, c->height, what);
  g_autofree char *png = g_build_filename (g_test_get_dir (G_TEST_BUILT), file, NULL);

  g_assert_true (daftar_screenshot_save (GTK_WINDOW (run->window), png, &error));
  g_assert_no_error (error);
}

/* --- the header: every label whole ---------------------------------------- */

static void
collect_ellipsized (GtkWidget *widget,
                    GPtrArray *cut)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_printerr ("# label «%s»%s\n", gtk_label_get_label (GTK_LABEL (widget)),
                    pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))) ? " cut" : "");
  if (GTK_IS_LABEL (widget) && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    g_ptr_array_add (cut, (gpointer) gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_ellipsized (child, cut);
}

static guint
count_labels (GtkWidget *widget)
{
  guint n = GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_labels (child);
  return n;
}

static void
check_header (const LayoutCase *c)
{
  Run run = { NULL };
  GtkWidget *header;
  g_autoptr(GPtrArray) cut = g_ptr_array_new ();

  open_window (&run, c);
  header = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (run.window), DAFTAR_TYPE_WINDOW, "header_bar"));
  g_assert_nonnull (header);
  g_printerr ("# window %d×%d, header %d wide\n", gtk_widget_get_width (GTK_WIDGET (run.window)),
              gtk_widget_get_height (GTK_WIDGET (run.window)), gtk_widget_get_width (header));

  collect_ellipsized (header, cut);
  for (guint i = 0; i < cut->len; i++)
    g_test_message ("%s %d×%d: cut in the header: «%s»", c->language, c->width, c->height,
                    (char *) g_ptr_array_index (cut, i));
  save_screenshot (&run, c, "header");
  g_printerr ("# %s %d×%d: %u labels in the header, %u cut\n", c->language, c->width, c->height,
              count_labels (header), cut->len);
  g_assert_cmpuint (count_labels (header), >=, 2);
  g_assert_cmpuint (cut->len, ==, 0);
  close_window (&run);
}

/* --- the Shifts page: morning beside evening on a wide screen -------------- */

static void
check_shifts (const LayoutCase *c)
{
  Run run = { NULL };
  GtkWidget *page, *morning, *evening;
  graphene_rect_t m, e;
  gboolean rtl = g_str_equal (c->language, "fa");

  open_window (&run, c);
  show_page (&run, "shifts");
  page = daftar_window_get_page (run.window, "shifts");
  morning = GTK_WIDGET (gtk_widget_get_template_child (page, DAFTAR_TYPE_SHIFTS_PAGE, "morning_tiles"));
  evening = GTK_WIDGET (gtk_widget_get_template_child (page, DAFTAR_TYPE_SHIFTS_PAGE, "evening_tiles"));
  g_assert_true (gtk_widget_compute_bounds (morning, page, &m));
  g_assert_true (gtk_widget_compute_bounds (evening, page, &e));
  save_screenshot (&run, c, "shifts");
  g_printerr ("# %s %d×%d: morning at (%.0f, %.0f) %.0f×%.0f, evening at (%.0f, %.0f) %.0f×%.0f\n",
              c->language, c->width, c->height, m.origin.x, m.origin.y, m.size.width, m.size.height,
              e.origin.x, e.origin.y, e.size.width, e.size.height);

  if (c->width >= 1920)
    {
      /* Side by side: the same height on the page, the morning at the
       * start edge, each as wide as the other. */
      g_assert_cmpfloat (fabsf (m.origin.y - e.origin.y), <, 1);
      g_assert_cmpfloat (fabsf (m.size.width - e.size.width), <, 2);
      if (rtl)
        g_assert_cmpfloat (m.origin.x, >=, e.origin.x + e.size.width);
      else
        g_assert_cmpfloat (e.origin.x, >=, m.origin.x + m.size.width);
    }
  else if (c->width < 1280)
    /* One above the other. */
    g_assert_cmpfloat (e.origin.y, >=, m.origin.y + m.size.height);
  close_window (&run);
}

/* --- tables and lists: as tall as their rows ------------------------------- */

/* Scrolls the page so that @widget is near the top, for the screenshot. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (gtk_widget_get_ancestor (widget, DAFTAR_TYPE_CHART_FRAME)),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  double x, y;

  g_assert_true (gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 60);
  settle ();
}

/* A list in the page shows every row it holds: its scrolled window has
 * nothing to scroll, so the wheel scrolls the page. Returns the rows. */
static guint
check_grows (GtkColumnView *view,
             const char    *what)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));

  g_printerr ("# %s: %u rows, %d px tall; scrolls %.0f of %.0f px\n", what, n,
              gtk_widget_get_height (scroller), gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment),
              gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment), <=, 1);
  /* Not merely nothing to scroll: room for each row (a row is some 20 px
   * or more; the header takes one more). */
  g_assert_cmpint (gtk_widget_get_height (scroller), >=, (int) (n + 1) * 20);
  return n;
}

static void
check_tables (const LayoutCase *c)
{
  Run run = { NULL };
  GtkWidget *shifts, *notices;
  DaftarChartFrame *arrivals;
  GtkColumnView *unviewed;

  open_window (&run, c);
  show_page (&run, "shifts");
  shifts = daftar_window_get_page (run.window, "shifts");
  arrivals = DAFTAR_CHART_FRAME (gtk_widget_get_template_child (shifts, DAFTAR_TYPE_SHIFTS_PAGE, "arrivals_frame"));
  daftar_chart_frame_set_show_table (arrivals, TRUE);
  settle ();
  /* Every opening hour of the demo office: 7 to 20. */
  g_assert_cmpuint (check_grows (daftar_chart_frame_get_table (arrivals), "arrivals table"), >=, 12);
  scroll_to (GTK_WIDGET (daftar_chart_frame_get_table (arrivals)));
  save_screenshot (&run, c, "heatmap-table");

  show_page (&run, "notices");
  notices = daftar_window_get_page (run.window, "notices");
  unviewed = GTK_COLUMN_VIEW (gtk_widget_get_template_child (notices, DAFTAR_TYPE_NOTICES_PAGE, "unviewed_view"));
  /* More than the ten or so rows the old box showed. */
  g_assert_cmpuint (check_grows (unviewed, "unviewed notices"), >, 12);
  close_window (&run);
}

/* --- the parent: one TAP line per case ------------------------------------- */

static void
test_header (gconstpointer data)
{
  if (daftar_test_in_child ())
    check_header (data);
}

static void
test_tables (gconstpointer data)
{
  if (daftar_test_in_child ())
    check_tables (data);
}

static void
test_shifts (gconstpointer data)
{
  if (daftar_test_in_child ())
    check_shifts (data);
}

int
main (int argc, char **argv)
{
  static const LayoutCase sizes[] = {
    { "fa", 900, 700, NULL }, { "fa", 1280, 800, NULL }, { "fa", 1920, 1080, NULL },
    { "en", 900, 700, NULL }, { "en", 1280, 800, NULL }, { "en", 1920, 1080, NULL },
  };
  /* English with Gregorian dates says the longest: «Up to date as of
   * 5 December 2026, 19:36». */
  static const LayoutCase gregorian[] = {
    { "en", 900, 700, "gregorian" }, { "en", 1280, 800, "gregorian" }, { "en", 1920, 1080, "gregorian" },
  };
  g_autofree char *dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!g_test_subprocess ())
    dir = daftar_test_demo_db_for_children (DB_ENV, add_recent_sync);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *header = g_strdup_printf ("/layout/header/%s/%dx%d", sizes[i].language, sizes[i].width,
                                                 sizes[i].height);
      g_autofree char *shifts = g_strdup_printf ("/layout/shifts/%s/%dx%d", sizes[i].language, sizes[i].width,
                                                 sizes[i].height);

      g_test_add_data_func (header, &sizes[i], test_header);
      g_test_add_data_func (shifts, &sizes[i], test_shifts);
    }
  for (guint i = 0; i < G_N_ELEMENTS (gregorian); i++)
    {
      g_autofree char *header = g_strdup_printf ("/layout/header/%s-gregorian/%dx%d", gregorian[i].language,
                                                 gregorian[i].width, gregorian[i].height);

      g_test_add_data_func (header, &gregorian[i], test_header);
    }
  g_test_add_data_func ("/layout/tables/fa/1280x800", &sizes[1], test_tables);

  status = g_test_run ();
  if (dir != NULL)
    daftar_test_tmpdir_free (g_steal_pointer (&dir));
  return status;
}
