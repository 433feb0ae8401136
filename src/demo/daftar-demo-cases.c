/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-demo-cases.c: the filings behind served tickets and the judicial notices later issued on them. */
#define G_LOG_DOMAIN "daftar-demo"

#include "config.h"

#include <math.h>

#include "daftar-demo-private.h"

#define DAY_SECONDS (24 * 3600)
#define NOTICE_SOURCES 4

/* Office fee in rials at the growth epoch, and median days until a court
 * closes a filing of that kind, in DaftarCaseKind order. */
static const double base_fee[DAFTAR_N_CASE_KINDS] = { 2200000, 950000, 1800000, 1400000, 1200000, 450000, 700000 };
static const double close_median_days[DAFTAR_N_CASE_KINDS] = { 75, 20, 60, 90, 45, 0, 15 };

/* 2021-03-21, 1 Farvardin 1400 (as in daftar-demo-queue.c). */
#define FEE_EPOCH_JULIAN 737870

char *
demo_case_id (const DemoOffice *office, const DemoDay *day, guint n)
{
  return g_strdup_printf ("%s-C%04u%02u%02u-%04u", office->code, g_date_get_year (&day->date),
                          g_date_get_month (&day->date), g_date_get_day (&day->date), n + 1);
}

static int
jalali_day_of_year (const DemoDay *day)
{
  return (day->jm <= 6 ? (day->jm - 1) * 31 : 186 + (day->jm - 7) * 30) + day->jd;
}

/* Where a filing stands at "now": the last step of its timeline already
 * reached, and when it got there. */
static DaftarCaseStatus
case_status (gint64 now, gint64 filed, gint64 sent, gint64 received, gboolean returned,
             gint64 closed, gint64 *out_updated)
{
  if (closed <= now)
    return *out_updated = closed, DAFTAR_CASE_STATUS_CLOSED;
  if (received <= now)
    return *out_updated = received, returned ? DAFTAR_CASE_STATUS_RETURNED : DAFTAR_CASE_STATUS_RECEIVED;
  if (sent <= now)
    return *out_updated = sent, DAFTAR_CASE_STATUS_SENT;
  return *out_updated = filed, DAFTAR_CASE_STATUS_REGISTERED;
}

