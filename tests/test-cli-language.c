/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-language.c: the real `daftar --sync-once` and `--report` in a Persian session print Persian lines — no English words beyond codes, addresses and options — in the digits the preference chooses. */
#include "config.h"

#include <locale.h>
#include <string.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <libsoup/soup.h>
#include <sqlite3.h>

#include "daftar-test-util.h"

#define OFFICE "YZ-LNG-01"
#define TOKEN "t0ken-for-the-language-test"

typedef enum {
  MODE_GOOD,          /* two records and one that is refused */
  MODE_BUSY,          /* 503, Retry-After: 0, every time */
  MODE_REDIRECTS,     /* a redirect to itself, for ever */
  MODE_DEEP,          /* a page nested past the limit */
  MODE_EMPTY,         /* has_more with nothing, page after page */
  MODE_TOKEN,         /* 401 */
} Mode;

typedef struct {
  char       *dir;
  char       *db_path;
  char       *token_file;
  char       *url;
  SoupServer *server;
  Mode        mode;
  guint       served;
} Fixture;

static void
reply_json (SoupServerMessage *msg,
            char              *body)
{
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, body, strlen (body));
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Fixture *f = user_data;
  g_autoptr(GString) deep = NULL;

  f->served++;
  switch (f->mode)
    {
    case MODE_GOOD:
      reply_json (msg, g_strdup (
        "{\"protocol\":1,\"office\":\"" OFFICE "\",\"cursor\":\"c1\",\"has_more\":false,\"changes\":["
        "{\"entity\":\"office\",\"op\":\"upsert\",\"data\":{\"code\":\"" OFFICE "\",\"name\":\"دفتر ابرکوه\"}},"
        "{\"entity\":\"case\",\"op\":\"upsert\",\"data\":{\"id\":\"c-1\",\"office_code\":\"" OFFICE "\","
        "\"kind\":\"petition\",\"filed_at\":\"2025-02-27T09:12:00+03:30\",\"shift\":\"morning\",\"status\":\"sent\"}},"
        "{\"entity\":\"case\",\"op\":\"upsert\",\"data\":{\"id\":\"c-2\",\"office_code\":\"" OFFICE "\","
        "\"kind\":\"no-such-kind\",\"filed_at\":\"2025-02-27T09:12:00+03:30\",\"shift\":\"morning\",\"status\":\"sent\"}}"
        "]}"));
      return;
    case MODE_BUSY:
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "0");
      soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      return;
    case MODE_REDIRECTS:
      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, path);
      return;
    case MODE_DEEP:
      deep = g_string_new ("{\"protocol\":1,\"office\":\"" OFFICE "\",\"cursor\":\"d\",\"has_more\":false,\"changes\":");
      for (guint i = 0; i < 100; i++)
        g_string_append_c (deep, '[');
      for (guint i = 0; i < 100; i++)
        g_string_append_c (deep, ']');
      g_string_append_c (deep, '}');
      reply_json (msg, g_string_free (g_steal_pointer (&deep), FALSE));
      return;
    case MODE_EMPTY:
      reply_json (msg, g_strdup_printf ("{\"protocol\":1,\"office\":\"" OFFICE "\",\"cursor\":\"e%u\","
                                        "\"has_more\":true,\"changes\":[]}", f->served));
      return;
    case MODE_TOKEN:
      soup_server_message_set_status (msg, SOUP_STATUS_UNAUTHORIZED, NULL);
      return;
    default:
      g_assert_not_reached ();
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  f->dir = daftar_test_tmpdir_new ();
  f->db_path = g_build_filename (f->dir, "daftar.db", NULL);
  f->token_file = g_build_filename (f->dir, "token", NULL);
  g_assert_true (g_file_set_contents (f->token_file, TOKEN "\n", -1, NULL));

  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, handler, f, NULL);
  g_assert_true (soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->url = g_uri_to_string (uris->data);
  /* Without its trailing slash, as a manager types it. */
  if (g_str_has_suffix (f->url, "/"))
    f->url[strlen (f->url) - 1] = '\0';
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_free (f->url);
  g_free (f->token_file);
  g_free (f->db_path);
  daftar_test_tmpdir_free (g_steal_pointer (&f->dir));
}

/* The digits preference, written through GSettings into the keyfile the
 * binary reads, as Preferences would. */
static void
write_digits (Fixture    *f,
              const char *digits)
{
  g_autofree char *keyfile = g_build_filename (f->dir, "config", "glib-2.0", "settings", "keyfile", NULL);
  g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (keyfile, "/", NULL);
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APP_ID, backend);

  g_settings_set_string (settings, "digits", digits);
  g_settings_sync ();
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

/* Runs the real binary in a Persian session with the fixture's settings,
 * serving the in-process server meanwhile; returns what it printed on
 * @stream (1 stdout, 2 stderr) and checks the exit status. */
