/* daftar-demo-queue.c: a day at the counters — Poisson arrivals and a FIFO multi-counter queue simulated per shift. */
#define G_LOG_DOMAIN "daftar-demo"

#include "config.h"

#include <math.h>

#include "daftar-demo-private.h"

#define SLOT_SECONDS 1800
#define MORNING_OPEN (7 * 60 + 30)
#define UNDERSTAFFED_BLOCK_WEEKS 6

/* Relative arrivals per half hour: the morning peaks 9–11, the evening
 * 16–18. The evening table runs 14:30–19:00 (offices opening at 15:00 skip
 * its first slot). Tickets are issued until closing; the counters then
 * serve whoever is still waiting. */
static const double morning_profile[] = {
  0.4, 0.8, 1.0, 1.4, 1.5, 1.5, 1.4, 1.2, 1.0, 0.9, 0.7, 0.4,
};
static const double evening_profile[] = {
  0.5, 0.7, 0.9, 1.3, 1.4, 1.4, 1.3, 0.9, 0.5,
};

/* Saturday, the first day of the week, is the busiest. Indexed by GDateWeekday. */
static const double weekday_factor[] = {
  [G_DATE_MONDAY] = 1.05, [G_DATE_TUESDAY] = 1.0, [G_DATE_WEDNESDAY] = 0.95,
  [G_DATE_THURSDAY] = 0.55, [G_DATE_FRIDAY] = 0.0, [G_DATE_SATURDAY] = 1.25,
  [G_DATE_SUNDAY] = 1.1,
};

/* By Jalali month: a quiet Farvardin after Nowruz, a summer dip, autumn
 * busy once courts are back to full pace, and a rush before the year ends. */
static const double month_factor[12] = {
  0.8, 1.0, 1.0, 0.95, 0.9, 0.95, 1.05, 1.08, 1.08, 1.05, 1.05, 1.1,
};

/* Mix of services, in DaftarCaseKind order,, and median minutes at the counter. */
static const double service_mix[DAFTAR_N_CASE_KINDS] = { 22, 14, 4, 10, 6, 30, 14 };
static const double service_median_minutes[DAFTAR_N_CASE_KINDS] = { 13.5, 9, 12.5, 11, 10, 7, 5.5 };

/* 2021-03-21, 1 Farvardin 1400: where the demo's growth curve is anchored. */
#define GROWTH_EPOCH_JULIAN 737870

gboolean
demo_understaffed (DaftarDemo *demo, guint office, const DemoDay *day)
{
  guint32 week, block;
  g_autoptr(GRand) rand = NULL;

  if (!demo_day_is_working (day) || day->weekday == G_DATE_THURSDAY)
    return FALSE;
  /* GDate's Julian day 6 is a Saturday: weeks run Saturday to Friday. In
   * every block of six weeks exactly one week's evenings run on a single
   * counter, so any few months of data show the problem. */
  week = (day->julian - 6) / 7;
  block = week / UNDERSTAFFED_BLOCK_WEEKS;
  rand = demo_rand_new (demo, office, block, DEMO_STREAM_STAFFING);
  return week % UNDERSTAFFED_BLOCK_WEEKS == (guint32) g_rand_int_range (rand, 0, UNDERSTAFFED_BLOCK_WEEKS);
}

static double
expected_clients (const DemoOffice *office, const DemoDay *day, GRand *rand)
{
  double years = ((double) day->julian - GROWTH_EPOCH_JULIAN) / 365.25;
  double n = office->volume * weekday_factor[day->weekday] * month_factor[day->jm - 1];

  if (day->jm == 1 && day->jd <= 15)
    n *= 0.6;
  if (day->jm == 12 && day->jd >= 20)
    n *= 1.15;
  n *= pow (1.05, years);
  return n * demo_lognormal (rand, 1.0, 0.1);
}

static int
compare_issued (gconstpointer a, gconstpointer b, gpointer user_data)
{
  gint64 x = ((const DemoTicket *) a)->issued, y = ((const DemoTicket *) b)->issued;
  return (x > y) - (x < y);
}

/* Runs one shift: arrivals, then counters taking the head of the queue
 * whenever they are free. Waits are not drawn; they come out of this. */
