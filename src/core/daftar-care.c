/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-care.c: the client-care structs, the page's one read, the waiting per day and hour, and the office's own ratings with their comments. */
#define G_LOG_DOMAIN "daftar-care"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "daftar-care.h"
#include "daftar-care-private.h"
#include "daftar-format.h"
#include "daftar-sql.h"
#include "daftar-text.h"
#include "daftar-time.h"

/* Every statement below takes ?1 the office (NULL: every office), ?2 and
 * ?3 the first and last day 'YYYY-MM-DD'; one index range per office
 * (daftar-sql.h), and the network's rows of the older rollups (office_code
 * '') are no office's. */
#define OFFICE_AND_DAYS DAFTAR_SQL_OFFICE_IN ("office_code") " AND day BETWEEN ?2 AND ?3"

static const struct { int lower, upper; const char *key; } wait_bands[DAFTAR_N_WAIT_BANDS] = {
  { 0, 5, "0-5" }, { 5, 15, "5-15" }, { 15, 30, "15-30" }, { 30, -1, "30+" },
};

DaftarWaitBand
daftar_wait_band_for_seconds (gint64 wait_s)
{
  if (wait_s < 5 * 60)
    return DAFTAR_WAIT_BAND_UNDER_5;
  if (wait_s < 15 * 60)
    return DAFTAR_WAIT_BAND_5_TO_15;
  if (wait_s < 30 * 60)
    return DAFTAR_WAIT_BAND_15_TO_30;
  return DAFTAR_WAIT_BAND_30_AND_MORE;
}

int
daftar_wait_band_lower_minutes (DaftarWaitBand band)
{
  g_return_val_if_fail (band < DAFTAR_N_WAIT_BANDS, 0);
  return wait_bands[band].lower;
}

int
daftar_wait_band_upper_minutes (DaftarWaitBand band)
{
  g_return_val_if_fail (band < DAFTAR_N_WAIT_BANDS, -1);
  return wait_bands[band].upper;
}

const char *
daftar_wait_band_key (DaftarWaitBand band)
{
  g_return_val_if_fail (band < DAFTAR_N_WAIT_BANDS, NULL);
  return wait_bands[band].key;
}

char *
daftar_wait_band_label (DaftarWaitBand band)
{
  g_autofree char *lower = NULL, *upper = NULL;

  g_return_val_if_fail (band < DAFTAR_N_WAIT_BANDS, NULL);
  lower = daftar_format_int (wait_bands[band].lower);
  if (wait_bands[band].upper < 0)
    /* Translators: a client's wait of this many minutes or longer. */
    return g_strdup_printf (C_("wait band", "%s minutes or more"), lower);
  upper = daftar_format_int (wait_bands[band].upper);
  if (wait_bands[band].lower == 0)
    /* Translators: a client's wait shorter than this many minutes. */
    return g_strdup_printf (C_("wait band", "Under %s minutes"), upper);
  /* Translators: a client's wait from the first number of minutes to
   * under the second. */
  return g_strdup_printf (C_("wait band", "%s to %s minutes"), lower, upper);
}

double
daftar_care_ratio (double numerator,
                   double denominator)
{
  return denominator > 0 ? numerator / denominator : NAN;
}

/* Freeing ---------------------------------------------------------------- */

void
daftar_out_of_turn_group_free (DaftarOutOfTurnGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->staff_id);
  g_free (group->staff_name);
  g_free (group);
}

void
daftar_out_of_turn_instance_free (DaftarOutOfTurnInstance *instance)
{
  if (instance == NULL)
    return;
  g_free (instance->office_code);
  g_free (instance->ticket_id);
  g_free (instance->staff_id);
  g_free (instance->staff_name);
  g_free (instance);
}

void
daftar_crowding_hour_free (DaftarCrowdingHour *hour)
{
  if (hour == NULL)
    return;
  g_free (hour->office_code);
  g_free (hour);
}

void
daftar_idle_row_free (DaftarIdleRow *row)
{
  if (row == NULL)
    return;
  g_free (row->staff_id);
  g_free (row->staff_name);
  g_free (row);
}

void
daftar_rating_group_free (DaftarRatingGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->staff_id);
  g_free (group->staff_name);
  g_free (group);
}

