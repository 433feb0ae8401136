/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-report.c: the arguments of `daftar --report KIND --from DATE --to DATE --office CODE --format F`, each report run over a few days of one office. */
#define G_LOG_DOMAIN "daftar-fuzz"

#include "config.h"

#include <string.h>

#include "daftar-format.h"
#include "daftar-ingest.h"
#include "daftar-report.h"
#include "fuzz-common.h"

/* The office of the demo server's pages in corpus/page/. */
#define OFFICE "YZ-ABK-01"

/* What daftar_cli_report does with its arguments, without printing. */
static void
run_report (DaftarDb   *db,
            const char *kind,
            const char *from,
            const char *to,
            const char *office,
            const char *format_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  DaftarReportRequest request = { .office_code = *office != '\0' ? office : NULL };
  DaftarReportFormat format;
  int changes = sqlite3_total_changes (daftar_db_get_handle (db));

  if (*format_name == '\0' || g_str_equal (format_name, "csv"))
    format = DAFTAR_REPORT_CSV;
  else if (g_str_equal (format_name, "json"))
    format = DAFTAR_REPORT_JSON;
  else
    return;
  if (!daftar_date_parse (from, &request.from) || !daftar_date_parse (to, &request.to))
    return;

  if (!daftar_report_run (db, kind, &request, format, out, &error))
    {
      fuzz_check (error != NULL && error->message[0] != '\0', "report %s failed without a message", kind);
      fuzz_check (fuzz_text_is_printable (error->message),
                  "report %s: its message is not printable: %s", kind, error->message);
      return;
    }
  fuzz_check (error == NULL, "report %s succeeded with an error", kind);
  fuzz_check (sqlite3_total_changes (daftar_db_get_handle (db)) == changes, "report %s wrote to the database", kind);
  fuzz_check (out->len > 0 && g_utf8_validate (out->str, out->len, NULL), "report %s printed no UTF-8 text", kind);
  if (format == DAFTAR_REPORT_JSON)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      fuzz_check (json_parser_load_from_data (parser, out->str, out->len, &error),
                  "report %s printed JSON that does not parse: %s", kind, error->message);
    }
  else
    for (gsize i = 0; i < out->len; i++)
      fuzz_check ((guchar) out->str[i] >= 0x20 || out->str[i] == '\n' || out->str[i] == '\r',
                  "report %s printed control character 0x%02x", kind, out->str[i]);
}

/* The demo server's real pages of the page corpus (its first office: the
 * office, staff, standards, holidays, tickets, cases and notices of a few
 * days in March 2025), ingested once: what the reports read. */
static void
fill_database (DaftarDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (FUZZ_CORPUS_DIR "/page", 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  fuzz_check (dir != NULL, "%s", error->message);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "demo-"))
      g_ptr_array_add (names, g_strdup (name));
  fuzz_check (names->len > 0, "%s", "no demo pages in " FUZZ_CORPUS_DIR "/page");
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (FUZZ_CORPUS_DIR, "page", names->pdata[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) body = NULL;
      DaftarIngestResult result = { 0 };
      gsize length;

      fuzz_check (g_file_get_contents (path, &contents, &length, &error), "%s", error->message);
      body = g_bytes_new_take (g_steal_pointer (&contents), length);
      fuzz_check (daftar_ingest_page_bytes (db, OFFICE, body, &result, &error), "%s: %s", path, error->message);
      daftar_ingest_result_clear (&result);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  fill_database (fuzz_db_get ());
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *kind = fuzz_take_line (&data, &size);
  g_autofree char *from = fuzz_take_line (&data, &size);
  g_autofree char *to = fuzz_take_line (&data, &size);
  g_autofree char *office = fuzz_take_line (&data, &size);
  g_autofree char *format = fuzz_take_line (&data, &size);

  run_report (fuzz_db_get (), kind, from, to, office, format);
  return 0;
}
