/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-notices-query.c: the Notices page's figures — read rate per bin, electronic against paper, time to view, and unviewed notices to follow up. */
#define G_LOG_DOMAIN "daftar-notices"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "daftar-sql.h"
#include "daftar-notices-query.h"
#include "daftar-queries.h"
#include "daftar-sum.h"
#include "daftar-time.h"

#define HOUR_S ((gint64) 3600)
#define DAY_S  ((gint64) 86400)

const char * const daftar_view_bin_keys[DAFTAR_N_VIEW_BINS] = {
  "under_1h", "1h_6h", "6h_24h", "1d_2d", "2d_3d", "3d_7d", "7d_10d", "over_10d", "never",
};

const gint64 daftar_view_bin_lower_s[DAFTAR_N_VIEW_BINS] = {
  0, HOUR_S, 6 * HOUR_S, DAY_S, 2 * DAY_S, 3 * DAY_S, 7 * DAY_S, 10 * DAY_S, -1,
};

const gint64 daftar_view_bin_upper_s[DAFTAR_N_VIEW_BINS] = {
  HOUR_S, 6 * HOUR_S, DAY_S, 2 * DAY_S, 3 * DAY_S, 7 * DAY_S, 10 * DAY_S, -1, -1,
};

static void
bind_office (sqlite3_stmt *stmt,
             const char   *office_code)
{
  if (office_code != NULL)
    sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 1);
}

static void
counts_finish (DaftarNoticeCounts *c)
{
  c->read_rate = c->issued > 0 ? (double) c->viewed / c->issued : NAN;
}

static void
counts_add (DaftarNoticeCounts       *to,
            const DaftarNoticeCounts *c)
{
  to->issued += c->issued;
  to->delivered += c->delivered;
  to->viewed += c->viewed;
  to->deemed += c->deemed;
  to->view_sum_s = daftar_sum_add (to->view_sum_s, c->view_sum_s);
}

static int
channel_index (const char *channel)
{
  int ch = -1;

  daftar_enum_from_nick (DAFTAR_TYPE_NOTICE_CHANNEL, channel, &ch);
  return ch;
}

/* Every bin of the period, empty ones included, so a chart shows a gap
 * where no notice was issued rather than joining its neighbours. */
static void
make_bins (DaftarNoticesFigures *out)
{
  GDate day = out->from;

  while (g_date_compare (&day, &out->to) <= 0)
    {
      DaftarNoticesBin b = { 0 };

      daftar_bin_bounds (out->bin, &day, &b.start, &b.end);
      if (g_date_compare (&b.end, &out->to) > 0)
        b.end = out->to;
      g_array_append_val (out->bins, b);
      day = b.end;
      g_date_add_days (&day, 1);
    }
}

static gboolean
read_rollup (DaftarDb              *db,
             const char            *office_code,
             DaftarNoticesFigures  *out,
             GError               **error)
{
  sqlite3_stmt *stmt = daftar_sql_prepare_spans (db,
    "SELECT day, channel, sum(issued), sum(delivered), sum(viewed), sum(deemed), daftar_sum(view_sum_s) FROM ("
    DAFTAR_SQL_SPANS ("day, channel, issued, delivered, viewed, deemed, view_sum_s", "notices", "")
    ") GROUP BY day, channel ORDER BY day",
    office_code, &out->from, &out->to, out->bin == DAFTAR_BIN_MONTH, error);
  guint b = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int ch = channel_index ((const char *) sqlite3_column_text (stmt, 1));
      DaftarNoticeCounts c = { 0 };
      DaftarNoticesBin *bin;
      GDate day;

      if (ch < 0 || !daftar_time_parse_day ((const char *) sqlite3_column_text (stmt, 0), &day))
        continue;
      c.issued = sqlite3_column_int64 (stmt, 2);
      c.delivered = sqlite3_column_int64 (stmt, 3);
      c.viewed = sqlite3_column_int64 (stmt, 4);
      c.deemed = sqlite3_column_int64 (stmt, 5);
      c.view_sum_s = sqlite3_column_int64 (stmt, 6);

      /* Rows come by day, and bins are in order: walk forward. */
      while (b + 1 < out->bins->len &&
             g_date_compare (&g_array_index (out->bins, DaftarNoticesBin, b).end, &day) < 0)
        b++;
      bin = &g_array_index (out->bins, DaftarNoticesBin, b);
      counts_add (&bin->channel[ch], &c);
      counts_add (&out->totals[ch], &c);
    }
  if (!daftar_sql_finish (db, stmt, rc, _("Reading notices per day"), error))
    return FALSE;

  for (guint i = 0; i < out->bins->len; i++)
    for (int ch = 0; ch < DAFTAR_N_NOTICE_CHANNELS; ch++)
      counts_finish (&g_array_index (out->bins, DaftarNoticesBin, i).channel[ch]);
  for (int ch = 0; ch < DAFTAR_N_NOTICE_CHANNELS; ch++)
    counts_finish (&out->totals[ch]);
  return TRUE;
}

