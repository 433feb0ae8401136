/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-enums.c: the domain's enums registered with GObject, nick = wire string, and lookups between values and nicks. */
#define G_LOG_DOMAIN "daftar-enums"

#include "config.h"

#include "daftar-enums.h"

G_DEFINE_ENUM_TYPE (DaftarCaseKind, daftar_case_kind,
  G_DEFINE_ENUM_VALUE (DAFTAR_CASE_KIND_PETITION, "petition"),
  G_DEFINE_ENUM_VALUE (DAFTAR_CASE_KIND_BRIEF, "brief"),
  G_DEFINE_ENUM_VALUE (DAFTAR_CASE_KIND_PROTEST, "protest"),
  G_DEFINE_ENUM_VALUE (DAFTAR_CASE_KIND_COMPLAINT, "complaint"),
  G_DEFINE_ENUM_VALUE (DAFTAR_CASE_KIND_ENFORCEMENT, "enforcement"),
  G_DEFINE_ENUM_VALUE (DAFTAR_CASE_KIND_SANA_REGISTRATION, "sana_registration"),
  G_DEFINE_ENUM_VALUE (DAFTAR_CASE_KIND_OTHER, "other"))

G_DEFINE_ENUM_TYPE (DaftarCaseStatus, daftar_case_status,
  G_DEFINE_ENUM_VALUE (DAFTAR_CASE_STATUS_REGISTERED, "registered"),
  G_DEFINE_ENUM_VALUE (DAFTAR_CASE_STATUS_SENT, "sent"),
  G_DEFINE_ENUM_VALUE (DAFTAR_CASE_STATUS_RECEIVED, "received"),
  G_DEFINE_ENUM_VALUE (DAFTAR_CASE_STATUS_RETURNED, "returned"),
  G_DEFINE_ENUM_VALUE (DAFTAR_CASE_STATUS_CLOSED, "closed"))

G_DEFINE_ENUM_TYPE (DaftarTicketOutcome, daftar_ticket_outcome,
  G_DEFINE_ENUM_VALUE (DAFTAR_TICKET_OUTCOME_WAITING, "waiting"),
  G_DEFINE_ENUM_VALUE (DAFTAR_TICKET_OUTCOME_SERVED, "served"),
  G_DEFINE_ENUM_VALUE (DAFTAR_TICKET_OUTCOME_NO_SHOW, "no_show"),
  G_DEFINE_ENUM_VALUE (DAFTAR_TICKET_OUTCOME_CANCELLED, "cancelled"))

G_DEFINE_ENUM_TYPE (DaftarNoticeChannel, daftar_notice_channel,
  G_DEFINE_ENUM_VALUE (DAFTAR_NOTICE_CHANNEL_ELECTRONIC, "electronic"),
  G_DEFINE_ENUM_VALUE (DAFTAR_NOTICE_CHANNEL_PAPER, "paper"))

G_DEFINE_ENUM_TYPE (DaftarFeedbackChannel, daftar_feedback_channel,
  G_DEFINE_ENUM_VALUE (DAFTAR_FEEDBACK_CHANNEL_SMS, "sms"),
  G_DEFINE_ENUM_VALUE (DAFTAR_FEEDBACK_CHANNEL_KIOSK, "kiosk"),
  G_DEFINE_ENUM_VALUE (DAFTAR_FEEDBACK_CHANNEL_WEB, "web"))

G_DEFINE_ENUM_TYPE (DaftarShift, daftar_shift,
  G_DEFINE_ENUM_VALUE (DAFTAR_SHIFT_MORNING, "morning"),
  G_DEFINE_ENUM_VALUE (DAFTAR_SHIFT_EVENING, "evening"))

G_DEFINE_ENUM_TYPE (DaftarStaffingStep, daftar_staffing_step,
  G_DEFINE_ENUM_VALUE (DAFTAR_STAFFING_STEP_STAFF, "staff"),
  G_DEFINE_ENUM_VALUE (DAFTAR_STAFFING_STEP_COUNTER, "counter"),
  G_DEFINE_ENUM_VALUE (DAFTAR_STAFFING_STEP_NEW_OFFICE, "new_office"))

/* The class of a static enum type, referenced once and kept: queries look
 * up a nick for every row they read, from any thread. */
static GEnumClass *
enum_class (GType enum_type)
{
  GEnumClass *klass = g_type_class_peek (enum_type);

  if (klass == NULL)
    klass = g_type_class_ref (enum_type);   /* never unreffed */
  return klass;
}

const char *
daftar_enum_to_nick (GType enum_type,
                     int   value)
{
  GEnumValue *v;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);
  v = g_enum_get_value (enum_class (enum_type), value);
  return v != NULL ? v->value_nick : NULL;
}

gboolean
daftar_enum_from_nick (GType       enum_type,
                       const char *nick,
                       int        *out_value)
{
  GEnumValue *v;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);
  if (nick == NULL)
    return FALSE;
  v = g_enum_get_value_by_nick (enum_class (enum_type), nick);
  if (v == NULL)
    return FALSE;
  *out_value = v->value;
  return TRUE;
}

guint
daftar_enum_n_values (GType enum_type)
{
  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), 0);
  return enum_class (enum_type)->n_values;
}
