/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-page-queries.c: each screen's one query, run without a display on a generated demo database — the window's offices and holidays, the Overview, Cases, Shifts, staffing and Notices pages, the notices' CSV. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "daftar-alerts.h"
#include "daftar-cases-page-query.h"
#include "daftar-demo.h"
#include "daftar-holidays.h"
#include "daftar-notices-page-query.h"
#include "daftar-notices-report.h"
#include "daftar-office-comparison.h"
#include "daftar-overview-page-query.h"
#include "daftar-shifts-page-query.h"
#include "daftar-staffing-page-query.h"
#include "daftar-test-util.h"
#include "daftar-time.h"
#include "daftar-window-query.h"

#define N_DAYS 60

/* Two offices over 60 days ending on 30 April 2025, shared by the tests,
 * which only read it (except the failure test, which works on its own). */
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

/* The last @days days up to and including the demo's last day. */
static DaftarPageContext *
context_new (const char *office_code,
             guint       days)
{
  DaftarPeriod period;
  GDate from = fx.last_day;

  g_date_subtract_days (&from, days - 1);
  daftar_period_custom (&from, &fx.last_day, &period);
  return daftar_page_context_new (office_code, &period, &fx.last_day);
}

static const char *
office (guint i)
{
  return daftar_demo_get_office_code (fx.demo, i);
}

static void
assert_summary_equal (const DaftarPeriodSummary *a,
                      const DaftarPeriodSummary *b)
{
  g_assert_cmpint (g_date_compare (&a->from, &b->from), ==, 0);
  g_assert_cmpint (g_date_compare (&a->to, &b->to), ==, 0);
  g_assert_cmpint (a->cases, ==, b->cases);
  g_assert_cmpint (memcmp (a->cases_by_kind, b->cases_by_kind, sizeof a->cases_by_kind), ==, 0);
  g_assert_cmpint (a->tickets_issued, ==, b->tickets_issued);
  g_assert_cmpint (a->tickets_served, ==, b->tickets_served);
  g_assert_cmpint (a->wait_p90_minutes, ==, b->wait_p90_minutes);
  g_assert_cmpint (a->e_notices_issued, ==, b->e_notices_issued);
  g_assert_cmpint (a->e_notices_viewed, ==, b->e_notices_viewed);
}

/* The context ------------------------------------------------------------ */

