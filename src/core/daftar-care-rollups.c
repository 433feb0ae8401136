/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-care-rollups.c: recomputes one (office, day)'s client-care rollups — out of turn, waiting per hour, idle counters, ratings — with a sweep over the day's tickets. */
#define G_LOG_DOMAIN "daftar-care"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "daftar-care.h"

/* One ticket of the day, as the sweeps need it. */
typedef struct
{
  char   *id;
  gint64  number;     /* -1: none */
  int     service;    /* DaftarCaseKind */
  gint64  issued;
  gint64  called;     /* -1: never called */
  gint64  finished;   /* -1: not finished */
  int     counter;    /* -1: none */
  char   *staff;      /* "" none */
  int     outcome;    /* DaftarTicketOutcome */
  int     shift;      /* DaftarShift of issued */
  gint64  end;        /* when it stops waiting (daftar-care.h) */
} Ticket;

typedef struct
{
  gint64 from;
  gint64 to;   /* exclusive */
} Span;

static void
ticket_clear (Ticket *t)
{
  g_free (t->id);
  g_free (t->staff);
}

static const char * const delete_sql[] = {
  "DELETE FROM daily_out_of_turn WHERE office_code = ?1 AND day = ?2",
  "DELETE FROM out_of_turn_tickets WHERE office_code = ?1 AND day = ?2",
  "DELETE FROM hourly_waiting WHERE office_code = ?1 AND day = ?2",
  "DELETE FROM daily_idle WHERE office_code = ?1 AND day = ?2",
  "DELETE FROM daily_feedback WHERE office_code = ?1 AND day = ?2",
};

/* The rating's band by its ticket's wait; -1 without a called ticket of
 * the same office. Bands as daftar_wait_band_for_seconds. */
static const char feedback_sql[] =
  "INSERT INTO daily_feedback (office_code, day, staff_id, wait_band, rating, n) "
  "SELECT ?1, ?2, coalesce (t.staff_id, ''), "
  "  CASE WHEN t.called_at IS NULL THEN -1 "
  "       WHEN t.called_at - t.issued_at < 300 THEN 0 "
  "       WHEN t.called_at - t.issued_at < 900 THEN 1 "
  "       WHEN t.called_at - t.issued_at < 1800 THEN 2 ELSE 3 END AS band, "
  "  f.rating, count(*) "
  "FROM feedback f LEFT JOIN tickets t ON t.id = f.ticket_id AND t.office_code = f.office_code "
  "WHERE f.office_code = ?1 AND f.submitted_at >= ?3 AND f.submitted_at < ?4 "
  "GROUP BY 3, band, f.rating";

static gboolean
run_day_sql (DaftarDb    *db,
             const char  *sql,
             const char  *office_code,
             const char  *day,
             gint64       start,
             gint64       end,
             GError     **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare_static (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    {
      sqlite3_bind_int64 (stmt, 3, start);
      sqlite3_bind_int64 (stmt, 4, end);
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Recomputing the client-care rollups"));
      return FALSE;
    }
  return TRUE;
}

static gint64
column_or (sqlite3_stmt *stmt,
           int           column,
           gint64        none)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? none : sqlite3_column_int64 (stmt, column);
}

/* The day's tickets by issued_at (then id, so that the sweep is the same
 * on every run). */
