/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-alerts-common.h: what the alert tests share — two demo offices over 120 days, their base rows read apart from the code under test, and naive recomputations of breaches and read rates. */
#pragma once

#include <math.h>
#include <string.h>

#include "daftar-alerts.h"
#include "daftar-demo.h"
#include "daftar-queries.h"
#include "daftar-test-util.h"
#include "daftar-time.h"

#define N_OFFICES 2
#define N_DAYS 120

/* One row of a base table as the naive side sees it: its local day (and
 * shift) computed here with GDateTime, apart from the code under test. */
typedef struct
{
  char    *office;
  GDate    day;
  gboolean evening;
  gboolean served;        /* tickets: outcome served */
  gboolean waited;        /* tickets: served with a call time */
  gint64   wait_s;        /* tickets: called_at - issued_at */
  gboolean sana;          /* cases */
  gboolean electronic;    /* notices */
  gboolean viewed;        /* notices */
} Row;

typedef struct
{
  guint64     seed;
  char       *dir;
  DaftarDb   *db;
  DaftarDemo *demo;
  GDate       last_day;
  GArray     *tickets;   /* Row */
  GArray     *cases;     /* Row */
  GArray     *notices;   /* Row */
  DaftarStandards standards;
} Fixture;

static Fixture fixtures[] = { { .seed = 11 }, { .seed = 1405 } };

static inline void
row_clear (gpointer data)
{
  g_free (((Row *) data)->office);
}

static inline void
parse_day (const char *text,
           GDate      *out)
{
  g_assert_true (daftar_time_parse_day (text, out));
}

/* Local day and whether it is the evening shift (from 14:00). */
static inline void
local_time (gint64    t,
            GDate    *day,
            gboolean *evening)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, daftar_time_zone ());

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  *evening = g_date_time_get_hour (local) >= 14;
}

static inline GArray *
load_rows (Fixture *f, const char *sql, guint kind)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));
  sqlite3_stmt *stmt = NULL;

  g_array_set_clear_func (rows, row_clear);
  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (f->db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Row r = { 0 };

      r.office = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      local_time (sqlite3_column_int64 (stmt, 1), &r.day, &r.evening);
      switch (kind)
        {
        case 0:   /* tickets */
          r.served = g_str_equal ((const char *) sqlite3_column_text (stmt, 2), "served");
          r.waited = r.served && sqlite3_column_type (stmt, 3) != SQLITE_NULL;
          r.wait_s = sqlite3_column_int64 (stmt, 3) - sqlite3_column_int64 (stmt, 1);
          break;
        case 1:   /* cases */
          r.sana = g_str_equal ((const char *) sqlite3_column_text (stmt, 2), "sana_registration");
          break;
        default:  /* notices */
          r.electronic = g_str_equal ((const char *) sqlite3_column_text (stmt, 2), "electronic");
          r.viewed = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
          break;
        }
      g_array_append_val (rows, r);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (rows->len, >, 1000);
  return rows;
}

