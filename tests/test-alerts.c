/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-alerts.c: the Overview's alerts, office comparison and "offices" report against naive computations over the base tables. */
#include "config.h"

#include <json-glib/json-glib.h>

#include "daftar-office-comparison.h"
#include "daftar-report.h"
#include "test-alerts-common.h"

static void
check_breaches (Fixture *f, const char *office, const char *from_text, const char *to_text)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (shift_waits_free);
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) capped = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  GDate from, to;
  guint n_day = 0, omitted = G_MAXUINT, first_day = G_MAXUINT;

  parse_day (from_text, &from);
  parse_day (to_text, &to);
  expected = naive_breaches (f, office, &from, &to, keep);

  alerts = daftar_query_alerts_full (f->db, office, &from, &to, 0, G_MAXUINT, &omitted, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (omitted, ==, 0);
  for (guint i = 0; i < alerts->len; i++)
    {
      const DaftarAlert *a = g_ptr_array_index (alerts, i);

      if (!is_day_alert (a))
        continue;
      if (first_day == G_MAXUINT)
        first_day = i;
      /* Period-wide alerts come before every per-day one. */
      g_assert_cmpuint (i, ==, first_day + n_day);
      g_assert_cmpuint (n_day, <, expected->len);
      assert_alert_is (a, &g_array_index (expected, Expected, n_day));
      g_assert_cmpfloat (a->target, ==, a->kind == DAFTAR_ALERT_WAIT_BREACHED
                                          ? f->standards.target_wait_minutes
                                          : f->standards.target_service_level);
      n_day++;
    }
  g_assert_cmpuint (n_day, ==, expected->len);
  g_test_message ("%s %s..%s: %u breaches", office ? office : "all", from_text, to_text, n_day);

  /* The default cap keeps the newest ones and counts the rest. */
  capped = daftar_query_alerts_full (f->db, office, &from, &to, 0, DAFTAR_ALERTS_MAX_DAY_ALERTS, &omitted, &error);
  g_assert_no_error (error);
  n_day = 0;
  for (guint i = 0; i < capped->len; i++)
    {
      const DaftarAlert *a = g_ptr_array_index (capped, i);

      if (is_day_alert (a))
        assert_alert_is (a, &g_array_index (expected, Expected, n_day++));
    }
  g_assert_cmpuint (n_day, ==, MIN (expected->len, DAFTAR_ALERTS_MAX_DAY_ALERTS));
  g_assert_cmpuint (omitted, ==, expected->len - n_day);
}

static void
test_breaches (gconstpointer data)
{
  Fixture *f = fixture (GPOINTER_TO_UINT (data));
  const char *office0 = daftar_demo_get_office_code (f->demo, 0);
  const char *office1 = daftar_demo_get_office_code (f->demo, 1);

  /* The whole span, both offices: many more than the cap. */
  check_breaches (f, NULL, "2025-01-01", "2025-04-30");
  check_breaches (f, office0, "2025-01-01", "2025-04-30");
  /* Across Esfand 30 of leap year 1403 (2025-03-20) into 1404. */
  check_breaches (f, office1, "2025-03-15", "2025-03-25");
  check_breaches (f, NULL, "2025-03-20", "2025-03-20");
  /* Across the Jalali month boundary of Bahman/Esfand 1403 (2025-02-19/20). */
  check_breaches (f, NULL, "2025-02-10", "2025-02-28");
}

