/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv.c: CSV cells a spreadsheet cannot run — formula triggers neutralised in the report and the unviewed-notices export, numbers kept as numbers, the files still parse. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "daftar-csv.h"
#include "daftar-format.h"
#include "daftar-ingest.h"
#include "daftar-notices-report.h"
#include "daftar-report.h"
#include "daftar-table-text.h"
#include "daftar-test-util.h"
#include "daftar-text.h"
#include "daftar-time.h"

#define OFFICE "YZ-CSV-01"

/* Text cells that a spreadsheet would take for a formula, one per trigger
 * OWASP names (= + - @ TAB CR), and a space before one. */
static const char * const triggers[] = {
  "=HYPERLINK(\"http://evil.example/\",\"click\")",
  "+98-912-000",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(A1:A9)",
  "\t=1+1",
  "\r=1+1",
  " =1+1",
  "-",
  NULL
};

/* A small RFC 4180 reader: quoted fields may hold commas, doubled quotes
 * and line breaks; records end with CRLF. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      if (*p == '"' && field->len == 0)
        {
          for (p++; *p; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
          g_assert_true (*p == ',' || *p == '\r');   /* nothing after the closing quote */
          continue;
        }
      if (*p == ',')
        {
          g_ptr_array_add (row, g_string_free (field, FALSE));
          field = g_string_new (NULL);
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (row, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p++;
        }
      else
        {
          g_assert_true (*p != '\n' && *p != '\r' && *p != '"');
          g_string_append_c (field, *p);
        }
      p++;
    }
  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (row->len, ==, 0);
  g_string_free (field, TRUE);
  g_ptr_array_unref (row);
  return rows;
}

/* Python's csv module, a reader written apart from this one, must read the
 * same rows. */
static void
assert_python_reads_same (const char *text,
                          GPtrArray  *rows)
{
  static const char script[] =
    "import csv, json, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
    "    print(json.dumps(list(csv.reader(f, strict=True))))\n";
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  const char *argv[] = { "python3", "-c", script, path, NULL };
  JsonArray *got;
  int status;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  node = json_from_string (out, &error);
  g_assert_no_error (error);
  got = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (got), ==, rows->len);
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *want = g_ptr_array_index (rows, r);
      JsonArray *cells = json_array_get_array_element (got, r);

      /* The blank line between a report's tables: Python reads no cell. */
      if (json_array_get_length (cells) == 0 && want->len == 1 &&
          g_str_equal (g_ptr_array_index (want, 0), ""))
        continue;
      g_assert_cmpuint (json_array_get_length (cells), ==, want->len);
      for (guint c = 0; c < want->len; c++)
        g_assert_cmpstr (json_array_get_string_element (cells, c), ==, g_ptr_array_index (want, c));
    }
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* What a trigger cell must read back as: the filtered text behind a '. */
static char *
neutralised (const char *text)
{
  g_autofree char *shown = daftar_text_printable (text, -1);

  return g_strconcat ("'", shown, NULL);
}

static void
assert_safe_cell (const char *cell)
{
  const char *p = cell;

  while (*p == ' ')
    p++;
  if (*p != '\0' && strchr ("=+-@\t\r", *p) != NULL)
    g_test_message ("a spreadsheet would run the cell %s", cell);
  g_assert_true (*p == '\0' || strchr ("=+-@\t\r", *p) == NULL);
}

static char *
one_cell (const char *text)
{
  GString *line = g_string_new (NULL);

  daftar_csv_append_text (line, text);
  return g_string_free (line, FALSE);
}

