/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-document-monthly.c: the monthly performance report (گزارش عملکرد ماهانه) as items for the document engine. */
#define G_LOG_DOMAIN "daftar-documents"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "daftar-bar-plot.h"
#include "daftar-document-private.h"
#include "daftar-format.h"
#include "daftar-labels.h"
#include "daftar-monthly-document.h"

/* The report is a few pages: its items are made once and handed out as
 * copies. (The long documents make theirs on demand.) */
typedef struct
{
  GArray *items;   /* of DaftarDocItem */
} Monthly;

static void
monthly_free (gpointer data)
{
  Monthly *m = data;

  daftar_doc_items_free (m->items);
  g_free (m);
}

static guint
monthly_n_items (gpointer data)
{
  return ((Monthly *) data)->items->len;
}

static void
monthly_get_item (gpointer       data,
                  guint          index,
                  DaftarDocItem *out)
{
  daftar_doc_items_copy_item (((Monthly *) data)->items, index, out);
}

static const DaftarDocSource monthly_source = {
  monthly_n_items,
  monthly_get_item,
  monthly_free,
};

static char *
count_text (double value)
{
  return isfinite (value) ? daftar_format_int ((gint64) value) : g_strdup ("—");
}

static char *
minutes_text (double value)
{
  return isfinite (value) && value >= 0 ? daftar_format_minutes (value, 1) : g_strdup ("—");
}

/* The 90th percentile is counted in whole minutes. */
static char *
whole_minutes_text (double value)
{
  return isfinite (value) && value >= 0 ? daftar_format_minutes (value, 0) : g_strdup ("—");
}

/* The standard a roll-up of breached days is about. */
static const char *
breach_name (DaftarAlertKind kind)
{
  switch (kind)
    {
    case DAFTAR_ALERT_WAIT_BREACHED:
      return _("Mean wait");
    case DAFTAR_ALERT_SERVICE_LEVEL_BREACHED:
      return _("Served within the standard wait");
    case DAFTAR_ALERT_OUT_OF_TURN_BREACHED:
      return _("Served out of turn");
    case DAFTAR_ALERT_CROWDING_BREACHED:
      return _("More clients waiting than seats");
    /* Judged over the period, not rolled up by day. */
    case DAFTAR_ALERT_READ_RATE_BELOW_TARGET:
    case DAFTAR_ALERT_RATING_BELOW_TARGET:
    case DAFTAR_ALERT_SYNC_STALE:
    case DAFTAR_ALERT_SYNC_FAILED:
    default:
      g_return_val_if_reached ("");
    }
}

static char *
rating_text (double value)
{
  return isfinite (value) ? daftar_format_decimal (value, 2) : g_strdup ("—");
}

static char *
percent_text (double value)
{
  return isfinite (value) ? daftar_format_percent (value, 1) : g_strdup ("—");
}

typedef char *(*FormatFunc) (double value);

/* How a figure is held to its standard. */
typedef enum
{
  BOUND_NONE,
  BOUND_AT_LEAST,
  BOUND_AT_MOST,
} Bound;

static char *
standard_text (Bound       bound,
               const char *value)
{
  switch (bound)
    {
    case BOUND_AT_LEAST:
      return g_strdup_printf (_("at least %s"), value);
    case BOUND_AT_MOST:
      return g_strdup_printf (_("at most %s"), value);
    case BOUND_NONE:
    default:
      return g_strdup (value);
    }
}

