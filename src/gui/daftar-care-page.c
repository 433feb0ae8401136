/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-care-page.c: the Client care page — tiles against the standards, crowding by hour, idle counters and the ratings' charts. */
#define G_LOG_DOMAIN "daftar-care"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "daftar-care-page-private.h"
#include "daftar-care-page-query.h"
#include "daftar-format.h"
#include "daftar-labels.h"
#include "daftar-page.h"
#include "daftar-page-error.h"
#include "daftar-text.h"

static void daftar_care_page_iface_init (DaftarPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DaftarCarePage, daftar_care_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DAFTAR_TYPE_PAGE, daftar_care_page_iface_init))

/* Tiles ---------------------------------------------------------------------- */

/* A figure against a ceiling (@higher_is_better FALSE) or a floor; NaN is
 * not measured. The standards are the office's (daftar-queries.h). */
static DaftarKpiStatus
judge (double   value,
       double   standard,
       gboolean higher_is_better)
{
  if (isnan (value) || isnan (standard))
    return DAFTAR_KPI_STATUS_NONE;
  if (higher_is_better)
    return value >= standard ? DAFTAR_KPI_STATUS_MET : DAFTAR_KPI_STATUS_BREACHED;
  return value <= standard ? DAFTAR_KPI_STATUS_MET : DAFTAR_KPI_STATUS_BREACHED;
}

static DaftarKpiTile *
add_tile (DaftarCarePage         *self,
          const char             *title,
          double                  value,
          DaftarChartValueFormat  format,
          int                     digits,
          gboolean                higher_is_better,
          const char             *explanation)
{
  DaftarKpiTile *tile = DAFTAR_KPI_TILE (daftar_kpi_tile_new ());

  daftar_kpi_tile_set_title (tile, title);
  daftar_kpi_tile_set_value (tile, value, format, digits);
  daftar_kpi_tile_set_higher_is_better (tile, higher_is_better);
  daftar_kpi_tile_set_explanation (tile, explanation);
  gtk_flow_box_append (self->tiles, GTK_WIDGET (tile));
  return tile;
}

static double
share (gint64 part,
       gint64 whole)
{
  return whole > 0 ? (double) part / (double) whole : NAN;
}

