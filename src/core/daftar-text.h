/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-text.h: Persian text normalisation for stored text and for search keys, and text made safe to show: printable, isolated. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For text as it is STORED: NFC; Arabic yeh ي and alef maksura ى become
 * Persian ی (U+06CC), Arabic kaf ك becomes ک (U+06A9); whitespace is
 * trimmed and each run becomes one space. ZWNJ (نیم‌فاصله) is kept: it is
 * part of correct Persian spelling. NULL in, NULL out; invalid UTF-8 is
 * repaired first. */
char *daftar_text_normalize  (const char *text);

/* For SEARCH keys, compared with each other and never shown: the stored
 * form, then compatibility-decomposed (Arabic presentation forms become
 * letters) with every combining mark dropped (harakat, and the hamza or
 * madda of أ إ آ ؤ ئ ۀ, so they fold to ا ا ا و ی ه), ة → ه, ھ → ه,
 * tatweel and format characters (ZWNJ, ZWJ, bidi marks) dropped, every
 * decimal digit → ASCII, case folded. Two spellings of one word get one key;
 * «می خواهم» with a space stays distinct from «میخواهم». NULL in, NULL out. */
char *daftar_text_search_key (const char *text);

/* For text from outside (a server, a file, the command line) on its way to a
 * terminal, a log, an error message or a spreadsheet: invalid UTF-8 is
 * repaired, every C0 and C1 control character (ESC, BEL, CR, LF, TAB…) and
 * DEL becomes U+FFFD, and the bidi embedding, override and isolate controls
 * (U+202A–U+202E, U+2066–U+2069), which could reorder what is printed
 * around them, are dropped. At most @max_bytes bytes of the input are read
 * (-1: all), so a hostile header cannot make a long message. NULL in, NULL
 * out. */
char *daftar_text_printable  (const char *text,
                              gssize      max_bytes);

/* For a value shown inside text or a row of the other direction — a Latin
 * tracking code, office code or address in a Persian sentence or list, a
 * database's English words after a Persian prefix: @text between FIRST
 * STRONG ISOLATE and POP DIRECTIONAL ISOLATE, so it keeps its own direction
 * and neither takes over the paragraph's nor reorders what is around it.
 * The embedding, override and isolate controls it carries are dropped, so
 * text from outside can neither close the isolate early nor leave one
 * open; invalid UTF-8 is repaired. NULL gives an empty isolate. */
char *daftar_text_isolate    (const char *text);

G_END_DECLS