/* Each evening run with one counter shows as a wait alert of its day. */
static void
test_understaffed (gconstpointer data)
{
  Fixture *f = fixture (GPOINTER_TO_UINT (data));
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  GDate from;
  guint n = 0;

  parse_day ("2025-01-01", &from);
  alerts = daftar_query_alerts_full (f->db, NULL, &from, &f->last_day, 0, G_MAXUINT, NULL, &error);
  g_assert_no_error (error);

  for (guint o = 0; o < N_OFFICES; o++)
    for (guint d = 0; d < N_DAYS; d++)
      {
        const char *office = daftar_demo_get_office_code (f->demo, o);
        gboolean found = FALSE;
        GDate day;

        daftar_demo_get_day (f->demo, d, &day);
        if (!daftar_demo_is_understaffed_evening (f->demo, o, &day))
          continue;
        for (guint i = 0; i < alerts->len && !found; i++)
          {
            const DaftarAlert *a = g_ptr_array_index (alerts, i);

            found = a->kind == DAFTAR_ALERT_WAIT_BREACHED && g_str_equal (a->office_code, office) &&
                    g_date_compare (&a->day, &day) == 0 && a->shift == DAFTAR_SHIFT_EVENING;
          }
        if (!found)
          {
            char text[11];
            daftar_time_format_day (&day, text);
            g_test_message ("%s %s: understaffed evening without a wait alert", office, text);
          }
        g_assert_true (found);
        n++;
      }
  g_assert_cmpuint (n, >=, 4);
}

/* ---- read rate ------------------------------------------------------- */

static void
check_read_rate (Fixture *f, const char *from_text, const char *to_text, const char *today_text)
{
  GDate from, to, today, last;
  guint n_expected = 0, n_alerts = 0;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  double target;

  parse_day (from_text, &from);
  parse_day (to_text, &to);
  parse_day (today_text, &today);
  last = today;
  g_date_subtract_days (&last, 3);
  if (g_date_compare (&to, &last) < 0)
    last = to;
  g_assert_true (daftar_query_standards (f->db, &f->standards, &error));
  target = f->standards.target_read_rate;

  alerts = daftar_query_alerts (f->db, NULL, &from, &to, noon_of (&today), &error);
  g_assert_no_error (error);
  for (guint o = 0; o < N_OFFICES; o++)
    {
      const char *office = daftar_demo_get_office_code (f->demo, o);
      double rate = g_date_compare (&last, &from) >= 0 ? naive_read_rate (f, office, &from, &last) : NAN;
      const DaftarAlert *found = NULL;
      double judged;
      GDate judged_last;

      for (guint i = 0; i < alerts->len; i++)
        {
          const DaftarAlert *a = g_ptr_array_index (alerts, i);

          if (a->kind == DAFTAR_ALERT_READ_RATE_BELOW_TARGET && g_str_equal (a->office_code, office))
            {
              g_assert_null (found);
              found = a;
            }
        }
      g_test_message ("%s %s..%s as of %s: naive read rate %.4f, target %.4f",
                      office, from_text, to_text, today_text, rate, target);
      if (!isnan (rate) && rate < target)
        {
          g_assert_nonnull (found);
          g_assert_cmpfloat_with_epsilon (found->value, rate, 1e-12);
          g_assert_cmpfloat (found->target, ==, target);
          g_assert_cmpint (g_date_compare (&found->day, &last), ==, 0);
          n_expected++;
        }
      else
        g_assert_null (found);

      /* The Overview's tile judges the same notices. */
      g_assert_true (daftar_query_judged_read_rate (f->db, office, &from, &to, &today, &judged, &judged_last, &error));
      g_assert_no_error (error);
      if (isnan (rate))
        {
          g_assert_true (isnan (judged));
          g_assert_false (g_date_valid (&judged_last));
        }
      else
        {
          g_assert_cmpfloat_with_epsilon (judged, rate, 1e-12);
          g_assert_cmpint (g_date_compare (&judged_last, &last), ==, 0);
        }
    }
  for (guint i = 0; i < alerts->len; i++)
    n_alerts += ((DaftarAlert *) g_ptr_array_index (alerts, i))->kind == DAFTAR_ALERT_READ_RATE_BELOW_TARGET;
  g_assert_cmpuint (n_alerts, ==, n_expected);
}

