/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-care-naive.c: every client-care rollup and figure against a naive recomputation — plain loops over the base tables, written apart from daftar-care*.c — on generated offices. */
#include "config.h"

#include "test-care-common.h"

static gboolean
is_morning (gint64 t)
{
  return daftar_time_local_hour (t) < 14;
}

static gint64
midnight_of (gint64 t)
{
  GDate date;

  daftar_time_local_date (t, &date);
  return daftar_time_day_start (&date);
}

/* The definition word for word: called_at, else the end of its shift. */
static gint64
wait_end (const NTicket *t)
{
  GDate next;

  if (t->called >= 0)
    return t->called;
  if (is_morning (t->issued))
    return midnight_of (t->issued) + 14 * 3600;
  daftar_time_local_date (t->issued, &next);
  g_date_add_days (&next, 1);
  return daftar_time_day_start (&next);
}

static gboolean
waiting_at (const NTicket *t,
            gint64         at)
{
  return t->issued <= at && at < wait_end (t);
}

static char *
day_of (gint64 t)
{
  char day[11];

  daftar_time_local_day (t, day);
  return g_strdup (day);
}

static void
check_out_of_turn (DaftarDb *db,
                   Base     *base)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) instances = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *want_groups = NULL, *got_groups = NULL, *want_instances = NULL, *got_instances = NULL;
  gint64 out_of_turn = 0;

  for (guint i = 0; i < base->tickets->len; i++)
    {
      const NTicket *t = &g_array_index (base->tickets, NTicket, i);
      gint64 jumped = 0, first_issued = G_MAXINT64;
      const char *day = t->day;

      if (t->called < 0)
        continue;
      for (guint j = 0; j < base->tickets->len; j++)
        {
          const NTicket *u = &g_array_index (base->tickets, NTicket, j);

          if (g_str_equal (u->office, t->office) && g_str_equal (u->service, t->service) &&
              u->issued < t->issued && waiting_at (u, t->called))
            {
              jumped++;
              first_issued = MIN (first_issued, u->issued);
            }
        }
      add3 (groups, g_strdup_printf ("%s|%s|%s|%s|%d|%s", t->office, day, is_morning (t->issued) ? "morning" : "evening",
                                     t->service, t->counter, t->staff),
            1, jumped > 0, jumped, TRUE);
      if (jumped > 0)
        {
          out_of_turn++;
          g_hash_table_insert (instances, g_strdup_printf ("%s|%s", t->office, t->id),
                               g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, jumped, t->called - first_issued));
        }
    }
  want_groups = sorted_text (groups);
  got_groups = rows_text (db, "SELECT office_code, day, shift, service, counter, staff_id, called, out_of_turn, jumped "
                              "FROM daily_out_of_turn");
  assert_same_rows ("daily_out_of_turn", got_groups, want_groups);
  want_instances = sorted_text (instances);
  got_instances = rows_text (db, "SELECT office_code, ticket_id, jumped, first_waited_s FROM out_of_turn_tickets");
  assert_same_rows ("out_of_turn_tickets", got_instances, want_instances);
  /* Not trivial: some out of turn, some not (random waits call many out
   * of turn: the demo's are rarer). */
  g_assert_cmpint (out_of_turn, >, 5);
  g_assert_cmpint (out_of_turn, <, (gint64) base->tickets->len * 2 / 3);
}

