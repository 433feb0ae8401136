/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-overview-sections.c: the Overview's alerts list — sync, read rate, rating and a roll-up per shift and standard, with the manager's notes — and its comparison of offices. */
#define G_LOG_DOMAIN "daftar-overview"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "daftar-alert-rollup-row.h"
#include "daftar-annotations.h"
#include "daftar-format.h"
#include "daftar-labels.h"
#include "daftar-overview-page-private.h"
#include "daftar-text.h"

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* One sentence per kind and shift, so that translators see whole sentences
 * rather than a shift name glued into one. */
char *
daftar_overview_alert_title (const DaftarAlert *alert,
                             gint64             now)
{
  gboolean evening = alert->shift == DAFTAR_SHIFT_EVENING;
  g_autofree char *day = g_date_valid (&alert->day) ? daftar_format_date_long (&alert->day) : NULL;
  g_autofree char *value = NULL;
  g_autofree char *target = NULL;

  switch (alert->kind)
    {
    case DAFTAR_ALERT_WAIT_BREACHED:
      value = daftar_format_minutes (alert->value, 0);
      target = daftar_format_minutes (alert->target, 0);
      return evening
        /* Translators: day, mean wait, standard wait, e.g. "… on 3 Azar 1405: 42 min (standard: at most 15 min)" */
        ? g_strdup_printf (_("Mean wait of the evening shift on %s: %s (standard: at most %s)"), day, value, target)
        : g_strdup_printf (_("Mean wait of the morning shift on %s: %s (standard: at most %s)"), day, value, target);

    case DAFTAR_ALERT_SERVICE_LEVEL_BREACHED:
      value = daftar_format_percent (alert->value, 0);
      target = daftar_format_percent (alert->target, 0);
      return evening
        /* Translators: day, share of clients served within the standard wait, its target */
        ? g_strdup_printf (_("Served within the standard wait in the evening shift on %s: %s (standard: at least %s)"), day, value, target)
        : g_strdup_printf (_("Served within the standard wait in the morning shift on %s: %s (standard: at least %s)"), day, value, target);

    case DAFTAR_ALERT_READ_RATE_BELOW_TARGET:
      value = daftar_format_percent (alert->value, 0);
      target = daftar_format_percent (alert->target, 0);
      /* Translators: the last day of issue counted, the read rate, its target */
      return g_strdup_printf (_("E-notice read rate of notices issued up to %s: %s (standard: at least %s)"), day, value, target);

    case DAFTAR_ALERT_OUT_OF_TURN_BREACHED:
      value = daftar_format_percent (alert->value, 1);
      target = daftar_format_percent (alert->target, 1);
      return evening
        /* Translators: day, share of the clients called who were served out of turn, the standard */
        ? g_strdup_printf (_("Served out of turn in the evening shift on %s: %s (standard: at most %s)"), day, value, target)
        : g_strdup_printf (_("Served out of turn in the morning shift on %s: %s (standard: at most %s)"), day, value, target);

    case DAFTAR_ALERT_CROWDING_BREACHED:
      value = daftar_format_int ((gint64) alert->value);
      target = daftar_format_int ((gint64) alert->target);
      return evening
        /* Translators: day, the most clients waiting at the same time, the waiting room's seats */
        ? g_strdup_printf (_("Most clients waiting at once in the evening shift on %s: %s (waiting room seats: %s)"), day, value, target)
        : g_strdup_printf (_("Most clients waiting at once in the morning shift on %s: %s (waiting room seats: %s)"), day, value, target);

    case DAFTAR_ALERT_RATING_BELOW_TARGET:
      {
        g_autofree char *count = daftar_format_int (alert->count);

        value = daftar_format_decimal (alert->value, 1);
        target = daftar_format_decimal (alert->target, 1);
        /* Translators: the clients' mean rating (of 1 to 5), how many ratings, the target, e.g. "Clients' mean rating: 3.4 from 120 ratings (standard: at least 4.0)" */
        return g_strdup_printf (ngettext ("Clients' mean rating: %s from %s rating (standard: at least %s)",
                                          "Clients' mean rating: %s from %s ratings (standard: at least %s)",
                                          (gulong) alert->count),
                                value, count, target);
      }

    case DAFTAR_ALERT_SYNC_STALE:
      {
        g_autofree char *age = NULL;
        g_autofree char *when = NULL;

        if (alert->time == 0)
          return g_strdup (_("No successful sync with the central server yet"));
        age = daftar_format_duration (now - alert->time);
        when = daftar_format_datetime (alert->time);
        /* Translators: how long ago, then the date and time of the last successful sync */
        return g_strdup_printf (_("No successful sync for %s (figures as of %s)"), age, when);
      }

    case DAFTAR_ALERT_SYNC_FAILED:
      {
        g_autofree char *when = daftar_format_datetime (alert->time);

        /* Translators: the date and time the failed sync started */
        return g_strdup_printf (_("The last sync, at %s, failed"), when);
      }

    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
office_name (GPtrArray  *offices,
             const char *code)
{
  for (guint i = 0; offices != NULL && i < offices->len; i++)
    {
      const DaftarOfficeInfo *info = g_ptr_array_index (offices, i);

      if (g_strcmp0 (info->code, code) == 0)
        return info->name;
    }
  return code;
}

/* Whether @alert is of the whole office over the period, with a note
 * button: the read rate and the rating. */
static gboolean
is_period_alert (const DaftarAlert *alert)
{
  return alert->kind == DAFTAR_ALERT_READ_RATE_BELOW_TARGET || alert->kind == DAFTAR_ALERT_RATING_BELOW_TARGET;
}

/* The notes on @alert (a read rate or a rating: the whole office's) that
 * overlap the period, for its row. */
static const DaftarAnnotation *
period_note (const DaftarAlert  *alert,
                GPtrArray          *annotations,
                const DaftarPeriod *period)
{
  for (guint i = 0; i < annotations->len; i++)
    {
      const DaftarAnnotation *note = g_ptr_array_index (annotations, i);

      if (daftar_annotation_overlaps (note, alert->office_code, alert->kind, -1, &period->from, &period->to))
        return note;
    }
  return NULL;
}

static void
set_subtitle (GtkWidget         *row,
              const DaftarAlert *alert,
              const char        *office,
              GPtrArray         *annotations,
              const DaftarPeriod *period)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);

  /* An office without a name yet is shown by its Latin code, which must
   * not turn the Persian line around it left to right. */
  if (office != NULL)
    {
      g_autofree char *isolated = daftar_text_isolate (office);

      g_string_append (subtitle, isolated);
    }
  if (is_period_alert (alert))
    {
      const DaftarAnnotation *note = period_note (alert, annotations, period);
      GtkWidget *button = g_object_get_data (G_OBJECT (row), "note-button");
      const char *words = note != NULL ? _("Edit the note") : _("Add a note");
      g_autofree char *days = daftar_format_int (DAFTAR_ALERTS_READ_RATE_MIN_AGE_DAYS);

      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      if (alert->kind == DAFTAR_ALERT_READ_RATE_BELOW_TARGET)
        g_string_append_printf (subtitle, ngettext ("Notices of the last %s day are left out: they have had no time to be viewed yet.",
                                                    "Notices of the last %s days are left out: they have had no time to be viewed yet.",
                                                    DAFTAR_ALERTS_READ_RATE_MIN_AGE_DAYS),
                                days);
      else
        {
          g_autofree char *min = daftar_format_int (DAFTAR_ALERTS_RATING_MIN_COUNT);

          /* Translators: %s is the fewest ratings a mean is judged on */
          g_string_append_printf (subtitle, ngettext ("The mean is judged only on %s rating or more.",
                                                      "The mean is judged only on %s ratings or more.",
                                                      DAFTAR_ALERTS_RATING_MIN_COUNT), min);
        }
      if (note != NULL)
        {
          g_string_append_c (subtitle, '\n');
          g_string_append_printf (subtitle, _("Note: %s"), note->text);
        }
      gtk_widget_set_tooltip_text (button, words);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);
    }
  else if (alert->kind == DAFTAR_ALERT_SYNC_FAILED && alert->detail != NULL)
    g_string_append (subtitle, alert->detail);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
}