static void
simulate_shift (GRand            *rand,
                const DemoDay    *day,
                DaftarShift       shift,
                double            expected,
                int               open_minute,
                const double     *profile,
                guint             n_slots,
                guint             n_counters,
                const guint8     *counter_staff,
                GArray           *out)
{
  double total = 0;
  gint64 open = day->start + (gint64) open_minute * 60;
  gint64 free_at[8];
  guint first = out->len;

  for (guint k = 0; k < n_slots; k++)
    total += profile[k];
  for (guint k = 0; k < n_slots; k++)
    {
      guint n = demo_poisson (rand, expected * profile[k] / total);
      for (guint i = 0; i < n; i++)
        {
          DemoTicket t = { 0 };
          t.issued = open + (gint64) k * SLOT_SECONDS + (gint64) (g_rand_double (rand) * SLOT_SECONDS);
          t.shift = shift;
          g_array_append_val (out, t);
        }
    }
  g_qsort_with_data (&g_array_index (out, DemoTicket, first), out->len - first,
                     sizeof (DemoTicket), compare_issued, NULL);

  g_assert (n_counters >= 1 && n_counters <= G_N_ELEMENTS (free_at));
  for (guint c = 0; c < n_counters; c++)
    free_at[c] = open + g_rand_int_range (rand, 0, 180);

  for (guint i = first; i < out->len; i++)
    {
      DemoTicket *t = &g_array_index (out, DemoTicket, i);
      /* Every ticket draws the same numbers whatever happens to it, so one
       * client's fate never shifts the next one's. */
      guint kind = demo_pick_weighted (rand, service_mix, DAFTAR_N_CASE_KINDS);
      gboolean cancels = g_rand_double (rand) < 0.012;
      gboolean absent = g_rand_double (rand) < 0.025;
      double patience = 25 * 60 + demo_exponential (rand, 70 * 60);
      double service = demo_lognormal (rand, service_median_minutes[kind] * 60, 0.45);
      gint64 walk = g_rand_int_range (rand, 5, 30);
      gint64 settle = g_rand_int_range (rand, 15, 60);
      gint64 tidy = g_rand_int_range (rand, 10, 40);
      gboolean other_files = g_rand_double (rand) < 0.5;
      guint c = 0;

      t->number = i - first + 1;
      t->service = kind;
      t->called = t->started = t->finished = -1;
      if (cancels)
        {
          t->outcome = DAFTAR_TICKET_OUTCOME_CANCELLED;
          continue;
        }
      for (guint k = 1; k < n_counters; k++)
        if (free_at[k] < free_at[c])
          c = k;
      t->called = MAX (t->issued + walk, free_at[c]);
      t->counter = c + 1;
      t->staff = counter_staff[c];
      if (absent || t->called - t->issued > patience)
        {
          /* Called, but the client had left: the counter waits a minute. */
          t->outcome = DAFTAR_TICKET_OUTCOME_NO_SHOW;
          free_at[c] = t->called + 60;
          continue;
        }
      t->outcome = DAFTAR_TICKET_OUTCOME_SERVED;
      t->started = t->called + settle;
      t->finished = t->started + (gint64) CLAMP (service, 90, 90 * 60);
      t->makes_case = kind != DAFTAR_CASE_KIND_OTHER || other_files;
      free_at[c] = t->finished + tidy;
    }
}

static void
assign_staff (const DemoOffice *office, guint32 offset, guint n_counters, guint8 *staff)
{
  guint n_operators = office->n_staff - 1;

  /* Operators rotate over counters day by day; the manager (staff 0) only
   * serves if there are more counters than operators. */
  for (guint c = 0; c < n_counters; c++)
    staff[c] = c < n_operators ? 1 + (offset + c) % n_operators : 0;
}

/* What is known at "now": a ticket still in the queue or at the counter is
 * "waiting" and has no finish; one not yet issued does not exist. */
static void
cut_at_now (GArray *tickets, gint64 now)
{
  for (guint i = 0; i < tickets->len; i++)
    {
      DemoTicket *t = &g_array_index (tickets, DemoTicket, i);

      if (t->issued > now)
        {
          g_array_set_size (tickets, i);
          return;
        }
      if (t->outcome == DAFTAR_TICKET_OUTCOME_CANCELLED)
        continue;
      if (t->called > now || (t->outcome == DAFTAR_TICKET_OUTCOME_SERVED && t->finished > now))
        {
          t->outcome = DAFTAR_TICKET_OUTCOME_WAITING;
          t->makes_case = FALSE;
          t->finished = -1;
          if (t->started > now)
            t->started = -1;
          if (t->called > now)
            {
              t->called = -1;
              t->counter = 0;
            }
        }
    }
}

