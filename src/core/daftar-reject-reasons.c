/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-reject-reasons.c: why a record from the server was refused — a code and its arguments, stored as such and put into words in the UI's language when shown. */
#define G_LOG_DOMAIN "daftar-reject-reasons"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "daftar-enums.h"
#include "daftar-format.h"
#include "daftar-reject-reasons.h"
#include "daftar-text.h"

/* At most this many bytes of one argument are shown: the server's values
 * are at most 1 KiB, and a reason is one line of a list. */
#define ARG_SHOWN_MAX 256

G_DEFINE_ENUM_TYPE (DaftarRejectCode, daftar_reject_code,
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_MISSING, "missing"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_TYPE, "type"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_FIELD_NOT_UTF8, "field-not-utf8"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_ID_LENGTH, "id-length"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_LENGTH, "length"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_ENUM, "enum"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_TIME, "time"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_DATE, "date"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_NEGATIVE, "negative"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_RANGE, "range"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_RATING, "rating"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_TIME_ORDER, "time-order"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_STANDARD_UNKNOWN, "standard-unknown"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_STANDARD_RANGE, "standard-range"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_STANDARD_WHOLE, "standard-whole"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_OTHER_OFFICE, "other-office"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_DELETE_OTHER_OFFICE, "delete-other-office"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_SHARED_ROW, "shared-row"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_ID_TAKEN, "id-taken"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_NOT_OBJECT, "not-object"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_UNKNOWN_ENTITY, "unknown-entity"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_DELETE_WITHOUT_ID, "delete-without-id"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_UNKNOWN_OP, "unknown-op"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_NO_DATA, "no-data"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_NUL, "nul"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_SURROGATE, "surrogate"),
  G_DEFINE_ENUM_VALUE (DAFTAR_REJECT_NOT_UTF8, "not-utf8"))

/* What each argument is, one letter each:
 *   f  a field or standard name of the protocol: code, shown as it is
 *   t  text the server sent: made printable and bounded
 *   n  a number: in the UI's digits, grouped
 *   y  a year: in the UI's digits, not grouped
 *   w  the JSON type a field takes ("string", "integer", "number", "boolean")
 *   j  the JSON type the server sent ("object", "null", …)
 * Names and text are isolated in a translated sentence, so a Latin name
 * neither turns a Persian line around nor is turned around by it. */
