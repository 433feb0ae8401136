/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-staffing-private.h: what the staffing advisor's files share — the model at a count of counters, an hour's evidence, the rows of advice. */
#pragma once

#include "daftar-erlang.h"
#include "daftar-staffing.h"

G_BEGIN_DECLS

#define DAFTAR_STAFFING_N_ROWS  7
#define DAFTAR_STAFFING_N_HOURS 24

/* The model at @counters; zero counters or counters that cannot keep up
 * give an unstable forecast with an infinite wait. */
void                      daftar_staffing_forecast      (const DaftarStaffing *staffing,
                                                         double                arrivals_per_hour,
                                                         double                mean_service_s,
                                                         guint                 counters,
                                                         DaftarQueueForecast  *out);
/* @hour's evidence from its shortfall, its model wait and the wait seen
 * (see DaftarStaffingEvidence). */
DaftarStaffingEvidence    daftar_staffing_hour_evidence (const DaftarStaffing     *staffing,
                                                         const DaftarStaffingHour *hour);
/* Sets @hour's counters_unstaffed and step (see DaftarStaffingStep) from
 * its counters and the office's; needs counters_needed and
 * counters_typical set. */
void                      daftar_staffing_hour_chain    (const DaftarStaffing     *staffing,
                                                         DaftarStaffingHour       *hour);
/* The counters the standards need at this load, searched a margin past
 * max_counters (0 when nobody is served or the standards are unusable). */
guint                     daftar_staffing_counters_needed (const DaftarStaffing *staffing,
                                                           double                arrivals_per_hour,
                                                           double                mean_service_s);
/* Fills staffing->advice and staffing->model_notes from staffing->hours,
 * whose evidence is set (see DaftarStaffingAdvice). */
void                      daftar_staffing_fill_advice   (DaftarStaffing *staffing);
const DaftarStaffingHour *daftar_staffing_find_hour     (const DaftarStaffing *staffing,
                                                         GDateWeekday          weekday,
                                                         guint                 hour);

G_END_DECLS
