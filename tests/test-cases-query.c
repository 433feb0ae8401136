/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cases-query.c: every figure of the Cases page equals naive SQL over the base tables; the "cases" report carries them. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "daftar-cases-query.h"
#include "daftar-demo.h"
#include "daftar-format.h"
#include "daftar-records.h"
#include "daftar-report.h"
#include "daftar-rollup-levels.h"
#include "daftar-test-util.h"

#define N_SEEDS 3

static const guint64 seeds[N_SEEDS] = { 3, 17, 2024 };
static DaftarDb *dbs[N_SEEDS];
static char *dirs[N_SEEDS];
static char *office_codes[N_SEEDS][2];

/* Periods crossing Jalali month and year ends: 1403-12-30 = 2025-03-20 is
 * Esfand 30 of the leap year 1403, 1404-01-01 = 2025-03-21. */
static const struct { const char *from, *to; } periods[] = {
  { "2025-03-10", "2025-03-30" },   /* across Nowruz, day bins */
  { "2025-03-20", "2025-03-21" },   /* Esfand 30 and Farvardin 1 */
  { "2025-02-15", "2025-04-30" },   /* Bahman to Ordibehesht */
  { "2025-01-01", "2025-04-30" },   /* nearly the whole demo span */
  { "2025-03-21", "2025-04-20" },   /* Farvardin 1404 exactly */
};

static GTimeZone *tehran;

/* Local midnight computed with GLib alone, apart from daftar-time. */
static gint64
midnight (const GDate *day)
{
  g_autoptr(GDateTime) dt = g_date_time_new (tehran, g_date_get_year (day), g_date_get_month (day),
                                             g_date_get_day (day), 0, 0, 0);
  return g_date_time_to_unix (dt);
}

static GDate
parse_day (const char *text)
{
  GDate d;
  int y, m, dd;

  g_assert_cmpint (sscanf (text, "%d-%d-%d", &y, &m, &dd), ==, 3);
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, dd, m, y);
  return d;
}

static sqlite3_stmt *
prepare (DaftarDb   *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  return stmt;
}

/* Binds ?1 office (nullable), ?2 ?3 the instants [lo, hi). */
static void
bind_range (sqlite3_stmt *stmt,
            const char   *office,
            gint64        lo,
            gint64        hi)
{
  if (office)
    sqlite3_bind_text (stmt, 1, office, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, lo);
  sqlite3_bind_int64 (stmt, 3, hi);
}

#define NAIVE_WHERE " WHERE (?1 IS NULL OR c.office_code = ?1) AND c.filed_at >= ?2 AND c.filed_at < ?3 "

typedef void (*CheckFunc) (DaftarDb *db, const char *office, const GDate *from, const GDate *to,
                           const DaftarCasesFigures *f);

/* Runs @check on every seed, period, office and bin. */
static void
for_each_case (CheckFunc check)
{
  for (guint s = 0; s < N_SEEDS; s++)
    for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
      for (guint o = 0; o < 3; o++)
        {
          const char *office = o < 2 ? office_codes[s][o] : NULL;
          GDate from = parse_day (periods[p].from), to = parse_day (periods[p].to);
          DaftarBin bins[] = { DAFTAR_BIN_DAY, DAFTAR_BIN_WEEK, DAFTAR_BIN_MONTH };

          for (guint b = 0; b < G_N_ELEMENTS (bins); b++)
            {
              g_autoptr(GError) error = NULL;
              g_autoptr(DaftarCasesFigures) f =
                daftar_query_cases (dbs[s], office, &from, &to, bins[b], NULL, &error);

              g_assert_no_error (error);
              g_assert_nonnull (f);
              check (dbs[s], office, &from, &to, f);
            }
        }
}

