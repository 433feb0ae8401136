/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-notices-report.c: the "notices" report and the CSV of unviewed notices that staff follow up. */
#define G_LOG_DOMAIN "daftar-notices"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "daftar-csv.h"
#include "daftar-format.h"
#include "daftar-labels.h"
#include "daftar-notices-query.h"
#include "daftar-notices-report.h"
#include "daftar-period.h"
#include "daftar-time.h"

/* Rows read from the database at a time, so a long list never sits whole in memory. */
#define PAGE_ROWS 500

static void
jalali_text (const GDate *day,
             char         out[16])
{
  DaftarJalaliDate j;

  /* Latin digits: a spreadsheet column of dates, not text on screen. */
  if (daftar_jalali_from_gdate (day, &j))
    g_snprintf (out, 16, "%04d/%02d/%02d", j.year, j.month, j.day);
  else
    out[0] = '\0';
}

static void
report_by_bin (DaftarReport               *report,
               const DaftarNoticesFigures *f)
{
  static const char * const columns[] = {
    "bin_start", "bin_end", "electronic_issued", "electronic_viewed", "electronic_read_rate",
    "paper_issued", "paper_viewed", "paper_read_rate", NULL
  };
  DaftarReportTable *table = daftar_report_add_table (report, "read_rate_by_bin", columns);

  for (guint i = 0; i < f->bins->len; i++)
    {
      const DaftarNoticesBin *b = &g_array_index (f->bins, DaftarNoticesBin, i);

      daftar_report_row_begin (table);
      daftar_report_add_date (table, &b->start);
      daftar_report_add_date (table, &b->end);
      for (int ch = 0; ch < DAFTAR_N_NOTICE_CHANNELS; ch++)
        {
          daftar_report_add_int (table, b->channel[ch].issued);
          daftar_report_add_int (table, b->channel[ch].viewed);
          daftar_report_add_double (table, b->channel[ch].read_rate);
        }
      daftar_report_row_end (table);
    }
}

static void
report_by_channel (DaftarReport               *report,
                   const DaftarNoticesFigures *f)
{
  static const char * const columns[] = {
    "channel", "issued", "delivered", "viewed", "deemed", "read_rate", "target_read_rate", NULL
  };
  DaftarReportTable *table = daftar_report_add_table (report, "by_channel", columns);

  for (int ch = 0; ch < DAFTAR_N_NOTICE_CHANNELS; ch++)
    {
      const DaftarNoticeCounts *c = &f->totals[ch];

      daftar_report_row_begin (table);
      daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_NOTICE_CHANNEL, ch));
      daftar_report_add_int (table, c->issued);
      daftar_report_add_int (table, c->delivered);
      daftar_report_add_int (table, c->viewed);
      daftar_report_add_int (table, c->deemed);
      daftar_report_add_double (table, c->read_rate);
      /* The standard holds electronic notices only; paper is the baseline. */
      daftar_report_add_double (table, ch == DAFTAR_NOTICE_CHANNEL_ELECTRONIC ? f->target_read_rate : NAN);
      daftar_report_row_end (table);
    }
}

static void
report_time_to_view (DaftarReport               *report,
                     const DaftarNoticesFigures *f)
{
  static const char * const columns[] = { "bin", "lower_s", "upper_s", "notices", NULL };
  DaftarReportTable *table = daftar_report_add_table (report, "time_to_view", columns);

  for (guint b = 0; b < DAFTAR_N_VIEW_BINS; b++)
    {
      daftar_report_row_begin (table);
      daftar_report_add_string (table, daftar_view_bin_keys[b]);
      daftar_report_add_double (table, daftar_view_bin_lower_s[b] < 0 ? NAN : daftar_view_bin_lower_s[b]);
      daftar_report_add_double (table, daftar_view_bin_upper_s[b] < 0 ? NAN : daftar_view_bin_upper_s[b]);
      daftar_report_add_int (table, f->time_to_view[b]);
      daftar_report_row_end (table);
    }
}

static gboolean report_unviewed (DaftarDb *db, const DaftarReportRequest *request,
                                 DaftarReport *report, GError **error);

gboolean
daftar_notices_unviewed_report (DaftarDb                  *db,
                                const DaftarReportRequest *request,
                                DaftarReport              *report,
                                GError                   **error)
{
  return report_unviewed (db, request, report, error);
}

