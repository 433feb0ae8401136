/* daftar-cases-page-list.c: the Cases page's case list — column view over the lazy model, search, order, notices. */
#define G_LOG_DOMAIN "daftar-cases-page"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-cases-page-private.h"
#include "daftar-format.h"
#include "daftar-labels.h"
#include "daftar-text.h"

/* Rows the model reads at once, and pages it keeps. */
#define PAGE_SIZE 100
#define MAX_PAGES 5

typedef enum {
  COLUMN_FILED,
  COLUMN_CODE,
  COLUMN_KIND,
  COLUMN_CLIENT,
  COLUMN_SUBJECT,
  COLUMN_CITY,
  COLUMN_STATUS,
} Column;

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (user_data) == COLUMN_FILED)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  DaftarCaseItem *item = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *owned = NULL;
  const char *text = NULL;

  if (daftar_case_item_is_placeholder (item))
    {
      /* The page is on its way; keep the row's height without text. */
      gtk_label_set_label (label, GPOINTER_TO_INT (user_data) == COLUMN_FILED ? "…" : "");
      return;
    }
  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_FILED:   text = owned = daftar_format_datetime (daftar_case_item_get_filed_at (item)); break;
    case COLUMN_CODE:
      /* A Latin code keeps its own direction, and its place, in a Persian row. */
      text = owned = daftar_text_isolate (daftar_case_item_get_tracking_code (item));
      break;
    case COLUMN_KIND:
      text = daftar_label_for_nick (DAFTAR_TYPE_CASE_KIND, daftar_case_item_get_kind (item), DAFTAR_LABEL_SINGULAR);
      break;
    case COLUMN_CLIENT:  text = daftar_case_item_get_client_name (item); break;
    case COLUMN_SUBJECT: text = daftar_case_item_get_subject (item); break;
    case COLUMN_CITY:    text = daftar_case_item_get_dest_city (item); break;
    case COLUMN_STATUS:
      text = daftar_label_for_nick (DAFTAR_TYPE_CASE_STATUS, daftar_case_item_get_status (item), DAFTAR_LABEL_SINGULAR);
      break;
    default:             g_assert_not_reached ();
    }
  gtk_label_set_label (label, text ? text : "");
}

static void
set_factory (GtkColumnViewColumn *column,
             Column               which)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (which));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (which));
  gtk_column_view_column_set_factory (column, factory);
}

/* The "Filed" column's sorter. It never sorts anything itself (the model
 * sorts in SQL); it only lets the column view say which way. Probe objects
 * carry a rank so the direction can be read back from the view's sorter. */
static int
compare_filed (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  gint64 ta = DAFTAR_IS_CASE_ITEM ((gpointer) a) ? daftar_case_item_get_filed_at ((gpointer) a)
                                                 : GPOINTER_TO_INT (g_object_get_data ((GObject *) a, "rank"));
  gint64 tb = DAFTAR_IS_CASE_ITEM ((gpointer) b) ? daftar_case_item_get_filed_at ((gpointer) b)
                                                 : GPOINTER_TO_INT (g_object_get_data ((GObject *) b, "rank"));

  return ta < tb ? GTK_ORDERING_SMALLER : ta > tb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* GTK 4.8 has no getter for the sort order, so ask the sorter to compare
 * an earlier and a later probe: "smaller" means oldest first. */
static void
on_sorter_changed (DaftarCasesPage *self)
{
  GtkSorter *sorter;
  g_autoptr(GObject) earlier = NULL;
  g_autoptr(GObject) later = NULL;

  /* Also called while the columns go away in dispose. */
  if (self->case_list == NULL || self->case_view == NULL)
    return;
  sorter = gtk_column_view_get_sorter (self->case_view);
  earlier = g_object_new (G_TYPE_OBJECT, NULL);
  later = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data (earlier, "rank", GINT_TO_POINTER (1));
  g_object_set_data (later, "rank", GINT_TO_POINTER (2));
  daftar_case_list_set_descending (self->case_list,
                                   gtk_sorter_compare (sorter, earlier, later) != GTK_ORDERING_SMALLER);
}

static void
clear_notices (DaftarCasesPage *self,
               const char      *message)
{
  GtkWidget *child;

  g_cancellable_cancel (self->notices_cancellable);
  g_clear_object (&self->notices_cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->notices_list))) != NULL)
    gtk_list_box_remove (self->notices_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->notices_list), FALSE);
  gtk_label_set_label (self->notices_case, message);
}

static GtkWidget *
notice_row (const DaftarCaseNotice *notice)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *issued = daftar_format_datetime (notice->issued_at);
  g_autofree char *viewed = notice->viewed_at ? daftar_format_datetime (notice->viewed_at) : NULL;
  g_autofree char *subtitle = viewed
    /* Translators: when a notice was issued and when the party viewed it */
    ? g_strdup_printf (_("Issued %s, viewed %s"), issued, viewed)
    : g_strdup_printf (_("Issued %s, not viewed yet"), issued);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 daftar_label_for_nick (DAFTAR_TYPE_NOTICE_CHANNEL, notice->channel,
                                                        DAFTAR_LABEL_SINGULAR));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