static void
test_read_rate (gconstpointer data)
{
  Fixture *f = fixture (GPOINTER_TO_UINT (data));
  GDate from, last;
  double rate[N_OFFICES];

  /* With the demo's own standard. */
  check_read_rate (f, "2025-03-01", "2025-04-30", "2025-04-30");
  check_read_rate (f, "2025-03-15", "2025-03-25", "2025-03-25");

  /* A target between the two offices' rates: exactly one of them alerts,
   * so both sides of the comparison are exercised. */
  parse_day ("2025-03-01", &from);
  parse_day ("2025-04-27", &last);
  for (guint o = 0; o < N_OFFICES; o++)
    rate[o] = naive_read_rate (f, daftar_demo_get_office_code (f->demo, o), &from, &last);
  g_assert_cmpfloat (rate[0], !=, rate[1]);
  set_standard (f, "target_read_rate", (rate[0] + rate[1]) / 2);
  check_read_rate (f, "2025-03-01", "2025-04-30", "2025-04-30");
  /* Above both: both alert. */
  set_standard (f, "target_read_rate", 1.0);
  check_read_rate (f, "2025-03-01", "2025-04-30", "2025-04-30");
  /* A period that ended long ago is judged to its last day: its notices
   * have had all the time they need. */
  check_read_rate (f, "2025-03-01", "2025-03-31", "2025-04-30");
  check_read_rate (f, "2025-03-01", "2025-03-31", "2025-04-02");
  /* A period of the last three days or less has no notice old enough: no
   * alert, whatever the target. */
  check_read_rate (f, "2025-04-28", "2025-04-30", "2025-04-30");
  check_read_rate (f, "2025-04-29", "2025-04-29", "2025-04-30");
  set_standard (f, "target_read_rate", 0.9);
  g_assert_true (daftar_query_standards (f->db, &f->standards, NULL));
}

/* ---- sync ------------------------------------------------------------ */

static guint
count_kind (GPtrArray *alerts, DaftarAlertKind kind, const DaftarAlert **out)
{
  guint n = 0;

  for (guint i = 0; i < alerts->len; i++)
    {
      const DaftarAlert *a = g_ptr_array_index (alerts, i);

      if (a->kind == kind)
        {
          n++;
          if (out)
            *out = a;
        }
    }
  return n;
}

static GPtrArray *
alerts_at (DaftarDb *db, gint64 now)
{
  GDate day;
  g_autoptr(GError) error = NULL;
  GPtrArray *alerts;

  parse_day ("2025-04-30", &day);
  alerts = daftar_query_alerts (db, NULL, &day, &day, now, &error);
  g_assert_no_error (error);
  return alerts;
}

