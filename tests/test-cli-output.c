/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-output.c: `--sync-once` and `--report` print nothing from a server that a terminal would obey — no ESC, BEL, C1 control or bidi override reaches stdout or stderr. */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "daftar-cli.h"
#include "daftar-i18n.h"
#include "daftar-report.h"
#include "daftar-sync.h"
#include "daftar-test-util.h"

/* The test runs itself as `daftar --sync-once` and `daftar --report`, so
 * what is checked is the bytes the real functions print. */
#define HELPER_SYNC "--sync-once-helper"
#define HELPER_REPORT "--report-helper"

#define OFFICE "YZ-OUT-01"
#define TOKEN "t0ken-for-the-output-test"

/* JSON text of a string a hostile server sends: an OSC title with BEL, a
 * clear-screen, a CSI written as the C1 control U+009B, NEL, DEL, a
 * right-to-left override and a left-to-right isolate. */
#define HOSTILE "\\u001b]0;owned\\u0007\\u001b[2J\\u009b31m\\u0085\\u007f\\u202eevil\\u2066"
#define HONEST_NAME "زهرا احمدی"

typedef enum {
  MODE_GOOD,            /* a valid page whose text is hostile */
  MODE_OTHER_OFFICE,    /* the page names a hostile office */
  MODE_CONTENT_TYPE,    /* not JSON, with a hostile Content-Type */
} Mode;

static Mode mode;

static char *
page (void)
{
  const char *at = "\"filed_at\":\"2025-02-27T09:12:00+03:30\"";
  const char *issued = "\"issued_at\":\"2025-02-08T09:00:00+03:30\"";

  return g_strconcat (
    /* The cursor is plain: one with bidi controls is refused whole
     * (test-sync-check's cursor-bidi), and the text below must reach the
     * report. */
    "{\"protocol\":1,\"office\":\"" OFFICE "\",\"cursor\":\"c1\",\"has_more\":false,\"changes\":[",
    "{\"entity\":\"office\",\"op\":\"upsert\",\"data\":{\"code\":\"" OFFICE "\",\"name\":\"دفتر " HOSTILE "\","
    "\"city\":\"" HOSTILE "\",\"province\":\"" HOSTILE "\",\"counters\":3}},",
    "{\"entity\":\"staff\",\"op\":\"upsert\",\"data\":{\"id\":\"st-1\",\"office_code\":\"" OFFICE "\","
    "\"name\":\"کارمند " HOSTILE "\",\"role\":\"" HOSTILE "\"}},",
    "{\"entity\":\"staff\",\"op\":\"upsert\",\"data\":{\"id\":\"st-2\",\"office_code\":\"" OFFICE "\","
    "\"name\":\"" HONEST_NAME "\"}},",
    "{\"entity\":\"case\",\"op\":\"upsert\",\"data\":{\"id\":\"case-1\",\"office_code\":\"" OFFICE "\","
    "\"tracking_code\":\"" HOSTILE "\",\"kind\":\"petition\",", at, ",\"shift\":\"morning\",\"staff_id\":\"st-1\","
    "\"client_name\":\"" HOSTILE "\",\"subject\":\"" HOSTILE "\",\"dest_court\":\"" HOSTILE "\","
    "\"dest_city\":\"" HOSTILE "\",\"dest_province\":\"" HOSTILE "\",\"status\":\"sent\"}},",
    "{\"entity\":\"case\",\"op\":\"upsert\",\"data\":{\"id\":\"case-2\",\"office_code\":\"" OFFICE "\","
    "\"kind\":\"brief\",", at, ",\"shift\":\"evening\",\"staff_id\":\"st-2\",\"status\":\"sent\"}},",
    "{\"entity\":\"notice\",\"op\":\"upsert\",\"data\":{\"id\":\"n-1\",\"office_code\":\"" OFFICE "\","
    "\"case_id\":\"case-1\",\"channel\":\"electronic\",", issued, "}},",
    "{\"entity\":\"ticket\",\"op\":\"upsert\",\"data\":{\"id\":\"t-1\",\"office_code\":\"" OFFICE "\","
    "\"service\":\"petition\",", issued, ",\"called_at\":\"2025-02-08T09:05:00+03:30\","
    "\"started_at\":\"2025-02-08T09:05:00+03:30\",\"finished_at\":\"2025-02-08T09:15:00+03:30\","
    "\"counter\":1,\"staff_id\":\"st-1\",\"outcome\":\"served\"}}",
    "]}", NULL);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  g_autofree char *body = NULL;

  switch (mode)
    {
    case MODE_GOOD:
      body = page ();
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
      return;
    case MODE_OTHER_OFFICE:
      body = g_strdup ("{\"protocol\":1,\"office\":\"" HOSTILE "\",\"cursor\":\"c2\",\"has_more\":false,\"changes\":[]}");
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
      return;
    case MODE_CONTENT_TYPE:
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      /* Header values may carry any byte above 0x7F: a C1 CSI and a
       * right-to-left override in UTF-8. */
      soup_server_message_set_response (msg, "text/\xc2\x9b" "2J\xe2\x80\xae" "lmth", SOUP_MEMORY_STATIC,
                                        "<html></html>", 13);
      return;
    default:
      g_assert_not_reached ();
    }
}

