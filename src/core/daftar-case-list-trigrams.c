/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-case-list-trigrams.c: a rare search term's matches through the trigram index, with its most selective trigrams. */
#define G_LOG_DOMAIN "daftar-case-list"

#include "config.h"

#include <glib/gi18n.h>

#include "daftar-case-list-private.h"

/* cases_search (002-loads-and-search.sql) keeps no positions (detail=none):
 * it can only say which rows hold every trigram asked for, and the rows are
 * then checked with instr(), as a scan checks them. So any of the key's
 * trigrams give the same matches, and the choice is only about speed. A
 * trigram held by most rows filters nothing and costs the most: one of a
 * tracking code's digit trigrams, "140" (the years 1400–1409), is in
 * nineteen rows out of twenty at 20 offices × 5 years, and asking for it
 * took 8 of a 10 ms lookup. Each trigram is weighed by how many of the
 * newest SAMPLE_ROWS rows hold it (a lookup bounded by rowid, some 0.1 ms);
 * the rarest are asked for, up to MAX_TRIGRAMS, leaving out those in more
 * than one row in DENSE_SHARE of the sample unless none is rarer. Only
 * trigrams tiling the key (every third, and the last) are weighed: they
 * cover it, and a long name need not be weighed eighteen times. Two or
 * fewer are all asked for: leaving one out would only add candidates. */
#define SAMPLE_ROWS 2048
#define DENSE_SHARE 4
#define MAX_TRIGRAMS 4

typedef struct
{
  char *phrase;   /* the trigram quoted for MATCH */
  int   hits;     /* rows of the sample holding it */
} Trigram;

static void
trigram_clear (gpointer data)
{
  g_free (((Trigram *) data)->phrase);
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  return ((const Trigram *) a)->hits - ((const Trigram *) b)->hits;
}

/* The trigram at character @start of @key as an FTS5 string: in double
 * quotes, which double themselves; inside, every character is literal. */
static char *
quote_trigram (const char *key,
               glong       start)
{
  const char *begin = g_utf8_offset_to_pointer (key, start);
  const char *end = g_utf8_offset_to_pointer (begin, 3);
  GString *phrase = g_string_new ("\"");

  for (const char *p = begin; p < end; p++)
    {
      if (*p == '"')
        g_string_append_c (phrase, '"');
      g_string_append_c (phrase, *p);
    }
  g_string_append_c (phrase, '"');
  return g_string_free (phrase, FALSE);
}

static gboolean
step_int64 (DaftarDb      *db,
            sqlite3_stmt  *stmt,
            gint64        *out,
            const char    *what,
            GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      daftar_db_set_error (db, error, what);
      return FALSE;
    }
  return TRUE;
}

/* Counts how many of the newest rows hold each trigram, into its hits;
 * returns how many rows that was, or -1 with an error. */
static gint64
weigh_trigrams (DaftarDb  *db,
                GArray    *trigrams,
                GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 last_rowid = 0, sample;

  if ((stmt = daftar_db_prepare (db, "SELECT coalesce(max(rowid), 0) FROM cases", error)) == NULL ||
      !step_int64 (db, stmt, &last_rowid, _("Sizing a search"), error) ||
      (stmt = daftar_db_prepare (db, "SELECT count(*) FROM cases_search WHERE cases_search MATCH ?1 AND rowid > ?2",
                                 error)) == NULL)
    return -1;
  sample = MIN (last_rowid, SAMPLE_ROWS);
  for (guint i = 0; i < trigrams->len; i++)
    {
      Trigram *t = &g_array_index (trigrams, Trigram, i);
      gint64 hits = 0;

      sqlite3_bind_text (stmt, 1, t->phrase, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, last_rowid - sample);
      if (!step_int64 (db, stmt, &hits, _("Weighing a search"), error))
        return -1;
      t->hits = (int) hits;
    }
  return sample;
}

/* The MATCH expression for @key (at least three characters). */
static char *
match_expression (DaftarDb    *db,
                  const char  *key,
                  GError     **error)
{
  g_autoptr(GArray) trigrams = g_array_new (FALSE, TRUE, sizeof (Trigram));
  glong n_chars = g_utf8_strlen (key, -1);
  gint64 sample = 0;
  GString *expression;

  g_array_set_clear_func (trigrams, trigram_clear);
  for (glong start = 0;; start = MIN (start + 3, n_chars - 3))
    {
      Trigram t = { quote_trigram (key, start), 0 };
      gboolean seen = FALSE;

      for (guint i = 0; i < trigrams->len && !seen; i++)
        seen = g_str_equal (g_array_index (trigrams, Trigram, i).phrase, t.phrase);
      if (seen)
        g_free (t.phrase);
      else
        g_array_append_val (trigrams, t);
      if (start == n_chars - 3)
        break;
    }
  /* Unweighed, every trigram counts 0 hits of 0 rows: all are asked for. */
  if (trigrams->len > 2 && (sample = weigh_trigrams (db, trigrams, error)) < 0)
    return NULL;
  g_array_sort (trigrams, compare_hits);

  expression = g_string_new (g_array_index (trigrams, Trigram, 0).phrase);
  for (guint i = 1; i < MIN (trigrams->len, MAX_TRIGRAMS); i++)
    {
      const Trigram *t = &g_array_index (trigrams, Trigram, i);

      if ((gint64) t->hits * DENSE_SHARE > sample)
        break;
      g_string_append_c (expression, ' ');
      g_string_append (expression, t->phrase);
    }
  return g_string_free (expression, FALSE);
}

