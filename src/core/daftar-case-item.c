/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-case-item.c: one row of the case list, and its notices read on demand. */
#define G_LOG_DOMAIN "daftar-case-list"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-case-list-private.h"
#include "daftar-time.h"

struct _DaftarCaseItem
{
  GObject    parent_instance;

  gboolean   placeholder;
  char      *id;              /* owned, nullable for placeholders; likewise below */
  char      *office_code;
  char      *tracking_code;
  char      *kind;
  gint64     filed_at;
  char      *shift;
  char      *client_name;
  char      *subject;
  char      *dest_city;
  char      *status;
  GPtrArray *notices;         /* owned, nullable: not read yet */
};

G_DEFINE_FINAL_TYPE (DaftarCaseItem, daftar_case_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLACEHOLDER,
  PROP_ID,
  PROP_TRACKING_CODE,
  PROP_KIND,
  PROP_FILED_AT,
  PROP_SHIFT,
  PROP_CLIENT_NAME,
  PROP_SUBJECT,
  PROP_DEST_CITY,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
daftar_case_notice_free (DaftarCaseNotice *notice)
{
  if (notice == NULL)
    return;
  g_free (notice->id);
  g_free (notice->channel);
  g_free (notice);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

GPtrArray *
daftar_case_notices_query (DaftarDb     *db,
                           const char   *case_id,
                           const GDate  *today,
                           GError      **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db,
    "SELECT id, channel, issued_at, delivered_at, viewed_at, deemed_at FROM notices "
    "WHERE case_id = ? ORDER BY issued_at, id", error);
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_case_notice_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarCaseNotice *notice = g_new0 (DaftarCaseNotice, 1);

      notice->id = column_text (stmt, 0);
      notice->channel = column_text (stmt, 1);
      notice->issued_at = sqlite3_column_int64 (stmt, 2);
      notice->delivered_at = sqlite3_column_int64 (stmt, 3);
      notice->viewed_at = sqlite3_column_int64 (stmt, 4);
      notice->deemed_at = sqlite3_column_int64 (stmt, 5);
      notice->days_waiting = -1;
      /* As daftar_notices_query_unviewed counts them, from the day of issue. */
      if (today != NULL && notice->viewed_at == 0 && g_strcmp0 (notice->channel, "electronic") == 0)
        {
          GDate issued_day;

          daftar_time_local_date (notice->issued_at, &issued_day);
          notice->days_waiting = MAX (g_date_days_between (&issued_day, today), 0);
        }
      g_ptr_array_add (notices, notice);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Reading the notices of a case"));
      return NULL;
    }
  return g_steal_pointer (&notices);
}

DaftarCaseItem *
daftar_case_item_new_placeholder (void)
{
  DaftarCaseItem *self = g_object_new (DAFTAR_TYPE_CASE_ITEM, NULL);

  self->placeholder = TRUE;
  return self;
}

DaftarCaseItem *
daftar_case_item_new_from_row (sqlite3_stmt *stmt)
{
  DaftarCaseItem *self = g_object_new (DAFTAR_TYPE_CASE_ITEM, NULL);

  self->id = column_text (stmt, 0);
  self->office_code = column_text (stmt, 1);
  self->tracking_code = column_text (stmt, 2);
  self->kind = column_text (stmt, 3);
  self->filed_at = sqlite3_column_int64 (stmt, 4);
  self->shift = column_text (stmt, 5);
  self->client_name = column_text (stmt, 6);
  self->subject = column_text (stmt, 7);
  self->dest_city = column_text (stmt, 8);
  self->status = column_text (stmt, 9);
  return self;
}

gboolean     daftar_case_item_is_placeholder    (DaftarCaseItem *self) { return self->placeholder; }
const char  *daftar_case_item_get_id            (DaftarCaseItem *self) { return self->id; }
const char  *daftar_case_item_get_office_code   (DaftarCaseItem *self) { return self->office_code; }
const char  *daftar_case_item_get_tracking_code (DaftarCaseItem *self) { return self->tracking_code; }
const char  *daftar_case_item_get_kind          (DaftarCaseItem *self) { return self->kind; }
gint64       daftar_case_item_get_filed_at      (DaftarCaseItem *self) { return self->filed_at; }
const char  *daftar_case_item_get_shift         (DaftarCaseItem *self) { return self->shift; }
const char  *daftar_case_item_get_client_name   (DaftarCaseItem *self) { return self->client_name; }
const char  *daftar_case_item_get_subject       (DaftarCaseItem *self) { return self->subject; }
const char  *daftar_case_item_get_dest_city     (DaftarCaseItem *self) { return self->dest_city; }
const char  *daftar_case_item_get_status        (DaftarCaseItem *self) { return self->status; }
GPtrArray   *daftar_case_item_get_notices       (DaftarCaseItem *self) { return self->notices; }

