/* dashboard.c: benchmark — each page's queries per period at scale M or L, beside a naive GROUP BY over the base tables, with search latency and peak memory. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "dashboard-private.h"
#include "daftar-care-page-query.h"
#include "daftar-cases-query.h"
#include "daftar-notices-query.h"
#include "daftar-queries.h"
#include "daftar-records.h"
#include "daftar-shifts-query.h"
#include "daftar-staffing.h"
#include "daftar-time.h"

#define N_HEADLINE 4
/* The Notices page's defaults (daftar-notices-page.c). */
#define NOTICES_DAYS 3
#define NOTICES_LIST_PAGE 100

/* One measurement: a page (or its naive twin) over one period and scope.
 * Both fill a few headline figures so the run can say they agree. */
typedef struct
{
  const char   *office;      /* NULL: every office */
  DaftarPeriod  period;
  gint64        headline[N_HEADLINE];
} Request;

typedef gboolean (*PageFunc) (Bench *bench, Request *r, GError **error);

/* Timing ------------------------------------------------------------------ */

static int
compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

gboolean
bench_time (Bench *bench, BenchRun run, gpointer data, Quantiles *out, GError **error)
{
  g_autofree gint64 *us = g_new (gint64, bench->reps);
  gint64 slowest = 0;
  int reps = bench->reps;

  for (int i = 0; i < bench->warmups && slowest < G_USEC_PER_SEC; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      if (!run (bench, data, error))
        return FALSE;
      slowest = MAX (slowest, g_get_monotonic_time () - t0);
    }
  /* A run that takes seconds (a naive scan at L) gets fewer reps, at least
   * three, so that the whole benchmark stays within minutes. */
  if (slowest > 0)
    reps = CLAMP (4 * G_USEC_PER_SEC / slowest, 3, reps);
  for (int i = 0; i < reps; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      if (!run (bench, data, error))
        return FALSE;
      us[i] = g_get_monotonic_time () - t0;
    }
  qsort (us, reps, sizeof *us, compare_gint64);
  /* Nearest rank: the smallest time at or below which 50% / 95% of the reps lie. */
  out->n = reps;
  out->p50_ms = us[(int) ceil (0.50 * reps) - 1] / 1000.0;
  out->p95_ms = us[(int) ceil (0.95 * reps) - 1] / 1000.0;
  return TRUE;
}

void
bench_period_bounds (const DaftarPeriod *period, gint64 *from, gint64 *to)
{
  GDate next = period->to;

  g_date_add_days (&next, 1);
  *from = daftar_time_day_start (&period->from);
  *to = daftar_time_day_start (&next);
}

/* The pages, calling what their load jobs call ----------------------------- */

/* daftar-overview-page.c load_job: today, the period and the one before, and
 * whether today is a holiday. */
