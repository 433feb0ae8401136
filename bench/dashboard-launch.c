/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dashboard-launch.c: the dashboard benchmark's launch figures — bench/first-frame run on the same database, when there is a display. */
#include "config.h"

#include <glib/gstdio.h>

#include "dashboard-private.h"

/* first-frame opens a window, so it is a program of its own (GTK once
 * per process, a fresh process per launch) and needs a display: under
 * xvfb-run here, or the desktop's. */
gboolean
bench_first_frame (Bench       *bench,
                   const char  *self,
                   const char  *db_path,
                   const char  *last_day,
                   int          runs,
                   GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (self);
  g_autofree char *program = g_build_filename (dir, "first-frame", NULL);
  g_autofree char *tmp_dir = NULL, *json_path = NULL, *runs_text = g_strdup_printf ("%d", runs);
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *argv[] = { program, "--db", db_path, "--last-day", last_day, "--runs", runs_text,
                         "--json", NULL, NULL };
  int status;

  g_print ("\nlaunch to first frame (bench/first-frame, %d launches in fresh processes):\n", runs);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("not measured: no display (run this under xvfb-run -a, or on a desktop)\n");
      return TRUE;
    }
  if (!g_file_test (program, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_print ("not measured: %s is not built\n", program);
      return TRUE;
    }
  tmp_dir = g_dir_make_tmp ("daftar-bench-XXXXXX", error);
  if (tmp_dir == NULL)
    return FALSE;
  json_path = g_build_filename (tmp_dir, "first-frame.json", NULL);
  argv[8] = json_path;
  /* Its output goes straight to ours; its figures into our JSON. */
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL, NULL, NULL,
                     &status, error) ||
      !g_spawn_check_wait_status (status, error) ||
      !json_parser_load_from_file (parser, json_path, error))
    {
      g_prefix_error (error, "Running %s: ", program);
      g_unlink (json_path);
      g_rmdir (tmp_dir);
      return FALSE;
    }
  json_builder_set_member_name (bench->json, "first_frame");
  json_builder_add_value (bench->json, json_node_copy (json_parser_get_root (parser)));
  g_unlink (json_path);
  g_rmdir (tmp_dir);
  return TRUE;
}
