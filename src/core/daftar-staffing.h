/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-staffing.h: the staffing advisor — counters needed per weekday and hour, advice, capacity verdict and what-if. */
#pragma once

#include <glib-object.h>

#include "daftar-db.h"
#include "daftar-enums.h"
#include "daftar-queries.h"

G_BEGIN_DECLS

#define DAFTAR_STAFFING_ERROR (daftar_staffing_error_quark ())

typedef enum {
  DAFTAR_STAFFING_ERROR_NO_OFFICE,   /* several offices and none chosen */
  DAFTAR_STAFFING_ERROR_INVALID,     /* weeks or a what-if value out of range */
} DaftarStaffingError;

GQuark daftar_staffing_error_quark (void);

#define DAFTAR_STAFFING_DEFAULT_WEEKS          4
#define DAFTAR_STAFFING_DEFAULT_WEEKS_REQUIRED 3

/* How far past max_counters the search for the counters an hour needs goes,
 * and a bound it never passes whatever the standards say. An hour that
 * needs more is reported as needing one more than the bound. */
#define DAFTAR_STAFFING_SEARCH_MARGIN  20
#define DAFTAR_STAFFING_SEARCH_CEILING 128

/* Why an hour gets advice, or why it does not. An hour whose counters
 * meet the standards by the model is NONE; for the others the waits the
 * office saw decide how far the model is trusted:
 *   OBSERVED           clients waited longer than the standard's limit on
 *                      average: the queue bears the model out;
 *   MODEL              the waits stayed within the limit, but the model,
 *                      whose wait is not far from the one seen, misses the
 *                      service level or the occupancy cap;
 *   OVERLOAD_NOT_SEEN  by the hour's average the counters cannot keep up
 *                      (traffic >= counters), yet the waits stayed within
 *                      the limit: the clients came in a rush the next hour
 *                      absorbed, or staff worked faster, so the steady
 *                      state the model assumes never came;
 *   OVERSTATED         the model's wait is far above the one seen, which
 *                      stayed within the limit;
 *   UNCHECKED          nobody was served: nothing to check the model by.
 * Only OBSERVED and MODEL are evidence; the last three are advised on only
 * beside hours with evidence (see DaftarStaffingAdvice). */
typedef enum {
  DAFTAR_STAFFING_EVIDENCE_NONE,                 /* "none" */
  DAFTAR_STAFFING_EVIDENCE_OBSERVED,             /* "observed" */
  DAFTAR_STAFFING_EVIDENCE_MODEL,                /* "model" */
  DAFTAR_STAFFING_EVIDENCE_OVERLOAD_NOT_SEEN,    /* "overload_not_seen" */
  DAFTAR_STAFFING_EVIDENCE_OVERSTATED,           /* "overstated" */
  DAFTAR_STAFFING_EVIDENCE_UNCHECKED,            /* "unchecked" */
} DaftarStaffingEvidence;

/* How the model's wait compares with the one seen, over a row's hours. */
typedef enum {
  DAFTAR_STAFFING_FIT_CLOSE,         /* "close": neither far above nor far below */
  DAFTAR_STAFFING_FIT_OVERSTATES,    /* "overstates": far above what was seen */
  DAFTAR_STAFFING_FIT_UNDERSTATES,   /* "understates": far below what was seen */
  DAFTAR_STAFFING_FIT_UNCHECKED,     /* "unchecked": nobody was served */
} DaftarStaffingFit;

#define DAFTAR_TYPE_STAFFING_EVIDENCE (daftar_staffing_evidence_get_type ())
GType daftar_staffing_evidence_get_type (void) G_GNUC_CONST;
#define DAFTAR_TYPE_STAFFING_FIT (daftar_staffing_fit_get_type ())
GType daftar_staffing_fit_get_type (void) G_GNUC_CONST;

/* A wait is "far" from another when it is more than twice as long and
 * longer by more than five minutes: 19 min against 6 is far, 11 against
 * 9 is not, and a few minutes either way at short waits never is. */
#define DAFTAR_STAFFING_FAR_RATIO   2.0
#define DAFTAR_STAFFING_FAR_SECONDS (5 * 60.0)

/* One weekday and hour over the window: the load, the counters the office
 * had open and the counters the standards need. Only hours in which the
 * office issued tickets are listed. */
