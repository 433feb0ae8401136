-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema v2: rollups for destinations and staff and counter load, so the
-- Cases and Shifts pages need no base-table scan over long periods; a partial
-- index for the unviewed electronic notices; and a trigram index over the
-- cases' folded search keys.
--
-- Existing databases get these rollups rebuilt for every day they hold, in
-- this migration's transaction (daftar-migrations.c).

-- Cases per destination. '' stands for an unknown province or city.
CREATE TABLE daily_case_places (
  office_code   TEXT NOT NULL,
  day           TEXT NOT NULL,
  dest_province TEXT NOT NULL,
  dest_city     TEXT NOT NULL,
  n             INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, dest_province, dest_city)
) WITHOUT ROWID;

-- Cases filed per staff member and shift ('' when no staff member is named).
CREATE TABLE daily_case_staff (
  office_code TEXT NOT NULL,
  day         TEXT NOT NULL,
  shift       TEXT NOT NULL,
  staff_id    TEXT NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, shift, staff_id)
) WITHOUT ROWID;

-- Served tickets per counter and staff member. The shift follows the hour
-- the ticket was issued, as in daily_tickets; counter -1 and staff_id ''
-- stand for unknown.
CREATE TABLE daily_ticket_load (
  office_code   TEXT NOT NULL,
  day           TEXT NOT NULL,
  shift         TEXT NOT NULL,
  counter       INTEGER NOT NULL,
  staff_id      TEXT NOT NULL,
  served        INTEGER NOT NULL,
  service_sum_s INTEGER NOT NULL,
  PRIMARY KEY (office_code, day, shift, counter, staff_id)
) WITHOUT ROWID;

-- The follow-up list reads only what is still unviewed; queries must repeat
-- this WHERE clause for SQLite to use it.
CREATE INDEX notices_unviewed ON notices (office_code, issued_at)
  WHERE channel = 'electronic' AND viewed_at IS NULL;

-- Substring search over search_key (already folded: Persian letters, ASCII
-- digits, no ZWNJ). Triggers keep it in step with every write to cases,
-- whichever path writes (ingest, a resync's swap). detail=none and
-- columnsize=0 keep no positions or sizes: LIKE is still answered exactly
-- (SQLite checks each candidate row), and ingest pays a third less for it.
CREATE VIRTUAL TABLE cases_search USING fts5 (
  search_key, content = 'cases', content_rowid = 'rowid', tokenize = 'trigram',
  detail = none, columnsize = 0
);
CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN
  INSERT INTO cases_search (rowid, search_key) VALUES (new.rowid, new.search_key);
END;
CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN
  INSERT INTO cases_search (cases_search, rowid, search_key) VALUES ('delete', old.rowid, old.search_key);
END;
CREATE TRIGGER cases_search_update AFTER UPDATE OF search_key ON cases BEGIN
  INSERT INTO cases_search (cases_search, rowid, search_key) VALUES ('delete', old.rowid, old.search_key);
  INSERT INTO cases_search (rowid, search_key) VALUES (new.rowid, new.search_key);
END;
INSERT INTO cases_search (cases_search) VALUES ('rebuild');
