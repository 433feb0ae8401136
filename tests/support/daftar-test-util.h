/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-test-util.h: helpers shared by the test programs — temporary databases, pages, checksums. */
#pragma once

#include <json-glib/json-glib.h>

#include "daftar-db.h"

G_BEGIN_DECLS

/* A new empty folder under the system temp dir, removed with its files by
 * daftar_test_tmpdir_free. */
char       *daftar_test_tmpdir_new       (void);
void        daftar_test_tmpdir_free      (char *path);

/* Opens (creating and migrating) a fresh database in a new temp folder;
 * *out_dir receives the folder to free with daftar_test_tmpdir_free. */
DaftarDb   *daftar_test_db_new           (char **out_dir);

/* Parses @json, failing the test if it is not an object. */
JsonObject *daftar_test_parse_object     (const char *json);

/* A protocol page for @office around @changes_json (a JSON array text). */
JsonObject *daftar_test_page             (const char *office,
                                          const char *cursor,
                                          const char *changes_json);

/* SHA-256 over every row of @table in primary-key order: two databases with
 * equal checksums hold equal data. */
char       *daftar_test_table_checksum   (DaftarDb   *db,
                                          const char *table);
/* The checksums of @tables, each asserted to hold rows: what a migration
 * test expects to find again. */
GPtrArray  *daftar_test_checksums        (DaftarDb           *db,
                                          const char * const *tables,
                                          guint               n_tables);
/* Runs @downgrade_sql on @db (which takes it back to an older schema),
 * closes it and opens its file again, which migrates it to the newest
 * schema, and asserts that each of @tables holds what @before
 * (daftar_test_checksums) says. Returns the database opened again. */
DaftarDb   *daftar_test_migrate_again    (DaftarDb           *db,
                                          const char         *downgrade_sql,
                                          const char * const *tables,
                                          guint               n_tables,
                                          GPtrArray          *before);
/* Whether @text (nullable) holds a Persian digit (U+06F0–U+06F9), or an
 * ASCII digit: what the Persian and English UI tests look for. */
gboolean    daftar_test_has_persian_digit (const char *text);
gboolean    daftar_test_has_latin_digit   (const char *text);
/* Whether @text (nullable) holds a Persian (Arabic-script) letter, digits
 * aside: an untranslated English message has none. */
gboolean    daftar_test_has_persian_letter (const char *text);
/* @text without the invisible direction marks (ALM, LRM, RLM and the
 * isolates) that keep numbers and codes in place: what a reader sees,
 * for comparing with a sentence written out in a test. */
char       *daftar_test_without_marks    (const char *text);

gint64      daftar_test_count            (DaftarDb   *db,
                                          const char *sql);

/* Runs the main loop until @cond holds. A timer wakes the loop so that a
 * condition set from another thread is seen; the deadline only stops a hang. */
void        daftar_test_wait_for         (gboolean (*cond) (gpointer),
                                          gpointer   data);
/* Runs what is pending, again over a few tenths of a second, so what changed
 * is laid out and drawn. */
void        daftar_test_settle           (void);
/* For a case that sets what is process-wide (the UI language, a
 * GApplication): in the test program, runs the case again in a child
 * process, on the same stderr so that its summary line shows in the log,
 * and fails unless the child passes; returns FALSE. In that child, returns
 * TRUE: the case's body runs there. */
gboolean    daftar_test_in_child         (void);

/* Every file of @dir with a digest of its bytes, sorted: equal listings
 * mean nothing was changed, added (a -wal, -shm or -journal) or removed. */
char       *daftar_test_dir_listing      (const char *dir);

G_END_DECLS
