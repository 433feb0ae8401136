/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-cases-page-list.c: the Cases page's case list — column view over the lazy model, search in the period or on every date, order, notices, opening a case. */
#define G_LOG_DOMAIN "daftar-cases-page"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-case-detail-window.h"
#include "daftar-cases-page-private.h"
#include "daftar-format.h"
#include "daftar-labels.h"
#include "daftar-text.h"

/* Rows the model reads at once, and pages it keeps. */
#define PAGE_SIZE 100
#define MAX_PAGES 5

/* A cell's padding and a little air, beyond its text (Adwaita's cells have
 * 6 px either side): what a column that never cuts its text adds. */
#define CELL_SLACK 20

/* Iranian e-services tracking codes have 16 digits; a longer one widens
 * its column when it is shown. */
#define SAMPLE_CODE "0000000000000000"

typedef enum {
  COLUMN_FILED,
  COLUMN_CODE,
  COLUMN_KIND,
  COLUMN_CLIENT,
  COLUMN_SUBJECT,
  COLUMN_CITY,
  COLUMN_STATUS,
  N_COLUMNS
} Column;

/* The time and the tracking code are never cut: their columns keep a
 * fixed width that fits them, and grow if a wider value is shown. The kind
 * and the status have fixed widths too, so that the columns stand where
 * they are with no rows, but no wider than CAPPED_CHARS characters: a
 * longer label («Received by the authority») is cut with an ellipsis and
 * whole in a tooltip, as the free text is, which shares what is left. */
#define CAPPED_CHARS 16

static gboolean
column_is_fixed (Column column)
{
  return column == COLUMN_FILED || column == COLUMN_CODE || column == COLUMN_KIND || column == COLUMN_STATUS;
}

static gboolean
column_is_capped (Column column)
{
  return column == COLUMN_KIND || column == COLUMN_STATUS;
}

static GtkColumnViewColumn *
column_of (DaftarCasesPage *self,
           Column           column)
{
  switch (column)
    {
    case COLUMN_FILED:   return self->filed_column;
    case COLUMN_CODE:    return self->code_column;
    case COLUMN_KIND:    return self->kind_column;
    case COLUMN_CLIENT:  return self->client_column;
    case COLUMN_SUBJECT: return self->subject_column;
    case COLUMN_CITY:    return self->city_column;
    case COLUMN_STATUS:  return self->status_column;
    case N_COLUMNS:
    default:             g_assert_not_reached ();
    }
}

static gboolean
on_cell_query_tooltip (GtkWidget  *widget,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  GtkLabel *label = GTK_LABEL (widget);

  /* Only what the ellipsis hides needs telling. */
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_label (label));
  return TRUE;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Cut only if a column were ever narrower than its value: the widget
   * tests look for that ellipsis. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_FILED || column == COLUMN_CODE)
    gtk_widget_add_css_class (label, "numeric");
  if (column == COLUMN_CODE)
    gtk_widget_add_css_class (label, "tracking-code");
  if (!column_is_fixed (column) || column_is_capped (column))
    {
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_cell_query_tooltip), NULL);
    }
  gtk_list_item_set_child (list_item, label);
}

/* The width a value needs in a column: its text and the cell's padding. */
static int
text_width (DaftarCasesPage *self,
            const char      *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->case_view), text);
  int width = 0;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width + CELL_SLACK;
}

static gboolean
apply_widths (gpointer data)
{
  DaftarCasesPage *self = data;

  self->widths_source = 0;
  for (Column c = 0; c < N_COLUMNS; c++)
    {
      int wanted = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column_of (self, c)), "daftar-wanted-width"));

      /* The cap is known once the view has its font: rows may come first. */
      if (column_is_capped (c) && self->capped_width > 0)
        wanted = MIN (wanted, self->capped_width);
      if (column_is_fixed (c) && wanted > 0 && wanted != gtk_column_view_column_get_fixed_width (column_of (self, c)))
        gtk_column_view_column_set_fixed_width (column_of (self, c), wanted);
    }
  return G_SOURCE_REMOVE;
}

