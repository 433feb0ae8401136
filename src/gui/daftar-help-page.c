/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-help-page.c: a Mallard page of the user guide read into blocks of styled text, for the window that shows it without a help viewer. */
#define G_LOG_DOMAIN "daftar-help"

#include "config.h"

#include <string.h>

#include "daftar-help-page.h"

/* The guide is the program's own resource, but a bounded reader costs
 * nothing: deeper nesting than Mallard pages use is refused. */
#define MAX_DEPTH 64

typedef struct
{
  DaftarHelpPage  *page;
  GPtrArray       *stack;         /* owned copies of the open elements' names */
  guint            info_depth;    /* > 0 inside <info> */
  DaftarHelpBlock *block;         /* nullable: the block being read */
  GString         *plain;         /* nullable: the page's title or description, read as plain text */
  char           **plain_target;  /* where @plain goes */
  guint            style;
  char            *link;          /* owned, nullable: the page the current link leads to */
  guint            link_runs;     /* runs of the block when the link started */
  guint            keys;          /* keys so far in the current keyseq */
  guint            step;          /* steps so far in the current <steps> */
  GPtrArray       *sections;      /* owned: ids of the open sections */
} Reader;

static void
run_free (DaftarHelpRun *run)
{
  g_free (run->text);
  g_free (run->link);
  g_free (run);
}

static void
block_free (DaftarHelpBlock *block)
{
  g_ptr_array_unref (block->runs);
  g_free (block->section);
  g_free (block);
}

void
daftar_help_page_free (DaftarHelpPage *page)
{
  if (page == NULL)
    return;
  g_free (page->id);
  g_free (page->title);
  g_free (page->desc);
  g_free (page->guide);
  g_ptr_array_unref (page->blocks);
  g_free (page);
}

static DaftarHelpBlock *
block_new (DaftarHelpBlockKind kind)
{
  DaftarHelpBlock *block = g_new0 (DaftarHelpBlock, 1);

  block->kind = kind;
  block->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) run_free);
  return block;
}

/* The element @up levels above the current one ("" past the root). */
static const char *
ancestor (Reader *reader,
          guint   up)
{
  guint len = reader->stack->len;

  return up < len ? g_ptr_array_index (reader->stack, len - 1 - up) : "";
}

static void
add_text (Reader     *reader,
          const char *text,
          gsize       len)
{
  DaftarHelpRun *last;

  /* GMarkup also reports the empty text between two elements. */
  if (len == 0)
    return;
  if (reader->plain != NULL)
    {
      g_string_append_len (reader->plain, text, len);
      return;
    }
  if (reader->block == NULL)
    return;
  last = reader->block->runs->len > 0 ? g_ptr_array_index (reader->block->runs, reader->block->runs->len - 1) : NULL;
  if (last == NULL || last->text == NULL || last->style != reader->style || g_strcmp0 (last->link, reader->link) != 0)
    {
      last = g_new0 (DaftarHelpRun, 1);
      last->text = g_strdup ("");
      last->style = reader->style;
      last->link = g_strdup (reader->link);
      g_ptr_array_add (reader->block->runs, last);
    }
  {
    GString *more = g_string_new (last->text);

    g_string_append_len (more, text, len);
    g_free (last->text);
    last->text = g_string_free (more, FALSE);
  }
}

/* Runs of white space become one space, none at either end of the block:
 * the page's line breaks are the XML's, not the reader's. */
static void
collapse_space (DaftarHelpBlock *block)
{
  gboolean space = TRUE;   /* drops leading space */

  for (guint i = 0; i < block->runs->len; i++)
    {
      DaftarHelpRun *run = g_ptr_array_index (block->runs, i);
      GString *out;

      if (run->text == NULL)
        {
          space = FALSE;
          continue;
        }
      out = g_string_new (NULL);
      for (const char *p = run->text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isspace (c) && c != 0x200C)
            {
              if (!space)
                g_string_append_c (out, ' ');
              space = TRUE;
              continue;
            }
          g_string_append_unichar (out, c);
          space = FALSE;
        }
      g_free (run->text);
      run->text = g_string_free (out, FALSE);
    }
  /* Trailing space, perhaps spread over the last runs. */
  for (guint i = block->runs->len; i > 0; i--)
    {
      DaftarHelpRun *run = g_ptr_array_index (block->runs, i - 1);
      gsize len;

      if (run->text == NULL)
        break;
      len = strlen (run->text);
      if (len > 0 && run->text[len - 1] == ' ')
        run->text[len - 1] = '\0';
      if (run->text[0] != '\0')
        break;
    }
  for (guint i = block->runs->len; i > 0; i--)
    {
      DaftarHelpRun *run = g_ptr_array_index (block->runs, i - 1);

      if (run->text != NULL && run->text[0] == '\0')
        g_ptr_array_remove_index (block->runs, i - 1);
    }
}

