/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-alerts.h: the Overview's alerts — standards breached per shift and day and rolled up per shift, read rate under target, sync stale or failed. */
#pragma once

#include <glib-object.h>

#include "daftar-db.h"
#include "daftar-enums.h"

G_BEGIN_DECLS

/* Per-day alerts shown at most; the rest are counted. */
#define DAFTAR_ALERTS_MAX_DAY_ALERTS 50

/* Notices issued less than this many days before today have had no time to
 * be viewed: a read rate is judged only over older ones. */
#define DAFTAR_ALERTS_READ_RATE_MIN_AGE_DAYS 3

/* A sync older than this is stale. */
#define DAFTAR_ALERTS_SYNC_STALE_SECONDS (24 * 3600)

/* The nicks name the standard in the annotations table: renaming one
 * orphans the notes stored under it. */
typedef enum {
  DAFTAR_ALERT_WAIT_BREACHED,           /* "wait": mean wait of a shift above the standard */
  DAFTAR_ALERT_SERVICE_LEVEL_BREACHED,  /* "service_level": share served within the standard wait below target */
  DAFTAR_ALERT_READ_RATE_BELOW_TARGET,  /* "read_rate": e-notice read rate of the period below target */
  DAFTAR_ALERT_SYNC_STALE,              /* "sync_stale": no successful sync for a day or more */
  DAFTAR_ALERT_SYNC_FAILED,             /* "sync_failed": the last sync failed */
} DaftarAlertKind;

#define DAFTAR_TYPE_ALERT_KIND (daftar_alert_kind_get_type ())
GType daftar_alert_kind_get_type (void) G_GNUC_CONST;

typedef enum {
  DAFTAR_ALERT_WARNING,
  DAFTAR_ALERT_CRITICAL,
} DaftarAlertSeverity;

typedef struct
{
  DaftarAlertKind      kind;
  DaftarAlertSeverity  severity;
  char                *office_code;  /* owned, nullable: sync alerts */
  GDate                day;          /* per-day alerts; read rate: the last day counted; else invalid */
  DaftarShift          shift;        /* wait and service level alerts only */
  /* Wait: minutes. Service level and read rate: ratios 0..1. Sync stale:
   * hours since the last successful sync, NAN if none ever succeeded.
   * Sync failed: NAN. */
  double               value;
  double               target;       /* the standard; sync stale: 24 (hours) */
  /* Sync stale: the last successful sync (0: none); sync failed: when the
   * failed run started. Else 0. */
  gint64               time;
  char                *detail;       /* owned, nullable: sync failed: the run's message, or its result */
} DaftarAlert;

/* One shift's breaches of one standard over a period: "evening wait over
 * the standard on 9 of 22 working days; worst 14 Azar: 95 min". */
typedef struct
{
  DaftarAlertKind      kind;             /* DAFTAR_ALERT_WAIT_BREACHED or _SERVICE_LEVEL_BREACHED */
  DaftarAlertSeverity  severity;         /* the most severe of its days' */
  char                *office_code;      /* owned */
  DaftarShift          shift;
  double               target;           /* the standard */
  /* Working days: the days of the period on which this office's shift
   * issued at least one queue ticket, i.e. it was open. */
  guint                n_working_days;
  GPtrArray           *days;             /* owned: DaftarAlert, the breached days, newest first */
  const DaftarAlert   *worst;            /* in days: the longest wait or smallest share, the newest of equals */
} DaftarAlertRollup;

void       daftar_alert_free         (DaftarAlert  *alert);
void       daftar_alert_rollup_free  (DaftarAlertRollup *rollup);

/* The last day of @from..@to whose electronic notices have had time to be
 * viewed by @today: @to, or @today − DAFTAR_ALERTS_READ_RATE_MIN_AGE_DAYS
 * if earlier. FALSE when that is before @from: none of the period's
 * notices can be judged yet. */
gboolean   daftar_read_rate_last_judged_day (const GDate *from,
                                             const GDate *to,
                                             const GDate *today,
                                             GDate       *out_last);

/* The e-notice read rate of @office_code (NULL: every office together) over
 * the notices of @from..@to old enough to judge as of @today (see
 * daftar_read_rate_last_judged_day): *@out_rate is NAN and *@out_last
 * invalid when there are none. */
gboolean   daftar_query_judged_read_rate (DaftarDb     *db,
                                          const char   *office_code,
                                          const GDate  *from,
                                          const GDate  *to,
                                          const GDate  *today,
                                          double       *out_rate,
                                          GDate        *out_last,
                                          GError      **error);

/* The alerts of @office_code (NULL: every office, one alert per office) over
 * the local days @from..@to, as of @now (Unix seconds; its local day is the
 * "today" that decides which notices are old enough for the read rate):
 * sync alerts first, then read-rate alerts, then per (office, day, shift)
 * breaches newest first, at most @max_day_alerts of them; *@out_n_omitted
 * (nullable) receives how many more breaches there were. */
GPtrArray *daftar_query_alerts_full  (DaftarDb     *db,
                                      const char   *office_code,
                                      const GDate  *from,
                                      const GDate  *to,
                                      gint64        now,
                                      guint         max_day_alerts,
                                      guint        *out_n_omitted,
                                      GError      **error);

/* The same with at most DAFTAR_ALERTS_MAX_DAY_ALERTS per-day alerts. */
GPtrArray *daftar_query_alerts       (DaftarDb     *db,
                                      const char   *office_code,
                                      const GDate  *from,
                                      const GDate  *to,
                                      gint64        now,
                                      GError      **error);

/* The same alerts, with @today (the office's day, which may be set apart
 * from @now) deciding which notices are old enough, and every per-day
 * breach in a roll-up per office, standard and shift: *@out_alerts
 * receives the others (sync and read rate, in the order above) and
 * *@out_rollups the roll-ups, most severe first, then those with more days
 * breached. */
gboolean   daftar_query_alert_rollups (DaftarDb     *db,
                                       const char   *office_code,
                                       const GDate  *from,
                                       const GDate  *to,
                                       gint64        now,
                                       const GDate  *today,
                                       GPtrArray   **out_alerts,
                                       GPtrArray   **out_rollups,
                                       GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarAlert, daftar_alert_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarAlertRollup, daftar_alert_rollup_free)

G_END_DECLS
