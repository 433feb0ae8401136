/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-staffing-panel.c: the staffing panel on a demo office, in Persian — advice rows, the what-if reacting at once, a screenshot — and the verdict on each step of the chain in Persian and English. */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "daftar-db-worker.h"
#include "daftar-demo-setup.h"
#include "daftar-heatmap.h"
#include "daftar-i18n.h"
#include "daftar-labels.h"
#include "daftar-page.h"
#include "daftar-screenshot.h"
#include "daftar-staffing.h"
#include "daftar-staffing-panel.h"
#include "daftar-test-util.h"
#include "staffing-chain-offices.h"

typedef struct
{
  GDate last_day;
} FillRequest;

static gpointer
fill_job (DaftarDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  FillRequest *r = data;

  if (!daftar_demo_setup_database (db, 1, 60, &r->last_day, cancellable, error))
    return NULL;
  return GINT_TO_POINTER (1);
}

/* The core's own figures for the same day, to hold the panel to. */
static gpointer
staffing_job (DaftarDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  FillRequest *r = data;

  return daftar_staffing_compute (db, NULL, &r->last_day, 0, 0, error);
}

static void
on_loaded (DaftarPage *page, gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* The evening's cells of the what-if heatmap, added up: the share of
 * clients kept waiting past the standard, hour by hour. */
static double
evening_sum (DaftarHeatmap *heatmap)
{
  double sum = 0;

  for (guint r = 0; r < 7; r++)
    for (guint h = 14; h <= daftar_heatmap_get_last_hour (heatmap); h++)
      {
        double v = daftar_heatmap_get_value (heatmap, daftar_staffing_row_weekday (r), h);

        if (!isnan (v))
          sum += v;
      }
  return sum;
}

/* Every label of @widget fits in @width: a wrapped label laid out wider
 * than its row runs off the window. */
static void
assert_labels_fit (GtkWidget *widget, int width)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_assert_cmpint (gtk_widget_get_width (widget), <=, width);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    assert_labels_fit (c, width);
}

/* A picture shown: AdwActionRow keeps a hidden one for its icon. */
static gboolean
has_image (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_IMAGE (widget))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (has_image (c))
      return TRUE;
  return FALSE;
}

