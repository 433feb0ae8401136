/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-staffing-advice.c: how far the model is trusted at each hour, and the week's hours merged into a few rows of advice. */
#define G_LOG_DOMAIN "daftar-staffing"

#include "config.h"

#include <math.h>

#include "daftar-staffing-private.h"
#include "daftar-time.h"

#define N_ROWS  DAFTAR_STAFFING_N_ROWS
#define N_HOURS DAFTAR_STAFFING_N_HOURS

G_DEFINE_ENUM_TYPE (DaftarStaffingEvidence, daftar_staffing_evidence,
  G_DEFINE_ENUM_VALUE (DAFTAR_STAFFING_EVIDENCE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (DAFTAR_STAFFING_EVIDENCE_OBSERVED, "observed"),
  G_DEFINE_ENUM_VALUE (DAFTAR_STAFFING_EVIDENCE_MODEL, "model"),
  G_DEFINE_ENUM_VALUE (DAFTAR_STAFFING_EVIDENCE_OVERLOAD_NOT_SEEN, "overload_not_seen"),
  G_DEFINE_ENUM_VALUE (DAFTAR_STAFFING_EVIDENCE_OVERSTATED, "overstated"),
  G_DEFINE_ENUM_VALUE (DAFTAR_STAFFING_EVIDENCE_UNCHECKED, "unchecked"))

G_DEFINE_ENUM_TYPE (DaftarStaffingFit, daftar_staffing_fit,
  G_DEFINE_ENUM_VALUE (DAFTAR_STAFFING_FIT_CLOSE, "close"),
  G_DEFINE_ENUM_VALUE (DAFTAR_STAFFING_FIT_OVERSTATES, "overstates"),
  G_DEFINE_ENUM_VALUE (DAFTAR_STAFFING_FIT_UNDERSTATES, "understates"),
  G_DEFINE_ENUM_VALUE (DAFTAR_STAFFING_FIT_UNCHECKED, "unchecked"))

static gboolean
far_above (double wait_s,
           double other_s)
{
  return wait_s > DAFTAR_STAFFING_FAR_RATIO * other_s &&
         wait_s - other_s > DAFTAR_STAFFING_FAR_SECONDS;
}

static double
wait_limit_s (const DaftarStaffing *s)
{
  return s->standards.target_wait_minutes * 60.0;
}

DaftarStaffingEvidence
daftar_staffing_hour_evidence (const DaftarStaffing     *s,
                               const DaftarStaffingHour *h)
{
  if (h->shortfall <= 0)
    return DAFTAR_STAFFING_EVIDENCE_NONE;
  if (isnan (h->observed_wait_s))
    return DAFTAR_STAFFING_EVIDENCE_UNCHECKED;
  /* The queue the office lived through outweighs any model of it. */
  if (h->observed_wait_s > wait_limit_s (s))
    return DAFTAR_STAFFING_EVIDENCE_OBSERVED;
  if (!isfinite (h->predicted_wait_s))
    return DAFTAR_STAFFING_EVIDENCE_OVERLOAD_NOT_SEEN;
  if (far_above (h->predicted_wait_s, h->observed_wait_s))
    return DAFTAR_STAFFING_EVIDENCE_OVERSTATED;
  return DAFTAR_STAFFING_EVIDENCE_MODEL;
}

void
daftar_staffing_hour_chain (const DaftarStaffing *s,
                            DaftarStaffingHour   *h)
{
  h->counters_unstaffed = s->office_counters > h->counters_typical ? s->office_counters - h->counters_typical : 0;
  /* The last step first: staff seated at idle counters cannot carry an
   * hour that even max_counters staffed cannot. */
  if (h->counters_needed > s->max_counters)
    h->step = DAFTAR_STAFFING_STEP_NEW_OFFICE;
  else if (h->counters_unstaffed > 0)
    h->step = DAFTAR_STAFFING_STEP_STAFF;
  else
    h->step = DAFTAR_STAFFING_STEP_COUNTER;
}

/* Of @count more counters open at @h, those that are staff seated at
 * counters that stood unstaffed; the rest are counters to add. */
static int
staff_part (const DaftarStaffingHour *h,
            int                       count)
{
  return MIN (count, (int) h->counters_unstaffed);
}

static gboolean
is_evidence (DaftarStaffingEvidence evidence)
{
  return evidence == DAFTAR_STAFFING_EVIDENCE_OBSERVED ||
         evidence == DAFTAR_STAFFING_EVIDENCE_MODEL;
}

typedef struct
{
  const DaftarStaffingHour *hour[N_ROWS][N_HOURS];   /* NULL: no tickets then */
  gboolean                  taken[N_ROWS][N_HOURS];  /* already in a row */
} Grid;

/* Rows r0..r1 and hours h0..h1 - 1. */
typedef struct
{
  guint r0, r1, h0, h1;
  int   count;          /* advice: the evidence hours' shortfall; notes: the least */
  guint n_evidence;
  guint n_without;
} Rect;

static guint
rect_size (const Rect *r)
{
  return (r->r1 - r->r0 + 1) * (r->h1 - r->h0);
}

/* The hour @h of row @r, when it is free and may join a rectangle of
 * advice (any hour that needs counters) or of notes (hours without
 * evidence, of @kind). */
static const DaftarStaffingHour *
usable (const Grid               *g,
        guint                     r,
        guint                     h,
        gboolean                  notes,
        const DaftarStaffingHour *start)
{
  const DaftarStaffingHour *hour = g->hour[r][h];

  if (hour == NULL || g->taken[r][h] || hour->evidence == DAFTAR_STAFFING_EVIDENCE_NONE)
    return NULL;
  if (start != NULL && hour->step != start->step)
    return NULL;
  if (notes && start != NULL && hour->evidence != start->evidence)
    return NULL;
  return hour;
}

static gboolean
evidence_at (const Grid *g,
             guint       r,
             guint       h)
{
  return g->hour[r][h] != NULL && is_evidence (g->hour[r][h]->evidence);
}

/* Each hour of @rect without evidence has an hour with evidence of @rect
 * beside it: the hour before or after, or the same hour a day before or
 * after. */
static gboolean
backed (const Grid *g,
        const Rect *rect)
{
  for (guint r = rect->r0; r <= rect->r1; r++)
    for (guint h = rect->h0; h < rect->h1; h++)
      {
        if (evidence_at (g, r, h))
          continue;
        if (!((r > rect->r0 && evidence_at (g, r - 1, h)) ||
              (r < rect->r1 && evidence_at (g, r + 1, h)) ||
              (h > rect->h0 && evidence_at (g, r, h - 1)) ||
              (h + 1 < rect->h1 && evidence_at (g, r, h + 1))))
          return FALSE;
      }
  return TRUE;
}

/* The row's count splits alike at each hour of @rect into staff at
 * unstaffed counters and new counters, so that one sentence says what to
 * do at all of them. On the last step no split within max_counters meets
 * the standards, and none is said. */
static gboolean
same_split (const Grid *g,
            const Rect *rect)
{
  const DaftarStaffingHour *first = g->hour[rect->r0][rect->h0];

  if (first->step == DAFTAR_STAFFING_STEP_NEW_OFFICE)
    return TRUE;
  for (guint r = rect->r0; r <= rect->r1; r++)
    for (guint h = rect->h0; h < rect->h1; h++)
      if (staff_part (g->hour[r][h], rect->count) != staff_part (first, rect->count))
        return FALSE;
  return TRUE;
}

/* The biggest rectangle of free hours that makes one row, the one with
 * more evidence among equals, the week's earliest among those. The week
 * has at most 7 x 24 hours, so trying every rectangle is cheap; a greedy
 * cover is not the fewest rows in every case, but it is the same every
 * time and keeps each row exact. */
static gboolean
best_rect (const Grid            *g,
           gboolean               notes,
           Rect                  *best)
{
  gboolean found = FALSE;

  *best = (Rect) { 0 };
  for (guint r0 = 0; r0 < N_ROWS; r0++)
    for (guint h0 = 0; h0 < N_HOURS; h0++)
      {
        const DaftarStaffingHour *start = usable (g, r0, h0, FALSE, NULL);
        DaftarShift shift = daftar_time_shift_for_hour (h0);

        if (start == NULL || (notes && is_evidence (start->evidence)))
          continue;
        for (guint r1 = r0; r1 < N_ROWS; r1++)
          {
            Rect rect = { r0, r1, h0, h0, 0, 0, 0 };
            int least_without = G_MAXINT;
            gboolean counted = FALSE;

            for (guint h = h0; h < N_HOURS && daftar_time_shift_for_hour (h) == shift; h++)
              {
                gboolean column_ok = TRUE;

                for (guint r = r0; r <= r1 && column_ok; r++)
                  {
                    const DaftarStaffingHour *x = usable (g, r, h, notes, start);

                    if (x == NULL)
                      column_ok = FALSE;
                    else if (notes || !is_evidence (x->evidence))
                      {
                        least_without = MIN (least_without, x->shortfall);
                        rect.n_without++;
                      }
                    else if (counted && x->shortfall != rect.count)
                      column_ok = FALSE;
                    else
                      {
                        rect.count = x->shortfall;
                        counted = TRUE;
                        rect.n_evidence++;
                      }
                  }
                /* A wider rectangle holds this column too: none will do. */
                if (!column_ok || (!notes && counted && least_without < rect.count))
                  break;
                rect.h1 = h + 1;

                if (notes)
                  rect.count = least_without;
                else if (rect.n_evidence == 0 || rect.n_without > rect.n_evidence || !backed (g, &rect) ||
                         !same_split (g, &rect))
                  continue;
                if (!found || rect_size (&rect) > rect_size (best) ||
                    (rect_size (&rect) == rect_size (best) && rect.n_evidence > best->n_evidence))
                  {
                    *best = rect;
                    found = TRUE;
                  }
              }
            /* The next weekday's first hour is not free: no taller one either. */
            if (rect.h1 == h0)
              break;
          }
      }
  return found;
}

static DaftarStaffingFit
row_fit (const DaftarStaffing       *s,
         const DaftarStaffingAdvice *a)
{
  if (isnan (a->observed_wait_s))
    return DAFTAR_STAFFING_FIT_UNCHECKED;
  /* "Cannot keep up" fits a queue that did run long, and only that. */
  if (a->n_unbounded > 0)
    return a->observed_wait_s > wait_limit_s (s) ? DAFTAR_STAFFING_FIT_CLOSE : DAFTAR_STAFFING_FIT_OVERSTATES;
  if (far_above (a->predicted_wait_s, a->observed_wait_s))
    return DAFTAR_STAFFING_FIT_OVERSTATES;
  if (far_above (a->observed_wait_s, a->predicted_wait_s))
    return DAFTAR_STAFFING_FIT_UNDERSTATES;
  return DAFTAR_STAFFING_FIT_CLOSE;
}

static void
describe (const DaftarStaffing *s,
          const Grid           *g,
          const Rect           *rect,
          gboolean              notes,
          DaftarStaffingAdvice *out)
{
  double arrivals = 0, stable_arrivals = 0, wait_w = 0, level_w = 0, served = 0, observed_w = 0;

  *out = (DaftarStaffingAdvice) {
    .first_weekday = daftar_staffing_row_weekday (rect->r0),
    .last_weekday = daftar_staffing_row_weekday (rect->r1),
    .shift = daftar_time_shift_for_hour (rect->h0),
    .from_hour = rect->h0,
    .to_hour = rect->h1,
    .add_counters = rect->count,
    .counters_open_min = G_MAXUINT,
  };
  for (guint r = rect->r0; r <= rect->r1; r++)
    for (guint h = rect->h0; h < rect->h1; h++)
      {
        const DaftarStaffingHour *x = g->hour[r][h];

        out->n_hours++;
        if (x->evidence == DAFTAR_STAFFING_EVIDENCE_OBSERVED)
          out->n_observed++;
        else if (x->evidence == DAFTAR_STAFFING_EVIDENCE_MODEL)
          out->n_model++;
        else
          out->n_unconfirmed++;
        out->counters_open_min = MIN (out->counters_open_min, x->counters_typical);
        out->counters_open_max = MAX (out->counters_open_max, x->counters_typical);
        out->counters_needed = MAX (out->counters_needed, x->counters_needed);

        arrivals += x->arrivals_per_hour;
        level_w += x->arrivals_per_hour * x->predicted_service_level;
        if (isfinite (x->predicted_wait_s))
          {
            stable_arrivals += x->arrivals_per_hour;
            wait_w += x->arrivals_per_hour * x->predicted_wait_s;
            out->predicted_occupancy = MAX (out->predicted_occupancy, x->predicted_occupancy);
          }
        else
          out->n_unbounded++;
        if (x->served > 0)
          {
            served += x->served;
            observed_w += x->served * x->observed_wait_s;
          }
      }
  out->predicted_wait_s = stable_arrivals > 0 ? wait_w / stable_arrivals : INFINITY;
  out->predicted_service_level = arrivals > 0 ? level_w / arrivals : NAN;
  out->observed_wait_s = served > 0 ? observed_w / served : NAN;
  out->step = g->hour[rect->r0][rect->h0]->step;
  if (out->step != DAFTAR_STAFFING_STEP_NEW_OFFICE && out->add_counters > 0)
    {
      out->add_staff = staff_part (g->hour[rect->r0][rect->h0], out->add_counters);
      out->add_new_counters = out->add_counters - out->add_staff;
    }
  if (notes)
    out->evidence = g->hour[rect->r0][rect->h0]->evidence;
  else
    out->evidence = out->n_observed > 0 ? DAFTAR_STAFFING_EVIDENCE_OBSERVED : DAFTAR_STAFFING_EVIDENCE_MODEL;
  out->fit = row_fit (s, out);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const DaftarStaffingAdvice *x = a, *y = b;
  guint rx = daftar_staffing_weekday_row (x->first_weekday), ry = daftar_staffing_weekday_row (y->first_weekday);

  if (rx != ry)
    return rx < ry ? -1 : 1;
  if (x->from_hour != y->from_hour)
    return x->from_hour < y->from_hour ? -1 : 1;
  return (int) daftar_staffing_weekday_row (x->last_weekday) - (int) daftar_staffing_weekday_row (y->last_weekday);
}

static void
cover (DaftarStaffing *s,
       Grid           *g,
       gboolean        notes,
       GArray         *rows)
{
  Rect rect;

  while (best_rect (g, notes, &rect))
    {
      DaftarStaffingAdvice row;

      describe (s, g, &rect, notes, &row);
      for (guint r = rect.r0; r <= rect.r1; r++)
        for (guint h = rect.h0; h < rect.h1; h++)
          g->taken[r][h] = TRUE;
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_rows);
}

void
daftar_staffing_fill_advice (DaftarStaffing *s)
{
  Grid g = { { { NULL } } };

  for (guint i = 0; i < s->hours->len; i++)
    {
      const DaftarStaffingHour *h = &g_array_index (s->hours, DaftarStaffingHour, i);

      g.hour[daftar_staffing_weekday_row (h->weekday)][h->hour] = h;
    }
  /* Advice first, so that hours without evidence go to the rows they can
   * join; what is left of them is only noted. */
  cover (s, &g, FALSE, s->advice);
  cover (s, &g, TRUE, s->model_notes);
}

const DaftarStaffingHour *
daftar_staffing_find_hour (const DaftarStaffing *s,
                           GDateWeekday          weekday,
                           guint                 hour)
{
  for (guint i = 0; i < s->hours->len; i++)
    {
      const DaftarStaffingHour *h = &g_array_index (s->hours, DaftarStaffingHour, i);
      if (h->weekday == weekday && h->hour == hour)
        return h;
    }
  return NULL;
}
