/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-month-grid.c: a Jalali month calendar — Saturday first, Fridays and holidays marked — for picking a range of days. */
#define G_LOG_DOMAIN "daftar-month-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-format.h"
#include "daftar-month-grid.h"
#include "daftar-period.h"
#include "daftar-time.h"

#define N_COLUMNS 7
#define N_WEEKS 6   /* 31 days starting on a Friday reach into a sixth week */

struct _DaftarMonthGrid
{
  GtkWidget   parent_instance;

  GtkLabel   *month_label;
  GtkGrid    *days_grid;
  GtkWidget  *day_buttons[N_COLUMNS * N_WEEKS];

  int         year;
  int         month;
  GDate       today;
  GDate       first;      /* first day of the month shown */
  guint       offset;     /* its column: days since Saturday */
  GHashTable *holidays;   /* owned: julian day → name */
  GDate       from;       /* invalid when no range is chosen */
  GDate       to;
  gboolean    picking;
};

enum {
  PROP_0,
  PROP_YEAR,
  PROP_MONTH,
  PROP_PICKING,
  N_PROPS
};

enum {
  RANGE_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DaftarMonthGrid, daftar_month_grid, GTK_TYPE_WIDGET)

static gboolean
in_range (DaftarMonthGrid *self,
          const GDate     *day)
{
  return g_date_valid (&self->from) &&
         g_date_compare (day, &self->from) >= 0 && g_date_compare (day, &self->to) <= 0;
}

/* Marks one day: its number, Friday, holiday, today and the range. */
static void
update_day (DaftarMonthGrid *self,
            GtkWidget       *button,
            const GDate     *day,
            guint            column)
{
  const char *classes[8];
  guint n = 0;
  guint32 julian = g_date_get_julian (day);
  const char *holiday = g_hash_table_lookup (self->holidays, GUINT_TO_POINTER (julian));
  gboolean is_today = g_date_valid (&self->today) && g_date_compare (day, &self->today) == 0;
  g_autofree char *number = daftar_format_int (g_date_days_between (&self->first, day) + 1);
  g_autofree char *date = daftar_format_date_long (day);
  g_autofree char *weekday = daftar_format_weekday (day);
  g_autofree char *spoken = NULL;

  classes[n++] = "flat";
  classes[n++] = "day";
  if (column == N_COLUMNS - 1)
    classes[n++] = "weekend";
  if (holiday != NULL)
    classes[n++] = "holiday";
  if (is_today)
    classes[n++] = "today";
  if (in_range (self, day))
    {
      classes[n++] = "in-range";
      if (g_date_compare (day, &self->from) == 0 || g_date_compare (day, &self->to) == 0)
        classes[n++] = "range-end";
    }
  classes[n] = NULL;

  gtk_button_set_label (GTK_BUTTON (button), number);
  gtk_widget_set_css_classes (button, classes);
  /* GTK 4.8 asks the display server where the pointer is on every
   * set_tooltip_text, even one that changes nothing. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (button), holiday) != 0)
    gtk_widget_set_tooltip_text (button, holiday);
  g_object_set_data (G_OBJECT (button), "julian", GUINT_TO_POINTER (julian));

  /* The button shows a bare number; a screen reader hears the whole day. */
  if (holiday != NULL)
    /* Translators: a day on the calendar that is a public holiday: "Friday, 7 Azar 1405, holiday: …" */
    spoken = g_strdup_printf (C_("calendar day", "%s, %s, holiday: %s"), weekday, date, holiday);
  else
    /* Translators: a day on the calendar: "Saturday, 7 Azar 1405" */
    spoken = g_strdup_printf (C_("calendar day", "%s, %s"), weekday, date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (button),
                               GTK_ACCESSIBLE_STATE_SELECTED, in_range (self, day),
                               -1);
}

static void
refresh (DaftarMonthGrid *self)
{
  GDate last, saturday;
  g_autofree char *title = daftar_format_month_year (self->year, self->month);
  GtkWidget *first_shown = NULL;
  gboolean focus_lost = FALSE;

  if (!daftar_jalali_month_bounds (self->year, self->month, &self->first, &last))
    g_return_if_reached ();
  daftar_week_start (&self->first, &saturday);
  self->offset = g_date_days_between (&saturday, &self->first);
  gtk_label_set_label (self->month_label, title);

  for (guint i = 0; i < G_N_ELEMENTS (self->day_buttons); i++)
    {
      GtkWidget *button = self->day_buttons[i];
      GDate day = self->first;
      gboolean shown = i >= self->offset;

      if (shown)
        {
          g_date_add_days (&day, i - self->offset);
          shown = g_date_compare (&day, &last) <= 0;
        }
      if (!shown && gtk_widget_has_focus (button))
        focus_lost = TRUE;
      gtk_widget_set_visible (button, shown);
      if (shown)
        update_day (self, button, &day, i % N_COLUMNS);
      if (shown && first_shown == NULL)
        first_shown = button;
    }

  /* A keyboard user paging months keeps the focus in the grid, on the 1st,
   * rather than on a cell that is no longer shown. */
  if (focus_lost)
    gtk_widget_grab_focus (first_shown);
}

