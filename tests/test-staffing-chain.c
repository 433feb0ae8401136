/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-staffing-chain.c: the advice chain on three synthetic offices in real database files — short of staff, short of counters, past max_counters — with the steps, texts, report column and new-office evidence recomputed naively. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "daftar-erlang.h"
#include "daftar-i18n.h"
#include "daftar-report.h"
#include "daftar-staffing.h"
#include "staffing-chain-offices.h"

/* The window recomputed from the tickets table by the plainest SQL. */
typedef struct
{
  gint64 arrivals[7][24];
  gint64 served[7][24];
  gint64 service_sum[7][24];
  gint64 counters_sum[7][24];
  gint64 day_arrivals[CHAIN_WEEKS * 7][24];
  guint  open_days[7];
} Naive;

static gint64
scalar (DaftarDb *db, const char *sql, const char *office, gint64 a, gint64 b, gint64 c, gint64 d)
{
  sqlite3_stmt *stmt;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, office, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    {
      sqlite3_bind_int64 (stmt, 2, a);
      sqlite3_bind_int64 (stmt, 3, b);
    }
  if (sqlite3_bind_parameter_count (stmt) >= 5)
    {
      sqlite3_bind_int64 (stmt, 4, c);
      sqlite3_bind_int64 (stmt, 5, d);
    }
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

#define ISSUED "office_code = ?1 AND issued_at >= ?2 AND issued_at < ?3"

static void
naive_window (DaftarDb *db, const char *office, Naive *n)
{
  GDate to, day;

  memset (n, 0, sizeof *n);
  chain_last_day (&to);
  day = to;
  g_date_subtract_days (&day, CHAIN_WEEKS * 7 - 1);
  for (guint d = 0; d < CHAIN_WEEKS * 7; d++, g_date_add_days (&day, 1))
    {
      gint64 start = daftar_time_day_start (&day);
      guint row = daftar_staffing_weekday_row (g_date_get_weekday (&day));

      if (scalar (db, "SELECT count(*) FROM tickets WHERE " ISSUED, office, start, start + 86400, 0, 0) > 0)
        n->open_days[row]++;
      for (guint h = 0; h < 24; h++)
        {
          gint64 a = start + h * 3600, b = a + 3600;

          n->day_arrivals[d][h] = scalar (db, "SELECT count(*) FROM tickets WHERE " ISSUED, office, a, b, 0, 0);
          n->arrivals[row][h] += n->day_arrivals[d][h];
          n->served[row][h] += scalar (db, "SELECT count(*) FROM tickets WHERE " ISSUED " AND outcome = 'served'",
                                       office, a, b, 0, 0);
          n->service_sum[row][h] += scalar (db, "SELECT coalesce(sum(finished_at - started_at), 0) FROM tickets "
                                                "WHERE " ISSUED, office, a, b, 0, 0);
          /* Counters open: distinct counters that started serving a
           * ticket of that day within the hour. */
          n->counters_sum[row][h] += scalar (db, "SELECT count(DISTINCT counter) FROM tickets WHERE " ISSUED
                                                 " AND started_at >= ?4 AND started_at < ?5",
                                             office, start, start + 86400, a, b);
        }
    }
}

static guint
naive_needed (const DaftarStandards *std, double rate, double service)
{
  DaftarStaffingTarget target = {
    .arrival_rate_per_hour = rate,
    .mean_service_seconds = service,
    .target_wait_seconds = std->target_wait_minutes * 60,
    .target_service_level = std->target_service_level,
    .occupancy_cap = std->occupancy_cap,
    .max_counters = 1000,
  };
  guint n = 0;

  if (rate <= 0)
    return 0;
  g_assert_true (daftar_erlang_counters_needed (&target, &n, NULL, NULL));
  return n;
}

/* Every hour short of counters is on the step the chain gives it, from
 * the tickets, the office's row and the standards alone; returns how many
 * hours were. */
static guint
check_hour_steps (DaftarDb *db, const DaftarStaffing *s, const Naive *n, DaftarStaffingStep expected)
{
  DaftarStandards std;
  guint office_counters, short_hours = 0;

  g_assert_true (daftar_query_standards (db, &std, NULL));
  office_counters = (guint) scalar (db, "SELECT counters FROM offices WHERE code = ?1", s->office_code, 0, 0, 0, 0);
  g_assert_cmpuint (s->office_counters, ==, office_counters);
  g_assert_true (s->office_counters_known);
  for (guint i = 0; i < s->hours->len; i++)
    {
      const DaftarStaffingHour *h = &g_array_index (s->hours, DaftarStaffingHour, i);
      guint r = daftar_staffing_weekday_row (h->weekday);
      guint typical = (guint) lround ((double) n->counters_sum[r][h->hour] / n->open_days[r]);
      guint needed = naive_needed (&std, (double) n->arrivals[r][h->hour] / n->open_days[r],
                                   (double) n->service_sum[r][h->hour] / n->served[r][h->hour]);
      DaftarStaffingStep step;

      g_assert_cmpuint (h->counters_typical, ==, typical);
      g_assert_cmpuint (h->counters_needed, ==, needed);
      if (needed <= typical)
        continue;
      short_hours++;
      if (needed > (guint) std.max_counters)
        step = DAFTAR_STAFFING_STEP_NEW_OFFICE;
      else if (typical < office_counters)
        step = DAFTAR_STAFFING_STEP_STAFF;
      else
        step = DAFTAR_STAFFING_STEP_COUNTER;
      g_assert_cmpint (h->step, ==, step);
      g_assert_cmpint (h->step, ==, expected);
      g_assert_cmpuint (h->counters_unstaffed, ==, office_counters > typical ? office_counters - typical : 0);
    }
  return short_hours;
}

static DaftarStaffing *
compute (DaftarDb *db, const ChainOffice *office)
{
  g_autoptr(GError) error = NULL;
  DaftarStaffing *s;
  GDate to;

  chain_last_day (&to);
  s = daftar_staffing_compute (db, office->code, &to, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (s);
  return s;
}

static void
use_language (const char *language)
{
  daftar_i18n_force (language);
  daftar_i18n_init ();
}

/* The column @name of table @table of a JSON report. */
static JsonArray *
report_table (JsonParser *parser, const char *json, const char *table, guint *out_column, const char *name)
{
  g_autoptr(GError) error = NULL;
  JsonObject *t;
  JsonArray *columns;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  t = json_object_get_object_member (json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                                                    "tables"),
                                     table);
  g_assert_nonnull (t);
  columns = json_object_get_array_member (t, "columns");
  *out_column = G_MAXUINT;
  for (guint i = 0; i < json_array_get_length (columns); i++)
    if (g_str_equal (json_array_get_string_element (columns, i), name))
      *out_column = i;
  g_assert_cmpuint (*out_column, !=, G_MAXUINT);
  return json_object_get_array_member (t, "rows");
}

/* The report says the step in its raw code on every row of advice, every
 * hour short of counters and the office's own row, in JSON and CSV. */
static void
check_report (DaftarDb *db, const DaftarStaffing *s, const char *nick)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  DaftarReportRequest request = { 0 };
  JsonArray *rows;
  guint column;

  request.office_code = s->office_code;
  request.from = s->from;
  request.to = s->to;
  g_assert_true (daftar_report_run (db, "staffing", &request, DAFTAR_REPORT_JSON, json, &error));
  g_assert_no_error (error);

  rows = report_table (parser, json->str, "advice", &column, "step");
  g_assert_cmpuint (json_array_get_length (rows), ==, s->advice->len);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, i), column), ==, nick);

  rows = report_table (parser, json->str, "hours", &column, "step");
  g_assert_cmpuint (json_array_get_length (rows), ==, s->hours->len);
  for (guint i = 0; i < s->hours->len; i++)
    {
      const DaftarStaffingHour *h = &g_array_index (s->hours, DaftarStaffingHour, i);
      JsonArray *row = json_array_get_array_element (rows, i);

      if (h->shortfall > 0)
        g_assert_cmpstr (json_array_get_string_element (row, column), ==, nick);
      else
        g_assert_true (json_array_get_null_element (row, column));
    }

  rows = report_table (parser, json->str, "step", &column, "step");
  g_assert_cmpuint (json_array_get_length (rows), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 0), column), ==, nick);

  g_assert_true (daftar_report_run (db, "staffing", &request, DAFTAR_REPORT_CSV, csv, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv->str, ",step"));
  g_assert_nonnull (strstr (csv->str, nick));
}

