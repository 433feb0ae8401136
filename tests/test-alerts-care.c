/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-alerts-care.c: the Overview's alerts of the client-care standards on hand-built days — out of turn and crowding per shift, the mean rating only on enough ratings — raised when breached, not when met, rolled up, and carrying notes. */
#include "config.h"

#include <math.h>

#include "daftar-alerts.h"
#include "daftar-annotations.h"
#include "daftar-ingest.h"
#include "daftar-test-util.h"
#include "daftar-time.h"

#define OFFICE "YZ-ABK-01"

typedef struct
{
  char     *dir;
  DaftarDb *db;
} Fixture;

static void
ingest (DaftarDb   *db,
        const char *cursor,
        GString    *changes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) page = NULL;
  DaftarIngestResult result;

  /* The last element's comma goes. */
  if (changes->len > 1 && changes->str[changes->len - 1] == ',')
    g_string_truncate (changes, changes->len - 1);
  g_string_append_c (changes, ']');
  page = daftar_test_page (OFFICE, cursor, changes->str);
  g_assert_true (daftar_ingest_page (db, OFFICE, page, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rejected, ==, 0);
  daftar_ingest_result_clear (&result);
}

/* A brief ticket of @day issued at @issued and called at @called (local
 * HH:MM:SS), served at once at counter 1. */
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

static void
add_ratings (GString    *changes,
             const char *day,
             int         rating,
             guint       n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_printf (changes,
      "{\"entity\": \"feedback\", \"op\": \"upsert\", \"data\": {\"id\": \"F-%s-%d-%u\", \"office_code\": \"" OFFICE "\", "
      "\"rating\": %d, \"channel\": \"sms\", \"submitted_at\": \"%sT11:%02u:00+03:30\"}},",
      day, rating, i, rating, day, i);
}

/* 21 November 2026 (a Saturday): in the morning ticket 2 is called while
 * ticket 1, issued before it, still waits: one of two called out of turn;
 * the evening serves in turn. 22 November: the morning in turn.
 * 23 November: 21 clients wait at once in the morning, one more than the
 * seats; 24 November: 20, as many as the seats. Ratings: 29 of 2 on the
 * 25th, too few to judge; on the 26th 15 of 4 and 15 of 3, a mean of 3.5;
 * on the 27th 30 of 4, the target. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) changes = g_string_new ("[{\"entity\": \"office\", \"op\": \"upsert\", "
                                             "\"data\": {\"code\": \"" OFFICE "\", \"name\": \"ابرکوه\"}},");

  f->db = daftar_test_db_new (&f->dir);
  add_ticket (changes, "A1", "2026-11-21", "09:00:00", "09:10:00");
  add_ticket (changes, "A2", "2026-11-21", "09:01:00", "09:05:00");
  add_ticket (changes, "A3", "2026-11-21", "16:00:00", "16:05:00");
  add_ticket (changes, "A4", "2026-11-21", "16:01:00", "16:06:00");
  add_ticket (changes, "B1", "2026-11-22", "09:00:00", "09:05:00");
  add_ticket (changes, "B2", "2026-11-22", "09:01:00", "09:06:00");
  for (guint day = 0; day < 2; day++)
    for (guint i = 0; i < (day == 0 ? 21u : 20u); i++)
      {
        g_autofree char *id = g_strdup_printf ("C%u-%02u", day, i);
        g_autofree char *issued = g_strdup_printf ("10:00:%02u", i);
        g_autofree char *called = g_strdup_printf ("10:%02u:00", 30 + i);

        add_ticket (changes, id, day == 0 ? "2026-11-23" : "2026-11-24", issued, called);
      }
  add_ratings (changes, "2026-11-25", 2, 29);
  add_ratings (changes, "2026-11-26", 4, 15);
  add_ratings (changes, "2026-11-26", 3, 15);
  add_ratings (changes, "2026-11-27", 4, 30);
  ingest (f->db, "c1", changes);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  daftar_db_close (f->db);
  daftar_test_tmpdir_free (f->dir);
}

static GPtrArray *
care_alerts (Fixture    *f,
             const char *office,
             const char *from_text,
             const char *to_text)
{
  GPtrArray *alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_alert_free);
  g_autoptr(GError) error = NULL;
  DaftarStandards standards;
  GDate from, to;

  g_assert_true (daftar_time_parse_day (from_text, &from));
  g_assert_true (daftar_time_parse_day (to_text, &to));
  g_assert_true (daftar_query_standards (f->db, &standards, &error));
  g_assert_true (daftar_query_care_alerts (f->db, office, &from, &to, &standards, alerts, &error));
  g_assert_no_error (error);
  return alerts;
}

static void
set_standard (Fixture    *f,
              const char *key,
              double      value)
{
  g_autofree char *sql = g_strdup_printf ("INSERT OR REPLACE INTO standards (key, value) VALUES ('%s', %.17g)",
                                          key, value);
  g_autoptr(GError) error = NULL;

  g_assert_true (daftar_db_exec (f->db, sql, &error));
  g_assert_no_error (error);
}

static void
assert_day (const DaftarAlert *a,
            const char        *day)
{
  char text[11];

  g_assert_true (g_date_valid (&a->day));
  daftar_time_format_day (&a->day, text);
  g_assert_cmpstr (text, ==, day);
}

/* One of two called out of turn in the morning of the 21st is over the 2%
 * standard, and twice over: serious; the evening and the 22nd, in turn,
 * are not; at a standard of exactly that share, nothing is. */
