/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-table-text.c: a table on its way out of the window — CSV for a file, tab-separated text for the clipboard — and its save with no partial file. */
#define G_LOG_DOMAIN "daftar-csv"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "daftar-csv.h"
#include "daftar-format.h"
#include "daftar-table-text.h"

struct _DaftarTableText
{
  DaftarTableTextFormat  format;
  GString               *text;        /* owned */
  gboolean               row_started;
};

DaftarTableText *
daftar_table_text_new (DaftarTableTextFormat format)
{
  DaftarTableText *self = g_new0 (DaftarTableText, 1);

  self->format = format;
  self->text = g_string_new (NULL);
  /* Without the mark, spreadsheet programs read the Persian of a UTF-8
   * file as mojibake; on the clipboard the type already says UTF-8. */
  if (format == DAFTAR_TABLE_TEXT_CSV)
    g_string_append (self->text, "\xEF\xBB\xBF");
  return self;
}

void
daftar_table_text_free (DaftarTableText *self)
{
  if (self == NULL)
    return;
  g_string_free (self->text, TRUE);
  g_free (self);
}

static void
separate (DaftarTableText *self)
{
  if (self->row_started)
    g_string_append_c (self->text, self->format == DAFTAR_TABLE_TEXT_CSV ? ',' : '\t');
  self->row_started = TRUE;
}

void
daftar_table_text_add_text (DaftarTableText *self,
                            const char      *text)
{
  g_return_if_fail (self != NULL);

  separate (self);
  if (self->format == DAFTAR_TABLE_TEXT_CSV)
    {
      daftar_csv_append_text (self->text, text);
      return;
    }

  /* The same cell as in a file, with its quotes taken off again: a TSV
   * paste reads a cell up to the next TAB, and the CSV writer has already
   * made a line break or a TAB inside it U+FFFD and marked a formula. */
  {
    g_autoptr(GString) cell = g_string_new (NULL);
    const char *p;
    gsize end;

    daftar_csv_append_text (cell, text);
    if (cell->len < 2 || cell->str[0] != '"')
      {
        g_string_append (self->text, cell->str);
        return;
      }
    end = cell->len - 1;
    for (p = cell->str + 1; p < cell->str + end; p++)
      {
        g_string_append_c (self->text, *p);
        if (*p == '"')
          p++;   /* "" stands for one quote */
      }
  }
}

void
daftar_table_text_add_number (DaftarTableText *self,
                              double           value,
                              int              max_fraction_digits)
{
  g_autofree char *number = NULL;

  g_return_if_fail (self != NULL);

  separate (self);
  if (!isfinite (value))
    return;
  /* ICU's digits and signs hold no separator, quote or line break, and a
   * number is never neutralised: -3 stays minus three. */
  number = daftar_format_decimal_plain (value, max_fraction_digits);
  g_string_append (self->text, number);
}

void
daftar_table_text_end_row (DaftarTableText *self)
{
  g_return_if_fail (self != NULL);

  g_string_append (self->text, self->format == DAFTAR_TABLE_TEXT_CSV ? "\r\n" : "\n");
  self->row_started = FALSE;
}

const char *
daftar_table_text_peek (DaftarTableText *self,
                        gsize           *out_length)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (out_length != NULL)
    *out_length = self->text->len;
  return self->text->str;
}

gboolean
daftar_table_text_save (GFile       *file,
                        const char  *contents,
                        gsize        length,
                        GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  gboolean saved;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  path = g_file_get_path (file);
  if (path != NULL)
    /* A temporary file beside it, synced and renamed over it. */
    saved = g_file_set_contents_full (path, contents, length,
                                      G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
  else
    /* A folder of a portal or a remote share: GIO's own replacement. */
    saved = g_file_replace_contents (file, contents, length, NULL, FALSE,
                                     G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
  if (saved)
    return TRUE;

  name = g_file_get_parse_name (file);
  /* Translators: the start of an error message, followed by the reason */
  g_prefix_error (error, _("Could not save “%s”: "), name);
  return FALSE;
}
