/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-shifts-query.c: every Shifts figure and report row equals a naive recomputation over the tickets table. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "daftar-demo.h"
#include "daftar-format.h"
#include "daftar-report.h"
#include "daftar-shifts-query.h"
#include "daftar-test-util.h"
#include "daftar-time.h"

#define N_DAYS 120   /* unless the fixture says */
#define MAX_MINUTE 600

enum { OUT_WAITING, OUT_SERVED, OUT_NO_SHOW, OUT_CANCELLED };

/* One ticket as the naive side sees it: local day and hour from GDateTime. */
typedef struct
{
  char   *office;
  int     service;
  gint64  issued, called, started, finished;   /* -1 when NULL */
  int     counter;                             /* -1 when NULL */
  char   *staff;                               /* nullable */
  int     outcome;
  GDate   day;
  int     hour;
  int     shift;
  guint   row;                                 /* Saturday 0 … Friday 6 */
} Ticket;

typedef struct
{
  guint64     seed;
  guint       n_offices;
  guint       n_days;      /* 0: N_DAYS to 2025-04-30 */
  char       *dir;
  DaftarDb   *db;
  DaftarDemo *demo;
  GArray     *tickets;
  double      target_wait, target_level, max_cases;
} Fixture;

static Fixture fixtures[4] = {
  { .seed = 1, .n_offices = 2 },
  { .seed = 2024 , .n_offices = 1 },
  { .seed = 77777, .n_offices = 1 },
  /* 2024-01-28 (1402-11-08) … 2025-06-10 (1404-03-20): the whole Jalali
   * year 1403 with months and days on both sides of it. */
  { .seed = 1403, .n_offices = 2, .n_days = 500 },
};

static void
ticket_clear (gpointer data)
{
  Ticket *t = data;

  g_free (t->office);
  g_free (t->staff);
}

static gint64
column_or_minus_one (sqlite3_stmt *stmt, int column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, column);
}

static double
standard (DaftarDb *db, const char *key)
{
  sqlite3_stmt *stmt = NULL;
  double value;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db),
                                       "SELECT value FROM standards WHERE key = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
parse_day (const char *text, GDate *out)
{
  g_date_clear (out, 1);
  g_assert_true (daftar_time_parse_day (text, out));
}

/* Reads the whole tickets table once: the naive side of every comparison. */
static void
load_tickets (Fixture *f)
{
  static const char * const services[] = {
    "petition", "brief", "protest", "complaint", "enforcement", "sana_registration", "other",
  };
  static const char * const outcomes[] = { "waiting", "served", "no_show", "cancelled" };
  sqlite3_stmt *stmt = NULL;

  f->tickets = g_array_new (FALSE, TRUE, sizeof (Ticket));
  g_array_set_clear_func (f->tickets, ticket_clear);
  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (f->db),
    "SELECT office_code, service, issued_at, called_at, started_at, finished_at, counter, staff_id, outcome "
    "FROM tickets", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Ticket t = { 0 };
      g_autoptr(GDateTime) utc = NULL;
      g_autoptr(GDateTime) local = NULL;

      t.office = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      t.service = t.outcome = -1;
      for (guint i = 0; i < G_N_ELEMENTS (services); i++)
        if (g_str_equal (services[i], (const char *) sqlite3_column_text (stmt, 1)))
          t.service = i;
      for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
        if (g_str_equal (outcomes[i], (const char *) sqlite3_column_text (stmt, 8)))
          t.outcome = i;
      g_assert_cmpint (t.service, >=, 0);
      g_assert_cmpint (t.outcome, >=, 0);
      t.issued = sqlite3_column_int64 (stmt, 2);
      t.called = column_or_minus_one (stmt, 3);
      t.started = column_or_minus_one (stmt, 4);
      t.finished = column_or_minus_one (stmt, 5);
      t.counter = (int) column_or_minus_one (stmt, 6);
      if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
        t.staff = g_strdup ((const char *) sqlite3_column_text (stmt, 7));

      utc = g_date_time_new_from_unix_utc (t.issued);
      local = g_date_time_to_timezone (utc, daftar_time_zone ());
      g_date_clear (&t.day, 1);
      g_date_set_dmy (&t.day, g_date_time_get_day_of_month (local),
                      g_date_time_get_month (local), g_date_time_get_year (local));
      t.hour = g_date_time_get_hour (local);
      t.shift = t.hour < 14 ? DAFTAR_SHIFT_MORNING : DAFTAR_SHIFT_EVENING;
      /* GDateTime: Monday 1 … Sunday 7. */
      t.row = g_date_time_get_day_of_week (local) == 6 ? 0
            : g_date_time_get_day_of_week (local) == 7 ? 1
            : (guint) g_date_time_get_day_of_week (local) + 1;
      g_array_append_val (f->tickets, t);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (f->tickets->len, >, 1000);
}

