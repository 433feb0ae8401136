/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-staffing-advice.c: the advisor's rows against a naive expansion on random weeks, hours the model alone flags, and the rows' sentences. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "daftar-i18n.h"
#include "daftar-staffing-private.h"
#include "daftar-time.h"

#define LIMIT_S (15 * 60.0)

/* A week of the advisor's figures made up hour by hour, with the
 * standards of the demo (15 minutes, 80%, 85%). */
static DaftarStaffing *
week_new (void)
{
  DaftarStaffing *s = g_new0 (DaftarStaffing, 1);

  s->office_code = g_strdup ("YZ-TST-01");
  s->standards.target_wait_minutes = 15;
  s->standards.target_service_level = 0.8;
  s->standards.occupancy_cap = 0.85;
  s->standards.max_counters = 6;
  s->max_counters = 6;
  s->office_counters = 3;
  s->office_counters_known = TRUE;
  s->hours = g_array_new (FALSE, TRUE, sizeof (DaftarStaffingHour));
  s->advice = g_array_new (FALSE, TRUE, sizeof (DaftarStaffingAdvice));
  s->model_notes = g_array_new (FALSE, TRUE, sizeof (DaftarStaffingAdvice));
  s->week_checks = g_array_new (FALSE, TRUE, sizeof (DaftarStaffingWeek));
  return s;
}

/* One hour with a shortfall at @typical counters open and the waits that
 * give it @evidence. */
static void
add_hour_at (DaftarStaffing        *s,
             guint                  row,
             guint                  hour,
             int                    shortfall,
             DaftarStaffingEvidence evidence,
             guint                  typical)
{
  DaftarStaffingHour h = {
    .weekday = daftar_staffing_row_weekday (row),
    .hour = hour,
    .open_days = 4,
    .arrivals = 80,
    .served = 76,
    .arrivals_per_hour = 20,
    .mean_service_s = 600,
    .counters_open = typical,
    .counters_typical = typical,
    .counters_needed = typical + MAX (shortfall, 0),
    .shortfall = shortfall,
    .predicted_wait_s = 240,
    .predicted_service_level = shortfall > 0 ? 0.7 : 0.95,
    .predicted_occupancy = 0.8,
    .observed_wait_s = 200,
  };

  switch (evidence)
    {
    case DAFTAR_STAFFING_EVIDENCE_OBSERVED:
      h.observed_wait_s = 1500;
      break;
    case DAFTAR_STAFFING_EVIDENCE_OVERLOAD_NOT_SEEN:
      h.predicted_wait_s = INFINITY;
      h.predicted_service_level = 0;
      h.observed_wait_s = 420;
      break;
    case DAFTAR_STAFFING_EVIDENCE_OVERSTATED:
      h.predicted_wait_s = 19 * 60;
      h.observed_wait_s = 6 * 60;
      break;
    case DAFTAR_STAFFING_EVIDENCE_UNCHECKED:
      h.served = 0;
      h.observed_wait_s = NAN;
      break;
    /* The hour as set above. */
    case DAFTAR_STAFFING_EVIDENCE_NONE:
    case DAFTAR_STAFFING_EVIDENCE_MODEL:
    default:
      break;
    }
  h.evidence = daftar_staffing_hour_evidence (s, &h);
  g_assert_cmpint (h.evidence, ==, shortfall > 0 ? evidence : DAFTAR_STAFFING_EVIDENCE_NONE);
  daftar_staffing_hour_chain (s, &h);
  g_array_append_val (s->hours, h);
}

static void
add_hour (DaftarStaffing        *s,
          guint                  row,
          guint                  hour,
          int                    shortfall,
          DaftarStaffingEvidence evidence)
{
  add_hour_at (s, row, hour, shortfall, evidence, 3);
}

/* The step of the chain, written out again: past max_counters a new
 * office, else staff where counters stood unstaffed, else counters. */
static DaftarStaffingStep
naive_step (const DaftarStaffing *s, const DaftarStaffingHour *h)
{
  if (h->counters_needed > s->max_counters)
    return DAFTAR_STAFFING_STEP_NEW_OFFICE;
  if (h->counters_typical < s->office_counters)
    return DAFTAR_STAFFING_STEP_STAFF;
  return DAFTAR_STAFFING_STEP_COUNTER;
}

