/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-ingest.c: applies one page of protocol changes to the database, atomically. */
#define G_LOG_DOMAIN "daftar-ingest"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "daftar-case-search-index.h"
#include "daftar-format.h"
#include "daftar-ingest-private.h"
#include "daftar-ingest.h"
#include "daftar-page-check.h"
#include "daftar-records.h"
#include "daftar-rollup-levels.h"
#include "daftar-rollups.h"
#include "daftar-text.h"
#include "daftar-time.h"

G_DEFINE_QUARK (daftar-ingest-error-quark, daftar_ingest_error)

/* At most this many bytes of a page's office code, or of the parser's
 * message (which may quote the page), go into an error message. */
#define OFFICE_SHOWN_MAX 80
#define DETAIL_SHOWN_MAX 256

typedef struct
{
  DaftarDb   *db;
  const char *office_code;
  gint64      received_at;
  GHashTable *touched;   /* owned: "office\x1fYYYY-MM-DD" keys */
  GHashTable *all_days;  /* owned: office codes whose every day must be recomputed */
  gboolean    standards_changed;
  DaftarIngestResult *result;
} Ingest;

void
daftar_ingest_result_clear (DaftarIngestResult *result)
{
  g_clear_pointer (&result->cursor, g_free);
  memset (result, 0, sizeof *result);
}

static char *
cursor_key (const char *office_code)
{
  return g_strconcat ("cursor:", office_code, NULL);
}

char *
daftar_ingest_get_cursor (DaftarDb    *db,
                          const char  *office_code,
                          GError     **error)
{
  g_autofree char *key = cursor_key (office_code);
  return daftar_db_get_state (db, key, error);
}

static void
touch (Ingest     *ingest,
       const char *office_code,
       gint64      when)
{
  char day[11];

  daftar_time_local_day (when, day);
  g_hash_table_add (ingest->touched, g_strconcat (office_code, "\x1f", day, NULL));
}

/* Whether this feed may change or delete what is stored: nothing, a row of
 * its own office, or a shared row nobody has claimed yet. */
static gboolean
stored_is_ours (Ingest                   *ingest,
                const DaftarIngestStored *stored)
{
  return !stored->exists || stored->office == NULL || strcmp (stored->office, ingest->office_code) == 0;
}

/* Marks the day the stored copy of a record belongs to, before an upsert or
 * delete moves or removes it. */
static void
touch_stored (Ingest                   *ingest,
              const DaftarIngestStored *stored)
{
  if (stored->exists && stored->has_time && stored->office != NULL)
    touch (ingest, stored->office, stored->time);
}

/* A client's rating is filed under the day it was given, with the staff
 * member and wait of its ticket: a change of the ticket changes the
 * satisfaction rollups of the days its ratings were given. */
