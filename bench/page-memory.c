/* SPDX-License-Identifier: GPL-3.0-or-later */
/* page-memory.c: benchmark — the peak memory of the worst pages a server can send within 32 MiB, parsed alone and synced end to end. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "daftar-ingest.h"
#include "daftar-page-check.h"
#include "daftar-sync-private.h"

#define OFFICE "YZ-ABK-01"
/* Room for the envelope under the body limit. */
#define BODY_ROOM (DAFTAR_PAGE_SIZE_LIMIT - 4096)

typedef void (*ChangeFunc) (GString *out, guint i);

/* A real case as the demo server writes it, with long Persian text:
 * the most memory an honest change costs. */
static void
change_case (GString *out, guint i)
{
  g_string_append_printf (out,
    "{\"entity\":\"case\",\"op\":\"upsert\",\"data\":{\"id\":\"" OFFICE "-C%07u\",\"office_code\":\"" OFFICE "\","
    "\"tracking_code\":\"1403%08u\",\"kind\":\"petition\",\"filed_at\":\"2025-02-27T09:12:00+03:30\","
    "\"shift\":\"morning\",\"counter\":2,\"staff_id\":\"" OFFICE "-S02\",\"client_name\":\"مریم احمدی\","
    "\"subject\":\"مطالبه وجه\",\"dest_court\":\"دادگاه عمومی حقوقی ابرکوه\",\"dest_city\":\"ابرکوه\","
    "\"dest_province\":\"یزد\",\"status\":\"sent\",\"fee\":850000,\"updated_at\":\"2025-02-27T09:20:00+03:30\"}}",
    i, i);
}

/* The same with text fields long enough that the page reaches the value
 * limit and the byte limit together: the most an honest page costs. */
static void
change_long_case (GString *out, guint i)
{
  static char *text;

  if (text == NULL)
    {
      gsize per_case = BODY_ROOM / ((DAFTAR_PAGE_MAX_VALUES - 6) / 20);
      gsize per_field = MIN (per_case > 500 ? (per_case - 500) / 5 : 0, 1000);
      GString *s = g_string_new (NULL);

      while (s->len + 40 < per_field)
        g_string_append (s, "دادگاه عمومی حقوقی ");
      text = g_string_free (s, FALSE);
    }
  g_string_append_printf (out,
    "{\"entity\":\"case\",\"op\":\"upsert\",\"data\":{\"id\":\"" OFFICE "-C%07u\",\"office_code\":\"" OFFICE "\","
    "\"tracking_code\":\"1403%08u\",\"kind\":\"petition\",\"filed_at\":\"2025-02-27T09:12:00+03:30\","
    "\"shift\":\"morning\",\"counter\":2,\"staff_id\":\"" OFFICE "-S02\",\"client_name\":\"%s\","
    "\"subject\":\"%s\",\"dest_court\":\"%s\",\"dest_city\":\"%s\",\"dest_province\":\"%s\","
    "\"status\":\"sent\",\"fee\":850000,\"updated_at\":\"2025-02-27T09:20:00+03:30\"}}",
    i, i, text, text, text, text, text);
}

static void
change_empty (GString *out, guint i)
{
  g_string_append (out, "{}");
}

/* As many small members as the value limit allows a change: 19 each. */
static void
change_wide_numbers (GString *out, guint i)
{
  g_string_append_c (out, '{');
  for (guint m = 0; m < 19; m++)
    g_string_append_printf (out, "%s\"%c\":0", m ? "," : "", 'a' + m);
  g_string_append_c (out, '}');
}

static void
change_wide_strings (GString *out, guint i)
{
  g_string_append_c (out, '{');
  for (guint m = 0; m < 19; m++)
    g_string_append_printf (out, "%s\"%c\":\"\"", m ? "," : "", 'a' + m);
  g_string_append_c (out, '}');
}

/* As many objects and arrays as the limits allow: four a change. */
static void
change_nested (GString *out, guint i)
{
  g_string_append (out, "{\"a\":{},\"b\":{},\"c\":[0,0,0,0,0,0]}");
}

