/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-monthly-document.c: every figure of the monthly performance report, read in one query for the document and its tables. */
#define G_LOG_DOMAIN "daftar-documents"

#include "config.h"

#include <math.h>

#include "daftar-annotations.h"
#include "daftar-format.h"
#include "daftar-monthly-document.h"
#include "daftar-sync-history.h"

void
daftar_monthly_document_free (DaftarMonthlyDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->office_code);
  g_free (document->office_name);
  g_clear_pointer (&document->cases, daftar_cases_figures_free);
  g_clear_pointer (&document->shifts, daftar_shifts_data_free);
  g_clear_pointer (&document->rollups, g_ptr_array_unref);
  g_clear_pointer (&document->annotations, g_ptr_array_unref);
  g_clear_pointer (&document->care, daftar_care_figures_free);
  g_clear_pointer (&document->previous_care, daftar_care_figures_free);
  g_free (document);
}

void
daftar_monthly_document_default_period (const GDate *today,
                                        GDate       *out_from,
                                        GDate       *out_to)
{
  DaftarJalaliDate j;
  int year, month;

  daftar_jalali_from_gdate (today, &j);
  year = j.year;
  month = j.month - 1;
  if (month < 1)
    {
      month = 12;
      year--;
    }
  daftar_jalali_month_bounds (year, month, out_from, out_to);
}

static char *
office_name (DaftarDb    *db,
             const char  *code,
             GError     **error)
{
  g_autoptr(GPtrArray) offices = daftar_query_offices (db, error);

  if (offices == NULL)
    return NULL;
  for (guint i = 0; i < offices->len; i++)
    {
      DaftarOfficeInfo *info = g_ptr_array_index (offices, i);

      if (g_strcmp0 (info->code, code) == 0)
        return g_strdup (info->name != NULL ? info->name : "");
    }
  return g_strdup ("");
}

DaftarMonthlyDocument *
daftar_monthly_document_query (DaftarDb     *db,
                               const char   *office_code,
                               const GDate  *from,
                               const GDate  *to,
                               gint64        now,
                               const GDate  *today,
                               GError      **error)
{
  g_autoptr(DaftarMonthlyDocument) doc = g_new0 (DaftarMonthlyDocument, 1);
  g_autoptr(GPtrArray) alerts = NULL;
  gboolean any_run;
  guint days;

  g_return_val_if_fail (g_date_valid (from) && g_date_valid (to), NULL);

  doc->office_code = g_strdup (office_code);
  doc->from = *from;
  doc->to = *to;
  days = g_date_days_between (from, to) + 1;
  doc->previous_to = *from;
  g_date_subtract_days (&doc->previous_to, 1);
  doc->previous_from = doc->previous_to;
  g_date_subtract_days (&doc->previous_from, days - 1);

  if (office_code != NULL)
    {
      doc->office_name = office_name (db, office_code, error);
      if (doc->office_name == NULL)
        return NULL;
    }

  if (!daftar_query_period_summary (db, office_code, from, to, &doc->current, error) ||
      !daftar_query_period_summary (db, office_code, &doc->previous_from, &doc->previous_to,
                                    &doc->previous, error))
    return NULL;

  doc->cases = daftar_query_cases (db, office_code, from, to, DAFTAR_BIN_DAY, NULL, error);
  if (doc->cases == NULL)
    return NULL;
  doc->shifts = daftar_query_shifts (db, office_code, from, to, DAFTAR_BIN_DAY, NULL, error);
  if (doc->shifts == NULL)
    return NULL;
  if (!daftar_query_alert_rollups (db, office_code, from, to, now, today, &alerts, &doc->rollups, error))
    return NULL;
  doc->annotations = daftar_annotations_for_period (db, office_code, from, to, error);
  if (doc->annotations == NULL)
    return NULL;
  doc->care = daftar_care_query (db, office_code, from, to, NULL, error);
  if (doc->care == NULL)
    return NULL;
  doc->previous_care = daftar_care_query (db, office_code, &doc->previous_from, &doc->previous_to, NULL, error);
  if (doc->previous_care == NULL)
    return NULL;
  if (!daftar_sync_last_success (db, &doc->data_as_of, &any_run, error))
    return NULL;

  doc->empty = doc->current.cases == 0 && doc->current.tickets_issued == 0 &&
               doc->current.e_notices_issued == 0 && doc->current.paper_notices_issued == 0;
  return g_steal_pointer (&doc);
}

