-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema v1: the tables of DESIGN §5 and the daily rollups the dashboards read.
--
-- Synced tables declare no foreign keys on purpose: the central server owns
-- referential integrity, and a page may carry a case before the staff member
-- or office it names. Rollups are derived data, rebuilt per (office, day) by
-- every ingest transaction that touches that day.
--
-- "day" columns are Gregorian calendar dates ('YYYY-MM-DD') in Asia/Tehran;
-- times are Unix seconds (UTC).

CREATE TABLE offices (
  code        TEXT PRIMARY KEY NOT NULL,
  name        TEXT NOT NULL,
  city        TEXT,
  province    TEXT,
  counters    INTEGER,
  updated_at  INTEGER
);

CREATE TABLE staff (
  id          TEXT PRIMARY KEY NOT NULL,
  office_code TEXT NOT NULL,
  name        TEXT NOT NULL,
  role        TEXT,
  active      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX staff_by_office ON staff (office_code);

CREATE TABLE cases (
  id            TEXT PRIMARY KEY NOT NULL,
  office_code   TEXT NOT NULL,
  tracking_code TEXT,
  kind          TEXT NOT NULL,
  filed_at      INTEGER NOT NULL,
  shift         TEXT NOT NULL,
  counter       INTEGER,
  staff_id      TEXT,
  client_name   TEXT,
  subject       TEXT,
  dest_court    TEXT,
  dest_city     TEXT,
  dest_province TEXT,
  status        TEXT NOT NULL,
  fee           INTEGER,
  updated_at    INTEGER,
  -- Folded text (see daftar-text.h) so that search matches ي/ی, ك/ک, digits, ZWNJ.
  search_key    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cases_by_office_time ON cases (office_code, filed_at);
CREATE INDEX cases_by_tracking_code ON cases (tracking_code);

CREATE TABLE tickets (
  id          TEXT PRIMARY KEY NOT NULL,
  office_code TEXT NOT NULL,
  number      INTEGER,
  service     TEXT NOT NULL,
  issued_at   INTEGER NOT NULL,
  called_at   INTEGER,
  started_at  INTEGER,
  finished_at INTEGER,
  counter     INTEGER,
  staff_id    TEXT,
  outcome     TEXT NOT NULL
);
CREATE INDEX tickets_by_office_time ON tickets (office_code, issued_at);

CREATE TABLE notices (
  id           TEXT PRIMARY KEY NOT NULL,
  office_code  TEXT NOT NULL,
  case_id      TEXT,
  channel      TEXT NOT NULL,
  issued_at    INTEGER NOT NULL,
  delivered_at INTEGER,
  viewed_at    INTEGER,
  deemed_at    INTEGER
);
CREATE INDEX notices_by_office_time ON notices (office_code, issued_at);
CREATE INDEX notices_by_case ON notices (case_id);

CREATE TABLE standards (
  key   TEXT PRIMARY KEY NOT NULL,
  value REAL NOT NULL
);

CREATE TABLE holidays (
  date TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL
);

CREATE TABLE sync_state (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT
);

CREATE TABLE sync_log (
  id          INTEGER PRIMARY KEY,
  started_at  INTEGER NOT NULL,
  finished_at INTEGER,
  server      TEXT,
  office_code TEXT,
  pages       INTEGER NOT NULL DEFAULT 0,
  records     INTEGER NOT NULL DEFAULT 0,
  rejected    INTEGER NOT NULL DEFAULT 0,
  result      TEXT,
  message     TEXT
);

CREATE TABLE sync_rejects (
  id          INTEGER PRIMARY KEY,
  received_at INTEGER NOT NULL,
  entity      TEXT,
  raw         TEXT NOT NULL,
  reason      TEXT NOT NULL
);

-- Rollups ------------------------------------------------------------------

-- Cases filed per office, day, shift, kind, status and destination scope
-- (local: the office's own city; province: elsewhere in its province;
-- other: another province).
CREATE TABLE daily_cases (
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

-- Tickets per office, day, shift and service. Waits count served tickets
-- (called_at - issued_at); service time is finished_at - started_at.
CREATE TABLE daily_tickets (
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

-- Wait histogram of served tickets: bin m holds waits in (m-1, m] minutes
-- (bin 0 holds zero waits; the last bin, 600, holds everything longer). It
-- makes percentiles and "share within target" exact to the minute over any
-- range without touching the tickets table.
CREATE TABLE daily_wait_hist (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  shift       TEXT NOT NULL,
  minute      INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, shift, minute)
) WITHOUT ROWID;

-- Arrivals and service per local hour, for heatmaps and staffing maths.
-- counters_open is the number of distinct counters that started a service
-- in that hour.
CREATE TABLE hourly_tickets (
  office_code   TEXT NOT NULL,
  day           TEXT NOT NULL,
  hour          INTEGER NOT NULL,
  arrivals      INTEGER NOT NULL,
  served        INTEGER NOT NULL,
  wait_sum_s    INTEGER NOT NULL,
  service_sum_s INTEGER NOT NULL,
  counters_open INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, hour)
) WITHOUT ROWID;

-- Notices per office, day of issue and channel. viewed counts notices that
-- have been viewed by now; view_sum_s sums viewed_at - issued_at.
CREATE TABLE daily_notices (
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
