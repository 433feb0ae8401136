/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-annotations.c: the manager's notes on alerts ("one counter closed for repairs"), kept in the local database and never written by sync. */
#define G_LOG_DOMAIN "daftar-annotations"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "daftar-annotations.h"
#include "daftar-enums.h"
#include "daftar-format.h"
#include "daftar-text.h"
#include "daftar-time.h"

G_DEFINE_QUARK (daftar-annotation-error-quark, daftar_annotation_error)

/* An office code as the records carry it (DESIGN §6: an id is at most 64 bytes). */
#define MAX_OFFICE_BYTES 64

DaftarAnnotation *
daftar_annotation_new (const char      *office_code,
                       DaftarAlertKind  kind,
                       int              shift,
                       const GDate     *first_day,
                       const GDate     *last_day)
{
  DaftarAnnotation *annotation = g_new0 (DaftarAnnotation, 1);

  annotation->office_code = g_strdup (office_code);
  annotation->kind = kind;
  annotation->shift = shift;
  annotation->first_day = *first_day;
  annotation->last_day = *last_day;
  return annotation;
}

DaftarAnnotation *
daftar_annotation_copy (const DaftarAnnotation *annotation)
{
  DaftarAnnotation *copy = g_memdup2 (annotation, sizeof *annotation);

  copy->office_code = g_strdup (annotation->office_code);
  copy->text = g_strdup (annotation->text);
  return copy;
}

void
daftar_annotation_free (DaftarAnnotation *annotation)
{
  if (annotation == NULL)
    return;
  g_free (annotation->office_code);
  g_free (annotation->text);
  g_free (annotation);
}

gboolean
daftar_annotation_overlaps (const DaftarAnnotation *annotation,
                            const char             *office_code,
                            DaftarAlertKind         kind,
                            int                     shift,
                            const GDate            *first_day,
                            const GDate            *last_day)
{
  return g_strcmp0 (annotation->office_code, office_code) == 0 &&
         annotation->kind == kind && annotation->shift == shift &&
         g_date_compare (&annotation->first_day, last_day) <= 0 &&
         g_date_compare (&annotation->last_day, first_day) >= 0;
}

char *
daftar_annotation_normalize_text (const char  *text,
                                  GError     **error)
{
  g_autofree char *normal = daftar_text_normalize (text != NULL ? text : "");
  /* After normalising every line break and tab is a space; what control
   * characters are left cannot be typed, and must not reach a report. */
  g_autofree char *printable = daftar_text_printable (normal, -1);
  glong n_chars = g_utf8_strlen (printable, -1);

  if (n_chars == 0)
    {
      g_set_error_literal (error, DAFTAR_ANNOTATION_ERROR, DAFTAR_ANNOTATION_ERROR_EMPTY,
                           _("The note is empty."));
      return NULL;
    }
  if (n_chars > DAFTAR_ANNOTATION_MAX_CHARS)
    {
      g_autofree char *max = daftar_format_int (DAFTAR_ANNOTATION_MAX_CHARS);

      /* Translators: %s is the most characters a note may have */
      g_set_error (error, DAFTAR_ANNOTATION_ERROR, DAFTAR_ANNOTATION_ERROR_TOO_LONG,
                   ngettext ("The note is too long: at most %s character.",
                             "The note is too long: at most %s characters.", DAFTAR_ANNOTATION_MAX_CHARS),
                   max);
      return NULL;
    }
  return g_steal_pointer (&printable);
}

/* Only breaches of a standard by an office carry notes: a sync alert is
 * the whole database's and passes by itself. */
static gboolean
check_key (const DaftarAnnotation  *annotation,
           GError                 **error)
{
  gboolean per_shift = daftar_alert_kind_is_per_shift (annotation->kind);
  gboolean valid =
    annotation->office_code != NULL && annotation->office_code[0] != '\0' &&
    strlen (annotation->office_code) <= MAX_OFFICE_BYTES &&
    g_utf8_validate (annotation->office_code, -1, NULL) &&
    (per_shift || annotation->kind == DAFTAR_ALERT_READ_RATE_BELOW_TARGET ||
     annotation->kind == DAFTAR_ALERT_RATING_BELOW_TARGET) &&
    (per_shift ? annotation->shift >= 0 && annotation->shift < DAFTAR_N_SHIFTS : annotation->shift == -1) &&
    g_date_valid (&annotation->first_day) && g_date_valid (&annotation->last_day) &&
    g_date_compare (&annotation->first_day, &annotation->last_day) <= 0;

  if (!valid)
    g_set_error_literal (error, DAFTAR_ANNOTATION_ERROR, DAFTAR_ANNOTATION_ERROR_INVALID,
                         "The note names no alert that can carry one");
  return valid;
}

static gboolean
step_done (DaftarDb      *db,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, what);
      return FALSE;
    }
  return TRUE;
}

