/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-notices-page.c: the Notices page — read rate against the target, electronic against paper, time to view, and unviewed notices to follow up. */
#define G_LOG_DOMAIN "daftar-notices"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "daftar-charts.h"
#include "daftar-format.h"
#include "daftar-labels.h"
#include "daftar-notices-page-private.h"
#include "daftar-notices-page-query.h"
#include "daftar-page.h"
#include "daftar-page-error.h"
#include "daftar-terms.h"

/* Paper notices reach their addressee in about one case in ten (DESIGN §1). */
#define PAPER_BASELINE 0.10
#define DEFAULT_DAYS 3
/* Rows fetched per "Show More": the list can hold years of notices. */
#define LIST_PAGE 100

static void daftar_notices_page_iface_init (DaftarPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DaftarNoticesPage, daftar_notices_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DAFTAR_TYPE_PAGE, daftar_notices_page_iface_init))

/* Showing the figures ------------------------------------------------------ */

static void
show_tiles (DaftarNoticesPage              *self,
            const DaftarNoticesPageFigures *page)
{
  const DaftarNoticesFigures *f = &page->figures;
  gboolean judged = g_date_valid (&page->read_rate_last);
  g_autofree char *tooltip = NULL;
  const DaftarNoticeCounts *e = &f->totals[DAFTAR_NOTICE_CHANNEL_ELECTRONIC];
  const DaftarNoticeCounts *p = &f->totals[DAFTAR_NOTICE_CHANNEL_PAPER];
  g_autofree char *target = daftar_format_percent (f->target_read_rate, 0);
  g_autofree char *baseline = daftar_format_percent (PAPER_BASELINE, 0);
  /* Translators: the standard a figure is held to, e.g. "target: 90%" */
  g_autofree char *target_text = g_strdup_printf (_("target: %s"), target);
  /* Translators: what paper notices usually reach, e.g. "usually about 10%" */
  g_autofree char *baseline_text = g_strdup_printf (_("usually about %s"), baseline);
  DaftarKpiStatus status = DAFTAR_KPI_STATUS_NONE;

  g_autofree char *read_rate = daftar_term_explain (DAFTAR_TERM_READ_RATE);
  g_autofree char *explanation = NULL;

  /* Judged as the Overview and the alerts judge it: only over the notices
   * that have had time to be viewed, so that today's is never a breach. */
  daftar_kpi_tile_set_title (self->e_rate_tile, _("E-notice read rate"));
  daftar_kpi_tile_set_value (self->e_rate_tile, judged ? page->read_rate_judged : e->read_rate,
                             DAFTAR_CHART_VALUE_PERCENT, 0);
  if (judged)
    {
      g_autofree char *last = daftar_format_date_long (&page->read_rate_last);

      status = page->read_rate_judged >= f->target_read_rate ? DAFTAR_KPI_STATUS_MET : DAFTAR_KPI_STATUS_BREACHED;
      tooltip = g_strdup_printf (_("Of the notices issued up to %s: those of the last three days have had no time to be viewed yet."),
                                 last);
    }
  else
    tooltip = g_strdup (_("Not judged against the standard: the notices of the last three days have had no time to be viewed yet."));
  daftar_kpi_tile_set_status (self->e_rate_tile, status, target_text);
  /* What the rate is, then which notices it was judged on. */
  explanation = g_strconcat (read_rate, "\n\n", tooltip, NULL);
  daftar_kpi_tile_set_explanation (self->e_rate_tile, explanation);

  daftar_kpi_tile_set_title (self->paper_rate_tile, _("Paper notice read rate"));
  daftar_kpi_tile_set_value (self->paper_rate_tile, p->read_rate, DAFTAR_CHART_VALUE_PERCENT, 0);
  daftar_kpi_tile_set_status (self->paper_rate_tile, DAFTAR_KPI_STATUS_NONE, baseline_text);

  daftar_kpi_tile_set_title (self->issued_tile, _("Notices issued"));
  daftar_kpi_tile_set_value (self->issued_tile, (double) (e->issued + p->issued), DAFTAR_CHART_VALUE_INTEGER, 0);
}

