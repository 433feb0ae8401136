/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rollup-levels.c: the network rows and the Jalali monthly and yearly rollups equal the offices' daily rows summed, after ingest and after changes. */
#include "config.h"

#include <string.h>

#include "daftar-demo.h"
#include "daftar-format.h"
#include "daftar-ingest.h"
#include "daftar-test-util.h"
#include "daftar-time.h"

#define N_OFFICES 3
#define N_DAYS    101   /* 2025-01-20 (1403-11-01) … 2025-04-30 (1404-02-10) */

/* Jalali months by hand, without ICU: Nowruz of each year (known dates of
 * the Iranian calendar), months 1–6 of 31 days, 7–11 of 30, Esfand the
 * rest (30 days in a leap year such as 1403). */
static const struct { int year; int d, m, y; } nowruz[] = {
  { 1402, 21, 3, 2023 }, { 1403, 20, 3, 2024 }, { 1404, 21, 3, 2025 },
  { 1405, 21, 3, 2026 }, { 1406, 21, 3, 2027 },
};

static guint32
julian (int d, int m, int y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

/* The first day of the Jalali month of @day, and that month. */
static guint32
month_start_by_hand (guint32 day, int *out_year, int *out_month)
{
  for (guint i = 0; i + 1 < G_N_ELEMENTS (nowruz); i++)
    {
      guint32 start = julian (nowruz[i].d, nowruz[i].m, nowruz[i].y);
      guint32 next = julian (nowruz[i + 1].d, nowruz[i + 1].m, nowruz[i + 1].y);

      if (day < start || day >= next)
        continue;
      for (int month = 1; month <= 12; month++)
        {
          guint32 length = month == 12 ? next - start : month <= 6 ? 31 : 30;
          if (day < start + length)
            {
              *out_year = nowruz[i].year;
              *out_month = month;
              return start;
            }
          start += length;
        }
    }
  g_assert_not_reached ();
}

static void
day_text (guint32 j, char out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, j);
  daftar_time_format_day (&date, out);
}

static void
assert_month_start (int d, int m, int y, const char *expected, int jy, int jm)
{
  int year, month;
  char text[11];

  day_text (month_start_by_hand (julian (d, m, y), &year, &month), text);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpint (year, ==, jy);
  g_assert_cmpint (month, ==, jm);
}

/* The hand-made months hold the known facts, and agree with the app's
 * (ICU's) Jalali arithmetic on every day of two years. */
static void
test_jalali_months (void)
{
  assert_month_start (21, 3, 2025, "2025-03-21", 1404, 1);
  assert_month_start (19, 2, 2025, "2025-02-19", 1403, 12);
  assert_month_start (20, 1, 2025, "2025-01-20", 1403, 11);
  /* Esfand 30 of leap 1403 is still in Esfand; 1404-02-01 follows. */
  assert_month_start (20, 3, 2025, "2025-02-19", 1403, 12);
  assert_month_start (30, 4, 2025, "2025-04-21", 1404, 2);
  assert_month_start (19, 1, 2025, "2024-12-21", 1403, 10);

  for (guint32 j = julian (20, 3, 2024); j < julian (21, 3, 2026); j++)
    {
      GDate day, first, last;
      DaftarJalaliDate jd;
      int year, month;

      g_date_clear (&day, 1);
      g_date_set_julian (&day, j);
      g_assert_true (daftar_jalali_from_gdate (&day, &jd));
      g_assert_true (daftar_jalali_month_bounds (jd.year, jd.month, &first, &last));
      g_assert_cmpuint (g_date_get_julian (&first), ==, month_start_by_hand (j, &year, &month));
      g_assert_cmpint (jd.year, ==, year);
      g_assert_cmpint (jd.month, ==, month);
    }
}

/* --- SQL checks -------------------------------------------------------- */

static gint64
count_fmt (DaftarDb *db, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gint64
count_fmt (DaftarDb *db, const char *format, ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return daftar_test_count (db, sql);
}

/* Prints a few rows @sql finds, to show how a comparison failed. */
static void
print_rows (DaftarDb *db, const char *sql)
{
  g_autofree char *limited = g_strdup_printf ("SELECT * FROM (%s) LIMIT 10", sql);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), limited, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GString) row = g_string_new (NULL);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (row, "%s%s", i ? " | " : "", sqlite3_column_text (stmt, i));
      g_printerr ("%s\n", row->str);
    }
  sqlite3_finalize (stmt);
}