static GArray *
load_tickets (DaftarDb    *db,
              const char  *office_code,
              gint64       start,
              gint64       end,
              GError     **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare_static (db,
                                                 "SELECT id, number, service, issued_at, called_at, finished_at, "
                                                 "  counter, coalesce (staff_id, ''), outcome "
                                                 "FROM tickets WHERE office_code = ?1 AND issued_at >= ?2 AND issued_at < ?3 "
                                                 "ORDER BY issued_at, id",
                                                 error);
  g_autoptr(GArray) tickets = g_array_new (FALSE, TRUE, sizeof (Ticket));
  int rc;

  if (stmt == NULL)
    return NULL;
  g_array_set_clear_func (tickets, (GDestroyNotify) ticket_clear);
  sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Ticket t = { 0 };
      int service = DAFTAR_CASE_KIND_OTHER, outcome = DAFTAR_TICKET_OUTCOME_WAITING;

      t.id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      t.number = column_or (stmt, 1, -1);
      /* Validation stored only known nicks; an old row with another is
       * counted as "other" rather than failing the day. */
      daftar_enum_from_nick (DAFTAR_TYPE_CASE_KIND, (const char *) sqlite3_column_text (stmt, 2), &service);
      t.service = service;
      t.issued = sqlite3_column_int64 (stmt, 3);
      t.called = column_or (stmt, 4, -1);
      t.finished = column_or (stmt, 5, -1);
      t.counter = (int) column_or (stmt, 6, -1);
      t.staff = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      daftar_enum_from_nick (DAFTAR_TYPE_TICKET_OUTCOME, (const char *) sqlite3_column_text (stmt, 8), &outcome);
      t.outcome = outcome;
      /* As the other rollups split the day: hours counted from midnight. */
      t.shift = t.issued - start < 14 * 3600 ? DAFTAR_SHIFT_MORNING : DAFTAR_SHIFT_EVENING;
      t.end = t.called >= 0 ? t.called
              : t.shift == DAFTAR_SHIFT_MORNING ? start + 14 * 3600 : end;
      /* A ticket never called but issued after its shift's end (none in
       * practice) waits no time. */
      t.end = MAX (t.end, t.issued);
      g_array_append_val (tickets, t);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Reading the day's tickets"));
      return NULL;
    }
  return g_steal_pointer (&tickets);
}

/* Out of turn ------------------------------------------------------------ */

typedef struct
{
  int         shift;
  int         service;
  int         counter;
  const char *staff;
  gint64      called;
  gint64      out_of_turn;
  gint64      jumped;
} TurnGroup;

static guint
turn_group_hash (gconstpointer p)
{
  const TurnGroup *g = p;
  return g_str_hash (g->staff) ^ (guint) (g->shift * 7919 + g->service * 104729 + g->counter * 31);
}

static gboolean
turn_group_equal (gconstpointer a,
                  gconstpointer b)
{
  const TurnGroup *x = a, *y = b;
  return x->shift == y->shift && x->service == y->service && x->counter == y->counter &&
         strcmp (x->staff, y->staff) == 0;
}

static gboolean
store_out_of_turn_ticket (DaftarDb      *db,
                          const char    *office_code,
                          const char    *day,
                          const Ticket  *t,
                          gint64         jumped,
                          gint64         first_waited_s,
                          GError       **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare_static (db,
                                                 "INSERT INTO out_of_turn_tickets (office_code, day, ticket_id, number, "
                                                 "  called_at, shift, service, counter, staff_id, jumped, first_waited_s) "
                                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                                                 error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, t->id, -1, SQLITE_STATIC);
  if (t->number >= 0)
    sqlite3_bind_int64 (stmt, 4, t->number);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_int64 (stmt, 5, t->called);
  sqlite3_bind_text (stmt, 6, daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, t->shift), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, daftar_enum_to_nick (DAFTAR_TYPE_CASE_KIND, t->service), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, t->counter);
  sqlite3_bind_text (stmt, 9, t->staff, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, jumped);
  sqlite3_bind_int64 (stmt, 11, first_waited_s);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, "Storing a ticket served out of turn");
      return FALSE;
    }
  return TRUE;
}

/* For each called ticket, the tickets of its service issued before it and
 * still waiting when it was called. The tickets are in issued order, so
 * those issued before T are the ones ahead of it in the list, the first
 * jumped is the first found, and a tie in issued_at jumps nothing: a
 * service's tickets of one day are a few hundred at most, and a scan of
 * those ahead costs less than the statements that store the result. */
