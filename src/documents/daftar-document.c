/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-document.c: the layout engine of documents — A4 pages of items laid out with Pango, paginated once, drawn one page at a time. */
#define G_LOG_DOMAIN "daftar-documents"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "daftar-document-private.h"
#include "daftar-format.h"
#include "daftar-i18n.h"

G_DEFINE_QUARK (daftar-document-error-quark, daftar_document_error)

#define MARGIN_X 48.0
#define MARGIN_TOP 40.0
#define MARGIN_BOTTOM 36.0
#define CELL_PAD 3.5
#define SIGNATURE_HEIGHT 96.0
#define FONT "Vazirmatn"

struct _DaftarDocument
{
  const DaftarDocSource *source;
  gpointer               data;
  DaftarDocHeader        header;
  gboolean               rtl;
  PangoContext          *context;        /* text of the pages */
  PangoContext          *chart_context;  /* text inside charts, smaller */
  DaftarPlotPalette      palette;
  double                 content_top;
  double                 content_bottom;
  GArray                *page_starts;    /* of guint: each page's first item */
  guint                  n_items;
};

void
daftar_doc_item_clear (DaftarDocItem *item)
{
  g_clear_pointer (&item->text, g_free);
  for (guint i = 0; i < item->n_cells; i++)
    g_clear_pointer (&item->cells[i], g_free);
  g_clear_object (&item->plot);
}

void
daftar_doc_row_valist (DaftarDocItem *item,
                       gboolean       header,
                       int            header_item,
                       const double  *widths,
                       guint          n_cells,
                       va_list        cells)
{
  g_return_if_fail (n_cells <= DAFTAR_DOC_MAX_COLUMNS);

  item->kind = DAFTAR_DOC_ROW;
  item->header = header;
  item->header_item = header_item;
  item->n_cells = n_cells;
  for (guint i = 0; i < n_cells; i++)
    {
      const char *cell = va_arg (cells, const char *);

      item->cells[i] = g_strdup (cell != NULL ? cell : "");
      item->widths[i] = widths[i];
    }
}

void
daftar_doc_row (DaftarDocItem *item,
                gboolean       header,
                int            header_item,
                const double  *widths,
                guint          n_cells,
                ...)
{
  va_list args;

  va_start (args, n_cells);
  daftar_doc_row_valist (item, header, header_item, widths, n_cells, args);
  va_end (args);
}

static PangoContext *
make_context (gboolean    rtl,
              const char *font)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Points are the unit, and metrics are not hinted: the same layout on
   * every surface, a PDF or a printer's. */
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_font_description (context, description);
  pango_context_set_base_dir (context, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  return context;
}