static const struct {
  const char *message;   /* English, one %s per argument */
  const char *args;
} reasons[DAFTAR_N_REJECT_CODES] = {
  /* Translators: why a record from the central server was refused. %s is
   * the name of a field of the sync protocol, which stays in Latin. */
  [DAFTAR_REJECT_MISSING] = { N_("%s is missing"), "f" },
  /* Translators: a field of the sync protocol, the JSON type it takes
   * ("a string") and the one the server sent ("object") */
  [DAFTAR_REJECT_TYPE] = { N_("%s must be %s, not %s"), "fwj" },
  /* Translators: %s is a field of the sync protocol */
  [DAFTAR_REJECT_FIELD_NOT_UTF8] = { N_("%s is not valid UTF-8"), "f" },
  /* Translators: a field of the sync protocol, the fewest and the most
   * bytes it may have, and how many it had */
  [DAFTAR_REJECT_ID_LENGTH] = { N_("%s must be %s to %s bytes, not %s"), "fnnn" },
  /* Translators: a field of the sync protocol, its length in bytes, and
   * the most it may have */
  [DAFTAR_REJECT_LENGTH] = { N_("%s is %s bytes, over the limit of %s"), "fnn" },
  /* Translators: a field of the sync protocol and the value the server sent */
  [DAFTAR_REJECT_ENUM] = { N_("%s “%s” is not one of the allowed values"), "ft" },
  /* Translators: a field of the sync protocol, the value the server sent,
   * and the first and last (Gregorian) years a time may have */
  [DAFTAR_REJECT_TIME] = { N_("%s “%s” is not an RFC 3339 time with an offset in the years %s to %s"), "ftyy" },
  /* Translators: a field of the sync protocol and the value the server
   * sent; YYYY-MM-DD is the form a date must have, kept as it is */
  [DAFTAR_REJECT_DATE] = { N_("%s “%s” is not a Gregorian date YYYY-MM-DD"), "ft" },
  /* Translators: %s is a field of the sync protocol */
  [DAFTAR_REJECT_NEGATIVE] = { N_("%s must not be negative"), "f" },
  /* Translators: a field of the sync protocol, the value sent, the limit */
  [DAFTAR_REJECT_RANGE] = { N_("%s %s is over the limit of %s"), "fnn" },
  /* Translators: a client's rating as sent, and the scale's ends, e.g.
   * "rating 9 is outside the scale of 1 to 5" */
  [DAFTAR_REJECT_RATING] = { N_("rating %s is outside the scale of %s to %s"), "nnn" },
  /* Translators: two times of one record in the wrong order, e.g.
   * "called_at is before issued_at" */
  [DAFTAR_REJECT_TIME_ORDER] = { N_("%s is before %s"), "ff" },
  /* Translators: %s is the name of a service standard the server sent */
  [DAFTAR_REJECT_STANDARD_UNKNOWN] = { N_("standard “%s” is not one Daftar knows"), "t" },
  /* Translators: a service standard's name, the value sent, and the
   * lowest and highest value it may have */
  [DAFTAR_REJECT_STANDARD_RANGE] = { N_("standard %s %s is outside its range %s to %s"), "fnnn" },
  /* Translators: a service standard's name and the value sent */
  [DAFTAR_REJECT_STANDARD_WHOLE] = { N_("standard %s must be a whole number, not %s"), "fn" },
  /* Translators: %s is the office code a record names; office_code is the
   * protocol's field, kept as it is */
  [DAFTAR_REJECT_OTHER_OFFICE] = { N_("office_code “%s” is not the office of this feed"), "t" },
  [DAFTAR_REJECT_DELETE_OTHER_OFFICE] = { N_("an office's feed can delete only its own office"), "" },
  [DAFTAR_REJECT_SHARED_ROW] = { N_("the row was set by another office's feed"), "" },
  [DAFTAR_REJECT_ID_TAKEN] = { N_("the id belongs to another office"), "" },
  [DAFTAR_REJECT_NOT_OBJECT] = { N_("change is not an object"), "" },
  [DAFTAR_REJECT_UNKNOWN_ENTITY] = { N_("unknown entity"), "" },
  [DAFTAR_REJECT_DELETE_WITHOUT_ID] = { N_("delete without a string id"), "" },
  [DAFTAR_REJECT_UNKNOWN_OP] = { N_("unknown op"), "" },
  [DAFTAR_REJECT_NO_DATA] = { N_("upsert without a data object"), "" },
  [DAFTAR_REJECT_NUL] = { N_("a string holds a NUL character (\\u0000)"), "" },
  [DAFTAR_REJECT_SURROGATE] = { N_("a string holds an unpaired UTF-16 surrogate"), "" },
  [DAFTAR_REJECT_NOT_UTF8] = { N_("a string holds bytes that are not UTF-8"), "" },
};

/* JSON types, by the names the arguments store: as a field wants one ("a
 * string") and as the server sent one ("string"). */
static const struct {
  const char *name;
  const char *wanted;
  const char *sent;
} json_types[] = {
  { "string",  NC_("JSON type wanted", "a string"),      NC_("JSON type sent", "string") },
  { "integer", NC_("JSON type wanted", "an integer"),    NC_("JSON type sent", "integer") },
  { "number",  NC_("JSON type wanted", "a number"),      NC_("JSON type sent", "number") },
  { "boolean", NC_("JSON type wanted", "true or false"), NC_("JSON type sent", "boolean") },
  { "object",  NULL,                                     NC_("JSON type sent", "object") },
  { "array",   NULL,                                     NC_("JSON type sent", "array") },
  { "null",    NULL,                                     NC_("JSON type sent", "null") },
  { "value",   NULL,                                     NC_("JSON type sent", "value") },
};

guint
daftar_reject_code_n_args (DaftarRejectCode code)
{
  g_return_val_if_fail (code < DAFTAR_N_REJECT_CODES, 0);
  return strlen (reasons[code].args);
}

