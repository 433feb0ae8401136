/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-staffing-panel.c: the staffing advisor's panel — advice rows with their step and reasons, hours only the model flags, the verdict naming the office's step and a what-if recomputed as values change. */
#define G_LOG_DOMAIN "daftar-staffing"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "daftar-chart-frame.h"
#include "daftar-format.h"
#include "daftar-heatmap.h"
#include "daftar-labels.h"
#include "daftar-page.h"
#include "daftar-page-error.h"
#include "daftar-staffing-page-query.h"
#include "daftar-spin-button.h"
#include "daftar-staffing-panel.h"
#include "daftar-terms.h"
#include "daftar-time.h"

#define ADVICE_INDEX_KEY "daftar-advice-index"
#define TRY_BUTTON_KEY "daftar-try-button"

struct _DaftarStaffingPanel
{
  GtkWidget        parent_instance;

  GtkWidget       *content;
  GtkLabel        *window_label;
  GtkWidget       *capacity_box;
  GtkLabel        *capacity_title;
  GtkLabel        *capacity_label;
  GtkLabel        *status_label;
  GtkListBox      *advice_list;
  GtkWidget       *notes_title;
  GtkListBox      *notes_list;
  AdwActionRow    *morning_row;
  AdwActionRow    *evening_row;
  GtkSpinButton   *morning_spin;
  GtkSpinButton   *evening_spin;
  GtkSpinButton   *service_spin;
  GtkSpinButton   *arrivals_spin;
  GtkLabel        *level_label;
  GtkLabel        *level_now;
  GtkLabel        *wait_label;
  GtkLabel        *wait_now;
  GtkLabel        *occupancy_label;
  GtkLabel        *occupancy_now;
  GtkLabel        *overloaded_label;
  GtkLabel        *overloaded_now;
  GtkLabel        *overloaded_note;
  DaftarChartFrame *heatmap_frame;
  DaftarHeatmap   *heatmap;
  GtkStack        *load_stack;

  DaftarStaffing  *staffing;      /* owned, nullable: the figures the what-if works from */
  GPtrArray       *try_buttons;   /* owned, of GtkToggleButton (unowned): one per piece of advice */
  GPtrArray       *step_labels;   /* owned, of GtkLabel (unowned): each piece of advice's step */
  guint            n_notes;
  gboolean         filling;       /* spin buttons being set from data, not by the manager */
  /* The counters the advice tried asks for (at_least only), the office as
   * it runs, and the projection shown. */
  DaftarStaffingWhatIf         tried;
  DaftarStaffingWeekProjection now;
  DaftarStaffingWeekProjection shown;
};

static void daftar_staffing_panel_iface_init (DaftarPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DaftarStaffingPanel, daftar_staffing_panel, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DAFTAR_TYPE_PAGE, daftar_staffing_panel_iface_init))

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
clear_rows (DaftarStaffingPanel *self)
{
  clear_list (self->advice_list);
  clear_list (self->notes_list);
  g_ptr_array_set_size (self->try_buttons, 0);
  g_ptr_array_set_size (self->step_labels, 0);
  self->n_notes = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->advice_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_list), FALSE);
  gtk_widget_set_visible (self->notes_title, FALSE);
}

/* The headline figures as shown, so "now" is said only where they differ. */
typedef struct
{
  char *level;
  char *wait;
  char *occupancy;
  char *overloaded;
} Headline;

static void
headline_clear (Headline *h)
{
  g_free (h->level);
  g_free (h->wait);
  g_free (h->occupancy);
  g_free (h->overloaded);
}