static gboolean
page_overview (Bench *bench, Request *r, GError **error)
{
  DaftarPeriodSummary day, period, previous;
  DaftarPeriod prev;
  sqlite3_stmt *stmt;
  char today[11];

  daftar_period_previous (&r->period, &prev);
  if (!daftar_query_period_summary (bench->db, r->office, &bench->today, &bench->today, &day, error) ||
      !daftar_query_period_summary (bench->db, r->office, &r->period.from, &r->period.to, &period, error) ||
      !daftar_query_period_summary (bench->db, r->office, &prev.from, &prev.to, &previous, error))
    return FALSE;
  daftar_time_format_day (&bench->today, today);
  if ((stmt = daftar_db_prepare (bench->db, "SELECT name FROM holidays WHERE date = ?", error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_step (stmt);
  sqlite3_reset (stmt);

  r->headline[0] = period.cases;
  r->headline[1] = period.tickets_issued;
  r->headline[2] = period.tickets_served;
  r->headline[3] = period.e_notices_viewed;
  return TRUE;
}

/* daftar-cases-page.c load_job. */
static gboolean
page_cases (Bench *bench, Request *r, GError **error)
{
  g_autoptr(DaftarCasesFigures) f = daftar_query_cases (bench->db, r->office, &r->period.from, &r->period.to,
                                                        daftar_period_bin (&r->period), NULL, error);
  if (f == NULL)
    return FALSE;
  r->headline[0] = f->total;
  r->headline[1] = f->sana_registrations;
  r->headline[2] = f->by_status[0];
  r->headline[3] = f->by_kind[0];
  return TRUE;
}

/* daftar-shifts-page.c load_job. */
static gboolean
page_shifts (Bench *bench, Request *r, GError **error)
{
  g_autoptr(DaftarShiftsData) d = daftar_query_shifts (bench->db, r->office, &r->period.from, &r->period.to,
                                                       daftar_period_bin (&r->period), NULL, error);
  if (d == NULL)
    return FALSE;
  for (int s = 0; s < DAFTAR_N_SHIFTS; s++)
    {
      r->headline[0] += d->shift[s].issued;
      r->headline[1] += d->shift[s].served;
      r->headline[2] += d->shift[s].no_show;
      r->headline[3] += d->shift[s].wait_sum_s;
    }
  return TRUE;
}

/* daftar-notices-page.c notices_job_run on a first load (offset 0). */
static gboolean
page_notices (Bench *bench, Request *r, GError **error)
{
  g_auto(DaftarNoticesFigures) f = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  gint64 unviewed = 0;

  if (!daftar_notices_query_figures (bench->db, r->office, &r->period.from, &r->period.to,
                                     daftar_period_bin (&r->period), &f, error) ||
      !daftar_notices_query_unviewed_count (bench->db, r->office, &bench->today, NOTICES_DAYS, &unviewed, error) ||
      (rows = daftar_notices_query_unviewed (bench->db, r->office, &bench->today, NOTICES_DAYS,
                                             0, NOTICES_LIST_PAGE, error)) == NULL)
    return FALSE;
  r->headline[0] = f.totals[DAFTAR_NOTICE_CHANNEL_ELECTRONIC].issued;
  r->headline[1] = f.totals[DAFTAR_NOTICE_CHANNEL_ELECTRONIC].viewed;
  r->headline[2] = f.totals[DAFTAR_NOTICE_CHANNEL_PAPER].issued;
  r->headline[3] = unviewed;
  return TRUE;
}

/* The Client care page's job (daftar_care_page_query_job). */
static gboolean
page_care (Bench *bench, Request *r, GError **error)
{
  g_autoptr(DaftarPageContext) context = daftar_page_context_new (r->office, &r->period, &bench->today);
  g_autoptr(DaftarCarePageFigures) f = daftar_care_page_query (bench->db, context, NULL, error);

  if (f == NULL)
    return FALSE;
  r->headline[0] = f->figures->out_of_turn.total.called;
  r->headline[1] = f->figures->satisfaction.served;
  r->headline[2] = f->figures->satisfaction.n;
  r->headline[3] = f->figures->satisfaction.by_rating[DAFTAR_RATING_MAX];
  return TRUE;
}

/* daftar-staffing-panel.c load_job: four weeks ending on the period's end. */
static gboolean
page_staffing (Bench *bench, Request *r, GError **error)
{
  g_autoptr(DaftarStaffing) s = daftar_staffing_compute (bench->db, r->office, &r->period.to, 0, 0, error);

  if (s == NULL)
    return FALSE;
  r->headline[0] = s->hours->len;
  return TRUE;
}

/* The naive twins: GROUP BY over the base tables ------------------------- */

/* One statement per scope: ?1 the office (unused for every office), ?2 ?3
 * the instants bounding the period. Every office has no usable index, so it
 * scans the whole table: that is the naive way. */
#define NAIVE(cols, table, tcol, rest) \
  { "SELECT " cols " FROM " table " WHERE office_code = ?1 AND " tcol " >= ?2 AND " tcol " < ?3 " rest, \
    "SELECT " cols " FROM " table " WHERE " tcol " >= ?2 AND " tcol " < ?3 " rest }

static const char * const naive_cases_sql[2] =
  NAIVE ("kind, status, count(*)", "cases", "filed_at", "GROUP BY kind, status");
static const char * const naive_tickets_sql[2] =
  NAIVE ("outcome, CASE WHEN outcome = 'served' AND called_at IS NOT NULL "
         "THEN min(600, (called_at - issued_at + 59) / 60) END AS minute, count(*), "
         "sum(CASE WHEN outcome = 'served' THEN called_at - issued_at END)",
         "tickets", "issued_at", "GROUP BY outcome, minute");
static const char * const naive_shift_tickets_sql[2] =
  NAIVE ("outcome, counter, staff_id, count(*), "
         "sum(CASE WHEN outcome = 'served' THEN called_at - issued_at END)",
         "tickets", "issued_at", "GROUP BY outcome, counter, staff_id");
static const char * const naive_notices_sql[2] =
  NAIVE ("channel, count(*), count(delivered_at), count(viewed_at), count(deemed_at)",
         "notices", "issued_at", "GROUP BY channel");
static const char * const naive_care_tickets_sql[2] =
  NAIVE ("count(called_at), sum(outcome = 'served')", "tickets", "issued_at", "");
static const char * const naive_care_feedback_sql[2] =
  NAIVE ("count(*), sum(rating = 5)", "feedback", "submitted_at", "");
static const char * const naive_unviewed_sql[2] =
  NAIVE ("count(*)", "notices", "issued_at", "AND channel = 'electronic' AND viewed_at IS NULL");

/* Steps @sql over @office and [from, to) and calls @row for each row. */
static gboolean
naive_rows (Bench *bench, const char * const sql[2], const char *office, gint64 from, gint64 to,
            void (*row) (sqlite3_stmt *stmt, gint64 *headline), gint64 *headline, GError **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare_static (bench->db, sql[office == NULL], error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (office != NULL)
    sqlite3_bind_text (stmt, 1, office, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row (stmt, headline);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (bench->db, error, "Naive query");
      return FALSE;
    }
  return TRUE;
}

static gboolean
naive_range (Bench *bench, const char * const sql[2], const char *office, const DaftarPeriod *period,
             void (*row) (sqlite3_stmt *stmt, gint64 *headline), gint64 *headline, GError **error)
{
  gint64 from, to;

  bench_period_bounds (period, &from, &to);
  return naive_rows (bench, sql, office, from, to, row, headline, error);
}

static void ignore_row (sqlite3_stmt *stmt, gint64 *h) { }

static void
cases_row (sqlite3_stmt *stmt, gint64 *h)
{
  const char *kind = (const char *) sqlite3_column_text (stmt, 0);
  const char *status = (const char *) sqlite3_column_text (stmt, 1);
  gint64 n = sqlite3_column_int64 (stmt, 2);

  h[0] += n;
  h[1] += g_str_equal (kind, "sana_registration") ? n : 0;
  h[2] += g_str_equal (status, daftar_enum_to_nick (DAFTAR_TYPE_CASE_STATUS, 0)) ? n : 0;
  h[3] += g_str_equal (kind, daftar_enum_to_nick (DAFTAR_TYPE_CASE_KIND, 0)) ? n : 0;
}

static void
overview_cases_row (sqlite3_stmt *stmt, gint64 *h)
{
  h[0] += sqlite3_column_int64 (stmt, 2);
}

static void
overview_tickets_row (sqlite3_stmt *stmt, gint64 *h)
{
  const char *outcome = (const char *) sqlite3_column_text (stmt, 0);

  h[1] += sqlite3_column_int64 (stmt, 2);
  h[2] += g_str_equal (outcome, "served") ? sqlite3_column_int64 (stmt, 2) : 0;
}

static void
notices_viewed_row (sqlite3_stmt *stmt, gint64 *h)
{
  if (g_str_equal ((const char *) sqlite3_column_text (stmt, 0), "electronic"))
    h[3] += sqlite3_column_int64 (stmt, 3);
}

/* The Overview's figures for today, the period and the one before. */
static gboolean
naive_overview (Bench *bench, Request *r, GError **error)
{
  DaftarPeriod today, prev;
  gint64 scratch[N_HEADLINE];

  daftar_period_custom (&bench->today, &bench->today, &today);
  daftar_period_previous (&r->period, &prev);
  return naive_range (bench, naive_cases_sql, r->office, &today, ignore_row, scratch, error) &&
         naive_range (bench, naive_tickets_sql, r->office, &today, ignore_row, scratch, error) &&
         naive_range (bench, naive_notices_sql, r->office, &today, ignore_row, scratch, error) &&
         naive_range (bench, naive_cases_sql, r->office, &r->period, overview_cases_row, r->headline, error) &&
         naive_range (bench, naive_tickets_sql, r->office, &r->period, overview_tickets_row, r->headline, error) &&
         naive_range (bench, naive_notices_sql, r->office, &r->period, notices_viewed_row, r->headline, error) &&
         naive_range (bench, naive_cases_sql, r->office, &prev, ignore_row, scratch, error) &&
         naive_range (bench, naive_tickets_sql, r->office, &prev, ignore_row, scratch, error) &&
         naive_range (bench, naive_notices_sql, r->office, &prev, ignore_row, scratch, error);
}

static gboolean
naive_cases (Bench *bench, Request *r, GError **error)
{
  return naive_range (bench, naive_cases_sql, r->office, &r->period, cases_row, r->headline, error);
}

static void
shift_tickets_row (sqlite3_stmt *stmt, gint64 *h)
{
  const char *outcome = (const char *) sqlite3_column_text (stmt, 0);
  gint64 n = sqlite3_column_int64 (stmt, 3);

  h[0] += n;
  h[1] += g_str_equal (outcome, "served") ? n : 0;
  h[2] += g_str_equal (outcome, "no_show") ? n : 0;
  h[3] += sqlite3_column_int64 (stmt, 4);
}

static gboolean
naive_shifts (Bench *bench, Request *r, GError **error)
{
  return naive_range (bench, naive_shift_tickets_sql, r->office, &r->period, shift_tickets_row, r->headline, error);
}

static void
notices_row (sqlite3_stmt *stmt, gint64 *h)
{
  gboolean electronic = g_str_equal ((const char *) sqlite3_column_text (stmt, 0), "electronic");

  h[electronic ? 0 : 2] += sqlite3_column_int64 (stmt, 1);
  h[1] += electronic ? sqlite3_column_int64 (stmt, 3) : 0;
}

static void count_row (sqlite3_stmt *stmt, gint64 *h) { h[3] += sqlite3_column_int64 (stmt, 0); }

static gboolean
naive_notices (Bench *bench, Request *r, GError **error)
{
  GDate cutoff = bench->today;

  /* Unviewed: issued on today − days or earlier, i.e. before the next midnight. */
  g_date_subtract_days (&cutoff, NOTICES_DAYS - 1);
  return naive_range (bench, naive_notices_sql, r->office, &r->period, notices_row, r->headline, error) &&
         naive_rows (bench, naive_unviewed_sql, r->office, 0, daftar_time_day_start (&cutoff),
                     count_row, r->headline, error);
}

static void
care_tickets_row (sqlite3_stmt *stmt, gint64 *h)
{
  h[0] += sqlite3_column_int64 (stmt, 0);
  h[1] += sqlite3_column_int64 (stmt, 1);
}

static void
care_feedback_row (sqlite3_stmt *stmt, gint64 *h)
{
  h[2] += sqlite3_column_int64 (stmt, 0);
  h[3] += sqlite3_column_int64 (stmt, 1);
}

/* Only the counts a GROUP BY can give: the sweeps of out of turn, crowding
 * and idle counters have no naive SQL twin (test-care-naive checks them). */
static gboolean
naive_care (Bench *bench, Request *r, GError **error)
{
  return naive_range (bench, naive_care_tickets_sql, r->office, &r->period, care_tickets_row, r->headline, error) &&
         naive_range (bench, naive_care_feedback_sql, r->office, &r->period, care_feedback_row, r->headline, error);
}

/* Running and printing ---------------------------------------------------- */

typedef struct { const char *name; PageFunc page; PageFunc naive; } Page;

static const Page pages[] = {
  { "overview", page_overview, naive_overview },
  { "cases", page_cases, naive_cases },
  { "shifts", page_shifts, naive_shifts },
  { "notices", page_notices, naive_notices },
  { "care", page_care, naive_care },
};

typedef struct { PageFunc func; Request *request; } Timed;

static gboolean
run_timed (Bench *bench, gpointer data, GError **error)
{
  Timed *t = data;

  memset (t->request->headline, 0, sizeof t->request->headline);
  return t->func (bench, t->request, error);
}

static void
json_row (Bench *bench, const char *page, const char *period, const char *scope, guint n_days,
          const Quantiles *q, const Quantiles *naive, const char *same)
{
  JsonBuilder *b = bench->json;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "page"), json_builder_add_string_value (b, page);
  json_builder_set_member_name (b, "period"), json_builder_add_string_value (b, period);
  json_builder_set_member_name (b, "days"), json_builder_add_int_value (b, n_days);
  json_builder_set_member_name (b, "scope"), json_builder_add_string_value (b, scope);
  json_builder_set_member_name (b, "reps"), json_builder_add_int_value (b, q->n);
  json_builder_set_member_name (b, "p50_ms"), json_builder_add_double_value (b, q->p50_ms);
  json_builder_set_member_name (b, "p95_ms"), json_builder_add_double_value (b, q->p95_ms);
  if (naive != NULL)
    {
      json_builder_set_member_name (b, "naive_reps"), json_builder_add_int_value (b, naive->n);
      json_builder_set_member_name (b, "naive_p50_ms"), json_builder_add_double_value (b, naive->p50_ms);
      json_builder_set_member_name (b, "naive_p95_ms"), json_builder_add_double_value (b, naive->p95_ms);
      json_builder_set_member_name (b, "same_figures"), json_builder_add_string_value (b, same);
    }
  json_builder_set_member_name (b, "within_16ms_budget"), json_builder_add_boolean_value (b, q->p95_ms <= 16.0);
  json_builder_end_object (b);
}

static glong max_rss_kib (void);

static gboolean
bench_pages (Bench *bench, const char * const *scopes, guint n_scopes, const DaftarPeriod *periods,
             const char * const *period_names, guint n_periods, GError **error)
{
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Every page once before any naive scan, whose temporary B-trees over
   * millions of rows would otherwise set the peak: this is what the
   * application's own queries need. */
  for (guint s = 0; s < n_scopes; s++)
    for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
      for (guint i = 0; i < n_periods; i++)
        {
          Request page = { scopes[s], periods[i] };
          Timed tp = { pages[p].page, &page };

          if (!run_timed (bench, &tp, error))
            return FALSE;
        }
  bench->pages_rss_kib = max_rss_kib ();

  json_builder_set_member_name (bench->json, "pages");
  json_builder_begin_array (bench->json);
  g_print ("\n%-9s %-11s %-5s %-10s | %3s %9s %9s | %3s %9s %9s | %s\n", "page", "period", "days", "scope",
           "n", "p50 ms", "p95 ms", "n", "naive p50", "naive p95", "same figures");
  for (guint s = 0; s < n_scopes; s++)
    for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
      for (guint i = 0; i < n_periods; i++)
        {
          Request page = { scopes[s], periods[i] }, naive = page;
          Timed tp = { pages[p].page, &page }, tn = { pages[p].naive, &naive };
          Quantiles qp, qn;
          const char *scope = scopes[s] ? scopes[s] : "all";
          const char *same;

          if (!bench_time (bench, run_timed, &tp, &qp, error) ||
              !bench_time (bench, run_timed, &tn, &qn, error))
            {
              g_prefix_error (error, "%s, %s, %s: ", pages[p].name, period_names[i], scope);
              return FALSE;
            }
          same = memcmp (page.headline, naive.headline, sizeof page.headline) == 0 ? "yes" : "NO";
          g_print ("%-9s %-11s %-5u %-10s | %3d %9.3f %9.3f | %3d %9.3f %9.3f | %s%s\n", pages[p].name,
                   period_names[i], daftar_period_n_days (&periods[i]), scope, qp.n, qp.p50_ms, qp.p95_ms,
                   qn.n, qn.p50_ms, qn.p95_ms, same, qp.p95_ms > 16.0 ? "   over 16 ms" : "");
          if (*same == 'N')
            g_print ("          page %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                     ", naive %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
                     page.headline[0], page.headline[1], page.headline[2], page.headline[3],
                     naive.headline[0], naive.headline[1], naive.headline[2], naive.headline[3]);
          json_row (bench, pages[p].name, period_names[i], scope, daftar_period_n_days (&periods[i]), &qp, &qn, same);
          if (bench->explain && qp.p95_ms > 16.0)
            bench_explain (bench, run_timed, &tp, shown);
        }

  /* The staffing panel reads four weeks of one office whatever the period. */
  for (guint s = 0; s < n_scopes; s++)
    if (scopes[s] != NULL)
      {
        Request r = { scopes[s], periods[0] };
        Timed t = { page_staffing, &r };
        Quantiles q;

        if (!bench_time (bench, run_timed, &t, &q, error))
          return FALSE;
        g_print ("%-9s %-11s %-5u %-10s | %3d %9.3f %9.3f | %3s %9s %9s |%s\n", "staffing", "4 weeks", 28, scopes[s],
                 q.n, q.p50_ms, q.p95_ms, "", "-", "-", q.p95_ms > 16.0 ? "   over 16 ms" : "");
        json_row (bench, "staffing", "4 weeks", scopes[s], 28, &q, NULL, NULL);
      }
  json_builder_end_array (bench->json);
  return TRUE;
}

static glong
max_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

int
main (int argc, char **argv)
{
  g_autofree char *scale = g_strdup ("M"), *db_path = NULL, *json_path = NULL, *last = NULL;
  gint64 seed = 1;
  int reps = 50, warmups = 3, launches = 10;
  gboolean no_search = FALSE, search_only = FALSE, explain = FALSE;
  GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale, "M: 1 office x 5 years; L: 20 offices x 5 years", "M|L" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "Cached data file (default: dashboard-<scale>.db)", "FILE" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Demo seed (default 1)", "S" },
    { "last-day", 0, 0, G_OPTION_ARG_STRING, &last, "Last day of data and \"today\" (default 2025-11-18)", "DAY" },
    { "reps", 0, 0, G_OPTION_ARG_INT, &reps, "Timed repetitions (default 50)", "N" },
    { "warmups", 0, 0, G_OPTION_ARG_INT, &warmups, "Untimed repetitions first (default 3)", "N" },
    { "no-search", 0, 0, G_OPTION_ARG_NONE, &no_search, "Skip the case search", NULL },
    { "search-only", 0, 0, G_OPTION_ARG_NONE, &search_only, "Only the case search, not the pages", NULL },
    { "launches", 0, 0, G_OPTION_ARG_INT, &launches, "Launches to time to the first frame, under a display (default 10; 0: none)", "N" },
    { "explain", 0, 0, G_OPTION_ARG_NONE, &explain, "For pages over 16 ms: the slowest statements and their plans", NULL },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "Also write the figures as JSON", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the dashboard pages' queries");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) json = json_builder_new ();
  g_autofree char *params = NULL;
  g_autoptr(GPtrArray) offices = NULL;
  const char *scopes[2];
  const char * const period_names[] = { "day", "week", "month", "year", "five years" };
  DaftarPeriod periods[G_N_ELEMENTS (period_names)];
  guint n_offices, n_days = 1826, n_scopes;
  GDate last_day, from;
  Bench bench = { 0 };
  glong rss_pages;

  /* Search texts and their key are Persian: print them as UTF-8 whatever the locale. */
  setlocale (LC_CTYPE, "C.UTF-8");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  n_offices = g_str_equal (scale, "L") ? 20 : g_str_equal (scale, "M") ? 1 : 0;
  if (n_offices == 0 || reps < 1 || warmups < 0 ||
      !daftar_time_parse_day (last != NULL ? last : "2025-11-18", &last_day))
    {
      g_printerr ("Usage: dashboard [--scale M|L] [--db FILE] [--reps N] [--last-day YYYY-MM-DD] [--json FILE]\n");
      return 2;
    }
  if (db_path == NULL)
    db_path = g_strdup_printf ("dashboard-%s.db", scale);
  params = g_strdup_printf ("seed=%" G_GINT64_FORMAT " offices=%u days=%u last=%s", seed, n_offices, n_days,
                            last != NULL ? last : "2025-11-18");
  if (!bench_prepare_database (db_path, params, (guint64) seed, n_offices, n_days, &last_day, &error) ||
      (bench.db = daftar_db_open (db_path, &error)) == NULL ||
      (offices = daftar_query_offices (bench.db, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  bench.today = last_day;
  bench.first_day = last_day;
  g_date_subtract_days (&bench.first_day, n_days - 1);
  bench.reps = reps;
  bench.warmups = warmups;
  bench.json = json;
  bench.explain = explain;

  daftar_period_from_preset (DAFTAR_PERIOD_TODAY, &last_day, &periods[0]);
  from = last_day, g_date_subtract_days (&from, 6);
  daftar_period_custom (&from, &last_day, &periods[1]);
  daftar_period_from_preset (DAFTAR_PERIOD_LAST_MONTH, &last_day, &periods[2]);
  from = last_day, g_date_subtract_days (&from, 364);
  daftar_period_custom (&from, &last_day, &periods[3]);
  daftar_period_custom (&bench.first_day, &last_day, &periods[4]);

  /* One office at both scales; the whole network too at L. */
  scopes[0] = ((DaftarOfficeInfo *) g_ptr_array_index (offices, 0))->code;
  scopes[1] = NULL;
  n_scopes = n_offices > 1 ? 2 : 1;

  g_print ("dashboard: scale %s, %u office(s) x %u days to %s, %d reps after %d warm-ups, SQLite %s\n",
           scale, n_offices, n_days, last != NULL ? last : "2025-11-18", reps, warmups, sqlite3_libversion ());
  json_builder_begin_object (json);
  json_builder_set_member_name (json, "scale"), json_builder_add_string_value (json, scale);
  json_builder_set_member_name (json, "params"), json_builder_add_string_value (json, params);
  json_builder_set_member_name (json, "reps"), json_builder_add_int_value (json, reps);
  json_builder_set_member_name (json, "sqlite"), json_builder_add_string_value (json, sqlite3_libversion ());

  if (!search_only &&
      !bench_pages (&bench, scopes, n_scopes, periods, period_names, G_N_ELEMENTS (periods), &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  rss_pages = max_rss_kib ();
  json_builder_set_member_name (json, "max_rss_kib_after_pages"), json_builder_add_int_value (json, rss_pages);

  if (!no_search)
    {
      const DaftarPeriod search_periods[] = { periods[2], periods[4] };
      const char * const search_names[] = { "month", "five years" };

      bench.worker = daftar_db_worker_new (db_path);
      if (!bench_search (&bench, scopes, n_scopes, search_periods, search_names, 2, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_clear_object (&bench.worker);
    }

  /* The window's launch, after the queries: its own processes, its own
   * connection to the file this run has made or migrated. */
  g_clear_pointer (&bench.db, daftar_db_close);
  if (launches > 0 && !search_only &&
      !bench_first_frame (&bench, argv[0], db_path, last != NULL ? last : "2025-11-18", launches, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (search_only)
    g_print ("\npeak resident memory: %.1f MiB (budget 150 MiB)\n", max_rss_kib () / 1024.0);
  else
    g_print ("\npeak resident memory: %.1f MiB running every page (budget 150 MiB); with the naive scans "
             "beside them %.1f MiB, at the end %.1f MiB\n",
             bench.pages_rss_kib / 1024.0, rss_pages / 1024.0, max_rss_kib () / 1024.0);
  json_builder_set_member_name (json, "max_rss_kib_pages_only"), json_builder_add_int_value (json, bench.pages_rss_kib);
  json_builder_set_member_name (json, "max_rss_kib"), json_builder_add_int_value (json, max_rss_kib ());
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
  return 0;
}