/* The waiting count of @office at @at, ticket by ticket. */
static gint64
w_at (Base       *base,
      const char *office,
      gint64      at)
{
  gint64 w = 0;

  for (guint i = 0; i < base->tickets->len; i++)
    {
      const NTicket *t = &g_array_index (base->tickets, NTicket, i);
      w += g_str_equal (t->office, office) && waiting_at (t, at);
    }
  return w;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

/* w is constant between consecutive times at which a ticket starts or
 * stops waiting: evaluate it at each, and at each hour's start. */
static void
check_crowding (DaftarDb *db,
                Base     *base)
{
  g_autoptr(GHashTable) hours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *want = NULL, *got = NULL;
  const char *offices[] = { "GEN-A", "GEN-B" };
  gint64 most = 0;

  for (guint o = 0; o < G_N_ELEMENTS (offices); o++)
    for (int d = 0; d < 4; d++)
      {
        g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
        GDate date;
        gint64 midnight;

        g_date_set_dmy (&date, 24 + d, 10, 2026);
        midnight = daftar_time_day_start (&date);
        for (int h = 0; h <= 24; h++)
          {
            gint64 t = midnight + h * 3600;
            g_array_append_val (times, t);
          }
        for (guint i = 0; i < base->tickets->len; i++)
          {
            const NTicket *t = &g_array_index (base->tickets, NTicket, i);
            gint64 end = wait_end (t);

            g_array_append_val (times, t->issued);
            g_array_append_val (times, end);
          }
        g_array_sort (times, compare_times);
        for (int h = 0; h < 24; h++)
          {
            gint64 from = midnight + h * 3600, to = from + 3600, peak = 0, area = 0;

            for (guint i = 0; i + 1 < times->len; i++)
              {
                gint64 a = g_array_index (times, gint64, i), b = g_array_index (times, gint64, i + 1);
                gint64 w;

                if (a < from || a >= to || a == b)
                  continue;
                w = w_at (base, offices[o], a);
                peak = MAX (peak, w);
                area += w * (MIN (b, to) - a);
              }
            if (peak > 0)
              {
                char day[11];

                daftar_time_format_day (&date, day);
                g_hash_table_insert (hours, g_strdup_printf ("%s|%s|%d", offices[o], day, h),
                                     g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, peak, area));
                most = MAX (most, peak);
              }
          }
      }
  want = sorted_text (hours);
  got = rows_text (db, "SELECT office_code, day, hour, peak, area_s FROM hourly_waiting");
  assert_same_rows ("hourly_waiting", got, want);
  g_assert_cmpint (most, >, 3);
}

