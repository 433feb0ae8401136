/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-notifications.c: what a notification after a sync announces, without a display — the breaches of a demo office once, then only a new one; a failed sync once per streak; a stale sync once per spell. */
#include "config.h"

#include <string.h>

#include "daftar-demo.h"
#include "daftar-notifications.h"
#include "daftar-test-util.h"
#include "daftar-time.h"

typedef struct
{
  char       *dir;
  DaftarDb   *db;
  DaftarDemo *demo;
  const char *office;
  gint64      now;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate last;

  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 30, G_DATE_APRIL, 2025);
  f->db = daftar_test_db_new (&f->dir);
  f->demo = daftar_demo_new (16, 1, 30, &last);
  g_assert_true (daftar_demo_fill_database (f->demo, f->db, 2000, NULL, &error));
  g_assert_no_error (error);
  f->office = daftar_demo_get_office_code (f->demo, 0);
  f->now = daftar_demo_get_now (f->demo);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  daftar_demo_free (f->demo);
  daftar_db_close (f->db);
  daftar_test_tmpdir_free (f->dir);
}

static DaftarNotification *
take (Fixture *f,
      gint64   now)
{
  g_autoptr(GError) error = NULL;
  DaftarNotification *notification = daftar_notifications_take_new (f->db, f->office, now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (notification);
  return notification;
}

static guint
n_new_days (const DaftarNotification *notification)
{
  guint n = 0;

  for (guint i = 0; i < notification->breaches->len; i++)
    n += ((DaftarNotifiedBreach *) g_ptr_array_index (notification->breaches, i))->n_new_days;
  return n;
}

static void
test_breaches (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(DaftarNotification) first = take (f, f->now);
  g_autoptr(DaftarNotification) again = NULL;
  g_autoptr(DaftarNotification) before = NULL;
  g_autoptr(DaftarNotification) news = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GDate newest;

  /* The first sync: the week's breaches, grouped by standard and shift. */
  g_assert_false (daftar_notification_is_empty (first));
  g_assert_cmpuint (first->breaches->len, >, 0);
  /* At most one per standard judged by shift (the two of waiting, out of
   * turn and crowding) and shift. */
  g_assert_cmpuint (first->breaches->len, <=, 4 * DAFTAR_N_SHIFTS);
  g_assert_false (first->sync_failed);
  g_assert_false (first->sync_stale);
  title = daftar_notification_get_title (first);
  body = daftar_notification_get_body (first);
  g_test_message ("%s: %s", title, body);
  g_assert_nonnull (strstr (title, "not met recently"));
  g_assert_nonnull (strstr (body, "shift"));
  g_assert_true (g_str_equal (daftar_notification_get_alert (first), "wait") ||
                 g_str_equal (daftar_notification_get_alert (first), "service_level"));

  /* The same set again: nothing. */
  again = take (f, f->now);
  g_assert_true (daftar_notification_is_empty (again));
  g_assert_null (daftar_notification_get_title (again));

  /* As if the newest breached day had not been synced yet... */
  g_date_clear (&newest, 1);
  for (guint i = 0; i < first->breaches->len; i++)
    {
      DaftarNotifiedBreach *breach = g_ptr_array_index (first->breaches, i);

      if (!g_date_valid (&newest) || g_date_compare (&breach->newest_day, &newest) > 0)
        newest = breach->newest_day;
    }
  g_assert_true (daftar_db_exec (f->db, "DELETE FROM notified", NULL));
  before = take (f, daftar_time_day_start (&newest) - 1);
  for (guint i = 0; i < before->breaches->len; i++)
    g_assert_cmpint (g_date_compare (&((DaftarNotifiedBreach *) g_ptr_array_index (before->breaches, i))->newest_day, &newest), <, 0);

  /* ...then synced: only that day's breaches are news. */
  news = take (f, f->now);
  g_assert_cmpuint (news->breaches->len, >, 0);
  for (guint i = 0; i < news->breaches->len; i++)
    {
      DaftarNotifiedBreach *breach = g_ptr_array_index (news->breaches, i);

      g_assert_cmpint (g_date_compare (&breach->newest_day, &newest), ==, 0);
      g_assert_cmpuint (breach->n_new_days, ==, 1);
    }
  g_assert_cmpuint (n_new_days (news), <, n_new_days (first));
}

static void
log_run (Fixture    *f,
         gint64      started_at,
         const char *result,
         const char *message)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO sync_log (started_at, finished_at, server, office_code, result, message) "
    "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'https://central.example', '%s', '%s', %s)",
    started_at, started_at + 5, f->office, result, message);
  g_autoptr(GError) error = NULL;

  g_assert_true (daftar_db_exec (f->db, sql, &error));
  g_assert_no_error (error);
}

