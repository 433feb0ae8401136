/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-alert-rollup-row.c: one shift's breaches of one standard over the period, expandable to its days, each opening the Shifts or Client care page, with the manager's notes. */
#define G_LOG_DOMAIN "daftar-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-alert-rollup-row.h"
#include "daftar-annotations.h"
#include "daftar-format.h"
#include "daftar-overview-page-private.h"
#include "daftar-text.h"

struct _DaftarAlertRollupRow
{
  AdwExpanderRow      parent_instance;

  GtkImage           *icon;
  GtkLabel           *severity_label;
  GtkWidget          *note_button;
  GtkWidget          *open_button;

  DaftarAlertRollup  *rollup;        /* owned */
  char               *office_name;   /* owned, nullable */
  GPtrArray          *annotations;   /* referenced: DaftarAnnotation, the page's */
  DaftarPeriod        period;
  GPtrArray          *day_rows;      /* owned array of its day rows, listed so far */
  GtkWidget          *more_row;      /* nullable: opens the days not listed yet */
};

enum {
  OPEN,
  EDIT_NOTE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DaftarAlertRollupRow, daftar_alert_rollup_row, ADW_TYPE_EXPANDER_ROW)

/* ---- words ------------------------------------------------------------- */

/* One sentence per standard and shift, so that translators see whole
 * sentences; the plural follows the working days. */
char *
daftar_alert_rollup_title (const DaftarAlertRollup *rollup)
{
  g_autofree char *n_days = daftar_format_int (rollup->days->len);
  g_autofree char *n_working = daftar_format_int (rollup->n_working_days);
  gboolean evening = rollup->shift == DAFTAR_SHIFT_EVENING;
  gulong n = rollup->n_working_days;

  if (rollup->kind == DAFTAR_ALERT_WAIT_BREACHED)
    return evening
      /* Translators: days breached, working days, e.g. "Evening shift: mean wait over the standard on 9 of 22 working days" */
      ? g_strdup_printf (ngettext ("Evening shift: mean wait over the standard on %s of %s working day",
                                   "Evening shift: mean wait over the standard on %s of %s working days", n), n_days, n_working)
      : g_strdup_printf (ngettext ("Morning shift: mean wait over the standard on %s of %s working day",
                                   "Morning shift: mean wait over the standard on %s of %s working days", n), n_days, n_working);
  if (rollup->kind == DAFTAR_ALERT_OUT_OF_TURN_BREACHED)
    return evening
      /* Translators: days breached, working days; more of the clients called than the standard allows were served out of turn */
      ? g_strdup_printf (ngettext ("Evening shift: clients served out of turn over the standard on %s of %s working day",
                                   "Evening shift: clients served out of turn over the standard on %s of %s working days", n), n_days, n_working)
      : g_strdup_printf (ngettext ("Morning shift: clients served out of turn over the standard on %s of %s working day",
                                   "Morning shift: clients served out of turn over the standard on %s of %s working days", n), n_days, n_working);
  if (rollup->kind == DAFTAR_ALERT_CROWDING_BREACHED)
    return evening
      /* Translators: days breached, working days; at some time more clients waited than the waiting room has seats */
      ? g_strdup_printf (ngettext ("Evening shift: more clients waiting than the waiting room's seats on %s of %s working day",
                                   "Evening shift: more clients waiting than the waiting room's seats on %s of %s working days", n), n_days, n_working)
      : g_strdup_printf (ngettext ("Morning shift: more clients waiting than the waiting room's seats on %s of %s working day",
                                   "Morning shift: more clients waiting than the waiting room's seats on %s of %s working days", n), n_days, n_working);
  return evening
    /* Translators: days breached, working days; the share of clients served within the standard wait was under its target */
    ? g_strdup_printf (ngettext ("Evening shift: too few served within the standard wait on %s of %s working day",
                                 "Evening shift: too few served within the standard wait on %s of %s working days", n), n_days, n_working)
    : g_strdup_printf (ngettext ("Morning shift: too few served within the standard wait on %s of %s working day",
                                 "Morning shift: too few served within the standard wait on %s of %s working days", n), n_days, n_working);
}

static char *
day_text (const GDate *day)
{
  g_autofree char *date = daftar_format_date_long (day);
  g_autofree char *weekday = daftar_format_weekday (day);

  return g_strdup_printf (C_("weekday and date", "%s, %s"), weekday, date);
}

/* A day's figure: the out-of-turn share with its count, since one ticket
 * of a quiet day makes a large share. */
