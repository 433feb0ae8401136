-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema v9: client care (issue 15) — the clients' ratings of their visits.
--
-- A feedback row is one client's rating (1..5) of a visit, from an SMS
-- answered, the kiosk by the door or the website, tied to the ticket and
-- the case when the server knows them. The comment is the client's own
-- words: searchable by its folded key (daftar_text_search_key, as the case
-- search folds), shown only on the office's own page, never in a report.
--
-- IF NOT EXISTS: a file whose version was taken back by hand still opens.

CREATE TABLE IF NOT EXISTS feedback (
  id           TEXT PRIMARY KEY NOT NULL,
  office_code  TEXT NOT NULL,
  ticket_id    TEXT,
  case_id      TEXT,
  rating       INTEGER NOT NULL,
  channel      TEXT NOT NULL,
  submitted_at INTEGER NOT NULL,
  comment      TEXT,
  search_key   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS feedback_by_office_time ON feedback (office_code, submitted_at);
-- A change of a ticket finds the ratings it carries (daftar-ingest.c).
CREATE INDEX IF NOT EXISTS feedback_by_ticket ON feedback (ticket_id);
-- The newest low ratings of an office, without reading its every rating.
CREATE INDEX IF NOT EXISTS feedback_by_office_rating ON feedback (office_code, rating, submitted_at);

-- Rollups of client care -----------------------------------------------------
--
-- Kept by ingest for every (office, day) it touches, from a sweep in C over
-- the day's tickets (daftar-care-rollups.c): the definitions are in
-- daftar-care.h. A ticket belongs to the local day and shift of its
-- issued_at; a rating to the local day of its submitted_at. counter -1 and
-- staff_id '' stand for a ticket that named none.

-- Called tickets, those out of turn and the tickets they jumped.
CREATE TABLE IF NOT EXISTS daily_out_of_turn (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  shift       TEXT NOT NULL,
  service     TEXT NOT NULL,
  counter     INTEGER NOT NULL,
  staff_id    TEXT NOT NULL,
  called      INTEGER NOT NULL,
  out_of_turn INTEGER NOT NULL,
  jumped      INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, shift, service, counter, staff_id)
) WITHOUT ROWID;

-- Each ticket served out of turn, for the list of the worst.
CREATE TABLE IF NOT EXISTS out_of_turn_tickets (
  office_code    TEXT NOT NULL,
  day            TEXT NOT NULL,
  ticket_id      TEXT NOT NULL,
  number         INTEGER,
  called_at      INTEGER NOT NULL,
  shift          TEXT NOT NULL,
  service        TEXT NOT NULL,
  counter        INTEGER NOT NULL,
  staff_id       TEXT NOT NULL,
  jumped         INTEGER NOT NULL,
  first_waited_s INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, ticket_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS out_of_turn_tickets_worst ON out_of_turn_tickets (office_code, jumped, first_waited_s);

-- Per local hour (0..23) in which anyone waited: the peak of w and its
-- integral over the hour (ticket-seconds), whose mean is area_s / 3600.
CREATE TABLE IF NOT EXISTS hourly_waiting (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  hour        INTEGER NOT NULL,
  peak        INTEGER NOT NULL,
  area_s      INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, hour)
) WITHOUT ROWID;

-- Per counter, shift and staff member: open time and idle time while
-- clients waited, in seconds.
CREATE TABLE IF NOT EXISTS daily_idle (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  shift       TEXT NOT NULL,
  counter     INTEGER NOT NULL,
  staff_id    TEXT NOT NULL,
  open_s      INTEGER NOT NULL,
  idle_s      INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, shift, counter, staff_id)
) WITHOUT ROWID;

-- Ratings per staff member of their ticket, wait band of their ticket
-- (0: under 5 minutes, 1: 5 to 15, 2: 15 to 30, 3: 30 and more, -1: no
-- ticket or no wait known) and rating.
CREATE TABLE IF NOT EXISTS daily_feedback (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  staff_id    TEXT NOT NULL,
  wait_band   INTEGER NOT NULL,
  rating      INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, staff_id, wait_band, rating)
) WITHOUT ROWID;