typedef struct {
  gboolean  done;
  GBytes   *out;
  GBytes   *err;
} Child;

static void
communicate_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Child *child = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_finish (G_SUBPROCESS (source), result, &child->out, &child->err, &error);
  g_assert_no_error (error);
  child->done = TRUE;
}

/* Runs the test program as a helper with @args and returns its exit
 * status, serving the in-process server meanwhile. A UTF-8 locale, as a
 * manager's terminal has: GLib would otherwise convert what it prints. */
static int
run_helper (const char * const *args,
            GBytes            **out_stdout,
            GBytes            **out_stderr)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Child child = { FALSE, NULL, NULL };

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, args, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_async (process, NULL, NULL, communicate_cb, &child);
  while (!child.done)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_wait (process, NULL, NULL);
  g_assert_false (g_subprocess_get_if_signaled (process));
  *out_stdout = child.out;
  *out_stderr = child.err;
  return g_subprocess_get_exit_status (process);
}

/* Nothing a terminal obeys: every byte valid UTF-8, no C0 control but the
 * line ends (LF, and CR only before LF), no DEL, no C1 control, no bidi
 * embedding, override or isolate. */
static void
assert_printable (const char *what,
                  GBytes     *bytes)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autofree char *text = len > 0 ? g_strndup (data, len) : g_strdup ("");
  g_autofree char *escaped = g_strescape (text, "\n");

  g_test_message ("%s: %s", what, escaped);
  g_assert_cmpuint (strlen (text), ==, len);   /* no NUL */
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean line_end = c == '\n' || (c == '\r' && p[1] == '\n');
      gboolean control = (c < 0x20 && !line_end) || (c >= 0x7F && c < 0xA0);
      gboolean bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);

      if (control || bidi)
        g_test_message ("%s holds U+%04X at byte %" G_GSIZE_FORMAT, what, c, (gsize) (p - text));
      g_assert_false (control || bidi);
    }
}

typedef struct {
  char       *dir;
  char       *db_path;
  char       *url;
  char       *self;
  SoupServer *server;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autofree char *token_file = NULL;

  f->dir = daftar_test_tmpdir_new ();
  f->db_path = g_build_filename (f->dir, "daftar.db", NULL);
  f->self = g_test_build_filename (G_TEST_BUILT, "test-cli-output", NULL);
  token_file = g_build_filename (f->dir, "token", NULL);
  g_assert_true (g_file_set_contents (token_file, TOKEN "\n", -1, NULL));
  g_setenv ("DAFTAR_TOKEN_FILE", token_file, TRUE);

  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, handler, f, NULL);
  g_assert_true (soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->url = g_uri_to_string (uris->data);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_unsetenv ("DAFTAR_TOKEN_FILE");
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_free (f->url);
  g_free (f->self);
  g_free (f->db_path);
  daftar_test_tmpdir_free (g_steal_pointer (&f->dir));
}

static int
sync_once (Fixture  *f,
           Mode      with,
           GBytes  **out,
           GBytes  **err)
{
  const char * const args[] = { f->self, HELPER_SYNC, f->db_path, f->url, OFFICE, NULL };

  mode = with;
  return run_helper (args, out, err);
}