/* Two queries give the same rows: neither has a row the other lacks, both
 * have as many, and there are some, so a wrong rollup cannot pass. */
static void
assert_same_rows (DaftarDb *db, const char *what, const char *expected, const char *actual)
{
  gint64 n_expected = count_fmt (db, "SELECT count(*) FROM (%s)", expected);
  /* Each side in its own FROM: either may be a compound SELECT. */
  g_autofree char *diff = g_strdup_printf ("SELECT 'expected', * FROM (SELECT * FROM (%s) EXCEPT SELECT * FROM (%s)) "
                                           "UNION ALL "
                                           "SELECT 'rollup', * FROM (SELECT * FROM (%s) EXCEPT SELECT * FROM (%s))",
                                           expected, actual, actual, expected);

  g_test_message ("%s: %" G_GINT64_FORMAT " rows", what, n_expected);
  if (count_fmt (db, "SELECT count(*) FROM (%s)", diff) != 0)
    {
      print_rows (db, diff);
      g_error ("%s differs from %s", what, expected);
    }
  g_assert_cmpint (n_expected, >, 0);
  g_assert_cmpint (count_fmt (db, "SELECT count(*) FROM (%s)", actual), ==, n_expected);
}

/* The day → Jalali month, Jalali year (each by its first day) and weekday
 * (Saturday = 0) of every day of 1403 and 1404, computed here. */
static void
create_month_map (DaftarDb *db)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_true (daftar_db_exec (db, "CREATE TEMP TABLE test_month (day TEXT PRIMARY KEY, "
                                     "month_start TEXT NOT NULL, weekday INTEGER NOT NULL, "
                                     "year_start TEXT NOT NULL)", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), "INSERT INTO test_month VALUES (?, ?, ?, ?)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint32 j = julian (20, 3, 2024); j < julian (21, 3, 2026); j++)
    {
      char day[11], start[11], year_start[11];
      int year, month;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, j);
      day_text (j, day);
      day_text (month_start_by_hand (j, &year, &month), start);
      for (guint i = 0; i < G_N_ELEMENTS (nowruz); i++)
        if (nowruz[i].year == year)
          day_text (julian (nowruz[i].d, nowruz[i].m, nowruz[i].y), year_start);
      sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, start, -1, SQLITE_TRANSIENT);
      /* GLib: Monday 1 … Sunday 7; Saturday 6 becomes 0. */
      sqlite3_bind_int (stmt, 3, (g_date_get_weekday (&date) + 1) % 7);
      sqlite3_bind_text (stmt, 4, year_start, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (daftar_test_count (db, "SELECT weekday FROM test_month WHERE day = '2025-03-22'"), ==, 0);
  g_assert_cmpint (daftar_test_count (db, "SELECT weekday FROM test_month WHERE day = '2025-03-21'"), ==, 6);
}

typedef struct
{
  const char *table;
  const char *keys;
  const char *values;
  const char *sums;
} DailyTable;

static const DailyTable network_tables[] = {
  { "daily_cases", "day, shift, kind, status, dest_scope", "n, fee_total", "sum(n), sum(fee_total)" },
  { "daily_tickets", "day, shift, service",
    "issued, served, no_show, cancelled, wait_n, wait_sum_s, service_n, service_sum_s",
    "sum(issued), sum(served), sum(no_show), sum(cancelled), sum(wait_n), sum(wait_sum_s), "
    "sum(service_n), sum(service_sum_s)" },
  { "daily_wait_hist", "day, shift, minute", "n", "sum(n)" },
  { "hourly_tickets", "day, hour", "arrivals, served, wait_sum_s, service_sum_s, counters_open",
    "sum(arrivals), sum(served), sum(wait_sum_s), sum(service_sum_s), sum(counters_open)" },
  { "daily_notices", "day, channel", "issued, delivered, viewed, deemed, view_sum_s",
    "sum(issued), sum(delivered), sum(viewed), sum(deemed), sum(view_sum_s)" },
  { "daily_view_times", "day, bin", "n", "sum(n)" },
  { "daily_case_places", "day, dest_province, dest_city", "n", "sum(n)" },
  { "daily_case_staff", "day, shift, staff_id", "n", "sum(n)" },
};

