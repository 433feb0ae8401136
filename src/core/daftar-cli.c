/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-cli.c: the modes of `daftar` that run without a window. */
#define G_LOG_DOMAIN "daftar-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "daftar-cli.h"
#include "daftar-db.h"
#include "daftar-format.h"
#include "daftar-report.h"
#include "daftar-text.h"

/* Messages quote the command line, the database path and office codes
 * from the server: nothing in them may steer the terminal. */
static void
print_error (const char *message)
{
  g_autofree char *shown = daftar_text_printable (message, -1);

  g_printerr ("%s\n", shown);
}

static gboolean
parse_date (const char  *text,
            const char  *option,
            GDate       *out,
            GError     **error)
{
  if (text == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--report needs %s DATE"), option);
      return FALSE;
    }
  if (!daftar_date_parse (text, out))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s “%s” is not a date such as 1405-08-01 or 2026-10-23"), option, text);
      return FALSE;
    }
  return TRUE;
}

int
daftar_cli_report (const DaftarCliReport *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarDb) db = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *default_path = NULL;
  DaftarReportRequest request = { 0 };
  DaftarReportFormat format;

  if (options->format == NULL || g_str_equal (options->format, "csv"))
    format = DAFTAR_REPORT_CSV;
  else if (g_str_equal (options->format, "json"))
    format = DAFTAR_REPORT_JSON;
  else
    {
      g_printerr ("%s\n", _("--format must be csv or json"));
      return 2;
    }

  if (!parse_date (options->from, "--from", &request.from, &error) ||
      !parse_date (options->to, "--to", &request.to, &error))
    {
      print_error (error->message);
      return 2;
    }
  request.office_code = options->office;

  if (options->db_path == NULL)
    default_path = daftar_db_default_path ();
  /* A report reads; it must not create an empty database by mistake. */
  if (!g_file_test (options->db_path ? options->db_path : default_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message = g_strdup_printf (_("There is no database at %s"),
                                                  options->db_path ? options->db_path : default_path);
      print_error (message);
      return 1;
    }
  /* Nor may it make an empty file or another program's database into ours. */
  db = daftar_db_open_existing (options->db_path ? options->db_path : default_path, &error);
  if (db == NULL || !daftar_report_run (db, options->kind, &request, format, out, &error))
    {
      print_error (error->message);
      return 1;
    }

  fwrite (out->str, 1, out->len, stdout);
  return fflush (stdout) == 0 ? 0 : 1;
}
