/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-language-setting.c: the "language", "digits" and "calendar" preferences decide the UI's language, direction and formatting at start. */
#include "config.h"

#include <string.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <adwaita.h>

#include "daftar-application.h"
#include "daftar-format.h"
#include "daftar-i18n.h"
#include "daftar-test-util.h"

#define PERSIAN_TITLE "دفتر"

/* What the window showed when it first settled. */
typedef struct
{
  gboolean         seen;
  GtkTextDirection direction;
  char            *title;
  gboolean         header_label;
  gboolean         shortcuts_persian;
} WindowSeen;

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
has_shortcut (GtkWidget  *widget,
              const char *title)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *text = NULL;
      g_object_get (widget, "title", &text, NULL);
      if (g_strcmp0 (text, title) == 0)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_shortcut (child, title))
      return TRUE;
  return FALSE;
}

static void
on_window_ready (GtkWindow  *window,
                 WindowSeen *seen)
{
  if (seen->seen)
    return;
  seen->seen = TRUE;
  seen->direction = gtk_widget_get_direction (GTK_WIDGET (window));
  seen->title = g_strdup (gtk_window_get_title (window));
  seen->header_label = has_label (GTK_WIDGET (window), PERSIAN_TITLE);
  /* GtkApplication attached the shortcuts window from the resources, in
   * Persian: "Sync Now" is «همگام‌سازی هم‌اکنون». */
  if (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) != NULL)
    seen->shortcuts_persian = has_shortcut (GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))),
                                            "همگام‌سازی هم‌اکنون");
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 WindowSeen     *seen)
{
  g_signal_connect (window, "ready", G_CALLBACK (on_window_ready), seen);
}

/* The real application, in this process, on an empty database: the memory
 * settings backend is shared with daftar_i18n_init. */
static void
test_persian_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *db_path = g_build_filename (dir, "daftar.db", NULL);
  char program[] = "daftar", db_option[] = "--db";
  char *argv[] = { program, db_option, db_path, NULL };
  g_autoptr(DaftarApplication) app = NULL;
  WindowSeen seen = { 0 };
  int status;

  /* The desktop speaks English; the preference says Persian. */
  g_assert_cmpstr (g_getenv ("LANG"), ==, "en_US.UTF-8");
  g_assert_null (g_getenv ("LANGUAGE"));
  g_settings_set_string (settings, "language", "fa");
  daftar_i18n_init ();
  g_assert_true (daftar_i18n_is_persian ());

  app = daftar_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &seen);
  status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);
  g_assert_cmpint (status, ==, 0);

  g_assert_true (seen.seen);
  g_assert_cmpint (seen.direction, ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpstr (seen.title, ==, PERSIAN_TITLE);
  /* Not only the property: a label in the header shows it. */
  g_assert_true (seen.header_label);
  g_assert_true (seen.shortcuts_persian);

  g_free (seen.title);
  g_settings_reset (settings, "language");
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_digits_and_calendar (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *languages[] = { "fa", "en", "system" };
  const char *digits[] = { "auto", "persian", "latin" };
  const char *calendars[] = { "jalali", "gregorian" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint d = 0; d < G_N_ELEMENTS (digits); d++)
      for (guint c = 0; c < G_N_ELEMENTS (calendars); c++)
        {
          /* "system" is English here: LANG is en_US. */
          gboolean persian_ui = g_str_equal (languages[l], "fa");
          gboolean persian_digits = g_str_equal (digits[d], "persian") ||
                                    (g_str_equal (digits[d], "auto") && persian_ui);
          DaftarFormatLanguage lang;
          DaftarFormatDigits got_digits;
          DaftarFormatCalendar got_calendar;
          g_autofree char *number = NULL;
          GDate day;
          g_autofree char *date = NULL;

          g_settings_set_string (settings, "language", languages[l]);
          g_settings_set_string (settings, "digits", digits[d]);
          g_settings_set_string (settings, "calendar", calendars[c]);
          g_unsetenv ("LANGUAGE");
          daftar_i18n_init ();
          daftar_format_get_config (&lang, &got_digits, &got_calendar);

          g_test_message ("%s %s %s", languages[l], digits[d], calendars[c]);
          g_assert_cmpint (daftar_i18n_is_persian (), ==, persian_ui);
          g_assert_cmpint (lang, ==, persian_ui ? DAFTAR_FORMAT_LANGUAGE_PERSIAN : DAFTAR_FORMAT_LANGUAGE_ENGLISH);
          g_assert_cmpint (got_digits, ==, persian_digits ? DAFTAR_FORMAT_DIGITS_PERSIAN : DAFTAR_FORMAT_DIGITS_LATIN);
          g_assert_cmpint (got_calendar, ==, g_str_equal (calendars[c], "gregorian") ? DAFTAR_FORMAT_CALENDAR_GREGORIAN
                                                                                      : DAFTAR_FORMAT_CALENDAR_JALALI);

          /* And the figures on screen follow. */
          number = daftar_format_int (2025);
          g_assert_true (g_str_has_prefix (number, persian_digits ? "۲" : "2"));
          g_date_clear (&day, 1);
          g_date_set_dmy (&day, 21, G_DATE_MARCH, 2025);  /* 1 Farvardin 1404 */
          date = daftar_format_date_short (&day);
          g_test_message ("%s %s", number, date);
          if (g_str_equal (calendars[c], "gregorian"))
            g_assert_nonnull (strstr (date, persian_digits ? "۲۰۲۵" : "2025"));
          else
            g_assert_nonnull (strstr (date, persian_digits ? "۱۴۰۴" : "1404"));
        }

  /* Tests force the language whatever the settings say. */
  g_settings_set_string (settings, "language", "en");
  g_settings_set_string (settings, "digits", "auto");
  daftar_i18n_force ("fa");
  daftar_i18n_init ();
  g_assert_true (daftar_i18n_is_persian ());
  daftar_i18n_force (NULL);

  g_settings_reset (settings, "language");
  g_settings_reset (settings, "digits");
  g_settings_reset (settings, "calendar");
  g_unsetenv ("LANGUAGE");
  daftar_i18n_init ();
}

/* The installed way: the real binary, its settings in a keyfile under a
 * temporary XDG_CONFIG_HOME, written through GSettings itself. */
static char **
binary_env (const char *dir,
            const char *lang)
{
  char **env = g_get_environ ();
  g_autofree char *config = g_build_filename (dir, "config", NULL);
  g_autofree char *cache = g_build_filename (dir, "cache", NULL);
  g_autofree char *data = g_build_filename (dir, "data", NULL);

  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "keyfile", TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", cache, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", data, TRUE);
  env = g_environ_setenv (env, "LANG", lang, TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_unsetenv (env, "LC_ALL");
  env = g_environ_unsetenv (env, "LC_MESSAGES");
  return env;
}

static void
write_language (const char *dir,
                const char *language)
{
  g_autofree char *keyfile = g_build_filename (dir, "config", "glib-2.0", "settings", "keyfile", NULL);
  g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (keyfile, "/", NULL);
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APP_ID, backend);

  g_settings_set_string (settings, "language", language);
  g_settings_sync ();
  g_assert_true (g_file_test (keyfile, G_FILE_TEST_EXISTS));
}

