/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-care-levels.c: the client-care figures of a long period, read from the monthly and yearly rollups, against the sum of its days read from the daily ones, and every office together against the offices summed. */
#include "config.h"

#include "test-care-common.h"

/* Adds @b's rows to @a by key: the figures of single days summed. */
typedef struct
{
  DaftarOutOfTurnFigures out_of_turn;
  DaftarCrowdingFigures  crowding;
  gint64                 peak_sum[DAFTAR_CARE_N_WEEKDAYS][DAFTAR_CARE_N_HOURS];
  double                 area_sum[DAFTAR_CARE_N_WEEKDAYS][DAFTAR_CARE_N_HOURS];
  GHashTable            *staff_turn;     /* staff id → "called|out|jumped" */
  GHashTable            *counter_turn;
  GHashTable            *counter_idle;   /* "counter|shift" → "shifts|open|idle" */
  GHashTable            *staff_idle;
  GHashTable            *staff_ratings;  /* staff id → "n|0" */
  gint64                 ratings[DAFTAR_RATING_MAX + 1];
  gint64                 bands[DAFTAR_N_WAIT_BANDS];
  gint64                 served;
} Sums;

static void
sums_add (Sums                      *sums,
          const DaftarCareFigures   *f)
{
  const DaftarOutOfTurnFigures *t = &f->out_of_turn;

  sums->out_of_turn.total.called += t->total.called;
  sums->out_of_turn.total.out_of_turn += t->total.out_of_turn;
  sums->out_of_turn.total.jumped += t->total.jumped;
  for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
    sums->out_of_turn.by_shift[s].out_of_turn += t->by_shift[s].out_of_turn;
  for (guint k = 0; k < DAFTAR_N_CASE_KINDS; k++)
    sums->out_of_turn.by_service[k].called += t->by_service[k].called;
  for (guint i = 0; i < t->by_staff->len; i++)
    {
      const DaftarOutOfTurnGroup *g = g_ptr_array_index (t->by_staff, i);
      add3 (sums->staff_turn, g_strdup (g->staff_id), g->count.called, g->count.out_of_turn, g->count.jumped, TRUE);
    }
  for (guint i = 0; i < t->by_counter->len; i++)
    {
      const DaftarOutOfTurnGroup *g = g_ptr_array_index (t->by_counter, i);
      add3 (sums->counter_turn, g_strdup_printf ("%d", g->counter), g->count.called, g->count.out_of_turn,
            g->count.jumped, TRUE);
    }
  for (int r = 0; r < DAFTAR_CARE_N_WEEKDAYS; r++)
    for (int h = 0; h < DAFTAR_CARE_N_HOURS; h++)
      {
        const DaftarCrowdingCell *c = &f->crowding.cells[r][h];
        DaftarCrowdingCell *sum = &sums->crowding.cells[r][h];

        sum->days += c->days;
        sum->days_over += c->days_over;
        sum->peak_max = MAX (sum->peak_max, c->peak_max);
        if (c->days > 0)
          {
            sums->peak_sum[r][h] += llround (c->peak_mean * c->days);
            sums->area_sum[r][h] += c->mean_waiting * c->days;
          }
      }
  sums->crowding.days += f->crowding.days;
  sums->crowding.days_over += f->crowding.days_over;
  sums->crowding.peak = MAX (sums->crowding.peak, f->crowding.peak);
  for (guint i = 0; i < f->idle.by_counter->len; i++)
    {
      const DaftarIdleRow *row = g_ptr_array_index (f->idle.by_counter, i);
      add3 (sums->counter_idle, g_strdup_printf ("%d|%d", row->counter, row->shift), row->shifts, row->open_s,
            row->idle_s, TRUE);
    }
  for (guint i = 0; i < f->idle.by_staff->len; i++)
    {
      const DaftarIdleRow *row = g_ptr_array_index (f->idle.by_staff, i);
      add3 (sums->staff_idle, g_strdup_printf ("%s|%d", row->staff_id, row->shift), row->shifts, row->open_s,
            row->idle_s, TRUE);
    }
  for (guint i = 0; i < f->satisfaction.by_staff->len; i++)
    {
      const DaftarRatingGroup *g = g_ptr_array_index (f->satisfaction.by_staff, i);
      add3 (sums->staff_ratings, g_strdup (g->staff_id), g->n, 0, 0, FALSE);
    }
  for (int r = DAFTAR_RATING_MIN; r <= DAFTAR_RATING_MAX; r++)
    sums->ratings[r] += f->satisfaction.by_rating[r];
  for (guint b = 0; b < DAFTAR_N_WAIT_BANDS; b++)
    sums->bands[b] += f->satisfaction.by_wait_band[b].n;
  sums->served += f->satisfaction.served;
}