DaftarRejectReason *
daftar_reject_reason_new (DaftarRejectCode code,
                          ...)
{
  DaftarRejectReason *reason;
  const char *arg;
  va_list ap;

  g_return_val_if_fail (code < DAFTAR_N_REJECT_CODES, NULL);

  reason = g_new0 (DaftarRejectReason, 1);
  reason->code = code;
  va_start (ap, code);
  while ((arg = va_arg (ap, const char *)) != NULL && reason->n_args < DAFTAR_REJECT_MAX_ARGS)
    reason->args[reason->n_args++] = g_strdup (arg);
  va_end (ap);
  g_warn_if_fail (reason->n_args == daftar_reject_code_n_args (code));
  return reason;
}

DaftarRejectReason *
daftar_reject_reason_copy (const DaftarRejectReason *reason)
{
  DaftarRejectReason *copy;

  g_return_val_if_fail (reason != NULL, NULL);
  copy = g_new0 (DaftarRejectReason, 1);
  copy->code = reason->code;
  copy->n_args = reason->n_args;
  for (guint i = 0; i < reason->n_args; i++)
    copy->args[i] = g_strdup (reason->args[i]);
  return copy;
}

void
daftar_reject_reason_free (DaftarRejectReason *reason)
{
  if (reason == NULL)
    return;
  for (guint i = 0; i < reason->n_args; i++)
    g_free (reason->args[i]);
  g_free (reason);
}

static const char *
json_type_words (const char *name,
                 char        kind,
                 gboolean    translated)
{
  for (guint i = 0; i < G_N_ELEMENTS (json_types); i++)
    if (g_strcmp0 (name, json_types[i].name) == 0)
      {
        const char *words = kind == 'w' ? json_types[i].wanted : json_types[i].sent;

        if (words == NULL)
          return NULL;
        if (!translated)
          return words;
        /* The default domain, as C_() asks it: GLib turns translation off
         * for a named domain whose first lookup found no catalogue. */
        return g_dpgettext2 (NULL, kind == 'w' ? "JSON type wanted" : "JSON type sent", words);
      }
  return NULL;
}

/* A number stored as C text in the UI's digits: whole numbers grouped, a
 * fraction with the digits it was written with (at most six). Beyond what
 * a double holds exactly, or not a number, it stays as written. */
static char *
local_number (const char *text,
              gboolean    year)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);
  const char *point;
  int fraction_digits = 0;

  if (end == text || *end != '\0' || !isfinite (value) || fabs (value) >= 1e15 || strpbrk (text, "eE") != NULL)
    return NULL;
  if (value == trunc (value) && strchr (text, '.') == NULL)
    return year ? daftar_format_int_ungrouped ((gint64) value) : daftar_format_int ((gint64) value);
  point = strchr (text, '.');
  if (point != NULL)
    fraction_digits = MIN ((int) strlen (point + 1), 6);
  return daftar_format_decimal (value, fraction_digits);
}

/* @arg as a sentence of the UI shows it, or NULL when it is not what
 * @kind says (a row this version cannot read). */
