/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-care-common.h: what the client-care tests share — offices generated with ties, no-shows, overlapping counters and late ratings, their base rows, and rollup rows compared as sorted text. */
#pragma once

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
static inline void
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

/* The waiting room's seats, sent by @office's feed as the server sends a
 * standard: the rollups that count the crowded hours count them again. */
static inline void
set_seats_by_feed (DaftarDb   *db,
                   const char *office,
                   int         seats)
{
  g_autofree char *changes = g_strdup_printf ("[{\"entity\": \"standard\", \"op\": \"upsert\", \"data\": "
                                              "{\"key\": \"waiting_room_seats\", \"value\": %d}}]", seats);
  g_autoptr(JsonObject) page = daftar_test_page (office, "seats", changes);
  g_autoptr(GError) error = NULL;
  DaftarIngestResult result = { 0 };

  g_assert_true (daftar_ingest_page (db, office, page, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rejected, ==, 0);
  daftar_ingest_result_clear (&result);
}

static inline void
ticket_clear (NTicket *t)
{
  g_free (t->office);
  g_free (t->id);
  g_free (t->service);
  g_free (t->staff);
  g_free (t->outcome);
}

static inline void
rating_clear (NRating *r)
{
  g_free (r->office);
  g_free (r->ticket_id);
}

static inline void
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

static inline int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Fails at the first line that differs, naming the rollup. */
static inline void
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
static inline char *
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

static inline char *
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
static inline void
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
