-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema v4: yearly rollups for the figures a long period sums whole.
--
-- Each yearly_* table sums its monthly_* table over one Jalali year, filed
-- under the year's first day (1 Farvardin, as 'YYYY-MM-DD'). A query whose
-- figures are totals of the period (not per chart bin) reads its whole
-- Jalali years here, the months before and after them from the monthly
-- tables and the days at either end from the daily ones
-- (daftar-sql.h, DAFTAR_SQL_YEAR_SPANS_OF): five years of twenty offices'
-- counters and staff are some four thousand rows instead of fifteen.
--
-- Like their monthly tables, the ticket, hour and open-day tables hold
-- network rows (office_code ''); the counter and staff tables do not.
-- daftar-rollup-levels.c writes them after the months; this migration's hook
-- fills them for the data already here.

CREATE TABLE yearly_tickets (
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

CREATE TABLE yearly_hours (
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

CREATE TABLE yearly_open_days (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  weekday     INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, weekday)
) WITHOUT ROWID;

CREATE TABLE yearly_counter_load (
  office_code   TEXT NOT NULL,
  day           TEXT NOT NULL,
  shift         TEXT NOT NULL,
  counter       INTEGER NOT NULL,
  served        INTEGER NOT NULL,
  service_sum_s INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, shift, counter)
) WITHOUT ROWID;

-- days: the sum of the months' days, which never overlap.
CREATE TABLE yearly_staff_load (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  shift       TEXT NOT NULL,
  staff_id    TEXT NOT NULL,
  served      INTEGER NOT NULL,
  days        INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, shift, staff_id)
) WITHOUT ROWID;
