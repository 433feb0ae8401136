/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-staffing-text.c: the staffing advisor's sentences in the manager's words, translated and with localised digits. */
#define G_LOG_DOMAIN "daftar-staffing"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "daftar-format.h"
#include "daftar-staffing.h"

/* Any week serves to name a weekday: 2024-01-06 was a Saturday. */
char *
daftar_staffing_weekday_name (GDateWeekday weekday)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 6, G_DATE_JANUARY, 2024);
  g_date_add_days (&day, daftar_staffing_weekday_row (weekday));
  return daftar_format_weekday (&day);
}

char *
daftar_staffing_weekdays_text (const DaftarStaffingAdvice *advice)
{
  guint first = daftar_staffing_weekday_row (advice->first_weekday);
  guint last = daftar_staffing_weekday_row (advice->last_weekday);
  g_autofree char *from = daftar_staffing_weekday_name (advice->first_weekday);
  g_autofree char *to = NULL;

  if (last <= first)
    return g_steal_pointer (&from);
  to = daftar_staffing_weekday_name (advice->last_weekday);
  if (last == first + 1)
    /* Translators: two weekdays next to each other, e.g. "Saturday and Sunday". */
    return g_strdup_printf (C_("weekdays", "%1$s and %2$s"), from, to);
  /* Translators: a run of weekdays, e.g. "Saturday to Wednesday". */
  return g_strdup_printf (C_("weekdays", "%1$s to %2$s"), from, to);
}

static gboolean
is_advice (const DaftarStaffingAdvice *advice)
{
  return advice->evidence == DAFTAR_STAFFING_EVIDENCE_OBSERVED ||
         advice->evidence == DAFTAR_STAFFING_EVIDENCE_MODEL;
}

char *
daftar_staffing_advice_text (const DaftarStaffingAdvice *advice)
{
  g_autofree char *days = daftar_staffing_weekdays_text (advice);
  g_autofree char *from = daftar_format_int (advice->from_hour);
  g_autofree char *to = daftar_format_int (advice->to_hour);
  g_autofree char *count = daftar_format_int (advice->add_counters);

  if (!is_advice (advice))
    /* Translators: hours the model alone flags; %1$s is one or more
     * weekdays, %2$s and %3$s hours of the day. */
    return g_strdup_printf (_("%1$s, %2$s to %3$s: no counter advised"), days, from, to);

  if (advice->step == DAFTAR_STAFFING_STEP_NEW_OFFICE)
    {
      g_autofree char *needed = daftar_format_int (advice->counters_needed);

      /* Translators: staffing advice at the last step; %1$s is one or more
       * weekdays, %2$s and %3$s hours of the day, %4$s the counters the
       * standards need, more than they allow an office. */
      return g_strdup_printf (ngettext ("%1$s, %2$s to %3$s: the standards need %4$s counter, more than an office "
                                        "may have; these hours are evidence for a new office",
                                        "%1$s, %2$s to %3$s: the standards need %4$s counters, more than an office "
                                        "may have; these hours are evidence for a new office",
                                        advice->counters_needed),
                              days, from, to, needed);
    }
  if (advice->step == DAFTAR_STAFFING_STEP_STAFF && advice->add_new_counters > 0)
    {
      g_autofree char *staff_n = daftar_format_int (advice->add_staff);
      g_autofree char *counters_n = daftar_format_int (advice->add_new_counters);
      g_autofree char *staff = NULL, *counters = NULL;

      /* Translators: the first half of "add N staff at the existing
       * counters and M counters"; %s is the number of staff. */
      staff = g_strdup_printf (ngettext ("one staff member at the existing counters",
                                         "%s staff at the existing counters", advice->add_staff),
                               staff_n);
      /* Translators: the second half of the same advice; %s is the number
       * of counters to add. */
      counters = g_strdup_printf (ngettext ("one more counter", "%s more counters", advice->add_new_counters),
                                  counters_n);
      /* Translators: staffing advice when the counters that stood unstaffed
       * are too few; %1$s weekdays, %2$s and %3$s hours, %4$s "N staff at
       * the existing counters", %5$s "M more counters". */
      return g_strdup_printf (_("%1$s, %2$s to %3$s: add %4$s and %5$s"), days, from, to, staff, counters);
    }
  if (advice->step == DAFTAR_STAFFING_STEP_STAFF)
    /* Translators: staffing advice at the first step: counters stood
     * unstaffed; %1$s weekdays, %2$s and %3$s hours of the day, %4$s the
     * number of staff to seat at them. */
    return g_strdup_printf (ngettext ("%1$s, %2$s to %3$s: add one staff member at the existing counters",
                                      "%1$s, %2$s to %3$s: add %4$s staff at the existing counters",
                                      advice->add_staff),
                            days, from, to, count);

  /* The count comes last so that the singular, which spells "one", may
   * leave it out. */
  /* Translators: staffing advice; %1$s is one or more weekdays («شنبه تا
   * چهارشنبه»), %2$s and %3$s hours of the day, %4$s the number of
   * counters to add. */
  return g_strdup_printf (ngettext ("%1$s, %2$s to %3$s: add one counter",
                                    "%1$s, %2$s to %3$s: add %4$s counters",
                                    advice->add_counters),
                          days, from, to, count);
}

