/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-page-check.c: the strict check of a page's bytes before json-glib parses them — RFC 8259 only, with bounded depth, changes and values. */
#define G_LOG_DOMAIN "daftar-ingest"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>

#include "daftar-format.h"
#include "daftar-ingest.h"
#include "daftar-page-check.h"

/* json-glib 1.6 is not a strict parser: it takes comments, and the scan
 * that ran before it, which assumed strict JSON, could be fooled by one
 * ("/ * " * /" flipped its idea of being inside a string), after which a
 * page nested a million deep reached json-glib's recursive parser and
 * overflowed the stack. So the whole grammar is checked here, by one loop
 * with an explicit stack, before json-glib sees a byte.
 *
 * json-glib also turns "\u0000" into the end of the string (so "A\u0000B"
 * would be stored as "A"), mangles unpaired surrogates, refuses the whole
 * document for one stray byte that is not UTF-8, and wraps integers past
 * 64 bits around (-99999999999999999999999 becomes 1). These are one
 * record's fault, not the page's, so instead of refusing the page the check
 * rewrites each into something that survives parsing and is caught after
 * it: the three text faults become Unicode noncharacters, which no office
 * data contains, and the change holding one is rejected; an oversized
 * integer gets a ".0" and is parsed as the real number it is, which no
 * integer field accepts. Only the first stray byte of a string is marked
 * and the others are dropped, so a rewritten body is never much larger than
 * the body. */
#define MARK_NUL       "\\uFFFE"
#define MARK_SURROGATE "\\uFDD0"
#define MARK_NOT_UTF8  "\\uFFFF"

typedef enum {
  STATE_VALUE,            /* a value must come: at the start, after ':', after ',' in an array */
  STATE_VALUE_OR_CLOSE,   /* after '[' */
  STATE_KEY,              /* after ',' in an object */
  STATE_KEY_OR_CLOSE,     /* after '{' */
  STATE_COLON,            /* after a member name */
  STATE_NEXT,             /* after a value in an object or array: ',' or its closing bracket */
  STATE_DONE,             /* after the whole value: only white space may follow */
} State;

typedef struct {
  const guchar *d;
  gsize         n;
  gsize         i;
  gsize         copied;           /* bytes of d already in out */
  GString      *out;              /* nullable: made at the first rewrite */

  guchar        stack[DAFTAR_PAGE_MAX_DEPTH];   /* '{' or '[' of each open container */
  guint         depth;
  gboolean      changes_key;      /* the member name just read is the page's "changes" */
  gboolean      in_changes;       /* stack[1] is the page's "changes" array */
  guint         changes;          /* changes begun so far: the current one's number */
  guint         values;
  guint         containers;
  guint         marked;
  guint         marked_changes;
  guint         last_marked;      /* number of the change last counted in marked_changes */
  gsize         value_end;        /* just past the last value that ended */
  GError      **error;
} Check;

static gboolean
refuse (Check      *c,
        gsize       at,
        const char *what)
{
  g_autofree char *byte = g_strdup_printf ("%" G_GSIZE_FORMAT, at);

  /* Where it went wrong helps whoever runs the server; the byte is not
   * shown, it may be anything. */
  g_set_error (c->error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_NOT_JSON,
               _("The server’s page is not strict JSON: %s at byte %s"), what, byte);
  return FALSE;
}

static gboolean
refuse_end (Check *c)
{
  g_set_error (c->error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_NOT_JSON,
               _("The server’s page ends too early (it may be cut short)"));
  return FALSE;
}

/* What a character that cannot come here most likely is. */
static const char *
stray (guchar c)
{
  if (c == '/' || c == '#')
    return _("a comment");
  if (c == '\'')
    return _("a string in single quotes");
  if (g_ascii_isdigit (c) || c == '+' || c == '-' || c == '.')
    return _("a number written as JSON does not allow");
  if (g_ascii_isalpha (c))
    return _("a word JSON does not have (only true, false and null)");
  return _("a character that does not belong there");
}

static void
rewrite (Check      *c,
         gsize       from,
         gsize       to,
         const char *with)
{
  if (c->out == NULL)
    c->out = g_string_sized_new (c->n + 1024);
  g_string_append_len (c->out, (const char *) c->d + c->copied, from - c->copied);
  g_string_append (c->out, with);
  c->copied = to;
}