static void
fill_tiles (DaftarCarePage          *self,
            const DaftarCareFigures *f)
{
  const DaftarStandards *standards = &f->standards;
  const DaftarCrowdingFigures *crowding = &f->crowding;
  double crowded = share (crowding->days_over, crowding->days);
  g_autofree char *out_of_turn_target = daftar_format_percent (standards->max_out_of_turn_share, 0);
  g_autofree char *seats = daftar_format_int ((gint64) standards->waiting_room_seats);
  g_autofree char *rating_target = daftar_format_decimal (standards->target_rating, 1);
  g_autofree char *out_of_turn_standard = NULL;
  g_autofree char *seats_standard = NULL;
  g_autofree char *rating_standard = NULL;
  g_autofree char *peak_text = NULL;
  GtkWidget *child;
  DaftarKpiTile *tile;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tiles))) != NULL)
    gtk_flow_box_remove (self->tiles, child);

  /* Translators: a standard that is a ceiling, e.g. "at most 2%" */
  out_of_turn_standard = g_strdup_printf (_("at most %s"), out_of_turn_target);
  tile = add_tile (self, _("Called out of turn"), f->out_of_turn.total.share, DAFTAR_CHART_VALUE_PERCENT, 1, FALSE,
                   _("Share of called clients who were called while a client who took a ticket earlier for the same service was still waiting."));
  daftar_kpi_tile_set_status (tile, judge (f->out_of_turn.total.share, standards->max_out_of_turn_share, FALSE),
                              out_of_turn_standard);

  /* Translators: the waiting room's standard, e.g. "20 seats" */
  seats_standard = g_strdup_printf (_("%s seats"), seats);
  if (crowding->peak > 0)
    {
      g_autofree char *peak = daftar_format_int (crowding->peak);
      /* Translators: the most clients waiting at once in the period, e.g. "Most waiting at once: 34" */
      peak_text = g_strdup_printf (_("Share of open days on which more clients waited at once than the waiting room has seats. Most waiting at once: %s."), peak);
    }
  else
    peak_text = g_strdup (_("Share of open days on which more clients waited at once than the waiting room has seats."));
  tile = add_tile (self, _("Crowded days"), crowded, DAFTAR_CHART_VALUE_PERCENT, 0, FALSE, peak_text);
  /* Any day over the seats breaks the standard of serving without crowding. */
  daftar_kpi_tile_set_status (tile, judge (crowded, 0, FALSE), seats_standard);

  add_tile (self, _("Counters idle while clients waited"), f->idle.share, DAFTAR_CHART_VALUE_PERCENT, 1, FALSE,
            _("Share of the counters’ open time in which a counter served nobody while a client waited for a service it gives."));

  /* Translators: a standard that is a floor, e.g. "at least 4.0" */
  rating_standard = g_strdup_printf (_("at least %s"), rating_target);
  {
    g_autofree char *lowest = daftar_format_int (DAFTAR_RATING_MIN);
    g_autofree char *highest = daftar_format_int (DAFTAR_RATING_MAX);
    /* Translators: the mean rating tile's tooltip; %s are 1 and 5 in the UI's digits */
    g_autofree char *explanation = g_strdup_printf (_("Mean of the clients’ ratings of the office, from %s (very dissatisfied) to %s (very satisfied)."),
                                                    lowest, highest);

    tile = add_tile (self, _("Mean rating"), f->satisfaction.mean, DAFTAR_CHART_VALUE_DECIMAL, 2, TRUE, explanation);
  }
  daftar_kpi_tile_set_status (tile, judge (f->satisfaction.mean, standards->target_rating, TRUE), rating_standard);

  /* Without a single rating the server most likely sends none (an old
   * server): a dash, not a 0% that blames the clients. */
  add_tile (self, _("Clients who rated"), f->satisfaction.n > 0 ? f->satisfaction.response_rate : NAN,
            DAFTAR_CHART_VALUE_PERCENT, 0, TRUE,
            _("Ratings received for every hundred clients served."));
}

/* Charts --------------------------------------------------------------------- */

static const char *
shift_label (DaftarShift shift)
{
  return daftar_label (DAFTAR_TYPE_SHIFT, shift, DAFTAR_LABEL_PLURAL);
}

static void
fill_staff_share (DaftarCarePage          *self,
                  const DaftarCareFigures *f)
{
  g_autoptr(DaftarChartSeries) series = daftar_chart_series_new (_("Called out of turn"));
  GPtrArray *by_staff = f->out_of_turn.by_staff;

  for (guint i = 0; i < by_staff->len; i++)
    {
      const DaftarOutOfTurnGroup *g = g_ptr_array_index (by_staff, i);
      g_autofree char *name = daftar_care_staff_text (g->staff_id, g->staff_name);

      daftar_chart_series_append_category (series, i, name, g->count.share);
    }
  daftar_chart_set_series (self->staff_share_chart, series);
  daftar_chart_set_fraction_digits (self->staff_share_chart, 1);
  daftar_chart_frame_set_category_title (self->staff_share_frame, _("Staff member"));
}

