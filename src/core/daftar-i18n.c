/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-i18n.c: choosing the UI language and binding the translations, before anything is translated. */
#define G_LOG_DOMAIN "daftar-i18n"

#include "config.h"

#include <locale.h>
#include <gio/gio.h>
#include <glib/gi18n.h>

#include "daftar-format.h"
#include "daftar-i18n.h"

static char *forced_language;
static gboolean persian;

void
daftar_i18n_force (const char *language)
{
  g_free (forced_language);
  forced_language = g_strdup (language);
}

GSettings *
daftar_i18n_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Running from a tree where the schema is not installed is normal for a
   * developer; g_settings_new would abort there. */
  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL ||
      !g_settings_schema_has_key (schema, "language") ||
      !g_settings_schema_has_key (schema, "digits") ||
      !g_settings_schema_has_key (schema, "calendar"))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

/* The preference lives in GSettings; when Daftar runs from a tree where the
 * schema is not installed, the system language applies. */
static char *
preferred_language (GSettings *settings)
{
  if (forced_language != NULL)
    return g_strdup (forced_language);
  if (settings == NULL)
    return NULL;
  return g_settings_get_string (settings, "language");
}

/* Digits and calendar follow their own keys; "auto" digits follow the UI
 * language, so a Persian UI never mixes in Latin digits unless asked to. */
static void
configure_format (GSettings *settings)
{
  g_autofree char *digits = settings != NULL ? g_settings_get_string (settings, "digits") : NULL;
  g_autofree char *calendar = settings != NULL ? g_settings_get_string (settings, "calendar") : NULL;
  DaftarFormatDigits format_digits = persian ? DAFTAR_FORMAT_DIGITS_PERSIAN : DAFTAR_FORMAT_DIGITS_LATIN;
  DaftarFormatCalendar format_calendar = DAFTAR_FORMAT_CALENDAR_JALALI;

  if (g_strcmp0 (digits, "persian") == 0)
    format_digits = DAFTAR_FORMAT_DIGITS_PERSIAN;
  else if (g_strcmp0 (digits, "latin") == 0)
    format_digits = DAFTAR_FORMAT_DIGITS_LATIN;
  if (g_strcmp0 (calendar, "gregorian") == 0)
    format_calendar = DAFTAR_FORMAT_CALENDAR_GREGORIAN;

  daftar_format_set_config (persian ? DAFTAR_FORMAT_LANGUAGE_PERSIAN : DAFTAR_FORMAT_LANGUAGE_ENGLISH,
                            format_digits, format_calendar);
}

static void
apply_language (const char *language)
{
  const char *locale = g_str_equal (language, "fa") ? "fa_IR.UTF-8" : "en_US.UTF-8";

  /* LANGUAGE picks the catalog; gettext ignores it under the C locale, so
   * LC_MESSAGES must name a real one too. If that locale is not generated,
   * C.UTF-8 still lets LANGUAGE work with glibc. */
  g_setenv ("LANGUAGE", language, TRUE);
  if (setlocale (LC_MESSAGES, locale) == NULL)
    setlocale (LC_MESSAGES, "C.UTF-8");
}

void
daftar_i18n_init (void)
{
  g_autoptr(GSettings) settings = daftar_i18n_settings_new ();
  g_autofree char *language = NULL;
  const char *localedir = g_getenv ("DAFTAR_LOCALEDIR");
  const char * const *names;

  setlocale (LC_ALL, "");

  language = preferred_language (settings);
  if (language != NULL && (g_str_equal (language, "fa") || g_str_equal (language, "en")))
    apply_language (language);

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* GLib caches the language list per LANGUAGE value, so this sees the
   * preference applied above. */
  names = g_get_language_names ();
  persian = names[0] != NULL && g_str_has_prefix (names[0], "fa");

  configure_format (settings);
}

gboolean
daftar_i18n_is_persian (void)
{
  return persian;
}
