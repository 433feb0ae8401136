/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-test-gtk.c: what the window tests share — letting a window lay out and draw for real. */
#include "config.h"

#include "daftar-test-gtk.h"

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

void
daftar_test_wait_for_frames (GtkWidget *widget,
                             guint      n)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);

  gtk_widget_queue_draw (widget);
  while (frames < n)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
}
