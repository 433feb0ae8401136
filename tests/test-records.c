/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-records.c: validation of protocol records — each rule refuses what it should, with a reason. */
#include "config.h"

#include <string.h>

#include "daftar-records.h"
#include "daftar-test-util.h"

#define GOOD_TICKET \
  "{\"id\": \"T1\", \"office_code\": \"YZ-ABK-01\", \"service\": \"petition\", " \
  "\"issued_at\": \"2026-10-29T08:00:00+03:30\", \"called_at\": \"2026-10-29T08:10:00+03:30\", " \
  "\"started_at\": \"2026-10-29T08:10:30+03:30\", \"finished_at\": \"2026-10-29T08:25:00+03:30\", " \
  "\"counter\": 2, \"staff_id\": \"S1\", \"outcome\": \"served\", \"unknown_field\": [1, 2]}"

static DaftarRecord *
parse (DaftarEntity entity, const char *json, GError **error)
{
  g_autoptr(JsonObject) data = daftar_test_parse_object (json);
  return daftar_record_from_json (entity, data, error);
}

static void
test_valid_ticket (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarRecord) record = parse (DAFTAR_ENTITY_TICKET, GOOD_TICKET, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (daftar_record_key (record), ==, "T1");
  g_assert_cmpint (daftar_record_get (record, "issued_at")->i, ==, 1793248200);
  g_assert_cmpint (daftar_record_get (record, "counter")->i, ==, 2);
  g_assert_true (daftar_record_get (record, "number")->is_null);
  g_assert_cmpstr (daftar_record_get (record, "outcome")->s, ==, "served");
}

typedef struct
{
  DaftarEntity entity;
  const char  *json;
  int          code;
  const char  *mentions;  /* the reason names the field */
} Bad;

