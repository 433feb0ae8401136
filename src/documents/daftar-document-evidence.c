/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-document-evidence.c: the staffing evidence (مستندات درخواست افزایش کارمند/باجه/دفتر جدید) as items for the document engine. */
#define G_LOG_DOMAIN "daftar-documents"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "daftar-bar-plot.h"
#include "daftar-document-private.h"
#include "daftar-format.h"
#include "daftar-heatmap-plot.h"
#include "daftar-staffing.h"
#include "daftar-sync-history.h"

#define RECENT_WEEKS 12
#define TREND_MONTHS 12
#define MAX_MORE_COUNTERS 3

/* The fixed part is a few pages of items made once; the weeks of the whole
 * period (five years: 260 rows) are made on demand from the staffing
 * result as their pages are drawn. */
typedef struct
{
  GArray         *items;      /* of DaftarDocItem: all before the weeks' rows */
  DaftarStaffing *period;     /* owned: the weeks over capacity of the whole period */
  int             weeks_header;
} Evidence;

static const double week_widths[] = { 2.4, 1.6, 1.2, 1.2 };

static void
evidence_free (gpointer data)
{
  Evidence *e = data;

  daftar_doc_items_free (e->items);
  g_clear_pointer (&e->period, daftar_staffing_free);
  g_free (e);
}

static guint
evidence_n_items (gpointer data)
{
  Evidence *e = data;

  return e->items->len + e->period->week_checks->len + 1;
}

static void
evidence_get_item (gpointer       data,
                   guint          index,
                   DaftarDocItem *out)
{
  Evidence *e = data;

  if (index < e->items->len)
    {
      daftar_doc_items_copy_item (e->items, index, out);
      return;
    }
  index -= e->items->len;
  if (index < e->period->week_checks->len)
    {
      /* Newest first: what the province reads first. */
      const DaftarStaffingWeek *w = &g_array_index (e->period->week_checks, DaftarStaffingWeek,
                                                    e->period->week_checks->len - 1 - index);
      g_autofree char *range = daftar_format_date_range (&w->from, &w->to);
      g_autofree char *peak = isfinite (w->peak_arrivals_per_hour) ? daftar_format_decimal (w->peak_arrivals_per_hour, 1)
                                                                   : g_strdup ("—");
      g_autofree char *needed = daftar_format_int (w->peak_counters_needed);

      daftar_doc_row (out, FALSE, e->weeks_header, week_widths, 4, range, peak, needed,
                      w->over_capacity ? _("Over capacity") : "");
      return;
    }
  out->kind = DAFTAR_DOC_SIGNATURE;
}

static const DaftarDocSource evidence_source = {
  evidence_n_items,
  evidence_get_item,
  evidence_free,
};

static char *
wait_text (double seconds)
{
  if (!isfinite (seconds))
    return g_strdup (isinf (seconds) ? _("cannot keep up") : "—");
  return daftar_format_minutes (seconds / 60, 0);
}

/* Demand by weekday and hour over the last weeks: the chart the Shifts
 * page shows, drawn by the same plot. */
static void
add_demand (GArray               *items,
            const DaftarStaffing *recent)
{
  DaftarPlot *plot = daftar_heatmap_plot_new ();
  guint first = 23, last = 0;

  for (guint i = 0; i < recent->hours->len; i++)
    {
      const DaftarStaffingHour *h = &g_array_index (recent->hours, DaftarStaffingHour, i);

      if (h->arrivals > 0)
        {
          first = MIN (first, h->hour);
          last = MAX (last, h->hour);
        }
    }
  if (first > last)
    {
      first = 7;
      last = 20;
    }
  daftar_heatmap_plot_set_hours (DAFTAR_HEATMAP_PLOT (plot), first, last);
  for (guint i = 0; i < recent->hours->len; i++)
    {
      const DaftarStaffingHour *h = &g_array_index (recent->hours, DaftarStaffingHour, i);

      if (h->open_days > 0)
        daftar_heatmap_plot_set_value (DAFTAR_HEATMAP_PLOT (plot), h->weekday, h->hour, h->arrivals_per_hour);
    }
  daftar_plot_set_value_format (plot, DAFTAR_CHART_VALUE_DECIMAL);
  daftar_plot_set_unit (plot, _("clients per hour"));
  daftar_doc_add_chart (items, plot, 200);
}