static PangoLayout *
text_layout (DaftarDocument *doc,
             const char     *text,
             double          width,
             double          size,
             gboolean        bold)
{
  PangoLayout *layout = pango_layout_new (doc->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);

  pango_font_description_set_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  /* Every paragraph takes the document's direction, even one that starts
   * with a code or a number: a Persian page reads from the right. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, doc->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static double
content_width (void)
{
  return DAFTAR_DOCUMENT_PAGE_WIDTH - 2 * MARGIN_X;
}

/* The x of a box @w wide starting @logical_x from the start edge. */
static double
flip (DaftarDocument *doc,
      double          logical_x,
      double          w)
{
  return doc->rtl ? DAFTAR_DOCUMENT_PAGE_WIDTH - MARGIN_X - logical_x - w : MARGIN_X + logical_x;
}

static void
set_color (cairo_t               *cr,
           const DaftarPlotColor *color)
{
  daftar_plot_set_source_color (cr, color);
}

/* Lays out (and, with @cr, draws at @y) one item; returns its height. */
static double
render_item (DaftarDocument      *doc,
             const DaftarDocItem *item,
             cairo_t             *cr,
             double               y)
{
  double width = content_width ();

  switch (item->kind)
    {
    case DAFTAR_DOC_HEADING:
    case DAFTAR_DOC_PARAGRAPH:
      {
        gboolean heading = item->kind == DAFTAR_DOC_HEADING;
        double before = heading ? 12 : 2;
        g_autoptr(PangoLayout) layout = text_layout (doc, item->text, width, heading ? 12.5 : 10, heading);
        double h = layout_height (layout);

        if (cr != NULL)
          {
            set_color (cr, heading ? &doc->palette.accent : &doc->palette.foreground);
            cairo_move_to (cr, MARGIN_X, y + before);
            pango_cairo_show_layout (cr, layout);
          }
        return before + h + (heading ? 5 : 5);
      }

    case DAFTAR_DOC_ROW:
      {
        PangoLayout *cells[DAFTAR_DOC_MAX_COLUMNS];
        double total = 0, x = 0, h = 0;

        for (guint i = 0; i < item->n_cells; i++)
          total += item->widths[i];
        for (guint i = 0; i < item->n_cells; i++)
          {
            double w = width * item->widths[i] / total;

            cells[i] = text_layout (doc, item->cells[i], w - 2 * CELL_PAD, 9, item->header);
            h = MAX (h, layout_height (cells[i]));
          }
        h += 2 * CELL_PAD;
        if (cr != NULL)
          {
            if (item->header)
              {
                DaftarPlotColor shade = doc->palette.foreground;

                shade.alpha = 0.07f;
                set_color (cr, &shade);
                cairo_rectangle (cr, MARGIN_X, y, width, h);
                cairo_fill (cr);
              }
            for (guint i = 0; i < item->n_cells; i++)
              {
                double w = width * item->widths[i] / total;

                set_color (cr, &doc->palette.foreground);
                cairo_move_to (cr, flip (doc, x, w) + CELL_PAD, y + CELL_PAD);
                pango_cairo_show_layout (cr, cells[i]);
                x += w;
              }
            {
              DaftarPlotColor rule = doc->palette.foreground;

              rule.alpha = 0.25f;
              set_color (cr, &rule);
              cairo_set_line_width (cr, 0.5);
              cairo_move_to (cr, MARGIN_X, y + h);
              cairo_line_to (cr, MARGIN_X + width, y + h);
              cairo_stroke (cr);
            }
          }
        for (guint i = 0; i < item->n_cells; i++)
          g_object_unref (cells[i]);
        return h;
      }

    case DAFTAR_DOC_CHART:
      if (cr != NULL && item->plot != NULL)
        {
          cairo_save (cr);
          cairo_translate (cr, MARGIN_X, y + 4);
          daftar_plot_draw (item->plot, cr, doc->chart_context, doc->rtl,
                            (int) width, (int) item->plot_height, &doc->palette);
          cairo_restore (cr);
        }
      return item->plot_height + 10;

    case DAFTAR_DOC_SIGNATURE:
      if (cr != NULL)
        {
          g_autoptr(PangoLayout) who = text_layout (doc, _("Office manager"), width / 2, 10, TRUE);
          g_autoptr(PangoLayout) sign = text_layout (doc, _("Signature and date:"), width / 2, 10, FALSE);
          double x = flip (doc, 0, width / 2);

          set_color (cr, &doc->palette.foreground);
          cairo_move_to (cr, x, y + 24);
          pango_cairo_show_layout (cr, who);
          cairo_move_to (cr, x, y + 48);
          pango_cairo_show_layout (cr, sign);
          cairo_set_line_width (cr, 0.6);
          cairo_move_to (cr, x, y + 84);
          cairo_line_to (cr, x + width / 2, y + 84);
          cairo_stroke (cr);
        }
      return SIGNATURE_HEIGHT;

    default:
      g_assert_not_reached ();
    }
}

static double
measure_index (DaftarDocument *doc,
               guint           index)
{
  DaftarDocItem item = { 0 };
  double h;

  doc->source->get_item (doc->data, index, &item);
  /* A chart's height is fixed: no need to lay it out to measure it. */
  h = render_item (doc, &item, NULL, 0);
  daftar_doc_item_clear (&item);
  return h;
}

static int
header_item_of (DaftarDocument *doc,
                guint           index)
{
  DaftarDocItem item = { 0 };
  int header;

  doc->source->get_item (doc->data, index, &item);
  header = item.kind == DAFTAR_DOC_ROW && !item.header ? item.header_item : -1;
  daftar_doc_item_clear (&item);
  return header;
}

static gboolean
is_heading (DaftarDocument *doc,
            guint           index)
{
  DaftarDocItem item = { 0 };
  gboolean heading;

  doc->source->get_item (doc->data, index, &item);
  heading = item.kind == DAFTAR_DOC_HEADING || (item.kind == DAFTAR_DOC_ROW && item.header);
  daftar_doc_item_clear (&item);
  return heading;
}

/* Draws (with @cr) or measures the page header; returns its height. */
static double
render_header (DaftarDocument *doc,
               cairo_t        *cr)
{
  double width = content_width ();
  g_autoptr(PangoLayout) title = text_layout (doc, doc->header.title, width, 15, TRUE);
  g_autoptr(PangoLayout) office = text_layout (doc, doc->header.office, width, 10.5, TRUE);
  g_autofree char *line = g_strdup_printf ("%s   •   %s", doc->header.period, doc->header.as_of);
  g_autoptr(PangoLayout) period = text_layout (doc, line, width, 9.5, FALSE);
  double y = MARGIN_TOP;

  if (cr != NULL)
    {
      set_color (cr, &doc->palette.foreground);
      cairo_move_to (cr, MARGIN_X, y);
      pango_cairo_show_layout (cr, title);
    }
  y += layout_height (title) + 2;
  if (cr != NULL)
    {
      cairo_move_to (cr, MARGIN_X, y);
      pango_cairo_show_layout (cr, office);
    }
  y += layout_height (office) + 1;
  if (cr != NULL)
    {
      cairo_move_to (cr, MARGIN_X, y);
      pango_cairo_show_layout (cr, period);
    }
  y += layout_height (period) + 6;
  if (cr != NULL)
    {
      set_color (cr, &doc->palette.accent);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, MARGIN_X, y);
      cairo_line_to (cr, MARGIN_X + width, y);
      cairo_stroke (cr);
    }
  return y + 8 - MARGIN_TOP;
}