static gboolean
touch_feedback_of_ticket (Ingest      *ingest,
                          const char  *ticket_id,
                          GError     **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare_static (ingest->db,
                                                 "SELECT office_code, submitted_at FROM feedback WHERE ticket_id = ?1",
                                                 error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ticket_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    touch (ingest, (const char *) sqlite3_column_text (stmt, 0), sqlite3_column_int64 (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (ingest->db, error, "Looking up the ratings of a ticket");
      return FALSE;
    }
  return TRUE;
}

/* An office that moves to another city changes the destination scope of
 * every case it filed, so all its days are recomputed. */
static gboolean
office_place_changes (Ingest              *ingest,
                      const DaftarRecord  *record,
                      gboolean            *changes,
                      GError             **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare_static (ingest->db,
                                          "SELECT city IS ?2 AND province IS ?3 FROM offices WHERE code = ?1",
                                          error);
  const DaftarValue *city = daftar_record_get (record, "city");
  const DaftarValue *province = daftar_record_get (record, "province");
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, daftar_record_key (record), -1, SQLITE_STATIC);
  if (!city->is_null)
    sqlite3_bind_text (stmt, 2, city->s, -1, SQLITE_STATIC);
  if (!province->is_null)
    sqlite3_bind_text (stmt, 3, province->s, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *changes = rc == SQLITE_ROW ? !sqlite3_column_int (stmt, 0) : TRUE;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      daftar_db_set_error (ingest->db, error, _("Looking up an office"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
store_reject (Ingest                   *ingest,
              const char               *entity,
              JsonNode                 *change,
              const DaftarRejectReason *reason,
              GError                  **error)
{
  g_autofree char *raw = json_to_string (change, FALSE);

  if (!daftar_reject_reason_store (ingest->db, ingest->received_at, entity, raw, reason, error))
    return FALSE;
  ingest->result->rejected++;
  return TRUE;
}

/* A reject for a reason without arguments. */
static gboolean
store_reject_code (Ingest            *ingest,
                   const char        *entity,
                   JsonNode          *change,
                   DaftarRejectCode   code,
                   GError           **error)
{
  g_autoptr(DaftarRejectReason) reason = daftar_reject_reason_new (code, NULL);

  return store_reject (ingest, entity, change, reason, error);
}

/* A reject for a record the validation refused, with its reason. */
static gboolean
store_invalid (Ingest        *ingest,
               const char    *entity,
               JsonNode      *change,
               const GError  *invalid,
               GError       **error)
{
  const DaftarRejectReason *reason = daftar_record_error_get_reason (invalid);

  g_return_val_if_fail (reason != NULL, FALSE);
  return store_reject (ingest, entity, change, reason, error);
}

/* Checks that a record belongs to the office whose feed this is: a record of
 * another office would otherwise slip into its figures. */
static gboolean
check_office (Ingest              *ingest,
              const DaftarRecord  *record,
              GError             **error)
{
  const char *owner = NULL;

  if (record->entity == DAFTAR_ENTITY_OFFICE)
    owner = daftar_record_key (record);
  else if (record->entity != DAFTAR_ENTITY_STANDARD && record->entity != DAFTAR_ENTITY_HOLIDAY)
    owner = daftar_record_get (record, "office_code")->s;

  if (owner == NULL || g_strcmp0 (owner, ingest->office_code) == 0)
    return TRUE;
  daftar_record_set_error (error, DAFTAR_RECORD_ERROR_RANGE,
                           daftar_reject_reason_new (DAFTAR_REJECT_OTHER_OFFICE, owner, NULL));
  return FALSE;
}

/* Deletes the record under @key if this feed may: a feed deletes only its
 * own office's rows, as it writes only them. Deleting the office row keeps
 * its records; ensure_office puts a stand-in back, so the office stays in
 * every list and in the network's totals, and its days are recomputed with
 * no city or province known. */
static gboolean
apply_delete (Ingest       *ingest,
              DaftarEntity  entity,
              const char   *entity_name,
              JsonNode     *change,
              const char   *key,
              GError      **error)
{
  g_auto(DaftarIngestStored) stored = { 0 };

  if (entity == DAFTAR_ENTITY_OFFICE && strcmp (key, ingest->office_code) != 0)
    return store_reject_code (ingest, entity_name, change, DAFTAR_REJECT_DELETE_OTHER_OFFICE, error);
  if (entity != DAFTAR_ENTITY_OFFICE && !daftar_ingest_look_up_stored (ingest->db, entity, key, &stored, error))
    return FALSE;
  if (!stored_is_ours (ingest, &stored))
    return store_reject_code (ingest, entity_name, change,
                              daftar_ingest_is_shared (entity) ? DAFTAR_REJECT_SHARED_ROW : DAFTAR_REJECT_ID_TAKEN,
                              error);

  touch_stored (ingest, &stored);
  if (entity == DAFTAR_ENTITY_TICKET && !touch_feedback_of_ticket (ingest, key, error))
    return FALSE;
  if (!daftar_ingest_delete_record (ingest->db, entity, key, error))
    return FALSE;
  if (entity == DAFTAR_ENTITY_OFFICE)
    g_hash_table_add (ingest->all_days, g_strdup (key));
  ingest->result->deleted++;
  return TRUE;
}

/* Stores a valid record of this feed's office, unless its key is already
 * another office's: ids are keys across the whole file, and the upsert
 * would move that office's row into this one. A shared row another feed
 * set is left as it is: the same values again are no change, others are
 * a reject, so one office cannot change the standards another is held to. */
static gboolean
apply_upsert (Ingest              *ingest,
              const DaftarRecord  *record,
              const char          *entity_name,
              JsonNode            *change,
              GError             **error)
{
  DaftarEntity entity = record->entity;
  g_auto(DaftarIngestStored) stored = { 0 };

  if (entity != DAFTAR_ENTITY_OFFICE &&
      !daftar_ingest_look_up_stored (ingest->db, entity, daftar_record_key (record), &stored, error))
    return FALSE;
  if (!stored_is_ours (ingest, &stored))
    {
      gboolean same = FALSE;

      if (!daftar_ingest_is_shared (entity))
        return store_reject_code (ingest, entity_name, change, DAFTAR_REJECT_ID_TAKEN, error);
      if (!daftar_ingest_same_as_stored (ingest->db, record, &same, error))
        return FALSE;
      if (!same)
        return store_reject_code (ingest, entity_name, change, DAFTAR_REJECT_SHARED_ROW, error);
      ingest->result->upserted++;
      return TRUE;
    }

  if (entity == DAFTAR_ENTITY_OFFICE)
    {
      gboolean moved;
      if (!office_place_changes (ingest, record, &moved, error))
        return FALSE;
      if (moved)
        g_hash_table_add (ingest->all_days, g_strdup (daftar_record_key (record)));
    }

  touch_stored (ingest, &stored);
  if (entity == DAFTAR_ENTITY_TICKET &&
      !touch_feedback_of_ticket (ingest, daftar_record_key (record), error))
    return FALSE;
  if (!daftar_ingest_store_record (ingest->db, ingest->office_code, record, error))
    return FALSE;
  if (daftar_ingest_day_column (entity) != NULL)
    touch (ingest, daftar_record_get (record, "office_code")->s,
           daftar_record_get (record, daftar_ingest_day_column (entity))->i);
  ingest->result->upserted++;
  return TRUE;
}

/* Applies one change. Returns FALSE only for a database failure, which
 * aborts the page; a bad record is stored as a reject and returns TRUE. */
static gboolean
apply_change (Ingest    *ingest,
              JsonNode  *change,
              GError   **error)
{
  g_autoptr(GError) invalid = NULL;
  g_autoptr(DaftarRecord) record = NULL;
  JsonObject *object;
  const char *entity_name = NULL;
  const char *op;
  DaftarEntity entity;

  if (!JSON_NODE_HOLDS_OBJECT (change))
    return store_reject_code (ingest, NULL, change, DAFTAR_REJECT_NOT_OBJECT, error);
  object = json_node_get_object (change);

  entity_name = json_object_get_string_member_with_default (object, "entity", NULL);
  op = json_object_get_string_member_with_default (object, "op", NULL);
  if (entity_name == NULL || !daftar_entity_from_name (entity_name, &entity))
    return store_reject_code (ingest, entity_name, change, DAFTAR_REJECT_UNKNOWN_ENTITY, error);
  /* Rollups that count against a standard recount after any change of one. */
  if (entity == DAFTAR_ENTITY_STANDARD)
    ingest->standards_changed = TRUE;

  if (g_strcmp0 (op, "delete") == 0)
    {
      const char *key = json_object_get_string_member_with_default (object, "id", NULL);

      if (key == NULL)
        return store_reject_code (ingest, entity_name, change, DAFTAR_REJECT_DELETE_WITHOUT_ID, error);
      if (!daftar_record_check_id (key, &invalid))
        return store_invalid (ingest, entity_name, change, invalid, error);
      return apply_delete (ingest, entity, entity_name, change, key, error);
    }

  if (g_strcmp0 (op, "upsert") != 0)
    return store_reject_code (ingest, entity_name, change, DAFTAR_REJECT_UNKNOWN_OP, error);
  if (!json_object_has_member (object, "data") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "data")))
    return store_reject_code (ingest, entity_name, change, DAFTAR_REJECT_NO_DATA, error);

  record = daftar_record_from_json (entity, json_object_get_object_member (object, "data"), &invalid);
  if (record == NULL || !check_office (ingest, record, &invalid))
    return store_invalid (ingest, entity_name, change, invalid, error);
  return apply_upsert (ingest, record, entity_name, change, error);
}

/* Offices whose place changed or whose row was deleted: every day they
 * have is recomputed. */
static gboolean
touch_all_days (Ingest  *ingest,
                GError **error)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, ingest->all_days);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr(GPtrArray) days = daftar_rollups_list_days (ingest->db, key, error);
      if (days == NULL)
        return FALSE;
      for (guint i = 0; i < days->len; i++)
        g_hash_table_add (ingest->touched,
                          g_strconcat (key, "\x1f", g_ptr_array_index (days, i), NULL));
    }
  return TRUE;
}

