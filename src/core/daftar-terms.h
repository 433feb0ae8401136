/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-terms.h: the figures' terms explained in a sentence or two, for tooltips beside them. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A term a manager may not know, or may read otherwise than the figure
 * means it. */
typedef enum {
  DAFTAR_TERM_WAIT_MEAN,
  DAFTAR_TERM_WAIT_P90,
  DAFTAR_TERM_SERVICE_LEVEL,
  DAFTAR_TERM_READ_RATE,
  DAFTAR_TERM_OCCUPANCY,
  DAFTAR_TERM_STAFFING_MODEL,
  DAFTAR_N_TERMS
} DaftarTerm;

/* What @term means, in the UI's language; numbers in it («۹ نفر از هر ۱۰»)
 * follow the digits preference. Newly allocated. */
char *daftar_term_explain           (DaftarTerm term);

/* The name of the 90th-percentile wait on a tile («صدک ۹۰ زمان انتظار»),
 * its number in the UI's digits. Newly allocated. */
char *daftar_term_wait_p90_title    (void);

G_END_DECLS