/* Asks for @column to be at least @width wide (up to its cap). A cell
 * learns its width while the view lays out, when changing a column would
 * come too late: the view is widened just after. */
static void
want_width (DaftarCasesPage *self,
            Column           column,
            int              width)
{
  GObject *object = G_OBJECT (column_of (self, column));

  if (width <= GPOINTER_TO_INT (g_object_get_data (object, "daftar-wanted-width")))
    return;
  g_object_set_data (object, "daftar-wanted-width", GINT_TO_POINTER (width));
  if (self->widths_source == 0)
    self->widths_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_widths, self, NULL);
}

/* Widths from the values the columns can hold, measured in the view's own
 * font, so the columns stand still with no rows or with a page on its
 * way. */
static void
on_view_realized (DaftarCasesPage *self)
{
  g_autofree char *filed = NULL;
  g_autofree char *code = daftar_text_isolate (SAMPLE_CODE);
  PangoFontMetrics *metrics =
    pango_context_get_metrics (gtk_widget_get_pango_context (GTK_WIDGET (self->case_view)), NULL, NULL);
  int kind = 0, status = 0;

  self->capped_width = CAPPED_CHARS * pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE + CELL_SLACK;
  pango_font_metrics_unref (metrics);
  /* A wide time: two-digit month and hour (9 Azar 1405, 16:49). */
  filed = daftar_format_datetime (G_GINT64_CONSTANT (1796044740));
  for (int k = 0; k < DAFTAR_N_CASE_KINDS; k++)
    kind = MAX (kind, text_width (self, daftar_label (DAFTAR_TYPE_CASE_KIND, k, DAFTAR_LABEL_SINGULAR)));
  for (int s = 0; s < DAFTAR_N_CASE_STATUSES; s++)
    status = MAX (status, text_width (self, daftar_label (DAFTAR_TYPE_CASE_STATUS, s, DAFTAR_LABEL_SINGULAR)));
  want_width (self, COLUMN_FILED, text_width (self, filed));
  want_width (self, COLUMN_CODE, text_width (self, code));
  want_width (self, COLUMN_KIND, kind);
  want_width (self, COLUMN_STATUS, status);
  g_clear_handle_id (&self->widths_source, g_source_remove);
  apply_widths (self);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  DaftarCasesPage *self = g_object_get_data (G_OBJECT (factory), "daftar-page");
  Column column = GPOINTER_TO_INT (user_data);
  DaftarCaseItem *item = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *owned = NULL;
  const char *text = NULL;

  if (daftar_case_item_is_placeholder (item))
    {
      /* The page is on its way; keep the row's height without text. */
      gtk_label_set_label (label, column == COLUMN_FILED ? "…" : "");
      return;
    }
  switch (column)
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
    case N_COLUMNS:
    default:             g_assert_not_reached ();
    }
  gtk_label_set_label (label, text ? text : "");

  if (column_is_fixed (column) && self != NULL)
    {
      GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (label));
      int natural = 0;

      /* The cell with its padding, as the column must hold it. */
      gtk_widget_measure (cell != NULL ? cell : GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, &natural, NULL, NULL);
      want_width (self, column, natural);
    }
}

static void
set_factory (DaftarCasesPage *self,
             Column           which)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "daftar-page", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (which));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (which));
  gtk_column_view_column_set_factory (column_of (self, which), factory);
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

/* Opening a case ----------------------------------------------------------- */

/* The window opens it (DaftarWindow's "case.show"); a page outside one,
 * as in a test, has nowhere to. */
static void
show_case (DaftarCasesPage *self,
           DaftarCaseItem  *item)
{
  if (item == NULL || daftar_case_item_is_placeholder (item))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "case.show", "s", daftar_case_item_get_id (item));
}

void
on_case_activated (DaftarCasesPage *self,
                   guint            position)
{
  g_autoptr(DaftarCaseItem) item = g_list_model_get_item (G_LIST_MODEL (self->case_list), position);

  show_case (self, item);
}

/* A notice in the pane belongs to the selected case. */
void
on_notice_activated (DaftarCasesPage *self)
{
  show_case (self, self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL);
}

/* The selected case's notices ------------------------------------------------ */

