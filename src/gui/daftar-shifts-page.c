/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-shifts-page.c: the Shifts page — morning against evening: tickets, waits, service times, heatmaps (with the waiting room's crowding as a layer), load and standards. */
#define G_LOG_DOMAIN "daftar-shifts"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "daftar-charts.h"
#include "daftar-format.h"
#include "daftar-labels.h"
#include "daftar-page-tiles.h"
#include "daftar-page.h"
#include "daftar-page-error.h"
#include "daftar-reflow-box.h"
#include "daftar-shifts-page.h"
#include "daftar-shifts-page-query.h"
#include "daftar-staffing-panel.h"
#include "daftar-terms.h"
#include "daftar-text.h"

struct _DaftarShiftsPage
{
  GtkWidget         parent_instance;

  GtkWidget        *scroller;
  GtkLabel         *period_range;
  GtkFlowBox       *morning_tiles;
  GtkFlowBox       *evening_tiles;
  DaftarChartFrame *wait_frame;
  DaftarChartFrame *tickets_frame;
  DaftarChartFrame *service_frame;
  DaftarChartFrame *counter_frame;
  DaftarChartFrame *staff_frame;
  DaftarChartFrame *arrivals_frame;
  DaftarChartFrame *wait_heatmap_frame;
  DaftarChart      *tickets_chart;
  DaftarChart      *wait_chart;
  DaftarChart      *service_chart;
  DaftarChart      *counter_chart;
  DaftarChart      *staff_chart;
  DaftarHeatmap    *arrivals_heatmap;
  DaftarHeatmap    *wait_heatmap;
  GtkSwitch        *peak_waiting_switch;
  GtkListBox       *standards_list;
  GtkBox           *staffing_area;
  GtkWidget        *staffing_panel;  /* the staffing advisor, in staffing_area */
  GtkStack         *load_stack;
  GtkWidget        *morning_heading;
  GtkWidget        *evening_heading;

  /* The wait heatmap's two layers, kept to switch between them. */
  double            mean_wait[DAFTAR_HEATMAP_ROWS][DAFTAR_HEATMAP_HOURS];
  double            crowded[DAFTAR_HEATMAP_ROWS][DAFTAR_HEATMAP_HOURS];
  gint64            seats;
  guint             first_hour;
  guint             last_hour;

  gboolean          loading;         /* a load is under way */
  int               shift_to_show;   /* a DaftarShift to scroll to, or -1 */
  guint             scroll_tick;     /* waits for the layout to scroll */
  guint             scroll_tries;
};

static void daftar_shifts_page_iface_init (DaftarPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DaftarShiftsPage, daftar_shifts_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DAFTAR_TYPE_PAGE, daftar_shifts_page_iface_init))

static const char *
shift_label (DaftarShift shift)
{
  return daftar_label (DAFTAR_TYPE_SHIFT, shift, DAFTAR_LABEL_PLURAL);
}

static const char *
outcome_label (DaftarTicketOutcome outcome)
{
  return daftar_label (DAFTAR_TYPE_TICKET_OUTCOME, outcome, DAFTAR_LABEL_PLURAL);
}

static DaftarKpiStatus
kpi_status (DaftarVerdict verdict)
{
  switch (verdict)
    {
    case DAFTAR_VERDICT_MET:
      return DAFTAR_KPI_STATUS_MET;
    case DAFTAR_VERDICT_BREACHED:
      return DAFTAR_KPI_STATUS_BREACHED;
    case DAFTAR_VERDICT_NOT_MEASURED:
    default:
      return DAFTAR_KPI_STATUS_NONE;
    }
}

