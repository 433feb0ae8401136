/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-documents.c: PDFs from `daftar --report … --format pdf` on a demo office, read back with poppler's tools. */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "daftar-db.h"
#include "daftar-demo.h"
#include "daftar-format.h"
#include "daftar-queries.h"
#include "daftar-test-util.h"

typedef struct
{
  char *dir;
  char *db_path;
  char *office;
} Fixture;

/* One demo office over 70 days to 25 Aban 1404 (2025-11-16): Mehr and
 * most of Aban hold data, 1390 none. */
static Fixture fixture;

static void
fixture_ensure (void)
{
  g_autoptr(DaftarDemo) demo = NULL;
  g_autoptr(DaftarDb) db = NULL;
  g_autoptr(GError) error = NULL;
  GDate last;

  if (fixture.dir != NULL)
    return;
  fixture.dir = daftar_test_tmpdir_new ();
  fixture.db_path = g_build_filename (fixture.dir, "demo.db", NULL);
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 16, G_DATE_NOVEMBER, 2025);
  demo = daftar_demo_new (16, 1, 70, &last);
  db = daftar_db_open (fixture.db_path, &error);
  g_assert_no_error (error);
  g_assert_true (daftar_demo_fill_database (demo, db, 2000, NULL, &error));
  g_assert_no_error (error);
  fixture.office = g_strdup (daftar_demo_get_office_code (demo, 0));
}

static void
limit_file_size (gpointer user_data)
{
  /* A disk that fills up while the PDF is written: writes past 8 KiB
   * fail with EFBIG. (The database's shared-memory file exists already,
   * held open by the test.) */
  struct rlimit limit = { 8192, 8192 };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Runs a program; returns its exit status, its stdout and stderr. */
static int
run (const char * const *argv,
     const char         *language,
     gboolean            limit_size,
     char              **out,
     char              **err)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  env = g_environ_setenv (env, "LANGUAGE", language != NULL ? language : "fa", TRUE);
  env = g_environ_setenv (env, "LANG", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "LC_ALL");
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_unsetenv (env, "G_DEBUG");
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH,
                               limit_size ? limit_file_size : NULL, NULL, out, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static int
daftar_report (const char  *kind,
               const char  *format,
               const char  *from,
               const char  *to,
               const char  *output,
               const char  *language,
               gboolean     limit_size,
               char       **out,
               char       **err)
{
  g_autofree char *binary = g_test_build_filename (G_TEST_BUILT, "..", "src", "daftar", NULL);
  const char *argv[] = { binary, "--db", fixture.db_path, "--report", kind, "--office", fixture.office,
                         "--from", from, "--to", to, "--format", format,
                         output != NULL ? "--output" : NULL, output, NULL };

  return run (argv, language, limit_size, out, err);
}

static char *
make_pdf (const char *kind,
          const char *from,
          const char *to,
          const char *language,
          const char *name)
{
  char *path = g_build_filename (fixture.dir, name, NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (daftar_report (kind, "pdf", from, to, path, language, FALSE, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* poppler cuts Persian words between some joined letters («ام ض ا») and
 * marks runs with bidi embeddings, and puts the hamza of «صفحهٔ» before
 * its letter; what the page says is compared without spaces, joiners,
 * directional marks and Arabic combining marks. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
          (c >= 0x2066 && c <= 0x2069) || (c >= 0x064b && c <= 0x065f))
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
shows (const char *page_text,
       const char *needle)
{
  g_autofree char *a = squeeze (page_text);
  g_autofree char *b = squeeze (needle);

  return strstr (a, b) != NULL;
}

/* Each word of @needle: a number in a Persian line is a run of its own,
 * which poppler may place before or after the words around it. */
static gboolean
shows_words (const char *page_text,
             const char *needle)
{
  g_auto(GStrv) words = g_strsplit (needle, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && !shows (page_text, words[i]))
      return FALSE;
  return TRUE;
}

static char *
tool (const char *program,
      const char *option,
      const char *path)
{
  const char *argv[] = { program, option, path, "-", NULL };
  char *out = NULL;
  g_autofree char *err = NULL;

  if (option == NULL)
    {
      argv[1] = path;
      argv[2] = NULL;
    }
  g_assert_cmpint (run (argv, NULL, FALSE, &out, &err), ==, 0);
  return out;
}

static guint
page_count (const char *pdf)
{
  g_autofree char *info = tool ("pdfinfo", NULL, pdf);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + 6 + strspn (pages + 6, " "), NULL, 10);
}

/* The figures of `--report summary --format json` for the same period. */
static JsonObject *
summary_figures (const char *from,
                 const char *to,
                 JsonParser *parser)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (daftar_report ("summary", "json", from, to, NULL, "fa", FALSE, &out, &err), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_object_get_object_member (json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                                                       "tables"), "figures");
}

static gint64
figure (JsonObject *figures,
        const char *name)
{
  JsonArray *rows = json_object_get_array_member (figures, "rows");

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonArray *row = json_array_get_array_element (rows, i);

      if (g_str_equal (json_array_get_string_element (row, 0), name))
        return json_array_get_int_element (row, 1);
    }
  g_assert_not_reached ();
}

static void
assert_figures_shown (const char          *text,
                      DaftarFormatLanguage language,
                      DaftarFormatDigits   digits)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *figures = summary_figures ("1404-08-01", "1404-08-30", parser);
  const char *names[] = { "cases", "sana_registrations", "tickets_issued", "tickets_served", "e_notices_issued" };

  daftar_format_set_config (language, digits, DAFTAR_FORMAT_CALENDAR_JALALI);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gint64 value = figure (figures, names[i]);
      g_autofree char *shown = daftar_format_int (value);

      g_test_message ("%s = %" G_GINT64_FORMAT " shown as %s", names[i], value, shown);
      g_assert_cmpint (value, >, 0);
      g_assert_true (shows (text, shown));
    }
}

