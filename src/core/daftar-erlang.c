/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-erlang.c: Erlang B/C through the stable recurrence, queue forecasts and the counters a standard needs. */
#define G_LOG_DOMAIN "daftar-erlang"

#include "daftar-erlang.h"

#include <math.h>

/* The messages of this domain stay English: the staffing advisor keeps
 * its inputs in range, logs what it is refused (g_debug) and turns an
 * unreachable target into advice; none reaches a manager's screen. */
G_DEFINE_QUARK (daftar-erlang-error-quark, daftar_erlang_error)

/* Reported occupancy is A/N in floating point, so 8.5/10 may land one ulp
 * above a cap written as 0.85; without the slack such a count would be
 * refused although it meets the cap exactly. */
#define OCCUPANCY_SLACK 1e-12
/* Same for a service level that equals its target up to rounding. */
#define SERVICE_LEVEL_SLACK 1e-12

double
daftar_erlang_traffic (double arrival_rate_per_hour,
                       double mean_service_seconds)
{
  return arrival_rate_per_hour * mean_service_seconds / 3600.0;
}

/* One step of B(n) = A·B(n-1) / (n + A·B(n-1)).  Every quantity stays in
 * [0, 1] or near A, so nothing overflows however large n grows; where the
 * factorial formula would need 1000! this merely walks 1000 steps. */
static inline double
erlang_b_step (double traffic,
               double previous_b,
               guint  n)
{
  double ab = traffic * previous_b;

  return ab / ((double) n + ab);
}

double
daftar_erlang_b (double traffic_erlangs,
                 guint  counters)
{
  double b = 1.0;

  g_return_val_if_fail (traffic_erlangs >= 0.0, NAN);

  for (guint n = 1; n <= counters; n++)
    b = erlang_b_step (traffic_erlangs, b, n);

  return b;
}

/* C = N·B / (N − A(1−B)).  The denominator equals (N − A) + A·B, so for
 * A < N it is a sum of positives and loses no digits even when A is close
 * to N.  Algebraically C <= 1 because B <= 1; the clamp only absorbs an ulp. */
static double
erlang_c_from_b (double traffic,
                 double b,
                 guint  counters)
{
  double n = counters;
  double c;

  if (traffic >= n)
    return 1.0;

  c = n * b / ((n - traffic) + traffic * b);
  return MIN (c, 1.0);
}

double
daftar_erlang_c (double traffic_erlangs,
                 guint  counters)
{
  g_return_val_if_fail (traffic_erlangs >= 0.0, NAN);

  if (traffic_erlangs >= (double) counters)
    return 1.0;

  return erlang_c_from_b (traffic_erlangs,
                          daftar_erlang_b (traffic_erlangs, counters),
                          counters);
}

/* Fills every field from A and B(N) so the forecast and the staffing search
 * share one formula and cannot disagree. */
static void
fill_forecast (double               traffic,
               double               b,
               guint                counters,
               double               mean_service_seconds,
               double               target_wait_seconds,
               DaftarQueueForecast *out)
{
  double c, margin;

  out->traffic_erlangs = traffic;
  out->occupancy = traffic / (double) counters;

  if (traffic >= (double) counters)
    {
      /* The queue grows for as long as the shift lasts: there is no
       * long-run wait to report, only the fact that it is unbounded. */
      out->stable = FALSE;
      out->probability_of_waiting = 1.0;
      out->service_level = 0.0;
      out->average_wait_seconds = INFINITY;
      return;
    }

  margin = (double) counters - traffic;
  c = erlang_c_from_b (traffic, b, counters);

  out->stable = TRUE;
  out->probability_of_waiting = c;
  /* A waiting client's wait is exponential with rate (N − A)/AHT. */
  out->service_level = 1.0 - c * exp (-margin * target_wait_seconds / mean_service_seconds);
  out->average_wait_seconds = c * mean_service_seconds / margin;
}

/* NaN fails every comparison, so "!(x >= 0)" refuses it along with negatives. */
static gboolean
check_common (double   arrival_rate_per_hour,
              double   mean_service_seconds,
              double   target_wait_seconds,
              GError **error)
{
  if (!(arrival_rate_per_hour >= 0.0) || !isfinite (arrival_rate_per_hour))
    {
      g_set_error (error, DAFTAR_ERLANG_ERROR, DAFTAR_ERLANG_ERROR_INVALID,
                   "Arrival rate must be a finite number of clients per hour, not %g",
                   arrival_rate_per_hour);
      return FALSE;
    }
  if (!(mean_service_seconds > 0.0) || !isfinite (mean_service_seconds))
    {
      g_set_error (error, DAFTAR_ERLANG_ERROR, DAFTAR_ERLANG_ERROR_INVALID,
                   "Mean service time must be a positive number of seconds, not %g",
                   mean_service_seconds);
      return FALSE;
    }
  if (!(target_wait_seconds >= 0.0) || !isfinite (target_wait_seconds))
    {
      g_set_error (error, DAFTAR_ERLANG_ERROR, DAFTAR_ERLANG_ERROR_INVALID,
                   "Target wait must be a finite number of seconds, not %g",
                   target_wait_seconds);
      return FALSE;
    }
  return TRUE;
}