static gboolean
out_of_turn (DaftarDb     *db,
             const char   *office_code,
             const char   *day,
             GArray       *tickets,
             GError      **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (turn_group_hash, turn_group_equal, g_free, NULL);
  /* Each service's tickets, in issued order: a list per service in one block. */
  g_autofree guint *slots = g_new (guint, (gsize) tickets->len * DAFTAR_N_CASE_KINDS + 1);
  guint *by_service[DAFTAR_N_CASE_KINDS];
  guint n_by_service[DAFTAR_N_CASE_KINDS] = { 0 };
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer key;

  for (guint k = 0; k < DAFTAR_N_CASE_KINDS; k++)
    by_service[k] = slots + (gsize) k * tickets->len;
  for (guint i = 0; i < tickets->len; i++)
    {
      const Ticket *t = &g_array_index (tickets, Ticket, i);
      by_service[t->service][n_by_service[t->service]++] = i;
    }

  for (guint k = 0; k < DAFTAR_N_CASE_KINDS; k++)
    for (guint a = 0; a < n_by_service[k]; a++)
      {
        const Ticket *t = &g_array_index (tickets, Ticket, by_service[k][a]);
        TurnGroup probe = { t->shift, t->service, t->counter, t->staff, 0, 0, 0 };
        TurnGroup *group;
        gint64 jumped = 0, first_waited_s = 0;

        if (t->called < 0)
          continue;
        for (guint b = 0; b < a; b++)
          {
            const Ticket *u = &g_array_index (tickets, Ticket, by_service[k][b]);

            if (u->issued >= t->issued)
              break;
            if (u->end > t->called)
              {
                if (jumped == 0)
                  first_waited_s = t->called - u->issued;
                jumped++;
              }
          }

        group = g_hash_table_lookup (groups, &probe);
        if (group == NULL)
          {
            group = g_memdup2 (&probe, sizeof probe);
            g_hash_table_add (groups, group);
          }
        group->called++;
        if (jumped > 0)
          {
            group->out_of_turn++;
            group->jumped += jumped;
            if (!store_out_of_turn_ticket (db, office_code, day, t, jumped, first_waited_s, error))
              return FALSE;
          }
      }

  stmt = daftar_db_prepare_static (db,
                                   "INSERT INTO daily_out_of_turn (office_code, day, shift, service, counter, "
                                   "  staff_id, called, out_of_turn, jumped) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                   error);
  if (stmt == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const TurnGroup *g = key;
      int rc;

      sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, g->shift), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, daftar_enum_to_nick (DAFTAR_TYPE_CASE_KIND, g->service), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, g->counter);
      sqlite3_bind_text (stmt, 6, g->staff, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 7, g->called);
      sqlite3_bind_int64 (stmt, 8, g->out_of_turn);
      sqlite3_bind_int64 (stmt, 9, g->jumped);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          daftar_db_set_error (db, error, "Storing the tickets served out of turn");
          return FALSE;
        }
    }
  return TRUE;
}

/* Waiting per hour ------------------------------------------------------- */

typedef struct
{
  gint64 time;
  int    delta;
} Event;

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *x = a, *y = b;

  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  return x->delta - y->delta;   /* whatever the order, w is read after the time's every event */
}

/* w(t) over [start, end) as its steps: w is steps[i].delta from
 * steps[i].time to steps[i + 1].time (the last: to @end). */
