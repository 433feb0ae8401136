-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema v7: the manager's notes on alerts ("one counter closed for
-- repairs"), to explain a breach to the province.
--
-- A note is the office's own writing, not the central server's: no feed
-- ever writes it, and the 410 resync swap (daftar-sync-jobs.c), which
-- replaces an office's rows of every other data table with the fresh copy's,
-- leaves this table alone. The demo database, regenerated each day, is the
-- only place its notes are emptied.
--
-- A note is keyed by what names its alert: the office, the standard
-- (kind: the nick of DaftarAlertKind, "wait", "service_level" or
-- "read_rate"), the shift ("morning", "evening", or '' for the read rate,
-- which is the whole office's) and its days: one day for a day's breach,
-- first_day .. last_day for a roll-up's or a read rate's range. Days are
-- the office's local days, YYYY-MM-DD, as in the rollups.
--
-- The text is stored normalised (daftar_text_normalize: NFC, Persian ی and
-- ک, one space per run of whitespace) and bounded in characters by
-- daftar-annotations.c; the CHECK below bounds it in bytes as a last guard
-- against a writer that skipped it.
--
-- IF NOT EXISTS: a file whose version was taken back by hand still opens.

CREATE TABLE IF NOT EXISTS annotations (
  id          INTEGER PRIMARY KEY,
  office_code TEXT NOT NULL,
  kind        TEXT NOT NULL,
  shift       TEXT NOT NULL DEFAULT '',
  first_day   TEXT NOT NULL,
  last_day    TEXT NOT NULL,
  text        TEXT NOT NULL CHECK (length(CAST(text AS BLOB)) BETWEEN 1 AND 4000),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  CHECK (first_day <= last_day),
  UNIQUE (office_code, kind, shift, first_day, last_day)
);

-- The notes that overlap a period: by office, then by the first day.
CREATE INDEX IF NOT EXISTS annotations_by_office_day ON annotations (office_code, first_day, last_day);