void
daftar_feedback_item_free (DaftarFeedbackItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_free (item->office_code);
  g_free (item->ticket_id);
  g_free (item->case_id);
  g_free (item->comment);
  g_free (item->staff_id);
  g_free (item->staff_name);
  g_free (item);
}

void
daftar_out_of_turn_figures_clear (DaftarOutOfTurnFigures *figures)
{
  g_clear_pointer (&figures->by_staff, g_ptr_array_unref);
  g_clear_pointer (&figures->by_counter, g_ptr_array_unref);
  g_clear_pointer (&figures->worst, g_ptr_array_unref);
  memset (figures, 0, sizeof *figures);
}

void
daftar_idle_figures_clear (DaftarIdleFigures *figures)
{
  g_clear_pointer (&figures->by_counter, g_ptr_array_unref);
  g_clear_pointer (&figures->by_staff, g_ptr_array_unref);
  memset (figures, 0, sizeof *figures);
}

void
daftar_satisfaction_figures_clear (DaftarSatisfactionFigures *figures)
{
  g_clear_pointer (&figures->by_staff, g_ptr_array_unref);
  memset (figures, 0, sizeof *figures);
}

void
daftar_care_figures_free (DaftarCareFigures *figures)
{
  if (figures == NULL)
    return;
  daftar_out_of_turn_figures_clear (&figures->out_of_turn);
  daftar_idle_figures_clear (&figures->idle);
  daftar_satisfaction_figures_clear (&figures->satisfaction);
  g_clear_pointer (&figures->low_ratings, g_ptr_array_unref);
  g_free (figures);
}

/* Statements ------------------------------------------------------------- */

sqlite3_stmt *
daftar_care_prepare_period (DaftarDb     *db,
                const char   *sql,
                const char   *office_code,
                const GDate  *from,
                const GDate  *to,
                GError      **error)
{
  sqlite3_stmt *stmt = daftar_db_prepare (db, sql, error);
  char first[11], last[11];

  if (stmt == NULL)
    return NULL;
  daftar_time_format_day (from, first);
  daftar_time_format_day (to, last);
  if (office_code != NULL)
    sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last, -1, SQLITE_TRANSIENT);
  return stmt;
}

char *
daftar_care_column_dup (sqlite3_stmt *stmt,
                        int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

int
daftar_care_column_enum (sqlite3_stmt *stmt,
                         int           column,
                         GType         type,
                         int           otherwise)
{
  int value = otherwise;

  daftar_enum_from_nick (type, (const char *) sqlite3_column_text (stmt, column), &value);
  return value;
}

/* Crowding per day and hour ------------------------------------------------ */

GPtrArray *
daftar_care_query_crowding_hours (DaftarDb     *db,
                                  const char   *office_code,
                                  const GDate  *from,
                                  const GDate  *to,
                                  GError      **error)
{
  g_autoptr(GPtrArray) hours = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_crowding_hour_free);
  sqlite3_stmt *stmt = daftar_care_prepare_period (db,
                                       "SELECT office_code, day, hour, peak, area_s FROM hourly_waiting "
                                       "WHERE " OFFICE_AND_DAYS " ORDER BY office_code, day, hour",
                                       office_code, from, to, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarCrowdingHour *hour = g_new0 (DaftarCrowdingHour, 1);

      hour->office_code = daftar_care_column_dup (stmt, 0);
      daftar_time_parse_day ((const char *) sqlite3_column_text (stmt, 1), &hour->day);
      hour->hour = sqlite3_column_int (stmt, 2);
      hour->peak = sqlite3_column_int64 (stmt, 3);
      hour->mean_waiting = sqlite3_column_int64 (stmt, 4) / 3600.0;
      g_ptr_array_add (hours, hour);
    }
  if (!daftar_sql_finish (db, stmt, rc, _("Reading the clients waiting per hour"), error))
    return NULL;
  return g_steal_pointer (&hours);
}

/* The office's own ratings ------------------------------------------------ */

#define FEEDBACK_COLUMNS \
  "SELECT f.id, f.office_code, f.ticket_id, f.case_id, f.rating, f.channel, f.submitted_at, f.comment, " \
  "  t.staff_id, (SELECT name FROM staff WHERE id = t.staff_id) " \
  "FROM feedback f LEFT JOIN tickets t ON t.id = f.ticket_id AND t.office_code = f.office_code "

