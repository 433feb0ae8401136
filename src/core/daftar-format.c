/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-format.c: numbers, durations and dates through ICU, under one process-wide configuration (Jalali arithmetic: daftar-format-jalali.c). */
#define G_LOG_DOMAIN "daftar-format"

#include <string.h>

#include <glib/gi18n.h>
#include <unicode/udat.h>
#include <unicode/ulistformatter.h>
#include <unicode/unumberformatter.h>

#include "daftar-format.h"
#include "daftar-format-private.h"

#define MAX_FRACTION_DIGITS 6
/* ICU's time zone data, not the system's, so a formatter never depends on
 * /usr/share/zoneinfo; daftar-time uses the same zone for rollups. */
#define OFFICE_ZONE u"Asia/Tehran"

typedef enum {
  PATTERN_SHORT,
  PATTERN_LONG,
  PATTERN_WEEKDAY,
  PATTERN_MONTH_YEAR,
  PATTERN_DATETIME,
  PATTERN_DAY,
  PATTERN_DAY_MONTH,
  N_PATTERNS
} Pattern;

/* Fixed patterns rather than CLDR's preferred ones: the generator gives
 * English Jalali dates an era and a month-first order ("Aban 7, 1405 AP"),
 * while the office wants the same shape in both languages. */
static const struct {
  const UChar *pattern;
  gboolean     office_zone;    /* an instant in Tehran; otherwise a whole day, kept in UTC */
  gboolean     always_jalali;  /* names a Jalali month whatever the configured calendar */
} patterns[N_PATTERNS] = {
  [PATTERN_SHORT]      = { u"y/MM/dd",       FALSE, FALSE },
  [PATTERN_LONG]       = { u"d MMMM y",      FALSE, FALSE },
  [PATTERN_WEEKDAY]    = { u"EEEE",          FALSE, FALSE },
  [PATTERN_MONTH_YEAR] = { u"MMMM y",        FALSE, TRUE },
  [PATTERN_DATETIME]   = { u"y/MM/dd HH:mm", TRUE,  FALSE },
  [PATTERN_DAY]        = { u"d",             FALSE, FALSE },
  [PATTERN_DAY_MONTH]  = { u"d MMMM",        FALSE, FALSE },
};

/* One lock for the configuration and every cached formatter: UDateFormat
 * is not safe to share between threads, the worker thread formats report
 * lines, and each call is a few microseconds, so contention is moot. */
static GMutex lock;
static gboolean configured;
static DaftarFormatLanguage cfg_language;
static DaftarFormatDigits cfg_digits;
static DaftarFormatCalendar cfg_calendar;
static char *locale_id;                        /* owned */
static char *jalali_locale_id;                 /* owned */
static GHashTable *number_formatters;          /* owned: skeleton → UNumberFormatter */
static UDateFormat *date_formatters[N_PATTERNS];
static UListFormatter *unit_list;

static void
clear_formatters_locked (void)
{
  g_clear_pointer (&number_formatters, g_hash_table_unref);
  for (guint i = 0; i < N_PATTERNS; i++)
    g_clear_pointer (&date_formatters[i], udat_close);
  g_clear_pointer (&unit_list, ulistfmt_close);
}

static void
set_config_locked (DaftarFormatLanguage lang,
                   DaftarFormatDigits   digits,
                   DaftarFormatCalendar cal)
{
  /* en_IR falls back to English data; the region keeps Iranian defaults
   * (week, zone) where ICU has any. */
  const char *base = lang == DAFTAR_FORMAT_LANGUAGE_PERSIAN ? "fa_IR" : "en_IR";
  const char *numbers = digits == DAFTAR_FORMAT_DIGITS_PERSIAN ? "arabext" : "latn";
  const char *calendar = cal == DAFTAR_FORMAT_CALENDAR_JALALI ? "persian" : "gregorian";

  clear_formatters_locked ();
  g_free (locale_id);
  g_free (jalali_locale_id);
  locale_id = g_strdup_printf ("%s@calendar=%s;numbers=%s", base, calendar, numbers);
  jalali_locale_id = g_strdup_printf ("%s@calendar=persian;numbers=%s", base, numbers);
  cfg_language = lang;
  cfg_digits = digits;
  cfg_calendar = cal;
  configured = TRUE;
}

