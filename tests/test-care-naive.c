/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-care-naive.c: every client-care rollup and figure against a naive recomputation — plain loops over the base tables, written apart from daftar-care*.c — on generated offices. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "daftar-care.h"
#include "daftar-ingest.h"
#include "daftar-test-util.h"
#include "daftar-time.h"

/* Tickets and ratings as the base tables hold them. */
typedef struct
{
  char   *office;
  char   *id;
  char   *service;
  gint64  issued;
  gint64  called;    /* -1 */
  gint64  finished;  /* -1 */
  int     counter;   /* -1 */
  char   *staff;     /* "" */
  char   *outcome;
  char    day[11];   /* local day of issued */
} NTicket;

typedef struct
{
  char   *office;
  char   *ticket_id;   /* NULL */
  int     rating;
  gint64  submitted;
} NRating;

typedef struct
{
  GArray *tickets;
  GArray *ratings;
} Base;

static const char *services[] = { "petition", "brief", "complaint" };

/* A few days of two offices: random arrivals with ties, waits long enough
 * to call out of turn, no-shows, cancellations, counters that overlap and
 * tickets without a counter or staff member, ratings from about a third of
 * the served, some late enough to fall on the next day, some without a
 * ticket or naming one that is not stored. */
static void
generate (DaftarDb *db,
          guint32   seed,
          guint     n_days,
          guint     step,
          int       fewest,
          int       most)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  const char *offices[] = { "GEN-A", "GEN-B" };

  for (guint o = 0; o < G_N_ELEMENTS (offices); o++)
    {
      g_autoptr(GString) changes = g_string_new ("[");
      g_autoptr(JsonObject) page = NULL;
      g_autoptr(GError) error = NULL;
      DaftarIngestResult result;
      guint n = 0;

      for (guint d = 0; d < n_days; d++)
        {
          GDate date;
          gint64 midnight;
          guint count = g_rand_int_range (rand, fewest, most);

          g_date_set_dmy (&date, 24, 10, 2026);   /* Saturday 24 October on */
          g_date_add_days (&date, d * step);
          midnight = daftar_time_day_start (&date);
          for (guint i = 0; i < count; i++, n++)
            {
              gboolean evening = g_rand_int_range (rand, 0, 4) == 0;
              gint64 issued = midnight + (evening ? 14 * 3600 : 7 * 3600 + 1800) +
                              g_rand_int_range (rand, 0, evening ? 4 * 3600 : 6 * 3600);
              int roll = g_rand_int_range (rand, 0, 100);
              const char *outcome = roll < 78 ? "served" : roll < 88 ? "no_show" : roll < 96 ? "cancelled" : "waiting";
              gboolean called = g_str_equal (outcome, "served") || g_str_equal (outcome, "no_show");
              gint64 call = issued + g_rand_int_range (rand, 0, 45 * 60);
              gint64 finish = call + g_rand_int_range (rand, 60, 15 * 60);
              int counter = g_rand_int_range (rand, 0, 5);   /* 0: none */
              g_autofree char *issued_text = NULL, *called_text = NULL, *finished_text = NULL;
              g_autofree char *staff = NULL, *call_text = daftar_time_format_rfc3339 (call);
              g_autofree char *finish_text = daftar_time_format_rfc3339 (finish);

              /* Ties in issued_at: a tenth of the tickets share the minute's first second. */
              if (g_rand_int_range (rand, 0, 10) == 0)
                issued -= issued % 60;
              issued_text = daftar_time_format_rfc3339 (issued);
              called_text = called ? g_strdup_printf ("\"%s\"", call_text) : g_strdup ("null");
              finished_text = g_str_equal (outcome, "served") ? g_strdup_printf ("\"%s\"", finish_text) : g_strdup ("null");
              staff = counter == 0 || g_rand_int_range (rand, 0, 20) == 0 ? g_strdup ("null")
                      : g_strdup_printf ("\"%s-S%d\"", offices[o], g_rand_int_range (rand, 0, 10) == 0 ? 9 : counter);
              g_string_append_printf (changes,
                                      "%s{\"entity\": \"ticket\", \"op\": \"upsert\", \"data\": {\"id\": \"%s-T%u\", "
                                      "\"office_code\": \"%s\", \"number\": %u, \"service\": \"%s\", "
                                      "\"issued_at\": \"%s\", \"called_at\": %s, \"finished_at\": %s, "
                                      "\"counter\": %s, \"staff_id\": %s, \"outcome\": \"%s\"}}",
                                      n ? "," : "", offices[o], n, offices[o], 100 + i,
                                      services[g_rand_int_range (rand, 0, 10) < 7 ? 0 : g_rand_int_range (rand, 1, 3)],
                                      issued_text, called_text, finished_text,
                                      counter == 0 ? "null" : (char[]) { '0' + counter, '\0' },
                                      staff, outcome);
              if (g_str_equal (outcome, "served") && g_rand_int_range (rand, 0, 3) == 0)
                {
                  g_autofree char *submitted = daftar_time_format_rfc3339 (finish + g_rand_int_range (rand, 0, 12 * 3600));
                  g_string_append_printf (changes,
                                          ",{\"entity\": \"feedback\", \"op\": \"upsert\", \"data\": {\"id\": \"%s-F%u\", "
                                          "\"office_code\": \"%s\", \"ticket_id\": \"%s%s-T%u\", \"rating\": %d, "
                                          "\"channel\": \"sms\", \"submitted_at\": \"%s\"}}",
                                          offices[o], n, offices[o],
                                          g_rand_int_range (rand, 0, 15) == 0 ? "lost-" : "", offices[o], n,
                                          g_rand_int_range (rand, 1, 6), submitted);
                }
            }
          {
            g_autofree char *ten = daftar_time_format_rfc3339 (midnight + 10 * 3600);

            g_string_append_printf (changes,
                                    ",{\"entity\": \"feedback\", \"op\": \"upsert\", \"data\": {\"id\": \"%s-F-day%d\", "
                                    "\"office_code\": \"%s\", \"rating\": %d, \"channel\": \"web\", "
                                    "\"submitted_at\": \"%s\"}}",
                                    offices[o], (int) d, offices[o], g_rand_int_range (rand, 1, 6), ten);
          }
        }
      g_string_append (changes, "]");
      page = daftar_test_page (offices[o], "g1", changes->str);
      g_assert_true (daftar_ingest_page (db, offices[o], page, &result, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (result.rejected, ==, 0);
      daftar_ingest_result_clear (&result);
    }
}

static void
ticket_clear (NTicket *t)
{
  g_free (t->office);
  g_free (t->id);
  g_free (t->service);
  g_free (t->staff);
  g_free (t->outcome);
}

static void
rating_clear (NRating *r)
{
  g_free (r->office);
  g_free (r->ticket_id);
}

static void
base_read (DaftarDb *db,
           Base     *base)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = daftar_db_prepare (db,
                                          "SELECT office_code, id, service, issued_at, coalesce (called_at, -1), "
                                          "  coalesce (finished_at, -1), coalesce (counter, -1), coalesce (staff_id, ''), "
                                          "  outcome FROM tickets",
                                          &error);

  g_assert_no_error (error);
  base->tickets = g_array_new (FALSE, TRUE, sizeof (NTicket));
  g_array_set_clear_func (base->tickets, (GDestroyNotify) ticket_clear);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      NTicket t = {
        g_strdup ((const char *) sqlite3_column_text (stmt, 0)), g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 2)), sqlite3_column_int64 (stmt, 3),
        sqlite3_column_int64 (stmt, 4), sqlite3_column_int64 (stmt, 5), sqlite3_column_int (stmt, 6),
        g_strdup ((const char *) sqlite3_column_text (stmt, 7)), g_strdup ((const char *) sqlite3_column_text (stmt, 8)),
      };
      daftar_time_local_day (t.issued, t.day);
      g_array_append_val (base->tickets, t);
    }
  sqlite3_reset (stmt);

  stmt = daftar_db_prepare (db, "SELECT office_code, ticket_id, rating, submitted_at FROM feedback", &error);
  g_assert_no_error (error);
  base->ratings = g_array_new (FALSE, TRUE, sizeof (NRating));
  g_array_set_clear_func (base->ratings, (GDestroyNotify) rating_clear);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      NRating r = {
        g_strdup ((const char *) sqlite3_column_text (stmt, 0)), g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        sqlite3_column_int (stmt, 2), sqlite3_column_int64 (stmt, 3),
      };
      g_array_append_val (base->ratings, r);
    }
  sqlite3_reset (stmt);
}

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

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Fails at the first line that differs, naming the rollup. */
static void
assert_same_rows (const char *what,
                  const char *got,
                  const char *want)
{
  g_auto(GStrv) g = g_strsplit (got, "\n", -1);
  g_auto(GStrv) w = g_strsplit (want, "\n", -1);

  for (guint i = 0; g[i] != NULL || w[i] != NULL; i++)
    if (g_strcmp0 (g[i], w[i]) != 0)
      g_error ("%s: row %u is “%s” where the count it is held to has “%s”", what, i, g[i], w[i]);
  g_test_message ("%s: %u rows agree", what, g_strv_length (g) - 1);
}