static void
settle (void)
{
  for (int i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

static void
test_panel (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *png = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "staffing-panel-fa.png", NULL);
  DaftarDbWorker *worker = daftar_db_worker_new (path);
  FillRequest request;
  DaftarStaffing *s;
  g_autoptr(DaftarPageContext) context = NULL;
  DaftarPeriod period;
  GtkWidget *window, *scroller, *panel;
  GtkSpinButton *evening;
  gboolean loaded = FALSE;
  gint64 deadline;
  g_autofree char *level_before = NULL;
  double cell_before;

  g_date_clear (&request.last_day, 1);
  g_date_set_dmy (&request.last_day, 14, G_DATE_NOVEMBER, 2025);
  g_assert_nonnull (daftar_db_worker_run_sync (worker, fill_job, &request, NULL, &error));
  g_assert_no_error (error);
  s = daftar_db_worker_run_sync (worker, staffing_job, &request, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (s);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 1000);
  scroller = gtk_scrolled_window_new ();
  panel = daftar_staffing_panel_new ();
  gtk_widget_set_margin_start (panel, 18);
  gtk_widget_set_margin_end (panel, 18);
  gtk_widget_set_margin_top (panel, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), panel);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpint (gtk_widget_get_direction (panel), ==, GTK_TEXT_DIR_RTL);

  g_signal_connect (panel, "loaded", G_CALLBACK (on_loaded), &loaded);
  daftar_period_custom (&request.last_day, &request.last_day, &period);
  context = daftar_page_context_new (NULL, &period, &request.last_day);
  daftar_page_load (DAFTAR_PAGE (panel), worker, context);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!loaded)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  settle ();

  /* One row per piece of advice the core computed, one per model note. */
  g_assert_cmpuint (s->advice->len, >, 0);
  g_assert_cmpuint (daftar_staffing_panel_get_n_advice (DAFTAR_STAFFING_PANEL (panel)), ==, s->advice->len);
  g_assert_cmpuint (daftar_staffing_panel_get_n_notes (DAFTAR_STAFFING_PANEL (panel)), ==, s->model_notes->len);
  {
    DaftarStaffingStepSummary step;

    daftar_staffing_step_summary (s, &step);
    g_assert_cmpint (daftar_staffing_panel_get_capacity_shown (DAFTAR_STAFFING_PANEL (panel)), ==, step.has_step);
  }
  {
    GtkWidget *list = gtk_widget_get_ancestor (GTK_WIDGET (daftar_staffing_panel_get_try_button (DAFTAR_STAFFING_PANEL (panel), 0)),
                                               GTK_TYPE_LIST_BOX);

    for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
      {
        assert_labels_fit (row, gtk_widget_get_width (row));
        /* The row is the Tab stop, not its button: the list is one stop
         * whose rows the arrows walk. */
        g_assert_true (gtk_widget_get_focusable (row));
        g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
      }
    for (guint i = 0; i < daftar_staffing_panel_get_n_advice (DAFTAR_STAFFING_PANEL (panel)); i++)
      g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (daftar_staffing_panel_get_try_button (DAFTAR_STAFFING_PANEL (panel), i))));
    g_assert_true (gtk_widget_child_focus (list, GTK_DIR_TAB_FORWARD));
    g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == gtk_widget_get_first_child (list));
    /* Enter on the row tries its advice, and again takes it back. */
    g_signal_emit_by_name (list, "row-activated", gtk_widget_get_first_child (list));
    g_assert_true (gtk_toggle_button_get_active (daftar_staffing_panel_get_try_button (DAFTAR_STAFFING_PANEL (panel), 0)));
    g_signal_emit_by_name (list, "row-activated", gtk_widget_get_first_child (list));
    g_assert_false (gtk_toggle_button_get_active (daftar_staffing_panel_get_try_button (DAFTAR_STAFFING_PANEL (panel), 0)));
  }
  /* No picture that looks like a button and is not one: the advice's one
   * control is a real button. */
  g_assert_false (has_image (gtk_widget_get_ancestor (GTK_WIDGET (daftar_staffing_panel_get_try_button (DAFTAR_STAFFING_PANEL (panel), 0)),
                                                      GTK_TYPE_LIST_BOX)));

  level_before = g_strdup (daftar_staffing_panel_get_level_text (DAFTAR_STAFFING_PANEL (panel)));
  g_assert_true (daftar_test_has_persian_digit (level_before));
  /* The week's wait is a number, whatever hour is overloaded. */
  g_assert_true (daftar_test_has_persian_digit (daftar_staffing_panel_get_wait_text (DAFTAR_STAFFING_PANEL (panel))));
  evening = daftar_staffing_panel_get_counters_spin (DAFTAR_STAFFING_PANEL (panel), TRUE);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (evening), ==,
                   daftar_staffing_shift_counters (s, DAFTAR_SHIFT_EVENING));
  {
    DaftarChartFrame *frame = daftar_staffing_panel_get_heatmap_frame (DAFTAR_STAFFING_PANEL (panel));
    DaftarHeatmap *heatmap = DAFTAR_HEATMAP (daftar_chart_frame_get_chart (frame));
    g_autofree char *tooltip = NULL;
    g_autofree char *level_tried = NULL;
    GtkToggleButton *try;
    const DaftarStaffingAdvice *a;
    double worst_before = 0, worst_tried = 0;

    /* The what-if heatmap has a title that says what it measures, and so
     * does each cell: the share kept waiting past the standard. */
    g_assert_nonnull (strstr (daftar_chart_frame_get_title (frame), "۱۵"));
    tooltip = daftar_staffing_panel_dup_cell_tooltip (DAFTAR_STAFFING_PANEL (panel), G_DATE_SATURDAY, 17);
    g_assert_nonnull (tooltip);
    g_test_message ("%s / %s", daftar_chart_frame_get_title (frame), tooltip);
    g_assert_true (strstr (tooltip, "۱۵ دقیقه") != NULL || strstr (tooltip, "باجه") != NULL);
    g_assert_null (daftar_staffing_panel_dup_cell_tooltip (DAFTAR_STAFFING_PANEL (panel), G_DATE_FRIDAY, 3));
    cell_before = evening_sum (heatmap);

    /* One more evening counter: the projection changes at once, with no
     * reload and no main loop turn, and the cell gets paler (fewer wait
     * past the standard): dark is worse, as on the other heatmaps. */
    gtk_spin_button_set_value (evening, gtk_spin_button_get_value (evening) + 1);
    g_assert_cmpstr (daftar_staffing_panel_get_level_text (DAFTAR_STAFFING_PANEL (panel)), !=, level_before);
    g_assert_cmpfloat (evening_sum (heatmap), <, cell_before);
    gtk_spin_button_set_value (evening, gtk_spin_button_get_value (evening) - 1);
    g_assert_cmpstr (daftar_staffing_panel_get_level_text (DAFTAR_STAFFING_PANEL (panel)), ==, level_before);

    /* "Try" puts the first piece of advice into the what-if: its hours get
     * no worse, the week's service level rises; untried, all is back. */
    a = &g_array_index (s->advice, DaftarStaffingAdvice, 0);
    for (guint h = a->from_hour; h < a->to_hour; h++)
      worst_before = MAX (worst_before, daftar_heatmap_get_value (heatmap, a->first_weekday, h));
    try = daftar_staffing_panel_get_try_button (DAFTAR_STAFFING_PANEL (panel), 0);
    gtk_toggle_button_set_active (try, TRUE);
    level_tried = g_strdup (daftar_staffing_panel_get_level_text (DAFTAR_STAFFING_PANEL (panel)));
    for (guint h = a->from_hour; h < a->to_hour; h++)
      worst_tried = MAX (worst_tried, daftar_heatmap_get_value (heatmap, a->first_weekday, h));
    g_assert_cmpfloat (worst_tried, <, worst_before);
    g_assert_cmpstr (level_tried, !=, level_before);
    gtk_toggle_button_set_active (try, FALSE);
    g_assert_cmpstr (daftar_staffing_panel_get_level_text (DAFTAR_STAFFING_PANEL (panel)), ==, level_before);
    gtk_spin_button_set_value (evening, gtk_spin_button_get_value (evening) + 1);
  }
  settle ();

  /* A counter typed with a stray letter is refused, not read as its
   * digits: the projection must not change behind the manager's back. */
  {
    double before = gtk_spin_button_get_value (evening);
    g_autofree char *shown = g_strdup (gtk_editable_get_text (GTK_EDITABLE (evening)));
    g_autofree char *typed = g_strdup_printf ("%dx", (int) before + 1);

    gtk_editable_set_text (GTK_EDITABLE (evening), typed);
    gtk_spin_button_update (evening);
    g_assert_cmpfloat (gtk_spin_button_get_value (evening), ==, before);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (evening)), ==, shown);
  }
  settle ();

  g_assert_true (daftar_screenshot_save (GTK_WINDOW (window), png, &error));
  g_assert_no_error (error);
  g_test_message ("screenshot: %s", png);

  /* The what-if, at the bottom of the panel. */
  {
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    g_autofree char *png2 = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                              "staffing-panel-whatif-fa.png", NULL);

    gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
    settle ();
    g_assert_true (daftar_screenshot_save (GTK_WINDOW (window), png2, &error));
    g_assert_no_error (error);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  daftar_staffing_free (s);
  g_object_unref (worker);
  daftar_test_tmpdir_free (dir);
}