static void
headline_format (const DaftarStaffingWeekProjection *p,
                 Headline                           *out)
{
  g_autofree char *overloaded = daftar_format_int (p->n_overloaded);
  g_autofree char *open = daftar_format_int (p->n_open);

  out->level = isnan (p->service_level) ? g_strdup ("—") : daftar_format_percent (p->service_level, 0);
  out->wait = isnan (p->mean_wait_s) ? g_strdup ("—") : daftar_format_minutes (p->mean_wait_s / 60.0, 1);
  out->occupancy = isnan (p->occupancy) ? g_strdup ("—") : daftar_format_percent (p->occupancy, 0);
  /* Translators: hours the counters cannot carry, of the week's open hours: «۳ از ۶۲». */
  out->overloaded = g_strdup_printf (C_("what-if", "%1$s of %2$s"), overloaded, open);
}

static void
show_figure (GtkLabel   *label,
             GtkLabel   *now_label,
             const char *shown,
             const char *now)
{
  gtk_label_set_label (label, shown);
  if (g_strcmp0 (shown, now) != 0)
    {
      /* Translators: below a what-if figure, the figure for the office as it runs. */
      g_autofree char *text = g_strdup_printf (C_("what-if", "now: %s"), now);

      gtk_label_set_label (now_label, text);
      gtk_widget_set_visible (GTK_WIDGET (now_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (now_label), FALSE);
}

static void
read_what_if (DaftarStaffingPanel  *self,
              DaftarStaffingWhatIf *out)
{
  *out = self->tried;
  out->morning_counters = gtk_spin_button_get_value_as_int (self->morning_spin);
  out->evening_counters = gtk_spin_button_get_value_as_int (self->evening_spin);
  out->service_time_factor = gtk_spin_button_get_value (self->service_spin) / 100.0;
  out->arrivals_factor = gtk_spin_button_get_value (self->arrivals_spin) / 100.0;
}

/* Recomputes the what-if from the loaded hours: a few hundred Erlang
 * forecasts, well within a frame, so no worker round trip. */
static void
update_projection (DaftarStaffingPanel *self)
{
  DaftarStaffingWhatIf what_if;
  DaftarStaffingWeekProjection *p = &self->shown;
  Headline shown = { 0 }, now = { 0 };
  guint first = 24, last = 0;

  if (self->staffing == NULL)
    return;

  read_what_if (self, &what_if);
  if (!daftar_staffing_project (self->staffing, &what_if, p, NULL))
    return;

  headline_format (p, &shown);
  headline_format (&self->now, &now);
  show_figure (self->level_label, self->level_now, shown.level, now.level);
  show_figure (self->wait_label, self->wait_now, shown.wait, now.wait);
  show_figure (self->occupancy_label, self->occupancy_now, shown.occupancy, now.occupancy);
  show_figure (self->overloaded_label, self->overloaded_now, shown.overloaded, now.overloaded);
  headline_clear (&shown);
  headline_clear (&now);

  if (p->n_overloaded > 0)
    {
      g_autofree char *n = daftar_format_int (p->n_overloaded);
      g_autofree char *open = daftar_format_int (p->n_open);
      g_autofree char *cap = daftar_format_minutes (DAFTAR_STAFFING_WAIT_CAP_S / 60.0, 0);
      g_autofree char *note = NULL;

      /* Translators: below the what-if's figures; %1$s of %2$s open hours,
       * %3$s the wait such an hour counts for («۶۰ دقیقه»). */
      note = g_strdup_printf (ngettext ("By the model the counters cannot keep up in %1$s of the week’s %2$s "
                                        "open hours; the mean wait counts such an hour as %3$s.",
                                        "By the model the counters cannot keep up in %1$s of the week’s %2$s "
                                        "open hours; the mean wait counts each such hour as %3$s.",
                                        p->n_overloaded),
                              n, open, cap);
      gtk_label_set_label (self->overloaded_note, note);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->overloaded_note), p->n_overloaded > 0);

  for (guint r = 0; r < 7; r++)
    for (guint h = 0; h < 24; h++)
      if (p->cells[r][h].open)
        {
          first = MIN (first, h);
          last = MAX (last, h);
        }
  if (first > last)
    return;
  daftar_heatmap_set_hours (self->heatmap, first, last);
  /* The share kept waiting past the standard: dark is worse, as on the
   * other heatmaps, on a scale fixed at 100% so a colour keeps its meaning
   * as the manager tries other counters. */
  for (guint r = 0; r < 7; r++)
    for (guint h = first; h <= last; h++)
      daftar_heatmap_set_value (self->heatmap, daftar_staffing_row_weekday (r), h,
                                p->cells[r][h].open ? 1.0 - p->cells[r][h].service_level : NAN);
}

static void
on_what_if_changed (DaftarStaffingPanel *self)
{
  if (!self->filling)
    update_projection (self);
}

static void
on_try_toggled (GtkToggleButton     *button,
                DaftarStaffingPanel *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), ADVICE_INDEX_KEY));

  if (self->staffing == NULL || i >= self->staffing->advice->len)
    return;
  daftar_staffing_what_if_apply (self->staffing, &g_array_index (self->staffing->advice, DaftarStaffingAdvice, i),
                                 gtk_toggle_button_get_active (button), &self->tried);
  update_projection (self);
}