/* Every office with records has a row in offices, so queries list offices
 * from that table (daftar-sql.h) and the network's rows sum the offices
 * listed there (daftar-rollup-levels.c). Until the server sends the office
 * record, or after it deleted it, its code stands in for its name. Only the
 * feed's own office can have records here: check_office and the owner
 * checks refuse any other. */
static gboolean
ensure_office (Ingest  *ingest,
               GError **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare_static (ingest->db,
                                                 "INSERT INTO offices (code, name) SELECT ?1, ?1 "
                                                 "WHERE EXISTS (SELECT 1 FROM cases WHERE office_code = ?1) "
                                                 "OR EXISTS (SELECT 1 FROM tickets WHERE office_code = ?1) "
                                                 "OR EXISTS (SELECT 1 FROM notices WHERE office_code = ?1) "
                                                 "OR EXISTS (SELECT 1 FROM feedback WHERE office_code = ?1) "
                                                 "ON CONFLICT (code) DO NOTHING",
                                                 error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ingest->office_code, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (ingest->db, error, _("Recording the office"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
recompute_touched (Ingest  *ingest,
                   GError **error)
{
  g_autoptr(DaftarRollupLevels) levels = daftar_rollup_levels_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, ingest->touched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_auto(GStrv) parts = g_strsplit (key, "\x1f", 2);
      GDate day;

      if (!daftar_time_parse_day (parts[1], &day))
        {
          /* Validation keeps every time inside the calendar, so only a row
           * stored by an older version can get here: fail with a reason. */
          g_autofree char *printable_office = daftar_text_printable (parts[0], -1);
          g_autofree char *printable_text = daftar_text_printable (parts[1], -1);
          g_autofree char *office = daftar_text_isolate (printable_office);
          g_autofree char *text = daftar_text_isolate (printable_text);

          g_set_error (error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_DATABASE,
                       _("A record of office %s falls on the day “%s”, outside the calendar"),
                       office, text);
          return FALSE;
        }
      if (!daftar_rollups_recompute_day (ingest->db, parts[0], &day, error))
        return FALSE;
      daftar_rollup_levels_add (levels, parts[0], &day);
    }
  /* Then the network's rows and the months above those days. */
  return daftar_rollup_levels_refresh (levels, ingest->db, error);
}

/* Checks the page's envelope; a page that fails here is refused whole. */
static gboolean
check_page (const char  *office_code,
            JsonObject  *page,
            GError     **error)
{
  JsonNode *node;
  const char *cursor;

  node = json_object_get_member (page, "protocol");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_BAD_PAGE,
                   _("The server’s page has no protocol version"));
      return FALSE;
    }
  if (json_node_get_int (node) != DAFTAR_PROTOCOL_VERSION)
    {
      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      g_set_error (error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_WRONG_PROTOCOL,
                   /* Translators: protocol versions stay in Latin digits, as the
                    * protocol and the server's documentation write them. */
                   _("The server speaks protocol version %s; Daftar speaks version %d"),
                   version, DAFTAR_PROTOCOL_VERSION);
      return FALSE;
    }

  node = json_object_get_member (page, "office");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_BAD_PAGE,
                   _("The server’s page does not say which office it is for"));
      return FALSE;
    }
  if (g_strcmp0 (json_node_get_string (node), office_code) != 0)
    {
      /* The server's text goes to a terminal or a log: nothing it could obey. */
      g_autofree char *sent = daftar_text_printable (json_node_get_string (node), OFFICE_SHOWN_MAX);
      g_autofree char *asked = daftar_text_printable (office_code, OFFICE_SHOWN_MAX);

      g_set_error (error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_WRONG_OFFICE,
                   _("The server sent data of office %s instead of %s"), sent, asked);
      return FALSE;
    }

  node = json_object_get_member (page, "cursor");
  cursor = node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
             ? json_node_get_string (node) : NULL;
  if (cursor == NULL || *cursor == '\0' || strlen (cursor) > DAFTAR_CURSOR_MAX)
    {
      g_set_error (error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_BAD_PAGE,
                   _("The server’s page has no valid cursor"));
      return FALSE;
    }

  node = json_object_get_member (page, "has_more");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_BAD_PAGE,
                   _("The server’s page does not say whether more follows"));
      return FALSE;
    }

  node = json_object_get_member (page, "changes");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_BAD_PAGE,
                   _("The server’s page has no list of changes"));
      return FALSE;
    }
  return TRUE;
}