static void
sums_init (Sums *sums)
{
  memset (sums, 0, sizeof *sums);
  sums->staff_turn = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sums->counter_turn = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sums->counter_idle = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sums->staff_idle = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sums->staff_ratings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
sums_clear (Sums *sums)
{
  g_hash_table_unref (sums->staff_turn);
  g_hash_table_unref (sums->counter_turn);
  g_hash_table_unref (sums->counter_idle);
  g_hash_table_unref (sums->staff_idle);
  g_hash_table_unref (sums->staff_ratings);
}

static void
assert_same_sums (Sums *a,
                  Sums *b)
{
  g_assert_cmpint (a->out_of_turn.total.called, ==, b->out_of_turn.total.called);
  g_assert_cmpint (a->out_of_turn.total.out_of_turn, ==, b->out_of_turn.total.out_of_turn);
  g_assert_cmpint (a->out_of_turn.total.jumped, ==, b->out_of_turn.total.jumped);
  for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
    g_assert_cmpint (a->out_of_turn.by_shift[s].out_of_turn, ==, b->out_of_turn.by_shift[s].out_of_turn);
  for (guint k = 0; k < DAFTAR_N_CASE_KINDS; k++)
    g_assert_cmpint (a->out_of_turn.by_service[k].called, ==, b->out_of_turn.by_service[k].called);
  for (int r = 0; r < DAFTAR_CARE_N_WEEKDAYS; r++)
    for (int h = 0; h < DAFTAR_CARE_N_HOURS; h++)
      {
        g_assert_cmpint (a->crowding.cells[r][h].days, ==, b->crowding.cells[r][h].days);
        g_assert_cmpint (a->crowding.cells[r][h].days_over, ==, b->crowding.cells[r][h].days_over);
        g_assert_cmpint (a->crowding.cells[r][h].peak_max, ==, b->crowding.cells[r][h].peak_max);
        g_assert_cmpint (a->peak_sum[r][h], ==, b->peak_sum[r][h]);
        g_assert_cmpfloat_with_epsilon (a->area_sum[r][h], b->area_sum[r][h], 1e-6);
      }
  g_assert_cmpint (a->crowding.days, ==, b->crowding.days);
  g_assert_cmpint (a->crowding.days_over, ==, b->crowding.days_over);
  g_assert_cmpint (a->crowding.peak, ==, b->crowding.peak);
  {
    g_autofree char *x = sorted_text (a->staff_turn), *y = sorted_text (b->staff_turn);
    assert_same_rows ("out of turn by staff", x, y);
  }
  {
    g_autofree char *x = sorted_text (a->counter_turn), *y = sorted_text (b->counter_turn);
    assert_same_rows ("out of turn by counter", x, y);
  }
  {
    g_autofree char *x = sorted_text (a->counter_idle), *y = sorted_text (b->counter_idle);
    assert_same_rows ("idle by counter", x, y);
  }
  {
    g_autofree char *x = sorted_text (a->staff_idle), *y = sorted_text (b->staff_idle);
    assert_same_rows ("idle by staff", x, y);
  }
  {
    g_autofree char *x = sorted_text (a->staff_ratings), *y = sorted_text (b->staff_ratings);
    assert_same_rows ("ratings by staff", x, y);
  }
  for (int r = DAFTAR_RATING_MIN; r <= DAFTAR_RATING_MAX; r++)
    g_assert_cmpint (a->ratings[r], ==, b->ratings[r]);
  for (guint b2 = 0; b2 < DAFTAR_N_WAIT_BANDS; b2++)
    g_assert_cmpint (a->bands[b2], ==, b->bands[b2]);
  g_assert_cmpint (a->served, ==, b->served);
}

/* A period of whole Jalali months and a whole year, read from the monthly
 * and yearly rollups, against the sum of its days read one by one from the
 * daily ones (which the test above holds to the naive count), for one
 * office and for every office. */
static void
test_months_and_years (void)
{
  g_autofree char *dir = NULL;
  DaftarDb *db = daftar_test_db_new (&dir);
  const char *offices[] = { "GEN-A", "GEN-B", NULL };
  GDate from, to;

  /* Every third day from 24 October 2026 (2 Aban 1405) for 16 months: the
   * whole year 1406 (21 March 2027 to 20 March 2028) is inside. */
  generate (db, 7, 165, 3, 10, 40);
  g_date_set_dmy (&from, 24, 10, 2026);
  g_date_set_dmy (&to, 24, 10, 2026);
  g_date_add_days (&to, 165 * 3);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM yearly_out_of_turn WHERE day = '2027-03-21'"), >, 0);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM yearly_waiting WHERE day = '2027-03-21'"), >, 0);
  /* Judge crowding by a number of seats some hours pass, sent as the
   * server sends a standard: every office together reads the crowded
   * hours its rollups counted against the seats in force. */
  set_seats_by_feed (db, "GEN-A", 3);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM monthly_waiting WHERE over_limit IS NOT 3"), ==, 0);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM network_waiting WHERE over_limit IS NOT 3"), ==, 0);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM network_open_days WHERE over_limit IS NOT 3"), ==, 0);

  for (guint o = 0; o < G_N_ELEMENTS (offices); o++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DaftarCareFigures) whole = daftar_care_query (db, offices[o], &from, &to, NULL, &error);
      Sums a, b;
      GDate day;
      gint64 seats = (gint64) whole->standards.waiting_room_seats;

      g_assert_no_error (error);
      g_assert_cmpint (seats, ==, 3);
      sums_init (&a);
      sums_init (&b);
      sums_add (&a, whole);
      for (day = from; g_date_compare (&day, &to) <= 0; g_date_add_days (&day, 1))
        {
          g_autoptr(DaftarCareFigures) one = daftar_care_query (db, offices[o], &day, &day, NULL, &error);

          g_assert_no_error (error);
          sums_add (&b, one);
        }
      g_assert_cmpint (a.crowding.days_over, >, 0);
      g_assert_cmpint (a.out_of_turn.total.out_of_turn, >, 0);
      assert_same_sums (&a, &b);
      sums_clear (&a);
      sums_clear (&b);
    }

  daftar_db_close (db);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Every office together, read from the network's rows (its days at the
 * edges, its months and years), against the offices' figures summed: over
 * a period with a whole year, with days at both edges, and of one month. */