static char *
minutes_text (double seconds)
{
  return daftar_format_minutes (seconds / 60.0, 0);
}

/* What was seen, or that nothing was. */
static char *
observed_text (double seconds)
{
  if (isnan (seconds))
    return g_strdup (_("nobody served"));
  return minutes_text (seconds);
}

/* The evidence for a new office in figures: the weeks over capacity and,
 * where max_counters cannot carry the busiest hour, what a second office
 * would take of it. */
static char *
evidence_text (const DaftarStaffing *staffing)
{
  DaftarStaffingStepSummary sum;
  g_autofree char *over = NULL, *weeks = NULL, *max = NULL, *weeks_text = NULL;

  daftar_staffing_step_summary (staffing, &sum);
  over = daftar_format_int (sum.weeks_over_capacity);
  weeks = daftar_format_int (sum.weeks);
  max = daftar_format_int (sum.max_counters);
  /* Translators: the evidence for a new office. %1$s and %2$s count weeks,
   * %3$s is the most counters the standards allow an office. */
  weeks_text = g_strdup_printf (ngettext ("In %1$s of the last %2$s weeks some hour needed more than %3$s counter.",
                                          "In %1$s of the last %2$s weeks some hour needed more than %3$s counters.",
                                          sum.max_counters),
                                over, weeks, max);
  if (sum.second_office_counters > 0)
    {
      g_autofree char *weekday = daftar_staffing_weekday_name (sum.peak_weekday);
      g_autofree char *hour = daftar_format_int (sum.peak_hour);
      g_autofree char *arrivals = daftar_format_decimal (sum.peak_arrivals_per_hour, 1);
      g_autofree char *needed = daftar_format_int (sum.peak_counters_needed);
      g_autofree char *carried = daftar_format_int (sum.capacity_arrivals_per_hour);
      g_autofree char *second = daftar_format_int (sum.second_office_counters);
      g_autofree char *peak = NULL;

      /* Translators: the busiest hour as evidence for a new office. %1$s is
       * a weekday, %2$s an hour of the day, %3$s clients per hour (a
       * decimal), %4$s the counters the standards need then, %5$s the most
       * counters they allow, %6$s the clients an hour those serve within
       * the standards, %7$s the counters a second office would need for
       * the rest. */
      peak = g_strdup_printf (ngettext ("On %1$s at %2$s, %3$s clients arrive per hour on average and the standards "
                                        "need %4$s counters; %5$s counters serve at most %6$s of them within the "
                                        "standards, and a second office would need %7$s counter for the rest.",
                                        "On %1$s at %2$s, %3$s clients arrive per hour on average and the standards "
                                        "need %4$s counters; %5$s counters serve at most %6$s of them within the "
                                        "standards, and a second office would need %7$s counters for the rest.",
                                        sum.second_office_counters),
                              weekday, hour, arrivals, needed, max, carried, second);
      return g_strjoin (" ", weeks_text, peak, NULL);
    }
  return g_steal_pointer (&weeks_text);
}

