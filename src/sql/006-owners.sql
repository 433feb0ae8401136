-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema v6: every row says whose it is, so one office's feed cannot change
-- another office's rows.
--
-- Rows of the office tables have their office_code; standards and holidays
-- are shared by every office in the file, so each row now records, in a
-- new column office_code, the office whose feed stored it. Ingest lets a
-- feed change or delete only its own rows (daftar-ingest.c); a row from
-- before this step (NULL) is taken by the next feed that sends it.
--
-- The columns are added by this step's hook (daftar-migrations.c), only
-- where they are missing: SQLite has no ADD COLUMN IF NOT EXISTS, and a
-- file taken back to an older version by hand must still open.
--
-- The hook also gives back a row in offices to every office that has
-- records but lost its row to a deleted office record: the network's rows
-- sum the offices listed there, so such an office had dropped out of the
-- network's totals.

SELECT 1;
