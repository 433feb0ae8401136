/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rollups.c: after random upserts and deletes, every rollup equals a naive recomputation in C. */
#include "config.h"

#include <string.h>

#include "daftar-ingest.h"
#include "daftar-notices-query.h"
#include "daftar-test-util.h"
#include "daftar-time.h"

#define OFFICE "YZ-YZD-02"

static const char * const days[] = {
  /* Around the end of Iranian summer time in 2021, and recent days. */
  "2021-09-20", "2021-09-21", "2021-09-22", "2026-10-28", "2026-10-29",
};
static const char * const kinds[] = { "petition", "brief", "sana_registration", "complaint" };
static const char * const statuses[] = { "registered", "sent", "closed" };
static const char * const cities[][2] = {
  { "ابرکوه", "یزد" }, { "یزد", "یزد" }, { "شیراز", "فارس" }, { NULL, NULL },
};

static gint64
random_time (GRand *rand)
{
  GDate date;
  daftar_time_parse_day (days[g_rand_int_range (rand, 0, G_N_ELEMENTS (days))], &date);
  /* Between 07:00 and 19:59 local: every later step of a ticket stays in the day. */
  return daftar_time_day_start (&date) + g_rand_int_range (rand, 7 * 3600, 20 * 3600);
}

static void
set_time (JsonBuilder *b, const char *name, gint64 t)
{
  g_autofree char *text = daftar_time_format_rfc3339 (t);
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, text);
}

static void
set_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
set_int (JsonBuilder *b, const char *name, gint64 value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_random_change (JsonBuilder *b, GRand *rand)
{
  int entity = g_rand_int_range (rand, 0, 3);
  g_autofree char *id = g_strdup_printf ("%c%d", "CTN"[entity], g_rand_int_range (rand, 0, 60));
  static const char * const names[] = { "case", "ticket", "notice" };
  gint64 t = random_time (rand);

  json_builder_begin_object (b);
  set_string (b, "entity", names[entity]);
  if (g_rand_int_range (rand, 0, 5) == 0)
    {
      set_string (b, "op", "delete");
      set_string (b, "id", id);
      json_builder_end_object (b);
      return;
    }
  set_string (b, "op", "upsert");
  json_builder_set_member_name (b, "data");
  json_builder_begin_object (b);
  set_string (b, "id", id);
  set_string (b, "office_code", OFFICE);

  if (entity == 0)
    {
      int c = g_rand_int_range (rand, 0, G_N_ELEMENTS (cities));
      set_string (b, "kind", kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))]);
      set_time (b, "filed_at", t);
      set_string (b, "shift", daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, daftar_time_shift_for_hour (daftar_time_local_hour (t))));
      set_string (b, "status", statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))]);
      if (cities[c][0] != NULL)
        {
          set_string (b, "dest_city", cities[c][0]);
          set_string (b, "dest_province", cities[c][1]);
        }
      if (g_rand_boolean (rand))
        set_int (b, "fee", g_rand_int_range (rand, 0, 500) * 1000);
    }
  else if (entity == 1)
    {
      int outcome = g_rand_int_range (rand, 0, 4);
      gint64 called = t + g_rand_int_range (rand, 0, 3600);
      gint64 started = called + g_rand_int_range (rand, 0, 60);

      set_string (b, "service", kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))]);
      set_time (b, "issued_at", t);
      if (outcome <= 1)   /* served or no-show: called */
        set_time (b, "called_at", called);
      if (outcome == 0)
        {
          set_time (b, "started_at", started);
          set_time (b, "finished_at", started + g_rand_int_range (rand, 60, 1800));
          set_int (b, "counter", g_rand_int_range (rand, 1, 5));
        }
      set_string (b, "outcome", (const char *[]) { "served", "no_show", "cancelled", "served" }[outcome]);
      if (outcome == 3)   /* served, but the server did not send when it was called */
        {
          gint64 s = t + g_rand_int_range (rand, 0, 600);
          set_time (b, "started_at", s);
          set_time (b, "finished_at", s + 300);
        }
    }
  else
    {
      set_string (b, "channel", g_rand_int_range (rand, 0, 10) < 8 ? "electronic" : "paper");
      set_time (b, "issued_at", t);
      if (g_rand_boolean (rand))
        set_time (b, "delivered_at", t + 60);
      if (g_rand_int_range (rand, 0, 3) > 0)
        set_time (b, "viewed_at", t + g_rand_int_range (rand, 60, 5 * 86400));
      else if (g_rand_boolean (rand))
        set_time (b, "deemed_at", t + 10 * 86400);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
}

