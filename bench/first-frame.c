/* SPDX-License-Identifier: GPL-3.0-or-later */
/* first-frame.c: benchmark — from launch to the window's first frame and to figures on screen, with peak memory, over several fresh processes. */
#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "daftar-db-worker.h"
#include "daftar-i18n.h"
#include "daftar-renderer.h"
#include "daftar-style.h"
#include "daftar-time.h"
#include "daftar-window.h"

/* What one launch saw, in CLOCK_MONOTONIC microseconds (g_get_monotonic_time). */
typedef struct
{
  gint64        main;          /* main() entered */
  gint64        init;          /* GTK, libadwaita, language and style ready */
  gint64        presented;     /* window built and presented */
  gint64        first_frame;   /* first after-paint of the window's frame clock */
  gint64        ready;         /* daftar_window_is_ready: the first page has its figures */
  gint64        ready_frame;   /* the first after-paint after that: figures on screen */
  GdkFrameClock *clock;
  DaftarWindow  *window;
} Launch;

static void
on_after_paint (GdkFrameClock *clock, Launch *l)
{
  gint64 now = g_get_monotonic_time ();

  if (l->first_frame == 0)
    l->first_frame = now;
  if (l->ready != 0 && l->ready_frame == 0)
    l->ready_frame = now;
}

static void
on_realize (GtkWidget *widget, Launch *l)
{
  l->clock = gtk_widget_get_frame_clock (widget);
  g_signal_connect (l->clock, "after-paint", G_CALLBACK (on_after_paint), l);
}

static void
on_ready (DaftarWindow *window, Launch *l)
{
  if (l->ready == 0)
    l->ready = g_get_monotonic_time ();
  /* Make sure a frame follows even if nothing else asks for one. */
  gtk_widget_queue_draw (GTK_WIDGET (window));
}

/* One launch in this process: prints "main init presented first_frame ready
 * ready_frame max_rss_kib renderer", times as absolute monotonic
 * microseconds, renderer as the type name of the window's GskRenderer
 * (GSK_RENDERER if set, else cairo where no GPU serves the display,
 * else GTK's choice: the figures depend on it). */