/* The candidates that are matches: in the scope, holding the whole key
 * (instr(), as a scan checks a row), in the list's order. ?1 the office or
 * NULL, ?2 … ?3 the filed_at range, ?4 the key, ?5 the candidates' rowids
 * as a JSON array: one statement reads them in rowid order, four times
 * faster than a lookup per rowid. [descending] */
#define CHECK_SQL \
  "SELECT " DAFTAR_CASE_ITEM_COLUMNS ", rowid FROM cases WHERE rowid IN (SELECT value FROM json_each(?5)) " \
  "AND filed_at >= ?2 AND filed_at < ?3 AND (?1 IS NULL OR office_code = ?1) AND instr(search_key, ?4) > 0 "
static const char * const check_sql[2] = {
  CHECK_SQL "ORDER BY filed_at, rowid",
  CHECK_SQL "ORDER BY filed_at DESC, rowid DESC",
};

/* The rows holding the key's chosen trigrams, as a JSON array of rowids
 * for json_each(). Returns FALSE with an error, else TRUE and NULL in
 * @out_json when there are more than @at_most (0: no bound): none is read
 * beyond that. */
static gboolean
collect_candidates (DaftarDb    *db,
                    const char  *key,
                    guint        at_most,
                    GString    **out_json,
                    GError     **error)
{
  g_autofree char *expression = NULL;
  g_autoptr(GString) candidates = g_string_new ("[");
  guint n_candidates = 0;
  sqlite3_stmt *stmt;
  int rc;

  *out_json = NULL;
  if ((expression = match_expression (db, key, error)) == NULL)
    return FALSE;
  if ((stmt = daftar_db_prepare (db, "SELECT rowid FROM cases_search WHERE cases_search MATCH ?1 LIMIT ?2",
                                 error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, at_most > 0 ? (gint64) at_most + 1 : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (candidates, "%s%" G_GINT64_FORMAT, n_candidates++ > 0 ? "," : "",
                            (gint64) sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Looking up a search's trigrams"));
      return FALSE;
    }
  if (at_most > 0 && n_candidates > at_most)
    return TRUE;
  g_string_append_c (candidates, ']');
  *out_json = g_steal_pointer (&candidates);
  return TRUE;
}

gboolean
daftar_case_list_trigram_matches (DaftarDb                   *db,
                                  const DaftarCaseListQuery  *q,
                                  guint                       at_most,
                                  GArray                    **out_rowids,
                                  GPtrArray                  *items,
                                  GError                    **error)
{
  g_autoptr(GString) candidates = NULL;
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  *out_rowids = NULL;
  /* Every candidate first: past @at_most, none is read at all. */
  if (!collect_candidates (db, q->key, at_most, &candidates, error))
    return FALSE;
  if (candidates == NULL)
    return TRUE;

  if ((stmt = daftar_db_prepare (db, check_sql[q->descending], error)) == NULL)
    return FALSE;
  if (q->office_code != NULL)
    sqlite3_bind_text (stmt, 1, q->office_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, q->from);
  sqlite3_bind_int64 (stmt, 3, q->to);
  sqlite3_bind_text (stmt, 4, q->key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, candidates->str, candidates->len, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, DAFTAR_CASE_ITEM_ROWID);

      g_array_append_val (rowids, rowid);
      if (items->len < q->wanted)
        g_ptr_array_add (items, daftar_case_item_new_from_row (stmt));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      daftar_db_set_error (db, error, _("Checking a search's matches"));
      return FALSE;
    }
  *out_rowids = g_steal_pointer (&rowids);
  return TRUE;
}

/* The candidates that are matches outside the filed_at range ?2 … ?3, as
 * CHECK_SQL checks them inside it. */
static const char elsewhere_sql[] =
  "SELECT count(*) FROM cases WHERE rowid IN (SELECT value FROM json_each(?5)) "
  "AND (filed_at < ?2 OR filed_at >= ?3) AND (?1 IS NULL OR office_code = ?1) AND instr(search_key, ?4) > 0";

gboolean
daftar_case_list_trigram_count_elsewhere (DaftarDb                   *db,
                                          const DaftarCaseListQuery  *q,
                                          guint                       at_most,
                                          gint64                     *out_count,
                                          GError                    **error)
{
  g_autoptr(GString) candidates = NULL;
  sqlite3_stmt *stmt;
  int rc;

  *out_count = -1;
  if (!collect_candidates (db, q->key, at_most, &candidates, error))
    return FALSE;
  if (candidates == NULL)
    return TRUE;
  if ((stmt = daftar_db_prepare (db, elsewhere_sql, error)) == NULL)
    return FALSE;
  if (q->office_code != NULL)
    sqlite3_bind_text (stmt, 1, q->office_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, q->from);
  sqlite3_bind_int64 (stmt, 3, q->to);
  sqlite3_bind_text (stmt, 4, q->key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, candidates->str, candidates->len, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      daftar_db_set_error (db, error, "Counting a search's matches on other dates");
      return FALSE;
    }
  return TRUE;
}
