/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-demo-queue.c: a day at the counters — Poisson arrivals and a multi-counter queue simulated per shift, with its pauses, its crowded Saturdays and the clerks who call acquaintances out of turn. */
#define G_LOG_DOMAIN "daftar-demo"

#include "config.h"

#include <math.h>

#include "daftar-demo-private.h"

#define SLOT_SECONDS 1800
#define MORNING_OPEN (7 * 60 + 30)
#define UNDERSTAFFED_BLOCK_WEEKS 6
#define MAX_COUNTERS 8

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

/* One shift of one day, as the counters see it. */
typedef struct {
  const DemoOffice *office;
  const DemoDay    *day;
  DaftarShift       shift;
  double            expected;      /* clients from the arrival profile */
  int               open_minute;
  const double     *profile;
  guint             n_slots;
  guint             n_counters;
  guint8            staff[MAX_COUNTERS];
  double            favour;        /* today's factor on the acquaintances' visits */
} Shift;

/* What a client brings, drawn when the ticket is issued whatever then
 * happens to it, so one client's fate never shifts the next one's. */
typedef struct {
  gint64   walk;       /* from the ticket machine to being callable */
  gint64   settle;     /* from the call to the start at the counter */
  gint64   tidy;       /* the counter's time after a client leaves */
  gint64   service;
  double   patience;   /* how long the client waits before leaving */
  gboolean cancels;    /* at the counter, needs nothing after all */
  gboolean absent;     /* gone before being called, however soon */
} Client;

/* A counter's pause: from the first moment it is free at or after @from
 * it calls nobody for @length seconds, unless it is busy past @latest. */
typedef struct {
  gint64   from;
  gint64   latest;
  gint64   length;
  gboolean done;
} Pause;

/* Noon prayer and lunch, then closing the day's till before the morning
 * clerks leave: the two moments a counter stands empty while the queue
 * goes on. */
#define PAUSES_PER_COUNTER 2

static void
draw_pauses (GRand *rand, const Shift *s, Pause pauses[][PAUSES_PER_COUNTER])
{
  gint64 start = s->day->start;

  for (guint c = 0; c < s->n_counters; c++)
    {
      gboolean lunch = g_rand_double (rand) < 0.5;
      gint64 lunch_from = start + 12 * 3600 + g_rand_int_range (rand, 0, 3600);
      double lunch_length = CLAMP (demo_lognormal (rand, 20 * 60, 0.35), 8 * 60, 40 * 60);
      gboolean closing = g_rand_double (rand) < 0.35;
      gint64 closing_from = start + 13 * 3600 + 35 * 60 + g_rand_int_range (rand, 0, 20 * 60);
      gint64 closing_length = g_rand_int_range (rand, 6 * 60, 18 * 60);

      /* Evenings run straight through; a counter without a pause gets one
       * that is already done. */
      pauses[c][0] = (Pause) { lunch_from, lunch_from + 45 * 60, (gint64) lunch_length,
                               !lunch || s->shift != DAFTAR_SHIFT_MORNING };
      pauses[c][1] = (Pause) { closing_from, closing_from + 30 * 60, closing_length,
                               !closing || s->shift != DAFTAR_SHIFT_MORNING };
    }
}

/* Whether the counter, about to call at @at, goes on a pause first (and
 * is then free at its end). */
static gboolean
take_pause (Pause *pause, gint64 *free_at, gint64 at)
{
  gint64 begin;

  if (pause->done || at < pause->from)
    return FALSE;
  pause->done = TRUE;
  if (*free_at > pause->latest)
    return FALSE;
  begin = MAX (*free_at, pause->from);
  /* Nobody came while it was away: it made no one wait. */
  if (at >= begin + pause->length)
    return FALSE;
  *free_at = begin + pause->length;
  return TRUE;
}

