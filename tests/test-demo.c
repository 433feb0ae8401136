/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-demo.c: the demo generator — deterministic, day by day independent, and shaped like a real office. */
#include "config.h"

#include <string.h>

#include "daftar-care.h"
#include "daftar-demo.h"
#include "daftar-test-util.h"
#include "daftar-time.h"

#define SEED 1405
#define OFFICE "YZ-ABK-01"

/* A fixed last day keeps every run of this test on the same calendar:
 * 1405-08-07, a Wednesday; 120 days back starts in Tir 1405. */
static void
last_day (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 29, G_DATE_OCTOBER, 2026);
}

static char *
day_json (DaftarDemo *demo, guint office, guint day)
{
  g_autoptr(JsonArray) changes = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  daftar_demo_append_day (demo, office, day, changes);
  json_node_set_array (node, changes);
  return json_to_string (node, FALSE);
}

static void
test_offices (void)
{
  GDate end;
  g_autoptr(DaftarDemo) demo = NULL;
  g_autoptr(JsonArray) changes = json_array_new ();
  guint staff = 0, standards = 0, offices = 0;

  last_day (&end);
  demo = daftar_demo_new (SEED, 6, 30, &end);
  g_assert_cmpuint (daftar_demo_get_n_offices (demo), ==, 6);
  g_assert_cmpuint (daftar_demo_get_n_days (demo), ==, 30);
  g_assert_cmpstr (daftar_demo_get_office_code (demo, 0), ==, OFFICE);
  g_assert_cmpstr (daftar_demo_get_office_code (demo, 1), ==, "YZ-YZD-01");
  g_assert_cmpstr (daftar_demo_get_office_code (demo, 4), ==, "YZ-YZD-02");

  daftar_demo_append_day (demo, 0, 0, changes);
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      JsonObject *data = json_object_get_object_member (change, "data");
      const char *entity = json_object_get_string_member (change, "entity");

      if (g_str_equal (entity, "office"))
        {
          offices++;
          g_assert_cmpstr (json_object_get_string_member (data, "name"), ==,
                           "دفتر خدمات الکترونیک قضایی ابرکوه کد ۱۰۱");
          g_assert_cmpstr (json_object_get_string_member (data, "province"), ==, "یزد");
          g_assert_cmpint (json_object_get_int_member (data, "counters"), >=, 3);
          g_assert_cmpint (json_object_get_int_member (data, "counters"), <=, 5);
        }
      staff += g_str_equal (entity, "staff");
      standards += g_str_equal (entity, "standard");
    }
  g_assert_cmpuint (offices, ==, 1);
  g_assert_cmpuint (staff, >=, 4);
  g_assert_cmpuint (staff, <=, 8);
  g_assert_cmpuint (standards, ==, 9);

  /* Only day 0 carries the office's own records. */
  {
    g_autofree char *day1 = day_json (demo, 0, 1);
    g_assert_null (strstr (day1, "\"entity\":\"office\""));
  }
}

static void
test_persian_letters (void)
{
  GDate end;
  g_autoptr(DaftarDemo) demo = NULL;

  last_day (&end);
  demo = daftar_demo_new (SEED, 12, 10, &end);
  for (guint o = 0; o < 12; o++)
    for (guint d = 0; d < 10; d++)
      {
        g_autofree char *json = day_json (demo, o, d);
        /* Arabic yeh and kaf must never be stored. */
        g_assert_null (strstr (json, "\xd9\x8a"));
        g_assert_null (strstr (json, "\xd9\x83"));
        g_assert_true (g_utf8_validate (json, -1, NULL));
      }
}

static void
test_day_independence (void)
{
  GDate end;
  g_autoptr(DaftarDemo) a = NULL;
  g_autoptr(DaftarDemo) b = NULL;
  const guint n_days = 40;
  g_autoptr(GPtrArray) forward = g_ptr_array_new_with_free_func (g_free);

  last_day (&end);
  a = daftar_demo_new (SEED, 2, n_days, &end);
  b = daftar_demo_new (SEED, 2, n_days, &end);
  for (guint d = 0; d < n_days; d++)
    g_ptr_array_add (forward, day_json (a, 1, d));
  /* Backwards, interleaved with another office, in a second generator. */
  for (guint d = n_days; d-- > 0;)
    {
      g_autofree char *other = day_json (b, 0, d);
      g_autofree char *json = day_json (b, 1, d);
      g_assert_cmpstr (json, ==, g_ptr_array_index (forward, d));
    }
  /* And a day on its own, in a third. */
  {
    g_autoptr(DaftarDemo) c = daftar_demo_new (SEED, 2, n_days, &end);
    g_autofree char *json = day_json (c, 1, 33);
    g_assert_cmpstr (json, ==, g_ptr_array_index (forward, 33));
  }
}