gboolean
daftar_annotation_save (DaftarDb          *db,
                        DaftarAnnotation  *annotation,
                        gint64             now,
                        GError           **error)
{
  g_autofree char *text = NULL;
  char first[11], last[11];
  sqlite3_stmt *stmt;
  const char *shift;

  g_return_val_if_fail (annotation != NULL, FALSE);

  if (!check_key (annotation, error) ||
      (text = daftar_annotation_normalize_text (annotation->text, error)) == NULL)
    return FALSE;

  if (annotation->id > 0)
    {
      stmt = daftar_db_prepare_static (db, "UPDATE annotations SET text = ?2, updated_at = ?3 WHERE id = ?1 "
                                           "RETURNING created_at", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, annotation->id);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, now);
      if (!step_done (db, stmt, "Saving a note", error))
        return FALSE;
      if (sqlite3_data_count (stmt) == 0)
        {
          g_set_error_literal (error, DAFTAR_ANNOTATION_ERROR, DAFTAR_ANNOTATION_ERROR_NOT_FOUND,
                               _("The note was removed meanwhile."));
          return FALSE;
        }
      annotation->created_at = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  else
    {
      daftar_time_format_day (&annotation->first_day, first);
      daftar_time_format_day (&annotation->last_day, last);
      shift = annotation->shift >= 0 ? daftar_enum_to_nick (DAFTAR_TYPE_SHIFT, annotation->shift) : "";
      /* One note per alert: a second note on the same key replaces it. */
      stmt = daftar_db_prepare_static (db,
        "INSERT INTO annotations (office_code, kind, shift, first_day, last_day, text, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) "
        "ON CONFLICT (office_code, kind, shift, first_day, last_day) "
        "DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at "
        "RETURNING id, created_at", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, annotation->office_code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, daftar_enum_to_nick (DAFTAR_TYPE_ALERT_KIND, annotation->kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, shift, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, first, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, last, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, text, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 7, now);
      if (!step_done (db, stmt, "Saving a note", error))
        return FALSE;
      annotation->id = sqlite3_column_int64 (stmt, 0);
      annotation->created_at = sqlite3_column_int64 (stmt, 1);
      sqlite3_reset (stmt);
    }
  annotation->updated_at = now;
  g_free (annotation->text);
  annotation->text = g_steal_pointer (&text);
  return TRUE;
}

gboolean
daftar_annotation_remove (DaftarDb  *db,
                          gint64     id,
                          GError   **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare_static (db, "DELETE FROM annotations WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, "Removing a note");
      return FALSE;
    }
  /* Removing what is already gone leaves the manager where they wanted to be. */
  return TRUE;
}

/* A row the table could only hold if written by hand is skipped, not shown. */
static DaftarAnnotation *
read_row (sqlite3_stmt *stmt)
{
  g_autoptr(DaftarAnnotation) a = g_new0 (DaftarAnnotation, 1);
  const char *shift = (const char *) sqlite3_column_text (stmt, 3);
  int kind = -1;

  a->id = sqlite3_column_int64 (stmt, 0);
  a->office_code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  a->shift = -1;
  if (!daftar_enum_from_nick (DAFTAR_TYPE_ALERT_KIND, (const char *) sqlite3_column_text (stmt, 2), &kind) ||
      (shift[0] != '\0' && !daftar_enum_from_nick (DAFTAR_TYPE_SHIFT, shift, &a->shift)) ||
      !daftar_time_parse_day ((const char *) sqlite3_column_text (stmt, 4), &a->first_day) ||
      !daftar_time_parse_day ((const char *) sqlite3_column_text (stmt, 5), &a->last_day))
    return NULL;
  a->kind = kind;
  a->text = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  a->created_at = sqlite3_column_int64 (stmt, 7);
  a->updated_at = sqlite3_column_int64 (stmt, 8);
  return g_steal_pointer (&a);
}

GPtrArray *
daftar_annotations_for_period (DaftarDb     *db,
                               const char   *office_code,
                               const GDate  *from,
                               const GDate  *to,
                               GError      **error)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_annotation_free);
  sqlite3_stmt *stmt = daftar_db_prepare_static (db,
    "SELECT id, office_code, kind, shift, first_day, last_day, text, created_at, updated_at "
    "FROM annotations WHERE (?1 IS NULL OR office_code = ?1) AND first_day <= ?3 AND last_day >= ?2 "
    "ORDER BY office_code, kind, shift, first_day, last_day", error);
  char first[11], last[11];
  int rc;

  if (stmt == NULL)
    return NULL;
  daftar_time_format_day (from, first);
  daftar_time_format_day (to, last);
  if (office_code != NULL)
    sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarAnnotation *a = read_row (stmt);

      if (a != NULL)
        g_ptr_array_add (notes, a);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, "Reading the notes on alerts");
      return NULL;
    }
  return g_steal_pointer (&notes);
}

gpointer
daftar_annotation_save_job (DaftarDb      *db,
                            gpointer       job_data,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(DaftarAnnotation) copy = daftar_annotation_copy (job_data);

  if (!daftar_annotation_save (db, copy, g_get_real_time () / G_USEC_PER_SEC, error))
    return NULL;
  return g_steal_pointer (&copy);
}

gpointer
daftar_annotation_remove_job (DaftarDb      *db,
                              gpointer       job_data,
                              GCancellable  *cancellable,
                              GError       **error)
{
  const DaftarAnnotation *annotation = job_data;

  if (!daftar_annotation_remove (db, annotation->id, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}