static void
clear_notices (DaftarCasesPage *self,
               const char      *message)
{
  GtkWidget *child;

  g_cancellable_cancel (self->notices_cancellable);
  g_clear_object (&self->notices_cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->notices_list))) != NULL)
    gtk_list_box_remove (self->notices_list, child);
  gtk_widget_set_visible (self->notices_scroller, FALSE);
  gtk_label_set_label (self->notices_case, message);
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
    {
      GtkWidget *row = daftar_case_notice_row_new (g_ptr_array_index (notices, i), FALSE);

      /* Each opens the case it is on. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Open the case"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->notices_list, row);
    }
  gtk_widget_set_visible (self->notices_scroller, notices->len > 0);
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
  daftar_case_item_load_notices_async (item, daftar_case_list_get_worker (self->case_list),
                                       g_date_valid (&self->today) ? &self->today : NULL,
                                       self->notices_cancellable, notices_loaded, g_object_ref (self));
}

/* What the list holds, said above it ---------------------------------------- */

static gboolean
is_searching (DaftarCasesPage *self)
{
  g_autofree char *key = daftar_text_search_key (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  return key != NULL && *key != '\0';
}

/* "None in this period; N on other dates", or NULL when the count of other
 * dates is not known (yet) or there are none. */
static char *
elsewhere_text (DaftarCasesPage *self)
{
  gboolean exact = FALSE;
  gint64 n = daftar_case_list_get_n_elsewhere (self->case_list, &exact);
  g_autofree char *count = NULL;

  if (n <= 0)
    return NULL;
  count = daftar_format_int (n);
  return exact
    /* Translators: a search found nothing in the chosen period, but so many cases on other dates */
    ? g_strdup_printf (g_dngettext (NULL, "None in this period; %s case on other dates",
                                    "None in this period; %s cases on other dates", n), count)
    : g_strdup_printf (g_dngettext (NULL, "None in this period; at least %s case on other dates",
                                    "None in this period; at least %s cases on other dates", n), count);
}

static char *
count_text (DaftarCasesPage *self,
            guint            n)
{
  g_autofree char *count = daftar_format_int (n);
  gboolean exact = daftar_case_list_get_count_exact (self->case_list);
  gboolean loading = daftar_case_list_get_loading (self->case_list);

  /* A search shows its newest matches first and goes on counting; over a
   * long period of many offices it stops at a cap (daftar-case-list.h). */
  if (self->all_dates)
    return exact ? g_strdup_printf (g_dngettext (NULL, "%s case on all dates", "%s cases on all dates", n), count)
         : loading ? g_strdup_printf (g_dngettext (NULL, "%s case so far…", "%s cases so far…", n), count)
         : g_strdup_printf (g_dngettext (NULL, "At least %s case on all dates", "At least %s cases on all dates", n),
                            count);
  return exact ? g_strdup_printf (g_dngettext (NULL, "%s case", "%s cases", n), count)
       : loading ? g_strdup_printf (g_dngettext (NULL, "%s case so far…", "%s cases so far…", n), count)
       : g_strdup_printf (g_dngettext (NULL, "At least %s case", "At least %s cases", n), count);
}

static void
update_status (DaftarCasesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->case_list));
  gboolean loading = daftar_case_list_get_loading (self->case_list);
  gboolean searching = is_searching (self);
  g_autofree char *elsewhere = NULL;
  g_autofree char *text = NULL;
  const char *title = NULL;

  if (loading && n == 0)
    text = g_strdup (_("Searching…"));
  else if (n > 0)
    text = count_text (self, n);
  else if (!searching)
    {
      title = _("No Cases in This Period");
      text = g_strdup (_("No cases match."));
    }
  else if (!self->all_dates && (elsewhere = elsewhere_text (self)) != NULL)
    {
      title = _("No Cases Found in This Period");
      text = g_strdup (elsewhere);
    }
  else
    {
      title = _("No Cases Found");
      text = g_strdup (self->all_dates || daftar_case_list_get_n_elsewhere (self->case_list, NULL) == 0
                       ? _("No case matches on any date.") : _("No cases match."));
    }
  gtk_label_set_label (self->list_status, text);

  /* Nothing found: said across the list, whose columns stay in place. */
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), title != NULL);
  if (title != NULL)
    {
      adw_status_page_set_title (self->empty_page, title);
      adw_status_page_set_description (self->empty_page, text);
    }
  gtk_widget_set_visible (self->elsewhere_button, elsewhere != NULL);

  /* Every date, or back to the period: whenever there is a search to widen,
   * or a wider one to end. */
  gtk_button_set_label (self->scope_button, self->all_dates ? _("Only This Period") : C_("cases page", "Search All Dates"));
  gtk_widget_set_visible (GTK_WIDGET (self->scope_button), self->all_dates || (searching && n > 0));

  if (self->activate_pending && !loading)
    on_search_activate (self);
}

