/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-enums.c: the domain enums — each value's nick is its wire string both ways, and the record validator accepts exactly those nicks. */
#include "config.h"

#include "daftar-enums.h"
#include "daftar-records.h"
#include "daftar-test-util.h"

/* The wire strings of DESIGN §5, written out here rather than read from
 * the code: a nick renamed by mistake changes the protocol and the
 * database, and must fail. */
static const char * const case_kinds[] = {
  "petition", "brief", "protest", "complaint", "enforcement", "sana_registration", "other", NULL
};
static const char * const case_statuses[] = { "registered", "sent", "received", "returned", "closed", NULL };
static const char * const ticket_outcomes[] = { "waiting", "served", "no_show", "cancelled", NULL };
static const char * const notice_channels[] = { "electronic", "paper", NULL };
static const char * const feedback_channels[] = { "sms", "kiosk", "web", NULL };
static const char * const shifts[] = { "morning", "evening", NULL };
static const char * const staffing_steps[] = { "staff", "counter", "new_office", NULL };

typedef struct
{
  GType               type;
  const char * const *wire;
  guint               count;   /* the DAFTAR_N_… of the type */
} EnumCase;

static void
enum_cases (EnumCase out[7])
{
  out[0] = (EnumCase) { DAFTAR_TYPE_CASE_KIND, case_kinds, DAFTAR_N_CASE_KINDS };
  out[1] = (EnumCase) { DAFTAR_TYPE_CASE_STATUS, case_statuses, DAFTAR_N_CASE_STATUSES };
  out[2] = (EnumCase) { DAFTAR_TYPE_TICKET_OUTCOME, ticket_outcomes, DAFTAR_N_TICKET_OUTCOMES };
  out[3] = (EnumCase) { DAFTAR_TYPE_NOTICE_CHANNEL, notice_channels, DAFTAR_N_NOTICE_CHANNELS };
  out[4] = (EnumCase) { DAFTAR_TYPE_SHIFT, shifts, DAFTAR_N_SHIFTS };
  out[5] = (EnumCase) { DAFTAR_TYPE_STAFFING_STEP, staffing_steps, DAFTAR_N_STAFFING_STEPS };
  out[6] = (EnumCase) { DAFTAR_TYPE_FEEDBACK_CHANNEL, feedback_channels, DAFTAR_N_FEEDBACK_CHANNELS };
}

static void
test_round_trip (void)
{
  EnumCase cases[7];

  enum_cases (cases);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const EnumCase *e = &cases[c];

      g_assert_true (G_TYPE_IS_ENUM (e->type));
      g_assert_cmpuint (g_strv_length ((char **) e->wire), ==, e->count);
      g_assert_cmpuint (daftar_enum_n_values (e->type), ==, e->count);
      for (guint v = 0; v < e->count; v++)
        {
          int back = -1;

          g_assert_cmpstr (daftar_enum_to_nick (e->type, v), ==, e->wire[v]);
          g_assert_true (daftar_enum_from_nick (e->type, e->wire[v], &back));
          g_assert_cmpint (back, ==, v);
        }
      /* The count is no value, and nothing else is a nick. */
      g_assert_null (daftar_enum_to_nick (e->type, e->count));
      g_assert_null (daftar_enum_to_nick (e->type, -1));
      for (guint other = 0; other < G_N_ELEMENTS (cases); other++)
        for (guint v = 0; other != c && cases[other].wire[v] != NULL; v++)
          {
            int untouched = 42;

            g_assert_false (daftar_enum_from_nick (e->type, cases[other].wire[v], &untouched));
            g_assert_cmpint (untouched, ==, 42);
          }
    }
}

static void
test_from_nick_refuses (void)
{
  const char *near[] = {
    "", "Petition", "PETITION", "petition ", " petition", "sana-registration", "no-show",
    "DAFTAR_CASE_KIND_PETITION", "پتیشن", "evening\n",
  };
  int value = 42;

  g_assert_false (daftar_enum_from_nick (DAFTAR_TYPE_CASE_KIND, NULL, &value));
  for (guint i = 0; i < G_N_ELEMENTS (near); i++)
    {
      g_assert_false (daftar_enum_from_nick (DAFTAR_TYPE_CASE_KIND, near[i], &value));
      g_assert_false (daftar_enum_from_nick (DAFTAR_TYPE_TICKET_OUTCOME, near[i], &value));
      g_assert_false (daftar_enum_from_nick (DAFTAR_TYPE_SHIFT, near[i], &value));
    }
  g_assert_cmpint (value, ==, 42);
}