static char *
value_text (const DaftarAlert *alert)
{
  switch (alert->kind)
    {
    case DAFTAR_ALERT_WAIT_BREACHED:
      return daftar_format_minutes (alert->value, 0);
    case DAFTAR_ALERT_OUT_OF_TURN_BREACHED:
      {
        g_autofree char *share = daftar_format_percent (alert->value, 1);
        g_autofree char *count = daftar_format_int (alert->count);
        g_autofree char *total = daftar_format_int (alert->total);

        /* Translators: the share served out of turn, then how many of how many called, e.g. "4.5% (2 of 44 called)" */
        return g_strdup_printf (ngettext ("%s (%s of %s called)", "%s (%s of %s called)", alert->total), share, count, total);
      }
    case DAFTAR_ALERT_CROWDING_BREACHED:
      {
        g_autofree char *count = daftar_format_int ((gint64) alert->value);

        /* Translators: the most clients waiting at the same time, e.g. "26 waiting at once" */
        return g_strdup_printf (ngettext ("%s waiting at once", "%s waiting at once", (gulong) alert->value), count);
      }
    /* A share: served within the standard wait, or viewed. */
    case DAFTAR_ALERT_SERVICE_LEVEL_BREACHED:
    case DAFTAR_ALERT_READ_RATE_BELOW_TARGET:
    /* Not rolled up by day; a share if ever they are. */
    case DAFTAR_ALERT_RATING_BELOW_TARGET:
    case DAFTAR_ALERT_SYNC_STALE:
    case DAFTAR_ALERT_SYNC_FAILED:
    default:
      return daftar_format_percent (alert->value, 0);
    }
}

/* The page that shows the standard's figures, in words. */
static const char *
page_words (const DaftarAlertRollup *rollup,
            gboolean                 one_day)
{
  gboolean care = rollup->kind == DAFTAR_ALERT_OUT_OF_TURN_BREACHED || rollup->kind == DAFTAR_ALERT_CROWDING_BREACHED;

  if (one_day)
    return care ? _("Show this day on the Client care page") : _("Show this day on the Shifts page");
  return care ? _("Show on the Client care page") : _("Show on the Shifts page");
}

char *
daftar_alert_rollup_worst (const DaftarAlertRollup *rollup)
{
  g_autofree char *day = day_text (&rollup->worst->day);
  g_autofree char *value = value_text (rollup->worst);
  g_autofree char *target = NULL;

  if (rollup->kind == DAFTAR_ALERT_WAIT_BREACHED)
    {
      target = daftar_format_minutes (rollup->target, 0);
      /* Translators: the worst day, its mean wait and the standard, e.g. "Worst: Saturday, 14 Azar 1405: 95 min (standard: at most 15 min)" */
      return g_strdup_printf (_("Worst: %s: %s (standard: at most %s)"), day, value, target);
    }
  if (rollup->kind == DAFTAR_ALERT_OUT_OF_TURN_BREACHED)
    {
      target = daftar_format_percent (rollup->target, 1);
      return g_strdup_printf (_("Worst: %s: %s (standard: at most %s)"), day, value, target);
    }
  if (rollup->kind == DAFTAR_ALERT_CROWDING_BREACHED)
    {
      target = daftar_format_int ((gint64) rollup->target);
      /* Translators: the worst day, the most clients waiting at once, and the seats, e.g. "Worst: Saturday, 14 Azar 1405: 31 waiting at once (waiting room: 20 seats)" */
      return g_strdup_printf (ngettext ("Worst: %s: %s (waiting room: %s seat)", "Worst: %s: %s (waiting room: %s seats)",
                                        (gulong) rollup->target), day, value, target);
    }
  target = daftar_format_percent (rollup->target, 0);
  /* Translators: the worst day, its share served within the standard wait and the target */
  return g_strdup_printf (_("Worst: %s: %s (standard: at least %s)"), day, value, target);
}

/* ---- notes ------------------------------------------------------------- */

static const GDate *
first_day (DaftarAlertRollupRow *self)
{
  return &((DaftarAlert *) g_ptr_array_index (self->rollup->days, self->rollup->days->len - 1))->day;
}

static const GDate *
last_day (DaftarAlertRollupRow *self)
{
  return &((DaftarAlert *) g_ptr_array_index (self->rollup->days, 0))->day;
}

static gboolean
is_one_day (const DaftarAnnotation *note)
{
  return g_date_compare (&note->first_day, &note->last_day) == 0;
}