/* Stray bytes and oversized integers: every one rewritten by the check. */
static void
change_marked (GString *out, guint i)
{
  g_string_append (out, "{\"s\":\"\xff\xff\xff\xff\xff\xff\xff\xff\",\"n\":-99999999999999999999999}");
}

/* The page's text in few huge strings. */
static void
change_long_text (GString *out, guint i)
{
  g_string_append (out, "{\"s\":\"");
  for (guint k = 0; k < 1024 * 1024 / 16; k++)
    g_string_append (out, "متن بلند فارسی ");
  g_string_append (out, "\"}");
}

static const struct {
  const char *name;
  ChangeFunc  change;
  guint       max_changes;
} kinds[] = {
  { "cases", change_case, (DAFTAR_PAGE_MAX_VALUES - 6) / 20 },
  { "long-cases", change_long_case, (DAFTAR_PAGE_MAX_VALUES - 6) / 20 },
  { "empty-objects", change_empty, DAFTAR_PAGE_MAX_CHANGES },
  { "wide-numbers", change_wide_numbers, (DAFTAR_PAGE_MAX_VALUES - 6) / 20 },
  { "wide-strings", change_wide_strings, (DAFTAR_PAGE_MAX_VALUES - 6) / 20 },
  { "nested", change_nested, MIN ((DAFTAR_PAGE_MAX_CONTAINERS - 2) / 4, (DAFTAR_PAGE_MAX_VALUES - 6) / 10) },
  { "marked", change_marked, DAFTAR_PAGE_MAX_REJECTS },
  { "long-text", change_long_text, 1000 },
};

/* The page of @kind asked with @since: as many changes as fit both the
 * limits and the bytes; the second page is the last. */
static GString *
build_page (guint       kind,
            const char *since,
            gboolean    over)
{
  gboolean second = since != NULL && *since != '\0';
  GString *out = g_string_sized_new (DAFTAR_PAGE_SIZE_LIMIT);
  guint max = kinds[kind].max_changes + (over ? 1 : 0);

  g_string_append_printf (out, "{\"protocol\":1,\"office\":\"" OFFICE "\",\"cursor\":\"%s\",\"has_more\":%s,\"changes\":[",
                          second ? "page-2" : "page-1", second ? "false" : "true");
  for (guint i = 0; i < max; i++)
    {
      gsize before = out->len;

      if (i > 0)
        g_string_append_c (out, ',');
      kinds[kind].change (out, i);
      if (out->len > BODY_ROOM)
        {
          g_string_truncate (out, before);
          break;
        }
    }
  g_string_append (out, "]}");
  return out;
}

static long
peak_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return strtol (line + 6, NULL, 10);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  guint kind = GPOINTER_TO_UINT (user_data);
  const char *since = query != NULL ? g_hash_table_lookup (query, "since") : NULL;
  GString *page = build_page (kind, since, FALSE);
  gsize len = page->len;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    g_string_free (page, FALSE), len);
}

typedef struct {
  DaftarSyncSummary *summary;
  GError            *error;
  gboolean           done;
} Wait;

