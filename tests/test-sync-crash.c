/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-crash.c: `--sync-once` killed with SIGKILL at random moments, then run to the end — the database stays whole and exact. */
#include "config.h"

#include <signal.h>

#include "test-sync-common.h"

#define DAYS 730
#define KILLS 20

/* The test re-runs itself as the sync-once process, so the crash test needs
 * no extra executable and runs the very function `daftar --sync-once` does. */
#define HELPER_ARG "--sync-once-helper"

typedef struct {
  gboolean  done;
  gboolean  killed;
  char     *out;
} Child;

static void
communicate_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Child *child = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &child->out, NULL, &error);
  g_assert_no_error (error);
  child->done = TRUE;
}

static gboolean
kill_cb (gpointer user_data)
{
  g_subprocess_send_signal (user_data, SIGKILL);
  return G_SOURCE_REMOVE;
}

/* Runs the helper against @url, killing it after @kill_ms (0: never);
 * serves the in-process server meanwhile. Returns the exit status, or -1
 * if it was killed. */
static int
run_helper (const char *self_path,
            const char *db_path,
            const char *url,
            guint       kill_ms,
            char      **out_stdout)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Child child = { FALSE, FALSE, NULL };
  guint kill_id = 0;
  int status;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              self_path, HELPER_ARG, db_path, url, test_sync_office (), NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicate_cb, &child);
  if (kill_ms > 0)
    kill_id = g_timeout_add (kill_ms, kill_cb, process);
  while (!child.done)
    g_main_context_iteration (NULL, TRUE);
  if (kill_id != 0 && g_main_context_find_source_by_id (NULL, kill_id) != NULL)
    g_source_remove (kill_id);
  g_subprocess_wait (process, NULL, NULL);

  if (g_subprocess_get_if_signaled (process))
    {
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
      status = -1;
    }
  else
    status = g_subprocess_get_exit_status (process);
  if (out_stdout != NULL)
    *out_stdout = g_steal_pointer (&child.out);
  g_free (child.out);
  return status;
}

static void
test_crash (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *db_path = g_build_filename (dir, "daftar.db", NULL);
  g_autofree char *token_file = g_build_filename (dir, "token", NULL);
  g_autofree char *self_path = g_test_build_filename (G_TEST_BUILT, "test-sync-crash", NULL);
  g_autofree char *url = NULL;
  g_autofree char *out = NULL;
  g_autoptr(DaftarDemoCentral) server = test_sync_server (DAYS, &url);
  guint killed = 0;
  guint finished_early = 0;
  sqlite3 *handle;
  int status;

  g_assert_true (g_file_set_contents (token_file, TEST_TOKEN "\n", -1, NULL));
  g_setenv ("DAFTAR_TOKEN_FILE", token_file, TRUE);

  for (guint i = 0; i < KILLS; i++)
    {
      guint kill_ms = g_test_rand_int_range (20, 400);

      status = run_helper (self_path, db_path, url, kill_ms, NULL);
      if (status == -1)
        killed++;
      else
        {
          /* The feed was complete before this kill; that run must still
           * have succeeded. */
          g_assert_cmpint (status, ==, 0);
          finished_early++;
        }
      test_sync_assert_integrity (db_path);
    }
  g_test_message ("killed %u times, finished before the kill %u times", killed, finished_early);
  g_assert_cmpuint (killed, >=, KILLS / 2);

  status = run_helper (self_path, db_path, url, 0, &out);
  g_assert_cmpint (status, ==, 0);
  g_test_message ("last run: %s", out);
  g_assert_nonnull (strstr (out, "records applied"));

  test_sync_assert_integrity (db_path);
  test_sync_assert_same_data (db_path, test_sync_reference (DAYS));

  /* Every run that finished logged it; a killed run has a row with no
   * finish time if it got as far as starting the sync, none if the kill
   * came before (a busy machine can take 20 ms to open the database). */
  handle = test_sync_open_readonly (db_path);
  g_assert_cmpint (test_sync_query_int (handle, "SELECT count(*) FROM sync_log WHERE result = 'ok'"),
                   ==, finished_early + 1);
  g_assert_cmpint (test_sync_query_int (handle, "SELECT count(*) FROM sync_log WHERE finished_at IS NOT NULL"),
                   ==, finished_early + 1);
  g_assert_cmpint (test_sync_query_int (handle, "SELECT count(*) FROM sync_log WHERE finished_at IS NULL"),
                   <=, killed);
  g_assert_cmpint (test_sync_query_int (handle, "SELECT count(*) FROM sync_log WHERE finished_at IS NULL"),
                   >, 0);
  sqlite3_close (handle);

  g_unsetenv ("DAFTAR_TOKEN_FILE");
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], HELPER_ARG))
    return daftar_sync_once_main (argv[2], argv[3], argv[4], NULL);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync/crash/sigkill", test_crash);
  return g_test_run ();
}
