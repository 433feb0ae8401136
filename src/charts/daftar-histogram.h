/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-histogram.h: counts per bin drawn as adjacent bars (e.g. time from issue to view of notices). */
#pragma once

#include "daftar-bar-chart.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_HISTOGRAM (daftar_histogram_get_type ())
G_DECLARE_FINAL_TYPE (DaftarHistogram, daftar_histogram, DAFTAR, HISTOGRAM, DaftarBarChart)

GtkWidget *daftar_histogram_new      (void);
/* Replaces the bins: @labels are already formatted ("۰ تا ۱ روز"), @counts
 * their sizes; both have @n_bins entries. */
void       daftar_histogram_set_bins (DaftarHistogram    *self,
                                      const char * const *labels,
                                      const double       *counts,
                                      guint               n_bins);

G_END_DECLS