static GArray *
waiting_steps (GArray *tickets,
               gint64  start,
               gint64  end)
{
  g_autoptr(GArray) events = g_array_sized_new (FALSE, FALSE, sizeof (Event), tickets->len * 2);
  GArray *steps = g_array_new (FALSE, FALSE, sizeof (Event));
  gint64 w = 0;

  for (guint i = 0; i < tickets->len; i++)
    {
      const Ticket *t = &g_array_index (tickets, Ticket, i);
      gint64 from = CLAMP (t->issued, start, end), to = CLAMP (t->end, start, end);

      if (from >= to)
        continue;
      g_array_append_val (events, ((Event) { from, +1 }));
      g_array_append_val (events, ((Event) { to, -1 }));
    }
  g_array_sort (events, compare_events);
  g_array_append_val (steps, ((Event) { start, 0 }));
  for (guint i = 0; i < events->len;)
    {
      gint64 time = g_array_index (events, Event, i).time;

      for (; i < events->len && g_array_index (events, Event, i).time == time; i++)
        w += g_array_index (events, Event, i).delta;
      if (g_array_index (steps, Event, steps->len - 1).time == time)
        g_array_index (steps, Event, steps->len - 1).delta = (int) w;
      else
        g_array_append_val (steps, ((Event) { time, (int) w }));
    }
  return steps;
}

static gboolean
hourly_waiting (DaftarDb    *db,
                const char  *office_code,
                const char  *day,
                GArray      *tickets,
                gint64       start,
                gint64       end,
                GError     **error)
{
  g_autoptr(GArray) steps = waiting_steps (tickets, start, end);
  gint64 peak[DAFTAR_CARE_N_HOURS] = { 0 }, area[DAFTAR_CARE_N_HOURS] = { 0 };
  sqlite3_stmt *stmt;

  for (guint i = 0; i < steps->len; i++)
    {
      gint64 from = g_array_index (steps, Event, i).time;
      gint64 to = i + 1 < steps->len ? g_array_index (steps, Event, i + 1).time : end;
      gint64 w = g_array_index (steps, Event, i).delta;

      if (w == 0)
        continue;
      /* A day of 25 hours (a clock put back at midnight) files its last
       * hour under 23; Iran's switches fell at midnight. */
      while (from < to)
        {
          int hour = MIN ((from - start) / 3600, DAFTAR_CARE_N_HOURS - 1);
          gint64 hour_end = hour == DAFTAR_CARE_N_HOURS - 1 ? end : start + (hour + 1) * (gint64) 3600;
          gint64 piece = MIN (to, hour_end) - from;

          peak[hour] = MAX (peak[hour], w);
          area[hour] += w * piece;
          from += piece;
        }
    }

  stmt = daftar_db_prepare_static (db,
                                   "INSERT INTO hourly_waiting (office_code, day, hour, peak, area_s) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5)",
                                   error);
  if (stmt == NULL)
    return FALSE;
  for (int h = 0; h < DAFTAR_CARE_N_HOURS; h++)
    {
      int rc;

      if (peak[h] == 0)
        continue;
      sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, h);
      sqlite3_bind_int64 (stmt, 4, peak[h]);
      sqlite3_bind_int64 (stmt, 5, area[h]);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          daftar_db_set_error (db, error, "Storing the clients waiting per hour");
          return FALSE;
        }
    }
  return TRUE;
}

/* Idle while clients wait ------------------------------------------------ */

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  if (x->from != y->from)
    return x->from < y->from ? -1 : 1;
  return x->to < y->to ? -1 : x->to > y->to;
}

/* Sorts @spans and merges those that overlap or touch, in place. */
static void
merge_spans (GArray *spans)
{
  guint out = 0;

  g_array_sort (spans, compare_spans);
  for (guint i = 0; i < spans->len; i++)
    {
      Span s = g_array_index (spans, Span, i);

      if (s.from >= s.to)
        continue;
      if (out > 0 && s.from <= g_array_index (spans, Span, out - 1).to)
        g_array_index (spans, Span, out - 1).to = MAX (g_array_index (spans, Span, out - 1).to, s.to);
      else
        g_array_index (spans, Span, out++) = s;
    }
  g_array_set_size (spans, out);
}

/* The time of [from, to) inside @spans (sorted, disjoint). */
static gint64
overlap (GArray *spans,
         gint64  from,
         gint64  to)
{
  gint64 total = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      const Span *s = &g_array_index (spans, Span, i);

      if (s->from >= to)
        break;
      if (s->to > from)
        total += MIN (s->to, to) - MAX (s->from, from);
    }
  return total;
}