static Fixture *
fixture (guint i)
{
  Fixture *f = &fixtures[i];
  g_autoptr(GError) error = NULL;
  GDate last;

  if (f->db != NULL)
    return f;
  parse_day (f->n_days ? "2025-06-10" : "2025-04-30", &last);
  f->db = daftar_test_db_new (&f->dir);
  f->demo = daftar_demo_new (f->seed, f->n_offices, f->n_days ? f->n_days : N_DAYS, &last);
  g_assert_true (daftar_demo_fill_database (f->demo, f->db, 2000, NULL, &error));
  g_assert_no_error (error);
  f->target_wait = standard (f->db, "target_wait_minutes");
  f->target_level = standard (f->db, "target_service_level");
  f->max_cases = standard (f->db, "max_cases_per_staff_shift");
  load_tickets (f);
  return f;
}

/* ---- naive figures -------------------------------------------------- */

typedef struct
{
  gint64 issued, served, no_show, cancelled, wait_n, wait_sum, within;
  double mean, share;
  int    p90;
} Naive;

static int
compare_int (gconstpointer a, gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static gboolean
in_period (const Ticket *t, const char *office, const GDate *from, const GDate *to)
{
  return (office == NULL || g_str_equal (office, t->office)) &&
         g_date_compare (&t->day, from) >= 0 && g_date_compare (&t->day, to) <= 0;
}

/* The bin of a day, computed apart from daftar_bin_start: a Julian day, the
 * Julian day of its Saturday, or a Jalali year*12+month. */
static gint64
bin_key (DaftarBin bin, const GDate *day)
{
  DaftarJalaliDate j;

  switch (bin)
    {
    case DAFTAR_BIN_DAY:
      return g_date_get_julian (day);
    case DAFTAR_BIN_WEEK:
      return g_date_get_julian (day) - (g_date_get_weekday (day) % 7 + 1) % 7;
    case DAFTAR_BIN_MONTH:
    default:
      g_assert_true (daftar_jalali_from_gdate (day, &j));
      return j.year * 12 + j.month;
    }
}

static void
naive_figures (Fixture *f, const char *office, const GDate *from, const GDate *to,
               int shift, DaftarBin bin, gint64 key, gboolean by_bin, Naive *out)
{
  g_autoptr(GArray) minutes = g_array_new (FALSE, FALSE, sizeof (int));

  memset (out, 0, sizeof *out);
  for (guint i = 0; i < f->tickets->len; i++)
    {
      const Ticket *t = &g_array_index (f->tickets, Ticket, i);

      if (!in_period (t, office, from, to) || t->shift != shift)
        continue;
      if (by_bin && bin_key (bin, &t->day) != key)
        continue;
      out->issued++;
      out->served += t->outcome == OUT_SERVED;
      out->no_show += t->outcome == OUT_NO_SHOW;
      out->cancelled += t->outcome == OUT_CANCELLED;
      if (t->outcome == OUT_SERVED && t->called >= 0)
        {
          gint64 wait = t->called - t->issued;
          int minute = MIN (MAX_MINUTE, (int) ((wait + 59) / 60));

          out->wait_n++;
          out->wait_sum += wait;
          out->within += wait <= f->target_wait * 60;
          g_array_append_val (minutes, minute);
        }
    }
  out->mean = out->wait_n ? (double) out->wait_sum / out->wait_n / 60 : NAN;
  out->share = out->wait_n ? (double) out->within / out->wait_n : NAN;
  out->p90 = -1;
  if (minutes->len > 0)
    {
      /* The smallest m with at least 90% of waits ≤ m: the ceil(0.9 n)-th smallest. */
      g_array_sort (minutes, compare_int);
      out->p90 = g_array_index (minutes, int, (minutes->len * 9 + 9) / 10 - 1);
    }
}

static void
assert_same_double (double got, double want)
{
  if (isnan (want))
    g_assert_true (isnan (got));
  else
    g_assert_cmpfloat_with_epsilon (got, want, 1e-9 * MAX (1.0, fabs (want)));
}

static void
assert_figures (const DaftarShiftFigures *got, const Naive *want)
{
  g_assert_cmpint (got->issued, ==, want->issued);
  g_assert_cmpint (got->served, ==, want->served);
  g_assert_cmpint (got->no_show, ==, want->no_show);
  g_assert_cmpint (got->cancelled, ==, want->cancelled);
  g_assert_cmpint (got->wait_n, ==, want->wait_n);
  g_assert_cmpint (got->wait_sum_s, ==, want->wait_sum);
  g_assert_cmpint (got->within_target, ==, want->within);
  g_assert_cmpint (got->wait_p90_minutes, ==, want->p90);
  assert_same_double (got->wait_mean_minutes, want->mean);
  assert_same_double (got->within_target_share, want->share);
}

static DaftarVerdict
naive_verdict (double value, double target, gboolean higher_is_better)
{
  if (isnan (value))
    return DAFTAR_VERDICT_NOT_MEASURED;
  if (higher_is_better)
    return value >= target ? DAFTAR_VERDICT_MET : DAFTAR_VERDICT_BREACHED;
  return value <= target ? DAFTAR_VERDICT_MET : DAFTAR_VERDICT_BREACHED;
}


static void
check_service_and_hours (Fixture *f, const char *office, const GDate *from, const GDate *to,
                         const DaftarShiftsData *d)
{
  gint64 service_n[7][2] = { { 0 } }, service_sum[7][2] = { { 0 } };
  gint64 arrivals[7][24] = { { 0 } }, served[7][24] = { { 0 } }, wait_sum[7][24] = { { 0 } };
  gint64 open_days[7] = { 0 };
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int first_hour = -1, last_hour = -1;

  for (guint i = 0; i < f->tickets->len; i++)
    {
      const Ticket *t = &g_array_index (f->tickets, Ticket, i);
      g_autofree char *office_day = NULL;

      if (!in_period (t, office, from, to))
        continue;
      if (t->started >= 0 && t->finished >= 0)
        {
          service_n[t->service][t->shift]++;
          service_sum[t->service][t->shift] += t->finished - t->started;
        }
      arrivals[t->row][t->hour]++;
      if (t->outcome == OUT_SERVED)
        {
          served[t->row][t->hour]++;
          if (t->called >= 0)
            wait_sum[t->row][t->hour] += t->called - t->issued;
        }
      office_day = g_strdup_printf ("%s/%u", t->office, g_date_get_julian (&t->day));
      if (g_hash_table_add (days, g_steal_pointer (&office_day)))
        open_days[t->row]++;
      first_hour = first_hour < 0 ? t->hour : MIN (first_hour, t->hour);
      last_hour = MAX (last_hour, t->hour);
    }

  for (guint k = 0; k < 7; k++)
    for (int s = 0; s < DAFTAR_N_SHIFTS; s++)
      {
        g_assert_cmpint (d->service_n[k][s], ==, service_n[k][s]);
        assert_same_double (daftar_shifts_service_minutes (d, k, s),
                            service_n[k][s] ? (double) service_sum[k][s] / service_n[k][s] / 60 : NAN);
      }
  g_assert_cmpint (d->first_hour, ==, first_hour);
  g_assert_cmpint (d->last_hour, ==, last_hour);
  for (guint r = 0; r < 7; r++)
    {
      g_assert_cmpint (d->open_days[r], ==, open_days[r]);
      for (guint h = 0; h < 24; h++)
        {
          g_assert_cmpint (d->arrivals[r][h], ==, arrivals[r][h]);
          assert_same_double (daftar_shifts_mean_arrivals (d, r, h),
                              open_days[r] ? (double) arrivals[r][h] / open_days[r] : NAN);
          assert_same_double (daftar_shifts_mean_wait (d, r, h),
                              served[r][h] ? (double) wait_sum[r][h] / served[r][h] / 60 : NAN);
        }
    }
  /* Fridays are closed in the demo: no open Friday, no Friday mean. */
  g_assert_cmpint (d->open_days[6], ==, 0);
  g_assert_true (isnan (daftar_shifts_mean_arrivals (d, 6, 10)));
}

typedef struct
{
  gint64      served[2];
  gint64      service_sum;
  GHashTable *days[2];   /* Julian days worked, per shift */
} NaiveLoad;

static void
naive_load_free (gpointer data)
{
  NaiveLoad *load = data;

  g_clear_pointer (&load->days[0], g_hash_table_unref);
  g_clear_pointer (&load->days[1], g_hash_table_unref);
  g_free (load);
}

static NaiveLoad *
naive_load (GHashTable *table, char *key)
{
  NaiveLoad *load = g_hash_table_lookup (table, key);

  if (load == NULL)
    {
      load = g_new0 (NaiveLoad, 1);
      load->days[0] = g_hash_table_new (NULL, NULL);
      load->days[1] = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (table, g_strdup (key), load);
    }
  g_free (key);
  return load;
}

static void
check_load (Fixture *f, const char *office, const GDate *from, const GDate *to,
            const DaftarShiftsData *d)
{
  g_autoptr(GHashTable) counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, naive_load_free);
  g_autoptr(GHashTable) staff = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, naive_load_free);
  gint64 staff_served[2] = { 0 }, staff_shifts[2] = { 0 };

  for (guint i = 0; i < f->tickets->len; i++)
    {
      const Ticket *t = &g_array_index (f->tickets, Ticket, i);
      NaiveLoad *load;

      if (!in_period (t, office, from, to) || t->outcome != OUT_SERVED)
        continue;
      if (t->counter >= 0)
        {
          load = naive_load (counters, g_strdup_printf ("%s/%d", t->office, t->counter));
          load->served[t->shift]++;
          if (t->started >= 0 && t->finished >= 0)
            load->service_sum += t->finished - t->started;
        }
      if (t->staff != NULL)
        {
          load = naive_load (staff, g_strdup_printf ("%s/%s", t->office, t->staff));
          load->served[t->shift]++;
          staff_served[t->shift]++;
          if (g_hash_table_add (load->days[t->shift], GUINT_TO_POINTER (g_date_get_julian (&t->day))))
            staff_shifts[t->shift]++;
        }
    }

  g_assert_cmpuint (d->counters->len, ==, g_hash_table_size (counters));
  g_assert_cmpuint (d->counters->len, >, 0);
  for (guint i = 0; i < d->counters->len; i++)
    {
      const DaftarCounterLoad *got = g_ptr_array_index (d->counters, i);
      g_autofree char *key = g_strdup_printf ("%s/%d", got->office_code, got->counter);
      NaiveLoad *want = g_hash_table_lookup (counters, key);

      g_assert_nonnull (want);
      g_assert_cmpint (got->served[0], ==, want->served[0]);
      g_assert_cmpint (got->served[1], ==, want->served[1]);
      g_assert_cmpint (got->service_sum_s, ==, want->service_sum);
    }
  g_assert_cmpuint (d->staff->len, ==, g_hash_table_size (staff));
  for (guint i = 0; i < d->staff->len; i++)
    {
      const DaftarStaffLoad *got = g_ptr_array_index (d->staff, i);
      g_autofree char *key = g_strdup_printf ("%s/%s", got->office_code, got->staff_id);
      NaiveLoad *want = g_hash_table_lookup (staff, key);

      g_assert_nonnull (want);
      g_assert_nonnull (got->name);
      for (int s = 0; s < 2; s++)
        {
          g_assert_cmpint (got->served[s], ==, want->served[s]);
          g_assert_cmpint (got->shifts_worked[s], ==, g_hash_table_size (want->days[s]));
        }
    }

  for (int s = 0; s < DAFTAR_N_SHIFTS; s++)
    {
      double per_staff = staff_shifts[s] ? (double) staff_served[s] / staff_shifts[s] : NAN;
      Naive all;

      naive_figures (f, office, from, to, s, DAFTAR_BIN_DAY, 0, FALSE, &all);
      g_assert_cmpint (d->staff_shifts[s], ==, staff_shifts[s]);
      assert_same_double (daftar_shifts_cases_per_staff (d, s), per_staff);
      g_assert_cmpint (d->checks[s][DAFTAR_SHIFT_STANDARD_WAIT_MEAN].verdict, ==,
                       naive_verdict (all.mean, f->target_wait, FALSE));
      g_assert_cmpint (d->checks[s][DAFTAR_SHIFT_STANDARD_SERVICE_LEVEL].verdict, ==,
                       naive_verdict (all.share, f->target_level, TRUE));
      g_assert_cmpint (d->checks[s][DAFTAR_SHIFT_STANDARD_CASES_PER_STAFF].verdict, ==,
                       naive_verdict (per_staff, f->max_cases, FALSE));
      assert_same_double (d->checks[s][DAFTAR_SHIFT_STANDARD_CASES_PER_STAFF].value, per_staff);
      g_assert_cmpfloat (d->checks[s][DAFTAR_SHIFT_STANDARD_CASES_PER_STAFF].target, ==, f->max_cases);
    }
}