/* Naive side: rows rendered as "k1|k2|...|v1|v2|..." into a sorted list. */

typedef struct { gint64 v[8]; } Sums;

static void
add_to (GHashTable *table, char *key, const gint64 *values, guint n)
{
  Sums *sums = g_hash_table_lookup (table, key);

  if (sums == NULL)
    {
      sums = g_new0 (Sums, 1);
      g_hash_table_insert (table, key, sums);
    }
  else
    g_free (key);
  for (guint i = 0; i < n; i++)
    sums->v[i] += values[i];
}

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static GPtrArray *
render (GHashTable *table, guint n)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GString *row = g_string_new (key);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (row, "|%" G_GINT64_FORMAT, ((Sums *) value)->v[i]);
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  g_ptr_array_sort (rows, compare_rows);
  return rows;
}

static GPtrArray *
render_sql (DaftarDb *db, const char *sql)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (row, "%s%s", i ? "|" : "", sqlite3_column_text (stmt, i));
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  sqlite3_finalize (stmt);
  g_ptr_array_sort (rows, compare_rows);
  return rows;
}

static void
assert_same_rows (GPtrArray *expected, GPtrArray *actual, const char *what)
{
  for (guint i = 0; i < MIN (expected->len, actual->len); i++)
    if (g_strcmp0 (g_ptr_array_index (expected, i), g_ptr_array_index (actual, i)) != 0)
      g_error ("%s row %u: expected %s, rollup has %s", what, i,
               (char *) g_ptr_array_index (expected, i), (char *) g_ptr_array_index (actual, i));
  g_assert_cmpuint (expected->len, ==, actual->len);
}

static void
local (gint64 t, char day[11], int *hour)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) dt = g_date_time_to_timezone (utc, daftar_time_zone ());
  g_autofree char *text = g_date_time_format (dt, "%Y-%m-%d");

  g_strlcpy (day, text, 11);
  *hour = g_date_time_get_hour (dt);
}

#define COL_INT(i) sqlite3_column_int64 (stmt, i)
#define COL_NULL(i) (sqlite3_column_type (stmt, i) == SQLITE_NULL)
#define COL_TEXT(i) ((const char *) sqlite3_column_text (stmt, i))

/* @city, @province: where the office is, which makes a destination local. */
static void
check_cases (DaftarDb *db, const char *city, const char *province)
{
  g_autoptr(GHashTable) t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) actual = NULL;

  sqlite3_prepare_v2 (daftar_db_get_handle (db),
                      "SELECT filed_at, shift, kind, status, dest_city, dest_province, coalesce(fee, 0) FROM cases", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char day[11];
      int hour;
      const char *scope;
      gint64 v[2] = { 1, COL_INT (6) };

      local (COL_INT (0), day, &hour);
      if (COL_NULL (4) || g_strcmp0 (COL_TEXT (4), city) == 0)
        scope = "local";
      else if (g_strcmp0 (COL_TEXT (5), province) == 0)
        scope = "province";
      else
        scope = "other";
      add_to (t, g_strdup_printf ("%s|%s|%s|%s|%s|%s", OFFICE, day, COL_TEXT (1), COL_TEXT (2), COL_TEXT (3), scope), v, 2);
    }
  sqlite3_finalize (stmt);

  expected = render (t, 2);
  actual = render_sql (db, "SELECT * FROM daily_cases WHERE office_code = '" OFFICE "'");
  assert_same_rows (expected, actual, "daily_cases");
}

