/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-application.c: the application — command line, start-up and the window's life. */
#define G_LOG_DOMAIN "daftar-application"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "daftar-application.h"
#include "daftar-cli.h"
#include "daftar-document-cli.h"
#include "daftar-db-worker.h"
#include "daftar-demo-mode.h"
#include "daftar-demo-setup.h"
#include "daftar-help-window.h"
#include "daftar-i18n.h"
#include "daftar-preferences-window.h"
#include "daftar-screenshot.h"
#include "daftar-style.h"
#include "daftar-sync.h"
#include "daftar-window.h"

struct _DaftarApplication
{
  AdwApplication  parent_instance;

  char           *db_path;          /* owned, nullable: --db */
  char           *screenshots_dir;  /* owned, nullable: --screenshots */
  gboolean        demo;             /* --demo */
  int             exit_status;

  DaftarDbWorker *worker;           /* owned, nullable */
  GSettings      *settings;         /* owned, nullable: NULL when the schema is not installed */
  DaftarDemoMode *demo_mode;        /* owned, nullable: --demo's running central server, for "Sync now" */
  GStrv           started_with;     /* owned, nullable: language, digits, calendar as this run applied them */
  DaftarApplicationNext next;       /* what the process becomes once the application has quit */
};

G_DEFINE_FINAL_TYPE (DaftarApplication, daftar_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use this database file"), N_("FILE") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open a generated demo office"), NULL },
  { "screenshots", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Save every page as DIR/PAGE.png and quit"), N_("DIR") },
  { "sync-once", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Sync once without a window, print one summary line and quit"), NULL },
  { "server", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Central server address for --sync-once (default: from Preferences)"), N_("URL") },
  { "report", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Print a report without a window (KIND: summary, cases, shifts, notices, staffing, offices, monthly, evidence, unviewed)"), N_("KIND") },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL, N_("First day of the report, Jalali or Gregorian"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Last day of the report"), N_("DATE") },
  { "office", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Office code (reports: default every office; sync: default from Preferences)"), N_("CODE") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Report format: csv, json, or pdf for the documents monthly, evidence and unviewed"), N_("FORMAT") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("File to write a pdf report to"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { NULL }
};

static int
daftar_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  DaftarApplication *self = DAFTAR_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", _("Daftar"), VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "db", "^ay", &self->db_path);

  /* The demo empties the file it opens: only its own may be that file. */
  if (self->db_path != NULL && g_variant_dict_contains (options, "demo"))
    {
      g_printerr ("%s\n", _("--demo opens a demo database of its own and cannot be used with --db"));
      return 2;
    }

  if (g_variant_dict_contains (options, "sync-once"))
    {
      g_autofree char *server = NULL, *office = NULL;

      g_variant_dict_lookup (options, "server", "s", &server);
      g_variant_dict_lookup (options, "office", "s", &office);
      return daftar_sync_once_main (self->db_path, server, office, NULL);
    }

  if (g_variant_dict_contains (options, "report"))
    {
      g_autofree char *kind = NULL, *from = NULL, *to = NULL, *office = NULL, *format = NULL, *output = NULL;
      DaftarCliReport report = { 0 };

      g_variant_dict_lookup (options, "report", "s", &kind);
      g_variant_dict_lookup (options, "from", "s", &from);
      g_variant_dict_lookup (options, "to", "s", &to);
      g_variant_dict_lookup (options, "office", "s", &office);
      g_variant_dict_lookup (options, "format", "s", &format);
      g_variant_dict_lookup (options, "output", "^ay", &output);
      report.db_path = self->db_path;
      report.kind = kind;
      report.from = from;
      report.to = to;
      report.office = office;
      report.format = format;
      report.output = output;
      /* Documents are drawn here, before GTK starts: no display needed. */
      if (g_strcmp0 (format, "pdf") == 0)
        return daftar_document_cli_report (&report);
      return daftar_cli_report (&report);
    }
  g_variant_dict_lookup (options, "screenshots", "^ay", &self->screenshots_dir);
  self->demo = g_variant_dict_contains (options, "demo");

  /* A run on another database, the demo or a screenshot run must not hand
   * itself to a window that is already open on the office's records. */
  if (self->db_path != NULL || self->screenshots_dir != NULL || self->demo)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
on_about (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { "Daftar developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Daftar"),
                         "application-icon", APP_ID,
                         "version", VERSION,
                         "developer-name", _("Daftar developers"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Dashboards for the managers of Electronic Judicial Services Offices"),
                         "developers", developers,
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* F1: the user guide, in the help viewer or, without one, in a window. */
static void
on_help (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  daftar_help_show (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

static void
on_preferences (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  DaftarApplication *self = DAFTAR_APPLICATION (user_data);
  GtkWidget *preferences;

  if (self->settings == NULL)
    return;
  preferences = daftar_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                               self->settings);
  if (self->started_with != NULL)
    daftar_preferences_window_set_started_with (DAFTAR_PREFERENCES_WINDOW (preferences), self->started_with[0],
                                                self->started_with[1], self->started_with[2]);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
on_sync (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  DaftarSyncController *sync = DAFTAR_IS_WINDOW (window)
                                 ? daftar_window_get_sync_controller (DAFTAR_WINDOW (window)) : NULL;

  /* Not set up yet: the controller asks the window for the connect dialog. */
  if (sync != NULL)
    daftar_sync_controller_sync_now (sync);
}

/* A notification's default action: the Overview, whose alerts it told of. */
static void
on_show_alert (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (app);

  if (!DAFTAR_IS_WINDOW (window))
    return;
  g_debug ("Showing the alert “%s”", g_variant_get_string (parameter, NULL));
  daftar_window_show_page (DAFTAR_WINDOW (window), "overview", NULL, NULL);
  gtk_window_present (window);
}

static void
on_quit (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* Where the process starts over: the running executable itself, so an
 * upgrade, a build tree or a Flatpak each start what is running now. */
#define SELF_EXE "/proc/self/exe"

/* Ends this run so that main() starts Daftar again as @next: every window
 * closes first, so the office's database and the sync are closed before
 * the next run opens anything, and the settings reach the disk before it
 * reads them. */
static void
on_worker_gone (gpointer  data,
                GObject  *where_it_was)
{
  *(gboolean *) data = TRUE;
}

static void
start_over (DaftarApplication     *self,
            DaftarApplicationNext  next)
{
  GList *windows;

  self->next = next;
  g_settings_sync ();
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);

  /* The windows' syncs and queries were cancelled with them; their last
   * callbacks hold the database until they come back. Let them, for a
   * while, so the file is closed (and its WAL checkpointed) before the
   * next run; a run cut short is rolled back as after a crash anyway. */
  if (self->worker != NULL)
    {
      GObject *worker = G_OBJECT (g_steal_pointer (&self->worker));
      gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
      gboolean gone = FALSE;

      g_object_weak_ref (worker, on_worker_gone, &gone);
      g_object_unref (worker);
      while (!gone && g_get_monotonic_time () < deadline)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (10000);
      if (!gone)
        g_object_weak_unref (worker, on_worker_gone, &gone);
    }
  g_application_quit (G_APPLICATION (self));
}

/* Preferences' "Restart Now": a new language, digits or calendar are
 * applied only at start (daftar-i18n). */
static void
on_restart (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  start_over (DAFTAR_APPLICATION (user_data), DAFTAR_APPLICATION_NEXT_RESTART);
}

/* The empty first-run window's "Open the Demo Office": this run closes
 * the office's database and `daftar --demo` starts in its place, with its
 * own database and central server, never the office's. */
static void
on_open_demo (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  start_over (DAFTAR_APPLICATION (user_data), DAFTAR_APPLICATION_NEXT_DEMO);
}

DaftarApplicationNext
daftar_application_get_next (DaftarApplication *self)
{
  g_return_val_if_fail (DAFTAR_IS_APPLICATION (self), DAFTAR_APPLICATION_NEXT_EXIT);
  return self->next;
}

char **
daftar_application_next_arguments (DaftarApplication *self,
                                   char             **argv)
{
  g_return_val_if_fail (DAFTAR_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (argv != NULL && argv[0] != NULL, NULL);

  switch (self->next)
    {
    case DAFTAR_APPLICATION_NEXT_RESTART:
      return g_strdupv (argv);
    case DAFTAR_APPLICATION_NEXT_DEMO:
      return g_strdupv ((char *[]) { argv[0], (char *) "--demo", NULL });
    case DAFTAR_APPLICATION_NEXT_EXIT:
    default:
      return NULL;
    }
}

int
daftar_application_exec (char **arguments,
                         char **environment)
{
  g_return_val_if_fail (arguments != NULL && environment != NULL, 1);

  execve (SELF_EXE, arguments, environment);
  {
    int saved = errno;
    g_autofree char *message = g_strdup_printf (_("Daftar could not start again: %s"), g_strerror (saved));

    g_printerr ("%s\n", message);
  }
  return 1;
}

static void
daftar_application_startup (GApplication *app)
{
  static const GActionEntry actions[] = {
    { "about", on_about },
    { "help", on_help },
    { "preferences", on_preferences },
    { "sync", on_sync },
    { "show-alert", on_show_alert, "s" },
    { "quit", on_quit },
    { "restart", on_restart },
    { "open-demo", on_open_demo },
  };
  /* Each is listed in the shortcuts window (gtk/help-overlay.ui). */
  static const struct { const char *action; const char *accel; } accels[] = {
    { "app.help", "F1" },
    { "app.quit", "<Control>q" },
    { "app.preferences", "<Control>comma" },
    { "app.sync", "<Control>r" },
    { "win.search", "<Control>f" },
    { "win.choose-period", "<Control>d" },
    { "win.next-region", "F6" },
    { "win.previous-region", "<Shift>F6" },
    { "win.print", "<Control>p" },
    { "win.show-page::overview", "<Control>1" },
    { "win.show-page::cases", "<Control>2" },
    { "win.show-page::shifts", "<Control>3" },
    { "win.show-page::notices", "<Control>4" },
    { "win.show-page::care", "<Control>5" },
  };
  DaftarApplication *self = DAFTAR_APPLICATION (app);

  G_APPLICATION_CLASS (daftar_application_parent_class)->startup (app);

  daftar_style_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      const char *one[] = { accels[i].accel, NULL };
      gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, one);
    }

  /* Without an installed schema (running from a source tree without
   * GSETTINGS_SCHEMA_DIR) there is nothing to keep preferences in. */
  self->settings = daftar_i18n_settings_new ();
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app), "preferences")),
                               self->settings != NULL);
  /* What daftar_i18n_init applied before the application started. */
  if (self->settings != NULL)
    {
      g_autofree char *language = g_settings_get_string (self->settings, "language");
      g_autofree char *digits = g_settings_get_string (self->settings, "digits");
      g_autofree char *calendar = g_settings_get_string (self->settings, "calendar");

      self->started_with = g_strdupv ((char *[]) { language, digits, calendar, NULL });
    }
  /* Starting over needs the running executable; without /proc there is
   * none to start, and the buttons that would say so stay off. */
  {
    gboolean can_start_over = g_file_test (SELF_EXE, G_FILE_TEST_IS_EXECUTABLE);

    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app), "restart")),
                                 can_start_over);
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app), "open-demo")),
                                 can_start_over && !self->demo && self->screenshots_dir == NULL);
  }
}