static void
paginate (DaftarDocument *doc)
{
  double y = doc->content_top;
  guint start = 0;

  g_array_set_size (doc->page_starts, 0);
  g_array_append_val (doc->page_starts, start);
  for (guint i = 0; i < doc->n_items; i++)
    {
      double h = measure_index (doc, i);
      gboolean at_top = y <= doc->content_top;

      /* A heading or a table's header is not left alone at the foot of a page. */
      if (!at_top && is_heading (doc, i) && i + 1 < doc->n_items)
        h += MIN (measure_index (doc, i + 1), 60);

      if (!at_top && y + h > doc->content_bottom)
        {
          int header = header_item_of (doc, i);

          g_array_append_val (doc->page_starts, i);
          y = doc->content_top;
          if (header >= 0)
            y += measure_index (doc, header);
          h = measure_index (doc, i);
        }
      else if (is_heading (doc, i) && i + 1 < doc->n_items)
        h = measure_index (doc, i);
      y += h;
    }
}

DaftarDocument *
daftar_document_new_from_source (const DaftarDocSource *source,
                                 gpointer               data,
                                 DaftarDocHeader       *header)
{
  DaftarDocument *doc = g_new0 (DaftarDocument, 1);

  doc->source = source;
  doc->data = data;
  doc->header = *header;
  doc->rtl = daftar_i18n_is_persian ();
  doc->context = make_context (doc->rtl, FONT " 10");
  doc->chart_context = make_context (doc->rtl, FONT " 7.5");
  daftar_plot_palette_init_light (&doc->palette);
  doc->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  doc->n_items = source->n_items (data);
  doc->content_top = MARGIN_TOP + render_header (doc, NULL);
  doc->content_bottom = DAFTAR_DOCUMENT_PAGE_HEIGHT - MARGIN_BOTTOM - 20;
  paginate (doc);
  return doc;
}

