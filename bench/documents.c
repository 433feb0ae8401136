/* SPDX-License-Identifier: GPL-3.0-or-later */
/* documents.c: benchmark — a document of a long period laid out and written as a PDF: pages per second and peak memory. */
#include "config.h"

#include <locale.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "daftar-document.h"
#include "daftar-format.h"
#include "daftar-i18n.h"

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *db_path = NULL, *kind_name = g_strdup ("evidence"), *office = NULL;
  g_autofree char *from_text = NULL, *to_text = NULL, *output = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("- time a document from its query to its PDF");
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarDb) db = NULL;
  g_autoptr(DaftarDocument) document = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "Database (e.g. bench/demo-generate --days 1826's)", "FILE" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name, "monthly, evidence (default) or unviewed", "KIND" },
    { "office", 0, 0, G_OPTION_ARG_STRING, &office, "Office code", "CODE" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, "First day", "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, "Last day", "DATE" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, "PDF (default: a temporary file, removed)", "FILE" },
    { NULL }
  };
  DaftarDocumentKind kind;
  GDate from, to;
  gint64 t0, t1, t2;
  long rss_before;
  guint pages;

  setlocale (LC_ALL, "");
  daftar_i18n_init ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db_path == NULL || from_text == NULL ||
      to_text == NULL || !daftar_document_kind_from_name (kind_name, &kind) ||
      !daftar_date_parse (from_text, &from) || !daftar_date_parse (to_text, &to))
    {
      g_printerr ("Usage: documents --db FILE --office CODE --from DATE --to DATE [--kind KIND] [--output FILE]\n");
      return 2;
    }
  if (output == NULL)
    output = g_build_filename (g_get_tmp_dir (), "daftar-bench-document.pdf", NULL);

  db = daftar_db_open_existing (db_path, &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  rss_before = peak_rss_kib ();

  t0 = g_get_monotonic_time ();
  document = daftar_document_new (db, kind, office, &from, &to, g_get_real_time () / G_USEC_PER_SEC, &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  t1 = g_get_monotonic_time ();
  if (!daftar_document_write_pdf (document, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  t2 = g_get_monotonic_time ();
  pages = daftar_document_get_n_pages (document);

  g_print ("documents: %s of %s, %s to %s, %s\n", kind_name, office != NULL ? office : "every office",
           from_text, to_text, db_path);
  g_print ("pages                          %u\n", pages);
  g_print ("query + paginate               %.1f ms\n", (t1 - t0) / 1000.0);
  g_print ("draw + write PDF               %.1f ms\n", (t2 - t1) / 1000.0);
  g_print ("pages per second (draw+write)  %.1f\n", pages / ((t2 - t1) / 1e6));
  g_print ("pages per second (all)         %.1f\n", pages / ((t2 - t0) / 1e6));
  g_print ("peak resident                  %.1f MiB (%.1f MiB before the document)\n",
           peak_rss_kib () / 1024.0, rss_before / 1024.0);
  if (strstr (output, "daftar-bench-document.pdf") != NULL)
    g_unlink (output);
  return 0;
}