static void
test_sync_once (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) out = NULL, err = NULL;

  /* The summary line names the server's cursor; the office's hostile
   * names went into the database on the way. */
  g_assert_cmpint (sync_once (f, MODE_GOOD, &out, &err), ==, 0);
  assert_printable ("summary", out);
  assert_printable ("summary's stderr", err);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (out, NULL), g_bytes_get_size (out), "c1"));
  g_clear_pointer (&out, g_bytes_unref);
  g_clear_pointer (&err, g_bytes_unref);

  /* The error line quotes the office the page names. */
  g_assert_cmpint (sync_once (f, MODE_OTHER_OFFICE, &out, &err), ==, 1);
  assert_printable ("other office", out);
  assert_printable ("other office's error", err);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (err, NULL), g_bytes_get_size (err), "owned"));
  g_clear_pointer (&out, g_bytes_unref);
  g_clear_pointer (&err, g_bytes_unref);

  /* The error line quotes the Content-Type header. */
  g_assert_cmpint (sync_once (f, MODE_CONTENT_TYPE, &out, &err), ==, 1);
  assert_printable ("content type", out);
  assert_printable ("content type's error", err);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (err, NULL), g_bytes_get_size (err), "lmth"));
}

static int
report (Fixture     *f,
        const char  *kind,
        const char  *format,
        const char  *office,
        GBytes     **out,
        GBytes     **err)
{
  const char * const args[] = { f->self, HELPER_REPORT, f->db_path, kind, format, office, NULL };

  return run_helper (args, out, err);
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GBytes) out = NULL, err = NULL;
  static const char * const formats[] = { "csv", "json" };

  g_assert_cmpint (sync_once (f, MODE_GOOD, &out, &err), ==, 0);
  g_clear_pointer (&out, g_bytes_unref);
  g_clear_pointer (&err, g_bytes_unref);

  for (const DaftarReportKind *k = daftar_report_kinds; k->kind != NULL; k++)
    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      {
        g_autofree char *what = g_strdup_printf ("--report %s --format %s", k->kind, formats[i]);
        g_autofree char *text = NULL;

        g_assert_cmpint (report (f, k->kind, formats[i], OFFICE, &out, &err), ==, 0);
        assert_printable (what, out);
        assert_printable (what, err);
        text = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
        g_assert_nonnull (text);
        if (g_str_equal (formats[i], "json"))
          {
            g_autoptr(GError) error = NULL;
            g_autoptr(JsonNode) root = json_from_string (text, &error);

            /* Still JSON, and honest text comes out as it went in. */
            g_assert_no_error (error);
            if (g_str_equal (k->kind, "cases"))
              g_assert_nonnull (strstr (text, HONEST_NAME));
          }
        /* Where the hostile text was printed, its letters still are. */
        if (g_str_equal (k->kind, "offices") || g_str_equal (k->kind, "cases") || g_str_equal (k->kind, "notices"))
          g_assert_nonnull (strstr (text, "evil"));
        g_clear_pointer (&out, g_bytes_unref);
        g_clear_pointer (&err, g_bytes_unref);
      }

  /* An office code given on the command line is quoted in the error. */
  g_assert_cmpint (report (f, "summary", "csv", "YZ\x1b[2J\x07-01", &out, &err), ==, 1);
  assert_printable ("unknown office", out);
  assert_printable ("unknown office's error", err);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (err, NULL), g_bytes_get_size (err), "-01"));
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], HELPER_SYNC))
    {
      daftar_i18n_init ();
      return daftar_sync_once_main (argv[2], argv[3], argv[4], NULL);
    }
  if (argc == 6 && g_str_equal (argv[1], HELPER_REPORT))
    {
      DaftarCliReport options = {
        .db_path = argv[2], .kind = argv[3], .format = argv[4], .office = argv[5],
        .from = "2025-01-01", .to = "2025-03-01",
      };

      daftar_i18n_init ();
      return daftar_cli_report (&options);
    }

  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-output/sync-once", Fixture, NULL, fixture_set_up, test_sync_once, fixture_tear_down);
  g_test_add ("/cli-output/report", Fixture, NULL, fixture_set_up, test_report, fixture_tear_down);
  return g_test_run ();
}