gboolean
daftar_document_kind_from_name (const char         *name,
                                DaftarDocumentKind *out_kind)
{
  static const char * const names[] = { "monthly", "evidence", "unviewed" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *out_kind = (DaftarDocumentKind) i;
        return TRUE;
      }
  return FALSE;
}

DaftarDocument *
daftar_document_new (DaftarDb           *db,
                     DaftarDocumentKind  kind,
                     const char         *office_code,
                     const GDate        *from,
                     const GDate        *to,
                     gint64              now,
                     GError            **error)
{
  const DaftarDocSource *source = NULL;
  gpointer data = NULL;
  DaftarDocHeader header = { 0 };
  gboolean ok;

  switch (kind)
    {
    case DAFTAR_DOCUMENT_MONTHLY:
      ok = daftar_monthly_source_new (db, office_code, from, to, now, &source, &data, &header, error);
      break;
    case DAFTAR_DOCUMENT_UNVIEWED:
      ok = daftar_unviewed_source_new (db, office_code, from, to, now, &source, &data, &header, error);
      break;
    case DAFTAR_DOCUMENT_EVIDENCE:
      ok = daftar_evidence_source_new (db, office_code, from, to, now, &source, &data, &header, error);
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  if (!ok)
    return NULL;
  return daftar_document_new_from_source (source, data, &header);
}

void
daftar_document_free (DaftarDocument *doc)
{
  if (doc == NULL)
    return;
  if (doc->source != NULL && doc->source->free != NULL)
    doc->source->free (doc->data);
  g_free (doc->header.title);
  g_free (doc->header.office);
  g_free (doc->header.period);
  g_free (doc->header.as_of);
  g_clear_object (&doc->context);
  g_clear_object (&doc->chart_context);
  g_array_unref (doc->page_starts);
  g_free (doc);
}

const char *
daftar_document_get_title (DaftarDocument *doc)
{
  return doc->header.title;
}

guint
daftar_document_get_n_pages (DaftarDocument *doc)
{
  return doc->page_starts->len;
}

static void
draw_item_at (DaftarDocument *doc,
              cairo_t        *cr,
              guint           index,
              double         *y)
{
  DaftarDocItem item = { 0 };

  doc->source->get_item (doc->data, index, &item);
  *y += render_item (doc, &item, cr, *y);
  daftar_doc_item_clear (&item);
}

void
daftar_document_draw_page (DaftarDocument *doc,
                           cairo_t        *cr,
                           double          width,
                           double          height,
                           guint           page)
{
  guint first, last;
  double scale, y;
  int header;
  g_autofree char *number = NULL;
  g_autofree char *count = NULL;
  g_autofree char *footer = NULL;
  g_autoptr(PangoLayout) footer_layout = NULL;

  g_return_if_fail (doc != NULL && cr != NULL);
  g_return_if_fail (page < doc->page_starts->len);

  first = g_array_index (doc->page_starts, guint, page);
  last = page + 1 < doc->page_starts->len ? g_array_index (doc->page_starts, guint, page + 1) : doc->n_items;

  cairo_save (cr);
  scale = MIN (width / DAFTAR_DOCUMENT_PAGE_WIDTH, height / DAFTAR_DOCUMENT_PAGE_HEIGHT);
  cairo_scale (cr, scale, scale);

  render_header (doc, cr);
  y = doc->content_top;
  header = first < last ? header_item_of (doc, first) : -1;
  if (header >= 0 && (guint) header < first)
    draw_item_at (doc, cr, header, &y);
  for (guint i = first; i < last; i++)
    draw_item_at (doc, cr, i, &y);

  number = daftar_format_int (page + 1);
  count = daftar_format_int (doc->page_starts->len);
  /* Translators: the foot of each page of a printed report. */
  footer = g_strdup_printf (_("Page %s of %s"), number, count);
  footer_layout = text_layout (doc, footer, content_width (), 9, FALSE);
  pango_layout_set_alignment (footer_layout, PANGO_ALIGN_CENTER);
  set_color (cr, &doc->palette.foreground);
  cairo_move_to (cr, MARGIN_X, DAFTAR_DOCUMENT_PAGE_HEIGHT - MARGIN_BOTTOM - layout_height (footer_layout));
  pango_cairo_show_layout (cr, footer_layout);
  cairo_restore (cr);
}

typedef struct
{
  FILE *file;
  int   error;   /* errno of the first failed write, or 0 */
} Output;

/* cairo does not always keep a write error in the surface's status: the
 * first one is kept here. */
static cairo_status_t
write_to_file (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Output *output = closure;

  if (output->error == 0 && fwrite (data, 1, length, output->file) != length)
    output->error = errno != 0 ? errno : EIO;
  return output->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static gboolean
write_error (const char  *path,
             const char  *reason,
             GError     **error)
{
  g_set_error (error, DAFTAR_DOCUMENT_ERROR, DAFTAR_DOCUMENT_ERROR_WRITE,
               /* Translators: a file that could not be written, and why. */
               _("Could not write %s: %s"), path, reason);
  return FALSE;
}

gboolean
daftar_document_write_pdf (DaftarDocument *doc,
                           const char     *path,
                           GError        **error)
{
  return daftar_document_write_pdf_full (doc, path, NULL, NULL, NULL, error);
}

gboolean
daftar_document_write_pdf_full (DaftarDocument              *doc,
                                const char                  *path,
                                GCancellable                *cancellable,
                                DaftarDocumentProgressFunc   progress,
                                gpointer                     user_data,
                                GError                     **error)
{
  g_autofree char *temporary = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Output output = { NULL, 0 };
  FILE *file;
  int fd, saved_errno;

  g_return_val_if_fail (doc != NULL, FALSE);

  /* Into a temporary file beside @path, renamed over it once complete: a
   * failure at any point leaves no partial file, and an older file of that
   * name as it was. */
  temporary = g_strdup_printf ("%s.XXXXXX", path);
  fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    return write_error (path, g_strerror (errno), error);
  file = fdopen (fd, "wb");
  if (file == NULL)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (temporary);
      return write_error (path, g_strerror (saved_errno), error);
    }

  output.file = file;
  surface = cairo_pdf_surface_create_for_stream (write_to_file, &output,
                                                 DAFTAR_DOCUMENT_PAGE_WIDTH, DAFTAR_DOCUMENT_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, doc->header.title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Daftar");
  cr = cairo_create (surface);
  for (guint page = 0; page < doc->page_starts->len; page++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      daftar_document_draw_page (doc, cr, DAFTAR_DOCUMENT_PAGE_WIDTH, DAFTAR_DOCUMENT_PAGE_HEIGHT, page);
      cairo_show_page (cr);
      if (progress != NULL)
        progress (page + 1, doc->page_starts->len, user_data);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_is_cancelled (cancellable))
    {
      fclose (file);
      g_unlink (temporary);
      return !g_cancellable_set_error_if_cancelled (cancellable, error);
    }

  saved_errno = output.error;
  if (output.error != 0)
    status = CAIRO_STATUS_WRITE_ERROR;
  else if (fflush (file) != 0 || ferror (file) || fsync (fileno (file)) != 0)
    {
      saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }
  if (fclose (file) != 0 && status == CAIRO_STATUS_SUCCESS)
    {
      saved_errno = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (temporary);
      return write_error (path, status == CAIRO_STATUS_WRITE_ERROR ? g_strerror (saved_errno)
                                                                  : cairo_status_to_string (status), error);
    }
  if (g_rename (temporary, path) != 0)
    {
      saved_errno = errno;
      g_unlink (temporary);
      return write_error (path, g_strerror (saved_errno), error);
    }
  return TRUE;
}