static void
test_context (void)
{
  g_autoptr(DaftarPageContext) context = context_new (office (0), 30);
  g_autoptr(DaftarPageContext) renewed = NULL;
  DaftarPageContext *copy;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_cmpstr (context->office_code, ==, office (0));
  g_assert_cmpuint (daftar_period_n_days (&context->period), ==, 30);
  g_assert_cmpint (g_date_compare (&context->today, &fx.last_day), ==, 0);
  g_assert_cmpint (context->now, >, 0);

  /* A boxed copy is the same context, one more reference. */
  copy = g_boxed_copy (DAFTAR_TYPE_PAGE_CONTEXT, context);
  g_assert_true (copy == context);
  g_boxed_free (DAFTAR_TYPE_PAGE_CONTEXT, copy);

  /* A retry asks the same again, as of now. */
  renewed = daftar_page_context_renew (context);
  g_assert_true (renewed != context);
  g_assert_cmpstr (renewed->office_code, ==, context->office_code);
  g_assert_cmpint (g_date_compare (&renewed->period.from, &context->period.from), ==, 0);
  g_assert_cmpint (g_date_compare (&renewed->period.to, &context->period.to), ==, 0);
  g_assert_cmpint (renewed->period.preset, ==, context->period.preset);
  g_assert_cmpint (g_date_compare (&renewed->today, &context->today), ==, 0);
  g_assert_cmpint (renewed->now, >=, before);
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

/* The Overview ------------------------------------------------------------ */

static void
test_overview (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarPageContext) context = context_new (NULL, 30);
  g_autoptr(DaftarOverviewFigures) f = daftar_overview_query (fx.db, context, NULL, &error);
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) comparison = NULL;
  DaftarPeriodSummary expected;
  DaftarPeriod previous;
  guint omitted = 0, n_days = 0;

  g_assert_no_error (error);

  g_assert_true (daftar_query_period_summary (fx.db, NULL, &fx.last_day, &fx.last_day, &expected, &error));
  assert_summary_equal (&f->day, &expected);
  g_assert_true (daftar_query_period_summary (fx.db, NULL, &context->period.from, &context->period.to,
                                              &expected, &error));
  assert_summary_equal (&f->period, &expected);
  g_assert_cmpint (f->period.cases, >, 0);
  daftar_period_previous (&context->period, &previous);
  g_assert_true (daftar_query_period_summary (fx.db, NULL, &previous.from, &previous.to, &expected, &error));
  assert_summary_equal (&f->previous, &expected);

  /* The alerts as of the context's now, every breached day in a roll-up. */
  alerts = daftar_query_alerts_full (fx.db, NULL, &context->period.from, &context->period.to, context->now,
                                     G_MAXUINT, &omitted, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (omitted, ==, 0);
  for (guint i = 0; i < f->rollups->len; i++)
    {
      const DaftarAlertRollup *r = g_ptr_array_index (f->rollups, i);

      /* The client-care standards' come from daftar_query_care_alerts(). */
      if (r->kind == DAFTAR_ALERT_WAIT_BREACHED || r->kind == DAFTAR_ALERT_SERVICE_LEVEL_BREACHED)
        n_days += r->days->len;
    }
  g_assert_cmpuint (n_days, >, 0);
  for (guint i = 0; i < alerts->len; i++)
    {
      DaftarAlertKind kind = ((DaftarAlert *) g_ptr_array_index (alerts, i))->kind;

      n_days -= kind == DAFTAR_ALERT_WAIT_BREACHED || kind == DAFTAR_ALERT_SERVICE_LEVEL_BREACHED;
    }
  g_assert_cmpuint (n_days, ==, 0);
  for (guint i = 0; i < f->alerts->len; i++)
    {
      DaftarAlertKind kind = ((DaftarAlert *) g_ptr_array_index (f->alerts, i))->kind;

      g_assert_true (kind != DAFTAR_ALERT_WAIT_BREACHED && kind != DAFTAR_ALERT_SERVICE_LEVEL_BREACHED);
    }
  g_assert_nonnull (f->annotations);

  /* Every office together: compared, one row each. */
  g_assert_cmpuint (f->offices->len, ==, 2);
  comparison = daftar_query_office_comparison (fx.db, &context->period.from, &context->period.to, &error);
  g_assert_nonnull (f->comparison);
  g_assert_cmpuint (f->comparison->len, ==, comparison->len);
  for (guint i = 0; i < comparison->len; i++)
    g_assert_cmpint (((DaftarOfficeFigures *) f->comparison->pdata[i])->cases, ==,
                     ((DaftarOfficeFigures *) comparison->pdata[i])->cases);
}