static void
test_invalid (void)
{
  g_autofree char *long_text = g_strnfill (1025, 'x');
  g_autofree char *long_id = g_strnfill (65, 'i');
  g_autofree char *json_long_text = g_strdup_printf ("{\"code\": \"A\", \"name\": \"%s\"}", long_text);
  g_autofree char *json_long_id = g_strdup_printf ("{\"code\": \"%s\", \"name\": \"n\"}", long_id);
  const Bad bad[] = {
    { DAFTAR_ENTITY_CASE, "{\"id\": \"C1\", \"office_code\": \"O\", \"kind\": \"divorce\", \"filed_at\": \"2026-10-29T08:00:00Z\", \"shift\": \"morning\", \"status\": \"sent\"}",
      DAFTAR_RECORD_ERROR_ENUM, "kind" },
    { DAFTAR_ENTITY_CASE, "{\"id\": \"C1\", \"office_code\": \"O\", \"kind\": \"brief\", \"filed_at\": \"2026-10-29 08:00\", \"shift\": \"morning\", \"status\": \"sent\"}",
      DAFTAR_RECORD_ERROR_TIME, "filed_at" },
    { DAFTAR_ENTITY_CASE, "{\"id\": \"C1\", \"office_code\": \"O\", \"kind\": \"brief\", \"filed_at\": \"2026-10-29T08:00:00\", \"shift\": \"morning\", \"status\": \"sent\"}",
      DAFTAR_RECORD_ERROR_TIME, "filed_at" },
    { DAFTAR_ENTITY_CASE, "{\"id\": \"C1\", \"office_code\": \"O\", \"kind\": \"brief\", \"shift\": \"morning\", \"status\": \"sent\"}",
      DAFTAR_RECORD_ERROR_MISSING, "filed_at" },
    { DAFTAR_ENTITY_CASE, "{\"id\": \"C1\", \"office_code\": \"O\", \"kind\": \"brief\", \"filed_at\": \"2026-10-29T08:00:00Z\", \"shift\": \"morning\", \"status\": \"sent\", \"fee\": \"12000\"}",
      DAFTAR_RECORD_ERROR_TYPE, "fee" },
    { DAFTAR_ENTITY_CASE, "{\"id\": \"C1\", \"office_code\": \"O\", \"kind\": \"brief\", \"filed_at\": \"2026-10-29T08:00:00Z\", \"shift\": \"morning\", \"status\": \"sent\", \"fee\": -5}",
      DAFTAR_RECORD_ERROR_RANGE, "fee" },
    { DAFTAR_ENTITY_CASE, "{\"id\": 17, \"office_code\": \"O\", \"kind\": \"brief\", \"filed_at\": \"2026-10-29T08:00:00Z\", \"shift\": \"morning\", \"status\": \"sent\"}",
      DAFTAR_RECORD_ERROR_TYPE, "id" },
    { DAFTAR_ENTITY_TICKET, "{\"id\": \"T1\", \"office_code\": \"O\", \"service\": \"brief\", \"issued_at\": \"2026-10-29T08:00:00Z\", \"called_at\": \"2026-10-29T07:59:00Z\", \"outcome\": \"served\"}",
      DAFTAR_RECORD_ERROR_TIME_ORDER, "called_at" },
    { DAFTAR_ENTITY_TICKET, "{\"id\": \"T1\", \"office_code\": \"O\", \"service\": \"brief\", \"issued_at\": \"2026-10-29T08:00:00Z\", \"started_at\": \"2026-10-29T08:20:00Z\", \"finished_at\": \"2026-10-29T08:10:00Z\", \"outcome\": \"served\"}",
      DAFTAR_RECORD_ERROR_TIME_ORDER, "finished_at" },
    { DAFTAR_ENTITY_NOTICE, "{\"id\": \"N1\", \"office_code\": \"O\", \"channel\": \"electronic\", \"issued_at\": \"2026-10-29T08:00:00Z\", \"viewed_at\": \"2026-10-28T08:00:00Z\"}",
      DAFTAR_RECORD_ERROR_TIME_ORDER, "viewed_at" },
    { DAFTAR_ENTITY_NOTICE, "{\"id\": \"N1\", \"office_code\": \"O\", \"channel\": \"pigeon\", \"issued_at\": \"2026-10-29T08:00:00Z\"}",
      DAFTAR_RECORD_ERROR_ENUM, "channel" },
    { DAFTAR_ENTITY_OFFICE, json_long_text, DAFTAR_RECORD_ERROR_LENGTH, "name" },
    { DAFTAR_ENTITY_OFFICE, json_long_id, DAFTAR_RECORD_ERROR_LENGTH, "code" },
    { DAFTAR_ENTITY_OFFICE, "{\"code\": \"\", \"name\": \"n\"}", DAFTAR_RECORD_ERROR_LENGTH, "code" },
    { DAFTAR_ENTITY_OFFICE, "{\"code\": \"A\", \"name\": \"n\", \"counters\": 2.5}", DAFTAR_RECORD_ERROR_TYPE, "counters" },
    { DAFTAR_ENTITY_OFFICE, "{\"code\": \"A\", \"name\": \"n\", \"counters\": 1e300}", DAFTAR_RECORD_ERROR_TYPE, "counters" },
    { DAFTAR_ENTITY_OFFICE, "{\"code\": \"A\", \"name\": \"n\", \"counters\": 5000}", DAFTAR_RECORD_ERROR_RANGE, "counters" },
    { DAFTAR_ENTITY_CASE, "{\"id\": \"C1\", \"office_code\": \"O\", \"kind\": \"brief\", \"filed_at\": \"2026-10-29T08:00:00Z\", \"shift\": \"morning\", \"status\": \"sent\", \"fee\": 9000000000000000000}",
      DAFTAR_RECORD_ERROR_RANGE, "fee" },
    { DAFTAR_ENTITY_STAFF, "{\"id\": \"S\", \"office_code\": \"O\", \"name\": \"n\", \"active\": \"yes\"}", DAFTAR_RECORD_ERROR_TYPE, "active" },
    { DAFTAR_ENTITY_STANDARD, "{\"key\": \"target_wait_minutes\", \"value\": \"15\"}", DAFTAR_RECORD_ERROR_TYPE, "value" },
    { DAFTAR_ENTITY_HOLIDAY, "{\"date\": \"1405-01-01\", \"name\": \"Nowruz\"}", DAFTAR_RECORD_ERROR_TIME, "date" },
    { DAFTAR_ENTITY_HOLIDAY, "{\"date\": \"2026-03-21\", \"name\": {\"fa\": \"نوروز\"}}", DAFTAR_RECORD_ERROR_TYPE, "name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DaftarRecord) record = parse (bad[i].entity, bad[i].json, &error);

      g_test_message ("case %u: %s", i, error ? error->message : "(accepted)");
      g_assert_null (record);
      g_assert_error (error, DAFTAR_RECORD_ERROR, bad[i].code);
      g_assert_nonnull (strstr (error->message, bad[i].mentions));
    }
}

static void
test_limits_inclusive (void)
{
  g_autofree char *text = g_strnfill (1024, 'x');
  g_autofree char *id = g_strnfill (64, 'i');
  g_autofree char *json = g_strdup_printf ("{\"code\": \"%s\", \"name\": \"%s\", \"counters\": 3.0, \"city\": null}", id, text);
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarRecord) record = parse (DAFTAR_ENTITY_OFFICE, json, &error);

  g_assert_no_error (error);
  g_assert_cmpint (daftar_record_get (record, "counters")->i, ==, 3);
  g_assert_true (daftar_record_get (record, "city")->is_null);
}