static void
check_tickets (DaftarDb *db)
{
  g_autoptr(GHashTable) daily = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) hist = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) hourly = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer key;

  sqlite3_prepare_v2 (daftar_db_get_handle (db),
                      "SELECT issued_at, called_at, started_at, finished_at, service, outcome, counter FROM tickets",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char day[11];
      int hour;
      gboolean served = g_strcmp0 (COL_TEXT (5), "served") == 0;
      gboolean waited = served && !COL_NULL (1);
      gboolean timed = !COL_NULL (2) && !COL_NULL (3);
      gint64 wait = waited ? COL_INT (1) - COL_INT (0) : 0;
      gint64 service = timed ? COL_INT (3) - COL_INT (2) : 0;
      const char *shift;

      local (COL_INT (0), day, &hour);
      shift = hour < 14 ? "morning" : "evening";
      {
        gint64 v[8] = { 1, served, g_strcmp0 (COL_TEXT (5), "no_show") == 0,
                        g_strcmp0 (COL_TEXT (5), "cancelled") == 0, waited, wait, timed, service };
        add_to (daily, g_strdup_printf ("%s|%s|%s|%s", OFFICE, day, shift, COL_TEXT (4)), v, 8);
      }
      if (waited)
        {
          gint64 one = 1;
          gint64 minute = wait == 0 ? 0 : MIN (600, (wait + 59) / 60);
          add_to (hist, g_strdup_printf ("%s|%s|%s|%" G_GINT64_FORMAT, OFFICE, day, shift, minute), &one, 1);
        }
      {
        gint64 v[5] = { 1, served, wait, service, 0 };
        add_to (hourly, g_strdup_printf ("%s|%s|%d", OFFICE, day, hour), v, 5);
      }
      if (!COL_NULL (2) && !COL_NULL (6))
        {
          char sday[11];
          int shour;
          local (COL_INT (2), sday, &shour);
          g_hash_table_add (counters, g_strdup_printf ("%s|%s|%d\x1f%" G_GINT64_FORMAT, OFFICE, sday, shour, (gint64) COL_INT (6)));
        }
    }
  sqlite3_finalize (stmt);

  /* counters_open: distinct counters starting a service in that hour. */
  g_hash_table_iter_init (&iter, counters);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_auto(GStrv) parts = g_strsplit (key, "\x1f", 2);
      gint64 v[5] = { 0, 0, 0, 0, 1 };
      add_to (hourly, g_strdup (parts[0]), v, 5);
    }

  {
    g_autoptr(GPtrArray) e1 = render (daily, 8);
    g_autoptr(GPtrArray) a1 = render_sql (db, "SELECT * FROM daily_tickets WHERE office_code = '" OFFICE "'");
    g_autoptr(GPtrArray) e2 = render (hist, 1);
    g_autoptr(GPtrArray) a2 = render_sql (db, "SELECT * FROM daily_wait_hist WHERE office_code = '" OFFICE "'");
    g_autoptr(GPtrArray) e3 = render (hourly, 5);
    g_autoptr(GPtrArray) a3 = render_sql (db, "SELECT * FROM hourly_tickets WHERE office_code = '" OFFICE "'");

    assert_same_rows (e1, a1, "daily_tickets");
    assert_same_rows (e2, a2, "daily_wait_hist");
    assert_same_rows (e3, a3, "hourly_tickets");
  }
}

static void
check_loads_and_places (DaftarDb *db)
{
  g_autoptr(GHashTable) places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) case_staff = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) load = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (daftar_db_get_handle (db),
                      "SELECT filed_at, shift, staff_id, dest_province, dest_city FROM cases", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char day[11];
      int hour;
      gint64 one = 1;

      local (COL_INT (0), day, &hour);
      add_to (places, g_strdup_printf ("%s|%s|%s|%s", OFFICE, day, COL_NULL (3) ? "" : COL_TEXT (3),
                                       COL_NULL (4) ? "" : COL_TEXT (4)), &one, 1);
      add_to (case_staff, g_strdup_printf ("%s|%s|%s|%s", OFFICE, day, COL_TEXT (1),
                                           COL_NULL (2) ? "" : COL_TEXT (2)), &one, 1);
    }
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (daftar_db_get_handle (db),
                      "SELECT issued_at, started_at, finished_at, counter, staff_id FROM tickets WHERE outcome = 'served'",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char day[11];
      int hour;
      gint64 v[2] = { 1, COL_NULL (1) || COL_NULL (2) ? 0 : COL_INT (2) - COL_INT (1) };

      local (COL_INT (0), day, &hour);
      add_to (load, g_strdup_printf ("%s|%s|%s|%" G_GINT64_FORMAT "|%s", OFFICE, day,
                                     hour < 14 ? "morning" : "evening",
                                     COL_NULL (3) ? (gint64) -1 : (gint64) COL_INT (3),
                                     COL_NULL (4) ? "" : COL_TEXT (4)), v, 2);
    }
  sqlite3_finalize (stmt);

  {
    g_autoptr(GPtrArray) e1 = render (places, 1);
    g_autoptr(GPtrArray) a1 = render_sql (db, "SELECT * FROM daily_case_places WHERE office_code = '" OFFICE "'");
    g_autoptr(GPtrArray) e2 = render (case_staff, 1);
    g_autoptr(GPtrArray) a2 = render_sql (db, "SELECT * FROM daily_case_staff WHERE office_code = '" OFFICE "'");
    g_autoptr(GPtrArray) e3 = render (load, 2);
    g_autoptr(GPtrArray) a3 = render_sql (db, "SELECT * FROM daily_ticket_load");

    assert_same_rows (e1, a1, "daily_case_places");
    assert_same_rows (e2, a2, "daily_case_staff");
    assert_same_rows (e3, a3, "daily_ticket_load");
  }
}