/* Checks every figure of one period; returns the query's data for more checks. */
static DaftarShiftsData *
check_period (Fixture *f, const char *office, const char *from_text, const char *to_text, DaftarBin bin)
{
  g_autoptr(GError) error = NULL;
  DaftarShiftsData *d;
  GDate from, to, day;
  gint64 last_key = G_MININT64;
  guint n_keys = 0;

  parse_day (from_text, &from);
  parse_day (to_text, &to);
  d = daftar_query_shifts (f->db, office, &from, &to, bin, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (d);
  g_assert_cmpfloat (d->standards.target_wait_minutes, ==, f->target_wait);

  for (int s = 0; s < DAFTAR_N_SHIFTS; s++)
    {
      Naive want;

      naive_figures (f, office, &from, &to, s, bin, 0, FALSE, &want);
      assert_figures (&d->shift[s], &want);
    }
  /* Some period of every fixture must have something to compare. */
  g_assert_cmpint (d->shift[DAFTAR_SHIFT_MORNING].issued + d->shift[DAFTAR_SHIFT_EVENING].issued, >, 0);

  /* One bin per distinct key of the period's days, in order. */
  for (day = from; g_date_compare (&day, &to) <= 0; g_date_add_days (&day, 1))
    if (bin_key (bin, &day) != last_key)
      {
        last_key = bin_key (bin, &day);
        g_assert_cmpuint (n_keys, <, d->bins->len);
        g_assert_cmpint (bin_key (bin, &g_array_index (d->bins, DaftarShiftsBin, n_keys).start), ==, last_key);
        n_keys++;
      }
  g_assert_cmpuint (d->bins->len, ==, n_keys);
  for (guint b = 0; b < d->bins->len; b++)
    for (int s = 0; s < DAFTAR_N_SHIFTS; s++)
      {
        const DaftarShiftsBin *got = &g_array_index (d->bins, DaftarShiftsBin, b);
        Naive want;

        naive_figures (f, office, &from, &to, s, bin, bin_key (bin, &got->start), TRUE, &want);
        assert_figures (&got->shift[s], &want);
      }

  check_service_and_hours (f, office, &from, &to, d);
  check_load (f, office, &from, &to, d);
  return d;
}

static void
test_figures (gconstpointer data)
{
  Fixture *f = fixture (GPOINTER_TO_UINT (data));
  const char *office0 = daftar_demo_get_office_code (f->demo, 0);

  for (guint o = 0; o <= f->n_offices; o++)
    {
      /* Every office alone, then (o == n_offices) the network. */
      const char *office = o < f->n_offices ? daftar_demo_get_office_code (f->demo, o) : NULL;

      if (f->n_offices == 1 && office == NULL)
        break;
      /* Esfand 30 of leap 1403 and Nowruz, by day. */
      daftar_shifts_data_free (check_period (f, office, "2025-03-14", "2025-03-27", DAFTAR_BIN_DAY));
      /* Weeks over the year's turn. */
      daftar_shifts_data_free (check_period (f, office, "2025-02-15", "2025-04-10", DAFTAR_BIN_WEEK));
      /* Jalali months: Dey 1403 to Ordibehesht 1404. */
      daftar_shifts_data_free (check_period (f, office, "2025-01-01", "2025-04-30", DAFTAR_BIN_MONTH));
      if (f->n_days == 0)
        continue;
      /* Totals read whole Jalali years: days, Esfand 1402, the year 1403,
       * Farvardin and Ordibehesht 1404, days; then with no months before
       * the year and none but whole ones after it. */
      daftar_shifts_data_free (check_period (f, office, "2024-01-28", "2025-06-10", DAFTAR_BIN_MONTH));
      daftar_shifts_data_free (check_period (f, office, "2024-03-18", "2025-05-21", DAFTAR_BIN_MONTH));
    }
  /* One day alone: the last of 1403, and the first of 1404. */
  daftar_shifts_data_free (check_period (f, office0, "2025-03-20", "2025-03-20", DAFTAR_BIN_DAY));
  daftar_shifts_data_free (check_period (f, office0, "2025-03-19", "2025-03-22", DAFTAR_BIN_MONTH));
}

/* Every week with a one-counter evening breaks the evening's wait standard. */
static void
test_understaffed (gconstpointer data)
{
  Fixture *f = fixture (GPOINTER_TO_UINT (data));
  guint n_weeks = 0;

  for (guint o = 0; o < f->n_offices; o++)
    {
      const char *office = daftar_demo_get_office_code (f->demo, o);
      guint32 last_week = 0;

      for (guint i = 0; i < N_DAYS; i++)
        {
          g_autoptr(DaftarShiftsData) d = NULL;
          g_autoptr(GError) error = NULL;
          GDate day, saturday, friday;
          char week[11];

          daftar_demo_get_day (f->demo, i, &day);
          if (!daftar_demo_is_understaffed_evening (f->demo, o, &day))
            continue;
          daftar_week_start (&day, &saturday);
          if (g_date_get_julian (&saturday) == last_week)
            continue;
          last_week = g_date_get_julian (&saturday);
          friday = saturday;
          g_date_add_days (&friday, 6);

          d = daftar_query_shifts (f->db, office, &saturday, &friday, DAFTAR_BIN_DAY, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpint (d->checks[DAFTAR_SHIFT_EVENING][DAFTAR_SHIFT_STANDARD_WAIT_MEAN].verdict, ==,
                           DAFTAR_VERDICT_BREACHED);
          g_assert_cmpint (d->checks[DAFTAR_SHIFT_EVENING][DAFTAR_SHIFT_STANDARD_SERVICE_LEVEL].verdict, ==,
                           DAFTAR_VERDICT_BREACHED);
          /* The standard's value is the figure it judges. */
          assert_same_double (d->checks[DAFTAR_SHIFT_EVENING][DAFTAR_SHIFT_STANDARD_WAIT_MEAN].value,
                              d->shift[DAFTAR_SHIFT_EVENING].wait_mean_minutes);
          g_assert_cmpfloat (d->shift[DAFTAR_SHIFT_EVENING].wait_mean_minutes, >, f->target_wait);
          daftar_time_format_day (&saturday, week);
          g_test_message ("%s week of %s: evening mean wait %.1f min, %.0f%% within target, %.1f clients per staff shift",
                          office, week, d->shift[DAFTAR_SHIFT_EVENING].wait_mean_minutes,
                          100 * d->shift[DAFTAR_SHIFT_EVENING].within_target_share,
                          daftar_shifts_cases_per_staff (d, DAFTAR_SHIFT_EVENING));
          n_weeks++;
        }
    }
  /* 120 days hold at least two six-week blocks. */
  g_assert_cmpuint (n_weeks, >=, 2);
}


static double
cell (JsonArray *row, guint i)
{
  JsonNode *node = json_array_get_element (row, i);

  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

static JsonArray *
table_rows (JsonObject *tables, const char *name, guint expected_rows)
{
  JsonObject *table = json_object_get_object_member (tables, name);
  JsonArray *rows;

  g_assert_nonnull (table);
  rows = json_object_get_array_member (table, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, expected_rows);
  return rows;
}

static void
assert_figure_cells (JsonArray *row, guint first, const DaftarShiftFigures *f)
{
  g_assert_cmpfloat (cell (row, first), ==, f->issued);
  g_assert_cmpfloat (cell (row, first + 1), ==, f->served);
  g_assert_cmpfloat (cell (row, first + 2), ==, f->no_show);
  g_assert_cmpfloat (cell (row, first + 3), ==, f->cancelled);
  assert_same_double (cell (row, first + 4), f->wait_mean_minutes);
  assert_same_double (cell (row, first + 5), f->wait_p90_minutes < 0 ? NAN : f->wait_p90_minutes);
  assert_same_double (cell (row, first + 6), f->within_target_share);
}

static void
check_report (Fixture *f, const char *office, const char *from_text, const char *to_text)
{
  g_autoptr(DaftarShiftsData) d = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  DaftarReportRequest request = { .office_code = office };
  DaftarPeriod period;
  JsonObject *tables;
  JsonArray *rows;
  guint n_hours, i;

  parse_day (from_text, &request.from);
  parse_day (to_text, &request.to);
  daftar_period_custom (&request.from, &request.to, &period);
  /* The page's query, checked against the tickets table, … */
  d = check_period (f, office, from_text, to_text, daftar_period_bin (&period));
  /* … gives the report's rows. */
  g_assert_true (daftar_report_run (f->db, "shifts", &request, DAFTAR_REPORT_JSON, out, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, out->str, -1, &error));
  g_assert_no_error (error);
  tables = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "tables");

  rows = table_rows (tables, "per_shift", 2);
  for (int s = 0; s < 2; s++)
    {
      JsonArray *row = json_array_get_array_element (rows, s);

      g_assert_cmpstr (json_array_get_string_element (row, 0), ==, daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, s));
      assert_figure_cells (row, 1, &d->shift[s]);
      g_assert_cmpfloat (cell (row, 8), ==, d->staff_shifts[s]);
      assert_same_double (cell (row, 9), daftar_shifts_cases_per_staff (d, s));
    }

  rows = table_rows (tables, "per_bin", d->bins->len * 2);
  for (i = 0; i < d->bins->len * 2; i++)
    {
      JsonArray *row = json_array_get_array_element (rows, i);
      const DaftarShiftsBin *bin = &g_array_index (d->bins, DaftarShiftsBin, i / 2);
      char day[11];

      daftar_time_format_day (&bin->start, day);
      g_assert_cmpstr (json_array_get_string_element (row, 0), ==, day);
      g_assert_cmpstr (json_array_get_string_element (row, 1), ==, daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, i % 2));
      assert_figure_cells (row, 2, &bin->shift[i % 2]);
    }

  rows = table_rows (tables, "service_time", 7 * 2);
  for (i = 0; i < 14; i++)
    {
      JsonArray *row = json_array_get_array_element (rows, i);

      g_assert_cmpfloat (cell (row, 2), ==, d->service_n[i / 2][i % 2]);
      assert_same_double (cell (row, 3), daftar_shifts_service_minutes (d, i / 2, i % 2));
    }

  n_hours = d->last_hour - d->first_hour + 1;
  rows = table_rows (tables, "heatmap_arrivals", 7 * n_hours);
  for (i = 0; i < 7 * n_hours; i++)
    {
      JsonArray *row = json_array_get_array_element (rows, i);
      guint r = i / n_hours, h = d->first_hour + i % n_hours;

      g_assert_cmpfloat (cell (row, 1), ==, h);
      g_assert_cmpfloat (cell (row, 3), ==, d->arrivals[r][h]);
      assert_same_double (cell (row, 4), daftar_shifts_mean_arrivals (d, r, h));
      row = json_array_get_array_element (table_rows (tables, "heatmap_wait", 7 * n_hours), i);
      assert_same_double (cell (row, 3), daftar_shifts_mean_wait (d, r, h));
    }
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 0), 0), ==, "saturday");

  rows = table_rows (tables, "per_counter", d->counters->len);
  for (i = 0; i < d->counters->len; i++)
    {
      const DaftarCounterLoad *c = g_ptr_array_index (d->counters, i);
      JsonArray *row = json_array_get_array_element (rows, i);

      g_assert_cmpstr (json_array_get_string_element (row, 0), ==, c->office_code);
      g_assert_cmpfloat (cell (row, 1), ==, c->counter);
      g_assert_cmpfloat (cell (row, 2), ==, c->served[0]);
      g_assert_cmpfloat (cell (row, 3), ==, c->served[1]);
    }

  rows = table_rows (tables, "per_staff", d->staff->len);
  for (i = 0; i < d->staff->len; i++)
    {
      const DaftarStaffLoad *p = g_ptr_array_index (d->staff, i);
      JsonArray *row = json_array_get_array_element (rows, i);

      g_assert_cmpstr (json_array_get_string_element (row, 1), ==, p->staff_id);
      g_assert_cmpfloat (cell (row, 3), ==, p->served[0]);
      g_assert_cmpfloat (cell (row, 4), ==, p->served[1]);
      g_assert_cmpfloat (cell (row, 5), ==, p->shifts_worked[0]);
      g_assert_cmpfloat (cell (row, 6), ==, p->shifts_worked[1]);
    }

  rows = table_rows (tables, "standards", 2 * DAFTAR_N_SHIFT_STANDARDS);
  for (i = 0; i < 2 * DAFTAR_N_SHIFT_STANDARDS; i++)
    {
      const DaftarStandardCheck *c = &d->checks[i / DAFTAR_N_SHIFT_STANDARDS][i % DAFTAR_N_SHIFT_STANDARDS];
      JsonArray *row = json_array_get_array_element (rows, i);
      static const char * const verdicts[] = { "not_measured", "met", "breached" };

      g_assert_cmpstr (json_array_get_string_element (row, 1), ==,
                       daftar_shift_standard_name (i % DAFTAR_N_SHIFT_STANDARDS));
      assert_same_double (cell (row, 2), c->value);
      assert_same_double (cell (row, 3), c->target);
      g_assert_cmpstr (json_array_get_string_element (row, 4), ==, verdicts[c->verdict]);
    }
}

