/* daftar-overview-page-private.h: the Overview's alerts list and office comparison, filled apart from the page's loading. */
#pragma once

#include <gtk/gtk.h>

#include "daftar-alerts.h"
#include "daftar-charts.h"
#include "daftar-office-comparison.h"
#include "daftar-queries.h"

G_BEGIN_DECLS

/* The sentence an alert shows as its title, e.g. «میانگین انتظار شیفت عصر
 * ۳ آذر ۱۴۰۵: ۴۲ دقیقه (استاندارد: حداکثر ۱۵ دقیقه)». @now is for the age
 * of a stale sync. */
char *daftar_overview_alert_title         (const DaftarAlert *alert,
                                           gint64             now);

/* Replaces the rows of @list: one per alert, a row for the @n_omitted more,
 * or «No alerts». @offices (DaftarOfficeInfo, nullable) names the office of
 * each alert when @name_offices. */
void  daftar_overview_fill_alerts         (GtkListBox        *list,
                                           GPtrArray         *alerts,
                                           guint              n_omitted,
                                           GPtrArray         *offices,
                                           gboolean           name_offices,
                                           gint64             now);

/* Fills the chart of mean wait per office against the standard and the
 * table @grid: a header row, then one row per office of @figures
 * (DaftarOfficeFigures). */
void  daftar_overview_fill_comparison     (DaftarChartFrame      *frame,
                                           GtkGrid               *grid,
                                           GPtrArray             *figures,
                                           const DaftarStandards *standards);

G_END_DECLS