static GPtrArray *
read_feedback (DaftarDb      *db,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_feedback_item_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaftarFeedbackItem *item = g_new0 (DaftarFeedbackItem, 1);

      item->id = daftar_care_column_dup (stmt, 0);
      item->office_code = daftar_care_column_dup (stmt, 1);
      item->ticket_id = daftar_care_column_dup (stmt, 2);
      item->case_id = daftar_care_column_dup (stmt, 3);
      item->rating = sqlite3_column_int (stmt, 4);
      item->channel = daftar_care_column_enum (stmt, 5, DAFTAR_TYPE_FEEDBACK_CHANNEL, DAFTAR_FEEDBACK_CHANNEL_SMS);
      item->submitted_at = sqlite3_column_int64 (stmt, 6);
      item->comment = daftar_care_column_dup (stmt, 7);
      item->staff_id = daftar_care_column_dup (stmt, 8);
      item->staff_name = daftar_care_column_dup (stmt, 9);
      g_ptr_array_add (items, item);
    }
  if (!daftar_sql_finish (db, stmt, rc, _("Reading the ratings"), error))
    return NULL;
  return g_steal_pointer (&items);
}

GPtrArray *
daftar_care_query_low_ratings (DaftarDb     *db,
                               const char   *office_code,
                               const GDate  *from,
                               const GDate  *to,
                               int           max_rating,
                               guint         limit,
                               GError      **error)
{
  sqlite3_stmt *stmt;
  GDate next = *to;

  g_return_val_if_fail (office_code != NULL, NULL);
  stmt = daftar_db_prepare (db,
                            FEEDBACK_COLUMNS
                            "WHERE f.office_code = ?1 AND f.rating <= ?2 "
                            "  AND f.submitted_at >= ?3 AND f.submitted_at < ?4 "
                            "ORDER BY f.submitted_at DESC, f.id LIMIT ?5",
                            error);
  if (stmt == NULL)
    return NULL;
  g_date_add_days (&next, 1);
  sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, max_rating);
  sqlite3_bind_int64 (stmt, 3, daftar_time_day_start (from));
  sqlite3_bind_int64 (stmt, 4, daftar_time_day_start (&next));
  sqlite3_bind_int64 (stmt, 5, limit);
  return read_feedback (db, stmt, error);
}

GPtrArray *
daftar_care_search_comments (DaftarDb     *db,
                             const char   *office_code,
                             const char   *text,
                             guint         limit,
                             GError      **error)
{
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (office_code != NULL, NULL);
  key = daftar_text_search_key (text != NULL ? text : "");
  g_strstrip (key);
  if (key[0] == '\0')
    return g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_feedback_item_free);
  stmt = daftar_db_prepare (db,
                            FEEDBACK_COLUMNS
                            "WHERE f.office_code = ?1 AND instr (f.search_key, ?2) > 0 "
                            "ORDER BY f.submitted_at DESC, f.id LIMIT ?3",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, office_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, limit);
  return read_feedback (db, stmt, error);
}

/* Every figure ------------------------------------------------------------ */

DaftarCareFigures *
daftar_care_query (DaftarDb      *db,
                   const char    *office_code,
                   const GDate   *from,
                   const GDate   *to,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(DaftarCareFigures) figures = g_new0 (DaftarCareFigures, 1);

  figures->from = *from;
  figures->to = *to;
  if (!daftar_query_standards (db, &figures->standards, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !daftar_care_query_out_of_turn (db, office_code, from, to, DAFTAR_CARE_WORST_LIMIT,
                                      &figures->out_of_turn, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !daftar_care_query_crowding (db, office_code, from, to, (gint64) figures->standards.waiting_room_seats,
                                   &figures->crowding, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !daftar_care_query_idle (db, office_code, from, to, &figures->idle, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !daftar_care_query_satisfaction (db, office_code, from, to, &figures->satisfaction, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_prefix_error (error, _("Reading the client-care figures: "));
      return NULL;
    }
  if (office_code != NULL)
    figures->low_ratings = daftar_care_query_low_ratings (db, office_code, from, to, 2,
                                                          DAFTAR_CARE_LOW_LIMIT, error);
  else
    figures->low_ratings = g_ptr_array_new_with_free_func ((GDestroyNotify) daftar_feedback_item_free);
  if (figures->low_ratings == NULL)
    {
      g_prefix_error (error, _("Reading the client-care figures: "));
      return NULL;
    }
  return g_steal_pointer (&figures);
}