static void
init_from_locale_locked (void)
{
  const char * const *names = g_get_language_names ();
  gboolean persian = names[0] != NULL && g_str_has_prefix (names[0], "fa");

  if (persian)
    set_config_locked (DAFTAR_FORMAT_LANGUAGE_PERSIAN, DAFTAR_FORMAT_DIGITS_PERSIAN,
                       DAFTAR_FORMAT_CALENDAR_JALALI);
  else
    set_config_locked (DAFTAR_FORMAT_LANGUAGE_ENGLISH, DAFTAR_FORMAT_DIGITS_LATIN,
                       DAFTAR_FORMAT_CALENDAR_JALALI);
}

static void
ensure_configured_locked (void)
{
  if (!configured)
    init_from_locale_locked ();
}

void
daftar_format_init_from_locale (void)
{
  g_mutex_lock (&lock);
  init_from_locale_locked ();
  g_mutex_unlock (&lock);
}

void
daftar_format_set_config (DaftarFormatLanguage lang,
                          DaftarFormatDigits   digits,
                          DaftarFormatCalendar cal)
{
  g_mutex_lock (&lock);
  set_config_locked (lang, digits, cal);
  g_mutex_unlock (&lock);
}

void
daftar_format_get_config (DaftarFormatLanguage *lang,
                          DaftarFormatDigits   *digits,
                          DaftarFormatCalendar *cal)
{
  g_mutex_lock (&lock);
  ensure_configured_locked ();
  if (lang != NULL)
    *lang = cfg_language;
  if (digits != NULL)
    *digits = cfg_digits;
  if (cal != NULL)
    *cal = cfg_calendar;
  g_mutex_unlock (&lock);
}

static char *
utf16_to_utf8 (const UChar *text,
               int32_t      len)
{
  char *utf8 = g_utf16_to_utf8 ((const gunichar2 *) text, len, NULL, NULL, NULL);

  return utf8 != NULL ? utf8 : g_strdup ("");
}

/* Numbers */

static UNumberFormatter *
number_formatter_locked (const char *skeleton)
{
  UNumberFormatter *formatter;
  g_autofree gunichar2 *uskeleton = NULL;
  UErrorCode status = U_ZERO_ERROR;

  ensure_configured_locked ();
  if (number_formatters == NULL)
    number_formatters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) unumf_close);

  formatter = g_hash_table_lookup (number_formatters, skeleton);
  if (formatter != NULL)
    return formatter;

  uskeleton = g_utf8_to_utf16 (skeleton, -1, NULL, NULL, NULL);
  formatter = unumf_openForSkeletonAndLocale ((const UChar *) uskeleton, -1, locale_id, &status);
  if (U_FAILURE (status))
    {
      g_warning ("ICU number skeleton “%s” for %s: %s", skeleton, locale_id, u_errorName (status));
      g_clear_pointer (&formatter, unumf_close);
      return NULL;
    }

  g_hash_table_insert (number_formatters, g_strdup (skeleton), formatter);
  return formatter;
}

/* Formats @value (an integer when @is_int) with @skeleton into UTF-16, or
 * returns NULL if ICU failed. */
static UChar *
format_number_utf16_locked (const char *skeleton,
                            gboolean    is_int,
                            gint64      int_value,
                            double      value,
                            int32_t    *out_len)
{
  UNumberFormatter *formatter = number_formatter_locked (skeleton);
  UFormattedNumber *result;
  UErrorCode status = U_ZERO_ERROR;
  UChar *text = NULL;
  int32_t len;

  if (formatter == NULL)
    return NULL;

  result = unumf_openResult (&status);
  if (is_int)
    unumf_formatInt (formatter, int_value, result, &status);
  else
    unumf_formatDouble (formatter, value, result, &status);

  /* Preflight: a double can have hundreds of digits. */
  len = unumf_resultToString (result, NULL, 0, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR)
    {
      status = U_ZERO_ERROR;
      text = g_new (UChar, len + 1);
      unumf_resultToString (result, text, len + 1, &status);
    }
  unumf_closeResult (result);

  if (U_FAILURE (status) || text == NULL)
    {
      g_warning ("ICU number format “%s”: %s", skeleton, u_errorName (status));
      g_free (text);
      return NULL;
    }

  *out_len = len;
  return text;
}

