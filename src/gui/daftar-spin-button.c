/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-spin-button.c: whole-number spin buttons in the UI's digits, read back from any of the three digit sets an office types. */
#define G_LOG_DOMAIN "daftar-spin-button"

#include "config.h"

#include <math.h>

#include "daftar-format.h"
#include "daftar-spin-button.h"

/* More digits than a double holds exactly is no count of days or counters. */
#define MAX_DIGITS 15

static gboolean
on_output (GtkSpinButton *spin,
           gpointer       user_data)
{
  g_autofree char *text = daftar_format_int_ungrouped ((gint64) llround (gtk_spin_button_get_value (spin)));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 0x06F0 && c <= 0x06F9)   /* Persian ۰–۹ */
    return c - 0x06F0;
  if (c >= 0x0660 && c <= 0x0669)   /* Arabic-Indic ٠–٩ */
    return c - 0x0660;
  return -1;
}

static gboolean
parse (const char *text,
       double     *out_value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  double value = 0;
  guint n = 0;

  for (const char *p = trimmed; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      int digit = digit_value (g_utf8_get_char (p));

      if (digit < 0 || n == MAX_DIGITS)
        return FALSE;
      value = value * 10 + digit;
    }
  if (n == 0)
    return FALSE;
  *out_value = value;
  return TRUE;
}

static int
on_input (GtkSpinButton *spin,
          double        *new_value,
          gpointer       user_data)
{
  if (parse (gtk_editable_get_text (GTK_EDITABLE (spin)), new_value))
    return TRUE;
  /* GTK reads *new_value even after an error when the update policy is
   * "always" (the default): keep the value the spin button has. */
  *new_value = gtk_spin_button_get_value (spin);
  return GTK_INPUT_ERROR;
}

void
daftar_spin_button_localize (GtkSpinButton *spin)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  /* A numeric spin button drops every key but ASCII digits, so Persian
   * ones could not even be typed; the input handler judges instead. */
  gtk_spin_button_set_numeric (spin, FALSE);
  g_signal_connect (spin, "output", G_CALLBACK (on_output), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (on_input), NULL);
  on_output (spin, NULL);
}
