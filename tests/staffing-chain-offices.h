/* SPDX-License-Identifier: GPL-3.0-or-later */
/* staffing-chain-offices.h: three synthetic offices, one on each step of the staffing chain, ingested day by day as protocol pages. */
#pragma once

#include "daftar-ingest.h"
#include "daftar-test-util.h"
#include "daftar-time.h"

/* Every client is served for ten minutes, tickets spread evenly over
 * 8:00–12:00 and called first come, first served at the counters staffed. */
#define CHAIN_SERVICE_S 600
#define CHAIN_FIRST_HOUR 8
#define CHAIN_LAST_HOUR 12   /* the hour after the last one */
#define CHAIN_WEEKS 4

typedef struct
{
  const char *code;
  guint       counters;        /* offices.counters */
  guint       max_counters;    /* the standard */
  guint       staffed;         /* counters that serve: 1..staffed */
  guint       per_hour[CHAIN_WEEKS];   /* clients an hour in each week, oldest first */
} ChainOffice;

/* One short of staff: six counters, three staffed, 24 clients an hour
 * (4 erlangs: five counters needed, three stood unstaffed). */
static const ChainOffice chain_short_of_staff = { "YZ-STF-01", 6, 8, 3, { 24, 24, 24, 24 } };
/* Short of both: four counters, three staffed, 30 clients an hour (six
 * needed): one staff member at the idle counter, and two counters more. */
static const ChainOffice chain_staff_and_counters = { "YZ-MIX-01", 4, 8, 3, { 30, 30, 30, 30 } };
/* One short of counters: four counters, all staffed, 30 clients an hour
 * (5 erlangs: six needed, eight allowed). */
static const ChainOffice chain_short_of_counters = { "YZ-CNT-01", 4, 8, 4, { 30, 30, 30, 30 } };
/* One past max_counters: six counters, all staffed and all allowed, 48
 * clients an hour (8 erlangs: ten needed) in three weeks of four. */
static const ChainOffice chain_past_max = { "YZ-NEW-01", 6, 6, 6, { 48, 20, 48, 48 } };

/* The last day of the four weeks: Thursday, Esfand 30, 1403. */
static inline void
chain_last_day (GDate *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, 20, G_DATE_MARCH, 2025);
}

static inline void
chain_ingest_day (DaftarDb          *db,
                  const ChainOffice *office,
                  const GDate       *day,
                  guint              per_hour,
                  gboolean           first)
{
  g_autoptr(GString) changes = g_string_new ("[");
  g_autoptr(JsonObject) page = NULL;
  g_autoptr(GError) error = NULL;
  DaftarIngestResult result;
  gint64 start = daftar_time_day_start (day);
  gint64 free_at[64];
  char iso[11];

  g_assert_cmpuint (office->staffed, <=, G_N_ELEMENTS (free_at));
  daftar_time_format_day (day, iso);
  if (first)
    g_string_append_printf (changes,
                            "{\"entity\": \"office\", \"op\": \"upsert\", \"data\": {\"code\": \"%s\", "
                            "\"name\": \"دفتر آزمون\", \"city\": \"یزد\", \"province\": \"یزد\", \"counters\": %u}},"
                            "{\"entity\": \"standard\", \"op\": \"upsert\", \"data\": {\"key\": \"max_counters\", \"value\": %u}}",
                            office->code, office->counters, office->max_counters);
  for (guint c = 0; c < office->staffed; c++)
    free_at[c] = start + CHAIN_FIRST_HOUR * 3600;
  for (guint h = CHAIN_FIRST_HOUR; h < CHAIN_LAST_HOUR; h++)
    for (guint k = 0; k < per_hour; k++)
      {
        gint64 issued = start + h * 3600 + (gint64) k * 3600 / per_hour;
        guint c = 0;
        g_autofree char *t_issued = NULL, *t_called = NULL, *t_done = NULL;

        for (guint i = 1; i < office->staffed; i++)
          if (free_at[i] < free_at[c])
            c = i;
        t_issued = daftar_time_format_rfc3339 (issued);
        t_called = daftar_time_format_rfc3339 (MAX (issued, free_at[c]));
        free_at[c] = MAX (issued, free_at[c]) + CHAIN_SERVICE_S;
        t_done = daftar_time_format_rfc3339 (free_at[c]);
        g_string_append_printf (changes,
                                "%s{\"entity\": \"ticket\", \"op\": \"upsert\", \"data\": {\"id\": \"T%s-%02u-%03u\", "
                                "\"office_code\": \"%s\", \"service\": \"petition\", \"issued_at\": \"%s\", "
                                "\"called_at\": \"%s\", \"started_at\": \"%s\", \"finished_at\": \"%s\", "
                                "\"counter\": %u, \"outcome\": \"served\"}}",
                                changes->len > 1 ? "," : "", iso, h, k, office->code, t_issued, t_called, t_called,
                                t_done, c + 1);
      }
  g_string_append (changes, "]");
  page = daftar_test_page (office->code, iso, changes->str);
  g_assert_true (daftar_ingest_page (db, office->code, page, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rejected, ==, 0);
  daftar_ingest_result_clear (&result);
}

/* The four weeks ending on chain_last_day(), Fridays closed. */
static inline void
chain_fill (DaftarDb          *db,
            const ChainOffice *office)
{
  GDate to, day;
  gboolean first = TRUE;

  chain_last_day (&to);
  day = to;
  g_date_subtract_days (&day, CHAIN_WEEKS * 7 - 1);
  for (guint d = 0; d < CHAIN_WEEKS * 7; d++, g_date_add_days (&day, 1))
    if (g_date_get_weekday (&day) != G_DATE_FRIDAY)
      {
        chain_ingest_day (db, office, &day, office->per_hour[d / 7], first);
        first = FALSE;
      }
}
