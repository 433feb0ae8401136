/* SPDX-License-Identifier: GPL-3.0-or-later */
/* demo-generate.c: benchmark — generates demo offices into a database and prints time, records/s and file size. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "daftar-db.h"
#include "daftar-demo.h"
#include "daftar-time.h"

static char *
file_size_text (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return g_strdup ("absent");
  return g_strdup_printf ("%.1f MiB, %" G_GINT64_FORMAT " bytes",
                          st.st_size / 1048576.0, (gint64) st.st_size);
}

int
main (int argc, char **argv)
{
  int days = 1826, offices = 1, page_size = 5000;
  gint64 seed = 1;
  g_autofree char *db_path = NULL;
  g_autofree char *last = NULL;
  GOptionEntry entries[] = {
    { "days", 0, 0, G_OPTION_ARG_INT, &days, "Days of history (1826 = 5 years)", "N" },
    { "offices", 0, 0, G_OPTION_ARG_INT, &offices, "Offices", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed", "S" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "Database file (replaced)", "FILE" },
    { "page-size", 0, 0, G_OPTION_ARG_INT, &page_size, "Changes per ingest page", "N" },
    { "last-day", 0, 0, G_OPTION_ARG_STRING, &last, "Last day, YYYY-MM-DD (default: today)", "DAY" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- generate demo data into a database");
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarDemo) demo = NULL;
  g_autoptr(DaftarDb) db = NULL;
  g_autofree char *size = NULL;
  GDate last_day;
  gint64 t0, t1, t2;
  guint64 records = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (db_path == NULL || days < 1 || offices < 1 || page_size < 1)
    {
      g_printerr ("Usage: demo-generate --db FILE [--days N] [--offices N] [--seed S]\n");
      return 2;
    }
  if (last != NULL && !daftar_time_parse_day (last, &last_day))
    {
      g_printerr ("Not a day: %s\n", last);
      return 2;
    }

  demo = daftar_demo_new ((guint64) seed, offices, days, last != NULL ? &last_day : NULL);

  /* Generation alone: every change object built, then dropped. */
  t0 = g_get_monotonic_time ();
  for (int o = 0; o < offices; o++)
    for (int d = 0; d < days; d++)
      {
        g_autoptr(JsonArray) changes = json_array_new ();
        daftar_demo_append_day (demo, o, d, changes);
        records += json_array_get_length (changes);
      }
  t1 = g_get_monotonic_time ();

  /* Generation and ingest into a fresh file, as `daftar --demo` does it. */
  g_unlink (db_path);
  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  db = daftar_db_open (db_path, &error);
  if (db == NULL || !daftar_demo_fill_database (demo, db, page_size, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_clear_pointer (&db, daftar_db_close);
  t2 = g_get_monotonic_time ();
  size = file_size_text (db_path);

  g_print ("demo: %d office(s) x %d days, seed %" G_GINT64_FORMAT ", %" G_GUINT64_FORMAT " records\n",
           offices, days, seed, records);
  g_print ("generate only:     %.2f s, %.0f records/s\n",
           (t1 - t0) / 1e6, records / ((t1 - t0) / 1e6));
  g_print ("generate + ingest: %.2f s, %.0f records/s (pages of about %d)\n",
           (t2 - t1) / 1e6, records / ((t2 - t1) / 1e6), page_size);
  g_print ("database: %s (%s)\n", db_path, size);
  return 0;
}