static void
on_period_alert_activated (GtkWidget          *row,
                           DaftarOverviewPage *page)
{
  const DaftarAlert *alert = g_object_get_data (G_OBJECT (row), "alert");

  daftar_overview_page_open (page, daftar_overview_alert_page (alert->kind),
                             g_object_get_data (G_OBJECT (row), "period"), -1);
}

static void
on_period_note_clicked (GtkWidget          *button,
                           DaftarOverviewPage *page)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  const DaftarAlert *alert = g_object_get_data (G_OBJECT (row), "alert");
  const DaftarPeriod *period = g_object_get_data (G_OBJECT (row), "period");
  GPtrArray *annotations = g_object_get_data (G_OBJECT (row), "annotations");
  const DaftarAnnotation *note = period_note (alert, annotations, period);
  g_autofree char *title = daftar_overview_alert_title (alert, 0);
  g_autoptr(DaftarAnnotation) key = NULL;

  /* Over the notices the rate was judged on: the period up to the last day counted. */
  if (note == NULL)
    key = daftar_annotation_new (alert->office_code, alert->kind, -1, &period->from, &alert->day);
  daftar_overview_page_edit_note (page, note != NULL ? note : key, title);
}

/* Takes @alert. */
static GtkWidget *
alert_row_new (DaftarOverviewPage *page,
               DaftarAlert        *alert,
               const char         *office,
               GPtrArray          *annotations,
               const DaftarPeriod *period,
               gint64              now)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *severity;
  g_autofree char *title = daftar_overview_alert_title (alert, now);

  g_object_set_data_full (G_OBJECT (row), "alert", alert, (GDestroyNotify) daftar_alert_free);
  g_object_set_data_full (G_OBJECT (row), "office", g_strdup (office), g_free);
  g_object_set_data_full (G_OBJECT (row), "period", g_memdup2 (period, sizeof *period), g_free);
  g_object_set_data_full (G_OBJECT (row), "annotations", g_ptr_array_ref (annotations),
                          (GDestroyNotify) g_ptr_array_unref);

  /* Office names and sync messages are data, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (icon, alert->severity == DAFTAR_ALERT_CRITICAL ? "error" : "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  /* The severity in words as well as in colour. */
  severity = gtk_label_new (alert->severity == DAFTAR_ALERT_CRITICAL
                              ? C_("alert severity", "Serious")
                              : C_("alert severity", "Warning"));
  gtk_widget_add_css_class (severity, alert->severity == DAFTAR_ALERT_CRITICAL ? "error" : "warning");
  gtk_widget_set_valign (severity, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), severity);

  /* Every row leads somewhere: the read rate to the Notices page over the
   * period, the rating to the Client care page, a sync alert to a sync. */
  if (is_period_alert (alert))
    {
      GtkWidget *note_button = gtk_button_new_from_icon_name ("document-edit-symbolic");

      gtk_widget_add_css_class (note_button, "flat");
      gtk_widget_set_valign (note_button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (note_button), "row", row);
      g_object_set_data (G_OBJECT (row), "note-button", note_button);
      g_signal_connect_object (note_button, "clicked", G_CALLBACK (on_period_note_clicked), page, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), note_button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, alert->kind == DAFTAR_ALERT_READ_RATE_BELOW_TARGET
                                          ? _("Show on the Notices page") : _("Show on the Client care page"));
      g_signal_connect_object (row, "activated", G_CALLBACK (on_period_alert_activated), page, 0);
    }
  else
    {
      GtkWidget *sync = gtk_button_new_with_mnemonic (_("_Sync Now"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (sync), "app.sync");
      gtk_widget_set_valign (sync, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sync);
    }
  set_subtitle (row, alert, office, annotations, period);
  return row;
}

