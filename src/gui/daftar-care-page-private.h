/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-care-page-private.h: what the Client care page's files share — the page's fields and its two lists. */
#pragma once

#include <adwaita.h>

#include "daftar-care.h"
#include "daftar-care-page.h"
#include "daftar-charts.h"
#include "daftar-page-context.h"

G_BEGIN_DECLS

struct _DaftarCarePage
{
  GtkWidget         parent_instance;

  GtkStack         *load_stack;
  GtkStack         *content_stack;     /* "figures", or "empty" without tickets or ratings */
  GtkWidget        *scroller;
  GtkLabel         *period_range;
  GtkFlowBox       *tiles;
  DaftarChartFrame *staff_share_frame;
  DaftarChart      *staff_share_chart;
  GtkColumnView    *worst_view;
  GtkLabel         *worst_empty;
  DaftarChartFrame *crowding_frame;
  DaftarChart      *crowding_chart;
  DaftarChartFrame *idle_counter_frame;
  DaftarChart      *idle_counter_chart;
  DaftarChartFrame *idle_staff_frame;
  DaftarChart      *idle_staff_chart;
  GtkWidget        *ratings_area;      /* hidden without ratings */
  GtkLabel         *no_ratings;        /* shown instead */
  DaftarChartFrame *ratings_frame;
  DaftarChart      *ratings_chart;
  DaftarChartFrame *rating_wait_frame;
  DaftarChart      *rating_wait_chart;
  GtkColumnView    *low_view;
  GtkLabel         *low_note;          /* why no comments are listed */

  GListStore       *worst;             /* owned: DaftarCareRow */
  GListStore       *low;               /* owned: DaftarCareRow */
};

/* A row of one of the page's lists: its cells, already formatted. */
#define DAFTAR_TYPE_CARE_ROW (daftar_care_row_get_type ())
G_DECLARE_FINAL_TYPE (DaftarCareRow, daftar_care_row, DAFTAR, CARE_ROW, GObject)

/* daftar-care-page-lists.c */
/* Adds the columns of the out-of-turn list and of the low ratings. */
void        daftar_care_page_setup_lists  (DaftarCarePage          *self);
/* Fills both lists from @figures; the low ratings only for one office. */
void        daftar_care_page_fill_lists   (DaftarCarePage          *self,
                                           DaftarPageContext       *context,
                                           const DaftarCareFigures *figures);
/* A staff member as the page names them: the name, else the id, isolated. */
char       *daftar_care_staff_text        (const char              *staff_id,
                                           const char              *staff_name);
/* The cell of @row in @column, for the tests. */
const char *daftar_care_row_get_cell      (DaftarCareRow           *row,
                                           guint                    column);

G_END_DECLS
