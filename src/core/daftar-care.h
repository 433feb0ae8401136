/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-care.h: client care (issue 15) — served out of turn, crowding, idle while clients wait, satisfaction — for one office or every office over a period of local days. */
#pragma once

#include <gio/gio.h>

#include "daftar-db.h"
#include "daftar-enums.h"
#include "daftar-queries.h"
#include "daftar-records.h"

G_BEGIN_DECLS

/* The definitions (issue 15, word for word where it matters):
 *
 * A ticket is "waiting at t" when issued_at <= t < end, where end is its
 * called_at, or, for a ticket never called (a no-show, a cancelled ticket
 * or one still waiting), the end of the shift it was issued in: 14:00 local
 * for the morning shift, the next local midnight for the evening shift
 * (daftar_time_shift_for_hour). A ticket belongs to the local day and
 * shift of its issued_at.
 *
 * Served out of turn: a called ticket T jumped ticket U when U has the same
 * service, U.issued_at < T.issued_at, and U was waiting at T.called_at. T
 * is out of turn when it jumped at least one ticket. Tickets issued at the
 * same second jump none of each other.
 *
 * Crowding: w(t) is the number of the office's tickets waiting at t. Per
 * day and hour the peak of w and its time-weighted mean over the hour (a
 * day's w counts that day's tickets inside that day: none waits past
 * midnight unless called after it, which no office does).
 *
 * Idle while clients wait: a counter is open in a shift from its first
 * called_at to its last finished_at among the tickets of that shift called
 * to it. It serves a ticket from its called_at to its finished_at (a ticket
 * called but not finished, such as a no-show, serves no time). Its idle
 * time is the time inside its open span when it serves no ticket while a
 * ticket is waiting for a service that the counter served (outcome
 * "served") in that shift. The counter's open and idle time at t are the
 * staff member's of the ticket called to it last at or before t (the one
 * at the counter), ties in called_at broken by ticket id.
 *
 * Satisfaction: a rating belongs to the local day of its submitted_at. Its
 * wait is its ticket's called_at - issued_at (the ticket of the same office
 * named by ticket_id, when stored and called); the response rate is ratings
 * / served tickets of the period. */

/* The rating's ticket's wait, in bands of minutes: [0, 5), [5, 15),
 * [15, 30), [30, ∞). */
typedef enum {
  DAFTAR_WAIT_BAND_UNDER_5,
  DAFTAR_WAIT_BAND_5_TO_15,
  DAFTAR_WAIT_BAND_15_TO_30,
  DAFTAR_WAIT_BAND_30_AND_MORE,
  DAFTAR_N_WAIT_BANDS
} DaftarWaitBand;

/* The band of a wait of @wait_s seconds (>= 0). */
DaftarWaitBand daftar_wait_band_for_seconds  (gint64         wait_s);
/* The band's lower bound in minutes, and its upper (-1: none). */
int            daftar_wait_band_lower_minutes (DaftarWaitBand band);
int            daftar_wait_band_upper_minutes (DaftarWaitBand band);
/* "0-5", "5-15", "15-30", "30+": the band's key in reports. */
const char    *daftar_wait_band_key           (DaftarWaitBand band);
/* The band as the pages name it, translated, with the UI's digits
 * («۵ تا ۱۵ دقیقه», "5 to 15 minutes"). */
char          *daftar_wait_band_label         (DaftarWaitBand band);

/* Served out of turn ---------------------------------------------------- */

typedef struct
{
  gint64 called;        /* called tickets (called_at set) */
  gint64 out_of_turn;   /* of them, out of turn */
  gint64 jumped;        /* tickets they jumped, summed over them */
  double share;         /* out_of_turn / called; NAN when none was called */
} DaftarOutOfTurnCount;

/* One row of a breakdown: by staff member (staff_id, staff_name) or by
 * counter (counter); the other fields are unset (NULL, -1). */
typedef struct
{
  char                 *staff_id;    /* "" for tickets that named none */
  char                 *staff_name;  /* the staff record's name; NULL when unknown */
  int                   counter;     /* -1 for tickets that named none */
  DaftarOutOfTurnCount  count;
} DaftarOutOfTurnGroup;

/* A ticket served out of turn. */
typedef struct
{
  char          *office_code;
  char          *ticket_id;
  gint64         number;          /* -1 when the ticket had none */
  gint64         called_at;       /* Unix seconds */
  DaftarShift    shift;
  DaftarCaseKind service;
  char          *staff_id;        /* "" when none */
  char          *staff_name;      /* NULL when unknown */
  int            counter;         /* -1 when none */
  gint64         jumped;          /* tickets it jumped */
  gint64         first_waited_s;  /* how long the first jumped client (the
                                   * earliest issued) had waited at called_at */
} DaftarOutOfTurnInstance;