static DaftarDb *
filled_db (guint64 seed, guint n_days, char **out_dir, DaftarDemo **out_demo)
{
  g_autoptr(GError) error = NULL;
  DaftarDb *db = daftar_test_db_new (out_dir);
  GDate end;
  DaftarDemo *demo;

  last_day (&end);
  demo = daftar_demo_new (seed, 1, n_days, &end);
  g_assert_true (daftar_demo_fill_database (demo, db, 2000, NULL, &error));
  g_assert_no_error (error);
  if (out_demo)
    *out_demo = demo;
  else
    daftar_demo_free (demo);
  return db;
}

/* The shared checksum orders by four columns; these two tables have two. */
static char *
small_table_checksum (DaftarDb *db, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT ifnull(group_concat(a || '|' || b, char(10)), '') FROM "
                                          "(SELECT quote(%s) AS a, quote(%s) AS b FROM %s ORDER BY 1)",
                                          g_str_equal (table, "standards") ? "key" : "date",
                                          g_str_equal (table, "standards") ? "value" : "name", table);
  sqlite3_stmt *stmt = NULL;
  char *sum;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, (const char *) sqlite3_column_text (stmt, 0), -1);
  sqlite3_finalize (stmt);
  return sum;
}

static char *
checksum (DaftarDb *db, const char *table)
{
  if (g_str_equal (table, "standards") || g_str_equal (table, "holidays"))
    return small_table_checksum (db, table);
  return daftar_test_table_checksum (db, table);
}

static void
test_determinism (void)
{
  static const char * const tables[] = {
    "offices", "staff", "cases", "tickets", "notices", "feedback", "standards", "holidays",
    "daily_cases", "daily_tickets", "daily_wait_hist", "hourly_tickets", "daily_notices",
    "daily_out_of_turn", "out_of_turn_tickets", "hourly_waiting", "daily_idle", "daily_feedback",
  };
  g_autofree char *dir1 = NULL, *dir2 = NULL, *dir3 = NULL;
  DaftarDb *db1 = filled_db (SEED, 60, &dir1, NULL);
  DaftarDb *db2 = filled_db (SEED, 60, &dir2, NULL);
  DaftarDb *db3 = filled_db (SEED + 1, 60, &dir3, NULL);

  g_assert_cmpint (daftar_test_count (db1, "SELECT count(*) FROM tickets"), >, 500);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *s1 = checksum (db1, tables[i]);
      g_autofree char *s2 = checksum (db2, tables[i]);
      g_test_message ("%s %s", tables[i], s1);
      g_assert_cmpstr (s1, ==, s2);
    }
  /* cases, tickets, notices and feedback */
  for (guint i = 2; i < 6; i++)
    {
      g_autofree char *s1 = checksum (db1, tables[i]);
      g_autofree char *s3 = checksum (db3, tables[i]);
      g_assert_cmpstr (s1, !=, s3);
    }

  daftar_db_close (db1);
  daftar_db_close (db2);
  daftar_db_close (db3);
  daftar_test_tmpdir_free (g_steal_pointer (&dir1));
  daftar_test_tmpdir_free (g_steal_pointer (&dir2));
  daftar_test_tmpdir_free (g_steal_pointer (&dir3));
}

typedef struct {
  char       *dir;
  DaftarDb   *db;
  DaftarDemo *demo;
} Realism;

static void
realism_setup (Realism *r, gconstpointer data)
{
  r->db = filled_db (SEED, 120, &r->dir, &r->demo);
}

static void
realism_teardown (Realism *r, gconstpointer data)
{
  daftar_db_close (r->db);
  daftar_demo_free (r->demo);
  daftar_test_tmpdir_free (r->dir);
}

static gboolean
is_holiday (Realism *r, const GDate *date)
{
  char day[11];
  g_autofree char *sql = NULL;

  daftar_time_format_day (date, day);
  sql = g_strdup_printf ("SELECT count(*) FROM holidays WHERE date = '%s'", day);
  return daftar_test_count (r->db, sql) > 0;
}

