/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reject-reasons.c: a record refused for each reason is stored with its code and arguments and shown in the UI's language — Persian words and digits in Persian, English in English — and rows stored before codes keep their English reason. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "daftar-enums.h"
#include "daftar-format.h"
#include "daftar-ingest.h"
#include "daftar-reject-reasons.h"
#include "daftar-sync-history.h"
#include "daftar-sync-private.h"
#include "daftar-test-util.h"

#define OFFICE "YZ-RSN-01"
#define OTHER "YZ-OTHER-09"
#define AT "\"filed_at\":\"2025-02-27T09:12:00+03:30\""
#define CASE_OF(id, office, extra) \
  "{\"entity\":\"case\",\"op\":\"upsert\",\"data\":{\"id\":\"" id "\",\"office_code\":\"" office "\"," \
  "\"kind\":\"petition\"," AT ",\"shift\":\"morning\",\"status\":\"sent\"" extra "}}"
#define CASE(id, extra) CASE_OF (id, OFFICE, extra)

/* One change for each reason ingest can give, as a server sends it. */
static const char changes[] =
  "["
  "{\"entity\":\"case\",\"op\":\"upsert\",\"data\":{\"id\":\"m1\",\"office_code\":\"" OFFICE "\","
  "\"kind\":\"petition\",\"shift\":\"morning\",\"status\":\"sent\"}},"                  /* missing */
  CASE ("t1", ",\"fee\":\"12\"") ","                                                       /* type */
  CASE ("", "") ","                                                                        /* id-length */
  "{\"entity\":\"office\",\"op\":\"upsert\",\"data\":{\"code\":\"" OFFICE "\",\"name\":\"%s\"}},"   /* length */
  "{\"entity\":\"case\",\"op\":\"upsert\",\"data\":{\"id\":\"e1\",\"office_code\":\"" OFFICE "\","
  "\"kind\":\"bogus\"," AT ",\"shift\":\"morning\",\"status\":\"sent\"}},"               /* enum */
  "{\"entity\":\"case\",\"op\":\"upsert\",\"data\":{\"id\":\"y1\",\"office_code\":\"" OFFICE "\","
  "\"kind\":\"petition\",\"filed_at\":\"yesterday\",\"shift\":\"morning\",\"status\":\"sent\"}},"   /* time */
  "{\"entity\":\"holiday\",\"op\":\"upsert\",\"data\":{\"date\":\"1405-01-01\",\"name\":\"نوروز\"}},"  /* date */
  CASE ("n1", ",\"fee\":-5") ","                                                           /* negative */
  CASE ("r1", ",\"counter\":5000") ","                                                     /* range */
  "{\"entity\":\"feedback\",\"op\":\"upsert\",\"data\":{\"id\":\"f1\",\"office_code\":\"" OFFICE "\","
  "\"rating\":9,\"channel\":\"sms\",\"submitted_at\":\"2025-02-27T12:00:00+03:30\"}},"     /* rating */
  "{\"entity\":\"ticket\",\"op\":\"upsert\",\"data\":{\"id\":\"o1\",\"office_code\":\"" OFFICE "\","
  "\"service\":\"petition\",\"issued_at\":\"2025-02-08T09:00:00+03:30\","
  "\"called_at\":\"2025-02-08T08:00:00+03:30\",\"outcome\":\"served\"}},"                /* time-order */
  "{\"entity\":\"standard\",\"op\":\"upsert\",\"data\":{\"key\":\"target_nonsense\",\"value\":1}},"  /* standard-unknown */
  "{\"entity\":\"standard\",\"op\":\"upsert\",\"data\":{\"key\":\"target_wait_minutes\",\"value\":500}},"  /* standard-range */
  "{\"entity\":\"standard\",\"op\":\"upsert\",\"data\":{\"key\":\"max_counters\",\"value\":6.5}},"   /* standard-whole */
  CASE_OF ("x1", OTHER, "") ","                                                            /* other-office */
  "{\"entity\":\"office\",\"op\":\"delete\",\"id\":\"" OTHER "\"},"                        /* delete-other-office */
  "{\"entity\":\"standard\",\"op\":\"upsert\",\"data\":{\"key\":\"occupancy_cap\",\"value\":0.9}},"  /* shared-row */
  CASE ("taken", "") ","                                                                   /* id-taken */
  "42,"                                                                                    /* not-object */
  "{\"entity\":\"dragon\",\"op\":\"upsert\",\"data\":{}},"                                 /* unknown-entity */
  "{\"entity\":\"case\",\"op\":\"delete\"},"                                               /* delete-without-id */
  "{\"entity\":\"case\",\"op\":\"merge\"},"                                                /* unknown-op */
  "{\"entity\":\"case\",\"op\":\"upsert\"}"                                                /* no-data */
  "]";