static char *
case_with_fee (const char *fee)
{
  return g_strdup_printf ("{\"id\": \"C1\", \"office_code\": \"O\", \"kind\": \"brief\", "
                          "\"filed_at\": \"2026-10-29T08:00:00Z\", \"shift\": \"morning\", "
                          "\"status\": \"sent\", \"fee\": %s}", fee);
}

/* A fee is at most 10^12 rials: the old limit, 10^15, let 9,224 fees of
 * one day overflow its sum and wedge the office's sync. */
static void
test_fee_limit (void)
{
  static const char * const over[] = { "1000000000001", "1000000000000000", "1e15" };
  g_autofree char *at_limit = case_with_fee ("1000000000000");
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarRecord) record = parse (DAFTAR_ENTITY_CASE, at_limit, &error);

  g_assert_no_error (error);
  g_assert_cmpint (daftar_record_get (record, "fee")->i, ==, G_GINT64_CONSTANT (1000000000000));
  for (guint i = 0; i < G_N_ELEMENTS (over); i++)
    {
      g_autofree char *json = case_with_fee (over[i]);
      g_autoptr(GError) over_error = NULL;
      g_autoptr(DaftarRecord) refused = parse (DAFTAR_ENTITY_CASE, json, &over_error);

      g_assert_null (refused);
      g_assert_error (over_error, DAFTAR_RECORD_ERROR, DAFTAR_RECORD_ERROR_RANGE);
      g_assert_nonnull (strstr (over_error->message, "fee"));
    }
}

#define FEEDBACK(rating, channel) \
  "{\"id\": \"F1\", \"office_code\": \"O\", \"ticket_id\": \"T1\", \"rating\": " rating ", " \
  "\"channel\": " channel ", \"submitted_at\": \"2026-10-29T10:00:00+03:30\", " \
  "\"comment\": \"صف خیلی طولانی بود\"}"

/* A client's rating: 1..5 and a known channel, each refused with a
 * reason that names the field. */