static void
test_overview_one_office_on_a_holiday (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarWindowRecords) records = daftar_window_query (fx.db, NULL, &error);
  const DaftarHoliday *holiday = NULL;
  g_autoptr(DaftarPageContext) context = NULL;
  g_autoptr(DaftarOverviewFigures) f = NULL;
  g_autoptr(DaftarPageContext) workday = NULL;
  g_autoptr(DaftarOverviewFigures) g = NULL;
  DaftarPeriodSummary expected;
  DaftarPeriod period;
  GDate day;

  /* A holiday inside the demo's span. */
  for (guint i = 0; i < records->holidays->len && holiday == NULL; i++)
    {
      const DaftarHoliday *h = records->holidays->pdata[i];
      GDate first = fx.last_day;

      g_date_subtract_days (&first, N_DAYS - 1);
      if (g_date_compare (&h->date, &first) >= 0 && g_date_compare (&h->date, &fx.last_day) <= 0)
        holiday = h;
    }
  g_assert_nonnull (holiday);

  daftar_period_custom (&holiday->date, &holiday->date, &period);
  context = daftar_page_context_new (office (1), &period, &holiday->date);
  f = daftar_overview_query (fx.db, context, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (f->holiday_name, ==, holiday->name);
  /* One office: its own figures, nothing to compare. */
  g_assert_null (f->comparison);
  g_assert_true (daftar_query_period_summary (fx.db, office (1), &holiday->date, &holiday->date, &expected, &error));
  assert_summary_equal (&f->day, &expected);

  /* The day before a holiday need not be one. */
  day = fx.last_day;
  while (TRUE)
    {
      g_autofree char *name = NULL;

      g_assert_true (daftar_query_holiday_name (fx.db, &day, &name, &error));
      if (name == NULL)
        break;
      g_date_subtract_days (&day, 1);
    }
  daftar_period_custom (&day, &day, &period);
  workday = daftar_page_context_new (office (1), &period, &day);
  g = daftar_overview_query (fx.db, workday, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (g->holiday_name);
}

/* Cases and Shifts --------------------------------------------------------- */

static void
test_cases (void)
{
  g_autoptr(GError) error = NULL;
  /* 60 days: weekly bins, as the period's length asks. */
  g_autoptr(DaftarPageContext) context = context_new (office (0), 60);
  g_autoptr(DaftarCasesFigures) f = daftar_cases_page_query (fx.db, context, NULL, &error);
  g_autoptr(DaftarCasesFigures) expected = daftar_query_cases (fx.db, office (0), &context->period.from,
                                                               &context->period.to, DAFTAR_BIN_WEEK, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (daftar_period_bin (&context->period), ==, DAFTAR_BIN_WEEK);
  g_assert_cmpint (f->total, >, 0);
  g_assert_cmpint (f->total, ==, expected->total);
  g_assert_cmpint (f->sana_registrations, ==, expected->sana_registrations);
  g_assert_cmpuint (f->bins->len, ==, expected->bins->len);
  for (guint i = 0; i < f->bins->len; i++)
    g_assert_cmpint (g_array_index (f->bins, DaftarCasesBin, i).total, ==,
                     g_array_index (expected->bins, DaftarCasesBin, i).total);
}

static void
test_shifts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarPageContext) context = context_new (NULL, 14);
  g_autoptr(DaftarShiftsData) d = daftar_shifts_page_query (fx.db, context, NULL, &error);
  g_autoptr(DaftarShiftsData) expected = daftar_query_shifts (fx.db, NULL, &context->period.from,
                                                              &context->period.to, DAFTAR_BIN_DAY, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (d->bin, ==, DAFTAR_BIN_DAY);
  g_assert_cmpuint (d->bins->len, ==, 14);
  for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
    {
      g_assert_cmpint (d->shift[s].issued, >, 0);
      g_assert_cmpint (d->shift[s].issued, ==, expected->shift[s].issued);
      g_assert_cmpint (d->shift[s].served, ==, expected->shift[s].served);
      g_assert_cmpint (d->shift[s].wait_sum_s, ==, expected->shift[s].wait_sum_s);
    }
  /* Every office's counters, told apart by office. */
  g_assert_cmpuint (d->counters->len, ==, expected->counters->len);
}

/* The staffing advisor ------------------------------------------------------ */

static void
test_staffing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarPageContext) all = context_new (NULL, 30);
  g_autoptr(DaftarStaffingPanelFigures) none = daftar_staffing_panel_query (fx.db, all, NULL, &error);
  g_autoptr(DaftarPageContext) one = NULL;
  g_autoptr(DaftarStaffingPanelFigures) f = NULL;
  g_autoptr(DaftarStaffing) expected = NULL;
  DaftarPeriod period;
  GDate today, to;

  /* Two offices together have no counters to advise on: no advice, no error. */
  g_assert_no_error (error);
  g_assert_nonnull (none);
  g_assert_null (none->staffing);

  /* A period reaching past today is advised on up to today only. */
  today = fx.last_day;
  g_date_subtract_days (&today, 10);
  daftar_period_from_preset (DAFTAR_PERIOD_THIS_MONTH, &fx.last_day, &period);
  g_assert_cmpint (g_date_compare (&period.to, &today), >, 0);
  one = daftar_page_context_new (office (1), &period, &today);
  f = daftar_staffing_panel_query (fx.db, one, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->staffing);
  g_assert_cmpint (g_date_compare (&f->staffing->to, &today), ==, 0);
  expected = daftar_staffing_compute (fx.db, office (1), &today, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->staffing->hours->len, ==, expected->hours->len);
  g_assert_cmpuint (f->staffing->advice->len, ==, expected->advice->len);
  g_assert_cmpint (f->staffing->capacity_reached, ==, expected->capacity_reached);

  /* A period that ended before today is advised on up to its end. */
  g_clear_pointer (&one, daftar_page_context_unref);
  g_clear_pointer (&f, daftar_staffing_panel_figures_free);
  to = today;
  g_date_subtract_days (&to, 7);
  daftar_period_custom (&to, &to, &period);
  one = daftar_page_context_new (office (1), &period, &today);
  f = daftar_staffing_panel_query (fx.db, one, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (&f->staffing->to, &to), ==, 0);
}