typedef struct
{
  DaftarOutOfTurnCount  total;
  DaftarOutOfTurnCount  by_shift[DAFTAR_N_SHIFTS];
  DaftarOutOfTurnCount  by_service[DAFTAR_N_CASE_KINDS];
  GPtrArray            *by_staff;    /* DaftarOutOfTurnGroup, most out of turn first;
                                      * tickets that named no staff member are in none */
  GPtrArray            *by_counter;  /* DaftarOutOfTurnGroup, by counter; likewise */
  GPtrArray            *worst;       /* DaftarOutOfTurnInstance: most jumped first, then the
                                      * longest first wait, then the newest; at most the limit */
} DaftarOutOfTurnFigures;

/* Crowding ------------------------------------------------------------- */

#define DAFTAR_CARE_N_WEEKDAYS 7   /* rows: Saturday 0 … Friday 6 (daftar_shifts_weekday_row) */
#define DAFTAR_CARE_N_HOURS 24

/* One weekday and hour over the period. A day counts when the office
 * issued a ticket that day (an open day); an open day whose hour saw
 * nobody waiting has a peak of 0 there. */
typedef struct
{
  gint64 days;          /* open days of this weekday */
  gint64 days_over;     /* of them, days whose peak in this hour exceeded the seats */
  double share_over;    /* days_over / days; NAN without days */
  gint64 peak_max;      /* the highest peak */
  double peak_mean;     /* mean of the days' peaks; NAN without days */
  double mean_waiting;  /* time-weighted mean of w over the hour of every day; NAN without days */
} DaftarCrowdingCell;

/* One local day and hour: what the Shifts heatmap's "peak waiting" layer
 * and the tests read. */
typedef struct
{
  char   *office_code;
  GDate   day;
  int     hour;          /* 0..23 local */
  gint64  peak;          /* the most tickets waiting at once in the hour */
  double  mean_waiting;  /* time-weighted mean of w over the hour */
} DaftarCrowdingHour;

typedef struct
{
  gint64             seats;        /* the standard waiting_room_seats the shares are judged by */
  DaftarCrowdingCell cells[DAFTAR_CARE_N_WEEKDAYS][DAFTAR_CARE_N_HOURS];
  DaftarCrowdingCell by_hour[DAFTAR_CARE_N_HOURS];   /* every weekday together */
  gint64             days;         /* open days (office-days for every office) */
  gint64             days_over;    /* of them, days with any hour over the seats */
  gint64             peak;         /* the period's highest peak */
  GDate              peak_day;     /* its first day and hour; invalid without any wait */
  int                peak_hour;
} DaftarCrowdingFigures;

/* Idle while clients wait ------------------------------------------------ */

/* By counter (counter set, staff NULL) or by staff member (staff set,
 * counter -1), in one shift over the period. */
typedef struct
{
  char        *staff_id;      /* "" for tickets that named none */
  char        *staff_name;    /* NULL when unknown */
  int          counter;
  DaftarShift  shift;
  gint64       shifts;        /* shifts (day, shift) it was open in / worked at a counter */
  gint64       open_s;        /* open time */
  gint64       idle_s;        /* idle while clients waited */
  double       share;         /* idle_s / open_s; NAN when never open */
  double       idle_minutes_per_shift;   /* idle_s / 60 / shifts; NAN without shifts */
} DaftarIdleRow;

typedef struct
{
  gint64     open_s;
  gint64     idle_s;
  double     share;           /* idle_s / open_s: the share of open counter-time idle while
                               * clients waited; NAN when no counter was open */
  gint64     by_shift_open_s[DAFTAR_N_SHIFTS];
  gint64     by_shift_idle_s[DAFTAR_N_SHIFTS];
  GPtrArray *by_counter;      /* DaftarIdleRow, by counter then shift (morning first);
                               * for every office, counter N of each together */
  GPtrArray *by_staff;        /* DaftarIdleRow, most idle first, then by staff id and shift */
} DaftarIdleFigures;

/* Satisfaction --------------------------------------------------------- */

typedef struct
{
  char   *staff_id;      /* by staff: "" when the rating's ticket is unknown or named none */
  char   *staff_name;    /* NULL when unknown */
  gint64  n;
  double  mean;          /* NAN without ratings */
} DaftarRatingGroup;

/* A rating with its comment: the client's own words, only ever read for
 * the office's own page (never for a report or every office). */
typedef struct
{
  char                 *id;
  char                 *office_code;
  char                 *ticket_id;     /* nullable */
  char                 *case_id;       /* nullable */
  int                   rating;
  DaftarFeedbackChannel channel;
  gint64                submitted_at;  /* Unix seconds */
  char                 *comment;       /* nullable */
  char                 *staff_id;      /* of its ticket; nullable */
  char                 *staff_name;    /* nullable */
} DaftarFeedbackItem;

typedef struct
{
  gint64             n;                /* ratings */
  double             mean;             /* NAN without ratings */
  gint64             by_rating[DAFTAR_RATING_MAX + 1];   /* [1..5]; [0] unused, 0 */
  gint64             served;           /* served tickets of the period */
  double             response_rate;    /* n / served; NAN without served tickets */
  DaftarRatingGroup  by_wait_band[DAFTAR_N_WAIT_BANDS];  /* staff fields unset */
  gint64             unknown_wait_n;   /* ratings whose ticket (or its wait) is unknown */
  GPtrArray         *by_staff;         /* DaftarRatingGroup, most ratings first; ratings
                                        * whose ticket named no staff member are in none */
} DaftarSatisfactionFigures;