/* The note on the one day @day of this shift and standard, or NULL. */
static const DaftarAnnotation *
day_note (DaftarAlertRollupRow *self,
          const GDate          *day)
{
  for (guint i = 0; i < self->annotations->len; i++)
    {
      const DaftarAnnotation *note = g_ptr_array_index (self->annotations, i);

      if (is_one_day (note) && g_date_compare (&note->first_day, day) == 0 &&
          daftar_annotation_overlaps (note, self->rollup->office_code, self->rollup->kind,
                                      self->rollup->shift, day, day))
        return note;
    }
  return NULL;
}

/* The notes on a range of days of this shift and standard that overlap the
 * period, as a roll-up's note is kept. */
static GPtrArray *
range_notes (DaftarAlertRollupRow *self)
{
  GPtrArray *notes = g_ptr_array_new ();

  for (guint i = 0; i < self->annotations->len; i++)
    {
      const DaftarAnnotation *note = g_ptr_array_index (self->annotations, i);

      if (!is_one_day (note) &&
          daftar_annotation_overlaps (note, self->rollup->office_code, self->rollup->kind, self->rollup->shift,
                                      &self->period.from, &self->period.to))
        g_ptr_array_add (notes, (gpointer) note);
    }
  return notes;
}

static void
append_note (GString    *text,
             const char *note)
{
  if (text->len > 0)
    g_string_append_c (text, '\n');
  /* Translators: a note the manager wrote on an alert, e.g. "Note: one counter closed for repairs" */
  g_string_append_printf (text, _("Note: %s"), note);
}

static void
set_note_button (GtkWidget *button,
                 gboolean   has_note)
{
  const char *words = has_note ? _("Edit the note") : _("Add a note");

  gtk_widget_set_tooltip_text (button, words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);
}

static void
refresh_day_row (DaftarAlertRollupRow *self,
                 GtkWidget            *row)
{
  const DaftarAlert *alert = g_object_get_data (G_OBJECT (row), "alert");
  const DaftarAnnotation *note = day_note (self, &alert->day);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (note != NULL)
    append_note (subtitle, note->text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  set_note_button (g_object_get_data (G_OBJECT (row), "note-button"), note != NULL);
}

void
daftar_alert_rollup_row_refresh_notes (DaftarAlertRollupRow *self)
{
  g_autoptr(GPtrArray) ranges = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *worst = NULL;
  guint n_day_notes = 0;

  g_return_if_fail (DAFTAR_IS_ALERT_ROLLUP_ROW (self));

  worst = daftar_alert_rollup_worst (self->rollup);
  g_string_append (subtitle, worst);
  if (self->office_name != NULL)
    {
      g_autofree char *isolated = daftar_text_isolate (self->office_name);

      g_string_append_printf (subtitle, " · %s", isolated);
    }

  ranges = range_notes (self);
  for (guint i = 0; i < ranges->len; i++)
    append_note (subtitle, ((DaftarAnnotation *) g_ptr_array_index (ranges, i))->text);
  for (guint i = 0; i < self->rollup->days->len; i++)
    n_day_notes += day_note (self, &((DaftarAlert *) g_ptr_array_index (self->rollup->days, i))->day) != NULL;
  if (n_day_notes > 0)
    {
      g_autofree char *count = daftar_format_int (n_day_notes);

      g_string_append_c (subtitle, '\n');
      /* Translators: how many of the breached days listed below carry a note */
      g_string_append_printf (subtitle, ngettext ("%s of its days has a note", "%s of its days have notes", n_day_notes),
                              count);
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle->str);
  set_note_button (self->note_button, ranges->len > 0 || (self->rollup->days->len == 1 && n_day_notes > 0));

  for (guint i = 0; i < self->day_rows->len; i++)
    refresh_day_row (self, g_ptr_array_index (self->day_rows, i));
}

/* ---- what the rows do -------------------------------------------------- */

static void
on_open_clicked (DaftarAlertRollupRow *self)
{
  g_signal_emit (self, signals[OPEN], 0, &self->period, (int) self->rollup->shift);
}

/* The roll-up's note: the one on a range of its days, or on its one day;
 * else a new one over its first to its last breached day. */
static void
on_note_clicked (DaftarAlertRollupRow *self)
{
  g_autoptr(GPtrArray) ranges = range_notes (self);
  g_autoptr(DaftarAnnotation) key = NULL;
  g_autofree char *title = daftar_alert_rollup_title (self->rollup);
  const DaftarAnnotation *note = ranges->len > 0 ? g_ptr_array_index (ranges, 0) : NULL;

  if (note == NULL && self->rollup->days->len == 1)
    note = day_note (self, first_day (self));
  if (note == NULL)
    key = daftar_annotation_new (self->rollup->office_code, self->rollup->kind, self->rollup->shift,
                                 first_day (self), last_day (self));
  g_signal_emit (self, signals[EDIT_NOTE], 0, note != NULL ? note : key, title);
}

static void
on_day_activated (GtkWidget            *row,
                  DaftarAlertRollupRow *self)
{
  const DaftarAlert *alert = g_object_get_data (G_OBJECT (row), "alert");
  DaftarPeriod day;

  daftar_period_custom (&alert->day, &alert->day, &day);
  g_signal_emit (self, signals[OPEN], 0, &day, (int) self->rollup->shift);
}

static void
on_day_note_clicked (GtkWidget            *button,
                     DaftarAlertRollupRow *self)
{
  const DaftarAlert *alert = g_object_get_data (G_OBJECT (button), "alert");
  const DaftarAnnotation *note = day_note (self, &alert->day);
  g_autoptr(DaftarAnnotation) key = NULL;
  g_autofree char *title = daftar_overview_alert_title (alert, 0);

  if (note == NULL)
    key = daftar_annotation_new (self->rollup->office_code, self->rollup->kind, self->rollup->shift,
                                 &alert->day, &alert->day);
  g_signal_emit (self, signals[EDIT_NOTE], 0, note != NULL ? note : key, title);
}

static GtkWidget *
day_row_new (DaftarAlertRollupRow *self,
             const DaftarAlert    *alert)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *note_button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *day = day_text (&alert->day);
  g_autofree char *value = value_text (alert);
  /* Translators: a breached day and its figure, e.g. "Saturday, 14 Azar 1405: 95 min" */
  g_autofree char *title = g_strdup_printf (C_("alert day", "%s: %s"), day, value);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, page_words (self->rollup, TRUE));
  gtk_widget_add_css_class (icon, alert->severity == DAFTAR_ALERT_CRITICAL ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  alert->severity == DAFTAR_ALERT_CRITICAL
                                    ? C_("alert severity", "Serious") : C_("alert severity", "Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (note_button, "flat");
  gtk_widget_set_valign (note_button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), note_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  g_object_set_data (G_OBJECT (row), "alert", (gpointer) alert);
  g_object_set_data (G_OBJECT (row), "note-button", note_button);
  g_object_set_data (G_OBJECT (note_button), "alert", (gpointer) alert);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_day_activated), self, 0);
  g_signal_connect_object (note_button, "clicked", G_CALLBACK (on_day_note_clicked), self, 0);
  refresh_day_row (self, row);
  return row;
}

