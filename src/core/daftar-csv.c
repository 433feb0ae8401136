/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-csv.c: one CSV cell for a file a spreadsheet opens — RFC 4180 quoting, and text that cannot become a formula. */
#define G_LOG_DOMAIN "daftar-csv"

#include "config.h"

#include <math.h>
#include <string.h>

#include "daftar-csv.h"
#include "daftar-text.h"

/* Excel, LibreOffice and Google Sheets start a formula at these; a client
 * named "=HYPERLINK(…)" or "-2+3" would otherwise run as one when the
 * manager opens the export. Spaces before them are skipped too, since some
 * spreadsheets trim a cell before reading it, and no stored text starts
 * with a space (daftar_text_normalize trims). */
static gboolean
reads_as_formula (const char *text)
{
  while (*text == ' ')
    text++;
  return *text != '\0' && strchr ("=+-@\t\r", *text) != NULL;
}

void
daftar_csv_append_text (GString    *line,
                        const char *text)
{
  g_autofree char *shown = NULL;
  gboolean formula;

  if (text == NULL || *text == '\0')
    return;
  shown = daftar_text_printable (text, -1);
  /* The filter turns a leading TAB or CR into U+FFFD, which starts no
   * formula, and drops a bidi override that hid an = behind it: what was
   * sent and what is written are both checked, so a cell OWASP names is
   * marked as text whichever way it came. */
  formula = reads_as_formula (text) || reads_as_formula (shown);
  if (!formula && strpbrk (shown, ",\"\r\n") == NULL)
    {
      g_string_append (line, shown);
      return;
    }

  /* OWASP: a leading ' makes the cell text, and the quotes keep the '
   * from being read as part of an unquoted field by stricter readers. */
  g_string_append_c (line, '"');
  if (formula)
    g_string_append_c (line, '\'');
  for (const char *p = shown; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

void
daftar_csv_append_int (GString *line,
                       gint64   value)
{
  g_string_append_printf (line, "%" G_GINT64_FORMAT, value);
}

void
daftar_csv_append_double (GString *line,
                          double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return;
  /* The shortest text that reads back as the same double, as json-glib
   * writes it: a report's CSV and JSON give the same numbers. */
  g_string_append (line, g_ascii_dtostr (buffer, sizeof buffer, value));
}
