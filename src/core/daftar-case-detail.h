/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-case-detail.h: one case as its detail view shows it — the case with its office, staff member and notices, in one query. */
#pragma once

#include <gio/gio.h>

#include "daftar-case-list.h"
#include "daftar-db.h"

G_BEGIN_DECLS

#define DAFTAR_CASE_DETAIL_ERROR (daftar_case_detail_error_quark ())

typedef enum {
  DAFTAR_CASE_DETAIL_ERROR_NOT_FOUND,   /* no case has that id (not synced yet, or deleted) */
} DaftarCaseDetailError;

GQuark daftar_case_detail_error_quark (void);

/* Text as stored (from the central server: shown as it is, never as
 * markup); enum columns are their nicks, labelled by daftar-labels.h. */
typedef struct
{
  char      *id;
  char      *office_code;
  char      *office_name;     /* nullable: the office is not in the database */
  char      *tracking_code;   /* nullable; likewise below */
  char      *kind;
  char      *client_name;
  char      *subject;
  char      *dest_court;
  char      *dest_city;
  char      *dest_province;
  char      *status;
  char      *shift;
  gboolean   has_counter;
  gint64     counter;
  char      *staff_id;        /* nullable */
  char      *staff_name;      /* nullable: none recorded, or no such staff member of the office */
  gint64     filed_at;        /* Unix seconds */
  gint64     updated_at;      /* 0: not recorded */
  gboolean   has_fee;
  gint64     fee;             /* rials */
  GPtrArray *notices;         /* DaftarCaseNotice, oldest first, days waiting counted to today */
} DaftarCaseDetail;

void              daftar_case_detail_free      (DaftarCaseDetail  *detail);

/* Case @case_id with its office's name, its staff member's name and its
 * notices, whose days waiting count to @today. A case that is not in the
 * database is DAFTAR_CASE_DETAIL_ERROR_NOT_FOUND. Runs on the thread that
 * owns @db. */
DaftarCaseDetail *daftar_case_detail_query     (DaftarDb          *db,
                                                const char        *case_id,
                                                const GDate       *today,
                                                GError           **error);

/* For the worker: what to read. */
typedef struct
{
  char  *case_id;
  GDate  today;
} DaftarCaseDetailRequest;

DaftarCaseDetailRequest *daftar_case_detail_request_new  (const char              *case_id,
                                                          const GDate             *today);
void                     daftar_case_detail_request_free (DaftarCaseDetailRequest *request);
/* @job_data is a DaftarCaseDetailRequest; returns a DaftarCaseDetail. */
gpointer          daftar_case_detail_query_job (DaftarDb          *db,
                                                gpointer           job_data,
                                                GCancellable      *cancellable,
                                                GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarCaseDetail, daftar_case_detail_free)

G_END_DECLS
