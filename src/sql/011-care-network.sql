-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema v11: the client-care figures of every office together, read from the network's own rows (issue 15's page budget).
--
-- The Client care page of every office together read each office's rows
-- of the period: at scale L (20 offices, five years) that cost 120 ms
-- where the budget is 16. Like the other pages it now reads the
-- network's rows (office_code ''), summed from the offices' by
-- daftar-rollup-levels.c whenever they change:
--
-- * network_* hold the network's days, in the shape of the months
--   (sql/009-client-care.sql), so that a day of the network is one row
--   per thing the page lists, not one per office and combination. The
--   offices' monthly and yearly rows of client care get their network
--   rows too (office_code ''), made by the code, not by this file.
--
-- * The ratings' months and years are kept by wait band and by staff
--   member apart (below).
--
-- * A crowded hour is one whose peak was over the waiting room's seats, a
--   standard. Counting them per office and hour over five years of every
--   office read some 12,000 rows, so the months, the years and the
--   network's days keep the count against the seats in force when they
--   were summed (over_limit), as monthly_case_staff does with its own
--   standard, and are summed again when the standard changes
--   (daftar_rollup_levels_restandard).
--
-- The rollups are derived data: the tables whose columns change are made
-- anew and filled again by the migration's code (daftar-migrations.c).
-- IF EXISTS / IF NOT EXISTS: a file whose version was taken back by hand
-- still opens.

DROP TABLE IF EXISTS monthly_waiting;
DROP TABLE IF EXISTS yearly_waiting;
DROP TABLE IF EXISTS monthly_open_days;
DROP TABLE IF EXISTS yearly_open_days;
DROP TABLE IF EXISTS monthly_feedback;
DROP TABLE IF EXISTS yearly_feedback;

-- Per weekday (Saturday 0) and hour: the days with anyone waiting, the
-- highest peak, the sum of the peaks and of the areas, and the days whose
-- peak was over over_limit seats.
CREATE TABLE monthly_waiting (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  weekday     INTEGER NOT NULL,
  hour        INTEGER NOT NULL,
  days        INTEGER NOT NULL,
  peak_max    INTEGER NOT NULL,
  peak_sum    INTEGER NOT NULL,
  area_s      INTEGER NOT NULL,
  days_over   INTEGER NOT NULL,
  over_limit  INTEGER,
  PRIMARY KEY (office_code, day, weekday, hour)
) WITHOUT ROWID;
CREATE TABLE yearly_waiting (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  weekday     INTEGER NOT NULL,
  hour        INTEGER NOT NULL,
  days        INTEGER NOT NULL,
  peak_max    INTEGER NOT NULL,
  peak_sum    INTEGER NOT NULL,
  area_s      INTEGER NOT NULL,
  days_over   INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, weekday, hour)
) WITHOUT ROWID;

-- Days the office issued a ticket, per weekday (the network's rows count
-- office-days), and how many of them had an hour over over_limit seats.
CREATE TABLE monthly_open_days (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  weekday     INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  crowded     INTEGER NOT NULL,
  over_limit  INTEGER,
  PRIMARY KEY (office_code, day, weekday)
) WITHOUT ROWID;
CREATE TABLE yearly_open_days (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  weekday     INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  crowded     INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, weekday)
) WITHOUT ROWID;

-- The ratings of a month or a year, by the two things the page counts
-- them by, not by every combination of them (a staff member's wait bands
-- and ratings made the network's months some 2,000 rows each): dim
-- 'wait_band' (key: the band, -1 without a called ticket) per rating, and
-- dim 'staff' (key: staff_id, '' unknown) with rating 0, its count and
-- the sum of its ratings.
CREATE TABLE monthly_feedback (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  dim         TEXT NOT NULL,
  key         TEXT NOT NULL,
  rating      INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  rating_sum  INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, dim, key, rating)
) WITHOUT ROWID;
CREATE TABLE yearly_feedback (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  dim         TEXT NOT NULL,
  key         TEXT NOT NULL,
  rating      INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  rating_sum  INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, dim, key, rating)
) WITHOUT ROWID;