notices_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DaftarCasesPage) self = user_data;
  DaftarCaseItem *item = DAFTAR_CASE_ITEM (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notices = daftar_case_item_load_notices_finish (item, result, &error);
  g_autofree char *heading = NULL;
  g_autofree char *code = NULL;

  if (notices == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the notices of a case: %s", error->message);
      return;
    }
  code = daftar_text_isolate (daftar_case_item_get_tracking_code (item));
  if (notices->len == 0)
    heading = g_strdup_printf (_("No notices have been issued on %s yet."), code);
  else
    {
      g_autofree char *n = daftar_format_int (notices->len);
      /* Translators: the number of notices, then the case's tracking code */
      heading = g_strdup_printf (g_dngettext (NULL, "%s notice on %s", "%s notices on %s", notices->len),
                                 n, code);
    }
  gtk_label_set_label (self->notices_case, heading);
  for (guint i = 0; i < notices->len; i++)
    gtk_list_box_append (self->notices_list, notice_row (g_ptr_array_index (notices, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->notices_list), notices->len > 0);
}

static void
on_selection_changed (DaftarCasesPage *self)
{
  DaftarCaseItem *item = gtk_single_selection_get_selected_item (self->selection);

  clear_notices (self, C_("cases page", "Select a case to see its notices."));
  if (item == NULL || daftar_case_item_is_placeholder (item))
    return;
  gtk_label_set_label (self->notices_case, _("Reading the notices…"));
  self->notices_cancellable = g_cancellable_new ();
  daftar_case_item_load_notices_async (item, daftar_case_list_get_worker (self->case_list), &self->today,
                                       self->notices_cancellable, notices_loaded, g_object_ref (self));
}

static void
update_status (DaftarCasesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->case_list));
  g_autofree char *count = daftar_format_int (n);
  g_autofree char *text = NULL;

  gboolean loading = daftar_case_list_get_loading (self->case_list);

  /* A search shows its newest matches first and goes on counting; over a
   * long period of many offices it stops at a cap (daftar-case-list.h). */
  if (loading && n == 0)
    text = g_strdup (_("Searching…"));
  else if (n == 0)
    text = g_strdup (_("No cases match."));
  else if (daftar_case_list_get_count_exact (self->case_list))
    text = g_strdup_printf (g_dngettext (NULL, "%s case", "%s cases", n), count);
  else if (loading)
    text = g_strdup_printf (g_dngettext (NULL, "%s case so far…", "%s cases so far…", n), count);
  else
    text = g_strdup_printf (g_dngettext (NULL, "At least %s case", "At least %s cases", n), count);
  gtk_label_set_label (self->list_status, text);
}

void
on_search_changed (DaftarCasesPage *self)
{
  if (self->case_list != NULL)
    daftar_case_list_set_search (self->case_list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

void
daftar_cases_page_list_load (DaftarCasesPage   *self,
                             DaftarDbWorker    *worker,
                             DaftarPageContext *context)
{
  if (self->case_list == NULL || daftar_case_list_get_worker (self->case_list) != worker)
    {
      g_clear_object (&self->case_list);
      g_clear_object (&self->selection);
      self->case_list = daftar_case_list_new (worker, PAGE_SIZE, MAX_PAGES);
      g_signal_connect_object (self->case_list, "items-changed", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->case_list, "notify::loading", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->case_list, "notify::count-exact", G_CALLBACK (update_status), self,
                               G_CONNECT_SWAPPED);
      daftar_case_list_set_search (self->case_list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      on_sorter_changed (self);

      /* No GtkSortListModel: it would read every row. The model sorts in SQL. */
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->case_list)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed),
                               self, G_CONNECT_SWAPPED);
      gtk_column_view_set_model (self->case_view, GTK_SELECTION_MODEL (self->selection));
    }
  self->today = context->today;
  clear_notices (self, C_("cases page", "Select a case to see its notices."));
  daftar_case_list_set_scope (self->case_list, context->office_code, &context->period.from, &context->period.to);
  update_status (self);
}

void
daftar_cases_page_list_init (DaftarCasesPage *self)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_filed, NULL, NULL));

  g_date_clear (&self->today, 1);
  set_factory (self->filed_column, COLUMN_FILED);
  set_factory (self->code_column, COLUMN_CODE);
  set_factory (self->kind_column, COLUMN_KIND);
  set_factory (self->client_column, COLUMN_CLIENT);
  set_factory (self->subject_column, COLUMN_SUBJECT);
  set_factory (self->city_column, COLUMN_CITY);
  set_factory (self->status_column, COLUMN_STATUS);

  gtk_column_view_column_set_sorter (self->filed_column, sorter);
  gtk_column_view_sort_by_column (self->case_view, self->filed_column, GTK_SORT_DESCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->case_view), "changed",
                           G_CALLBACK (on_sorter_changed), self, G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
}

void
daftar_cases_page_list_dispose (DaftarCasesPage *self)
{
  g_cancellable_cancel (self->notices_cancellable);
  g_clear_object (&self->notices_cancellable);
  if (self->case_view != NULL)
    gtk_column_view_set_model (self->case_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->case_list);
}
