/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-reject-reasons.h: why a record from the server was refused — a code and its arguments, stored as such and put into words in the UI's language when shown. */
#pragma once

#include <glib-object.h>

#include "daftar-db.h"

G_BEGIN_DECLS

/* The nicks are what sync_rejects.reason_code stores: renaming one loses
 * the words of the rows already stored (they fall back to their English
 * reason). Each code's English sentence and its arguments are in
 * daftar-reject-reasons.c. */
typedef enum {
  DAFTAR_REJECT_MISSING,              /* "missing": field */
  DAFTAR_REJECT_TYPE,                 /* "type": field, wanted JSON type, sent JSON type */
  DAFTAR_REJECT_FIELD_NOT_UTF8,       /* "field-not-utf8": field */
  DAFTAR_REJECT_ID_LENGTH,            /* "id-length": field, fewest bytes, most bytes, bytes */
  DAFTAR_REJECT_LENGTH,               /* "length": field, bytes, most bytes */
  DAFTAR_REJECT_ENUM,                 /* "enum": field, value */
  DAFTAR_REJECT_TIME,                 /* "time": field, value, first year, last year */
  DAFTAR_REJECT_DATE,                 /* "date": field, value */
  DAFTAR_REJECT_NEGATIVE,             /* "negative": field */
  DAFTAR_REJECT_RANGE,                /* "range": field, value, limit */
  DAFTAR_REJECT_RATING,               /* "rating": value, lowest, highest */
  DAFTAR_REJECT_TIME_ORDER,           /* "time-order": later field, earlier field */
  DAFTAR_REJECT_STANDARD_UNKNOWN,     /* "standard-unknown": key */
  DAFTAR_REJECT_STANDARD_RANGE,       /* "standard-range": key, value, minimum, maximum */
  DAFTAR_REJECT_STANDARD_WHOLE,       /* "standard-whole": key, value */
  DAFTAR_REJECT_OTHER_OFFICE,         /* "other-office": the office the record names */
  DAFTAR_REJECT_DELETE_OTHER_OFFICE,  /* "delete-other-office" */
  DAFTAR_REJECT_SHARED_ROW,           /* "shared-row" */
  DAFTAR_REJECT_ID_TAKEN,             /* "id-taken" */
  DAFTAR_REJECT_NOT_OBJECT,           /* "not-object" */
  DAFTAR_REJECT_UNKNOWN_ENTITY,       /* "unknown-entity" */
  DAFTAR_REJECT_DELETE_WITHOUT_ID,    /* "delete-without-id" */
  DAFTAR_REJECT_UNKNOWN_OP,           /* "unknown-op" */
  DAFTAR_REJECT_NO_DATA,              /* "no-data" */
  DAFTAR_REJECT_NUL,                  /* "nul": a string holds U+0000 */
  DAFTAR_REJECT_SURROGATE,            /* "surrogate": half a UTF-16 surrogate pair */
  DAFTAR_REJECT_NOT_UTF8,             /* "not-utf8": bytes that are not UTF-8 */
  DAFTAR_N_REJECT_CODES
} DaftarRejectCode;

#define DAFTAR_TYPE_REJECT_CODE (daftar_reject_code_get_type ())
GType daftar_reject_code_get_type (void) G_GNUC_CONST;

#define DAFTAR_REJECT_MAX_ARGS 4

/* A code and its arguments as text: names of fields and standards as the
 * protocol spells them, values as the server sent them, numbers in C
 * notation ("1024", "0.5"). */
typedef struct {
  DaftarRejectCode  code;
  guint             n_args;
  char             *args[DAFTAR_REJECT_MAX_ARGS + 1];   /* owned, NULL-terminated */
} DaftarRejectReason;

/* @code's arguments, as many as it takes, then NULL. */
DaftarRejectReason *daftar_reject_reason_new      (DaftarRejectCode          code,
                                                   ...) G_GNUC_NULL_TERMINATED;
DaftarRejectReason *daftar_reject_reason_copy     (const DaftarRejectReason *reason);
void                daftar_reject_reason_free     (DaftarRejectReason       *reason);

/* How many arguments @code takes. */
guint               daftar_reject_code_n_args     (DaftarRejectCode          code);
/* The English sentence, for sync_rejects.reason (scripts read it) and for
 * logs; the server's text in it made printable. */
char               *daftar_reject_reason_english  (const DaftarRejectReason *reason);
/* The arguments as a JSON array of strings, for sync_rejects.reason_args. */
char               *daftar_reject_reason_args_json (const DaftarRejectReason *reason);

/* The reason of a stored row in the UI's language: @code and @args_json as
 * stored, numbers in the UI's digits, names and the server's text isolated
 * (and made printable). A row from before codes were stored (@code NULL),
 * or one whose code or arguments this version cannot read, shows its
 * @english reason as it is, made printable. */
char               *daftar_reject_reason_render   (const char               *code,
                                                   const char               *args_json,
                                                   const char               *english);

/* Stores one refused record in sync_rejects: its English reason, its code
 * and its arguments. @entity is nullable, as the server named it. */
gboolean            daftar_reject_reason_store    (DaftarDb                 *db,
                                                   gint64                    received_at,
                                                   const char               *entity,
                                                   const char               *raw,
                                                   const DaftarRejectReason *reason,
                                                   GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarRejectReason, daftar_reject_reason_free)

G_END_DECLS
