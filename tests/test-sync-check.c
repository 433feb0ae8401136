/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync-check.c: the page check — only strict JSON reaches json-glib, a page's depth, changes, values and rejects are bounded, and server text in messages is clean. */
#include "config.h"

#include <string.h>

#include "daftar-ingest.h"
#include "daftar-sync-private.h"
#include "daftar-test-util.h"

#define OFFICE "YZ-ABK-01"
/* The limits of docs/sync-protocol.md, written out: they are the protocol. */
#define MAX_DEPTH 64
#define MAX_CHANGES 50000
#define MAX_VALUES 250000
#define MAX_CONTAINERS 100002
#define MAX_REJECTS 1000
/* Deep enough to overflow json-glib's recursive parser on any stack. */
#define CRASH_DEPTH 1000000

/* A page around @changes (the inside of the array) with @extra as the
 * value of one more, unknown member. */
static char *
page_with (const char *changes,
           const char *extra)
{
  return g_strdup_printf ("{\"protocol\":1,\"office\":\"" OFFICE "\",\"cursor\":\"c-1\",\"has_more\":false,"
                          "\"changes\":[%s],\"x\":%s}", changes, extra);
}

static GString *
nested (const char *before,
        guint       depth,
        const char *after)
{
  GString *s = g_string_sized_new (2 * depth + 256);

  g_string_append (s, before);
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  g_string_append (s, after);
  return s;
}

/* Parses @body as the sync client does; NULL and *error when refused. */
static DaftarSyncPage *
parse (const char  *body,
       gsize        len,
       GError     **error)
{
  DaftarSyncBody job = { 0 };
  DaftarSyncPage *page;

  job.office = (char *) OFFICE;
  job.content_type = (char *) "application/json";
  job.body = g_bytes_new (body, len);
  page = daftar_sync_parse_page (&job, error);
  g_bytes_unref (job.body);
  return page;
}

static void
assert_parsed (const char *body,
               gsize       len)
{
  g_autoptr(GError) error = NULL;
  DaftarSyncPage *page = parse (body, len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (page);
  daftar_sync_page_free (page);
}

/* Refused by the sync client and by daftar_ingest_page_bytes, with a
 * message holding @says; nothing is applied to a database. */
static void
assert_refused (const char *body,
                gsize       len,
                const char *says)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) ingest_error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autoptr(GBytes) bytes = g_bytes_new (body, len);
  DaftarIngestResult result = { 0 };
  DaftarSyncPage *page = parse (body, len, &error);

  if (page != NULL)
    {
      g_autofree char *shown = g_strescape (len > 120 ? "(long page)" : body, NULL);
      g_test_message ("accepted: %s", shown);
    }
  g_assert_null (page);
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_BAD_PAGE);
  g_assert_nonnull (strstr (error->message, "nothing of it was applied"));
  g_assert_nonnull (strstr (error->message, says));

  g_assert_false (daftar_ingest_page_bytes (db, OFFICE, bytes, &result, &ingest_error));
  g_assert_nonnull (ingest_error);
  g_assert_true (ingest_error->domain == DAFTAR_INGEST_ERROR);
  g_assert_nonnull (strstr (ingest_error->message, says));
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM sync_state"), ==, 0);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM sync_rejects"), ==, 0);
  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_comment_then_deep (void)
{
  /* The scan before took the quote inside the comment for the start of a
   * string, so the nesting after it went unseen and json-glib's recursion
   * overflowed the stack. The same with a string in single quotes. */
  g_autoptr(GString) comment = nested ("{\"protocol\":1,\"office\":\"" OFFICE "\",\"cursor\":\"c-1\",\"has_more\":false,"
                                       "/* \" */\"changes\":[", CRASH_DEPTH, "]}");
  g_autoptr(GString) quote = nested ("{\"protocol\":1,\"office\":\"" OFFICE "\",\"cursor\":\"c-1\",\"has_more\":false,"
                                     "\"q\":'\"',\"changes\":[", CRASH_DEPTH, "]}");
  g_autoptr(GString) plain = nested ("{\"protocol\":1,\"office\":\"" OFFICE "\",\"cursor\":\"c-1\",\"has_more\":false,"
                                     "\"changes\":[", CRASH_DEPTH, "]}");

  assert_refused (comment->str, comment->len, "a comment");
  assert_refused (quote->str, quote->len, "single quotes");
  assert_refused (plain->str, plain->len, "nested more than 64 levels deep");
}