/* "at most 15 min", "at least 80%": the standard as the tile and the list say it. */
static char *
standard_text (const DaftarStandardCheck *check,
               DaftarShiftStandard        standard)
{
  g_autofree char *target = NULL;

  switch (standard)
    {
    case DAFTAR_SHIFT_STANDARD_WAIT_MEAN:
      target = daftar_format_minutes (check->target, 0);
      /* Translators: a standard that is a ceiling, e.g. "at most 15 min" */
      return g_strdup_printf (_("at most %s"), target);
    case DAFTAR_SHIFT_STANDARD_SERVICE_LEVEL:
      target = daftar_format_percent (check->target, 0);
      /* Translators: a standard that is a floor, e.g. "at least 80%" */
      return g_strdup_printf (_("at least %s"), target);
    case DAFTAR_SHIFT_STANDARD_CASES_PER_STAFF:
      target = daftar_format_decimal (check->target, 0);
      return g_strdup_printf (_("at most %s"), target);
    case DAFTAR_N_SHIFT_STANDARDS:
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

static void
judge_tile (DaftarKpiTile          *tile,
            const DaftarShiftsData *d,
            DaftarShift             shift,
            DaftarShiftStandard     standard)
{
  const DaftarStandardCheck *check = &d->checks[shift][standard];
  g_autofree char *text = standard_text (check, standard);

  daftar_kpi_tile_set_higher_is_better (tile, standard == DAFTAR_SHIFT_STANDARD_SERVICE_LEVEL);
  daftar_kpi_tile_set_status (tile, kpi_status (check->verdict), text);
}

static void
fill_tiles (GtkFlowBox             *box,
            const DaftarShiftsData *d,
            DaftarShift             shift)
{
  const DaftarShiftFigures *f = &d->shift[shift];
  g_autofree char *p90_title = daftar_term_wait_p90_title ();
  DaftarKpiTile *tile;

  daftar_page_tiles_clear (GTK_WIDGET (box));
  daftar_page_tiles_add (box, _("Queue tickets issued"), f->issued, DAFTAR_CHART_VALUE_INTEGER, 0);
  daftar_page_tiles_add (box, _("Clients served"), f->served, DAFTAR_CHART_VALUE_INTEGER, 0);
  tile = daftar_page_tiles_add (box, outcome_label (DAFTAR_TICKET_OUTCOME_NO_SHOW), f->no_show, DAFTAR_CHART_VALUE_INTEGER, 0);
  daftar_kpi_tile_set_higher_is_better (tile, FALSE);
  tile = daftar_page_tiles_add (box, _("Cancelled tickets"), f->cancelled, DAFTAR_CHART_VALUE_INTEGER, 0);
  daftar_kpi_tile_set_higher_is_better (tile, FALSE);

  tile = daftar_page_tiles_add (box, _("Mean wait"), f->wait_mean_minutes, DAFTAR_CHART_VALUE_MINUTES, 1);
  daftar_page_tiles_explain (tile, DAFTAR_TERM_WAIT_MEAN);
  judge_tile (tile, d, shift, DAFTAR_SHIFT_STANDARD_WAIT_MEAN);
  /* The percentile is shown, not judged: the standard is on the mean. */
  tile = daftar_page_tiles_add (box, p90_title,
                                f->wait_p90_minutes < 0 ? NAN : f->wait_p90_minutes, DAFTAR_CHART_VALUE_MINUTES, 0);
  daftar_page_tiles_explain (tile, DAFTAR_TERM_WAIT_P90);
  daftar_kpi_tile_set_higher_is_better (tile, FALSE);
  tile = daftar_page_tiles_add (box, _("Served within the standard wait"), f->within_target_share,
                                DAFTAR_CHART_VALUE_PERCENT, 0);
  daftar_page_tiles_explain (tile, DAFTAR_TERM_SERVICE_LEVEL);
  judge_tile (tile, d, shift, DAFTAR_SHIFT_STANDARD_SERVICE_LEVEL);
  tile = daftar_page_tiles_add (box, _("Clients per staff member per shift"),
                                d->checks[shift][DAFTAR_SHIFT_STANDARD_CASES_PER_STAFF].value, DAFTAR_CHART_VALUE_DECIMAL, 1);
  judge_tile (tile, d, shift, DAFTAR_SHIFT_STANDARD_CASES_PER_STAFF);
}

/* One series per shift, named by it. */
static void
shift_series (DaftarChartSeries *series[DAFTAR_N_SHIFTS])
{
  for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
    series[s] = daftar_chart_series_new (shift_label (s));
}

static void
set_shift_series (DaftarChart       *chart,
                  DaftarChartSeries *series[DAFTAR_N_SHIFTS])
{
  daftar_chart_clear_series (chart);
  for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
    {
      daftar_chart_add_series (chart, series[s]);
      g_object_unref (series[s]);
    }
}

static void
fill_tickets_chart (DaftarShiftsPage       *self,
                    const DaftarShiftsData *d)
{
  DaftarChartSeries *series[DAFTAR_N_SHIFTS];

  shift_series (series);
  for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
    {
      const DaftarShiftFigures *f = &d->shift[s];

      daftar_chart_series_append_category (series[s], 0, C_("ticket figure", "Issued"), f->issued);
      daftar_chart_series_append_category (series[s], 1, outcome_label (DAFTAR_TICKET_OUTCOME_SERVED), f->served);
      daftar_chart_series_append_category (series[s], 2, outcome_label (DAFTAR_TICKET_OUTCOME_NO_SHOW), f->no_show);
      daftar_chart_series_append_category (series[s], 3, outcome_label (DAFTAR_TICKET_OUTCOME_CANCELLED),
                                           f->cancelled);
    }
  set_shift_series (self->tickets_chart, series);
  daftar_chart_frame_set_category_title (self->tickets_frame, _("Tickets"));
}

static void
fill_wait_chart (DaftarShiftsPage       *self,
                 const DaftarShiftsData *d)
{
  DaftarChartSeries *series[DAFTAR_N_SHIFTS];
  static const char * const bin_titles[] = { NC_("chart bin", "Day"), NC_("chart bin", "Week"), NC_("chart bin", "Month") };

  shift_series (series);
  for (guint b = 0; b < d->bins->len; b++)
    {
      const DaftarShiftsBin *bin = &g_array_index (d->bins, DaftarShiftsBin, b);
      g_autofree char *label = daftar_bin_label (d->bin, &bin->start);

      for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
        daftar_chart_series_append_day (series[s], &bin->start, label, bin->shift[s].wait_mean_minutes);
    }
  set_shift_series (self->wait_chart, series);
  daftar_chart_set_fraction_digits (self->wait_chart, 1);
  daftar_line_chart_set_target (DAFTAR_LINE_CHART (self->wait_chart), d->standards.target_wait_minutes,
                                C_("chart", "Standard"));
  daftar_chart_frame_set_category_title (self->wait_frame, g_dpgettext2 (NULL, "chart bin", bin_titles[d->bin]));
}

static void
fill_service_chart (DaftarShiftsPage       *self,
                    const DaftarShiftsData *d)
{
  DaftarChartSeries *series[DAFTAR_N_SHIFTS];

  shift_series (series);
  for (guint k = 0; k < DAFTAR_N_CASE_KINDS; k++)
    for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
      daftar_chart_series_append_category (series[s], k, daftar_label (DAFTAR_TYPE_CASE_KIND, k, DAFTAR_LABEL_PLURAL),
                                           daftar_shifts_service_minutes (d, k, s));
  set_shift_series (self->service_chart, series);
  daftar_chart_set_fraction_digits (self->service_chart, 1);
  daftar_chart_frame_set_category_title (self->service_frame, _("Service"));
}

static void
fill_load_charts (DaftarShiftsPage       *self,
                  DaftarPageContext      *context,
                  const DaftarShiftsData *d)
{
  DaftarChartSeries *series[DAFTAR_N_SHIFTS];

  shift_series (series);
  for (guint i = 0; i < d->counters->len; i++)
    {
      const DaftarCounterLoad *c = g_ptr_array_index (d->counters, i);
      g_autofree char *number = daftar_format_int (c->counter);
      /* Translators: a service counter of the office, e.g. "Counter 3" */
      g_autofree char *label = g_strdup_printf (_("Counter %s"), number);

      /* Counters of the network are told apart by their office's code. */
      if (context->office_code == NULL)
        {
          g_autofree char *office = daftar_text_isolate (c->office_code);
          char *with_office = g_strdup_printf (C_("office and counter", "%s, %s"), office, label);
          g_free (label);
          label = with_office;
        }
      for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
        daftar_chart_series_append_category (series[s], i, label, c->served[s]);
    }
  set_shift_series (self->counter_chart, series);
  daftar_chart_frame_set_category_title (self->counter_frame, _("Counter"));

  shift_series (series);
  for (guint i = 0; i < d->staff->len; i++)
    {
      const DaftarStaffLoad *p = g_ptr_array_index (d->staff, i);
      const char *name = p->name != NULL ? p->name : p->staff_id;

      for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
        daftar_chart_series_append_category (series[s], i, name, p->served[s]);
    }
  set_shift_series (self->staff_chart, series);
  daftar_chart_frame_set_category_title (self->staff_frame, _("Staff member"));
}

/* The week's days in heatmap order: any week will do, and 2025-03-15 was
 * a Saturday. */
static GDateWeekday
weekday_of_row (guint r)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 15, G_DATE_MARCH, 2025);
  g_date_add_days (&day, r);
  return g_date_get_weekday (&day);
}

