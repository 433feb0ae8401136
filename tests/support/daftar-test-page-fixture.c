/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-test-page-fixture.c: what the page tests share — a page in a window of its own, loaded and waited for, its parts and screens; the real window's pages and note dialogs. */
#include "config.h"

#include <adwaita.h>

#include "daftar-screenshot.h"
#include "daftar-test-gtk.h"
#include "daftar-test-page-fixture.h"
#include "daftar-test-util.h"
#include "daftar-time.h"

GtkWidget *
daftar_test_page_window_new (GType       page_type,
                             int         width,
                             int         height,
                             GtkWidget **out_page)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  *out_page = g_object_new (page_type, NULL);
  gtk_window_set_child (GTK_WINDOW (window), *out_page);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

void
daftar_test_page_window_destroy (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
on_loaded (DaftarPage *page,
           gboolean   *loaded)
{
  *loaded = TRUE;
}

void
daftar_test_page_wait_loaded (GtkWidget *page,
                              GtkWidget *window)
{
  gboolean loaded = FALSE;
  gulong id = g_signal_connect (page, "loaded", G_CALLBACK (on_loaded), &loaded);

  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (page, id);
  daftar_test_wait_for_frames (window, 3);
}

DaftarPageContext *
daftar_test_page_load (GtkWidget      *page,
                       GtkWidget      *window,
                       DaftarDbWorker *worker,
                       const char     *office,
                       const char     *from,
                       const char     *to)
{
  DaftarPageContext *context;
  DaftarPeriod period;

  g_assert_true (daftar_time_parse_day (from, &period.from));
  g_assert_true (daftar_time_parse_day (to, &period.to));
  period.preset = DAFTAR_PERIOD_CUSTOM;
  context = daftar_page_context_new (office, &period, &period.to);
  /* "loaded" comes with the worker's answer, never from within the call. */
  daftar_page_load (DAFTAR_PAGE (page), worker, context);
  daftar_test_page_wait_loaded (page, window);
  return context;
}

gpointer
daftar_test_template_child (GtkWidget  *widget,
                            GType       type,
                            const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (object);
  return object;
}

void
daftar_test_save_screens (GtkWidget         *window,
                          GtkScrolledWindow *scroller,
                          const char        *name)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  guint n = 0;

  for (double y = 0; n == 0 || y < gtk_adjustment_get_upper (adjustment); y += gtk_adjustment_get_page_size (adjustment) * 0.9)
    {
      g_autofree char *file = g_strdup_printf ("%s-%u.png", name, n++);
      g_autofree char *path = g_test_build_filename (G_TEST_BUILT, file, NULL);
      g_autoptr(GError) error = NULL;

      gtk_adjustment_set_value (adjustment, y);
      daftar_test_wait_for_frames (window, 3);
      g_assert_true (daftar_screenshot_save (GTK_WINDOW (window), path, &error));
      g_assert_no_error (error);
      g_test_message ("screenshot: %s", path);
      if (n >= 8)
        break;
    }
  gtk_adjustment_set_value (adjustment, 0);
}

void
daftar_test_window_wait_until_current (DaftarWindow *window,
                                       const char   *page)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!daftar_window_page_is_current (window, page))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  daftar_test_wait_for_frames (GTK_WIDGET (window), 5);
}

const char *
daftar_test_window_visible_page (DaftarWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), DAFTAR_TYPE_WINDOW,
                                                                       "view_stack"));
  return adw_view_stack_get_visible_child_name (stack);
}

DaftarAnnotationDialog *
daftar_test_find_annotation_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i - 1);

      if (DAFTAR_IS_ANNOTATION_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return DAFTAR_ANNOTATION_DIALOG (window);
    }
  return NULL;
}

void
daftar_test_wait_for_count (DaftarDb   *db,
                            const char *sql,
                            gint64      n)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (daftar_test_count (db, sql) != n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  for (int i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}
