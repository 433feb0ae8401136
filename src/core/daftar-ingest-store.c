/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-ingest-store.c: the SQL that ingest runs for one record — look up what is stored under its key and whose it is, upsert, delete. */
#define G_LOG_DOMAIN "daftar-ingest"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "daftar-ingest-private.h"
#include "daftar-text.h"

/* The column whose local day files a record under its rollups. */
const char *
daftar_ingest_day_column (DaftarEntity entity)
{
  switch (entity)
    {
    case DAFTAR_ENTITY_CASE:   return "filed_at";
    case DAFTAR_ENTITY_TICKET: return "issued_at";
    case DAFTAR_ENTITY_NOTICE: return "issued_at";
    case DAFTAR_ENTITY_FEEDBACK: return "submitted_at";
    /* No rollup counts these by day. */
    case DAFTAR_ENTITY_OFFICE:
    case DAFTAR_ENTITY_STAFF:
    case DAFTAR_ENTITY_STANDARD:
    case DAFTAR_ENTITY_HOLIDAY:
      return NULL;
    case DAFTAR_N_ENTITIES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Whose a row is: an office row is its own office's, the shared tables
 * (standards, holidays) record the office whose feed stored each row
 * (sql/006-owners.sql), every other table has an office_code. */
static const char *
owner_column (DaftarEntity entity)
{
  return entity == DAFTAR_ENTITY_OFFICE ? "code" : "office_code";
}

gboolean
daftar_ingest_is_shared (DaftarEntity entity)
{
  return entity == DAFTAR_ENTITY_STANDARD || entity == DAFTAR_ENTITY_HOLIDAY;
}

/* SQL of each entity, built once: ingest runs these for every record. */
typedef struct
{
  char *upsert;
  char *delete;
  char *select_stored;  /* ?1 key: the owner and the day's time (NULL without rollups) */
  char *same_as_stored; /* shared tables: ?1 key, ?2… the other fields; a row if equal */
} EntitySql;

static char *build_upsert_sql (DaftarEntity entity);

static char *
build_same_sql (DaftarEntity entity)
{
  guint n_fields;
  const DaftarField *fields = daftar_entity_fields (entity, &n_fields);
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_printf (sql, "SELECT 1 FROM %s WHERE %s = ?1",
                   daftar_entity_table (entity), fields[0].name);
  for (guint i = 1; i < n_fields; i++)
    g_string_append_printf (sql, " AND %s IS ?%u", fields[i].name, i + 1);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static const EntitySql *
entity_sql (DaftarEntity entity)
{
  static EntitySql sql[DAFTAR_N_ENTITIES];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint e = 0; e < DAFTAR_N_ENTITIES; e++)
        {
          sql[e].upsert = build_upsert_sql (e);
          sql[e].delete = g_strdup_printf ("DELETE FROM %s WHERE %s = ?",
                                           daftar_entity_table (e), daftar_entity_key (e));
          sql[e].select_stored = g_strdup_printf ("SELECT %s, %s FROM %s WHERE %s = ?1",
                                                  owner_column (e),
                                                  daftar_ingest_day_column (e) != NULL ? daftar_ingest_day_column (e) : "NULL",
                                                  daftar_entity_table (e), daftar_entity_key (e));
          if (daftar_ingest_is_shared (e))
            sql[e].same_as_stored = build_same_sql (e);
        }
      g_once_init_leave (&initialized, 1);
    }
  return &sql[entity];
}

void
daftar_ingest_stored_clear (DaftarIngestStored *stored)
{
  g_clear_pointer (&stored->office, g_free);
}

gboolean
daftar_ingest_look_up_stored (DaftarDb            *db,
                              DaftarEntity         entity,
                              const char          *key,
                              DaftarIngestStored  *out,
                              GError             **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare_static (db, entity_sql (entity)->select_stored, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->exists = TRUE;
      out->office = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      out->has_time = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
      out->time = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Looking up a stored record"));
      return FALSE;
    }
  return TRUE;
}

static char *
build_upsert_sql (DaftarEntity entity)
{
  guint n_fields;
  const DaftarField *fields = daftar_entity_fields (entity, &n_fields);
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GString) updates = g_string_new (NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      g_string_append_printf (columns, "%s%s", i ? ", " : "", fields[i].name);
      g_string_append_printf (values, "%s?%u", i ? ", " : "", i + 1);
      if (i > 0)
        g_string_append_printf (updates, "%s%s = excluded.%s",
                                i > 1 ? ", " : "", fields[i].name, fields[i].name);
    }
  if (entity == DAFTAR_ENTITY_CASE || entity == DAFTAR_ENTITY_FEEDBACK)
    {
      g_string_append (columns, ", search_key");
      g_string_append_printf (values, ", ?%u", n_fields + 1);
      g_string_append (updates, ", search_key = excluded.search_key");
    }
  if (daftar_ingest_is_shared (entity))
    {
      g_string_append (columns, ", office_code");
      g_string_append_printf (values, ", ?%u", n_fields + 1);
      g_string_append (updates, ", office_code = excluded.office_code");
    }

  return g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s) ON CONFLICT (%s) DO UPDATE SET %s",
                          daftar_entity_table (entity), columns->str, values->str,
                          fields[0].name, updates->str);
}