void
demo_append_cases (DaftarDemo *demo,
                   guint       office_index,
                   guint       day_index,
                   GArray     *tickets,
                   JsonArray  *changes)
{
  const DemoOffice *office = &demo->offices[office_index];
  const DemoDay *day = &demo->days[day_index];
  g_autoptr(GRand) rand = demo_rand_new (demo, office_index, day->julian, DEMO_STREAM_CASES);
  double inflation = pow (1.3, ((double) day->julian - FEE_EPOCH_JULIAN) / 365.25);
  guint n = 0;

  for (guint i = 0; i < tickets->len; i++)
    {
      const DemoTicket *t = &g_array_index (tickets, DemoTicket, i);
      DaftarCaseKind kind = t->service;
      g_autofree char *id = NULL;
      g_autofree char *tracking = NULL;
      g_autofree char *client = NULL;
      g_autofree char *staff_id = NULL;
      g_autofree char *court = NULL;
      const char *city, *province, *subject;
      DaftarCaseStatus status;
      gint64 sent, received, closed, updated;
      gboolean next_morning, returned;
      double fee;
      JsonObject *data;

      if (!t->makes_case)
        continue;

      id = demo_case_id (office, day, n);
      tracking = g_strdup_printf ("%04d%03u%03d%04u%02d", day->jy, office->number % 1000,
                                  jalali_day_of_year (day), n + 1, g_rand_int_range (rand, 10, 100));
      client = g_strdup_printf ("%s %s", demo_first_name (rand), demo_last_name (rand));
      subject = demo_subject (rand, kind);
      demo_destination (rand, office, kind, &court, &city, &province);
      fee = base_fee[kind] * inflation * (0.9 + 0.4 * g_rand_double (rand));
      /* Most filings leave within the hour; some wait for a missing
       * document until the next morning. */
      next_morning = g_rand_double (rand) < 0.15;
      sent = t->finished + (gint64) (next_morning ? demo_lognormal (rand, 16 * 3600, 0.3)
                                                  : demo_lognormal (rand, 40 * 60, 0.8));
      received = sent + (gint64) demo_lognormal (rand, 1.5 * DAY_SECONDS, 0.6);
      returned = g_rand_double (rand) < 0.04;
      closed = received + (gint64) demo_lognormal (rand, close_median_days[kind] * DAY_SECONDS, 0.6);
      if (returned)
        closed = G_MAXINT64;
      n++;

      if (kind == DAFTAR_CASE_KIND_SANA_REGISTRATION)
        {
          /* A Sana registration is done at the counter: nothing to send. */
          status = DAFTAR_CASE_STATUS_CLOSED;
          updated = t->finished;
          g_clear_pointer (&court, g_free);
          city = province = NULL;
        }
      else
        status = case_status (demo->now, t->finished, sent, received, returned, closed, &updated);

      staff_id = demo_staff_id (office, t->staff);
      data = demo_change_new (changes, "case");
      json_object_set_string_member (data, "id", id);
      json_object_set_string_member (data, "office_code", office->code);
      json_object_set_string_member (data, "tracking_code", tracking);
      json_object_set_string_member (data, "kind", daftar_enum_to_nick (DAFTAR_TYPE_CASE_KIND, kind));
      demo_set_time (data, "filed_at", t->finished);
      json_object_set_string_member (data, "shift", daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, t->shift));
      json_object_set_int_member (data, "counter", t->counter);
      json_object_set_string_member (data, "staff_id", staff_id);
      json_object_set_string_member (data, "client_name", client);
      json_object_set_string_member (data, "subject", subject);
      if (court != NULL)
        {
          json_object_set_string_member (data, "dest_court", court);
          json_object_set_string_member (data, "dest_city", city);
          json_object_set_string_member (data, "dest_province", province);
        }
      else
        {
          json_object_set_null_member (data, "dest_court");
          json_object_set_null_member (data, "dest_city");
          json_object_set_null_member (data, "dest_province");
        }
      json_object_set_string_member (data, "status", daftar_enum_to_nick (DAFTAR_TYPE_CASE_STATUS, status));
      json_object_set_int_member (data, "fee", (gint64) (round (fee / 10000) * 10000));
      demo_set_time (data, "updated_at", updated);
    }
}

/* Notices --------------------------------------------------------------- */

typedef struct {
  gboolean valid;
  guint    day_index;
  GArray  *cases;    /* guint case numbers of court filings (not Sana) */
} NoticeSource;

static void
notice_source_init (DaftarDemo *demo, guint office, guint day_index, guint lag, NoticeSource *src)
{
  g_autoptr(GArray) tickets = NULL;
  guint n = 0;
  int d = (int) day_index - (int) lag;

  src->valid = FALSE;
  src->cases = NULL;
  while (d >= 0 && !demo_day_is_working (&demo->days[d]))
    d--;
  if (d < 0)
    return;

  /* Re-running that day's queue is cheap and keeps this day independent of
   * whether the earlier one was ever generated. */
  tickets = demo_simulate_day (demo, office, d);
  src->cases = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < tickets->len; i++)
    {
      const DemoTicket *t = &g_array_index (tickets, DemoTicket, i);
      if (!t->makes_case)
        continue;
      if (t->service != DAFTAR_CASE_KIND_SANA_REGISTRATION)
        g_array_append_val (src->cases, n);
      n++;
    }
  src->valid = src->cases->len > 0;
  src->day_index = d;
}