static gpointer
chain_fill_job (DaftarDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  chain_fill (db, data);
  return GINT_TO_POINTER (1);
}

static gpointer
chain_staffing_job (DaftarDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  const ChainOffice *office = data;
  GDate to;

  chain_last_day (&to);
  return daftar_staffing_compute (db, office->code, &to, 0, 0, error);
}

/* One synthetic office of the chain in @language: the verdict names its
 * step in the heading, says the core's sentence, and each row of advice
 * shows the step it is on. */
static void
check_verdict (const ChainOffice *office,
               DaftarStaffingStep expected,
               const char        *language,
               const char        *in_heading,
               const char        *in_verdict)
{
  g_autoptr(GError) error = NULL;
  char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "chain.db", NULL);
  DaftarDbWorker *worker = daftar_db_worker_new (path);
  g_autoptr(DaftarPageContext) context = NULL;
  g_autofree char *verdict = NULL;
  DaftarStaffing *s;
  DaftarPeriod period;
  GtkWidget *window, *panel;
  gboolean loaded = FALSE;
  gint64 deadline;
  GDate to;

  daftar_i18n_force (language);
  daftar_i18n_init ();
  g_assert_nonnull (daftar_db_worker_run_sync (worker, chain_fill_job, (gpointer) office, NULL, &error));
  g_assert_no_error (error);
  s = daftar_db_worker_run_sync (worker, chain_staffing_job, (gpointer) office, NULL, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 900);
  panel = daftar_staffing_panel_new ();
  gtk_window_set_child (GTK_WINDOW (window), panel);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (panel, "loaded", G_CALLBACK (on_loaded), &loaded);
  chain_last_day (&to);
  daftar_period_custom (&to, &to, &period);
  context = daftar_page_context_new (office->code, &period, &to);
  daftar_page_load (DAFTAR_PAGE (panel), worker, context);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!loaded)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  settle ();

  g_test_message ("%s: %s", daftar_staffing_panel_get_verdict_title (DAFTAR_STAFFING_PANEL (panel)),
                  daftar_staffing_panel_get_verdict_text (DAFTAR_STAFFING_PANEL (panel)));
  g_assert_true (daftar_staffing_panel_get_capacity_shown (DAFTAR_STAFFING_PANEL (panel)));
  g_assert_nonnull (strstr (daftar_staffing_panel_get_verdict_title (DAFTAR_STAFFING_PANEL (panel)),
                            daftar_label (DAFTAR_TYPE_STAFFING_STEP, expected, DAFTAR_LABEL_SINGULAR)));
  g_assert_nonnull (strstr (daftar_staffing_panel_get_verdict_title (DAFTAR_STAFFING_PANEL (panel)), in_heading));
  verdict = daftar_staffing_step_text (s);
  g_assert_cmpstr (daftar_staffing_panel_get_verdict_text (DAFTAR_STAFFING_PANEL (panel)), ==, verdict);
  g_assert_nonnull (strstr (verdict, in_verdict));
  g_assert_cmpuint (daftar_staffing_panel_get_n_advice (DAFTAR_STAFFING_PANEL (panel)), ==, s->advice->len);
  g_assert_cmpuint (s->advice->len, >, 0);
  for (guint i = 0; i < s->advice->len; i++)
    g_assert_cmpstr (daftar_staffing_panel_get_step_text (DAFTAR_STAFFING_PANEL (panel), i), ==,
                     daftar_staffing_panel_get_verdict_title (DAFTAR_STAFFING_PANEL (panel)));

  if (g_str_equal (language, "fa") && expected == DAFTAR_STAFFING_STEP_NEW_OFFICE)
    {
      g_autofree char *png = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                               "staffing-panel-new-office-fa.png", NULL);

      g_assert_true (daftar_screenshot_save (GTK_WINDOW (window), png, &error));
      g_assert_no_error (error);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  daftar_staffing_free (s);
  g_object_unref (worker);
  daftar_test_tmpdir_free (dir);
  daftar_i18n_force ("fa");
  daftar_i18n_init ();
}

