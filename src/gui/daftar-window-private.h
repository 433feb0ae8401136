/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-window-private.h: the main window's parts, shared by its files — the window itself and its keyboard. */
#pragma once

#include <adwaita.h>

#include "daftar-period.h"
#include "daftar-period-selector.h"
#include "daftar-sync-controller.h"
#include "daftar-sync-indicator.h"
#include "daftar-window.h"

G_BEGIN_DECLS

struct _DaftarWindow
{
  AdwApplicationWindow  parent_instance;

  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkDropDown          *office_dropdown;
  DaftarPeriodSelector *period_selector;
  DaftarSyncIndicator  *sync_indicator;
  GtkMenuButton        *reports_button;
  AdwToastOverlay      *toasts;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  AdwViewStack         *view_stack;

  DaftarDbWorker       *worker;        /* owned, nullable */
  DaftarSyncController *sync;          /* owned, nullable: syncs the worker's database */
  gboolean              offer_setup;   /* the first-run connect dialog is allowed */
  GPtrArray            *offices;       /* owned, nullable: DaftarOfficeInfo */
  GHashTable           *first_days;    /* owned, nullable: office code ("" for all) → GDate, the data's first day */
  GCancellable         *cancellable;   /* owned */
  GHashTable           *fresh;         /* owned: pages asked to show the current context */
  GHashTable           *current;       /* owned: pages that show it */
  GStrv                 page_names;    /* owned */
  DaftarPeriod          period;
  GDate                 today;
  gboolean              ready;
  gboolean              painted;        /* the first frame is on screen */
  gboolean              reload_pending; /* the first page waits for it */
  GdkFrameClock        *clock;          /* unowned: the clock watched for it */
};

/* daftar-window-keys.c: Ctrl+F, Ctrl+D and F6, and Tab over a list in one
 * stop. */
void     daftar_window_keys_add_actions (DaftarWindow     *self);
gboolean daftar_window_keys_focus       (GtkWidget        *widget,
                                         GtkDirectionType  direction);

G_END_DECLS