static void
insert_run (DaftarDb *db, gint64 started, gint64 finished, const char *result, const char *message)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db),
    "INSERT INTO sync_log (started_at, finished_at, server, result, message) VALUES (?1, ?2, 'https://x', ?3, ?4)",
    -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, started);
  if (finished > 0)
    sqlite3_bind_int64 (stmt, 2, finished);
  sqlite3_bind_text (stmt, 3, result, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, message, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
test_sync (void)
{
  char *dir = NULL;
  DaftarDb *db = daftar_test_db_new (&dir);
  const gint64 now = 1745000000;   /* a fixed instant: the test never reads the clock */
  const DaftarAlert *a = NULL;
  GPtrArray *alerts;

  /* Never synced (filled otherwise): nothing can be stale. */
  alerts = alerts_at (db, now);
  g_assert_cmpuint (alerts->len, ==, 0);
  g_ptr_array_unref (alerts);

  /* Only failures so far: failed, and stale with no success at all. */
  insert_run (db, now - 3600, now - 3590, "network", "Could not connect");
  alerts = alerts_at (db, now);
  g_assert_cmpuint (count_kind (alerts, DAFTAR_ALERT_SYNC_FAILED, &a), ==, 1);
  g_assert_cmpint (a->time, ==, now - 3600);
  g_assert_nonnull (strstr (a->detail, "Could not connect"));
  g_assert_null (a->office_code);
  g_assert_cmpuint (count_kind (alerts, DAFTAR_ALERT_SYNC_STALE, &a), ==, 1);
  g_assert_true (isnan (a->value));
  g_assert_cmpint (a->time, ==, 0);
  g_assert_cmpint (a->severity, ==, DAFTAR_ALERT_CRITICAL);
  g_ptr_array_unref (alerts);

  /* A success 30 hours ago, after the failure: stale, not failed. */
  insert_run (db, now - 30 * 3600 - 60, now - 30 * 3600, "ok", NULL);
  g_assert_true (daftar_db_exec (db, "UPDATE sync_log SET started_at = started_at - 2 * 86400, "
                                     "finished_at = finished_at - 2 * 86400 WHERE result = 'network'", NULL));
  alerts = alerts_at (db, now);
  g_assert_cmpuint (count_kind (alerts, DAFTAR_ALERT_SYNC_FAILED, NULL), ==, 0);
  g_assert_cmpuint (count_kind (alerts, DAFTAR_ALERT_SYNC_STALE, &a), ==, 1);
  g_assert_cmpfloat_with_epsilon (a->value, 30.0, 1e-9);
  g_assert_cmpint (a->time, ==, now - 30 * 3600);
  g_assert_cmpfloat (a->target, ==, 24.0);
  g_assert_cmpint (a->severity, ==, DAFTAR_ALERT_WARNING);
  g_ptr_array_unref (alerts);

  /* The same database seen 7 hours earlier: 23 hours old is not stale. */
  alerts = alerts_at (db, now - 7 * 3600);
  g_assert_cmpuint (alerts->len, ==, 0);
  g_ptr_array_unref (alerts);

  /* A newer failure: failed and stale. */
  insert_run (db, now - 600, now - 590, "auth", "");
  alerts = alerts_at (db, now);
  g_assert_cmpuint (count_kind (alerts, DAFTAR_ALERT_SYNC_FAILED, &a), ==, 1);
  g_assert_cmpstr (a->detail, ==, "auth");
  g_assert_cmpuint (count_kind (alerts, DAFTAR_ALERT_SYNC_STALE, NULL), ==, 1);
  /* Sync alerts come first. */
  g_assert_cmpint (((DaftarAlert *) g_ptr_array_index (alerts, 0))->kind, ==, DAFTAR_ALERT_SYNC_FAILED);
  g_ptr_array_unref (alerts);

  /* A run still under way has no verdict: the failure stands. */
  insert_run (db, now - 60, 0, "running", NULL);
  alerts = alerts_at (db, now);
  g_assert_cmpuint (count_kind (alerts, DAFTAR_ALERT_SYNC_FAILED, NULL), ==, 1);
  g_ptr_array_unref (alerts);

  /* A cancelled run after it is no failure. */
  insert_run (db, now - 30, now - 20, "cancelled", NULL);
  alerts = alerts_at (db, now);
  g_assert_cmpuint (count_kind (alerts, DAFTAR_ALERT_SYNC_FAILED, NULL), ==, 0);
  g_ptr_array_unref (alerts);

  /* A fresh success clears both. */
  insert_run (db, now - 20, now - 10, "ok", NULL);
  alerts = alerts_at (db, now);
  g_assert_cmpuint (alerts->len, ==, 0);
  g_ptr_array_unref (alerts);

  daftar_db_close (db);
  daftar_test_tmpdir_free (dir);
}

/* ---- office comparison and the "offices" report ----------------------- */

typedef struct
{
  gint64 cases, sana, issued, served, wait_n, wait_sum, within, e_issued, e_viewed;
} NaiveOffice;

static void
naive_office (Fixture *f, const char *office, const GDate *from, const GDate *to, NaiveOffice *n)
{
  memset (n, 0, sizeof *n);
  for (guint i = 0; i < f->cases->len; i++)
    {
      const Row *r = &g_array_index (f->cases, Row, i);
      if (in_range (r, office, from, to))
        {
          n->cases++;
          n->sana += r->sana;
        }
    }
  for (guint i = 0; i < f->notices->len; i++)
    {
      const Row *r = &g_array_index (f->notices, Row, i);
      if (r->electronic && in_range (r, office, from, to))
        {
          n->e_issued++;
          n->e_viewed += r->viewed;
        }
    }
  for (guint i = 0; i < f->tickets->len; i++)
    {
      const Row *r = &g_array_index (f->tickets, Row, i);
      if (!in_range (r, office, from, to))
        continue;
      n->issued++;
      n->served += r->served;
      if (r->waited)
        {
          n->wait_n++;
          n->wait_sum += r->wait_s;
          n->within += r->wait_s <= f->standards.target_wait_minutes * 60;
        }
    }
}

static void
assert_ratio (double value, gint64 num, gint64 den)
{
  if (den == 0)
    g_assert_true (isnan (value));
  else
    g_assert_cmpfloat_with_epsilon (value, (double) num / den, 1e-12);
}

static void
assert_json_number (JsonArray *row, guint index, double value)
{
  JsonNode *node = json_array_get_element (row, index);

  if (isnan (value))
    g_assert_true (JSON_NODE_HOLDS_NULL (node));
  else
    g_assert_cmpfloat_with_epsilon (json_node_get_double (node), value, 1e-12);
}

static void
check_comparison (Fixture *f, const char *from_text, const char *to_text)
{
  g_autoptr(GPtrArray) offices = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  DaftarReportRequest request = { NULL };
  JsonArray *rows;
  GDate from, to;

  parse_day (from_text, &from);
  parse_day (to_text, &to);
  offices = daftar_query_office_comparison (f->db, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (offices->len, ==, N_OFFICES);

  request.from = from;
  request.to = to;
  g_assert_true (daftar_report_run (f->db, "offices", &request, DAFTAR_REPORT_JSON, out, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, out->str, -1, &error));
  g_assert_no_error (error);
  rows = json_object_get_array_member (
           json_object_get_object_member (
             json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "tables"),
             "offices"),
           "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, offices->len);

  for (guint i = 0; i < offices->len; i++)
    {
      const DaftarOfficeFigures *o = g_ptr_array_index (offices, i);
      JsonArray *row = json_array_get_array_element (rows, i);
      DaftarPeriodSummary s;
      NaiveOffice n;
      gboolean known = FALSE;

      for (guint k = 0; k < N_OFFICES; k++)
        known |= g_str_equal (o->code, daftar_demo_get_office_code (f->demo, k));
      g_assert_true (known);
      g_assert_nonnull (o->name);
      g_assert_cmpstr (o->name, !=, o->code);

      naive_office (f, o->code, &from, &to, &n);
      g_test_message ("%s %s..%s: %" G_GINT64_FORMAT " cases, %" G_GINT64_FORMAT " tickets, wait %.2f min",
                      o->code, from_text, to_text, n.cases, n.issued, o->wait_mean_minutes);
      g_assert_cmpint (n.cases, >, 0);
      g_assert_cmpint (o->cases, ==, n.cases);
      g_assert_cmpint (o->sana_registrations, ==, n.sana);
      g_assert_cmpint (o->tickets_issued, ==, n.issued);
      g_assert_cmpint (o->tickets_served, ==, n.served);
      if (n.wait_n == 0)
        g_assert_true (isnan (o->wait_mean_minutes));
      else
        g_assert_cmpfloat_with_epsilon (o->wait_mean_minutes, (double) n.wait_sum / n.wait_n / 60.0, 1e-9);
      assert_ratio (o->served_within_target, n.within, n.wait_n);
      g_assert_cmpint (o->e_notices_issued, ==, n.e_issued);
      g_assert_cmpint (o->e_notices_viewed, ==, n.e_viewed);
      assert_ratio (o->e_read_rate, n.e_viewed, n.e_issued);

      /* The Overview's own summary of that office says the same. */
      g_assert_true (daftar_query_period_summary (f->db, o->code, &from, &to, &s, &error));
      g_assert_no_error (error);
      g_assert_cmpint (s.cases, ==, o->cases);
      g_assert_cmpint (s.tickets_served, ==, o->tickets_served);
      g_assert_cmpfloat_with_epsilon (s.served_within_target, o->served_within_target, 1e-12);

      /* The report prints the same row. */
      g_assert_cmpstr (json_array_get_string_element (row, 0), ==, o->code);
      g_assert_cmpstr (json_array_get_string_element (row, 1), ==, o->name);
      g_assert_cmpint (json_array_get_int_element (row, 2), ==, n.cases);
      g_assert_cmpint (json_array_get_int_element (row, 3), ==, n.sana);
      g_assert_cmpint (json_array_get_int_element (row, 4), ==, n.issued);
      g_assert_cmpint (json_array_get_int_element (row, 5), ==, n.served);
      assert_json_number (row, 6, o->wait_mean_minutes);
      assert_json_number (row, 7, o->served_within_target);
      g_assert_cmpint (json_array_get_int_element (row, 8), ==, n.e_issued);
      g_assert_cmpint (json_array_get_int_element (row, 9), ==, n.e_viewed);
      assert_json_number (row, 10, o->e_read_rate);
    }
}

static void
test_comparison (gconstpointer data)
{
  Fixture *f = fixture (GPOINTER_TO_UINT (data));

  check_comparison (f, "2025-01-01", "2025-04-30");
  check_comparison (f, "2025-03-15", "2025-03-25");
  check_comparison (f, "2025-02-19", "2025-02-20");
}

static void
test_report_one_office (void)
{
  Fixture *f = fixture (0);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  DaftarReportRequest request = { daftar_demo_get_office_code (f->demo, 1) };
  g_auto(GStrv) lines = NULL;
  g_autofree char *prefix = NULL;

  parse_day ("2025-04-01", &request.from);
  request.to = f->last_day;
  g_assert_true (daftar_report_run (f->db, "offices", &request, DAFTAR_REPORT_CSV, out, &error));
  g_assert_no_error (error);
  lines = g_strsplit (g_strchomp (out->str), "\r\n", -1);
  prefix = g_strdup_printf ("offices,%s,", request.office_code);
  /* The header and the one office asked for. */
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], "table,office_code,name,cases,"));
  g_assert_true (g_str_has_prefix (lines[1], prefix));
  g_assert_null (strstr (out->str, daftar_demo_get_office_code (f->demo, 0)));
}

int
main (int argc, char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *breaches = g_strdup_printf ("/alerts/breaches/seed-%" G_GUINT64_FORMAT, fixtures[i].seed);
      g_autofree char *understaffed = g_strdup_printf ("/alerts/understaffed/seed-%" G_GUINT64_FORMAT, fixtures[i].seed);
      g_autofree char *read_rate = g_strdup_printf ("/alerts/read-rate/seed-%" G_GUINT64_FORMAT, fixtures[i].seed);
      g_autofree char *comparison = g_strdup_printf ("/offices/comparison/seed-%" G_GUINT64_FORMAT, fixtures[i].seed);

      g_test_add_data_func (breaches, GUINT_TO_POINTER (i), test_breaches);
      g_test_add_data_func (understaffed, GUINT_TO_POINTER (i), test_understaffed);
      g_test_add_data_func (read_rate, GUINT_TO_POINTER (i), test_read_rate);
      g_test_add_data_func (comparison, GUINT_TO_POINTER (i), test_comparison);
    }
  g_test_add_func ("/alerts/sync", test_sync);
  g_test_add_func ("/offices/report-one-office", test_report_one_office);
  rc = g_test_run ();
  fixtures_free ();
  return rc;
}