static int
compare_called (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  GArray *tickets = data;
  const Ticket *x = &g_array_index (tickets, Ticket, *(const guint *) a);
  const Ticket *y = &g_array_index (tickets, Ticket, *(const guint *) b);

  if (x->called != y->called)
    return x->called < y->called ? -1 : 1;
  return strcmp (x->id, y->id);
}

typedef struct
{
  const char *staff;
  gint64      open_s;
  gint64      idle_s;
} StaffTime;

static gboolean
store_idle (DaftarDb    *db,
            const char  *office_code,
            const char  *day,
            int          shift,
            int          counter,
            GArray      *staff_times,
            GError     **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare_static (db,
                                                 "INSERT INTO daily_idle (office_code, day, shift, counter, staff_id, "
                                                 "  open_s, idle_s) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                                 error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < staff_times->len; i++)
    {
      const StaffTime *s = &g_array_index (staff_times, StaffTime, i);
      int rc;

      /* Called at the very second of the next call: no time of its own. */
      if (s->open_s == 0)
        continue;
      sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, shift), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, counter);
      sqlite3_bind_text (stmt, 5, s->staff, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, s->open_s);
      sqlite3_bind_int64 (stmt, 7, s->idle_s);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          daftar_db_set_error (db, error, "Storing idle counter time");
          return FALSE;
        }
    }
  return TRUE;
}

/* One counter in one shift: @called holds its tickets' indexes by
 * called_at. */
static gboolean
idle_counter (DaftarDb    *db,
              const char  *office_code,
              const char  *day,
              GArray      *tickets,
              const guint *called,
              guint        n_called,
              GError     **error)
{
  const Ticket *first = &g_array_index (tickets, Ticket, called[0]);
  g_autoptr(GArray) free_spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) waiting = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) idle = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) staff_times = g_array_new (FALSE, TRUE, sizeof (StaffTime));
  gboolean served[DAFTAR_N_CASE_KINDS] = { FALSE };
  gint64 open_from = first->called, open_to = -1, cursor;

  for (guint i = 0; i < n_called; i++)
    {
      const Ticket *t = &g_array_index (tickets, Ticket, called[i]);

      if (t->finished >= 0)
        open_to = MAX (open_to, t->finished);
      if (t->outcome == DAFTAR_TICKET_OUTCOME_SERVED)
        served[t->service] = TRUE;
    }
  /* Never finished a ticket in the shift: never open. */
  if (open_to < open_from)
    return TRUE;

  /* The open span less the time serving a ticket. */
  cursor = open_from;
  {
    g_autoptr(GArray) serving = g_array_new (FALSE, FALSE, sizeof (Span));

    for (guint i = 0; i < n_called; i++)
      {
        const Ticket *t = &g_array_index (tickets, Ticket, called[i]);
        if (t->finished >= 0)
          g_array_append_val (serving, ((Span) { t->called, t->finished }));
      }
    merge_spans (serving);
    for (guint i = 0; i < serving->len; i++)
      {
        const Span *s = &g_array_index (serving, Span, i);
        if (s->from > cursor)
          g_array_append_val (free_spans, ((Span) { cursor, MIN (s->from, open_to) }));
        cursor = MAX (cursor, s->to);
      }
    if (cursor < open_to)
      g_array_append_val (free_spans, ((Span) { cursor, open_to }));
  }

  /* When anyone waited for a service the counter served. */
  for (guint i = 0; i < tickets->len; i++)
    {
      const Ticket *u = &g_array_index (tickets, Ticket, i);
      if (served[u->service] && u->end > u->issued)
        g_array_append_val (waiting, ((Span) { u->issued, u->end }));
    }
  merge_spans (waiting);
  for (guint i = 0; i < free_spans->len; i++)
    {
      const Span *f = &g_array_index (free_spans, Span, i);

      for (guint j = 0; j < waiting->len; j++)
        {
          const Span *w = &g_array_index (waiting, Span, j);
          gint64 from = MAX (f->from, w->from), to = MIN (f->to, w->to);

          if (from < to)
            g_array_append_val (idle, ((Span) { from, to }));
        }
    }

  /* The time from each call to the next is the staff member's who was
   * called to the counter. */
  for (guint i = 0; i < n_called; i++)
    {
      const Ticket *t = &g_array_index (tickets, Ticket, called[i]);
      gint64 from = MIN (t->called, open_to);
      gint64 to = i + 1 < n_called ? MIN (g_array_index (tickets, Ticket, called[i + 1]).called, open_to) : open_to;
      StaffTime *s = NULL;

      for (guint k = 0; k < staff_times->len; k++)
        if (strcmp (g_array_index (staff_times, StaffTime, k).staff, t->staff) == 0)
          s = &g_array_index (staff_times, StaffTime, k);
      if (s == NULL)
        {
          g_array_append_val (staff_times, ((StaffTime) { t->staff, 0, 0 }));
          s = &g_array_index (staff_times, StaffTime, staff_times->len - 1);
        }
      s->open_s += to - from;
      s->idle_s += overlap (idle, from, to);
    }
  return store_idle (db, office_code, day, first->shift, first->counter, staff_times, error);
}

