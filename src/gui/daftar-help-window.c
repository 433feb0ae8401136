/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-help-window.c: the user guide — opened in the help viewer, or in a window of its own when there is none. */
#define G_LOG_DOMAIN "daftar-help"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "daftar-help-page.h"
#include "daftar-help-window.h"
#include "daftar-i18n.h"

#define HELP_RESOURCES "/io/github/daftar/Daftar/help"
/* What gnome.yelp installs under each data dir (help/meson.build). */
#define INSTALLED_INDEX "help" G_DIR_SEPARATOR_S "C" G_DIR_SEPARATOR_S "daftar" G_DIR_SEPARATOR_S "index.page"
#define LINK_PREFIX "link:"

/* The side bar's order: the guide, the pages of the window in their order,
 * then the tasks. A page not named here follows, in the resource's order. */
static const char * const page_order[] = {
  "index", "overview", "cases", "shifts", "care", "notices",
  "period", "standards", "staffing", "reports", "sync", "preferences", "keyboard",
};

struct _DaftarHelpWindow
{
  AdwWindow   parent_instance;

  GtkStack   *stack;

  GHashTable *pages;      /* owned: id → DaftarHelpPage */
  GStrv       order;      /* owned: page ids in the side bar's order */
};

G_DEFINE_FINAL_TYPE (DaftarHelpWindow, daftar_help_window, ADW_TYPE_WINDOW)

/* Reading the pages -------------------------------------------------------- */

static int
order_of (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_order); i++)
    if (g_str_equal (page_order[i], id))
      return i;
  return G_N_ELEMENTS (page_order);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  const char *id_a = *(const char * const *) a;
  const char *id_b = *(const char * const *) b;
  int by_order = order_of (id_a) - order_of (id_b);

  return by_order != 0 ? by_order : g_strcmp0 (id_a, id_b);
}

/* The guide's language: the UI's when the guide is translated into it. */
static const char *
guide_language (void)
{
  g_autofree char *persian = g_strconcat (HELP_RESOURCES "/fa/index.page", NULL);

  if (daftar_i18n_is_persian () && g_resources_get_info (persian, 0, NULL, NULL, NULL))
    return "fa";
  return "C";
}