static gboolean
mark (Check      *c,
      gsize       from,
      gsize       to,
      const char *with)
{
  rewrite (c, from, to, with);
  c->marked++;
  if (c->in_changes && c->last_marked != c->changes)
    {
      c->last_marked = c->changes;
      if (++c->marked_changes > DAFTAR_PAGE_MAX_REJECTS)
        {
          g_autofree char *limit = daftar_format_int (DAFTAR_PAGE_MAX_REJECTS);

          g_set_error (c->error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_BAD_PAGE,
                       _("The server’s page holds more than %s changes with text that cannot be stored"),
                       limit);
          return FALSE;
        }
    }
  return TRUE;
}

static int
hex4 (const guchar *p,
      gsize         left)
{
  int v = 0;

  if (left < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);
      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

/* A member name decoded as far as needed to tell whether it is "changes"
 * (json-glib would decode "ch\u0061nges" to that too). */
typedef struct {
  char     text[7];
  guint    len;
  gboolean possible;
} Name;

static void
name_add (Name     *name,
          gunichar  u)
{
  if (!name->possible)
    return;
  if (u >= 0x80 || name->len == sizeof name->text)
    name->possible = FALSE;
  else
    name->text[name->len++] = (char) u;
}

/* c->i is at the opening quote; on success it is just past the closing one. */
static gboolean
scan_string (Check *c,
             Name  *name)
{
  const guchar *d = c->d;
  gsize n = c->n;
  gsize i = c->i + 1;
  gboolean stray_byte = FALSE;

  for (;;)
    {
      guchar ch;

      while (i < n && d[i] >= 0x20 && d[i] < 0x80 && d[i] != '"' && d[i] != '\\')
        {
          if (name != NULL)
            name_add (name, d[i]);
          i++;
        }
      if (i >= n)
        return refuse_end (c);
      ch = d[i];
      if (ch == '"')
        break;
      if (ch < 0x20)
        return refuse (c, i, _("a control character not written as an escape inside a string"));
      if (ch == '\\')
        {
          const char *simple = "\"\\/bfnrt";
          const char *plain = "\"\\/\b\f\n\r\t";
          int v;

          if (i + 1 >= n)
            return refuse_end (c);
          if (d[i + 1] != 'u')
            {
              const char *at = d[i + 1] != '\0' ? strchr (simple, d[i + 1]) : NULL;
              if (at == NULL)
                return refuse (c, i, _("an escape JSON does not have"));
              if (name != NULL)
                name_add (name, plain[at - simple]);
              i += 2;
              continue;
            }
          v = hex4 (d + i + 2, n - i - 2);
          if (v < 0)
            return i + 6 > n ? refuse_end (c) : refuse (c, i, _("an escape JSON does not have"));
          if (v >= 0xD800 && v <= 0xDBFF && i + 12 <= n && d[i + 6] == '\\' && d[i + 7] == 'u')
            {
              int low = hex4 (d + i + 8, n - i - 8);
              if (low >= 0xDC00 && low <= 0xDFFF)
                {
                  if (name != NULL)
                    name_add (name, 0x10000);
                  i += 12;   /* a proper pair */
                  continue;
                }
            }
          if (v == 0 && !mark (c, i, i + 6, MARK_NUL))
            return FALSE;
          if (v >= 0xD800 && v <= 0xDFFF && !mark (c, i, i + 6, MARK_SURROGATE))
            return FALSE;
          if (name != NULL)
            name_add (name, v == 0 || (v >= 0xD800 && v <= 0xDFFF) ? 0xFFFE : (gunichar) v);
          i += 6;
          continue;
        }

      /* ch >= 0x80: UTF-8, or a stray byte for one record to be rejected for. */
      {
        gunichar u = g_utf8_get_char_validated ((const char *) d + i, n - i);

        if (u == (gunichar) -1 || u == (gunichar) -2)
          {
            if (!stray_byte)
              {
                if (!mark (c, i, i + 1, MARK_NOT_UTF8))
                  return FALSE;
                stray_byte = TRUE;
              }
            else
              rewrite (c, i, i + 1, "");
            if (name != NULL)
              name_add (name, 0xFFFF);
            i++;
          }
        else
          {
            if (name != NULL)
              name_add (name, u);
            i += g_utf8_skip[ch];
          }
      }
    }
  c->i = i + 1;
  return TRUE;
}

/* An integer token that does not fit in 64 bits. */
static gboolean
integer_overflows (const guchar *p,
                   gsize         len)
{
  g_autofree char *token = NULL;

  if (len < 19)
    return FALSE;
  token = g_strndup ((const char *) p, len);
  errno = 0;
  g_ascii_strtoll (token, NULL, 10);
  return errno == ERANGE;
}

static gboolean
scan_number (Check *c)
{
  const guchar *d = c->d;
  gsize n = c->n;
  gsize start = c->i;
  gsize i = start;
  gboolean integer = TRUE;

  if (d[i] == '-')
    i++;
  if (i < n && d[i] == '0')
    i++;
  else if (i < n && d[i] >= '1' && d[i] <= '9')
    while (i < n && g_ascii_isdigit (d[i]))
      i++;
  else
    return i >= n ? refuse_end (c) : refuse (c, i, stray (d[i]));

  if (i < n && d[i] == '.')
    {
      integer = FALSE;
      if (++i >= n || !g_ascii_isdigit (d[i]))
        return i >= n ? refuse_end (c) : refuse (c, i, _("a number written as JSON does not allow"));
      while (i < n && g_ascii_isdigit (d[i]))
        i++;
    }
  if (i < n && (d[i] == 'e' || d[i] == 'E'))
    {
      integer = FALSE;
      if (++i < n && (d[i] == '+' || d[i] == '-'))
        i++;
      if (i >= n || !g_ascii_isdigit (d[i]))
        return i >= n ? refuse_end (c) : refuse (c, i, _("a number written as JSON does not allow"));
      while (i < n && g_ascii_isdigit (d[i]))
        i++;
    }

  if (integer && integer_overflows (d + start, i - start))
    rewrite (c, i, i, ".0");
  c->i = i;
  return TRUE;
}

static gboolean
scan_word (Check *c)
{
  static const char * const words[] = { "true", "false", "null" };

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      gsize len = strlen (words[w]);

      if (c->n - c->i >= len && memcmp (c->d + c->i, words[w], len) == 0)
        {
          c->i += len;
          return TRUE;
        }
    }
  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    if (c->n - c->i < strlen (words[w]) && memcmp (c->d + c->i, words[w], c->n - c->i) == 0)
      return refuse_end (c);
  return refuse (c, c->i, stray (c->d[c->i]));
}