static void
test_nul_after_comment (void)
{
  /* Behind the comment the scan no longer saw "\u0000", and json-glib
   * stored "AAA\u0000BBB" as "AAA". */
  const char *body = "{\"protocol\":1,\"office\":\"" OFFICE "\",\"cursor\":\"c-1\",\"has_more\":false,"
                     "/* \" */\"changes\":[{\"entity\":\"case\",\"op\":\"upsert\",\"data\":{\"id\":\"C1\","
                     "\"office_code\":\"" OFFICE "\",\"kind\":\"petition\",\"filed_at\":\"2025-02-27T09:12:00+03:30\","
                     "\"shift\":\"morning\",\"status\":\"sent\",\"client_name\":\"AAA\\u0000BBB\"}}]}";

  assert_refused (body, strlen (body), "a comment");
}

/* Each construct json-glib 1.6 takes or RFC 8259 does not, as the value of
 * an unknown member, and what the refusal names. */
static const struct {
  const char *value;
  const char *says;
} not_strict[] = {
  { "/* c */ 1", "a comment" },
  { "1 /* c */", "a comment" },
  { "// c\n1", "a comment" },
  { "# c\n1", "a comment" },
  { "[1,]", "a comma before a closing bracket" },
  { "{\"a\":1,}", "a comma before a closing bracket" },
  { "[1,,2]", "not strict JSON" },
  { "NaN", "a word JSON does not have" },
  { "Infinity", "a word JSON does not have" },
  { "-Infinity", "a word JSON does not have" },
  { "True", "a word JSON does not have" },
  { "undefined", "a word JSON does not have" },
  { "'x'", "single quotes" },
  { "{'a':1}", "single quotes" },
  { "{a:1}", "a member name that is not a string in double quotes" },
  { "01", "a number written as JSON does not allow" },
  { "-01", "a number written as JSON does not allow" },
  { "+1", "a number written as JSON does not allow" },
  { ".5", "a number written as JSON does not allow" },
  { "1.", "a number written as JSON does not allow" },
  { "1.e5", "a number written as JSON does not allow" },
  { "1e", "a number written as JSON does not allow" },
  { "0x10", "a word JSON does not have" },
  { "\"a\tb\"", "a control character" },
  { "\"a\nb\"", "a control character" },
  { "\"a\x1b[2Jb\"", "a control character" },
  { "\"\\x41\"", "an escape JSON does not have" },
  { "\"\\u12G4\"", "an escape JSON does not have" },
  { "\"\\a\"", "an escape JSON does not have" },
  { "\"\\'\"", "an escape JSON does not have" },
  { "[1 2]", "a missing comma" },
  { "{\"a\" 1}", "a member name without a colon" },
  { "[1}", "a bracket that does not match" },
  { "\xef\xbb\xbf" "1", "not strict JSON" },
};

static void
test_not_strict (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (not_strict); i++)
    {
      g_autofree char *body = page_with ("", not_strict[i].value);
      assert_refused (body, strlen (body), not_strict[i].says);
    }
  {
    /* Another value after the page, and a NUL byte in the middle of it. */
    g_autofree char *page = page_with ("", "1");
    g_autofree char *twice = g_strconcat (page, "{}", NULL);
    g_autofree char *nul = g_strdup (page);

    assert_refused (twice, strlen (twice), "more after the end of the JSON text");
    nul[strlen (nul) - 2] = '\0';
    assert_refused (nul, strlen (page), "a character that does not belong there");
    assert_refused (page, strlen (page) - 1, "ends too early");
  }
}

static void
test_strict_accepted (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = page_with ("{\"entity\":\"holiday\",\"op\":\"delete\",\"id\":\"2025-03-20\"}",
                                     " { \"s\" : [\"\\u00e9\\/\\\"\\\\\\b\\f\\n\\r\\t\", \"\\ud83d\\ude00\", \"\"] ,"
                                     "\t\"n\":[0, -0, 1E5, 1e+5, 2.5e-3, -12.75, 9223372036854775807, -9223372036854775808],"
                                     "\r\n\"w\":[true,false,null,{},[]], \"\":1 } ");
  g_autofree char *bom = g_strconcat ("\xef\xbb\xbf", body, NULL);
  DaftarSyncPage *page;
  JsonObject *x;
  JsonArray *numbers;

  page = parse (body, strlen (body), &error);
  g_assert_no_error (error);
  x = json_object_get_object_member (json_node_get_object (page->root), "x");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (x, "s"), 0), ==,
                   "\u00e9/\"\\\b\f\n\r\t");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (x, "s"), 1), ==, "\U0001F600");
  numbers = json_object_get_array_member (x, "n");
  g_assert_cmpint (json_array_get_int_element (numbers, 6), ==, G_MAXINT64);
  g_assert_cmpint (json_array_get_int_element (numbers, 7), ==, G_MININT64);
  g_assert_cmpfloat (json_array_get_double_element (numbers, 4), ==, 2.5e-3);
  daftar_sync_page_free (page);

  /* RFC 8259 lets a parser ignore a byte order mark at the start. */
  assert_parsed (bom, strlen (bom));
}