static char *
run_daftar (Fixture            *f,
            const char * const *args,
            int                 want_status,
            int                 stream)
{
  g_autofree char *binary = g_test_build_filename (G_TEST_BUILT, "..", "src", "daftar", NULL);
  g_autofree char *config = g_build_filename (f->dir, "config", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  Child child = { FALSE, NULL, NULL };
  GBytes *shown;

  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", f->dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", f->dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "DAFTAR_TOKEN_FILE", f->token_file, TRUE);
  g_subprocess_launcher_setenv (launcher, "LANG", "fa_IR.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_unsetenv (launcher, "LC_ALL");
  g_subprocess_launcher_unsetenv (launcher, "LC_MESSAGES");
  /* As a user runs it: a warning must not abort it. */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");

  g_ptr_array_add (argv, binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_async (process, NULL, NULL, communicate_cb, &child);
  while (!child.done)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_wait (process, NULL, NULL);
  out = child.out;
  err = child.err;
  g_test_message ("daftar %s: status %d\nstdout: %.*s\nstderr: %.*s", args[0],
                  g_subprocess_get_exit_status (process),
                  (int) g_bytes_get_size (out), (const char *) g_bytes_get_data (out, NULL),
                  (int) g_bytes_get_size (err), (const char *) g_bytes_get_data (err, NULL));
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, want_status);
  shown = stream == 1 ? out : err;
  return g_strndup (g_bytes_get_data (shown, NULL), g_bytes_get_size (shown));
}

static char *
replace_all (const char *text,
             const char *what)
{
  g_auto(GStrv) parts = g_strsplit (text, what, -1);

  return g_strjoinv (" ", parts);
}

/* Checks one line of output: Persian words; no English word once the codes
 * (the office, the cursor, HTTP and its status, JSON, the report kinds),
 * the server's address, the database's path and the options are taken out;
 * and the digits of the preference, Latin ones only inside those codes.
 * @has_number: the message counts something, so digits must show. */
static void
assert_persian_line (Fixture    *f,
                     const char *line,
                     gboolean    latin,
                     gboolean    has_number)
{
  static const char * const codes[] = {
    OFFICE, "XX-NONE-01", "HTTP 401", "HTTP 503", "JSON", "csv", "json", "1405-08-01", "2026-10-23",
    /* The reports' names, as --report takes them. */
    "summary", "cases", "shifts", "notices", "staffing", "offices", "monthly", "evidence", "unviewed", "care",
    NULL
  };
  g_autofree char *rest = NULL;
  g_autoptr(GRegex) options = g_regex_new ("(?<![\\w-])--[a-z][a-z-]*", 0, 0, NULL);
  g_autoptr(GRegex) english = g_regex_new ("[A-Za-z]{2,}", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  gboolean persian_letter = FALSE;

  /* One line, ended. */
  g_assert_nonnull (line);
  g_assert_true (g_str_has_suffix (line, "\n"));
  g_assert_true (strchr (line, '\n') == line + strlen (line) - 1);

  /* The program's name opens an error line, as Unix tools print theirs. */
  rest = g_strdup (g_str_has_prefix (line, "daftar: ") ? line + strlen ("daftar: ") : line);
  {
    /* The server's address, and the files of this test: its folder and
     * whatever file name follows it. */
    g_autofree char *escaped = g_regex_escape_string (f->dir, -1);
    g_autofree char *pattern = g_strconcat (escaped, "\\S*", NULL);
    g_autoptr(GRegex) paths = g_regex_new (pattern, 0, 0, NULL);
    char *next = replace_all (rest, f->url);

    g_free (rest);
    rest = g_regex_replace_literal (paths, next, -1, 0, " ", 0, NULL);
    g_free (next);
  }
  for (guint i = 0; codes[i] != NULL; i++)
    {
      char *next = replace_all (rest, codes[i]);
      g_free (rest);
      rest = next;
    }
  {
    char *next = g_regex_replace_literal (options, rest, -1, 0, " ", 0, NULL);
    g_free (rest);
    rest = next;
  }
  /* The cursors of this test's pages: c1, d, e1… */
  {
    g_autoptr(GRegex) cursor = g_regex_new ("(?<![A-Za-z])(c1|e[0-9]+)(?![A-Za-z0-9])", 0, 0, NULL);
    char *next = g_regex_replace_literal (cursor, rest, -1, 0, " ", 0, NULL);
    g_free (rest);
    rest = next;
  }

  if (g_regex_match (english, rest, 0, &match))
    g_test_message ("English in «%s»: «%s»", line, g_match_info_fetch (match, 0));
  g_assert_false (g_match_info_matches (match));

  for (const char *p = rest; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0621 && c <= 0x06CC)
        persian_letter = TRUE;
      if (latin)
        g_assert_false (c >= 0x06F0 && c <= 0x06F9);
      else
        g_assert_false (c >= '0' && c <= '9');
    }
  g_assert_true (persian_letter);
  if (has_number)
    g_assert_true (latin ? daftar_test_has_latin_digit (rest) : daftar_test_has_persian_digit (rest));
}

static char *
sync_once (Fixture  *f,
           Mode      mode,
           int       want_status)
{
  const char * const args[] = { "--sync-once", "--server", f->url, "--office", OFFICE, "--db", f->db_path, NULL };

  f->mode = mode;
  return run_daftar (f, args, want_status, want_status == 0 ? 1 : 2);
}

static void
check_sync_once (Fixture  *f,
                 gboolean  latin)
{
  struct {
    Mode     mode;
    int      status;
    gboolean has_number;
  } runs[] = {
    { MODE_GOOD, 0, TRUE },        /* «۲ رکورد اعمال شد، ۱ صفحه، ۱ رد شد» */
    { MODE_BUSY, 1, TRUE },        /* «پس از ۵ بار تلاش متوقف شد: …» */
    { MODE_REDIRECTS, 1, TRUE },   /* «بیش از ۵ بار هدایت کرد» */
    { MODE_DEEP, 1, TRUE },        /* «بیش از ۶۴ سطح تودرتو» */
    { MODE_EMPTY, 1, TRUE },       /* «۵۰ صفحهٔ پیاپی» */
    { MODE_TOKEN, 1, FALSE },      /* HTTP 401: the code stays Latin */
  };

  write_digits (f, latin ? "latin" : "persian");
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *line = sync_once (f, runs[i].mode, runs[i].status);

      assert_persian_line (f, line, latin, runs[i].has_number);
    }

  /* Another program holds the database: SQLite's "database is locked"
   * must not reach the line in English. */
  {
    sqlite3 *lock = NULL;
    g_autofree char *line = NULL;

    g_assert_cmpint (sqlite3_open (f->db_path, &lock), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (lock, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
    line = sync_once (f, MODE_GOOD, 1);
    sqlite3_exec (lock, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close (lock);
    assert_persian_line (f, line, latin, FALSE);
  }
}

static void
test_sync_once_persian_digits (Fixture       *f,
                               gconstpointer  data)
{
  check_sync_once (f, FALSE);
}

static void
test_sync_once_latin_digits (Fixture       *f,
                             gconstpointer  data)
{
  check_sync_once (f, TRUE);
}

static void
check_report (Fixture  *f,
              gboolean  latin)
{
  g_autofree char *foreign = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  struct {
    const char *args[12];
    int         status;
    gboolean    has_number;
  } runs[] = {
    /* Staffing is advised over the days that hold tickets (so never more
     * than the advisor's ten years), and this office has none. */
    { { "--report", "staffing", "--from", "1390-01-01", "--to", "1405-01-01", "--office", OFFICE,
        "--db", f->db_path, NULL }, 1, FALSE },
    { { "--report", "summary", "--from", "1405-01-01", "--to", "1405-01-10", "--office", "XX-NONE-01",
        "--db", f->db_path, NULL }, 1, FALSE },
    { { "--report", "nonsense", "--from", "1405-01-01", "--to", "1405-01-10", "--db", f->db_path, NULL }, 1, FALSE },
    { { "--report", "summary", "--from", "1405-01-10", "--to", "1405-01-01", "--db", f->db_path, NULL }, 1, FALSE },
    { { "--report", "summary", "--from", "yesterday", "--to", "1405-01-01", "--db", f->db_path, NULL }, 2, FALSE },
    { { "--report", "summary", "--from", "1405-01-01", "--to", "1405-01-10", "--db", missing, NULL }, 1, FALSE },
    { { "--report", "summary", "--from", "1405-01-01", "--to", "1405-01-10", "--db", foreign, NULL }, 1, FALSE },
    { { "--report", "summary", "--from", "1405-01-01", "--to", "1405-01-10", "--format", "xml",
        "--db", f->db_path, NULL }, 2, FALSE },
  };

  g_assert_true (g_file_set_contents (foreign, "not a database, a letter", -1, NULL));
  write_digits (f, latin ? "latin" : "persian");
  g_free (sync_once (f, MODE_GOOD, 0));
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *line = run_daftar (f, runs[i].args, runs[i].status, 2);
      /* The command line's own words come back quoted: not the app's. */
      g_autofree char *no_date = replace_all (line, "yesterday");
      g_autofree char *unquoted = replace_all (no_date, "nonsense");

      assert_persian_line (f, unquoted, latin, runs[i].has_number);
    }
}

static void
test_report_persian_digits (Fixture       *f,
                            gconstpointer  data)
{
  check_report (f, FALSE);
}

static void
test_report_latin_digits (Fixture       *f,
                          gconstpointer  data)
{
  check_report (f, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  /* So that the messages quoting the lines print as they are. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-language/sync-once/persian-digits", Fixture, NULL, fixture_set_up,
              test_sync_once_persian_digits, fixture_tear_down);
  g_test_add ("/cli-language/sync-once/latin-digits", Fixture, NULL, fixture_set_up,
              test_sync_once_latin_digits, fixture_tear_down);
  g_test_add ("/cli-language/report/persian-digits", Fixture, NULL, fixture_set_up,
              test_report_persian_digits, fixture_tear_down);
  g_test_add ("/cli-language/report/latin-digits", Fixture, NULL, fixture_set_up,
              test_report_latin_digits, fixture_tear_down);
  return g_test_run ();
}
