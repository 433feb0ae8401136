/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-staffing-what-if.c: the staffing what-if over the demo office's weeks — finite headlines, monotonic in counters, service time and arrivals, and in step with the advice. */
#include "config.h"

#include <math.h>

#include "daftar-demo.h"
#include "daftar-staffing.h"
#include "daftar-test-util.h"
#include "daftar-time.h"

/* Rounding in the sums of a few hundred hours, nothing more. */
#define SLACK 1e-9

typedef struct
{
  DaftarStaffingWeekProjection p;
  gboolean                     set;
} Previous;

static void
project (const DaftarStaffing *s, const DaftarStaffingWhatIf *w, DaftarStaffingWeekProjection *p)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (daftar_staffing_project (s, w, p, &error));
  g_assert_no_error (error);
  /* Every headline is a number: one overloaded hour no longer makes the
   * week's wait "the queue keeps growing" at 53% occupancy. */
  g_assert_true (isfinite (p->service_level));
  g_assert_true (isfinite (p->mean_wait_s));
  g_assert_true (isfinite (p->occupancy));
  g_assert_cmpfloat (p->mean_wait_s, <=, DAFTAR_STAFFING_WAIT_CAP_S);
  g_assert_cmpfloat (p->occupancy, <=, 1 + SLACK);
  g_assert_cmpuint (p->n_overloaded, <=, p->n_open);
}

/* @better: the what-if got more counters, or less load; the week's and
 * each hour's figures may not get worse (or better, when not @better). */
static void
check_step (Previous *prev, const DaftarStaffingWeekProjection *p, gboolean better)
{
  if (prev->set)
    {
      const DaftarStaffingWeekProjection *a = better ? &prev->p : p, *b = better ? p : &prev->p;

      g_assert_cmpfloat (b->service_level, >=, a->service_level - SLACK);
      g_assert_cmpfloat (b->mean_wait_s, <=, a->mean_wait_s + SLACK);
      g_assert_cmpuint (b->n_overloaded, <=, a->n_overloaded);
      for (guint r = 0; r < 7; r++)
        for (guint h = 0; h < 24; h++)
          if (a->cells[r][h].open)
            {
              g_assert_cmpfloat (b->cells[r][h].service_level, >=, a->cells[r][h].service_level - SLACK);
              g_assert_cmpfloat (MIN (b->cells[r][h].mean_wait_s, G_MAXDOUBLE), <=,
                                 MIN (a->cells[r][h].mean_wait_s, G_MAXDOUBLE) * (1 + SLACK) + SLACK);
            }
    }
  prev->p = *p;
  prev->set = TRUE;
}