typedef struct
{
  GDateWeekday weekday;
  guint        hour;                     /* 0..23, local */
  guint        open_days;                /* days of this weekday with any ticket */
  gint64       arrivals;                 /* tickets issued in this hour, summed */
  gint64       served;
  double       arrivals_per_hour;        /* arrivals / open_days */
  double       mean_service_s;           /* NAN when nobody was served */
  double       counters_open;            /* mean over the open days */
  guint        counters_typical;         /* counters_open rounded: what the office usually runs */
  guint        counters_needed;          /* for the standards; may exceed max_counters, by at most
                                          * DAFTAR_STAFFING_SEARCH_MARGIN + 1 */
  int          shortfall;                /* counters_needed - counters_typical */
  double       predicted_wait_s;         /* the model at counters_typical; INFINITY when it cannot keep up */
  double       predicted_service_level;
  double       predicted_occupancy;
  double       observed_wait_s;          /* NAN when nobody was served */
  DaftarStaffingEvidence evidence;       /* NONE unless shortfall > 0 */
  guint        counters_unstaffed;       /* office_counters - counters_typical, at least 0 */
  DaftarStaffingStep step;               /* meaningful only when shortfall > 0 (see below) */
} DaftarStaffingHour;

/* The step of the judiciary's chain an hour with a shortfall is on:
 *   NEW_OFFICE  counters_needed > max_counters: no staffing within the
 *               counters the standards allow meets them, and the hour
 *               counts toward the evidence for a new office;
 *   STAFF       otherwise, when counters stood unstaffed in the hour
 *               (counters_typical < office_counters): seat staff at them;
 *   COUNTER     otherwise: every counter the office has was staffed, and
 *               it needs more, at most max_counters in all.
 * "Counters open in an hour" is counters_typical: the mean over the
 * weekday's open days of the distinct counters that started serving a
 * ticket within that hour (hourly_tickets.counters_open), rounded — the
 * count the shortfall is measured from. A counter open for part of the
 * hour counts as open. */

/* One row of advice: a rectangle of the week, consecutive weekdays
 * (Saturday first) by consecutive hours of one shift, whose every hour
 * gets the same number of counters. Every hour with evidence (OBSERVED or
 * MODEL) lies in exactly one row, whose count is its own shortfall. An
 * hour without evidence joins a row only beside an hour of the row that
 * has some (the hour before or after, or the same hour a day before or
 * after), only when its own shortfall is at least the row's count (so no
 * hour is advised more than the model asks), and only while the row's
 * hours with evidence are at least as many as those without: such an hour
 * is never advised on alone. The hours without evidence left over form
 * the model notes, rectangles of one kind of evidence that give no advice.
 * Every hour of a row is on the same step, and the row's count splits
 * alike at each of them into staff at unstaffed counters and new counters.
 * Rows are in the office week's order, then by hour. */
typedef struct
{
  GDateWeekday        first_weekday;
  GDateWeekday        last_weekday;       /* the same or later in the office week */
  DaftarShift         shift;              /* daftar_time_shift_for_hour of its hours */
  guint               from_hour;          /* first hour of the block */
  guint               to_hour;            /* end of the block: the hour after the last one */
  int                 add_counters;       /* advice: > 0, each hour's count; a note: the least its hours' model asks */
  DaftarStaffingEvidence evidence;        /* advice: OBSERVED if any hour has it, else MODEL; a note: its kind */
  DaftarStaffingFit   fit;                /* the model's wait against the one seen, over the row */
  guint               n_hours;            /* weekdays x hours */
  guint               n_observed;         /* hours with OBSERVED evidence */
  guint               n_model;            /* hours with MODEL evidence */
  guint               n_unconfirmed;      /* hours without evidence (always all of a note's) */
  guint               n_unbounded;        /* hours at which the counters open cannot keep up, by the model */
  guint               counters_open_min;  /* counters_typical over the hours */
  guint               counters_open_max;
  guint               counters_needed;    /* the most any hour needs */
  double              predicted_wait_s;   /* arrival-weighted over the hours the model can keep up at;
                                           * INFINITY when it can at none */
  double              observed_wait_s;    /* served-weighted observed wait; NAN when none */
  double              predicted_service_level; /* arrival-weighted, at the counters open */
  double              predicted_occupancy;     /* the busiest hour's, at the counters open */
  DaftarStaffingStep  step;               /* every hour of the row is on this step */
  int                 add_staff;          /* of add_counters, staff to seat at counters that stood
                                           * unstaffed (the same at every hour of the row) */
  int                 add_new_counters;   /* the rest: counters to add; add_staff + add_new_counters
                                           * == add_counters */
} DaftarStaffingAdvice;

/* One of the last weeks (seven days ending on the reference day, counted
 * back): its busiest hour and whether it needed more than max_counters. */
typedef struct
{
  GDate        from;
  GDate        to;
  double       peak_arrivals_per_hour;    /* 0 when the office was closed all week */
  GDateWeekday peak_weekday;              /* G_DATE_BAD_WEEKDAY when closed */
  guint        peak_hour;
  guint        peak_counters_needed;      /* the most any hour of the week needed */
  gboolean     over_capacity;             /* peak_counters_needed > max_counters */
} DaftarStaffingWeek;