/* --screenshots: every page once its figures are on screen, then quit. */

typedef struct
{
  DaftarApplication *app;
  DaftarWindow      *window;
  GdkFrameClock     *clock;
  guint              page;
  gboolean           settled;
  guint              paints;           /* frames painted so far */
  guint              paints_settled;   /* ... when the page was first seen current */
  guint              empty_captures;   /* of this page, each waited out with a frame */
} ScreenshotRun;

/* How many times a page may give nothing to capture before the run gives
 * up: each waits for one more painted frame (300 ms ticks). */
#define SCREENSHOT_EMPTY_CAPTURES_MAX 20

static void
on_screenshot_paint (GdkFrameClock *clock,
                     ScreenshotRun *run)
{
  run->paints++;
}

static void
finish_screenshots (ScreenshotRun *run)
{
  g_signal_handlers_disconnect_by_func (run->clock, on_screenshot_paint, run);
  g_application_quit (G_APPLICATION (run->app));
  g_free (run);
}

static gboolean
take_next_screenshot (gpointer data)
{
  ScreenshotRun *run = data;
  const char * const *pages = daftar_window_list_pages (run->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (pages[run->page] == NULL)
    {
      finish_screenshots (run);
      return G_SOURCE_REMOVE;
    }

  /* Wait for the page's figures, then for a frame painted after them: a
   * page built on its first visit, on a busy machine, may need longer than
   * one tick before the switcher and the figures are drawn. */
  if (!daftar_window_page_is_current (run->window, pages[run->page]))
    {
      run->settled = FALSE;
      return G_SOURCE_CONTINUE;
    }
  if (!run->settled)
    {
      run->settled = TRUE;
      run->paints_settled = run->paints;
      gtk_widget_queue_draw (GTK_WIDGET (run->window));
      return G_SOURCE_CONTINUE;
    }
  if (run->paints == run->paints_settled)
    return G_SOURCE_CONTINUE;

  file = g_strconcat (pages[run->page], ".png", NULL);
  path = g_build_filename (run->app->screenshots_dir, file, NULL);
  if (!daftar_screenshot_save (GTK_WINDOW (run->window), path, &error))
    {
      /* A window caught between two frames on a busy machine gives an
       * empty snapshot: wait for another painted frame, for a while. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED) &&
          run->empty_captures++ < SCREENSHOT_EMPTY_CAPTURES_MAX)
        {
          run->paints_settled = run->paints;
          gtk_widget_queue_draw (GTK_WIDGET (run->window));
          return G_SOURCE_CONTINUE;
        }
      g_printerr ("%s\n", error->message);
      run->app->exit_status = 1;
      finish_screenshots (run);
      return G_SOURCE_REMOVE;
    }
  g_print ("%s\n", path);

  run->page++;
  run->settled = FALSE;
  run->empty_captures = 0;
  if (pages[run->page] != NULL)
    daftar_window_show_page (run->window, pages[run->page], NULL, NULL);
  return G_SOURCE_CONTINUE;
}

static void
on_window_ready (DaftarWindow      *window,
                 DaftarApplication *self)
{
  ScreenshotRun *run;
  const char * const *pages;

  if (self->screenshots_dir == NULL)
    return;
  g_signal_handlers_disconnect_by_func (window, on_window_ready, self);

  run = g_new0 (ScreenshotRun, 1);
  run->app = self;
  run->window = window;
  /* The window was presented before it could be ready, so it has a clock. */
  run->clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (run->clock, "after-paint", G_CALLBACK (on_screenshot_paint), run);
  pages = daftar_window_list_pages (window);
  daftar_window_show_page (window, pages[0], NULL, NULL);
  g_timeout_add (300, take_next_screenshot, run);
}

/* --demo: a generated office is served by an embedded central server on
 * 127.0.0.1 and synced through the real client, so the demo takes the same
 * path as an office's data. */

static void
prepare_demo_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DaftarWindow) window = user_data;
  DaftarApplication *self = DAFTAR_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  g_autoptr(GError) error = NULL;
  DaftarDemoMode *mode = daftar_demo_mode_prepare_finish (result, &error);
  DaftarSyncController *sync;

  if (mode == NULL)
    {
      daftar_window_show_error (window, error->message);
      return;
    }
  g_clear_object (&self->demo_mode);
  self->demo_mode = mode;

  daftar_window_set_worker (window, self->worker);
  sync = daftar_window_get_sync_controller (window);
  daftar_sync_controller_set_server (sync, daftar_demo_mode_get_url (mode),
                                     daftar_demo_mode_get_office_code (mode, 0),
                                     daftar_demo_mode_get_token (mode));
  if (self->screenshots_dir == NULL)
    daftar_sync_controller_set_automatic (sync, TRUE);
}

