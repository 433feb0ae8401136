-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema v10: what the desktop notifications have already told the manager, so each breach is announced once.
--
-- A breached standard is kept per office, standard (kind: the nick of
-- DaftarAlertKind, "wait" or "service_level"), shift ("morning",
-- "evening") and day (the office's local day, YYYY-MM-DD): a later day
-- breached by the same shift is news, the same day again is not. Rows of
-- days older than the notifications look at are pruned
-- (daftar-notifications.c), so the table stays a few hundred rows.
--
-- The sync is the whole database's: its rows have office_code, shift and
-- day ''. "sync_failed" is kept while the failure streak it announced
-- lasts (since: the start of its first failed run) and removed by the
-- next success; "sync_stale" keeps the last successful sync it was stale
-- since, so a later stale spell is announced again.
--
-- Written only by this machine, never by a feed: the 410 resync swap
-- (daftar-sync-jobs.c) leaves it alone.
--
-- IF NOT EXISTS: a file whose version was taken back by hand still opens.

CREATE TABLE IF NOT EXISTS notified (
  office_code TEXT NOT NULL,
  kind        TEXT NOT NULL,
  shift       TEXT NOT NULL DEFAULT '',
  day         TEXT NOT NULL DEFAULT '',
  since       INTEGER NOT NULL DEFAULT 0,
  notified_at INTEGER NOT NULL,
  PRIMARY KEY (office_code, kind, shift, day)
) WITHOUT ROWID;
