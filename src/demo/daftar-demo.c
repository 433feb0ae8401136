/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-demo.c: the demo generator's entry points — offices, staff, standards, holidays, days and pages. */
#define G_LOG_DOMAIN "daftar-demo"

#include "config.h"

#include <math.h>

#include "daftar-demo-private.h"
#include "daftar-ingest.h"
#include "daftar-time.h"

/* Random helpers ---------------------------------------------------------- */

GRand *
demo_rand_new (DaftarDemo *demo, guint office, guint32 julian, DemoStream stream)
{
  /* GRand is a Mersenne Twister with a documented seeding, so the same seed
   * array gives the same sequence on every GLib version. */
  guint32 seeds[5] = {
    (guint32) (demo->seed & 0xffffffffu), (guint32) (demo->seed >> 32),
    office, julian, stream,
  };

  return g_rand_new_with_seed_array (seeds, G_N_ELEMENTS (seeds));
}

double
demo_normal (GRand *rand)
{
  /* Box–Muller; one of the pair is dropped so each call draws exactly two
   * numbers and streams stay easy to reason about. */
  double u1 = 1.0 - g_rand_double (rand);
  double u2 = g_rand_double (rand);

  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

double
demo_exponential (GRand *rand, double mean)
{
  return -mean * log (1.0 - g_rand_double (rand));
}

guint
demo_poisson (GRand *rand, double mean)
{
  double limit, product;
  guint n = 0;

  if (mean <= 0)
    return 0;
  if (mean > 60)
    return (guint) MAX (0.0, floor (mean + sqrt (mean) * demo_normal (rand) + 0.5));
  limit = exp (-mean);
  product = g_rand_double (rand);
  while (product > limit)
    {
      n++;
      product *= g_rand_double (rand);
    }
  return n;
}

double
demo_lognormal (GRand *rand, double median, double sigma)
{
  return median * exp (sigma * demo_normal (rand));
}

guint
demo_pick_weighted (GRand *rand, const double *weights, guint n)
{
  double total = 0, x;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  x = g_rand_double (rand) * total;
  for (guint i = 0; i < n; i++)
    {
      if (x < weights[i])
        return i;
      x -= weights[i];
    }
  return n - 1;
}

gboolean
demo_day_is_working (const DemoDay *day)
{
  return day->holiday == NULL && day->weekday != G_DATE_FRIDAY;
}

char *
demo_staff_id (const DemoOffice *office, guint staff)
{
  return g_strdup_printf ("%s-S%02u", office->code, staff + 1);
}

/* JSON helpers ------------------------------------------------------------ */

JsonObject *
demo_change_new (JsonArray *changes, const char *entity)
{
  JsonObject *change = json_object_new ();
  JsonObject *data = json_object_new ();

  json_object_set_string_member (change, "entity", entity);
  json_object_set_string_member (change, "op", "upsert");
  json_object_set_object_member (change, "data", data);
  json_array_add_object_element (changes, change);
  return data;
}

void
demo_set_time (JsonObject *data, const char *member, gint64 unix_time)
{
  if (unix_time < 0)
    json_object_set_null_member (data, member);
  else
    {
      g_autofree char *text = daftar_time_format_rfc3339 (unix_time);
      json_object_set_string_member (data, member, text);
    }
}

/* Offices ----------------------------------------------------------------- */

char *
demo_persian_digits (guint n)
{
  g_autofree char *ascii = g_strdup_printf ("%u", n);
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    g_string_append_unichar (out, 0x06F0 + (*p - '0'));
  return g_string_free (out, FALSE);
}

static void
office_init (DaftarDemo *demo, guint index, DemoOffice *office)
{
  g_autoptr(GRand) rand = demo_rand_new (demo, index, 0, DEMO_STREAM_OFFICE);
  g_autofree char *digits = NULL;
  guint ordinal;

  office->city = demo_city_for_office (index, &ordinal);
  office->number = 101 + index;
  office->code = g_strdup_printf ("YZ-%s-%02u", office->city->code, ordinal);
  digits = demo_persian_digits (office->number);
  office->name = g_strdup_printf ("دفتر خدمات الکترونیک قضایی %s کد %s",
                                  office->city->name, digits);
  office->volume = office->city->volume * (0.85 + 0.3 * g_rand_double (rand));
  /* About one counter per 28 clients a day keeps ordinary days near the
   * 15-minute standard with visible peaks. */
  office->counters = CLAMP ((guint) lround (office->volume / 28.0), 3, 5);
  office->n_staff = CLAMP (office->counters + 1 + (guint) g_rand_int_range (rand, 0, 3), 4, DEMO_MAX_STAFF);
  office->evening_open = g_rand_boolean (rand) ? 14 * 60 + 30 : 15 * 60;
  for (guint s = 0; s < office->n_staff; s++)
    {
      office->staff_first[s] = demo_first_name (rand);
      office->staff_last[s] = demo_last_name (rand);
    }
  /* One or two clerks call an acquaintance ahead of the queue now and
   * then; the others keep to the turn. */
  for (guint k = 0, n = g_rand_double (rand) < 0.4 ? 2 : 1; k < n; k++)
    {
      guint s = 1 + (guint) g_rand_int_range (rand, 0, office->n_staff - 1);
      office->acquaintances[s] = 0.03 + 0.04 * g_rand_double (rand);
    }
  for (guint s = 0; s < office->n_staff; s++)
    office->courtesy[s] = -0.4 + 0.7 * g_rand_double (rand);
}

DaftarDemo *
daftar_demo_new (guint64      seed,
                 guint        n_offices,
                 guint        n_days,
                 const GDate *last_day)
{
  DaftarDemo *demo = g_new0 (DaftarDemo, 1);
  GDate first;

  g_return_val_if_fail (n_offices > 0 && n_days > 0, NULL);

  demo->seed = seed;
  demo->n_offices = n_offices;
  demo->n_days = n_days;

  if (last_day != NULL)
    {
      GDate after = *last_day;
      first = *last_day;
      g_date_add_days (&after, 1);
      demo->now = daftar_time_day_start (&after) - 1;
    }
  else
    {
      demo->now = g_get_real_time () / G_USEC_PER_SEC;
      daftar_time_local_date (demo->now, &first);
    }
  g_date_subtract_days (&first, n_days - 1);

  demo->days = g_new0 (DemoDay, n_days);
  for (guint i = 0; i < n_days; i++)
    {
      demo->days[i].date = first;
      g_date_add_days (&first, 1);
    }
  demo_calendar_fill (demo->days, n_days);

  demo->offices = g_new0 (DemoOffice, n_offices);
  for (guint i = 0; i < n_offices; i++)
    office_init (demo, i, &demo->offices[i]);

  return demo;
}

void
daftar_demo_free (DaftarDemo *demo)
{
  if (demo == NULL)
    return;
  for (guint i = 0; i < demo->n_offices; i++)
    {
      g_free (demo->offices[i].code);
      g_free (demo->offices[i].name);
    }
  g_free (demo->offices);
  g_free (demo->days);
  g_free (demo);
}

guint
daftar_demo_get_n_offices (DaftarDemo *demo)
{
  return demo->n_offices;
}

guint
daftar_demo_get_n_days (DaftarDemo *demo)
{
  return demo->n_days;
}

const char *
daftar_demo_get_office_code (DaftarDemo *demo, guint office_index)
{
  g_return_val_if_fail (office_index < demo->n_offices, NULL);
  return demo->offices[office_index].code;
}

void
daftar_demo_get_day (DaftarDemo *demo, guint day_index, GDate *out_date)
{
  g_return_if_fail (day_index < demo->n_days);
  *out_date = demo->days[day_index].date;
}

gint64
daftar_demo_get_now (DaftarDemo *demo)
{
  return demo->now;
}

/* Day 0: what the office is ------------------------------------------------ */

static void
append_office_records (DaftarDemo *demo, guint index, JsonArray *changes)
{
  const DemoOffice *office = &demo->offices[index];
  static const struct { const char *key; double value; } standards[] = {
    { "target_wait_minutes", 15 },
    { "target_service_level", 0.8 },
    { "target_read_rate", 0.9 },
    { "max_cases_per_staff_shift", 25 },
    { "occupancy_cap", 0.85 },
    { "max_out_of_turn_share", 0.02 },
    { "waiting_room_seats", DEMO_WAITING_ROOM_SEATS },
    { "target_rating", 4.0 },
  };
  JsonObject *data;

  data = demo_change_new (changes, "office");
  json_object_set_string_member (data, "code", office->code);
  json_object_set_string_member (data, "name", office->name);
  json_object_set_string_member (data, "city", office->city->name);
  json_object_set_string_member (data, "province", "یزد");
  json_object_set_int_member (data, "counters", office->counters);
  demo_set_time (data, "updated_at", demo->days[0].start + 7 * 3600);

  for (guint s = 0; s < office->n_staff; s++)
    {
      g_autofree char *id = demo_staff_id (office, s);
      g_autofree char *name = g_strdup_printf ("%s %s", office->staff_first[s], office->staff_last[s]);

      data = demo_change_new (changes, "staff");
      json_object_set_string_member (data, "id", id);
      json_object_set_string_member (data, "office_code", office->code);
      json_object_set_string_member (data, "name", name);
      json_object_set_string_member (data, "role", s == 0 ? "مدیر" : "کارشناس");
      json_object_set_boolean_member (data, "active", TRUE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (standards); i++)
    {
      data = demo_change_new (changes, "standard");
      json_object_set_string_member (data, "key", standards[i].key);
      json_object_set_double_member (data, "value", standards[i].value);
    }
  data = demo_change_new (changes, "standard");
  json_object_set_string_member (data, "key", "max_counters");
  json_object_set_double_member (data, "value", office->counters + 1);

  for (guint d = 0; d < demo->n_days; d++)
    {
      char day[11];

      if (demo->days[d].holiday == NULL)
        continue;
      daftar_time_format_day (&demo->days[d].date, day);
      data = demo_change_new (changes, "holiday");
      json_object_set_string_member (data, "date", day);
      json_object_set_string_member (data, "name", demo->days[d].holiday);
    }
}

void
daftar_demo_append_day (DaftarDemo *demo,
                        guint       office_index,
                        guint       day_index,
                        JsonArray  *changes)
{
  g_autoptr(GArray) tickets = NULL;

  g_return_if_fail (office_index < demo->n_offices);
  g_return_if_fail (day_index < demo->n_days);

  if (day_index == 0)
    append_office_records (demo, office_index, changes);

  if (!demo_day_is_working (&demo->days[day_index]) || demo->days[day_index].start > demo->now)
    return;

  tickets = demo_simulate_day (demo, office_index, day_index);
  demo_append_tickets (demo, office_index, day_index, tickets, changes);
  demo_append_cases (demo, office_index, day_index, tickets, changes);
  demo_append_feedback (demo, office_index, day_index, tickets, changes);
  demo_append_notices (demo, office_index, day_index, changes);
}

gboolean
daftar_demo_is_understaffed_evening (DaftarDemo  *demo,
                                     guint        office_index,
                                     const GDate *day)
{
  DemoDay d = { 0 };

  g_return_val_if_fail (office_index < demo->n_offices, FALSE);
  d.date = *day;
  d.julian = g_date_get_julian (day);
  d.weekday = g_date_get_weekday (day);
  /* Holidays come from the span's calendar; a day outside it is taken as a
   * working day, which only matters for callers asking about other dates. */
  if (d.julian >= demo->days[0].julian && d.julian - demo->days[0].julian < demo->n_days)
    d = demo->days[d.julian - demo->days[0].julian];
  return demo_understaffed (demo, office_index, &d);
}

/* Filling a database --------------------------------------------------------- */

static gboolean
apply_page (DaftarDb *db, const char *office, guint last_day, gboolean has_more,
            JsonArray *changes, GError **error)
{
  g_autoptr(JsonObject) page = json_object_new ();
  DaftarIngestResult result = { 0 };
  g_autofree char *cursor = g_strdup_printf ("d%u", last_day);
  gboolean ok;

  json_object_set_int_member (page, "protocol", DAFTAR_PROTOCOL_VERSION);
  json_object_set_string_member (page, "office", office);
  json_object_set_string_member (page, "cursor", cursor);
  json_object_set_boolean_member (page, "has_more", has_more);
  json_object_set_array_member (page, "changes", json_array_ref (changes));

  ok = daftar_ingest_page (db, office, page, &result, error);
  daftar_ingest_result_clear (&result);
  if (!ok)
    g_prefix_error (error, "Demo page %s of %s: ", cursor, office);
  return ok;
}

gboolean
daftar_demo_fill_database (DaftarDemo    *demo,
                           DaftarDb      *db,
                           guint          page_size,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_return_val_if_fail (page_size > 0, FALSE);

  for (guint o = 0; o < demo->n_offices; o++)
    {
      g_autoptr(JsonArray) changes = json_array_new ();
      const char *code = demo->offices[o].code;

      for (guint d = 0; d < demo->n_days; d++)
        {
          gboolean last = d + 1 == demo->n_days;

          daftar_demo_append_day (demo, o, d, changes);
          /* Pages end on day boundaries so a cursor names a whole day. */
          if (json_array_get_length (changes) < page_size && !last)
            continue;
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          /* Ingest errors pass through with context: the generator adds
           * no failure modes of its own. */
          if (!apply_page (db, code, d, !last, changes, error))
            return FALSE;
          g_clear_pointer (&changes, json_array_unref);
          changes = json_array_new ();
        }
    }
  return TRUE;
}
