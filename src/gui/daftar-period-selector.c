/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-period-selector.c: the header bar's period button — Jalali presets and a custom range picked on a month grid. */
#define G_LOG_DOMAIN "daftar-period-selector"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-format.h"
#include "daftar-period-selector.h"
#include "daftar-time.h"

/* The presets offered, in the order of the list; "Custom…" comes last. */
static const DaftarPeriodPreset offered_presets[] = {
  DAFTAR_PERIOD_TODAY,
  DAFTAR_PERIOD_YESTERDAY,
  DAFTAR_PERIOD_THIS_WEEK,
  DAFTAR_PERIOD_THIS_MONTH,
  DAFTAR_PERIOD_LAST_MONTH,
  DAFTAR_PERIOD_LAST_30_DAYS,
  DAFTAR_PERIOD_THIS_YEAR,
};

struct _DaftarPeriodSelector
{
  GtkWidget        parent_instance;

  GtkMenuButton   *button;
  GtkPopover      *popover;
  GtkStack        *stack;
  GtkListBox      *preset_list;
  GtkBox          *grid_slot;
  DaftarMonthGrid *month_grid;   /* nullable: built when first needed */
  GtkLabel        *hint_label;
  GtkWidget       *checks[DAFTAR_PERIOD_CUSTOM + 1];   /* the mark on the current row */
  GtkLabel        *dates[DAFTAR_PERIOD_CUSTOM];        /* each preset row's dates */

  GDate            today;
  DaftarPeriod     period;
  GPtrArray       *holidays;     /* owned, nullable: DaftarHoliday, for the grid */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DaftarPeriodSelector, daftar_period_selector, GTK_TYPE_WIDGET)

static gboolean
same_period (const DaftarPeriod *a,
             const DaftarPeriod *b)
{
  return a->preset == b->preset &&
         g_date_compare (&a->from, &b->from) == 0 && g_date_compare (&a->to, &b->to) == 0;
}

/* The button names a preset with its dates («ماه گذشته: آبان ۱۴۰۵») or a
 * custom range by its dates alone, so the manager never has to open the
 * menu to know which days the figures cover; the tooltip gives them in
 * full, years included. */
static void
update_button (DaftarPeriodSelector *self)
{
  g_autofree char *range = daftar_format_date_range (&self->period.from, &self->period.to);
  g_autofree char *label = daftar_period_label (&self->period, &self->today);

  gtk_menu_button_set_label (self->button, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), range);

  for (guint i = 0; i < G_N_ELEMENTS (self->checks); i++)
    if (self->checks[i] != NULL)
      gtk_widget_set_opacity (self->checks[i], i == self->period.preset ? 1 : 0);
}

