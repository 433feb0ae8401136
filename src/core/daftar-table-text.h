/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-table-text.h: a table on its way out of the window — CSV for a file, tab-separated text for the clipboard — and its save with no partial file. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  /* RFC 4180 with CRLF lines, after a UTF-8 byte order mark: what a
   * spreadsheet program opens as Persian rather than mojibake. */
  DAFTAR_TABLE_TEXT_CSV,
  /* One line per row, cells between TABs, no byte order mark: what a
   * spreadsheet or a text editor takes from the clipboard. */
  DAFTAR_TABLE_TEXT_TSV,
} DaftarTableTextFormat;

typedef struct _DaftarTableText DaftarTableText;

DaftarTableText *daftar_table_text_new        (DaftarTableTextFormat  format);
void             daftar_table_text_free       (DaftarTableText       *self);

/* A cell of text (nullable: empty), through daftar_csv_append_text() — a
 * cell a spreadsheet would run as a formula stays text — and in TSV with no
 * TAB or line break left inside it. */
void             daftar_table_text_add_text   (DaftarTableText       *self,
                                               const char            *text);
/* A number in the digits chosen in Preferences (daftar-format.h), without
 * grouping separators and with at most @max_fraction_digits (0..6) fraction
 * digits; NaN (no data) is an empty cell. */
void             daftar_table_text_add_number (DaftarTableText       *self,
                                               double                 value,
                                               int                    max_fraction_digits);
void             daftar_table_text_end_row    (DaftarTableText       *self);

const char      *daftar_table_text_peek       (DaftarTableText       *self,
                                               gsize                 *out_length);

/* Writes @contents to @file through a temporary file in its folder that is
 * renamed over it once complete, so a failure leaves no partial file and
 * any earlier file as it was. The error names the file. */
gboolean         daftar_table_text_save       (GFile                 *file,
                                               const char            *contents,
                                               gsize                  length,
                                               GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarTableText, daftar_table_text_free)

G_END_DECLS