typedef struct
{
  char            *office_code;          /* owned */
  GDate            from;                 /* the window: @weeks whole weeks ending on @to */
  GDate            to;
  guint            weeks;                /* L */
  guint            weeks_required;       /* K */
  DaftarStandards  standards;            /* brought within daftar_standard_ranges */
  guint            max_counters;         /* standards.max_counters as a count */
  /* The counters the office has: offices.counters, or, where the office
   * record gives none, the most counters seen open in any one hour of the
   * window (office_counters_known FALSE). */
  guint            office_counters;
  gboolean         office_counters_known;

  GArray          *hours;                /* DaftarStaffingHour, Saturday first, then by hour */
  GArray          *advice;               /* DaftarStaffingAdvice: what to do, with the reason */
  GArray          *model_notes;          /* DaftarStaffingAdvice: hours the model alone flags, not advised */
  GArray          *week_checks;          /* DaftarStaffingWeek, oldest first, @weeks of them */

  /* The capacity verdict: reached when at least K of the last L weeks
   * needed more than max_counters in some hour. */
  gboolean         capacity_reached;
  guint            weeks_over_capacity;
  double           peak_arrivals_per_hour;   /* busiest hour of the window, as a weekday mean */
  GDateWeekday     peak_weekday;
  guint            peak_hour;
  guint            peak_counters_needed;
} DaftarStaffing;

#define DAFTAR_STAFFING_MAX_WEEKS 520

void            daftar_staffing_free           (DaftarStaffing *staffing);

/* Reads hourly_tickets of @office_code (NULL: the only office in the
 * database) for @weeks weeks ending on @to and the standards. @weeks 0
 * means DAFTAR_STAFFING_DEFAULT_WEEKS; @weeks_required 0 means 3 of 4,
 * i.e. three quarters of @weeks rounded up. At most
 * DAFTAR_STAFFING_MAX_WEEKS weeks. */
DaftarStaffing *daftar_staffing_compute        (DaftarDb       *db,
                                                const char     *office_code,
                                                const GDate    *to,
                                                guint           weeks,
                                                guint           weeks_required,
                                                GError        **error);

/* The first and last day on which @office_code (NULL: the only office)
 * issued queue tickets, so a caller can keep its window to the data.
 * FALSE with no error set when there are none. */
gboolean        daftar_staffing_ticket_days    (DaftarDb       *db,
                                                const char     *office_code,
                                                GDate          *out_first,
                                                GDate          *out_last,
                                                GError        **error);

/* «شنبه», "Saturday". */
char           *daftar_staffing_weekday_name   (GDateWeekday weekday);
/* A row's weekdays, translated: «شنبه», «شنبه و یکشنبه», «شنبه تا چهارشنبه». */
char           *daftar_staffing_weekdays_text  (const DaftarStaffingAdvice *advice);
/* What to do, in the manager's words and by the row's step:
 * «شنبه تا چهارشنبه، ساعت ۹ تا ۱۱: ۲ کارمند به باجه‌های موجود اضافه کنید»,
 * «…: یک باجه اضافه کنید», or that even max_counters fall short; for a
 * model note, that no counter is advised. */
char           *daftar_staffing_advice_text    (const DaftarStaffingAdvice *advice);
/* Why: the waits seen against the standard, or what the model misses,
 * and how many hours rest on the model alone; for a model note, why the
 * model is not followed there. */
char           *daftar_staffing_reason_text    (const DaftarStaffing       *staffing,
                                                const DaftarStaffingAdvice *advice);
/* The model beside what was seen, and whether it is far from it:
 * «مشاهده‌شده: ۶ دقیقه؛ پیش‌بینی مدل: ۱۹ دقیقه، بسیار بیشتر از آنچه دیده شد» */
char           *daftar_staffing_model_check_text (const DaftarStaffingAdvice *advice);
/* The verdict and its figures in one paragraph, or NULL when not reached. */
char           *daftar_staffing_capacity_text  (const DaftarStaffing *staffing);

/* Where the office stands on the chain, with the evidence for a new
 * office, for the Shifts page, the report and the staffing evidence
 * document. Filled by daftar_staffing_step_summary(). */