char *
daftar_staffing_panel_dup_cell_tooltip (DaftarStaffingPanel *self,
                                        GDateWeekday         weekday,
                                        guint                hour)
{
  const DaftarStaffingProjection *cell;
  g_autofree char *day = NULL, *digits = NULL, *at = NULL, *counters = NULL;

  g_return_val_if_fail (DAFTAR_IS_STAFFING_PANEL (self), NULL);
  g_return_val_if_fail (hour < 24, NULL);

  cell = &self->shown.cells[daftar_staffing_weekday_row (weekday)][hour];
  if (self->staffing == NULL || !cell->open)
    return NULL;

  day = daftar_staffing_weekday_name (weekday);
  digits = daftar_format_int (hour);
  at = g_strdup_printf (C_("hour of day", "%s:00"), digits);
  counters = daftar_format_int (cell->counters);
  if (!cell->stable)
    /* Translators: a what-if heatmap cell; %1$s weekday, %2$s hour, %3$s counters. */
    return g_strdup_printf (ngettext ("%1$s, %2$s: by the model %3$s counter cannot keep up; "
                                      "nearly every client waits longer than the standard",
                                      "%1$s, %2$s: by the model %3$s counters cannot keep up; "
                                      "nearly every client waits longer than the standard",
                                      cell->counters),
                            day, at, counters);
  {
    g_autofree char *share = daftar_format_percent (1.0 - cell->service_level, 0);
    g_autofree char *limit = daftar_format_minutes (self->staffing->standards.target_wait_minutes, 0);

    /* Translators: a what-if heatmap cell; %1$s weekday, %2$s hour, %3$s
     * counters, %4$s the share of clients, %5$s the standard's limit. */
    return g_strdup_printf (ngettext ("%1$s, %2$s: with %3$s counter, %4$s of clients wait longer than %5$s",
                                      "%1$s, %2$s: with %3$s counters, %4$s of clients wait longer than %5$s",
                                      cell->counters),
                            day, at, counters, share, limit);
  }
}

/* The heatmap's own tooltip gives only a value: this one says what it
 * measures and at how many counters. */
static gboolean
on_heatmap_query_tooltip (GtkWidget           *widget,
                          int                  x,
                          int                  y,
                          gboolean             keyboard_mode,
                          GtkTooltip          *tooltip,
                          DaftarStaffingPanel *self)
{
  if (keyboard_mode || self->staffing == NULL)
    return FALSE;
  for (guint r = 0; r < 7; r++)
    for (guint h = 0; h < 24; h++)
      {
        graphene_rect_t rect;
        g_autofree char *text = NULL;

        if (!self->shown.cells[r][h].open ||
            !daftar_heatmap_get_cell_rect (self->heatmap, daftar_staffing_row_weekday (r), h, &rect) ||
            !graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)))
          continue;
        text = daftar_staffing_panel_dup_cell_tooltip (self, daftar_staffing_row_weekday (r), h);
        gtk_tooltip_set_text (tooltip, text);
        return TRUE;
      }
  return FALSE;
}