/* The trigram index answers exactly as LIKE over the table does. */
static void
check_search_index (DaftarDb *db)
{
  static const char * const fragments[] = { "ابر", "شیراز", "یزد", "x1", "c3" };
  g_autoptr(GError) error = NULL;

  g_assert_true (daftar_db_exec (db, "INSERT INTO cases_search (cases_search) VALUES ('integrity-check')", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (fragments); i++)
    {
      g_autofree char *indexed = g_strdup_printf ("SELECT count(*) FROM cases WHERE rowid IN "
                                                  "(SELECT rowid FROM cases_search WHERE search_key LIKE '%%%s%%')",
                                                  fragments[i]);
      g_autofree char *scanned = g_strdup_printf ("SELECT count(*) FROM cases NOT INDEXED WHERE search_key LIKE '%%%s%%'",
                                                  fragments[i]);
      g_assert_cmpint (daftar_test_count (db, indexed), ==, daftar_test_count (db, scanned));
    }
}

static void
check_notices (DaftarDb *db)
{
  g_autoptr(GHashTable) t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) actual = NULL;

  sqlite3_prepare_v2 (daftar_db_get_handle (db),
                      "SELECT issued_at, channel, delivered_at, viewed_at, deemed_at FROM notices", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char day[11];
      int hour;
      gint64 v[5] = { 1, !COL_NULL (2), !COL_NULL (3), !COL_NULL (4),
                      COL_NULL (3) ? 0 : COL_INT (3) - COL_INT (0) };

      local (COL_INT (0), day, &hour);
      add_to (t, g_strdup_printf ("%s|%s|%s", OFFICE, day, COL_TEXT (1)), v, 5);
    }
  sqlite3_finalize (stmt);

  expected = render (t, 5);
  actual = render_sql (db, "SELECT * FROM daily_notices WHERE office_code = '" OFFICE "'");
  assert_same_rows (expected, actual, "daily_notices");
}

/* Electronic notices by day of issue and time to view, binned by the
 * bounds the Notices page shows (daftar_view_bin_lower_s/upper_s). */
static void
check_view_times (DaftarDb *db)
{
  g_autoptr(GHashTable) t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) actual = NULL;

  sqlite3_prepare_v2 (daftar_db_get_handle (db),
                      "SELECT issued_at, viewed_at FROM notices WHERE channel = 'electronic'", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char day[11];
      int hour;
      int bin = -1;
      gint64 one = 1;

      local (COL_INT (0), day, &hour);
      if (COL_NULL (1))
        bin = DAFTAR_VIEW_NEVER;
      else
        for (int b = 0; b < DAFTAR_VIEW_NEVER && bin < 0; b++)
          {
            gint64 delay = COL_INT (1) - COL_INT (0);
            if (delay >= daftar_view_bin_lower_s[b] &&
                (daftar_view_bin_upper_s[b] < 0 || delay < daftar_view_bin_upper_s[b]))
              bin = b;
          }
      g_assert_cmpint (bin, >=, 0);
      add_to (t, g_strdup_printf ("%s|%s|%d", OFFICE, day, bin), &one, 1);
    }
  sqlite3_finalize (stmt);

  expected = render (t, 1);
  g_assert_cmpuint (expected->len, >, 0);
  actual = render_sql (db, "SELECT * FROM daily_view_times WHERE office_code = '" OFFICE "'");
  assert_same_rows (expected, actual, "daily_view_times");
}

/* With one office, the network's rows (office_code '') are the office's
 * rows under another code. */
