/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-test-demo-db.c: the demo offices' databases that the page and window tests read. */
#include "config.h"

#include "daftar-db-worker.h"
#include "daftar-demo-setup.h"
#include "daftar-test-demo-db.h"
#include "daftar-test-util.h"
#include "daftar-time.h"

DaftarDemo *
daftar_test_demo_new (guint n_offices)
{
  GDate last;

  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 30, G_DATE_APRIL, 2025);
  return daftar_demo_new (5, n_offices, 120, &last);
}

DaftarDemo *
daftar_test_demo_fill (DaftarDb *db,
                       guint     n_offices)
{
  DaftarDemo *demo = daftar_test_demo_new (n_offices);
  g_autoptr(GError) error = NULL;

  g_assert_true (daftar_demo_fill_database (demo, db, 2000, NULL, &error));
  g_assert_no_error (error);
  return demo;
}

static gpointer
fill_today_job (DaftarDb      *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  DaftarTestDemoMore more = *(DaftarTestDemoMore *) data;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GDate today;

  daftar_time_local_date (now, &today);
  if (!daftar_demo_setup_database (db, 1, 60, &today, cancellable, error))
    return NULL;
  if (more != NULL && !more (db, now, error))
    return NULL;
  return GINT_TO_POINTER (1);
}

char *
daftar_test_demo_db_for_children (const char         *env_name,
                                  DaftarTestDemoMore  more)
{
  char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;

  g_setenv (env_name, path, TRUE);
  {
    g_autoptr(DaftarDbWorker) worker = daftar_db_worker_new (path);

    g_assert_nonnull (daftar_db_worker_run_sync (worker, fill_today_job, &more, NULL, &error));
    g_assert_no_error (error);
  }
  return dir;
}