/* The non-white share of page 1 rendered at 30 dpi, and its size. */
static double
ink_share (const char *pdf,
           int        *out_width,
           int        *out_height)
{
  g_autofree char *prefix = g_build_filename (fixture.dir, "page", NULL);
  g_autofree char *pgm = g_strconcat (prefix, "-1.pgm", NULL);
  const char *argv[] = { "pdftoppm", "-r", "30", "-gray", "-f", "1", "-l", "1", pdf, prefix, NULL };
  g_autofree char *out = NULL, *err = NULL, *data = NULL;
  g_autoptr(GError) error = NULL;
  int w, h, max, offset = 0;
  gsize length;
  guint ink = 0;

  g_assert_cmpint (run (argv, NULL, FALSE, &out, &err), ==, 0);
  g_file_get_contents (pgm, &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sscanf (data, "P5 %d %d %d%n", &w, &h, &max, &offset), ==, 3);
  offset++;
  g_assert_cmpuint (length, ==, (gsize) offset + (gsize) w * h);
  for (int i = 0; i < w * h; i++)
    if ((guchar) data[offset + i] < 200)
      ink++;
  *out_width = w;
  *out_height = h;
  g_unlink (pgm);
  return (double) ink / (w * h);
}

/* x of the glyph box of the first and the last letter of @name on the
 * line of the page header that names the office. */
static void
name_extent (const char *bbox,
             const char *name,
             double     *out_first,
             double     *out_last)
{
  g_autofree char *code_tag = g_strdup (fixture.office);
  const char *code = strstr (bbox, code_tag);
  g_autofree char *first = g_utf8_substring (name, 0, 1);
  g_autofree char *last = g_utf8_substring (name, g_utf8_strlen (name, -1) - 1, g_utf8_strlen (name, -1));
  const char *line, *p;
  double y;

  g_assert_nonnull (code);
  line = g_strrstr_len (bbox, code - bbox, "<word");
  g_assert_nonnull (line);
  y = g_ascii_strtod (strstr (line, "yMin=\"") + 6, NULL);
  *out_first = -1;
  *out_last = G_MAXDOUBLE;
  for (p = strstr (bbox, "<word"); p != NULL; p = strstr (p + 1, "<word"))
    {
      double x = g_ascii_strtod (strstr (p, "xMin=\"") + 6, NULL);
      double wy = g_ascii_strtod (strstr (p, "yMin=\"") + 6, NULL);
      const char *text = strchr (p, '>') + 1;
      g_autofree char *word = g_strndup (text, strstr (text, "</word>") - text);

      if (ABS (wy - y) > 0.5)
        continue;
      /* The first letter: the rightmost of its kind in a right-to-left line. */
      if (g_str_has_prefix (word, first))
        *out_first = MAX (*out_first, x);
      if (g_str_has_suffix (word, last))
        *out_last = MIN (*out_last, x);
    }
}