gboolean
daftar_erlang_forecast (const DaftarQueueParams *params,
                        DaftarQueueForecast     *out_forecast,
                        GError                 **error)
{
  double traffic;

  g_return_val_if_fail (params != NULL, FALSE);
  g_return_val_if_fail (out_forecast != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_common (params->arrival_rate_per_hour, params->mean_service_seconds,
                     params->target_wait_seconds, error))
    return FALSE;
  if (params->counters == 0)
    {
      g_set_error_literal (error, DAFTAR_ERLANG_ERROR, DAFTAR_ERLANG_ERROR_INVALID,
                           "At least one counter must be open");
      return FALSE;
    }

  traffic = daftar_erlang_traffic (params->arrival_rate_per_hour,
                                   params->mean_service_seconds);
  fill_forecast (traffic,
                 daftar_erlang_b (traffic, params->counters),
                 params->counters,
                 params->mean_service_seconds,
                 params->target_wait_seconds,
                 out_forecast);
  return TRUE;
}

gboolean
daftar_erlang_counters_needed (const DaftarStaffingTarget *target,
                               guint                      *out_counters,
                               DaftarQueueForecast        *out_forecast,
                               GError                    **error)
{
  DaftarQueueForecast forecast = { 0 };
  double traffic, b = 1.0;
  double cap;

  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (out_counters != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out_counters = 0;

  if (!check_common (target->arrival_rate_per_hour, target->mean_service_seconds,
                     target->target_wait_seconds, error))
    return FALSE;
  if (!(target->target_service_level >= 0.0 && target->target_service_level <= 1.0))
    {
      g_set_error (error, DAFTAR_ERLANG_ERROR, DAFTAR_ERLANG_ERROR_INVALID,
                   "Target service level must be a share between 0 and 1, not %g",
                   target->target_service_level);
      return FALSE;
    }
  if (!(target->occupancy_cap >= 0.0 && target->occupancy_cap <= 1.0))
    {
      g_set_error (error, DAFTAR_ERLANG_ERROR, DAFTAR_ERLANG_ERROR_INVALID,
                   "Occupancy cap must be a share between 0 and 1 (0 for none), not %g",
                   target->occupancy_cap);
      return FALSE;
    }
  if (target->max_counters == 0)
    {
      g_set_error_literal (error, DAFTAR_ERLANG_ERROR, DAFTAR_ERLANG_ERROR_INVALID,
                           "The counter search bound must be at least 1");
      return FALSE;
    }

  traffic = daftar_erlang_traffic (target->arrival_rate_per_hour,
                                   target->mean_service_seconds);
  cap = target->occupancy_cap;

  /* Walking N upwards carries B(N) along, so the whole search costs one
   * pass of the recurrence instead of one recurrence per candidate. */
  for (guint n = 1; n <= target->max_counters; n++)
    {
      b = erlang_b_step (traffic, b, n);
      fill_forecast (traffic, b, n, target->mean_service_seconds,
                     target->target_wait_seconds, &forecast);

      if (!forecast.stable)
        continue;
      if (cap > 0.0 && forecast.occupancy > cap + OCCUPANCY_SLACK)
        continue;
      if (forecast.service_level + SERVICE_LEVEL_SLACK < target->target_service_level)
        continue;

      *out_counters = n;
      if (out_forecast != NULL)
        *out_forecast = forecast;
      return TRUE;
    }

  /* The message names what was reached at the bound, so the advisor can say
   * how far off the target is rather than only that it was missed. */
  if (!forecast.stable)
    g_set_error (error, DAFTAR_ERLANG_ERROR, DAFTAR_ERLANG_ERROR_UNREACHABLE,
                 "%u counters cannot keep up with %.2f erlangs of traffic",
                 target->max_counters, traffic);
  else
    g_set_error (error, DAFTAR_ERLANG_ERROR, DAFTAR_ERLANG_ERROR_UNREACHABLE,
                 "%u counters reach a service level of %.1f%% at occupancy %.1f%%; "
                 "the target is %.1f%% within %g s",
                 target->max_counters,
                 100.0 * forecast.service_level, 100.0 * forecast.occupancy,
                 100.0 * target->target_service_level, target->target_wait_seconds);
  return FALSE;
}
