-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema v3: figures over long periods and over the whole network read a
-- few rows instead of every office's every day.
--
-- 1. Monthly rollups. Each monthly_* table sums a daily rollup over one
--    Jalali month. Its day column holds the first day of that month
--    (Gregorian 'YYYY-MM-DD', like every day column), so a chart binned by
--    Jalali month files a monthly row under the right bin, and a query over a
--    period reads whole months here and only the partial months at its two
--    ends from the daily tables (daftar-sql.h, daftar_sql_prepare_spans).
--
-- 2. Network rows. In the daily and monthly rollups a row whose office_code
--    is '' is the sum of every office's rows with the same keys ('' is no
--    valid office code, and it has no row in offices). The "all offices"
--    view reads these instead of summing twenty offices on the fly. Queries
--    that sum offices themselves must name the offices (DAFTAR_SQL_OFFICE_IN)
--    so they never count the network rows too. daily_ticket_load has no
--    network rows: its counters only mean something inside one office.
--
-- 3. The time from issue to view of electronic notices, per day of issue,
--    which the Notices page used to read from every notice of the period.
--    Its "not viewed yet" bin also counts the follow-up list.
--
-- 4. The follow-up list of unviewed notices reads pages in (issued_at, id)
--    order: one office from notices_unviewed, now ending in id so no page
--    needs a sort, and every office from notices_unviewed_by_time. The case
--    list of every office reads cases newest first from cases_by_time.
--
-- The rollups of an (office, day) are written by daftar-rollups.c, the
-- network rows and months after them by daftar-rollups-levels.c; this
-- migration's hook fills the new tables for the data already here.

-- Electronic notices per day of issue by time to view: bin b holds delays in
-- [lower, upper) of daftar_view_bin_lower_s/upper_s; bin 8 the notices not
-- viewed yet.
CREATE TABLE daily_view_times (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  bin         INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, bin)
) WITHOUT ROWID;

CREATE TABLE monthly_cases (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  shift       TEXT NOT NULL,
  kind        TEXT NOT NULL,
  status      TEXT NOT NULL,
  dest_scope  TEXT NOT NULL,
  n           INTEGER NOT NULL,
  fee_total   INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, shift, kind, status, dest_scope)
) WITHOUT ROWID;

CREATE TABLE monthly_tickets (
  office_code   TEXT NOT NULL,
  day           TEXT NOT NULL,
  shift         TEXT NOT NULL,
  service       TEXT NOT NULL,
  issued        INTEGER NOT NULL,
  served        INTEGER NOT NULL,
  no_show       INTEGER NOT NULL,
  cancelled     INTEGER NOT NULL,
  wait_n        INTEGER NOT NULL,
  wait_sum_s    INTEGER NOT NULL,
  service_n     INTEGER NOT NULL,
  service_sum_s INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, shift, service)
) WITHOUT ROWID;

CREATE TABLE monthly_wait_hist (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  shift       TEXT NOT NULL,
  minute      INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, shift, minute)
) WITHOUT ROWID;

-- hourly_tickets summed per weekday (0 = Saturday … 6 = Friday) and hour.
CREATE TABLE monthly_hours (
  office_code   TEXT NOT NULL,
  day           TEXT NOT NULL,
  weekday       INTEGER NOT NULL,
  hour          INTEGER NOT NULL,
  arrivals      INTEGER NOT NULL,
  served        INTEGER NOT NULL,
  wait_sum_s    INTEGER NOT NULL,
  service_sum_s INTEGER NOT NULL,
  counters_open INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, weekday, hour)
) WITHOUT ROWID;

-- Days the office issued a ticket, per weekday; the network row counts
-- office-days (the sum of the offices' rows), as the heatmap's means do.
CREATE TABLE monthly_open_days (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  weekday     INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, weekday)
) WITHOUT ROWID;

CREATE TABLE monthly_notices (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  channel     TEXT NOT NULL,
  issued      INTEGER NOT NULL,
  delivered   INTEGER NOT NULL,
  viewed      INTEGER NOT NULL,
  deemed      INTEGER NOT NULL,
  view_sum_s  INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, channel)
) WITHOUT ROWID;

CREATE TABLE monthly_view_times (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  bin         INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, bin)
) WITHOUT ROWID;

CREATE TABLE monthly_case_places (
  office_code   TEXT NOT NULL,
  day           TEXT NOT NULL,
  dest_province TEXT NOT NULL,
  dest_city     TEXT NOT NULL,
  n             INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, dest_province, dest_city)
) WITHOUT ROWID;

-- days: the shifts (days) in the month in which the staff member filed;
-- max_n: the most filings in one of them; over_n: how many of them had
-- more filings than over_limit, the standard max_cases_per_staff_shift when
-- the row was written (NULL: there was none). A row whose over_limit is not
-- the standard in force is stale for over_n: queries then read the days
-- (daftar-cases-query.c), and the next ingest of a standard rewrites it.
CREATE TABLE monthly_case_staff (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  shift       TEXT NOT NULL,
  staff_id    TEXT NOT NULL,
  n           INTEGER NOT NULL,
  days        INTEGER NOT NULL,
  max_n       INTEGER NOT NULL,
  over_n      INTEGER NOT NULL,
  over_limit  REAL,
  PRIMARY KEY (office_code, day, shift, staff_id)
) WITHOUT ROWID;

-- daily_ticket_load split in its two uses. Like it, per office only (no
-- network rows): the Shifts page lists counters and staff office by office.
CREATE TABLE monthly_counter_load (
  office_code   TEXT NOT NULL,
  day           TEXT NOT NULL,
  shift         TEXT NOT NULL,
  counter       INTEGER NOT NULL,
  served        INTEGER NOT NULL,
  service_sum_s INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, shift, counter)
) WITHOUT ROWID;

-- days: the days in the month on which the staff member served anyone in
-- that shift, at whichever counter.
CREATE TABLE monthly_staff_load (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  shift       TEXT NOT NULL,
  staff_id    TEXT NOT NULL,
  served      INTEGER NOT NULL,
  days        INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, shift, staff_id)
) WITHOUT ROWID;

DROP INDEX notices_unviewed;
CREATE INDEX notices_unviewed ON notices (office_code, issued_at, id)
  WHERE channel = 'electronic' AND viewed_at IS NULL;
CREATE INDEX notices_unviewed_by_time ON notices (issued_at, id)
  WHERE channel = 'electronic' AND viewed_at IS NULL;
CREATE INDEX cases_by_time ON cases (filed_at);
