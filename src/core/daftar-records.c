/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-records.c: the synced entities, their fields, and validation of a record from its protocol JSON. */
#define G_LOG_DOMAIN "daftar-records"

#include "config.h"

#include <math.h>
#include <string.h>

#include "daftar-records.h"
#include "daftar-text.h"
#include "daftar-time.h"

#define MAX_TEXT_BYTES 1024
#define MAX_ID_BYTES 64

/* An error of this domain carries its reason as a code and arguments, so
 * that the reason is stored as such and shown in the UI's language; its
 * message is the English sentence, for the reason column and for logs. */
typedef struct
{
  DaftarRejectReason *reason;   /* owned, nullable */
} DaftarRecordErrorPrivate;

static void
daftar_record_error_private_init (DaftarRecordErrorPrivate *priv)
{
  priv->reason = NULL;
}

static void
daftar_record_error_private_copy (const DaftarRecordErrorPrivate *src,
                                  DaftarRecordErrorPrivate       *dest)
{
  dest->reason = src->reason != NULL ? daftar_reject_reason_copy (src->reason) : NULL;
}

static void
daftar_record_error_private_clear (DaftarRecordErrorPrivate *priv)
{
  g_clear_pointer (&priv->reason, daftar_reject_reason_free);
}

G_DEFINE_EXTENDED_ERROR (DaftarRecordError, daftar_record_error)

void
daftar_record_set_error (GError             **error,
                         DaftarRecordError    code,
                         DaftarRejectReason  *reason)
{
  g_autofree char *message = NULL;

  if (error == NULL)
    {
      daftar_reject_reason_free (reason);
      return;
    }
  message = daftar_reject_reason_english (reason);
  g_set_error_literal (error, DAFTAR_RECORD_ERROR, code, message);
  daftar_record_error_get_private (*error)->reason = reason;
}

const DaftarRejectReason *
daftar_record_error_get_reason (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);
  if (error->domain != DAFTAR_RECORD_ERROR)
    return NULL;
  return daftar_record_error_get_private (error)->reason;
}

/* A number as a reason's argument: C notation, whatever the locale. */
static char *
int_arg (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static char *
real_arg (double      value,
          const char *format)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, format, value));
}

/* What a server may set as a standard. A value outside its range is no
 * office's, and some would cost the advisor dearly: max_counters 1e9 with
 * occupancy_cap 1e-9 made the staffing search walk a billion counters for
 * every hour. A new standard is one more line here, and a field in
 * DaftarStandards where it is read. */
const DaftarStandardRange daftar_standard_ranges[] = {
  /* A target under a minute cannot be told from the ticket clock's
   * rounding; four hours is most of a shift, past which "within the
   * target" says nothing. */
  { "target_wait_minutes", 1, 240, FALSE },
  /* Shares of clients or notices: any share is a target someone may set,
   * 0 included (no target). */
  { "target_service_level", 0, 1, FALSE },
  { "target_read_rate", 0, 1, FALSE },
  /* Cases one person files in a shift of about six hours: the judiciary's
   * 25, and room up to one every two minutes. */
  { "max_cases_per_staff_shift", 1, 200, TRUE },
  /* A counter busy less than half the time by design is no office's
   * standard (contact centres cap at 85–90 %); 1 is no cap beyond keeping
   * up. The floor also bounds how many counters the cap can ask for. */
  { "occupancy_cap", 0.5, 1, FALSE },
  /* The largest offices run a couple of dozen counters; 50 leaves room and
   * keeps the staffing search to a few dozen steps an hour. */
  { "max_counters", 1, 50, TRUE },
  /* Client care (issue 15). A share of called tickets: 0 is "never out of
   * turn", 1 no limit. */
  { "max_out_of_turn_share", 0, 1, FALSE },
  /* Chairs in the waiting room: at least one; 500 is more than the largest
   * hall of any office seats, and past it "over the seats" would mean
   * nothing an office could act on. */
  { "waiting_room_seats", 1, 500, TRUE },
  /* The mean rating the office aims for, on the clients' own 1..5 scale. */
  { "target_rating", DAFTAR_RATING_MIN, DAFTAR_RATING_MAX, FALSE },
  { NULL }
};

