/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-demo-feedback.c: the clients' ratings — an SMS or the kiosk after a visit, lower as the wait grew, now and then with a few words in Persian. */
#define G_LOG_DOMAIN "daftar-demo"

#include "config.h"

#include <math.h>

#include "daftar-demo-private.h"

/* About one served client in five answers; most of them at the kiosk by
 * the door or to the SMS the office sends when the counter finishes. */
#define RESPONSE_RATE 0.2
#define KIOSK_SHARE 0.18
/* An SMS answered so late that the office's system could not match it
 * to the visit: it names neither ticket nor case. */
#define UNMATCHED_SHARE 0.04

/* What clients write, by what they lived through. */
static const char * const turn_words[] = {
  "نوبت من را رعایت نکردند",
  "یک نفر بعد از من آمد و زودتر صدایش کردند",
  "نوبت رعایت نمی‌شود، آشناها را جلو می‌اندازند",
  "چرا کسی که بعد از من نوبت گرفت زودتر کارش انجام شد؟",
};
static const char * const wait_words[] = {
  "صف خیلی طولانی بود",
  "خیلی معطل شدم",
  "باجه‌های بیشتری باز کنید",
  "تعداد کارمندها کم است، همیشه صف است",
  "برای یک کار ساده این همه انتظار؟",
};
static const char * const hour_words[] = {
  "بیش از یک ساعت منتظر ماندم",
  "یک ساعت و خرده‌ای منتظر بودم",
};
static const char * const crowd_words[] = {
  "جای نشستن نبود",
  "سالن انتظار خیلی شلوغ بود",
  "شلوغ بود و هوا خفه بود",
};
static const char * const lunch_words[] = {
  "وقت ناهار باجه‌ها خالی بود و ما منتظر بودیم",
  "ظهر کارمندها رفتند و صف ماند",
};
static const char * const bad_words[] = {
  "برخورد کارمند مناسب نبود",
  "مدارکم را چند بار خواستند",
  "هزینه خدمات خیلی زیاد است",
  "راهنمایی درستی نکردند",
  "سامانه قطع بود و باید دوباره بیایم",
};
static const char * const middling_words[] = {
  "بد نبود ولی کمی طول کشید",
  "سامانه کند بود",
  "کارم انجام شد ولی توضیح کافی ندادند",
  "معمولی بود",
};
static const char * const good_words[] = {
  "کارم سریع انجام شد، ممنون",
  "خیلی خوب راهنمایی کردند",
  "ممنون از همکاری‌تان",
  "برخورد کارمندان عالی بود",
  "سریع و بی‌دردسر بود",
  "دستتان درد نکند",
};

#define PICK(x, words) ((words)[(guint) ((x) * G_N_ELEMENTS (words))])

/* Extremes get written about; most ratings come bare. By rating 1..5. */
static const double comment_chance[] = { 0, 0.65, 0.5, 0.2, 0.1, 0.2 };

/* The rating the client gives: high after a short wait, falling about a
 * point for every twenty minutes more, lower again when someone was
 * called ahead of them or the room was full, and a little different with
 * each clerk. */
static int
rating_for (const DemoOffice *office, const DemoTicket *t, double noise)
{
  double wait_minutes = (t->called - t->issued) / 60.0;
  double mean = MAX (4.75 - 0.05 * wait_minutes, 1.4) + office->courtesy[t->staff];

  if (t->jumped)
    mean -= 0.9;
  if (t->ahead > DEMO_WAITING_ROOM_SEATS)
    mean -= 0.3;
  return (int) CLAMP (lround (mean + 0.75 * noise), 1, 5);
}

