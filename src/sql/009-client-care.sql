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

-- Months and years (daftar-rollup-levels.c): each office's Jalali months
-- and years, filed under their first day, so that a page over five years
-- reads a few rows per office. No network rows: every office's rows are
-- summed. dim names what a row is counted by, key its value:
-- 'shift_service' ('morning/petition'), 'staff' (staff_id), 'counter'.
CREATE TABLE IF NOT EXISTS monthly_out_of_turn (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  dim         TEXT NOT NULL,
  key         TEXT NOT NULL,
  called      INTEGER NOT NULL,
  out_of_turn INTEGER NOT NULL,
  jumped      INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, dim, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS yearly_out_of_turn (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  dim         TEXT NOT NULL,
  key         TEXT NOT NULL,
  called      INTEGER NOT NULL,
  out_of_turn INTEGER NOT NULL,
  jumped      INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, dim, key)
) WITHOUT ROWID;

-- Per weekday (Saturday 0) and hour: the days with anyone waiting, the
-- highest peak, the sum of the peaks and of the areas.
CREATE TABLE IF NOT EXISTS monthly_waiting (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  weekday     INTEGER NOT NULL,
  hour        INTEGER NOT NULL,
  days        INTEGER NOT NULL,
  peak_max    INTEGER NOT NULL,
  peak_sum    INTEGER NOT NULL,
  area_s      INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, weekday, hour)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS yearly_waiting (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  weekday     INTEGER NOT NULL,
  hour        INTEGER NOT NULL,
  days        INTEGER NOT NULL,
  peak_max    INTEGER NOT NULL,
  peak_sum    INTEGER NOT NULL,
  area_s      INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, weekday, hour)
) WITHOUT ROWID;
-- The hours over the seats, and the highest peak's day, without reading
-- every hour of the period: the seats are a standard, read at query time.
CREATE INDEX IF NOT EXISTS hourly_waiting_by_peak ON hourly_waiting (office_code, peak, day);

-- dim 'counter' (key: the counter) or 'staff' (key: staff_id), per shift;
-- shifts: the (day, shift)s counted.
CREATE TABLE IF NOT EXISTS monthly_idle (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  dim         TEXT NOT NULL,
  key         TEXT NOT NULL,
  shift       TEXT NOT NULL,
  shifts      INTEGER NOT NULL,
  open_s      INTEGER NOT NULL,
  idle_s      INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, dim, key, shift)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS yearly_idle (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  dim         TEXT NOT NULL,
  key         TEXT NOT NULL,
  shift       TEXT NOT NULL,
  shifts      INTEGER NOT NULL,
  open_s      INTEGER NOT NULL,
  idle_s      INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, dim, key, shift)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS monthly_feedback (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  staff_id    TEXT NOT NULL,
  wait_band   INTEGER NOT NULL,
  rating      INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, staff_id, wait_band, rating)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS yearly_feedback (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  staff_id    TEXT NOT NULL,
  wait_band   INTEGER NOT NULL,
  rating      INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, staff_id, wait_band, rating)
) WITHOUT ROWID;

-- The worst out of turn of every office in a long period, in order.
CREATE INDEX IF NOT EXISTS out_of_turn_tickets_worst_all ON out_of_turn_tickets (jumped, first_waited_s);
