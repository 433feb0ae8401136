/* daftar-shifts-private.h: what the parts of the Shifts query share. */
#pragma once

#include <gio/gio.h>

#include "daftar-sql.h"
#include "daftar-shifts-query.h"

G_BEGIN_DECLS

/* One statement serves one office (?1) and the network (?1 NULL) alike. */
#define OFFICE_FILTER DAFTAR_SQL_OFFICE_IN ("office_code")
#define RANGE_FILTER OFFICE_FILTER " AND day BETWEEN ?2 AND ?3"

/* Fills data->counters, data->staff and data->staff_shifts. */
gboolean      shifts_read_load     (DaftarDb          *db,
                                    const char        *office_code,
                                    DaftarShiftsData  *data,
                                    GCancellable      *cancellable,
                                    GError           **error);

G_END_DECLS