static char *
shown_arg (char        kind,
           const char *arg,
           gboolean    translated)
{
  g_autofree char *printable = daftar_text_printable (arg, ARG_SHOWN_MAX);
  const char *words;

  switch (kind)
    {
    case 'f':
    case 't':
      return translated ? daftar_text_isolate (printable) : g_steal_pointer (&printable);
    case 'n':
    case 'y':
      if (!translated)
        return g_steal_pointer (&printable);
      {
        char *number = local_number (arg, kind == 'y');

        return number != NULL ? number : daftar_text_isolate (printable);
      }
    case 'w':
    case 'j':
      words = json_type_words (arg, kind, translated);
      return words != NULL ? g_strdup (words) : NULL;
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The sentence of @code with @args, translated or not; NULL when the
 * arguments do not fit the code. */
static char *
sentence (DaftarRejectCode  code,
          const char       *const *args,
          guint             n_args,
          gboolean          translated)
{
  const char *kinds = reasons[code].args;
  char *shown[DAFTAR_REJECT_MAX_ARGS] = { NULL, };
  const char *format;
  char *out = NULL;

  if (n_args != strlen (kinds))
    return NULL;
  for (guint i = 0; i < n_args; i++)
    if ((shown[i] = shown_arg (kinds[i], args[i], translated)) == NULL)
      goto out;

  format = translated ? _(reasons[code].message) : reasons[code].message;
  /* Every message takes at most DAFTAR_REJECT_MAX_ARGS strings; one that
   * takes fewer ignores the rest. The format is one of the table's own
   * (translated: msgfmt --check holds the translation to its %s), never
   * outside text, and test-reject-reasons renders every code; the compiler
   * cannot see into the table, so its check is set aside for this call. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  out = g_strdup_printf (format, shown[0], shown[1], shown[2], shown[3]);
#pragma GCC diagnostic pop

out:
  for (guint i = 0; i < DAFTAR_REJECT_MAX_ARGS; i++)
    g_free (shown[i]);
  return out;
}

char *
daftar_reject_reason_english (const DaftarRejectReason *reason)
{
  char *text;

  g_return_val_if_fail (reason != NULL && reason->code < DAFTAR_N_REJECT_CODES, NULL);
  text = sentence (reason->code, (const char * const *) reason->args, reason->n_args, FALSE);
  if (text == NULL)
    {
      /* Arguments that do not fit the code: a caller's mistake, which still
       * leaves a line a person can read. */
      g_autofree char *args = g_strjoinv (", ", (char **) reason->args);

      text = g_strdup_printf ("%s: %s", daftar_enum_to_nick (DAFTAR_TYPE_REJECT_CODE, reason->code), args);
    }
  return text;
}

char *
daftar_reject_reason_args_json (const DaftarRejectReason *reason)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (reason != NULL, NULL);
  json_builder_begin_array (builder);
  for (guint i = 0; i < reason->n_args; i++)
    json_builder_add_string_value (builder, reason->args[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* The stored arguments, or FALSE when they are not a JSON array of at most
 * DAFTAR_REJECT_MAX_ARGS strings. */
static gboolean
parse_args (const char *args_json,
            char      **args,
            guint      *n_args)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  *n_args = 0;
  if (args_json == NULL)
    return TRUE;
  root = json_from_string (args_json, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return FALSE;
  array = json_node_get_array (root);
  if (json_array_get_length (array) > DAFTAR_REJECT_MAX_ARGS)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return FALSE;
      args[(*n_args)++] = g_strdup (json_node_get_string (node));
    }
  return TRUE;
}

char *
daftar_reject_reason_render (const char *code,
                             const char *args_json,
                             const char *english)
{
  char *args[DAFTAR_REJECT_MAX_ARGS] = { NULL, };
  guint n_args = 0;
  char *text = NULL;
  int value;

  if (code != NULL && daftar_enum_from_nick (DAFTAR_TYPE_REJECT_CODE, code, &value) &&
      parse_args (args_json, args, &n_args))
    text = sentence (value, (const char * const *) args, n_args, TRUE);
  for (guint i = 0; i < DAFTAR_REJECT_MAX_ARGS; i++)
    g_free (args[i]);
  return text != NULL ? text : daftar_text_printable (english != NULL ? english : "", -1);
}

gboolean
daftar_reject_reason_store (DaftarDb                 *db,
                            gint64                    received_at,
                            const char               *entity,
                            const char               *raw,
                            const DaftarRejectReason *reason,
                            GError                  **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare_static (db,
                                                 "INSERT INTO sync_rejects "
                                                 "(received_at, entity, raw, reason, reason_code, reason_args) "
                                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                                 error);
  g_autofree char *english = NULL;
  g_autofree char *args = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  english = daftar_reject_reason_english (reason);
  args = daftar_reject_reason_args_json (reason);
  sqlite3_bind_int64 (stmt, 1, received_at);
  if (entity != NULL)
    sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, raw, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, english, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, daftar_enum_to_nick (DAFTAR_TYPE_REJECT_CODE, reason->code), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, args, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Storing a rejected record"));
      return FALSE;
    }
  return TRUE;
}