static void
show_status (DaftarStaffingPanel *self,
             const char          *text)
{
  gtk_label_set_label (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

/* «گام ۱ از ۳: کارمند بیشتر در باجه‌های موجود»: where @step stands on the
 * chain, and what it asks for. */
static char *
step_heading (DaftarStaffingStep step)
{
  g_autofree char *n = daftar_format_int (step + 1);
  g_autofree char *of = daftar_format_int (DAFTAR_N_STAFFING_STEPS);

  /* Translators: a step of the staffing chain: %1$s of %2$s steps (staff,
   * counters, a new office), %3$s what the step asks for. */
  return g_strdup_printf (C_("staffing step", "Step %1$s of %2$s: %3$s"), n, of,
                          daftar_label (DAFTAR_TYPE_STAFFING_STEP, step, DAFTAR_LABEL_SINGULAR));
}

/* A row from its template, added to @list; @out_try and @out_step
 * (nullable together, for a model note) receive its button and its step,
 * shown. */
static void
add_row (GtkListBox                 *list,
         const DaftarStaffing       *s,
         const DaftarStaffingAdvice *a,
         GtkToggleButton           **out_try,
         GtkLabel                  **out_step)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/daftar/Daftar/gui/daftar-staffing-panel-row.ui");
  g_autofree char *title = daftar_staffing_advice_text (a);
  g_autofree char *reason = daftar_staffing_reason_text (s, a);
  g_autofree char *check = daftar_staffing_model_check_text (a);
  GtkWidget *row = GTK_WIDGET (gtk_builder_get_object (builder, "row"));
  int width;

  gtk_label_set_label (GTK_LABEL (gtk_builder_get_object (builder, "title")), title);
  gtk_label_set_label (GTK_LABEL (gtk_builder_get_object (builder, "reason")), reason);
  gtk_label_set_label (GTK_LABEL (gtk_builder_get_object (builder, "check")), check);
  if (out_try != NULL)
    {
      GtkWidget *button = GTK_WIDGET (gtk_builder_get_object (builder, "try_button"));

      /* The one control of the row does something: it puts the advice
       * into the what-if below, and takes it out again. */
      gtk_button_set_label (GTK_BUTTON (button), C_("staffing advice", "Try"));
      gtk_widget_set_tooltip_text (button, _("Try this advice in the what-if below"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);
      gtk_widget_set_visible (button, TRUE);
      gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
      gtk_widget_set_margin_end (GTK_WIDGET (gtk_builder_get_object (builder, "text")), width + 12);
      /* From the keyboard the list of advice is one Tab stop whose rows
       * the arrows walk and Enter or Space tries, rather than a Tab stop
       * per piece of advice; the button stays for the pointer. */
      gtk_widget_set_focusable (button, FALSE);
      gtk_widget_set_focusable (row, TRUE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), TRY_BUTTON_KEY, button);
      *out_try = GTK_TOGGLE_BUTTON (button);
    }
  if (out_step != NULL)
    {
      GtkLabel *step = GTK_LABEL (gtk_builder_get_object (builder, "step"));
      g_autofree char *heading = step_heading (a->step);

      gtk_label_set_label (step, heading);
      gtk_widget_set_visible (GTK_WIDGET (step), TRUE);
      *out_step = step;
    }
  /* The builder holds the row until the list does. */
  gtk_list_box_append (list, row);
}

static void
on_advice_row_activated (GtkListBox    *list,
                         GtkListBoxRow *row)
{
  GtkToggleButton *button = g_object_get_data (G_OBJECT (row), TRY_BUTTON_KEY);

  if (button != NULL)
    gtk_toggle_button_set_active (button, !gtk_toggle_button_get_active (button));
}

static void
show_rows (DaftarStaffingPanel *self)
{
  const DaftarStaffing *s = self->staffing;

  clear_rows (self);
  for (guint i = 0; i < s->advice->len; i++)
    {
      GtkToggleButton *button = NULL;
      GtkLabel *step = NULL;

      add_row (self->advice_list, s, &g_array_index (s->advice, DaftarStaffingAdvice, i), &button, &step);
      g_object_set_data (G_OBJECT (button), ADVICE_INDEX_KEY, GUINT_TO_POINTER (i));
      g_signal_connect (button, "toggled", G_CALLBACK (on_try_toggled), self);
      g_ptr_array_add (self->try_buttons, button);
      g_ptr_array_add (self->step_labels, step);
    }
  for (guint i = 0; i < s->model_notes->len; i++)
    {
      add_row (self->notes_list, s, &g_array_index (s->model_notes, DaftarStaffingAdvice, i), NULL, NULL);
      self->n_notes++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->advice_list), s->advice->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_list), self->n_notes > 0);
  gtk_widget_set_visible (self->notes_title, self->n_notes > 0);

  if (s->hours->len == 0)
    show_status (self, _("No queue tickets in these weeks."));
  else if (s->advice->len == 0 && self->n_notes > 0)
    show_status (self, _("No hour has evidence enough for another counter."));
  else if (s->advice->len == 0)
    show_status (self, _("The counters open meet the standards at every hour."));
  else
    show_status (self, NULL);
}

