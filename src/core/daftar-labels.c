/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-labels.c: the one table of labels for case kinds, statuses, ticket outcomes, notice and feedback channels and shifts. */
#define G_LOG_DOMAIN "daftar-labels"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-labels.h"

/* A value's two forms; plural NULL when it is the singular (an adjective
 * such as "Registered" names one case and a bar of them alike). */
typedef struct
{
  const char *singular;
  const char *plural;
} Label;

/* Translators: the kinds of filing an office registers. The singular names
 * one case's kind (a cell of a list, a CSV field), the plural a chart legend
 * or a row of counts; where your language names both alike, translate both
 * alike, so that a kind reads the same everywhere. */
static const Label case_kinds[] = {
  [DAFTAR_CASE_KIND_PETITION]          = { NC_("case kind", "Petition"), NC_("case kind", "Petitions") },
  [DAFTAR_CASE_KIND_BRIEF]             = { NC_("case kind", "Brief"), NC_("case kind", "Briefs") },
  [DAFTAR_CASE_KIND_PROTEST]           = { NC_("case kind", "Protest"), NC_("case kind", "Protests") },
  [DAFTAR_CASE_KIND_COMPLAINT]         = { NC_("case kind", "Complaint"), NC_("case kind", "Complaints") },
  [DAFTAR_CASE_KIND_ENFORCEMENT]       = { NC_("case kind", "Enforcement request"),
                                           NC_("case kind", "Enforcement requests") },
  [DAFTAR_CASE_KIND_SANA_REGISTRATION] = { NC_("case kind", "Sana registration"),
                                           NC_("case kind", "Sana registrations") },
  [DAFTAR_CASE_KIND_OTHER]             = { NC_("case kind", "Other filing"), NC_("case kind", "Other filings") },
};

/* Translators: where a filing stands. "The authority" is the court,
 * prosecutor's office or other judicial body the filing is addressed to. */
static const Label case_statuses[] = {
  [DAFTAR_CASE_STATUS_REGISTERED] = { NC_("case status", "Registered"), NULL },
  [DAFTAR_CASE_STATUS_SENT]       = { NC_("case status", "Sent to the authority"), NULL },
  [DAFTAR_CASE_STATUS_RECEIVED]   = { NC_("case status", "Received by the authority"), NULL },
  [DAFTAR_CASE_STATUS_RETURNED]   = { NC_("case status", "Returned"), NULL },
  [DAFTAR_CASE_STATUS_CLOSED]     = { NC_("case status", "Closed"), NULL },
};

/* Translators: what became of a queue ticket. */
static const Label ticket_outcomes[] = {
  [DAFTAR_TICKET_OUTCOME_WAITING]   = { NC_("ticket outcome", "Waiting"), NULL },
  [DAFTAR_TICKET_OUTCOME_SERVED]    = { NC_("ticket outcome", "Served"), NULL },
  [DAFTAR_TICKET_OUTCOME_NO_SHOW]   = { NC_("ticket outcome", "No-show"), NC_("ticket outcome", "No-shows") },
  [DAFTAR_TICKET_OUTCOME_CANCELLED] = { NC_("ticket outcome", "Cancelled"), NULL },
};

/* Translators: how a judicial notice reaches its addressee. */
static const Label notice_channels[] = {
  [DAFTAR_NOTICE_CHANNEL_ELECTRONIC] = { NC_("notice channel", "Electronic notice"),
                                         NC_("notice channel", "Electronic notices") },
  [DAFTAR_NOTICE_CHANNEL_PAPER]      = { NC_("notice channel", "Paper notice"), NC_("notice channel", "Paper notices") },
};

/* Translators: how a client's rating of the office reached it: a text
 * message answered, the kiosk by the door, the judiciary's website. */