static void
test_cell (void)
{
  for (guint i = 0; triggers[i] != NULL; i++)
    {
      g_autofree char *cell = one_cell (triggers[i]);
      g_autofree char *want = neutralised (triggers[i]);
      g_autofree char *line = g_strconcat (cell, "\r\n", NULL);
      g_autoptr(GPtrArray) rows = parse_csv (line);

      g_test_message ("%s", cell);
      g_assert_true (g_str_has_prefix (cell, "\"'"));
      g_assert_cmpuint (rows->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, 0), 0), ==, want);
    }

  /* Honest text is written as it is; separators and quotes are quoted. */
  {
    g_autofree char *persian = one_cell ("علی رضایی");
    g_autofree char *comma = one_cell ("یزد، \"مرکز\", ۱");
    g_autofree char *inner = one_cell ("a-b=c");
    g_autofree char *empty = one_cell (NULL);

    g_assert_cmpstr (persian, ==, "علی رضایی");
    g_assert_cmpstr (comma, ==, "\"یزد، \"\"مرکز\"\", ۱\"");
    g_assert_cmpstr (inner, ==, "a-b=c");
    g_assert_cmpstr (empty, ==, "");
  }

  /* A bidi override in front of = is dropped, which leaves = in front:
   * still neutralised. */
  {
    g_autofree char *cell = one_cell ("\u202E=1+1");
    g_assert_cmpstr (cell, ==, "\"'=1+1\"");
  }

  /* Numbers are numbers. */
  {
    GString *line = g_string_new (NULL);

    daftar_csv_append_int (line, -3);
    g_string_append_c (line, ',');
    daftar_csv_append_double (line, -0.25);
    g_string_append_c (line, ',');
    daftar_csv_append_double (line, NAN);
    g_assert_cmpstr (line->str, ==, "-3,-0.25,");
    g_string_free (line, TRUE);
  }
}

/* A report built by hand, with a text cell per trigger beside real
 * negative numbers: text is neutralised, numbers are not, in CSV; JSON
 * keeps numbers as numbers and text as the filtered text. */
static void
test_report_writer (void)
{
  static const char * const columns[] = { "text", "int", "double", "date", NULL };
  g_autoptr(DaftarReport) report = daftar_report_new ();
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  DaftarReportTable *table = daftar_report_add_table (report, "cells", columns);
  DaftarReportRequest request = { 0 };
  JsonArray *json_rows;
  guint n = 0;

  g_date_clear (&request.from, 1);
  g_date_set_dmy (&request.from, 1, G_DATE_MARCH, 2025);
  request.to = request.from;
  for (; triggers[n] != NULL; n++)
    {
      daftar_report_row_begin (table);
      daftar_report_add_string (table, triggers[n]);
      daftar_report_add_int (table, -3 - (gint64) n);
      daftar_report_add_double (table, -0.25 - n);
      daftar_report_add_date (table, &request.from);
      daftar_report_row_end (table);
    }

  daftar_report_write (report, "cells", &request, DAFTAR_REPORT_CSV, csv);
  g_test_message ("%s", csv->str);
  rows = parse_csv (csv->str);
  g_assert_cmpuint (rows->len, ==, n + 1);
  for (guint i = 0; i < n; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i + 1);
      g_autofree char *want = neutralised (triggers[i]);
      g_autofree char *want_int = g_strdup_printf ("%d", -3 - (int) i);
      g_autofree char *want_double = g_strdup_printf ("-%u.25", i);

      g_assert_cmpuint (row->len, ==, 5);
      g_assert_cmpstr (g_ptr_array_index (row, 0), ==, "cells");
      g_assert_cmpstr (g_ptr_array_index (row, 1), ==, want);
      g_assert_cmpstr (g_ptr_array_index (row, 2), ==, want_int);
      g_assert_cmpstr (g_ptr_array_index (row, 3), ==, want_double);
      g_assert_cmpstr (g_ptr_array_index (row, 4), ==, "2025-03-01");
    }
  assert_python_reads_same (csv->str, rows);

  daftar_report_write (report, "cells", &request, DAFTAR_REPORT_JSON, json);
  root = json_from_string (json->str, &error);
  g_assert_no_error (error);
  json_rows = json_object_get_array_member (json_object_get_object_member (json_object_get_object_member (
    json_node_get_object (root), "tables"), "cells"), "rows");
  for (guint i = 0; i < n; i++)
    {
      JsonArray *row = json_array_get_array_element (json_rows, i);
      g_autofree char *want = daftar_text_printable (triggers[i], -1);

      g_assert_cmpstr (json_array_get_string_element (row, 0), ==, want);
      g_assert_cmpint (json_array_get_int_element (row, 1), ==, -3 - (gint64) i);
      g_assert_cmpfloat (json_array_get_double_element (row, 2), ==, -0.25 - i);
    }
}

