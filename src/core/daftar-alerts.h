/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-alerts.h: the Overview's alerts — standards breached per shift and day and rolled up per shift, read rate under target, sync stale or failed. */
#pragma once

#include <glib-object.h>

#include "daftar-db.h"
#include "daftar-enums.h"
#include "daftar-queries.h"

G_BEGIN_DECLS

/* Per-day alerts shown at most; the rest are counted. */
#define DAFTAR_ALERTS_MAX_DAY_ALERTS 50

/* Notices issued less than this many days before today have had no time to
 * be viewed: a read rate is judged only over older ones. */
#define DAFTAR_ALERTS_READ_RATE_MIN_AGE_DAYS 3

/* The fewest ratings a mean rating is judged on. Ratings of 1..5 spread
 * with a standard deviation of about 1.2 (clients mostly give 4 or 5 and a
 * few give 1 or 2), so the mean of n of them is uncertain by about 1.2/√n:
 * ± 0.7 for three ratings, which a mean of 3.3 against a target of 4
 * cannot tell from chance, and ± 0.2 for thirty, where a mean half a point
 * under the target is more than two such errors away. Thirty is also about
 * two days of an office's text-message answers, so the alert is not slow
 * to come for a period of a week or more. */
#define DAFTAR_ALERTS_RATING_MIN_COUNT 30

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
  /* Client care (issue 15). */
  DAFTAR_ALERT_OUT_OF_TURN_BREACHED,    /* "out_of_turn": share of a shift's called tickets served out of turn above the standard */
  DAFTAR_ALERT_CROWDING_BREACHED,       /* "crowding": more clients waiting at once in a shift than the waiting room's seats */
  DAFTAR_ALERT_RATING_BELOW_TARGET,     /* "rating": the clients' mean rating of the period below target */
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
  DaftarShift          shift;        /* per-shift alerts only: wait, service level, out of turn, crowding */
  /* Wait: minutes. Service level, read rate and out of turn: ratios 0..1.
   * Crowding: the most clients waiting at once in the shift. Rating: the
   * mean, 1..5. Sync stale: hours since the last successful sync, NAN if
   * none ever succeeded. Sync failed: NAN. */
  double               value;
  /* The standard; crowding: the waiting room's seats; sync stale: 24 (hours). */
  double               target;
  /* Out of turn: the tickets served out of turn, of @total called. Rating:
   * the ratings counted (@total unset). Else 0. */
  gint64               count;
  gint64               total;
  /* Sync stale: the last successful sync (0: none); sync failed: when the
   * failed run started. Else 0. */
  gint64               time;
  char                *detail;       /* owned, nullable: sync failed: the run's message, or its result */
} DaftarAlert;

/* One shift's breaches of one standard over a period: "evening wait over
 * the standard on 9 of 22 working days; worst 14 Azar: 95 min". */
typedef struct
{
  DaftarAlertKind      kind;             /* a per-shift kind: wait, service level, out of turn or crowding */
  DaftarAlertSeverity  severity;         /* the most severe of its days' */
  char                *office_code;      /* owned */
  DaftarShift          shift;
  double               target;           /* the standard */
  /* Working days: the days of the period on which this office's shift
   * issued at least one queue ticket, i.e. it was open. */
  guint                n_working_days;
  GPtrArray           *days;             /* owned: DaftarAlert, the breached days, newest first */
  const DaftarAlert   *worst;            /* in days: the highest value (the smallest share served in
                                          * time), the newest of equals */
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

/* The alerts of the wait and notice standards and of sync (the client-care
 * standards' are daftar_query_care_alerts()) of @office_code (NULL: every
 * office, one alert per office) over the local days @from..@to, as of @now (Unix seconds; its local day is the
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

/* Whether alerts of @kind are per shift and day (rolled up), and carry
 * notes per shift. */
gboolean   daftar_alert_kind_is_per_shift (DaftarAlertKind kind);

/* The alerts of the client-care standards of @office_code (NULL: every
 * office, one alert per office) over @from..@to against @standards,
 * appended to @alerts: first the mean rating of each office under
 * target_rating, judged only on DAFTAR_ALERTS_RATING_MIN_COUNT ratings or
 * more (day: @to; no feedback, no alert), then the breaches per (office,
 * day, shift) newest first: a share of called tickets served out of turn
 * above max_out_of_turn_share, a peak of clients waiting at once above
 * waiting_room_seats. Read from the client-care rollups (daftar-care.h). */
gboolean   daftar_query_care_alerts   (DaftarDb               *db,
                                       const char             *office_code,
                                       const GDate            *from,
                                       const GDate            *to,
                                       const DaftarStandards  *standards,
                                       GPtrArray              *alerts,
                                       GError                **error);

/* The same alerts and the client-care ones, with @today (the office's day,
 * which may be set apart from @now) deciding which notices are old enough,
 * and every per-day breach in a roll-up per office, standard and shift:
 * *@out_alerts receives the others (sync, read rate, then rating) and
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