static gboolean
is_evidence (DaftarStaffingEvidence e)
{
  return e == DAFTAR_STAFFING_EVIDENCE_OBSERVED || e == DAFTAR_STAFFING_EVIDENCE_MODEL;
}

/* Expands every row to its hours and holds them to the rule, hour by hour:
 * each hour with evidence in exactly one row, at its own shortfall (nothing
 * advised is lost); no hour without a shortfall in any row or note
 * (nothing unadvised is added); each hour without evidence in a row beside
 * an hour of that row with evidence, at no more than its shortfall, in rows
 * whose evidence hours are at least as many, or else in exactly one note of
 * its kind. Also the rows' counts and figures. */
static void
check_rows (const DaftarStaffing *s)
{
  const DaftarStaffingHour *grid[7][24] = { { NULL } };
  int advised[7][24] = { { 0 } };
  int in_row[7][24];
  gboolean noted[7][24] = { { FALSE } };

  memset (in_row, -1, sizeof in_row);
  for (guint i = 0; i < s->hours->len; i++)
    {
      const DaftarStaffingHour *h = &g_array_index (s->hours, DaftarStaffingHour, i);
      grid[daftar_staffing_weekday_row (h->weekday)][h->hour] = h;
    }

  for (guint i = 0; i < s->advice->len; i++)
    {
      const DaftarStaffingAdvice *a = &g_array_index (s->advice, DaftarStaffingAdvice, i);
      guint r0 = daftar_staffing_weekday_row (a->first_weekday), r1 = daftar_staffing_weekday_row (a->last_weekday);
      guint n_evidence = 0, n_without = 0, n_observed = 0, n_unbounded = 0, needed = 0;

      g_assert_cmpuint (r0, <=, r1);
      g_assert_cmpuint (a->from_hour, <, a->to_hour);
      g_assert_cmpint (a->add_counters, >, 0);
      g_assert_true (is_evidence (a->evidence));
      for (guint r = r0; r <= r1; r++)
        for (guint h = a->from_hour; h < a->to_hour; h++)
          {
            const DaftarStaffingHour *x = grid[r][h];

            g_assert_nonnull (x);
            g_assert_cmpint (daftar_time_shift_for_hour (h), ==, a->shift);
            /* One step and one split of the count at every hour of a row,
             * and seats only where counters stood unstaffed. */
            g_assert_cmpint (x->step, ==, naive_step (s, x));
            g_assert_cmpint (x->step, ==, a->step);
            if (a->step != DAFTAR_STAFFING_STEP_NEW_OFFICE)
              {
                g_assert_cmpint (a->add_staff, ==, MIN (a->add_counters, (int) (s->office_counters - MIN (s->office_counters, x->counters_typical))));
                g_assert_cmpint (a->add_staff + a->add_new_counters, ==, a->add_counters);
                g_assert_cmpint (a->add_staff > 0, ==, a->step == DAFTAR_STAFFING_STEP_STAFF);
              }
            else
              g_assert_cmpint (x->counters_needed, >, s->max_counters);
            g_assert_cmpint (in_row[r][h], ==, -1);
            in_row[r][h] = (int) i;
            advised[r][h] = a->add_counters;
            g_assert_cmpint (x->shortfall, >=, a->add_counters);
            if (is_evidence (x->evidence))
              {
                g_assert_cmpint (x->shortfall, ==, a->add_counters);
                n_evidence++;
                n_observed += x->evidence == DAFTAR_STAFFING_EVIDENCE_OBSERVED;
              }
            else
              {
                g_assert_cmpint (x->evidence, !=, DAFTAR_STAFFING_EVIDENCE_NONE);
                g_assert_true ((r > r0 && grid[r - 1][h] && is_evidence (grid[r - 1][h]->evidence)) ||
                               (r < r1 && grid[r + 1][h] && is_evidence (grid[r + 1][h]->evidence)) ||
                               (h > a->from_hour && is_evidence (grid[r][h - 1]->evidence)) ||
                               (h + 1 < a->to_hour && is_evidence (grid[r][h + 1]->evidence)));
                n_without++;
              }
            n_unbounded += !isfinite (x->predicted_wait_s);
            needed = MAX (needed, x->counters_needed);
          }
      g_assert_cmpuint (n_evidence, >=, 1);
      g_assert_cmpuint (n_evidence, >=, n_without);
      g_assert_cmpuint (a->n_hours, ==, n_evidence + n_without);
      g_assert_cmpuint (a->n_observed + a->n_model, ==, n_evidence);
      g_assert_cmpuint (a->n_observed, ==, n_observed);
      g_assert_cmpuint (a->n_unconfirmed, ==, n_without);
      g_assert_cmpuint (a->n_unbounded, ==, n_unbounded);
      g_assert_cmpuint (a->counters_needed, ==, needed);
      g_assert_cmpint (a->evidence, ==, n_observed > 0 ? DAFTAR_STAFFING_EVIDENCE_OBSERVED : DAFTAR_STAFFING_EVIDENCE_MODEL);
      if (i > 0)
        {
          const DaftarStaffingAdvice *p = &g_array_index (s->advice, DaftarStaffingAdvice, i - 1);
          guint pr = daftar_staffing_weekday_row (p->first_weekday);

          g_assert_true (pr < r0 || (pr == r0 && p->from_hour <= a->from_hour));
        }
    }

  for (guint i = 0; i < s->model_notes->len; i++)
    {
      const DaftarStaffingAdvice *a = &g_array_index (s->model_notes, DaftarStaffingAdvice, i);

      g_assert_false (is_evidence (a->evidence));
      g_assert_cmpuint (a->n_unconfirmed, ==, a->n_hours);
      for (guint r = daftar_staffing_weekday_row (a->first_weekday); r <= daftar_staffing_weekday_row (a->last_weekday); r++)
        for (guint h = a->from_hour; h < a->to_hour; h++)
          {
            g_assert_nonnull (grid[r][h]);
            g_assert_cmpint (grid[r][h]->evidence, ==, a->evidence);
            g_assert_cmpint (grid[r][h]->step, ==, a->step);
            g_assert_cmpint (in_row[r][h], ==, -1);
            g_assert_false (noted[r][h]);
            g_assert_cmpint (daftar_time_shift_for_hour (h), ==, a->shift);
            noted[r][h] = TRUE;
          }
    }

  for (guint r = 0; r < 7; r++)
    for (guint h = 0; h < 24; h++)
      {
        const DaftarStaffingHour *x = grid[r][h];

        if (x == NULL || x->shortfall <= 0)
          g_assert_true (advised[r][h] == 0 && !noted[r][h]);
        else if (is_evidence (x->evidence))
          g_assert_cmpint (advised[r][h], ==, x->shortfall);
        else
          g_assert_true ((advised[r][h] > 0) != noted[r][h]);
      }
}