static void
test_out_of_turn (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) alerts = care_alerts (f, OFFICE, "2026-11-21", "2026-11-22");
  g_autoptr(GPtrArray) all = care_alerts (f, NULL, "2026-11-21", "2026-11-22");
  g_autoptr(GPtrArray) met = NULL;
  const DaftarAlert *a;

  g_assert_cmpuint (alerts->len, ==, 1);
  a = g_ptr_array_index (alerts, 0);
  g_assert_cmpint (a->kind, ==, DAFTAR_ALERT_OUT_OF_TURN_BREACHED);
  g_assert_cmpstr (a->office_code, ==, OFFICE);
  assert_day (a, "2026-11-21");
  g_assert_cmpint (a->shift, ==, DAFTAR_SHIFT_MORNING);
  g_assert_cmpfloat (a->value, ==, 0.5);
  g_assert_cmpint (a->count, ==, 1);
  g_assert_cmpint (a->total, ==, 2);
  g_assert_cmpfloat (a->target, ==, 0.02);
  g_assert_cmpint (a->severity, ==, DAFTAR_ALERT_CRITICAL);
  /* Every office together: the same, naming its office. */
  g_assert_cmpuint (all->len, ==, 1);

  set_standard (f, "max_out_of_turn_share", 0.5);
  met = care_alerts (f, OFFICE, "2026-11-21", "2026-11-22");
  g_assert_cmpuint (met->len, ==, 0);
}

/* 21 waiting at once over 20 seats is a breach of the morning of the 23rd,
 * a warning; 20 on the 24th is none. */
static void
test_crowding (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) alerts = care_alerts (f, OFFICE, "2026-11-23", "2026-11-24");
  g_autoptr(GPtrArray) met = NULL;
  g_autoptr(GPtrArray) serious = NULL;
  const DaftarAlert *a;

  g_assert_cmpuint (alerts->len, ==, 1);
  a = g_ptr_array_index (alerts, 0);
  g_assert_cmpint (a->kind, ==, DAFTAR_ALERT_CROWDING_BREACHED);
  assert_day (a, "2026-11-23");
  g_assert_cmpint (a->shift, ==, DAFTAR_SHIFT_MORNING);
  g_assert_cmpfloat (a->value, ==, 21);
  g_assert_cmpfloat (a->target, ==, 20);
  g_assert_cmpint (a->severity, ==, DAFTAR_ALERT_WARNING);

  set_standard (f, "waiting_room_seats", 21);
  met = care_alerts (f, OFFICE, "2026-11-23", "2026-11-24");
  g_assert_cmpuint (met->len, ==, 0);

  /* Half as many again as the seats: serious. */
  set_standard (f, "waiting_room_seats", 14);
  serious = care_alerts (f, OFFICE, "2026-11-23", "2026-11-24");
  g_assert_cmpuint (serious->len, ==, 2);
  a = g_ptr_array_index (serious, 0);
  assert_day (a, "2026-11-24");
  g_assert_cmpfloat (a->value, ==, 20);
  g_assert_cmpint (a->severity, ==, DAFTAR_ALERT_WARNING);
  a = g_ptr_array_index (serious, 1);
  assert_day (a, "2026-11-23");
  g_assert_cmpint (a->severity, ==, DAFTAR_ALERT_CRITICAL);
}

