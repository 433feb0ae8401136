/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-shifts-query.h: the Shifts page's figures — morning against evening, waits, service times, heatmaps, load and standards. */
#pragma once

#include <gio/gio.h>

#include "daftar-care.h"
#include "daftar-db.h"
#include "daftar-period.h"
#include "daftar-queries.h"

G_BEGIN_DECLS

/* The standards held per shift, in this order in every array below. */
typedef enum {
  DAFTAR_SHIFT_STANDARD_WAIT_MEAN,        /* mean wait ≤ target_wait_minutes */
  DAFTAR_SHIFT_STANDARD_SERVICE_LEVEL,    /* share within target ≥ target_service_level */
  DAFTAR_SHIFT_STANDARD_CASES_PER_STAFF,  /* served per staff member per shift ≤ max_cases_per_staff_shift */
  DAFTAR_N_SHIFT_STANDARDS
} DaftarShiftStandard;

typedef enum {
  DAFTAR_VERDICT_NOT_MEASURED,   /* nothing to measure (no served ticket) */
  DAFTAR_VERDICT_MET,
  DAFTAR_VERDICT_BREACHED,
} DaftarVerdict;

#define DAFTAR_HEATMAP_ROWS 7   /* Saturday (row 0) to Friday (row 6) */
#define DAFTAR_HEATMAP_HOURS 24

/* Tickets and waits of one shift over a range of days. Means and shares are
 * NaN and the percentile -1 when no ticket was served. */
typedef struct
{
  gint64  issued;
  gint64  served;
  gint64  no_show;
  gint64  cancelled;
  gint64  wait_n;                /* served tickets with a call time */
  gint64  wait_sum_s;
  double  wait_mean_minutes;
  int     wait_p90_minutes;      /* smallest m with ≥ 90% waiting ≤ m minutes */
  gint64  within_target;         /* served tickets waiting ≤ target_wait_minutes */
  double  within_target_share;
} DaftarShiftFigures;

typedef struct
{
  GDate              start;      /* first day of the bin; only days of the period count */
  DaftarShiftFigures shift[DAFTAR_N_SHIFTS];
} DaftarShiftsBin;

/* Tickets served at one counter of one office. */
typedef struct
{
  char   *office_code;
  int     counter;
  gint64  served[DAFTAR_N_SHIFTS];
  gint64  service_sum_s;          /* over both shifts */
} DaftarCounterLoad;

/* Tickets served by one staff member and the shifts they served in. */
typedef struct
{
  char   *office_code;
  char   *staff_id;
  char   *name;                   /* nullable: staff record not synced yet */
  gint64  served[DAFTAR_N_SHIFTS];
  gint64  shifts_worked[DAFTAR_N_SHIFTS];   /* (day, shift) pairs with a served ticket */
} DaftarStaffLoad;

typedef struct
{
  double        value;            /* NaN when not measured */
  double        target;
  DaftarVerdict verdict;
} DaftarStandardCheck;

typedef struct
{
  GDate               from;
  GDate               to;
  DaftarBin           bin;
  DaftarStandards     standards;

  DaftarShiftFigures  shift[DAFTAR_N_SHIFTS];
  GArray             *bins;         /* DaftarShiftsBin, one per bin of the period, in order */

  /* Service time by service (DaftarCaseKind) and shift. */
  gint64              service_n[DAFTAR_N_CASE_KINDS][DAFTAR_N_SHIFTS];
  gint64              service_sum_s[DAFTAR_N_CASE_KINDS][DAFTAR_N_SHIFTS];

  /* Weekday (row 0 = Saturday) × local hour. A day counts as open when it
   * has any ticket; an office-day for the network. */
  gint64              open_days[DAFTAR_HEATMAP_ROWS];
  gint64              arrivals[DAFTAR_HEATMAP_ROWS][DAFTAR_HEATMAP_HOURS];
  gint64              hour_served[DAFTAR_HEATMAP_ROWS][DAFTAR_HEATMAP_HOURS];
  gint64              hour_wait_sum_s[DAFTAR_HEATMAP_ROWS][DAFTAR_HEATMAP_HOURS];
  int                 first_hour;   /* hours with any arrival; -1 with none */
  int                 last_hour;

  GPtrArray          *counters;     /* DaftarCounterLoad, by office then counter */
  GPtrArray          *staff;        /* DaftarStaffLoad, by office then staff id */
  gint64              staff_shifts[DAFTAR_N_SHIFTS];  /* sum of shifts_worked */

  DaftarStandardCheck checks[DAFTAR_N_SHIFTS][DAFTAR_N_SHIFT_STANDARDS];

  /* The heatmap's "peak waiting" layer: how crowded the waiting room was
   * per weekday and hour, against standards.waiting_room_seats. Read by
   * the page's query (daftar_shifts_page_query); days 0 otherwise. */
  DaftarCrowdingFigures crowding;
} DaftarShiftsData;

void              daftar_shifts_data_free          (DaftarShiftsData *data);

/* Reads every figure of the Shifts page for @office_code (NULL: every
 * office) from @from to @to (local days, inclusive), binned by @bin. Reads
 * only the rollups: the load per counter and per staff member comes from
 * daily_ticket_load. Checks @cancellable between reads. */
DaftarShiftsData *daftar_query_shifts              (DaftarDb          *db,
                                                    const char        *office_code,
                                                    const GDate       *from,
                                                    const GDate       *to,
                                                    DaftarBin          bin,
                                                    GCancellable      *cancellable,
                                                    GError           **error);

/* "wait_mean", "service_level", "cases_per_staff" */
const char       *daftar_shift_standard_name       (DaftarShiftStandard standard);

/* Mean minutes at the counter; NaN without a finished service. */
double            daftar_shifts_service_minutes    (const DaftarShiftsData *data,
                                                    guint              service,
                                                    DaftarShift        shift);
/* Mean arrivals per open day at one weekday and hour; NaN when no such day was open. */
double            daftar_shifts_mean_arrivals      (const DaftarShiftsData *data,
                                                    guint              row,
                                                    guint              hour);
/* Mean wait in minutes of tickets issued at one weekday and hour; NaN without served tickets. */
double            daftar_shifts_mean_wait          (const DaftarShiftsData *data,
                                                    guint              row,
                                                    guint              hour);
/* Of the open days of one weekday, the share whose peak of clients waiting
 * at once in that hour exceeded the waiting room's seats; NaN when no such
 * day was open or the crowding was not read. */
double            daftar_shifts_crowded_share      (const DaftarShiftsData *data,
                                                    guint              row,
                                                    guint              hour);
/* Served tickets per staff member per shift worked; NaN without any. */
double            daftar_shifts_cases_per_staff    (const DaftarShiftsData *data,
                                                    DaftarShift        shift);
/* Heatmap row of a weekday: Saturday 0 … Friday 6. */
guint             daftar_shifts_weekday_row        (GDateWeekday       weekday);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarShiftsData, daftar_shifts_data_free)

G_END_DECLS
