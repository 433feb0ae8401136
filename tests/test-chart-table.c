/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-table.c: a chart's table leaves the window — Save as CSV gives a file Python's csv module reads with the series' numbers, Copy puts the same table on the clipboard, and a file that cannot be written says so. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "daftar-charts.h"
#include "daftar-format.h"
#include "daftar-i18n.h"
#include "daftar-test-util.h"

/* Values with at most six fraction digits, as the file keeps them, one of
 * them missing, and labels a spreadsheet could take for a formula. */
static const double petitions[] = { 12, 30.5, 0.913, 1234567, NAN };
static const double briefs[] = { 1, 2.25, 3, 4, 5 };
static const char * const labels[] = { "آبان", "=1+1", "آذر، دی", "week \"7\"", "-2" };

static DaftarChartSeries *
make_series (const char   *name,
             const double *values)
{
  DaftarChartSeries *series = daftar_chart_series_new (name);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    daftar_chart_series_append_category (series, i, labels[i], values[i]);
  return series;
}

static GtkWidget *
make_frame (void)
{
  g_autoptr(DaftarChartSeries) first = make_series ("دادخواست", petitions);
  g_autoptr(DaftarChartSeries) second = make_series ("Brief", briefs);
  GtkWidget *chart = daftar_bar_chart_new ();
  GtkWidget *frame = daftar_chart_frame_new ("پرونده‌ها به تفکیک نوع", DAFTAR_CHART (chart));

  daftar_chart_add_series (DAFTAR_CHART (chart), first);
  daftar_chart_add_series (DAFTAR_CHART (chart), second);
  daftar_chart_frame_set_category_title (DAFTAR_CHART_FRAME (frame), "نوع");
  return g_object_ref_sink (frame);
}

/* What Python's csv module reads from @path, its digits made Latin: a
 * spreadsheet's view of the file. */
static JsonArray *
python_reads (const char *path)
{
  static const char script[] =
    "import csv, json, sys\n"
    "raw = open(sys.argv[1], 'rb').read()\n"
    "assert raw.startswith(b'\\xef\\xbb\\xbf'), 'no byte order mark'\n"
    "latin = str.maketrans('۰۱۲۳۴۵۶۷۸۹٫', '0123456789.')\n"
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
    "    rows = list(csv.reader(f, strict=True))\n"
    "out = [rows[0]]\n"
    "for row in rows[1:]:\n"
    "    out.append([row[0]] + [float(c.translate(latin)) if c else None for c in row[1:]])\n"
    "print(json.dumps(out))\n";
  const char *argv[] = { "python3", "-c", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("python: %s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  node = json_from_string (out, &error);
  g_assert_no_error (error);
  return json_array_ref (json_node_get_array (node));
}

static void
check_saved (DaftarFormatDigits digits,
             const char        *digit)
{
  GtkWidget *frame = make_frame ();
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "table.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) rows = NULL;
  g_autofree char *contents = NULL;
  JsonArray *header;

  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_PERSIAN, digits, DAFTAR_FORMAT_CALENDAR_JALALI);
  g_assert_true (daftar_chart_frame_save_table (DAFTAR_CHART_FRAME (frame), file, &error));
  g_assert_no_error (error);

  /* The digits of Preferences. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, digit));

  rows = python_reads (path);
  g_assert_cmpuint (json_array_get_length (rows), ==, 1 + G_N_ELEMENTS (labels));
  header = json_array_get_array_element (rows, 0);
  g_assert_cmpuint (json_array_get_length (header), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (header, 0), ==, "نوع");
  g_assert_cmpstr (json_array_get_string_element (header, 1), ==, "دادخواست");
  g_assert_cmpstr (json_array_get_string_element (header, 2), ==, "Brief");
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      JsonArray *row = json_array_get_array_element (rows, i + 1);
      const char *label = json_array_get_string_element (row, 0);

      g_assert_cmpuint (json_array_get_length (row), ==, 3);
      /* A label that would run as a formula is kept as text. */
      if (labels[i][0] == '=' || labels[i][0] == '-')
        {
          g_assert_cmpint (label[0], ==, '\'');
          g_assert_cmpstr (label + 1, ==, labels[i]);
        }
      else
        g_assert_cmpstr (label, ==, labels[i]);
      if (isnan (petitions[i]))
        g_assert_true (json_array_get_null_element (row, 1));
      else
        g_assert_cmpfloat (json_array_get_double_element (row, 1), ==, petitions[i]);
      g_assert_cmpfloat (json_array_get_double_element (row, 2), ==, briefs[i]);
    }

  daftar_test_tmpdir_free (g_steal_pointer (&dir));
  g_assert_finalize_object (frame);
}