/* Rows of a rollup as "key=value" lines, sorted, to compare as text. */
static char *
rows_text (DaftarDb   *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = daftar_db_prepare (db, sql, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);

      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_string_append_printf (row, "%s%s", c ? "|" : "", (const char *) sqlite3_column_text (stmt, c));
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  sqlite3_reset (stmt);
  g_ptr_array_sort (rows, compare_lines);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (rows, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
sorted_text (GHashTable *rows)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (lines, g_strdup_printf ("%s|%s", (const char *) key, (const char *) value));
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (lines, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Adds @a, @b, @c to the three numbers stored under @key as "a|b|c". */
static void
add3 (GHashTable *rows,
      char       *key,
      gint64      a,
      gint64      b,
      gint64      c,
      gboolean    three)
{
  const char *old = g_hash_table_lookup (rows, key);
  gint64 x = 0, y = 0, z = 0;

  if (old != NULL)
    sscanf (old, "%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, &x, &y, &z);
  x += a, y += b, z += c;
  g_hash_table_insert (rows, key,
                       three ? g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, x, y, z)
                             : g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, x, y));
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
  gint64 seats = 4;

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
  {
    DaftarCrowdingFigures crowding;

    g_assert_true (daftar_care_query_crowding (db, NULL, &from, &to, seats, &crowding, &error));
    for (int r = 0; r < 7; r++)
      for (int h = 0; h < 24; h++)
        {
          g_assert_cmpint (crowding.cells[r][h].days, ==, open_days[r]);
          g_assert_cmpint (crowding.cells[r][h].days_over, ==, over[r][h]);
        }
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
  const char *offices[] = { "GEN-A", NULL };
  GDate from, to;

  /* Every third day from 24 October 2026 (2 Aban 1405) for 16 months: the
   * whole year 1406 (21 March 2027 to 20 March 2028) is inside. */
  generate (db, 7, 165, 3, 10, 40);
  g_date_set_dmy (&from, 24, 10, 2026);
  g_date_set_dmy (&to, 24, 10, 2026);
  g_date_add_days (&to, 165 * 3);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM yearly_out_of_turn WHERE day = '2027-03-21'"), >, 0);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM yearly_waiting WHERE day = '2027-03-21'"), >, 0);

  for (guint o = 0; o < G_N_ELEMENTS (offices); o++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DaftarCareFigures) whole = daftar_care_query (db, offices[o], &from, &to, NULL, &error);
      Sums a, b;
      GDate day;
      gint64 seats = (gint64) whole->standards.waiting_room_seats;

      g_assert_no_error (error);
      /* Judge crowding by a number of seats some hours pass. */
      seats = 3;
      daftar_care_query_crowding (db, offices[o], &from, &to, seats, &whole->crowding, &error);
      g_assert_no_error (error);
      sums_init (&a);
      sums_init (&b);
      sums_add (&a, whole);
      for (day = from; g_date_compare (&day, &to) <= 0; g_date_add_days (&day, 1))
        {
          g_autoptr(DaftarCareFigures) one = daftar_care_query (db, offices[o], &day, &day, NULL, &error);

          g_assert_no_error (error);
          daftar_care_query_crowding (db, offices[o], &day, &day, seats, &one->crowding, &error);
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/care-naive/generated", test_generated);
  g_test_add_func ("/care-naive/months-and-years", test_months_and_years);
  return g_test_run ();
}
