/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-notices-query.c: the Notices figures, unviewed list, CSV export and report against naive computations over the base table. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "daftar-demo.h"
#include "daftar-i18n.h"
#include "daftar-labels.h"
#include "daftar-notices-query.h"
#include "daftar-notices-report.h"
#include "daftar-period.h"
#include "daftar-report.h"
#include "daftar-test-util.h"
#include "daftar-time.h"

#define N_OFFICES 2
#define N_DAYS 120

/* One row of the notices table, with its local day computed here, apart
 * from the code under test. */
typedef struct
{
  char   *id;
  char   *office_code;
  char   *case_id;
  gboolean electronic;
  gint64  issued_at;
  gboolean delivered, viewed, deemed;
  gint64  viewed_at;
  GDate   day;
} Notice;

typedef struct
{
  char      *dir;
  DaftarDb  *db;
  GDate      last_day;
  GArray    *notices;   /* Notice */
  char      *offices[N_OFFICES];
} Fixture;

static void
local_day (gint64  t,
           GDate  *out)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Tehran");
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  g_assert_nonnull (tz);
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

static void
fixture_load_notices (Fixture *f)
{
  sqlite3 *h = daftar_db_get_handle (f->db);
  sqlite3_stmt *stmt = NULL;

  f->notices = g_array_new (FALSE, TRUE, sizeof (Notice));
  g_assert_cmpint (sqlite3_prepare_v2 (h,
    "SELECT id, office_code, case_id, channel, issued_at, delivered_at, viewed_at, deemed_at FROM notices",
    -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Notice n = { 0 };

      n.id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      n.office_code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      n.case_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      n.electronic = g_str_equal ((const char *) sqlite3_column_text (stmt, 3), "electronic");
      n.issued_at = sqlite3_column_int64 (stmt, 4);
      n.delivered = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
      n.viewed = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
      n.viewed_at = sqlite3_column_int64 (stmt, 6);
      n.deemed = sqlite3_column_type (stmt, 7) != SQLITE_NULL;
      local_day (n.issued_at, &n.day);
      g_array_append_val (f->notices, n);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (f->notices->len, >, 500);
}

static Fixture *
fixture_new (guint64 seed)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autoptr(DaftarDemo) demo = NULL;
  g_autoptr(GError) error = NULL;

  /* 120 days to 2025-04-30: crosses Esfand 30 of leap year 1403
   * (2025-03-20) and Nowruz 1404. */
  g_date_clear (&f->last_day, 1);
  g_date_set_dmy (&f->last_day, 30, G_DATE_APRIL, 2025);
  demo = daftar_demo_new (seed, N_OFFICES, N_DAYS, &f->last_day);
  f->db = daftar_test_db_new (&f->dir);
  g_assert_true (daftar_demo_fill_database (demo, f->db, 2000, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_OFFICES; i++)
    f->offices[i] = g_strdup (daftar_demo_get_office_code (demo, i));
  fixture_load_notices (f);
  return f;
}

static void
notices_free (GArray *notices)
{
  for (guint i = 0; i < notices->len; i++)
    {
      Notice *n = &g_array_index (notices, Notice, i);
      g_free (n->id);
      g_free (n->office_code);
      g_free (n->case_id);
    }
  g_array_unref (notices);
}

static void
fixture_free (Fixture *f)
{
  notices_free (f->notices);
  for (guint i = 0; i < N_OFFICES; i++)
    g_free (f->offices[i]);
  daftar_db_close (f->db);
  daftar_test_tmpdir_free (f->dir);
  g_free (f);
}

static gboolean
notice_in (const Notice *n,
           const char   *office,
           const GDate  *from,
           const GDate  *to)
{
  return (office == NULL || g_str_equal (office, n->office_code)) &&
         g_date_compare (&n->day, from) >= 0 && g_date_compare (&n->day, to) <= 0;
}

static int
naive_view_bin (const Notice *n)
{
  static const gint64 upper[] = { 3600, 6 * 3600, 86400, 2 * 86400, 3 * 86400, 7 * 86400, 10 * 86400 };
  gint64 delay = n->viewed_at - n->issued_at;

  if (!n->viewed)
    return DAFTAR_VIEW_NEVER;
  for (guint i = 0; i < G_N_ELEMENTS (upper); i++)
    if (delay < upper[i])
      return (int) i;
  return DAFTAR_VIEW_OVER_10D;
}

static void
count_notice (DaftarNoticeCounts *c,
              const Notice       *n)
{
  c->issued++;
  c->delivered += n->delivered;
  c->viewed += n->viewed;
  c->deemed += n->deemed;
}

static void
assert_counts_equal (const DaftarNoticeCounts *got,
                     const DaftarNoticeCounts *want)
{
  g_assert_cmpint (got->issued, ==, want->issued);
  g_assert_cmpint (got->delivered, ==, want->delivered);
  g_assert_cmpint (got->viewed, ==, want->viewed);
  g_assert_cmpint (got->deemed, ==, want->deemed);
  if (want->issued == 0)
    g_assert_true (isnan (got->read_rate));
  else
    g_assert_cmpfloat_with_epsilon (got->read_rate, (double) want->viewed / want->issued, 1e-12);
}

static void
check_figures (Fixture     *f,
               const char  *office,
               const GDate *from,
               const GDate *to,
               DaftarBin    bin)
{
  g_auto(DaftarNoticesFigures) got = { 0 };
  g_autoptr(GError) error = NULL;
  DaftarNoticeCounts *want_bins;
  DaftarNoticeCounts want_totals[DAFTAR_N_NOTICE_CHANNELS] = { { 0 } };
  gint64 want_ttv[DAFTAR_N_VIEW_BINS] = { 0 };
  GDate expected_start, next;

  g_assert_true (daftar_notices_query_figures (f->db, office, from, to, bin, &got, &error));
  g_assert_no_error (error);

  /* The bins tile the period: the first holds @from, each starts the day
   * after the one before ends, the last ends on @to. */
  g_assert_cmpuint (got.bins->len, >, 0);
  daftar_bin_start (bin, from, &expected_start);
  next = *from;
  for (guint i = 0; i < got.bins->len; i++)
    {
      const DaftarNoticesBin *b = &g_array_index (got.bins, DaftarNoticesBin, i);
      GDate s;

      daftar_bin_start (bin, &next, &s);
      g_assert_cmpint (g_date_compare (&b->start, &s), ==, 0);
      daftar_bin_start (bin, &b->end, &s);
      g_assert_cmpint (g_date_compare (&b->start, &s), ==, 0);
      next = b->end;
      g_date_add_days (&next, 1);
      daftar_bin_start (bin, &next, &s);
      if (i + 1 < got.bins->len)
        g_assert_cmpint (g_date_compare (&s, &b->start), !=, 0);
    }
  g_assert_cmpint (g_date_compare (&g_array_index (got.bins, DaftarNoticesBin, 0).start, &expected_start), ==, 0);
  g_assert_cmpint (g_date_compare (&g_array_index (got.bins, DaftarNoticesBin, got.bins->len - 1).end, to), ==, 0);

  want_bins = g_new0 (DaftarNoticeCounts, got.bins->len * DAFTAR_N_NOTICE_CHANNELS);
  for (guint i = 0; i < f->notices->len; i++)
    {
      const Notice *n = &g_array_index (f->notices, Notice, i);
      int ch = n->electronic ? DAFTAR_NOTICE_CHANNEL_ELECTRONIC : DAFTAR_NOTICE_CHANNEL_PAPER;
      GDate start;
      guint b;

      if (!notice_in (n, office, from, to))
        continue;
      daftar_bin_start (bin, &n->day, &start);
      for (b = 0; b < got.bins->len; b++)
        if (g_date_compare (&g_array_index (got.bins, DaftarNoticesBin, b).start, &start) == 0)
          break;
      g_assert_cmpuint (b, <, got.bins->len);
      count_notice (&want_bins[b * DAFTAR_N_NOTICE_CHANNELS + ch], n);
      count_notice (&want_totals[ch], n);
      if (n->electronic)
        want_ttv[naive_view_bin (n)]++;
    }

  for (guint b = 0; b < got.bins->len; b++)
    for (int ch = 0; ch < DAFTAR_N_NOTICE_CHANNELS; ch++)
      assert_counts_equal (&g_array_index (got.bins, DaftarNoticesBin, b).channel[ch],
                           &want_bins[b * DAFTAR_N_NOTICE_CHANNELS + ch]);
  for (int ch = 0; ch < DAFTAR_N_NOTICE_CHANNELS; ch++)
    assert_counts_equal (&got.totals[ch], &want_totals[ch]);
  for (int v = 0; v < DAFTAR_N_VIEW_BINS; v++)
    g_assert_cmpint (got.time_to_view[v], ==, want_ttv[v]);
  g_assert_cmpfloat (got.target_read_rate, >, 0);
  g_free (want_bins);
}

static void
set_day (GDate *d, int day, GDateMonth month, int year)
{
  g_date_clear (d, 1);
  g_date_set_dmy (d, day, month, year);
}

static void
check_seed (guint64 seed)
{
  Fixture *f = fixture_new (seed);
  const char *offices[] = { NULL, f->offices[0], f->offices[1] };
  struct { int d1, m1, y1, d2, m2, y2; } ranges[] = {
    { 15, 3, 2025, 25, 3, 2025 },    /* days across 1403-12-30 and Nowruz */
    { 1, 2, 2025, 30, 4, 2025 },     /* weeks across the Jalali year */
    { 1, 1, 2025, 30, 4, 2025 },     /* weeks, the whole demo span */
    { 1, 10, 2024, 30, 4, 2025 },    /* Jalali months, partly before any data */
    { 20, 3, 2025, 20, 3, 2025 },    /* Esfand 30 alone */
  };

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      DaftarPeriod period;
      GDate from, to;

      set_day (&from, ranges[r].d1, ranges[r].m1, ranges[r].y1);
      set_day (&to, ranges[r].d2, ranges[r].m2, ranges[r].y2);
      daftar_period_custom (&from, &to, &period);
      for (guint o = 0; o < G_N_ELEMENTS (offices); o++)
        {
          check_figures (f, offices[o], &from, &to, daftar_period_bin (&period));
          /* Every binning of the same range sums to the same figures. */
          check_figures (f, offices[o], &from, &to, DAFTAR_BIN_MONTH);
          check_figures (f, offices[o], &from, &to, DAFTAR_BIN_DAY);
        }
    }
  fixture_free (f);
}

static void
test_figures_seed_1 (void)
{
  check_seed (1);
}

static void
test_figures_seed_7 (void)
{
  check_seed (7);
}

static void
test_figures_seed_2025 (void)
{
  check_seed (2025);
}

/* DESIGN §1: electronic notices are viewed in over 90% of cases, paper
 * ones reach the addressee in about 10%. Notices younger than ten days may
 * still be read, so the check stops ten days before the last day. */
static void
test_read_rates_realistic (void)
{
  Fixture *f = fixture_new (11);
  g_auto(DaftarNoticesFigures) got = { 0 };
  g_autoptr(GError) error = NULL;
  GDate from = f->last_day, to = f->last_day;

  g_date_subtract_days (&from, N_DAYS - 1);
  g_date_subtract_days (&to, 10);
  g_assert_true (daftar_notices_query_figures (f->db, NULL, &from, &to, DAFTAR_BIN_MONTH, &got, &error));
  g_assert_no_error (error);
  g_assert_cmpint (got.totals[DAFTAR_NOTICE_CHANNEL_ELECTRONIC].issued, >, 200);
  g_assert_cmpint (got.totals[DAFTAR_NOTICE_CHANNEL_PAPER].issued, >, 20);
  g_assert_cmpfloat (got.totals[DAFTAR_NOTICE_CHANNEL_ELECTRONIC].read_rate, >, 0.9);
  g_assert_cmpfloat (got.totals[DAFTAR_NOTICE_CHANNEL_PAPER].read_rate, <, 0.2);
  g_assert_cmpfloat (got.totals[DAFTAR_NOTICE_CHANNEL_PAPER].read_rate, >, 0.0);
  fixture_free (f);
}

static char *
case_field (DaftarDb   *db,
            const char *case_id,
            const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM cases WHERE id = ?", column);
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (case_id == NULL)
    return NULL;
  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static int
compare_notices (gconstpointer a,
                 gconstpointer b)
{
  const Notice *x = *(const Notice **) a, *y = *(const Notice **) b;

  if (x->issued_at != y->issued_at)
    return x->issued_at < y->issued_at ? -1 : 1;
  return strcmp (x->id, y->id);
}

/* The electronic notices nobody viewed whose local day of issue is @days
 * days or more before @today, oldest first. */
static GPtrArray *
naive_unviewed (Fixture     *f,
                const char  *office,
                const GDate *today,
                guint        days)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = 0; i < f->notices->len; i++)
    {
      Notice *n = &g_array_index (f->notices, Notice, i);

      if (n->electronic && !n->viewed && (office == NULL || g_str_equal (office, n->office_code)) &&
          g_date_days_between (&n->day, today) >= (int) days)
        g_ptr_array_add (rows, n);
    }
  g_ptr_array_sort (rows, compare_notices);
  return rows;
}