static void
add_figures (GArray                      *items,
             const DaftarMonthlyDocument *doc)
{
  static const double widths[] = { 3, 1.4, 1.4, 1.4 };
  const DaftarPeriodSummary *c = &doc->current, *p = &doc->previous;
  const struct { const char *name; double value, previous, standard; FormatFunc format; Bound bound; } rows[] = {
    { _("Filings"), c->cases, p->cases, NAN, count_text, BOUND_NONE },
    { _("Sana registrations"), c->sana_registrations, p->sana_registrations, NAN, count_text, BOUND_NONE },
    { _("Queue tickets issued"), c->tickets_issued, p->tickets_issued, NAN, count_text, BOUND_NONE },
    { _("Clients served"), c->tickets_served, p->tickets_served, NAN, count_text, BOUND_NONE },
    { _("Clients who did not come when called"), c->tickets_no_show, p->tickets_no_show, NAN, count_text, BOUND_NONE },
    { _("Mean wait"), c->wait_mean_minutes, p->wait_mean_minutes, c->standards.target_wait_minutes, minutes_text, BOUND_AT_MOST },
    { _("90% waited at most"), c->wait_p90_minutes, p->wait_p90_minutes, NAN, whole_minutes_text, BOUND_NONE },
    { _("Served within the standard wait"), c->served_within_target, p->served_within_target,
      c->standards.target_service_level, percent_text, BOUND_AT_LEAST },
    { _("Electronic notices issued"), c->e_notices_issued, p->e_notices_issued, NAN, count_text, BOUND_NONE },
    { _("Electronic notices viewed"), c->e_notices_viewed, p->e_notices_viewed, NAN, count_text, BOUND_NONE },
    { _("Read rate of electronic notices"), c->e_read_rate, p->e_read_rate, c->standards.target_read_rate,
      percent_text, BOUND_AT_LEAST },
    { _("Paper notices issued"), c->paper_notices_issued, p->paper_notices_issued, NAN, count_text, BOUND_NONE },
    { _("Read rate of paper notices (baseline)"), c->paper_read_rate, p->paper_read_rate, NAN, percent_text, BOUND_NONE },
  };
  int header;

  daftar_doc_add_text (items, DAFTAR_DOC_HEADING, _("Key figures"));
  header = daftar_doc_add_row (items, TRUE, -1, widths, 4, _("Figure"), _("This period"), _("Previous period"), _("Standard"));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *value = rows[i].format (rows[i].value);
      g_autofree char *previous = rows[i].format (rows[i].previous);
      g_autofree char *standard_value = isfinite (rows[i].standard) ? rows[i].format (rows[i].standard) : NULL;
      g_autofree char *standard = standard_value != NULL ? standard_text (rows[i].bound, standard_value)
                                                         : g_strdup ("");

      daftar_doc_add_row (items, FALSE, header, widths, 4, rows[i].name, value, previous, standard);
    }
}

static DaftarPlot *
kinds_plot (const DaftarMonthlyDocument *doc)
{
  DaftarPlot *plot = daftar_bar_plot_new ();
  g_autoptr(DaftarChartSeries) now = daftar_chart_series_new (_("This period"));
  g_autoptr(DaftarChartSeries) before = daftar_chart_series_new (_("Previous period"));

  for (guint k = 0; k < DAFTAR_N_CASE_KINDS; k++)
    {
      const char *label = daftar_label (DAFTAR_TYPE_CASE_KIND, k, DAFTAR_LABEL_PLURAL);

      daftar_chart_series_append_category (now, k, label, doc->current.cases_by_kind[k]);
      daftar_chart_series_append_category (before, k, label, doc->previous.cases_by_kind[k]);
    }
  daftar_plot_add_series (plot, now);
  daftar_plot_add_series (plot, before);
  daftar_plot_set_unit (plot, _("filings"));
  return plot;
}

static DaftarPlot *
daily_plot (const DaftarMonthlyDocument *doc)
{
  DaftarPlot *plot = daftar_bar_plot_new ();
  g_autoptr(DaftarChartSeries) days = daftar_chart_series_new (_("Filings"));

  for (guint i = 0; i < doc->cases->bins->len; i++)
    {
      const DaftarCasesBin *bin = &g_array_index (doc->cases->bins, DaftarCasesBin, i);
      g_autofree char *label = daftar_format_date_short (&bin->start);

      daftar_chart_series_append_day (days, &bin->start, label, bin->total);
    }
  daftar_plot_add_series (plot, days);
  daftar_plot_set_unit (plot, _("filings"));
  return plot;
}

static void
add_cases (GArray                      *items,
           const DaftarMonthlyDocument *doc)
{
  static const double widths[] = { 3, 1.5, 1.5 };
  const char *scopes[DAFTAR_N_DEST_SCOPES] = {
    _("The office's own city"), _("Elsewhere in the province"), _("Another province"),
  };
  int header;

  daftar_doc_add_text (items, DAFTAR_DOC_HEADING, _("Filings by kind"));
  header = daftar_doc_add_row (items, TRUE, -1, widths, 3, _("Kind"), _("This period"), _("Previous period"), NULL);
  for (guint k = 0; k < DAFTAR_N_CASE_KINDS; k++)
    {
      g_autofree char *now = daftar_format_int (doc->current.cases_by_kind[k]);
      g_autofree char *before = daftar_format_int (doc->previous.cases_by_kind[k]);

      daftar_doc_add_row (items, FALSE, header, widths, 3, daftar_label (DAFTAR_TYPE_CASE_KIND, k, DAFTAR_LABEL_PLURAL),
                          now, before, NULL);
    }
  daftar_doc_add_chart (items, kinds_plot (doc), 190);

  daftar_doc_add_text (items, DAFTAR_DOC_HEADING, _("Filings by destination"));
  header = daftar_doc_add_row (items, TRUE, -1, widths, 3, _("Destination"), _("Filings"), _("Share"), NULL);
  for (guint s = 0; s < DAFTAR_N_DEST_SCOPES; s++)
    {
      g_autofree char *n = daftar_format_int (doc->cases->by_scope[s]);
      g_autofree char *share = doc->cases->total > 0 ? daftar_format_percent ((double) doc->cases->by_scope[s] / doc->cases->total, 0)
                                                     : g_strdup ("—");

      daftar_doc_add_row (items, FALSE, header, widths, 3, scopes[s], n, share, NULL);
    }

  daftar_doc_add_text (items, DAFTAR_DOC_HEADING, _("Filings per day"));
  daftar_doc_add_chart (items, daily_plot (doc), 170);
}

