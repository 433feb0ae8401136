/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-care-page-lists.c: the Client care page's two lists — clients called out of turn, and the newest low ratings with their comments. */
#define G_LOG_DOMAIN "daftar-care"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-care-page-private.h"
#include "daftar-format.h"
#include "daftar-text.h"

/* A row: its cells, formatted once when the figures arrive. ---------------- */

struct _DaftarCareRow
{
  GObject  parent_instance;
  GStrv    cells;   /* owned */
};

G_DEFINE_FINAL_TYPE (DaftarCareRow, daftar_care_row, G_TYPE_OBJECT)

static void
daftar_care_row_finalize (GObject *object)
{
  g_clear_pointer (&DAFTAR_CARE_ROW (object)->cells, g_strfreev);
  G_OBJECT_CLASS (daftar_care_row_parent_class)->finalize (object);
}

static void
daftar_care_row_class_init (DaftarCareRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = daftar_care_row_finalize;
}

static void
daftar_care_row_init (DaftarCareRow *self)
{
}

/* Takes @cells. */
static DaftarCareRow *
daftar_care_row_new (GStrv cells)
{
  DaftarCareRow *row = g_object_new (DAFTAR_TYPE_CARE_ROW, NULL);

  row->cells = cells;
  return row;
}

const char *
daftar_care_row_get_cell (DaftarCareRow *row,
                          guint          column)
{
  g_return_val_if_fail (DAFTAR_IS_CARE_ROW (row), NULL);
  g_return_val_if_fail (column < g_strv_length (row->cells), NULL);
  return row->cells[column];
}

char *
daftar_care_staff_text (const char *staff_id,
                        const char *staff_name)
{
  if (staff_name != NULL && *staff_name != '\0')
    return daftar_text_isolate (staff_name);
  if (staff_id != NULL && *staff_id != '\0')
    return daftar_text_isolate (staff_id);
  /* Translators: a ticket or rating that names no staff member */
  return g_strdup (C_("staff member", "Unknown"));
}

/* Columns ------------------------------------------------------------------- */

typedef struct
{
  const char *title;     /* NC_() marked, context "care list" */
  gboolean    numeric;
  gboolean    expand;
  gboolean    wrap;      /* a comment is read whole */
} Column;

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  const Column *column = user_data;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (column->wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column->numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  DaftarCareRow *row = gtk_list_item_get_item (list_item);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "daftar-column"));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), daftar_care_row_get_cell (row, index));
}

static void
add_columns (GtkColumnView *view,
             GListStore    *store,
             const Column  *columns,
             guint          n_columns)
{
  g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (store)));

  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
  for (guint i = 0; i < n_columns; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "daftar-column", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) &columns[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), NULL);
      column = gtk_column_view_column_new (g_dpgettext2 (GETTEXT_PACKAGE, "care list", columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_append_column (view, column);
    }
}

static const Column worst_columns[] = {
  { NC_("care list", "Ticket"), TRUE, FALSE },
  { NC_("care list", "Called at"), TRUE, FALSE },
  { NC_("care list", "Staff member"), FALSE, TRUE },
  { NC_("care list", "Counter"), TRUE, FALSE },
  { NC_("care list", "Clients passed over"), TRUE, FALSE },
  { NC_("care list", "First of them had waited"), TRUE, FALSE },
};

static const Column low_columns[] = {
  { NC_("care list", "Submitted"), TRUE, FALSE },
  { NC_("care list", "Rating"), TRUE, FALSE },
  { NC_("care list", "Staff member"), FALSE, FALSE },
  { NC_("care list", "Comment"), FALSE, TRUE, TRUE },
};

void
daftar_care_page_setup_lists (DaftarCarePage *self)
{
  self->worst = g_list_store_new (DAFTAR_TYPE_CARE_ROW);
  self->low = g_list_store_new (DAFTAR_TYPE_CARE_ROW);
  add_columns (self->worst_view, self->worst, worst_columns, G_N_ELEMENTS (worst_columns));
  add_columns (self->low_view, self->low, low_columns, G_N_ELEMENTS (low_columns));
}

