/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-style.c: the look every Daftar window shares — text direction and the Persian font. */
#include "config.h"

#include "daftar-i18n.h"
#include "daftar-style.h"

void
daftar_style_init (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (done)
    return;
  done = TRUE;

  /* The language preference may differ from the session's locale, so GTK's
   * own guess from the locale is not enough. */
  gtk_widget_set_default_direction (daftar_i18n_is_persian () ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/daftar/Daftar/gui/daftar-style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