static void
test_depth (void)
{
  /* The page is level 1, so 63 arrays in "x" make 64 levels. */
  g_autoptr(GString) deepest = nested ("{\"protocol\":1,\"office\":\"" OFFICE "\",\"cursor\":\"c-1\",\"has_more\":false,"
                                       "\"changes\":[],\"x\":", MAX_DEPTH - 1, "}");
  g_autoptr(GString) over = nested ("{\"protocol\":1,\"office\":\"" OFFICE "\",\"cursor\":\"c-1\",\"has_more\":false,"
                                    "\"changes\":[],\"x\":", MAX_DEPTH, "}");

  assert_parsed (deepest->str, deepest->len);
  assert_refused (over->str, over->len, "nested more than 64 levels deep");
}

/* @n copies of @item joined by commas. */
static char *
repeat (const char *item,
        guint       n)
{
  GString *s = g_string_sized_new ((strlen (item) + 1) * n);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append (s, item);
    }
  return g_string_free (s, FALSE);
}

static void
test_changes_limit (void)
{
  g_autofree char *most = repeat ("{}", MAX_CHANGES);
  g_autofree char *over = repeat ("{}", MAX_CHANGES + 1);
  g_autofree char *at_most = page_with (most, "0");
  g_autofree char *too_many = page_with (over, "0");
  /* json-glib would read this name as "changes" too. */
  g_autofree char *escaped = g_strdup_printf ("{\"protocol\":1,\"office\":\"" OFFICE "\",\"cursor\":\"c-1\","
                                              "\"has_more\":false,\"ch\\u0061nges\":[%s]}", over);

  assert_parsed (at_most, strlen (at_most));
  assert_refused (too_many, strlen (too_many), "more than 50,000 changes");
  assert_refused (escaped, strlen (escaped), "more than 50,000 changes");
}

static void
test_values_limit (void)
{
  /* The page, its four scalars, "changes" and "x" are 7 values. */
  g_autofree char *most = repeat ("0", MAX_VALUES - 7);
  g_autofree char *over = repeat ("0", MAX_VALUES - 6);
  g_autofree char *in_array = g_strdup_printf ("[%s]", most);
  g_autofree char *over_array = g_strdup_printf ("[%s]", over);
  g_autofree char *at_most = page_with ("", in_array);
  g_autofree char *too_many = page_with ("", over_array);

  assert_parsed (at_most, strlen (at_most));
  assert_refused (too_many, strlen (too_many), "more than 250,000 JSON values");
}

static void
test_containers_limit (void)
{
  /* The page, "changes" and "x" are 3 of them. */
  g_autofree char *most = repeat ("[]", MAX_CONTAINERS - 3);
  g_autofree char *over = repeat ("[]", MAX_CONTAINERS - 2);
  g_autofree char *in_array = g_strdup_printf ("[%s]", most);
  g_autofree char *over_array = g_strdup_printf ("[%s]", over);
  g_autofree char *at_most = page_with ("", in_array);
  g_autofree char *too_many = page_with ("", over_array);

  assert_parsed (at_most, strlen (at_most));
  assert_refused (too_many, strlen (too_many), "more than 100,002 JSON objects and arrays");
}