static void
test_report_rows (gconstpointer data)
{
  Fixture *f = fixture (GPOINTER_TO_UINT (data));

  /* Weeks across Nowruz, for the network and one office; days around Esfand 30. */
  check_report (f, NULL, "2025-02-15", "2025-04-10");
  check_report (f, daftar_demo_get_office_code (f->demo, 1), "2025-03-15", "2025-03-24");
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_ENGLISH, DAFTAR_FORMAT_DIGITS_LATIN,
                            DAFTAR_FORMAT_CALENDAR_JALALI);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *figures = g_strdup_printf ("/shifts/query/figures/seed-%" G_GUINT64_FORMAT, fixtures[i].seed);
      g_autofree char *understaffed = g_strdup_printf ("/shifts/query/understaffed/seed-%" G_GUINT64_FORMAT, fixtures[i].seed);

      g_test_add_data_func (figures, GUINT_TO_POINTER (i), test_figures);
      /* The understaffed weeks are those of the demo's 120 days. */
      if (fixtures[i].n_days == 0)
        g_test_add_data_func (understaffed, GUINT_TO_POINTER (i), test_understaffed);
    }
  g_test_add_data_func ("/shifts/report/rows", GUINT_TO_POINTER (0), test_report_rows);

  status = g_test_run ();

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      Fixture *f = &fixtures[i];

      g_clear_pointer (&f->tickets, g_array_unref);
      g_clear_pointer (&f->demo, daftar_demo_free);
      g_clear_pointer (&f->db, daftar_db_close);
      g_clear_pointer (&f->dir, daftar_test_tmpdir_free);
    }
  return status;
}
