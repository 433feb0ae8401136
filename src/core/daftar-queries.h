/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-queries.h: the figures that screens and reports show, read from the rollups. */
#pragma once

#include <glib.h>

#include "daftar-db.h"
#include "daftar-enums.h"

G_BEGIN_DECLS

/* The waiting room's seats where the server has sent none; the rollups
 * count crowded hours against it too (daftar-rollup-levels.c). */
#define DAFTAR_WAITING_ROOM_SEATS_DEFAULT 20

/* The seats in force, in SQL: a whole number, as the figures count them. */
#define DAFTAR_SQL_WAITING_ROOM_SEATS \
  "coalesce ((SELECT CAST (value AS INTEGER) FROM standards WHERE key = 'waiting_room_seats'), " \
  G_STRINGIFY (DAFTAR_WAITING_ROOM_SEATS_DEFAULT) ")"

/* Targets of the service standards, with the judiciary's defaults where the
 * server has sent none. */
typedef struct
{
  double target_wait_minutes;
  double target_service_level;
  double target_read_rate;
  double max_cases_per_staff_shift;
  double occupancy_cap;
  double max_counters;
  /* Client care (issue 15). */
  double max_out_of_turn_share;  /* share of called tickets served out of turn */
  double waiting_room_seats;     /* chairs: more clients waiting than this is crowding */
  double target_rating;          /* mean of the clients' ratings, 1..5 */
} DaftarStandards;

/* Key figures of one office (or every office) over a range of local days.
 * Ratios and means are NAN when there is nothing to divide by. */
typedef struct
{
  GDate   from;
  GDate   to;

  gint64  cases;
  gint64  cases_by_kind[DAFTAR_N_CASE_KINDS];   /* by DaftarCaseKind */
  gint64  sana_registrations;

  gint64  tickets_issued;
  gint64  tickets_served;
  gint64  tickets_no_show;
  double  wait_mean_minutes;
  int     wait_p90_minutes;                     /* -1 without served tickets */
  double  served_within_target;                 /* share of served tickets */

  gint64  e_notices_issued;
  gint64  e_notices_viewed;
  double  e_read_rate;
  gint64  paper_notices_issued;
  gint64  paper_notices_viewed;
  double  paper_read_rate;

  DaftarStandards standards;
} DaftarPeriodSummary;

typedef struct
{
  char *code;
  char *name;
  char *city;
} DaftarOfficeInfo;

void       daftar_office_info_free       (DaftarOfficeInfo *info);

gboolean   daftar_query_standards        (DaftarDb             *db,
                                          DaftarStandards      *out,
                                          GError              **error);

/* The name of staff member @staff_id in *@out_name (NULL when the staff
 * record has not come yet). */
gboolean   daftar_query_staff_name       (DaftarDb             *db,
                                          const char           *staff_id,
                                          char                **out_name,
                                          GError              **error);

/* Offices in the database, by name. */
GPtrArray *daftar_query_offices          (DaftarDb             *db,
                                          GError              **error);

/* The first and last local day holding any ticket, case or notice of
 * @office_code (NULL: of any office). FALSE with no error if there is none. */
gboolean   daftar_query_data_span        (DaftarDb             *db,
                                          const char           *office_code,
                                          GDate                *first,
                                          GDate                *last,
                                          GError              **error);

/* @office_code NULL sums every office. */
gboolean   daftar_query_period_summary   (DaftarDb             *db,
                                          const char           *office_code,
                                          const GDate          *from,
                                          const GDate          *to,
                                          DaftarPeriodSummary  *out,
                                          GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarOfficeInfo, daftar_office_info_free)

G_END_DECLS
