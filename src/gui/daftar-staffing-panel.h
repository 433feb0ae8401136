/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-staffing-panel.h: the staffing advisor on the Shifts page — advice with its step and model check, the verdict naming the office's step, what-if. */
#pragma once

#include <gtk/gtk.h>

#include "daftar-chart-frame.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_STAFFING_PANEL (daftar_staffing_panel_get_type ())
G_DECLARE_FINAL_TYPE (DaftarStaffingPanel, daftar_staffing_panel, DAFTAR, STAFFING_PANEL, GtkWidget)

/* Implements DaftarPage: load() reads four weeks ending on the period's
 * last day for the context's office. */
GtkWidget     *daftar_staffing_panel_new                (void);

/* For the Shifts page and the tests. */
guint          daftar_staffing_panel_get_n_advice       (DaftarStaffingPanel *self);
guint          daftar_staffing_panel_get_n_notes        (DaftarStaffingPanel *self);
/* The button that tries advice @index in the what-if. */
GtkToggleButton *daftar_staffing_panel_get_try_button   (DaftarStaffingPanel *self,
                                                         guint                index);
/* Whether the verdict is shown: the office is on a step of the chain. */
gboolean       daftar_staffing_panel_get_capacity_shown (DaftarStaffingPanel *self);
/* The verdict's heading («گام ۳ از ۳: دفتر تازه در منطقه») and paragraph. */
const char    *daftar_staffing_panel_get_verdict_title  (DaftarStaffingPanel *self);
const char    *daftar_staffing_panel_get_verdict_text   (DaftarStaffingPanel *self);
/* The step shown on advice row @index. */
const char    *daftar_staffing_panel_get_step_text      (DaftarStaffingPanel *self,
                                                         guint                index);
GtkSpinButton *daftar_staffing_panel_get_counters_spin  (DaftarStaffingPanel *self,
                                                         gboolean             evening);
/* The projected service level as shown («۸۳٪»). */
const char    *daftar_staffing_panel_get_level_text     (DaftarStaffingPanel *self);
const char    *daftar_staffing_panel_get_wait_text      (DaftarStaffingPanel *self);
DaftarChartFrame *daftar_staffing_panel_get_heatmap_frame (DaftarStaffingPanel *self);
/* What the what-if heatmap's cell says on hover; NULL for a closed hour. */
char          *daftar_staffing_panel_dup_cell_tooltip   (DaftarStaffingPanel *self,
                                                         GDateWeekday         weekday,
                                                         guint                hour);

G_END_DECLS