static void
show (DaftarStaffingPanel *self)
{
  const DaftarStaffing *s = self->staffing;
  g_autofree char *range = daftar_format_date_range (&s->from, &s->to);
  g_autofree char *weeks = daftar_format_int (s->weeks);
  /* Translators: the days the staffing advice was computed from, e.g.
   * "from the last 4 weeks: 1 Azar 1404 to 28 Azar 1404". */
  g_autofree char *window = g_strdup_printf (_("from the last %s weeks: %s"), weeks, range);
  g_autofree char *capacity = daftar_staffing_step_text (s);
  g_autofree char *limit = daftar_format_minutes (s->standards.target_wait_minutes, 0);
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;
  DaftarStaffingStepSummary step;
  DaftarStaffingWhatIf defaults;

  gtk_label_set_label (self->window_label, window);
  /* The verdict names the office's step on the chain, coloured as the
   * weight of the step: a new office is the province's decision. */
  daftar_staffing_step_summary (s, &step);
  heading = step.has_step ? step_heading (step.step) : NULL;
  gtk_widget_set_visible (self->capacity_box, capacity != NULL);
  gtk_label_set_label (self->capacity_title, heading ? heading : "");
  gtk_label_set_label (self->capacity_label, capacity ? capacity : "");
  if (step.has_step && step.step == DAFTAR_STAFFING_STEP_NEW_OFFICE)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->capacity_title), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->capacity_title), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->capacity_title), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->capacity_title), "warning");
    }
  show_rows (self);

  /* Translators: the what-if heatmap's title; %s is the standard's wait limit («۱۵ دقیقه»). */
  title = g_strdup_printf (_("Projected Share of Clients Waiting Longer than %s, by Weekday and Hour"), limit);
  daftar_chart_frame_set_title (self->heatmap_frame, title);

  /* The what-if starts from what the office runs now. */
  daftar_staffing_what_if_default (s, &defaults);
  memset (&self->tried, 0, sizeof self->tried);
  daftar_staffing_project (s, &defaults, &self->now, NULL);
  for (guint shift = 0; shift < DAFTAR_N_SHIFTS; shift++)
    {
      guint usual = shift == DAFTAR_SHIFT_MORNING ? defaults.morning_counters : defaults.evening_counters;
      g_autofree char *n = daftar_format_int (usual);
      /* Translators: below a what-if's counters; %s is the most counters
       * the shift usually has open at once. */
      g_autofree char *subtitle = g_strdup_printf (_("Usually %s at the busiest hour; every hour of the shift "
                                                     "moves by as many as this does"),
                                                   n);

      adw_action_row_set_subtitle (shift == DAFTAR_SHIFT_MORNING ? self->morning_row : self->evening_row, subtitle);
    }
  self->filling = TRUE;
  gtk_spin_button_set_value (self->morning_spin, defaults.morning_counters);
  gtk_spin_button_set_value (self->evening_spin, defaults.evening_counters);
  gtk_spin_button_set_value (self->service_spin, 100);
  gtk_spin_button_set_value (self->arrivals_spin, 100);
  self->filling = FALSE;
  update_projection (self);
}

