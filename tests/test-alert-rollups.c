/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-alert-rollups.c: the Overview's alerts rolled up per office, standard and shift against a naive count over the one-day alerts; working days; today's read rate never judged. */
#include "config.h"

#include "daftar-ingest.h"
#include "test-alerts-common.h"

/* Today's notices cannot have been read yet: however far under the target
 * today's read rate is, neither an alert nor the judged rate the Overview's
 * tile shows says so, for one office or for all. */
static void
test_read_rate_today (gconstpointer data)
{
  Fixture *f = fixture (GPOINTER_TO_UINT (data));
  const char *offices[] = { NULL, daftar_demo_get_office_code (f->demo, 0), daftar_demo_get_office_code (f->demo, 1) };
  g_autoptr(GError) error = NULL;
  GDate today;

  today = f->last_day;
  /* Every rate is under a target of 100%, unless every notice was viewed. */
  set_standard (f, "target_read_rate", 1.0);
  for (guint i = 0; i < G_N_ELEMENTS (offices); i++)
    {
      g_autoptr(GPtrArray) alerts = NULL;
      g_autoptr(GPtrArray) rollups = NULL;
      double judged = 0;
      GDate last;

      g_assert_cmpfloat (naive_read_rate (f, offices[i], &today, &today), <, 1.0);
      g_assert_true (daftar_query_alert_rollups (f->db, offices[i], &today, &today, noon_of (&today), &today,
                                                 &alerts, &rollups, &error));
      g_assert_no_error (error);
      for (guint k = 0; k < alerts->len; k++)
        g_assert_cmpint (((DaftarAlert *) g_ptr_array_index (alerts, k))->kind, !=, DAFTAR_ALERT_READ_RATE_BELOW_TARGET);
      g_assert_true (daftar_query_judged_read_rate (f->db, offices[i], &today, &today, &today, &judged, &last, &error));
      g_assert_no_error (error);
      g_assert_true (isnan (judged));
      g_assert_false (g_date_valid (&last));
    }
  set_standard (f, "target_read_rate", 0.9);
  g_assert_true (daftar_query_standards (f->db, &f->standards, NULL));
}

/* ---- roll-ups ---------------------------------------------------------- */

/* Days on which an office's shift issued a ticket, counted over the base
 * table: "office|evening" → count. */
static GHashTable *
naive_working_days (Fixture *f, const char *office, const GDate *from, const GDate *to)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < f->tickets->len; i++)
    {
      const Row *r = &g_array_index (f->tickets, Row, i);
      char day[11];
      g_autofree char *key = NULL;
      g_autofree char *day_key = NULL;

      if (!in_range (r, office, from, to))
        continue;
      daftar_time_format_day (&r->day, day);
      key = g_strdup_printf ("%s|%d", r->office, r->evening);
      day_key = g_strdup_printf ("%s|%s", key, day);
      if (g_hash_table_contains (seen, day_key))
        continue;
      g_hash_table_add (seen, g_steal_pointer (&day_key));
      g_hash_table_insert (counts, g_strdup (key), GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
    }
  return counts;
}

/* The roll-ups against the one-day breaches counted naively: one roll-up
 * per office, standard and shift that has any, holding exactly those days
 * newest first, its worst day, its severity and its working days. */
static void
check_rollups (Fixture *f, const char *office, const char *from_text, const char *to_text)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (shift_waits_free);
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GHashTable) working = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) rollups = NULL;
  g_autoptr(GError) error = NULL;
  GDate from, to;
  guint n_days = 0;

  parse_day (from_text, &from);
  parse_day (to_text, &to);
  expected = naive_breaches (f, office, &from, &to, keep);
  working = naive_working_days (f, office, &from, &to);

  g_assert_true (daftar_query_alert_rollups (f->db, office, &from, &to, 0, &to, &alerts, &rollups, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < alerts->len; i++)
    g_assert_false (is_day_alert (g_ptr_array_index (alerts, i)));

  for (guint i = 0; i < rollups->len; i++)
    {
      const DaftarAlertRollup *r = g_ptr_array_index (rollups, i);
      g_autofree char *key = g_strdup_printf ("%s|%d", r->office_code, r->shift == DAFTAR_SHIFT_EVENING);
      const DaftarAlert *worst = NULL;
      DaftarAlertSeverity severity = DAFTAR_ALERT_WARNING;
      guint k = 0;

      /* Most severe first, then the most days, whatever the standard. */
      if (i > 0)
        {
          const DaftarAlertRollup *p = g_ptr_array_index (rollups, i - 1);

          g_assert_true (p->severity > r->severity ||
                         (p->severity == r->severity && p->days->len >= r->days->len));
        }
      /* The client-care standards' are counted in test-alerts-care.c. */
      if (r->kind != DAFTAR_ALERT_WAIT_BREACHED && r->kind != DAFTAR_ALERT_SERVICE_LEVEL_BREACHED)
        continue;

      /* Its days are the naive breaches of its key, in the same order. */
      for (guint e = 0; e < expected->len; e++)
        {
          const Expected *x = &g_array_index (expected, Expected, e);
          const DaftarAlert *a;

          if (x->kind != r->kind || !g_str_equal (x->office, r->office_code) ||
              x->evening != (r->shift == DAFTAR_SHIFT_EVENING))
            continue;
          g_assert_cmpuint (k, <, r->days->len);
          a = g_ptr_array_index (r->days, k++);
          assert_alert_is (a, x);
          if (worst == NULL || (r->kind == DAFTAR_ALERT_WAIT_BREACHED ? a->value > worst->value : a->value < worst->value))
            worst = a;
          if (a->severity == DAFTAR_ALERT_CRITICAL)
            severity = DAFTAR_ALERT_CRITICAL;
        }
      g_assert_cmpuint (k, ==, r->days->len);
      g_assert_cmpuint (k, >, 0);
      g_assert_true (r->worst == worst);
      g_assert_cmpint (r->severity, ==, severity);
      g_assert_cmpfloat (r->target, ==, r->kind == DAFTAR_ALERT_WAIT_BREACHED
                                          ? f->standards.target_wait_minutes : f->standards.target_service_level);
      /* Working days: the days the shift issued tickets; a breached day is one. */
      g_assert_cmpuint (r->n_working_days, ==, GPOINTER_TO_UINT (g_hash_table_lookup (working, key)));
      g_assert_cmpuint (r->n_working_days, >=, r->days->len);
      n_days += r->days->len;
    }
  /* Every naive breach is in one roll-up. */
  g_assert_cmpuint (n_days, ==, expected->len);
  g_test_message ("%s %s..%s: %u breaches in %u roll-ups", office ? office : "all", from_text, to_text,
                  n_days, rollups->len);
}