/* The mean rating is judged on DAFTAR_ALERTS_RATING_MIN_COUNT ratings or
 * more: 29 ratings of 2 raise nothing, 30 with a mean of 3.5 do, 30 at
 * the target do not, and a period without feedback has no rating alert. */
static void
test_rating (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) few = care_alerts (f, OFFICE, "2026-11-25", "2026-11-25");
  g_autoptr(GPtrArray) low = care_alerts (f, OFFICE, "2026-11-26", "2026-11-26");
  g_autoptr(GPtrArray) met = care_alerts (f, OFFICE, "2026-11-27", "2026-11-27");
  g_autoptr(GPtrArray) none = care_alerts (f, OFFICE, "2026-11-22", "2026-11-22");
  g_autoptr(GPtrArray) both = care_alerts (f, NULL, "2026-11-25", "2026-11-26");
  const DaftarAlert *a;

  g_assert_cmpuint (DAFTAR_ALERTS_RATING_MIN_COUNT, ==, 30);
  g_assert_cmpuint (few->len, ==, 0);
  g_assert_cmpuint (met->len, ==, 0);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_cmpuint (low->len, ==, 1);
  a = g_ptr_array_index (low, 0);
  g_assert_cmpint (a->kind, ==, DAFTAR_ALERT_RATING_BELOW_TARGET);
  g_assert_cmpstr (a->office_code, ==, OFFICE);
  assert_day (a, "2026-11-26");
  g_assert_cmpfloat (a->value, ==, 3.5);
  g_assert_cmpfloat (a->target, ==, 4.0);
  g_assert_cmpint (a->count, ==, 30);
  g_assert_cmpint (a->severity, ==, DAFTAR_ALERT_WARNING);

  /* The 25th's few ratings count once the period holds enough. */
  g_assert_cmpuint (both->len, ==, 1);
  a = g_ptr_array_index (both, 0);
  g_assert_cmpint (a->count, ==, 59);
  g_assert_cmpfloat_with_epsilon (a->value, (29 * 2 + 15 * 4 + 15 * 3) / 59.0, 1e-12);
  /* A whole point under the target: serious. */
  g_assert_cmpfloat (a->value, <=, 3.0);
  g_assert_cmpint (a->severity, ==, DAFTAR_ALERT_CRITICAL);
}

/* The Overview's roll-ups: one per office, standard and shift, with the
 * shift's working days; the rating among the other alerts; and notes kept
 * on each as on the wait standards'. */