static void
check_bins (DaftarDb                 *db,
            const char               *office,
            const GDate              *from,
            const GDate              *to,
            const DaftarCasesFigures *f)
{
  sqlite3_stmt *stmt = prepare (db, "SELECT kind, count(*) FROM cases c" NAIVE_WHERE "GROUP BY kind");
  gint64 sum = 0, sana = 0;
  GDate end = *to;

  g_date_add_days (&end, 1);
  g_assert_cmpuint (f->bins->len, >, 0);
  for (guint b = 0; b < f->bins->len; b++)
    {
      const DaftarCasesBin *bin = &g_array_index (f->bins, DaftarCasesBin, b);
      GDate lo = g_date_compare (&bin->start, from) < 0 ? *from : bin->start;
      GDate hi = b + 1 < f->bins->len ? g_array_index (f->bins, DaftarCasesBin, b + 1).start : end;
      gint64 expected[DAFTAR_N_CASE_KINDS] = { 0 }, total = 0;

      sqlite3_reset (stmt);
      bind_range (stmt, office, midnight (&lo), midnight (&hi));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (guint k = 0; k < DAFTAR_N_CASE_KINDS; k++)
          if (g_str_equal (daftar_enum_to_nick (DAFTAR_TYPE_CASE_KIND, k), (const char *) sqlite3_column_text (stmt, 0)))
            expected[k] = sqlite3_column_int64 (stmt, 1);
      for (guint k = 0; k < DAFTAR_N_CASE_KINDS; k++)
        {
          g_assert_cmpint (bin->by_kind[k], ==, expected[k]);
          total += expected[k];
        }
      g_assert_cmpint (bin->total, ==, total);
      g_assert_cmpint (bin->sana_registrations, ==, expected[5]);
      sum += total;
      sana += bin->sana_registrations;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (f->total, ==, sum);
  g_assert_cmpint (f->sana_registrations, ==, sana);
  g_assert_cmpstr (daftar_enum_to_nick (DAFTAR_TYPE_CASE_KIND, 5), ==, "sana_registration");
}

static void
test_bins_by_kind (void)
{
  for_each_case (check_bins);
}

static void
check_scope_status (DaftarDb                 *db,
                    const char               *office,
                    const GDate              *from,
                    const GDate              *to,
                    const DaftarCasesFigures *f)
{
  GDate end = *to;
  sqlite3_stmt *stmt;

  g_date_add_days (&end, 1);
  stmt = prepare (db,
    "SELECT CASE WHEN c.dest_city IS NULL OR c.dest_city = o.city THEN 0 "
    "  WHEN c.dest_province = o.province THEN 1 ELSE 2 END AS s, count(*) "
    "FROM cases c LEFT JOIN offices o ON o.code = c.office_code" NAIVE_WHERE "GROUP BY s");
  {
    gint64 expected[DAFTAR_N_DEST_SCOPES] = { 0 };

    bind_range (stmt, office, midnight (from), midnight (&end));
    while (sqlite3_step (stmt) == SQLITE_ROW)
      expected[sqlite3_column_int (stmt, 0)] = sqlite3_column_int64 (stmt, 1);
    for (guint i = 0; i < DAFTAR_N_DEST_SCOPES; i++)
      g_assert_cmpint (f->by_scope[i], ==, expected[i]);
  }
  sqlite3_finalize (stmt);

  stmt = prepare (db, "SELECT status, count(*) FROM cases c" NAIVE_WHERE "GROUP BY status");
  {
    gint64 expected[DAFTAR_N_CASE_STATUSES] = { 0 };

    bind_range (stmt, office, midnight (from), midnight (&end));
    while (sqlite3_step (stmt) == SQLITE_ROW)
      for (guint i = 0; i < DAFTAR_N_CASE_STATUSES; i++)
        if (g_str_equal (daftar_enum_to_nick (DAFTAR_TYPE_CASE_STATUS, i), (const char *) sqlite3_column_text (stmt, 0)))
          expected[i] = sqlite3_column_int64 (stmt, 1);
    for (guint i = 0; i < DAFTAR_N_CASE_STATUSES; i++)
      g_assert_cmpint (f->by_status[i], ==, expected[i]);
  }
  sqlite3_finalize (stmt);
}

static void
test_scope_and_status (void)
{
  for_each_case (check_scope_status);
}

static void
check_places (DaftarDb                 *db,
              const char               *office,
              const GDate              *from,
              const GDate              *to,
              const DaftarCasesFigures *f)
{
  sqlite3_stmt *stmt;
  GDate end = *to;
  guint i;

  g_date_add_days (&end, 1);
  stmt = prepare (db, "SELECT dest_province, count(*) AS n FROM cases c" NAIVE_WHERE
                      "AND dest_province IS NOT NULL GROUP BY dest_province ORDER BY n DESC, dest_province LIMIT 10");
  bind_range (stmt, office, midnight (from), midnight (&end));
  for (i = 0; sqlite3_step (stmt) == SQLITE_ROW; i++)
    {
      const DaftarCasesPlace *p;

      g_assert_cmpuint (i, <, f->top_provinces->len);
      p = g_ptr_array_index (f->top_provinces, i);
      g_assert_cmpstr (p->name, ==, (const char *) sqlite3_column_text (stmt, 0));
      g_assert_cmpint (p->cases, ==, sqlite3_column_int64 (stmt, 1));
    }
  g_assert_cmpuint (i, ==, f->top_provinces->len);
  sqlite3_finalize (stmt);

  stmt = prepare (db, "SELECT dest_city, dest_province, count(*) AS n FROM cases c" NAIVE_WHERE
                      "AND dest_city IS NOT NULL GROUP BY dest_city, dest_province "
                      "ORDER BY n DESC, dest_city, dest_province LIMIT 10");
  bind_range (stmt, office, midnight (from), midnight (&end));
  for (i = 0; sqlite3_step (stmt) == SQLITE_ROW; i++)
    {
      const DaftarCasesPlace *p;

      g_assert_cmpuint (i, <, f->top_cities->len);
      p = g_ptr_array_index (f->top_cities, i);
      g_assert_cmpstr (p->name, ==, (const char *) sqlite3_column_text (stmt, 0));
      g_assert_cmpstr (p->province, ==, (const char *) sqlite3_column_text (stmt, 1));
      g_assert_cmpint (p->cases, ==, sqlite3_column_int64 (stmt, 2));
    }
  g_assert_cmpuint (i, ==, f->top_cities->len);
  sqlite3_finalize (stmt);
}

static void
test_top_places (void)
{
  for_each_case (check_places);
}

static guint shifts_over_seen;

static void
check_staff (DaftarDb                 *db,
             const char               *office,
             const GDate              *from,
             const GDate              *to,
             const DaftarCasesFigures *f)
{
  /* Iran keeps +03:30 all year since 2022, so the local day is plain arithmetic here. */
  sqlite3_stmt *stmt = prepare (db,
    "SELECT d.staff_id, s.name, d.shift, sum(d.n), count(*), max(d.n), sum(d.n > ?4) "
    "FROM (SELECT staff_id, shift, date(filed_at + 12600, 'unixepoch') AS day, count(*) AS n "
    "      FROM cases c" NAIVE_WHERE "AND staff_id IS NOT NULL GROUP BY staff_id, shift, day) d "
    "LEFT JOIN staff s ON s.id = d.staff_id "
    "GROUP BY d.staff_id, d.shift ORDER BY d.staff_id, d.shift");
  GDate end = *to;
  guint i;

  g_date_add_days (&end, 1);
  bind_range (stmt, office, midnight (from), midnight (&end));
  sqlite3_bind_double (stmt, 4, f->standards.max_cases_per_staff_shift);
  g_assert_cmpfloat (f->standards.max_cases_per_staff_shift, ==,
                     (double) daftar_test_count (db, "SELECT coalesce(max(value), 25) FROM standards "
                                                     "WHERE key = 'max_cases_per_staff_shift'"));
  for (i = 0; sqlite3_step (stmt) == SQLITE_ROW; i++)
    {
      const DaftarCasesStaffShift *s;

      g_assert_cmpuint (i, <, f->staff_shifts->len);
      s = g_ptr_array_index (f->staff_shifts, i);
      g_assert_cmpstr (s->staff_id, ==, (const char *) sqlite3_column_text (stmt, 0));
      g_assert_cmpstr (s->name, ==, (const char *) sqlite3_column_text (stmt, 1));
      g_assert_cmpstr (daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, s->shift), ==, (const char *) sqlite3_column_text (stmt, 2));
      g_assert_cmpint (s->cases, ==, sqlite3_column_int64 (stmt, 3));
      g_assert_cmpint (s->shifts_worked, ==, sqlite3_column_int64 (stmt, 4));
      g_assert_cmpint (s->busiest_shift, ==, sqlite3_column_int64 (stmt, 5));
      g_assert_cmpint (s->shifts_over, ==, sqlite3_column_int64 (stmt, 6));
      g_assert_cmpfloat_with_epsilon (s->per_shift, (double) s->cases / s->shifts_worked, 1e-12);
      shifts_over_seen += s->shifts_over;
    }
  g_assert_cmpuint (i, ==, f->staff_shifts->len);
  sqlite3_finalize (stmt);
}