/* Per counter and shift, at each time anything changes. */
static void
check_idle (DaftarDb *db,
            Base     *base)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *want = NULL, *got = NULL;
  const char *offices[] = { "GEN-A", "GEN-B" };
  gint64 idle_total = 0;

  for (guint o = 0; o < G_N_ELEMENTS (offices); o++)
    for (int d = 0; d < 4; d++)
      for (int morning = 0; morning < 2; morning++)
        for (int counter = 1; counter <= 4; counter++)
          {
            g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
            gboolean served[G_N_ELEMENTS (services)] = { FALSE };
            gint64 open_from = G_MAXINT64, open_to = -1;
            GDate date;
            char day[11];

            g_date_set_dmy (&date, 24 + d, 10, 2026);
            daftar_time_format_day (&date, day);
            for (guint i = 0; i < base->tickets->len; i++)
              {
                const NTicket *t = &g_array_index (base->tickets, NTicket, i);
                const char *tday = t->day;

                g_array_append_val (times, t->issued);
                g_array_append_val (times, t->called);
                g_array_append_val (times, t->finished);
                {
                  gint64 end = wait_end (t);
                  g_array_append_val (times, end);
                }
                if (!g_str_equal (t->office, offices[o]) || !g_str_equal (tday, day) ||
                    is_morning (t->issued) != morning || t->counter != counter || t->called < 0)
                  continue;
                open_from = MIN (open_from, t->called);
                if (t->finished >= 0)
                  open_to = MAX (open_to, t->finished);
                if (g_str_equal (t->outcome, "served"))
                  for (guint s = 0; s < G_N_ELEMENTS (services); s++)
                    served[s] |= g_str_equal (services[s], t->service);
              }
            if (open_to < open_from)
              continue;
            g_array_sort (times, compare_times);
            for (guint i = 0; i + 1 < times->len; i++)
              {
                gint64 a = MAX (g_array_index (times, gint64, i), open_from);
                gint64 b = MIN (g_array_index (times, gint64, i + 1), open_to);
                const NTicket *at_counter = NULL;
                gboolean serving = FALSE, waiting = FALSE;

                if (a >= b)
                  continue;
                for (guint j = 0; j < base->tickets->len; j++)
                  {
                    const NTicket *t = &g_array_index (base->tickets, NTicket, j);
                    const char *tday = t->day;
                    gboolean ours = g_str_equal (t->office, offices[o]) && g_str_equal (tday, day) &&
                                    is_morning (t->issued) == morning && t->counter == counter && t->called >= 0;

                    if (ours && t->called <= a &&
                        (at_counter == NULL || t->called > at_counter->called ||
                         (t->called == at_counter->called && strcmp (t->id, at_counter->id) > 0)))
                      at_counter = t;
                    if (ours && t->finished >= 0 && t->called <= a && a < t->finished)
                      serving = TRUE;
                    if (g_str_equal (t->office, offices[o]) && waiting_at (t, a))
                      for (guint s = 0; s < G_N_ELEMENTS (services); s++)
                        waiting |= served[s] && g_str_equal (services[s], t->service);
                  }
                g_assert_nonnull (at_counter);
                add3 (rows, g_strdup_printf ("%s|%s|%s|%d|%s", offices[o], day, morning ? "morning" : "evening",
                                             counter, at_counter->staff),
                      b - a, !serving && waiting ? b - a : 0, 0, FALSE);
                idle_total += !serving && waiting ? b - a : 0;
              }
          }
  want = sorted_text (rows);
  got = rows_text (db, "SELECT office_code, day, shift, counter, staff_id, open_s, idle_s FROM daily_idle");
  assert_same_rows ("daily_idle", got, want);
  g_assert_cmpint (idle_total, >, 0);
}

static void
check_ratings (DaftarDb *db,
               Base     *base)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *want = NULL, *got = NULL;

  for (guint i = 0; i < base->ratings->len; i++)
    {
      const NRating *r = &g_array_index (base->ratings, NRating, i);
      const NTicket *ticket = NULL;
      g_autofree char *day = day_of (r->submitted);
      int band = -1;

      for (guint j = 0; r->ticket_id != NULL && j < base->tickets->len; j++)
        {
          const NTicket *t = &g_array_index (base->tickets, NTicket, j);
          if (g_str_equal (t->id, r->ticket_id) && g_str_equal (t->office, r->office))
            ticket = t;
        }
      if (ticket != NULL && ticket->called >= 0)
        {
          gint64 minutes_x60 = ticket->called - ticket->issued;
          band = minutes_x60 < 5 * 60 ? 0 : minutes_x60 < 15 * 60 ? 1 : minutes_x60 < 30 * 60 ? 2 : 3;
        }
      add3 (rows, g_strdup_printf ("%s|%s|%s|%d|%d", r->office, day, ticket != NULL ? ticket->staff : "", band, r->rating),
            1, 0, 0, FALSE);
    }
  /* add3 keeps two numbers: drop the second. */
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, rows);
    while (g_hash_table_iter_next (&iter, &key, &value))
      *strchr (value, '|') = '\0';
  }
  want = sorted_text (rows);
  got = rows_text (db, "SELECT office_code, day, staff_id, wait_band, rating, n FROM daily_feedback");
  assert_same_rows ("daily_feedback", got, want);
}