/* a. Each network row ('') is the sum of the offices' rows with its keys. */
static void
check_network_days (DaftarDb *db)
{
  for (guint i = 0; i < G_N_ELEMENTS (network_tables); i++)
    {
      const DailyTable *t = &network_tables[i];
      g_autofree char *expected = g_strdup_printf ("SELECT %s, %s FROM %s WHERE office_code <> '' GROUP BY %s",
                                                   t->keys, t->sums, t->table, t->keys);
      g_autofree char *actual = g_strdup_printf ("SELECT %s, %s FROM %s WHERE office_code = ''",
                                                 t->keys, t->values, t->table);

      assert_same_rows (db, t->table, expected, actual);
      /* Every office has rows, and nothing else but the network does. */
      g_assert_cmpint (count_fmt (db, "SELECT count(DISTINCT office_code) FROM %s", t->table), ==, N_OFFICES + 1);
      g_assert_cmpint (count_fmt (db, "SELECT count(*) FROM %s WHERE office_code <> '' AND "
                                      "office_code NOT IN (SELECT code FROM offices)", t->table), ==, 0);
    }
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM daily_ticket_load WHERE office_code = ''"), ==, 0);
}

#define STAFF_LIMIT "(SELECT value FROM standards WHERE key = 'max_cases_per_staff_shift')"

typedef struct
{
  const char *monthly;
  const char *daily;
  const char *keys;        /* as the monthly table names them */
  const char *daily_keys;  /* the same from the daily row d and its month m */
  const char *values;
  const char *aggregates;
} MonthlyTable;

static const MonthlyTable monthly_tables[] = {
  { "monthly_cases", "daily_cases", "shift, kind, status, dest_scope", "d.shift, d.kind, d.status, d.dest_scope",
    "n, fee_total", "sum(d.n), sum(d.fee_total)" },
  { "monthly_tickets", "daily_tickets", "shift, service", "d.shift, d.service",
    "issued, served, no_show, cancelled, wait_n, wait_sum_s, service_n, service_sum_s",
    "sum(d.issued), sum(d.served), sum(d.no_show), sum(d.cancelled), sum(d.wait_n), sum(d.wait_sum_s), "
    "sum(d.service_n), sum(d.service_sum_s)" },
  { "monthly_wait_hist", "daily_wait_hist", "shift, minute", "d.shift, d.minute", "n", "sum(d.n)" },
  { "monthly_hours", "hourly_tickets", "weekday, hour", "m.weekday, d.hour",
    "arrivals, served, wait_sum_s, service_sum_s, counters_open",
    "sum(d.arrivals), sum(d.served), sum(d.wait_sum_s), sum(d.service_sum_s), sum(d.counters_open)" },
  { "monthly_notices", "daily_notices", "channel", "d.channel", "issued, delivered, viewed, deemed, view_sum_s",
    "sum(d.issued), sum(d.delivered), sum(d.viewed), sum(d.deemed), sum(d.view_sum_s)" },
  { "monthly_view_times", "daily_view_times", "bin", "d.bin", "n", "sum(d.n)" },
  { "monthly_case_places", "daily_case_places", "dest_province, dest_city", "d.dest_province, d.dest_city",
    "n", "sum(d.n)" },
  /* days: the daily rows (days with filings) of the month; over_n: the days
   * over the standard in force, which over_limit records. */
  { "monthly_case_staff", "daily_case_staff", "shift, staff_id", "d.shift, d.staff_id",
    "n, days, max_n, over_n, over_limit",
    "sum(d.n), count(*), max(d.n), sum(d.n > " STAFF_LIMIT "), " STAFF_LIMIT },
  { "monthly_counter_load", "daily_ticket_load", "shift, counter", "d.shift, d.counter",
    "served, service_sum_s", "sum(d.served), sum(d.service_sum_s)" },
  /* days: the days with any row, whichever counter. */
  { "monthly_staff_load", "daily_ticket_load", "shift, staff_id", "d.shift, d.staff_id",
    "served, days", "sum(d.served), count(DISTINCT d.day)" },
};