static void
test_staff_per_shift (void)
{
  shifts_over_seen = 0;
  for_each_case (check_staff);
  /* One seed runs with a strict standard, so exceeding shifts do occur. */
  g_assert_cmpuint (shifts_over_seen, >, 0);
}

/* Seed 1's standard was changed behind ingest's back, so its monthly rows
 * count shifts over the old one and the query reads days (checked above).
 * Once they are recounted the months are read again, with the same
 * figures. */
static void
test_staff_after_restandard (void)
{
  g_autoptr(GError) error = NULL;
  const char *stale_sql = "SELECT count(*) FROM monthly_case_staff WHERE over_limit IS NOT "
                          "(SELECT value FROM standards WHERE key = 'max_cases_per_staff_shift')";

  g_assert_cmpint (daftar_test_count (dbs[1], stale_sql), >, 0);
  g_assert_cmpint (daftar_test_count (dbs[0], stale_sql), ==, 0);
  g_assert_true (daftar_rollup_levels_restandard (dbs[1], &error));
  g_assert_no_error (error);
  g_assert_cmpint (daftar_test_count (dbs[1], stale_sql), ==, 0);
  g_assert_cmpint (daftar_test_count (dbs[1], "SELECT count(*) FROM monthly_case_staff WHERE over_n > 0"), >, 0);

  shifts_over_seen = 0;
  for_each_case (check_staff);
  g_assert_cmpuint (shifts_over_seen, >, 0);
}

