/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-annotations.c: the manager's notes on alerts — stored normalised and bounded, edited and removed, read per period, and left alone by every kind of sync. */
#include "config.h"

#include <string.h>

#include "daftar-annotations.h"
#include "daftar-sync-private.h"
#include "daftar-time.h"
#include "test-sync-common.h"

#define DAYS 30
#define LIMIT 500

static void
parse_day (const char *text,
           GDate      *out)
{
  g_assert_true (daftar_time_parse_day (text, out));
}

static DaftarAnnotation *
note_new (const char      *office,
          DaftarAlertKind  kind,
          int              shift,
          const char      *first,
          const char      *last,
          const char      *text)
{
  GDate from, to;
  DaftarAnnotation *note;

  parse_day (first, &from);
  parse_day (last, &to);
  note = daftar_annotation_new (office, kind, shift, &from, &to);
  note->text = g_strdup (text);
  return note;
}

static GPtrArray *
notes_of (DaftarDb   *db,
          const char *office,
          const char *from_text,
          const char *to_text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *notes;
  GDate from, to;

  parse_day (from_text, &from);
  parse_day (to_text, &to);
  notes = daftar_annotations_for_period (db, office, &from, &to, &error);
  g_assert_no_error (error);
  return notes;
}

/* A note is saved, found, edited in place, replaced by a second note on the
 * same alert, and removed; the times say when. */