/* The sentences of every row and the verdict, in English and Persian:
 * each holds @english / @persian, with digits of its language. */
static void
check_texts (const DaftarStaffing *s, const char *english, const char *persian, const char *verdict_en,
             const char *verdict_fa)
{
  const char *languages[] = { "en", "fa" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      gboolean fa = l == 1;
      g_autofree char *verdict = NULL;

      use_language (languages[l]);
      for (guint i = 0; i < s->advice->len; i++)
        {
          const DaftarStaffingAdvice *a = &g_array_index (s->advice, DaftarStaffingAdvice, i);
          g_autofree char *text = daftar_staffing_advice_text (a);
          g_autofree char *reason = daftar_staffing_reason_text (s, a);

          g_test_message ("%s / %s", text, reason);
          g_assert_nonnull (strstr (text, fa ? persian : english));
          g_assert_true (fa ? daftar_test_has_persian_digit (text) && !daftar_test_has_latin_digit (text)
                            : daftar_test_has_latin_digit (text) && !daftar_test_has_persian_digit (text));
        }
      verdict = daftar_staffing_step_text (s);
      g_test_message ("%s", verdict);
      g_assert_nonnull (verdict);
      g_assert_nonnull (strstr (verdict, fa ? verdict_fa : verdict_en));
    }
  use_language ("en");
}