static char *
format_number (const char *skeleton,
               gboolean    is_int,
               gint64      int_value,
               double      value)
{
  g_autofree UChar *text = NULL;
  int32_t len = 0;

  g_mutex_lock (&lock);
  text = format_number_utf16_locked (skeleton, is_int, int_value, value, &len);
  g_mutex_unlock (&lock);

  if (text == NULL)
    return is_int ? g_strdup_printf ("%" G_GINT64_FORMAT, int_value) : g_strdup_printf ("%g", value);
  return utf16_to_utf8 (text, len);
}

/* @prefix plus a precision stem: ".0" is exactly one fraction digit. */
static char *
precision_skeleton (const char *prefix,
                    int         fraction_digits)
{
  g_autofree char *zeros = NULL;

  fraction_digits = CLAMP (fraction_digits, 0, MAX_FRACTION_DIGITS);
  if (fraction_digits == 0)
    return g_strconcat (prefix, "precision-integer", NULL);
  zeros = g_strnfill (fraction_digits, '0');
  return g_strconcat (prefix, ".", zeros, NULL);
}

char *
daftar_format_int (gint64 value)
{
  return format_number ("precision-integer", TRUE, value, 0);
}

char *
daftar_format_int_ungrouped (gint64 value)
{
  return format_number ("precision-integer group-off", TRUE, value, 0);
}

char *
daftar_format_decimal (double value,
                       int    fraction_digits)
{
  g_autofree char *skeleton = precision_skeleton ("", fraction_digits);

  return format_number (skeleton, FALSE, 0, value);
}

/* Persian text puts ٪ after the digits in reading order, so to their left.
 * The bidi algorithm does that only after a Persian letter (rule W2 makes
 * the digits Arabic numbers, and ٪ then takes the sentence's direction):
 * alone in a tile, an axis tick or a table cell, the same «۹۲٪» was drawn
 * with ٪ on the right. ALM (U+061C) is such a letter, invisible; the
 * isolate around it keeps the value from reordering, or being reordered
 * by, the text around it. Then the value reads the same everywhere. A
 * negative value keeps ICU's left-to-right mark before its minus sign, so
 * it reads «−۵٪» as CLDR means it, again the same everywhere. */
#define PERCENT_START "\u2068\u061C"   /* FIRST STRONG ISOLATE, ARABIC LETTER MARK */
#define PERCENT_END   "\u2069"          /* POP DIRECTIONAL ISOLATE */

char *
daftar_format_decimal_plain (double value,
                             int    max_fraction_digits)
{
  g_autofree char *hashes = NULL;
  g_autofree char *skeleton = NULL;

  max_fraction_digits = CLAMP (max_fraction_digits, 0, MAX_FRACTION_DIGITS);
  if (max_fraction_digits == 0)
    return format_number ("precision-integer group-off", FALSE, 0, value);
  /* ".##" is "up to two fraction digits": 12.50 is written 12.5. */
  hashes = g_strnfill (max_fraction_digits, '#');
  skeleton = g_strconcat ("group-off .", hashes, NULL);
  return format_number (skeleton, FALSE, 0, value);
}

char *
daftar_format_percent (double ratio,
                       int    fraction_digits)
{
  /* ICU scales, so 0.913 is not first turned into 91.30000000000001. */
  g_autofree char *skeleton = precision_skeleton ("percent scale/100 ", fraction_digits);
  g_autofree char *text = format_number (skeleton, FALSE, 0, ratio);
  DaftarFormatLanguage language;

  daftar_format_get_config (&language, NULL, NULL);
  if (language != DAFTAR_FORMAT_LANGUAGE_PERSIAN)
    return g_steal_pointer (&text);
  return g_strconcat (PERCENT_START, text, PERCENT_END, NULL);
}

char *
daftar_format_minutes (double minutes,
                       int    fraction_digits)
{
  g_autofree char *skeleton =
    precision_skeleton ("measure-unit/duration-minute unit-width-short ", fraction_digits);

  return format_number (skeleton, FALSE, 0, minutes);
}