static void
test_unviewed (void)
{
  Fixture *f = fixture_new (5);
  const char *offices[] = { NULL, f->offices[1] };
  const guint days[] = { 1, 3, 7 };
  GDate today = f->last_day;
  gint64 previous = G_MAXINT64;

  for (guint o = 0; o < G_N_ELEMENTS (offices); o++)
    for (guint d = 0; d < G_N_ELEMENTS (days); d++)
      {
        g_autoptr(GPtrArray) want = naive_unviewed (f, offices[o], &today, days[d]);
        g_autoptr(GError) error = NULL;
        gint64 count = -1;
        guint seen = 0;

        g_assert_true (daftar_notices_query_unviewed_count (f->db, offices[o], &today, days[d], &count, &error));
        g_assert_no_error (error);
        g_assert_cmpint (count, ==, want->len);
        g_assert_cmpint (count, >, 0);
        if (o == 0)
          {
            /* A longer wait lists fewer notices. */
            g_assert_cmpint (count, <=, previous);
            previous = count;
          }

        /* Page through in pieces that do not divide the total. */
        for (guint offset = 0;; offset += 7)
          {
            g_autoptr(GPtrArray) page = daftar_notices_query_unviewed (f->db, offices[o], &today, days[d],
                                                                       offset, 7, &error);
            g_assert_no_error (error);
            g_assert_nonnull (page);
            for (guint i = 0; i < page->len; i++, seen++)
              {
                const DaftarUnviewedNotice *got = g_ptr_array_index (page, i);
                const Notice *n = g_ptr_array_index (want, seen);
                g_autofree char *tracking = case_field (f->db, n->case_id, "tracking_code");
                g_autofree char *kind = case_field (f->db, n->case_id, "kind");
                g_autofree char *client = case_field (f->db, n->case_id, "client_name");

                g_assert_cmpstr (got->notice_id, ==, n->id);
                g_assert_cmpstr (got->case_id, ==, n->case_id);
                g_assert_cmpstr (got->tracking_code, ==, tracking);
                g_assert_cmpstr (got->kind, ==, kind);
                g_assert_cmpstr (got->client_name, ==, client);
                g_assert_cmpint (got->issued_at, ==, n->issued_at);
                g_assert_cmpint (g_date_compare (&got->issued_day, &n->day), ==, 0);
                g_assert_cmpint (got->days_waiting, ==, g_date_days_between (&n->day, &today));
                g_assert_cmpuint (got->days_waiting, >=, days[d]);
              }
            if (page->len < 7)
              break;
          }
        g_assert_cmpuint (seen, ==, want->len);
      }
  fixture_free (f);
}