/* The wait heatmap shows the mean wait, or, as its "peak waiting" layer,
 * the share of days the waiting room overflowed: darker is worse either
 * way, and the title and unit say which it is. */
static void
fill_wait_heatmap (DaftarShiftsPage *self)
{
  gboolean crowding = gtk_switch_get_active (self->peak_waiting_switch);
  DaftarChart *chart = DAFTAR_CHART (self->wait_heatmap);

  daftar_heatmap_set_hours (self->wait_heatmap, self->first_hour, self->last_hour);
  if (crowding)
    {
      g_autofree char *seats = daftar_format_int (self->seats);
      /* Translators: %s is the waiting room's seats (the standard); each cell is a share of the open days of that weekday */
      g_autofree char *title = g_strdup_printf (ngettext ("Days with More Clients Waiting at Once than the %s Seat, by Weekday and Hour",
                                                          "Days with More Clients Waiting at Once than the %s Seats, by Weekday and Hour",
                                                          (gulong) self->seats), seats);

      daftar_chart_frame_set_title (self->wait_heatmap_frame, title);
      daftar_chart_set_unit (chart, C_("chart unit", "share of open days"));
      daftar_chart_set_value_format (chart, DAFTAR_CHART_VALUE_PERCENT);
      daftar_chart_set_fraction_digits (chart, 0);
      /* A share of the days: the same colour means the same share whatever the period. */
      daftar_heatmap_set_scale_max (self->wait_heatmap, 1.0);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->wait_heatmap_frame),
                                   _("Of the open days of each weekday, the share on which more clients waited at once "
                                     "in that hour than the waiting room has seats. Darker is worse."));
    }
  else
    {
      daftar_chart_frame_set_title (self->wait_heatmap_frame, _("Mean Wait by Weekday and Hour"));
      daftar_chart_set_unit (chart, C_("chart unit", "minutes"));
      daftar_chart_set_value_format (chart, DAFTAR_CHART_VALUE_MINUTES);
      daftar_chart_set_fraction_digits (chart, 1);
      daftar_heatmap_set_scale_max (self->wait_heatmap, 0);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->wait_heatmap_frame), NULL);
    }
  for (guint r = 0; r < DAFTAR_HEATMAP_ROWS; r++)
    {
      GDateWeekday weekday = weekday_of_row (r);
      guint row = daftar_shifts_weekday_row (weekday);

      for (guint h = self->first_hour; h <= self->last_hour; h++)
        daftar_heatmap_set_value (self->wait_heatmap, weekday, h,
                                  crowding ? self->crowded[row][h] : self->mean_wait[row][h]);
    }
  daftar_chart_frame_set_category_title (self->wait_heatmap_frame, _("Hour"));
}