/* Durations are ICU measures joined by ICU's unit-list pattern, so plurals
 * and «و» come from CLDR rather than from hand-written templates. */
char *
daftar_format_duration (gint64 seconds)
{
  static const char * const unit_skeletons[] = {
    "measure-unit/duration-day unit-width-short precision-integer",
    "measure-unit/duration-hour unit-width-short precision-integer",
    "measure-unit/duration-minute unit-width-short precision-integer",
    "measure-unit/duration-second unit-width-short precision-integer",
  };
  enum { DAY, HOUR, MINUTE, SECOND };
  guint64 magnitude = seconds < 0 ? (guint64) -(seconds + 1) + 1 : (guint64) seconds;
  gint64 amounts[2];
  int units[2];
  int n = 0;
  UChar *pieces[2] = { NULL, NULL };
  int32_t lens[2] = { 0, 0 };
  UChar joined[256];
  int32_t joined_len = 0;
  UErrorCode status = U_ZERO_ERROR;
  char *out = NULL;

  if (magnitude < 60)
    {
      units[n] = SECOND; amounts[n++] = (gint64) magnitude;
    }
  else
    {
      guint64 total_minutes = magnitude / 60 + (magnitude % 60 >= 30 ? 1 : 0);
      guint64 hours = total_minutes / 60;

      if (hours == 0)
        {
          units[n] = MINUTE; amounts[n++] = (gint64) total_minutes;
        }
      else if (hours < 24)
        {
          units[n] = HOUR; amounts[n++] = (gint64) hours;
          if (total_minutes % 60 != 0)
            {
              units[n] = MINUTE; amounts[n++] = (gint64) (total_minutes % 60);
            }
        }
      else
        {
          units[n] = DAY; amounts[n++] = (gint64) (hours / 24);
          if (hours % 24 != 0)
            {
              units[n] = HOUR; amounts[n++] = (gint64) (hours % 24);
            }
        }
    }

  /* A negative span (a clock running behind) signs its leading unit only. */
  if (seconds < 0)
    amounts[0] = -amounts[0];

  g_mutex_lock (&lock);
  for (int i = 0; i < n; i++)
    {
      pieces[i] = format_number_utf16_locked (unit_skeletons[units[i]], TRUE, amounts[i], 0, &lens[i]);
      if (pieces[i] == NULL)
        goto out;
    }

  if (n == 1)
    {
      out = utf16_to_utf8 (pieces[0], lens[0]);
      goto out;
    }

  if (unit_list == NULL)
    {
      /* Wide: «۱ ساعت و ۵ دقیقه»; the short Persian list adds an RLM. */
      const char *base = cfg_language == DAFTAR_FORMAT_LANGUAGE_PERSIAN ? "fa_IR" : "en_IR";

      unit_list = ulistfmt_openForType (base, ULISTFMT_TYPE_UNITS, ULISTFMT_WIDTH_WIDE, &status);
      if (U_FAILURE (status))
        {
          g_warning ("ICU unit list for %s: %s", base, u_errorName (status));
          g_clear_pointer (&unit_list, ulistfmt_close);
          goto out;
        }
    }

  joined_len = ulistfmt_format (unit_list, (const UChar * const *) pieces, lens, n,
                                joined, G_N_ELEMENTS (joined), &status);
  if (U_FAILURE (status))
    g_warning ("ICU unit list: %s", u_errorName (status));
  else
    out = utf16_to_utf8 (joined, joined_len);

out:
  g_mutex_unlock (&lock);
  g_free (pieces[0]);
  g_free (pieces[1]);
  return out != NULL ? out : g_strdup_printf ("%" G_GINT64_FORMAT " s", seconds);
}

/* Dates */

