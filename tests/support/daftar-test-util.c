/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-test-util.c: helpers shared by the test programs — temporary databases, pages, checksums. */
#include "config.h"

#include <glib/gstdio.h>

#include "daftar-test-util.h"

char *
daftar_test_tmpdir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("daftar-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

void
daftar_test_tmpdir_free (char *path)
{
  if (path == NULL)
    return;
  remove_tree (path);
  g_free (path);
}

DaftarDb *
daftar_test_db_new (char **out_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  DaftarDb *db;

  *out_dir = daftar_test_tmpdir_new ();
  path = g_build_filename (*out_dir, "daftar.db", NULL);
  db = daftar_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

JsonObject *
daftar_test_parse_object (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);
  JsonObject *object;

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  object = json_object_ref (json_node_get_object (node));
  json_node_unref (node);
  return object;
}

JsonObject *
daftar_test_page (const char *office,
                  const char *cursor,
                  const char *changes_json)
{
  g_autofree char *json = g_strdup_printf ("{\"protocol\": 1, \"office\": \"%s\", \"cursor\": \"%s\", "
                                           "\"has_more\": false, \"changes\": %s}",
                                           office, cursor, changes_json);
  return daftar_test_parse_object (json);
}

char *
daftar_test_table_checksum (DaftarDb   *db,
                            const char *table)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int n_columns;

  /* Order by every column, so the checksum does not depend on storage order. */
  g_string_printf (sql, "SELECT * FROM %s LIMIT 0", table);
  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  n_columns = sqlite3_column_count (stmt);
  sqlite3_finalize (stmt);
  g_string_printf (sql, "SELECT * FROM %s ORDER BY 1", table);
  for (int i = 2; i <= n_columns; i++)
    g_string_append_printf (sql, ", %d", i);

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int n = sqlite3_column_count (stmt);
      for (int i = 0; i < n; i++)
        {
          const unsigned char *text = sqlite3_column_text (stmt, i);
          g_checksum_update (sum, text ? text : (const guchar *) "\x01NULL", -1);
          g_checksum_update (sum, (const guchar *) "\x1f", 1);
        }
      g_checksum_update (sum, (const guchar *) "\x1e", 1);
    }
  sqlite3_finalize (stmt);
  return g_strdup (g_checksum_get_string (sum));
}

gint64
daftar_test_count (DaftarDb   *db,
                   const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

gboolean
daftar_test_has_persian_digit (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0x06F0 && c <= 0x06F9)
        return TRUE;
    }
  return FALSE;
}

gboolean
daftar_test_has_latin_digit (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

gboolean
daftar_test_has_persian_letter (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0x0620 && c <= 0x06D3 && !(c >= 0x0660 && c <= 0x0669))
        return TRUE;
    }
  return FALSE;
}

static gboolean
tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
daftar_test_wait_for (gboolean (*cond) (gpointer),
                      gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  guint waker = g_timeout_add (50, tick, NULL);

  while (!cond (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (waker);
}

void
daftar_test_settle (void)
{
  for (int i = 0; i < 30; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }
}

gboolean
daftar_test_in_child (void)
{
  if (g_test_subprocess ())
    return TRUE;
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return FALSE;
}

char *
daftar_test_dir_listing (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *listing = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *digest = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
      g_ptr_array_add (lines, g_strdup_printf ("%s %" G_GSIZE_FORMAT " %s", name, len, digest));
    }
  g_ptr_array_sort (lines, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (listing, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (listing, FALSE);
}

char *
daftar_test_without_marks (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x2066 && c <= 0x2069))
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

GPtrArray *
daftar_test_checksums (DaftarDb           *db,
                       const char * const *tables,
                       guint               n_tables)
{
  GPtrArray *checksums = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_tables; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);

      g_test_message ("%s", tables[i]);
      g_assert_cmpint (daftar_test_count (db, sql), >, 0);
      g_ptr_array_add (checksums, daftar_test_table_checksum (db, tables[i]));
    }
  return checksums;
}

DaftarDb *
daftar_test_migrate_again (DaftarDb           *db,
                           const char         *downgrade_sql,
                           const char * const *tables,
                           guint               n_tables,
                           GPtrArray          *before)
{
  g_autofree char *path = g_strdup (daftar_db_get_path (db));
  g_autoptr(GError) error = NULL;

  g_assert_true (daftar_db_exec (db, downgrade_sql, &error));
  g_assert_no_error (error);
  daftar_db_close (db);

  db = daftar_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (daftar_db_get_schema_version (db), ==, daftar_db_get_latest_version ());
  for (guint i = 0; i < n_tables; i++)
    {
      g_autofree char *after = daftar_test_table_checksum (db, tables[i]);

      g_test_message ("%s", tables[i]);
      g_assert_cmpstr (after, ==, g_ptr_array_index (before, i));
    }
  return db;
}