static void
fill_crowding (DaftarCarePage          *self,
               const DaftarCareFigures *f)
{
  const DaftarCrowdingFigures *c = &f->crowding;
  DaftarChartSeries *series[] = {
    daftar_chart_series_new (_("Most waiting at once")),
    daftar_chart_series_new (_("Mean of the days’ peaks")),
    daftar_chart_series_new (_("Mean waiting")),
  };
  int first = -1, last = -1;

  /* The hours in which anyone waited; an office without waits shows the working day. */
  for (int h = 0; h < DAFTAR_CARE_N_HOURS; h++)
    if (c->by_hour[h].peak_max > 0)
      {
        if (first < 0)
          first = h;
        last = h;
      }
  if (first < 0)
    first = 7, last = 20;

  daftar_chart_clear_series (self->crowding_chart);
  for (int h = first; h <= last; h++)
    {
      const DaftarCrowdingCell *cell = &c->by_hour[h];
      g_autofree char *label = daftar_format_int (h);
      double peak = cell->days > 0 ? (double) cell->peak_max : NAN;

      daftar_chart_series_append_category (series[0], h - first, label, peak);
      daftar_chart_series_append_category (series[1], h - first, label, cell->peak_mean);
      daftar_chart_series_append_category (series[2], h - first, label, cell->mean_waiting);
    }
  for (guint s = 0; s < G_N_ELEMENTS (series); s++)
    {
      daftar_chart_add_series (self->crowding_chart, series[s]);
      g_object_unref (series[s]);
    }
  daftar_chart_set_fraction_digits (self->crowding_chart, 1);
  daftar_line_chart_set_target (DAFTAR_LINE_CHART (self->crowding_chart), f->standards.waiting_room_seats,
                                C_("chart", "Seats"));
  daftar_chart_frame_set_category_title (self->crowding_frame, _("Hour"));
}

/* One bar per shift for each counter or staff member: idle minutes per shift worked. */
static void
fill_idle_chart (DaftarChart      *chart,
                 DaftarChartFrame *frame,
                 GPtrArray        *rows,
                 gboolean          by_counter,
                 gboolean          every_office)
{
  DaftarChartSeries *series[DAFTAR_N_SHIFTS];
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
    series[s] = daftar_chart_series_new (shift_label (s));

  /* Rows come per counter (or staff member) and shift: one category per key. */
  for (guint i = 0; i < rows->len; i++)
    {
      const DaftarIdleRow *row = g_ptr_array_index (rows, i);
      g_autofree char *key = by_counter ? g_strdup_printf ("%d", row->counter) : g_strdup (row->staff_id);
      guint category;

      if (!g_ptr_array_find_with_equal_func (keys, key, g_str_equal, &category))
        {
          g_autofree char *label = NULL;

          category = keys->len;
          g_ptr_array_add (keys, g_steal_pointer (&key));
          if (by_counter)
            {
              g_autofree char *number = daftar_format_int (row->counter);
              /* Translators: a service counter of the office, e.g. "Counter 3" */
              label = g_strdup_printf (_("Counter %s"), number);
            }
          else
            label = daftar_care_staff_text (row->staff_id, row->staff_name);
          for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
            daftar_chart_series_append_category (series[s], category, label, NAN);
        }
      if (row->shift < DAFTAR_N_SHIFTS)
        daftar_chart_series_set_value (series[row->shift], category, row->idle_minutes_per_shift);
    }
  daftar_chart_clear_series (chart);
  for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
    {
      daftar_chart_add_series (chart, series[s]);
      g_object_unref (series[s]);
    }
  daftar_chart_set_fraction_digits (chart, 1);
  /* For every office, counter N of each office is one bar. */
  daftar_chart_frame_set_category_title (frame, by_counter ? (every_office ? _("Counter, every office") : _("Counter"))
                                                           : _("Staff member"));
}

static void
fill_ratings (DaftarCarePage          *self,
              const DaftarCareFigures *f)
{
  const DaftarSatisfactionFigures *s = &f->satisfaction;
  g_autoptr(DaftarChartSeries) counts = daftar_chart_series_new (_("Ratings"));
  g_autoptr(DaftarChartSeries) means = daftar_chart_series_new (_("Mean rating"));

  for (int r = 1; r <= DAFTAR_RATING_MAX; r++)
    {
      g_autofree char *label = daftar_format_int (r);

      daftar_chart_series_append_category (counts, r - 1, label, s->by_rating[r]);
    }
  daftar_chart_set_series (self->ratings_chart, counts);
  daftar_chart_frame_set_category_title (self->ratings_frame, _("Rating"));

  for (guint b = 0; b < DAFTAR_N_WAIT_BANDS; b++)
    {
      g_autofree char *label = daftar_wait_band_label (b);

      daftar_chart_series_append_category (means, b, label, s->by_wait_band[b].mean);
    }
  daftar_chart_set_series (self->rating_wait_chart, means);
  daftar_chart_set_fraction_digits (self->rating_wait_chart, 2);
  daftar_chart_frame_set_category_title (self->rating_wait_frame, _("Wait"));
}