static char *
note_reason_text (const DaftarStaffingAdvice *advice)
{
  g_autofree char *observed = observed_text (advice->observed_wait_s);
  g_autofree char *predicted = minutes_text (advice->predicted_wait_s);

  switch (advice->evidence)
    {
    case DAFTAR_STAFFING_EVIDENCE_OVERLOAD_NOT_SEEN:
      /* Translators: why hours the model flags get no advice; %s is the
       * mean wait clients had. */
      return g_strdup_printf (_("By the hour’s average the counters open cannot keep up, yet clients waited "
                                "%s on average, within the standard: they come in a rush that the next hour "
                                "absorbs, or staff work faster when the queue is long. The model alone is no "
                                "reason to add a counter here."),
                              observed);
    case DAFTAR_STAFFING_EVIDENCE_OVERSTATED:
      /* Translators: %1$s is the model's mean wait, %2$s the one clients had. */
      return g_strdup_printf (_("The model predicts %1$s, but clients waited %2$s on average, within the "
                                "standard: it overstates these hours, which get no advice on the model alone."),
                              predicted, observed);
    case DAFTAR_STAFFING_EVIDENCE_OBSERVED:
    case DAFTAR_STAFFING_EVIDENCE_MODEL:
      /* Evidence, not a note: is_advice() keeps these away from here. */
      g_return_val_if_reached (g_strdup (""));
    case DAFTAR_STAFFING_EVIDENCE_NONE:
    case DAFTAR_STAFFING_EVIDENCE_UNCHECKED:
    default:
      return g_strdup (_("Nobody was served in these hours, so the model cannot be checked against real "
                         "waits; they get no advice on the model alone."));
    }
}

char *
daftar_staffing_reason_text (const DaftarStaffing       *staffing,
                             const DaftarStaffingAdvice *advice)
{
  g_autofree char *limit = daftar_format_minutes (staffing->standards.target_wait_minutes, 0);
  g_autofree char *observed = observed_text (advice->observed_wait_s);
  g_autofree char *reason = NULL;
  double cap = staffing->standards.occupancy_cap;

  if (!is_advice (advice))
    return note_reason_text (advice);

  if (advice->n_observed == advice->n_hours)
    /* Translators: why to add counters; %1$s is the mean wait clients had,
     * %2$s the standard's limit, both in minutes. */
    reason = g_strdup_printf (_("Clients waited %1$s on average; the standard is at most %2$s."),
                              observed, limit);
  else if (advice->n_observed > 0)
    {
      g_autofree char *some = daftar_format_int (advice->n_observed);
      g_autofree char *all = daftar_format_int (advice->n_hours);

      /* Translators: why to add counters; %1$s of %2$s hours (at least
       * two; a weekday's hour counts once per weekday), %3$s the
       * standard's limit. */
      reason = g_strdup_printf (_("Clients waited longer than the standard (at most %3$s) on average "
                                  "in %1$s of these %2$s hours."),
                                some, all, limit);
    }
  else if (advice->predicted_service_level < staffing->standards.target_service_level)
    {
      g_autofree char *level = daftar_format_percent (advice->predicted_service_level, 0);
      g_autofree char *target = daftar_format_percent (staffing->standards.target_service_level, 0);

      /* Translators: why to add counters when waits were short; %1$s is the
       * mean wait clients had, %2$s the share the model has called within
       * %3$s (the standard's limit), %4$s the share the standard asks. */
      reason = g_strdup_printf (_("Clients waited %1$s on average, within the standard, but by the model "
                                  "only %2$s are called within %3$s (standard: at least %4$s)."),
                                observed, level, limit, target);
    }
  else if (cap > 0 && advice->predicted_occupancy > cap)
    {
      g_autofree char *busy = daftar_format_percent (advice->predicted_occupancy, 0);
      g_autofree char *most = daftar_format_percent (cap, 0);

      /* Translators: why to add counters when waits were short; %1$s is the
       * mean wait, %2$s how busy the counters are, %3$s the standard's cap. */
      reason = g_strdup_printf (_("Clients waited %1$s on average, within the standard, but by the model "
                                  "the counters are busy %2$s of the time (standard: at most %3$s)."),
                                observed, busy, most);
    }
  else
    /* Translators: %s is the mean wait clients had. */
    reason = g_strdup_printf (_("Clients waited %s on average, within the standard, but by the model the "
                                "counters open miss the standards."),
                              observed);

  if (advice->n_unconfirmed > 0)
    {
      g_autofree char *n = daftar_format_int (advice->n_unconfirmed);
      g_autofree char *rest = NULL;
      char *joined;

      /* Translators: said of a row of staffing advice that takes in hours
       * the waits seen do not bear out, next to hours they do. */
      rest = g_strdup_printf (ngettext ("One of these hours rests on the model alone, next to hours that bear it out.",
                                        "%s of these hours rest on the model alone, next to hours that bear it out.",
                                        advice->n_unconfirmed),
                              n);
      joined = g_strjoin (" ", reason, rest, NULL);

      g_free (reason);
      reason = joined;
    }
  /* On the last step the row is also evidence for a new office: say it
   * in figures. */
  if (advice->step == DAFTAR_STAFFING_STEP_NEW_OFFICE)
    {
      g_autofree char *evidence = evidence_text (staffing);
      char *joined = g_strjoin (" ", reason, evidence, NULL);

      g_free (reason);
      reason = joined;
    }
  return g_steal_pointer (&reason);
}

