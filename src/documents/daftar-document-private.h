/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-document-private.h: what a kind of document gives the layout engine — a header and a stream of items fetched by index. */
#pragma once

#include <stdarg.h>

#include "daftar-document.h"
#include "daftar-plot.h"

G_BEGIN_DECLS

typedef enum {
  DAFTAR_DOC_HEADING,     /* a section title */
  DAFTAR_DOC_PARAGRAPH,   /* running text */
  DAFTAR_DOC_ROW,         /* one row of a table; a header row repeats after a page break */
  DAFTAR_DOC_CHART,       /* a DaftarPlot, the chart widgets' own drawing */
  DAFTAR_DOC_SIGNATURE,   /* the office manager's signature block */
} DaftarDocItemKind;

#define DAFTAR_DOC_MAX_COLUMNS 8

typedef struct
{
  DaftarDocItemKind  kind;
  char              *text;                            /* owned: heading, paragraph */
  /* Rows: cells in reading order, owned; widths are shares of the line. */
  guint              n_cells;
  char              *cells[DAFTAR_DOC_MAX_COLUMNS];
  double             widths[DAFTAR_DOC_MAX_COLUMNS];
  gboolean           header;
  /* Rows after a page break are preceded by their table's header: the
   * index of that header item, or -1. */
  int                header_item;
  DaftarPlot        *plot;                            /* owned: charts */
  double             plot_height;
} DaftarDocItem;

void daftar_doc_item_clear (DaftarDocItem *item);

/* A kind of document: its data, and items made from it on demand. */
typedef struct
{
  guint    (*n_items)  (gpointer       data);
  /* Fills @item (zeroed by the caller) with item @index. */
  void     (*get_item) (gpointer       data,
                        guint          index,
                        DaftarDocItem *item);
  void     (*free)     (gpointer       data);
} DaftarDocSource;

/* What every page's header says. */
typedef struct
{
  char   *title;        /* «گزارش عملکرد ماهانه» */
  char   *office;       /* name and code, or «همهٔ دفترها» */
  char   *period;       /* the Jalali period */
  char   *as_of;        /* «به‌روز تا …» */
} DaftarDocHeader;

DaftarDocument *daftar_document_new_from_source (const DaftarDocSource *source,
                                                 gpointer               data,
                                                 DaftarDocHeader       *header);

/* The kinds. */
gboolean daftar_monthly_source_new  (DaftarDb               *db,
                                     const char             *office_code,
                                     const GDate            *from,
                                     const GDate            *to,
                                     gint64                  now,
                                     const DaftarDocSource **out_source,
                                     gpointer               *out_data,
                                     DaftarDocHeader        *out_header,
                                     GError                **error);
gboolean daftar_evidence_source_new (DaftarDb               *db,
                                     const char             *office_code,
                                     const GDate            *from,
                                     const GDate            *to,
                                     gint64                  now,
                                     const DaftarDocSource **out_source,
                                     gpointer               *out_data,
                                     DaftarDocHeader        *out_header,
                                     GError                **error);
gboolean daftar_unviewed_source_new (DaftarDb               *db,
                                     const char             *office_code,
                                     const GDate            *from,
                                     const GDate            *to,
                                     gint64                  now,
                                     const DaftarDocSource **out_source,
                                     gpointer               *out_data,
                                     DaftarDocHeader        *out_header,
                                     GError                **error);

/* Helpers of the kinds. */
char *daftar_doc_office_text (DaftarDb    *db,
                              const char  *office_code);
char *daftar_doc_as_of_text  (gint64       data_as_of);
/* Fills @item as a table row of @n_cells cells (const char *, NULL for
 * an empty cell): a header row, or a row of the table whose header is
 * item @header_item. */
void  daftar_doc_row         (DaftarDocItem *item,
                              gboolean       header,
                              int            header_item,
                              const double  *widths,
                              guint          n_cells,
                              ...);
void  daftar_doc_row_valist  (DaftarDocItem *item,
                              gboolean       header,
                              int            header_item,
                              const double  *widths,
                              guint          n_cells,
                              va_list        cells);

/* Items made once, in a GArray of DaftarDocItem (daftar-document-items.c),
 * for the parts of a document that are few pages: added in order, handed
 * out as copies by get_item. */
GArray *daftar_doc_items_new       (void);
void    daftar_doc_items_free      (GArray            *items);
void    daftar_doc_items_copy_item (GArray            *items,
                                    guint              index,
                                    DaftarDocItem     *out);
void    daftar_doc_add_text        (GArray            *items,
                                    DaftarDocItemKind  kind,
                                    const char        *text);
/* Takes @plot. */
void    daftar_doc_add_chart       (GArray            *items,
                                    DaftarPlot        *plot,
                                    double             height);
/* As daftar_doc_row; returns the new item's index, for a header row the
 * header_item of the rows that follow. */
int     daftar_doc_add_row         (GArray            *items,
                                    gboolean           header,
                                    int                header_item,
                                    const double      *widths,
                                    guint              n_cells,
                                    ...);

G_END_DECLS