/* The period's figures from the query against sums of the base tables. */
static void
check_figures (DaftarDb *db,
               Base     *base)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarCareFigures) figures = NULL;
  GDate from, to;
  gint64 served = 0, rated = 0, rating_sum = 0, open_days[7] = { 0 }, over[7][24] = { { 0 } };
  gint64 seats = 4, days_over_before = -1;

  g_date_set_dmy (&from, 24, 10, 2026);
  g_date_set_dmy (&to, 27, 10, 2026);
  figures = daftar_care_query (db, NULL, &from, &to, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < base->tickets->len; i++)
    served += g_str_equal (g_array_index (base->tickets, NTicket, i).outcome, "served");
  for (guint i = 0; i < base->ratings->len; i++)
    {
      const NRating *r = &g_array_index (base->ratings, NRating, i);
      g_autofree char *day = day_of (r->submitted);

      if (strcmp (day, "2026-10-27") <= 0)
        rated++, rating_sum += r->rating;
    }
  g_assert_cmpint (figures->satisfaction.served, ==, served);
  g_assert_cmpint (figures->satisfaction.n, ==, rated);
  g_assert_cmpfloat_with_epsilon (figures->satisfaction.mean, (double) rating_sum / rated, 1e-12);
  g_assert_cmpfloat_with_epsilon (figures->satisfaction.response_rate, (double) rated / served, 1e-12);
  g_assert_cmpuint (figures->low_ratings->len, ==, 0);

  /* Days over the seats, from the hour's peak as w at every time. */
  for (guint o = 0; o < 2; o++)
    for (int d = 0; d < 4; d++)
      {
        GDate date;
        gint64 midnight;
        int row;

        g_date_set_dmy (&date, 24 + d, 10, 2026);
        midnight = daftar_time_day_start (&date);
        row = (g_date_get_weekday (&date) + 1) % 7;   /* G_DATE_SATURDAY is 6 */
        open_days[row]++;
        for (int h = 0; h < 24; h++)
          {
            gint64 peak = 0;

            for (guint i = 0; i < base->tickets->len; i++)
              {
                const NTicket *t = &g_array_index (base->tickets, NTicket, i);
                const char *office = o == 0 ? "GEN-A" : "GEN-B";

                if (!g_str_equal (t->office, office))
                  continue;
                if (t->issued >= midnight + h * 3600 && t->issued < midnight + (h + 1) * 3600)
                  peak = MAX (peak, w_at (base, office, t->issued));
              }
            peak = MAX (peak, w_at (base, o == 0 ? "GEN-A" : "GEN-B", midnight + h * 3600));
            over[row][h] += peak > seats;
          }
      }
  /* Every office together: counted down the peak index while the seats
   * asked are not the standard, then by the rollups once they are. */
  for (int in_force = 0; in_force < 2; in_force++)
    {
      DaftarCrowdingFigures crowding;
      gint64 all_over = 0;

      if (in_force)
        set_seats_by_feed (db, "GEN-A", (int) seats);
      g_assert_true (daftar_care_query_crowding (db, NULL, &from, &to, seats, &crowding, &error));
      for (int r = 0; r < 7; r++)
        for (int h = 0; h < 24; h++)
          {
            g_assert_cmpint (crowding.cells[r][h].days, ==, open_days[r]);
            g_assert_cmpint (crowding.cells[r][h].days_over, ==, over[r][h]);
            all_over += over[r][h];
          }
      g_assert_cmpint (all_over, >, 0);
      g_assert_cmpint (crowding.days_over, >, 0);
      if (in_force)
        g_assert_cmpint (crowding.days_over, ==, days_over_before);
      days_over_before = crowding.days_over;
    }
}

static void
test_generated (void)
{
  g_autofree char *dir = NULL;
  DaftarDb *db = daftar_test_db_new (&dir);
  Base base = { 0 };

  generate (db, 15, 4, 1, 40, 90);
  base_read (db, &base);
  g_assert_cmpuint (base.tickets->len, >, 300);
  check_out_of_turn (db, &base);
  check_crowding (db, &base);
  check_idle (db, &base);
  check_ratings (db, &base);
  check_figures (db, &base);

  g_array_unref (base.tickets);
  g_array_unref (base.ratings);
  daftar_db_close (db);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/care-naive/generated", test_generated);
  return g_test_run ();
}
