/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-records.h: the synced entities, their fields, and validation of a
 * record from its protocol JSON (DESIGN §5, §6). */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "daftar-enums.h"
#include "daftar-reject-reasons.h"

G_BEGIN_DECLS

#define DAFTAR_RECORD_ERROR (daftar_record_error_quark ())

typedef enum {
  DAFTAR_RECORD_ERROR_MISSING,      /* a required field is absent or null */
  DAFTAR_RECORD_ERROR_TYPE,         /* wrong JSON type */
  DAFTAR_RECORD_ERROR_ENUM,         /* value outside the allowed set */
  DAFTAR_RECORD_ERROR_TIME,         /* not an RFC 3339 time with offset */
  DAFTAR_RECORD_ERROR_TIME_ORDER,   /* e.g. called before issued */
  DAFTAR_RECORD_ERROR_LENGTH,       /* string over 1 KiB, id empty or over 64 bytes */
  DAFTAR_RECORD_ERROR_RANGE,        /* a number out of its range */
} DaftarRecordError;

typedef enum {
  DAFTAR_ENTITY_OFFICE,
  DAFTAR_ENTITY_STAFF,
  DAFTAR_ENTITY_CASE,
  DAFTAR_ENTITY_TICKET,
  DAFTAR_ENTITY_NOTICE,
  DAFTAR_ENTITY_STANDARD,
  DAFTAR_ENTITY_HOLIDAY,
  DAFTAR_ENTITY_FEEDBACK,   /* a client's rating of a visit, 1..5 (sql/009-client-care.sql) */
  DAFTAR_N_ENTITIES
} DaftarEntity;

typedef enum {
  DAFTAR_FIELD_ID,     /* string, 1..64 bytes */
  DAFTAR_FIELD_TEXT,   /* string, at most 1 KiB */
  DAFTAR_FIELD_ENUM,   /* a nick of the field's enum type (daftar-enums.h) */
  DAFTAR_FIELD_TIME,   /* RFC 3339 string with offset, stored as Unix seconds */
  DAFTAR_FIELD_DATE,   /* 'YYYY-MM-DD' */
  DAFTAR_FIELD_INT,    /* JSON integer, >= 0 */
  DAFTAR_FIELD_REAL,   /* JSON number */
  DAFTAR_FIELD_BOOL,   /* JSON boolean */
} DaftarFieldType;

typedef struct {
  const char         *name;     /* JSON member and SQL column */
  DaftarFieldType     type;
  gboolean            required;
  GType             (*enum_type) (void);  /* DAFTAR_FIELD_ENUM only */
} DaftarField;

#define DAFTAR_MAX_FIELDS 20

typedef struct {
  gboolean  is_null;
  gint64    i;   /* INT, BOOL, TIME */
  double    d;   /* REAL */
  char     *s;   /* ID, TEXT, ENUM, DATE; owned */
} DaftarValue;

typedef struct {
  DaftarEntity entity;
  guint        n_values;
  DaftarValue  values[DAFTAR_MAX_FIELDS];  /* in the order of the entity's fields */
} DaftarRecord;

/* A service standard the server may set, and the values an office could
 * really have; a standard upsert outside them, or with another key, is
 * rejected. */
typedef struct {
  const char *key;
  double      min;
  double      max;
  gboolean    integer;   /* a count: 6.5 counters means nothing */
} DaftarStandardRange;

/* A client's rating is a whole number from 1 (very poor) to 5 (very good). */
#define DAFTAR_RATING_MIN 1
#define DAFTAR_RATING_MAX 5

/* Terminated by a NULL key; see daftar-records.c for why each range. */
extern const DaftarStandardRange daftar_standard_ranges[];

GQuark             daftar_record_error_quark     (void);
/* Sets @error in DAFTAR_RECORD_ERROR with @code: its message is @reason's
 * English sentence, and @reason (taken) goes with it, for the reject row. */
void               daftar_record_set_error       (GError            **error,
                                                  DaftarRecordError   code,
                                                  DaftarRejectReason *reason);
/* The reason an error of DAFTAR_RECORD_ERROR carries, or NULL. */
const DaftarRejectReason *daftar_record_error_get_reason (const GError *error);

const char        *daftar_entity_name            (DaftarEntity entity);
gboolean           daftar_entity_from_name       (const char   *name,
                                                  DaftarEntity *out_entity);
/* SQL table and the name of its key column ("id", or "code", "key", "date"). */
const char        *daftar_entity_table           (DaftarEntity entity);
const char        *daftar_entity_key             (DaftarEntity entity);

const DaftarField *daftar_entity_fields          (DaftarEntity entity,
                                                  guint       *n_fields);

/* Validates @data (the "data" object of an upsert) into a record. Unknown
 * members are ignored. On failure the error says which field and why. */
DaftarRecord      *daftar_record_from_json       (DaftarEntity  entity,
                                                  JsonObject   *data,
                                                  GError      **error);
void               daftar_record_free            (DaftarRecord *record);

/* The record's key (first field). */
const char        *daftar_record_key             (const DaftarRecord *record);
const DaftarValue *daftar_record_get             (const DaftarRecord *record,
                                                  const char         *field);

/* The range of standard @key, NULL when Daftar knows no such standard. */
const DaftarStandardRange *daftar_standard_range (const char *key);
/* @value brought within @range (NaN: the minimum), for a value stored
 * before ranges were checked: an old database must not cost more than a
 * new one. */
double             daftar_standard_clamp         (const DaftarStandardRange *range,
                                                  double                     value);

/* Checks an id as used by deletes: non-empty, at most 64 bytes. */
gboolean           daftar_record_check_id        (const char  *id,
                                                  GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarRecord, daftar_record_free)

G_END_DECLS
