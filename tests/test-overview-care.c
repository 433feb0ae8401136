/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-overview-care.c: the Overview's alerts of the client-care standards in Persian in the real window, on hand-built days — out of turn and crowding rolled up per shift, the mean rating — each opening the page of its figures and carrying a note. */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "daftar-alert-rollup-row.h"
#include "daftar-annotation-dialog.h"
#include "daftar-db-worker.h"
#include "daftar-i18n.h"
#include "daftar-ingest.h"
#include "daftar-overview-page.h"
#include "daftar-screenshot.h"
#include "daftar-style.h"
#include "daftar-test-gtk.h"
#include "daftar-test-page-fixture.h"
#include "daftar-test-util.h"
#include "daftar-time.h"
#include "daftar-window.h"

#define OFFICE "YZ-ABK-01"

/* A brief ticket served at once at counter 1. */
/* A subtitle as read: without its direction marks (kept for the tests'
 * lifetime, as the rows keep theirs). */
static const char *
seen (const char *text)
{
  static GPtrArray *kept;

  if (kept == NULL)
    kept = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (kept, daftar_test_without_marks (text));
  return g_ptr_array_index (kept, kept->len - 1);
}

static void
add_ticket (GString    *changes,
            const char *id,
            const char *day,
            const char *issued,
            const char *called)
{
  g_string_append_printf (changes,
    "{\"entity\": \"ticket\", \"op\": \"upsert\", \"data\": {\"id\": \"%s\", \"office_code\": \"" OFFICE "\", "
    "\"service\": \"brief\", \"issued_at\": \"%sT%s+03:30\", \"called_at\": \"%sT%s+03:30\", "
    "\"started_at\": \"%sT%s+03:30\", \"finished_at\": \"%sT%s+03:30\", \"counter\": 1, \"outcome\": \"served\"}},",
    id, day, issued, day, called, day, called, day, called);
}

/* Saturday 21 November 2026: one of two morning clients served out of
 * turn; Monday the 23rd: 21 clients waiting at once in the morning, each
 * called promptly after the last; the 25th: 40 ratings of 3. */