/* Days the office issued a ticket, per office, month (or year) and weekday. */
#define OPEN_DAYS_BY(start) \
  "SELECT o.office_code, m." start ", m.weekday FROM " \
  "(SELECT office_code, day FROM hourly_tickets WHERE office_code <> '' " \
  " GROUP BY office_code, day HAVING sum(arrivals) > 0) o JOIN test_month m ON m.day = o.day"
#define OPEN_DAYS OPEN_DAYS_BY ("month_start")

/* b. Each monthly row sums the daily rows of its office (the network's
 * daily rows for the network) over the Jalali month starting on its day. */
static void
check_months (DaftarDb *db)
{
  /* Every day of the rollups has its month in the map. */
  g_assert_cmpint (daftar_test_count (db,
                   "SELECT count(*) FROM (SELECT day FROM daily_cases UNION SELECT day FROM hourly_tickets "
                   "UNION SELECT day FROM daily_notices UNION SELECT day FROM daily_ticket_load) "
                   "WHERE day NOT IN (SELECT day FROM test_month)"), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (monthly_tables); i++)
    {
      const MonthlyTable *t = &monthly_tables[i];
      g_autofree char *expected = g_strdup_printf ("SELECT d.office_code, m.month_start, %s, %s FROM %s d "
                                                   "JOIN test_month m ON m.day = d.day "
                                                   "GROUP BY d.office_code, m.month_start, %s",
                                                   t->daily_keys, t->aggregates, t->daily, t->daily_keys);
      g_autofree char *actual = g_strdup_printf ("SELECT office_code, day, %s, %s FROM %s",
                                                 t->keys, t->values, t->monthly);

      assert_same_rows (db, t->monthly, expected, actual);
    }
  /* The counters and staff of one office have no network rows. */
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM monthly_counter_load WHERE office_code = ''"), ==, 0);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM monthly_staff_load WHERE office_code = ''"), ==, 0);
  /* A staff member files in one office: the network's days are hers. */
  assert_same_rows (db, "monthly_case_staff network days",
                    "SELECT day, shift, staff_id, sum(n), sum(days) FROM monthly_case_staff "
                    "WHERE office_code <> '' AND staff_id <> '' GROUP BY day, shift, staff_id",
                    "SELECT day, shift, staff_id, n, days FROM monthly_case_staff "
                    "WHERE office_code = '' AND staff_id <> ''");

  /* Open days: per office, and the network's office-days. */
  assert_same_rows (db, "monthly_open_days",
                    "SELECT office_code, month_start, weekday, count(*) FROM (" OPEN_DAYS ") "
                    "GROUP BY office_code, month_start, weekday "
                    "UNION ALL SELECT '', month_start, weekday, count(*) FROM (" OPEN_DAYS ") "
                    "GROUP BY month_start, weekday",
                    "SELECT office_code, day, weekday, n FROM monthly_open_days");
}

/* e. Each yearly row sums the daily rows of its office (the network's for
 * the network) over the Jalali year starting on its day: straight from the
 * days, not from the months it is made of. */