static void
run_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Wait *wait = user_data;

  wait->summary = daftar_sync_client_run_finish (DAFTAR_SYNC_CLIENT (source), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
parent_gone (GIOChannel   *channel,
             GIOCondition  condition,
             gpointer      user_data)
{
  char byte;

  /* The measuring process holds the other end of stdin: when it ends, so
   * does this server, however it ended. */
  if (read (0, &byte, 1) <= 0)
    exit (0);
  return G_SOURCE_CONTINUE;
}

/* Serves pages of @kind on a loopback port until the process that started
 * it ends; prints its URL. */
static void
serve (guint kind)
{
  g_autoptr(GIOChannel) in = g_io_channel_unix_new (0);

  g_autoptr(GError) error = NULL;
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoslist(GUri) uris = NULL;
  g_autofree char *url = NULL;

  soup_server_add_handler (server, NULL, handler, GUINT_TO_POINTER (kind), NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("%s", error->message);
  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);
  g_print ("%s\n", url);
  fflush (stdout);
  g_io_add_watch (in, G_IO_IN | G_IO_HUP | G_IO_ERR, parent_gone, NULL);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
}

/* Two pages of @kind, the first with has_more, through the real client;
 * the server runs in a process of its own so that only the client's
 * memory is measured. */
static void
measure_sync (const char *self,
              guint       kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *url = NULL;
  g_autofree char *dir = g_dir_make_tmp ("daftar-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "page-memory.db", NULL);
  DaftarDbWorker *worker;
  DaftarSyncClient *client;
  Wait wait = { NULL, NULL, FALSE };
  long before;

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             self, kinds[kind].name, "serve", NULL);
  if (server == NULL)
    g_error ("%s", error->message);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  url = g_data_input_stream_read_line (lines, NULL, NULL, &error);
  if (url == NULL)
    g_error ("the page server did not start: %s", error != NULL ? error->message : "no URL");

  worker = daftar_db_worker_new (path);
  client = daftar_sync_client_new (worker, url, OFFICE);
  daftar_sync_client_set_token (client, "bench-token");
  before = peak_kib ();
  daftar_sync_client_run_async (client, NULL, run_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  g_print ("%-14s sync of 2 pages: client's peak %4ld MiB (%ld before); %s\n", kinds[kind].name,
           peak_kib () / 1024, before / 1024,
           wait.error != NULL ? wait.error->message : "applied");
  g_subprocess_force_exit (server);
  g_clear_error (&wait.error);
  daftar_sync_summary_free (wait.summary);
  g_object_unref (client);
  while (g_atomic_int_get (&G_OBJECT (worker)->ref_count) > 1)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (100);
    }
  g_object_unref (worker);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
}

static void
measure_parse (guint    kind,
               gboolean over)
{
  g_autoptr(GError) error = NULL;
  DaftarSyncBody body = { 0 };
  GString *page = build_page (kind, NULL, over);
  gsize size = page->len;
  guint changes;
  DaftarSyncPage *parsed;
  long before;

  body.office = (char *) OFFICE;
  body.content_type = (char *) "application/json";
  body.body = g_string_free_to_bytes (page);
  before = peak_kib ();
  parsed = daftar_sync_parse_page (&body, &error);
  changes = parsed != NULL ? json_array_get_length (json_object_get_array_member (json_node_get_object (parsed->root),
                                                                                  "changes")) : 0;
  g_print ("%-14s %s%5.1f MiB body, %6u changes left: peak %4ld MiB (%ld for the body); %s\n",
           kinds[kind].name, over ? "over " : "", size / 1048576.0, changes,
           peak_kib () / 1024, before / 1024, parsed != NULL ? "parsed" : error->message);
  g_clear_pointer (&parsed, daftar_sync_page_free);
  g_bytes_unref (body.body);
}

int
main (int argc, char **argv)
{
  /* With no argument: every kind, each in a process of its own, since a
   * peak only goes up. */
  if (argc < 2)
    {
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        for (guint mode = 0; mode < 3; mode++)
          {
            const char *child[] = { argv[0], kinds[k].name, (const char *[]) { "parse", "over", "sync" }[mode], NULL };
            g_autoptr(GError) error = NULL;

            if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                               NULL, NULL, NULL, &error))
              g_error ("%s", error->message);
            fflush (stdout);
          }
      return 0;
    }

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (g_str_equal (argv[1], kinds[k].name))
      {
        const char *mode = argc > 2 ? argv[2] : "parse";

        if (g_str_equal (mode, "sync"))
          measure_sync (argv[0], k);
        else if (g_str_equal (mode, "serve"))
          serve (k);
        else
          measure_parse (k, g_str_equal (mode, "over"));
        return 0;
      }
  g_printerr ("usage: page-memory [KIND [parse|over|sync|serve]]\n");
  return 2;
}