static void
show_rate_chart (DaftarNoticesPage          *self,
                 const DaftarNoticesFigures *f)
{
  g_autoptr(DaftarChartSeries) electronic =
    daftar_chart_series_new (daftar_label (DAFTAR_TYPE_NOTICE_CHANNEL, DAFTAR_NOTICE_CHANNEL_ELECTRONIC, DAFTAR_LABEL_PLURAL));
  g_autoptr(DaftarChartSeries) paper =
    daftar_chart_series_new (daftar_label (DAFTAR_TYPE_NOTICE_CHANNEL, DAFTAR_NOTICE_CHANNEL_PAPER, DAFTAR_LABEL_PLURAL));
  DaftarChart *chart = DAFTAR_CHART (self->rate_chart);

  for (guint i = 0; i < f->bins->len; i++)
    {
      const DaftarNoticesBin *b = &g_array_index (f->bins, DaftarNoticesBin, i);
      g_autofree char *label = daftar_bin_label (f->bin, &b->start);

      daftar_chart_series_append_day (electronic, &b->start, label, b->channel[DAFTAR_NOTICE_CHANNEL_ELECTRONIC].read_rate);
      daftar_chart_series_append_day (paper, &b->start, label, b->channel[DAFTAR_NOTICE_CHANNEL_PAPER].read_rate);
    }
  daftar_chart_set_series (chart, electronic);
  daftar_chart_add_series (chart, paper);
  daftar_line_chart_set_target (self->rate_chart, f->target_read_rate, C_("chart reference line", "Target"));
  daftar_line_chart_set_baseline (self->rate_chart, PAPER_BASELINE, _("Paper baseline"));
  daftar_chart_frame_set_category_title (self->rate_frame,
                                         f->bin == DAFTAR_BIN_DAY ? C_("chart bin", "Day")
                                         : f->bin == DAFTAR_BIN_WEEK ? C_("chart bin", "Week") : C_("chart bin", "Month"));
}

static void
show_channel_chart (DaftarNoticesPage          *self,
                    const DaftarNoticesFigures *f)
{
  const char *labels[] = { C_("notice figure", "Issued"), C_("notice figure", "Delivered"), C_("notice figure", "Viewed"), C_("notice figure", "Deemed served") };
  DaftarChart *chart = DAFTAR_CHART (self->channel_chart);

  daftar_chart_clear_series (chart);
  for (int ch = 0; ch < DAFTAR_N_NOTICE_CHANNELS; ch++)
    {
      const DaftarNoticeCounts *c = &f->totals[ch];
      const gint64 values[] = { c->issued, c->delivered, c->viewed, c->deemed };
      g_autoptr(DaftarChartSeries) series =
        daftar_chart_series_new (daftar_label (DAFTAR_TYPE_NOTICE_CHANNEL, ch, DAFTAR_LABEL_PLURAL));

      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        daftar_chart_series_append_category (series, i, labels[i], (double) values[i]);
      daftar_chart_add_series (chart, series);
    }
}

static void
show_delay_chart (DaftarNoticesPage          *self,
                  const DaftarNoticesFigures *f)
{
  char *labels[DAFTAR_N_VIEW_BINS + 1] = { NULL };
  double counts[DAFTAR_N_VIEW_BINS];

  for (guint b = 0; b < DAFTAR_N_VIEW_BINS; b++)
    {
      gint64 lower = daftar_view_bin_lower_s[b], upper = daftar_view_bin_upper_s[b];
      g_autofree char *lo = NULL, *hi = NULL;

      /* Hours up to a day, days beyond, every number through the formatter. */
      gint64 unit = (upper > 0 && upper <= 86400) ? 3600 : 86400;
      lo = daftar_format_int (lower / unit);
      hi = upper > 0 ? daftar_format_int (upper / unit) : NULL;
      if (b == DAFTAR_VIEW_NEVER)
        labels[b] = g_strdup (_("not viewed"));
      else if (lower == 0)
        /* Translators: a bin of time to view, e.g. "under 1 h" */
        labels[b] = g_strdup_printf (_("under %s h"), hi);
      else if (upper < 0)
        /* Translators: a bin of time to view, e.g. "over 10 d" */
        labels[b] = g_strdup_printf (_("over %s d"), lo);
      else if (unit == 3600)
        /* Translators: a bin of time to view in hours, e.g. "1–6 h" */
        labels[b] = g_strdup_printf (_("%s–%s h"), lo, hi);
      else
        /* Translators: a bin of time to view in days, e.g. "3–7 d" */
        labels[b] = g_strdup_printf (_("%s–%s d"), lo, hi);
      counts[b] = (double) f->time_to_view[b];
    }
  daftar_histogram_set_bins (self->delay_chart, (const char * const *) labels, counts, DAFTAR_N_VIEW_BINS);
  for (guint b = 0; b < DAFTAR_N_VIEW_BINS; b++)
    g_free (labels[b]);
}