/* Set first by the other office's feed: the shared row and the id. */
static const char other_changes[] =
  "[{\"entity\":\"standard\",\"op\":\"upsert\",\"data\":{\"key\":\"occupancy_cap\",\"value\":0.85}},"
  CASE_OF ("taken", OTHER, "") "]";

/* What each code reads in English, isolates aside: the names and values
 * as sent, numbers in English digits. */
static const struct {
  const char *code;
  const char *english;      /* shown in an English UI */
  const char *stored;       /* sync_rejects.reason, for scripts */
  gboolean    has_number;   /* so Persian digits must show */
} expected[] = {
  { "missing", "filed_at is missing", "filed_at is missing", FALSE },
  { "type", "fee must be an integer, not string", "fee must be an integer, not string", FALSE },
  { "field-not-utf8", "subject is not valid UTF-8", "subject is not valid UTF-8", FALSE },
  { "id-length", "id must be 1 to 64 bytes, not 0", "id must be 1 to 64 bytes, not 0", TRUE },
  { "length", "name is 1,500 bytes, over the limit of 1,024", "name is 1500 bytes, over the limit of 1024", TRUE },
  { "enum", "kind “bogus” is not one of the allowed values", "kind “bogus” is not one of the allowed values", FALSE },
  { "time", "filed_at “yesterday” is not an RFC 3339 time with an offset in the years 1900 to 2199",
    "filed_at “yesterday” is not an RFC 3339 time with an offset in the years 1900 to 2199", TRUE },
  { "date", "date “1405-01-01” is not a Gregorian date YYYY-MM-DD",
    "date “1405-01-01” is not a Gregorian date YYYY-MM-DD", FALSE },
  { "negative", "fee must not be negative", "fee must not be negative", FALSE },
  { "range", "counter 5,000 is over the limit of 1,000", "counter 5000 is over the limit of 1000", TRUE },
  { "rating", "rating 9 is outside the scale of 1 to 5", "rating 9 is outside the scale of 1 to 5", TRUE },
  { "time-order", "called_at is before issued_at", "called_at is before issued_at", FALSE },
  { "standard-unknown", "standard “target_nonsense” is not one Daftar knows",
    "standard “target_nonsense” is not one Daftar knows", FALSE },
  { "standard-range", "standard target_wait_minutes 500 is outside its range 1 to 240",
    "standard target_wait_minutes 500 is outside its range 1 to 240", TRUE },
  { "standard-whole", "standard max_counters must be a whole number, not 6.5",
    "standard max_counters must be a whole number, not 6.5", TRUE },
  { "other-office", "office_code “" OTHER "” is not the office of this feed",
    "office_code “" OTHER "” is not the office of this feed", FALSE },
  { "delete-other-office", "an office's feed can delete only its own office",
    "an office's feed can delete only its own office", FALSE },
  { "shared-row", "the row was set by another office's feed", "the row was set by another office's feed", FALSE },
  { "id-taken", "the id belongs to another office", "the id belongs to another office", FALSE },
  { "not-object", "change is not an object", "change is not an object", FALSE },
  { "unknown-entity", "unknown entity", "unknown entity", FALSE },
  { "delete-without-id", "delete without a string id", "delete without a string id", FALSE },
  { "unknown-op", "unknown op", "unknown op", FALSE },
  { "no-data", "upsert without a data object", "upsert without a data object", FALSE },
  { "nul", "a string holds a NUL character (\\u0000)", "a string holds a NUL character (\\u0000)", FALSE },
  { "surrogate", "a string holds an unpaired UTF-16 surrogate",
    "a string holds an unpaired UTF-16 surrogate", FALSE },
  { "not-utf8", "a string holds bytes that are not UTF-8", "a string holds bytes that are not UTF-8", FALSE },
};

static void
set_language (gboolean persian)
{
  /* gettext reads LANGUAGE at each call; textdomain() drops what it
   * cached under the other language. */
  g_setenv ("LANGUAGE", persian ? "fa" : "en", TRUE);
  textdomain (GETTEXT_PACKAGE);
  daftar_format_set_config (persian ? DAFTAR_FORMAT_LANGUAGE_PERSIAN : DAFTAR_FORMAT_LANGUAGE_ENGLISH,
                            persian ? DAFTAR_FORMAT_DIGITS_PERSIAN : DAFTAR_FORMAT_DIGITS_LATIN,
                            DAFTAR_FORMAT_CALENDAR_JALALI);
}

static char *
without_isolates (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0x2068 && c != 0x2069)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
ingest (DaftarDb   *db,
        const char *office,
        const char *cursor,
        const char *json)
{
  g_autoptr(JsonObject) page = daftar_test_page (office, cursor, json);
  g_autoptr(GError) error = NULL;
  DaftarIngestResult result = { 0 };

  g_assert_true (daftar_ingest_page (db, office, page, &result, &error));
  g_assert_no_error (error);
  daftar_ingest_result_clear (&result);
}