static void
check_years (DaftarDb *db)
{
  static const char * const with_years[] = {
    "monthly_tickets", "monthly_hours", "monthly_counter_load", "monthly_staff_load",
  };
  guint checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (monthly_tables); i++)
    {
      const MonthlyTable *t = &monthly_tables[i];
      g_autofree char *yearly = NULL, *expected = NULL, *actual = NULL;

      if (!g_strv_contains (with_years, t->monthly))
        continue;
      yearly = g_strconcat ("yearly_", t->monthly + strlen ("monthly_"), NULL);
      expected = g_strdup_printf ("SELECT d.office_code, m.year_start, %s, %s FROM %s d "
                                  "JOIN test_month m ON m.day = d.day GROUP BY d.office_code, m.year_start, %s",
                                  t->daily_keys, t->aggregates, t->daily, t->daily_keys);
      actual = g_strdup_printf ("SELECT office_code, day, %s, %s FROM %s", t->keys, t->values, yearly);
      assert_same_rows (db, yearly, expected, actual);
      checked++;
    }
  g_assert_cmpuint (checked, ==, G_N_ELEMENTS (with_years));
  /* Two Jalali years, 1403 and 1404, for the offices and the network. */
  g_assert_cmpint (daftar_test_count (db, "SELECT count(DISTINCT day) FROM yearly_tickets WHERE office_code = ''"), ==, 2);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM yearly_staff_load WHERE office_code = ''"), ==, 0);
  assert_same_rows (db, "yearly_open_days",
                    "SELECT office_code, year_start, weekday, count(*) FROM (" OPEN_DAYS_BY ("year_start") ") "
                    "GROUP BY office_code, year_start, weekday "
                    "UNION ALL SELECT '', year_start, weekday, count(*) FROM (" OPEN_DAYS_BY ("year_start") ") "
                    "GROUP BY year_start, weekday",
                    "SELECT office_code, day, weekday, n FROM yearly_open_days");
}

static void
check_all (DaftarDb *db, const char *stage)
{
  g_test_message ("checking after %s", stage);
  check_network_days (db);
  check_months (db);
  check_years (db);
}

/* --- Changes ------------------------------------------------------------ */

/* A change upserting the stored record @id of @table as the server would
 * send it, with @column (nullable) set to the instant @value. */
static char *
upsert_from_row (DaftarDb *db, const char *entity, const char *table, const char *id,
                 const char *column, gint64 value)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE id = ?", table);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  json_builder_begin_object (b);
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    {
      const char *name = sqlite3_column_name (stmt, i);
      gboolean is_time = g_str_has_suffix (name, "_at");
      gboolean replaced = g_strcmp0 (name, column) == 0;

      if (strcmp (name, "search_key") == 0 || (!replaced && sqlite3_column_type (stmt, i) == SQLITE_NULL))
        continue;
      json_builder_set_member_name (b, name);
      if (is_time)
        {
          g_autofree char *text = daftar_time_format_rfc3339 (replaced ? value : sqlite3_column_int64 (stmt, i));
          json_builder_add_string_value (b, text);
        }
      else if (sqlite3_column_type (stmt, i) == SQLITE_INTEGER)
        json_builder_add_int_value (b, sqlite3_column_int64 (stmt, i));
      else
        json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, i));
    }
  json_builder_end_object (b);
  sqlite3_finalize (stmt);
  root = json_builder_get_root (b);
  data = json_to_string (root, FALSE);
  return g_strdup_printf ("{\"entity\": \"%s\", \"op\": \"upsert\", \"data\": %s}", entity, data);
}