/* Lists the days from the first not listed yet up to @upto. */
static void
list_days (DaftarAlertRollupRow *self,
           guint                 upto)
{
  for (guint i = self->day_rows->len; i < upto; i++)
    {
      GtkWidget *row = day_row_new (self, g_ptr_array_index (self->rollup->days, i));

      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      g_ptr_array_add (self->day_rows, row);
    }
}

static void
on_more_activated (DaftarAlertRollupRow *self)
{
  /* The row that opens the rest goes, and the rest come in its place. */
  adw_expander_row_remove (ADW_EXPANDER_ROW (self), self->more_row);
  self->more_row = NULL;
  list_days (self, self->rollup->days->len);
  if (self->day_rows->len > DAFTAR_ALERT_ROLLUP_ROW_FIRST_DAYS)
    gtk_widget_grab_focus (g_ptr_array_index (self->day_rows, DAFTAR_ALERT_ROLLUP_ROW_FIRST_DAYS));
}

/* ---- the row ----------------------------------------------------------- */

GtkWidget *
daftar_alert_rollup_row_new (DaftarAlertRollup  *rollup,
                             const char         *office_name,
                             GPtrArray          *annotations,
                             const DaftarPeriod *period)
{
  DaftarAlertRollupRow *self;
  g_autofree char *title = NULL;
  g_autofree char *working = NULL;
  guint n_days;

  g_return_val_if_fail (rollup != NULL && rollup->days->len > 0, NULL);
  g_return_val_if_fail (annotations != NULL && period != NULL, NULL);

  self = g_object_new (DAFTAR_TYPE_ALERT_ROLLUP_ROW, NULL);
  self->rollup = rollup;
  self->office_name = g_strdup (office_name);
  self->annotations = g_ptr_array_ref (annotations);
  self->period = *period;

  title = daftar_alert_rollup_title (rollup);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  /* Where the open button leads: the Shifts page, or the Client care page. */
  gtk_widget_set_tooltip_text (self->open_button, page_words (rollup, FALSE));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  page_words (rollup, FALSE), -1);
  /* What a working day is, where the count is read. */
  working = g_strdup (rollup->shift == DAFTAR_SHIFT_EVENING
                               ? _("Working days are the days of this period on which the evening shift issued queue tickets.")
                               : _("Working days are the days of this period on which the morning shift issued queue tickets."));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), working);

  /* The severity in words as well as in colour. */
  gtk_label_set_label (self->severity_label, rollup->severity == DAFTAR_ALERT_CRITICAL
                                               ? C_("alert severity", "Serious")
                                               : C_("alert severity", "Warning"));
  gtk_widget_add_css_class (GTK_WIDGET (self->severity_label), rollup->severity == DAFTAR_ALERT_CRITICAL ? "error" : "warning");
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), rollup->severity == DAFTAR_ALERT_CRITICAL ? "error" : "warning");

  n_days = rollup->days->len;
  list_days (self, MIN (n_days, DAFTAR_ALERT_ROLLUP_ROW_FIRST_DAYS));
  if (n_days > DAFTAR_ALERT_ROLLUP_ROW_FIRST_DAYS)
    {
      g_autofree char *count = daftar_format_int (n_days - DAFTAR_ALERT_ROLLUP_ROW_FIRST_DAYS);
      /* Translators: %s is a number of breached days not listed yet */
      g_autofree char *more = g_strdup_printf (ngettext ("Show %s more day", "Show %s more days",
                                                         n_days - DAFTAR_ALERT_ROLLUP_ROW_FIRST_DAYS), count);

      self->more_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->more_row), more);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->more_row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self->more_row), gtk_image_new_from_icon_name ("view-more-symbolic"));
      g_signal_connect_object (self->more_row, "activated", G_CALLBACK (on_more_activated), self, G_CONNECT_SWAPPED);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->more_row);
    }
  daftar_alert_rollup_row_refresh_notes (self);
  return GTK_WIDGET (self);
}