static void
change_period (DaftarPeriodSelector *self,
               const DaftarPeriod   *period)
{
  if (same_period (&self->period, period))
    return;
  self->period = *period;
  update_button (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
update_hint (DaftarPeriodSelector *self)
{
  if (self->month_grid != NULL && daftar_month_grid_get_picking (self->month_grid))
    gtk_label_set_label (self->hint_label, _("Now choose the last day."));
  else
    gtk_label_set_label (self->hint_label, _("Choose the first day, then the last."));
}

static void
on_range_selected (DaftarPeriodSelector *self,
                   const GDate          *from,
                   const GDate          *to)
{
  DaftarPeriod chosen;

  daftar_period_custom (from, to, &chosen);
  change_period (self, &chosen);
  gtk_popover_popdown (self->popover);
}

/* The month grid is built when "Custom…" is first chosen, not with the
 * window: it is some fifty widgets whose day cells are filled through ICU,
 * and most starts never open it. */
static DaftarMonthGrid *
ensure_month_grid (DaftarPeriodSelector *self)
{
  if (self->month_grid != NULL)
    return self->month_grid;

  self->month_grid = DAFTAR_MONTH_GRID (daftar_month_grid_new ());
  daftar_month_grid_set_today (self->month_grid, &self->today);
  if (self->holidays != NULL)
    daftar_month_grid_set_holidays (self->month_grid, self->holidays);
  g_signal_connect_object (self->month_grid, "range-selected", G_CALLBACK (on_range_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->month_grid, "notify::picking", G_CALLBACK (update_hint),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (self->grid_slot, GTK_WIDGET (self->month_grid));
  return self->month_grid;
}

static void
on_popover_closed (DaftarPeriodSelector *self)
{
  /* Opened again, the popover starts from the list of presets. */
  gtk_stack_set_visible_child_name (self->stack, "presets");
}

static void
preset_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DaftarPeriodSelector *self = DAFTAR_PERIOD_SELECTOR (widget);
  int preset = g_variant_get_int32 (parameter);
  DaftarPeriod chosen;

  g_return_if_fail (preset >= DAFTAR_PERIOD_TODAY && preset < DAFTAR_PERIOD_CUSTOM);

  daftar_period_from_preset (preset, &self->today, &chosen);
  change_period (self, &chosen);
  gtk_popover_popdown (self->popover);
}

static void
custom_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DaftarPeriodSelector *self = DAFTAR_PERIOD_SELECTOR (widget);
  DaftarJalaliDate end;

  ensure_month_grid (self);
  /* The grid opens on the month where the current period ends, with a
   * custom range already drawn so that it can be adjusted. */
  daftar_jalali_from_gdate (&self->period.to, &end);
  daftar_month_grid_set_month (self->month_grid, end.year, end.month);
  if (self->period.preset == DAFTAR_PERIOD_CUSTOM)
    daftar_month_grid_set_range (self->month_grid, &self->period.from, &self->period.to);
  else
    daftar_month_grid_set_range (self->month_grid, NULL, NULL);
  update_hint (self);
  gtk_stack_set_visible_child_name (self->stack, "custom");
  /* A popover cannot open under a button that is not on screen. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->button)))
    gtk_menu_button_popup (self->button);
}

static void
presets_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DaftarPeriodSelector *self = DAFTAR_PERIOD_SELECTOR (widget);

  gtk_stack_set_visible_child_name (self->stack, "presets");
}

/* Each preset row gives the days it would pick, as of today. */
static void
update_row_dates (DaftarPeriodSelector *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (offered_presets); i++)
    {
      DaftarPeriodPreset preset = offered_presets[i];
      DaftarPeriod period;
      g_autofree char *dates = NULL;
      g_autofree char *whole = NULL;
      GtkWidget *row;

      if (self->dates[preset] == NULL)
        continue;
      daftar_period_from_preset (preset, &self->today, &period);
      dates = daftar_period_dates_label (&period, &self->today);
      whole = daftar_period_label (&period, &self->today);
      gtk_label_set_label (self->dates[preset], dates);
      /* Read as one: "Last month: Aban 1405". */
      row = gtk_widget_get_ancestor (GTK_WIDGET (self->dates[preset]), GTK_TYPE_LIST_BOX_ROW);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, whole, -1);
    }
}

static GtkWidget *
new_row (const char  *label,
         GtkLabel   **dates,
         GtkWidget  **check)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  if (dates != NULL)
    {
      *dates = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (*dates, 1);
      gtk_widget_add_css_class (GTK_WIDGET (*dates), "dim-label");
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (*dates));
    }
  if (check != NULL)
    {
      /* Transparent rather than hidden, so the popover keeps its width. */
      *check = gtk_image_new_from_icon_name ("object-select-symbolic");
      gtk_box_append (GTK_BOX (box), *check);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
add_rows (DaftarPeriodSelector *self)
{
  GtkWidget *custom;

  for (guint i = 0; i < G_N_ELEMENTS (offered_presets); i++)
    {
      DaftarPeriodPreset preset = offered_presets[i];
      GtkWidget *row = new_row (daftar_period_preset_label (preset), &self->dates[preset], &self->checks[preset]);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "period.preset");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "i", (gint32) preset);
      gtk_list_box_append (self->preset_list, row);
    }

  custom = new_row (_("Custom…"), NULL, &self->checks[DAFTAR_PERIOD_CUSTOM]);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (custom), "period.custom");
  gtk_list_box_append (self->preset_list, custom);
  update_row_dates (self);
}

static void
daftar_period_selector_dispose (GObject *object)
{
  DaftarPeriodSelector *self = DAFTAR_PERIOD_SELECTOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), DAFTAR_TYPE_PERIOD_SELECTOR);
  self->month_grid = NULL;   /* went with the template */
  g_clear_pointer (&self->holidays, g_ptr_array_unref);

  G_OBJECT_CLASS (daftar_period_selector_parent_class)->dispose (object);
}

