/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-text.c: Persian normalisation of stored text and of search keys. */
#include <glib.h>

#include "daftar-text-private.h"

static void
assert_same_key (const char *a,
                 const char *b)
{
  g_autofree char *ka = daftar_text_search_key (a);
  g_autofree char *kb = daftar_text_search_key (b);

  g_assert_nonnull (ka);
  g_assert_cmpstr (ka, ==, kb);
}

static void
test_normalize_letters (void)
{
  /* Arabic kaf, yeh and alef maksura in, Persian ک and ی out. */
  g_autofree char *s = daftar_text_normalize ("كتاب علي مصطفى");

  g_assert_cmpstr (s, ==, "\u06a9\u062a\u0627\u0628 \u0639\u0644\u06cc \u0645\u0635\u0637\u0641\u06cc");
  g_assert_null (g_utf8_strchr (s, -1, 0x064A));
  g_assert_null (g_utf8_strchr (s, -1, 0x0643));
  g_assert_null (g_utf8_strchr (s, -1, 0x0649));
}

static void
test_normalize_space (void)
{
  g_autofree char *s = daftar_text_normalize ("  \t دفتر \u00a0\n  خدمات\r\n ");
  g_autofree char *zwnj = daftar_text_normalize ("می\u200cخواهم");
  g_autofree char *latin = daftar_text_normalize ("AB-12");

  g_assert_cmpstr (s, ==, "دفتر خدمات");
  /* The half-space is correct spelling in stored text. */
  g_assert_cmpstr (zwnj, ==, "می\u200cخواهم");
  g_assert_cmpstr (latin, ==, "AB-12");
}

static void
test_normalize_idempotent (void)
{
  const char *samples[] = { "كتاب  علي", "می‌خواهم", " AB-12 ", "مُحَمَّد", "١٢٣" };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *once = daftar_text_normalize (samples[i]);
      g_autofree char *twice = daftar_text_normalize (once);

      g_assert_cmpstr (once, ==, twice);
    }
}

static void
test_key_arabic_forms (void)
{
  assert_same_key ("كتاب", "کتاب");
  assert_same_key ("علي", "علی");
  assert_same_key ("موسى", "موسی");
  /* Presentation forms, as old systems exported them: ﻛﺘﺎﺏ. */
  assert_same_key ("\ufedb\ufe98\ufe8e\ufe8f", "کتاب");
  assert_same_key ("مدرسة", "مدرسه");
  assert_same_key ("خانۀ", "خانه");
  assert_same_key ("أحمد", "احمد");
  assert_same_key ("إيران", "ایران");
  assert_same_key ("آب", "اب");
  assert_same_key ("مسئول", "مسیول");
}

static void
test_key_digits (void)
{
  g_autofree char *key = daftar_text_search_key ("۱۲۳");

  assert_same_key ("۱۲۳", "١٢٣");
  assert_same_key ("١٢٣", "123");
  g_assert_cmpstr (key, ==, "123");
}

static void
test_key_zwnj (void)
{
  assert_same_key ("می\u200cخواهم", "میخواهم");
  /* Bidi marks and ZWJ are invisible too. */
  assert_same_key ("\u200fمی\u200dخواهم\u200e", "میخواهم");
}

static void
test_key_diacritics (void)
{
  g_autofree char *key = daftar_text_search_key ("مُحَمَّد");

  assert_same_key ("مُحَمَّد", "محمد");
  assert_same_key ("کـــتاب", "کتاب");
  for (const char *p = key; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_cmpint (g_unichar_type (g_utf8_get_char (p)), !=, G_UNICODE_NON_SPACING_MARK);
}

static void
test_key_latin (void)
{
  g_autofree char *code = daftar_text_search_key ("  AB-12 ");
  g_autofree char *mixed = daftar_text_search_key ("پرونده   AB-12\u200f");

  g_assert_cmpstr (code, ==, "ab-12");
  g_assert_cmpstr (mixed, ==, "پرونده ab-12");
  assert_same_key ("ab-12", "AB-12");
  assert_same_key ("ÉTÉ", "ete");
}

static void
test_key_differs (void)
{
  /* Folding must not merge different words. */
  g_autofree char *a = daftar_text_search_key ("کتاب");
  g_autofree char *b = daftar_text_search_key ("کتب");
  g_autofree char *c = daftar_text_search_key ("می خواهم");
  g_autofree char *d = daftar_text_search_key ("میخواهم");

  g_assert_cmpstr (a, !=, b);
  g_assert_cmpstr (c, !=, d);
}

static void
test_key_idempotent (void)
{
  const char *samples[] = { "كتاب  علي", "می‌خواهم", " AB-12 ", "مُحَمَّد", "١٢٣", "خانۀ مدرسة" };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *once = daftar_text_search_key (samples[i]);
      g_autofree char *twice = daftar_text_search_key (once);

      g_assert_cmpstr (once, ==, twice);
    }
}

static void
test_null_empty (void)
{
  g_autofree char *empty = daftar_text_normalize ("");
  g_autofree char *blank = daftar_text_normalize (" \t\n ");
  g_autofree char *empty_key = daftar_text_search_key ("");
  g_autofree char *invisible_key = daftar_text_search_key ("\u200c \u200f ");
  g_autofree char *broken = daftar_text_normalize ("ab\xff\xfe" "cd");
  g_autofree char *broken_key = daftar_text_search_key ("AB\xc3");

  g_assert_null (daftar_text_normalize (NULL));
  g_assert_null (daftar_text_search_key (NULL));
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (blank, ==, "");
  g_assert_cmpstr (empty_key, ==, "");
  g_assert_cmpstr (invisible_key, ==, "");
  /* Invalid UTF-8 comes back valid, its letters kept. */
  g_assert_true (g_utf8_validate (broken, -1, NULL));
  g_assert_true (g_str_has_prefix (broken, "ab"));
  g_assert_true (g_str_has_suffix (broken, "cd"));
  g_assert_true (g_utf8_validate (broken_key, -1, NULL));
  g_assert_true (g_str_has_prefix (broken_key, "ab"));
}

