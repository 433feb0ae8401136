/* daftar-sql.h: SQL fragments shared by the query modules. */
#pragma once

/* Rows of the office bound to ?1, or of every office when ?1 is NULL.
 *
 * Written as an IN list over the offices table rather than
 * "?1 IS NULL OR office_code = ?1": SQLite cannot use an (office_code, day,
 * ...) primary key for the OR form and scans the whole table, so a one-day
 * figure cost as much as the network's whole history. With the IN list each
 * office is one index range. Ingest guarantees every office with records
 * has a row in offices (see daftar-ingest.c). */
#define DAFTAR_SQL_OFFICE_IN(column) \
  column " IN (SELECT code FROM offices WHERE ?1 IS NULL OR code = ?1)"