static char *
format_udate (Pattern pattern,
              UDate   when)
{
  UChar text[256];
  int32_t len = 0;
  UErrorCode status = U_ZERO_ERROR;
  char *out = NULL;

  g_mutex_lock (&lock);
  ensure_configured_locked ();

  if (date_formatters[pattern] == NULL)
    {
      const char *locale = patterns[pattern].always_jalali ? jalali_locale_id : locale_id;
      const UChar *zone = patterns[pattern].office_zone ? OFFICE_ZONE : u"UTC";

      date_formatters[pattern] = udat_open (UDAT_PATTERN, UDAT_PATTERN, locale, zone, -1,
                                            patterns[pattern].pattern, -1, &status);
      if (U_FAILURE (status))
        {
          g_warning ("ICU date format for %s: %s", locale, u_errorName (status));
          g_clear_pointer (&date_formatters[pattern], udat_close);
          goto out;
        }
    }

  /* Every pattern is a few dozen characters at most. */
  len = udat_format (date_formatters[pattern], when, text, G_N_ELEMENTS (text), NULL, &status);
  if (U_FAILURE (status))
    g_warning ("ICU date format: %s", u_errorName (status));
  else
    out = utf16_to_utf8 (text, len);

out:
  g_mutex_unlock (&lock);
  return out != NULL ? out : g_strdup ("");
}

char *
daftar_format_date_short (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  return format_udate (PATTERN_SHORT, daftar_format_gdate_to_udate (date));
}

char *
daftar_format_date_long (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  return format_udate (PATTERN_LONG, daftar_format_gdate_to_udate (date));
}

char *
daftar_format_weekday (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  return format_udate (PATTERN_WEEKDAY, daftar_format_gdate_to_udate (date));
}

char *
daftar_format_date_range (const GDate *from,
                          const GDate *to)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  first = daftar_format_date_long (from);
  if (g_date_compare (from, to) == 0)
    return g_steal_pointer (&first);

  last = daftar_format_date_long (to);
  /* Translators: a range of days, both included, e.g. "1 Aban 1405 to 30 Aban 1405". */
  return g_strdup_printf (C_("date range", "%s to %s"), first, last);
}

/* The year and month of @date in the configured calendar. */
static void
calendar_month_of (const GDate *date,
                   int         *year,
                   int         *month)
{
  DaftarFormatCalendar cal;
  DaftarJalaliDate j;

  daftar_format_get_config (NULL, NULL, &cal);
  if (cal == DAFTAR_FORMAT_CALENDAR_GREGORIAN || !daftar_jalali_from_gdate (date, &j))
    {
      *year = g_date_get_year (date);
      *month = g_date_get_month (date);
      return;
    }
  *year = j.year;
  *month = j.month;
}

/* CLDR's interval formats would collapse the range too, but give English
 * Jalali dates a month-first order and an era ("Aban 7 – Azar 6, 1405 AP"),
 * while the office wants the shape of daftar_format_date_long in both
 * languages: the same fixed patterns, joined by the same "%s to %s". */
char *
daftar_format_date_range_short (const GDate *from,
                                const GDate *to,
                                const GDate *today)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  int from_year, from_month, to_year, to_month, this_year, this_month;
  gboolean with_year;

  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  calendar_month_of (from, &from_year, &from_month);
  calendar_month_of (to, &to_year, &to_month);
  calendar_month_of (today, &this_year, &this_month);
  with_year = from_year != this_year || to_year != this_year;

  last = format_udate (with_year ? PATTERN_LONG : PATTERN_DAY_MONTH, daftar_format_gdate_to_udate (to));
  if (g_date_compare (from, to) == 0)
    return g_steal_pointer (&last);

  /* The year once at the end when both days share it, the month too. */
  if (from_year != to_year)
    first = format_udate (PATTERN_LONG, daftar_format_gdate_to_udate (from));
  else if (from_month != to_month)
    first = format_udate (PATTERN_DAY_MONTH, daftar_format_gdate_to_udate (from));
  else
    first = format_udate (PATTERN_DAY, daftar_format_gdate_to_udate (from));
  return g_strdup_printf (C_("date range", "%s to %s"), first, last);
}

char *
daftar_format_month_year (int jy,
                          int jm)
{
  DaftarJalaliDate first = { jy, jm, 1 };
  GDate day;

  if (!daftar_jalali_to_gdate (&first, &day))
    g_return_val_if_reached (NULL);
  return format_udate (PATTERN_MONTH_YEAR, daftar_format_gdate_to_udate (&day));
}

char *
daftar_format_datetime (gint64 unix_time)
{
  return format_udate (PATTERN_DATETIME, (UDate) unix_time * 1000.0);
}