typedef struct
{
  char  *case_id;
  GDate  today;     /* cleared: none */
} NoticesRequest;

static void
notices_request_free (gpointer data)
{
  NoticesRequest *request = data;

  g_free (request->case_id);
  g_free (request);
}

static gpointer
notices_job (DaftarDb      *db,
             gpointer       job_data,
             GCancellable  *cancellable,
             GError       **error)
{
  NoticesRequest *request = job_data;

  return daftar_case_notices_query (db, request->case_id, g_date_valid (&request->today) ? &request->today : NULL,
                                    error);
}

static void
notices_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DaftarCaseItem *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  GPtrArray *notices = daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error);

  if (notices == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  self->notices = notices;
  g_task_return_pointer (task, g_ptr_array_ref (notices), (GDestroyNotify) g_ptr_array_unref);
}

void
daftar_case_item_load_notices_async (DaftarCaseItem      *self,
                                     DaftarDbWorker      *worker,
                                     const GDate         *today,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;
  NoticesRequest *request;

  g_return_if_fail (DAFTAR_IS_CASE_ITEM (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, daftar_case_item_load_notices_async);
  if (self->placeholder)
    {
      g_task_return_new_error (task, DAFTAR_CASE_LIST_ERROR, DAFTAR_CASE_LIST_ERROR_NOT_FOUND,
                               "A row still being read has no notices");
      g_object_unref (task);
      return;
    }
  request = g_new0 (NoticesRequest, 1);
  request->case_id = g_strdup (self->id);
  g_date_clear (&request->today, 1);
  if (today != NULL)
    request->today = *today;
  daftar_db_worker_run_async (worker, notices_job, request, notices_request_free,
                              (GDestroyNotify) g_ptr_array_unref, cancellable, notices_done, task);
}

GPtrArray *
daftar_case_item_load_notices_finish (DaftarCaseItem  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
daftar_case_item_finalize (GObject *object)
{
  DaftarCaseItem *self = DAFTAR_CASE_ITEM (object);

  g_free (self->id);
  g_free (self->office_code);
  g_free (self->tracking_code);
  g_free (self->kind);
  g_free (self->shift);
  g_free (self->client_name);
  g_free (self->subject);
  g_free (self->dest_city);
  g_free (self->status);
  g_clear_pointer (&self->notices, g_ptr_array_unref);

  G_OBJECT_CLASS (daftar_case_item_parent_class)->finalize (object);
}

static void
daftar_case_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DaftarCaseItem *self = DAFTAR_CASE_ITEM (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER:   g_value_set_boolean (value, self->placeholder); break;
    case PROP_ID:            g_value_set_string (value, self->id); break;
    case PROP_TRACKING_CODE: g_value_set_string (value, self->tracking_code); break;
    case PROP_KIND:          g_value_set_string (value, self->kind); break;
    case PROP_FILED_AT:      g_value_set_int64 (value, self->filed_at); break;
    case PROP_SHIFT:         g_value_set_string (value, self->shift); break;
    case PROP_CLIENT_NAME:   g_value_set_string (value, self->client_name); break;
    case PROP_SUBJECT:       g_value_set_string (value, self->subject); break;
    case PROP_DEST_CITY:     g_value_set_string (value, self->dest_city); break;
    case PROP_STATUS:        g_value_set_string (value, self->status); break;
    default:                 G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
daftar_case_item_class_init (DaftarCaseItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = daftar_case_item_finalize;
  object_class->get_property = daftar_case_item_get_property;

  /* Read-only: an item is a snapshot of one row; a changed row comes as a new item. */
  properties[PROP_PLACEHOLDER] = g_param_spec_boolean ("placeholder", NULL, NULL, FALSE, flags);
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TRACKING_CODE] = g_param_spec_string ("tracking-code", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_FILED_AT] = g_param_spec_int64 ("filed-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SHIFT] = g_param_spec_string ("shift", NULL, NULL, NULL, flags);
  properties[PROP_CLIENT_NAME] = g_param_spec_string ("client-name", NULL, NULL, NULL, flags);
  properties[PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, NULL, flags);
  properties[PROP_DEST_CITY] = g_param_spec_string ("dest-city", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
daftar_case_item_init (DaftarCaseItem *self)
{
}