#define F(name, type, required) { name, DAFTAR_FIELD_##type, required, NULL }
#define E(name, type, required) { name, DAFTAR_FIELD_ENUM, required, daftar_##type##_get_type }

/* The first field of each entity is its key. Columns are named as in the
 * protocol and in src/sql; keep the three in step. */
static const DaftarField office_fields[] = {
  F ("code", ID, TRUE), F ("name", TEXT, TRUE), F ("city", TEXT, FALSE),
  F ("province", TEXT, FALSE), F ("counters", INT, FALSE), F ("updated_at", TIME, FALSE),
};
static const DaftarField staff_fields[] = {
  F ("id", ID, TRUE), F ("office_code", ID, TRUE), F ("name", TEXT, TRUE),
  F ("role", TEXT, FALSE), F ("active", BOOL, FALSE),
};
static const DaftarField case_fields[] = {
  F ("id", ID, TRUE), F ("office_code", ID, TRUE), F ("tracking_code", TEXT, FALSE),
  E ("kind", case_kind, TRUE), F ("filed_at", TIME, TRUE),
  E ("shift", shift, TRUE), F ("counter", INT, FALSE), F ("staff_id", ID, FALSE),
  F ("client_name", TEXT, FALSE), F ("subject", TEXT, FALSE), F ("dest_court", TEXT, FALSE),
  F ("dest_city", TEXT, FALSE), F ("dest_province", TEXT, FALSE),
  E ("status", case_status, TRUE), F ("fee", INT, FALSE), F ("updated_at", TIME, FALSE),
};
static const DaftarField ticket_fields[] = {
  F ("id", ID, TRUE), F ("office_code", ID, TRUE), F ("number", INT, FALSE),
  E ("service", case_kind, TRUE), F ("issued_at", TIME, TRUE),
  F ("called_at", TIME, FALSE), F ("started_at", TIME, FALSE), F ("finished_at", TIME, FALSE),
  F ("counter", INT, FALSE), F ("staff_id", ID, FALSE),
  E ("outcome", ticket_outcome, TRUE),
};
static const DaftarField notice_fields[] = {
  F ("id", ID, TRUE), F ("office_code", ID, TRUE), F ("case_id", ID, FALSE),
  E ("channel", notice_channel, TRUE), F ("issued_at", TIME, TRUE),
  F ("delivered_at", TIME, FALSE), F ("viewed_at", TIME, FALSE), F ("deemed_at", TIME, FALSE),
};
/* The comment is the client's own words: stored, searchable, shown only on
 * the office's own page (daftar-care*.c). */
static const DaftarField feedback_fields[] = {
  F ("id", ID, TRUE), F ("office_code", ID, TRUE), F ("ticket_id", ID, FALSE),
  F ("case_id", ID, FALSE), F ("rating", INT, TRUE), E ("channel", feedback_channel, TRUE),
  F ("submitted_at", TIME, TRUE), F ("comment", TEXT, FALSE),
};
static const DaftarField standard_fields[] = {
  F ("key", ID, TRUE), F ("value", REAL, TRUE),
};
static const DaftarField holiday_fields[] = {
  F ("date", DATE, TRUE), F ("name", TEXT, TRUE),
};

#undef F
#undef E

typedef struct
{
  const char        *name;
  const char        *table;
  const DaftarField *fields;
  guint              n_fields;
} EntityInfo;

static const EntityInfo entities[DAFTAR_N_ENTITIES] = {
  [DAFTAR_ENTITY_OFFICE]   = { "office",   "offices",   office_fields,   G_N_ELEMENTS (office_fields) },
  [DAFTAR_ENTITY_STAFF]    = { "staff",    "staff",     staff_fields,    G_N_ELEMENTS (staff_fields) },
  [DAFTAR_ENTITY_CASE]     = { "case",     "cases",     case_fields,     G_N_ELEMENTS (case_fields) },
  [DAFTAR_ENTITY_TICKET]   = { "ticket",   "tickets",   ticket_fields,   G_N_ELEMENTS (ticket_fields) },
  [DAFTAR_ENTITY_NOTICE]   = { "notice",   "notices",   notice_fields,   G_N_ELEMENTS (notice_fields) },
  [DAFTAR_ENTITY_STANDARD] = { "standard", "standards", standard_fields, G_N_ELEMENTS (standard_fields) },
  [DAFTAR_ENTITY_HOLIDAY]  = { "holiday",  "holidays",  holiday_fields,  G_N_ELEMENTS (holiday_fields) },
  [DAFTAR_ENTITY_FEEDBACK] = { "feedback", "feedback",  feedback_fields, G_N_ELEMENTS (feedback_fields) },
};

