/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-erlang.c: Erlang C queue forecasts and staffing against known vectors and independent formulas. */
#include "daftar-erlang.h"

#include <math.h>

/* Asserts that @value rounds to @expected at @decimals places: the vectors
 * below are quoted to that precision in staffing textbooks. */
static void
assert_rounds_to (double value,
                  double expected,
                  int    decimals)
{
  double half_unit = 0.5 * pow (10.0, -decimals);

  if (!(fabs (value - expected) < half_unit))
    g_error ("%.10f does not round to %.*f", value, decimals, expected);
}

static void
test_half_hour_vector (void)
{
  /* 100 arrivals per 30 minutes, 3-minute service, 14 counters, 20 s target. */
  DaftarQueueParams params = {
    .arrival_rate_per_hour = 200.0,
    .mean_service_seconds = 180.0,
    .counters = 14,
    .target_wait_seconds = 20.0,
  };
  DaftarQueueForecast f;
  g_autoptr(GError) error = NULL;

  g_assert_true (daftar_erlang_forecast (&params, &f, &error));
  g_assert_no_error (error);

  g_assert_true (f.stable);
  g_assert_cmpfloat_with_epsilon (f.traffic_erlangs, 10.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (f.occupancy, 10.0 / 14.0, 1e-12);
  assert_rounds_to (f.probability_of_waiting, 0.1741, 4);
  assert_rounds_to (f.service_level, 0.8884, 4);
  assert_rounds_to (f.average_wait_seconds, 7.84, 2);

  /* The public Erlang C agrees with the forecast's field. */
  g_assert_cmpfloat (daftar_erlang_c (10.0, 14), ==, f.probability_of_waiting);
}

/* Runs the search and checks the answer is minimal: one counter fewer,
 * evaluated by the forecast, misses the service level or the cap. */
static guint
counters_needed_checked (double arrival_rate_per_hour,
                         double mean_service_seconds,
                         double target_wait_seconds,
                         double target_service_level,
                         double occupancy_cap)
{
  DaftarStaffingTarget target = {
    .arrival_rate_per_hour = arrival_rate_per_hour,
    .mean_service_seconds = mean_service_seconds,
    .target_wait_seconds = target_wait_seconds,
    .target_service_level = target_service_level,
    .occupancy_cap = occupancy_cap,
    .max_counters = 500,
  };
  DaftarQueueForecast at, below;
  DaftarQueueParams params = {
    .arrival_rate_per_hour = arrival_rate_per_hour,
    .mean_service_seconds = mean_service_seconds,
    .target_wait_seconds = target_wait_seconds,
  };
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (daftar_erlang_counters_needed (&target, &n, &at, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, >=, 1);
  g_assert_true (at.stable);
  g_assert_cmpfloat (at.service_level, >=, target_service_level);
  if (occupancy_cap > 0.0)
    g_assert_cmpfloat (at.occupancy, <=, occupancy_cap);

  if (n > 1)
    {
      params.counters = n - 1;
      g_assert_true (daftar_erlang_forecast (&params, &below, &error));
      g_assert_true (!below.stable ||
                     below.service_level < target_service_level ||
                     (occupancy_cap > 0.0 && below.occupancy > occupancy_cap));
    }
  return n;
}

static void
test_staffing_vectors (void)
{
  /* 40 clients an hour, 15 minutes each, 80% called within 20 minutes. */
  g_assert_cmpuint (counters_needed_checked (40.0, 900.0, 1200.0, 0.80, 0.0), ==, 11);
  /* The same with counters kept at most 85% busy: 10/11 = 91% is too much. */
  g_assert_cmpuint (counters_needed_checked (40.0, 900.0, 1200.0, 0.80, 0.85), ==, 12);
  /* 30 clients an hour, 12 minutes each, 80% within 10 minutes. */
  g_assert_cmpuint (counters_needed_checked (30.0, 720.0, 600.0, 0.80, 0.0), ==, 8);
  /* A cap that lands exactly on A/N (8.5/10) still admits N. */
  g_assert_cmpuint (counters_needed_checked (30.0, 1020.0, 600.0, 0.0, 0.85), ==, 10);
}

/* The textbook formula with factorials, in long double, as an independent
 * reference; fine for N <= 20 where 20! is still representable. */
static double
erlang_c_closed_form (double traffic,
                      guint  counters)
{
  long double a = traffic, n = counters;
  long double sum = 0.0L, factorial = 1.0L, last;

  for (guint k = 0; k < counters; k++)
    {
      if (k > 0)
        factorial *= (long double) k;
      sum += powl (a, (long double) k) / factorial;
    }
  factorial *= n;
  last = powl (a, n) / factorial * n / (n - a);
  return (double) (last / (sum + last));
}

static void
test_recurrence_matches_closed_form (void)
{
  const double shares[] = { 0.001, 0.1, 0.3, 0.5, 0.7, 0.85, 0.95, 0.99, 0.9999 };
  guint checked = 0;

  for (guint n = 1; n <= 20; n++)
    for (gsize i = 0; i < G_N_ELEMENTS (shares); i++)
      {
        double a = shares[i] * n;
        double expected = erlang_c_closed_form (a, n);
        double got = daftar_erlang_c (a, n);

        if (!(fabs (got - expected) <= 1e-12 * expected))
          g_error ("C(A=%g, N=%u): recurrence %.17g, closed form %.17g", a, n, got, expected);
        checked++;
      }

  /* Absolute loads too, including ones far below a single counter. */
  for (guint n = 1; n <= 20; n++)
    {
      const double loads[] = { 0.05, 0.5, 1.5, 4.0, 9.9, 17.3 };

      for (gsize i = 0; i < G_N_ELEMENTS (loads); i++)
        {
          double expected, got;

          if (loads[i] >= n)
            continue;
          expected = erlang_c_closed_form (loads[i], n);
          got = daftar_erlang_c (loads[i], n);
          if (!(fabs (got - expected) <= 1e-12 * expected))
            g_error ("C(A=%g, N=%u): recurrence %.17g, closed form %.17g",
                     loads[i], n, got, expected);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 200);
}

static void
test_more_counters_never_worse (void)
{
  const double waits[] = { 0.0, 20.0, 300.0, 1200.0 };

  for (double a = 0.25; a <= 60.0; a += 0.75)
    for (gsize w = 0; w < G_N_ELEMENTS (waits); w++)
      {
        DaftarQueueParams params = {
          .arrival_rate_per_hour = a * 3600.0 / 240.0,
          .mean_service_seconds = 240.0,
          .target_wait_seconds = waits[w],
        };
        DaftarQueueForecast previous = { 0 }, f;

        for (guint n = 1; n <= (guint) a + 40; n++)
          {
            params.counters = n;
            g_assert_true (daftar_erlang_forecast (&params, &f, NULL));
            if (n > 1)
              {
                if (f.service_level < previous.service_level ||
                    f.probability_of_waiting > previous.probability_of_waiting ||
                    f.average_wait_seconds > previous.average_wait_seconds)
                  g_error ("A=%g t=%g: N=%u is worse than N=%u (SL %.17g < %.17g or C %.17g > %.17g)",
                           a, waits[w], n, n - 1,
                           f.service_level, previous.service_level,
                           f.probability_of_waiting, previous.probability_of_waiting);
              }
            previous = f;
          }
        /* Forty spare counters leave nobody waiting long. */
        g_assert_cmpfloat (previous.service_level, >, 0.99);
      }
}

/* Erlang C in log space with lgamma: independent of the recurrence and
 * free of overflow, so it can check hundreds of counters. */
static double
erlang_c_log_space (double traffic,
                    guint  counters)
{
  long double a = traffic, n = counters;
  long double log_last = n * logl (a) - lgammal (n + 1.0L) + logl (n / (n - a));
  long double top = log_last, sum = 0.0L;

  for (guint k = 0; k < counters; k++)
    top = MAX (top, k * logl (a) - lgammal (k + 1.0L));
  for (guint k = 0; k < counters; k++)
    sum += expl (k * logl (a) - lgammal (k + 1.0L) - top);
  sum += expl (log_last - top);
  return (double) expl (log_last - top - logl (sum));
}

static void
test_many_counters (void)
{
  const guint sizes[] = { 200, 1000 };
  const double gaps[] = { 50.0, 10.0, 1.0, 0.1, 0.001 };

  for (gsize s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double previous_c = 0.0;

      for (gsize g = 0; g < G_N_ELEMENTS (gaps); g++)
        {
          guint n = sizes[s];
          double a = n - gaps[g];
          DaftarQueueParams params = {
            .arrival_rate_per_hour = a * 3600.0 / 300.0,
            .mean_service_seconds = 300.0,
            .counters = n,
            .target_wait_seconds = 60.0,
          };
          DaftarQueueForecast f;
          double reference;

          g_assert_true (daftar_erlang_forecast (&params, &f, NULL));
          g_assert_true (f.stable);
          g_assert_true (isfinite (f.probability_of_waiting));
          g_assert_true (isfinite (f.service_level));
          g_assert_true (isfinite (f.average_wait_seconds));
          g_assert_cmpfloat (f.probability_of_waiting, >=, 0.0);
          g_assert_cmpfloat (f.probability_of_waiting, <=, 1.0);
          g_assert_cmpfloat (f.service_level, >=, 0.0);
          g_assert_cmpfloat (f.service_level, <=, 1.0);
          g_assert_cmpfloat (f.average_wait_seconds, >=, 0.0);

          reference = erlang_c_log_space (f.traffic_erlangs, n);
          if (!(fabs (f.probability_of_waiting - reference) <= 1e-9 * reference))
            g_error ("C(A=%g, N=%u) = %.17g, log-space reference %.17g",
                     f.traffic_erlangs, n, f.probability_of_waiting, reference);

          /* Closer to saturation, more clients wait. */
          g_assert_cmpfloat (f.probability_of_waiting, >, previous_c);
          previous_c = f.probability_of_waiting;
        }
      /* A thousandth of an erlang below saturation nearly everyone waits. */
      g_assert_cmpfloat (previous_c, >, 0.99);
    }
}

static void
test_unstable (void)
{
  const struct { double a; guint n; } cases[] = {
    { 10.0, 10 }, { 10.5, 10 }, { 3.0, 1 }, { 1000.0, 1000 }, { 2000.0, 1000 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DaftarQueueParams params = {
        .arrival_rate_per_hour = cases[i].a * 3600.0 / 600.0,
        .mean_service_seconds = 600.0,
        .counters = cases[i].n,
        .target_wait_seconds = 300.0,
      };
      DaftarQueueForecast f;

      g_assert_true (daftar_erlang_forecast (&params, &f, NULL));
      g_assert_false (f.stable);
      g_assert_cmpfloat (f.probability_of_waiting, ==, 1.0);
      g_assert_cmpfloat (f.service_level, ==, 0.0);
      g_assert_true (isinf (f.average_wait_seconds) && f.average_wait_seconds > 0);
      g_assert_cmpfloat (f.occupancy, >=, 1.0);
      g_assert_cmpfloat (daftar_erlang_c (cases[i].a, cases[i].n), ==, 1.0);
    }
}

static void
test_zero_arrivals (void)
{
  DaftarQueueParams params = {
    .arrival_rate_per_hour = 0.0,
    .mean_service_seconds = 420.0,
    .counters = 3,
    .target_wait_seconds = 0.0,
  };
  DaftarStaffingTarget target = {
    .arrival_rate_per_hour = 0.0,
    .mean_service_seconds = 420.0,
    .target_wait_seconds = 0.0,
    .target_service_level = 1.0,
    .occupancy_cap = 0.85,
    .max_counters = 5,
  };
  DaftarQueueForecast f;
  guint n = 0;

  g_assert_true (daftar_erlang_forecast (&params, &f, NULL));
  g_assert_true (f.stable);
  g_assert_cmpfloat (f.traffic_erlangs, ==, 0.0);
  g_assert_cmpfloat (f.probability_of_waiting, ==, 0.0);
  g_assert_cmpfloat (f.service_level, ==, 1.0);
  g_assert_cmpfloat (f.average_wait_seconds, ==, 0.0);
  g_assert_cmpfloat (f.occupancy, ==, 0.0);

  /* An empty day still needs one open counter, and no more. */
  g_assert_true (daftar_erlang_counters_needed (&target, &n, NULL, NULL));
  g_assert_cmpuint (n, ==, 1);
}

static void
test_unreachable (void)
{
  DaftarStaffingTarget target = {
    .arrival_rate_per_hour = 40.0,
    .mean_service_seconds = 900.0,
    .target_wait_seconds = 1200.0,
    .target_service_level = 0.80,
    .occupancy_cap = 0.0,
    .max_counters = 10,
  };
  DaftarQueueForecast f = { .traffic_erlangs = -1.0 };
  g_autoptr(GError) error = NULL;
  guint n = 99;

  /* Ten counters cannot even keep up with ten erlangs. */
  g_assert_false (daftar_erlang_counters_needed (&target, &n, &f, &error));
  g_assert_error (error, DAFTAR_ERLANG_ERROR, DAFTAR_ERLANG_ERROR_UNREACHABLE);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpfloat (f.traffic_erlangs, ==, -1.0);
  g_clear_error (&error);

  /* Eleven meet the service level but not an 85% cap. */
  target.max_counters = 11;
  target.occupancy_cap = 0.85;
  g_assert_false (daftar_erlang_counters_needed (&target, &n, NULL, &error));
  g_assert_error (error, DAFTAR_ERLANG_ERROR, DAFTAR_ERLANG_ERROR_UNREACHABLE);
  g_clear_error (&error);

  /* Raising the bound by one is enough. */
  target.max_counters = 12;
  g_assert_true (daftar_erlang_counters_needed (&target, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 12);
}

static void
test_invalid_input (void)
{
  const DaftarQueueParams good = {
    .arrival_rate_per_hour = 20.0,
    .mean_service_seconds = 300.0,
    .counters = 3,
    .target_wait_seconds = 60.0,
  };
  const DaftarStaffingTarget good_target = {
    .arrival_rate_per_hour = 20.0,
    .mean_service_seconds = 300.0,
    .target_wait_seconds = 60.0,
    .target_service_level = 0.8,
    .occupancy_cap = 0.85,
    .max_counters = 20,
  };
  DaftarQueueParams p;
  DaftarStaffingTarget t;
  DaftarQueueForecast f;
  g_autoptr(GError) error = NULL;
  guint n;

  g_assert_true (daftar_erlang_forecast (&good, &f, NULL));
  g_assert_true (daftar_erlang_counters_needed (&good_target, &n, NULL, NULL));

#define EXPECT_BAD_PARAMS(field, value) \
  G_STMT_START { \
    p = good; p.field = (value); \
    g_assert_false (daftar_erlang_forecast (&p, &f, &error)); \
    g_assert_error (error, DAFTAR_ERLANG_ERROR, DAFTAR_ERLANG_ERROR_INVALID); \
    g_clear_error (&error); \
  } G_STMT_END
#define EXPECT_BAD_TARGET(field, value) \
  G_STMT_START { \
    t = good_target; t.field = (value); \
    g_assert_false (daftar_erlang_counters_needed (&t, &n, NULL, &error)); \
    g_assert_error (error, DAFTAR_ERLANG_ERROR, DAFTAR_ERLANG_ERROR_INVALID); \
    g_clear_error (&error); \
  } G_STMT_END

  EXPECT_BAD_PARAMS (arrival_rate_per_hour, -1.0);
  EXPECT_BAD_PARAMS (arrival_rate_per_hour, NAN);
  EXPECT_BAD_PARAMS (arrival_rate_per_hour, INFINITY);
  EXPECT_BAD_PARAMS (mean_service_seconds, 0.0);
  EXPECT_BAD_PARAMS (mean_service_seconds, -5.0);
  EXPECT_BAD_PARAMS (target_wait_seconds, -1.0);
  EXPECT_BAD_PARAMS (counters, 0);

  EXPECT_BAD_TARGET (target_service_level, 1.5);
  EXPECT_BAD_TARGET (target_service_level, -0.1);
  EXPECT_BAD_TARGET (target_service_level, NAN);
  EXPECT_BAD_TARGET (occupancy_cap, 1.2);
  EXPECT_BAD_TARGET (occupancy_cap, -0.5);
  EXPECT_BAD_TARGET (max_counters, 0);
  EXPECT_BAD_TARGET (mean_service_seconds, NAN);

#undef EXPECT_BAD_PARAMS
#undef EXPECT_BAD_TARGET
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/erlang/vector/half-hour", test_half_hour_vector);
  g_test_add_func ("/erlang/vector/staffing", test_staffing_vectors);
  g_test_add_func ("/erlang/recurrence-matches-closed-form", test_recurrence_matches_closed_form);
  g_test_add_func ("/erlang/more-counters-never-worse", test_more_counters_never_worse);
  g_test_add_func ("/erlang/many-counters", test_many_counters);
  g_test_add_func ("/erlang/unstable", test_unstable);
  g_test_add_func ("/erlang/zero-arrivals", test_zero_arrivals);
  g_test_add_func ("/erlang/unreachable", test_unreachable);
  g_test_add_func ("/erlang/invalid-input", test_invalid_input);

  return g_test_run ();
}
