/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-sync-indicator.h: the header's sync status — "as of" the last sync, a spinner, or what went wrong. */
#pragma once

#include <adwaita.h>

#include "daftar-sync-controller.h"

G_BEGIN_DECLS

#define DAFTAR_TYPE_SYNC_INDICATOR (daftar_sync_indicator_get_type ())
G_DECLARE_FINAL_TYPE (DaftarSyncIndicator, daftar_sync_indicator, DAFTAR, SYNC_INDICATOR, GtkWidget)

GtkWidget            *daftar_sync_indicator_new            (DaftarSyncController *controller);

DaftarSyncController *daftar_sync_indicator_get_controller (DaftarSyncIndicator  *self);
void                  daftar_sync_indicator_set_controller (DaftarSyncIndicator  *self,
                                                            DaftarSyncController *controller);

/* What the header shows now, and the popover it opens: for tests and
 * screenshots. */
const char           *daftar_sync_indicator_get_text       (DaftarSyncIndicator  *self);
GtkPopover           *daftar_sync_indicator_get_popover    (DaftarSyncIndicator  *self);
/* Opens the sync history over the indicator's window. */
GtkWindow            *daftar_sync_indicator_show_history   (DaftarSyncIndicator  *self);

/* «به‌روز تا ۷ آذر ۱۴۰۵، ۱۰:۳۰»: a Jalali date and Tehran time. */
char                 *daftar_sync_format_as_of             (gint64                unix_time);
/* «۵ دقیقه پیش», «همین حالا». */
char                 *daftar_sync_format_relative          (gint64                unix_time,
                                                            gint64                now);

G_END_DECLS