static void
test_jalali_bins (void)
{
  GDate from = parse_day ("2024-12-21"), to = parse_day ("2025-04-30");
  /* 1 Dey, 1 Bahman, 1 Esfand 1403, 1 Farvardin, 1 Ordibehesht 1404. */
  const char *month_starts[] = { "2024-12-21", "2025-01-20", "2025-02-19", "2025-03-21", "2025-04-21" };
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarCasesFigures) months = daftar_query_cases (dbs[0], NULL, &from, &to, DAFTAR_BIN_MONTH, NULL, &error);
  g_autoptr(DaftarCasesFigures) weeks = NULL;
  GDate esfand30 = parse_day ("2025-03-20");
  DaftarJalaliDate j;

  g_assert_no_error (error);
  g_assert_cmpuint (months->bins->len, ==, G_N_ELEMENTS (month_starts));
  for (guint i = 0; i < G_N_ELEMENTS (month_starts); i++)
    {
      GDate expected = parse_day (month_starts[i]);
      g_assert_cmpint (g_date_compare (&g_array_index (months->bins, DaftarCasesBin, i).start, &expected), ==, 0);
    }
  /* Esfand 1403 has 30 days: its bin ends on 2025-03-20. */
  g_assert_true (daftar_jalali_from_gdate (&esfand30, &j));
  g_assert_cmpint (j.year, ==, 1403);
  g_assert_cmpint (j.month, ==, 12);
  g_assert_cmpint (j.day, ==, 30);

  /* Weeks: Saturdays 7 days apart, the first holding the period's first day. */
  from = parse_day ("2025-03-12");   /* a Wednesday */
  weeks = daftar_query_cases (dbs[0], NULL, &from, &to, DAFTAR_BIN_WEEK, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < weeks->bins->len; i++)
    {
      const GDate *start = &g_array_index (weeks->bins, DaftarCasesBin, i).start;

      g_assert_cmpint (g_date_get_weekday (start), ==, G_DATE_SATURDAY);
      if (i == 0)
        {
          g_assert_cmpint (g_date_days_between (start, &from), >=, 0);
          g_assert_cmpint (g_date_days_between (start, &from), <, 7);
        }
      else
        g_assert_cmpint (g_date_days_between (&g_array_index (weeks->bins, DaftarCasesBin, i - 1).start, start), ==, 7);
    }
  g_assert_cmpint (g_date_days_between (&g_array_index (weeks->bins, DaftarCasesBin, weeks->bins->len - 1).start, &to), <, 7);
}

