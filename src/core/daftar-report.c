/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-report.c: reports without a window — tables of figures printed as CSV or JSON. */
#define G_LOG_DOMAIN "daftar-report"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "daftar-csv.h"
#include "daftar-report.h"
#include "daftar-text.h"
#include "daftar-time.h"

G_DEFINE_QUARK (daftar-report-error-quark, daftar_report_error)

struct _DaftarReportTable
{
  char      *name;
  GStrv      columns;
  JsonArray *rows;
  JsonArray *row;   /* the row being built, nullable */
};

struct _DaftarReport
{
  GPtrArray *tables;   /* DaftarReportTable */
};

static void
table_free (gpointer data)
{
  DaftarReportTable *table = data;

  g_free (table->name);
  g_strfreev (table->columns);
  json_array_unref (table->rows);
  g_clear_pointer (&table->row, json_array_unref);
  g_free (table);
}

DaftarReportTable *
daftar_report_add_table (DaftarReport       *report,
                         const char         *name,
                         const char * const *columns)
{
  DaftarReportTable *table = g_new0 (DaftarReportTable, 1);

  table->name = g_strdup (name);
  table->columns = g_strdupv ((char **) columns);
  table->rows = json_array_new ();
  g_ptr_array_add (report->tables, table);
  return table;
}

void
daftar_report_row_begin (DaftarReportTable *table)
{
  g_return_if_fail (table->row == NULL);
  table->row = json_array_new ();
}

void
daftar_report_add_string (DaftarReportTable *table,
                          const char        *value)
{
  if (value == NULL)
    json_array_add_null_element (table->row);
  else
    json_array_add_string_element (table->row, value);
}

void
daftar_report_add_int (DaftarReportTable *table,
                       gint64             value)
{
  json_array_add_int_element (table->row, value);
}

void
daftar_report_add_double (DaftarReportTable *table,
                          double             value)
{
  if (isnan (value) || isinf (value))
    json_array_add_null_element (table->row);
  /* Counts carried as doubles still read as whole numbers. */
  else if (value == floor (value) && fabs (value) < 9007199254740992.0)
    json_array_add_int_element (table->row, (gint64) value);
  else
    json_array_add_double_element (table->row, value);
}

void
daftar_report_add_date (DaftarReportTable *table,
                        const GDate       *value)
{
  char day[11];

  daftar_time_format_day (value, day);
  json_array_add_string_element (table->row, day);
}

void
daftar_report_row_end (DaftarReportTable *table)
{
  g_return_if_fail (table->row != NULL);
  g_return_if_fail (json_array_get_length (table->row) == g_strv_length (table->columns));
  json_array_add_array_element (table->rows, g_steal_pointer (&table->row));
}

static void
csv_value (GString  *out,
           JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      daftar_csv_append_text (out, json_node_get_string (node));
      break;
    case G_TYPE_INT64:
      daftar_csv_append_int (out, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      daftar_csv_append_double (out, json_node_get_double (node));
      break;
    default:
      break;
    }
}

/* Tables follow one another, a blank line apart; each starts with its
 * header, whose first column "table" names it on every row. */
static void
write_csv (DaftarReport *report,
           GString      *out)
{
  for (guint t = 0; t < report->tables->len; t++)
    {
      DaftarReportTable *table = g_ptr_array_index (report->tables, t);

      if (t > 0)
        g_string_append (out, "\r\n");
      g_string_append (out, "table");
      for (guint c = 0; table->columns[c]; c++)
        {
          g_string_append_c (out, ',');
          daftar_csv_append_text (out, table->columns[c]);
        }
      g_string_append (out, "\r\n");

      for (guint r = 0; r < json_array_get_length (table->rows); r++)
        {
          JsonArray *row = json_array_get_array_element (table->rows, r);

          daftar_csv_append_text (out, table->name);
          for (guint c = 0; c < json_array_get_length (row); c++)
            {
              g_string_append_c (out, ',');
              csv_value (out, json_array_get_element (row, c));
            }
          g_string_append (out, "\r\n");
        }
    }
}

/* Text cells are names and codes from the server, and a report is printed
 * to a terminal, which would obey an ESC or a BEL in them and let a bidi
 * override reorder the line. JSON would escape C0 controls by itself, but
 * it writes C1 controls and bidi overrides as they are, and invalid UTF-8
 * as invalid JSON; filtered, the output is valid JSON whose strings hold
 * nothing a terminal obeys. Honest text round-trips unchanged: stored text
 * has its whitespace collapsed to spaces and holds no controls, so only
 * hostile characters are replaced (the CSV cells get the same filter). */
