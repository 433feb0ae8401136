/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dashboard-private.h: what the dashboard benchmark's files share — the run, its timings and its table rows. */
#pragma once

#include <json-glib/json-glib.h>

#include "daftar-db.h"
#include "daftar-db-worker.h"
#include "daftar-period.h"

G_BEGIN_DECLS

typedef struct
{
  DaftarDb       *db;          /* owned: the connection the bench's main thread queries on */
  DaftarDbWorker *worker;      /* owned: for the case list, which only reads through a worker */
  GDate           today;       /* the last day of data: "today" for every page */
  GDate           first_day;
  int             reps;
  int             warmups;
  JsonBuilder    *json;        /* owned: the figures, for --json */
  gboolean        explain;     /* profile pages over budget and print their plans */
  glong           pages_rss_kib;  /* peak RSS once every page has run, before any naive scan */
} Bench;

/* p50 and p95 (nearest rank) of @n times in microseconds, in ms. */
typedef struct
{
  int    n;        /* timed reps: fewer than asked when one takes over 80 ms */
  double p50_ms;
  double p95_ms;
} Quantiles;

typedef gboolean (*BenchRun) (Bench *bench, gpointer data, GError **error);

/* Runs @run warmups + reps times and returns the quantiles of the timed reps.
 * Runs that take long get fewer reps (at least 3, about 4 s in all) and
 * one warm-up once a warm-up takes over a second. */
gboolean  bench_time           (Bench      *bench,
                                BenchRun    run,
                                gpointer    data,
                                Quantiles  *out,
                                GError    **error);

/* Unix seconds of the local midnights that bound @period: [from, to + 1 day). */
void      bench_period_bounds  (const DaftarPeriod *period,
                                gint64             *from,
                                gint64             *to);

/* Runs @run once with SQLite's profile on and prints the statements that
 * took most of its time, with the query plan of those not in @shown. */
void      bench_explain        (Bench      *bench,
                                BenchRun    run,
                                gpointer    data,
                                GHashTable *shown);

/* Reuses @path when this benchmark generated it with @params (kept in its
 * sync_state); else generates it with the demo generator, printing progress.
 * Refuses a file that is not one of this benchmark's. */
gboolean  bench_prepare_database (const char  *path,
                                  const char  *params,
                                  guint64      seed,
                                  guint        offices,
                                  guint        days,
                                  const GDate *last_day,
                                  GError     **error);

/* Case search through the lazy list: prints its table and adds "search" to
 * the JSON. */
gboolean  bench_search         (Bench              *bench,
                                const char * const *scopes,   /* office codes; a NULL entry: all offices */
                                guint               n_scopes,
                                const DaftarPeriod *periods,
                                const char * const *period_names,
                                guint               n_periods,
                                GError            **error);

/* Runs bench/first-frame (beside @self, this program) @runs times on
 * @db_path and adds "first_frame" to the JSON; without a display it only
 * says so. */
gboolean  bench_first_frame    (Bench              *bench,
                                const char         *self,
                                const char         *db_path,
                                const char         *last_day,
                                int                 runs,
                                GError            **error);

G_END_DECLS
