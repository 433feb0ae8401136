/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-cases-query.h: the Cases page's figures — filings by kind per bin, destinations, statuses, per-staff load. */
#pragma once

#include <gio/gio.h>

#include "daftar-db.h"
#include "daftar-period.h"
#include "daftar-queries.h"

G_BEGIN_DECLS

/* Destination scopes, in the order of DaftarCasesFigures.by_scope: the
 * office's own city (or no destination), elsewhere in its province,
 * another province. The names are those of daily_cases.dest_scope. */
#define DAFTAR_N_DEST_SCOPES 3
extern const char * const daftar_dest_scopes[];   /* local, province, other */

#define DAFTAR_CASES_TOP_PLACES 10

/* One bin of the period (a day, a Saturday-to-Friday week or a Jalali
 * month). The first and last bins may reach outside the period; only days
 * inside it are counted. */
typedef struct
{
  GDate   start;
  gint64  by_kind[DAFTAR_N_CASE_KINDS];   /* by DaftarCaseKind */
  gint64  total;
  gint64  sana_registrations;
} DaftarCasesBin;

/* A destination province or city with its filings. */
typedef struct
{
  char   *name;
  char   *province;   /* a city's province; NULL for a province row */
  gint64  cases;
} DaftarCasesPlace;

/* One staff member in one shift over the period. */
typedef struct
{
  char        *staff_id;
  char        *name;             /* nullable: staff record not synced yet */
  DaftarShift  shift;
  gint64       cases;
  gint64       shifts_worked;    /* distinct (local day, shift) with a filing */
  gint64       busiest_shift;    /* most filings in one of those shifts */
  gint64       shifts_over;      /* shifts with more than max_cases_per_staff_shift */
  double       per_shift;        /* cases / shifts_worked */
} DaftarCasesStaffShift;

typedef struct
{
  char            *office_code;   /* nullable: every office */
  GDate            from;
  GDate            to;
  DaftarBin        bin;

  GArray          *bins;          /* DaftarCasesBin, oldest first, one per bin */
  gint64           total;
  gint64           by_kind[DAFTAR_N_CASE_KINDS];
  gint64           sana_registrations;
  gint64           by_scope[DAFTAR_N_DEST_SCOPES];
  gint64           by_status[DAFTAR_N_CASE_STATUSES];   /* by DaftarCaseStatus */

  GPtrArray       *top_provinces; /* DaftarCasesPlace, most filings first (ties by name), at most 10 */
  GPtrArray       *top_cities;    /* idem */
  GPtrArray       *staff_shifts;  /* DaftarCasesStaffShift, by staff id then shift */

  DaftarStandards  standards;
} DaftarCasesFigures;

void                daftar_cases_figures_free (DaftarCasesFigures *figures);

/* Reads every figure of @office_code (NULL: every office) from @from to @to
 * (local days, both included), binned by @bin. Kinds, statuses, scopes and
 * bins come from daily_cases; places from daily_case_places and staff loads
 * from daily_case_staff. Checks @cancellable between the reads. */
DaftarCasesFigures *daftar_query_cases        (DaftarDb      *db,
                                               const char    *office_code,
                                               const GDate   *from,
                                               const GDate   *to,
                                               DaftarBin      bin,
                                               GCancellable  *cancellable,
                                               GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarCasesFigures, daftar_cases_figures_free)

G_END_DECLS