static void
start_block (Reader              *reader,
             DaftarHelpBlockKind  kind)
{
  reader->block = block_new (kind);
  if (kind == DAFTAR_HELP_BLOCK_STEP)
    reader->block->number = ++reader->step;
}

static void
end_block (Reader *reader)
{
  if (reader->block == NULL)
    return;
  collapse_space (reader->block);
  g_ptr_array_add (reader->page->blocks, g_steal_pointer (&reader->block));
}

static DaftarHelpBlockKind
paragraph_kind (Reader *reader)
{
  const char *parent = ancestor (reader, 0);
  const char *list = ancestor (reader, 1);

  if (g_str_equal (parent, "item") && g_str_equal (list, "list"))
    return DAFTAR_HELP_BLOCK_ITEM;
  if (g_str_equal (parent, "item") && g_str_equal (list, "steps"))
    return DAFTAR_HELP_BLOCK_STEP;
  if (g_str_equal (parent, "item") && g_str_equal (list, "terms"))
    return DAFTAR_HELP_BLOCK_DEFINITION;
  if (g_str_equal (parent, "note"))
    return DAFTAR_HELP_BLOCK_NOTE;
  return DAFTAR_HELP_BLOCK_PARAGRAPH;
}

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *name,
               const char          **names,
               const char          **values,
               gpointer              data,
               GError              **error)
{
  Reader *reader = data;
  const char *parent = ancestor (reader, 0);

  if (reader->stack->len >= MAX_DEPTH)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "The page nests deeper than %d elements", MAX_DEPTH);
      return;
    }

  if (g_str_equal (name, "page"))
    {
      g_free (reader->page->id);
      reader->page->id = g_strdup (attribute (names, values, "id"));
      reader->page->is_guide = g_strcmp0 (attribute (names, values, "type"), "guide") == 0;
    }
  else if (g_str_equal (name, "info"))
    reader->info_depth++;
  else if (reader->info_depth > 0)
    {
      /* Of the info, only where the page is listed and what it is about. */
      if (reader->info_depth == 1 && g_str_equal (name, "link") && g_str_equal (parent, "info") &&
          g_strcmp0 (attribute (names, values, "type"), "guide") == 0 && reader->page->guide == NULL)
        reader->page->guide = g_strdup (attribute (names, values, "xref"));
      else if (reader->info_depth == 1 && g_str_equal (name, "desc") && g_str_equal (parent, "info"))
        {
          reader->plain = g_string_new (NULL);
          reader->plain_target = &reader->page->desc;
        }
      if (!g_str_equal (name, "desc"))
        reader->info_depth++;
    }
  else if (g_str_equal (name, "section"))
    g_ptr_array_add (reader->sections, g_strdup (attribute (names, values, "id")));
  else if (g_str_equal (name, "steps"))
    reader->step = 0;
  else if (g_str_equal (name, "title") && g_str_equal (parent, "page"))
    start_block (reader, DAFTAR_HELP_BLOCK_TITLE);
  else if (g_str_equal (name, "title") && g_str_equal (parent, "section"))
    start_block (reader, DAFTAR_HELP_BLOCK_HEADING);
  else if (g_str_equal (name, "title") && g_str_equal (parent, "item"))
    start_block (reader, DAFTAR_HELP_BLOCK_TERM);
  else if (g_str_equal (name, "p") && reader->block == NULL)
    start_block (reader, paragraph_kind (reader));
  else if (g_str_equal (name, "gui") || g_str_equal (name, "guiseq"))
    reader->style |= DAFTAR_HELP_STYLE_GUI;
  else if (g_str_equal (name, "key"))
    {
      /* Ctrl+F: the sign joins the keys, in their style. */
      reader->style |= DAFTAR_HELP_STYLE_KEY;
      if (g_str_equal (parent, "keyseq") && reader->keys++ > 0)
        add_text (reader, "+", 1);
    }
  else if (g_str_equal (name, "keyseq"))
    reader->keys = 0;
  else if (g_str_equal (name, "input") || g_str_equal (name, "code") || g_str_equal (name, "cmd") ||
           g_str_equal (name, "sys") || g_str_equal (name, "output"))
    reader->style |= DAFTAR_HELP_STYLE_CODE;
  else if (g_str_equal (name, "em"))
    reader->style |= DAFTAR_HELP_STYLE_EMPHASIS;
  else if (g_str_equal (name, "link") && reader->block != NULL)
    {
      const char *xref = attribute (names, values, "xref");

      g_clear_pointer (&reader->link, g_free);
      if (xref != NULL)
        reader->link = g_strndup (xref, strcspn (xref, "#"));
      reader->link_runs = reader->block->runs->len;
    }

  g_ptr_array_add (reader->stack, g_strdup (name));
}