static void
add_shifts (GArray                      *items,
            const DaftarMonthlyDocument *doc)
{
  static const double widths[] = { 2.4, 1.5, 1.5, 1.5 };
  int header;

  daftar_doc_add_text (items, DAFTAR_DOC_HEADING, _("Shifts, waits and service levels"));
  header = daftar_doc_add_row (items, TRUE, -1, widths, 4, _("Figure"),
                               daftar_label (DAFTAR_TYPE_SHIFT, DAFTAR_SHIFT_MORNING, DAFTAR_LABEL_SINGULAR),
                               daftar_label (DAFTAR_TYPE_SHIFT, DAFTAR_SHIFT_EVENING, DAFTAR_LABEL_SINGULAR), NULL);
  {
    const DaftarShiftFigures *m = &doc->shifts->shift[DAFTAR_SHIFT_MORNING];
    const DaftarShiftFigures *e = &doc->shifts->shift[DAFTAR_SHIFT_EVENING];
    g_autofree char *mi = daftar_format_int (m->issued), *ei = daftar_format_int (e->issued);
    g_autofree char *ms = daftar_format_int (m->served), *es = daftar_format_int (e->served);
    g_autofree char *mn = daftar_format_int (m->no_show), *en = daftar_format_int (e->no_show);
    g_autofree char *mw = minutes_text (m->wait_mean_minutes), *ew = minutes_text (e->wait_mean_minutes);
    g_autofree char *mp = whole_minutes_text (m->wait_p90_minutes), *ep = whole_minutes_text (e->wait_p90_minutes);
    g_autofree char *ml = percent_text (m->within_target_share), *el = percent_text (e->within_target_share);

    daftar_doc_add_row (items, FALSE, header, widths, 3, _("Queue tickets issued"), mi, ei, NULL);
    daftar_doc_add_row (items, FALSE, header, widths, 3, _("Clients served"), ms, es, NULL);
    daftar_doc_add_row (items, FALSE, header, widths, 3, _("Clients who did not come when called"), mn, en, NULL);
    daftar_doc_add_row (items, FALSE, header, widths, 3, _("Mean wait"), mw, ew, NULL);
    daftar_doc_add_row (items, FALSE, header, widths, 3, _("90% waited at most"), mp, ep, NULL);
    daftar_doc_add_row (items, FALSE, header, widths, 3, _("Served within the standard wait"), ml, el, NULL);
  }
}

static void
add_notices (GArray                      *items,
             const DaftarMonthlyDocument *doc)
{
  g_autofree char *rate = percent_text (doc->current.e_read_rate);
  g_autofree char *target = percent_text (doc->current.standards.target_read_rate);
  g_autofree char *paper = percent_text (doc->current.paper_read_rate);
  g_autofree char *text = NULL;

  daftar_doc_add_text (items, DAFTAR_DOC_HEADING, _("Electronic notices"));
  /* Translators: the read rate of electronic notices, the target, and the
   * read rate of paper notices as the baseline, e.g. "92%, 90%, 10%". */
  text = g_strdup_printf (_("Read rate of electronic notices: %s (standard: at least %s); paper notices, the baseline: %s."),
                          rate, target, paper);
  daftar_doc_add_text (items, DAFTAR_DOC_PARAGRAPH, text);
}

static void
add_breaches (GArray                      *items,
              const DaftarMonthlyDocument *doc)
{
  static const double widths[] = { 2.2, 1, 1.2, 3 };
  int header;

  daftar_doc_add_text (items, DAFTAR_DOC_HEADING, _("Standards not met"));
  if (doc->rollups->len == 0)
    {
      daftar_doc_add_text (items, DAFTAR_DOC_PARAGRAPH, _("Every standard was met on every working day of the period."));
      return;
    }
  header = daftar_doc_add_row (items, TRUE, -1, widths, 4, _("Standard"), _("Shift"), _("Days not met"), _("Manager’s note"));
  for (guint i = 0; i < doc->rollups->len; i++)
    {
      const DaftarAlertRollup *r = g_ptr_array_index (doc->rollups, i);
      g_autofree char *note = daftar_monthly_document_note_for (doc, r);
      g_autofree char *n = daftar_format_int (r->days->len);
      g_autofree char *of = daftar_format_int (r->n_working_days);
      /* Translators: days a standard was not met of the working days, e.g. "9 of 22". */
      g_autofree char *days = g_strdup_printf (_("%s of %s"), n, of);
      const char *standard = breach_name (r->kind);

      daftar_doc_add_row (items, FALSE, header, widths, 4, standard,
                          daftar_label (DAFTAR_TYPE_SHIFT, r->shift, DAFTAR_LABEL_SINGULAR), days,
                          note != NULL ? note : "");
    }
}

