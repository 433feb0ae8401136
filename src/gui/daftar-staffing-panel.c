/* daftar-staffing-panel.c: the staffing advisor's panel — advice rows, capacity verdict and a what-if recomputed as values change. */
#define G_LOG_DOMAIN "daftar-staffing"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "daftar-format.h"
#include "daftar-heatmap.h"
#include "daftar-page.h"
#include "daftar-page-error.h"
#include "daftar-staffing-page-query.h"
#include "daftar-spin-button.h"
#include "daftar-staffing-panel.h"
#include "daftar-terms.h"

struct _DaftarStaffingPanel
{
  GtkWidget       parent_instance;

  GtkWidget      *content;
  GtkLabel       *window_label;
  GtkWidget      *capacity_box;
  GtkLabel       *capacity_label;
  GtkLabel       *status_label;
  GtkListBox     *advice_list;
  GtkSpinButton  *morning_spin;
  GtkSpinButton  *evening_spin;
  GtkSpinButton  *service_spin;
  GtkSpinButton  *arrivals_spin;
  GtkLabel       *level_label;
  GtkLabel       *wait_label;
  GtkLabel       *occupancy_label;
  DaftarHeatmap  *heatmap;

  DaftarStaffing *staffing;      /* owned, nullable: the figures the what-if works from */
  guint           n_advice;
  gboolean        filling;       /* spin buttons being set from data, not by the manager */
  GtkStack       *load_stack;
};

static void daftar_staffing_panel_iface_init (DaftarPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DaftarStaffingPanel, daftar_staffing_panel, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (DAFTAR_TYPE_PAGE, daftar_staffing_panel_iface_init))

static void
clear_advice (DaftarStaffingPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->advice_list))) != NULL)
    gtk_list_box_remove (self->advice_list, child);
  self->n_advice = 0;
}

/* Recomputes the what-if from the loaded hours: a few hundred Erlang
 * forecasts, well within a frame, so no worker round trip. */
static void
update_projection (DaftarStaffingPanel *self)
{
  DaftarStaffingWhatIf what_if;
  DaftarStaffingWeekProjection p;
  g_autofree char *level = NULL, *wait = NULL, *occupancy = NULL;
  guint first = 24, last = 0;

  if (self->staffing == NULL)
    return;

  what_if.morning_counters = gtk_spin_button_get_value_as_int (self->morning_spin);
  what_if.evening_counters = gtk_spin_button_get_value_as_int (self->evening_spin);
  what_if.service_time_factor = gtk_spin_button_get_value (self->service_spin) / 100.0;
  what_if.arrivals_factor = gtk_spin_button_get_value (self->arrivals_spin) / 100.0;
  if (!daftar_staffing_project (self->staffing, &what_if, &p, NULL))
    return;

  level = isnan (p.service_level) ? g_strdup ("—") : daftar_format_percent (p.service_level, 0);
  wait = isinf (p.mean_wait_s) ? g_strdup (_("the queue keeps growing"))
       : isnan (p.mean_wait_s) ? g_strdup ("—")
       : daftar_format_minutes (p.mean_wait_s / 60.0, 1);
  occupancy = isnan (p.occupancy) ? g_strdup ("—") : daftar_format_percent (p.occupancy, 0);
  gtk_label_set_label (self->level_label, level);
  gtk_label_set_label (self->wait_label, wait);
  gtk_label_set_label (self->occupancy_label, occupancy);

  for (guint r = 0; r < 7; r++)
    for (guint h = 0; h < 24; h++)
      if (p.cells[r][h].open)
        {
          first = MIN (first, h);
          last = MAX (last, h);
        }
  if (first > last)
    return;
  daftar_heatmap_set_hours (self->heatmap, first, last);
  for (guint r = 0; r < 7; r++)
    for (guint h = first; h <= last; h++)
      if (p.cells[r][h].open)
        /* The heatmap leaves zero uncoloured like a closed hour; an hour
         * the counters cannot carry keeps a trace of colour instead. */
        daftar_heatmap_set_value (self->heatmap, daftar_staffing_row_weekday (r), h,
                                  MAX (p.cells[r][h].service_level, 0.001));
}