static char *
comment_for (const DemoTicket *t, const DemoDay *day, int rating, double x, double y)
{
  double wait_minutes = (t->called - t->issued) / 60.0;
  gint64 minute = (t->issued - day->start) / 60;

  /* What went wrong comes first, when it did. */
  if (rating <= 3 && y < 0.8)
    {
      if (t->jumped)
        return g_strdup (PICK (x, turn_words));
      if (wait_minutes >= 60)
        return g_strdup (PICK (x, hour_words));
      if (wait_minutes >= 20 && minute >= 11 * 60 + 45 && minute < 13 * 60 + 30)
        return g_strdup (PICK (x, lunch_words));
      if (t->ahead > DEMO_WAITING_ROOM_SEATS)
        return g_strdup (PICK (x, crowd_words));
      if (wait_minutes >= 30)
        return g_strdup (PICK (x, wait_words));
    }

  if (rating <= 2)
    return g_strdup (PICK (x, bad_words));
  if (rating == 3)
    return g_strdup (PICK (x, middling_words));
  /* Some name the counter that served them. */
  if (x < 0.2)
    {
      g_autofree char *counter = demo_persian_digits (t->counter);

      if (y < 0.6)
        return g_strdup_printf ("کارمند باجه %s بسیار مؤدب بود", counter);
      return g_strdup_printf ("از کارمند باجه %s خیلی راضی بودم", counter);
    }
  return g_strdup (PICK ((x - 0.2) / 0.8, good_words));
}

void
demo_append_feedback (DaftarDemo *demo,
                      guint       office_index,
                      guint       day_index,
                      GArray     *tickets,
                      JsonArray  *changes)
{
  const DemoOffice *office = &demo->offices[office_index];
  const DemoDay *day = &demo->days[day_index];
  g_autoptr(GRand) rand = demo_rand_new (demo, office_index, day->julian, DEMO_STREAM_FEEDBACK);
  guint n_case = 0;

  for (guint i = 0; i < tickets->len; i++)
    {
      const DemoTicket *t = &g_array_index (tickets, DemoTicket, i);
      /* Every ticket draws the same numbers, answered or not, so that one
       * client's answer never shifts the next one's. */
      gboolean answers = g_rand_double (rand) < RESPONSE_RATE;
      gboolean kiosk = g_rand_double (rand) < KIOSK_SHARE;
      gboolean unmatched = g_rand_double (rand) < UNMATCHED_SHARE;
      gint64 at_kiosk = g_rand_int_range (rand, 20, 240);
      double sms_delay = MIN (demo_lognormal (rand, 20 * 60, 1.3), 3 * 86400.0);
      double noise = demo_normal (rand);
      double speaks = g_rand_double (rand), x = g_rand_double (rand), y = g_rand_double (rand);
      g_autofree char *ticket_id = NULL;
      g_autofree char *case_id = NULL;
      g_autofree char *id = NULL;
      g_autofree char *comment = NULL;
      gint64 submitted;
      JsonObject *data;
      int rating;

      if (t->makes_case)
        case_id = demo_case_id (office, day, n_case++);
      if (!answers || t->outcome != DAFTAR_TICKET_OUTCOME_SERVED)
        continue;
      submitted = t->finished + (kiosk ? at_kiosk : 60 + (gint64) sms_delay);
      /* Not answered yet. */
      if (submitted > demo->now)
        continue;

      ticket_id = demo_ticket_id (office, day, t, 'T');
      id = demo_ticket_id (office, day, t, 'F');
      rating = rating_for (office, t, noise);
      if (speaks < comment_chance[rating])
        comment = comment_for (t, day, rating, x, y);

      data = demo_change_new (changes, "feedback");
      json_object_set_string_member (data, "id", id);
      json_object_set_string_member (data, "office_code", office->code);
      if (unmatched && !kiosk)
        {
          json_object_set_null_member (data, "ticket_id");
          json_object_set_null_member (data, "case_id");
        }
      else
        {
          json_object_set_string_member (data, "ticket_id", ticket_id);
          if (case_id != NULL)
            json_object_set_string_member (data, "case_id", case_id);
          else
            json_object_set_null_member (data, "case_id");
        }
      json_object_set_int_member (data, "rating", rating);
      json_object_set_string_member (data, "channel",
                                     daftar_enum_to_nick (DAFTAR_TYPE_FEEDBACK_CHANNEL,
                                                          kiosk ? DAFTAR_FEEDBACK_CHANNEL_KIOSK
                                                                : DAFTAR_FEEDBACK_CHANNEL_SMS));
      demo_set_time (data, "submitted_at", submitted);
      if (comment != NULL)
        json_object_set_string_member (data, "comment", comment);
      else
        json_object_set_null_member (data, "comment");
    }
}