/* The search and its scope ---------------------------------------------------- */

static void
apply_scope (DaftarCasesPage *self)
{
  clear_notices (self, C_("cases page", "Select a case to see its notices."));
  if (self->all_dates)
    daftar_case_list_set_scope (self->case_list, self->office_code, NULL, NULL);
  else
    daftar_case_list_set_scope (self->case_list, self->office_code, &self->from, &self->to);
  update_status (self);
}

void
on_scope_clicked (DaftarCasesPage *self)
{
  if (self->case_list == NULL)
    return;
  self->all_dates = !self->all_dates;
  apply_scope (self);
}

void
on_search_changed (DaftarCasesPage *self)
{
  if (self->case_list == NULL)
    return;
  /* Enter may have run this search already: it still waits for it. */
  if (g_strcmp0 (daftar_case_list_get_search (self->case_list),
                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) != 0)
    self->activate_pending = FALSE;
  /* Typing is looking for a case: the list shows what is found. */
  if (is_searching (self))
    daftar_cases_page_show_list (self);
  daftar_case_list_set_search (self->case_list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_status (self);
}

/* Enter: the one match opens; with more, the list takes the keyboard at
 * the first, where Enter opens it. Typed faster than the search runs, it
 * waits for the search's answer. */
void
on_search_activate (DaftarCasesPage *self)
{
  guint n;

  if (self->case_list == NULL)
    return;
  daftar_cases_page_show_list (self);
  daftar_case_list_set_search (self->case_list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  self->activate_pending = daftar_case_list_get_loading (self->case_list);
  if (self->activate_pending)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->case_list));
  if (n == 0)
    return;
  if (n == 1 && daftar_case_list_get_count_exact (self->case_list))
    {
      g_autoptr(DaftarCaseItem) item = g_list_model_get_item (G_LIST_MODEL (self->case_list), 0);

      show_case (self, item);
      return;
    }
  gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->case_view));
}

/* Escape empties the search. */
void
on_search_stop (DaftarCasesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Loading ---------------------------------------------------------------------- */

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
      g_signal_connect_object (self->case_list, "notify::n-elsewhere", G_CALLBACK (update_status), self,
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
  /* "Every date" lasts until the manager chooses another period or office;
   * a reload of the same one (after a sync) keeps it. */
  if (g_strcmp0 (self->office_code, context->office_code) != 0 ||
      !g_date_valid (&self->from) || g_date_compare (&self->from, &context->period.from) != 0 ||
      g_date_compare (&self->to, &context->period.to) != 0)
    self->all_dates = FALSE;
  g_free (self->office_code);
  self->office_code = g_strdup (context->office_code);
  self->from = context->period.from;
  self->to = context->period.to;
  self->today = context->today;
  apply_scope (self);
}

void
daftar_cases_page_list_init (DaftarCasesPage *self)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_filed, NULL, NULL));

  g_date_clear (&self->today, 1);
  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
  for (Column c = 0; c < N_COLUMNS; c++)
    set_factory (self, c);
  g_signal_connect_object (self->case_view, "realize", G_CALLBACK (on_view_realized), self, G_CONNECT_SWAPPED);

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
  g_clear_handle_id (&self->widths_source, g_source_remove);
  if (self->case_view != NULL)
    gtk_column_view_set_model (self->case_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->case_list);
  g_clear_pointer (&self->office_code, g_free);
}
