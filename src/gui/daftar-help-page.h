/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-help-page.h: a Mallard page of the user guide read into blocks of styled text, for the window that shows it without a help viewer. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  DAFTAR_HELP_BLOCK_TITLE,        /* the page's title */
  DAFTAR_HELP_BLOCK_HEADING,      /* a section's title */
  DAFTAR_HELP_BLOCK_PARAGRAPH,
  DAFTAR_HELP_BLOCK_ITEM,         /* a paragraph of a bulleted list */
  DAFTAR_HELP_BLOCK_STEP,         /* a paragraph of numbered steps; see number */
  DAFTAR_HELP_BLOCK_TERM,         /* the title of a term in a list of terms */
  DAFTAR_HELP_BLOCK_DEFINITION,   /* what the term means */
  DAFTAR_HELP_BLOCK_NOTE,
  DAFTAR_HELP_BLOCK_TOPICS,       /* where a guide lists the pages of its section; see section */
} DaftarHelpBlockKind;

typedef enum {
  DAFTAR_HELP_STYLE_GUI      = 1 << 0,   /* a label of the program */
  DAFTAR_HELP_STYLE_KEY      = 1 << 1,
  DAFTAR_HELP_STYLE_CODE     = 1 << 2,   /* typed input, a command */
  DAFTAR_HELP_STYLE_EMPHASIS = 1 << 3,
} DaftarHelpStyle;

typedef struct
{
  char  *text;    /* owned, nullable: a link without text reads as its page's title */
  guint  style;   /* DaftarHelpStyle flags */
  char  *link;    /* owned, nullable: the id of the page it leads to */
} DaftarHelpRun;

typedef struct
{
  DaftarHelpBlockKind  kind;
  GPtrArray           *runs;      /* owned: DaftarHelpRun, whitespace collapsed as Mallard shows it */
  guint                number;    /* of a step, from 1 */
  char                *section;   /* owned, nullable: of TOPICS, the section's id */
} DaftarHelpBlock;

typedef struct
{
  char      *id;        /* owned */
  char      *title;     /* owned: plain text */
  char      *desc;      /* owned, nullable: plain text */
  char      *guide;     /* owned, nullable: the guide and section it is listed in, "index#pages" */
  gboolean   is_guide;
  GPtrArray *blocks;    /* owned: DaftarHelpBlock */
} DaftarHelpPage;

/* Reads the page in @xml (@length bytes, or -1). Elements it does not know
 * give their text as plain text; the page's info other than its guide link
 * and description is skipped. */
DaftarHelpPage *daftar_help_page_parse (const char      *xml,
                                        gssize           length,
                                        GError         **error);
void            daftar_help_page_free  (DaftarHelpPage  *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaftarHelpPage, daftar_help_page_free)

G_END_DECLS