static gboolean
add_trend (GArray       *items,
           DaftarDb     *db,
           const char   *office_code,
           const GDate  *to,
           GError      **error)
{
  static const double widths[] = { 2, 1.5, 1.5 };
  DaftarPlot *plot = daftar_bar_plot_new ();
  g_autoptr(DaftarChartSeries) series = daftar_chart_series_new (_("Queue tickets issued"));
  DaftarJalaliDate j;
  int header;

  daftar_jalali_from_gdate (to, &j);
  header = daftar_doc_add_row (items, TRUE, -1, widths, 3, _("Month"), _("Queue tickets issued"), _("Mean wait"), NULL, NULL);
  for (int k = TREND_MONTHS - 1; k >= 0; k--)
    {
      int year = j.year, month = j.month - k;
      DaftarPeriodSummary s;
      GDate first, last;
      g_autofree char *name = NULL, *issued = NULL, *wait = NULL;

      while (month < 1)
        {
          month += 12;
          year--;
        }
      daftar_jalali_month_bounds (year, month, &first, &last);
      if (!daftar_query_period_summary (db, office_code, &first, &last, &s, error))
        {
          g_object_unref (plot);
          return FALSE;
        }
      name = daftar_format_month_year (year, month);
      issued = daftar_format_int (s.tickets_issued);
      wait = isfinite (s.wait_mean_minutes) ? daftar_format_minutes (s.wait_mean_minutes, 1) : g_strdup ("—");
      daftar_doc_add_row (items, FALSE, header, widths, 3, name, issued, wait, NULL, NULL);
      daftar_chart_series_append_category (series, TREND_MONTHS - 1 - k, name, s.tickets_issued);
    }
  daftar_plot_add_series (plot, series);
  daftar_plot_set_unit (plot, _("tickets"));
  daftar_doc_add_chart (items, plot, 170);
  return TRUE;
}

static void
add_waits (GArray               *items,
           const DaftarStaffing *recent)
{
  static const double widths[] = { 2.6, 1.1, 1.1, 1.3, 1.3 };
  int header;

  if (recent->advice->len == 0)
    {
      daftar_doc_add_text (items, DAFTAR_DOC_PARAGRAPH, _("No hour of the last weeks needs another counter for the standards."));
      return;
    }
  header = daftar_doc_add_row (items, TRUE, -1, widths, 5, _("When"), _("Counters open"), _("Counters needed"),
                               _("Wait seen"), _("Wait by the model"));
  for (guint i = 0; i < recent->advice->len; i++)
    {
      const DaftarStaffingAdvice *a = &g_array_index (recent->advice, DaftarStaffingAdvice, i);
      g_autofree char *when = daftar_staffing_advice_text (a);
      g_autofree char *open = daftar_format_int (a->counters_open_max);
      g_autofree char *needed = daftar_format_int (a->counters_needed);
      g_autofree char *seen = wait_text (a->observed_wait_s);
      g_autofree char *model = wait_text (a->predicted_wait_s);

      daftar_doc_add_row (items, FALSE, header, widths, 5, when, open, needed, seen, model);
    }
}

static gboolean
add_what_if (GArray               *items,
             const DaftarStaffing *recent,
             GError              **error)
{
  static const double widths[] = { 2, 1.3, 1.3, 1.3 };
  int header = daftar_doc_add_row (items, TRUE, -1, widths, 4, _("Counters added to each shift"), _("Served within the standard wait"),
                                   _("Mean wait"), _("Hours that cannot keep up"), NULL);

  for (guint n = 0; n <= MAX_MORE_COUNTERS; n++)
    {
      DaftarStaffingWhatIf what_if;
      DaftarStaffingWeekProjection p;
      g_autofree char *more = daftar_format_int (n), *level = NULL, *wait = NULL, *overloaded = NULL;

      daftar_staffing_what_if_default (recent, &what_if);
      what_if.morning_counters += n;
      what_if.evening_counters += n;
      if (!daftar_staffing_project (recent, &what_if, &p, error))
        return FALSE;
      level = daftar_format_percent (p.service_level, 0);
      wait = wait_text (p.mean_wait_s);
      overloaded = daftar_format_int (p.n_overloaded);
      daftar_doc_add_row (items, FALSE, header, widths, 4, more, level, wait, overloaded, NULL);
    }
  return TRUE;
}

