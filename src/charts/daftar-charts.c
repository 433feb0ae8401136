/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-charts.c: loads the charts' own stylesheet from their own GResource. */
#define G_LOG_DOMAIN "daftar-charts"

#include "daftar-charts.h"

void
daftar_charts_ensure_style (void)
{
  static GdkDisplay *styled_display;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || display == styled_display)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/daftar/Daftar/charts/daftar-charts.css");
  /* Below the application's own style.css, so a page can still override. */
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION - 1);
  styled_display = display;
}