static void
show_figures (DaftarPage        *page,
              DaftarPageContext *context,
              gpointer           figures)
{
  DaftarStaffingPanel *self = DAFTAR_STAFFING_PANEL (page);
  DaftarStaffingPanelFigures *f = figures;

  g_clear_pointer (&self->staffing, daftar_staffing_free);
  if (f->staffing == NULL)
    {
      clear_rows (self);
      gtk_widget_set_visible (self->capacity_box, FALSE);
      show_status (self, _("Choose an office to see its staffing advice."));
      return;
    }
  self->staffing = g_steal_pointer (&f->staffing);
  show (self);
}

static void
daftar_staffing_panel_load (DaftarPage        *page,
                            DaftarDbWorker    *worker,
                            DaftarPageContext *context)
{
  daftar_page_run_query (page, worker, context, daftar_staffing_panel_query_job,
                         daftar_page_context_ref (context), (GDestroyNotify) daftar_page_context_unref,
                         (GDestroyNotify) daftar_staffing_panel_figures_free, show_figures);
}

static void
daftar_staffing_panel_iface_init (DaftarPageInterface *iface)
{
  iface->load = daftar_staffing_panel_load;
}

guint
daftar_staffing_panel_get_n_advice (DaftarStaffingPanel *self)
{
  g_return_val_if_fail (DAFTAR_IS_STAFFING_PANEL (self), 0);
  return self->try_buttons->len;
}

guint
daftar_staffing_panel_get_n_notes (DaftarStaffingPanel *self)
{
  g_return_val_if_fail (DAFTAR_IS_STAFFING_PANEL (self), 0);
  return self->n_notes;
}

GtkToggleButton *
daftar_staffing_panel_get_try_button (DaftarStaffingPanel *self,
                                      guint                index)
{
  g_return_val_if_fail (DAFTAR_IS_STAFFING_PANEL (self), NULL);
  g_return_val_if_fail (index < self->try_buttons->len, NULL);
  return g_ptr_array_index (self->try_buttons, index);
}

gboolean
daftar_staffing_panel_get_capacity_shown (DaftarStaffingPanel *self)
{
  g_return_val_if_fail (DAFTAR_IS_STAFFING_PANEL (self), FALSE);
  return gtk_widget_get_visible (self->capacity_box);
}

const char *
daftar_staffing_panel_get_verdict_title (DaftarStaffingPanel *self)
{
  g_return_val_if_fail (DAFTAR_IS_STAFFING_PANEL (self), NULL);
  return gtk_label_get_label (self->capacity_title);
}

const char *
daftar_staffing_panel_get_verdict_text (DaftarStaffingPanel *self)
{
  g_return_val_if_fail (DAFTAR_IS_STAFFING_PANEL (self), NULL);
  return gtk_label_get_label (self->capacity_label);
}

const char *
daftar_staffing_panel_get_step_text (DaftarStaffingPanel *self,
                                     guint                index)
{
  g_return_val_if_fail (DAFTAR_IS_STAFFING_PANEL (self), NULL);
  g_return_val_if_fail (index < self->step_labels->len, NULL);
  return gtk_label_get_label (g_ptr_array_index (self->step_labels, index));
}

GtkSpinButton *
daftar_staffing_panel_get_counters_spin (DaftarStaffingPanel *self,
                                         gboolean             evening)
{
  g_return_val_if_fail (DAFTAR_IS_STAFFING_PANEL (self), NULL);
  return evening ? self->evening_spin : self->morning_spin;
}