static void
test_verdict (void)
{
  check_verdict (&chain_short_of_staff, DAFTAR_STAFFING_STEP_STAFF, "fa", "گام ۱ از ۳", "کارمند به باجه‌های موجود");
  check_verdict (&chain_short_of_staff, DAFTAR_STAFFING_STEP_STAFF, "en", "Step 1 of 3", "staff at the existing counters");
  check_verdict (&chain_short_of_counters, DAFTAR_STAFFING_STEP_COUNTER, "fa", "گام ۲ از ۳", "باجه اضافه کنید");
  check_verdict (&chain_short_of_counters, DAFTAR_STAFFING_STEP_COUNTER, "en", "Step 2 of 3", "add up to 2 counters");
  check_verdict (&chain_past_max, DAFTAR_STAFFING_STEP_NEW_OFFICE, "fa", "گام ۳ از ۳", "دفتر دوم");
  check_verdict (&chain_past_max, DAFTAR_STAFFING_STEP_NEW_OFFICE, "en", "Step 3 of 3", "a second office would need");
}

int
main (int argc, char **argv)
{
  daftar_i18n_force ("fa");
  daftar_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/staffing-panel/what-if", test_panel);
  g_test_add_func ("/staffing-panel/verdict", test_verdict);
  return g_test_run ();
}
