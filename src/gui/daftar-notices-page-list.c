/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-notices-page-list.c: the Notices page's follow-up list — its rows and columns, the N days, and the CSV export. */
#define G_LOG_DOMAIN "daftar-notices"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-format.h"
#include "daftar-labels.h"
#include "daftar-notices-page-private.h"
#include "daftar-notices-page-query.h"
#include "daftar-spin-button.h"
#include "daftar-text.h"

/* One row of the unviewed list. ------------------------------------------ */

G_DEFINE_FINAL_TYPE (DaftarUnviewedItem, daftar_unviewed_item, G_TYPE_OBJECT)

static void
daftar_unviewed_item_finalize (GObject *object)
{
  g_clear_pointer (&DAFTAR_UNVIEWED_ITEM (object)->notice, daftar_unviewed_notice_free);
  G_OBJECT_CLASS (daftar_unviewed_item_parent_class)->finalize (object);
}

static void
daftar_unviewed_item_class_init (DaftarUnviewedItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = daftar_unviewed_item_finalize;
}

static void
daftar_unviewed_item_init (DaftarUnviewedItem *self)
{
}

guint
daftar_notices_page_get_days (DaftarNoticesPage *self)
{
  return (guint) gtk_spin_button_get_value_as_int (self->days_spin);
}

/* Export --------------------------------------------------------------------- */

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DaftarNoticesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = daftar_db_worker_run_finish (DAFTAR_DB_WORKER (source), result, &error);
  g_autofree char *message = NULL;

  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: shown after the unviewed notices were exported */
      message = g_strdup_printf (_("Saved “%s”"), name);
    }
  else
    /* Translators: shown when the export failed, with the reason */
    message = g_strdup_printf (_("Could not export the notices: %s"), error->message);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);
}

static void
on_chooser_response (DaftarNoticesPage *self,
                     int                response)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));

  g_clear_object (&self->chooser);
  if (response != GTK_RESPONSE_ACCEPT || file == NULL || self->worker == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  daftar_db_worker_run_async (self->worker, daftar_notices_export_job,
                              daftar_notices_export_new (self->context, daftar_notices_page_get_days (self), file),
                              (GDestroyNotify) daftar_notices_export_free, g_object_unref,
                              NULL, export_done, g_object_ref (self));
}

void
daftar_notices_page_export_clicked (DaftarNoticesPage *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  DaftarJalaliDate j = { 0 };
  g_autofree char *name = NULL;

  if (self->context == NULL || self->chooser != NULL)
    return;
  daftar_jalali_from_gdate (&self->context->today, &j);
  /* Translators: the suggested file name; keep it short, without slashes */
  name = g_strdup_printf (_("unviewed-notices-%04d-%02d-%02d.csv"), j.year, j.month, j.day);
  gtk_file_filter_set_name (filter, _("CSV spreadsheets"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");

  self->chooser = gtk_file_chooser_native_new (_("Export Unviewed Notices"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, C_("export dialog", "_Export"), C_("export dialog", "_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The list's columns ------------------------------------------------------ */

typedef enum { COLUMN_TRACKING, COLUMN_CLIENT, COLUMN_KIND, COLUMN_ISSUED, COLUMN_WAITING } Column;

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (user_data) == COLUMN_TRACKING || GPOINTER_TO_INT (user_data) == COLUMN_WAITING)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  DaftarUnviewedItem *item = gtk_list_item_get_item (list_item);
  const DaftarUnviewedNotice *n = item->notice;
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *text = NULL;

  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_TRACKING:
      text = daftar_text_isolate (n->tracking_code ? n->tracking_code : n->notice_id);
      break;
    case COLUMN_CLIENT:
      text = g_strdup (n->client_name ? n->client_name : "");
      break;
    case COLUMN_KIND:
      text = g_strdup (daftar_label_for_nick (DAFTAR_TYPE_CASE_KIND, n->kind, DAFTAR_LABEL_SINGULAR));
      break;
    case COLUMN_ISSUED:
      text = daftar_format_date_short (&n->issued_day);
      break;
    case COLUMN_WAITING:
      text = daftar_format_int (n->days_waiting);
      break;
    default:
      g_return_if_reached ();
    }
  gtk_label_set_label (label, text);
}

static void
add_columns (DaftarNoticesPage *self)
{
  const struct { Column id; const char *title; gboolean expand; } columns[] = {
    { COLUMN_TRACKING, NC_("unviewed list", "Tracking code"), FALSE },
    { COLUMN_CLIENT, NC_("unviewed list", "Client"), TRUE },
    { COLUMN_KIND, NC_("unviewed list", "Kind"), FALSE },
    { COLUMN_ISSUED, NC_("unviewed list", "Issued"), FALSE },
    { COLUMN_WAITING, NC_("unviewed list", "Days waiting"), FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (columns[i].id));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (columns[i].id));
      column = gtk_column_view_column_new (g_dpgettext2 (GETTEXT_PACKAGE, "unviewed list", columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_append_column (self->unviewed_view, column);
    }
}

/* Double-click or Enter on a notice opens its case (DaftarWindow's
 * "case.show"), when the notice names one. */
static void
on_unviewed_activated (DaftarNoticesPage *self,
                       guint              position)
{
  g_autoptr(DaftarUnviewedItem) item = g_list_model_get_item (G_LIST_MODEL (self->unviewed), position);

  if (item != NULL && item->notice->case_id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "case.show", "s", item->notice->case_id);
}

void
daftar_notices_page_setup_list (DaftarNoticesPage *self,
                                guint              days)
{
  add_columns (self);
  g_signal_connect_object (self->unviewed_view, "activate", G_CALLBACK (on_unviewed_activated), self,
                           G_CONNECT_SWAPPED);
  daftar_spin_button_localize (self->days_spin);
  gtk_spin_button_set_value (self->days_spin, days);
}
