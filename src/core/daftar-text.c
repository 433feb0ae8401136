/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-text.c: Persian text normalisation with GLib's Unicode tables — stored form and search keys — and text made safe to show. */
#define G_LOG_DOMAIN "daftar-text"

#include <string.h>

#include "daftar-text-private.h"

#define ARABIC_KAF              0x0643
#define ARABIC_ALEF_MAKSURA     0x0649
#define ARABIC_YEH              0x064A
#define ARABIC_TEH_MARBUTA      0x0629
#define ARABIC_TATWEEL          0x0640
#define ARABIC_HEH              0x0647
#define ARABIC_HEH_DOACHASHMEE  0x06BE
#define ARABIC_AE               0x06D5
#define PERSIAN_KEHEH           0x06A9
#define PERSIAN_YEH             0x06CC

/* Collapses whitespace while appending: a run of spaces is written as one
 * space only once a non-space follows it, so both ends come out trimmed. */
typedef struct {
  GString  *out;
  gboolean  pending_space;
} Builder;

static void
builder_add (Builder  *builder,
             gunichar  c)
{
  if (g_unichar_isspace (c))
    {
      builder->pending_space = builder->out->len > 0;
      return;
    }
  if (builder->pending_space)
    g_string_append_c (builder->out, ' ');
  builder->pending_space = FALSE;
  g_string_append_unichar (builder->out, c);
}

/* Windows' Arabic keyboard and older systems type Arabic yeh and kaf where
 * Persian ones are meant; they look alike in the middle of a word. */
static gunichar
persian_letter (gunichar c)
{
  switch (c)
    {
    case ARABIC_YEH:
    case ARABIC_ALEF_MAKSURA:
      return PERSIAN_YEH;
    case ARABIC_KAF:
      return PERSIAN_KEHEH;
    default:
      return c;
    }
}

/* Most stored text is plain Persian or ASCII. For such text NFC changes
 * nothing and NFKD only splits the hamza and madda forms of alef, waw and
 * yeh, so both functions can skip GLib's normaliser, which was a tenth of
 * ingest time. The set is deliberately small: any other character takes
 * the full path. */
static gboolean
is_plain_char (gunichar c)
{
  return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' ||
         (c >= 0x0621 && c <= 0x063A) ||             /* hamza .. ghain */
         (c >= 0x0641 && c <= 0x064A) ||             /* feh .. yeh */
         c == 0x067E || c == 0x0686 || c == 0x0698 || /* پ چ ژ */
         c == 0x06A9 || c == 0x06AF || c == 0x06CC || /* ک گ ی */
         (c >= 0x06F0 && c <= 0x06F9) ||             /* Persian digits */
         c == 0x060C || c == 0x061B || c == 0x061F || /* ، ؛ ؟ */
         c == 0x200C;                                /* ZWNJ */
}

static gboolean
is_plain (const char *text)
{
  const char *end;

  if (!g_utf8_validate (text, -1, &end))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_plain_char (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* What NFKD, casefolding and dropping marks do to a plain character. */
static gunichar
plain_search_char (gunichar c)
{
  switch (c)
    {
    case 0x0622: case 0x0623: case 0x0625:   /* آ أ إ */
      return 0x0627;
    case 0x0624:                             /* ؤ */
      return 0x0648;
    case 0x0626:                             /* ئ */
      return PERSIAN_YEH;
    default:
      return c < 0x80 ? (gunichar) g_ascii_tolower ((char) c) : c;
    }
}

char *
daftar_text_normalize (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *composed = NULL;
  Builder builder;

  if (text == NULL)
    return NULL;

  if (is_plain (text))
    {
      builder.out = g_string_sized_new (strlen (text));
      builder.pending_space = FALSE;
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        builder_add (&builder, persian_letter (g_utf8_get_char (p)));
      return g_string_free (builder.out, FALSE);
    }

  valid = g_utf8_make_valid (text, -1);
  composed = g_utf8_normalize (valid, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  builder.out = g_string_sized_new (strlen (composed));
  builder.pending_space = FALSE;

  for (const char *p = composed; *p != '\0'; p = g_utf8_next_char (p))
    builder_add (&builder, persian_letter (g_utf8_get_char (p)));

  return g_string_free (builder.out, FALSE);
}

/* The search key of one plain or fully decomposed and folded character:
 * 0 when it is dropped. */
static gunichar
search_char (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);
  int digit = g_unichar_digit_value (c);

  /* Harakat, hamza and madda; ZWNJ, ZWJ and bidi marks; tatweel
   * stretches a word without changing it. */
  if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK ||
      type == G_UNICODE_FORMAT || c == ARABIC_TATWEEL)
    return 0;
  if (digit >= 0)
    return '0' + digit;
  if (c == ARABIC_TEH_MARBUTA || c == ARABIC_HEH_DOACHASHMEE || c == ARABIC_AE)
    return ARABIC_HEH;   /* ۀ decomposes to ە + hamza */
  return persian_letter (c);
}

char *
daftar_text_search_key_full (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  Builder builder;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  /* NFKD splits أ into ا + hamza, and presentation forms into letters, so
   * dropping marks below does the alef, waw and yeh folding. */
  decomposed = g_utf8_normalize (valid, -1, G_NORMALIZE_ALL);
  folded = g_utf8_casefold (decomposed, -1);
  builder.out = g_string_sized_new (strlen (folded));
  builder.pending_space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = search_char (g_utf8_get_char (p));
      if (c != 0)
        builder_add (&builder, c);
    }

  return g_string_free (builder.out, FALSE);
}

char *
daftar_text_search_key (const char *text)
{
  Builder builder;

  if (text == NULL || !is_plain (text))
    return daftar_text_search_key_full (text);

  builder.out = g_string_sized_new (strlen (text));
  builder.pending_space = FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = search_char (plain_search_char (g_utf8_get_char (p)));
      if (c != 0)
        builder_add (&builder, c);
    }
  return g_string_free (builder.out, FALSE);
}

static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

char *
daftar_text_printable (const char *text,
                       gssize      max_bytes)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return NULL;
  valid = g_utf8_make_valid (text, max_bytes < 0 ? -1 : (gssize) strnlen (text, max_bytes));
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_bidi_control (c))
        continue;
      if (c < 0x20 || (c >= 0x7F && c < 0xA0))
        c = 0xFFFD;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
daftar_text_isolate (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid) + 6);

  g_string_append (out, "\u2068");
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_bidi_control (c))
        g_string_append_unichar (out, c);
    }
  g_string_append (out, "\u2069");
  return g_string_free (out, FALSE);
}
