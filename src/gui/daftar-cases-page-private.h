/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-cases-page-private.h: what the Cases page's chart half and case-list half share. */
#pragma once

#include <adwaita.h>

#include "daftar-case-list.h"
#include "daftar-cases-page.h"
#include "daftar-cases-page-pane.h"
#include "daftar-charts.h"
#include "daftar-db-worker.h"
#include "daftar-page-context.h"

G_BEGIN_DECLS

struct _DaftarCasesPage
{
  GtkWidget          parent_instance;

  GtkWidget         *scroller;
  GtkLabel          *period_title;
  GtkLabel          *period_range;
  GtkLabel          *totals_label;
  GtkFlowBox        *charts_box;
  DaftarChartFrame  *kinds_frame;
  DaftarChart       *kinds_chart;
  DaftarChartFrame  *sana_frame;
  DaftarChart       *sana_chart;
  DaftarChartFrame  *scope_frame;
  DaftarChart       *scope_chart;
  DaftarChartFrame  *status_frame;
  DaftarChart       *status_chart;
  DaftarChartFrame  *provinces_frame;
  DaftarChart       *provinces_chart;
  DaftarChartFrame  *cities_frame;
  DaftarChart       *cities_chart;
  DaftarChartFrame  *staff_frame;
  DaftarChart       *staff_chart;
  GtkLabel          *staff_note;
  GtkStackSwitcher  *view_switcher;
  GtkSearchEntry    *search_entry;
  GtkStack          *view_stack;
  GtkLabel          *list_status;
  GtkButton         *scope_button;
  DaftarCasesPane   *list_pane;
  GtkWidget         *list_scroller;
  AdwStatusPage     *empty_page;
  GtkWidget         *elsewhere_button;
  GtkColumnView     *case_view;
  GtkColumnViewColumn *filed_column;
  GtkColumnViewColumn *code_column;
  GtkColumnViewColumn *kind_column;
  GtkColumnViewColumn *client_column;
  GtkColumnViewColumn *subject_column;
  GtkColumnViewColumn *city_column;
  GtkColumnViewColumn *status_column;
  GtkLabel          *notices_case;
  GtkWidget         *notices_scroller;
  GtkListBox        *notices_list;
  GtkStack          *load_stack;

  DaftarCaseList    *case_list;           /* owned, nullable until the first load */
  GtkSingleSelection *selection;          /* owned, nullable likewise */
  GCancellable      *notices_cancellable; /* owned, nullable: the notices being read */
  GDate              today;               /* the last load's: days waiting count to it */

  /* The list's scope: the last load's office and period, or every date. */
  char              *office_code;         /* owned, nullable: every office */
  GDate              from;
  GDate              to;
  gboolean           all_dates;
  gboolean           activate_pending;    /* Enter was pressed while the search ran */
  guint              widths_source;       /* idle that widens the fixed columns */
  int                capped_width;        /* the widest the kind and status columns grow */
};

/* The list half (daftar-cases-page-list.c). */
void        daftar_cases_page_list_init    (DaftarCasesPage *self);
void        daftar_cases_page_list_load    (DaftarCasesPage   *self,
                                            DaftarDbWorker    *worker,
                                            DaftarPageContext *context);
void        daftar_cases_page_list_dispose (DaftarCasesPage *self);
void        on_search_changed              (DaftarCasesPage *self);
void        on_search_activate             (DaftarCasesPage *self);
void        on_search_stop                 (DaftarCasesPage *self);
void        on_scope_clicked               (DaftarCasesPage *self);
void        on_case_activated              (DaftarCasesPage *self,
                                            guint            position);
void        on_notice_activated            (DaftarCasesPage *self);

G_END_DECLS
