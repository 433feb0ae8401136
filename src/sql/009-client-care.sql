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