/* The fast path for plain Persian and ASCII text must give exactly what the
 * full normalise-and-fold path gives, for every character it accepts. */
static void
test_fast_path_matches_full (void)
{
  static const gunichar extra[] = {
    0x060C, 0x061B, 0x061F, 0x067E, 0x0686, 0x0698, 0x06A9, 0x06AF, 0x06CC, 0x200C, ' ', '\t',
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1405);
  GArray *alphabet = g_array_new (FALSE, FALSE, sizeof (gunichar));

  for (gunichar c = 0x20; c < 0x7F; c++)
    g_array_append_val (alphabet, c);
  for (gunichar c = 0x0621; c <= 0x063A; c++)
    g_array_append_val (alphabet, c);
  for (gunichar c = 0x0641; c <= 0x064A; c++)
    g_array_append_val (alphabet, c);
  for (gunichar c = 0x06F0; c <= 0x06F9; c++)
    g_array_append_val (alphabet, c);
  g_array_append_vals (alphabet, extra, G_N_ELEMENTS (extra));

  /* Each character alone, then random strings of them. */
  for (guint i = 0; i < alphabet->len + 2000; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *fast = NULL;
      g_autofree char *full = NULL;
      guint n = i < alphabet->len ? 1 : (guint) g_rand_int_range (rand, 1, 24);

      for (guint k = 0; k < n; k++)
        {
          guint index = i < alphabet->len ? i : (guint) g_rand_int_range (rand, 0, alphabet->len);
          g_string_append_unichar (text, g_array_index (alphabet, gunichar, index));
        }
      fast = daftar_text_search_key (text->str);
      full = daftar_text_search_key_full (text->str);
      g_assert_cmpstr (fast, ==, full);
    }
  g_array_unref (alphabet);
}

/* Server text on its way to a terminal or a log: controls become visible
 * replacement characters, bidi overrides vanish, Persian and ZWNJ stay. */
static void
test_printable (void)
{
  g_autofree char *escape = daftar_text_printable ("A\x1b[2JB\aC\r\nD\t\x7f", -1);
  g_autofree char *c1 = daftar_text_printable ("x\xc2\x9by", -1);
  g_autofree char *bidi = daftar_text_printable ("\u202Eabc\u202C\u2066d\u2069", -1);
  g_autofree char *persian = daftar_text_printable ("می\u200cخواهم «دفتر» ۱۲", -1);
  g_autofree char *broken = daftar_text_printable ("ok\xff", -1);
  g_autofree char *cut = daftar_text_printable ("abcdef", 3);

  g_assert_cmpstr (escape, ==, "A\uFFFD[2JB\uFFFDC\uFFFD\uFFFDD\uFFFD\uFFFD");
  g_assert_cmpstr (c1, ==, "x\uFFFDy");
  g_assert_cmpstr (bidi, ==, "abcd");
  g_assert_cmpstr (persian, ==, "می\u200cخواهم «دفتر» ۱۲");
  g_assert_cmpstr (broken, ==, "ok\uFFFD");
  g_assert_cmpstr (cut, ==, "abc");
  g_assert_null (daftar_text_printable (NULL, -1));
}

/* A code shown inside Persian text: wrapped in FSI … PDI, with nothing
 * inside that could end the isolate early or leave one open. */
static void
test_isolate (void)
{
  g_autofree char *code = daftar_text_isolate ("AB-1405/12");
  g_autofree char *persian = daftar_text_isolate ("دفتر ابرکوه");
  g_autofree char *hostile = daftar_text_isolate ("X\u2069\u202Eevil\u2066");
  g_autofree char *broken = daftar_text_isolate ("ok\xff");
  g_autofree char *none = daftar_text_isolate (NULL);

  g_assert_cmpstr (code, ==, "\u2068AB-1405/12\u2069");
  g_assert_cmpstr (persian, ==, "\u2068دفتر ابرکوه\u2069");
  g_assert_cmpstr (hostile, ==, "\u2068Xevil\u2069");
  g_assert_cmpstr (broken, ==, "\u2068ok\uFFFD\u2069");
  g_assert_cmpstr (none, ==, "\u2068\u2069");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/normalize/letters", test_normalize_letters);
  g_test_add_func ("/text/normalize/space", test_normalize_space);
  g_test_add_func ("/text/normalize/idempotent", test_normalize_idempotent);
  g_test_add_func ("/text/key/arabic-forms", test_key_arabic_forms);
  g_test_add_func ("/text/key/digits", test_key_digits);
  g_test_add_func ("/text/key/zwnj", test_key_zwnj);
  g_test_add_func ("/text/key/diacritics", test_key_diacritics);
  g_test_add_func ("/text/key/latin", test_key_latin);
  g_test_add_func ("/text/key/differs", test_key_differs);
  g_test_add_func ("/text/key/idempotent", test_key_idempotent);
  g_test_add_func ("/text/null-empty", test_null_empty);
  g_test_add_func ("/text/key/fast-path-matches-full", test_fast_path_matches_full);
  g_test_add_func ("/text/printable", test_printable);
  g_test_add_func ("/text/isolate", test_isolate);

  return g_test_run ();
}