static void
show_unviewed (DaftarNoticesPage              *self,
               const DaftarNoticesPageFigures *job)
{
  g_autofree char *days = daftar_format_int (job->days);
  g_autofree char *count = daftar_format_int (self->unviewed_count);
  g_autofree char *title = NULL, *summary = NULL;

  if (job->offset == 0)
    {
      g_list_store_remove_all (self->unviewed);
      /* The tiles beside it are the period's; this count is the follow-up
       * list's, of notices of any date still unviewed today: it says so. */
      /* Translators: a key figure, e.g. "Unviewed after 3 days, as of today" */
      title = g_strdup_printf (ngettext ("Unviewed after %s day, as of today", "Unviewed after %s days, as of today",
                                         job->days), days);
      daftar_kpi_tile_set_title (self->unviewed_tile, title);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->unviewed_tile),
                                   _("Electronic notices of any date that nobody has viewed by today: the list below. "
                                     "The figures beside it are for the period."));
      daftar_kpi_tile_set_value (self->unviewed_tile, (double) self->unviewed_count, DAFTAR_CHART_VALUE_INTEGER, 0);
      daftar_kpi_tile_set_higher_is_better (self->unviewed_tile, FALSE);
      /* Translators: how many notices the follow-up list holds, of any date */
      summary = g_strdup_printf (ngettext ("%s notice, as of today", "%s notices, as of today",
                                           (gulong) self->unviewed_count), count);
      gtk_label_set_label (self->unviewed_summary, summary);
      gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), self->unviewed_count > 0);
    }
  for (guint i = 0; i < job->unviewed->len; i++)
    {
      DaftarUnviewedItem *item = g_object_new (DAFTAR_TYPE_UNVIEWED_ITEM, NULL);

      item->notice = g_steal_pointer (&g_ptr_array_index (job->unviewed, i));
      g_list_store_append (self->unviewed, item);
      g_object_unref (item);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_button),
                          g_list_model_get_n_items (G_LIST_MODEL (self->unviewed)) < (guint) self->unviewed_count);
}

/* What any read brought: the list's length comes with its first rows. */
static void
show_list (DaftarNoticesPage        *self,
           DaftarNoticesPageFigures *f)
{
  if (f->offset == 0)
    self->unviewed_count = f->unviewed_count;
  show_unviewed (self, f);
}

static void
show_figures (DaftarPage        *page,
              DaftarPageContext *context,
              gpointer           figures)
{
  DaftarNoticesPage *self = DAFTAR_NOTICES_PAGE (page);
  DaftarNoticesPageFigures *f = figures;
  g_autofree char *range = daftar_period_heading (&context->period, &context->first_data_day);

  gtk_label_set_label (self->period_range, range);
  show_tiles (self, f);
  show_rate_chart (self, &f->figures);
  show_channel_chart (self, &f->figures);
  show_delay_chart (self, &f->figures);
  show_list (self, f);
}

static void
list_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(DaftarNoticesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarNoticesPageFigures) f = daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error);

  if (f == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      daftar_page_show_error (DAFTAR_PAGE (self), error);
      daftar_page_emit_loaded (DAFTAR_PAGE (self));
      return;
    }
  show_list (self, f);
  if (f->offset == 0)
    daftar_page_emit_loaded (DAFTAR_PAGE (self));
}

/* A new N makes the list under way moot, not the figures. */
static void
reload_list (DaftarNoticesPage *self,
             guint              offset)
{
  if (self->context == NULL)
    return;
  if (offset == 0)
    {
      g_cancellable_cancel (self->list_cancellable);
      g_clear_object (&self->list_cancellable);
      self->list_cancellable = g_cancellable_new ();
    }
  daftar_db_worker_run_async (self->worker, daftar_notices_page_query_job,
                              daftar_notices_page_request_new (self->context, daftar_notices_page_get_days (self),
                                                               offset, LIST_PAGE, FALSE),
                              (GDestroyNotify) daftar_notices_page_request_free,
                              (GDestroyNotify) daftar_notices_page_figures_free,
                              self->list_cancellable, list_done, g_object_ref (self));
}

static void
daftar_notices_page_load (DaftarPage        *page,
                          DaftarDbWorker    *worker,
                          DaftarPageContext *context)
{
  DaftarNoticesPage *self = DAFTAR_NOTICES_PAGE (page);

  /* The list read for the old context is moot too. */
  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  self->list_cancellable = g_cancellable_new ();
  g_set_object (&self->worker, worker);
  if (self->context != context)
    {
      g_clear_pointer (&self->context, daftar_page_context_unref);
      self->context = daftar_page_context_ref (context);
    }

  daftar_page_run_query (page, worker, context, daftar_notices_page_query_job,
                         daftar_notices_page_request_new (context, daftar_notices_page_get_days (self),
                                                          0, LIST_PAGE, TRUE),
                         (GDestroyNotify) daftar_notices_page_request_free,
                         (GDestroyNotify) daftar_notices_page_figures_free, show_figures);
}

static void
daftar_notices_page_iface_init (DaftarPageInterface *iface)
{
  iface->load = daftar_notices_page_load;
}

/* The follow-up list -------------------------------------------------------- */