static void
daftar_period_selector_class_init (DaftarPeriodSelectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftar_period_selector_dispose;

  /**
   * DaftarPeriodSelector::changed:
   *
   * The period moved: read it with daftar_period_selector_get_period().
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "period.preset", "i", preset_activated);
  gtk_widget_class_install_action (widget_class, "period.custom", NULL, custom_activated);
  gtk_widget_class_install_action (widget_class, "period.presets", NULL, presets_activated);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftar/Daftar/gui/daftar-period-selector.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftarPeriodSelector, button);
  gtk_widget_class_bind_template_child (widget_class, DaftarPeriodSelector, popover);
  gtk_widget_class_bind_template_child (widget_class, DaftarPeriodSelector, stack);
  gtk_widget_class_bind_template_child (widget_class, DaftarPeriodSelector, preset_list);
  gtk_widget_class_bind_template_child (widget_class, DaftarPeriodSelector, grid_slot);
  gtk_widget_class_bind_template_child (widget_class, DaftarPeriodSelector, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_closed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
daftar_period_selector_init (DaftarPeriodSelector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  daftar_time_local_date (g_get_real_time () / G_USEC_PER_SEC, &self->today);
  daftar_period_from_preset (DAFTAR_PERIOD_LAST_30_DAYS, &self->today, &self->period);
  add_rows (self);
  update_button (self);
  update_hint (self);
}

GtkWidget *
daftar_period_selector_new (void)
{
  return g_object_new (DAFTAR_TYPE_PERIOD_SELECTOR, NULL);
}

void
daftar_period_selector_set_today (DaftarPeriodSelector *self,
                                  const GDate          *today)
{
  DaftarPeriod moved;

  g_return_if_fail (DAFTAR_IS_PERIOD_SELECTOR (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  if (self->month_grid != NULL)
    daftar_month_grid_set_today (self->month_grid, today);
  update_row_dates (self);
  if (self->period.preset == DAFTAR_PERIOD_CUSTOM)
    {
      /* The range stays, but whether its year is worth naming may not. */
      update_button (self);
      return;
    }
  daftar_period_from_preset (self->period.preset, &self->today, &moved);
  change_period (self, &moved);
}

void
daftar_period_selector_set_holidays (DaftarPeriodSelector *self,
                                     GPtrArray            *holidays)
{
  g_return_if_fail (DAFTAR_IS_PERIOD_SELECTOR (self));

  g_clear_pointer (&self->holidays, g_ptr_array_unref);
  self->holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_holiday_free);
  for (guint i = 0; holidays != NULL && i < holidays->len; i++)
    {
      const DaftarHoliday *holiday = g_ptr_array_index (holidays, i);

      g_ptr_array_add (self->holidays, daftar_holiday_new (&holiday->date, holiday->name));
    }
  if (self->month_grid != NULL)
    daftar_month_grid_set_holidays (self->month_grid, self->holidays);
}

const DaftarPeriod *
daftar_period_selector_get_period (DaftarPeriodSelector *self)
{
  g_return_val_if_fail (DAFTAR_IS_PERIOD_SELECTOR (self), NULL);

  return &self->period;
}

void
daftar_period_selector_set_period (DaftarPeriodSelector *self,
                                   const DaftarPeriod   *period)
{
  g_return_if_fail (DAFTAR_IS_PERIOD_SELECTOR (self));
  g_return_if_fail (period != NULL && g_date_valid (&period->from) && g_date_valid (&period->to));

  change_period (self, period);
}

DaftarMonthGrid *
daftar_period_selector_get_month_grid (DaftarPeriodSelector *self)
{
  g_return_val_if_fail (DAFTAR_IS_PERIOD_SELECTOR (self), NULL);

  return ensure_month_grid (self);
}

void
daftar_period_selector_popup (DaftarPeriodSelector *self)
{
  g_return_if_fail (DAFTAR_IS_PERIOD_SELECTOR (self));

  /* A popover cannot open under a button that is not on screen. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->button)))
    gtk_menu_button_popup (self->button);
}
