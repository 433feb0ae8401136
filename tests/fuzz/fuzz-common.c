/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-common.c: what every fuzz target shares — a quiet but strict GLib, input helpers, a fresh database per input. */
#define G_LOG_DOMAIN "daftar-fuzz"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "fuzz-common.h"

void
fuzz_fail (const char *file,
           int         line,
           const char *condition,
           const char *format,
           ...)
{
  va_list args;

  fprintf (stderr, "%s:%d: fuzz check failed: %s: ", file, line, condition);
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  fflush (stderr);
  abort ();
}

/* GLib ends a fatal message with a breakpoint (SIGTRAP), which libFuzzer
 * does not take for a crash and keeps no input of: abort instead. */
static GLogWriterOutput
abort_on_warning (GLogLevelFlags   level,
                  const GLogField *fields,
                  gsize            n_fields,
                  gpointer         user_data)
{
  GLogWriterOutput written = g_log_writer_default (level, fields, n_fields, user_data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return written;
}

void
fuzz_init (void)
{
  /* GSlice's own allocator would hide its blocks from AddressSanitizer
   * (GLib 2.74; from 2.76 on it always uses malloc). Set too late to
   * matter if GLib already allocated, so the scripts set it as well. */
  g_setenv ("G_SLICE", "always-malloc", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  /* A critical is a broken precondition and a warning something the code
   * did not expect: both are findings, and only a crash tells libFuzzer. */
  g_log_set_writer_func (abort_on_warning, NULL, NULL);
}

char *
fuzz_strndup (const uint8_t *data,
              size_t         size)
{
  return g_strndup ((const char *) data, size);
}

char *
fuzz_take_line (const uint8_t **data,
                size_t         *size)
{
  const uint8_t *end = memchr (*data, '\n', *size);
  size_t len = end != NULL ? (size_t) (end - *data) : *size;
  char *line = fuzz_strndup (*data, len);

  *data += end != NULL ? len + 1 : len;
  *size -= end != NULL ? len + 1 : len;
  return line;
}

static DaftarDb *fuzz_db;
static sqlite3 *pristine;   /* an in-memory copy of the state to reset to */
static char *fuzz_dir;

static void
copy_database (sqlite3    *to,
               sqlite3    *from,
               const char *what)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");

  fuzz_check (backup != NULL, "%s: %s", what, sqlite3_errmsg (to));
  fuzz_check (sqlite3_backup_step (backup, -1) == SQLITE_DONE, "%s: %s", what, sqlite3_errmsg (to));
  fuzz_check (sqlite3_backup_finish (backup) == SQLITE_OK, "%s: %s", what, sqlite3_errmsg (to));
}

static void
remove_database (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_pointer (&fuzz_db, daftar_db_close);
  if (pristine != NULL)
    sqlite3_close (pristine);
  pristine = NULL;
  if (fuzz_dir == NULL || (dir = g_dir_open (fuzz_dir, 0, NULL)) == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fuzz_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fuzz_dir);
  g_clear_pointer (&fuzz_dir, g_free);
}

void
fuzz_db_snapshot (void)
{
  DaftarDb *db = fuzz_db_get ();

  if (pristine == NULL)
    fuzz_check (sqlite3_open (":memory:", &pristine) == SQLITE_OK, "%s", "an in-memory database");
  copy_database (pristine, daftar_db_get_handle (db), "Keeping the empty database");
}

DaftarDb *
fuzz_db_get (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (fuzz_db != NULL)
    return fuzz_db;
  fuzz_dir = g_dir_make_tmp ("daftar-fuzz-XXXXXX", &error);
  fuzz_check (fuzz_dir != NULL, "%s", error->message);
  path = g_build_filename (fuzz_dir, "daftar.db", NULL);
  fuzz_db = daftar_db_open (path, &error);
  fuzz_check (fuzz_db != NULL, "%s", error->message);
  /* Nothing here needs to survive a power cut. */
  fuzz_check (daftar_db_exec (fuzz_db, "PRAGMA synchronous = OFF", &error), "%s", error->message);
  atexit (remove_database);
  fuzz_db_snapshot ();
  return fuzz_db;
}

void
fuzz_db_reset (void)
{
  DaftarDb *db = fuzz_db_get ();

  copy_database (daftar_db_get_handle (db), pristine, "Emptying the database");
}

gint64
fuzz_db_query_int (DaftarDb   *db,
                   const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = daftar_db_prepare (db, sql, &error);
  gint64 value;

  fuzz_check (stmt != NULL, "%s", error->message);
  fuzz_check (sqlite3_step (stmt) == SQLITE_ROW, "%s: %s", sql, sqlite3_errmsg (daftar_db_get_handle (db)));
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gboolean
fuzz_text_is_printable (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        return FALSE;
    }
  return TRUE;
}