static void
on_days_changed (DaftarNoticesPage *self)
{
  if (self->settings != NULL)
    g_settings_set_uint (self->settings, "unviewed-notice-days", daftar_notices_page_get_days (self));
  reload_list (self, 0);
}

static void
on_more_clicked (DaftarNoticesPage *self)
{
  reload_list (self, g_list_model_get_n_items (G_LIST_MODEL (self->unviewed)));
}

/* Life cycle ---------------------------------------------------------------- */

static void
daftar_notices_page_dispose (GObject *object)
{
  DaftarNoticesPage *self = DAFTAR_NOTICES_PAGE (object);

  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->worker);
  g_clear_object (&self->settings);
  g_clear_object (&self->unviewed);
  g_clear_pointer (&self->context, daftar_page_context_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTAR_TYPE_NOTICES_PAGE);

  G_OBJECT_CLASS (daftar_notices_page_parent_class)->dispose (object);
}

static void
daftar_notices_page_class_init (DaftarNoticesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftar_notices_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftar/Daftar/gui/daftar-notices-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftarNoticesPage, toasts);
  gtk_widget_class_bind_template_child (widget_class, DaftarNoticesPage, period_range);
  gtk_widget_class_bind_template_child (widget_class, DaftarNoticesPage, e_rate_tile);
  gtk_widget_class_bind_template_child (widget_class, DaftarNoticesPage, paper_rate_tile);
  gtk_widget_class_bind_template_child (widget_class, DaftarNoticesPage, issued_tile);
  gtk_widget_class_bind_template_child (widget_class, DaftarNoticesPage, unviewed_tile);
  gtk_widget_class_bind_template_child (widget_class, DaftarNoticesPage, rate_frame);
  gtk_widget_class_bind_template_child (widget_class, DaftarNoticesPage, channel_frame);
  gtk_widget_class_bind_template_child (widget_class, DaftarNoticesPage, delay_frame);
  gtk_widget_class_bind_template_child (widget_class, DaftarNoticesPage, rate_chart);
  gtk_widget_class_bind_template_child (widget_class, DaftarNoticesPage, channel_chart);
  gtk_widget_class_bind_template_child (widget_class, DaftarNoticesPage, delay_chart);
  gtk_widget_class_bind_template_child (widget_class, DaftarNoticesPage, days_spin);
  gtk_widget_class_bind_template_child (widget_class, DaftarNoticesPage, unviewed_summary);
  gtk_widget_class_bind_template_child (widget_class, DaftarNoticesPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, DaftarNoticesPage, unviewed_view);
  gtk_widget_class_bind_template_child (widget_class, DaftarNoticesPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, DaftarNoticesPage, load_stack);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_export_clicked",
                                                G_CALLBACK (daftar_notices_page_export_clicked));
  gtk_widget_class_bind_template_callback (widget_class, on_more_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
daftar_notices_page_init (DaftarNoticesPage *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  guint days = DEFAULT_DAYS;

  g_type_ensure (DAFTAR_TYPE_KPI_TILE);
  g_type_ensure (DAFTAR_TYPE_CHART_FRAME);
  g_type_ensure (DAFTAR_TYPE_LINE_CHART);
  g_type_ensure (DAFTAR_TYPE_BAR_CHART);
  g_type_ensure (DAFTAR_TYPE_HISTOGRAM);
  g_type_ensure (DAFTAR_TYPE_PAGE_ERROR);
  gtk_widget_init_template (GTK_WIDGET (self));
  daftar_page_set_load_stack (DAFTAR_PAGE (self), self->load_stack);

  daftar_chart_set_value_format (DAFTAR_CHART (self->rate_chart), DAFTAR_CHART_VALUE_PERCENT);
  daftar_chart_set_value_format (DAFTAR_CHART (self->channel_chart), DAFTAR_CHART_VALUE_INTEGER);
  daftar_chart_set_value_format (DAFTAR_CHART (self->delay_chart), DAFTAR_CHART_VALUE_INTEGER);
  daftar_chart_frame_set_category_title (self->channel_frame, C_("chart category", "Notices"));
  daftar_chart_frame_set_category_title (self->delay_frame, _("Time to view"));

  self->unviewed = g_list_store_new (DAFTAR_TYPE_UNVIEWED_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->unviewed)));
  gtk_column_view_set_model (self->unviewed_view, GTK_SELECTION_MODEL (selection));

  /* The preference is optional: tests and uninstalled runs may lack the schema. */
  if (schema != NULL && g_settings_schema_has_key (schema, "unviewed-notice-days"))
    {
      self->settings = g_settings_new (APP_ID);
      days = MAX (1, g_settings_get_uint (self->settings, "unviewed-notice-days"));
    }
  daftar_notices_page_setup_list (self, days);
  g_signal_connect_swapped (self->days_spin, "value-changed", G_CALLBACK (on_days_changed), self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
}
