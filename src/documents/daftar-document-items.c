/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-document-items.c: a document's items made once and handed out as copies — the few pages of the monthly report and the evidence's fixed part. */
#define G_LOG_DOMAIN "daftar-documents"

#include "config.h"

#include "daftar-document-private.h"

GArray *
daftar_doc_items_new (void)
{
  return g_array_new (FALSE, TRUE, sizeof (DaftarDocItem));
}

void
daftar_doc_items_free (GArray *items)
{
  if (items == NULL)
    return;
  for (guint i = 0; i < items->len; i++)
    daftar_doc_item_clear (&g_array_index (items, DaftarDocItem, i));
  g_array_unref (items);
}

void
daftar_doc_items_copy_item (GArray        *items,
                            guint          index,
                            DaftarDocItem *out)
{
  const DaftarDocItem *item;

  g_return_if_fail (index < items->len);

  item = &g_array_index (items, DaftarDocItem, index);
  *out = *item;
  out->text = g_strdup (item->text);
  for (guint i = 0; i < item->n_cells; i++)
    out->cells[i] = g_strdup (item->cells[i]);
  if (item->plot != NULL)
    out->plot = g_object_ref (item->plot);
}

void
daftar_doc_add_text (GArray            *items,
                     DaftarDocItemKind  kind,
                     const char        *text)
{
  DaftarDocItem item = { 0 };

  item.kind = kind;
  item.text = g_strdup (text);
  g_array_append_val (items, item);
}

void
daftar_doc_add_chart (GArray     *items,
                      DaftarPlot *plot,
                      double      height)
{
  DaftarDocItem item = { 0 };

  item.kind = DAFTAR_DOC_CHART;
  item.plot = plot;
  item.plot_height = height;
  g_array_append_val (items, item);
}

int
daftar_doc_add_row (GArray       *items,
                    gboolean      header,
                    int           header_item,
                    const double *widths,
                    guint         n_cells,
                    ...)
{
  DaftarDocItem item = { 0 };
  va_list args;

  va_start (args, n_cells);
  daftar_doc_row_valist (&item, header, header_item, widths, n_cells, args);
  va_end (args);
  g_array_append_val (items, item);
  return items->len - 1;
}
