/* daftar-text.h: Persian text normalisation for stored text and for search keys. */
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

G_END_DECLS