/* Random weeks: open hours 7 to 19 from Saturday to Thursday, a shortfall
 * of 0 to 3 counters and any kind of evidence, at 1 to 3 of the office's 3
 * counters open and a max_counters of 5: every step of the chain. */
static void
test_random_weeks (void)
{
  static const DaftarStaffingEvidence kinds[] = {
    DAFTAR_STAFFING_EVIDENCE_OBSERVED, DAFTAR_STAFFING_EVIDENCE_MODEL,
    DAFTAR_STAFFING_EVIDENCE_OVERLOAD_NOT_SEEN, DAFTAR_STAFFING_EVIDENCE_OVERSTATED,
    DAFTAR_STAFFING_EVIDENCE_UNCHECKED,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1405);
  guint cells = 0, rows = 0, steps[DAFTAR_N_STAFFING_STEPS] = { 0 };

  for (guint week = 0; week < 400; week++)
    {
      g_autoptr(DaftarStaffing) s = week_new ();
      /* Some weeks are mostly one kind, so that long runs happen. */
      double busy = g_rand_double (rand);
      guint dominant = g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds));
      /* Half the weeks run every counter, so that long runs of one step
       * happen too. */
      gboolean ragged = g_rand_boolean (rand);

      s->max_counters = 5;

      for (guint r = 0; r < 6; r++)
        for (guint h = 7; h < 20; h++)
          {
            int shortfall = 0;
            DaftarStaffingEvidence kind;

            if (g_rand_double (rand) < 0.1)
              continue;
            if (g_rand_double (rand) < busy)
              shortfall = g_rand_double (rand) < 0.7 ? 1 : g_rand_int_range (rand, 2, 4);
            kind = g_rand_double (rand) < 0.6 ? kinds[dominant] : kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))];
            add_hour_at (s, r, h, shortfall, kind, ragged ? (guint) g_rand_int_range (rand, 1, 4) : 3);
            cells += shortfall > 0 && is_evidence (kind);
          }
      daftar_staffing_fill_advice (s);
      check_rows (s);
      rows += s->advice->len;
      for (guint i = 0; i < s->advice->len; i++)
        steps[g_array_index (s->advice, DaftarStaffingAdvice, i).step]++;
    }
  /* Merging merges, even weeks this ragged. */
  g_test_message ("%u hours with evidence in %u rows", cells, rows);
  g_assert_cmpuint (rows, <, cells);
  for (guint i = 0; i < DAFTAR_N_STAFFING_STEPS; i++)
    g_assert_cmpuint (steps[i], >, 0);
}