GArray *
demo_simulate_day (DaftarDemo *demo, guint office_index, guint day_index)
{
  const DemoOffice *office = &demo->offices[office_index];
  const DemoDay *day = &demo->days[day_index];
  g_autoptr(GRand) rand = demo_rand_new (demo, office_index, day->julian, DEMO_STREAM_QUEUE);
  GArray *tickets = g_array_new (FALSE, TRUE, sizeof (DemoTicket));
  double expected = expected_clients (office, day, rand);
  gboolean absence = g_rand_double (rand) < 0.08;
  gboolean thin_evening = g_rand_double (rand) < 0.25;
  guint morning_counters = MAX (2u, office->counters - (absence ? 1 : 0));
  guint evening_counters = MAX (2u, office->counters - 1 - (thin_evening ? 1 : 0));
  guint8 staff[8];
  guint evening_skip = (office->evening_open - (14 * 60 + 30)) / 30;

  if (demo_understaffed (demo, office_index, day))
    evening_counters = 1;

  assign_staff (office, day->julian, morning_counters, staff);
  if (day->weekday == G_DATE_THURSDAY)
    {
      /* Thursday: a morning shift only, which takes the whole day's load. */
      simulate_shift (rand, day, DAFTAR_SHIFT_MORNING, expected, MORNING_OPEN, morning_profile,
                      G_N_ELEMENTS (morning_profile), morning_counters, staff, tickets);
    }
  else
    {
      simulate_shift (rand, day, DAFTAR_SHIFT_MORNING, expected * 0.62, MORNING_OPEN, morning_profile,
                      G_N_ELEMENTS (morning_profile), morning_counters, staff, tickets);
      assign_staff (office, day->julian + 2, evening_counters, staff);
      simulate_shift (rand, day, DAFTAR_SHIFT_EVENING, expected * 0.38, office->evening_open,
                      evening_profile + evening_skip, G_N_ELEMENTS (evening_profile) - evening_skip,
                      evening_counters, staff, tickets);
    }

  cut_at_now (tickets, demo->now);
  return tickets;
}

void
demo_append_tickets (DaftarDemo *demo,
                     guint       office_index,
                     guint       day_index,
                     GArray     *tickets,
                     JsonArray  *changes)
{
  const DemoOffice *office = &demo->offices[office_index];
  const DemoDay *day = &demo->days[day_index];
  for (guint i = 0; i < tickets->len; i++)
    {
      const DemoTicket *t = &g_array_index (tickets, DemoTicket, i);
      g_autofree char *id = g_strdup_printf ("%s-T%04u%02u%02u-%c%03u", office->code,
                                             g_date_get_year (&day->date), g_date_get_month (&day->date),
                                             g_date_get_day (&day->date), t->shift == DAFTAR_SHIFT_EVENING ? 'e' : 'm', t->number);
      JsonObject *data = demo_change_new (changes, "ticket");

      json_object_set_string_member (data, "id", id);
      json_object_set_string_member (data, "office_code", office->code);
      json_object_set_int_member (data, "number", t->number);
      json_object_set_string_member (data, "service", daftar_enum_to_nick (DAFTAR_TYPE_CASE_KIND, t->service));
      demo_set_time (data, "issued_at", t->issued);
      demo_set_time (data, "called_at", t->called);
      demo_set_time (data, "started_at", t->started);
      demo_set_time (data, "finished_at", t->finished);
      if (t->counter != 0)
        {
          g_autofree char *staff_id = demo_staff_id (office, t->staff);
          json_object_set_int_member (data, "counter", t->counter);
          json_object_set_string_member (data, "staff_id", staff_id);
        }
      else
        {
          json_object_set_null_member (data, "counter");
          json_object_set_null_member (data, "staff_id");
        }
      json_object_set_string_member (data, "outcome", daftar_enum_to_nick (DAFTAR_TYPE_TICKET_OUTCOME, t->outcome));
    }
}