/* Every figure ---------------------------------------------------------- */

typedef struct
{
  GDate                      from;
  GDate                      to;
  DaftarStandards            standards;
  DaftarOutOfTurnFigures     out_of_turn;
  DaftarCrowdingFigures      crowding;
  DaftarIdleFigures          idle;
  DaftarSatisfactionFigures  satisfaction;
  /* The newest low ratings (1 and 2) with their comments: only for one
   * office (empty, never NULL, for every office). */
  GPtrArray                 *low_ratings;   /* DaftarFeedbackItem, newest first */
} DaftarCareFigures;

#define DAFTAR_CARE_WORST_LIMIT 20   /* out-of-turn instances a page lists */
#define DAFTAR_CARE_LOW_LIMIT 20     /* low ratings a page lists */

void                daftar_out_of_turn_group_free    (DaftarOutOfTurnGroup    *group);
void                daftar_out_of_turn_instance_free (DaftarOutOfTurnInstance *instance);
void                daftar_crowding_hour_free        (DaftarCrowdingHour      *hour);
void                daftar_idle_row_free             (DaftarIdleRow           *row);
void                daftar_rating_group_free         (DaftarRatingGroup       *group);
void                daftar_feedback_item_free        (DaftarFeedbackItem      *item);

void                daftar_out_of_turn_figures_clear  (DaftarOutOfTurnFigures    *figures);
void                daftar_idle_figures_clear         (DaftarIdleFigures         *figures);
void                daftar_satisfaction_figures_clear (DaftarSatisfactionFigures *figures);
void                daftar_care_figures_free          (DaftarCareFigures         *figures);

/* Each figure for @office_code (NULL: every office) from @from to @to
 * (local days, inclusive), read from the rollups that ingest keeps. On
 * failure @out is left cleared. */
gboolean            daftar_care_query_out_of_turn  (DaftarDb                  *db,
                                                    const char                *office_code,
                                                    const GDate               *from,
                                                    const GDate               *to,
                                                    guint                      worst_limit,
                                                    DaftarOutOfTurnFigures    *out,
                                                    GError                   **error);
gboolean            daftar_care_query_crowding     (DaftarDb                  *db,
                                                    const char                *office_code,
                                                    const GDate               *from,
                                                    const GDate               *to,
                                                    gint64                     seats,
                                                    DaftarCrowdingFigures     *out,
                                                    GError                   **error);
gboolean            daftar_care_query_idle         (DaftarDb                  *db,
                                                    const char                *office_code,
                                                    const GDate               *from,
                                                    const GDate               *to,
                                                    DaftarIdleFigures         *out,
                                                    GError                   **error);
gboolean            daftar_care_query_satisfaction (DaftarDb                  *db,
                                                    const char                *office_code,
                                                    const GDate               *from,
                                                    const GDate               *to,
                                                    DaftarSatisfactionFigures *out,
                                                    GError                   **error);

/* The peak and mean of w per day and hour (hours in which anyone waited),
 * by office, day and hour: DaftarCrowdingHour. */
GPtrArray          *daftar_care_query_crowding_hours (DaftarDb      *db,
                                                      const char    *office_code,
                                                      const GDate   *from,
                                                      const GDate   *to,
                                                      GError       **error);

/* The office's newest ratings of at most @max_rating (2: the low ones),
 * with their comments, newest first, at most @limit. @office_code is
 * required: comments never leave the office's own page. */
GPtrArray          *daftar_care_query_low_ratings  (DaftarDb      *db,
                                                    const char    *office_code,
                                                    const GDate   *from,
                                                    const GDate   *to,
                                                    int            max_rating,
                                                    guint          limit,
                                                    GError       **error);

/* The office's ratings whose comment holds @text, folded as the case
 * search folds (daftar_text_search_key: ي/ی, ك/ک, digits, ZWNJ), newest
 * first, at most @limit. @office_code is required, as above. */
GPtrArray          *daftar_care_search_comments    (DaftarDb      *db,
                                                    const char    *office_code,
                                                    const char    *text,
                                                    guint          limit,
                                                    GError       **error);

/* Every figure of the Client care page at once, with the standards in
 * force. Checks @cancellable between reads. */
DaftarCareFigures  *daftar_care_query              (DaftarDb      *db,
                                                    const char    *office_code,
                                                    const GDate   *from,
                                                    const GDate   *to,
                                                    GCancellable  *cancellable,
                                                    GError       **error);

/* Rollups (ingest) ------------------------------------------------------ */

/* Replaces the client-care rollups of @office_code for the local day @day
 * (midnight @start to the next midnight @end) with a sweep over the day's
 * tickets and ratings. Runs inside the caller's transaction; called by
 * daftar_rollups_recompute_day. */
gboolean            daftar_care_recompute_day      (DaftarDb      *db,
                                                    const char    *office_code,
                                                    const char    *day,
                                                    gint64         start,
                                                    gint64         end,
                                                    GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarCareFigures, daftar_care_figures_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarFeedbackItem, daftar_feedback_item_free)

G_END_DECLS