static char *
run_binary (char       **env,
            const char * const *args,
            int         *status)
{
  g_autofree char *binary = g_test_build_filename (G_TEST_BUILT, "..", "src", "daftar", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, status, &error));
  g_assert_no_error (error);
  if (err != NULL && *err != '\0')
    g_test_message ("daftar stderr: %s", err);
  return g_steal_pointer (&out);
}

static void
test_binary_reads_keyfile (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_auto(GStrv) env = NULL;
  const char *version[] = { "--version", NULL };
  g_autofree char *out = NULL;
  int status = -1;

  /* An English desktop, Persian chosen in the preferences. */
  write_language (dir, "fa");
  env = binary_env (dir, "en_US.UTF-8");
  out = run_binary (env, version, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_str_has_prefix (out, PERSIAN_TITLE " "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&env, g_strfreev);

  /* A Persian desktop, English chosen: the preference still wins. */
  write_language (dir, "en");
  env = binary_env (dir, "fa_IR.UTF-8");
  out = run_binary (env, version, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_str_has_prefix (out, "Daftar "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&env, g_strfreev);

  /* And "system" follows the desktop again. */
  write_language (dir, "system");
  env = binary_env (dir, "fa_IR.UTF-8");
  out = run_binary (env, version, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_str_has_prefix (out, PERSIAN_TITLE " "));

  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The whole window, rendered by the real binary with the demo office. The
 * picture is kept in the build dir for a person to look at. */
static void
test_binary_screenshots (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *shots = g_build_filename (dir, "shots", NULL);
  g_autofree char *overview = g_build_filename (shots, "overview.png", NULL);
  g_autofree char *kept = g_test_build_filename (G_TEST_BUILT, "language-setting-overview.png", NULL);
  const char *args[] = { "--demo", "--screenshots", shots, NULL };
  g_auto(GStrv) env = NULL;
  g_autofree char *out = NULL;
  g_autofree char *png = NULL;
  gsize png_length = 0;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  write_language (dir, "fa");
  env = binary_env (dir, "en_US.UTF-8");
  out = run_binary (env, args, &status);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "overview.png"));
  /* Every page of the window, the Client care page among them. */
  for (const char * const *page = (const char * const[]) { "cases", "shifts", "care", "notices", NULL }; *page; page++)
    {
      g_autofree char *file = g_strconcat (*page, ".png", NULL);
      g_autofree char *path = g_build_filename (shots, file, NULL);

      g_assert_nonnull (strstr (out, file));
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }

  texture = gdk_texture_new_from_filename (overview, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), >=, 1000);
  g_assert_true (g_file_get_contents (overview, &png, &png_length, NULL));
  g_assert_true (g_file_set_contents (kept, png, png_length, NULL));
  g_test_message ("kept %s", kept);

  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  /* An English desktop: only the preference can make the UI Persian. */
  g_setenv ("LANG", "en_US.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");

  /* The accessibility bus under Xvfb sometimes dies while starting, and
   * GTK 4 then fails to register the application: nothing here reads it. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/language-setting/persian-window", test_persian_window);
  g_test_add_func ("/language-setting/digits-and-calendar", test_digits_and_calendar);
  g_test_add_func ("/language-setting/binary-reads-keyfile", test_binary_reads_keyfile);
  g_test_add_func ("/language-setting/binary-screenshots", test_binary_screenshots);

  return g_test_run ();
}