static void
on_peak_waiting_toggled (DaftarShiftsPage *self)
{
  fill_wait_heatmap (self);
}

static void
fill_heatmaps (DaftarShiftsPage       *self,
               const DaftarShiftsData *d)
{
  /* The opening hours seen in the period; an empty period shows both shifts. */
  guint first = d->first_hour >= 0 ? (guint) d->first_hour : 7;
  guint last = d->first_hour >= 0 ? (guint) d->last_hour : 20;

  daftar_heatmap_set_hours (self->arrivals_heatmap, first, last);
  daftar_chart_set_fraction_digits (DAFTAR_CHART (self->arrivals_heatmap), 1);

  for (guint r = 0; r < DAFTAR_HEATMAP_ROWS; r++)
    {
      GDateWeekday weekday = weekday_of_row (r);
      guint row = daftar_shifts_weekday_row (weekday);

      for (guint h = first; h <= last; h++)
        daftar_heatmap_set_value (self->arrivals_heatmap, weekday, h, daftar_shifts_mean_arrivals (d, row, h));
      for (guint h = 0; h < DAFTAR_HEATMAP_HOURS; h++)
        {
          self->mean_wait[row][h] = daftar_shifts_mean_wait (d, row, h);
          self->crowded[row][h] = daftar_shifts_crowded_share (d, row, h);
        }
    }
  self->first_hour = first;
  self->last_hour = last;
  self->seats = (gint64) d->standards.waiting_room_seats;
  daftar_chart_frame_set_category_title (self->arrivals_frame, _("Hour"));
  fill_wait_heatmap (self);
}