static void
test_network_is_the_offices (void)
{
  g_autofree char *dir = NULL;
  DaftarDb *db = daftar_test_db_new (&dir);
  GDate first;
  /* From 2 Aban 1405: a whole year inside, days at both edges, two parts
   * of months with no whole month, a part inside one month (its month to
   * date less the day before it), a month's first day on, one day. */
  const struct { int from, to; } periods[] = {
    { 0, 165 * 3 }, { 17, 165 * 3 - 9 }, { 40, 70 }, { 35, 47 }, { 29, 120 }, { 3, 3 },
  };

  generate (db, 11, 165, 3, 10, 40);
  set_seats_by_feed (db, "GEN-B", 4);
  g_date_set_dmy (&first, 24, 10, 2026);
  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      g_autoptr(GError) error = NULL;
      GDate from = first, to = first;
      g_autoptr(DaftarCareFigures) all = NULL;
      Sums a, b;

      g_date_add_days (&from, periods[p].from);
      g_date_add_days (&to, periods[p].to);
      all = daftar_care_query (db, NULL, &from, &to, NULL, &error);
      g_assert_no_error (error);
      sums_init (&a);
      sums_init (&b);
      sums_add (&a, all);
      for (guint o = 0; o < 2; o++)
        {
          g_autoptr(DaftarCareFigures) one = daftar_care_query (db, o == 0 ? "GEN-A" : "GEN-B", &from, &to,
                                                                NULL, &error);

          g_assert_no_error (error);
          sums_add (&b, one);
        }
      if (periods[p].to - periods[p].from > 30)
        {
          g_assert_cmpint (a.crowding.days_over, >, 0);
          g_assert_cmpint (a.out_of_turn.total.out_of_turn, >, 0);
          g_assert_cmpint (g_hash_table_size (a.staff_idle), >, 0);
          g_assert_cmpint (g_hash_table_size (a.staff_ratings), >, 0);
        }
      assert_same_sums (&a, &b);
      sums_clear (&a);
      sums_clear (&b);
    }

  daftar_db_close (db);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A file of schema 10 (no network rows of client care, the months' and
 * years' waiting and open days without their crowded hours) gets them
 * from the daily rollups it holds, equal to what ingest writes. */
static void
test_migration_from_10 (void)
{
  static const char * const tables[] = {
    "network_out_of_turn", "network_waiting", "network_open_days", "network_idle", "network_feedback",
    "network_out_of_turn_mtd", "network_idle_mtd", "network_feedback_mtd",
    "monthly_out_of_turn", "yearly_out_of_turn", "monthly_waiting", "yearly_waiting", "monthly_open_days",
    "yearly_open_days", "monthly_idle", "yearly_idle", "monthly_feedback", "yearly_feedback",
  };
  g_autofree char *dir = NULL;
  DaftarDb *db = daftar_test_db_new (&dir);
  g_autoptr(GPtrArray) before = NULL;

  generate (db, 5, 70, 2, 10, 30);
  set_seats_by_feed (db, "GEN-A", 5);
  before = daftar_test_checksums (db, tables, G_N_ELEMENTS (tables));
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM monthly_waiting WHERE days_over > 0"), >, 0);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM yearly_open_days WHERE crowded > 0"), >, 0);

  /* Schema 10's tables, as sql/009-client-care.sql, 003 and 004 made them. */
  db = daftar_test_migrate_again (db,
    "DROP TABLE network_out_of_turn; DROP TABLE network_waiting; DROP TABLE network_open_days; "
    "DROP TABLE network_idle; DROP TABLE network_feedback; DROP TABLE network_out_of_turn_mtd; "
    "DROP TABLE network_idle_mtd; DROP TABLE network_feedback_mtd; "
    "DELETE FROM monthly_out_of_turn WHERE office_code = ''; DELETE FROM yearly_out_of_turn WHERE office_code = ''; "
    "DELETE FROM monthly_idle WHERE office_code = ''; DELETE FROM yearly_idle WHERE office_code = ''; "
    "DELETE FROM monthly_feedback WHERE office_code = ''; DELETE FROM yearly_feedback WHERE office_code = ''; "
    "DROP TABLE monthly_waiting; DROP TABLE yearly_waiting; DROP TABLE monthly_open_days; DROP TABLE yearly_open_days; "
    "CREATE TABLE monthly_waiting (office_code TEXT NOT NULL, day TEXT NOT NULL, weekday INTEGER NOT NULL, "
    "  hour INTEGER NOT NULL, days INTEGER NOT NULL, peak_max INTEGER NOT NULL, peak_sum INTEGER NOT NULL, "
    "  area_s INTEGER NOT NULL, PRIMARY KEY (office_code, day, weekday, hour)) WITHOUT ROWID; "
    "CREATE TABLE yearly_waiting (office_code TEXT NOT NULL, day TEXT NOT NULL, weekday INTEGER NOT NULL, "
    "  hour INTEGER NOT NULL, days INTEGER NOT NULL, peak_max INTEGER NOT NULL, peak_sum INTEGER NOT NULL, "
    "  area_s INTEGER NOT NULL, PRIMARY KEY (office_code, day, weekday, hour)) WITHOUT ROWID; "
    "CREATE TABLE monthly_open_days (office_code TEXT NOT NULL, day TEXT NOT NULL, weekday INTEGER NOT NULL, "
    "  n INTEGER NOT NULL, PRIMARY KEY (office_code, day, weekday)) WITHOUT ROWID; "
    "CREATE TABLE yearly_open_days (office_code TEXT NOT NULL, day TEXT NOT NULL, weekday INTEGER NOT NULL, "
    "  n INTEGER NOT NULL, PRIMARY KEY (office_code, day, weekday)) WITHOUT ROWID; "
    "INSERT INTO monthly_open_days VALUES ('GEN-A', '2026-10-23', 0, 1); "
    "PRAGMA user_version = 10;", tables, G_N_ELEMENTS (tables), before);
  daftar_db_close (db);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/care-levels/months-and-years", test_months_and_years);
  g_test_add_func ("/care-levels/network-is-the-offices", test_network_is_the_offices);
  g_test_add_func ("/care-levels/migration-from-10", test_migration_from_10);
  return g_test_run ();
}
