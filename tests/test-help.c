/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-help.c: F1 opens the user guide — in the program's own window when no help viewer is installed, in Persian. */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "daftar-application.h"
#include "daftar-help-page.h"
#include "daftar-help-window.h"
#include "daftar-i18n.h"
#include "daftar-screenshot.h"
#include "daftar-style.h"
#include "daftar-test-gtk.h"
#include "daftar-test-util.h"

/* The data and config dirs the test runs with: no help viewer and no
 * installed guide, whatever the machine has (see main). */
static char *xdg_root;

static void
drain (void)
{
  for (int i = 0; i < 10; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static DaftarHelpWindow *
find_help_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (DAFTAR_IS_HELP_WINDOW (window))
        return DAFTAR_HELP_WINDOW (window);
    }
  return NULL;
}

/* The application binds F1 to app.help, and without a help viewer the
 * action opens the guide in a window over the active one. */
static void
test_f1_opens_fallback (void)
{
  g_autoptr(DaftarApplication) app = daftar_application_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  GtkWidget *window;
  DaftarHelpWindow *help;
  g_autofree char *index_text = NULL;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (app), "help"));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  g_assert_cmpstrv (accels, ((const char * const[]) { "F1", NULL }));

  g_assert_false (daftar_help_viewer_available ());
  window = gtk_application_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  drain ();
  g_assert_null (find_help_window ());

  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  drain ();
  help = find_help_window ();
  g_assert_nonnull (help);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (help)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (help)) == GTK_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (help)), ==, "راهنمای «دفتر»");

  /* It opens on the guide's index, in Persian, which lists the pages. */
  g_assert_cmpstr (daftar_help_window_get_page (help), ==, "index");
  index_text = buffer_text (daftar_help_window_get_buffer (help, "index"));
  g_assert_true (g_str_has_prefix (index_text, "راهنمای «دفتر»\n"));
  g_assert_nonnull (strstr (index_text, "• نمای کلی"));
  g_assert_nonnull (strstr (index_text, "• پیشنهاد نیرو و باجه"));

  gtk_window_destroy (GTK_WINDOW (help));
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

/* Every page of the guide is there, in Persian, read whole, and its links
 * lead to the page they name. */
static void
test_fallback_pages (void)
{
  static const char * const expected[] = {
    "index", "overview", "cases", "shifts", "care", "notices",
    "period", "standards", "staffing", "reports", "sync", "preferences", "keyboard", NULL,
  };
  GtkWidget *help = daftar_help_window_new (NULL);
  DaftarHelpWindow *self = DAFTAR_HELP_WINDOW (help);
  g_autofree char *overview = NULL;
  g_autofree char *standards = NULL;
  g_autofree char *keyboard = NULL;
  GtkTextTagTable *tags;

  g_assert_cmpstrv (daftar_help_window_list_pages (self), expected);
  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_autofree char *text = buffer_text (daftar_help_window_get_buffer (self, expected[i]));

      /* Persian, starting with the page's title; no markup shows through. */
      g_assert_cmpuint (g_utf8_get_char (text), >=, 0x0600);
      g_assert_null (strstr (text, "<"));
      g_assert_null (strstr (text, "  "));
    }

  /* The terms the tooltips explain are explained here too. */
  standards = buffer_text (daftar_help_window_get_buffer (self, "standards"));
  g_assert_nonnull (strstr (standards, "صدک ۹۰ زمان انتظار"));
  g_assert_nonnull (strstr (standards, "از هر ۱۰ مراجعه‌کننده، ۹ نفر"));
  /* A key sequence reads as one. */
  keyboard = buffer_text (daftar_help_window_get_buffer (self, "keyboard"));
  g_assert_nonnull (strstr (keyboard, "Ctrl+F"));

  /* <link xref="standards"/> reads as that page's title, and leads to it. */
  overview = buffer_text (daftar_help_window_get_buffer (self, "overview"));
  g_assert_nonnull (strstr (overview, "استانداردهای خدمت و ارقام"));
  tags = gtk_text_buffer_get_tag_table (daftar_help_window_get_buffer (self, "overview"));
  g_assert_nonnull (gtk_text_tag_table_lookup (tags, "link:standards"));
  g_assert_true (daftar_help_window_show_page (self, "standards"));
  g_assert_cmpstr (daftar_help_window_get_page (self), ==, "standards");
  g_assert_false (daftar_help_window_show_page (self, "no-such-page"));
  g_assert_cmpstr (daftar_help_window_get_page (self), ==, "standards");

  /* As PNGs to look at, right to left. */
  gtk_window_set_default_size (GTK_WINDOW (help), 900, 650);
  gtk_window_present (GTK_WINDOW (help));
  g_assert_cmpint (gtk_widget_get_direction (help), ==, GTK_TEXT_DIR_RTL);
  for (guint i = 0; i < 2; i++)
    {
      const char *page = i == 0 ? "index" : "standards";
      g_autofree char *file = g_strdup_printf ("help-fa-%s.png", page);
      g_autofree char *png = g_test_build_filename (G_TEST_BUILT, file, NULL);
      g_autoptr(GError) error = NULL;

      daftar_help_window_show_page (self, page);
      daftar_test_wait_for_frames (help, 4);
      g_assert_true (daftar_screenshot_save (GTK_WINDOW (help), png, &error));
      g_assert_no_error (error);
    }

  gtk_window_destroy (GTK_WINDOW (help));
}