static void
test_marked (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *most = repeat ("{\"s\":\"\\u0000\\u0000\"}", MAX_REJECTS);
  g_autofree char *over = repeat ("{\"s\":\"\\u0000\"}", MAX_REJECTS + 1);
  g_autofree char *at_most = page_with (most, "0");
  g_autofree char *too_many = page_with (over, "0");
  /* Stray bytes and bad halves in one string: one reject, and the body
   * parsed is no larger than the body sent. */
  g_autofree char *stray = page_with ("{\"s\":\"a\xff\xfe\xff\xfe\xff\xfe\xc3\"},{\"s\":\"b\\ud800c\"},"
                                      "{\"n\":-99999999999999999999999},{\"s\":\"ok\"}", "0");
  DaftarSyncPage *page;
  JsonArray *changes;

  page = parse (at_most, strlen (at_most), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->rejects->len, ==, MAX_REJECTS);
  daftar_sync_page_free (page);
  assert_refused (too_many, strlen (too_many), "more than 1,000 changes with text that cannot be stored");

  page = parse (stray, strlen (stray), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->rejects->len, ==, 2);
  g_assert_cmpint (((DaftarSyncTakenOut *) g_ptr_array_index (page->rejects, 0))->reason->code, ==,
                   DAFTAR_REJECT_NOT_UTF8);
  g_assert_cmpstr (((DaftarSyncTakenOut *) g_ptr_array_index (page->rejects, 0))->raw, ==,
                   "{\"s\":\"a\xef\xbf\xbf\"}");
  g_assert_cmpint (((DaftarSyncTakenOut *) g_ptr_array_index (page->rejects, 1))->reason->code, ==,
                   DAFTAR_REJECT_SURROGATE);
  changes = json_object_get_array_member (json_node_get_object (page->root), "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 2);
  /* Past 64 bits: a real number, which no integer field takes. */
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (json_array_get_object_element (changes, 0), "n")),
                   ==, G_TYPE_DOUBLE);
  daftar_sync_page_free (page);
}

static char *
bad_case (guint i)
{
  return g_strdup_printf ("{\"entity\":\"case\",\"op\":\"upsert\",\"data\":{\"id\":\"BAD-%u\",\"office_code\":\"" OFFICE "\","
                          "\"kind\":\"no-such-kind\",\"filed_at\":\"2025-02-27T09:12:00+03:30\",\"shift\":\"morning\","
                          "\"status\":\"sent\"}}", i);
}

/* A page of @n_bad invalid cases and one good one, @good. */
static JsonObject *
rejects_page (guint       n_bad,
              const char *good)
{
  g_autoptr(GString) changes = g_string_new (NULL);

  for (guint i = 0; i < n_bad; i++)
    {
      g_autofree char *change = bad_case (i);
      g_string_append_printf (changes, "%s,", change);
    }
  g_string_append_printf (changes, "{\"entity\":\"case\",\"op\":\"upsert\",\"data\":{\"id\":\"%s\",\"office_code\":\"" OFFICE "\","
                                   "\"kind\":\"petition\",\"filed_at\":\"2025-02-27T09:12:00+03:30\",\"shift\":\"morning\","
                                   "\"status\":\"sent\"}}", good);
  g_string_prepend_c (changes, '[');
  g_string_append_c (changes, ']');
  return daftar_test_page (OFFICE, n_bad > MAX_REJECTS ? "too-many" : "at-most", changes->str);
}

static void
test_rejects_limit (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autoptr(JsonObject) at_most = rejects_page (MAX_REJECTS, "GOOD-1");
  g_autoptr(JsonObject) too_many = rejects_page (MAX_REJECTS + 1, "GOOD-2");
  g_autoptr(GError) error = NULL;
  g_autofree char *cursor = NULL;
  DaftarIngestResult result = { 0 };

  g_assert_true (daftar_ingest_page (db, OFFICE, at_most, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rejected, ==, MAX_REJECTS);
  g_assert_cmpuint (result.upserted, ==, 1);
  daftar_ingest_result_clear (&result);

  /* One more and the page is refused whole: no rejects stored, no record,
   * the cursor where it was. */
  g_assert_false (daftar_ingest_page (db, OFFICE, too_many, &result, &error));
  g_assert_error (error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_BAD_PAGE);
  g_assert_nonnull (strstr (error->message, "more than 1,000 of its records are not valid"));
  g_assert_cmpuint (result.rejected, ==, 0);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM cases WHERE id = 'GOOD-2'"), ==, 0);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM sync_rejects"), ==, MAX_REJECTS);
  cursor = daftar_ingest_get_cursor (db, OFFICE, NULL);
  g_assert_cmpstr (cursor, ==, "at-most");
  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
assert_clean (const char *message)
{
  g_assert_true (g_utf8_validate (message, -1, NULL));
  for (const char *p = message; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar u = g_utf8_get_char (p);

      g_assert_false (u < 0x20 || (u >= 0x7f && u < 0xa0));
      g_assert_false ((u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069));
    }
}