/* One value begins at c->i: counts it against the limits, and scans it
 * whole unless it opens an object or array. */
static gboolean
begin_value (Check *c,
             State *state)
{
  guchar ch = c->d[c->i];
  gboolean is_changes = c->changes_key && c->depth == 1;

  c->changes_key = FALSE;
  if (++c->values > DAFTAR_PAGE_MAX_VALUES)
    {
      g_autofree char *limit = daftar_format_int (DAFTAR_PAGE_MAX_VALUES);

      g_set_error (c->error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_BAD_PAGE,
                   _("The server’s page holds more than %s JSON values"), limit);
      return FALSE;
    }
  if (c->in_changes && c->depth == 2 && ++c->changes > DAFTAR_PAGE_MAX_CHANGES)
    {
      g_autofree char *limit = daftar_format_int (DAFTAR_PAGE_MAX_CHANGES);

      g_set_error (c->error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_BAD_PAGE,
                   _("The server’s page holds more than %s changes"), limit);
      return FALSE;
    }

  switch (ch)
    {
    case '{':
    case '[':
      if (c->depth == DAFTAR_PAGE_MAX_DEPTH)
        {
          g_autofree char *limit = daftar_format_int (DAFTAR_PAGE_MAX_DEPTH);

          g_set_error (c->error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_BAD_PAGE,
                       _("The server’s page is nested more than %s levels deep"), limit);
          return FALSE;
        }
      if (++c->containers > DAFTAR_PAGE_MAX_CONTAINERS)
        {
          g_autofree char *limit = daftar_format_int (DAFTAR_PAGE_MAX_CONTAINERS);

          g_set_error (c->error, DAFTAR_INGEST_ERROR, DAFTAR_INGEST_ERROR_BAD_PAGE,
                       _("The server’s page holds more than %s JSON objects and arrays"), limit);
          return FALSE;
        }
      if (c->depth == 1)
        c->in_changes = is_changes && ch == '[';
      c->stack[c->depth++] = ch;
      c->i++;
      *state = ch == '{' ? STATE_KEY_OR_CLOSE : STATE_VALUE_OR_CLOSE;
      return TRUE;
    case '"':
      if (!scan_string (c, NULL))
        return FALSE;
      break;
    case 't':
    case 'f':
    case 'n':
      if (!scan_word (c))
        return FALSE;
      break;
    default:
      if (ch == '-' || g_ascii_isdigit (ch))
        {
          if (!scan_number (c))
            return FALSE;
          break;
        }
      return refuse (c, c->i, stray (ch));
    }
  c->value_end = c->i;
  *state = c->depth == 0 ? STATE_DONE : STATE_NEXT;
  return TRUE;
}

static void
end_container (Check *c,
               State *state)
{
  c->depth--;
  if (c->depth == 1)
    c->in_changes = FALSE;
  c->i++;
  c->value_end = c->i;
  *state = c->depth == 0 ? STATE_DONE : STATE_NEXT;
}

