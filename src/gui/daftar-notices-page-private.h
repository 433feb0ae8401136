/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-notices-page-private.h: what the Notices page's files share — the page's fields and the follow-up list's parts. */
#pragma once

#include <adwaita.h>

#include "daftar-charts.h"
#include "daftar-db-worker.h"
#include "daftar-notices-page.h"
#include "daftar-notices-query.h"
#include "daftar-page-context.h"

G_BEGIN_DECLS

/* One row of the unviewed list. */
#define DAFTAR_TYPE_UNVIEWED_ITEM (daftar_unviewed_item_get_type ())
G_DECLARE_FINAL_TYPE (DaftarUnviewedItem, daftar_unviewed_item, DAFTAR, UNVIEWED_ITEM, GObject)

struct _DaftarUnviewedItem
{
  GObject               parent_instance;
  DaftarUnviewedNotice *notice;   /* owned */
};

struct _DaftarNoticesPage
{
  GtkWidget             parent_instance;

  AdwToastOverlay      *toasts;
  GtkLabel             *period_range;
  DaftarKpiTile        *e_rate_tile;
  DaftarKpiTile        *paper_rate_tile;
  DaftarKpiTile        *issued_tile;
  DaftarKpiTile        *unviewed_tile;
  DaftarChartFrame     *rate_frame;
  DaftarChartFrame     *channel_frame;
  DaftarChartFrame     *delay_frame;
  DaftarLineChart      *rate_chart;
  DaftarBarChart       *channel_chart;
  DaftarHistogram      *delay_chart;
  GtkSpinButton        *days_spin;
  GtkLabel             *unviewed_summary;
  GtkButton            *export_button;
  GtkColumnView        *unviewed_view;
  GtkButton            *more_button;
  GtkStack             *load_stack;

  GListStore           *unviewed;       /* owned: DaftarUnviewedItem */
  GSettings            *settings;       /* owned, nullable: without the installed schema */
  DaftarDbWorker       *worker;         /* owned, nullable: until the first load */
  DaftarPageContext    *context;        /* owned, nullable: likewise; the list and its CSV follow it */
  gint64                unviewed_count;
  GCancellable         *list_cancellable; /* owned, nullable: the list's reload */
  GtkFileChooserNative *chooser;        /* owned, nullable: the export dialog */
};

/* daftar-notices-page-list.c */
guint daftar_notices_page_get_days       (DaftarNoticesPage *self);
/* Adds the list's columns and makes the N spin button speak the UI's digits, starting at @days. */
void  daftar_notices_page_setup_list     (DaftarNoticesPage *self,
                                          guint              days);
/* Asks where to save the CSV, then writes it on the worker thread. */
void  daftar_notices_page_export_clicked (DaftarNoticesPage *self);

G_END_DECLS
