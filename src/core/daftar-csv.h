/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-csv.h: one CSV cell for a file a spreadsheet opens — RFC 4180 quoting, and text that cannot become a formula. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @text (nullable: an empty cell) as one cell of text. Controls and
 * bidi overrides are filtered as by daftar_text_printable(); a cell that a
 * spreadsheet would read as a formula (one beginning with = + - @, TAB or
 * CR, as OWASP lists them, after any spaces) gets a leading ' and quotes,
 * so it is shown as the text it is; a cell holding a separator, a quote or
 * a line break is quoted with its quotes doubled. The separator after the
 * cell is the caller's. */
void daftar_csv_append_text   (GString    *line,
                               const char *text);

/* Numbers as a spreadsheet reads numbers: never neutralised, so -3 stays
 * minus three; a double as the shortest text that reads back as the same
 * double. A NaN or infinite double is an empty cell. */
void daftar_csv_append_int    (GString    *line,
                               gint64      value);
void daftar_csv_append_double (GString    *line,
                               double      value);

G_END_DECLS