static void
set_picking (DaftarMonthGrid *self,
             gboolean         picking)
{
  if (self->picking == picking)
    return;
  self->picking = picking;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PICKING]);
}

static void
on_day_clicked (DaftarMonthGrid *self,
                GtkButton       *button)
{
  GDate day;
  DaftarPeriod chosen;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "julian")));

  if (!self->picking)
    {
      /* The first click is the start; until the second, the range is that day. */
      self->from = day;
      self->to = day;
      set_picking (self, TRUE);
      refresh (self);
      return;
    }

  daftar_period_custom (&self->from, &day, &chosen);
  self->from = chosen.from;
  self->to = chosen.to;
  set_picking (self, FALSE);
  refresh (self);
  g_signal_emit (self, signals[RANGE_SELECTED], 0, &self->from, &self->to);
}

static void
move_month (DaftarMonthGrid *self,
            int              delta)
{
  int index = self->year * 12 + (self->month - 1) + delta;

  daftar_month_grid_set_month (self, index / 12, index % 12 + 1);
}

static void
on_previous_clicked (DaftarMonthGrid *self)
{
  move_month (self, -1);
}

static void
on_next_clicked (DaftarMonthGrid *self)
{
  move_month (self, +1);
}

/* The week header: a short name per column, Saturday first, and the full
 * name (from ICU) for the tooltip and screen readers. */