static void
test_save_csv (void)
{
  check_saved (DAFTAR_FORMAT_DIGITS_PERSIAN, "۱۲۳۴۵۶۷");
  check_saved (DAFTAR_FORMAT_DIGITS_LATIN, "1234567");
}

/* A file that cannot be written: a clear error naming it, and no file. */
static void
test_save_unwritable (void)
{
  GtkWidget *frame = make_frame ();
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *blocker = g_build_filename (dir, "a-file", NULL);
  g_autofree char *path = g_build_filename (blocker, "table.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  /* Under a file even root cannot write. */
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  g_assert_false (daftar_chart_frame_save_table (DAFTAR_CHART_FRAME (frame), file, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  daftar_test_tmpdir_free (g_steal_pointer (&dir));
  g_assert_finalize_object (frame);
}

static void
text_read (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  char **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  if (*out == NULL)
    *out = g_strdup ("");
}

static void
stream_read (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GInputStream **out = user_data;
  g_autoptr(GError) error = NULL;
  const char *mime = NULL;

  *out = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, &mime, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mime, ==, "text/csv");
}

static void
spliced (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* Copy: the table as tab-separated text, and as CSV for a program that
 * asks for it, on the clipboard. */
static void
test_copy (void)
{
  static const char * const csv_type[] = { "text/csv", NULL };
  GtkWidget *frame = make_frame ();
  GtkWidget *window = gtk_window_new ();
  GdkClipboard *clipboard = gtk_widget_get_clipboard (frame);
  g_autofree char *tsv = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  gboolean done = FALSE;
  GtkWidget *actions = GTK_WIDGET (gtk_widget_get_template_child (frame, DAFTAR_TYPE_CHART_FRAME, "table_actions"));
  gsize csv_length = 0;

  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_PERSIAN, DAFTAR_FORMAT_DIGITS_PERSIAN, DAFTAR_FORMAT_CALENDAR_JALALI);
  gtk_window_set_child (GTK_WINDOW (window), frame);
  gtk_window_present (GTK_WINDOW (window));

  /* The buttons are there with the table, not with the chart. */
  g_assert_nonnull (actions);
  g_assert_false (gtk_widget_get_visible (actions));
  daftar_chart_frame_set_show_table (DAFTAR_CHART_FRAME (frame), TRUE);
  g_assert_true (gtk_widget_get_visible (actions));

  tsv = daftar_chart_frame_get_table_text (DAFTAR_CHART_FRAME (frame), DAFTAR_TABLE_TEXT_TSV, NULL);
  csv = daftar_chart_frame_get_table_text (DAFTAR_CHART_FRAME (frame), DAFTAR_TABLE_TEXT_CSV, &csv_length);
  g_assert_true (g_str_has_prefix (tsv, "نوع\tدادخواست\tBrief\nآبان\t۱۲\t۱\n'=1+1\t۳۰٫۵\t۲٫۲۵\n"));
  /* "-2" as a label is marked as text, a missing value an empty cell. */
  g_assert_null (strstr (tsv, "\n-2\t"));
  g_assert_nonnull (strstr (tsv, "\n'-2\t\t۵\n"));

  g_assert_true (gtk_widget_activate_action (frame, "table.copy", NULL));
  gdk_clipboard_read_text_async (clipboard, NULL, text_read, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (text, ==, tsv);

  gdk_clipboard_read_async (clipboard, (const char **) csv_type, G_PRIORITY_DEFAULT, NULL, stream_read, &stream);
  while (stream == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* The clipboard writes the other end of the pipe on this thread. */
  g_output_stream_splice_async (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, spliced, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  /* The file's text without its byte order mark. */
  g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)),
                   csv + 3, csv_length - 3);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (frame);
}

/* The suggested file name: the title and the period, no folder in it. */
static void
test_file_name (void)
{
  GtkWidget *frame = make_frame ();
  GDate from, to;
  g_autofree char *untimed = NULL;
  g_autofree char *name = NULL;

  daftar_chart_frame_set_title (DAFTAR_CHART_FRAME (frame), "مراجعه‌کنندگان/ساعت");
  untimed = daftar_chart_frame_get_file_name (DAFTAR_CHART_FRAME (frame));
  g_assert_cmpstr (untimed, ==, "مراجعه‌کنندگان-ساعت.csv");

  /* 1405-08-01 to 1405-08-30 */
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 23, G_DATE_OCTOBER, 2026);
  g_date_set_dmy (&to, 21, G_DATE_NOVEMBER, 2026);
  daftar_chart_frame_set_period (DAFTAR_CHART_FRAME (frame), &from, &to);
  name = daftar_chart_frame_get_file_name (DAFTAR_CHART_FRAME (frame));
  g_test_message ("%s", name);
  g_assert_true (g_str_has_prefix (name, "مراجعه‌کنندگان-ساعت"));
  g_assert_nonnull (strstr (name, "1405-08-01"));
  g_assert_nonnull (strstr (name, "1405-08-30"));
  g_assert_true (g_str_has_suffix (name, ".csv"));
  g_assert_null (strchr (name, '/'));

  g_assert_finalize_object (frame);
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

/* The table with its buttons and a status under it, drawn to
 * chart-table-LANG.png for a reviewer's eye: something is drawn, and the
 * buttons sit at the end of the title's row in the text's direction. */
static void
test_render (void)
{
  gboolean rtl = daftar_i18n_is_persian ();
  GtkWidget *frame = make_frame ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *actions = GTK_WIDGET (gtk_widget_get_template_child (frame, DAFTAR_TYPE_CHART_FRAME, "table_actions"));
  GtkWidget *status = GTK_WIDGET (gtk_widget_get_template_child (frame, DAFTAR_TYPE_CHART_FRAME, "status_label"));
  g_autofree char *name = g_strdup_printf ("chart-table-%s.png", rtl ? "fa" : "en");
  g_autofree char *saved = g_strdup_printf (_("Saved “%s”"), "table.csv");
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GtkWidget *title = GTK_WIDGET (gtk_widget_get_template_child (frame, DAFTAR_TYPE_CHART_FRAME, "title_label"));
  graphene_point_t at, title_at;
  guint frames = 0;
  guint id;

  gtk_widget_set_default_direction (rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  daftar_chart_frame_set_show_table (DAFTAR_CHART_FRAME (frame), TRUE);
  gtk_label_set_text (GTK_LABEL (status), saved);
  gtk_widget_set_visible (status, TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 360);
  gtk_window_set_child (GTK_WINDOW (window), frame);
  gtk_window_present (GTK_WINDOW (window));
  id = gtk_widget_add_tick_callback (window, count_frame, &frames, NULL);
  while (frames < 3)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (window, id);

  g_assert_true (gtk_widget_compute_point (actions, frame, &GRAPHENE_POINT_INIT (0, 0), &at));
  g_assert_true (gtk_widget_compute_point (title, frame, &GRAPHENE_POINT_INIT (0, 0), &title_at));
  if (rtl)
    g_assert_cmpfloat (at.x, <, title_at.x);
  else
    g_assert_cmpfloat (at.x, >, title_at.x);

  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window), gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (window), gtk_widget_get_height (window)));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("rendered %s", path);

  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (frame);
}

int
main (int   argc,
      char *argv[])
{
  /* The session's language (DAFTAR_TEST_LANGUAGE: fa or en for the
   * pictures); the digits each test sets itself. */
  daftar_i18n_force (g_getenv ("DAFTAR_TEST_LANGUAGE"));
  daftar_i18n_init ();

  gtk_test_init (&argc, &argv, NULL);
  /* The application's look: libadwaita's stylesheet. */
  adw_init ();
  g_test_add_func ("/chart-table/save-csv", test_save_csv);
  g_test_add_func ("/chart-table/save-unwritable", test_save_unwritable);
  g_test_add_func ("/chart-table/copy", test_copy);
  g_test_add_func ("/chart-table/file-name", test_file_name);
  g_test_add_func ("/chart-table/render", test_render);
  return g_test_run ();
}