typedef struct
{
  DaftarDb *db;
  char     *dir;
  Naive     naive;
} Fixture;

static void
fixture_open (Fixture *f, const ChainOffice *office)
{
  f->db = daftar_test_db_new (&f->dir);
  chain_fill (f->db, office);
  naive_window (f->db, office->code, &f->naive);
}

static void
fixture_close (Fixture *f)
{
  daftar_db_close (f->db);
  daftar_test_tmpdir_free (f->dir);
}

/* Three of six counters staffed while clients waited: the advice seats
 * staff at the idle counters, and adds no counter. */
static void
test_short_of_staff (void)
{
  Fixture f;
  g_autoptr(DaftarStaffing) s = NULL;
  DaftarStaffingStepSummary sum;

  fixture_open (&f, &chain_short_of_staff);
  s = compute (f.db, &chain_short_of_staff);
  g_assert_cmpuint (check_hour_steps (f.db, s, &f.naive, DAFTAR_STAFFING_STEP_STAFF), >, 0);
  g_assert_cmpuint (s->advice->len, >, 0);
  for (guint i = 0; i < s->advice->len; i++)
    {
      const DaftarStaffingAdvice *a = &g_array_index (s->advice, DaftarStaffingAdvice, i);

      g_assert_cmpint (a->step, ==, DAFTAR_STAFFING_STEP_STAFF);
      /* Five needed at three open: two staff, of the three idle counters. */
      g_assert_cmpint (a->add_counters, ==, 2);
      g_assert_cmpint (a->add_staff, ==, 2);
      g_assert_cmpint (a->add_new_counters, ==, 0);
    }
  daftar_staffing_step_summary (s, &sum);
  g_assert_true (sum.has_step);
  g_assert_cmpint (sum.step, ==, DAFTAR_STAFFING_STEP_STAFF);
  g_assert_cmpuint (sum.most_staff, ==, 2);
  g_assert_cmpuint (sum.hours[DAFTAR_STAFFING_STEP_COUNTER] + sum.hours[DAFTAR_STAFFING_STEP_NEW_OFFICE], ==, 0);
  g_assert_false (sum.capacity_reached);
  check_texts (s, "add 2 staff at the existing counters", "۲ کارمند به باجه‌های موجود اضافه کنید",
               "Seat up to 2 more staff at the existing counters", "تا ۲ کارمند به باجه‌های موجود اضافه کنید");
  check_report (f.db, s, "staff");
  fixture_close (&f);
}

/* Three of four counters staffed, six needed: the first step still, but
 * the one idle counter seats one of the three, and the advice says the
 * other two need counters of their own. */
