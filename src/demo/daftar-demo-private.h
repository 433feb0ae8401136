/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-demo-private.h: what the demo generator's files share — calendar, offices, places, the queue simulation. */
#pragma once

#include "daftar-demo.h"
#include "daftar-enums.h"

G_BEGIN_DECLS

/* Independent random streams: each (seed, office, day, purpose) gets its
 * own generator, so what one part draws never shifts another part. */
typedef enum {
  DEMO_STREAM_OFFICE = 1,
  DEMO_STREAM_QUEUE,
  DEMO_STREAM_CASES,
  DEMO_STREAM_NOTICES,
  DEMO_STREAM_STAFFING,
  DEMO_STREAM_FEEDBACK,
} DemoStream;

typedef struct {
  const char *code;       /* three letters in office codes, "ABK" */
  const char *name;       /* Persian */
  double      volume;     /* clients on an ordinary day at one office */
} DemoCity;

typedef struct {
  const char *city;
  const char *province;
  double      weight;
} DemoPlace;

typedef struct {
  GDate        date;
  guint32      julian;
  gint64       start;      /* local midnight, Unix seconds */
  int          jy, jm, jd; /* Jalali */
  GDateWeekday weekday;
  const char  *holiday;    /* static Persian name, NULL on working days */
} DemoDay;

#define DEMO_MAX_STAFF 8
/* The standard waiting_room_seats the demo office sets: its waiting room. */
#define DEMO_WAITING_ROOM_SEATS 20

typedef struct {
  char           *code;                      /* owned */
  char           *name;                      /* owned */
  const DemoCity *city;
  guint           number;                    /* the office's کد */
  guint           counters;
  guint           n_staff;                   /* index 0 is the manager */
  const char     *staff_first[DEMO_MAX_STAFF];
  const char     *staff_last[DEMO_MAX_STAFF];
  double          volume;
  int             evening_open;              /* minutes after midnight */
  /* The share of clients who know staff member s and whom s calls ahead
   * of the queue: 0 but for a few. */
  double          acquaintances[DEMO_MAX_STAFF];
  /* What clients think of s's manner, added to their rating. */
  double          courtesy[DEMO_MAX_STAFF];
} DemoOffice;

struct _DaftarDemo {
  guint64     seed;
  guint       n_offices;
  guint       n_days;
  gint64      now;
  DemoDay    *days;       /* owned, n_days */
  DemoOffice *offices;    /* owned, n_offices */
};

/* One ticket of the queue simulation; times are Unix seconds, -1 = none. */
typedef struct {
  gint64   issued, called, started, finished;
  guint16  number;
  guint8   shift;        /* DaftarShift */
  guint8   service;      /* DaftarCaseKind */
  guint8   outcome;      /* DaftarTicketOutcome */
  guint8   counter;      /* 1-based, 0 = none */
  guint8   staff;        /* staff index when counter != 0 */
  guint8   acquaintance; /* 1 + the staff index of a clerk the client knows; 0: none */
  guint8   jumped;       /* someone issued later was called ahead, out of turn */
  guint16  ahead;        /* clients already waiting when the ticket was issued */
  gboolean makes_case;
} DemoTicket;

/* daftar-demo.c */
GRand      *demo_rand_new            (DaftarDemo *demo, guint office, guint32 julian, DemoStream stream);
double      demo_normal              (GRand *rand);
double      demo_exponential         (GRand *rand, double mean);
guint       demo_poisson             (GRand *rand, double mean);
double      demo_lognormal           (GRand *rand, double median, double sigma);
guint       demo_pick_weighted       (GRand *rand, const double *weights, guint n);
gboolean    demo_day_is_working      (const DemoDay *day);
char       *demo_staff_id            (const DemoOffice *office, guint staff);
/* @n in Persian digits, "۱۰۱". */
char       *demo_persian_digits      (guint n);

/* daftar-demo-calendar.c */
void        demo_calendar_fill       (DemoDay *days, guint n_days);

/* daftar-demo-places.c */
const DemoCity *demo_city_for_office (guint office_index, guint *out_ordinal);
const char *demo_first_name          (GRand *rand);
const char *demo_last_name           (GRand *rand);
const char *demo_subject             (GRand *rand, DaftarCaseKind kind);
/* Chooses where a filing goes: court, city and province. */
void        demo_destination         (GRand *rand, const DemoOffice *office, DaftarCaseKind kind,
                                      char **out_court, const char **out_city,
                                      const char **out_province);

/* daftar-demo-queue.c */
gboolean    demo_understaffed        (DaftarDemo *demo, guint office, const DemoDay *day);
/* The day's tickets in issue order, morning then evening. */
GArray     *demo_simulate_day        (DaftarDemo *demo, guint office, guint day_index);
void        demo_append_tickets      (DaftarDemo *demo, guint office, guint day_index,
                                      GArray *tickets, JsonArray *changes);
/* The ticket's id, "YZ-ABK-01-T20261029-m012", or with another @letter the
 * id of a record that belongs to it (F: its client's rating). */
char       *demo_ticket_id           (const DemoOffice *office, const DemoDay *day,
                                      const DemoTicket *ticket, char letter);

/* daftar-demo-feedback.c */
void        demo_append_feedback     (DaftarDemo *demo, guint office, guint day_index,
                                      GArray *tickets, JsonArray *changes);

/* daftar-demo-cases.c */
char       *demo_case_id             (const DemoOffice *office, const DemoDay *day, guint n);
void        demo_append_cases        (DaftarDemo *demo, guint office, guint day_index,
                                      GArray *tickets, JsonArray *changes);
void        demo_append_notices      (DaftarDemo *demo, guint office, guint day_index,
                                      JsonArray *changes);

/* JSON helpers */
JsonObject *demo_change_new          (JsonArray *changes, const char *entity);
void        demo_set_time            (JsonObject *data, const char *member, gint64 unix_time);

G_END_DECLS