static void
test_save_edit_remove (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autoptr(DaftarAnnotation) note = note_new ("YZ-ABK-01", DAFTAR_ALERT_WAIT_BREACHED, DAFTAR_SHIFT_EVENING,
                                               "2026-12-05", "2026-12-05", "یک باجه برای تعمیر بسته بود");
  g_autoptr(DaftarAnnotation) again = NULL;
  g_autoptr(DaftarAnnotation) gone = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  const DaftarAnnotation *found;
  gint64 id;

  g_assert_true (daftar_annotation_save (db, note, 1000, &error));
  g_assert_no_error (error);
  g_assert_cmpint (note->id, >, 0);
  g_assert_cmpint (note->created_at, ==, 1000);
  id = note->id;

  notes = notes_of (db, "YZ-ABK-01", "2026-12-01", "2026-12-31");
  g_assert_cmpuint (notes->len, ==, 1);
  found = g_ptr_array_index (notes, 0);
  g_assert_cmpint (found->id, ==, id);
  g_assert_cmpstr (found->text, ==, "یک باجه برای تعمیر بسته بود");
  g_assert_cmpint (found->kind, ==, DAFTAR_ALERT_WAIT_BREACHED);
  g_assert_cmpint (found->shift, ==, DAFTAR_SHIFT_EVENING);
  g_assert_cmpint (g_date_compare (&found->first_day, &note->first_day), ==, 0);
  g_clear_pointer (&notes, g_ptr_array_unref);

  /* Edited by its id: the text changes, the note stays. */
  g_free (note->text);
  note->text = g_strdup ("دو کارمند در مرخصی بودند");
  g_assert_true (daftar_annotation_save (db, note, 2000, &error));
  g_assert_no_error (error);
  g_assert_cmpint (note->id, ==, id);
  g_assert_cmpint (note->created_at, ==, 1000);
  g_assert_cmpint (note->updated_at, ==, 2000);
  notes = notes_of (db, NULL, "2026-12-05", "2026-12-05");
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (((DaftarAnnotation *) g_ptr_array_index (notes, 0))->text, ==, "دو کارمند در مرخصی بودند");
  g_clear_pointer (&notes, g_ptr_array_unref);

  /* A new note on the same alert replaces it: one note per alert. */
  again = note_new ("YZ-ABK-01", DAFTAR_ALERT_WAIT_BREACHED, DAFTAR_SHIFT_EVENING,
                    "2026-12-05", "2026-12-05", "قطعی سامانه");
  g_assert_true (daftar_annotation_save (db, again, 3000, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again->id, ==, id);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM annotations"), ==, 1);
  notes = notes_of (db, NULL, "2026-12-05", "2026-12-05");
  g_assert_cmpstr (((DaftarAnnotation *) g_ptr_array_index (notes, 0))->text, ==, "قطعی سامانه");
  g_clear_pointer (&notes, g_ptr_array_unref);

  /* Removed: gone, and removing it again is no error. */
  g_assert_true (daftar_annotation_remove (db, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM annotations"), ==, 0);
  g_assert_true (daftar_annotation_remove (db, id, &error));
  g_assert_no_error (error);

  /* Editing a note removed meanwhile says so and stores nothing. */
  g_assert_false (daftar_annotation_save (db, note, 4000, &error));
  g_assert_error (error, DAFTAR_ANNOTATION_ERROR, DAFTAR_ANNOTATION_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM annotations"), ==, 0);

  /* Through the worker's jobs, as the Overview saves and removes: a new
   * note this time. */
  again->id = 0;
  gone = daftar_annotation_save_job (db, again, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gone);
  g_assert_cmpint (gone->id, >, 0);
  g_assert_nonnull (daftar_annotation_remove_job (db, gone, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM annotations"), ==, 0);

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The text is stored as Persian is stored everywhere, on one line, without
 * control characters, and no longer than DAFTAR_ANNOTATION_MAX_CHARS
 * characters; an empty or a longer one is refused and nothing is stored. */
static void
test_text (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) longest = g_string_new (NULL);
  g_autofree char *normal = NULL;
  g_autofree char *too_long = NULL;
  g_autoptr(DaftarAnnotation) note = NULL;

  /* Arabic yeh and kaf, a line break, runs of spaces, a tab, an escape and
   * a right-to-left override. */
  normal = daftar_annotation_normalize_text ("  يك باجه\n\nبسته   بود\t\x1b[31m \xE2\x80\xAE!  ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (normal, ==, "یک باجه بسته بود \xEF\xBF\xBD[31m !");

  g_assert_null (daftar_annotation_normalize_text (" \n\t ", &error));
  g_assert_error (error, DAFTAR_ANNOTATION_ERROR, DAFTAR_ANNOTATION_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_null (daftar_annotation_normalize_text (NULL, &error));
  g_assert_error (error, DAFTAR_ANNOTATION_ERROR, DAFTAR_ANNOTATION_ERROR_EMPTY);
  g_clear_error (&error);

  /* The bound is in characters: 500 Persian letters (1000 bytes) pass… */
  for (guint i = 0; i < DAFTAR_ANNOTATION_MAX_CHARS; i++)
    g_string_append (longest, "ب");
  note = note_new ("YZ-ABK-01", DAFTAR_ALERT_SERVICE_LEVEL_BREACHED, DAFTAR_SHIFT_MORNING,
                   "2026-12-01", "2026-12-20", longest->str);
  g_assert_true (daftar_annotation_save (db, note, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_utf8_strlen (note->text, -1), ==, DAFTAR_ANNOTATION_MAX_CHARS);
  g_assert_cmpint (daftar_test_count (db, "SELECT length(text) FROM annotations"), ==, DAFTAR_ANNOTATION_MAX_CHARS);

  /* …one more does not, and the stored note keeps its text. */
  too_long = g_strconcat (longest->str, "ب", NULL);
  g_assert_null (daftar_annotation_normalize_text (too_long, &error));
  g_assert_error (error, DAFTAR_ANNOTATION_ERROR, DAFTAR_ANNOTATION_ERROR_TOO_LONG);
  g_clear_error (&error);
  g_free (note->text);
  note->text = g_strdup (too_long);
  g_assert_false (daftar_annotation_save (db, note, 2, &error));
  g_assert_error (error, DAFTAR_ANNOTATION_ERROR, DAFTAR_ANNOTATION_ERROR_TOO_LONG);
  g_clear_error (&error);
  g_assert_cmpint (daftar_test_count (db, "SELECT length(text) FROM annotations"), ==, DAFTAR_ANNOTATION_MAX_CHARS);

  /* Spaces around do not count against it. */
  g_free (note->text);
  note->text = g_strconcat ("   ", longest->str, "\n\n   ", NULL);
  g_assert_true (daftar_annotation_save (db, note, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (note->text, ==, longest->str);

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Only a breach of a standard by an office can carry a note. */
static void
test_invalid_key (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autofree char *long_office = g_strnfill (65, 'A');
  struct {
    const char      *office;
    DaftarAlertKind  kind;
    int              shift;
    const char      *first, *last;
  } bad[] = {
    { "YZ-ABK-01", DAFTAR_ALERT_SYNC_FAILED, -1, "2026-12-01", "2026-12-01" },
    { "YZ-ABK-01", DAFTAR_ALERT_SYNC_STALE, -1, "2026-12-01", "2026-12-01" },
    { "YZ-ABK-01", DAFTAR_ALERT_WAIT_BREACHED, -1, "2026-12-01", "2026-12-01" },
    { "YZ-ABK-01", DAFTAR_ALERT_WAIT_BREACHED, 2, "2026-12-01", "2026-12-01" },
    { "YZ-ABK-01", DAFTAR_ALERT_READ_RATE_BELOW_TARGET, DAFTAR_SHIFT_MORNING, "2026-12-01", "2026-12-01" },
    { "YZ-ABK-01", DAFTAR_ALERT_WAIT_BREACHED, DAFTAR_SHIFT_MORNING, "2026-12-02", "2026-12-01" },
    { "", DAFTAR_ALERT_WAIT_BREACHED, DAFTAR_SHIFT_MORNING, "2026-12-01", "2026-12-01" },
    { NULL, DAFTAR_ALERT_WAIT_BREACHED, DAFTAR_SHIFT_MORNING, "2026-12-01", "2026-12-01" },
    { long_office, DAFTAR_ALERT_WAIT_BREACHED, DAFTAR_SHIFT_MORNING, "2026-12-01", "2026-12-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(DaftarAnnotation) note = note_new (bad[i].office, bad[i].kind, bad[i].shift,
                                                   bad[i].first, bad[i].last, "علت");
      g_autoptr(GError) error = NULL;

      g_assert_false (daftar_annotation_save (db, note, 1, &error));
      g_assert_error (error, DAFTAR_ANNOTATION_ERROR, DAFTAR_ANNOTATION_ERROR_INVALID);
      g_assert_cmpint (note->id, ==, 0);
    }
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM annotations"), ==, 0);

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A period finds the notes whose days overlap it, of one office or all,
 * against a naive overlap test over the notes written. */
static void
test_for_period (void)
{
  static const struct {
    const char *office, *first, *last;
    DaftarAlertKind kind;
    int shift;
  } written[] = {
    { "YZ-ABK-01", "2026-11-01", "2026-11-01", DAFTAR_ALERT_WAIT_BREACHED, DAFTAR_SHIFT_EVENING },
    { "YZ-ABK-01", "2026-11-10", "2026-11-20", DAFTAR_ALERT_WAIT_BREACHED, DAFTAR_SHIFT_EVENING },
    { "YZ-ABK-01", "2026-11-30", "2026-12-02", DAFTAR_ALERT_SERVICE_LEVEL_BREACHED, DAFTAR_SHIFT_MORNING },
    { "YZ-ABK-01", "2026-10-01", "2026-11-27", DAFTAR_ALERT_READ_RATE_BELOW_TARGET, -1 },
    { "YZ-YZD-01", "2026-11-15", "2026-11-15", DAFTAR_ALERT_WAIT_BREACHED, DAFTAR_SHIFT_MORNING },
    { "YZ-YZD-01", "2026-12-05", "2026-12-05", DAFTAR_ALERT_WAIT_BREACHED, DAFTAR_SHIFT_MORNING },
  };
  static const char * const periods[][2] = {
    { "2026-11-01", "2026-11-30" }, { "2026-11-21", "2026-11-29" }, { "2026-11-20", "2026-11-20" },
    { "2026-12-01", "2026-12-31" }, { "2026-09-01", "2026-09-30" }, { "2026-11-02", "2026-11-09" },
  };
  const char *offices[] = { NULL, "YZ-ABK-01", "YZ-YZD-01", "TH-01" };
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (written); i++)
    {
      g_autofree char *text = g_strdup_printf ("یادداشت %u", i);
      g_autoptr(DaftarAnnotation) note = note_new (written[i].office, written[i].kind, written[i].shift,
                                                   written[i].first, written[i].last, text);

      g_assert_true (daftar_annotation_save (db, note, i, &error));
      g_assert_no_error (error);
    }

  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    for (guint o = 0; o < G_N_ELEMENTS (offices); o++)
      {
        g_autoptr(GPtrArray) notes = notes_of (db, offices[o], periods[p][0], periods[p][1]);
        guint expected = 0;

        for (guint i = 0; i < G_N_ELEMENTS (written); i++)
          {
            g_autofree char *text = g_strdup_printf ("یادداشت %u", i);
            gboolean overlaps = (offices[o] == NULL || g_str_equal (offices[o], written[i].office)) &&
                                strcmp (written[i].first, periods[p][1]) <= 0 &&
                                strcmp (written[i].last, periods[p][0]) >= 0;
            gboolean found = FALSE;

            for (guint k = 0; k < notes->len; k++)
              found |= g_str_equal (((DaftarAnnotation *) g_ptr_array_index (notes, k))->text, text);
            g_assert_cmpint (found, ==, overlaps);
            expected += overlaps;
          }
        g_assert_cmpuint (notes->len, ==, expected);
      }

  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* ---- sync leaves the notes alone --------------------------------------- */

static gpointer
write_notes_job (DaftarDb      *db,
                 gpointer       job_data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  const char *office = job_data;
  g_autoptr(DaftarAnnotation) day = note_new (office, DAFTAR_ALERT_WAIT_BREACHED, DAFTAR_SHIFT_EVENING,
                                              "2025-02-20", "2025-02-20", "یک باجه برای تعمیر بسته بود");
  g_autoptr(DaftarAnnotation) range = note_new (office, DAFTAR_ALERT_SERVICE_LEVEL_BREACHED, DAFTAR_SHIFT_MORNING,
                                                "2025-02-01", "2025-02-28", "دو کارمند در مرخصی بودند");
  g_autoptr(DaftarAnnotation) rate = note_new (office, DAFTAR_ALERT_READ_RATE_BELOW_TARGET, -1,
                                               "2025-02-01", "2025-02-26", "سامانهٔ ثنا سه روز قطع بود");

  if (!daftar_annotation_save (db, day, 1, error) ||
      !daftar_annotation_save (db, range, 2, error) ||
      !daftar_annotation_save (db, rate, 3, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static gpointer
checksum_job (DaftarDb      *db,
              gpointer       job_data,
              GCancellable  *cancellable,
              GError       **error)
{
  return daftar_test_table_checksum (db, "annotations");
}

static gpointer
forget_cursor_job (DaftarDb      *db,
                   gpointer       job_data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return daftar_db_exec (db, "DELETE FROM sync_state", error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static char *
notes_checksum (DaftarDbWorker *worker)
{
  g_autoptr(GError) error = NULL;
  char *sum = daftar_db_worker_run_sync (worker, checksum_job, NULL, NULL, &error);

  g_assert_no_error (error);
  return sum;
}

/* A sync, a sync from the beginning and a 410 re-copy of the office, each
 * against a real demo central server, leave the manager's notes as they
 * were, and the office's data as the server's. */
static void
test_survive_sync (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "daftar.db", NULL);
  g_autofree char *url = NULL;
  g_autoptr(DaftarDemoCentral) server = test_sync_server (DAYS, &url);
  DaftarDbWorker *worker = daftar_db_worker_new (path);
  DaftarSyncClient *client = test_sync_client (worker, url);
  g_autoptr(DaftarSyncSummary) first = NULL;
  g_autoptr(DaftarSyncSummary) again = NULL;
  g_autoptr(DaftarSyncSummary) afresh = NULL;
  g_autoptr(DaftarSyncSummary) recopied = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *handle;

  daftar_sync_client_set_page_limit (client, LIMIT);
  first = test_sync_run (client, NULL, &error);
  g_assert_no_error (error);
  daftar_db_worker_run_sync (worker, write_notes_job, (gpointer) test_sync_office (), NULL, &error);
  g_assert_no_error (error);
  before = notes_checksum (worker);

  /* The next sync: nothing new. */
  again = test_sync_run (client, NULL, &error);
  g_assert_no_error (error);
  after = notes_checksum (worker);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* From the beginning: every record written again. */
  daftar_db_worker_run_sync (worker, forget_cursor_job, NULL, NULL, &error);
  g_assert_no_error (error);
  afresh = test_sync_run (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (afresh->pages, ==, first->pages);
  after = notes_checksum (worker);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* The server forgets the cursor: the office is copied afresh and
   * swapped in, its rows replaced by the copy's. */
  daftar_demo_central_set_fault (server, DAFTAR_DEMO_CENTRAL_FAULT_EXPIRE_CURSOR);
  recopied = test_sync_run (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (recopied->resynced);
  after = notes_checksum (worker);
  g_assert_cmpstr (after, ==, before);
  test_sync_assert_same_data (path, test_sync_reference (DAYS));
  test_sync_assert_integrity (path);

  handle = test_sync_open_readonly (path);
  g_assert_cmpint (test_sync_query_int (handle, "SELECT count(*) FROM annotations"), ==, 3);
  g_assert_cmpint (test_sync_query_int (handle, "SELECT count(*) FROM annotations WHERE text = 'یک باجه برای تعمیر بسته بود'"), ==, 1);
  sqlite3_close (handle);

  g_object_unref (client);
  test_sync_worker_free (worker);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/annotations/save-edit-remove", test_save_edit_remove);
  g_test_add_func ("/annotations/text", test_text);
  g_test_add_func ("/annotations/invalid-key", test_invalid_key);
  g_test_add_func ("/annotations/for-period", test_for_period);
  g_test_add_func ("/annotations/survive-sync", test_survive_sync);
  return g_test_run ();
}
