/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-page-error.c: a page's error state — why its figures could not be read, and a button to try again. */
#define G_LOG_DOMAIN "daftar-page"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-db.h"
#include "daftar-page-error.h"
#include "daftar-text.h"

/* An error message is a sentence or two; a database could hold more. */
#define MAX_REASON_BYTES 2000

struct _DaftarPageError
{
  GtkWidget      parent_instance;

  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (DaftarPageError, daftar_page_error, GTK_TYPE_WIDGET)

GtkWidget *
daftar_page_error_new (void)
{
  return g_object_new (DAFTAR_TYPE_PAGE_ERROR, NULL);
}

void
daftar_page_error_set_error (DaftarPageError *self,
                             const GError    *error)
{
  g_autofree char *reason = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (DAFTAR_IS_PAGE_ERROR (self));
  g_return_if_fail (error != NULL);

  /* The message may quote what the database holds. */
  reason = daftar_text_printable (error->message, MAX_REASON_BYTES);
  /* SQLite speaks English; the sentence around its words is translated,
   * and they are isolated so that a Persian sentence does not reorder
   * them. Other errors (the file could not be opened…) come translated
   * from core. */
  if (g_error_matches (error, DAFTAR_DB_ERROR, DAFTAR_DB_ERROR_SQL))
    {
      g_autofree char *isolated = daftar_text_isolate (reason);

      description = g_strdup_printf (_("Could not read the local database: %s"), isolated);
    }
  else
    description = g_steal_pointer (&reason);
  adw_status_page_set_description (self->status_page, description);
}

const char *
daftar_page_error_get_description (DaftarPageError *self)
{
  g_return_val_if_fail (DAFTAR_IS_PAGE_ERROR (self), NULL);
  return adw_status_page_get_description (self->status_page);
}

static void
daftar_page_error_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DAFTAR_TYPE_PAGE_ERROR);

  G_OBJECT_CLASS (daftar_page_error_parent_class)->dispose (object);
}

static void
daftar_page_error_class_init (DaftarPageErrorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftar_page_error_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftar/Daftar/gui/daftar-page-error.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftarPageError, status_page);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
daftar_page_error_init (DaftarPageError *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