static char *
change (const char *entity,
        const char *data)
{
  return g_strdup_printf ("{\"entity\":\"%s\",\"op\":\"upsert\",\"data\":{%s}}", entity, data);
}

/* Cases whose ids, tracking codes and client names begin with each
 * trigger, each with a notice unviewed for three weeks whose id does too,
 * ingested as the server would send them. JSON escapes carry TAB and CR. */
static const struct {
  const char *case_id, *tracking_json, *client_json, *notice_id;
} hostile[] = {
  { "=c1", "\"+98-912\"", "\"=HYPERLINK(\\\"http://evil.example/\\\",\\\"x\\\")\"", "@n1" },
  { "-c2", "\"@SUM(A1:A2)\"", "\"-2+3+cmd|' /C calc'!A0\"", "\\rn2" },
  { "\\tc3", "\"140312345678\"", "\"علی رضایی\"", "+n3" },
  { "+c4", "\"-77\"", "\"@\\u202e\"", "\\t=n4" },
};

static DaftarDb *
hostile_db (char  **out_dir,
            GDate  *out_today)
{
  g_autoptr(GString) changes = g_string_new ("[");
  g_autoptr(JsonObject) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *office = change ("office", "\"code\":\"" OFFICE "\",\"name\":\"=1+1\",\"city\":\"@A1\"");
  g_autofree char *issued = NULL;
  DaftarDb *db = daftar_test_db_new (out_dir);
  DaftarIngestResult result;
  GDate day;

  g_date_clear (out_today, 1);
  g_date_set_dmy (out_today, 1, G_DATE_MARCH, 2025);
  day = *out_today;
  g_date_subtract_days (&day, 21);
  issued = daftar_time_format_rfc3339 (daftar_time_day_start (&day) + 9 * 3600);

  g_string_append (changes, office);
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *case_data = g_strdup_printf (
        "\"id\":\"%s\",\"office_code\":\"" OFFICE "\",\"tracking_code\":%s,\"kind\":\"petition\","
        "\"filed_at\":\"%s\",\"shift\":\"morning\",\"client_name\":%s,\"status\":\"sent\"",
        hostile[i].case_id, hostile[i].tracking_json, issued, hostile[i].client_json);
      g_autofree char *notice_data = g_strdup_printf (
        "\"id\":\"%s\",\"office_code\":\"" OFFICE "\",\"case_id\":\"%s\",\"channel\":\"electronic\","
        "\"issued_at\":\"%s\",\"delivered_at\":\"%s\"",
        hostile[i].notice_id, hostile[i].case_id, issued, issued);
      g_autofree char *c = change ("case", case_data);
      g_autofree char *n = change ("notice", notice_data);

      g_string_append_printf (changes, ",%s,%s", c, n);
    }
  g_string_append (changes, "]");
  page = daftar_test_page (OFFICE, "c1", changes->str);
  g_assert_true (daftar_ingest_page (db, OFFICE, page, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rejected, ==, 0);
  daftar_ingest_result_clear (&result);
  return db;
}

/* A cell of text from the server as the spreadsheet must see it: behind a
 * ' when it begins with a trigger, as it is otherwise. */
static void
assert_cell (const char *cell,
             const char *raw)
{
  g_autofree char *shown = daftar_text_printable (raw != NULL ? raw : "", -1);
  const char *p = raw != NULL ? raw : "";

  while (*p == ' ')
    p++;
  if (*p != '\0' && strchr ("=+-@\t\r", *p) != NULL)
    {
      g_autofree char *want = g_strconcat ("'", shown, NULL);
      g_assert_cmpstr (cell, ==, want);
    }
  else
    g_assert_cmpstr (cell, ==, shown);
  assert_safe_cell (cell);
}