void
demo_append_notices (DaftarDemo *demo,
                     guint       office_index,
                     guint       day_index,
                     JsonArray  *changes)
{
  const DemoOffice *office = &demo->offices[office_index];
  const DemoDay *day = &demo->days[day_index];
  g_autoptr(GRand) rand = demo_rand_new (demo, office_index, day->julian, DEMO_STREAM_NOTICES);
  NoticeSource sources[NOTICE_SOURCES];
  guint n_notices, n = 0;

  /* Courts answer a few weeks after filing: notices of today concern the
   * cases of a handful of earlier days. */
  for (guint k = 0; k < NOTICE_SOURCES; k++)
    {
      guint lag = 2 + (guint) MIN (150.0, demo_lognormal (rand, 14, 0.7));
      notice_source_init (demo, office_index, day_index, lag, &sources[k]);
    }
  n_notices = demo_poisson (rand, office->volume * 0.2);

  for (guint i = 0; i < n_notices; i++)
    {
      const NoticeSource *src = &sources[g_rand_int_range (rand, 0, NOTICE_SOURCES)];
      double pick = g_rand_double (rand);
      gboolean electronic = g_rand_double (rand) < 0.85;
      gint64 issued = day->start + 8 * 3600 + g_rand_int_range (rand, 0, 6 * 3600);
      gboolean e_viewed = g_rand_double (rand) < 0.94;
      double e_delay = demo_lognormal (rand, 5 * 3600, 1.5);
      gboolean p_delivered = g_rand_double (rand) < 0.85;
      gint64 p_delay = g_rand_int_range (rand, 1 * DAY_SECONDS, 8 * DAY_SECONDS);
      gboolean p_in_person = g_rand_double (rand) < 0.11;
      gint64 delivered = -1, viewed = -1, deemed = -1;
      g_autofree char *id = NULL;
      g_autofree char *case_id = NULL;
      JsonObject *data;

      if (!src->valid || issued > demo->now)
        continue;

      if (electronic)
        {
          /* In the Sana inbox at once; the legal ten days run from there. */
          delivered = issued;
          if (e_viewed && e_delay < 60.0 * DAY_SECONDS)
            viewed = issued + (gint64) e_delay;
          if (viewed < 0 || viewed > issued + 10 * DAY_SECONDS)
            deemed = issued + 10 * DAY_SECONDS;
        }
      else if (p_delivered)
        {
          /* A bailiff reaches the address; the addressee in person only
           * rarely, otherwise service is by law (left at the address). */
          delivered = issued + p_delay;
          if (p_in_person)
            viewed = delivered;
          else
            deemed = delivered;
        }
      if (delivered > demo->now)
        delivered = -1;
      if (viewed > demo->now)
        viewed = -1;
      if (deemed > demo->now)
        deemed = -1;

      id = g_strdup_printf ("%s-N%04u%02u%02u-%03u", office->code, g_date_get_year (&day->date),
                            g_date_get_month (&day->date), g_date_get_day (&day->date), ++n);
      case_id = demo_case_id (office, &demo->days[src->day_index],
                              g_array_index (src->cases, guint, (guint) (pick * src->cases->len)));
      data = demo_change_new (changes, "notice");
      json_object_set_string_member (data, "id", id);
      json_object_set_string_member (data, "office_code", office->code);
      json_object_set_string_member (data, "case_id", case_id);
      json_object_set_string_member (data, "channel",
                                     daftar_enum_to_nick (DAFTAR_TYPE_NOTICE_CHANNEL,
                                                          electronic ? DAFTAR_NOTICE_CHANNEL_ELECTRONIC
                                                                     : DAFTAR_NOTICE_CHANNEL_PAPER));
      demo_set_time (data, "issued_at", issued);
      demo_set_time (data, "delivered_at", delivered);
      demo_set_time (data, "viewed_at", viewed);
      demo_set_time (data, "deemed_at", deemed);
    }

  for (guint k = 0; k < NOTICE_SOURCES; k++)
    g_clear_pointer (&sources[k].cases, g_array_unref);
}