static GtkWidget *
standard_row (const DaftarShiftsData *d,
              DaftarShift             shift,
              DaftarShiftStandard     standard)
{
  static const char * const titles[] = {
    N_("Mean wait"), N_("Served within the standard wait"), N_("Clients per staff member per shift"),
  };
  const DaftarStandardCheck *check = &d->checks[shift][standard];
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *verdict = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon, *words;
  g_autofree char *title = g_strdup_printf (C_("shift and standard", "%s: %s"), shift_label (shift), _(titles[standard]));
  g_autofree char *value = NULL;
  g_autofree char *target = standard_text (check, standard);
  g_autofree char *subtitle = NULL;

  if (standard == DAFTAR_SHIFT_STANDARD_WAIT_MEAN)
    value = daftar_chart_format_value_as (DAFTAR_CHART_VALUE_MINUTES, check->value, 1);
  else if (standard == DAFTAR_SHIFT_STANDARD_SERVICE_LEVEL)
    value = daftar_chart_format_value_as (DAFTAR_CHART_VALUE_PERCENT, check->value, 0);
  else
    value = daftar_chart_format_value_as (DAFTAR_CHART_VALUE_DECIMAL, check->value, 1);
  /* Translators: a measured figure and its standard, e.g. "measured: 21 min; standard: at most 15 min" */
  subtitle = g_strdup_printf (_("measured: %s; standard: %s"), value, target);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* An icon and words, not colour alone. */
  switch (check->verdict)
    {
    case DAFTAR_VERDICT_MET:
      icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      words = gtk_label_new (_("Met"));
      gtk_widget_add_css_class (verdict, "success");
      break;
    case DAFTAR_VERDICT_BREACHED:
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      words = gtk_label_new (_("Breached"));
      gtk_widget_add_css_class (verdict, "error");
      break;
    case DAFTAR_VERDICT_NOT_MEASURED:
    default:
      icon = gtk_image_new_from_icon_name ("action-unavailable-symbolic");
      words = gtk_label_new (_("Not measured"));
      gtk_widget_add_css_class (verdict, "dim-label");
      break;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (words)), -1);
  gtk_box_append (GTK_BOX (verdict), icon);
  gtk_box_append (GTK_BOX (verdict), words);
  gtk_widget_set_valign (verdict, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), verdict);
  return row;
}

static void
fill_standards (DaftarShiftsPage       *self,
                const DaftarShiftsData *d)
{
  daftar_page_tiles_clear (GTK_WIDGET (self->standards_list));
  for (guint s = 0; s < DAFTAR_N_SHIFTS; s++)
    for (guint k = 0; k < DAFTAR_N_SHIFT_STANDARDS; k++)
      gtk_list_box_append (self->standards_list, standard_row (d, s, k));
}

static void
show_figures (DaftarPage        *page,
              DaftarPageContext *context,
              gpointer           figures)
{
  DaftarShiftsPage *self = DAFTAR_SHIFTS_PAGE (page);
  const DaftarShiftsData *d = figures;
  g_autofree char *range = daftar_period_heading (&context->period, &context->first_data_day);

  gtk_label_set_label (self->period_range, range);
  fill_tiles (self->morning_tiles, d, DAFTAR_SHIFT_MORNING);
  fill_tiles (self->evening_tiles, d, DAFTAR_SHIFT_EVENING);
  fill_tickets_chart (self, d);
  fill_wait_chart (self, d);
  fill_service_chart (self, d);
  fill_load_charts (self, context, d);
  fill_heatmaps (self, d);
  fill_standards (self, d);
}

/* Bringing a shift into view -------------------------------------------- */

/* Frames to wait for the layout of new figures to settle. */
#define SCROLL_TRIES 120