/* The example of the issue: one counter short at 9 and 10 from Saturday to
 * Wednesday is one row, not ten. */
static void
test_one_row (void)
{
  g_autoptr(DaftarStaffing) s = week_new ();
  const DaftarStaffingAdvice *a;
  g_autofree char *text = NULL;

  for (guint r = 0; r < 5; r++)
    for (guint h = 8; h < 13; h++)
      add_hour (s, r, h, h == 9 || h == 10, DAFTAR_STAFFING_EVIDENCE_OBSERVED);
  daftar_staffing_fill_advice (s);
  check_rows (s);
  g_assert_cmpuint (s->advice->len, ==, 1);
  g_assert_cmpuint (s->model_notes->len, ==, 0);
  a = &g_array_index (s->advice, DaftarStaffingAdvice, 0);
  g_assert_cmpint (a->first_weekday, ==, G_DATE_SATURDAY);
  g_assert_cmpint (a->last_weekday, ==, G_DATE_WEDNESDAY);
  g_assert_cmpuint (a->from_hour, ==, 9);
  g_assert_cmpuint (a->to_hour, ==, 11);
  g_assert_cmpuint (a->n_hours, ==, 10);
  text = daftar_staffing_advice_text (a);
  g_assert_cmpstr (text, ==, "Saturday to Wednesday, 9 to 11: add one counter");

  daftar_i18n_force ("fa");
  daftar_i18n_init ();
  g_clear_pointer (&text, g_free);
  text = daftar_staffing_advice_text (a);
  g_assert_cmpstr (text, ==, "شنبه تا چهارشنبه، ساعت ۹ تا ۱۱: یک باجه اضافه کنید");
  daftar_i18n_force ("en");
  daftar_i18n_init ();
}

/* The report's cases: the hourly average overloads the model but clients
 * waited 7 minutes; the model says 19 minutes where 6 were seen. Alone,
 * neither is advised on, and neither is said to grow without end; beside
 * hours whose waits did run long, each joins their row and the row says
 * it rests partly on the model. */