/* A small RFC 4180 reader: quoted fields may hold commas, doubled quotes
 * and line breaks. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      if (*p == '"' && field->len == 0)
        {
          for (p++; *p; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
          continue;
        }
      if (*p == ',')
        {
          g_ptr_array_add (row, g_string_free (field, FALSE));
          field = g_string_new (NULL);
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (row, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p++;
        }
      else
        {
          g_assert_true (*p != '\n' && *p != '\r');   /* lines end with CRLF */
          g_string_append_c (field, *p);
        }
      p++;
    }
  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (row->len, ==, 0);
  g_string_free (field, TRUE);
  g_ptr_array_unref (row);
  return rows;
}

static void
test_export_csv (void)
{
  Fixture *f = fixture_new (3);
  const char *name = "علی \"رضا\", تهرانی";
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) want = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  const char *text;
  gint64 issued;
  GDate today = f->last_day, day = f->last_day;
  gboolean found = FALSE;

  /* A case whose client's name needs quoting, and an old unviewed notice on it. */
  g_date_subtract_days (&day, 20);
  issued = daftar_time_day_start (&day) + 9 * 3600;
  sql = g_strdup_printf ("INSERT INTO cases (id, office_code, tracking_code, kind, filed_at, shift, client_name, status) "
                         "VALUES ('csv-case', '%s', '140312345678', 'petition', %" G_GINT64_FORMAT ", 'morning', '%s', 'sent');"
                         "INSERT INTO notices (id, office_code, case_id, channel, issued_at, delivered_at) "
                         "VALUES ('csv-notice', '%s', 'csv-case', 'electronic', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ");",
                         f->offices[0], issued - 30 * 86400, name, f->offices[0], issued, issued);
  g_assert_true (daftar_db_exec (f->db, sql, &error));
  g_assert_no_error (error);
  g_clear_pointer (&f->notices, notices_free);
  fixture_load_notices (f);

  g_assert_true (daftar_notices_export_unviewed_csv (f->db, f->offices[0], &today, 3, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));   /* NUL */
  text = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  rows = parse_csv (text + 3);
  want = naive_unviewed (f, f->offices[0], &today, 3);

  g_assert_cmpuint (rows->len, ==, want->len + 1);
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, 0))->len, ==, 8);
  for (guint i = 0; i < want->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i + 1);
      const Notice *n = g_ptr_array_index (want, i);
      g_autofree char *tracking = case_field (f->db, n->case_id, "tracking_code");
      g_autofree char *client = case_field (f->db, n->case_id, "client_name");
      g_autofree char *kind = case_field (f->db, n->case_id, "kind");
      g_autofree char *waiting = g_strdup_printf ("%d", g_date_days_between (&n->day, &today));
      char iso[11];

      daftar_time_format_day (&n->day, iso);
      g_assert_cmpuint (row->len, ==, 8);
      g_assert_cmpstr (g_ptr_array_index (row, 0), ==, tracking ? tracking : "");
      g_assert_cmpstr (g_ptr_array_index (row, 1), ==, client ? client : "");
      /* The kind as the UI names it: the file is for people. */
      g_assert_cmpstr (g_ptr_array_index (row, 2), ==,
                       kind ? daftar_label_for_nick (DAFTAR_TYPE_CASE_KIND, kind, DAFTAR_LABEL_SINGULAR) : "");
      g_assert_cmpstr (g_ptr_array_index (row, 3), ==, iso);
      g_assert_cmpstr (g_ptr_array_index (row, 5), ==, waiting);
      g_assert_cmpstr (g_ptr_array_index (row, 6), ==, n->id);
      g_assert_cmpstr (g_ptr_array_index (row, 7), ==, n->case_id ? n->case_id : "");
      if (g_str_equal (n->id, "csv-notice"))
        {
          found = TRUE;
          g_assert_cmpstr (g_ptr_array_index (row, 1), ==, name);
          g_assert_cmpstr (g_ptr_array_index (row, 0), ==, "140312345678");
          g_assert_cmpstr (g_ptr_array_index (row, 2), ==, "Petition");
        }
      /* The Jalali column is the same day: 2025-04-10 is 1404/01/21. */
      if (g_str_equal (iso, "2025-04-10"))
        g_assert_cmpstr (g_ptr_array_index (row, 4), ==, "1404/01/21");
      if (g_str_equal (iso, "2025-03-20"))
        g_assert_cmpstr (g_ptr_array_index (row, 4), ==, "1403/12/30");
      g_assert_true (g_str_has_prefix (g_ptr_array_index (row, 4), "140"));
    }
  g_assert_true (found);

  /* In a Persian session the staff read the kind in Persian, as the list
   * on screen names it, not the code stored for it. */
  daftar_i18n_force ("fa");
  daftar_i18n_init ();
  g_clear_object (&out);
  out = g_memory_output_stream_new_resizable ();
  g_assert_true (daftar_notices_export_unviewed_csv (f->db, f->offices[0], &today, 3, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = parse_csv ((const char *) g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)) + 3);
  found = FALSE;
  for (guint i = 1; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);

      if (g_str_equal (g_ptr_array_index (row, 6), "csv-notice"))
        {
          found = TRUE;
          g_assert_cmpstr (g_ptr_array_index (row, 2), ==, "دادخواست");
        }
    }
  g_assert_true (found);
  daftar_i18n_force ("en");
  daftar_i18n_init ();
  fixture_free (f);
}