static void
add_arrivals (GRand *rand, const Shift *s, GArray *out)
{
  gint64 open = s->day->start + (gint64) s->open_minute * 60;
  double total = 0;

  for (guint k = 0; k < s->n_slots; k++)
    total += s->profile[k];
  for (guint k = 0; k < s->n_slots; k++)
    {
      guint n = demo_poisson (rand, s->expected * s->profile[k] / total);
      for (guint i = 0; i < n; i++)
        {
          DemoTicket t = { 0 };
          t.issued = open + (gint64) k * SLOT_SECONDS + (gint64) (g_rand_double (rand) * SLOT_SECONDS);
          t.shift = s->shift;
          g_array_append_val (out, t);
        }
    }

  /* Saturday morning, after the weekend: a crowd at the door when the
   * office opens, larger on some Saturdays than others. */
  if (s->shift == DAFTAR_SHIFT_MORNING && s->day->weekday == G_DATE_SATURDAY)
    {
      double crowd = s->office->volume * (0.05 + 0.25 * g_rand_double (rand));
      guint n = demo_poisson (rand, crowd);

      for (guint i = 0; i < n; i++)
        {
          DemoTicket t = { 0 };
          t.issued = open + (gint64) MIN (demo_exponential (rand, 20 * 60), 110 * 60);
          t.shift = s->shift;
          g_array_append_val (out, t);
        }
    }
}

static void
draw_client (GRand *rand, const Shift *s, DemoTicket *t, Client *client)
{
  guint kind = demo_pick_weighted (rand, service_mix, DAFTAR_N_CASE_KINDS);
  gboolean other_files = g_rand_double (rand) < 0.5;
  double known = g_rand_double (rand);

  client->cancels = g_rand_double (rand) < 0.012;
  client->absent = g_rand_double (rand) < 0.025;
  client->patience = 25 * 60 + demo_exponential (rand, 70 * 60);
  client->service = (gint64) CLAMP (demo_lognormal (rand, service_median_minutes[kind] * 60, 0.45), 90, 90 * 60);
  client->walk = g_rand_int_range (rand, 5, 30);
  client->settle = g_rand_int_range (rand, 15, 60);
  client->tidy = g_rand_int_range (rand, 10, 40);

  t->service = kind;
  t->makes_case = kind != DAFTAR_CASE_KIND_OTHER || other_files;
  t->called = t->started = t->finished = -1;
  for (guint k = 0; k < s->office->n_staff; k++)
    {
      double share = s->office->acquaintances[k] * s->favour;

      if (known < share)
        {
          t->acquaintance = k + 1;
          break;
        }
      known -= share;
    }
}

/* The ticket counter @c calls at @at: the head of the queue, unless the
 * clerk sees an acquaintance further back. Those of the acquaintance's
 * service it passes over were jumped. */
static guint
pick_ticket (DemoTicket *t, guint n, guint head, gint64 at, guint8 staff, gboolean favours)
{
  guint pick = head;

  if (!favours)
    return head;
  for (guint j = head + 1; j < n && t[j].issued <= at; j++)
    if (t[j].called < 0 && t[j].acquaintance == staff + 1)
      {
        pick = j;
        break;
      }
  for (guint k = head; k < pick; k++)
    if (t[k].called < 0 && t[k].service == t[pick].service && t[k].issued < t[pick].issued)
      t[k].jumped = TRUE;
  return pick;
}

