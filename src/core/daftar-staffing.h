/* daftar-staffing.h: the staffing advisor — counters needed per weekday and hour, advice, capacity verdict and what-if. */
#pragma once

#include <glib.h>

#include "daftar-db.h"
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
} DaftarStaffingHour;

/* A run of consecutive hours of one weekday and shift with the same
 * shortfall: "add one counter on Saturday evenings from 16 to 18". */
typedef struct
{
  GDateWeekday        weekday;
  DaftarShift         shift;     /* daftar_time_shift_for_hour of its hours */
  guint               from_hour;          /* first hour of the block */
  guint               to_hour;            /* end of the block: the hour after the last one */
  int                 add_counters;       /* > 0 */
  guint               counters_open;      /* counters_typical of the block */
  guint               counters_needed;    /* the most any hour of the block needs */
  double              predicted_wait_s;   /* arrival-weighted model wait at counters_open */
  double              observed_wait_s;    /* served-weighted observed wait; NAN when none */
  double              predicted_service_level; /* arrival-weighted, at counters_open */
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

  GArray          *hours;                /* DaftarStaffingHour, Saturday first, then by hour */
  GArray          *advice;               /* DaftarStaffingAdvice, same order */
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

void            daftar_staffing_free           (DaftarStaffing *staffing);

/* Reads hourly_tickets of @office_code (NULL: the only office in the
 * database) for @weeks weeks ending on @to and the standards. @weeks 0
 * means DAFTAR_STAFFING_DEFAULT_WEEKS; @weeks_required 0 means 3 of 4,
 * i.e. three quarters of @weeks rounded up. */
DaftarStaffing *daftar_staffing_compute        (DaftarDb       *db,
                                                const char     *office_code,
                                                const GDate    *to,
                                                guint           weeks,
                                                guint           weeks_required,
                                                GError        **error);

/* The advice in the manager's words, translated:
 * «در عصرهای شنبه از ساعت ۱۶ تا ۱۸ یک باجه اضافه کنید». */
char           *daftar_staffing_advice_text    (const DaftarStaffingAdvice *advice);
/* «پیش‌بینی مدل: ۱۸ دقیقه، مشاهده‌شده: ۲۱ دقیقه» */
char           *daftar_staffing_model_check_text (const DaftarStaffingAdvice *advice);
/* The verdict and its figures in one paragraph, or NULL when not reached. */
char           *daftar_staffing_capacity_text  (const DaftarStaffing *staffing);

/* What the manager changes on the Shifts page. */
typedef struct
{
  guint  morning_counters;      /* >= 1 */
  guint  evening_counters;      /* >= 1 */
  double service_time_factor;   /* 1.0 = as observed; > 0 */
  double arrivals_factor;       /* 1.0 = as observed; >= 0 */
} DaftarStaffingWhatIf;

typedef struct
{
  gboolean open;                /* the office took tickets at this hour */
  gboolean stable;              /* FALSE: the queue grows for as long as the shift lasts */
  double   service_level;
  double   mean_wait_s;         /* INFINITY when not stable */
  double   occupancy;           /* may exceed 1 when not stable */
} DaftarStaffingProjection;

typedef struct
{
  DaftarStaffingProjection cells[7][24];   /* [row: Saturday = 0][hour] */
  /* Over the whole week, weighted by the projected arrivals. */
  double   service_level;
  double   mean_wait_s;         /* INFINITY when any open hour is unstable */
  double   occupancy;           /* busy share of the counters open, over open hours */
  gboolean stable;
} DaftarStaffingWeekProjection;

/* The typical counters of a shift: the most any of its hours usually runs. */
guint           daftar_staffing_shift_counters (const DaftarStaffing *staffing,
                                                DaftarShift           shift);
void            daftar_staffing_what_if_default (const DaftarStaffing *staffing,
                                                 DaftarStaffingWhatIf *out);
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