static void
test_rollups (gconstpointer data)
{
  Fixture *f = fixture (GPOINTER_TO_UINT (data));

  check_rollups (f, NULL, "2025-01-01", "2025-04-30");
  check_rollups (f, daftar_demo_get_office_code (f->demo, 0), "2025-04-01", "2025-04-30");
  check_rollups (f, daftar_demo_get_office_code (f->demo, 1), "2025-03-15", "2025-03-25");
  check_rollups (f, NULL, "2025-03-20", "2025-03-20");
  /* A Friday: nothing open, nothing rolled up. */
  check_rollups (f, NULL, "2025-04-25", "2025-04-25");
}

/* Working days are the days a shift issued tickets, not the calendar's:
 * a shift that did not open on some day has that day off its count. */
static void
test_working_days (void)
{
  char *dir = NULL;
  DaftarDb *db = daftar_test_db_new (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) rollups = NULL;
  g_autoptr(JsonObject) page = NULL;
  DaftarIngestResult result;
  const DaftarAlertRollup *r;
  GDate from, to;

  /* Evening tickets on three of five days (22, 23 and 25 November 2026),
   * served after 40, 5 and 40 minutes; a morning ticket alone on the 24th;
   * nothing on the 26th. */
#define TICKET(id, day, issued, called) \
  "{\"entity\": \"ticket\", \"op\": \"upsert\", \"data\": {\"id\": \"" id "\", \"office_code\": \"YZ-ABK-01\", " \
  "\"service\": \"brief\", \"issued_at\": \"" day "T" issued ":00+03:30\", \"called_at\": \"" day "T" called ":00+03:30\", " \
  "\"started_at\": \"" day "T" called ":30+03:30\", \"finished_at\": \"" day "T" called ":59+03:30\", " \
  "\"counter\": 1, \"outcome\": \"served\"}}"
  page = daftar_test_page ("YZ-ABK-01", "c1",
    "[{\"entity\": \"office\", \"op\": \"upsert\", \"data\": {\"code\": \"YZ-ABK-01\", \"name\": \"ابرکوه\"}},"
    TICKET ("T1", "2026-11-22", "16:00", "16:40") ","
    TICKET ("T2", "2026-11-23", "16:00", "16:05") ","
    TICKET ("T3", "2026-11-24", "09:00", "09:05") ","
    TICKET ("T4", "2026-11-25", "16:00", "16:40") "]");
#undef TICKET
  g_assert_true (daftar_ingest_page (db, "YZ-ABK-01", page, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rejected, ==, 0);
  daftar_ingest_result_clear (&result);

  parse_day ("2026-11-22", &from);
  parse_day ("2026-11-26", &to);
  g_assert_true (daftar_query_alert_rollups (db, NULL, &from, &to, 0, &to, &alerts, &rollups, &error));
  g_assert_no_error (error);
  /* Mean wait and share served in time, each breached on two evenings. */
  g_assert_cmpuint (rollups->len, ==, 2);
  for (guint i = 0; i < rollups->len; i++)
    {
      r = g_ptr_array_index (rollups, i);
      g_assert_cmpint (r->shift, ==, DAFTAR_SHIFT_EVENING);
      g_assert_cmpuint (r->days->len, ==, 2);
      /* Of the five days, the evening was open on three. */
      g_assert_cmpuint (r->n_working_days, ==, 3);
    }

  daftar_db_close (db);
  daftar_test_tmpdir_free (dir);
}

int
main (int argc, char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *rollups = g_strdup_printf ("/alerts/rollups/seed-%" G_GUINT64_FORMAT, fixtures[i].seed);
      g_autofree char *read_rate_today = g_strdup_printf ("/alerts/read-rate-today/seed-%" G_GUINT64_FORMAT, fixtures[i].seed);

      g_test_add_data_func (rollups, GUINT_TO_POINTER (i), test_rollups);
      g_test_add_data_func (read_rate_today, GUINT_TO_POINTER (i), test_read_rate_today);
    }
  g_test_add_func ("/alerts/working-days", test_working_days);
  rc = g_test_run ();
  fixtures_free ();
  return rc;
}
