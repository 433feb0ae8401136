/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-central-demo.c: runs the demo central server on 127.0.0.1 until killed, printing its address. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib-unix.h>

#include "daftar-demo-central.h"
#include "daftar-demo.h"
#include "daftar-token.h"

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  int port = 0;
  gint64 seed = 1;
  int offices = 1;
  int days = 365;
  /* The option parser allocates these; freed on every way out. */
  g_autofree char *token = NULL;
  g_autofree char *fault_name = NULL;
  g_autofree char *last_day_text = NULL;
  gboolean gzip = FALSE;
  GOptionEntry entries[] = {
    { "port", 0, 0, G_OPTION_ARG_INT, &port, "Port on 127.0.0.1 (0: any free port)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the demo data", "S" },
    { "offices", 0, 0, G_OPTION_ARG_INT, &offices, "Number of offices", "K" },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, "Days of history", "D" },
    { "last-day", 0, 0, G_OPTION_ARG_STRING, &last_day_text, "Last day of the data (default today)", "YYYY-MM-DD" },
    { "token", 0, 0, G_OPTION_ARG_STRING, &token, "Access token clients must send (required)", "T" },
    { "fault", 0, 0, G_OPTION_ARG_STRING, &fault_name, "Misbehave: error-500-twice, retry-after, truncate, bad-json, "
      "wrong-protocol, slow-body, expire-cursor, huge-body, bad-records, unauthorized", "MODE" },
    { "gzip", 0, 0, G_OPTION_ARG_NONE, &gzip, "Compress pages for clients that accept gzip", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— serve demo office data as protocol v1");
  g_autoptr(GError) error = NULL;
  g_autoptr(DaftarDemoCentral) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *url = NULL;
  DaftarDemoCentralFault fault = DAFTAR_DEMO_CENTRAL_FAULT_NONE;
  GDate last_day;
  DaftarDemo *demo;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("daftar-central-demo: %s\n", error->message);
      return 2;
    }
  if (port < 0 || port > 65535 || offices < 1 || days < 1)
    {
      g_printerr ("daftar-central-demo: --port, --offices or --days out of range\n");
      return 2;
    }
  if (fault_name != NULL && !daftar_demo_central_fault_from_string (fault_name, &fault, &error))
    {
      g_printerr ("daftar-central-demo: %s\n", error->message);
      return 2;
    }
  if (last_day_text != NULL)
    {
      g_date_clear (&last_day, 1);
      g_date_set_parse (&last_day, last_day_text);
      if (!g_date_valid (&last_day))
        {
          g_printerr ("daftar-central-demo: --last-day is not a date\n");
          return 2;
        }
    }
  /* No default: a well-known token would let anyone on this machine read
   * the server's data, and a client would send it without a second thought. */
  if (token == NULL)
    {
      g_printerr ("daftar-central-demo: give the access token clients must send with --token T\n");
      return 2;
    }
  if (!daftar_token_validate (token, &error))
    {
      g_printerr ("daftar-central-demo: --token: %s\n", error->message);
      return 2;
    }

  demo = daftar_demo_new ((guint64) seed, offices, days, last_day_text != NULL ? &last_day : NULL);
  server = daftar_demo_central_new (demo, token);
  daftar_demo_central_set_fault (server, fault);
  daftar_demo_central_set_gzip (server, gzip);
  if (!daftar_demo_central_listen (server, port, &error))
    {
      g_printerr ("daftar-central-demo: %s\n", error->message);
      return 1;
    }

  url = daftar_demo_central_get_url (server);
  /* The address alone on the first line, so scripts can read it. */
  g_print ("%s\n", url);
  for (int i = 0; i < offices; i++)
    g_printerr ("office %s: %s/api/v1/offices/%s/changes\n",
                daftar_demo_get_office_code (demo, i), url, daftar_demo_get_office_code (demo, i));
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);
  return 0;
}