static gboolean
scroll_to_shift (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  DaftarShiftsPage *self = DAFTAR_SHIFTS_PAGE (widget);
  GtkWidget *heading = self->shift_to_show == DAFTAR_SHIFT_EVENING ? self->evening_heading : self->morning_heading;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  graphene_point_t point;
  double wanted, most;

  /* Until the figures are laid out there is nowhere to scroll to. */
  if (self->loading || !gtk_widget_get_mapped (heading) ||
      !gtk_widget_compute_point (heading, self->scroller, &GRAPHENE_POINT_INIT (0, 0), &point))
    return G_SOURCE_CONTINUE;

  /* New figures grow the page over a few frames: scroll until the heading
   * stays at the top, or the page can scroll no further. */
  wanted = gtk_adjustment_get_value (adjustment) + point.y - 12;
  most = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  if (ABS (point.y - 12) > 1 && ++self->scroll_tries < SCROLL_TRIES &&
      !(wanted > most && gtk_adjustment_get_value (adjustment) >= most && self->scroll_tries > 10))
    {
      gtk_adjustment_set_value (adjustment, wanted);
      return G_SOURCE_CONTINUE;
    }
  self->shift_to_show = -1;
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

void
daftar_shifts_page_show_shift (DaftarShiftsPage *self,
                               DaftarShift       shift)
{
  g_return_if_fail (DAFTAR_IS_SHIFTS_PAGE (self));
  g_return_if_fail (shift < DAFTAR_N_SHIFTS);

  self->shift_to_show = shift;
  self->scroll_tries = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_shift, NULL, NULL);
}

static void
on_loaded (DaftarShiftsPage *self)
{
  self->loading = FALSE;
}

static void
daftar_shifts_page_load (DaftarPage        *page,
                         DaftarDbWorker    *worker,
                         DaftarPageContext *context)
{
  DaftarShiftsPage *self = DAFTAR_SHIFTS_PAGE (page);

  self->loading = TRUE;

  daftar_page_run_query (page, worker, context, daftar_shifts_page_query_job,
                         daftar_page_context_ref (context), (GDestroyNotify) daftar_page_context_unref,
                         (GDestroyNotify) daftar_shifts_data_free, show_figures);
  /* The advisor reads the same office and period, on its own job. */
  daftar_page_load (DAFTAR_PAGE (self->staffing_panel), worker, context);
}

static void
daftar_shifts_page_iface_init (DaftarPageInterface *iface)
{
  iface->load = daftar_shifts_page_load;
}

GtkBox *
daftar_shifts_page_get_staffing_area (DaftarShiftsPage *self)
{
  g_return_val_if_fail (DAFTAR_IS_SHIFTS_PAGE (self), NULL);
  return self->staffing_area;
}

static void
daftar_shifts_page_dispose (GObject *object)
{
  DaftarShiftsPage *self = DAFTAR_SHIFTS_PAGE (object);

  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (object), DAFTAR_TYPE_SHIFTS_PAGE);

  G_OBJECT_CLASS (daftar_shifts_page_parent_class)->dispose (object);
}

static void
daftar_shifts_page_class_init (DaftarShiftsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftar_shifts_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftar/Daftar/gui/daftar-shifts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, period_range);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, morning_heading);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, evening_heading);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, morning_tiles);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, evening_tiles);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, tickets_frame);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, wait_frame);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, service_frame);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, counter_frame);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, staff_frame);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, arrivals_frame);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, wait_heatmap_frame);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, tickets_chart);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, wait_chart);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, service_chart);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, counter_chart);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, staff_chart);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, arrivals_heatmap);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, wait_heatmap);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, peak_waiting_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_peak_waiting_toggled);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, standards_list);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, staffing_area);
  gtk_widget_class_bind_template_child (widget_class, DaftarShiftsPage, load_stack);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
daftar_shifts_page_init (DaftarShiftsPage *self)
{
  g_type_ensure (DAFTAR_TYPE_KPI_TILE);
  g_type_ensure (DAFTAR_TYPE_CHART_FRAME);
  g_type_ensure (DAFTAR_TYPE_BAR_CHART);
  g_type_ensure (DAFTAR_TYPE_STACKED_BAR_CHART);
  g_type_ensure (DAFTAR_TYPE_LINE_CHART);
  g_type_ensure (DAFTAR_TYPE_HEATMAP);
  g_type_ensure (DAFTAR_TYPE_PAGE_ERROR);
  g_type_ensure (DAFTAR_TYPE_REFLOW_BOX);
  gtk_widget_init_template (GTK_WIDGET (self));
  daftar_page_set_load_stack (DAFTAR_PAGE (self), self->load_stack);

  self->staffing_panel = daftar_staffing_panel_new ();
  gtk_box_append (self->staffing_area, self->staffing_panel);
  self->shift_to_show = -1;
  g_signal_connect (self, "loaded", G_CALLBACK (on_loaded), NULL);
}