static gboolean
report_unviewed (DaftarDb                  *db,
                 const DaftarReportRequest *request,
                 DaftarReport              *report,
                 GError                   **error)
{
  static const char * const columns[] = {
    "notice_id", "case_id", "tracking_code", "kind", "client_name", "issued_date",
    "issued_date_jalali", "days_waiting", NULL
  };
  DaftarReportTable *table = daftar_report_add_table (report, "unviewed", columns);

  for (guint offset = 0;; offset += PAGE_ROWS)
    {
      g_autoptr(GPtrArray) rows = daftar_notices_query_unviewed (db, request->office_code, &request->to,
                                                                 DAFTAR_NOTICES_REPORT_UNVIEWED_DAYS,
                                                                 offset, PAGE_ROWS, error);
      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          const DaftarUnviewedNotice *n = g_ptr_array_index (rows, i);
          char jalali[16];

          jalali_text (&n->issued_day, jalali);
          daftar_report_row_begin (table);
          daftar_report_add_string (table, n->notice_id);
          daftar_report_add_string (table, n->case_id);
          daftar_report_add_string (table, n->tracking_code);
          daftar_report_add_string (table, n->kind);
          daftar_report_add_string (table, n->client_name);
          daftar_report_add_date (table, &n->issued_day);
          daftar_report_add_string (table, jalali);
          daftar_report_add_int (table, n->days_waiting);
          daftar_report_row_end (table);
        }
      if (rows->len < PAGE_ROWS)
        return TRUE;
    }
}

gboolean
daftar_notices_report (DaftarDb                  *db,
                       const DaftarReportRequest *request,
                       DaftarReport              *report,
                       GError                   **error)
{
  g_auto(DaftarNoticesFigures) f = { 0 };
  DaftarPeriod period;

  /* The same bins as the page shows for this range. */
  daftar_period_custom (&request->from, &request->to, &period);
  if (!daftar_notices_query_figures (db, request->office_code, &request->from, &request->to,
                                     daftar_period_bin (&period), &f, error))
    return FALSE;

  report_by_bin (report, &f);
  report_by_channel (report, &f);
  report_time_to_view (report, &f);
  if (!report_unviewed (db, request, report, error))
    {
      g_prefix_error (error, _("Notices report: "));
      return FALSE;
    }
  return TRUE;
}

static void
csv_text (GString    *line,
          const char *text,
          gboolean    last)
{
  daftar_csv_append_text (line, text);
  g_string_append (line, last ? "\r\n" : ",");
}

static gboolean
flush (GOutputStream  *out,
       GString        *text,
       GError        **error)
{
  gboolean ok = g_output_stream_write_all (out, text->str, text->len, NULL, NULL, error);

  g_string_truncate (text, 0);
  return ok;
}

gboolean
daftar_notices_export_unviewed_csv (DaftarDb       *db,
                                    const char     *office_code,
                                    const GDate    *today,
                                    guint           days,
                                    GOutputStream  *out,
                                    GError        **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *headers[] = {
    C_("unviewed csv", "Tracking code"), C_("unviewed csv", "Client"), C_("unviewed csv", "Kind"), C_("unviewed csv", "Issued (ISO)"), C_("unviewed csv", "Issued (Jalali)"),
    C_("unviewed csv", "Days waiting"), C_("unviewed csv", "Notice"), C_("unviewed csv", "Case"),
  };

  /* The byte order mark tells spreadsheet programs that the file is UTF-8;
   * without it they read Persian names as mojibake. */
  g_string_append (text, "\xEF\xBB\xBF");
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    csv_text (text, headers[c], c + 1 == G_N_ELEMENTS (headers));

  for (guint offset = 0;; offset += PAGE_ROWS)
    {
      g_autoptr(GPtrArray) rows = daftar_notices_query_unviewed (db, office_code, today, days,
                                                                 offset, PAGE_ROWS, error);
      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          const DaftarUnviewedNotice *n = g_ptr_array_index (rows, i);
          char iso[11], jalali[16];

          daftar_time_format_day (&n->issued_day, iso);
          jalali_text (&n->issued_day, jalali);
          /* Codes, names and ids come from the server; a client named
           * "=HYPERLINK(…)" stays text in the spreadsheet. */
          csv_text (text, n->tracking_code, FALSE);
          csv_text (text, n->client_name, FALSE);
          /* The kind in the UI's language, as the list shows it: this
           * file is for the staff who follow the notices up, unlike the
           * raw codes of --report. */
          csv_text (text, daftar_label_for_nick (DAFTAR_TYPE_CASE_KIND, n->kind, DAFTAR_LABEL_SINGULAR), FALSE);
          csv_text (text, iso, FALSE);
          csv_text (text, jalali, FALSE);
          daftar_csv_append_int (text, n->days_waiting);
          g_string_append_c (text, ',');
          csv_text (text, n->notice_id, FALSE);
          csv_text (text, n->case_id, TRUE);
        }
      if (!flush (out, text, error))
        {
          g_prefix_error (error, _("Writing unviewed notices as CSV: "));
          return FALSE;
        }
      if (rows->len < PAGE_ROWS)
        return TRUE;
    }
}