gboolean
daftar_ingest_page (DaftarDb            *db,
                    const char          *office_code,
                    JsonObject          *page,
                    DaftarIngestResult  *result,
                    GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *key = NULL;
  JsonArray *changes;
  Ingest ingest = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (db != NULL && office_code != NULL && page != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  if (!check_page (office_code, page, error))
    return FALSE;
  changes = json_object_get_array_member (page, "changes");

  ingest.db = db;
  ingest.office_code = office_code;
  ingest.received_at = g_get_real_time () / G_USEC_PER_SEC;
  ingest.touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ingest.all_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ingest.result = result;
  key = cursor_key (office_code);

  if (daftar_db_begin (db, &local_error))
    {
      guint n = json_array_get_length (changes);
      guint i;

      for (i = 0; i < n; i++)
        if (!apply_change (&ingest, json_array_get_element (changes, i), &local_error) ||
            result->rejected > DAFTAR_PAGE_MAX_REJECTS)
          break;

      ok = i == n &&
           touch_all_days (&ingest, &local_error) &&
           (g_hash_table_size (ingest.touched) == 0 || ensure_office (&ingest, &local_error)) &&
           recompute_touched (&ingest, &local_error) &&
           (!ingest.standards_changed || daftar_rollup_levels_restandard (db, &local_error)) &&
           daftar_case_search_index_apply (db, &local_error) &&
           daftar_db_set_state (db, key, json_object_get_string_member (page, "cursor"), &local_error) &&
           daftar_db_commit (db, &local_error);
      if (!ok)
        daftar_db_rollback (db);
    }

  g_hash_table_unref (ingest.touched);
  g_hash_table_unref (ingest.all_days);

  if (!ok && result->rejected > DAFTAR_PAGE_MAX_REJECTS)
    {
      /* A page that is mostly refuse is a broken server: storing its
       * rejects one by one would only fill the database. */
      g_autofree char *limit = daftar_format_int (DAFTAR_PAGE_MAX_REJECTS);

      memset (result, 0, sizeof *result);
      g_set_error (error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_BAD_PAGE,
                   _("The server’s page was refused: more than %s of its records are not valid"), limit);
      return FALSE;
    }
  if (!ok)
    {
      /* Every step sets its error. Should one ever fail without, a hostile
       * page must still be refused with a message, never crash here. */
      if (local_error == NULL)
        {
          g_critical ("A step of ingest failed without an error");
          g_set_error_literal (&local_error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_DATABASE,
                               _("a step failed without saying why"));
        }
      memset (result, 0, sizeof *result);
      g_set_error (error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_DATABASE,
                   _("The page could not be saved, nothing of it was applied: %s"),
                   local_error->message);
      return FALSE;
    }

  result->has_more = json_object_get_boolean_member (page, "has_more");
  result->cursor = g_strdup (json_object_get_string_member (page, "cursor"));
  return TRUE;
}

gboolean
daftar_ingest_page_bytes (DaftarDb            *db,
                          const char          *office_code,
                          GBytes              *body,
                          DaftarIngestResult  *result,
                          GError             **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GBytes) checked = NULL;
  g_autofree char *detail = NULL;
  guint marked;
  gsize size;
  const char *data;
  JsonNode *root;

  memset (result, 0, sizeof *result);
  if (g_bytes_get_size (body) > DAFTAR_PAGE_SIZE_LIMIT)
    {
      g_autofree char *limit = daftar_format_int (DAFTAR_PAGE_SIZE_LIMIT / (1024 * 1024));

      g_set_error (error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_TOO_LARGE,
                   _("The server’s page is larger than %s MiB and was refused"), limit);
      return FALSE;
    }
  /* json-glib sees only strict JSON within the page limits, as in the sync
   * client (daftar_sync_parse_page). */
  if (!daftar_page_check (body, &checked, &marked, error))
    return FALSE;
  if (marked > 0)
    {
      /* The sync client takes such changes out and rejects them one by
       * one; this simpler path has no place to keep them. */
      g_set_error (error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_BAD_PAGE,
                   _("The server’s page holds text that cannot be stored (a NUL character, half a surrogate pair or bytes that are not UTF-8)"));
      return FALSE;
    }
  data = g_bytes_get_data (checked, &size);
  if (!json_parser_load_from_data (parser, data, size, &parse_error))
    {
      detail = daftar_text_printable (parse_error->message, DETAIL_SHOWN_MAX);
      g_set_error (error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_NOT_JSON,
                   _("The server’s page is not valid JSON (it may be cut short): %s"), detail);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_BAD_PAGE,
                   _("The server’s page is not a JSON object"));
      return FALSE;
    }
  return daftar_ingest_page (db, office_code, json_node_get_object (root), result, error);
}
