/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-plot-text.c: the texts a plot draws — placed, mirrored, kept inside its box, category names wrapped at words. */
#define G_LOG_DOMAIN "daftar-charts"

#include "config.h"

#include "daftar-plot-private.h"

void
daftar_plot_add_layout (DaftarPlot       *self,
                         PangoLayout      *layout,
                         double            logical_x,
                         double            y,
                         DaftarPlotAlign  align,
                         double            yalign,
                         gboolean          muted)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);
  DaftarPlotText item = { layout, GRAPHENE_POINT_INIT (0, 0), muted };
  double px = daftar_plot_flip_x (self, logical_x);
  PangoRectangle logical;
  double left;
  int w, h;

  /* A layout with a width centres its lines in a box that wide, so the
   * text starts logical.x into the layout: place the text, not the box. */
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  w = logical.width;
  h = logical.height;

  /* "Start" is the left edge in LTR and the right edge in RTL. */
  if (align == DAFTAR_PLOT_ALIGN_CENTER)
    left = px - w / 2.0;
  else if ((align == DAFTAR_PLOT_ALIGN_START) != priv->rtl)
    left = px;
  else
    left = px - w;
  /* A label centred on the first or last bar of a narrow chart would poke
   * out of the widget, over its neighbour: keep it inside when it fits. */
  if (w <= priv->width)
    left = CLAMP (left, 0, priv->width - w);
  item.origin.x = left - logical.x;
  item.origin.y = y - yalign * h;

  g_array_append_val (priv->texts, item);
}

PangoLayout *
daftar_plot_create_layout (DaftarPlot *self,
                           const char *text)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);
  PangoLayout *layout = pango_layout_new (priv->context);

  /* As gtk_widget_create_pango_layout does with the widget's context. */
  pango_layout_set_text (layout, text, -1);
  return layout;
}

PangoLayout *
daftar_plot_create_line_layout (DaftarPlot *self,
                                 const char  *text,
                                 int          max_width)
{
  PangoLayout *layout = daftar_plot_create_layout (self, text);

  pango_layout_set_width (layout, MAX (max_width, 1) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  return layout;
}

#define MAX_WRAPPED_LINES 4

/* Breaks @text at words only: a break inside a Persian word cuts its
 * letters' joining and reads as two words. Pango lets a word longer than
 * the line overflow it, so the caller ellipsizes each line on its own. The
 * last line kept carries the rest of the text. Returns the number of lines. */
static guint
wrap_at_words (DaftarPlot *self,
               const char  *text,
               int          wrap_width,
               int          max_lines,
               char       **lines_out)
{
  g_autoptr(PangoLayout) wrapped = daftar_plot_create_layout (self, text);
  GSList *lines;
  guint n;

  pango_layout_set_width (wrapped, MAX (wrap_width, 1) * PANGO_SCALE);
  pango_layout_set_wrap (wrapped, PANGO_WRAP_WORD);
  n = MIN ((guint) pango_layout_get_line_count (wrapped), (guint) CLAMP (max_lines, 1, MAX_WRAPPED_LINES));

  lines = pango_layout_get_lines_readonly (wrapped);
  for (guint i = 0; i < n; i++, lines = lines->next)
    {
      PangoLayoutLine *line = lines->data;

      lines_out[i] = i + 1 == n ? g_strdup (text + line->start_index)
                                : g_strndup (text + line->start_index, line->length);
      g_strchomp (lines_out[i]);
    }
  return n;
}

int
daftar_plot_measure_wrapped (DaftarPlot *self,
                              const char  *text,
                              int          wrap_width,
                              int          max_lines)
{
  char *lines[MAX_WRAPPED_LINES];
  guint n = wrap_at_words (self, text, wrap_width, max_lines, lines);
  int widest = 0;

  for (guint i = 0; i < n; i++)
    {
      int w;

      daftar_plot_measure_text (self, lines[i], &w, NULL);
      widest = MAX (widest, w);
      g_free (lines[i]);
    }
  return widest;
}

void
daftar_plot_add_text_wrapped (DaftarPlot       *self,
                               const char       *text,
                               double            logical_x,
                               double            y,
                               DaftarPlotAlign  align,
                               double            yalign,
                               gboolean          muted,
                               int               wrap_width,
                               int               max_width,
                               int               max_lines)
{
  char *lines[MAX_WRAPPED_LINES];
  PangoLayout *parts[MAX_WRAPPED_LINES];
  double total_h = 0;
  guint n;

  if (max_width <= 0)
    {
      daftar_plot_add_layout (self, daftar_plot_create_layout (self, text),
                  logical_x, y, align, yalign, muted);
      return;
    }

  /* A line still wider than @max_width is ellipsized: the tooltip has the
   * whole name. */
  n = wrap_at_words (self, text, MIN (wrap_width, max_width), max_lines, lines);
  for (guint i = 0; i < n; i++)
    {
      int h;

      parts[i] = daftar_plot_create_line_layout (self, lines[i], max_width);
      pango_layout_get_pixel_size (parts[i], NULL, &h);
      total_h += h;
      g_free (lines[i]);
    }

  /* Lines are stacked by their own heights: an ellipsis from a fallback
   * font can make one line taller than the others. */
  y -= yalign * total_h;
  for (guint i = 0; i < n; i++)
    {
      int h;

      pango_layout_get_pixel_size (parts[i], NULL, &h);
      daftar_plot_add_layout (self, parts[i], logical_x, y, align, 0, muted);
      y += h;
    }
}

void
daftar_plot_add_text (DaftarPlot       *self,
                       const char       *text,
                       double            logical_x,
                       double            y,
                       DaftarPlotAlign  align,
                       double            yalign,
                       gboolean          muted)
{
  daftar_plot_add_text_wrapped (self, text, logical_x, y, align, yalign, muted, -1, -1, 1);
}

const char *
daftar_plot_get_text (DaftarPlot      *self,
                       guint            index,
                       graphene_rect_t *out_rect)
{
  DaftarPlotPrivate *priv = daftar_plot_get_priv (self);
  const DaftarPlotText *text;
  PangoRectangle logical;

  if (index >= priv->texts->len)
    return NULL;
  text = &g_array_index (priv->texts, DaftarPlotText, index);
  pango_layout_get_pixel_extents (text->layout, NULL, &logical);
  *out_rect = GRAPHENE_RECT_INIT (text->origin.x + logical.x, text->origin.y + logical.y,
                                  logical.width, logical.height);
  return pango_layout_get_text (text->layout);
}