static void
read_pages (DaftarHelpWindow *self)
{
  g_autofree char *dir = g_strdup_printf (HELP_RESOURCES "/%s/", guide_language ());
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = g_resources_enumerate_children (dir, 0, &error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  if (files == NULL)
    {
      g_warning ("The user guide is not in the program's resources: %s", error->message);
      files = g_new0 (char *, 1);
    }
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (dir, files[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autoptr(GError) page_error = NULL;
      DaftarHelpPage *page;
      gsize size = 0;
      const char *xml;

      if (!g_str_has_suffix (files[i], ".page") || bytes == NULL)
        continue;
      xml = g_bytes_get_data (bytes, &size);
      page = daftar_help_page_parse (xml, size, &page_error);
      if (page == NULL)
        {
          g_warning ("The guide's page %s could not be read: %s", path, page_error->message);
          continue;
        }
      g_hash_table_replace (self->pages, page->id, page);
    }

  {
    GHashTableIter iter;
    gpointer id;

    g_hash_table_iter_init (&iter, self->pages);
    while (g_hash_table_iter_next (&iter, &id, NULL))
      g_ptr_array_add (ids, id);
  }
  g_ptr_array_sort (ids, compare_ids);
  g_ptr_array_add (ids, NULL);
  self->order = g_strdupv ((char **) ids->pdata);
}

/* Showing a page ----------------------------------------------------------- */

static void
create_tags (GtkTextBuffer *buffer)
{
  gtk_text_buffer_create_tag (buffer, "title", "scale", 1.6, "weight", PANGO_WEIGHT_BOLD,
                              "pixels-below-lines", 12, NULL);
  gtk_text_buffer_create_tag (buffer, "heading", "scale", 1.25, "weight", PANGO_WEIGHT_BOLD,
                              "pixels-above-lines", 18, "pixels-below-lines", 6, NULL);
  gtk_text_buffer_create_tag (buffer, "paragraph", "pixels-below-lines", 10, NULL);
  /* Both margins: the page may read either way. */
  gtk_text_buffer_create_tag (buffer, "item", "left-margin", 24, "right-margin", 24,
                              "pixels-below-lines", 6, NULL);
  gtk_text_buffer_create_tag (buffer, "term", "weight", PANGO_WEIGHT_BOLD, "pixels-above-lines", 6, NULL);
  gtk_text_buffer_create_tag (buffer, "definition", "left-margin", 24, "right-margin", 24,
                              "pixels-below-lines", 6, NULL);
  gtk_text_buffer_create_tag (buffer, "note", "style", PANGO_STYLE_ITALIC, "pixels-below-lines", 10, NULL);
  gtk_text_buffer_create_tag (buffer, "gui", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "key", "family", "monospace", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "code", "family", "monospace", NULL);
  gtk_text_buffer_create_tag (buffer, "emphasis", "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_buffer_create_tag (buffer, "link", "underline", PANGO_UNDERLINE_SINGLE, "foreground", "#1c71d8", NULL);
}

static const char *
block_tag (DaftarHelpBlockKind kind)
{
  switch (kind)
    {
    case DAFTAR_HELP_BLOCK_TITLE:      return "title";
    case DAFTAR_HELP_BLOCK_HEADING:    return "heading";
    case DAFTAR_HELP_BLOCK_ITEM:
    case DAFTAR_HELP_BLOCK_STEP:
    case DAFTAR_HELP_BLOCK_TOPICS:     return "item";
    case DAFTAR_HELP_BLOCK_TERM:       return "term";
    case DAFTAR_HELP_BLOCK_DEFINITION: return "definition";
    case DAFTAR_HELP_BLOCK_NOTE:       return "note";
    case DAFTAR_HELP_BLOCK_PARAGRAPH:
    default:                           return "paragraph";
    }
}

static GtkTextTag *
link_tag (GtkTextBuffer *buffer,
          const char    *page_id)
{
  g_autofree char *name = g_strconcat (LINK_PREFIX, page_id, NULL);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

  return tag != NULL ? tag : gtk_text_buffer_create_tag (buffer, name, NULL);
}

static void
insert_run (DaftarHelpWindow    *self,
            GtkTextBuffer       *buffer,
            const DaftarHelpRun *run,
            const char          *block)
{
  GtkTextIter end;
  GtkTextMark *start_mark;
  GtkTextIter start;
  const char *text = run->text;

  if (text == NULL && run->link != NULL)
    {
      DaftarHelpPage *target = g_hash_table_lookup (self->pages, run->link);

      text = target != NULL ? target->title : run->link;
    }
  if (text == NULL || text[0] == '\0')
    return;

  gtk_text_buffer_get_end_iter (buffer, &end);
  start_mark = gtk_text_buffer_create_mark (buffer, NULL, &end, TRUE);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, -1, block, NULL);
  gtk_text_buffer_get_iter_at_mark (buffer, &start, start_mark);
  gtk_text_buffer_delete_mark (buffer, start_mark);
  gtk_text_buffer_get_end_iter (buffer, &end);

  if (run->style & DAFTAR_HELP_STYLE_GUI)
    gtk_text_buffer_apply_tag_by_name (buffer, "gui", &start, &end);
  if (run->style & DAFTAR_HELP_STYLE_KEY)
    gtk_text_buffer_apply_tag_by_name (buffer, "key", &start, &end);
  if (run->style & DAFTAR_HELP_STYLE_CODE)
    gtk_text_buffer_apply_tag_by_name (buffer, "code", &start, &end);
  if (run->style & DAFTAR_HELP_STYLE_EMPHASIS)
    gtk_text_buffer_apply_tag_by_name (buffer, "emphasis", &start, &end);
  if (run->link != NULL && g_hash_table_contains (self->pages, run->link))
    {
      gtk_text_buffer_apply_tag_by_name (buffer, "link", &start, &end);
      gtk_text_buffer_apply_tag (buffer, link_tag (buffer, run->link), &start, &end);
    }
}

static void
insert_plain (GtkTextBuffer *buffer,
              const char    *text,
              const char    *tag)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, -1, tag, NULL);
}