static char *
office_name (void)
{
  g_autoptr(DaftarDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) offices = NULL;

  db = daftar_db_open_existing (fixture.db_path, &error);
  g_assert_no_error (error);
  offices = daftar_query_offices (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (offices->len, ==, 1);
  return g_strdup (((DaftarOfficeInfo *) g_ptr_array_index (offices, 0))->name);
}

static void
test_monthly_persian (void)
{
  g_autofree char *pdf = NULL, *text = NULL, *fonts = NULL, *bbox = NULL, *name = NULL;
  g_autofree char *footer = NULL;
  double first_x, last_x, ink;
  int w, h;

  fixture_ensure ();
  pdf = make_pdf ("monthly", "1404-08-01", "1404-08-30", "fa", "monthly-fa.pdf");
  text = tool ("pdftotext", "-layout", pdf);
  name = office_name ();
  g_test_message ("%s", text);

  /* The office, the Jalali month, the title, the signature, in Persian. */
  g_assert_true (shows (text, fixture.office));
  g_assert_true (shows_words (text, name));
  g_assert_true (shows (text, "گزارش عملکرد ماهانه"));
  g_assert_true (shows_words (text, "آبان ۱۴۰۴"));
  g_assert_true (shows (text, "امضا و تاریخ"));
  g_assert_true (shows_words (text, "تکریم ارباب رجوع"));
  assert_figures_shown (text, DAFTAR_FORMAT_LANGUAGE_PERSIAN, DAFTAR_FORMAT_DIGITS_PERSIAN);

  /* Three pages for this office and month, numbered «صفحهٔ ۳ از ۳». */
  g_assert_cmpuint (page_count (pdf), ==, 3);
  footer = g_strdup ("صفحهٔ ۳ از ۳");
  g_assert_true (shows_words (text, footer));

  fonts = tool ("pdffonts", NULL, pdf);
  g_assert_nonnull (strstr (fonts, "Vazirmatn-Regular"));
  g_assert_nonnull (strstr (fonts, "Vazirmatn-Bold"));
  g_assert_null (strstr (fonts, " no  "));   /* every font embedded */

  /* Right to left: the name's first letter lies right of its last. */
  bbox = tool ("pdftotext", "-bbox", pdf);
  name_extent (bbox, name, &first_x, &last_x);
  g_test_message ("office name: first letter at x %.1f, last at %.1f", first_x, last_x);
  g_assert_cmpfloat (first_x, >, 0);
  g_assert_cmpfloat (first_x, >, last_x);

  /* A4 at 30 dpi, with tables and text on it but mostly paper. */
  ink = ink_share (pdf, &w, &h);
  g_test_message ("page 1: %d×%d, %.1f%% inked", w, h, ink * 100);
  g_assert_cmpint (w, ==, 249);   /* 210 mm at 30 dpi, rounded up */
  g_assert_cmpint (h, ==, 351);
  g_assert_cmpfloat (ink, >, 0.03);
  g_assert_cmpfloat (ink, <, 0.5);
}

static void
test_monthly_english (void)
{
  g_autofree char *pdf = NULL, *text = NULL;

  fixture_ensure ();
  pdf = make_pdf ("monthly", "1404-08-01", "1404-08-30", "en", "monthly-en.pdf");
  text = tool ("pdftotext", "-layout", pdf);
  g_assert_nonnull (strstr (text, "Monthly performance report"));
  g_assert_nonnull (strstr (text, "Aban"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
  g_assert_nonnull (strstr (text, "Signature"));
  assert_figures_shown (text, DAFTAR_FORMAT_LANGUAGE_ENGLISH, DAFTAR_FORMAT_DIGITS_LATIN);
  /* The demo office's clients rate it and some are called out of turn:
   * the client care figures, against their standards. */
  g_assert_nonnull (strstr (text, "Client care"));
  g_assert_nonnull (strstr (text, "Served out of turn"));
  g_assert_nonnull (strstr (text, "Mean rating"));
}

static void
test_monthly_empty (void)
{
  g_autofree char *pdf = NULL, *text = NULL;

  fixture_ensure ();
  pdf = make_pdf ("monthly", "1390-01-01", "1390-01-31", "fa", "monthly-empty.pdf");
  text = tool ("pdftotext", "-layout", pdf);
  /* It says so, rather than printing tables of zeros. */
  g_assert_true (shows (text, "برای این دوره داده‌ای نیست"));
  g_assert_false (shows (text, "شاخص‌های اصلی"));
  g_assert_cmpuint (page_count (pdf), ==, 1);
}

static void
test_unviewed (void)
{
  g_autofree char *pdf = NULL, *text = NULL, *csv = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  guint rows = 0;

  fixture_ensure ();
  pdf = make_pdf ("unviewed", "1404-08-01", "1404-08-25", "fa", "unviewed.pdf");
  text = tool ("pdftotext", "-layout", pdf);
  g_assert_cmpint (daftar_report ("unviewed", "csv", "1404-08-01", "1404-08-25", NULL, "fa", FALSE, &csv, &err), ==, 0);
  lines = g_strsplit (csv, "\r\n", -1);
  /* Every notice of the CSV has its tracking code in the document. */
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);

      if (cells[3][0] == '\0')
        continue;
      g_assert_true (shows (text, cells[3]));
      rows++;
    }
  g_test_message ("%u unviewed notices, %u pages", rows, page_count (pdf));
  g_assert_cmpuint (rows, >, 0);
  /* Not «ابلاغیه»: poppler reads its lam-alef ligature back as «ال». */
  g_assert_true (shows_words (text, "فهرست مشاهده‌نشده برای پیگیری"));
}

static void
test_evidence (void)
{
  g_autofree char *pdf = NULL, *text = NULL, *pdf_en = NULL, *text_en = NULL;

  fixture_ensure ();
  pdf = make_pdf ("evidence", "1404-06-01", "1404-08-25", "fa", "evidence-fa.pdf");
  text = tool ("pdftotext", "-layout", pdf);
  g_test_message ("evidence: %u pages", page_count (pdf));
  g_assert_true (shows_words (text, "مستندات درخواست افزایش کارمند/باجه/دفتر جدید"));
  g_assert_true (shows_words (text, "مرحله‌ای که دفتر در آن است"));
  g_assert_true (shows_words (text, "هفته‌های بیش از ظرفیت"));
  g_assert_true (shows_words (text, "اثر افزودن باجه"));
  g_assert_true (shows_words (text, "امضا و تاریخ"));
  g_assert_cmpuint (page_count (pdf), >=, 2);

  pdf_en = make_pdf ("evidence", "1404-06-01", "1404-08-25", "en", "evidence-en.pdf");
  text_en = tool ("pdftotext", "-layout", pdf_en);
  g_assert_nonnull (strstr (text_en, "Evidence for more staff, a counter or a new office"));
  g_assert_nonnull (strstr (text_en, "Weeks over capacity"));
  g_assert_nonnull (strstr (text_en, "What more counters would achieve"));
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_unwritable (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *file = NULL, *inside = NULL, *sub = NULL, *target = NULL, *contents = NULL;
  g_autoptr(DaftarDb) db = NULL;
  g_autoptr(GError) error = NULL;

  fixture_ensure ();

  /* A folder that is a file: a clear error naming the file, status 1. */
  file = g_build_filename (fixture.dir, "not-a-folder", NULL);
  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  inside = g_build_filename (file, "report.pdf", NULL);
  g_assert_cmpint (daftar_report ("monthly", "pdf", "1404-08-01", "1404-08-30", inside, "en", FALSE, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, inside));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  /* The disk fills up half way: the older file of that name is kept as it
   * was and no partial or temporary file is left. */
  sub = g_build_filename (fixture.dir, "full", NULL);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  target = g_build_filename (sub, "report.pdf", NULL);
  g_assert_true (g_file_set_contents (target, "older", -1, NULL));
  db = daftar_db_open_existing (fixture.db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (daftar_report ("monthly", "pdf", "1404-08-01", "1404-08-30", target, "en", TRUE, &out, &err), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, target));
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "older");
  g_assert_cmpuint (count_files (sub), ==, 1);

  /* Without --output: told so. */
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (daftar_report ("monthly", "pdf", "1404-08-01", "1404-08-30", NULL, "en", FALSE, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--output"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/documents/monthly-persian", test_monthly_persian);
  g_test_add_func ("/documents/monthly-english", test_monthly_english);
  g_test_add_func ("/documents/monthly-empty", test_monthly_empty);
  g_test_add_func ("/documents/unviewed", test_unviewed);
  g_test_add_func ("/documents/evidence", test_evidence);
  g_test_add_func ("/documents/unwritable", test_unwritable);

  status = g_test_run ();
  if (fixture.dir != NULL)
    daftar_test_tmpdir_free (fixture.dir);
  g_free (fixture.db_path);
  g_free (fixture.office);
  return status;
}