static char *
case_search_key (const DaftarRecord *record)
{
  static const char * const searched[] = {
    "id", "tracking_code", "client_name", "subject", "dest_court", "dest_city", "dest_province",
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (searched); i++)
    {
      const DaftarValue *value = daftar_record_get (record, searched[i]);
      if (!value->is_null)
        g_string_append_printf (text, "%s ", value->s);
    }
  return daftar_text_search_key (text->str);
}

/* Binds the record's fields to ?1… in the order of its entity's fields;
 * NULL fields stay unbound, which is NULL. */
static void
bind_record (sqlite3_stmt       *stmt,
             const DaftarRecord *record)
{
  guint n_fields;
  const DaftarField *fields = daftar_entity_fields (record->entity, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      const DaftarValue *value = &record->values[i];
      int column = i + 1;

      if (value->is_null)
        continue;
      switch (fields[i].type)
        {
        case DAFTAR_FIELD_TEXT:
          /* Stored Persian text uses Persian yeh and kaf, whatever was sent. */
          sqlite3_bind_text (stmt, column, daftar_text_normalize (value->s), -1, g_free);
          break;
        case DAFTAR_FIELD_ID:
        case DAFTAR_FIELD_ENUM:
        case DAFTAR_FIELD_DATE:
          sqlite3_bind_text (stmt, column, value->s, -1, SQLITE_STATIC);
          break;
        case DAFTAR_FIELD_TIME:
        case DAFTAR_FIELD_INT:
        case DAFTAR_FIELD_BOOL:
          sqlite3_bind_int64 (stmt, column, value->i);
          break;
        case DAFTAR_FIELD_REAL:
          sqlite3_bind_double (stmt, column, value->d);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

gboolean
daftar_ingest_store_record (DaftarDb            *db,
                            const char          *office_code,
                            const DaftarRecord  *record,
                            GError             **error)
{
  guint n_fields;
  g_autofree char *search_key = NULL;
  sqlite3_stmt *stmt;
  int rc;

  daftar_entity_fields (record->entity, &n_fields);
  stmt = daftar_db_prepare_static (db, entity_sql (record->entity)->upsert, error);
  if (stmt == NULL)
    return FALSE;

  bind_record (stmt, record);
  if (record->entity == DAFTAR_ENTITY_STAFF && daftar_record_get (record, "active")->is_null)
    sqlite3_bind_int (stmt, 5, 1);
  if (record->entity == DAFTAR_ENTITY_CASE)
    {
      search_key = case_search_key (record);
      sqlite3_bind_text (stmt, n_fields + 1, search_key, -1, SQLITE_STATIC);
    }
  /* A client's comment is found by its words as a case is (daftar-care.h). */
  if (record->entity == DAFTAR_ENTITY_FEEDBACK)
    {
      const DaftarValue *comment = daftar_record_get (record, "comment");

      search_key = comment->is_null ? g_strdup ("") : daftar_text_search_key (comment->s);
      sqlite3_bind_text (stmt, n_fields + 1, search_key, -1, SQLITE_STATIC);
    }
  if (daftar_ingest_is_shared (record->entity))
    sqlite3_bind_text (stmt, n_fields + 1, office_code, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Storing a record"));
      return FALSE;
    }
  return TRUE;
}

gboolean
daftar_ingest_same_as_stored (DaftarDb            *db,
                              const DaftarRecord  *record,
                              gboolean            *out_same,
                              GError             **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare_static (db, entity_sql (record->entity)->same_as_stored, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_record (stmt, record);
  rc = sqlite3_step (stmt);
  *out_same = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Comparing a shared record"));
      return FALSE;
    }
  return TRUE;
}

gboolean
daftar_ingest_delete_record (DaftarDb      *db,
                             DaftarEntity   entity,
                             const char    *key,
                             GError       **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare_static (db, entity_sql (entity)->delete, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Deleting a record"));
      return FALSE;
    }
  return TRUE;
}
