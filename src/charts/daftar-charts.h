/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-charts.h: everything a page needs to show charts — include this one header. */
#pragma once

#include "daftar-chart-series.h"
#include "daftar-chart-scale.h"
#include "daftar-chart.h"
#include "daftar-bar-chart.h"
#include "daftar-stacked-bar-chart.h"
#include "daftar-histogram.h"
#include "daftar-line-chart.h"
#include "daftar-heatmap.h"
#include "daftar-kpi-tile.h"
#include "daftar-chart-frame.h"

G_BEGIN_DECLS

/* Adds the charts' stylesheet to the default display, once. Every chart
 * widget calls it when created, so pages need not; it is public for the
 * application to call early if it likes. */
void daftar_charts_ensure_style (void);

G_END_DECLS
