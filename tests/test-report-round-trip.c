/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report-round-trip.c: every `daftar --report` kind gives the same numbers as CSV and as JSON, read by Python's csv and json modules. */
#include "config.h"

#include <string.h>

#include "daftar-demo.h"
#include "daftar-report.h"
#include "daftar-test-util.h"

/* Runs `daftar ARGS…` and returns its stdout. */
static char *
run_daftar (const char * const *args,
            const char         *home)
{
  g_autofree char *binary = g_test_build_filename (G_TEST_BUILT, "..", "src", "daftar", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = -1;

  /* Its own folders: a run never reaches the real ones. */
  env = g_environ_setenv (env, "XDG_DATA_HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", home, TRUE);
  env = g_environ_unsetenv (env, "G_DEBUG");
  g_ptr_array_add (argv, binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("daftar %s: %s\n%s", args[1], error->message, err);
  return out;
}

static void
test_round_trip (void)
{
  g_autofree char *dir = NULL;
  DaftarDb *db = daftar_test_db_new (&dir);
  g_autofree char *path = g_build_filename (dir, "daftar.db", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-report-round-trip.py", NULL);
  g_autoptr(DaftarDemo) demo = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 30, G_DATE_APRIL, 2025);
  demo = daftar_demo_new (16, 2, 45, &today);
  g_assert_true (daftar_demo_fill_database (demo, db, 2000, NULL, &error));
  g_assert_no_error (error);
  daftar_db_close (db);

  for (const DaftarReportKind *k = daftar_report_kinds; k->kind != NULL; k++)
    {
      const char *offices[] = { NULL, daftar_demo_get_office_code (demo, 0) };

      /* Staffing, and the evidence that is its tables, is advised per office only. */
      for (guint o = g_str_equal (k->kind, "staffing") || g_str_equal (k->kind, "evidence") ? 1 : 0; o < G_N_ELEMENTS (offices); o++)
        {
          const char *csv_args[] = { "--report", k->kind, "--from", "2025-03-17", "--to", "2025-04-30",
                                     "--format", "csv", "--db", path, offices[o] != NULL ? "--office" : NULL, offices[o], NULL };
          const char *json_args[] = { "--report", k->kind, "--from", "2025-03-17", "--to", "2025-04-30",
                                      "--format", "json", "--db", path, offices[o] != NULL ? "--office" : NULL, offices[o], NULL };
          g_autofree char *csv = run_daftar (csv_args, dir);
          g_autofree char *json = run_daftar (json_args, dir);
          g_autofree char *csv_path = g_build_filename (dir, "report.csv", NULL);
          g_autofree char *json_path = g_build_filename (dir, "report.json", NULL);
          const char *argv[] = { "python3", script, csv_path, json_path, NULL };
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;
          int status;

          g_assert_true (g_file_set_contents (csv_path, csv, -1, NULL));
          g_assert_true (g_file_set_contents (json_path, json, -1, NULL));
          g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                       &out, &err, &status, &error));
          g_assert_no_error (error);
          if (!g_spawn_check_wait_status (status, &error))
            g_error ("--report %s%s%s: %s", k->kind, offices[o] != NULL ? " --office " : "",
                     offices[o] != NULL ? offices[o] : "", err);
          g_test_message ("--report %s: %s numbers the same", k->kind, g_strstrip (out));
          /* Numbers were compared, not only empty tables. */
          g_assert_cmpint (g_ascii_strtoll (out, NULL, 10), >, 0);
        }
    }
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-round-trip/csv-json", test_round_trip);
  return g_test_run ();
}