/* Changes whose text json-glib would mangle: the sync client takes them
 * out of the page and stores them as rejects itself. */
static void
ingest_marked (DaftarDb *db)
{
  static const char body[] =
    "{\"protocol\":1,\"office\":\"" OFFICE "\",\"cursor\":\"c-marked\",\"has_more\":false,\"changes\":["
    CASE ("u1", ",\"subject\":\"a\\u0000b\"") ","
    CASE ("u2", ",\"subject\":\"a\\ud800b\"") ","
    CASE ("u3", ",\"subject\":\"a\xff" "b\"") "]}";
  DaftarSyncBody job = { 0 };
  g_autoptr(GError) error = NULL;
  DaftarSyncPage *page;
  DaftarIngestResult *result;

  job.office = (char *) OFFICE;
  job.content_type = (char *) "application/json";
  job.body = g_bytes_new_static (body, sizeof body - 1);
  page = daftar_sync_parse_page (&job, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->rejects->len, ==, 3);
  result = daftar_sync_ingest_job (db, page, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->rejected, ==, 3);
  daftar_sync_ingest_result_free (result);
  daftar_sync_page_free (page);
  g_bytes_unref (job.body);
}

/* A string that is not UTF-8, which only a JSON object built in memory
 * can hold: json-glib's parser never makes one. */
static void
ingest_not_utf8_field (DaftarDb *db)
{
  g_autoptr(JsonObject) page = daftar_test_page (OFFICE, "c-bytes", "[" CASE ("b1", "") "]");
  JsonArray *list = json_object_get_array_member (page, "changes");
  JsonObject *data = json_object_get_object_member (json_array_get_object_element (list, 0), "data");
  g_autoptr(GError) error = NULL;
  DaftarIngestResult result = { 0 };

  json_object_set_string_member (data, "subject", "a\xff" "b");
  g_assert_true (daftar_ingest_page (db, OFFICE, page, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.rejected, ==, 1);
  daftar_ingest_result_clear (&result);
}

static const DaftarSyncReject *
find_reject (const DaftarSyncHistory *history,
             const char              *code)
{
  for (guint i = 0; i < history->rejects->len; i++)
    {
      const DaftarSyncReject *reject = &g_array_index (history->rejects, DaftarSyncReject, i);

      if (g_strcmp0 (reject->reason_code, code) == 0)
        return reject;
    }
  return NULL;
}

/* Persian words; no English word once the names and values the reason
 * quotes, and the protocol's own words it keeps, are taken out; Persian
 * digits only, outside what it quotes. */
static void
assert_persian (const DaftarSyncReject *reject,
                const char             *shown,
                gboolean                has_number)
{
  static const char * const kept[] = { "office_code", "data", "true", "false", "null", "NUL", "JSON",
                                       "YYYY-MM-DD", NULL };
  g_autoptr(JsonNode) args = json_from_string (reject->reason_args, NULL);
  g_autofree char *rest = without_isolates (shown);
  g_autoptr(GRegex) english = g_regex_new ("[A-Za-z]{2,}", 0, 0, NULL);
  gboolean persian_letter = FALSE;

  g_test_message ("%s: «%s»", reject->reason_code, shown);
  g_assert_nonnull (args);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (args)); i++)
    {
      const char *arg = json_array_get_string_element (json_node_get_array (args), i);
      g_auto(GStrv) parts = NULL;

      /* A number is shown in Persian digits, not as sent. */
      if (g_ascii_isdigit (arg[0]) && strspn (arg, "0123456789.") == strlen (arg))
        continue;
      parts = g_strsplit (rest, arg, -1);
      g_free (rest);
      rest = g_strjoinv (" ", parts);
    }
  for (guint i = 0; kept[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (rest, kept[i], -1);

      g_free (rest);
      rest = g_strjoinv (" ", parts);
    }
  g_assert_false (g_regex_match (english, rest, 0, NULL));
  for (const char *p = rest; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0621 && c <= 0x06CC)
        persian_letter = TRUE;
      g_assert_false (c >= '0' && c <= '9');
    }
  g_assert_true (persian_letter);
  if (has_number)
    g_assert_true (daftar_test_has_persian_digit (rest));
}