const char *
daftar_staffing_panel_get_level_text (DaftarStaffingPanel *self)
{
  g_return_val_if_fail (DAFTAR_IS_STAFFING_PANEL (self), NULL);
  return gtk_label_get_label (self->level_label);
}

const char *
daftar_staffing_panel_get_wait_text (DaftarStaffingPanel *self)
{
  g_return_val_if_fail (DAFTAR_IS_STAFFING_PANEL (self), NULL);
  return gtk_label_get_label (self->wait_label);
}

DaftarChartFrame *
daftar_staffing_panel_get_heatmap_frame (DaftarStaffingPanel *self)
{
  g_return_val_if_fail (DAFTAR_IS_STAFFING_PANEL (self), NULL);
  return self->heatmap_frame;
}

GtkWidget *
daftar_staffing_panel_new (void)
{
  return g_object_new (DAFTAR_TYPE_STAFFING_PANEL, NULL);
}

static void
daftar_staffing_panel_dispose (GObject *object)
{
  DaftarStaffingPanel *self = DAFTAR_STAFFING_PANEL (object);

  g_clear_pointer (&self->staffing, daftar_staffing_free);
  g_clear_pointer (&self->try_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->step_labels, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTAR_TYPE_STAFFING_PANEL);

  G_OBJECT_CLASS (daftar_staffing_panel_parent_class)->dispose (object);
}

static void
explain_widget (GtkWidget  *widget,
                DaftarTerm  term)
{
  g_autofree char *explanation = daftar_term_explain (term);

  gtk_widget_set_tooltip_text (widget, explanation);
}

static void
daftar_staffing_panel_class_init (DaftarStaffingPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftar_staffing_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftar/Daftar/gui/daftar-staffing-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, content);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, window_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, capacity_box);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, capacity_title);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, capacity_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, status_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, advice_list);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, notes_title);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, notes_list);
  gtk_widget_class_bind_template_callback (widget_class, on_advice_row_activated);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, morning_row);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, evening_row);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, morning_spin);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, evening_spin);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, service_spin);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, arrivals_spin);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, level_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, level_now);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, wait_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, wait_now);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, occupancy_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, occupancy_now);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, overloaded_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, overloaded_now);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, overloaded_note);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, heatmap_frame);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, heatmap);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, load_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_what_if_changed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
daftar_staffing_panel_init (DaftarStaffingPanel *self)
{
  GtkSpinButton *spins[4];

  g_type_ensure (DAFTAR_TYPE_CHART_FRAME);
  g_type_ensure (DAFTAR_TYPE_HEATMAP);
  g_type_ensure (DAFTAR_TYPE_PAGE_ERROR);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->try_buttons = g_ptr_array_new ();
  self->step_labels = g_ptr_array_new ();
  daftar_page_set_load_stack (DAFTAR_PAGE (self), self->load_stack);

  spins[0] = self->morning_spin;
  spins[1] = self->evening_spin;
  spins[2] = self->service_spin;
  spins[3] = self->arrivals_spin;
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    daftar_spin_button_localize (spins[i]);
  daftar_chart_frame_set_category_title (self->heatmap_frame, C_("chart category", "Hour"));
  daftar_heatmap_set_scale_max (self->heatmap, 1.0);
  g_signal_connect (self->heatmap, "query-tooltip", G_CALLBACK (on_heatmap_query_tooltip), self);

  /* The terms of the advice explained where they stand: on the heading's
   * row, and on each projected figure with its caption. */
  explain_widget (gtk_widget_get_parent (GTK_WIDGET (self->window_label)), DAFTAR_TERM_STAFFING_MODEL);
  explain_widget (gtk_widget_get_parent (GTK_WIDGET (self->level_label)), DAFTAR_TERM_SERVICE_LEVEL);
  explain_widget (gtk_widget_get_parent (GTK_WIDGET (self->wait_label)), DAFTAR_TERM_STAFFING_MODEL);
  explain_widget (gtk_widget_get_parent (GTK_WIDGET (self->occupancy_label)), DAFTAR_TERM_OCCUPANCY);
}
