/* daftar-staffing-text.c: the staffing advisor's sentences in the manager's words, translated and with localised digits. */
#define G_LOG_DOMAIN "daftar-staffing"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "daftar-format.h"
#include "daftar-staffing.h"

/* Any week serves to name a weekday: 2024-01-06 was a Saturday. */
static char *
weekday_name (GDateWeekday weekday)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 6, G_DATE_JANUARY, 2024);
  g_date_add_days (&day, daftar_staffing_weekday_row (weekday));
  return daftar_format_weekday (&day);
}

char *
daftar_staffing_advice_text (const DaftarStaffingAdvice *advice)
{
  g_autofree char *weekday = weekday_name (advice->weekday);
  g_autofree char *from = daftar_format_int (advice->from_hour);
  g_autofree char *to = daftar_format_int (advice->to_hour);
  g_autofree char *count = daftar_format_int (advice->add_counters);
  const char *format;

  /* The count comes last so that the singular, which spells "one", may
   * leave it out. */
  if (advice->shift == DAFTAR_SHIFT_MORNING)
    /* Translators: staffing advice; %1$s is a weekday, %2$s and %3$s are
     * hours of the day, %4$s the number of counters to add. */
    format = ngettext ("Add one counter on %1$s mornings from %2$s to %3$s",
                       "Add %4$s counters on %1$s mornings from %2$s to %3$s",
                       advice->add_counters);
  else
    /* Translators: staffing advice; %1$s is a weekday, %2$s and %3$s are
     * hours of the day, %4$s the number of counters to add. */
    format = ngettext ("Add one counter on %1$s evenings from %2$s to %3$s",
                       "Add %4$s counters on %1$s evenings from %2$s to %3$s",
                       advice->add_counters);
  return g_strdup_printf (format, weekday, from, to, count);
}

/* A wait in whole minutes, or what stands for it when there is none. */
static char *
wait_text (double seconds,
           gboolean observed)
{
  if (isinf (seconds))
    return g_strdup (_("the queue keeps growing"));
  if (isnan (seconds))
    return g_strdup (observed ? _("nobody served") : _("no estimate"));
  return daftar_format_minutes (seconds / 60.0, 0);
}

char *
daftar_staffing_model_check_text (const DaftarStaffingAdvice *advice)
{
  g_autofree char *predicted = wait_text (advice->predicted_wait_s, FALSE);
  g_autofree char *observed = wait_text (advice->observed_wait_s, TRUE);

  /* Translators: the model check beside a piece of staffing advice: the
   * mean wait the queueing model predicts for the counters that were
   * open, then the mean wait clients actually had. */
  return g_strdup_printf (_("Model prediction: %s, observed: %s"), predicted, observed);
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
  weekday = staffing->peak_weekday != G_DATE_BAD_WEEKDAY ? weekday_name (staffing->peak_weekday) : g_strdup ("");
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