static void
test_calendar (Realism *r, gconstpointer data)
{
  sqlite3_stmt *stmt = NULL;
  guint morning = 0, evening = 0, closed_day = 0, thursday_evening = 0, understaffed = 0;

  g_assert_cmpint (daftar_test_count (r->db, "SELECT count(*) FROM sync_rejects"), ==, 0);
  g_assert_cmpint (daftar_test_count (r->db, "SELECT count(*) FROM tickets WHERE outcome = 'waiting'"), ==, 0);
  /* Safar and Rabi al-Awwal 1448 fall in this span (July–August 2026). */
  g_assert_cmpint (daftar_test_count (r->db, "SELECT count(*) FROM holidays"), >=, 4);
  g_assert_cmpint (daftar_test_count (r->db, "SELECT count(*) FROM holidays WHERE name LIKE '%اربعین%'"), ==, 1);

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (r->db),
                                       "SELECT issued_at FROM tickets UNION ALL SELECT filed_at FROM cases",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 t = sqlite3_column_int64 (stmt, 0);
      GDate date;
      int hour = daftar_time_local_hour (t);

      daftar_time_local_date (t, &date);
      if (g_date_get_weekday (&date) == G_DATE_FRIDAY || is_holiday (r, &date))
        closed_day++;
      if (hour < 14)
        morning++;
      else
        evening++;
      if (hour >= 14 && g_date_get_weekday (&date) == G_DATE_THURSDAY)
        thursday_evening++;
      g_assert_cmpint (hour, >=, 7);
      g_assert_cmpint (hour, <, 23);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (morning, >, 1000);
  g_assert_cmpuint (evening, >, 500);
  g_assert_cmpuint (closed_day, ==, 0);
  g_assert_cmpuint (thursday_evening, ==, 0);

  for (guint d = 0; d < daftar_demo_get_n_days (r->demo); d++)
    {
      GDate date;
      daftar_demo_get_day (r->demo, d, &date);
      if (daftar_demo_is_understaffed_evening (r->demo, 0, &date))
        {
          understaffed++;
          g_assert_cmpint (g_date_get_weekday (&date), !=, G_DATE_FRIDAY);
          g_assert_cmpint (g_date_get_weekday (&date), !=, G_DATE_THURSDAY);
        }
    }
  g_assert_cmpuint (understaffed, >=, 4);
  g_assert_cmpuint (understaffed, <=, 20);
}

static void
test_queue (Realism *r, gconstpointer data)
{
  sqlite3_stmt *stmt = NULL;
  double wait_thin = 0, wait_normal = 0;
  guint n_thin = 0, n_normal = 0;
  gint64 now = daftar_demo_get_now (r->demo);

  g_assert_cmpint (daftar_test_count (r->db,
                   "SELECT count(*) FROM tickets WHERE outcome = 'served' AND NOT "
                   "(issued_at <= called_at AND called_at <= started_at AND started_at <= finished_at "
                   " AND counter IS NOT NULL AND staff_id IS NOT NULL)"), ==, 0);
  g_assert_cmpint (daftar_test_count (r->db,
                   "SELECT count(*) FROM tickets WHERE outcome = 'no_show' AND "
                   "(called_at IS NULL OR started_at IS NOT NULL OR finished_at IS NOT NULL)"), ==, 0);
  g_assert_cmpint (daftar_test_count (r->db, "SELECT count(*) FROM tickets WHERE outcome = 'no_show'"), >, 0);
  g_assert_cmpint (daftar_test_count (r->db, "SELECT count(*) FROM tickets WHERE outcome = 'cancelled'"), >, 0);
  g_assert_cmpint (daftar_test_count (r->db, "SELECT count(*) FROM tickets WHERE number = 1"), >, 100);
  /* Every case is a served ticket's filing: same end time, counter and staff. */
  g_assert_cmpint (daftar_test_count (r->db,
                   "SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE "
                   "t.finished_at = c.filed_at AND t.counter = c.counter AND t.staff_id = c.staff_id "
                   "AND t.service = c.kind AND t.outcome = 'served')"), ==, 0);
  g_assert_cmpint (daftar_test_count (r->db, "SELECT count(*) FROM cases WHERE kind = 'sana_registration'") * 5, >,
                   daftar_test_count (r->db, "SELECT count(*) FROM cases"));

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (r->db),
                                       "SELECT issued_at, called_at, finished_at FROM tickets WHERE outcome = 'served'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 issued = sqlite3_column_int64 (stmt, 0);
      gint64 wait = sqlite3_column_int64 (stmt, 1) - issued;
      GDate date;

      g_assert_cmpint (sqlite3_column_int64 (stmt, 2), <=, now);
      if (daftar_time_local_hour (issued) < 14)
        continue;
      daftar_time_local_date (issued, &date);
      if (daftar_demo_is_understaffed_evening (r->demo, 0, &date))
        wait_thin += wait, n_thin++;
      else
        wait_normal += wait, n_normal++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n_thin, >, 20);
  g_assert_cmpuint (n_normal, >, 200);
  g_test_message ("mean evening wait: %.1f min normal, %.1f min on one counter",
                  wait_normal / n_normal / 60, wait_thin / n_thin / 60);
  g_assert_cmpfloat (wait_thin / n_thin, >, 2 * wait_normal / n_normal);
}