-- The network's days. Out of turn, per dim ('shift_service', 'staff',
-- 'counter') and key, as monthly_out_of_turn.
CREATE TABLE IF NOT EXISTS network_out_of_turn (
  day         TEXT NOT NULL,
  dim         TEXT NOT NULL,
  key         TEXT NOT NULL,
  called      INTEGER NOT NULL,
  out_of_turn INTEGER NOT NULL,
  jumped      INTEGER NOT NULL,
  PRIMARY KEY (day, dim, key)
) WITHOUT ROWID;

-- Per hour: the offices with anyone waiting (days), the highest of their
-- peaks, the sum of the peaks and of the areas, and the offices whose
-- peak was over over_limit seats.
CREATE TABLE IF NOT EXISTS network_waiting (
  day         TEXT NOT NULL,
  weekday     INTEGER NOT NULL,
  hour        INTEGER NOT NULL,
  days        INTEGER NOT NULL,
  peak_max    INTEGER NOT NULL,
  peak_sum    INTEGER NOT NULL,
  area_s      INTEGER NOT NULL,
  days_over   INTEGER NOT NULL,
  over_limit  INTEGER,
  PRIMARY KEY (day, hour)
) WITHOUT ROWID;

-- The offices open that day (n), and how many of them were crowded.
CREATE TABLE IF NOT EXISTS network_open_days (
  day         TEXT NOT NULL,
  weekday     INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  crowded     INTEGER NOT NULL,
  over_limit  INTEGER,
  PRIMARY KEY (day)
) WITHOUT ROWID;

-- Idle while clients waited, per dim ('counter', 'staff') and key and
-- shift; shifts: the offices' shifts counted, as monthly_idle.
CREATE TABLE IF NOT EXISTS network_idle (
  day         TEXT NOT NULL,
  dim         TEXT NOT NULL,
  key         TEXT NOT NULL,
  shift       TEXT NOT NULL,
  shifts      INTEGER NOT NULL,
  open_s      INTEGER NOT NULL,
  idle_s      INTEGER NOT NULL,
  PRIMARY KEY (day, dim, key, shift)
) WITHOUT ROWID;

-- The ratings, as monthly_feedback.
CREATE TABLE IF NOT EXISTS network_feedback (
  day         TEXT NOT NULL,
  dim         TEXT NOT NULL,
  key         TEXT NOT NULL,
  rating      INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  rating_sum  INTEGER NOT NULL,
  PRIMARY KEY (day, dim, key, rating)
) WITHOUT ROWID;

-- The month to date of the three above, for the days at a period's edges:
-- a row of day d sums the network's days from the first of d's Jalali
-- month to d, for every key seen since, and is written for the days that
-- have rows. The days from a to b of one month are then the month to date
-- at b less that on the day before a: two sets of rows, however many
-- days (daftar-care-figures.c), where the days themselves were a hundred
-- staff members a day.
CREATE TABLE IF NOT EXISTS network_out_of_turn_mtd (
  day         TEXT NOT NULL,
  dim         TEXT NOT NULL,
  key         TEXT NOT NULL,
  called      INTEGER NOT NULL,
  out_of_turn INTEGER NOT NULL,
  jumped      INTEGER NOT NULL,
  PRIMARY KEY (day, dim, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS network_idle_mtd (
  day         TEXT NOT NULL,
  dim         TEXT NOT NULL,
  key         TEXT NOT NULL,
  shift       TEXT NOT NULL,
  shifts      INTEGER NOT NULL,
  open_s      INTEGER NOT NULL,
  idle_s      INTEGER NOT NULL,
  PRIMARY KEY (day, dim, key, shift)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS network_feedback_mtd (
  day         TEXT NOT NULL,
  dim         TEXT NOT NULL,
  key         TEXT NOT NULL,
  rating      INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  rating_sum  INTEGER NOT NULL,
  PRIMARY KEY (day, dim, key, rating)
) WITHOUT ROWID;