static void
json_rows_add (JsonBuilder *b,
               JsonArray   *row)
{
  json_builder_begin_array (b);
  for (guint c = 0; c < json_array_get_length (row); c++)
    {
      JsonNode *node = json_array_get_element (row, c);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          g_autofree char *shown = daftar_text_printable (json_node_get_string (node), -1);
          json_builder_add_string_value (b, shown);
        }
      else
        json_builder_add_value (b, json_node_copy (node));
    }
  json_builder_end_array (b);
}

static void
write_json (DaftarReport              *report,
            const char                *kind,
            const DaftarReportRequest *request,
            GString                   *out)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  char day[11];

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "report");
  json_builder_add_string_value (b, kind);
  json_builder_set_member_name (b, "office");
  if (request->office_code)
    {
      g_autofree char *office = daftar_text_printable (request->office_code, -1);
      json_builder_add_string_value (b, office);
    }
  else
    json_builder_add_null_value (b);
  daftar_time_format_day (&request->from, day);
  json_builder_set_member_name (b, "from");
  json_builder_add_string_value (b, day);
  daftar_time_format_day (&request->to, day);
  json_builder_set_member_name (b, "to");
  json_builder_add_string_value (b, day);

  json_builder_set_member_name (b, "tables");
  json_builder_begin_object (b);
  for (guint t = 0; t < report->tables->len; t++)
    {
      DaftarReportTable *table = g_ptr_array_index (report->tables, t);

      json_builder_set_member_name (b, table->name);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "columns");
      json_builder_begin_array (b);
      for (guint c = 0; table->columns[c]; c++)
        json_builder_add_string_value (b, table->columns[c]);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "rows");
      json_builder_begin_array (b);
      for (guint r = 0; r < json_array_get_length (table->rows); r++)
        json_rows_add (b, json_array_get_array_element (table->rows, r));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

static gboolean
office_exists (DaftarDb    *db,
               const char  *code,
               GError     **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, "SELECT 1 FROM offices WHERE code = ?", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!found)
    {
      /* The code comes from the command line: shown, never obeyed. */
      g_autofree char *shown = daftar_text_printable (code, 256);

      g_set_error (error, DAFTAR_REPORT_ERROR, DAFTAR_REPORT_ERROR_UNKNOWN_OFFICE,
                   _("There is no office %s in this database"), shown);
    }
  return found;
}

DaftarReport *
daftar_report_new (void)
{
  DaftarReport *report = g_new0 (DaftarReport, 1);

  report->tables = g_ptr_array_new_with_free_func (table_free);
  return report;
}

void
daftar_report_free (DaftarReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->tables);
  g_free (report);
}

void
daftar_report_write (DaftarReport              *report,
                     const char                *kind,
                     const DaftarReportRequest *request,
                     DaftarReportFormat         format,
                     GString                   *out)
{
  if (format == DAFTAR_REPORT_JSON)
    write_json (report, kind, request, out);
  else
    write_csv (report, out);
}

gboolean
daftar_report_run (DaftarDb                  *db,
                   const char                *kind,
                   const DaftarReportRequest *request,
                   DaftarReportFormat         format,
                   GString                   *out,
                   GError                   **error)
{
  g_autoptr(DaftarReport) report = NULL;
  const DaftarReportKind *found = NULL;

  for (const DaftarReportKind *k = daftar_report_kinds; k->kind != NULL; k++)
    if (g_strcmp0 (k->kind, kind) == 0)
      found = k;
  if (found == NULL)
    {
      g_autoptr(GString) known = g_string_new (NULL);
      /* The name comes from the command line: shown, never obeyed. */
      g_autofree char *shown = daftar_text_printable (kind, 256);

      for (const DaftarReportKind *k = daftar_report_kinds; k->kind != NULL; k++)
        g_string_append_printf (known, "%s%s", known->len ? ", " : "", k->kind);
      g_set_error (error, DAFTAR_REPORT_ERROR, DAFTAR_REPORT_ERROR_UNKNOWN_KIND,
                   _("There is no report “%s”; the reports are: %s"), shown, known->str);
      return FALSE;
    }
  if (g_date_compare (&request->from, &request->to) > 0)
    {
      g_set_error (error, DAFTAR_REPORT_ERROR, DAFTAR_REPORT_ERROR_BAD_RANGE,
                   _("The report’s start date is after its end date"));
      return FALSE;
    }
  if (request->office_code != NULL && !office_exists (db, request->office_code, error))
    return FALSE;

  report = daftar_report_new ();
  if (!found->func (db, request, report, error))
    return FALSE;
  daftar_report_write (report, kind, request, format, out);
  return TRUE;
}