static char *
run_report (DaftarDb           *db,
            const char         *office,
            const GDate        *from,
            const GDate        *to,
            DaftarReportFormat  format)
{
  DaftarReportRequest request = { .office_code = office, .from = *from, .to = *to };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (daftar_report_run (db, "cases", &request, format, out, &error));
  g_assert_no_error (error);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The expected CSV line of a row, "table,v1,v2,…", built from the figures. */
static void
expect_line (GPtrArray  *lines,
             const char *table,
             ...)
{
  g_autoptr(GString) line = g_string_new (table);
  va_list args;
  const char *value;

  va_start (args, table);
  while ((value = va_arg (args, const char *)) != NULL)
    g_string_append_printf (line, ",%s", value);
  va_end (args);
  g_ptr_array_add (lines, g_string_free (g_steal_pointer (&line), FALSE));
}

#define I(n) g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) (n))

static void
test_report (void)
{
  for (guint s = 0; s < N_SEEDS; s++)
    for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
      {
        const char *office = s == 1 ? NULL : office_codes[s][0];
        GDate from = parse_day (periods[p].from), to = parse_day (periods[p].to);
        DaftarPeriod period;
        g_autoptr(GError) error = NULL;
        g_autoptr(DaftarCasesFigures) f = NULL;
        g_autofree char *json = run_report (dbs[s], office, &from, &to, DAFTAR_REPORT_JSON);
        g_autofree char *csv = run_report (dbs[s], office, &from, &to, DAFTAR_REPORT_CSV);
        g_autoptr(JsonParser) parser = json_parser_new ();
        g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
        g_auto(GStrv) csv_lines = g_strsplit (csv, "\r\n", -1);
        JsonObject *tables;
        JsonArray *rows;
        guint n_csv_rows = 0;

        daftar_period_custom (&from, &to, &period);
        f = daftar_query_cases (dbs[s], office, &from, &to, daftar_period_bin (&period), NULL, &error);
        g_assert_no_error (error);

        g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
        tables = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "tables");

        /* JSON: every table, row by row. */
        rows = json_object_get_array_member (json_object_get_object_member (tables, "by_bin_kind"), "rows");
        g_assert_cmpuint (json_array_get_length (rows), ==, f->bins->len * DAFTAR_N_CASE_KINDS);
        for (guint b = 0; b < f->bins->len; b++)
          for (guint k = 0; k < DAFTAR_N_CASE_KINDS; k++)
            {
              const DaftarCasesBin *bin = &g_array_index (f->bins, DaftarCasesBin, b);
              JsonArray *row = json_array_get_array_element (rows, b * DAFTAR_N_CASE_KINDS + k);
              char day[11];
              g_autofree char *n = I (bin->by_kind[k]);

              g_snprintf (day, sizeof day, "%04d-%02d-%02d", g_date_get_year (&bin->start),
                          g_date_get_month (&bin->start), g_date_get_day (&bin->start));
              g_assert_cmpstr (json_array_get_string_element (row, 0), ==, day);
              g_assert_cmpstr (json_array_get_string_element (row, 1), ==, daftar_enum_to_nick (DAFTAR_TYPE_CASE_KIND, k));
              g_assert_cmpint (json_array_get_int_element (row, 2), ==, bin->by_kind[k]);
              expect_line (expected, "by_bin_kind", day, daftar_enum_to_nick (DAFTAR_TYPE_CASE_KIND, k), n, NULL);
            }
        rows = json_object_get_array_member (json_object_get_object_member (tables, "by_destination_scope"), "rows");
        for (guint i = 0; i < DAFTAR_N_DEST_SCOPES; i++)
          {
            JsonArray *row = json_array_get_array_element (rows, i);
            g_autofree char *n = I (f->by_scope[i]);

            g_assert_cmpstr (json_array_get_string_element (row, 0), ==, daftar_dest_scopes[i]);
            g_assert_cmpint (json_array_get_int_element (row, 1), ==, f->by_scope[i]);
            expect_line (expected, "by_destination_scope", daftar_dest_scopes[i], n, NULL);
          }
        rows = json_object_get_array_member (json_object_get_object_member (tables, "top_provinces"), "rows");
        g_assert_cmpuint (json_array_get_length (rows), ==, f->top_provinces->len);
        for (guint i = 0; i < f->top_provinces->len; i++)
          {
            const DaftarCasesPlace *place = g_ptr_array_index (f->top_provinces, i);
            JsonArray *row = json_array_get_array_element (rows, i);
            g_autofree char *n = I (place->cases);

            g_assert_cmpstr (json_array_get_string_element (row, 0), ==, place->name);
            g_assert_cmpint (json_array_get_int_element (row, 1), ==, place->cases);
            expect_line (expected, "top_provinces", place->name, n, NULL);
          }
        rows = json_object_get_array_member (json_object_get_object_member (tables, "top_cities"), "rows");
        g_assert_cmpuint (json_array_get_length (rows), ==, f->top_cities->len);
        for (guint i = 0; i < f->top_cities->len; i++)
          {
            const DaftarCasesPlace *place = g_ptr_array_index (f->top_cities, i);
            JsonArray *row = json_array_get_array_element (rows, i);
            g_autofree char *n = I (place->cases);

            g_assert_cmpstr (json_array_get_string_element (row, 0), ==, place->name);
            g_assert_cmpstr (json_array_get_string_element (row, 1), ==, place->province);
            g_assert_cmpint (json_array_get_int_element (row, 2), ==, place->cases);
            expect_line (expected, "top_cities", place->name, place->province ? place->province : "", n, NULL);
          }
        rows = json_object_get_array_member (json_object_get_object_member (tables, "by_status"), "rows");
        for (guint i = 0; i < DAFTAR_N_CASE_STATUSES; i++)
          {
            JsonArray *row = json_array_get_array_element (rows, i);
            g_autofree char *n = I (f->by_status[i]);

            g_assert_cmpstr (json_array_get_string_element (row, 0), ==, daftar_enum_to_nick (DAFTAR_TYPE_CASE_STATUS, i));
            g_assert_cmpint (json_array_get_int_element (row, 1), ==, f->by_status[i]);
            expect_line (expected, "by_status", daftar_enum_to_nick (DAFTAR_TYPE_CASE_STATUS, i), n, NULL);
          }
        rows = json_object_get_array_member (json_object_get_object_member (tables, "per_staff_shift"), "rows");
        g_assert_cmpuint (json_array_get_length (rows), ==, f->staff_shifts->len);
        for (guint i = 0; i < f->staff_shifts->len; i++)
          {
            const DaftarCasesStaffShift *st = g_ptr_array_index (f->staff_shifts, i);
            JsonArray *row = json_array_get_array_element (rows, i);

            g_assert_cmpstr (json_array_get_string_element (row, 0), ==, st->staff_id);
            g_assert_cmpstr (json_array_get_string_element (row, 2), ==, daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, st->shift));
            g_assert_cmpint (json_array_get_int_element (row, 3), ==, st->cases);
            g_assert_cmpint (json_array_get_int_element (row, 4), ==, st->shifts_worked);
            g_assert_cmpfloat_with_epsilon (json_node_get_double (json_array_get_element (row, 5)), st->per_shift, 1e-9);
            g_assert_cmpint (json_array_get_int_element (row, 6), ==, st->busiest_shift);
            g_assert_cmpint (json_array_get_int_element (row, 7), ==, st->shifts_over);
            n_csv_rows++;
          }

        /* CSV: the same rows, in the same order, for the integer tables. */
        {
          guint e = 0;

          for (guint l = 0; csv_lines[l] != NULL; l++)
            {
              if (g_str_has_prefix (csv_lines[l], "per_staff_shift,"))
                n_csv_rows--;
              else if (g_str_has_prefix (csv_lines[l], "by_") || g_str_has_prefix (csv_lines[l], "top_"))
                {
                  g_assert_cmpuint (e, <, expected->len);
                  g_assert_cmpstr (csv_lines[l], ==, g_ptr_array_index (expected, e));
                  e++;
                }
            }
          g_assert_cmpuint (e, ==, expected->len);
          g_assert_cmpuint (n_csv_rows, ==, 0);
        }
      }
}

