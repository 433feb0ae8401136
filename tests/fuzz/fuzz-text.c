/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-text.c: Persian text folding — the stored form, the search key's fast path against its full path, and the filter for text on its way to a terminal. */
#define G_LOG_DOMAIN "daftar-fuzz"

#include "config.h"

#include <string.h>

#include "daftar-text-private.h"
#include "fuzz-common.h"

/* No leading, trailing or doubled space: the folding's own promise. */
static void
check_spaces (const char *text,
              const char *what)
{
  gsize len = strlen (text);

  fuzz_check (g_utf8_validate (text, -1, NULL), "%s is not UTF-8", what);
  fuzz_check (len == 0 || (text[0] != ' ' && text[len - 1] != ' '), "%s is not trimmed: “%s”", what, text);
  fuzz_check (strstr (text, "  ") == NULL, "%s holds two spaces: “%s”", what, text);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      fuzz_check (c == ' ' || !g_unichar_isspace (c), "%s holds white space U+%04X", what, c);
    }
}

static void
check_printable (const char *text,
                 gssize      max_bytes)
{
  g_autofree char *shown = daftar_text_printable (text, max_bytes);
  gsize read = max_bytes < 0 ? strlen (text) : strnlen (text, max_bytes);

  fuzz_check (g_utf8_validate (shown, -1, NULL), "%s", "printable text is not UTF-8");
  /* Each byte read becomes at most one U+FFFD, three bytes. */
  fuzz_check (strlen (shown) <= 3 * read, "%zu bytes printed of %zu read", strlen (shown), read);
  for (const char *p = shown; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      fuzz_check (c >= 0x20 && !(c >= 0x7F && c < 0xA0), "printable text holds control U+%04X", c);
      fuzz_check (!(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069),
                  "printable text holds bidi control U+%04X", c);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_strndup (data, size);
  g_autofree char *stored = daftar_text_normalize (text);
  g_autofree char *stored_again = daftar_text_normalize (stored);
  g_autofree char *key = daftar_text_search_key (text);
  g_autofree char *key_full = daftar_text_search_key_full (text);
  g_autofree char *key_of_stored = daftar_text_search_key (stored);

  check_spaces (stored, "the stored form");
  fuzz_check (g_str_equal (stored, stored_again), "storing twice changes “%s” again", stored);

  /* The fast path is only ever a shortcut to the full path's answer. */
  check_spaces (key, "the search key");
  fuzz_check (g_str_equal (key, key_full), "fast key “%s”, full key “%s”", key, key_full);
  /* A case is found by what is stored, searched as it was typed. */
  fuzz_check (g_str_equal (key, key_of_stored), "key “%s” of the text, “%s” of its stored form", key, key_of_stored);

  check_printable (text, -1);
  check_printable (text, size / 2);
  return 0;
}