/* Filling ------------------------------------------------------------------- */

static char *
number_or_dash (gint64 value)
{
  return value >= 0 ? daftar_format_int_ungrouped (value) : g_strdup ("—");
}

static GStrv
worst_cells (const DaftarOutOfTurnInstance *t,
             gboolean                       every_office)
{
  GPtrArray *cells = g_ptr_array_new ();
  g_autofree char *number = number_or_dash (t->number);

  /* For every office, a ticket number alone does not say whose it is. */
  if (every_office)
    {
      g_autofree char *office = daftar_text_isolate (t->office_code);
      g_ptr_array_add (cells, g_strdup_printf (C_("office and ticket", "%s, %s"), office, number));
    }
  else
    g_ptr_array_add (cells, g_steal_pointer (&number));
  g_ptr_array_add (cells, daftar_format_datetime (t->called_at));
  g_ptr_array_add (cells, daftar_care_staff_text (t->staff_id, t->staff_name));
  g_ptr_array_add (cells, t->counter >= 0 ? daftar_format_int (t->counter) : g_strdup ("—"));
  g_ptr_array_add (cells, daftar_format_int (t->jumped));
  g_ptr_array_add (cells, daftar_format_duration (t->first_waited_s));
  g_ptr_array_add (cells, NULL);
  return (GStrv) g_ptr_array_free (cells, FALSE);
}

static GStrv
low_cells (const DaftarFeedbackItem *item)
{
  GPtrArray *cells = g_ptr_array_new ();

  g_ptr_array_add (cells, daftar_format_datetime (item->submitted_at));
  g_ptr_array_add (cells, daftar_format_int (item->rating));
  g_ptr_array_add (cells, daftar_care_staff_text (item->staff_id, item->staff_name));
  /* The client's own words, shown as text and never as markup or controls. */
  g_ptr_array_add (cells, item->comment != NULL ? daftar_text_printable (item->comment, 2000) : g_strdup ("—"));
  g_ptr_array_add (cells, NULL);
  return (GStrv) g_ptr_array_free (cells, FALSE);
}

void
daftar_care_page_fill_lists (DaftarCarePage          *self,
                             DaftarPageContext       *context,
                             const DaftarCareFigures *figures)
{
  GPtrArray *worst = figures->out_of_turn.worst;
  gboolean every_office = context->office_code == NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < worst->len; i++)
    g_ptr_array_add (rows, daftar_care_row_new (worst_cells (g_ptr_array_index (worst, i), every_office)));
  g_list_store_splice (self->worst, 0, g_list_model_get_n_items (G_LIST_MODEL (self->worst)), rows->pdata, rows->len);
  gtk_widget_set_visible (GTK_WIDGET (self->worst_view), worst->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->worst_empty), worst->len == 0);

  g_ptr_array_set_size (rows, 0);
  /* Comments are the clients' words: never on the page of every office. */
  if (!every_office)
    for (guint i = 0; i < figures->low_ratings->len; i++)
      g_ptr_array_add (rows, daftar_care_row_new (low_cells (g_ptr_array_index (figures->low_ratings, i))));
  g_list_store_splice (self->low, 0, g_list_model_get_n_items (G_LIST_MODEL (self->low)), rows->pdata, rows->len);
  gtk_widget_set_visible (GTK_WIDGET (self->low_view), rows->len > 0);
  if (every_office)
    gtk_label_set_label (self->low_note, _("The clients’ comments are shown on each office’s own page, not for every office together."));
  else
    {
      g_autofree char *one = daftar_format_int (1);
      g_autofree char *two = daftar_format_int (2);
      g_autofree char *note = rows->len == 0
        /* Translators: %s are 1 and 2 in the UI's digits */
        ? g_strdup_printf (_("No client gave a rating of %s or %s in this period."), one, two)
        /* Translators: %s are 1 and 2 in the UI's digits */
        : g_strdup_printf (_("Ratings of %s or %s, newest first, in the clients’ own words."), one, two);

      gtk_label_set_label (self->low_note, note);
    }
}