static void
end_element (GMarkupParseContext  *context,
             const char           *name,
             gpointer              data,
             GError              **error)
{
  Reader *reader = data;

  g_ptr_array_set_size (reader->stack, reader->stack->len - 1);

  if (reader->info_depth > 0)
    {
      if (g_str_equal (name, "desc") && reader->plain != NULL)
        {
          DaftarHelpBlock *desc = block_new (DAFTAR_HELP_BLOCK_PARAGRAPH);
          DaftarHelpRun *run = g_new0 (DaftarHelpRun, 1);

          /* Read as the page's text is: white space collapsed. */
          run->text = g_string_free (g_steal_pointer (&reader->plain), FALSE);
          g_ptr_array_add (desc->runs, run);
          collapse_space (desc);
          *reader->plain_target = g_strdup (run->text);
          reader->plain_target = NULL;
          block_free (desc);
        }
      else if (!g_str_equal (name, "desc"))
        reader->info_depth--;
      return;
    }

  if (g_str_equal (name, "title") || g_str_equal (name, "p"))
    {
      /* The page's title is also its name in the side bar. */
      if (reader->block != NULL && reader->block->kind == DAFTAR_HELP_BLOCK_TITLE && reader->page->title == NULL)
        {
          GString *title = g_string_new (NULL);

          collapse_space (reader->block);
          for (guint i = 0; i < reader->block->runs->len; i++)
            g_string_append (title, ((DaftarHelpRun *) g_ptr_array_index (reader->block->runs, i))->text);
          reader->page->title = g_string_free (title, FALSE);
        }
      end_block (reader);
    }
  else if (g_str_equal (name, "gui") || g_str_equal (name, "guiseq"))
    reader->style &= ~DAFTAR_HELP_STYLE_GUI;
  else if (g_str_equal (name, "key"))
    reader->style &= ~DAFTAR_HELP_STYLE_KEY;
  else if (g_str_equal (name, "input") || g_str_equal (name, "code") || g_str_equal (name, "cmd") ||
           g_str_equal (name, "sys") || g_str_equal (name, "output"))
    reader->style &= ~DAFTAR_HELP_STYLE_CODE;
  else if (g_str_equal (name, "em"))
    reader->style &= ~DAFTAR_HELP_STYLE_EMPHASIS;
  else if (g_str_equal (name, "link") && reader->block != NULL)
    {
      /* <link xref="standards"/> reads as the title of that page. */
      if (reader->block->runs->len == reader->link_runs && reader->link != NULL)
        {
          DaftarHelpRun *run = g_new0 (DaftarHelpRun, 1);

          run->style = reader->style;
          run->link = g_strdup (reader->link);
          g_ptr_array_add (reader->block->runs, run);
        }
      g_clear_pointer (&reader->link, g_free);
    }
  else if (g_str_equal (name, "section") && reader->sections->len > 0)
    {
      char *id = g_ptr_array_steal_index (reader->sections, reader->sections->len - 1);

      /* A guide lists the pages of each of its sections at the section's
       * end, as Mallard does by default. */
      if (reader->page->is_guide && id != NULL)
        {
          DaftarHelpBlock *topics = block_new (DAFTAR_HELP_BLOCK_TOPICS);

          topics->section = id;
          g_ptr_array_add (reader->page->blocks, topics);
        }
      else
        g_free (id);
    }
}

static void
text (GMarkupParseContext  *context,
      const char           *text,
      gsize                 len,
      gpointer              data,
      GError              **error)
{
  Reader *reader = data;

  if (reader->info_depth > 0 && reader->plain == NULL)
    return;
  add_text (reader, text, len);
}

DaftarHelpPage *
daftar_help_page_parse (const char  *xml,
                        gssize       length,
                        GError     **error)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  g_autoptr(DaftarHelpPage) page = g_new0 (DaftarHelpPage, 1);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (g_free);
  Reader reader = { 0 };
  gboolean ok;

  page->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  reader.page = page;
  reader.stack = stack;
  reader.sections = sections;
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &reader, NULL);
  ok = g_markup_parse_context_parse (context, xml, length, error) &&
       g_markup_parse_context_end_parse (context, error);

  g_clear_pointer (&reader.block, block_free);
  if (reader.plain != NULL)
    g_string_free (reader.plain, TRUE);
  g_free (reader.link);
  if (!ok)
    return NULL;
  if (page->id == NULL || page->title == NULL)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "The page has no id or no title");
      return NULL;
    }
  return g_steal_pointer (&page);
}