static gboolean
idle_counters (DaftarDb    *db,
               const char  *office_code,
               const char  *day,
               GArray      *tickets,
               GError     **error)
{
  g_autofree guint *order = g_new (guint, tickets->len + 1);
  guint n = 0;

  /* Tickets called to a counter, by shift, counter and called_at. */
  for (guint shift = 0; shift < DAFTAR_N_SHIFTS; shift++)
    {
      n = 0;
      for (guint i = 0; i < tickets->len; i++)
        {
          const Ticket *t = &g_array_index (tickets, Ticket, i);
          if (t->shift == (int) shift && t->counter >= 0 && t->called >= 0)
            order[n++] = i;
        }
      g_qsort_with_data (order, n, sizeof (guint), compare_called, tickets);
      /* Each counter's tickets, in called order (a stable pass per counter). */
      {
        g_autoptr(GHashTable) done = g_hash_table_new (NULL, NULL);
        g_autofree guint *one = g_new (guint, n + 1);

        for (guint i = 0; i < n; i++)
          {
            int counter = g_array_index (tickets, Ticket, order[i]).counter;
            guint m = 0;

            if (g_hash_table_contains (done, GINT_TO_POINTER (counter + 1)))
              continue;
            g_hash_table_add (done, GINT_TO_POINTER (counter + 1));
            for (guint j = i; j < n; j++)
              if (g_array_index (tickets, Ticket, order[j]).counter == counter)
                one[m++] = order[j];
            if (!idle_counter (db, office_code, day, tickets, one, m, error))
              return FALSE;
          }
      }
    }
  return TRUE;
}

gboolean
daftar_care_recompute_day (DaftarDb     *db,
                           const char   *office_code,
                           const char   *day,
                           gint64        start,
                           gint64        end,
                           GError      **error)
{
  g_autoptr(GArray) tickets = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (delete_sql); i++)
    if (!run_day_sql (db, delete_sql[i], office_code, day, start, end, error))
      return FALSE;
  if (!run_day_sql (db, feedback_sql, office_code, day, start, end, error))
    return FALSE;

  tickets = load_tickets (db, office_code, start, end, error);
  if (tickets == NULL)
    return FALSE;
  if (tickets->len == 0)
    return TRUE;
  return out_of_turn (db, office_code, day, tickets, error) &&
         hourly_waiting (db, office_code, day, tickets, start, end, error) &&
         idle_counters (db, office_code, day, tickets, error);
}