/* Electronic notices by time to view, from the view_times rollups (bins
 * as in daftar_view_bin_lower_s/upper_s, DAFTAR_VIEW_NEVER last). */
static gboolean
read_time_to_view (DaftarDb              *db,
                   const char            *office_code,
                   DaftarNoticesFigures  *out,
                   GError               **error)
{
  sqlite3_stmt *stmt = daftar_sql_prepare_spans (db,
    "SELECT bin, sum(n) FROM (" DAFTAR_SQL_SPANS ("bin, n", "view_times", "") ") GROUP BY bin",
    office_code, &out->from, &out->to, TRUE, error);
  int rc;

  G_STATIC_ASSERT (DAFTAR_VIEW_NEVER == 8);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int b = sqlite3_column_int (stmt, 0);

      if (b >= 0 && b < DAFTAR_N_VIEW_BINS)
        out->time_to_view[b] = sqlite3_column_int64 (stmt, 1);
    }
  return daftar_sql_finish (db, stmt, rc, _("Reading times to view"), error);
}

gboolean
daftar_notices_query_figures (DaftarDb              *db,
                              const char            *office_code,
                              const GDate           *from,
                              const GDate           *to,
                              DaftarBin              bin,
                              DaftarNoticesFigures  *out,
                              GError               **error)
{
  DaftarStandards standards;

  memset (out, 0, sizeof *out);
  out->from = *from;
  out->to = *to;
  out->bin = bin;
  out->bins = g_array_new (FALSE, TRUE, sizeof (DaftarNoticesBin));
  make_bins (out);

  if (!daftar_query_standards (db, &standards, error) ||
      !read_rollup (db, office_code, out, error) ||
      !read_time_to_view (db, office_code, out, error))
    {
      g_prefix_error (error, _("Reading the notices' figures: "));
      return FALSE;
    }
  out->target_read_rate = standards.target_read_rate;
  return TRUE;
}

void
daftar_notices_figures_clear (DaftarNoticesFigures *figures)
{
  g_clear_pointer (&figures->bins, g_array_unref);
}

void
daftar_unviewed_notice_free (DaftarUnviewedNotice *notice)
{
  if (notice == NULL)
    return;
  g_free (notice->notice_id);
  g_free (notice->case_id);
  g_free (notice->tracking_code);
  g_free (notice->kind);
  g_free (notice->client_name);
  g_free (notice);
}

/* Notices issued before the start of this instant waited @days days or more. */
static gint64
unviewed_cutoff (const GDate *today,
                 guint        days)
{
  GDate day = *today;

  g_date_subtract_days (&day, days);
  g_date_add_days (&day, 1);
  return daftar_time_day_start (&day);
}

/* The WHERE repeats the partial indexes' own clause word for word, so
 * that SQLite reads one of them — only the notices still unviewed — and
 * not the whole (office_code, issued_at) range. One office is one range of
 * notices_unviewed, already in (issued_at, id) order; every office walks
 * notices_unviewed_by_time in that order and stops after the page, with no
 * office filter (every notice is some office's). [0] one office, [1] every
 * office. */