static const Label feedback_channels[] = {
  [DAFTAR_FEEDBACK_CHANNEL_SMS]   = { NC_("feedback channel", "Text message"), NULL },
  [DAFTAR_FEEDBACK_CHANNEL_KIOSK] = { NC_("feedback channel", "Kiosk"), NULL },
  [DAFTAR_FEEDBACK_CHANNEL_WEB]   = { NC_("feedback channel", "Website"), NULL },
};

/* Translators: the office's two shifts, before and after 14:00. */
static const Label shifts[] = {
  [DAFTAR_SHIFT_MORNING] = { NC_("shift", "Morning shift"), NULL },
  [DAFTAR_SHIFT_EVENING] = { NC_("shift", "Evening shift"), NULL },
};

/* Translators: the steps of the staffing advice, in the judiciary's order:
 * staff the counters the office has, then add counters, then open another
 * office in the area. Each names what the office needs next. */
static const Label staffing_steps[] = {
  [DAFTAR_STAFFING_STEP_STAFF]      = { NC_("staffing step", "More staff at the existing counters"), NULL },
  [DAFTAR_STAFFING_STEP_COUNTER]    = { NC_("staffing step", "More counters"), NULL },
  [DAFTAR_STAFFING_STEP_NEW_OFFICE] = { NC_("staffing step", "A new office in the area"), NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (case_kinds) == DAFTAR_N_CASE_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (case_statuses) == DAFTAR_N_CASE_STATUSES);
G_STATIC_ASSERT (G_N_ELEMENTS (ticket_outcomes) == DAFTAR_N_TICKET_OUTCOMES);
G_STATIC_ASSERT (G_N_ELEMENTS (notice_channels) == DAFTAR_N_NOTICE_CHANNELS);
G_STATIC_ASSERT (G_N_ELEMENTS (feedback_channels) == DAFTAR_N_FEEDBACK_CHANNELS);
G_STATIC_ASSERT (G_N_ELEMENTS (shifts) == DAFTAR_N_SHIFTS);
G_STATIC_ASSERT (G_N_ELEMENTS (staffing_steps) == DAFTAR_N_STAFFING_STEPS);

typedef struct
{
  GType       (*type) (void);
  const char   *context;    /* the msgctxt of every label above of this type */
  const Label  *labels;
  guint         n_labels;
} Table;

static const Table tables[] = {
  { daftar_case_kind_get_type,      "case kind",      case_kinds,      G_N_ELEMENTS (case_kinds) },
  { daftar_case_status_get_type,    "case status",    case_statuses,   G_N_ELEMENTS (case_statuses) },
  { daftar_ticket_outcome_get_type, "ticket outcome", ticket_outcomes, G_N_ELEMENTS (ticket_outcomes) },
  { daftar_notice_channel_get_type, "notice channel", notice_channels, G_N_ELEMENTS (notice_channels) },
  { daftar_feedback_channel_get_type, "feedback channel", feedback_channels, G_N_ELEMENTS (feedback_channels) },
  { daftar_shift_get_type,          "shift",          shifts,          G_N_ELEMENTS (shifts) },
  { daftar_staffing_step_get_type,  "staffing step",  staffing_steps,  G_N_ELEMENTS (staffing_steps) },
};

const char *
daftar_label (GType            enum_type,
              int              value,
              DaftarLabelForm  form)
{
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    if (tables[t].type () == enum_type)
      {
        const Label *label;

        if (value < 0 || (guint) value >= tables[t].n_labels)
          return NULL;
        label = &tables[t].labels[value];
        return g_dpgettext2 (GETTEXT_PACKAGE, tables[t].context,
                             form == DAFTAR_LABEL_PLURAL && label->plural != NULL ? label->plural
                                                                                 : label->singular);
      }
  g_return_val_if_reached (NULL);
}

const char *
daftar_label_for_nick (GType            enum_type,
                       const char      *nick,
                       DaftarLabelForm  form)
{
  int value;

  if (nick == NULL)
    return "";
  if (!daftar_enum_from_nick (enum_type, nick, &value))
    return nick;
  return daftar_label (enum_type, value, form);
}
