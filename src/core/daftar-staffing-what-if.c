/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-staffing-what-if.c: the staffing what-if — other counters, service times and arrivals, projected hour by hour and over the week. */
#define G_LOG_DOMAIN "daftar-staffing"

#include "config.h"

#include <math.h>
#include <string.h>

#include "daftar-staffing-private.h"
#include "daftar-time.h"

guint
daftar_staffing_shift_counters (const DaftarStaffing *staffing,
                                DaftarShift           shift)
{
  guint n = 0;

  for (guint i = 0; i < staffing->hours->len; i++)
    {
      const DaftarStaffingHour *h = &g_array_index (staffing->hours, DaftarStaffingHour, i);
      if (daftar_time_shift_for_hour (h->hour) == shift)
        n = MAX (n, h->counters_typical);
    }
  return n;
}

/* What the spin buttons start from: the shift's usual most, at least one. */
static guint
usual_counters (const DaftarStaffing *staffing,
                DaftarShift           shift)
{
  return MAX (1u, daftar_staffing_shift_counters (staffing, shift));
}

void
daftar_staffing_what_if_default (const DaftarStaffing *staffing,
                                 DaftarStaffingWhatIf *out)
{
  memset (out, 0, sizeof *out);
  out->morning_counters = usual_counters (staffing, DAFTAR_SHIFT_MORNING);
  out->evening_counters = usual_counters (staffing, DAFTAR_SHIFT_EVENING);
  out->service_time_factor = 1.0;
  out->arrivals_factor = 1.0;
}

void
daftar_staffing_what_if_apply (const DaftarStaffing       *staffing,
                               const DaftarStaffingAdvice *advice,
                               gboolean                    apply,
                               DaftarStaffingWhatIf       *what_if)
{
  guint first, last;

  g_return_if_fail (staffing != NULL && advice != NULL && what_if != NULL);
  g_return_if_fail (advice->to_hour <= DAFTAR_STAFFING_N_HOURS);

  first = daftar_staffing_weekday_row (advice->first_weekday);
  last = daftar_staffing_weekday_row (advice->last_weekday);
  for (guint r = first; r <= last; r++)
    for (guint h = advice->from_hour; h < advice->to_hour; h++)
      {
        const DaftarStaffingHour *hour = daftar_staffing_find_hour (staffing, daftar_staffing_row_weekday (r), h);
        int wanted;

        if (hour == NULL)
          continue;
        wanted = (int) hour->counters_typical + MAX (advice->add_counters, 0);
        what_if->at_least[r][h] = apply ? (guint8) CLAMP (wanted, 0, G_MAXUINT8) : 0;
      }
}

/* The hour's own usual counters moved as the shift's are, so that the
 * defaults give back exactly the counters the advice was computed for.
 * Fewer counters never close an hour that had one (a shift set to one
 * counter runs one at every hour) nor open one that had none; both
 * keep the count monotonic in the shift's. */
static guint
hour_counters (const DaftarStaffingHour   *h,
               const DaftarStaffingWhatIf *what_if,
               const guint                 usual[DAFTAR_N_SHIFTS])
{
  DaftarShift shift = daftar_time_shift_for_hour (h->hour);
  guint chosen = shift == DAFTAR_SHIFT_MORNING ? what_if->morning_counters : what_if->evening_counters;
  gint64 n = (gint64) h->counters_typical + (gint64) chosen - (gint64) usual[shift];
  guint at_least = what_if->at_least[daftar_staffing_weekday_row (h->weekday)][h->hour];

  n = MAX (n, (gint64) MIN (h->counters_typical, 1u));
  n = MIN (n, (gint64) G_MAXUINT);
  return MAX ((guint) n, at_least);
}

gboolean
daftar_staffing_project (const DaftarStaffing         *staffing,
                         const DaftarStaffingWhatIf   *what_if,
                         DaftarStaffingWeekProjection *out,
                         GError                      **error)
{
  double arrivals = 0, level_w = 0, wait_w = 0, busy = 0, capacity = 0;
  guint usual[DAFTAR_N_SHIFTS];

  g_return_val_if_fail (staffing != NULL && what_if != NULL && out != NULL, FALSE);

  if (what_if->morning_counters == 0 || what_if->evening_counters == 0 ||
      !(what_if->service_time_factor > 0) || !(what_if->arrivals_factor >= 0) ||
      !isfinite (what_if->service_time_factor) || !isfinite (what_if->arrivals_factor))
    {
      /* The panel's spin buttons never allow this: English, for a caller's
       * log rather than for a manager. */
      g_set_error_literal (error, DAFTAR_STAFFING_ERROR, DAFTAR_STAFFING_ERROR_INVALID,
                           "A what-if needs at least one counter per shift and positive factors");
      return FALSE;
    }

  usual[DAFTAR_SHIFT_MORNING] = usual_counters (staffing, DAFTAR_SHIFT_MORNING);
  usual[DAFTAR_SHIFT_EVENING] = usual_counters (staffing, DAFTAR_SHIFT_EVENING);
  memset (out, 0, sizeof *out);
  for (guint i = 0; i < staffing->hours->len; i++)
    {
      const DaftarStaffingHour *h = &g_array_index (staffing->hours, DaftarStaffingHour, i);
      DaftarStaffingProjection *cell = &out->cells[daftar_staffing_weekday_row (h->weekday)][h->hour];
      double rate = h->arrivals_per_hour * what_if->arrivals_factor;
      DaftarQueueForecast f;

      if (isnan (h->mean_service_s))
        continue;
      cell->counters = hour_counters (h, what_if, usual);
      daftar_staffing_forecast (staffing, rate, h->mean_service_s * what_if->service_time_factor,
                                cell->counters, &f);
      cell->open = TRUE;
      cell->stable = f.stable || rate == 0;
      cell->service_level = f.service_level;
      cell->mean_wait_s = f.average_wait_seconds;
      /* A counter cannot be busier than all the time; beyond that the
       * excess is the queue growing, which stable = FALSE already says. */
      cell->occupancy = MIN (f.occupancy, 1.0);

      out->n_open++;
      if (!cell->stable)
        out->n_overloaded++;
      arrivals += rate;
      level_w += rate * f.service_level;
      /* The model's wait only grows as counters go and load comes, and so
       * does the cap of it: the week's mean moves the same way. */
      if (rate > 0)
        wait_w += rate * MIN (f.average_wait_seconds, DAFTAR_STAFFING_WAIT_CAP_S);
      busy += cell->occupancy * cell->counters;
      capacity += cell->counters;
    }
  out->service_level = arrivals > 0 ? level_w / arrivals : NAN;
  out->mean_wait_s = arrivals > 0 ? wait_w / arrivals : NAN;
  out->occupancy = capacity > 0 ? busy / capacity : NAN;
  return TRUE;
}
