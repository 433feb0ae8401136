/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-common.h: what every fuzz target shares — libFuzzer's entry points, a quiet but strict GLib, a fresh database per input. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "daftar-db.h"

G_BEGIN_DECLS

/* libFuzzer's entry points; tests/fuzz/fuzz-replay.c calls them too, in
 * builds without libFuzzer, so the corpora are regression tests there. */
int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t  *data,
                             size_t          size);

/* Every target calls this first from LLVMFuzzerInitialize: criticals and
 * warnings abort (each is a bug, and a fuzzer only notices a crash), the
 * C locale with UTF-8 so that results do not depend on the machine. */
void      fuzz_init            (void);

/* A NUL-terminated copy of an input (inputs may hold NULs; this one ends at
 * the first). */
char     *fuzz_strndup         (const uint8_t *data,
                                size_t         size);

/* The part of @data up to the first '\n' (or the end), as a string; @data
 * and @size move past it. For targets that take several arguments. */
char     *fuzz_take_line       (const uint8_t **data,
                                size_t         *size);

/* A Daftar database in a temporary folder, migrated once; fuzz_db_reset
 * brings it back to that empty state (in well under a millisecond, where
 * migrating a new file takes tens), so that every input meets the same
 * database and a crash replays alone. Removed at exit. */
DaftarDb *fuzz_db_get          (void);
void      fuzz_db_reset        (void);
/* Remembers the database's present contents as the state fuzz_db_reset
 * returns to (for targets that fill it with data once). */
void      fuzz_db_snapshot     (void);

/* The first column of the first row of @sql, as an integer; aborts on an
 * SQL error. */
gint64    fuzz_db_query_int    (DaftarDb      *db,
                                const char    *sql);

/* Aborts with @what when @condition is false, in every build (unlike
 * g_assert under G_DISABLE_ASSERT): the fuzzer's only signal. */
#define fuzz_check(condition, ...) \
  G_STMT_START { \
    if (G_UNLIKELY (!(condition))) \
      fuzz_fail (__FILE__, __LINE__, #condition, __VA_ARGS__); \
  } G_STMT_END

/* What daftar_text_printable promises of a message: valid UTF-8, no C0 or
 * C1 control, no bidi embedding, override or isolate control. */
gboolean  fuzz_text_is_printable (const char  *text);

G_NORETURN G_GNUC_PRINTF (4, 5)
void      fuzz_fail            (const char    *file,
                                int            line,
                                const char    *condition,
                                const char    *format,
                                ...);

G_END_DECLS