static JsonArray *
report_rows (JsonObject *root,
             const char *table)
{
  JsonObject *tables = json_object_get_object_member (root, "tables");

  g_assert_true (json_object_has_member (tables, table));
  return json_object_get_array_member (json_object_get_object_member (tables, table), "rows");
}

static void
assert_json_ratio (JsonArray *row,
                   guint      index,
                   double     value)
{
  JsonNode *node = json_array_get_element (row, index);

  if (isnan (value))
    g_assert_true (JSON_NODE_HOLDS_NULL (node));
  else
    g_assert_cmpfloat_with_epsilon (json_node_get_double (node), value, 1e-12);
}

static void
test_report (void)
{
  Fixture *f = fixture_new (7);
  g_auto(DaftarNoticesFigures) fig = { 0 };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  DaftarReportRequest request = { f->offices[0] };
  DaftarPeriod period;
  JsonObject *root;
  JsonArray *rows;
  gint64 unviewed;

  set_day (&request.from, 1, 2, 2025);
  request.to = f->last_day;
  daftar_period_custom (&request.from, &request.to, &period);
  g_assert_true (daftar_report_run (f->db, "notices", &request, DAFTAR_REPORT_JSON, out, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, out->str, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (daftar_notices_query_figures (f->db, request.office_code, &request.from, &request.to,
                                               daftar_period_bin (&period), &fig, &error));
  g_assert_no_error (error);

  rows = report_rows (root, "read_rate_by_bin");
  g_assert_cmpuint (json_array_get_length (rows), ==, fig.bins->len);
  for (guint i = 0; i < fig.bins->len; i++)
    {
      const DaftarNoticesBin *b = &g_array_index (fig.bins, DaftarNoticesBin, i);
      JsonArray *row = json_array_get_array_element (rows, i);
      char start[11];

      daftar_time_format_day (&b->start, start);
      g_assert_cmpstr (json_array_get_string_element (row, 0), ==, start);
      g_assert_cmpint (json_array_get_int_element (row, 2), ==, b->channel[0].issued);
      g_assert_cmpint (json_array_get_int_element (row, 3), ==, b->channel[0].viewed);
      assert_json_ratio (row, 4, b->channel[0].read_rate);
      g_assert_cmpint (json_array_get_int_element (row, 5), ==, b->channel[1].issued);
      g_assert_cmpint (json_array_get_int_element (row, 6), ==, b->channel[1].viewed);
      assert_json_ratio (row, 7, b->channel[1].read_rate);
    }

  rows = report_rows (root, "by_channel");
  g_assert_cmpuint (json_array_get_length (rows), ==, DAFTAR_N_NOTICE_CHANNELS);
  for (guint ch = 0; ch < DAFTAR_N_NOTICE_CHANNELS; ch++)
    {
      JsonArray *row = json_array_get_array_element (rows, ch);

      g_assert_cmpstr (json_array_get_string_element (row, 0), ==, daftar_enum_to_nick (DAFTAR_TYPE_NOTICE_CHANNEL, ch));
      g_assert_cmpint (json_array_get_int_element (row, 1), ==, fig.totals[ch].issued);
      g_assert_cmpint (json_array_get_int_element (row, 2), ==, fig.totals[ch].delivered);
      g_assert_cmpint (json_array_get_int_element (row, 3), ==, fig.totals[ch].viewed);
      g_assert_cmpint (json_array_get_int_element (row, 4), ==, fig.totals[ch].deemed);
      assert_json_ratio (row, 5, fig.totals[ch].read_rate);
    }

  rows = report_rows (root, "time_to_view");
  g_assert_cmpuint (json_array_get_length (rows), ==, DAFTAR_N_VIEW_BINS);
  for (guint b = 0; b < DAFTAR_N_VIEW_BINS; b++)
    g_assert_cmpint (json_array_get_int_element (json_array_get_array_element (rows, b), 3), ==,
                     fig.time_to_view[b]);

  rows = report_rows (root, "unviewed");
  g_assert_true (daftar_notices_query_unviewed_count (f->db, request.office_code, &request.to,
                                                      DAFTAR_NOTICES_REPORT_UNVIEWED_DAYS, &unviewed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (json_array_get_length (rows), ==, unviewed);
  if (unviewed > 0)
    {
      g_autoptr(GPtrArray) first = daftar_notices_query_unviewed (f->db, request.office_code, &request.to,
                                                                  DAFTAR_NOTICES_REPORT_UNVIEWED_DAYS, 0, 1, &error);
      const DaftarUnviewedNotice *n = g_ptr_array_index (first, 0);
      JsonArray *row = json_array_get_array_element (rows, 0);

      g_assert_cmpstr (json_array_get_string_element (row, 0), ==, n->notice_id);
      g_assert_cmpint (json_array_get_int_element (row, 7), ==, n->days_waiting);
    }
  fixture_free (f);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notices/figures/seed-1", test_figures_seed_1);
  g_test_add_func ("/notices/figures/seed-7", test_figures_seed_7);
  g_test_add_func ("/notices/figures/seed-2025", test_figures_seed_2025);
  g_test_add_func ("/notices/read-rates-realistic", test_read_rates_realistic);
  g_test_add_func ("/notices/unviewed", test_unviewed);
  g_test_add_func ("/notices/export-csv", test_export_csv);
  g_test_add_func ("/notices/report", test_report);

  return g_test_run ();
}