/* A record of @entity valid in every field but @field, set to @value. */
static gboolean
validates (DaftarEntity  entity,
           const char   *field,
           const char   *value)
{
  static const char * const base[] = {
    [DAFTAR_ENTITY_CASE] = "{\"id\": \"C1\", \"office_code\": \"O\", \"kind\": \"brief\", "
                           "\"filed_at\": \"2026-10-29T08:00:00Z\", \"shift\": \"morning\", \"status\": \"sent\"}",
    [DAFTAR_ENTITY_TICKET] = "{\"id\": \"T1\", \"office_code\": \"O\", \"service\": \"brief\", "
                             "\"issued_at\": \"2026-10-29T08:00:00Z\", \"outcome\": \"served\"}",
    [DAFTAR_ENTITY_NOTICE] = "{\"id\": \"N1\", \"office_code\": \"O\", \"channel\": \"electronic\", "
                             "\"issued_at\": \"2026-10-29T08:00:00Z\"}",
    [DAFTAR_ENTITY_FEEDBACK] = "{\"id\": \"F1\", \"office_code\": \"O\", \"rating\": 4, \"channel\": \"sms\", "
                               "\"submitted_at\": \"2026-10-29T08:00:00Z\"}",
  };
  g_autoptr(JsonObject) data = daftar_test_parse_object (base[entity]);
  g_autoptr(DaftarRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (data, field, value);
  record = daftar_record_from_json (entity, data, &error);
  if (record == NULL)
    {
      g_assert_error (error, DAFTAR_RECORD_ERROR, DAFTAR_RECORD_ERROR_ENUM);
      return FALSE;
    }
  g_assert_cmpstr (daftar_record_get (record, field)->s, ==, value);
  return TRUE;
}

/* Every enum field of every entity takes exactly the nicks of its type:
 * each of them, and no other type's nick nor a near miss. */
static void
test_validator_accepts_exactly_the_nicks (void)
{
  static const struct { DaftarEntity entity; const char *field; const char * const *wire; } fields[] = {
    { DAFTAR_ENTITY_CASE, "kind", case_kinds },
    { DAFTAR_ENTITY_CASE, "shift", shifts },
    { DAFTAR_ENTITY_CASE, "status", case_statuses },
    { DAFTAR_ENTITY_TICKET, "service", case_kinds },
    { DAFTAR_ENTITY_TICKET, "outcome", ticket_outcomes },
    { DAFTAR_ENTITY_NOTICE, "channel", notice_channels },
    { DAFTAR_ENTITY_FEEDBACK, "channel", feedback_channels },
  };
  const char * const *all[] = { case_kinds, case_statuses, ticket_outcomes, notice_channels, shifts,
                                feedback_channels };
  const char *near[] = { "", "Petition", "served ", "no-show", "Morning", "PAPER", "sana registration" };
  guint n_enum_fields = 0;

  /* No enum field without a line above. */
  for (DaftarEntity e = 0; e < DAFTAR_N_ENTITIES; e++)
    {
      guint n;
      const DaftarField *f = daftar_entity_fields (e, &n);

      for (guint i = 0; i < n; i++)
        n_enum_fields += f[i].type == DAFTAR_FIELD_ENUM;
    }
  g_assert_cmpuint (n_enum_fields, ==, G_N_ELEMENTS (fields));

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      for (guint a = 0; a < G_N_ELEMENTS (all); a++)
        for (guint v = 0; all[a][v] != NULL; v++)
          {
            gboolean own = g_strv_contains (fields[f].wire, all[a][v]);

            g_assert_cmpint (validates (fields[f].entity, fields[f].field, all[a][v]), ==, own);
          }
      for (guint i = 0; i < G_N_ELEMENTS (near); i++)
        g_assert_false (validates (fields[f].entity, fields[f].field, near[i]));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/enums/round-trip", test_round_trip);
  g_test_add_func ("/enums/from-nick-refuses", test_from_nick_refuses);
  g_test_add_func ("/enums/validator-accepts-exactly-the-nicks", test_validator_accepts_exactly_the_nicks);
  return g_test_run ();
}