G_STATIC_ASSERT (G_N_ELEMENTS (case_fields) <= DAFTAR_MAX_FIELDS);

const char *
daftar_entity_name (DaftarEntity entity)
{
  g_return_val_if_fail (entity < DAFTAR_N_ENTITIES, NULL);
  return entities[entity].name;
}

gboolean
daftar_entity_from_name (const char   *name,
                         DaftarEntity *out_entity)
{
  for (guint i = 0; i < DAFTAR_N_ENTITIES; i++)
    if (g_strcmp0 (name, entities[i].name) == 0)
      {
        *out_entity = i;
        return TRUE;
      }
  return FALSE;
}

const char *
daftar_entity_table (DaftarEntity entity)
{
  g_return_val_if_fail (entity < DAFTAR_N_ENTITIES, NULL);
  return entities[entity].table;
}

const char *
daftar_entity_key (DaftarEntity entity)
{
  g_return_val_if_fail (entity < DAFTAR_N_ENTITIES, NULL);
  return entities[entity].fields[0].name;
}

const DaftarField *
daftar_entity_fields (DaftarEntity  entity,
                      guint        *n_fields)
{
  g_return_val_if_fail (entity < DAFTAR_N_ENTITIES, NULL);
  *n_fields = entities[entity].n_fields;
  return entities[entity].fields;
}

gboolean
daftar_record_check_id (const char  *id,
                        GError     **error)
{
  size_t len = id ? strlen (id) : 0;

  if (len == 0 || len > MAX_ID_BYTES)
    {
      g_autofree char *most = int_arg (MAX_ID_BYTES);
      g_autofree char *bytes = int_arg ((gint64) len);

      daftar_record_set_error (error, DAFTAR_RECORD_ERROR_LENGTH,
                               daftar_reject_reason_new (DAFTAR_REJECT_ID_LENGTH, "id", "1", most, bytes, NULL));
      return FALSE;
    }
  if (!g_utf8_validate (id, len, NULL))
    {
      daftar_record_set_error (error, DAFTAR_RECORD_ERROR_TYPE,
                               daftar_reject_reason_new (DAFTAR_REJECT_FIELD_NOT_UTF8, "id", NULL));
      return FALSE;
    }
  return TRUE;
}

/* As daftar-reject-reasons.c names JSON types. */
static const char *
json_type_name (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "array";
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:  return "string";
    case G_TYPE_BOOLEAN: return "boolean";
    case G_TYPE_INT64:   return "integer";
    case G_TYPE_DOUBLE:  return "number";
    default:             return "value";
    }
}

/* @wanted: "string", "integer", "number" or "boolean". */
static gboolean
expect_type (const DaftarField  *field,
             JsonNode           *node,
             GType               type,
             const char         *wanted,
             GError            **error)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type)
    return TRUE;
  /* A whole number written as 3.0 is still an integer. */
  if (type == G_TYPE_INT64 && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);
      /* Casting a double outside gint64's range is undefined: check first. */
      if (isfinite (d) && d >= -9223372036854775808.0 && d < 9223372036854775808.0 && d == trunc (d))
        return TRUE;
    }
  if (type == G_TYPE_DOUBLE && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_INT64)
    return TRUE;
  daftar_record_set_error (error, DAFTAR_RECORD_ERROR_TYPE,
                           daftar_reject_reason_new (DAFTAR_REJECT_TYPE, field->name, wanted,
                                                     json_type_name (node), NULL));
  return FALSE;
}