static void
show_figures (DaftarPage        *page,
              DaftarPageContext *context,
              gpointer           data)
{
  DaftarCarePage *self = DAFTAR_CARE_PAGE (page);
  const DaftarCarePageFigures *figures = data;
  const DaftarCareFigures *f = figures->figures;
  g_autofree char *range = daftar_period_heading (&context->period, &context->first_data_day);
  gboolean rated = f->satisfaction.n > 0;

  gtk_label_set_label (self->period_range, range);
  /* No open day and no rating: nothing to judge, say so instead of dashes. */
  gtk_stack_set_visible_child_name (self->content_stack,
                                    f->crowding.days == 0 && !rated ? "empty" : "figures");
  fill_tiles (self, f);
  fill_staff_share (self, f);
  fill_crowding (self, f);
  fill_idle_chart (self->idle_counter_chart, self->idle_counter_frame, f->idle.by_counter, TRUE,
                   context->office_code == NULL);
  fill_idle_chart (self->idle_staff_chart, self->idle_staff_frame, f->idle.by_staff, FALSE,
                   context->office_code == NULL);
  fill_ratings (self, f);
  gtk_widget_set_visible (self->ratings_area, rated);
  gtk_widget_set_visible (GTK_WIDGET (self->no_ratings), !rated);
  daftar_care_page_fill_lists (self, context, f);
}

static void
daftar_care_page_load (DaftarPage        *page,
                       DaftarDbWorker    *worker,
                       DaftarPageContext *context)
{
  daftar_page_run_query (page, worker, context, daftar_care_page_query_job,
                         daftar_page_context_ref (context), (GDestroyNotify) daftar_page_context_unref,
                         (GDestroyNotify) daftar_care_page_figures_free, show_figures);
}

static void
daftar_care_page_iface_init (DaftarPageInterface *iface)
{
  iface->load = daftar_care_page_load;
}

static void
daftar_care_page_dispose (GObject *object)
{
  DaftarCarePage *self = DAFTAR_CARE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), DAFTAR_TYPE_CARE_PAGE);
  g_clear_object (&self->worst);
  g_clear_object (&self->low);

  G_OBJECT_CLASS (daftar_care_page_parent_class)->dispose (object);
}

static void
daftar_care_page_class_init (DaftarCarePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftar_care_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftar/Daftar/gui/daftar-care-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, load_stack);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, period_range);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, tiles);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, staff_share_frame);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, staff_share_chart);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, worst_view);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, worst_empty);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, crowding_frame);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, crowding_chart);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, idle_counter_frame);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, idle_counter_chart);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, idle_staff_frame);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, idle_staff_chart);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, ratings_area);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, no_ratings);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, ratings_frame);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, ratings_chart);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, rating_wait_frame);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, rating_wait_chart);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, low_view);
  gtk_widget_class_bind_template_child (widget_class, DaftarCarePage, low_note);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
daftar_care_page_init (DaftarCarePage *self)
{
  g_type_ensure (DAFTAR_TYPE_KPI_TILE);
  g_type_ensure (DAFTAR_TYPE_CHART_FRAME);
  g_type_ensure (DAFTAR_TYPE_BAR_CHART);
  g_type_ensure (DAFTAR_TYPE_LINE_CHART);
  g_type_ensure (DAFTAR_TYPE_PAGE_ERROR);
  gtk_widget_init_template (GTK_WIDGET (self));
  daftar_page_set_load_stack (DAFTAR_PAGE (self), self->load_stack);
  daftar_care_page_setup_lists (self);
}