/* Applies @changes (JSON texts) as one page of @office, as a sync does. */
static void
ingest_changes (DaftarDb *db, const char *office, const char *cursor, GPtrArray *changes)
{
  g_autoptr(GString) list = g_string_new ("[");
  g_autoptr(JsonObject) page = NULL;
  g_autoptr(GError) error = NULL;
  DaftarIngestResult result;

  for (guint i = 0; i < changes->len; i++)
    g_string_append_printf (list, "%s%s", i ? "," : "", (char *) g_ptr_array_index (changes, i));
  g_string_append (list, "]");
  page = daftar_test_page (office, cursor, list->str);
  g_assert_true (daftar_ingest_page (db, office, page, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rejected, ==, 0);
  g_assert_cmpuint (result.upserted + result.deleted, ==, changes->len);
  daftar_ingest_result_clear (&result);
}

static gint64
day_start (int d, int m, int y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return daftar_time_day_start (&date);
}

/* The first record of @office that @sql (office ?1, from ?2, to ?3 as
 * instants) selects: its id, and its time in *@out_time. */
static char *
pick_record (DaftarDb *db, const char *sql, const char *office, gint64 from, gint64 to, gint64 *out_time)
{
  sqlite3_stmt *stmt = NULL;
  char *id;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, office, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  *out_time = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  return id;
}

#define MONTH_SUM(table, column, office, month, where) \
  count_fmt (db, "SELECT coalesce(sum(" column "), 0) FROM " table " WHERE office_code = '%s' " \
                 "AND day = '%s'" where, office, month)

/* c. A notice becomes viewed (after it was deemed served, as late views
 * are), a case moves from Esfand 1403 to Farvardin 1404, another case and
 * a served ticket are deleted, and the cases-per-staff standard changes. */
static void
change_records (DaftarDb *db, const char *office)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  gint64 notice_at, moved_at, deleted_at, ticket_at;
  g_autofree char *notice = pick_record (db, "SELECT id, issued_at FROM notices WHERE office_code = ?1 "
                                         "AND channel = 'electronic' AND viewed_at IS NULL "
                                         "AND issued_at >= ?2 AND issued_at < ?3 ORDER BY issued_at, id LIMIT 1",
                                         office, day_start (20, 1, 2025), day_start (19, 2, 2025), &notice_at);
  g_autofree char *moved = pick_record (db, "SELECT id, filed_at FROM cases WHERE office_code = ?1 "
                                        "AND filed_at >= ?2 AND filed_at < ?3 ORDER BY filed_at DESC, id LIMIT 1",
                                        office, day_start (15, 3, 2025), day_start (21, 3, 2025), &moved_at);
  g_autofree char *deleted = pick_record (db, "SELECT id, filed_at FROM cases WHERE office_code = ?1 "
                                          "AND filed_at >= ?2 AND filed_at < ?3 ORDER BY filed_at, id LIMIT 1",
                                          office, day_start (19, 2, 2025), day_start (1, 3, 2025), &deleted_at);
  g_autofree char *ticket = pick_record (db, "SELECT id, issued_at FROM tickets WHERE office_code = ?1 "
                                         "AND outcome = 'served' AND staff_id IS NOT NULL "
                                         "AND issued_at >= ?2 AND issued_at < ?3 ORDER BY issued_at, id LIMIT 1",
                                         office, day_start (22, 3, 2025), day_start (21, 4, 2025), &ticket_at);
  char notice_month[11];
  gint64 esfand_cases[2], farvardin_cases[2], never[2], within_6h[2], staff_served, limit, over_before;
  int year, month;
  GDate notice_day;

  daftar_time_local_date (notice_at, &notice_day);
  day_text (month_start_by_hand (g_date_get_julian (&notice_day), &year, &month), notice_month);
  for (int i = 0; i < 2; i++)
    {
      const char *who = i == 0 ? office : "";
      esfand_cases[i] = MONTH_SUM ("monthly_cases", "n", who, "2025-02-19", "");
      farvardin_cases[i] = MONTH_SUM ("monthly_cases", "n", who, "2025-03-21", "");
      never[i] = MONTH_SUM ("monthly_view_times", "n", who, notice_month, " AND bin = 8");
      within_6h[i] = MONTH_SUM ("monthly_view_times", "n", who, notice_month, " AND bin = 1");
    }
  staff_served = MONTH_SUM ("monthly_staff_load", "served", office, "2025-03-21", "");
  /* The standard moves to the median day's filings per staff and shift. */
  limit = daftar_test_count (db, "SELECT n FROM daily_case_staff WHERE office_code <> '' ORDER BY n LIMIT 1 "
                                 "OFFSET (SELECT count(*) / 2 FROM daily_case_staff WHERE office_code <> '')");
  over_before = daftar_test_count (db, "SELECT sum(over_n) FROM monthly_case_staff");
  g_test_message ("max cases per staff and shift: %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT " over before",
                  limit, over_before);

  /* Viewed two hours after issue: bin 1, [1 h, 6 h). Six days later at the
   * same hour: the same shift, in 1404-01 (Iran keeps no summer time). */
  g_ptr_array_add (changes, upsert_from_row (db, "notice", "notices", notice, "viewed_at", notice_at + 2 * 3600));
  g_ptr_array_add (changes, upsert_from_row (db, "case", "cases", moved, "filed_at", moved_at + 6 * 86400));
  g_ptr_array_add (changes, g_strdup_printf ("{\"entity\": \"case\", \"op\": \"delete\", \"id\": \"%s\"}", deleted));
  g_ptr_array_add (changes, g_strdup_printf ("{\"entity\": \"ticket\", \"op\": \"delete\", \"id\": \"%s\"}", ticket));
  g_ptr_array_add (changes, g_strdup_printf ("{\"entity\": \"standard\", \"op\": \"upsert\", \"data\": "
                                             "{\"key\": \"max_cases_per_staff_shift\", \"value\": %" G_GINT64_FORMAT "}}",
                                             limit));
  ingest_changes (db, office, "changed", changes);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM monthly_case_staff WHERE over_limit = " STAFF_LIMIT), ==,
                   daftar_test_count (db, "SELECT count(*) FROM monthly_case_staff"));
  g_assert_cmpint (daftar_test_count (db, "SELECT sum(over_n) FROM monthly_case_staff"), >, over_before);

  for (int i = 0; i < 2; i++)
    {
      const char *who = i == 0 ? office : "";
      g_assert_cmpint (MONTH_SUM ("monthly_cases", "n", who, "2025-02-19", ""), ==, esfand_cases[i] - 2);
      g_assert_cmpint (MONTH_SUM ("monthly_cases", "n", who, "2025-03-21", ""), ==, farvardin_cases[i] + 1);
      g_assert_cmpint (MONTH_SUM ("monthly_view_times", "n", who, notice_month, " AND bin = 8"), ==, never[i] - 1);
      g_assert_cmpint (MONTH_SUM ("monthly_view_times", "n", who, notice_month, " AND bin = 1"), ==, within_6h[i] + 1);
    }
  g_assert_cmpint (MONTH_SUM ("monthly_staff_load", "served", office, "2025-03-21", ""), ==, staff_served - 1);
}