static int
launch_once (const char *db_path, const GDate *today, gint64 t_main)
{
  Launch l = { .main = t_main };
  g_autoptr(DaftarDbWorker) worker = NULL;
  gint64 deadline;
  struct rusage usage;
  GskRenderer *renderer;

  /* As main() does. */
  daftar_i18n_init ();
  daftar_renderer_choose ();
  adw_init ();
  daftar_style_init ();
  l.init = g_get_monotonic_time ();

  /* As the application does on activate: the worker opens the file on its
   * own thread, the window shows "loading" until the first page is in. */
  worker = daftar_db_worker_new (db_path);
  l.window = daftar_window_new (NULL);
  g_signal_connect (l.window, "realize", G_CALLBACK (on_realize), &l);
  g_signal_connect (l.window, "ready", G_CALLBACK (on_ready), &l);
  gtk_window_set_default_size (GTK_WINDOW (l.window), 1280, 800);
  if (today != NULL)
    daftar_window_set_today (l.window, today);
  gtk_window_present (GTK_WINDOW (l.window));
  daftar_window_set_worker (l.window, worker);
  l.presented = g_get_monotonic_time ();

  deadline = l.presented + 120 * G_USEC_PER_SEC;
  while (l.ready_frame == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (l.ready_frame == 0)
    {
      g_printerr ("The window was not ready within 120 s\n");
      return 1;
    }

  getrusage (RUSAGE_SELF, &usage);
  renderer = gtk_native_get_renderer (GTK_NATIVE (l.window));
  g_print ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
           " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %ld %s\n",
           l.main, l.init, l.presented, l.first_frame, l.ready, l.ready_frame, usage.ru_maxrss,
           renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none");
  if (l.clock != NULL)
    g_signal_handlers_disconnect_by_func (l.clock, on_after_paint, &l);
  gtk_window_destroy (GTK_WINDOW (l.window));
  return 0;
}

/* The schema version of the database at @path, read without writing a byte
 * (immutable: no lock, no -wal or -shm); -1 if it cannot be read. */
static int
read_schema_version (const char *path)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
quantile (double *v, int n, double q)
{
  qsort (v, n, sizeof *v, compare_double);
  return v[(int) ceil (q * n) - 1];
}

enum { SPAWN_TO_MAIN, SPAWN_TO_FIRST_FRAME, INIT, MAIN_TO_FIRST_FRAME, SPAWN_TO_READY, SPAWN_TO_READY_FRAME,
       RSS_MIB, N_FIGURES };

static const char * const figure_names[N_FIGURES] = {
  "spawn -> main()", "spawn -> first frame", "main() -> GTK/adw/style ready", "main() -> first frame",
  "spawn -> first page ready", "spawn -> figures painted", "peak resident MiB",
};
static const char * const figure_keys[N_FIGURES] = {
  "spawn_to_main_ms", "spawn_to_first_frame_ms", "main_to_init_ms", "main_to_first_frame_ms",
  "spawn_to_ready_ms", "spawn_to_ready_frame_ms", "max_rss_mib",
};

int
main (int argc, char **argv)
{
  gint64 t_main = g_get_monotonic_time ();
  g_autofree char *db_path = NULL, *last = NULL, *json_path = NULL, *renderer = NULL;
  gboolean once = FALSE, migrate = FALSE;
  int runs = 10, version, latest;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "Database file (e.g. the dashboard benchmark's)", "FILE" },
    { "last-day", 0, 0, G_OPTION_ARG_STRING, &last, "\"Today\" for the window (default 2025-11-18; \"real\": today)", "DAY" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Launches (default 10)", "N" },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "Also write the figures as JSON", "FILE" },
    { "migrate", 0, 0, G_OPTION_ARG_NONE, &migrate, "Migrate an older database first, in an untimed launch", NULL },
    { "once", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &once, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the window from launch to first frame");
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) child_builder = g_strv_builder_new ();
  g_auto(GStrv) child_argv = NULL;
  double *figures[N_FIGURES] = { NULL };   /* freed on exit */
  GDate today;
  const char *day;

  /* The build tree's schemas and catalog, and no GSettings written to disk. */
  g_setenv ("GSETTINGS_SCHEMA_DIR", BENCH_BUILD_ROOT "/data", FALSE);
  g_setenv ("DAFTAR_LOCALEDIR", BENCH_BUILD_ROOT "/po", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", FALSE);

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_ignore_unknown_options (context, FALSE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  day = last != NULL ? last : "2025-11-18";
  if (db_path == NULL || runs < 1 || (!g_str_equal (day, "real") && !daftar_time_parse_day (day, &today)))
    {
      g_printerr ("Usage: first-frame --db FILE [--runs N] [--last-day YYYY-MM-DD|real] [--json FILE] [--migrate]\n");
      return 2;
    }
  if (once)
    return launch_once (db_path, g_str_equal (day, "real") ? NULL : &today, t_main);

  /* Opening a database older than this build migrates it: that would
   * change a file that other benchmarks share, and time a migration as if
   * it were a launch. */
  version = read_schema_version (db_path);
  latest = daftar_db_get_latest_version ();
  if (version < 0)
    {
      g_printerr ("Cannot read the schema version of %s\n", db_path);
      return 2;
    }
  if (version < latest && !migrate)
    {
      g_printerr ("%s is at schema version %d, this build at %d: a launch would migrate it.\n"
                  "Run on a copy with --migrate, or on a database made by this build.\n",
                  db_path, version, latest);
      return 2;
    }

  /* Each launch in a fresh process, as the user starts the program. */
  g_strv_builder_add_many (child_builder, argv[0], "--once", "--db", db_path, "--last-day", day, NULL);
  child_argv = g_strv_builder_end (child_builder);
  for (int f = 0; f < N_FIGURES; f++)
    figures[f] = g_new (double, runs);

  if (version < latest)
    {
      g_autofree char *out = NULL;
      int status;

      g_print ("migrating %s from schema version %d to %d (not timed)\n", db_path, version, latest);
      if (!g_spawn_sync (NULL, child_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                         &out, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        {
          g_printerr ("Migrating launch failed: %s\n", error->message);
          return 1;
        }
    }

  g_print ("first frame: %s, today %s, %d launches, display %s, GSK_RENDERER %s\n", db_path, day, runs,
           g_getenv ("DISPLAY") ? g_getenv ("DISPLAY") : g_getenv ("WAYLAND_DISPLAY"),
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "(default)");
  for (int i = 0; i < runs; i++)
    {
      g_autofree char *out = NULL;
      char name[64] = "";
      gint64 t[6], t_spawn = g_get_monotonic_time ();
      long rss;
      int status;

      if (!g_spawn_sync (NULL, child_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                         &out, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error) ||
          sscanf (out, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                  " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %ld %63s", &t[0], &t[1], &t[2], &t[3], &t[4], &t[5], &rss,
                  name) != 8)
        {
          g_printerr ("Launch %d failed: %s\n", i + 1, error ? error->message : out);
          return 1;
        }
      figures[SPAWN_TO_MAIN][i] = (t[0] - t_spawn) / 1000.0;
      figures[SPAWN_TO_FIRST_FRAME][i] = (t[3] - t_spawn) / 1000.0;
      figures[INIT][i] = (t[1] - t[0]) / 1000.0;
      figures[MAIN_TO_FIRST_FRAME][i] = (t[3] - t[0]) / 1000.0;
      figures[SPAWN_TO_READY][i] = (t[4] - t_spawn) / 1000.0;
      figures[SPAWN_TO_READY_FRAME][i] = (t[5] - t_spawn) / 1000.0;
      figures[RSS_MIB][i] = rss / 1024.0;
      if (renderer == NULL)
        renderer = g_strdup (name);
      else if (!g_str_equal (renderer, name))
        g_printerr ("Launch %d drew with %s, launch 1 with %s\n", i + 1, name, renderer);
    }
  g_print ("renderer: %s (%s)\n", renderer,
           g_getenv ("GSK_RENDERER") != NULL ? "named by GSK_RENDERER"
           : daftar_renderer_gpu_available () ? "GTK's choice: a GPU serves this display"
           : "Daftar's choice: no GPU serves this display");

  {
    g_autoptr(JsonBuilder) json = json_builder_new ();

    json_builder_begin_object (json);
    json_builder_set_member_name (json, "runs"), json_builder_add_int_value (json, runs);
    json_builder_set_member_name (json, "renderer"), json_builder_add_string_value (json, renderer);
    g_print ("%-32s %10s %10s %10s\n", "", "p50", "p95", "max");
    for (int f = 0; f < N_FIGURES; f++)
      {
        double p50 = quantile (figures[f], runs, 0.5), p95 = quantile (figures[f], runs, 0.95);
        double max = figures[f][runs - 1];

        g_print ("%-32s %10.1f %10.1f %10.1f%s\n", figure_names[f], p50, p95, max,
                 f == SPAWN_TO_FIRST_FRAME ? "   (budget 300 ms)" : f == RSS_MIB ? "   (budget 150 MiB)" : "");
        json_builder_set_member_name (json, figure_keys[f]);
        json_builder_begin_object (json);
        json_builder_set_member_name (json, "p50"), json_builder_add_double_value (json, p50);
        json_builder_set_member_name (json, "p95"), json_builder_add_double_value (json, p95);
        json_builder_set_member_name (json, "max"), json_builder_add_double_value (json, max);
        json_builder_end_object (json);
      }
    json_builder_end_object (json);
    if (json_path != NULL)
      {
        g_autoptr(JsonGenerator) generator = json_generator_new ();
        g_autoptr(JsonNode) root = json_builder_get_root (json);

        json_generator_set_root (generator, root);
        json_generator_set_pretty (generator, TRUE);
        if (!json_generator_to_file (generator, json_path, &error))
          {
            g_printerr ("%s\n", error->message);
            return 1;
          }
      }
  }
  return 0;
}