static void
test_feedback (void)
{
  static const Bad bad[] = {
    { DAFTAR_ENTITY_FEEDBACK, FEEDBACK ("0", "\"sms\""), DAFTAR_RECORD_ERROR_RANGE, "rating 0 is outside the scale of 1 to 5" },
    { DAFTAR_ENTITY_FEEDBACK, FEEDBACK ("6", "\"sms\""), DAFTAR_RECORD_ERROR_RANGE, "rating 6 is outside the scale of 1 to 5" },
    { DAFTAR_ENTITY_FEEDBACK, FEEDBACK ("-1", "\"sms\""), DAFTAR_RECORD_ERROR_RANGE, "rating" },
    { DAFTAR_ENTITY_FEEDBACK, FEEDBACK ("4.5", "\"sms\""), DAFTAR_RECORD_ERROR_TYPE, "rating" },
    { DAFTAR_ENTITY_FEEDBACK, FEEDBACK ("\"5\"", "\"sms\""), DAFTAR_RECORD_ERROR_TYPE, "rating" },
    { DAFTAR_ENTITY_FEEDBACK, FEEDBACK ("null", "\"sms\""), DAFTAR_RECORD_ERROR_MISSING, "rating" },
    { DAFTAR_ENTITY_FEEDBACK, FEEDBACK ("3", "\"email\""), DAFTAR_RECORD_ERROR_ENUM, "channel" },
    { DAFTAR_ENTITY_FEEDBACK, FEEDBACK ("3", "\"SMS\""), DAFTAR_RECORD_ERROR_ENUM, "channel" },
    { DAFTAR_ENTITY_FEEDBACK, FEEDBACK ("3", "null"), DAFTAR_RECORD_ERROR_MISSING, "channel" },
  };
  const char *channels[] = { "sms", "kiosk", "web" };

  for (guint rating = 1; rating <= 5; rating++)
    for (guint c = 0; c < G_N_ELEMENTS (channels); c++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *json = g_strdup_printf ("{\"id\": \"F1\", \"office_code\": \"O\", \"rating\": %u, "
                                                 "\"channel\": \"%s\", \"submitted_at\": \"2026-10-29T10:00:00Z\"}",
                                                 rating, channels[c]);
        g_autoptr(DaftarRecord) record = parse (DAFTAR_ENTITY_FEEDBACK, json, &error);

        g_assert_no_error (error);
        g_assert_cmpint (daftar_record_get (record, "rating")->i, ==, rating);
        g_assert_cmpstr (daftar_record_get (record, "channel")->s, ==, channels[c]);
        g_assert_true (daftar_record_get (record, "ticket_id")->is_null);
        g_assert_true (daftar_record_get (record, "comment")->is_null);
      }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DaftarRecord) record = parse (bad[i].entity, bad[i].json, &error);

      g_test_message ("case %u: %s", i, error ? error->message : "(accepted)");
      g_assert_null (record);
      g_assert_error (error, DAFTAR_RECORD_ERROR, bad[i].code);
      g_assert_nonnull (strstr (error->message, bad[i].mentions));
    }
  g_assert_cmpstr (daftar_entity_table (DAFTAR_ENTITY_FEEDBACK), ==, "feedback");
  g_assert_cmpstr (daftar_entity_name (DAFTAR_ENTITY_FEEDBACK), ==, "feedback");
}

static void
test_entities (void)
{
  DaftarEntity entity;

  for (guint i = 0; i < DAFTAR_N_ENTITIES; i++)
    {
      g_assert_true (daftar_entity_from_name (daftar_entity_name (i), &entity));
      g_assert_cmpint (entity, ==, i);
    }
  g_assert_false (daftar_entity_from_name ("lawyer", &entity));
  g_assert_cmpstr (daftar_entity_key (DAFTAR_ENTITY_OFFICE), ==, "code");
  g_assert_cmpstr (daftar_entity_key (DAFTAR_ENTITY_STANDARD), ==, "key");
  g_assert_cmpstr (daftar_entity_key (DAFTAR_ENTITY_HOLIDAY), ==, "date");
  g_assert_cmpstr (daftar_entity_table (DAFTAR_ENTITY_CASE), ==, "cases");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/records/valid-ticket", test_valid_ticket);
  g_test_add_func ("/records/invalid", test_invalid);
  g_test_add_func ("/records/limits-inclusive", test_limits_inclusive);
  g_test_add_func ("/records/fee-limit", test_fee_limit);
  g_test_add_func ("/records/entities", test_entities);
  g_test_add_func ("/records/feedback", test_feedback);
  return g_test_run ();
}