static const char * const daily_tables[] = {
  "daily_cases", "daily_tickets", "daily_wait_hist", "hourly_tickets", "daily_notices",
  "daily_view_times", "daily_case_places", "daily_case_staff", "daily_ticket_load",
};

/* Deletes every case, ticket and notice of @office in the days @first …
 * @last (Julian): those days are left with no rows of the office. */
static void
delete_days (DaftarDb *db, const char *office, guint32 first, guint32 last, const char *cursor)
{
  static const char * const entities[][3] = {
    { "case", "cases", "filed_at" }, { "ticket", "tickets", "issued_at" }, { "notice", "notices", "issued_at" },
  };
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  char first_text[11], last_text[11];
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_julian (&from, first);
  g_date_set_julian (&to, last + 1);
  for (guint e = 0; e < G_N_ELEMENTS (entities); e++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE office_code = ? AND %s >= ? AND %s < ?",
                                              entities[e][1], entities[e][2], entities[e][2]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, office, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, daftar_time_day_start (&from));
      sqlite3_bind_int64 (stmt, 3, daftar_time_day_start (&to));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (changes, g_strdup_printf ("{\"entity\": \"%s\", \"op\": \"delete\", \"id\": \"%s\"}",
                                                   entities[e][0], sqlite3_column_text (stmt, 0)));
      sqlite3_finalize (stmt);
    }
  g_assert_cmpuint (changes->len, >, 0);
  ingest_changes (db, office, cursor, changes);

  day_text (first, first_text);
  day_text (last, last_text);
  for (guint i = 0; i < G_N_ELEMENTS (daily_tables); i++)
    g_assert_cmpint (count_fmt (db, "SELECT count(*) FROM %s WHERE office_code = '%s' AND day BETWEEN '%s' AND '%s'",
                                daily_tables[i], office, first_text, last_text), ==, 0);
}

/* d. Emptying one open day takes it out of the month's open days; emptying
 * an office's whole month leaves it no monthly row of that month. */