/* The Notices page ---------------------------------------------------------- */

static void
test_notices (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarPageContext) context = context_new (NULL, 30);
  g_autoptr(DaftarNoticesPageRequest) first = daftar_notices_page_request_new (context, 3, 0, 10, TRUE);
  g_autoptr(DaftarNoticesPageRequest) more = daftar_notices_page_request_new (context, 3, 10, 10, FALSE);
  g_autoptr(DaftarNoticesPageFigures) f = daftar_notices_page_query (fx.db, first, NULL, &error);
  g_autoptr(DaftarNoticesPageFigures) g = NULL;
  g_auto(DaftarNoticesFigures) expected = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  gint64 count = -1;

  g_assert_no_error (error);
  g_assert_true (f->with_figures);
  g_assert_cmpuint (f->days, ==, 3);
  g_assert_cmpuint (f->offset, ==, 0);
  g_assert_true (daftar_notices_query_figures (fx.db, NULL, &context->period.from, &context->period.to,
                                               DAFTAR_BIN_DAY, &expected, &error));
  for (guint ch = 0; ch < DAFTAR_N_NOTICE_CHANNELS; ch++)
    {
      g_assert_cmpint (f->figures.totals[ch].issued, ==, expected.totals[ch].issued);
      g_assert_cmpint (f->figures.totals[ch].viewed, ==, expected.totals[ch].viewed);
    }
  g_assert_cmpuint (f->figures.bins->len, ==, expected.bins->len);
  g_assert_cmpfloat (f->figures.target_read_rate, ==, expected.target_read_rate);

  /* The first rows of the follow-up list, and its whole length. */
  g_assert_true (daftar_notices_query_unviewed_count (fx.db, NULL, &fx.last_day, 3, &count, &error));
  g_assert_cmpint (count, >, 20);
  g_assert_cmpint (f->unviewed_count, ==, count);
  g_assert_cmpuint (f->unviewed->len, ==, 10);

  /* More rows: the list only, from where the first slice ended. */
  g = daftar_notices_page_query (fx.db, more, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g->with_figures);
  g_assert_null (g->figures.bins);
  g_assert_cmpint (g->unviewed_count, ==, 0);
  rows = daftar_notices_query_unviewed (fx.db, NULL, &fx.last_day, 3, 10, 10, &error);
  g_assert_cmpuint (g->unviewed->len, ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (((DaftarUnviewedNotice *) g->unviewed->pdata[i])->notice_id, ==,
                     ((DaftarUnviewedNotice *) rows->pdata[i])->notice_id);
}