static inline Fixture *
fixture (guint i)
{
  Fixture *f = &fixtures[i];
  g_autoptr(GError) error = NULL;

  if (f->db != NULL)
    return f;
  parse_day ("2025-04-30", &f->last_day);
  f->db = daftar_test_db_new (&f->dir);
  f->demo = daftar_demo_new (f->seed, N_OFFICES, N_DAYS, &f->last_day);
  g_assert_true (daftar_demo_fill_database (f->demo, f->db, 2000, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (daftar_query_standards (f->db, &f->standards, &error));
  g_assert_no_error (error);
  f->tickets = load_rows (f, "SELECT office_code, issued_at, outcome, called_at FROM tickets", 0);
  f->cases = load_rows (f, "SELECT office_code, filed_at, kind FROM cases", 1);
  f->notices = load_rows (f, "SELECT office_code, issued_at, channel, viewed_at FROM notices", 2);
  return f;
}

static inline gboolean
in_range (const Row *r, const char *office, const GDate *from, const GDate *to)
{
  return (office == NULL || g_str_equal (office, r->office)) &&
         g_date_compare (&r->day, from) >= 0 && g_date_compare (&r->day, to) <= 0;
}

/* ---- naive per-shift breaches --------------------------------------- */

typedef struct
{
  char    *office;
  GDate    day;
  gboolean evening;
  gint64   n, wait_sum, within;
} ShiftWaits;

typedef struct
{
  DaftarAlertKind kind;
  const char     *office;
  GDate           day;
  gboolean        evening;
  double          value;
} Expected;

static inline void
shift_waits_free (gpointer data)
{
  ShiftWaits *s = data;

  g_free (s->office);
  g_free (s);
}

static inline int
compare_expected (gconstpointer a, gconstpointer b)
{
  const Expected *x = a, *y = b;
  int c = -g_date_compare (&x->day, &y->day);

  if (c == 0)
    c = (int) y->evening - (int) x->evening;
  if (c == 0)
    c = strcmp (x->office, y->office);
  if (c == 0)
    c = (int) x->kind - (int) y->kind;
  return c;
}

/* Every (office, day, shift) whose mean wait is over the standard, or whose
 * share served within it is under the target, newest first. */
static inline GArray *
naive_breaches (Fixture *f, const char *office, const GDate *from, const GDate *to, GPtrArray *keep)
{
  g_autoptr(GHashTable) shifts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GArray *expected = g_array_new (FALSE, TRUE, sizeof (Expected));
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < f->tickets->len; i++)
    {
      const Row *r = &g_array_index (f->tickets, Row, i);
      char day[11];
      g_autofree char *key = NULL;
      ShiftWaits *s;

      if (!r->waited || !in_range (r, office, from, to))
        continue;
      daftar_time_format_day (&r->day, day);
      key = g_strdup_printf ("%s|%s|%d", r->office, day, r->evening);
      s = g_hash_table_lookup (shifts, key);
      if (s == NULL)
        {
          s = g_new0 (ShiftWaits, 1);
          s->office = g_strdup (r->office);
          s->day = r->day;
          s->evening = r->evening;
          g_ptr_array_add (keep, s);
          g_hash_table_insert (shifts, g_steal_pointer (&key), s);
        }
      s->n++;
      s->wait_sum += r->wait_s;
      if (r->wait_s <= f->standards.target_wait_minutes * 60)
        s->within++;
    }

  g_hash_table_iter_init (&iter, shifts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const ShiftWaits *s = value;
      double mean = (double) s->wait_sum / s->n / 60.0;
      double share = (double) s->within / s->n;
      Expected e = { .office = s->office, .day = s->day, .evening = s->evening };

      if (mean > f->standards.target_wait_minutes)
        {
          e.kind = DAFTAR_ALERT_WAIT_BREACHED;
          e.value = mean;
          g_array_append_val (expected, e);
        }
      if (share < f->standards.target_service_level)
        {
          e.kind = DAFTAR_ALERT_SERVICE_LEVEL_BREACHED;
          e.value = share;
          g_array_append_val (expected, e);
        }
    }
  g_array_sort (expected, compare_expected);
  return expected;
}

static inline gboolean
is_day_alert (const DaftarAlert *a)
{
  return a->kind == DAFTAR_ALERT_WAIT_BREACHED || a->kind == DAFTAR_ALERT_SERVICE_LEVEL_BREACHED;
}

static inline void
assert_alert_is (const DaftarAlert *a, const Expected *e)
{
  g_assert_cmpint (a->kind, ==, e->kind);
  g_assert_cmpstr (a->office_code, ==, e->office);
  g_assert_true (g_date_valid (&a->day));
  g_assert_cmpint (g_date_compare (&a->day, &e->day), ==, 0);
  g_assert_cmpint (a->shift, ==, e->evening ? DAFTAR_SHIFT_EVENING : DAFTAR_SHIFT_MORNING);
  g_assert_cmpfloat_with_epsilon (a->value, e->value, 1e-9);
  if (a->kind == DAFTAR_ALERT_WAIT_BREACHED)
    g_assert_cmpfloat (a->value, >, a->target);
  else
    g_assert_cmpfloat (a->value, <, a->target);
}

static inline double
naive_read_rate (Fixture *f, const char *office, const GDate *from, const GDate *last)
{
  gint64 issued = 0, viewed = 0;

  for (guint i = 0; i < f->notices->len; i++)
    {
      const Row *r = &g_array_index (f->notices, Row, i);

      if (r->electronic && in_range (r, office, from, last))
        {
          issued++;
          viewed += r->viewed;
        }
    }
  return issued > 0 ? (double) viewed / issued : NAN;
}

static inline void
set_standard (Fixture *f, const char *key, double value)
{
  g_autofree char *sql = g_strdup_printf ("INSERT OR REPLACE INTO standards (key, value) VALUES ('%s', %.17g)",
                                          key, value);
  g_autoptr(GError) error = NULL;

  g_assert_true (daftar_db_exec (f->db, sql, &error));
  g_assert_no_error (error);
}

/* Noon of @day in Tehran, as Unix seconds: a "now" whose local day is @day. */
static inline gint64
noon_of (const GDate *day)
{
  g_autoptr(GDateTime) noon = g_date_time_new (daftar_time_zone (), g_date_get_year (day), g_date_get_month (day),
                                               g_date_get_day (day), 12, 0, 0);

  return g_date_time_to_unix (noon);
}

/* The read-rate alerts over @from_text..@to_text as of @today_text: each
 * office's rate over the notices issued up to three days before today (or
 * to the period's end, if earlier), against a naive count. */
/* Frees what fixture() built, at the end of a program. */
static inline void
fixtures_free (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      Fixture *f = &fixtures[i];

      if (f->db == NULL)
        continue;
      g_array_unref (f->tickets);
      g_array_unref (f->cases);
      g_array_unref (f->notices);
      daftar_demo_free (f->demo);
      daftar_db_close (f->db);
      daftar_test_tmpdir_free (f->dir);
    }
}