static void
test_sync_failed (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(DaftarNotification) failed = NULL;
  g_autoptr(DaftarNotification) same = NULL;
  g_autoptr(DaftarNotification) streak = NULL;
  g_autoptr(DaftarNotification) next = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  g_autoptr(DaftarNotification) breaches = take (f, f->now);
  log_run (f, f->now - 3600, "ok", "NULL");
  log_run (f, f->now - 600, "network", "'Server unreachable\x1b[2J'");

  failed = take (f, f->now);
  g_assert_true (failed->sync_failed);
  g_assert_false (failed->sync_stale);
  g_assert_cmpuint (failed->breaches->len, ==, 0);
  g_assert_cmpstr (daftar_notification_get_alert (failed), ==, "sync_failed");
  title = daftar_notification_get_title (failed);
  body = daftar_notification_get_body (failed);
  g_test_message ("%s: %s", title, body);
  g_assert_cmpstr (title, ==, "Sync with the central server failed");
  g_assert_nonnull (strstr (body, "Server unreachable"));
  /* The server's words reach the desktop without their escape. */
  g_assert_null (strchr (body, '\x1b'));

  same = take (f, f->now);
  g_assert_true (daftar_notification_is_empty (same));
  /* Another failure of the same streak: still nothing. */
  log_run (f, f->now - 300, "network", "'Server unreachable'");
  streak = take (f, f->now);
  g_assert_true (daftar_notification_is_empty (streak));
  /* A success ends the streak; the next failure is a new one. */
  log_run (f, f->now - 200, "ok", "NULL");
  log_run (f, f->now - 100, "auth", "NULL");
  next = take (f, f->now);
  g_assert_true (next->sync_failed);
  g_assert_cmpstr (next->sync_detail, ==, "auth");
}

static void
test_sync_stale (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(DaftarNotification) breaches = take (f, f->now);
  g_autoptr(DaftarNotification) stale = NULL;
  g_autoptr(DaftarNotification) same = NULL;
  g_autoptr(DaftarNotification) fresh = NULL;
  g_autoptr(DaftarNotification) again = NULL;
  g_autofree char *body = NULL;
  gint64 last_ok = f->now - 3600;
  gint64 later = f->now + 2 * 24 * 3600;

  log_run (f, last_ok, "ok", "NULL");
  /* Two days on, no sync succeeded: stale, once. */
  stale = take (f, later);
  g_assert_true (stale->sync_stale);
  g_assert_false (stale->sync_failed);
  /* When it finished. */
  g_assert_cmpint (stale->last_success, ==, last_ok + 5);
  body = daftar_notification_get_body (stale);
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, "No successful sync since"));
  same = take (f, later + 3600);
  g_assert_true (daftar_notification_is_empty (same));

  /* A sync succeeds, then nothing for two days more: a new spell. */
  log_run (f, later, "ok", "NULL");
  fresh = take (f, later + 60);
  g_assert_false (fresh->sync_stale);
  again = take (f, later + 3 * 24 * 3600);
  g_assert_true (again->sync_stale);
  g_assert_cmpint (again->last_success, ==, later + 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/notifications/breaches", Fixture, NULL, fixture_set_up, test_breaches, fixture_tear_down);
  g_test_add ("/notifications/sync-failed", Fixture, NULL, fixture_set_up, test_sync_failed, fixture_tear_down);
  g_test_add ("/notifications/sync-stale", Fixture, NULL, fixture_set_up, test_sync_stale, fixture_tear_down);
  return g_test_run ();
}