gboolean
daftar_monthly_document_has_care_figures (const DaftarMonthlyDocument *document)
{
  const DaftarCareFigures *care = document->care;

  /* An office whose server sends no queue tickets or ratings has nothing
   * to say about client care: no section rather than a table of dashes. */
  return care != NULL && (care->out_of_turn.total.called > 0 || care->crowding.days > 0 ||
                          care->satisfaction.n > 0);
}

/* --report monthly --format csv|json: the document's tables, raw. */
gboolean
daftar_monthly_report (DaftarDb                  *db,
                       const DaftarReportRequest *request,
                       DaftarReport              *report,
                       GError                   **error)
{
  static const char * const figure_columns[] = { "figure", "value", "previous", "standard", NULL };
  static const char * const kind_columns[] = { "kind", "cases", "previous", NULL };
  static const char * const scope_columns[] = { "destination", "cases", NULL };
  static const char * const shift_columns[] = { "shift", "issued", "served", "no_show", "wait_mean_minutes",
                                                "wait_p90_minutes", "served_within_target", NULL };
  static const char * const breach_columns[] = { "standard", "shift", "days_breached", "working_days",
                                                 "target", "note", NULL };
  static const char * const scopes[DAFTAR_N_DEST_SCOPES] = { "city", "province", "other_province" };
  g_autoptr(DaftarMonthlyDocument) doc = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  DaftarReportTable *table;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  doc = daftar_monthly_document_query (db, request->office_code, &request->from, &request->to,
                                       g_date_time_to_unix (now), &today, error);
  if (doc == NULL)
    return FALSE;

  {
    const DaftarPeriodSummary *c = &doc->current, *p = &doc->previous;
    const struct { const char *name; double value, previous, standard; } figures[] = {
      { "cases", c->cases, p->cases, NAN },
      { "sana_registrations", c->sana_registrations, p->sana_registrations, NAN },
      { "tickets_issued", c->tickets_issued, p->tickets_issued, NAN },
      { "tickets_served", c->tickets_served, p->tickets_served, NAN },
      { "tickets_no_show", c->tickets_no_show, p->tickets_no_show, NAN },
      { "wait_mean_minutes", c->wait_mean_minutes, p->wait_mean_minutes, c->standards.target_wait_minutes },
      { "wait_p90_minutes", c->wait_p90_minutes < 0 ? NAN : c->wait_p90_minutes,
        p->wait_p90_minutes < 0 ? NAN : p->wait_p90_minutes, c->standards.target_wait_minutes },
      { "served_within_target", c->served_within_target, p->served_within_target, c->standards.target_service_level },
      { "e_notices_issued", c->e_notices_issued, p->e_notices_issued, NAN },
      { "e_notices_viewed", c->e_notices_viewed, p->e_notices_viewed, NAN },
      { "e_read_rate", c->e_read_rate, p->e_read_rate, c->standards.target_read_rate },
      { "paper_notices_issued", c->paper_notices_issued, p->paper_notices_issued, NAN },
      { "paper_read_rate", c->paper_read_rate, p->paper_read_rate, NAN },
      /* Client care, as the page and --report care give them. */
      { "out_of_turn_share", doc->care->out_of_turn.total.share, doc->previous_care->out_of_turn.total.share,
        doc->care->standards.max_out_of_turn_share },
      { "days_over_seats", doc->care->crowding.days_over, doc->previous_care->crowding.days_over, NAN },
      { "peak_waiting", doc->care->crowding.peak, doc->previous_care->crowding.peak,
        doc->care->standards.waiting_room_seats },
      { "idle_share", doc->care->idle.share, doc->previous_care->idle.share, NAN },
      { "mean_rating", doc->care->satisfaction.mean, doc->previous_care->satisfaction.mean,
        doc->care->standards.target_rating },
      { "response_rate", doc->care->satisfaction.response_rate, doc->previous_care->satisfaction.response_rate, NAN },
    };

    table = daftar_report_add_table (report, "figures", figure_columns);
    for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
      {
        daftar_report_row_begin (table);
        daftar_report_add_string (table, figures[i].name);
        daftar_report_add_double (table, figures[i].value);
        daftar_report_add_double (table, figures[i].previous);
        daftar_report_add_double (table, figures[i].standard);
        daftar_report_row_end (table);
      }
  }

  table = daftar_report_add_table (report, "cases_by_kind", kind_columns);
  for (guint i = 0; i < DAFTAR_N_CASE_KINDS; i++)
    {
      daftar_report_row_begin (table);
      daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_CASE_KIND, i));
      daftar_report_add_int (table, doc->current.cases_by_kind[i]);
      daftar_report_add_int (table, doc->previous.cases_by_kind[i]);
      daftar_report_row_end (table);
    }

  table = daftar_report_add_table (report, "cases_by_destination", scope_columns);
  for (guint i = 0; i < DAFTAR_N_DEST_SCOPES; i++)
    {
      daftar_report_row_begin (table);
      daftar_report_add_string (table, scopes[i]);
      daftar_report_add_int (table, doc->cases->by_scope[i]);
      daftar_report_row_end (table);
    }

  table = daftar_report_add_table (report, "shifts", shift_columns);
  for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
    {
      const DaftarShiftFigures *f = &doc->shifts->shift[s];

      daftar_report_row_begin (table);
      daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, s));
      daftar_report_add_int (table, f->issued);
      daftar_report_add_int (table, f->served);
      daftar_report_add_int (table, f->no_show);
      daftar_report_add_double (table, f->wait_mean_minutes);
      daftar_report_add_double (table, f->wait_p90_minutes < 0 ? NAN : f->wait_p90_minutes);
      daftar_report_add_double (table, f->within_target_share);
      daftar_report_row_end (table);
    }

  table = daftar_report_add_table (report, "standards_breached", breach_columns);
  for (guint i = 0; i < doc->rollups->len; i++)
    {
      const DaftarAlertRollup *r = g_ptr_array_index (doc->rollups, i);
      g_autofree char *note = daftar_monthly_document_note_for (doc, r);

      daftar_report_row_begin (table);
      daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_ALERT_KIND, r->kind));
      daftar_report_add_string (table, daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, r->shift));
      daftar_report_add_int (table, r->days->len);
      daftar_report_add_int (table, r->n_working_days);
      daftar_report_add_double (table, r->target);
      daftar_report_add_string (table, note);
      daftar_report_row_end (table);
    }
  return TRUE;
}

char *
daftar_monthly_document_note_for (const DaftarMonthlyDocument *document,
                                  const DaftarAlertRollup     *rollup)
{
  g_autoptr(GString) notes = NULL;

  for (guint i = 0; i < document->annotations->len; i++)
    {
      const DaftarAnnotation *a = g_ptr_array_index (document->annotations, i);

      if (a->kind != rollup->kind || a->shift != (int) rollup->shift ||
          g_strcmp0 (a->office_code, rollup->office_code) != 0 || a->text == NULL)
        continue;
      if (notes == NULL)
        notes = g_string_new (a->text);
      else
        g_string_append_printf (notes, " — %s", a->text);
    }
  return notes != NULL ? g_string_free (g_steal_pointer (&notes), FALSE) : NULL;
}