/* The unviewed notices as stored, in the export's order: id, case id,
 * tracking code, client name. */
static GPtrArray *
stored_unviewed (DaftarDb *db)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (daftar_db_get_handle (db),
    "SELECT n.id, n.case_id, c.tracking_code, c.client_name FROM notices n "
    "LEFT JOIN cases c ON c.id = n.case_id ORDER BY n.issued_at, n.id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char **row = g_new0 (char *, 5);
      for (int c = 0; c < 4; c++)
        row[c] = g_strdup ((const char *) sqlite3_column_text (stmt, c));
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (stmt);
  return rows;
}

static void
test_notices_export (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) want = NULL;
  g_autoptr(GError) error = NULL;
  DaftarDb *db;
  const char *text;
  GDate today;

  db = hostile_db (&dir, &today);
  want = stored_unviewed (db);
  g_assert_cmpuint (want->len, ==, G_N_ELEMENTS (hostile));
  g_assert_true (daftar_notices_export_unviewed_csv (db, OFFICE, &today, 3, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));   /* NUL */
  text = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out));
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  rows = parse_csv (text + 3);
  assert_python_reads_same (text, rows);
  g_assert_cmpuint (rows->len, ==, want->len + 1);

  for (guint r = 0; r < want->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r + 1);
      char **w = g_ptr_array_index (want, r);

      g_assert_cmpuint (row->len, ==, 8);
      assert_cell (g_ptr_array_index (row, 0), w[2]);
      assert_cell (g_ptr_array_index (row, 1), w[3]);
      g_assert_cmpstr (g_ptr_array_index (row, 2), ==, "Petition");   /* the kind as the UI names it */
      g_assert_cmpstr (g_ptr_array_index (row, 3), ==, "2025-02-08");
      g_assert_cmpstr (g_ptr_array_index (row, 5), ==, "21");   /* a number, as it was */
      assert_cell (g_ptr_array_index (row, 6), w[0]);
      assert_cell (g_ptr_array_index (row, 7), w[1]);
    }
  daftar_db_close (db);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* The same cells through `--report notices` and `--report offices` as CSV. */
static void
test_report_csv (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GString) notices = g_string_new (NULL);
  g_autoptr(GString) offices = g_string_new (NULL);
  g_autoptr(GPtrArray) want = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  DaftarReportRequest request = { .office_code = OFFICE };
  DaftarDb *db = hostile_db (&dir, &request.to);
  guint unviewed = 0;
  gboolean office_seen = FALSE;

  request.from = request.to;
  g_date_subtract_days (&request.from, 30);
  want = stored_unviewed (db);
  g_assert_true (daftar_report_run (db, "notices", &request, DAFTAR_REPORT_CSV, notices, &error));
  g_assert_no_error (error);
  rows = parse_csv (notices->str);
  assert_python_reads_same (notices->str, rows);
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);
      char **w;

      if (row->len != 9 || !g_str_equal (g_ptr_array_index (row, 0), "unviewed"))
        continue;
      w = g_ptr_array_index (want, unviewed++);
      assert_cell (g_ptr_array_index (row, 1), w[0]);
      assert_cell (g_ptr_array_index (row, 2), w[1]);
      assert_cell (g_ptr_array_index (row, 3), w[2]);
      assert_cell (g_ptr_array_index (row, 5), w[3]);
      g_assert_cmpstr (g_ptr_array_index (row, 8), ==, "21");
    }
  g_assert_cmpuint (unviewed, ==, want->len);

  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_true (daftar_report_run (db, "offices", &request, DAFTAR_REPORT_CSV, offices, &error));
  g_assert_no_error (error);
  g_test_message ("%s", offices->str);
  rows = parse_csv (offices->str);
  assert_python_reads_same (offices->str, rows);
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);
      for (guint c = 0; c < row->len; c++)
        {
          g_assert_cmpstr (g_ptr_array_index (row, c), !=, "=1+1");
          office_seen |= g_str_equal (g_ptr_array_index (row, c), "'=1+1");
        }
    }
  g_assert_true (office_seen);

  daftar_db_close (db);
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

