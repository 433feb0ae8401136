/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-notices-query.h: the Notices page's figures — read rate per bin, electronic against paper, time to view, and unviewed notices to follow up. */
#pragma once

#include <glib.h>

#include "daftar-db.h"
#include "daftar-period.h"
#include "daftar-enums.h"

G_BEGIN_DECLS


/* Time from issue to view of electronic notices: each bin holds delays in
 * [lower, upper) seconds; NEVER holds notices not viewed (yet). */
typedef enum {
  DAFTAR_VIEW_UNDER_1H,
  DAFTAR_VIEW_1H_6H,
  DAFTAR_VIEW_6H_24H,
  DAFTAR_VIEW_1D_2D,
  DAFTAR_VIEW_2D_3D,
  DAFTAR_VIEW_3D_7D,
  DAFTAR_VIEW_7D_10D,
  DAFTAR_VIEW_OVER_10D,
  DAFTAR_VIEW_NEVER,
  DAFTAR_N_VIEW_BINS,
} DaftarViewBin;

/* Raw names for reports ("under_1h", …, "never"). */
extern const char * const daftar_view_bin_keys[DAFTAR_N_VIEW_BINS];
/* Lower edge of each delay bin in seconds; -1 for NEVER. */
extern const gint64 daftar_view_bin_lower_s[DAFTAR_N_VIEW_BINS];
/* Upper edge (excluded) in seconds; -1 for "no upper edge" and for NEVER. */
extern const gint64 daftar_view_bin_upper_s[DAFTAR_N_VIEW_BINS];

/* Counts of notices issued on some days, from daily_notices. read_rate is
 * viewed / issued, NAN without notices. */
typedef struct
{
  gint64 issued;
  gint64 delivered;
  gint64 viewed;
  gint64 deemed;
  gint64 view_sum_s;
  double read_rate;
} DaftarNoticeCounts;

/* One chart bin: the days of [start, end] that lie in the period. */
typedef struct
{
  GDate              start;   /* first day of the bin (may precede the period) */
  GDate              end;     /* last day of the bin inside the period */
  DaftarNoticeCounts channel[DAFTAR_N_NOTICE_CHANNELS];
} DaftarNoticesBin;

typedef struct
{
  GDate              from;
  GDate              to;
  DaftarBin          bin;
  GArray            *bins;   /* owned: DaftarNoticesBin, every bin of the period in order */
  DaftarNoticeCounts totals[DAFTAR_N_NOTICE_CHANNELS];
  /* Electronic notices issued in the period, by time to view. */
  gint64             time_to_view[DAFTAR_N_VIEW_BINS];
  double             target_read_rate;   /* standards.target_read_rate */
} DaftarNoticesFigures;

/* An electronic notice nobody has viewed yet. */
typedef struct
{
  char   *notice_id;
  char   *case_id;         /* nullable */
  char   *tracking_code;   /* nullable: the case is not (yet) in the database */
  char   *kind;            /* nullable */
  char   *client_name;     /* nullable */
  gint64  issued_at;       /* Unix seconds */
  GDate   issued_day;      /* local day of issue, Tehran */
  guint   days_waiting;    /* days from issued_day to today */
} DaftarUnviewedNotice;

/* Fills @out for @office_code (NULL: every office) over [@from, @to],
 * binned by @bin. Clear @out with daftar_notices_figures_clear. */
gboolean   daftar_notices_query_figures        (DaftarDb              *db,
                                                const char            *office_code,
                                                const GDate           *from,
                                                const GDate           *to,
                                                DaftarBin              bin,
                                                DaftarNoticesFigures  *out,
                                                GError               **error);
void       daftar_notices_figures_clear        (DaftarNoticesFigures  *figures);

/* Electronic notices with no view, issued at least @days days before
 * @today (their local day of issue is @today − @days or earlier). */
gboolean   daftar_notices_query_unviewed_count (DaftarDb              *db,
                                                const char            *office_code,
                                                const GDate           *today,
                                                guint                  days,
                                                gint64                *out_count,
                                                GError               **error);
/* The same notices, oldest first, rows @offset to @offset + @limit − 1:
 * a GPtrArray of DaftarUnviewedNotice. */
GPtrArray *daftar_notices_query_unviewed       (DaftarDb              *db,
                                                const char            *office_code,
                                                const GDate           *today,
                                                guint                  days,
                                                guint                  offset,
                                                guint                  limit,
                                                GError               **error);
void       daftar_unviewed_notice_free         (DaftarUnviewedNotice  *notice);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarUnviewedNotice, daftar_unviewed_notice_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DaftarNoticesFigures, daftar_notices_figures_clear)

G_END_DECLS