static void
on_what_if_changed (DaftarStaffingPanel *self)
{
  if (!self->filling)
    update_projection (self);
}

static void
show_status (DaftarStaffingPanel *self,
             const char          *text)
{
  gtk_label_set_label (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
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
  g_autofree char *capacity = daftar_staffing_capacity_text (s);
  DaftarStaffingWhatIf defaults;

  gtk_label_set_label (self->window_label, window);
  gtk_widget_set_visible (self->capacity_box, capacity != NULL);
  gtk_label_set_label (self->capacity_label, capacity ? capacity : "");

  clear_advice (self);
  for (guint i = 0; i < s->advice->len; i++)
    {
      const DaftarStaffingAdvice *a = &g_array_index (s->advice, DaftarStaffingAdvice, i);
      g_autofree char *title = daftar_staffing_advice_text (a);
      g_autofree char *check = daftar_staffing_model_check_text (a);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), check);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("list-add-symbolic"));
      gtk_list_box_append (self->advice_list, row);
      self->n_advice++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->advice_list), self->n_advice > 0);
  if (s->hours->len == 0)
    show_status (self, _("No queue tickets in these weeks."));
  else if (self->n_advice == 0)
    show_status (self, _("The counters open meet the standards at every hour."));
  else
    show_status (self, NULL);

  /* The what-if starts from what the office runs now. */
  daftar_staffing_what_if_default (s, &defaults);
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
      clear_advice (self);
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
  return self->n_advice;
}

gboolean
daftar_staffing_panel_get_capacity_shown (DaftarStaffingPanel *self)
{
  g_return_val_if_fail (DAFTAR_IS_STAFFING_PANEL (self), FALSE);
  return gtk_widget_get_visible (self->capacity_box);
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
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, capacity_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, status_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, advice_list);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, morning_spin);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, evening_spin);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, service_spin);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, arrivals_spin);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, level_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, wait_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, occupancy_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, heatmap);
  gtk_widget_class_bind_template_child (widget_class, DaftarStaffingPanel, load_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_what_if_changed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
daftar_staffing_panel_init (DaftarStaffingPanel *self)
{
  g_type_ensure (DAFTAR_TYPE_HEATMAP);
  g_type_ensure (DAFTAR_TYPE_PAGE_ERROR);
  gtk_widget_init_template (GTK_WIDGET (self));
  daftar_page_set_load_stack (DAFTAR_PAGE (self), self->load_stack);
  daftar_chart_set_title (DAFTAR_CHART (self->heatmap), _("Projected service level by weekday and hour"));
  {
    GtkSpinButton *spins[] = { self->morning_spin, self->evening_spin, self->service_spin, self->arrivals_spin };

    for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
      daftar_spin_button_localize (spins[i]);
  }
  daftar_chart_set_value_format (DAFTAR_CHART (self->heatmap), DAFTAR_CHART_VALUE_PERCENT);

  /* The terms of the advice explained where they stand: on the heading's
   * row, and on each projected figure with its caption. */
  explain_widget (gtk_widget_get_parent (GTK_WIDGET (self->window_label)), DAFTAR_TERM_STAFFING_MODEL);
  explain_widget (gtk_widget_get_parent (GTK_WIDGET (self->level_label)), DAFTAR_TERM_SERVICE_LEVEL);
  explain_widget (gtk_widget_get_parent (GTK_WIDGET (self->wait_label)), DAFTAR_TERM_STAFFING_MODEL);
  explain_widget (gtk_widget_get_parent (GTK_WIDGET (self->occupancy_label)), DAFTAR_TERM_OCCUPANCY);
}
