/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-font.c: Persian text in the real windows is drawn in Vazirmatn, as Pango resolves it, not in a fallback font. */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "daftar-db-worker.h"
#include "daftar-i18n.h"
#include "daftar-preferences-window.h"
#include "daftar-style.h"
#include "daftar-test-util.h"
#include "daftar-window.h"

#define PERSIAN_FONT "Vazirmatn"

static gboolean
has_arabic_script (const char *text,
                   gssize      length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_ARABIC)
      return TRUE;
  return FALSE;
}

/* Asserts that every run of Arabic-script text in @label's layout is set in
 * PERSIAN_FONT: the font Pango picked for the run's glyphs, after the CSS
 * font-family list and fontconfig's fallback, so a missing font or a rule
 * that does not reach this widget both show. Returns the number of runs. */
static guint
check_label (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  guint runs = 0;

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      g_autoptr(PangoFontDescription) desc = NULL;
      const char *family;

      if (run == NULL || !has_arabic_script (text + run->item->offset, run->item->length))
        continue;
      desc = pango_font_describe (run->item->analysis.font);
      family = pango_font_description_get_family (desc);
      if (g_strcmp0 (family, PERSIAN_FONT) != 0)
        g_test_message ("«%s» is drawn in %s", text, family);
      g_assert_cmpstr (family, ==, PERSIAN_FONT);
      runs++;
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  return runs;
}

static guint
check_widget (GtkWidget *widget)
{
  guint runs = 0;

  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      has_arabic_script (gtk_label_get_text (GTK_LABEL (widget)), -1))
    runs += check_label (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    runs += check_widget (child);
  return runs;
}

static void
draw_frames (void)
{
  for (int i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }
}

/* The main window on an office with no records yet: header, page switcher
 * and the status page's title and description. */
static void
test_main_window (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(DaftarDbWorker) worker = daftar_db_worker_new (path);
  DaftarWindow *window = daftar_window_new (NULL);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  guint runs;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  daftar_window_set_worker (window, worker);
  while (!daftar_window_is_ready (window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  draw_frames ();

  runs = check_widget (GTK_WIDGET (window));
  g_test_message ("%u Persian runs in the main window", runs);
  g_assert_cmpuint (runs, >=, 5);

  gtk_window_destroy (GTK_WINDOW (window));
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A dialog is a window of its own: the font must reach it too. */
static void
test_preferences_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = daftar_preferences_window_new (NULL, settings);
  guint runs;

  gtk_window_present (GTK_WINDOW (window));
  draw_frames ();

  runs = check_widget (window);
  g_test_message ("%u Persian runs in the preferences window", runs);
  g_assert_cmpuint (runs, >=, 5);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  daftar_i18n_force ("fa");
  daftar_i18n_init ();
  adw_init ();
  daftar_style_init ();

  g_test_add_func ("/font/main-window", test_main_window);
  g_test_add_func ("/font/preferences-window", test_preferences_window);
  return g_test_run ();
}