const char *
daftar_overview_alert_page (DaftarAlertKind kind)
{
  switch (kind)
    {
    case DAFTAR_ALERT_READ_RATE_BELOW_TARGET:
      return "notices";
    case DAFTAR_ALERT_OUT_OF_TURN_BREACHED:
    case DAFTAR_ALERT_CROWDING_BREACHED:
    case DAFTAR_ALERT_RATING_BELOW_TARGET:
      return "care";
    case DAFTAR_ALERT_WAIT_BREACHED:
    case DAFTAR_ALERT_SERVICE_LEVEL_BREACHED:
    /* The sync's state shows in the header, over any page. */
    case DAFTAR_ALERT_SYNC_STALE:
    case DAFTAR_ALERT_SYNC_FAILED:
    default:
      return "shifts";
    }
}

static void
on_rollup_open (DaftarAlertRollupRow *row,
                const DaftarPeriod   *period,
                int                   shift,
                DaftarOverviewPage   *page)
{
  daftar_overview_page_open (page, daftar_overview_alert_page (daftar_alert_rollup_row_get_rollup (row)->kind),
                             period, shift);
}

void
daftar_overview_fill_alerts (DaftarOverviewPage *page,
                             GtkListBox         *list,
                             GPtrArray          *alerts,
                             GPtrArray          *rollups,
                             GPtrArray          *annotations,
                             GPtrArray          *offices,
                             gboolean            name_offices,
                             const DaftarPeriod *period,
                             gint64              now)
{
  clear_list (list);

  /* The rows take the alerts and roll-ups: the arrays let go of them. */
  g_ptr_array_set_free_func (alerts, NULL);
  g_ptr_array_set_free_func (rollups, NULL);
  for (guint i = 0; i < alerts->len; i++)
    {
      DaftarAlert *alert = g_ptr_array_index (alerts, i);
      const char *office = name_offices && alert->office_code != NULL
                             ? office_name (offices, alert->office_code) : NULL;

      gtk_list_box_append (list, alert_row_new (page, alert, office, annotations, period, now));
    }
  for (guint i = 0; i < rollups->len; i++)
    {
      DaftarAlertRollup *rollup = g_ptr_array_index (rollups, i);
      const char *office = name_offices ? office_name (offices, rollup->office_code) : NULL;
      GtkWidget *row = daftar_alert_rollup_row_new (rollup, office, annotations, period);

      g_signal_connect_object (row, "open", G_CALLBACK (on_rollup_open), page, 0);
      g_signal_connect_object (row, "edit-note", G_CALLBACK (daftar_overview_page_edit_note), page, G_CONNECT_SWAPPED);
      gtk_list_box_append (list, row);
    }
  g_ptr_array_set_size (alerts, 0);
  g_ptr_array_set_size (rollups, 0);

  if (gtk_widget_get_first_child (GTK_WIDGET (list)) == NULL)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No alerts"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Every shift met the standards of waiting and client care, and the figures are up to date."));
      gtk_widget_add_css_class (icon, "success");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (list, row);
    }
}