static void
test_model_alone (void)
{
  g_autoptr(DaftarStaffing) alone = week_new ();
  g_autoptr(DaftarStaffing) beside = week_new ();
  const DaftarStaffingAdvice *a;

  add_hour (alone, 0, 16, 1, DAFTAR_STAFFING_EVIDENCE_OVERLOAD_NOT_SEEN);
  add_hour (alone, 1, 9, 1, DAFTAR_STAFFING_EVIDENCE_OVERSTATED);
  add_hour (alone, 2, 9, 1, DAFTAR_STAFFING_EVIDENCE_OVERSTATED);
  daftar_staffing_fill_advice (alone);
  check_rows (alone);
  g_assert_cmpuint (alone->advice->len, ==, 0);
  g_assert_cmpuint (alone->model_notes->len, ==, 2);
  for (guint i = 0; i < alone->model_notes->len; i++)
    {
      g_autofree char *title = NULL, *reason = NULL, *check = NULL;

      a = &g_array_index (alone->model_notes, DaftarStaffingAdvice, i);
      title = daftar_staffing_advice_text (a);
      reason = daftar_staffing_reason_text (alone, a);
      check = daftar_staffing_model_check_text (a);
      g_test_message ("%s / %s / %s", title, reason, check);
      g_assert_nonnull (strstr (title, "no counter advised"));
      g_assert_null (strstr (check, "keeps growing"));
      g_assert_cmpint (a->fit, ==, DAFTAR_STAFFING_FIT_OVERSTATES);
      g_assert_nonnull (strstr (check, "far more than was seen"));
      if (a->evidence == DAFTAR_STAFFING_EVIDENCE_OVERLOAD_NOT_SEEN)
        {
          g_assert_nonnull (strstr (reason, "7 min"));
          g_assert_nonnull (strstr (reason, "rush"));
        }
      else
        {
          /* Sunday and Monday at 9, one note. */
          g_assert_cmpint (a->evidence, ==, DAFTAR_STAFFING_EVIDENCE_OVERSTATED);
          g_assert_cmpint (a->first_weekday, ==, G_DATE_SUNDAY);
          g_assert_cmpint (a->last_weekday, ==, G_DATE_MONDAY);
          g_assert_nonnull (strstr (reason, "19 min"));
          g_assert_nonnull (strstr (reason, "6 min"));
        }
    }

  /* Saturday 16 between two long-waited hours; Saturday 18 overstated, next
   * only to 17: the row takes 16 (2 with evidence, 1 without) but 18 would
   * bring the count of those without to 2 of 4, still allowed, so the row
   * is 15 to 19 and says two hours rest on the model alone. */
  add_hour (beside, 0, 15, 1, DAFTAR_STAFFING_EVIDENCE_OBSERVED);
  add_hour (beside, 0, 16, 1, DAFTAR_STAFFING_EVIDENCE_OVERLOAD_NOT_SEEN);
  add_hour (beside, 0, 17, 1, DAFTAR_STAFFING_EVIDENCE_OBSERVED);
  add_hour (beside, 0, 18, 2, DAFTAR_STAFFING_EVIDENCE_OVERSTATED);
  /* One without evidence is never a row of its own, even at the end of one
   * with evidence of another count. */
  add_hour (beside, 1, 9, 2, DAFTAR_STAFFING_EVIDENCE_MODEL);
  add_hour (beside, 1, 10, 1, DAFTAR_STAFFING_EVIDENCE_OVERLOAD_NOT_SEEN);
  daftar_staffing_fill_advice (beside);
  check_rows (beside);
  g_assert_cmpuint (beside->advice->len, ==, 2);
  a = &g_array_index (beside->advice, DaftarStaffingAdvice, 0);
  g_assert_cmpuint (a->from_hour, ==, 15);
  g_assert_cmpuint (a->to_hour, ==, 19);
  g_assert_cmpuint (a->n_unconfirmed, ==, 2);
  {
    g_autofree char *reason = daftar_staffing_reason_text (beside, a);

    g_test_message ("%s", reason);
    g_assert_nonnull (strstr (reason, "2 of these 4 hours"));
    g_assert_nonnull (strstr (reason, "2 of these hours rest on the model alone"));
  }
  a = &g_array_index (beside->advice, DaftarStaffingAdvice, 1);
  g_assert_cmpuint (a->from_hour, ==, 9);
  g_assert_cmpuint (a->to_hour, ==, 10);
  g_assert_cmpint (a->add_counters, ==, 2);
  g_assert_cmpuint (beside->model_notes->len, ==, 1);
}

int
main (int argc, char **argv)
{
  daftar_i18n_force ("en");
  daftar_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/staffing-advice/random-weeks", test_random_weeks);
  g_test_add_func ("/staffing-advice/one-row", test_one_row);
  g_test_add_func ("/staffing-advice/model-alone", test_model_alone);
  return g_test_run ();
}