static void
check_network (DaftarDb *db, const char *table)
{
  g_autofree char *own_sql = g_strdup_printf ("SELECT * FROM %s WHERE office_code = '" OFFICE "'", table);
  g_autofree char *network_sql = g_strdup_printf ("SELECT * FROM %s WHERE office_code = ''", table);
  g_autoptr(GPtrArray) own = render_sql (db, own_sql);
  g_autoptr(GPtrArray) network = render_sql (db, network_sql);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *others = g_strdup_printf ("SELECT count(*) FROM %s WHERE office_code NOT IN ('', '" OFFICE "')", table);

  g_assert_cmpuint (own->len, >, 0);
  for (guint i = 0; i < own->len; i++)
    g_ptr_array_add (expected, g_strconcat ("|", (char *) g_ptr_array_index (own, i) + strlen (OFFICE) + 1, NULL));
  g_ptr_array_sort (expected, compare_rows);
  assert_same_rows (expected, network, table);
  g_assert_cmpint (daftar_test_count (db, others), ==, 0);
}

static void
check_all_networks (DaftarDb *db)
{
  static const char * const tables[] = {
    "daily_cases", "daily_tickets", "daily_wait_hist", "hourly_tickets", "daily_notices",
    "daily_view_times", "daily_case_places", "daily_case_staff",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    check_network (db, tables[i]);
  /* The counters and staff of one office have no network rows. */
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM daily_ticket_load WHERE office_code = ''"), ==, 0);
}

static void
test_random (gconstpointer data)
{
  guint32 seed = GPOINTER_TO_UINT (data);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autoptr(JsonObject) office = daftar_test_page (OFFICE, "p0",
    "[{\"entity\": \"office\", \"op\": \"upsert\", \"data\": {\"code\": \"" OFFICE "\", \"name\": \"دفتر ابرکوه\", \"city\": \"ابرکوه\", \"province\": \"یزد\"}}]");
  DaftarIngestResult result;
  g_autoptr(GError) error = NULL;

  g_assert_true (daftar_ingest_page (db, OFFICE, office, &result, &error));
  daftar_ingest_result_clear (&result);

  for (guint page_no = 1; page_no <= 25; page_no++)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *cursor = g_strdup_printf ("p%u", page_no);
      guint n = g_rand_int_range (rand, 1, 30);

      json_builder_begin_object (b);
      set_int (b, "protocol", 1);
      set_string (b, "office", OFFICE);
      set_string (b, "cursor", cursor);
      json_builder_set_member_name (b, "has_more");
      json_builder_add_boolean_value (b, page_no < 25);
      json_builder_set_member_name (b, "changes");
      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        add_random_change (b, rand);
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);

      g_assert_true (daftar_ingest_page (db, OFFICE, json_node_get_object (root), &result, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (result.rejected, ==, 0);
      daftar_ingest_result_clear (&result);
    }

  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM tickets"), >, 10);
  check_cases (db, "ابرکوه", "یزد");
  check_tickets (db);
  check_notices (db);
  check_loads_and_places (db);
  check_view_times (db);
  check_all_networks (db);
  check_search_index (db);

  /* The office moves: every case's destination scope is recomputed. */
  {
    g_autoptr(JsonObject) moved = daftar_test_page (OFFICE, "p99",
      "[{\"entity\": \"office\", \"op\": \"upsert\", \"data\": {\"code\": \"" OFFICE "\", \"name\": \"دفتر\", \"city\": \"شیراز\", \"province\": \"فارس\"}}]");
    g_assert_true (daftar_ingest_page (db, OFFICE, moved, &result, &error));
    daftar_ingest_result_clear (&result);
    g_assert_cmpint (daftar_test_count (db,
                     "SELECT count(*) FROM cases WHERE dest_city = 'شیراز'"), ==,
                     daftar_test_count (db, "SELECT coalesce(sum(n), 0) FROM daily_cases "
                                        "WHERE office_code = '" OFFICE "' AND dest_scope = 'local'") -
                     daftar_test_count (db, "SELECT count(*) FROM cases WHERE dest_city IS NULL"));
    check_cases (db, "شیراز", "فارس");
    check_network (db, "daily_cases");
  }

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint seed = 1; seed <= 5; seed++)
    {
      g_autofree char *path = g_strdup_printf ("/rollups/random/seed-%u", seed);
      g_test_add_data_func (path, GUINT_TO_POINTER (seed), test_random);
    }
  return g_test_run ();
}