/* A guide's section lists its pages, by title, each a link, with what the
 * page is about. */
static void
insert_topics (DaftarHelpWindow *self,
               GtkTextBuffer    *buffer,
               const char       *guide_id,
               const char       *section)
{
  g_autofree char *xref = g_strconcat (guide_id, "#", section, NULL);

  for (guint i = 0; self->order[i] != NULL; i++)
    {
      DaftarHelpPage *page = g_hash_table_lookup (self->pages, self->order[i]);
      DaftarHelpRun link = { NULL, 0, page->id };

      if (g_strcmp0 (page->guide, xref) != 0)
        continue;
      insert_plain (buffer, "• ", "item");
      insert_run (self, buffer, &link, "item");
      if (page->desc != NULL)
        {
          /* Translators: between a page's title and what it is about, in the guide's list of pages. */
          insert_plain (buffer, C_("help", " — "), "item");
          insert_plain (buffer, page->desc, "item");
        }
      insert_plain (buffer, "\n", "item");
    }
}

static void
fill_buffer (DaftarHelpWindow     *self,
             GtkTextBuffer        *buffer,
             const DaftarHelpPage *page)
{
  create_tags (buffer);
  for (guint b = 0; b < page->blocks->len; b++)
    {
      const DaftarHelpBlock *block = g_ptr_array_index (page->blocks, b);
      const char *tag = block_tag (block->kind);

      if (block->kind == DAFTAR_HELP_BLOCK_TOPICS)
        {
          insert_topics (self, buffer, page->id, block->section);
          continue;
        }
      if (block->kind == DAFTAR_HELP_BLOCK_ITEM)
        insert_plain (buffer, "• ", tag);
      else if (block->kind == DAFTAR_HELP_BLOCK_STEP)
        {
          g_autofree char *number = g_strdup_printf ("%u. ", block->number);

          insert_plain (buffer, number, tag);
        }
      for (guint r = 0; r < block->runs->len; r++)
        insert_run (self, buffer, g_ptr_array_index (block->runs, r), tag);
      insert_plain (buffer, "\n", tag);
    }
}

/* The page a link under (@x, @y) of @view leads to, or NULL. */
static const char *
link_at (GtkTextView *view,
         double       x,
         double       y)
{
  GtkTextIter iter;
  g_autoptr(GSList) tags = NULL;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (view, &iter, bx, by))
    return NULL;
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      g_autofree char *name = NULL;

      g_object_get (l->data, "name", &name, NULL);
      /* Interned: a page id outlives the copy of the tag's name. */
      if (name != NULL && g_str_has_prefix (name, LINK_PREFIX))
        return g_intern_string (name + strlen (LINK_PREFIX));
    }
  return NULL;
}

static void
on_view_released (GtkGestureClick *click,
                  int              n_press,
                  double           x,
                  double           y,
                  DaftarHelpWindow *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (click)));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  const char *id;

  /* A drag that selected text is not a click on a link. */
  if (gtk_text_buffer_get_has_selection (buffer))
    return;
  id = link_at (view, x, y);
  if (id != NULL)
    daftar_help_window_show_page (self, id);
}

static void
on_view_motion (GtkEventControllerMotion *motion,
                double                    x,
                double                    y,
                gpointer                  user_data)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (motion));

  gtk_widget_set_cursor_from_name (view, link_at (GTK_TEXT_VIEW (view), x, y) != NULL ? "pointer" : NULL);
}

static GtkWidget *
page_view (DaftarHelpWindow     *self,
           const DaftarHelpPage *page)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 24);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 24);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 18);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 18);
  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (view), 4);
  fill_buffer (self, gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), page);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, page->title, -1);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_view_released), self);
  gtk_widget_add_controller (view, GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "motion", G_CALLBACK (on_view_motion), NULL);
  gtk_widget_add_controller (view, motion);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  return scroller;
}

