/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-enums.h: the domain's fixed sets of values — case kind and status, ticket outcome, notice channel, feedback channel, shift — as registered enums whose nicks are the wire and database strings. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Each enum's values are in the order the pages, charts and reports list
 * them; each nick is the string the protocol carries and the database
 * stores (DESIGN §5), so renaming a nick changes the wire format. The
 * DAFTAR_N_… member is the count, not a value: it has no nick. */

typedef enum {
  DAFTAR_CASE_KIND_PETITION,            /* "petition" */
  DAFTAR_CASE_KIND_BRIEF,               /* "brief" */
  DAFTAR_CASE_KIND_PROTEST,             /* "protest" */
  DAFTAR_CASE_KIND_COMPLAINT,           /* "complaint" */
  DAFTAR_CASE_KIND_ENFORCEMENT,         /* "enforcement" */
  DAFTAR_CASE_KIND_SANA_REGISTRATION,   /* "sana_registration" */
  DAFTAR_CASE_KIND_OTHER,               /* "other" */
  DAFTAR_N_CASE_KINDS
} DaftarCaseKind;

typedef enum {
  DAFTAR_CASE_STATUS_REGISTERED,        /* "registered" */
  DAFTAR_CASE_STATUS_SENT,              /* "sent" */
  DAFTAR_CASE_STATUS_RECEIVED,          /* "received" */
  DAFTAR_CASE_STATUS_RETURNED,          /* "returned" */
  DAFTAR_CASE_STATUS_CLOSED,            /* "closed" */
  DAFTAR_N_CASE_STATUSES
} DaftarCaseStatus;

typedef enum {
  DAFTAR_TICKET_OUTCOME_WAITING,        /* "waiting" */
  DAFTAR_TICKET_OUTCOME_SERVED,         /* "served" */
  DAFTAR_TICKET_OUTCOME_NO_SHOW,        /* "no_show" */
  DAFTAR_TICKET_OUTCOME_CANCELLED,      /* "cancelled" */
  DAFTAR_N_TICKET_OUTCOMES
} DaftarTicketOutcome;

typedef enum {
  DAFTAR_NOTICE_CHANNEL_ELECTRONIC,     /* "electronic" */
  DAFTAR_NOTICE_CHANNEL_PAPER,          /* "paper" */
  DAFTAR_N_NOTICE_CHANNELS
} DaftarNoticeChannel;

/* How a client's rating of the office reached it (the feedback entity). */
typedef enum {
  DAFTAR_FEEDBACK_CHANNEL_SMS,          /* "sms" */
  DAFTAR_FEEDBACK_CHANNEL_KIOSK,        /* "kiosk" */
  DAFTAR_FEEDBACK_CHANNEL_WEB,          /* "web" */
  DAFTAR_N_FEEDBACK_CHANNELS
} DaftarFeedbackChannel;

/* The rollups split the office's day at 14:00 (daftar_time_shift_for_hour). */
typedef enum {
  DAFTAR_SHIFT_MORNING,                 /* "morning" */
  DAFTAR_SHIFT_EVENING,                 /* "evening" */
  DAFTAR_N_SHIFTS
} DaftarShift;

/* The judiciary's chain for an office short of counters (DESIGN §1): staff
 * the counters it has, then add counters up to max_counters, then ask for
 * another office. The staffing advisor puts each hour on one step. */
typedef enum {
  DAFTAR_STAFFING_STEP_STAFF,           /* "staff": counters stood unstaffed */
  DAFTAR_STAFFING_STEP_COUNTER,         /* "counter": all staffed, fewer than max_counters */
  DAFTAR_STAFFING_STEP_NEW_OFFICE,      /* "new_office": even max_counters fall short */
  DAFTAR_N_STAFFING_STEPS
} DaftarStaffingStep;

#define DAFTAR_TYPE_CASE_KIND (daftar_case_kind_get_type ())
GType daftar_case_kind_get_type (void) G_GNUC_CONST;
#define DAFTAR_TYPE_CASE_STATUS (daftar_case_status_get_type ())
GType daftar_case_status_get_type (void) G_GNUC_CONST;
#define DAFTAR_TYPE_TICKET_OUTCOME (daftar_ticket_outcome_get_type ())
GType daftar_ticket_outcome_get_type (void) G_GNUC_CONST;
#define DAFTAR_TYPE_NOTICE_CHANNEL (daftar_notice_channel_get_type ())
GType daftar_notice_channel_get_type (void) G_GNUC_CONST;
#define DAFTAR_TYPE_FEEDBACK_CHANNEL (daftar_feedback_channel_get_type ())
GType daftar_feedback_channel_get_type (void) G_GNUC_CONST;
#define DAFTAR_TYPE_SHIFT (daftar_shift_get_type ())
GType daftar_shift_get_type (void) G_GNUC_CONST;
#define DAFTAR_TYPE_STAFFING_STEP (daftar_staffing_step_get_type ())
GType daftar_staffing_step_get_type (void) G_GNUC_CONST;

/* The nick of @value of @enum_type (static), or NULL when @value is not
 * one of its values. */
const char *daftar_enum_to_nick   (GType       enum_type,
                                   int         value);
/* The value whose nick is @nick; FALSE, leaving *@out_value alone, when
 * @nick (nullable) is none of @enum_type's. */
gboolean    daftar_enum_from_nick (GType       enum_type,
                                   const char *nick,
                                   int        *out_value);
/* How many values @enum_type has. */
guint       daftar_enum_n_values  (GType       enum_type);

G_END_DECLS