static DaftarDb *
build_db (char **dir)
{
  DaftarDb *db = daftar_test_db_new (dir);
  g_autoptr(GString) changes = g_string_new ("[{\"entity\": \"office\", \"op\": \"upsert\", "
                                             "\"data\": {\"code\": \"" OFFICE "\", \"name\": \"ابرکوه\"}},");
  g_autoptr(JsonObject) page = NULL;
  g_autoptr(GError) error = NULL;
  DaftarIngestResult result;

  add_ticket (changes, "A1", "2026-11-21", "09:00:00", "09:04:00");
  add_ticket (changes, "A2", "2026-11-21", "09:01:00", "09:02:00");
  for (guint i = 0; i < 21; i++)
    {
      g_autofree char *id = g_strdup_printf ("C%02u", i);
      g_autofree char *issued = g_strdup_printf ("10:00:%02u", i);
      g_autofree char *called = g_strdup_printf ("10:01:%02u", i);

      add_ticket (changes, id, "2026-11-23", issued, called);
    }
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (changes,
      "{\"entity\": \"feedback\", \"op\": \"upsert\", \"data\": {\"id\": \"F%u\", \"office_code\": \"" OFFICE "\", "
      "\"rating\": 3, \"channel\": \"sms\", \"submitted_at\": \"2026-11-25T11:%02u:00+03:30\"}},", i, i);
  g_string_truncate (changes, changes->len - 1);
  g_string_append_c (changes, ']');
  page = daftar_test_page (OFFICE, "c1", changes->str);
  g_assert_true (daftar_ingest_page (db, OFFICE, page, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rejected, ==, 0);
  daftar_ingest_result_clear (&result);
  return db;
}

static void
test_care_alerts (void)
{
  char *dir = NULL;
  DaftarDb *db = build_db (&dir);
  g_autoptr(DaftarDbWorker) worker = daftar_db_worker_new (daftar_db_get_path (db));
  DaftarWindow *window = daftar_window_new (NULL);
  /* Without the Client care page, the Shifts page shows the shift. */
  const char *care_page = NULL;
  DaftarAlertRollupRow *oot = NULL, *crowding = NULL;
  GtkWidget *rating = NULL, *overview, *note_button;
  GtkListBox *list;
  DaftarAnnotationDialog *dialog;
  DaftarPeriod week;
  GDate today;

  g_assert_true (daftar_time_parse_day ("2026-11-21", &week.from));
  g_assert_true (daftar_time_parse_day ("2026-11-27", &week.to));
  week.preset = DAFTAR_PERIOD_CUSTOM;
  today = week.to;
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  daftar_window_set_worker (window, worker);
  daftar_window_set_today (window, &today);
  daftar_window_show_page (window, "overview", &week, NULL);
  daftar_test_window_wait_until_current (window, "overview");
  care_page = daftar_window_get_page (window, "care") != NULL ? "care" : "shifts";

  overview = daftar_window_get_page (window, "overview");
  list = GTK_LIST_BOX (gtk_widget_get_template_child (overview, DAFTAR_TYPE_OVERVIEW_PAGE, "alerts_list"));
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    {
      if (DAFTAR_IS_ALERT_ROLLUP_ROW (row))
        {
          const DaftarAlertRollup *r = daftar_alert_rollup_row_get_rollup (DAFTAR_ALERT_ROLLUP_ROW (row));

          if (r->kind == DAFTAR_ALERT_OUT_OF_TURN_BREACHED)
            oot = DAFTAR_ALERT_ROLLUP_ROW (row);
          else if (r->kind == DAFTAR_ALERT_CROWDING_BREACHED)
            crowding = DAFTAR_ALERT_ROLLUP_ROW (row);
        }
      else if (ADW_IS_ACTION_ROW (row) &&
               strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "میانگین امتیاز رضایت") != NULL)
        rating = row;
    }

  /* In the manager's words and Persian digits. */
  g_assert_nonnull (oot);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (oot)), ==,
                   "شیفت صبح: استاندارد رعایت نوبت در ۱ روز از ۲ روز کاری رعایت نشد");
  g_assert_nonnull (strstr (seen (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (oot))),
                            "۵۰٫۰٪ (۱ از ۲ نوبت فراخوانده‌شده) (استاندارد: حداکثر ۲٫۰٪)"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (daftar_alert_rollup_row_get_open_button (oot)), ==,
                   "نمایش در صفحهٔ تکریم ارباب رجوع");
  g_assert_nonnull (crowding);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (crowding)), ==,
                   "شیفت صبح: در ۱ روز از ۲ روز کاری شمار مراجعه‌کنندگان منتظر از صندلی‌های سالن انتظار بیشتر شد");
  g_assert_nonnull (strstr (seen (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (crowding))),
                            "۲۱ نفر منتظر هم‌زمان (سالن انتظار: ۲۰ صندلی)"));
  g_assert_nonnull (rating);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rating)), ==,
                   "میانگین امتیاز رضایت مراجعه‌کنندگان: ۳٫۰ با ۴۰ امتیاز ثبت‌شده (استاندارد: حداقل ۴٫۰)");
  g_assert_nonnull (strstr (seen (adw_action_row_get_subtitle (ADW_ACTION_ROW (rating))), "دست‌کم ۳۰ امتیاز"));
  {
    GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (overview, DAFTAR_TYPE_OVERVIEW_PAGE,
                                                                                       "scroller"));
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);
    graphene_point_t point;

    /* The alerts at the top of the view. */
    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (list), GTK_WIDGET (scroller), &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + point.y - 60);
    daftar_test_wait_for_frames (GTK_WIDGET (window), 3);
  }
  {
    g_autofree char *png = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                             "overview-care-alerts-fa.png", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_true (daftar_screenshot_save (GTK_WINDOW (window), png, &error));
    g_assert_no_error (error);
  }

  /* A note on the rating, kept as the office's over the period. */
  note_button = g_object_get_data (G_OBJECT (rating), "note-button");
  g_assert_nonnull (note_button);
  g_signal_emit_by_name (note_button, "clicked");
  dialog = daftar_test_find_annotation_dialog ();
  g_assert_nonnull (dialog);
  daftar_annotation_dialog_set_text (dialog, "سامانهٔ پیامک دو روز از کار افتاده بود");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  daftar_test_wait_for_count (db, "SELECT count(*) FROM annotations WHERE kind = 'rating' AND shift = '' "
                      "AND last_day = '2026-11-27'", 1);
  g_assert_nonnull (strstr (seen (adw_action_row_get_subtitle (ADW_ACTION_ROW (rating))),
                            "یادداشت: سامانهٔ پیامک دو روز از کار افتاده بود"));

  /* A note on the out-of-turn morning, through its roll-up. */
  g_signal_emit_by_name (daftar_alert_rollup_row_get_note_button (oot), "clicked");
  dialog = daftar_test_find_annotation_dialog ();
  g_assert_nonnull (dialog);
  daftar_annotation_dialog_set_text (dialog, "به یک مراجعه‌کنندهٔ سالمند زودتر پاسخ داده شد");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  daftar_test_wait_for_count (db, "SELECT count(*) FROM annotations WHERE kind = 'out_of_turn' AND shift = 'morning'", 1);
  /* Its one day carries it, and the roll-up counts it. */
  g_assert_nonnull (strstr (seen (adw_action_row_get_subtitle (g_ptr_array_index (daftar_alert_rollup_row_get_day_rows (oot), 0))),
                            "یادداشت: به یک مراجعه‌کنندهٔ سالمند زودتر پاسخ داده شد"));
  g_assert_nonnull (strstr (seen (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (oot))), "۱ روز از این روزها یادداشت دارد"));

  /* The roll-up opens the page of its figures over the same period. */
  gtk_widget_activate (daftar_alert_rollup_row_get_open_button (crowding));
  daftar_test_window_wait_until_current (window, care_page);
  g_assert_cmpstr (daftar_test_window_visible_page (window), ==, care_page);

  /* The rating, likewise. */
  daftar_window_show_page (window, "overview", NULL, NULL);
  daftar_test_window_wait_until_current (window, "overview");
  g_signal_emit_by_name (rating, "activated");
  daftar_test_window_wait_until_current (window, care_page);
  g_assert_cmpstr (daftar_test_window_visible_page (window), ==, care_page);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&worker);
  daftar_db_close (db);
  daftar_test_tmpdir_free (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  daftar_i18n_force ("fa");
  daftar_i18n_init ();
  adw_init ();
  daftar_style_init ();

  g_test_add_func ("/overview-care/alerts", test_care_alerts);
  return g_test_run ();
}
