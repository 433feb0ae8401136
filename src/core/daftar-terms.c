/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-terms.c: the figures' terms explained in a sentence or two, for tooltips beside them. */
#define G_LOG_DOMAIN "daftar-terms"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-format.h"
#include "daftar-terms.h"

/* The percentile the office reports, and how many clients of how many it
 * speaks for: written as numbers in code, not in the translations, so that
 * they follow the digits preference. */
#define PERCENTILE 90
#define OF_EVERY 10

char *
daftar_term_wait_p90_title (void)
{
  g_autofree char *percentile = daftar_format_int (PERCENTILE);

  /* Translators: the title of a tile; %s is 90, in the UI's digits. */
  return g_strdup_printf (_("Wait, %sth percentile"), percentile);
}

char *
daftar_term_explain (DaftarTerm term)
{
  switch (term)
    {
    case DAFTAR_TERM_WAIT_MEAN:
      return g_strdup (_("The average time from taking a queue ticket to being called to a counter, "
                         "over the clients served."));
    case DAFTAR_TERM_WAIT_P90:
      {
        g_autofree char *percentile = daftar_format_int (PERCENTILE);
        g_autofree char *clients = daftar_format_int (PERCENTILE / OF_EVERY);
        g_autofree char *every = daftar_format_int (OF_EVERY);

        /* Translators: %1$s is 90, %2$s is 9 and %3$s is 10, in the UI's digits. */
        return g_strdup_printf (_("The %1$sth percentile of the wait: %2$s in every %3$s clients waited at most "
                                  "this long, the rest longer. Unlike the mean, it does not let many short "
                                  "waits hide a few very long ones."),
                                percentile, clients, every);
      }
    case DAFTAR_TERM_SERVICE_LEVEL:
      return g_strdup (_("The service level: the share of the clients served who were called to a counter "
                         "within the standard wait."));
    case DAFTAR_TERM_READ_RATE:
      return g_strdup (_("The read rate: the share of the electronic notices issued in the period that their "
                         "addressees have viewed in the Sana system (actual service)."));
    case DAFTAR_TERM_OCCUPANCY:
      return g_strdup (_("Occupancy: the share of the counters’ open time spent serving clients. Close to "
                         "full, the queue grows quickly and staff have no slack."));
    case DAFTAR_TERM_STAFFING_MODEL:
      return g_strdup (_("The staffing model is Erlang C, the usual queueing model of counters: from the "
                         "clients arriving each hour, the mean service time and the number of counters it "
                         "predicts the wait. It assumes clients arrive at random, spread over the hour, "
                         "wait until called and go to whichever counter is free; where clients come in "
                         "bunches or staff speed up, the observed wait differs from the model’s."));
    case DAFTAR_N_TERMS:
    default:
      g_return_val_if_reached (NULL);
    }
}
