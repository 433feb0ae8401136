/* test-page-queries.c: each screen's one query, run without a display on a generated demo database — the window's offices and holidays. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "daftar-demo.h"
#include "daftar-holidays.h"
#include "daftar-queries.h"
#include "daftar-test-util.h"
#include "daftar-time.h"
#include "daftar-window-query.h"

#define N_DAYS 60

/* Two offices over 60 days ending on 30 April 2025, shared by the tests,
 * which only read it. */
static struct
{
  char       *dir;
  DaftarDb   *db;
  DaftarDemo *demo;
  GDate       last_day;
} fx;

static void
parse_day (const char *text,
           GDate      *out)
{
  g_assert_true (daftar_time_parse_day (text, out));
}

/* The window -------------------------------------------------------------- */

static void
test_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarWindowRecords) records = daftar_window_query (fx.db, NULL, &error);
  g_autoptr(GPtrArray) offices = daftar_query_offices (fx.db, &error);
  gint64 n_holidays = daftar_test_count (fx.db, "SELECT count(*) FROM holidays");
  char *dir = NULL;
  DaftarDb *empty;
  g_autoptr(DaftarWindowRecords) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (records->offices->len, ==, 2);
  for (guint i = 0; i < offices->len; i++)
    g_assert_cmpstr (((DaftarOfficeInfo *) records->offices->pdata[i])->code, ==,
                     ((DaftarOfficeInfo *) offices->pdata[i])->code);
  /* Every holiday, in date order. */
  g_assert_cmpint (n_holidays, >, 0);
  g_assert_cmpuint (records->holidays->len, ==, n_holidays);
  for (guint i = 1; i < records->holidays->len; i++)
    g_assert_cmpint (g_date_compare (&((DaftarHoliday *) records->holidays->pdata[i - 1])->date,
                                     &((DaftarHoliday *) records->holidays->pdata[i])->date), <, 0);

  /* An office that holds no record yet leaves the window empty. */
  empty = daftar_test_db_new (&dir);
  g_assert_true (daftar_db_exec (empty, "INSERT INTO offices (code, name) VALUES ('X1', 'Nowhere')", &error));
  g_assert_no_error (error);
  none = daftar_window_query (empty, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->offices->len, ==, 0);
  g_assert_cmpuint (none->holidays->len, ==, 0);
  daftar_db_close (empty);
  daftar_test_tmpdir_free (dir);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  parse_day ("2025-04-30", &fx.last_day);
  fx.db = daftar_test_db_new (&fx.dir);
  fx.demo = daftar_demo_new (7, 2, N_DAYS, &fx.last_day);
  g_assert_true (daftar_demo_fill_database (fx.demo, fx.db, 2000, NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/page-queries/window", test_window);
  status = g_test_run ();

  daftar_demo_free (fx.demo);
  daftar_db_close (fx.db);
  daftar_test_tmpdir_free (fx.dir);
  return status;
}