static void
test_rollups_and_notes (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) rollups = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarAnnotation) note = NULL;
  g_autoptr(DaftarAnnotation) rating_note = NULL;
  g_autoptr(DaftarAnnotation) bad = NULL;
  const DaftarAlertRollup *oot = NULL, *crowding = NULL;
  guint n_rating = 0;
  GDate from, to;

  g_assert_true (daftar_time_parse_day ("2026-11-21", &from));
  g_assert_true (daftar_time_parse_day ("2026-11-27", &to));
  g_assert_true (daftar_query_alert_rollups (f->db, OFFICE, &from, &to, 0, &to, &alerts, &rollups, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < rollups->len; i++)
    {
      const DaftarAlertRollup *r = g_ptr_array_index (rollups, i);

      if (r->kind == DAFTAR_ALERT_OUT_OF_TURN_BREACHED)
        oot = r;
      else if (r->kind == DAFTAR_ALERT_CROWDING_BREACHED)
        crowding = r;
      g_assert_cmpint (r->shift, ==, DAFTAR_SHIFT_MORNING);
    }
  for (guint i = 0; i < alerts->len; i++)
    {
      const DaftarAlert *a = g_ptr_array_index (alerts, i);

      g_assert_false (daftar_alert_kind_is_per_shift (a->kind));
      n_rating += a->kind == DAFTAR_ALERT_RATING_BELOW_TARGET;
    }
  /* 89 ratings, a mean of 283 / 89 ≈ 3.2: under the target. */
  g_assert_cmpuint (n_rating, ==, 1);

  g_assert_nonnull (oot);
  g_assert_cmpuint (oot->days->len, ==, 1);
  g_assert_true (oot->worst == g_ptr_array_index (oot->days, 0));
  g_assert_cmpint (oot->severity, ==, DAFTAR_ALERT_CRITICAL);
  /* Mornings with tickets: the 21st to the 24th. */
  g_assert_cmpuint (oot->n_working_days, ==, 4);
  g_assert_nonnull (crowding);
  g_assert_cmpuint (crowding->days->len, ==, 1);
  g_assert_cmpfloat (crowding->worst->value, ==, 21);
  g_assert_cmpuint (crowding->n_working_days, ==, 4);
  /* The serious before the warning. */
  for (guint i = 0; i < rollups->len; i++)
    if (g_ptr_array_index (rollups, i) == crowding)
      {
        for (guint k = i + 1; k < rollups->len; k++)
          g_assert_true (g_ptr_array_index (rollups, k) != oot);
      }

  /* Notes: on the out-of-turn morning, and on the rating (the office's). */
  note = daftar_annotation_new (OFFICE, DAFTAR_ALERT_OUT_OF_TURN_BREACHED, DAFTAR_SHIFT_MORNING,
                                &oot->worst->day, &oot->worst->day);
  note->text = g_strdup ("یک مراجعه‌کنندهٔ سالمند زودتر پاسخ داده شد");
  g_assert_true (daftar_annotation_save (f->db, note, 1, &error));
  g_assert_no_error (error);
  rating_note = daftar_annotation_new (OFFICE, DAFTAR_ALERT_RATING_BELOW_TARGET, -1, &from, &to);
  rating_note->text = g_strdup ("سامانهٔ پیامک چند روز از کار افتاده بود");
  g_assert_true (daftar_annotation_save (f->db, rating_note, 1, &error));
  g_assert_no_error (error);
  /* A rating is the office's, not a shift's. */
  bad = daftar_annotation_new (OFFICE, DAFTAR_ALERT_RATING_BELOW_TARGET, DAFTAR_SHIFT_MORNING, &from, &to);
  bad->text = g_strdup ("x");
  g_assert_false (daftar_annotation_save (f->db, bad, 1, &error));
  g_assert_error (error, DAFTAR_ANNOTATION_ERROR, DAFTAR_ANNOTATION_ERROR_INVALID);
  g_clear_error (&error);

  notes = daftar_annotations_for_period (f->db, OFFICE, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_true (daftar_annotation_overlaps (g_ptr_array_index (notes, 0), OFFICE, DAFTAR_ALERT_OUT_OF_TURN_BREACHED,
                                             DAFTAR_SHIFT_MORNING, &from, &to));
  g_assert_true (daftar_annotation_overlaps (g_ptr_array_index (notes, 1), OFFICE, DAFTAR_ALERT_RATING_BELOW_TARGET,
                                             -1, &from, &to));
  g_assert_cmpint (daftar_test_count (f->db, "SELECT count(*) FROM annotations WHERE kind = 'out_of_turn' "
                                             "AND shift = 'morning'"), ==, 1);
  g_assert_cmpint (daftar_test_count (f->db, "SELECT count(*) FROM annotations WHERE kind = 'rating' "
                                             "AND shift = ''"), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/alerts-care/out-of-turn", Fixture, NULL, fixture_set_up, test_out_of_turn, fixture_tear_down);
  g_test_add ("/alerts-care/crowding", Fixture, NULL, fixture_set_up, test_crowding, fixture_tear_down);
  g_test_add ("/alerts-care/rating", Fixture, NULL, fixture_set_up, test_rating, fixture_tear_down);
  g_test_add ("/alerts-care/rollups-and-notes", Fixture, NULL, fixture_set_up, test_rollups_and_notes,
              fixture_tear_down);
  return g_test_run ();
}
