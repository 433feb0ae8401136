/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-overview-page-private.h: the Overview's alerts list and office comparison, filled apart from the page's loading, and what its rows ask of the page. */
#pragma once

#include <gtk/gtk.h>

#include "daftar-alerts.h"
#include "daftar-annotations.h"
#include "daftar-charts.h"
#include "daftar-office-comparison.h"
#include "daftar-overview-page.h"
#include "daftar-period.h"
#include "daftar-queries.h"

G_BEGIN_DECLS

/* The sentence an alert shows as its title, e.g. «میانگین انتظار شیفت عصر
 * ۳ آذر ۱۴۰۵: ۴۲ دقیقه (استاندارد: حداکثر ۱۵ دقیقه)». @now is for the age
 * of a stale sync. */
char *daftar_overview_alert_title         (const DaftarAlert *alert,
                                           gint64             now);

/* The page that shows the figures of an alert of @kind: "shifts" (the
 * wait standards), "notices" (the read rate) or "care" (client care). */
const char *daftar_overview_alert_page    (DaftarAlertKind    kind);

/* Replaces the rows of @list: one per alert of @alerts (sync, read rate,
 * rating), one per roll-up of @rollups, or «No alerts». The rows take the alerts
 * and roll-ups, leaving the arrays empty. @annotations (the period's notes)
 * is shared with the rows; after changing it, call
 * daftar_overview_refresh_notes(). @offices (DaftarOfficeInfo, nullable)
 * names the office of each alert when @name_offices. */
void  daftar_overview_fill_alerts         (DaftarOverviewPage *page,
                                           GtkListBox         *list,
                                           GPtrArray          *alerts,
                                           GPtrArray          *rollups,
                                           GPtrArray          *annotations,
                                           GPtrArray          *offices,
                                           gboolean            name_offices,
                                           const DaftarPeriod *period,
                                           gint64              now);
void  daftar_overview_refresh_notes       (GtkListBox         *list);

/* What a row asks of the page: to open @page_name over @period, bringing
 * @shift (-1: none) into view (the Shifts page when the window has no
 * @page_name page); to edit @note (or write a new one on its
 * key) on the alert said by @alert. */
void  daftar_overview_page_open           (DaftarOverviewPage     *self,
                                           const char             *page_name,
                                           const DaftarPeriod     *period,
                                           int                     shift);
void  daftar_overview_page_edit_note      (DaftarOverviewPage     *self,
                                           const DaftarAnnotation *note,
                                           const char             *alert);

/* Fills the chart of mean wait per office against the standard and the
 * table @grid: a header row, then one row per office of @figures
 * (DaftarOfficeFigures). */
void  daftar_overview_fill_comparison     (DaftarChartFrame      *frame,
                                           GtkGrid               *grid,
                                           GPtrArray             *figures,
                                           const DaftarStandards *standards);

G_END_DECLS