static void
add_weekday_labels (DaftarMonthGrid *self)
{
  static const char *initials[N_COLUMNS] = {
    /* Translators: one- or two-letter weekday names for the month grid */
    NC_("weekday initial", "Sa"), NC_("weekday initial", "Su"), NC_("weekday initial", "Mo"),
    NC_("weekday initial", "Tu"), NC_("weekday initial", "We"), NC_("weekday initial", "Th"),
    NC_("weekday initial", "Fr"),
  };
  GDate saturday;

  g_date_clear (&saturday, 1);
  g_date_set_dmy (&saturday, 1, G_DATE_JANUARY, 2000);   /* a Saturday */

  for (guint column = 0; column < N_COLUMNS; column++)
    {
      GDate day = saturday;
      g_autofree char *name = NULL;
      GtkWidget *label = gtk_label_new (g_dpgettext2 (NULL, "weekday initial", initials[column]));

      g_date_add_days (&day, column);
      name = daftar_format_weekday (&day);
      gtk_widget_set_tooltip_text (label, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_add_css_class (label, "weekday");
      if (column == N_COLUMNS - 1)
        gtk_widget_add_css_class (label, "weekend");
      gtk_grid_attach (self->days_grid, label, column, 0, 1, 1);
    }
}

/* The look of the grid travels with it, so it looks right in any window. */
static void
ensure_style (void)
{
  static gboolean loaded;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/daftar/Daftar/gui/daftar-month-grid.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
daftar_month_grid_dispose (GObject *object)
{
  DaftarMonthGrid *self = DAFTAR_MONTH_GRID (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DAFTAR_TYPE_MONTH_GRID);
  /* The template's outer box has no name, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->holidays, g_hash_table_unref);

  G_OBJECT_CLASS (daftar_month_grid_parent_class)->dispose (object);
}

static void
daftar_month_grid_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DaftarMonthGrid *self = DAFTAR_MONTH_GRID (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_MONTH:
      g_value_set_int (value, self->month);
      break;
    case PROP_PICKING:
      g_value_set_boolean (value, self->picking);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_month_grid_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DaftarMonthGrid *self = DAFTAR_MONTH_GRID (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      daftar_month_grid_set_month (self, g_value_get_int (value), self->month);
      break;
    case PROP_MONTH:
      daftar_month_grid_set_month (self, self->year, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_month_grid_class_init (DaftarMonthGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftar_month_grid_dispose;
  object_class->get_property = daftar_month_grid_get_property;
  object_class->set_property = daftar_month_grid_set_property;

  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 1, 9999, 1405,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MONTH] =
    g_param_spec_int ("month", NULL, NULL, 1, 12, 1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PICKING] =
    g_param_spec_boolean ("picking", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DaftarMonthGrid::range-selected:
   * @from: (type GLib.Date): the first day, never after @to
   * @to: (type GLib.Date): the last day
   *
   * The second click chose the end of the range.
   */
  signals[RANGE_SELECTED] =
    g_signal_new ("range-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftar/Daftar/gui/daftar-month-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftarMonthGrid, month_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarMonthGrid, days_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "daftar-month-grid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
daftar_month_grid_init (DaftarMonthGrid *self)
{
  DaftarJalaliDate j;

  ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->holidays = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
  daftar_time_local_date (g_get_real_time () / G_USEC_PER_SEC, &self->today);

  add_weekday_labels (self);
  /* One button per cell of six weeks; refresh() shows the month's days. */
  for (guint i = 0; i < G_N_ELEMENTS (self->day_buttons); i++)
    {
      GtkWidget *button = gtk_button_new ();

      g_signal_connect_object (button, "clicked", G_CALLBACK (on_day_clicked), self, G_CONNECT_SWAPPED);
      gtk_grid_attach (self->days_grid, button, i % N_COLUMNS, 1 + i / N_COLUMNS, 1, 1);
      self->day_buttons[i] = button;
    }

  daftar_jalali_from_gdate (&self->today, &j);
  self->year = j.year;
  self->month = j.month;
  refresh (self);
}

GtkWidget *
daftar_month_grid_new (void)
{
  return g_object_new (DAFTAR_TYPE_MONTH_GRID, NULL);
}

void
daftar_month_grid_set_month (DaftarMonthGrid *self,
                             int              jy,
                             int              jm)
{
  gboolean year_changed, month_changed;

  g_return_if_fail (DAFTAR_IS_MONTH_GRID (self));
  g_return_if_fail (jy >= 1 && jy <= 9999 && jm >= 1 && jm <= 12);

  year_changed = self->year != jy;
  month_changed = self->month != jm;
  self->year = jy;
  self->month = jm;
  refresh (self);
  if (year_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
  if (month_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH]);
}

void
daftar_month_grid_get_month (DaftarMonthGrid *self,
                             int             *jy,
                             int             *jm)
{
  g_return_if_fail (DAFTAR_IS_MONTH_GRID (self));

  if (jy != NULL)
    *jy = self->year;
  if (jm != NULL)
    *jm = self->month;
}

void
daftar_month_grid_set_today (DaftarMonthGrid *self,
                             const GDate     *today)
{
  g_return_if_fail (DAFTAR_IS_MONTH_GRID (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  refresh (self);
}

void
daftar_month_grid_set_holidays (DaftarMonthGrid *self,
                                GPtrArray       *holidays)
{
  g_return_if_fail (DAFTAR_IS_MONTH_GRID (self));

  g_hash_table_remove_all (self->holidays);
  for (guint i = 0; holidays != NULL && i < holidays->len; i++)
    {
      const DaftarHoliday *holiday = g_ptr_array_index (holidays, i);

      g_hash_table_insert (self->holidays, GUINT_TO_POINTER (g_date_get_julian (&holiday->date)),
                           g_strdup (holiday->name != NULL ? holiday->name : ""));
    }
  refresh (self);
}

void
daftar_month_grid_set_range (DaftarMonthGrid *self,
                             const GDate     *from,
                             const GDate     *to)
{
  g_return_if_fail (DAFTAR_IS_MONTH_GRID (self));
  g_return_if_fail ((from == NULL) == (to == NULL));

  if (from == NULL)
    {
      g_date_clear (&self->from, 1);
      g_date_clear (&self->to, 1);
    }
  else
    {
      DaftarPeriod range;

      daftar_period_custom (from, to, &range);
      self->from = range.from;
      self->to = range.to;
    }
  set_picking (self, FALSE);
  refresh (self);
}

gboolean
daftar_month_grid_get_range (DaftarMonthGrid *self,
                             GDate           *from,
                             GDate           *to)
{
  g_return_val_if_fail (DAFTAR_IS_MONTH_GRID (self), FALSE);

  if (self->picking || !g_date_valid (&self->from))
    return FALSE;
  if (from != NULL)
    *from = self->from;
  if (to != NULL)
    *to = self->to;
  return TRUE;
}

gboolean
daftar_month_grid_get_picking (DaftarMonthGrid *self)
{
  g_return_val_if_fail (DAFTAR_IS_MONTH_GRID (self), FALSE);

  return self->picking;
}

GtkWidget *
daftar_month_grid_get_day_button (DaftarMonthGrid *self,
                                  const GDate     *day)
{
  int index;

  g_return_val_if_fail (DAFTAR_IS_MONTH_GRID (self), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  index = g_date_days_between (&self->first, day) + (int) self->offset;
  if (g_date_compare (day, &self->first) < 0 || index >= (int) G_N_ELEMENTS (self->day_buttons) ||
      !gtk_widget_get_visible (self->day_buttons[index]))
    return NULL;
  return self->day_buttons[index];
}
