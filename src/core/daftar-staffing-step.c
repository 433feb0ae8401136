/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-staffing-step.c: where the office stands on the chain staff → counters → new office, and the evidence for a new office. */
#define G_LOG_DOMAIN "daftar-staffing"

#include "config.h"

#include <math.h>
#include <string.h>

#include "daftar-staffing-private.h"

/* The most whole clients an hour that max_counters serve within the
 * standards at @service_s, searched by halves below @above, which they do
 * not carry: the count of counters needed only grows with the load. */
static guint
capacity_arrivals (const DaftarStaffing *s,
                   double                service_s,
                   guint                 above)
{
  guint lo = 0, hi = above;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (daftar_staffing_counters_needed (s, mid, service_s) <= s->max_counters)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static void
fill_second_office (const DaftarStaffing      *s,
                    DaftarStaffingStepSummary *out)
{
  const DaftarStaffingHour *peak;
  double above;

  if (out->peak_weekday == G_DATE_BAD_WEEKDAY || out->peak_counters_needed <= s->max_counters)
    return;
  peak = daftar_staffing_find_hour (s, out->peak_weekday, out->peak_hour);
  if (peak == NULL || isnan (peak->mean_service_s))
    return;
  out->peak_mean_service_s = peak->mean_service_s;
  /* The peak itself is not carried, so neither is any whole count at or
   * above it: the search starts below its ceiling. */
  above = ceil (out->peak_arrivals_per_hour);
  if (above > G_MAXUINT)
    return;
  out->capacity_arrivals_per_hour = capacity_arrivals (s, peak->mean_service_s, (guint) above);
  out->second_office_counters =
    daftar_staffing_counters_needed (s, out->peak_arrivals_per_hour - out->capacity_arrivals_per_hour,
                                     peak->mean_service_s);
}

void
daftar_staffing_step_summary (const DaftarStaffing      *staffing,
                              DaftarStaffingStepSummary *out)
{
  const DaftarStaffing *s = staffing;

  g_return_if_fail (staffing != NULL && out != NULL);

  memset (out, 0, sizeof *out);
  out->office_counters = s->office_counters;
  out->office_counters_known = s->office_counters_known;
  out->max_counters = s->max_counters;
  out->capacity_reached = s->capacity_reached;
  out->weeks_over_capacity = s->weeks_over_capacity;
  out->weeks = s->weeks;
  out->weeks_required = s->weeks_required;
  out->peak_weekday = s->peak_weekday;
  out->peak_hour = s->peak_hour;
  out->peak_arrivals_per_hour = s->peak_arrivals_per_hour;
  out->peak_counters_needed = s->peak_counters_needed;
  out->peak_mean_service_s = NAN;

  for (guint i = 0; i < s->advice->len; i++)
    {
      const DaftarStaffingAdvice *a = &g_array_index (s->advice, DaftarStaffingAdvice, i);

      out->hours[a->step] += a->n_hours;
      if (!out->has_step || a->step > out->step)
        out->step = a->step;
      out->has_step = TRUE;
      out->most_staff = MAX (out->most_staff, (guint) MAX (a->add_staff, 0));
      out->most_new_counters = MAX (out->most_new_counters, (guint) MAX (a->add_new_counters, 0));
    }
  /* The verdict weighs whole weeks, the advice weekday means: weeks that
   * needed more than max_counters put the office on the last step even
   * where the means do not. */
  if (s->capacity_reached)
    {
      out->has_step = TRUE;
      out->step = DAFTAR_STAFFING_STEP_NEW_OFFICE;
    }
  fill_second_office (s, out);
}
