/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-document-unviewed.c: the unviewed electronic notices, for follow-up — rows read from the database a window at a time as pages are drawn. */
#define G_LOG_DOMAIN "daftar-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-document-private.h"
#include "daftar-format.h"
#include "daftar-labels.h"
#include "daftar-notices-query.h"
#include "daftar-notices-report.h"
#include "daftar-queries.h"
#include "daftar-sync-history.h"

/* Rows held at once: a five-year list is read a window at a time. */
#define WINDOW 256
#define FIRST_ROW 3   /* heading, count, table header */

typedef struct
{
  DaftarDb  *db;            /* borrowed: outlives the document */
  char      *office_code;   /* owned, nullable */
  GDate      today;
  gint64     count;
  guint      offset;        /* of the rows held */
  GPtrArray *rows;          /* owned: DaftarUnviewedNotice, nullable */
} Unviewed;

static const double widths[] = { 2.1, 1.6, 2.2, 1.4, 0.9 };

static void
unviewed_free (gpointer data)
{
  Unviewed *u = data;

  g_clear_pointer (&u->rows, g_ptr_array_unref);
  g_free (u->office_code);
  g_free (u);
}

static guint
unviewed_n_items (gpointer data)
{
  Unviewed *u = data;

  /* Heading, count, header, the rows, the signature. */
  return FIRST_ROW + (u->count > 0 ? u->count : 0) + 1;
}

static const DaftarUnviewedNotice *
row_at (Unviewed *u,
        guint     row)
{
  if (u->rows == NULL || row < u->offset || row >= u->offset + u->rows->len)
    {
      g_autoptr(GError) error = NULL;

      g_clear_pointer (&u->rows, g_ptr_array_unref);
      u->offset = row - row % WINDOW;
      u->rows = daftar_notices_query_unviewed (u->db, u->office_code, &u->today,
                                               DAFTAR_NOTICES_REPORT_UNVIEWED_DAYS,
                                               u->offset, WINDOW, &error);
      if (u->rows == NULL)
        {
          g_warning ("Could not read the unviewed notices: %s", error->message);
          return NULL;
        }
    }
  if (row - u->offset >= u->rows->len)
    return NULL;
  return g_ptr_array_index (u->rows, row - u->offset);
}

static void
unviewed_get_item (gpointer       data,
                   guint          index,
                   DaftarDocItem *item)
{
  Unviewed *u = data;

  if (index == 0)
    {
      g_autofree char *days = daftar_format_int (DAFTAR_NOTICES_REPORT_UNVIEWED_DAYS);

      item->kind = DAFTAR_DOC_HEADING;
      /* Translators: %s is a number of days, e.g. 3. */
      item->text = g_strdup_printf (_("Electronic notices not viewed %s days or more after issue"), days);
    }
  else if (index == 1)
    {
      g_autofree char *count = daftar_format_int (u->count);
      g_autofree char *day = daftar_format_date_long (&u->today);

      item->kind = DAFTAR_DOC_PARAGRAPH;
      if (u->count == 0)
        item->text = g_strdup_printf (_("No electronic notice was waiting to be viewed on %s."), day);
      else
        /* Translators: the number of notices, then a date; oldest first. */
        item->text = g_strdup_printf (_("%s notices were waiting to be viewed on %s, oldest first. Call or message each client."),
                                      count, day);
    }
  else if (index == 2)
    {
      if (u->count == 0)
        {
          item->kind = DAFTAR_DOC_PARAGRAPH;
          item->text = g_strdup ("");
          return;
        }
      daftar_doc_row (item, TRUE, -1, widths, 5, _("Client"), _("Tracking code"), _("Notice"),
                      _("Issued"), _("Days waiting"));
    }
  else if (index == unviewed_n_items (u) - 1)
    item->kind = DAFTAR_DOC_SIGNATURE;
  else
    {
      const DaftarUnviewedNotice *n = row_at (u, index - FIRST_ROW);
      g_autofree char *day = NULL;
      g_autofree char *waiting = NULL;

      if (n == NULL)
        {
          daftar_doc_row (item, FALSE, 2, widths, 5, "", "", "", "", "");
          return;
        }
      day = daftar_format_date_short (&n->issued_day);
      waiting = daftar_format_int (n->days_waiting);
      daftar_doc_row (item, FALSE, 2, widths, 5, n->client_name, n->tracking_code,
                      n->kind != NULL ? daftar_label_for_nick (DAFTAR_TYPE_CASE_KIND, n->kind, DAFTAR_LABEL_SINGULAR) : "",
                      day, waiting);
    }
}

static const DaftarDocSource unviewed_source = {
  unviewed_n_items,
  unviewed_get_item,
  unviewed_free,
};

gboolean
daftar_unviewed_source_new (DaftarDb               *db,
                            const char             *office_code,
                            const GDate            *from,
                            const GDate            *to,
                            gint64                  now,
                            const DaftarDocSource **out_source,
                            gpointer               *out_data,
                            DaftarDocHeader        *out_header,
                            GError                **error)
{
  Unviewed *u = g_new0 (Unviewed, 1);
  gint64 as_of = 0;

  u->db = db;
  u->office_code = g_strdup (office_code);
  /* As the Notices page and --report notices: judged on the last day. */
  u->today = *to;
  if (!daftar_notices_query_unviewed_count (db, office_code, &u->today, DAFTAR_NOTICES_REPORT_UNVIEWED_DAYS,
                                            &u->count, error) ||
      !daftar_sync_last_success (db, &as_of, NULL, error))
    {
      unviewed_free (u);
      return FALSE;
    }

  *out_source = &unviewed_source;
  *out_data = u;
  out_header->title = g_strdup (_("Unviewed notices to follow up"));
  out_header->office = daftar_doc_office_text (db, office_code);
  out_header->period = daftar_format_date_long (to);
  out_header->as_of = daftar_doc_as_of_text (as_of);
  return TRUE;
}

char *
daftar_doc_office_text (DaftarDb   *db,
                        const char *office_code)
{
  g_autoptr(GPtrArray) offices = NULL;

  if (office_code == NULL)
    return g_strdup (_("Every office"));
  offices = daftar_query_offices (db, NULL);
  for (guint i = 0; offices != NULL && i < offices->len; i++)
    {
      DaftarOfficeInfo *info = g_ptr_array_index (offices, i);

      if (g_strcmp0 (info->code, office_code) == 0 && info->name != NULL)
        /* Translators: an office's name, then its code. */
        return g_strdup_printf (_("%s (code %s)"), info->name, office_code);
    }
  return g_strdup (office_code);
}

char *
daftar_doc_as_of_text (gint64 data_as_of)
{
  g_autofree char *when = NULL;

  if (data_as_of <= 0)
    return g_strdup (_("Data not synced from the server"));
  when = daftar_format_datetime (data_as_of);
  /* Translators: «به‌روز تا …»: when the data was last synced. */
  return g_strdup_printf (_("Data up to %s"), when);
}