/* HOOK (issue 15, client care): once daftar-care*.h is on main, the lead
 * adds its summary here (a heading, a table of the care figures with their
 * standards); daftar_monthly_document_has_care_figures () says when. */
static void
daftar_monthly_report_add_care_section (GArray                      *items,
                                        const DaftarMonthlyDocument *doc)
{
  static const double widths[] = { 3, 1.4, 1.4, 1.4 };
  const DaftarCareFigures *c = doc->care, *p = doc->previous_care;
  /* The clients' comments stay on the office's own page: a document that
   * leaves the office carries the figures only. */
  const struct { const char *name; double value, previous, standard; FormatFunc format; Bound bound; } rows[] = {
    { _("Served out of turn"), c->out_of_turn.total.share, p->out_of_turn.total.share,
      c->standards.max_out_of_turn_share, percent_text, BOUND_AT_MOST },
    { _("Most clients waiting at once"), c->crowding.peak, p->crowding.peak,
      c->standards.waiting_room_seats, count_text, BOUND_AT_MOST },
    { _("Days with more clients waiting than seats"), c->crowding.days_over, p->crowding.days_over,
      NAN, count_text, BOUND_NONE },
    { _("Counter time idle while clients waited"), c->idle.share, p->idle.share, NAN, percent_text, BOUND_NONE },
    { _("Mean rating"), c->satisfaction.mean, p->satisfaction.mean,
      c->standards.target_rating, rating_text, BOUND_AT_LEAST },
    { _("Clients who rated"), c->satisfaction.response_rate, p->satisfaction.response_rate,
      NAN, percent_text, BOUND_NONE },
  };
  int header;

  if (!daftar_monthly_document_has_care_figures (doc))
    return;
  daftar_doc_add_text (items, DAFTAR_DOC_HEADING, _("Client care"));
  header = daftar_doc_add_row (items, TRUE, -1, widths, 4, _("Figure"), _("This period"), _("Previous period"), _("Standard"));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *value = rows[i].format (rows[i].value);
      g_autofree char *previous = rows[i].format (rows[i].previous);
      g_autofree char *standard_value = isfinite (rows[i].standard) ? rows[i].format (rows[i].standard) : NULL;
      g_autofree char *standard = standard_value != NULL ? standard_text (rows[i].bound, standard_value)
                                                         : g_strdup ("");

      daftar_doc_add_row (items, FALSE, header, widths, 4, rows[i].name, value, previous, standard);
    }
}

gboolean
daftar_monthly_source_new (DaftarDb               *db,
                           const char             *office_code,
                           const GDate            *from,
                           const GDate            *to,
                           gint64                  now,
                           const DaftarDocSource **out_source,
                           gpointer               *out_data,
                           DaftarDocHeader        *out_header,
                           GError                **error)
{
  g_autoptr(DaftarMonthlyDocument) doc = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (now);
  Monthly *m;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (when), g_date_time_get_month (when),
                  g_date_time_get_year (when));
  doc = daftar_monthly_document_query (db, office_code, from, to, now, &today, error);
  if (doc == NULL)
    return FALSE;

  m = g_new0 (Monthly, 1);
  m->items = daftar_doc_items_new ();
  if (doc->empty)
    {
      daftar_doc_add_text (m->items, DAFTAR_DOC_HEADING, _("No data for this period"));
      daftar_doc_add_text (m->items, DAFTAR_DOC_PARAGRAPH,
                           _("No queue ticket, filing or notice was recorded in this period, so there are no figures to report. "
                             "Check the period, or sync the office’s data and make the report again."));
    }
  else
    {
      add_figures (m->items, doc);
      add_shifts (m->items, doc);
      add_notices (m->items, doc);
      add_breaches (m->items, doc);
      add_cases (m->items, doc);
      daftar_monthly_report_add_care_section (m->items, doc);
    }
  {
    DaftarDocItem signature = { .kind = DAFTAR_DOC_SIGNATURE };

    g_array_append_val (m->items, signature);
  }

  *out_source = &monthly_source;
  *out_data = m;
  out_header->title = g_strdup (_("Monthly performance report"));
  out_header->office = daftar_doc_office_text (db, office_code);
  out_header->period = daftar_format_date_range (from, to);
  out_header->as_of = daftar_doc_as_of_text (doc->data_as_of);
  return TRUE;
}