char *
daftar_staffing_model_check_text (const DaftarStaffingAdvice *advice)
{
  g_autofree char *observed = observed_text (advice->observed_wait_s);
  g_autofree char *predicted = NULL;

  if (advice->n_unbounded >= advice->n_hours)
    predicted = g_strdup (_("the counters open cannot keep up"));
  else if (advice->n_unbounded > 0)
    {
      g_autofree char *wait = minutes_text (advice->predicted_wait_s);
      g_autofree char *n = daftar_format_int (advice->n_unbounded);

      /* Translators: the model's wait over a row's hours; %1$s is a wait
       * in minutes, %2$s the number of hours at which it has none. */
      predicted = g_strdup_printf (ngettext ("%1$s, and the counters open cannot keep up in %2$s hour",
                                             "%1$s, and the counters open cannot keep up in %2$s hours",
                                             advice->n_unbounded),
                                   wait, n);
    }
  else
    predicted = minutes_text (advice->predicted_wait_s);

  if (advice->fit == DAFTAR_STAFFING_FIT_OVERSTATES)
    /* Translators: the model check beside a row of staffing advice: %1$s
     * is the mean wait clients had, %2$s what the queueing model predicts
     * for the counters that were open, far above it. */
    return g_strdup_printf (_("Observed: %1$s; model: %2$s, far more than was seen"),
                            observed, predicted);
  if (advice->fit == DAFTAR_STAFFING_FIT_UNDERSTATES)
    /* Translators: as above, with the model far below what was seen. */
    return g_strdup_printf (_("Observed: %1$s; model: %2$s, far less than was seen, so more counters may be needed"),
                            observed, predicted);
  /* Translators: as above, with the model close to what was seen. */
  return g_strdup_printf (_("Observed: %1$s; model: %2$s"), observed, predicted);
}

char *
daftar_staffing_capacity_text (const DaftarStaffing *staffing)
{
  g_autofree char *over = NULL, *weeks = NULL, *max = NULL, *needed = NULL;
  g_autofree char *arrivals = NULL, *weekday = NULL, *hour = NULL;
  g_autofree char *first = NULL, *second = NULL;

  if (!staffing->capacity_reached)
    return NULL;

  over = daftar_format_int (staffing->weeks_over_capacity);
  weeks = daftar_format_int (staffing->weeks);
  max = daftar_format_int (staffing->max_counters);
  needed = daftar_format_int (staffing->peak_counters_needed);
  arrivals = daftar_format_decimal (staffing->peak_arrivals_per_hour, 1);
  weekday = staffing->peak_weekday != G_DATE_BAD_WEEKDAY ? daftar_staffing_weekday_name (staffing->peak_weekday) : g_strdup ("");
  hour = daftar_format_int (staffing->peak_hour);

  /* Translators: the capacity verdict. %1$s and %2$s count weeks, %3$s is
   * the most counters the standards allow. */
  first = g_strdup_printf (ngettext ("The office has reached its capacity: in %1$s of the last %2$s weeks, "
                                     "some hour needed more than %3$s counter.",
                                     "The office has reached its capacity: in %1$s of the last %2$s weeks, "
                                     "some hour needed more than %3$s counters.",
                                     staffing->max_counters),
                           over, weeks, max);
  /* Translators: the figures behind the capacity verdict. %1$s is a
   * weekday, %2$s an hour of the day, %3$s clients per hour (a decimal),
   * %4$s the counters the standards need then. */
  second = g_strdup_printf (_("On %1$s at %2$s, %3$s clients arrive per hour on average and the standards "
                              "need %4$s counters. This supports opening another office in the area."),
                            weekday, hour, arrivals, needed);
  return g_strjoin (" ", first, second, NULL);
}

