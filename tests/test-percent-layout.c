/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-percent-layout.c: a percentage reads the same alone (a KPI tile's value) and inside a Persian sentence — ٪ on the same side of its digits, as Pango lays them out. */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "daftar-chart-scale.h"
#include "daftar-format.h"
#include "daftar-kpi-tile.h"

/* The first label under @widget whose text holds @needle. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, needle);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Where the percent sign is drawn against the first digit of @label: < 0
 * when ٪ is left of it, > 0 when right. A character's rectangle starts at
 * its leading edge, so a right-to-left one has a negative width: compare
 * the middles. */
static int
percent_side (GtkLabel   *label,
              const char *sign,
              const char *first_digit)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);
  const char *at_sign = strstr (text, sign);
  const char *at_digit = strstr (text, first_digit);
  PangoRectangle sign_pos, digit_pos;
  int sign_middle, digit_middle;

  g_assert_nonnull (at_sign);
  g_assert_nonnull (at_digit);
  pango_layout_index_to_pos (layout, at_sign - text, &sign_pos);
  pango_layout_index_to_pos (layout, at_digit - text, &digit_pos);
  sign_middle = sign_pos.x + sign_pos.width / 2;
  digit_middle = digit_pos.x + digit_pos.width / 2;
  g_test_message ("«%s»: ٪ around x %d, the first digit around x %d", text, sign_middle, digit_middle);
  g_assert_cmpint (sign_middle, !=, digit_middle);
  return sign_middle < digit_middle ? -1 : 1;
}

static void
check_sides (DaftarFormatDigits  digits,
             const char         *sign,
             const char         *first_digit)
{
  GtkWidget *tile;
  GtkWidget *sentence;
  g_autofree char *percent = NULL;
  g_autofree char *text = NULL;
  GtkLabel *value_label;
  int alone, inside;

  daftar_format_set_config (DAFTAR_FORMAT_LANGUAGE_PERSIAN, digits, DAFTAR_FORMAT_CALENDAR_JALALI);

  /* A tile shows the value alone, as axis ticks and table cells do. */
  tile = g_object_ref_sink (daftar_kpi_tile_new ());
  daftar_kpi_tile_set_value (DAFTAR_KPI_TILE (tile), 0.92, DAFTAR_CHART_VALUE_PERCENT, 0);
  value_label = find_label (tile, sign);
  g_assert_nonnull (value_label);

  /* The same value in a sentence after Persian words, as the tiles' and
   * the charts' standards show it. */
  percent = daftar_format_percent (0.92, 0);
  text = g_strdup_printf (_("target: %s"), percent);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpstr (text, !=, "target: 92%");   /* the translation is in use */
  sentence = g_object_ref_sink (gtk_label_new (text));

  alone = percent_side (value_label, sign, first_digit);
  inside = percent_side (GTK_LABEL (sentence), sign, first_digit);
  g_assert_cmpint (alone, ==, inside);
  /* And on the side Persian writes it: after the number, to its left. */
  g_assert_cmpint (alone, <, 0);

  g_object_unref (sentence);
  g_object_unref (tile);
}

static void
test_persian_digits (void)
{
  check_sides (DAFTAR_FORMAT_DIGITS_PERSIAN, "٪", "۹");
}

static void
test_latin_digits (void)
{
  check_sides (DAFTAR_FORMAT_DIGITS_LATIN, "%", "9");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("DAFTAR_LOCALEDIR");

  /* A Persian window without a Persian system locale: C.UTF-8 still
   * honours LANGUAGE. */
  g_setenv ("LANGUAGE", "fa", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  adw_init ();
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);

  g_test_add_func ("/percent-layout/persian-digits", test_persian_digits);
  g_test_add_func ("/percent-layout/latin-digits", test_latin_digits);
  return g_test_run ();
}