/* The step on the judiciary's chain (staff at the counters the office has
 * → more counters → a new office), in the manager's words, with the
 * evidence for a new office when that is the step: the Shifts page's own
 * verdict, so the document and the screen say the same. */
static void
daftar_evidence_add_step_section (GArray               *items,
                                  const DaftarStaffing *recent)
{
  g_autofree char *step = daftar_staffing_step_text (recent);

  daftar_doc_add_text (items, DAFTAR_DOC_HEADING, _("The step the office is at"));
  if (step != NULL)
    daftar_doc_add_text (items, DAFTAR_DOC_PARAGRAPH, step);
  else
    daftar_doc_add_text (items, DAFTAR_DOC_PARAGRAPH, _("The office meets its standards with the staff and counters it has."));
}

gboolean
daftar_evidence_source_new (DaftarDb               *db,
                            const char             *office_code,
                            const GDate            *from,
                            const GDate            *to,
                            gint64                  now,
                            const DaftarDocSource **out_source,
                            gpointer               *out_data,
                            DaftarDocHeader        *out_header,
                            GError                **error)
{
  g_autoptr(DaftarStaffing) recent = NULL;
  Evidence *e;
  guint weeks = CLAMP ((g_date_days_between (from, to) + 1 + 6) / 7, 1, DAFTAR_STAFFING_MAX_WEEKS);
  gint64 as_of = 0;
  g_autofree char *weeks_over = NULL, *weeks_all = NULL, *summary = NULL;

  recent = daftar_staffing_compute (db, office_code, to, RECENT_WEEKS, 0, error);
  if (recent == NULL)
    return FALSE;
  e = g_new0 (Evidence, 1);
  e->items = daftar_doc_items_new ();
  e->period = daftar_staffing_compute (db, office_code, to, weeks, 0, error);
  if (e->period == NULL || !daftar_sync_last_success (db, &as_of, NULL, error))
    {
      evidence_free (e);
      return FALSE;
    }

  weeks_over = daftar_format_int (e->period->weeks_over_capacity);
  weeks_all = daftar_format_int (e->period->week_checks->len);
  /* Translators: weeks over capacity of all the weeks of the period. */
  summary = g_strdup_printf (_("In %s of the %s weeks of the period, some hour needed more counters than the office has."),
                             weeks_over, weeks_all);

  daftar_evidence_add_step_section (e->items, recent);
  daftar_doc_add_text (e->items, DAFTAR_DOC_PARAGRAPH, summary);

  daftar_doc_add_text (e->items, DAFTAR_DOC_HEADING, _("Demand by weekday and hour, last 12 weeks"));
  add_demand (e->items, recent);

  daftar_doc_add_text (e->items, DAFTAR_DOC_HEADING, _("Waits seen and waits by the model, where counters are short"));
  add_waits (e->items, recent);

  daftar_doc_add_text (e->items, DAFTAR_DOC_HEADING, _("What more counters would achieve"));
  if (!add_what_if (e->items, recent, error))
    {
      evidence_free (e);
      return FALSE;
    }

  daftar_doc_add_text (e->items, DAFTAR_DOC_HEADING, _("Demand over the last 12 months"));
  if (!add_trend (e->items, db, office_code, to, error))
    {
      evidence_free (e);
      return FALSE;
    }

  daftar_doc_add_text (e->items, DAFTAR_DOC_HEADING, _("Weeks over capacity"));
  e->weeks_header = daftar_doc_add_row (e->items, TRUE, -1, week_widths, 4, _("Week"), _("Busiest hour (clients)"),
                                        _("Counters needed"), _("Over capacity"), NULL);

  *out_source = &evidence_source;
  *out_data = e;
  out_header->title = g_strdup (_("Evidence for more staff, a counter or a new office"));
  out_header->office = daftar_doc_office_text (db, recent->office_code);
  out_header->period = daftar_format_date_range (&e->period->from, &e->period->to);
  out_header->as_of = daftar_doc_as_of_text (as_of);
  return TRUE;
}