typedef struct
{
  /* FALSE when nothing is advised and the capacity verdict is not reached:
   * the office is on no step, and @step means nothing. */
  gboolean           has_step;
  /* NEW_OFFICE when the capacity verdict is reached or a row of advice is
   * on that step; otherwise the furthest step of any row of advice. */
  DaftarStaffingStep step;
  guint              hours[DAFTAR_N_STAFFING_STEPS];  /* advised weekday-hours on each step */
  guint              most_staff;          /* the most staff any row seats at unstaffed counters */
  guint              most_new_counters;   /* the most counters any row of the STAFF or COUNTER
                                           * step adds */
  guint              office_counters;     /* as DaftarStaffing */
  gboolean           office_counters_known;
  guint              max_counters;

  /* The evidence for a new office. The weeks are those of the capacity
   * verdict (DaftarStaffing.week_checks); the peak is the window's
   * busiest hour as a weekday mean. */
  gboolean           capacity_reached;
  guint              weeks_over_capacity;
  guint              weeks;
  guint              weeks_required;
  GDateWeekday       peak_weekday;        /* G_DATE_BAD_WEEKDAY when no tickets */
  guint              peak_hour;
  double             peak_arrivals_per_hour;
  double             peak_mean_service_s;
  guint              peak_counters_needed;
  /* The most whole clients per hour that max_counters serve within the
   * standards at the peak hour's service time, and the fewest counters
   * that serve the rest of the peak's clients within them: what a second
   * office would need. Both 0 when max_counters carry the peak. */
  guint              capacity_arrivals_per_hour;
  guint              second_office_counters;
} DaftarStaffingStepSummary;

/* Fills @out from @staffing (no database access). */
void            daftar_staffing_step_summary   (const DaftarStaffing      *staffing,
                                                DaftarStaffingStepSummary *out);
/* The capacity verdict naming the office's step, in the manager's words,
 * with the evidence for a new office on that step; NULL when the office is
 * on no step. */
char           *daftar_staffing_step_text      (const DaftarStaffing *staffing);

/* What the manager changes on the Shifts page. Each hour runs the counters
 * it usually runs, moved by as many as the shift's counters are moved from
 * the shift's usual most (never below one where it had any); an hour an
 * applied piece of advice covers runs at least what that advice asks. At
 * the defaults every hour runs exactly what the advice was computed for. */
typedef struct
{
  guint  morning_counters;      /* >= 1: the most counters open at once */
  guint  evening_counters;      /* >= 1 */
  double service_time_factor;   /* 1.0 = as observed; > 0 */
  double arrivals_factor;       /* 1.0 = as observed; >= 0 */
  guint8 at_least[7][24];       /* [row][hour]: counters an applied piece of advice asks; 0 none */
} DaftarStaffingWhatIf;

/* A wait the model counts in a headline at most this long: an hour whose
 * counters cannot keep up (the model's wait is unbounded) or barely can
 * (hours of waiting in a steady state that a one-hour rush never reaches)
 * counts as an hour of waiting, so a headline stays a number and falls as
 * counters are added. */
#define DAFTAR_STAFFING_WAIT_CAP_S 3600.0

typedef struct
{
  gboolean open;                /* the office took tickets at this hour */
  gboolean stable;              /* FALSE: the counters cannot keep up, by the model */
  guint    counters;            /* the counters the hour runs in this what-if */
  double   service_level;       /* 0 when not stable */
  double   mean_wait_s;         /* the model's: INFINITY when not stable */
  double   occupancy;           /* at most 1 */
} DaftarStaffingProjection;

typedef struct
{
  DaftarStaffingProjection cells[7][24];   /* [row: Saturday = 0][hour] */
  /* Over the whole week, weighted by the projected arrivals. Each is
   * monotonic: more counters never lower the service level nor raise the
   * wait, more arrivals or longer service never the reverse. */
  double   service_level;
  double   mean_wait_s;         /* each hour's wait counted at most DAFTAR_STAFFING_WAIT_CAP_S: finite */
  double   occupancy;           /* busy share of the counters open, over open hours */
  guint    n_open;              /* open hours */
  guint    n_overloaded;        /* open hours whose counters cannot keep up, by the model */
} DaftarStaffingWeekProjection;

/* The typical counters of a shift: the most any of its hours usually runs. */
guint           daftar_staffing_shift_counters (const DaftarStaffing *staffing,
                                                DaftarShift           shift);
void            daftar_staffing_what_if_default (const DaftarStaffing *staffing,
                                                 DaftarStaffingWhatIf *out);
/* Asks for @advice's counters at its hours (@apply) or no longer. */
void            daftar_staffing_what_if_apply  (const DaftarStaffing       *staffing,
                                                const DaftarStaffingAdvice *advice,
                                                gboolean                    apply,
                                                DaftarStaffingWhatIf       *what_if);
/* Cheap (a few hundred Erlang forecasts): fine on the UI thread. */
gboolean        daftar_staffing_project        (const DaftarStaffing         *staffing,
                                                const DaftarStaffingWhatIf   *what_if,
                                                DaftarStaffingWeekProjection *out,
                                                GError                      **error);

/* Saturday = 0 .. Friday = 6, and back. */
guint           daftar_staffing_weekday_row    (GDateWeekday weekday);
GDateWeekday    daftar_staffing_row_weekday    (guint        row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarStaffing, daftar_staffing_free)

G_END_DECLS