const DaftarAlertRollup *
daftar_alert_rollup_row_get_rollup (DaftarAlertRollupRow *self)
{
  g_return_val_if_fail (DAFTAR_IS_ALERT_ROLLUP_ROW (self), NULL);
  return self->rollup;
}

GPtrArray *
daftar_alert_rollup_row_get_day_rows (DaftarAlertRollupRow *self)
{
  g_return_val_if_fail (DAFTAR_IS_ALERT_ROLLUP_ROW (self), NULL);
  return self->day_rows;
}

GtkWidget *
daftar_alert_rollup_row_get_more_row (DaftarAlertRollupRow *self)
{
  g_return_val_if_fail (DAFTAR_IS_ALERT_ROLLUP_ROW (self), NULL);
  return self->more_row;
}

GtkWidget *
daftar_alert_rollup_row_get_open_button (DaftarAlertRollupRow *self)
{
  g_return_val_if_fail (DAFTAR_IS_ALERT_ROLLUP_ROW (self), NULL);
  return self->open_button;
}

GtkWidget *
daftar_alert_rollup_row_get_note_button (DaftarAlertRollupRow *self)
{
  g_return_val_if_fail (DAFTAR_IS_ALERT_ROLLUP_ROW (self), NULL);
  return self->note_button;
}

static void
daftar_alert_rollup_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DAFTAR_TYPE_ALERT_ROLLUP_ROW);

  G_OBJECT_CLASS (daftar_alert_rollup_row_parent_class)->dispose (object);
}

static void
daftar_alert_rollup_row_finalize (GObject *object)
{
  DaftarAlertRollupRow *self = DAFTAR_ALERT_ROLLUP_ROW (object);

  g_clear_pointer (&self->day_rows, g_ptr_array_unref);
  g_clear_pointer (&self->rollup, daftar_alert_rollup_free);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_free (self->office_name);

  G_OBJECT_CLASS (daftar_alert_rollup_row_parent_class)->finalize (object);
}

static void
daftar_alert_rollup_row_class_init (DaftarAlertRollupRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftar_alert_rollup_row_dispose;
  object_class->finalize = daftar_alert_rollup_row_finalize;

  signals[OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_INT);
  signals[EDIT_NOTE] = g_signal_new ("edit-note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftar/Daftar/gui/daftar-alert-rollup-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftarAlertRollupRow, icon);
  gtk_widget_class_bind_template_child (widget_class, DaftarAlertRollupRow, severity_label);
  gtk_widget_class_bind_template_child (widget_class, DaftarAlertRollupRow, note_button);
  gtk_widget_class_bind_template_child (widget_class, DaftarAlertRollupRow, open_button);
  gtk_widget_class_bind_template_callback (widget_class, on_note_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked);
}

static void
daftar_alert_rollup_row_init (DaftarAlertRollupRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->day_rows = g_ptr_array_new ();
}
