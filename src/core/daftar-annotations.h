/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-annotations.h: the manager's notes on alerts ("one counter closed for repairs"), kept in the local database and never written by sync. */
#pragma once

#include <gio/gio.h>

#include "daftar-alerts.h"
#include "daftar-db.h"

G_BEGIN_DECLS

/* A note is short: a reason, not a report. */
#define DAFTAR_ANNOTATION_MAX_CHARS 500

#define DAFTAR_ANNOTATION_ERROR (daftar_annotation_error_quark ())
GQuark daftar_annotation_error_quark (void);

typedef enum {
  DAFTAR_ANNOTATION_ERROR_EMPTY,      /* nothing but spaces */
  DAFTAR_ANNOTATION_ERROR_TOO_LONG,   /* over DAFTAR_ANNOTATION_MAX_CHARS characters */
  DAFTAR_ANNOTATION_ERROR_INVALID,    /* the key names no alert that can carry a note */
  DAFTAR_ANNOTATION_ERROR_NOT_FOUND,  /* no note has that id (removed meanwhile) */
} DaftarAnnotationError;

/* What names the alert a note is on, and the note. */
typedef struct
{
  gint64           id;            /* 0: not stored yet */
  char            *office_code;   /* owned */
  DaftarAlertKind  kind;          /* wait, service level or read rate */
  int              shift;         /* a DaftarShift, or -1: the whole office (the read rate) */
  GDate            first_day;     /* one day's breach: first_day = last_day */
  GDate            last_day;
  char            *text;          /* owned, nullable before it is saved */
  gint64           created_at;    /* Unix seconds */
  gint64           updated_at;
} DaftarAnnotation;

DaftarAnnotation *daftar_annotation_new     (const char             *office_code,
                                             DaftarAlertKind         kind,
                                             int                     shift,
                                             const GDate            *first_day,
                                             const GDate            *last_day);
DaftarAnnotation *daftar_annotation_copy    (const DaftarAnnotation *annotation);
void              daftar_annotation_free    (DaftarAnnotation       *annotation);

/* Whether @annotation is on the alerts of @office_code's @kind and @shift
 * (-1: none) and overlaps @first_day .. @last_day. */
gboolean          daftar_annotation_overlaps (const DaftarAnnotation *annotation,
                                              const char             *office_code,
                                              DaftarAlertKind         kind,
                                              int                     shift,
                                              const GDate            *first_day,
                                              const GDate            *last_day);

/* @text as a note is stored: normalised (daftar_text_normalize, so lines
 * become one; then control characters replaced, daftar_text_printable),
 * or NULL and an error if nothing is left or it is over
 * DAFTAR_ANNOTATION_MAX_CHARS characters. */
char             *daftar_annotation_normalize_text (const char  *text,
                                                    GError     **error);

/* Stores @annotation with its text normalised: a new one (id 0, or a key
 * that has a note already: that note's text is replaced), or the note of
 * that id. Sets its id, text and times. @now: Unix seconds. */
gboolean          daftar_annotation_save    (DaftarDb               *db,
                                             DaftarAnnotation       *annotation,
                                             gint64                  now,
                                             GError                **error);
gboolean          daftar_annotation_remove  (DaftarDb               *db,
                                             gint64                  id,
                                             GError                **error);

/* The notes of @office_code (NULL: every office) whose days overlap
 * @from .. @to, by office, standard, shift and first day: a GPtrArray of
 * DaftarAnnotation. For the Overview and for reports. */
GPtrArray        *daftar_annotations_for_period (DaftarDb          *db,
                                                 const char        *office_code,
                                                 const GDate       *from,
                                                 const GDate       *to,
                                                 GError           **error);

/* For the worker: @job_data is a DaftarAnnotation; saving returns the
 * saved copy (free with daftar_annotation_free), removing (by its id)
 * returns GINT_TO_POINTER (TRUE). */
gpointer          daftar_annotation_save_job   (DaftarDb      *db,
                                                gpointer       job_data,
                                                GCancellable  *cancellable,
                                                GError       **error);
gpointer          daftar_annotation_remove_job (DaftarDb      *db,
                                                gpointer       job_data,
                                                GCancellable  *cancellable,
                                                GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarAnnotation, daftar_annotation_free)

G_END_DECLS
