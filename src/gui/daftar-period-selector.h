/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-period-selector.h: the header bar's period button — Jalali presets and a custom range picked on a month grid. */
#pragma once

#include <gtk/gtk.h>

#include "daftar-month-grid.h"
#include "daftar-period.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_PERIOD_SELECTOR (daftar_period_selector_get_type ())
G_DECLARE_FINAL_TYPE (DaftarPeriodSelector, daftar_period_selector, DAFTAR, PERIOD_SELECTOR, GtkWidget)

/* Starts on the last 30 days up to today in Tehran. */
GtkWidget          *daftar_period_selector_new          (void);

/* The day presets count from. A preset period moves with it; a custom
 * range stays. Emits "changed" when the period moves. */
void                daftar_period_selector_set_today    (DaftarPeriodSelector *self,
                                                         const GDate          *today);
/* @holidays: DaftarHoliday*, copied; marked on the month grid. */
void                daftar_period_selector_set_holidays (DaftarPeriodSelector *self,
                                                         GPtrArray            *holidays);
const DaftarPeriod *daftar_period_selector_get_period   (DaftarPeriodSelector *self);
/* Emits "changed" when the period differs from the current one. */
void                daftar_period_selector_set_period   (DaftarPeriodSelector *self,
                                                         const DaftarPeriod   *period);
/* Opens the list of periods, as a click on the button does (Ctrl+D). */
void                daftar_period_selector_popup        (DaftarPeriodSelector *self);
/* The grid of the "Custom…" page, for tests and screenshots; built on the
 * first call if "Custom…" has not been chosen yet. */
DaftarMonthGrid    *daftar_period_selector_get_month_grid (DaftarPeriodSelector *self);

G_END_DECLS