static void
daftar_application_activate (GApplication *app)
{
  DaftarApplication *self = DAFTAR_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (daftar_window_new (GTK_APPLICATION (app)));
  g_signal_connect (window, "ready", G_CALLBACK (on_window_ready), self);
  /* Screenshots are always 1280×800 and walk every page, so they neither
   * restore nor save the manager's window. */
  if (self->screenshots_dir != NULL)
    gtk_window_set_default_size (window, 1280, 800);
  else if (self->settings != NULL)
    daftar_window_restore_state (DAFTAR_WINDOW (window), self->settings);
  gtk_window_present (window);

  if (self->db_path != NULL)
    path = g_strdup (self->db_path);
  else if (self->demo)
    path = daftar_demo_setup_default_path ();
  else
    path = daftar_db_default_path ();

  self->worker = daftar_db_worker_new (path);
  daftar_window_set_offer_setup (DAFTAR_WINDOW (window), !self->demo && self->screenshots_dir == NULL);
  if (self->demo)
    daftar_demo_mode_prepare_async (self->worker, NULL, prepare_demo_done, g_object_ref (window));
  else
    {
      daftar_window_set_worker (DAFTAR_WINDOW (window), self->worker);
      /* Screenshots show the records as they are; a window keeps them fresh. */
      if (self->screenshots_dir == NULL)
        daftar_sync_controller_set_automatic (daftar_window_get_sync_controller (DAFTAR_WINDOW (window)), TRUE);
    }
}

static void
daftar_application_finalize (GObject *object)
{
  DaftarApplication *self = DAFTAR_APPLICATION (object);

  g_clear_object (&self->worker);
  g_clear_object (&self->settings);
  g_clear_object (&self->demo_mode);
  g_clear_pointer (&self->started_with, g_strfreev);
  g_free (self->db_path);
  g_free (self->screenshots_dir);

  G_OBJECT_CLASS (daftar_application_parent_class)->finalize (object);
}

static void
daftar_application_class_init (DaftarApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = daftar_application_finalize;
  app_class->handle_local_options = daftar_application_handle_local_options;
  app_class->startup = daftar_application_startup;
  app_class->activate = daftar_application_activate;
}

static void
daftar_application_init (DaftarApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Dashboards of cases, shift loads and notice read rates for an Electronic Judicial Services Office."));
}

DaftarApplication *
daftar_application_new (void)
{
  return g_object_new (DAFTAR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", "/io/github/daftar/Daftar",
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}