static gboolean
check_grammar (Check *c)
{
  State state = STATE_VALUE;

  for (;;)
    {
      guchar ch;

      while (c->i < c->n && (c->d[c->i] == ' ' || c->d[c->i] == '\t' ||
                             c->d[c->i] == '\n' || c->d[c->i] == '\r'))
        c->i++;
      if (c->i >= c->n)
        return state == STATE_DONE ? TRUE : refuse_end (c);
      ch = c->d[c->i];

      switch (state)
        {
        case STATE_VALUE_OR_CLOSE:
          if (ch == ']')
            {
              end_container (c, &state);
              break;
            }
          G_GNUC_FALLTHROUGH;
        case STATE_VALUE:
          /* Only a ',' leaves an array waiting for a value. */
          if (ch == ']' && state == STATE_VALUE && c->depth > 0 && c->stack[c->depth - 1] == '[')
            return refuse (c, c->i, _("a comma before a closing bracket"));
          if (!begin_value (c, &state))
            return FALSE;
          break;
        case STATE_KEY_OR_CLOSE:
          if (ch == '}')
            {
              end_container (c, &state);
              break;
            }
          G_GNUC_FALLTHROUGH;
        case STATE_KEY:
          if (ch == '}')
            return refuse (c, c->i, _("a comma before a closing bracket"));
          if (ch != '"')
            return refuse (c, c->i, ch == '\'' || ch == '/' || ch == '#' ? stray (ch) :
                                    _("a member name that is not a string in double quotes"));
          {
            Name name = { .possible = c->depth == 1 };

            if (!scan_string (c, &name))
              return FALSE;
            c->changes_key = name.possible && name.len == 7 && memcmp (name.text, "changes", 7) == 0;
          }
          state = STATE_COLON;
          break;
        case STATE_COLON:
          if (ch != ':')
            return refuse (c, c->i, ch == '/' || ch == '#' ? stray (ch) : _("a member name without a colon after it"));
          c->i++;
          state = STATE_VALUE;
          break;
        case STATE_NEXT:
          if (ch == ',')
            {
              c->i++;
              state = c->stack[c->depth - 1] == '{' ? STATE_KEY : STATE_VALUE;
            }
          else if (ch == (c->stack[c->depth - 1] == '{' ? '}' : ']'))
            end_container (c, &state);
          else if (ch == '}' || ch == ']')
            return refuse (c, c->i, _("a bracket that does not match"));
          else if (strchr ("/#'", ch) != NULL || g_ascii_isalpha (ch) ||
                   (c->i == c->value_end && strchr ("0123456789+-.", ch) != NULL))
            return refuse (c, c->i, stray (ch));   /* "01", "1x", a comment */
          else
            return refuse (c, c->i, _("a missing comma"));
          break;
        case STATE_DONE:
          return refuse (c, c->i, ch == '/' || ch == '#' ? stray (ch) : _("more after the end of the JSON text"));
        default:
          g_assert_not_reached ();
        }
    }
}

gboolean
daftar_page_check (GBytes   *body,
                   GBytes  **out_body,
                   guint    *out_marked,
                   GError  **error)
{
  Check c = { 0 };
  gsize start = 0;

  c.d = g_bytes_get_data (body, &c.n);
  c.error = error;
  if (c.n >= 3 && memcmp (c.d, "\xef\xbb\xbf", 3) == 0)
    start = 3;
  c.i = c.copied = start;

  if (!check_grammar (&c))
    {
      if (c.out != NULL)
        g_string_free (c.out, TRUE);
      return FALSE;
    }

  *out_marked = c.marked;
  if (c.out != NULL)
    {
      g_string_append_len (c.out, (const char *) c.d + c.copied, c.n - c.copied);
      *out_body = g_string_free_to_bytes (c.out);
    }
  else if (start > 0)
    *out_body = g_bytes_new_from_bytes (body, start, c.n - start);
  else
    *out_body = g_bytes_ref (body);
  return TRUE;
}

gboolean
daftar_page_mark_reason (const char       *text,
                         DaftarRejectCode *out_code)
{
  if (strstr (text, "\xef\xbf\xbe") != NULL)
    *out_code = DAFTAR_REJECT_NUL;
  else if (strstr (text, "\xef\xb7\x90") != NULL)
    *out_code = DAFTAR_REJECT_SURROGATE;
  else if (strstr (text, "\xef\xbf\xbf") != NULL)
    *out_code = DAFTAR_REJECT_NOT_UTF8;
  else
    return FALSE;
  return TRUE;
}