static void
test_staff_and_counters (void)
{
  Fixture f;
  g_autoptr(DaftarStaffing) s = NULL;
  DaftarStaffingStepSummary sum;

  fixture_open (&f, &chain_staff_and_counters);
  s = compute (f.db, &chain_staff_and_counters);
  g_assert_cmpuint (check_hour_steps (f.db, s, &f.naive, DAFTAR_STAFFING_STEP_STAFF), >, 0);
  g_assert_cmpuint (s->advice->len, >, 0);
  for (guint i = 0; i < s->advice->len; i++)
    {
      const DaftarStaffingAdvice *a = &g_array_index (s->advice, DaftarStaffingAdvice, i);

      g_assert_cmpint (a->step, ==, DAFTAR_STAFFING_STEP_STAFF);
      g_assert_cmpint (a->add_counters, ==, 3);
      g_assert_cmpint (a->add_staff, ==, 1);
      g_assert_cmpint (a->add_new_counters, ==, 2);
    }
  daftar_staffing_step_summary (s, &sum);
  g_assert_cmpint (sum.step, ==, DAFTAR_STAFFING_STEP_STAFF);
  g_assert_cmpuint (sum.most_staff, ==, 1);
  g_assert_cmpuint (sum.most_new_counters, ==, 2);
  check_texts (s, "add one staff member at the existing counters and 2 more counters",
               "یک کارمند به باجه‌های موجود و ۲ باجهٔ تازه اضافه کنید",
               "Some hours need 2 counters more than the office has as well",
               "به ۲ باجه بیش از باجه‌های کنونی دفتر");
  check_report (f.db, s, "staff");
  fixture_close (&f);
}

/* Every one of four counters staffed, eight allowed: add counters. */
static void
test_short_of_counters (void)
{
  Fixture f;
  g_autoptr(DaftarStaffing) s = NULL;
  DaftarStaffingStepSummary sum;

  fixture_open (&f, &chain_short_of_counters);
  s = compute (f.db, &chain_short_of_counters);
  g_assert_cmpuint (check_hour_steps (f.db, s, &f.naive, DAFTAR_STAFFING_STEP_COUNTER), >, 0);
  g_assert_cmpuint (s->advice->len, >, 0);
  for (guint i = 0; i < s->advice->len; i++)
    {
      const DaftarStaffingAdvice *a = &g_array_index (s->advice, DaftarStaffingAdvice, i);

      g_assert_cmpint (a->step, ==, DAFTAR_STAFFING_STEP_COUNTER);
      g_assert_cmpint (a->add_counters, ==, 2);
      g_assert_cmpint (a->add_staff, ==, 0);
      g_assert_cmpint (a->add_new_counters, ==, 2);
    }
  daftar_staffing_step_summary (s, &sum);
  g_assert_true (sum.has_step);
  g_assert_cmpint (sum.step, ==, DAFTAR_STAFFING_STEP_COUNTER);
  g_assert_cmpuint (sum.most_new_counters, ==, 2);
  g_assert_cmpuint (sum.office_counters, ==, 4);
  g_assert_false (sum.capacity_reached);
  check_texts (s, "add 2 counters", "به تعداد ۲ باجه اضافه کنید",
               "It has 4 of the 8 the standards allow; add up to 2 counters", "دفتر ۴ باجه از ۸ باجهٔ مجاز");
  check_report (f.db, s, "counter");
  fixture_close (&f);
}

/* Six counters staffed, six allowed, ten needed in three weeks of four:
 * evidence for a new office, each figure recomputed here. */