static char *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static void
test_notices_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarPageContext) context = context_new (office (0), 30);
  char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "unviewed.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DaftarNoticesExport) export = daftar_notices_export_new (context, 7, file);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GFile) written = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) nowhere = NULL;
  g_autoptr(DaftarNoticesExport) failing = NULL;

  /* The same bytes as the report's CSV of the office's list. */
  g_assert_true (daftar_notices_export_unviewed_csv (fx.db, office (0), &fx.last_day, 7, memory, &error));
  g_assert_true (g_output_stream_close (memory, NULL, &error));
  written = daftar_notices_export_job (fx.db, export, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (written, file));
  contents = read_file (file);
  g_assert_cmpuint (strlen (contents), ==, g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)));
  g_assert_cmpint (memcmp (contents, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                           strlen (contents)), ==, 0);

  /* A folder that is not there: an error, no file. */
  nowhere = g_file_new_build_filename (dir, "missing", "unviewed.csv", NULL);
  failing = daftar_notices_export_new (context, 7, nowhere);
  g_assert_false (daftar_notices_export_run (fx.db, failing, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_query_exists (nowhere, NULL));

  daftar_test_tmpdir_free (dir);
}

/* Failures ------------------------------------------------------------------ */

/* A database that cannot answer makes each query fail with the database's
 * reason; the export then leaves the earlier file as it was. */
static void
test_failures (void)
{
  char *dir = NULL;
  DaftarDb *db = daftar_test_db_new (&dir);
  g_autoptr(DaftarDemo) demo = daftar_demo_new (5, 1, 14, &fx.last_day);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarPageContext) context = context_new (NULL, 14);
  g_autoptr(DaftarNoticesPageRequest) request = daftar_notices_page_request_new (context, 3, 0, 10, TRUE);
  g_autofree char *path = g_build_filename (dir, "earlier.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DaftarNoticesExport) export = daftar_notices_export_new (context, 3, file);
  g_autofree char *contents = NULL;
  /* What each query needs and cannot find: every page reads the
   * standards, the window the holidays, the export the notices. */
  struct {
    const char *what;
    gpointer  (*job) (DaftarDb *, gpointer, GCancellable *, GError **);
    gpointer    data;
    const char *drop;
  } jobs[] = {
    { "overview", daftar_overview_query_job, context, "DROP TABLE standards" },
    { "cases", daftar_cases_page_query_job, context, NULL },
    { "shifts", daftar_shifts_page_query_job, context, NULL },
    { "staffing", daftar_staffing_panel_query_job, context, NULL },
    { "notices", daftar_notices_page_query_job, request, NULL },
    { "window", daftar_window_query_job, NULL, "DROP TABLE holidays" },
    { "export", daftar_notices_export_job, export, "DROP TABLE notices" },
  };

  g_assert_true (daftar_demo_fill_database (demo, db, 2000, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "earlier", -1, &error));

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      g_test_message ("%s", jobs[i].what);
      if (jobs[i].drop != NULL)
        {
          g_assert_true (daftar_db_exec (db, jobs[i].drop, &error));
          g_assert_no_error (error);
        }
      g_assert_null (jobs[i].job (db, jobs[i].data, NULL, &error));
      g_assert_error (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_SQL);
      g_clear_error (&error);
    }
  contents = read_file (file);
  g_assert_cmpstr (contents, ==, "earlier");

  daftar_db_close (db);
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

  g_test_add_func ("/page-queries/context", test_context);
  g_test_add_func ("/page-queries/window", test_window);
  g_test_add_func ("/page-queries/overview", test_overview);
  g_test_add_func ("/page-queries/overview-holiday", test_overview_one_office_on_a_holiday);
  g_test_add_func ("/page-queries/cases", test_cases);
  g_test_add_func ("/page-queries/shifts", test_shifts);
  g_test_add_func ("/page-queries/staffing", test_staffing);
  g_test_add_func ("/page-queries/notices", test_notices);
  g_test_add_func ("/page-queries/notices-export", test_notices_export);
  g_test_add_func ("/page-queries/failures", test_failures);
  status = g_test_run ();

  daftar_demo_free (fx.demo);
  daftar_db_close (fx.db);
  daftar_test_tmpdir_free (fx.dir);
  return status;
}