void
daftar_overview_refresh_notes (GtkListBox *list)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const DaftarAlert *alert = g_object_get_data (G_OBJECT (row), "alert");

      if (DAFTAR_IS_ALERT_ROLLUP_ROW (row))
        daftar_alert_rollup_row_refresh_notes (DAFTAR_ALERT_ROLLUP_ROW (row));
      else if (alert != NULL)
        set_subtitle (row, alert, g_object_get_data (G_OBJECT (row), "office"),
                      g_object_get_data (G_OBJECT (row), "annotations"),
                      g_object_get_data (G_OBJECT (row), "period"));
    }
}

/* ---- comparison of offices ------------------------------------------- */

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
attach_cell (GtkGrid    *grid,
             const char *text,
             int         column,
             int         row,
             gboolean    header)
{
  GtkWidget *label = gtk_label_new (text);

  /* Names start at the start edge, figures line up at the end edge; GTK
   * mirrors xalign in right-to-left. */
  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0 : 1.0);
  gtk_label_set_wrap (GTK_LABEL (label), header);
  gtk_label_set_max_width_chars (GTK_LABEL (label), header ? 14 : -1);
  gtk_widget_set_hexpand (label, column == 0);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  else if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static char *
format_or_dash (double value,
                char *(*format) (double, int),
                int    digits)
{
  /* Nothing measured: an em dash rather than a zero that looks like a result. */
  return isnan (value) ? g_strdup ("—") : format (value, digits);
}

void
daftar_overview_fill_comparison (DaftarChartFrame      *frame,
                                 GtkGrid               *grid,
                                 GPtrArray             *figures,
                                 const DaftarStandards *standards)
{
  const char *headers[] = {
    _("Office"), _("Cases filed"),
    daftar_label (DAFTAR_TYPE_CASE_KIND, DAFTAR_CASE_KIND_SANA_REGISTRATION, DAFTAR_LABEL_PLURAL),
    _("Clients served"),
    _("Mean wait"), _("Served within the standard wait"), _("E-notice read rate"),
  };
  g_autoptr(DaftarChartSeries) waits = daftar_chart_series_new (_("Mean wait"));
  g_autoptr(DaftarChartSeries) target = daftar_chart_series_new (C_("chart", "Standard"));
  DaftarChart *chart = daftar_chart_frame_get_chart (frame);

  clear_grid (grid);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    attach_cell (grid, headers[c], c, 0, TRUE);

  for (guint i = 0; i < figures->len; i++)
    {
      const DaftarOfficeFigures *f = g_ptr_array_index (figures, i);
      g_autofree char *cases = daftar_format_int (f->cases);
      g_autofree char *sana = daftar_format_int (f->sana_registrations);
      g_autofree char *served = daftar_format_int (f->tickets_served);
      g_autofree char *wait = format_or_dash (f->wait_mean_minutes, daftar_format_minutes, 1);
      g_autofree char *within = format_or_dash (f->served_within_target, daftar_format_percent, 0);
      g_autofree char *read = format_or_dash (f->e_read_rate, daftar_format_percent, 0);
      const char *cells[] = { f->name, cases, sana, served, wait, within, read };

      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        attach_cell (grid, cells[c], c, i + 1, FALSE);

      daftar_chart_series_append_category (waits, i, f->name, f->wait_mean_minutes);
      daftar_chart_series_append_category (target, i, f->name, standards->target_wait_minutes);
    }

  daftar_chart_set_series (chart, waits);
  daftar_chart_add_series (chart, target);
  daftar_chart_set_fraction_digits (chart, 1);
  daftar_chart_frame_set_category_title (frame, _("Office"));
}