char *
daftar_staffing_step_text (const DaftarStaffing *staffing)
{
  DaftarStaffingStepSummary sum;
  g_autofree char *first = NULL, *rest = NULL;

  g_return_val_if_fail (staffing != NULL, NULL);

  daftar_staffing_step_summary (staffing, &sum);
  if (!sum.has_step)
    return NULL;

  switch (sum.step)
    {
    case DAFTAR_STAFFING_STEP_STAFF:
      {
        g_autofree char *hours = daftar_format_int (sum.hours[DAFTAR_STAFFING_STEP_STAFF]);
        g_autofree char *staff = daftar_format_int (sum.most_staff);

        /* Translators: the staffing verdict at the first step. %1$s counts
         * hours of the week (a weekday's hour counts once), %2$s the most
         * staff any of them needs. */
        first = g_strdup_printf (ngettext ("The office needs more staff before more counters: in %1$s hour of the "
                                           "week it needs more counters open while some of its counters stood "
                                           "unstaffed. Seat up to %2$s more staff at the existing counters.",
                                           "The office needs more staff before more counters: in %1$s hours of the "
                                           "week it needs more counters open while some of its counters stood "
                                           "unstaffed. Seat up to %2$s more staff at the existing counters.",
                                           sum.hours[DAFTAR_STAFFING_STEP_STAFF]),
                                 hours, staff);
        if (sum.most_new_counters > 0)
          {
            g_autofree char *counters = daftar_format_int (sum.most_new_counters);

            /* Translators: after the verdict at the first step; %s is the
             * most counters any hour needs beyond those the office has. */
            rest = g_strdup_printf (ngettext ("Some hours need %s counter more than the office has as well.",
                                              "Some hours need %s counters more than the office has as well.",
                                              sum.most_new_counters),
                                    counters);
          }
        break;
      }
    case DAFTAR_STAFFING_STEP_COUNTER:
      {
        g_autofree char *has = daftar_format_int (sum.office_counters);
        g_autofree char *max = daftar_format_int (sum.max_counters);
        g_autofree char *add = daftar_format_int (sum.most_new_counters);

        /* Translators: the staffing verdict at the second step. %1$s is the
         * counters the office has, %2$s the most the standards allow, %3$s
         * the most counters any hour needs added. */
        first = g_strdup_printf (ngettext ("Every counter the office has is staffed at the busy hours: it needs more "
                                           "counters. It has %1$s of the %2$s the standards allow; add up to %3$s "
                                           "counter.",
                                           "Every counter the office has is staffed at the busy hours: it needs more "
                                           "counters. It has %1$s of the %2$s the standards allow; add up to %3$s "
                                           "counters.",
                                           sum.most_new_counters),
                                 has, max, add);
        break;
      }
    case DAFTAR_STAFFING_STEP_NEW_OFFICE:
    case DAFTAR_N_STAFFING_STEPS:   /* not a step: the summary never says it */
    default:
      {
        g_autofree char *max = daftar_format_int (sum.max_counters);
        g_autofree char *evidence = evidence_text (staffing);
        g_autofree char *verdict = NULL;

        if (sum.hours[DAFTAR_STAFFING_STEP_NEW_OFFICE] > 0)
          {
            g_autofree char *hours = daftar_format_int (sum.hours[DAFTAR_STAFFING_STEP_NEW_OFFICE]);

            /* Translators: the staffing verdict at the last step. %1$s
             * counts hours of the week, %2$s is the most counters the
             * standards allow an office. */
            first = g_strdup_printf (ngettext ("Even %2$s counters, the most the standards allow, cannot meet the "
                                               "standards in %1$s hour of the week: the area needs another office.",
                                               "Even %2$s counters, the most the standards allow, cannot meet the "
                                               "standards in %1$s hours of the week: the area needs another office.",
                                               sum.hours[DAFTAR_STAFFING_STEP_NEW_OFFICE]),
                                     hours, max);
          }
        else
          /* Translators: the staffing verdict at the last step when only
           * whole weeks, not the weekday means, show it; %s is the most
           * counters the standards allow an office. */
          first = g_strdup_printf (ngettext ("In the busiest weeks even %s counter, the most the standards allow, "
                                             "could not meet the standards: the area needs another office.",
                                             "In the busiest weeks even %s counters, the most the standards allow, "
                                             "could not meet the standards: the area needs another office.",
                                             sum.max_counters),
                                   max);
        if (sum.capacity_reached)
          verdict = g_strdup (_("This supports opening another office in the area."));
        else
          {
            g_autofree char *required = daftar_format_int (sum.weeks_required);

            /* Translators: after the evidence for a new office when the
             * capacity verdict is not reached; %s counts weeks. */
            verdict = g_strdup_printf (ngettext ("It will support opening another office once %s of the "
                                                 "weeks judged shows it.",
                                                 "It will support opening another office once %s of the "
                                                 "weeks judged show it.",
                                                 sum.weeks_required),
                                       required);
          }
        rest = g_strjoin (" ", evidence, verdict, NULL);
        break;
      }
    }
  if (rest != NULL)
    return g_strjoin (" ", first, rest, NULL);
  return g_steal_pointer (&first);
}