/* The window ---------------------------------------------------------------- */

static void
daftar_help_window_dispose (GObject *object)
{
  DaftarHelpWindow *self = DAFTAR_HELP_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), DAFTAR_TYPE_HELP_WINDOW);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->order, g_strfreev);

  G_OBJECT_CLASS (daftar_help_window_parent_class)->dispose (object);
}

static void
daftar_help_window_class_init (DaftarHelpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = daftar_help_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/daftar/Daftar/gui/daftar-help-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DaftarHelpWindow, stack);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
daftar_help_window_init (DaftarHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) daftar_help_page_free);
  read_pages (self);
  for (guint i = 0; self->order[i] != NULL; i++)
    {
      DaftarHelpPage *page = g_hash_table_lookup (self->pages, self->order[i]);

      gtk_stack_add_titled (self->stack, page_view (self, page), page->id, page->title);
    }
  daftar_help_window_show_page (self, "index");
}

GtkWidget *
daftar_help_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (DAFTAR_TYPE_HELP_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
}

gboolean
daftar_help_window_show_page (DaftarHelpWindow *self,
                              const char       *page_id)
{
  g_return_val_if_fail (DAFTAR_IS_HELP_WINDOW (self), FALSE);
  g_return_val_if_fail (page_id != NULL, FALSE);

  if (gtk_stack_get_child_by_name (self->stack, page_id) == NULL)
    return FALSE;
  gtk_stack_set_visible_child_name (self->stack, page_id);
  return TRUE;
}

const char *
daftar_help_window_get_page (DaftarHelpWindow *self)
{
  g_return_val_if_fail (DAFTAR_IS_HELP_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char * const *
daftar_help_window_list_pages (DaftarHelpWindow *self)
{
  g_return_val_if_fail (DAFTAR_IS_HELP_WINDOW (self), NULL);
  return (const char * const *) self->order;
}

GtkTextBuffer *
daftar_help_window_get_buffer (DaftarHelpWindow *self,
                               const char       *page_id)
{
  GtkWidget *scroller;

  g_return_val_if_fail (DAFTAR_IS_HELP_WINDOW (self), NULL);

  scroller = gtk_stack_get_child_by_name (self->stack, page_id);
  if (scroller == NULL)
    return NULL;
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))));
}

/* Opening the guide ---------------------------------------------------------- */

/* A help viewer is there for "help:" links, and the guide is installed
 * where it looks: a build tree's guide is only in the program. */
gboolean
daftar_help_viewer_available (void)
{
  g_autoptr(GAppInfo) viewer = g_app_info_get_default_for_uri_scheme ("help");
  const char * const *dirs = g_get_system_data_dirs ();
  g_autofree char *user = g_build_filename (g_get_user_data_dir (), INSTALLED_INDEX, NULL);

  if (viewer == NULL)
    return FALSE;
  if (g_file_test (user, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *index = g_build_filename (dirs[i], INSTALLED_INDEX, NULL);

      if (g_file_test (index, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }
  return FALSE;
}

static void
show_window (GtkWindow *parent)
{
  GtkWidget *window = daftar_help_window_new (parent);

  gtk_window_present (GTK_WINDOW (window));
}

static void
viewer_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;

  /* The viewer would not start: the guide is shown all the same. */
  if (!gtk_show_uri_full_finish (parent, result, &error))
    {
      g_message ("The help viewer did not open the guide: %s", error->message);
      show_window (parent);
    }
}

void
daftar_help_show (GtkWindow *parent)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  if (parent == NULL || !daftar_help_viewer_available ())
    {
      show_window (parent);
      return;
    }
  /* The guide's id is the one gnome.yelp installs it under (help/meson.build). */
  gtk_show_uri_full (parent, "help:daftar", GDK_CURRENT_TIME, NULL, viewer_done, g_object_ref (parent));
}