static void
test_cases_and_notices (Realism *r, gconstpointer data)
{
  gint64 end = daftar_demo_get_now (r->demo);
  g_autofree char *e_sql = NULL, *p_sql = NULL, *e_all = NULL, *p_all = NULL;
  gint64 e_viewed, e_total, p_viewed, p_total;

  /* Own city, elsewhere in Yazd province, another province. */
  g_assert_cmpint (daftar_test_count (r->db, "SELECT count(*) FROM cases WHERE dest_city = 'ابرکوه'"), >, 100);
  g_assert_cmpint (daftar_test_count (r->db,
                   "SELECT count(*) FROM cases WHERE dest_province = 'یزد' AND dest_city != 'ابرکوه'"), >, 10);
  g_assert_cmpint (daftar_test_count (r->db, "SELECT count(*) FROM cases WHERE dest_province != 'یزد'"), >, 10);
  g_assert_cmpint (daftar_test_count (r->db, "SELECT count(DISTINCT status) FROM cases"), >=, 4);
  g_assert_cmpint (daftar_test_count (r->db, "SELECT count(*) FROM cases WHERE updated_at < filed_at"), ==, 0);
  g_assert_cmpint (daftar_test_count (r->db, "SELECT count(*) FROM cases WHERE length(tracking_code) < 16"), ==, 0);
  g_assert_cmpint (daftar_test_count (r->db, "SELECT count(DISTINCT tracking_code) = count(*) FROM cases"), ==, 1);

  /* Notices name real cases, filed before the notice. */
  g_assert_cmpint (daftar_test_count (r->db, "SELECT count(*) FROM notices"), >, 500);
  g_assert_cmpint (daftar_test_count (r->db,
                   "SELECT count(*) FROM notices n LEFT JOIN cases c ON c.id = n.case_id "
                   "WHERE c.id IS NULL OR c.filed_at > n.issued_at OR c.kind = 'sana_registration'"), ==, 0);

  e_sql = g_strdup_printf ("SELECT count(*) FROM notices WHERE channel = 'electronic' AND viewed_at IS NOT NULL AND issued_at <= %" G_GINT64_FORMAT, end - 10 * 86400);
  e_all = g_strdup_printf ("SELECT count(*) FROM notices WHERE channel = 'electronic' AND issued_at <= %" G_GINT64_FORMAT, end - 10 * 86400);
  p_sql = g_strdup_printf ("SELECT count(*) FROM notices WHERE channel = 'paper' AND viewed_at IS NOT NULL AND issued_at <= %" G_GINT64_FORMAT, end - 10 * 86400);
  p_all = g_strdup_printf ("SELECT count(*) FROM notices WHERE channel = 'paper' AND issued_at <= %" G_GINT64_FORMAT, end - 10 * 86400);
  e_viewed = daftar_test_count (r->db, e_sql);
  e_total = daftar_test_count (r->db, e_all);
  p_viewed = daftar_test_count (r->db, p_sql);
  p_total = daftar_test_count (r->db, p_all);
  g_test_message ("read rate: electronic %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT ", paper %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                  e_viewed, e_total, p_viewed, p_total);
  g_assert_cmpint (e_total, >, 300);
  g_assert_cmpint (p_total, >, 30);
  g_assert_cmpfloat ((double) e_viewed / e_total, >, 0.9);
  g_assert_cmpfloat ((double) p_viewed / p_total, <, 0.2);

  /* Nothing is known beyond "now". */
  {
    g_autofree char *sql = g_strdup_printf (
      "SELECT count(*) FROM notices WHERE max(issued_at, coalesce(delivered_at, 0), coalesce(viewed_at, 0), "
      "coalesce(deemed_at, 0)) > %" G_GINT64_FORMAT, end);
    g_assert_cmpint (daftar_test_count (r->db, sql), ==, 0);
    g_clear_pointer (&sql, g_free);
    sql = g_strdup_printf ("SELECT count(*) FROM cases WHERE updated_at > %" G_GINT64_FORMAT, end);
    g_assert_cmpint (daftar_test_count (r->db, sql), ==, 0);
  }
  /* Unviewed electronic notices are deemed served ten days on. */
  {
    g_autofree char *sql = g_strdup_printf (
      "SELECT count(*) FROM notices WHERE channel = 'electronic' AND viewed_at IS NULL AND "
      "issued_at <= %" G_GINT64_FORMAT " AND (deemed_at IS NULL OR deemed_at != issued_at + 864000)", end - 10 * 86400);
    g_assert_cmpint (daftar_test_count (r->db, sql), ==, 0);
  }
}

