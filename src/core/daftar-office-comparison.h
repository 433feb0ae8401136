/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-office-comparison.h: the key figures of every office side by side, for the "all offices" view and report. */
#pragma once

#include <glib.h>

#include "daftar-db.h"

G_BEGIN_DECLS

/* One office over a range of local days, from the rollups; the same
 * definitions as DaftarPeriodSummary. Means and ratios are NAN when there is
 * nothing to divide by. */
typedef struct
{
  char   *code;                   /* owned */
  char   *name;                   /* owned */
  gint64  cases;
  gint64  sana_registrations;
  gint64  tickets_issued;
  gint64  tickets_served;
  double  wait_mean_minutes;
  double  served_within_target;   /* share of served tickets within the standard wait */
  gint64  e_notices_issued;
  gint64  e_notices_viewed;
  double  e_read_rate;
} DaftarOfficeFigures;

void       daftar_office_figures_free      (DaftarOfficeFigures *figures);

/* Every office of the database (by name, as daftar_query_offices), each with
 * its figures for @from..@to; offices without records show zeros. */
GPtrArray *daftar_query_office_comparison  (DaftarDb     *db,
                                            const GDate  *from,
                                            const GDate  *to,
                                            GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarOfficeFigures, daftar_office_figures_free)

G_END_DECLS
