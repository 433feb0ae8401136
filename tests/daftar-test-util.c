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
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2, 3, 4", table);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
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
