/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-erlang.h: queueing maths for the staffing advisor — the office's ticket queue as M/M/N (Erlang C). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DAFTAR_ERLANG_ERROR (daftar_erlang_error_quark ())

typedef enum {
  DAFTAR_ERLANG_ERROR_INVALID,      /* a rate, time, share or count out of its range */
  DAFTAR_ERLANG_ERROR_UNREACHABLE,  /* no counter count up to the bound meets the target */
} DaftarErlangError;

GQuark daftar_erlang_error_quark (void);

/* One shift's queue as the advisor sees it. */
typedef struct {
  double arrival_rate_per_hour;   /* clients taking a ticket per hour, >= 0 */
  double mean_service_seconds;    /* average time a client spends at a counter, > 0 */
  guint  counters;                /* open counters (باجه) serving the queue, >= 1 */
  double target_wait_seconds;     /* the standard's waiting limit, >= 0 */
} DaftarQueueParams;

/* What the queue will look like in the long run.  When the counters cannot
 * keep up (traffic >= counters) the queue grows without end: stable is FALSE,
 * probability_of_waiting is 1, service_level 0 and average_wait_seconds is
 * INFINITY, so callers can show "unstable" instead of a number. */
typedef struct {
  double   traffic_erlangs;         /* offered load A = arrivals x service time */
  double   probability_of_waiting;  /* Erlang C: share of clients who must wait */
  double   service_level;           /* share of clients called within the target wait */
  double   average_wait_seconds;    /* mean wait in the queue over all clients (ASA) */
  double   occupancy;               /* A / counters: busy share of each counter */
  gboolean stable;                  /* traffic < counters */
} DaftarQueueForecast;

/* The standard a staffing proposal has to meet. */
typedef struct {
  double arrival_rate_per_hour;   /* >= 0 */
  double mean_service_seconds;    /* > 0 */
  double target_wait_seconds;     /* >= 0 */
  double target_service_level;    /* share in [0, 1] to be called within the target wait */
  double occupancy_cap;           /* in (0, 1]; 0 means no cap */
  guint  max_counters;            /* search bound, >= 1 */
} DaftarStaffingTarget;

/* Offered load in erlangs. */
double   daftar_erlang_traffic                (double arrival_rate_per_hour,
                                               double mean_service_seconds);

/* Erlang B (blocking) and Erlang C (waiting) for @traffic_erlangs offered to
 * @counters servers.  Both use the Erlang B recurrence, so they stay exact
 * for thousands of counters.  Erlang C is 1 when traffic >= counters. */
double   daftar_erlang_b                      (double traffic_erlangs,
                                               guint  counters);
double   daftar_erlang_c                      (double traffic_erlangs,
                                               guint  counters);

gboolean daftar_erlang_forecast               (const DaftarQueueParams *params,
                                               DaftarQueueForecast     *out_forecast,
                                               GError                 **error);

/* The smallest number of counters whose service level reaches the target
 * and whose occupancy stays within the cap.  Fails with
 * DAFTAR_ERLANG_ERROR_UNREACHABLE when even max_counters is not enough.
 * @out_forecast (nullable) receives the forecast at the chosen count. */
gboolean daftar_erlang_counters_needed        (const DaftarStaffingTarget *target,
                                               guint                      *out_counters,
                                               DaftarQueueForecast        *out_forecast,
                                               GError                    **error);

G_END_DECLS