static int
compare_times (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

/* How many were waiting when each client took a ticket: those issued
 * before, less those already called. A ticket issued later is called
 * later still (a walk of at least 5 s), so every call up to that instant
 * is one of theirs. */
static void
count_ahead (DemoTicket *t, guint n)
{
  g_autofree gint64 *calls = g_new (gint64, n + 1);
  guint called = 0;

  for (guint i = 0; i < n; i++)
    calls[i] = t[i].called;
  qsort (calls, n, sizeof (gint64), compare_times);
  for (guint i = 0; i < n; i++)
    {
      while (called < n && calls[called] <= t[i].issued)
        called++;
      t[i].ahead = (guint16) MIN (i - MIN (i, called), G_MAXUINT16);
    }
}

/* Runs one shift: arrivals, then counters calling from the queue whenever
 * they are free, in turn but for the acquaintances of a few clerks, and
 * not during their pauses. Waits are not drawn; they come out of this. */
static void
simulate_shift (GRand *rand, const Shift *s, GArray *out)
{
  gint64 open = s->day->start + (gint64) s->open_minute * 60;
  gint64 free_at[MAX_COUNTERS];
  Pause pauses[MAX_COUNTERS][PAUSES_PER_COUNTER];
  g_autofree Client *clients = NULL;
  gboolean favours[MAX_COUNTERS];
  guint first = out->len, n, head = 0;
  gint64 last_call = open;
  DemoTicket *t;

  g_assert (s->n_counters >= 1 && s->n_counters <= MAX_COUNTERS);
  add_arrivals (rand, s, out);
  n = out->len - first;
  t = &g_array_index (out, DemoTicket, first);
  g_qsort_with_data (t, n, sizeof (DemoTicket), compare_issued, NULL);

  clients = g_new0 (Client, n + 1);
  for (guint i = 0; i < n; i++)
    {
      t[i].number = i + 1;
      draw_client (rand, s, &t[i], &clients[i]);
    }
  for (guint c = 0; c < s->n_counters; c++)
    {
      free_at[c] = open + g_rand_int_range (rand, 0, 180);
      favours[c] = s->office->acquaintances[s->staff[c]] > 0;
    }
  draw_pauses (rand, s, pauses);

  for (guint done = 0; done < n;)
    {
      const Client *client;
      DemoTicket *next;
      gboolean paused = FALSE;
      guint c = 0, pick;
      gint64 at;

      while (t[head].called >= 0)
        head++;
      for (guint k = 1; k < s->n_counters; k++)
        if (free_at[k] < free_at[c])
          c = k;
      /* Calls go out one after another, never two back in time. */
      at = MAX (MAX (free_at[c], t[head].issued + clients[head].walk), last_call);
      for (guint p = 0; p < PAUSES_PER_COUNTER && !paused; p++)
        paused = take_pause (&pauses[c][p], &free_at[c], at);
      if (paused)
        continue;

      pick = pick_ticket (t, n, head, at, s->staff[c], favours[c]);
      next = &t[pick];
      client = &clients[pick];
      next->called = last_call = MAX (at, next->issued + client->walk);
      next->counter = c + 1;
      next->staff = s->staff[c];
      done++;
      if (client->cancels)
        {
          /* Closed at the counter: the client needed nothing after all. */
          next->outcome = DAFTAR_TICKET_OUTCOME_CANCELLED;
          next->makes_case = FALSE;
          free_at[c] = next->called + client->settle;
        }
      else if (client->absent || next->called - next->issued > client->patience)
        {
          /* Called, but the client had left: the counter waits a minute. */
          next->outcome = DAFTAR_TICKET_OUTCOME_NO_SHOW;
          next->makes_case = FALSE;
          free_at[c] = next->called + 60;
        }
      else
        {
          next->outcome = DAFTAR_TICKET_OUTCOME_SERVED;
          next->started = next->called + client->settle;
          next->finished = next->started + client->service;
          free_at[c] = next->finished + client->tidy;
        }
    }
  count_ahead (t, n);
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
  /* Acquaintances come on some days more than others. */
  double favour = demo_lognormal (rand, 1.0, 0.6);
  guint morning_counters = MAX (2u, office->counters - (absence ? 1 : 0));
  guint evening_counters = MAX (2u, office->counters - 1 - (thin_evening ? 1 : 0));
  guint evening_skip = (office->evening_open - (14 * 60 + 30)) / 30;
  Shift morning = {
    office, day, DAFTAR_SHIFT_MORNING, expected * 0.62, MORNING_OPEN,
    morning_profile, G_N_ELEMENTS (morning_profile), morning_counters, { 0 }, favour,
  };
  Shift evening = {
    office, day, DAFTAR_SHIFT_EVENING, expected * 0.38, office->evening_open,
    evening_profile + evening_skip, G_N_ELEMENTS (evening_profile) - evening_skip,
    evening_counters, { 0 }, favour,
  };

  if (demo_understaffed (demo, office_index, day))
    evening.n_counters = 1;

  assign_staff (office, day->julian, morning.n_counters, morning.staff);
  if (day->weekday == G_DATE_THURSDAY)
    {
      /* Thursday: a morning shift only, which takes the whole day's load. */
      morning.expected = expected;
      simulate_shift (rand, &morning, tickets);
    }
  else
    {
      simulate_shift (rand, &morning, tickets);
      assign_staff (office, day->julian + 2, evening.n_counters, evening.staff);
      simulate_shift (rand, &evening, tickets);
    }

  cut_at_now (tickets, demo->now);
  return tickets;
}

char *
demo_ticket_id (const DemoOffice *office, const DemoDay *day, const DemoTicket *t, char letter)
{
  return g_strdup_printf ("%s-%c%04u%02u%02u-%c%03u", office->code, letter,
                          g_date_get_year (&day->date), g_date_get_month (&day->date),
                          g_date_get_day (&day->date), t->shift == DAFTAR_SHIFT_EVENING ? 'e' : 'm',
                          t->number);
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
      g_autofree char *id = demo_ticket_id (office, day, t, 'T');
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
