/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-chart-frame-private.h: what the chart frame's table export asks of the frame. */
#pragma once

#include "daftar-chart-frame.h"

G_BEGIN_DECLS

/* The titles of the table's columns: the labels', and series @index's. */
const char *daftar_chart_frame_label_header  (DaftarChartFrame *self);
const char *daftar_chart_frame_series_header (DaftarChartFrame *self,
                                              guint             index);
/* FALSE when no period was set. */
gboolean    daftar_chart_frame_get_period    (DaftarChartFrame *self,
                                              GDate            *out_from,
                                              GDate            *out_to);

/* "table.save-csv": asks where, saves, and says how it went in the
 * frame's "status_label". */
void        daftar_chart_frame_save_table_ask (DaftarChartFrame *self);

G_END_DECLS