int
main (int argc, char **argv)
{
  GDate last_day;
  int rc;

  g_test_init (&argc, &argv, NULL);
  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_ENGLISH, DAFTAR_FORMAT_DIGITS_LATIN, DAFTAR_FORMAT_CALENDAR_JALALI);
  tehran = g_time_zone_new_identifier ("Asia/Tehran");
  g_assert_nonnull (tehran);

  g_date_clear (&last_day, 1);
  g_date_set_dmy (&last_day, 30, G_DATE_APRIL, 2025);
  for (guint s = 0; s < N_SEEDS; s++)
    {
      g_autoptr(DaftarDemo) demo = daftar_demo_new (seeds[s], 2, 132, &last_day);
      g_autoptr(GError) error = NULL;

      dbs[s] = daftar_test_db_new (&dirs[s]);
      g_assert_true (daftar_demo_fill_database (demo, dbs[s], 2000, NULL, &error));
      g_assert_no_error (error);
      for (guint o = 0; o < 2; o++)
        office_codes[s][o] = g_strdup (daftar_demo_get_office_code (demo, o));
    }
  /* A strict standard for one seed, so shifts over it exist to be counted. */
  g_assert_true (daftar_db_exec (dbs[1], "INSERT OR REPLACE INTO standards (key, value) "
                                         "VALUES ('max_cases_per_staff_shift', 4)", NULL));

  g_test_add_func ("/cases-query/bins-by-kind", test_bins_by_kind);
  g_test_add_func ("/cases-query/scope-and-status", test_scope_and_status);
  g_test_add_func ("/cases-query/top-places", test_top_places);
  g_test_add_func ("/cases-query/staff-per-shift", test_staff_per_shift);
  g_test_add_func ("/cases-query/staff-after-restandard", test_staff_after_restandard);
  g_test_add_func ("/cases-query/jalali-bins", test_jalali_bins);
  g_test_add_func ("/cases-query/report", test_report);

  rc = g_test_run ();

  for (guint s = 0; s < N_SEEDS; s++)
    {
      daftar_db_close (dbs[s]);
      daftar_test_tmpdir_free (dirs[s]);
      g_free (office_codes[s][0]);
      g_free (office_codes[s][1]);
    }
  g_time_zone_unref (tehran);
  return rc;
}