static void
test_office_text (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autofree char *long_office = g_strnfill (100000, 'Z');
  g_autofree char *long_json = g_strdup_printf ("{\"protocol\":1,\"office\":\"%s\",\"cursor\":\"c\",\"has_more\":false,"
                                                "\"changes\":[]}", long_office);
  g_autoptr(JsonObject) hostile = daftar_test_parse_object ("{\"protocol\":1,\"office\":\"\\u001b[2J\\u0007EVIL\\u202e10-ZZ\\u2066\\u009b\","
                                                            "\"cursor\":\"c\",\"has_more\":false,\"changes\":[]}");
  g_autoptr(JsonObject) long_page = daftar_test_parse_object (long_json);
  g_autoptr(GError) error = NULL;
  DaftarIngestResult result = { 0 };

  /* ESC, BEL, a C1 CSI and bidi overrides from the server's page never
   * reach the message a terminal prints. */
  g_assert_false (daftar_ingest_page (db, OFFICE, hostile, &result, &error));
  g_assert_error (error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_WRONG_OFFICE);
  g_test_message ("%s", error->message);
  assert_clean (error->message);
  g_assert_nonnull (strstr (error->message, "EVIL"));
  g_assert_nonnull (strstr (error->message, OFFICE));
  g_clear_error (&error);

  /* Nor does a page's worth of it. */
  g_assert_false (daftar_ingest_page (db, OFFICE, long_page, &result, &error));
  g_assert_error (error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_WRONG_OFFICE);
  g_assert_cmpuint (strlen (error->message), <, 300);
  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_cursor_bidi (void)
{
  /* --sync-once prints the cursor: a bidi override would reorder the line. */
  const char *body = "{\"protocol\":1,\"office\":\"" OFFICE "\",\"cursor\":\"c\u202e1-evil\",\"has_more\":false,"
                     "\"changes\":[]}";
  g_autoptr(GError) error = NULL;
  DaftarSyncPage *page = parse (body, strlen (body), &error);

  g_assert_null (page);
  g_assert_error (error, DAFTAR_SYNC_ERROR, DAFTAR_SYNC_ERROR_BAD_PAGE);
  g_assert_nonnull (strstr (error->message, "cursor"));
}

static void
test_ingest_bytes_marked (void)
{
  /* daftar_ingest_page_bytes has no place for one-by-one rejects: it
   * refuses the page rather than store "A\u0000B" as "A". */
  const char *body = "{\"protocol\":1,\"office\":\"" OFFICE "\",\"cursor\":\"c-1\",\"has_more\":false,"
                     "\"changes\":[{\"entity\":\"case\",\"op\":\"upsert\",\"data\":{\"id\":\"C1\","
                     "\"office_code\":\"" OFFICE "\",\"kind\":\"petition\",\"filed_at\":\"2025-02-27T09:12:00+03:30\","
                     "\"shift\":\"morning\",\"status\":\"sent\",\"client_name\":\"AAA\\u0000BBB\"}}]}";
  g_autofree char *dir = NULL;
  g_autoptr(DaftarDb) db = daftar_test_db_new (&dir);
  g_autoptr(GBytes) bytes = g_bytes_new_static (body, strlen (body));
  g_autoptr(GError) error = NULL;
  DaftarIngestResult result = { 0 };

  g_assert_false (daftar_ingest_page_bytes (db, OFFICE, bytes, &result, &error));
  g_assert_error (error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_BAD_PAGE);
  g_assert_cmpint (daftar_test_count (db, "SELECT count(*) FROM cases"), ==, 0);
  g_clear_pointer (&db, daftar_db_close);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/check/comment-then-deep", test_comment_then_deep);
  g_test_add_func ("/sync/check/nul-after-comment", test_nul_after_comment);
  g_test_add_func ("/sync/check/not-strict", test_not_strict);
  g_test_add_func ("/sync/check/strict-accepted", test_strict_accepted);
  g_test_add_func ("/sync/check/depth", test_depth);
  g_test_add_func ("/sync/check/changes-limit", test_changes_limit);
  g_test_add_func ("/sync/check/values-limit", test_values_limit);
  g_test_add_func ("/sync/check/containers-limit", test_containers_limit);
  g_test_add_func ("/sync/check/marked", test_marked);
  g_test_add_func ("/sync/check/rejects-limit", test_rejects_limit);
  g_test_add_func ("/sync/check/office-text", test_office_text);
  g_test_add_func ("/sync/check/cursor-bidi", test_cursor_bidi);
  g_test_add_func ("/sync/check/ingest-bytes-marked", test_ingest_bytes_marked);
  return g_test_run ();
}
