-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema v5: the search index over cases is brought up to date once per
-- ingest page instead of once per written case.
--
-- The v2 triggers wrote into cases_search for every row. Inside a page's
-- transaction every statement that may need undoing opens a statement
-- savepoint, and FTS5 writes its pending terms to disk at each one: a tiny
-- segment per case, merged again and again, a third of ingest's time.
--
-- Now the triggers only note, in cases_search_queue, each row of cases a
-- write touches, with its search_key as the index holds it (NULL: the index
-- holds nothing for that rowid). The first note of a row wins, so the queue
-- keeps the index's side however often the row changes before it is read.
-- daftar_case_search_index_apply (daftar-case-search-index.c) turns the
-- queue into one write to cases_search: 'delete' for what the index holds
-- and the row no longer does, the row's new key for the rest, in rowid
-- order; then it empties the queue. Ingest runs it before each page
-- commits and the resync swap before it commits, so every transaction of
-- the program leaves the index complete. A write from elsewhere (a sqlite3
-- shell, a future migration) is still exact: it waits in the queue until
-- the next apply, and search only misses the rows it touched until then.
--
-- The queue's name starts with cases_search_ so that code listing the
-- tables at run time takes it for part of the index: the resync swap does
-- not copy it (a queue only means something beside its own file's rowids)
-- and emptying the demo database does not empty it (the notes of the rows
-- deleted there are what takes them out of the index). Whatever is run on
-- cases_search itself ('rebuild', 'delete-all') must empty the queue in the
-- same transaction.
--
-- The index already matches cases here (the v2 triggers kept it), so the
-- queue starts empty. IF NOT EXISTS: a file whose index was dropped and
-- made again by hand, as test-db.c takes one back to v1, still has it.

CREATE TABLE IF NOT EXISTS cases_search_queue (
  doc        INTEGER PRIMARY KEY,  -- rowid in cases
  search_key TEXT                  -- as indexed; NULL if the index holds nothing for doc
);

DROP TRIGGER IF EXISTS cases_search_insert;
DROP TRIGGER IF EXISTS cases_search_delete;
DROP TRIGGER IF EXISTS cases_search_update;

-- ON CONFLICT DO NOTHING rather than OR IGNORE: a trigger's own OR clause
-- gives way to the outer statement's (an upsert's update runs as OR ABORT,
-- INSERT OR REPLACE would overwrite the first note); an upsert clause holds.
CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN
  INSERT INTO cases_search_queue (doc, search_key) VALUES (new.rowid, NULL)
  ON CONFLICT (doc) DO NOTHING;
END;
CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN
  INSERT INTO cases_search_queue (doc, search_key) VALUES (old.rowid, old.search_key)
  ON CONFLICT (doc) DO NOTHING;
END;
-- An upsert sets search_key whether or not it changed; an unchanged key
-- leaves nothing to do.
CREATE TRIGGER cases_search_update AFTER UPDATE OF search_key ON cases
WHEN old.search_key IS NOT new.search_key OR old.rowid IS NOT new.rowid BEGIN
  INSERT INTO cases_search_queue (doc, search_key) VALUES (old.rowid, old.search_key)
  ON CONFLICT (doc) DO NOTHING;
  INSERT INTO cases_search_queue (doc, search_key) VALUES (new.rowid, NULL)
  ON CONFLICT (doc) DO NOTHING;
END;
