/* fuzz-known.h: the defects of issue 11 that other branches fix, which the fuzz targets step around until those fixes are merged. */
#pragma once

#include <glib.h>

#include "daftar-db.h"

G_BEGIN_DECLS

/* Each guard asks the code itself whether its defect is still there (a
 * probe with the defect's smallest input), once, and says so on stderr.
 * While it is, the target skips exactly the inputs of that defect, so that
 * a short CI run finds new crashes rather than this one again; once the fix
 * is merged the probe fails, the guard does nothing, and the inputs kept in
 * tests/fuzz/corpus/ under known-defect-* names run like any other.
 * FUZZ_NO_GUARDS=1 in the environment turns every guard off, to watch a
 * known defect crash. */

/* Defect 1: the pre-parse scan takes json-glib's comments for text, so a
 * comment holding a quote hides nesting and "\u0000" from it. Skips bodies
 * that hold "/" followed by "*" or "/". */
gboolean fuzz_known_defect_comments (const char *body,
                                     gsize       size);

/* Defect 1 too, the same fix (strict JSON before json-glib sees it): json-glib
 * 1.6 takes several top-level values, keeps the last and leaks the others
 * ("{}{}…{page}" is applied, and leaks 240 bytes per "{}"). Skips bodies
 * with an object or an array after the first value. */
gboolean fuzz_known_defect_several_values (const char *body,
                                           gsize       size);

/* Defect 2: times of years 0001–9999 at any offset are accepted, and one at
 * either end makes a local day no calendar function takes. Skips an
 * instant outside the years 1900–2199 (UTC). */
gboolean fuzz_known_defect_far_time (gint64      unix_time);

/* Defect 8: text from outside reaches error messages unfiltered. The
 * message check of a target (valid UTF-8, no C0 or C1 control, no bidi
 * control: what daftar_text_printable promises) is skipped for a message
 * that fails it while a probe shows the defect: json-glib's message of
 * a page, or a report's of an unknown office. */
gboolean fuzz_text_is_printable               (const char *text);
gboolean fuzz_known_defect_unfiltered_page    (void);
gboolean fuzz_known_defect_unfiltered_report  (DaftarDb   *db);

G_END_DECLS