/* Counters and ticket numbers are small. Fees are rials: 10^12 (a hundred
 * billion tomans) is beyond any office fee, and keeps even the network's
 * five years at the design's scale (five million cases) under 5 × 10^18,
 * below what a sum can hold (daftar-sum.h). The old limit, 10^15, let 9,224
 * fees overflow one day's sum. */
static gint64
int_maximum (const DaftarField *field)
{
  if (g_str_equal (field->name, "counter") || g_str_equal (field->name, "counters"))
    return 1000;
  if (g_str_equal (field->name, "number"))
    return 1000000;
  return G_GINT64_CONSTANT (1000000000000);
}

static gboolean
parse_value (const DaftarField  *field,
             JsonNode           *node,
             DaftarValue        *value,
             GError            **error)
{
  const char *s;
  size_t len;

  switch (field->type)
    {
    case DAFTAR_FIELD_ID:
    case DAFTAR_FIELD_TEXT:
    case DAFTAR_FIELD_ENUM:
    case DAFTAR_FIELD_DATE:
    case DAFTAR_FIELD_TIME:
      if (!expect_type (field, node, G_TYPE_STRING, "string", error))
        return FALSE;
      s = json_node_get_string (node);
      len = strlen (s);
      if (!g_utf8_validate (s, len, NULL))
        {
          daftar_record_set_error (error, DAFTAR_RECORD_ERROR_TYPE,
                                   daftar_reject_reason_new (DAFTAR_REJECT_FIELD_NOT_UTF8, field->name, NULL));
          return FALSE;
        }
      if (field->type == DAFTAR_FIELD_ID && (len == 0 || len > MAX_ID_BYTES))
        {
          g_autofree char *most = int_arg (MAX_ID_BYTES);
          g_autofree char *bytes = int_arg ((gint64) len);

          daftar_record_set_error (error, DAFTAR_RECORD_ERROR_LENGTH,
                                   daftar_reject_reason_new (DAFTAR_REJECT_ID_LENGTH, field->name, "1", most, bytes,
                                                             NULL));
          return FALSE;
        }
      if (len > MAX_TEXT_BYTES)
        {
          g_autofree char *bytes = int_arg ((gint64) len);
          g_autofree char *most = int_arg (MAX_TEXT_BYTES);

          daftar_record_set_error (error, DAFTAR_RECORD_ERROR_LENGTH,
                                   daftar_reject_reason_new (DAFTAR_REJECT_LENGTH, field->name, bytes, most, NULL));
          return FALSE;
        }
      if (field->type == DAFTAR_FIELD_ENUM)
        {
          int member;

          if (!daftar_enum_from_nick (field->enum_type (), s, &member))
            {
              daftar_record_set_error (error, DAFTAR_RECORD_ERROR_ENUM,
                                       daftar_reject_reason_new (DAFTAR_REJECT_ENUM, field->name, s, NULL));
              return FALSE;
            }
        }
      if (field->type == DAFTAR_FIELD_TIME)
        {
          if (!daftar_time_parse_rfc3339 (s, &value->i))
            {
              g_autofree char *first = int_arg (DAFTAR_TIME_FIRST_YEAR);
              g_autofree char *last = int_arg (DAFTAR_TIME_LAST_YEAR);

              daftar_record_set_error (error, DAFTAR_RECORD_ERROR_TIME,
                                       daftar_reject_reason_new (DAFTAR_REJECT_TIME, field->name, s,
                                                                 first, last, NULL));
              return FALSE;
            }
          return TRUE;
        }
      if (field->type == DAFTAR_FIELD_DATE)
        {
          GDate date;
          /* A year like 1405 is a Jalali date sent by mistake: the
           * protocol's dates are Gregorian. */
          if (!daftar_time_parse_day (s, &date) ||
              g_date_get_year (&date) < DAFTAR_TIME_FIRST_YEAR ||
              g_date_get_year (&date) > DAFTAR_TIME_LAST_YEAR)
            {
              daftar_record_set_error (error, DAFTAR_RECORD_ERROR_TIME,
                                       daftar_reject_reason_new (DAFTAR_REJECT_DATE, field->name, s, NULL));
              return FALSE;
            }
        }
      value->s = g_strdup (s);
      return TRUE;

    case DAFTAR_FIELD_INT:
      if (!expect_type (field, node, G_TYPE_INT64, "integer", error))
        return FALSE;
      value->i = json_node_get_value_type (node) == G_TYPE_DOUBLE
                   ? (gint64) json_node_get_double (node) : json_node_get_int (node);
      if (value->i < 0)
        {
          daftar_record_set_error (error, DAFTAR_RECORD_ERROR_RANGE,
                                   daftar_reject_reason_new (DAFTAR_REJECT_NEGATIVE, field->name, NULL));
          return FALSE;
        }
      /* Rollups sum these: an absurd value from a server is rejected here,
       * so that sums stay exact at any real office's scale. */
      if (value->i > int_maximum (field))
        {
          g_autofree char *sent = int_arg (value->i);
          g_autofree char *limit = int_arg (int_maximum (field));

          daftar_record_set_error (error, DAFTAR_RECORD_ERROR_RANGE,
                                   daftar_reject_reason_new (DAFTAR_REJECT_RANGE, field->name, sent, limit, NULL));
          return FALSE;
        }
      return TRUE;

    case DAFTAR_FIELD_REAL:
      if (!expect_type (field, node, G_TYPE_DOUBLE, "number", error))
        return FALSE;
      value->d = json_node_get_double (node);
      return TRUE;

    case DAFTAR_FIELD_BOOL:
      if (!expect_type (field, node, G_TYPE_BOOLEAN, "boolean", error))
        return FALSE;
      value->i = json_node_get_boolean (node);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
check_order (const DaftarRecord  *record,
             const char          *earlier,
             const char          *later,
             GError             **error)
{
  const DaftarValue *a = daftar_record_get (record, earlier);
  const DaftarValue *b = daftar_record_get (record, later);

  if (a->is_null || b->is_null || a->i <= b->i)
    return TRUE;
  daftar_record_set_error (error, DAFTAR_RECORD_ERROR_TIME_ORDER,
                           daftar_reject_reason_new (DAFTAR_REJECT_TIME_ORDER, later, earlier, NULL));
  return FALSE;
}

/* Times of one record must follow the order in which things happen. */
static gboolean
check_time_order (const DaftarRecord  *record,
                  GError             **error)
{
  switch (record->entity)
    {
    case DAFTAR_ENTITY_TICKET:
      return check_order (record, "issued_at", "called_at", error) &&
             check_order (record, "called_at", "started_at", error) &&
             check_order (record, "issued_at", "started_at", error) &&
             check_order (record, "started_at", "finished_at", error) &&
             check_order (record, "issued_at", "finished_at", error);
    case DAFTAR_ENTITY_NOTICE:
      return check_order (record, "issued_at", "delivered_at", error) &&
             check_order (record, "issued_at", "viewed_at", error) &&
             check_order (record, "issued_at", "deemed_at", error);
    /* Their times are checked one by one, not against each other. */
    case DAFTAR_ENTITY_OFFICE:
    case DAFTAR_ENTITY_STAFF:
    case DAFTAR_ENTITY_CASE:
    case DAFTAR_ENTITY_STANDARD:
    case DAFTAR_ENTITY_HOLIDAY:
    case DAFTAR_ENTITY_FEEDBACK:
      return TRUE;
    case DAFTAR_N_ENTITIES:
    default:
      g_return_val_if_reached (FALSE);
    }
}

const DaftarStandardRange *
daftar_standard_range (const char *key)
{
  for (const DaftarStandardRange *range = daftar_standard_ranges; range->key != NULL; range++)
    if (g_strcmp0 (range->key, key) == 0)
      return range;
  return NULL;
}

double
daftar_standard_clamp (const DaftarStandardRange *range,
                       double                     value)
{
  if (isnan (value))
    return range->min;
  value = CLAMP (value, range->min, range->max);
  return range->integer ? floor (value) : value;
}

/* Only a standard Daftar knows, within its range: a reject, with the
 * reason, like any other bad record. */
static gboolean
check_standard (const DaftarRecord  *record,
                GError             **error)
{
  const char *key = daftar_record_key (record);
  double value = daftar_record_get (record, "value")->d;
  const DaftarStandardRange *range = daftar_standard_range (key);

  if (range == NULL)
    {
      /* The key as sent: it is made printable wherever it is shown. */
      daftar_record_set_error (error, DAFTAR_RECORD_ERROR_ENUM,
                               daftar_reject_reason_new (DAFTAR_REJECT_STANDARD_UNKNOWN, key, NULL));
      return FALSE;
    }
  /* Written so that NaN fails too. */
  if (!(value >= range->min && value <= range->max))
    {
      g_autofree char *sent = real_arg (value, "%.15g");
      g_autofree char *min = real_arg (range->min, "%g");
      g_autofree char *max = real_arg (range->max, "%g");

      daftar_record_set_error (error, DAFTAR_RECORD_ERROR_RANGE,
                               daftar_reject_reason_new (DAFTAR_REJECT_STANDARD_RANGE, key, sent, min, max, NULL));
      return FALSE;
    }
  if (range->integer && value != floor (value))
    {
      g_autofree char *sent = real_arg (value, "%.15g");

      daftar_record_set_error (error, DAFTAR_RECORD_ERROR_RANGE,
                               daftar_reject_reason_new (DAFTAR_REJECT_STANDARD_WHOLE, key, sent, NULL));
      return FALSE;
    }
  return TRUE;
}

/* A rating is on the clients' scale of 1 to 5: 0 or 6 is no rating, and
 * would pull the office's mean where no client put it. */
static gboolean
check_feedback (const DaftarRecord  *record,
                GError             **error)
{
  gint64 rating = daftar_record_get (record, "rating")->i;

  if (rating >= DAFTAR_RATING_MIN && rating <= DAFTAR_RATING_MAX)
    return TRUE;
  {
    g_autofree char *sent = int_arg (rating);
    g_autofree char *lowest = int_arg (DAFTAR_RATING_MIN);
    g_autofree char *highest = int_arg (DAFTAR_RATING_MAX);

    daftar_record_set_error (error, DAFTAR_RECORD_ERROR_RANGE,
                             daftar_reject_reason_new (DAFTAR_REJECT_RATING, sent, lowest, highest, NULL));
  }
  return FALSE;
}

DaftarRecord *
daftar_record_from_json (DaftarEntity   entity,
                         JsonObject    *data,
                         GError       **error)
{
  g_autoptr(DaftarRecord) record = NULL;
  const EntityInfo *info;

  g_return_val_if_fail (entity < DAFTAR_N_ENTITIES, NULL);
  info = &entities[entity];

  record = g_new0 (DaftarRecord, 1);
  record->entity = entity;
  record->n_values = info->n_fields;

  for (guint i = 0; i < info->n_fields; i++)
    {
      const DaftarField *field = &info->fields[i];
      JsonNode *node = json_object_get_member (data, field->name);
      DaftarValue *value = &record->values[i];

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        {
          if (field->required)
            {
              daftar_record_set_error (error, DAFTAR_RECORD_ERROR_MISSING,
                                       daftar_reject_reason_new (DAFTAR_REJECT_MISSING, field->name, NULL));
              return NULL;
            }
          value->is_null = TRUE;
          continue;
        }
      if (!parse_value (field, node, value, error))
        return NULL;
    }

  if (!check_time_order (record, error))
    return NULL;
  if (entity == DAFTAR_ENTITY_STANDARD && !check_standard (record, error))
    return NULL;
  if (entity == DAFTAR_ENTITY_FEEDBACK && !check_feedback (record, error))
    return NULL;

  return g_steal_pointer (&record);
}

void
daftar_record_free (DaftarRecord *record)
{
  if (record == NULL)
    return;
  for (guint i = 0; i < record->n_values; i++)
    g_free (record->values[i].s);
  g_free (record);
}

const char *
daftar_record_key (const DaftarRecord *record)
{
  return record->values[0].s;
}

const DaftarValue *
daftar_record_get (const DaftarRecord *record,
                   const char         *field)
{
  const EntityInfo *info = &entities[record->entity];

  for (guint i = 0; i < info->n_fields; i++)
    if (strcmp (info->fields[i].name, field) == 0)
      return &record->values[i];
  g_return_val_if_reached (NULL);
}