static void
test_past_max_counters (void)
{
  Fixture f;
  g_autoptr(DaftarStaffing) s = NULL;
  DaftarStaffingStepSummary sum;
  DaftarStandards std;
  const Naive *n = &f.naive;
  guint weeks_over = 0, peak_needed = 0, peak_r = 0, peak_h = 0, carried = 0, second;
  double peak_rate = 0, service;

  fixture_open (&f, &chain_past_max);
  s = compute (f.db, &chain_past_max);
  g_assert_cmpuint (check_hour_steps (f.db, s, &f.naive, DAFTAR_STAFFING_STEP_NEW_OFFICE), >, 0);
  g_assert_cmpuint (s->advice->len, >, 0);
  for (guint i = 0; i < s->advice->len; i++)
    g_assert_cmpint (g_array_index (s->advice, DaftarStaffingAdvice, i).step, ==, DAFTAR_STAFFING_STEP_NEW_OFFICE);
  daftar_staffing_step_summary (s, &sum);
  g_assert_true (sum.has_step);
  g_assert_cmpint (sum.step, ==, DAFTAR_STAFFING_STEP_NEW_OFFICE);
  g_assert_cmpuint (sum.hours[DAFTAR_STAFFING_STEP_NEW_OFFICE], >, 0);

  /* The evidence, naively: a week is over capacity when some hour of one
   * of its days needs more than max_counters at that weekday and hour's
   * mean service time over the window. */
  g_assert_true (daftar_query_standards (f.db, &std, NULL));
  for (guint w = 0; w < CHAIN_WEEKS; w++)
    {
      guint most = 0;

      for (guint d = w * 7; d < w * 7 + 7; d++)
        {
          GDate day;
          guint r;

          chain_last_day (&day);
          g_date_subtract_days (&day, CHAIN_WEEKS * 7 - 1 - d);
          r = daftar_staffing_weekday_row (g_date_get_weekday (&day));
          for (guint h = 0; h < 24; h++)
            if (n->day_arrivals[d][h] > 0)
              most = MAX (most, naive_needed (&std, n->day_arrivals[d][h],
                                              (double) n->service_sum[r][h] / n->served[r][h]));
        }
      weeks_over += most > (guint) std.max_counters;
    }
  /* The peak: the weekday and hour that need the most counters, the
   * busier among equals, as a mean over the weekday's open days. */
  for (guint r = 0; r < 7; r++)
    for (guint h = 0; h < 24; h++)
      if (n->arrivals[r][h] > 0)
        {
          double rate = (double) n->arrivals[r][h] / n->open_days[r];
          guint needed = naive_needed (&std, rate, (double) n->service_sum[r][h] / n->served[r][h]);

          if (needed > peak_needed || (needed == peak_needed && rate > peak_rate))
            {
              peak_needed = needed;
              peak_rate = rate;
              peak_r = r;
              peak_h = h;
            }
        }
  service = (double) n->service_sum[peak_r][peak_h] / n->served[peak_r][peak_h];
  /* What six counters carry of it, client by client, and the rest. */
  while (naive_needed (&std, carried + 1, service) <= (guint) std.max_counters)
    carried++;
  second = naive_needed (&std, peak_rate - carried, service);

  g_test_message ("weeks over %u, peak %.2f/h needs %u, carried %u, second office %u",
                  weeks_over, peak_rate, peak_needed, carried, second);
  g_assert_cmpuint (weeks_over, ==, 3);
  g_assert_cmpuint (sum.weeks_over_capacity, ==, weeks_over);
  g_assert_true (sum.capacity_reached);
  g_assert_cmpint (sum.peak_weekday, ==, daftar_staffing_row_weekday (peak_r));
  g_assert_cmpuint (sum.peak_hour, ==, peak_h);
  g_assert_cmpfloat_with_epsilon (sum.peak_arrivals_per_hour, peak_rate, 1e-9);
  g_assert_cmpuint (sum.peak_counters_needed, ==, peak_needed);
  g_assert_cmpfloat_with_epsilon (sum.peak_mean_service_s, service, 1e-9);
  g_assert_cmpuint (sum.capacity_arrivals_per_hour, ==, carried);
  g_assert_cmpuint (sum.second_office_counters, ==, second);
  g_assert_cmpuint (second, >, 0);
  g_assert_cmpuint (carried, >, 0);

  check_texts (s, "evidence for a new office", "شاهدی بر نیاز به دفتر تازه",
               "a second office would need", "دفتر دوم برای بقیه");
  check_report (f.db, s, "new_office");
  fixture_close (&f);
}

int
main (int argc, char **argv)
{
  use_language ("en");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/staffing-chain/short-of-staff", test_short_of_staff);
  g_test_add_func ("/staffing-chain/staff-and-counters", test_staff_and_counters);
  g_test_add_func ("/staffing-chain/short-of-counters", test_short_of_counters);
  g_test_add_func ("/staffing-chain/past-max-counters", test_past_max_counters);
  return g_test_run ();
}