static void
test_every_code (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autofree char *long_name = g_strnfill (1500, 'n');
  g_autofree char *page = g_strdup_printf (changes, long_name);
  g_autoptr(DaftarSyncHistory) history = NULL;
  g_autoptr(GError) error = NULL;

  ingest (db, OTHER, "c-other", other_changes);
  ingest (db, OFFICE, "c-1", page);
  ingest_not_utf8_field (db);
  ingest_marked (db);

  history = daftar_sync_history_query (db, 100, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (G_N_ELEMENTS (expected), ==, DAFTAR_N_REJECT_CODES);
  g_assert_cmpuint (history->rejects->len, ==, DAFTAR_N_REJECT_CODES);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const DaftarSyncReject *reject = find_reject (history, expected[i].code);
      g_autofree char *english = NULL;
      g_autofree char *english_shown = NULL;
      g_autofree char *persian = NULL;
      int value;

      g_assert_true (daftar_enum_from_nick (DAFTAR_TYPE_REJECT_CODE, expected[i].code, &value));
      if (reject == NULL)
        g_test_message ("no record was refused for “%s”", expected[i].code);
      g_assert_nonnull (reject);
      /* Scripts still read the English sentence, as before. */
      g_assert_cmpstr (reject->reason, ==, expected[i].stored);

      set_language (FALSE);
      english = daftar_sync_reject_describe (reject);
      english_shown = without_isolates (english);
      g_assert_cmpstr (english_shown, ==, expected[i].english);

      set_language (TRUE);
      persian = daftar_sync_reject_describe (reject);
      g_assert_cmpstr (persian, !=, english);
      assert_persian (reject, persian, expected[i].has_number);
    }
}

/* Arguments that do not fit the code, or a code this version does not
 * know (a newer one wrote it): the English sentence, as stored. */
static void
test_unreadable_row (void)
{
  g_autofree char *shown = NULL;

  set_language (TRUE);
  shown = daftar_reject_reason_render ("enum", "[\"kind\"]", "kind “x” is not one of the allowed values");
  g_assert_cmpstr (shown, ==, "kind “x” is not one of the allowed values");
  g_clear_pointer (&shown, g_free);
  shown = daftar_reject_reason_render ("enum", "not json", "as stored");
  g_assert_cmpstr (shown, ==, "as stored");
  g_clear_pointer (&shown, g_free);
  shown = daftar_reject_reason_render ("a-code-from-the-future", "[]", "as stored");
  g_assert_cmpstr (shown, ==, "as stored");
  g_clear_pointer (&shown, g_free);
  shown = daftar_reject_reason_render ("type", "[\"fee\", \"integer\", \"dragon\"]", "as stored");
  g_assert_cmpstr (shown, ==, "as stored");
  g_clear_pointer (&shown, g_free);
  /* The server's text in the arguments cannot steer what shows it. */
  shown = daftar_reject_reason_render ("enum", "[\"kind\", \"\\u001b[2J\\u202eevil\"]", "x");
  g_assert_null (strchr (shown, '\x1b'));
  g_assert_null (strstr (shown, "\u202e"));
  g_assert_nonnull (strstr (shown, "evil"));
}

/* A file of schema v6, whose rejects have only their English reason, is
 * brought up to date: the old rows read as they were, new ones get codes. */
static void
test_migration_keeps_old_rows (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autofree char *path = g_strdup (daftar_db_get_path (db));
  g_autoptr(DaftarSyncHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  const DaftarSyncReject *old;
  g_autofree char *shown = NULL;

  g_assert_true (daftar_db_exec (db,
                                 "ALTER TABLE sync_rejects DROP COLUMN reason_code;"
                                 "ALTER TABLE sync_rejects DROP COLUMN reason_args;"
                                 "INSERT INTO sync_rejects (received_at, entity, raw, reason) "
                                 "VALUES (1745000000, 'case', '{}', 'kind “bogus” is not one of the allowed values');"
                                 "PRAGMA user_version = 6;", &error));
  g_assert_no_error (error);
  g_clear_pointer (&db, daftar_db_close);

  db = daftar_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (daftar_db_get_schema_version (db), ==, daftar_db_get_latest_version ());
  ingest (db, OFFICE, "c-after", "[" CASE ("after", ",\"fee\":-5") "]");

  history = daftar_sync_history_query (db, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->rejects->len, ==, 2);
  old = &g_array_index (history->rejects, DaftarSyncReject, 1);
  g_assert_null (old->reason_code);
  g_assert_null (old->reason_args);
  set_language (TRUE);
  shown = daftar_sync_reject_describe (old);
  g_assert_cmpstr (shown, ==, "kind “bogus” is not one of the allowed values");
  g_assert_cmpstr (g_array_index (history->rejects, DaftarSyncReject, 0).reason_code, ==, "negative");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("DAFTAR_LOCALEDIR");

  /* Persian messages without a Persian system locale: C.UTF-8 still
   * honours LANGUAGE. */
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reject-reasons/every-code", test_every_code);
  g_test_add_func ("/reject-reasons/unreadable-row", test_unreadable_row);
  g_test_add_func ("/reject-reasons/migration-keeps-old-rows", test_migration_keeps_old_rows);
  return g_test_run ();
}