/* A table leaving the window: CSV with a byte order mark and the cell
 * writer's neutralised text; TSV with no TAB or line break inside a cell;
 * numbers in the digits of Preferences. */
static void
test_table_text (void)
{
  g_autoptr(DaftarTableText) csv = NULL;
  g_autoptr(DaftarTableText) tsv = NULL;
  gsize length = 0;
  const char *text;

  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_PERSIAN, DAFTAR_FORMAT_DIGITS_PERSIAN, DAFTAR_FORMAT_CALENDAR_JALALI);
  csv = daftar_table_text_new (DAFTAR_TABLE_TEXT_CSV);
  daftar_table_text_add_text (csv, "هفته");
  daftar_table_text_add_text (csv, "=1+1");
  daftar_table_text_end_row (csv);
  daftar_table_text_add_text (csv, "a,b");
  daftar_table_text_add_number (csv, 12.5, 6);
  daftar_table_text_add_number (csv, NAN, 6);
  daftar_table_text_add_number (csv, 1234567, 6);
  daftar_table_text_end_row (csv);
  text = daftar_table_text_peek (csv, &length);
  g_assert_cmpuint (length, ==, strlen (text));
  g_assert_cmpstr (text, ==, "\xEF\xBB\xBFهفته,\"'=1+1\"\r\n\"a,b\",۱۲٫۵,,۱۲۳۴۵۶۷\r\n");

  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_ENGLISH, DAFTAR_FORMAT_DIGITS_LATIN, DAFTAR_FORMAT_CALENDAR_JALALI);
  tsv = daftar_table_text_new (DAFTAR_TABLE_TEXT_TSV);
  daftar_table_text_add_text (tsv, "say \"hi\"\tthere");
  daftar_table_text_add_text (tsv, "=1+1");
  daftar_table_text_add_text (tsv, NULL);
  daftar_table_text_end_row (tsv);
  daftar_table_text_add_text (tsv, "line\nbreak");
  daftar_table_text_add_number (tsv, 0.913, 6);
  daftar_table_text_add_number (tsv, 7.1234567, 6);
  daftar_table_text_end_row (tsv);
  g_assert_cmpstr (daftar_table_text_peek (tsv, NULL), ==,
                   "say \"hi\"\xEF\xBF\xBDthere\t'=1+1\t\nline\xEF\xBF\xBD" "break\t0.913\t7.123457\n");
}

/* Saved through a temporary file: nothing partial is left, an earlier file
 * stays as it was, and the error names the file. */
static void
test_table_text_save (void)
{
  g_autofree char *dir = daftar_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "table.csv", NULL);
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *inside = g_build_filename (blocker, "table.csv", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) unwritable = g_file_new_for_path (inside);
  g_autoptr(GFile) over_folder = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *contents = NULL;
  guint n_files = 0;

  g_assert_true (daftar_table_text_save (file, "a,b\r\n", 5, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "a,b\r\n");

  /* Not even root can write under a file. */
  g_assert_true (g_file_set_contents (blocker, "x", -1, NULL));
  g_assert_false (daftar_table_text_save (unwritable, "a\r\n", 3, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "table.csv"));
  g_clear_error (&error);

  /* A folder in the way: the rename fails, the temporary file goes. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (daftar_table_text_save (over_folder, "a\r\n", 3, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "folder.csv"));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 3);   /* table.csv, not-a-folder, folder.csv */
  daftar_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/cell", test_cell);
  g_test_add_func ("/csv/report-writer", test_report_writer);
  g_test_add_func ("/csv/notices-export", test_notices_export);
  g_test_add_func ("/csv/report", test_report_csv);
  g_test_add_func ("/csv/table-text", test_table_text);
  g_test_add_func ("/csv/table-text-save", test_table_text_save);
  return g_test_run ();
}