static void
check_week (const DaftarStaffing *s)
{
  DaftarStaffingWhatIf base, w;
  DaftarStaffingWeekProjection p;
  Previous prev = { 0 };

  daftar_staffing_what_if_default (s, &base);

  /* At rest the what-if runs every hour as the advice saw it. */
  project (s, &base, &p);
  for (guint i = 0; i < s->hours->len; i++)
    {
      const DaftarStaffingHour *h = &g_array_index (s->hours, DaftarStaffingHour, i);
      const DaftarStaffingProjection *cell = &p.cells[daftar_staffing_weekday_row (h->weekday)][h->hour];

      if (isnan (h->mean_service_s))
        continue;
      g_assert_cmpuint (cell->counters, ==, h->counters_typical);
      g_assert_cmpfloat_with_epsilon (cell->service_level, h->predicted_service_level, 1e-12);
      if (isfinite (h->predicted_wait_s))
        g_assert_cmpfloat_with_epsilon (cell->mean_wait_s, h->predicted_wait_s, 1e-9);
      else
        g_assert_false (cell->stable);
    }

  /* Counters, one shift at a time, from one to four past the usual. */
  for (int shift = 0; shift < 2; shift++)
    {
      prev.set = FALSE;
      for (guint n = 1; n <= (shift ? base.evening_counters : base.morning_counters) + 4; n++)
        {
          w = base;
          if (shift)
            w.evening_counters = n;
          else
            w.morning_counters = n;
          project (s, &w, &p);
          check_step (&prev, &p, TRUE);
        }
    }

  /* Service time and arrivals from half to twice what was seen. */
  for (int which = 0; which < 2; which++)
    {
      prev.set = FALSE;
      for (guint k = 5; k <= 20; k++)
        {
          w = base;
          if (which)
            w.arrivals_factor = k / 10.0;
          else
            w.service_time_factor = k / 10.0;
          project (s, &w, &p);
          check_step (&prev, &p, FALSE);
        }
    }

  /* The advice, row after row: each can only help, and all of it meets
   * the standards at every hour with evidence it could be met at. */
  prev.set = FALSE;
  w = base;
  project (s, &w, &p);
  check_step (&prev, &p, TRUE);
  for (guint i = 0; i < s->advice->len; i++)
    {
      daftar_staffing_what_if_apply (s, &g_array_index (s->advice, DaftarStaffingAdvice, i), TRUE, &w);
      project (s, &w, &p);
      check_step (&prev, &p, TRUE);
    }
  for (guint i = 0; i < s->hours->len; i++)
    {
      const DaftarStaffingHour *h = &g_array_index (s->hours, DaftarStaffingHour, i);
      const DaftarStaffingProjection *cell = &p.cells[daftar_staffing_weekday_row (h->weekday)][h->hour];

      if (h->evidence != DAFTAR_STAFFING_EVIDENCE_OBSERVED && h->evidence != DAFTAR_STAFFING_EVIDENCE_MODEL)
        continue;
      g_assert_cmpuint (cell->counters, ==, h->counters_needed);
      if (h->counters_needed > s->max_counters + DAFTAR_STAFFING_SEARCH_MARGIN)
        continue;   /* beyond the search: no count meets the standards */
      g_assert_cmpfloat (cell->service_level, >=, s->standards.target_service_level - SLACK);
      g_assert_cmpfloat (cell->occupancy, <=, s->standards.occupancy_cap + SLACK);
    }
  /* Taken back, the what-if is where it started. */
  for (guint i = 0; i < s->advice->len; i++)
    daftar_staffing_what_if_apply (s, &g_array_index (s->advice, DaftarStaffingAdvice, i), FALSE, &w);
  {
    DaftarStaffingWeekProjection again;

    project (s, &w, &again);
    project (s, &base, &p);
    g_assert_cmpfloat (again.mean_wait_s, ==, p.mean_wait_s);
    g_assert_cmpfloat (again.service_level, ==, p.service_level);
  }
}

/* Every week of a demo office over two months, and the usual four-week
 * windows: the demo runs evenings on one counter some weeks, so windows
 * with overloaded hours are among them. */
static void
test_demo_weeks (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  DaftarDb *db = daftar_test_db_new (&dir);
  g_autoptr(DaftarDemo) demo = NULL;
  GDate last_day;
  guint overloaded_windows = 0;

  g_date_clear (&last_day, 1);
  g_date_set_dmy (&last_day, 5, G_DATE_DECEMBER, 2026);
  demo = daftar_demo_new (1405, 1, 63, &last_day);
  g_assert_true (daftar_demo_fill_database (demo, db, 2000, NULL, &error));
  g_assert_no_error (error);

  for (guint k = 0; k < 9; k++)
    for (guint weeks = 1; weeks <= 4; weeks += 3)
      {
        g_autoptr(DaftarStaffing) s = NULL;
        DaftarStaffingWhatIf w;
        DaftarStaffingWeekProjection p;
        GDate to = last_day;

        g_date_subtract_days (&to, 7 * k);
        if (weeks == 4 && k > 5)
          continue;
        s = daftar_staffing_compute (db, NULL, &to, weeks, 0, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (s->hours->len, >, 0);
        daftar_staffing_what_if_default (s, &w);
        project (s, &w, &p);
        overloaded_windows += p.n_overloaded > 0;
        check_week (s);
      }
  /* The case that made the headline infinite was among them. */
  g_assert_cmpuint (overloaded_windows, >, 0);

  daftar_db_close (db);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/staffing-what-if/demo-weeks", test_demo_weeks);
  return g_test_run ();
}