#define UNVIEWED_WHERE(office) \
  "WHERE " office " AND n.issued_at < ?2 " \
  "AND n.channel = 'electronic' AND n.viewed_at IS NULL "
#define ONE_OFFICE "n.office_code = ?1"
#define ALL_OFFICES "?1 IS NULL"

/* The page is chosen before the join, so only its rows look up their case
 * rather than every unviewed notice ahead of the sort. */
#define UNVIEWED_LIST(office) \
  "SELECT n.id, n.case_id, c.tracking_code, c.kind, c.client_name, n.issued_at " \
  "FROM (SELECT n.id, n.case_id, n.issued_at FROM notices n " \
  "      " UNVIEWED_WHERE (office) \
  "      ORDER BY n.issued_at, n.id LIMIT ?3 OFFSET ?4) n " \
  "LEFT JOIN cases c ON c.id = n.case_id " \
  "ORDER BY n.issued_at, n.id"

static const char * const unviewed_list_sql[2] = {
  UNVIEWED_LIST (ONE_OFFICE),
  UNVIEWED_LIST (ALL_OFFICES),
};

/* Counted from the view_times rollups: their bin DAFTAR_VIEW_NEVER holds
 * the electronic notices not viewed yet, per day of issue, and the cutoff
 * is the start of a local day, so the notices issued before it are whole
 * days' rows — the network's own rows, and whole months, over the years. */
gboolean
daftar_notices_query_unviewed_count (DaftarDb     *db,
                                     const char   *office_code,
                                     const GDate  *today,
                                     guint         days,
                                     gint64       *out_count,
                                     GError      **error)
{
  sqlite3_stmt *stmt;
  GDate first, last = *today;
  int rc;

  G_STATIC_ASSERT (DAFTAR_VIEW_NEVER == 8);
  *out_count = 0;
  /* The last day of issue that waited @days days or more (unviewed_cutoff). */
  g_date_subtract_days (&last, days);
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, 1900);
  if (g_date_compare (&last, &first) < 0)
    return TRUE;
  stmt = daftar_sql_prepare_spans (db,
    "SELECT sum(n) FROM (" DAFTAR_SQL_SPANS ("n", "view_times", " AND bin = 8") ")",
    office_code, &first, &last, TRUE, error);
  if (stmt == NULL)
    goto failed;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_count = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_DONE;
    }
  if (daftar_sql_finish (db, stmt, rc, _("Counting unviewed notices"), error))
    return TRUE;
failed:
  g_prefix_error (error, _("Reading unviewed notices: "));
  return FALSE;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

GPtrArray *
daftar_notices_query_unviewed (DaftarDb     *db,
                               const char   *office_code,
                               const GDate  *today,
                               guint         days,
                               guint         offset,
                               guint         limit,
                               GError      **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, unviewed_list_sql[office_code == NULL], error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_unviewed_notice_free);
  int rc;

  if (stmt == NULL)
    goto failed;
  bind_office (stmt, office_code);
  sqlite3_bind_int64 (stmt, 2, unviewed_cutoff (today, days));
  sqlite3_bind_int64 (stmt, 3, limit);
  sqlite3_bind_int64 (stmt, 4, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarUnviewedNotice *notice = g_new0 (DaftarUnviewedNotice, 1);
      int waiting;

      notice->notice_id = column_dup (stmt, 0);
      notice->case_id = column_dup (stmt, 1);
      notice->tracking_code = column_dup (stmt, 2);
      notice->kind = column_dup (stmt, 3);
      notice->client_name = column_dup (stmt, 4);
      notice->issued_at = sqlite3_column_int64 (stmt, 5);
      daftar_time_local_date (notice->issued_at, &notice->issued_day);
      waiting = g_date_days_between (&notice->issued_day, today);
      notice->days_waiting = waiting > 0 ? (guint) waiting : 0;
      g_ptr_array_add (rows, notice);
    }
  if (daftar_sql_finish (db, stmt, rc, _("Listing unviewed notices"), error))
    return g_steal_pointer (&rows);

failed:
  g_prefix_error (error, _("Reading unviewed notices: "));
  return NULL;
}
