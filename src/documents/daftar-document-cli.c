/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-document-cli.c: `daftar --report monthly|unviewed --format pdf --output FILE`, headless. */
#define G_LOG_DOMAIN "daftar-documents"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "daftar-document-cli.h"
#include "daftar-document.h"
#include "daftar-format.h"
#include "daftar-monthly-document.h"
#include "daftar-text.h"

static int
fail (int         status,
      const char *message)
{
  g_autofree char *shown = daftar_text_printable (message, -1);

  g_printerr ("%s\n", shown);
  return status;
}

int
daftar_document_cli_report (const DaftarCliReport *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarDb) db = NULL;
  g_autoptr(DaftarDocument) document = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *default_path = NULL;
  const char *path = options->db_path;
  DaftarDocumentKind kind;
  GDate from, to, today;

  if (!daftar_document_kind_from_name (options->kind, &kind))
    return fail (2, _("--format pdf makes the documents monthly, evidence and unviewed"));
  if (options->output == NULL)
    return fail (2, _("--format pdf needs --output FILE"));

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  daftar_monthly_document_default_period (&today, &from, &to);
  if (options->from != NULL && !daftar_date_parse (options->from, &from))
    {
      g_autofree char *message = g_strdup_printf (_("%s “%s” is not a date such as 1405-08-01 or 2026-10-23"),
                                                  "--from", options->from);
      return fail (2, message);
    }
  if (options->to != NULL && !daftar_date_parse (options->to, &to))
    {
      g_autofree char *message = g_strdup_printf (_("%s “%s” is not a date such as 1405-08-01 or 2026-10-23"),
                                                  "--to", options->to);
      return fail (2, message);
    }
  if (g_date_compare (&from, &to) > 0)
    return fail (2, _("The report’s start date is after its end date"));

  if (path == NULL)
    path = default_path = daftar_db_default_path ();
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message = g_strdup_printf (_("There is no database at %s"), path);
      return fail (1, message);
    }
  db = daftar_db_open_existing (path, &error);
  if (db == NULL)
    return fail (1, error->message);

  document = daftar_document_new (db, kind, options->office, &from, &to, g_date_time_to_unix (now), &error);
  if (document == NULL || !daftar_document_write_pdf (document, options->output, &error))
    return fail (1, error->message);
  return 0;
}
