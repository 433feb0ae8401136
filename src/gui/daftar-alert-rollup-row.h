/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-alert-rollup-row.h: one shift's breaches of one standard over the period, expandable to its days, each opening the Shifts or Client care page, with the manager's notes. */
#pragma once

#include <adwaita.h>

#include "daftar-alerts.h"
#include "daftar-period.h"

G_BEGIN_DECLS

/* Days listed when the row is first expanded; a last row opens the rest. */
#define DAFTAR_ALERT_ROLLUP_ROW_FIRST_DAYS 7

#define DAFTAR_TYPE_ALERT_ROLLUP_ROW (daftar_alert_rollup_row_get_type ())
G_DECLARE_FINAL_TYPE (DaftarAlertRollupRow, daftar_alert_rollup_row, DAFTAR, ALERT_ROLLUP_ROW, AdwExpanderRow)

/* Takes @rollup. @office_name (nullable) is said when several offices are
 * shown; @annotations (DaftarAnnotation, the period's, referenced: the page
 * changes it in place when a note is saved, then calls
 * daftar_alert_rollup_row_refresh_notes()); @period is the Overview's.
 *
 * Signals: "open" (const DaftarPeriod *period, int shift) when the manager
 * asks to see the roll-up (the Overview's period) or one of its days (that
 * day); "edit-note" (const DaftarAnnotation *note, const char *alert) with
 * the note to edit, or a new one keyed to the roll-up or the day, and the
 * alert's sentence. */
GtkWidget         *daftar_alert_rollup_row_new           (DaftarAlertRollup  *rollup,
                                                          const char         *office_name,
                                                          GPtrArray          *annotations,
                                                          const DaftarPeriod *period);
const DaftarAlertRollup *daftar_alert_rollup_row_get_rollup (DaftarAlertRollupRow *self);
/* Shows the notes of the annotations array as it is now. */
void               daftar_alert_rollup_row_refresh_notes (DaftarAlertRollupRow *self);
/* The rows of its days listed now (the expander's), newest first; and the
 * last row that opens the rest, NULL when every day is listed. */
GPtrArray         *daftar_alert_rollup_row_get_day_rows  (DaftarAlertRollupRow *self);
GtkWidget         *daftar_alert_rollup_row_get_more_row  (DaftarAlertRollupRow *self);
/* The buttons of the row itself: open the page of its standard (Shifts,
 * or Client care), edit the note. */
GtkWidget         *daftar_alert_rollup_row_get_open_button (DaftarAlertRollupRow *self);
GtkWidget         *daftar_alert_rollup_row_get_note_button (DaftarAlertRollupRow *self);

/* The sentences the Overview shows for a roll-up, e.g. «شیفت عصر: استاندارد
 * میانگین زمان انتظار در ۹ روز از ۲۲ روز کاری رعایت نشد» and its worst day. */
char              *daftar_alert_rollup_title             (const DaftarAlertRollup *rollup);
char              *daftar_alert_rollup_worst             (const DaftarAlertRollup *rollup);

G_END_DECLS
