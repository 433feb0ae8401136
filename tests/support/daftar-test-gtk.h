/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-test-gtk.h: what the window tests share — letting a window lay out and draw for real. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the main loop until @widget's frame clock has ticked @n times, so
 * what changed is laid out and painted. */
void daftar_test_wait_for_frames (GtkWidget *widget,
                                  guint      n);

G_END_DECLS
