/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-report.h: reports without a window — tables of figures printed as CSV or JSON. */
#pragma once

#include <glib.h>

#include "daftar-db.h"

G_BEGIN_DECLS

#define DAFTAR_REPORT_ERROR (daftar_report_error_quark ())

typedef enum {
  DAFTAR_REPORT_ERROR_UNKNOWN_KIND,
  DAFTAR_REPORT_ERROR_BAD_RANGE,
  DAFTAR_REPORT_ERROR_UNKNOWN_OFFICE,
} DaftarReportError;

typedef enum {
  DAFTAR_REPORT_CSV,
  DAFTAR_REPORT_JSON,
} DaftarReportFormat;

typedef struct
{
  const char *office_code;   /* nullable: every office together */
  GDate       from;
  GDate       to;
} DaftarReportRequest;

typedef struct _DaftarReport DaftarReport;
typedef struct _DaftarReportTable DaftarReportTable;

/* A report kind adds its tables. Values are raw (Latin digits, ISO dates,
 * ratios 0..1) so spreadsheets and scripts read them; NaN becomes empty/null. */
typedef gboolean (*DaftarReportFunc) (DaftarDb                  *db,
                                      const DaftarReportRequest *request,
                                      DaftarReport              *report,
                                      GError                   **error);

typedef struct
{
  const char       *kind;   /* the KIND of --report KIND */
  DaftarReportFunc  func;
} DaftarReportKind;

/* Terminated by a NULL kind; see daftar-report-kinds.c. */
extern const DaftarReportKind daftar_report_kinds[];

GQuark             daftar_report_error_quark (void);

/* @columns is NULL-terminated. The report owns the table. */
DaftarReportTable *daftar_report_add_table   (DaftarReport       *report,
                                              const char         *name,
                                              const char * const *columns);
void               daftar_report_row_begin   (DaftarReportTable  *table);
/* Text from the server, as stored: the writers filter it for a terminal
 * and a spreadsheet. NULL is an empty cell (null in JSON). */
void               daftar_report_add_string  (DaftarReportTable  *table,
                                              const char         *value);
void               daftar_report_add_int     (DaftarReportTable  *table,
                                              gint64              value);
void               daftar_report_add_double  (DaftarReportTable  *table,
                                              double              value);
/* A day as ISO 'YYYY-MM-DD'. */
void               daftar_report_add_date    (DaftarReportTable  *table,
                                              const GDate        *value);
void               daftar_report_row_end     (DaftarReportTable  *table);

/* A report filled by the caller rather than by a kind: what
 * daftar_report_run does inside, open for tests of the writers. */
DaftarReport      *daftar_report_new         (void);
void               daftar_report_free        (DaftarReport              *report);
/* Appends @report to @out as CSV (RFC 4180, CRLF, text cells safe for a
 * spreadsheet) or as JSON; @kind and @request name it in the JSON. */
void               daftar_report_write       (DaftarReport              *report,
                                              const char                *kind,
                                              const DaftarReportRequest *request,
                                              DaftarReportFormat         format,
                                              GString                   *out);

/* Runs report @kind and writes it to @out. */
gboolean           daftar_report_run         (DaftarDb                  *db,
                                              const char                *kind,
                                              const DaftarReportRequest *request,
                                              DaftarReportFormat         format,
                                              GString                   *out,
                                              GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarReport, daftar_report_free)

G_END_DECLS