/* The demo's defaults make every client-care figure worth a look: a few
 * clerks call acquaintances out of turn, Saturday mornings overflow the
 * waiting room, counters pause while clients wait, and about a fifth of
 * the served rate the visit, worse after a long wait. Read through the
 * core's own queries, as the Client care page reads them. */
static void
test_client_care (Realism *r, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  DaftarOutOfTurnFigures turn = { 0 };
  DaftarCrowdingFigures crowding = { 0 };
  DaftarIdleFigures idle = { 0 };
  DaftarSatisfactionFigures satisfaction = { 0 };
  GDate from, to;
  guint staff_out_of_turn = 0, ratings_given = 0;
  gint64 saturday_mornings_over = 0, other_mornings_over = 0;
  gint64 feedback, sms, kiosk, commented;

  daftar_demo_get_day (r->demo, 0, &from);
  daftar_demo_get_day (r->demo, daftar_demo_get_n_days (r->demo) - 1, &to);

  g_assert_true (daftar_care_query_out_of_turn (r->db, OFFICE, &from, &to, DAFTAR_CARE_WORST_LIMIT,
                                                &turn, &error));
  g_assert_no_error (error);
  g_test_message ("out of turn: %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " calls (%.2f%%), "
                  "morning %.2f%%, evening %.2f%%", turn.total.out_of_turn, turn.total.called,
                  100 * turn.total.share, 100 * turn.by_shift[DAFTAR_SHIFT_MORNING].share,
                  100 * turn.by_shift[DAFTAR_SHIFT_EVENING].share);
  g_assert_cmpfloat (turn.total.share, >, 0);
  g_assert_cmpfloat (turn.total.share, <, 0.1);
  g_assert_cmpuint (turn.worst->len, >, 0);
  /* A few clerks, not every one. */
  for (guint i = 0; i < turn.by_staff->len; i++)
    {
      const DaftarOutOfTurnGroup *group = g_ptr_array_index (turn.by_staff, i);
      staff_out_of_turn += group->count.out_of_turn > 0;
    }
  g_assert_cmpuint (staff_out_of_turn, >=, 1);
  g_assert_cmpuint (staff_out_of_turn, <, turn.by_staff->len);
  daftar_out_of_turn_figures_clear (&turn);

  g_assert_true (daftar_care_query_crowding (r->db, OFFICE, &from, &to, 20, &crowding, &error));
  g_assert_no_error (error);
  for (int hour = 7; hour < 14; hour++)
    {
      saturday_mornings_over += crowding.cells[0][hour].days_over;
      for (int row = 1; row < DAFTAR_CARE_N_WEEKDAYS; row++)
        other_mornings_over += crowding.cells[row][hour].days_over;
    }
  g_test_message ("crowding: peak %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT
                  " days over the seats; morning hours over: Saturday %" G_GINT64_FORMAT ", other days %" G_GINT64_FORMAT,
                  crowding.peak, crowding.days_over, crowding.days, saturday_mornings_over, other_mornings_over);
  g_assert_cmpint (crowding.peak, >, 20);
  g_assert_cmpint (crowding.days_over, >, 0);
  g_assert_cmpint (crowding.days_over, <, crowding.days);
  /* Saturday is one morning in six, yet it has the most crowded hours. */
  g_assert_cmpint (saturday_mornings_over, >, 0);
  g_assert_cmpint (saturday_mornings_over * 5, >, other_mornings_over);

  g_assert_true (daftar_care_query_idle (r->db, OFFICE, &from, &to, &idle, &error));
  g_assert_no_error (error);
  g_test_message ("idle while clients waited: %.0f of %.0f open counter-minutes (%.1f%%)",
                  idle.idle_s / 60.0, idle.open_s / 60.0, 100 * idle.share);
  g_assert_cmpint (idle.idle_s, >, 0);
  g_assert_cmpfloat (idle.share, <, 0.25);
  daftar_idle_figures_clear (&idle);

  g_assert_true (daftar_care_query_satisfaction (r->db, OFFICE, &from, &to, &satisfaction, &error));
  g_assert_no_error (error);
  for (int rating = DAFTAR_RATING_MIN; rating <= DAFTAR_RATING_MAX; rating++)
    ratings_given += satisfaction.by_rating[rating] > 0;
  g_test_message ("ratings: %" G_GINT64_FORMAT ", mean %.2f, response rate %.1f%%, by wait %.2f %.2f %.2f %.2f",
                  satisfaction.n, satisfaction.mean, 100 * satisfaction.response_rate,
                  satisfaction.by_wait_band[DAFTAR_WAIT_BAND_UNDER_5].mean,
                  satisfaction.by_wait_band[DAFTAR_WAIT_BAND_5_TO_15].mean,
                  satisfaction.by_wait_band[DAFTAR_WAIT_BAND_15_TO_30].mean,
                  satisfaction.by_wait_band[DAFTAR_WAIT_BAND_30_AND_MORE].mean);
  g_assert_cmpuint (ratings_given, >=, 4);
  g_assert_cmpfloat (satisfaction.response_rate, >, 0.1);
  g_assert_cmpfloat (satisfaction.response_rate, <, 0.3);
  g_assert_cmpint (satisfaction.by_wait_band[DAFTAR_WAIT_BAND_30_AND_MORE].n, >, 0);
  g_assert_cmpfloat (satisfaction.by_wait_band[DAFTAR_WAIT_BAND_UNDER_5].mean, >,
                     satisfaction.by_wait_band[DAFTAR_WAIT_BAND_30_AND_MORE].mean);
  daftar_satisfaction_figures_clear (&satisfaction);

  /* Mostly by SMS, some at the kiosk; most without a word, some in the
   * clients' Persian. */
  feedback = daftar_test_count (r->db, "SELECT count(*) FROM feedback");
  sms = daftar_test_count (r->db, "SELECT count(*) FROM feedback WHERE channel = 'sms'");
  kiosk = daftar_test_count (r->db, "SELECT count(*) FROM feedback WHERE channel = 'kiosk'");
  commented = daftar_test_count (r->db, "SELECT count(*) FROM feedback WHERE comment IS NOT NULL");
  g_assert_cmpint (kiosk, >, 0);
  g_assert_cmpint (sms, >, 2 * kiosk);
  g_assert_cmpint (commented, >, 0);
  g_assert_cmpint (commented * 2, <, feedback);
  g_assert_cmpint (daftar_test_count (r->db, "SELECT count(DISTINCT comment) FROM feedback"), >=, 10);
  g_assert_cmpint (daftar_test_count (r->db, "SELECT count(*) FROM feedback WHERE comment LIKE '%نوبت%'"), >, 0);
  /* Every rating of a visit names a served ticket of the office, answered
   * after the visit and before "now". */
  {
    g_autofree char *sql = g_strdup_printf (
      "SELECT count(*) FROM feedback f LEFT JOIN tickets t ON t.id = f.ticket_id "
      "WHERE f.ticket_id IS NOT NULL AND (t.id IS NULL OR t.outcome != 'served' "
      "OR f.submitted_at < t.finished_at OR f.submitted_at > %" G_GINT64_FORMAT ")",
      daftar_demo_get_now (r->demo));
    g_assert_cmpint (daftar_test_count (r->db, sql), ==, 0);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/offices", test_offices);
  g_test_add_func ("/demo/persian-letters", test_persian_letters);
  g_test_add_func ("/demo/day-independence", test_day_independence);
  g_test_add_func ("/demo/determinism", test_determinism);
  g_test_add ("/demo/realism/calendar", Realism, NULL, realism_setup, test_calendar, realism_teardown);
  g_test_add ("/demo/realism/queue", Realism, NULL, realism_setup, test_queue, realism_teardown);
  g_test_add ("/demo/realism/cases-and-notices", Realism, NULL, realism_setup, test_cases_and_notices, realism_teardown);
  g_test_add ("/demo/realism/client-care", Realism, NULL, realism_setup, test_client_care, realism_teardown);

  return g_test_run ();
}