/* The reader shows what Mallard shows: white space collapsed, keys joined,
 * an empty link named after its page, a guide's sections listing pages. */
static void
test_page_reader (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<page xmlns=\"http://projectmallard.org/1.0/\" type=\"guide\" id=\"demo\">\n"
    "  <info><link type=\"guide\" xref=\"index#tasks\"/><desc>What  it\n is.</desc>"
    "    <credit><name>Someone</name></credit></info>\n"
    "  <title>A   page</title>\n"
    "  <p>Press <keyseq><key>Ctrl</key><key>F</key></keyseq>,\n   see <link xref=\"other#part\"/>\n</p>\n"
    "  <steps><item><p>One</p></item><item><p>Two</p></item></steps>\n"
    "  <section id=\"more\"><title>More</title><terms><item><title>Term</title><p>Means.</p></item></terms></section>\n"
    "</page>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarHelpPage) page = daftar_help_page_parse (xml, -1, &error);
  const DaftarHelpBlock *block;
  const DaftarHelpRun *run;

  g_assert_no_error (error);
  g_assert_cmpstr (page->id, ==, "demo");
  g_assert_cmpstr (page->title, ==, "A page");
  g_assert_cmpstr (page->desc, ==, "What it is.");
  g_assert_cmpstr (page->guide, ==, "index#tasks");
  g_assert_true (page->is_guide);
  g_assert_cmpuint (page->blocks->len, ==, 8);

  block = g_ptr_array_index (page->blocks, 1);
  g_assert_cmpint (block->kind, ==, DAFTAR_HELP_BLOCK_PARAGRAPH);
  g_assert_cmpuint (block->runs->len, ==, 4);
  run = g_ptr_array_index (block->runs, 0);
  g_assert_cmpstr (run->text, ==, "Press ");
  run = g_ptr_array_index (block->runs, 1);
  g_assert_cmpstr (run->text, ==, "Ctrl+F");
  g_assert_cmpuint (run->style, ==, DAFTAR_HELP_STYLE_KEY);
  run = g_ptr_array_index (block->runs, 2);
  g_assert_cmpstr (run->text, ==, ", see ");
  run = g_ptr_array_index (block->runs, 3);
  g_assert_null (run->text);
  g_assert_cmpstr (run->link, ==, "other");

  block = g_ptr_array_index (page->blocks, 3);
  g_assert_cmpint (block->kind, ==, DAFTAR_HELP_BLOCK_STEP);
  g_assert_cmpuint (block->number, ==, 2);
  block = g_ptr_array_index (page->blocks, 5);
  g_assert_cmpint (block->kind, ==, DAFTAR_HELP_BLOCK_TERM);
  block = g_ptr_array_index (page->blocks, 6);
  g_assert_cmpint (block->kind, ==, DAFTAR_HELP_BLOCK_DEFINITION);
  block = g_ptr_array_index (page->blocks, 7);
  g_assert_cmpint (block->kind, ==, DAFTAR_HELP_BLOCK_TOPICS);
  g_assert_cmpstr (block->section, ==, "more");

  /* Not a page: an error, not a crash. */
  g_assert_null (daftar_help_page_parse ("<page><p>unclosed</page>", -1, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (daftar_help_page_parse ("<page id=\"x\"><p>no title</p></page>", -1, &error));
  g_assert_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT);
}

/* With a help viewer for "help:" and the guide installed where it looks,
 * F1 goes to the viewer; with the viewer but no installed guide (a build
 * tree), to the window. Each in a child: GIO reads the data dirs once. */
static void
test_viewer_available (void)
{
  if (g_test_subprocess ())
    {
      g_assert_cmpint (daftar_help_viewer_available (), ==, g_getenv ("DAFTAR_TEST_GUIDE_INSTALLED") != NULL);
      return;
    }
  {
    g_autofree char *apps = g_build_filename (xdg_root, "viewer", "applications", NULL);
    g_autofree char *desktop = g_build_filename (apps, "test-help-viewer.desktop", NULL);
    g_autofree char *cache = g_build_filename (apps, "mimeinfo.cache", NULL);
    g_autofree char *data_dirs = g_build_filename (xdg_root, "viewer", NULL);
    g_autofree char *help_dir = g_build_filename (xdg_root, "viewer", "help", "C", "daftar", NULL);
    g_autofree char *index = g_build_filename (help_dir, "index.page", NULL);

    g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
    g_assert_true (g_file_set_contents (desktop,
                                        "[Desktop Entry]\nType=Application\nName=Help viewer\n"
                                        "Exec=true %u\nMimeType=x-scheme-handler/help;\n", -1, NULL));
    /* What update-desktop-database writes: GIO finds handlers through it. */
    g_assert_true (g_file_set_contents (cache, "[MIME Cache]\nx-scheme-handler/help=test-help-viewer.desktop;\n",
                                        -1, NULL));
    g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);
    /* The viewer without the guide: the window. */
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_passed ();

    /* The viewer and the guide: the viewer. */
    g_assert_cmpint (g_mkdir_with_parents (help_dir, 0700), ==, 0);
    g_assert_true (g_file_set_contents (index, "<page/>", -1, NULL));
    g_setenv ("DAFTAR_TEST_GUIDE_INSTALLED", "1", TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_passed ();
    g_unsetenv ("DAFTAR_TEST_GUIDE_INSTALLED");
    g_setenv ("XDG_DATA_DIRS", xdg_root, TRUE);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* No help viewer, no installed guide: the machine's own data and config
   * dirs are out of sight. A child of /help/viewer-available keeps the
   * dirs its parent set up for it. */
  if (!g_test_subprocess ())
    {
      xdg_root = daftar_test_tmpdir_new ();
      g_setenv ("DAFTAR_TEST_XDG_ROOT", xdg_root, TRUE);
      g_setenv ("XDG_DATA_DIRS", xdg_root, TRUE);
    }
  else
    xdg_root = g_strdup (g_getenv ("DAFTAR_TEST_XDG_ROOT"));
  g_setenv ("XDG_DATA_HOME", xdg_root, TRUE);
  g_setenv ("XDG_CONFIG_HOME", xdg_root, TRUE);
  g_setenv ("XDG_CONFIG_DIRS", xdg_root, TRUE);

  daftar_i18n_force ("fa");
  daftar_i18n_init ();
  adw_init ();
  daftar_style_init ();

  g_test_add_func ("/help/f1-opens-fallback", test_f1_opens_fallback);
  g_test_add_func ("/help/fallback-pages", test_fallback_pages);
  g_test_add_func ("/help/page-reader", test_page_reader);
  g_test_add_func ("/help/viewer-available", test_viewer_available);
  return g_test_run ();
}