static void
empty_day (DaftarDb *db, const char *office)
{
  gint64 issued_at;
  /* A ticket is an arrival: its day is an open day. */
  g_autofree char *ticket = pick_record (db, "SELECT id, issued_at FROM tickets WHERE office_code = ?1 "
                                         "AND issued_at >= ?2 AND issued_at < ?3 ORDER BY issued_at, id LIMIT 1",
                                         office, day_start (22, 3, 2025), day_start (21, 4, 2025), &issued_at);
  gint64 before[2];
  GDate date;
  /* Its weekday, Saturday = 0, in month 1404-01. */
#define OPEN_DAYS_OF(who) \
  count_fmt (db, "SELECT coalesce(sum(n), 0) FROM monthly_open_days WHERE office_code = '%s' AND " \
                 "day = '2025-03-21' AND weekday = %d", who, (g_date_get_weekday (&date) + 1) % 7)

  daftar_time_local_date (issued_at, &date);
  before[0] = OPEN_DAYS_OF (office);
  before[1] = OPEN_DAYS_OF ("");
  g_assert_cmpint (before[0], >, 0);
  delete_days (db, office, g_date_get_julian (&date), g_date_get_julian (&date), "emptied-day");
  g_assert_cmpint (OPEN_DAYS_OF (office), ==, before[0] - 1);
  g_assert_cmpint (OPEN_DAYS_OF (""), ==, before[1] - 1);
#undef OPEN_DAYS_OF
}

static void
empty_month (DaftarDb *db, const char *office)
{
  static const char * const month = "2025-04-21";   /* 1404-02-01 */
#define MONTHLY_TABLE(i) (i < G_N_ELEMENTS (monthly_tables) ? monthly_tables[i].monthly : "monthly_open_days")

  for (guint i = 0; i <= G_N_ELEMENTS (monthly_tables); i++)
    g_assert_cmpint (count_fmt (db, "SELECT count(*) FROM %s WHERE office_code = '%s' AND day = '%s'",
                                MONTHLY_TABLE (i), office, month), >, 0);
  delete_days (db, office, julian (21, 4, 2025), julian (30, 4, 2025), "emptied-month");
  for (guint i = 0; i <= G_N_ELEMENTS (monthly_tables); i++)
    {
      g_assert_cmpint (count_fmt (db, "SELECT count(*) FROM %s WHERE office_code = '%s' AND day = '%s'",
                                  MONTHLY_TABLE (i), office, month), ==, 0);
      /* The other offices keep theirs. */
      g_assert_cmpint (count_fmt (db, "SELECT count(*) FROM %s WHERE office_code NOT IN ('', '%s') AND day = '%s'",
                                  MONTHLY_TABLE (i), office, month), >, 0);
    }
#undef MONTHLY_TABLE
}

static void
test_demo (gconstpointer data)
{
  guint seed = GPOINTER_TO_UINT (data);
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autoptr(DaftarDemo) demo = NULL;
  g_autoptr(GError) error = NULL;
  GDate last_day, first_day;

  g_date_clear (&last_day, 1);
  g_date_set_dmy (&last_day, 30, G_DATE_APRIL, 2025);
  demo = daftar_demo_new (seed, N_OFFICES, N_DAYS, &last_day);
  daftar_demo_get_day (demo, 0, &first_day);
  g_assert_cmpuint (g_date_get_julian (&first_day), ==, julian (20, 1, 2025));
  g_assert_true (daftar_demo_fill_database (demo, db, 2000, NULL, &error));
  g_assert_no_error (error);
  create_month_map (db);

  /* 1403-11, 1403-12 (with Esfand 30), 1404-01 and 1404-02. */
  g_assert_cmpint (daftar_test_count (db, "SELECT count(DISTINCT day) FROM monthly_cases"), ==, 4);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM monthly_cases WHERE day NOT IN "
                                          "('2025-01-20', '2025-02-19', '2025-03-21', '2025-04-21')"), ==, 0);
  check_all (db, "the demo's ingest");

  change_records (db, daftar_demo_get_office_code (demo, 0));
  check_all (db, "changed records");

  empty_day (db, daftar_demo_get_office_code (demo, 1));
  check_all (db, "an emptied day");

  empty_month (db, daftar_demo_get_office_code (demo, 2));
  check_all (db, "an emptied month");

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rollup-levels/jalali-months", test_jalali_months);
  for (guint seed = 11; seed <= 12; seed++)
    {
      g_autofree char *path = g_strdup_printf ("/rollup-levels/demo/seed-%u", seed);
      g_test_add_data_func (path, GUINT_TO_POINTER (seed), test_demo);
    }
  return g_test_run ();
}
