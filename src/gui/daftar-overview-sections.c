/* daftar-overview-sections.c: the Overview's alerts list and its comparison of offices. */
#define G_LOG_DOMAIN "daftar-overview"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <adwaita.h>

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

static GtkWidget *
alert_row_new (const DaftarAlert *alert,
               const char        *office,
               gint64             now)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *severity;
  g_autofree char *title = daftar_overview_alert_title (alert, now);
  /* An office without a name yet is shown by its Latin code, which must
   * not turn the Persian line around it left to right. */
  g_autoptr(GString) subtitle = g_string_new (NULL);

  /* Office names and sync messages are data, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (icon, alert->severity == DAFTAR_ALERT_CRITICAL ? "error" : "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (office != NULL)
    {
      g_autofree char *isolated = daftar_text_isolate (office);

      g_string_append (subtitle, isolated);
    }
  if (alert->kind == DAFTAR_ALERT_READ_RATE_BELOW_TARGET)
    {
      g_autofree char *days = daftar_format_int (DAFTAR_ALERTS_READ_RATE_MIN_AGE_DAYS);

      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, ngettext ("Notices of the last %s day are left out: they have had no time to be viewed yet.",
                                                  "Notices of the last %s days are left out: they have had no time to be viewed yet.",
                                                  DAFTAR_ALERTS_READ_RATE_MIN_AGE_DAYS),
                              days);
    }
  else if (alert->kind == DAFTAR_ALERT_SYNC_FAILED && alert->detail != NULL)
    g_string_append (subtitle, alert->detail);
  if (subtitle->len > 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  /* The severity in words as well as in colour. */
  severity = gtk_label_new (alert->severity == DAFTAR_ALERT_CRITICAL
                              ? C_("alert severity", "Serious")
                              : C_("alert severity", "Warning"));
  gtk_widget_add_css_class (severity, alert->severity == DAFTAR_ALERT_CRITICAL ? "error" : "warning");
  gtk_widget_set_valign (severity, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), severity);
  return row;
}

void
daftar_overview_fill_alerts (GtkListBox *list,
                             GPtrArray  *alerts,
                             guint       n_omitted,
                             GPtrArray  *offices,
                             gboolean    name_offices,
                             gint64      now)
{
  clear_list (list);

  for (guint i = 0; alerts != NULL && i < alerts->len; i++)
    {
      const DaftarAlert *alert = g_ptr_array_index (alerts, i);
      const char *office = name_offices && alert->office_code != NULL
                             ? office_name (offices, alert->office_code) : NULL;

      gtk_list_box_append (list, alert_row_new (alert, office, now));
    }

  if (n_omitted > 0)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *count = daftar_format_int (n_omitted);
      /* Translators: %s is a number; the list above shows the newest breaches */
      g_autofree char *title = g_strdup_printf (ngettext ("And %s more breach of the standards in this period",
                                                          "And %s more breaches of the standards in this period",
                                                          n_omitted), count);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (list, row);
    }

  if (alerts == NULL || alerts->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No alerts"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Every shift met the wait standards and the figures are up to date."));
      gtk_widget_add_css_class (icon, "success");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (list, row);
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
