/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-chart-frame-export.c: a chart's table leaves the window — copied to the clipboard, or saved as a CSV file. */
#define G_LOG_DOMAIN "daftar-charts"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "daftar-chart-frame-private.h"
#include "daftar-format.h"
#include "daftar-text.h"

#define CHOOSER_KEY "daftar-save-chooser"
/* Enough for every figure a chart holds: the file has the series' own
 * numbers, not the rounded ones of the screen. */
#define FILE_FRACTION_DIGITS 6

char *
daftar_chart_frame_get_table_text (DaftarChartFrame      *self,
                                   DaftarTableTextFormat  format,
                                   gsize                 *out_length)
{
  g_autoptr(DaftarTableText) table = daftar_table_text_new (format);
  DaftarChart *chart;
  guint n_series;
  DaftarChartSeries *first;
  const char *text;
  gsize length;

  g_return_val_if_fail (DAFTAR_IS_CHART_FRAME (self), NULL);

  chart = daftar_chart_frame_get_chart (self);
  n_series = chart != NULL ? daftar_chart_get_n_series (chart) : 0;

  /* The same headers as the table on screen, in the UI's language. */
  daftar_table_text_add_text (table, daftar_chart_frame_label_header (self));
  for (guint s = 0; s < n_series; s++)
    daftar_table_text_add_text (table, daftar_chart_frame_series_header (self, s));
  daftar_table_text_end_row (table);

  /* Rows follow the first series, as the table's model does. */
  first = n_series > 0 ? daftar_chart_get_series (chart, 0) : NULL;
  for (guint i = 0; first != NULL && i < daftar_chart_series_get_n_points (first); i++)
    {
      daftar_table_text_add_text (table, daftar_chart_series_get_label (first, i));
      for (guint s = 0; s < n_series; s++)
        {
          DaftarChartSeries *series = daftar_chart_get_series (chart, s);

          daftar_table_text_add_number (table,
                                        i < daftar_chart_series_get_n_points (series)
                                          ? daftar_chart_series_get_value (series, i) : NAN,
                                        FILE_FRACTION_DIGITS);
        }
      daftar_table_text_end_row (table);
    }

  text = daftar_table_text_peek (table, &length);
  if (out_length != NULL)
    *out_length = length;
  return g_strndup (text, length);
}

void
daftar_chart_frame_copy_table (DaftarChartFrame *self)
{
  g_autofree char *tsv = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GBytes) csv_bytes = NULL;
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) content = NULL;
  gsize csv_length = 0;

  g_return_if_fail (DAFTAR_IS_CHART_FRAME (self));

  tsv = daftar_chart_frame_get_table_text (self, DAFTAR_TABLE_TEXT_TSV, NULL);
  csv = daftar_chart_frame_get_table_text (self, DAFTAR_TABLE_TEXT_CSV, &csv_length);
  /* The clipboard's type says UTF-8: the file's byte order mark stays out. */
  g_assert (csv_length >= 3);
  csv_bytes = g_bytes_new (csv + 3, csv_length - 3);

  /* A spreadsheet takes the tab-separated text as cells; a program that
   * asks for CSV gets CSV. */
  providers[0] = gdk_content_provider_new_typed (G_TYPE_STRING, tsv);
  providers[1] = gdk_content_provider_new_for_bytes ("text/csv", csv_bytes);
  content = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), content);
}

gboolean
daftar_chart_frame_save_table (DaftarChartFrame  *self,
                               GFile             *file,
                               GError           **error)
{
  g_autofree char *csv = NULL;
  gsize length = 0;

  g_return_val_if_fail (DAFTAR_IS_CHART_FRAME (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  csv = daftar_chart_frame_get_table_text (self, DAFTAR_TABLE_TEXT_CSV, &length);
  return daftar_table_text_save (file, csv, length, error);
}

static void
jalali_day (const GDate *day,
            char         out[16])
{
  DaftarJalaliDate j = { 0 };

  daftar_jalali_from_gdate (day, &j);
  g_snprintf (out, 16, "%04d-%02d-%02d", j.year, j.month, j.day);
}

char *
daftar_chart_frame_get_file_name (DaftarChartFrame *self)
{
  g_autofree char *title = NULL;
  GDate from, to;
  char first[16], last[16];

  g_return_val_if_fail (DAFTAR_IS_CHART_FRAME (self), NULL);

  title = daftar_text_printable (daftar_chart_frame_get_title (self), -1);
  if (title == NULL || title[0] == '\0')
    {
      g_free (title);
      /* Translators: the suggested file name of a chart's table without a title */
      title = g_strdup (C_("csv file name", "table"));
    }
  /* A title such as «مراجعه‌کنندگان/ساعت» must not name a folder. */
  g_strdelimit (title, "/\\", '-');

  if (!daftar_chart_frame_get_period (self, &from, &to))
    return g_strdup_printf ("%s.csv", title);
  jalali_day (&from, first);
  jalali_day (&to, last);
  if (g_date_compare (&from, &to) == 0)
    /* Translators: the suggested file name of a chart's table: the chart's
     * title and the (Jalali) day; keep .csv */
    return g_strdup_printf (C_("csv file name", "%s, %s.csv"), title, first);
  /* Translators: the suggested file name of a chart's table: the chart's
   * title, the first and the last (Jalali) day; keep .csv */
  return g_strdup_printf (C_("csv file name", "%s, %s to %s.csv"), title, first, last);
}

static void
show_status (DaftarChartFrame *self,
             const char       *message)
{
  GtkWidget *label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), DAFTAR_TYPE_CHART_FRAME, "status_label"));
  g_autofree char *shown = daftar_text_printable (message, -1);

  gtk_label_set_text (GTK_LABEL (label), shown);
  gtk_widget_set_visible (label, message != NULL && message[0] != '\0');
}

static void
on_chooser_response (GtkNativeDialog  *chooser,
                     int               response,
                     DaftarChartFrame *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    {
      if (daftar_chart_frame_save_table (self, file, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = NULL;

          /* Translators: shown under a chart's table once it was saved */
          message = g_strdup_printf (_("Saved “%s”"), name);
          show_status (self, message);
        }
      else
        show_status (self, error->message);
    }
  /* The last reference: the chooser is done. */
  g_object_set_data (G_OBJECT (self), CHOOSER_KEY, NULL);
}

void
daftar_chart_frame_save_table_ask (DaftarChartFrame *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (g_object_get_data (G_OBJECT (self), CHOOSER_KEY) != NULL)
    return;

  show_status (self, NULL);
  gtk_file_filter_set_name (filter, _("CSV spreadsheets"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  chooser = gtk_file_chooser_native_new (_("Save Table as CSV"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         C_("save dialog", "_Save"), C_("save dialog", "_Cancel"));
  g_object_set_data_full (G_OBJECT (self), CHOOSER_KEY, chooser, g_object_unref);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = daftar_chart_frame_get_file_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
