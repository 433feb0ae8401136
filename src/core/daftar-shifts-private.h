/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-shifts-private.h: what the parts of the Shifts query share. */
#pragma once

#include <gio/gio.h>

#include "daftar-sql.h"
#include "daftar-shifts-query.h"

G_BEGIN_DECLS

/* One statement serves one office (?1) and the network (?1 NULL) alike:
 * the network's own rows where offices are not listed one by one, each
 * office's rows where they are (counters, staff, open days). */
#define NETWORK_FILTER DAFTAR_SQL_NETWORK_OR_OFFICE ("office_code")
#define OFFICE_FILTER DAFTAR_SQL_OFFICE_IN ("office_code")

/* Fills data->counters, data->staff and data->staff_shifts. */
gboolean      shifts_read_load     (DaftarDb          *db,
                                    const char        *office_code,
                                    DaftarShiftsData  *data,
                                    GCancellable      *cancellable,
                                    GError           **error);

G_END_DECLS
