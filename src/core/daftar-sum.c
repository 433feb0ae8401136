/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-sum.c: the SQL function daftar_sum(), a sum of amounts that stops at the largest integer instead of failing. */
#define G_LOG_DOMAIN "daftar-db"

#include "config.h"

#include "daftar-sum.h"

typedef struct
{
  gint64   total;
  gboolean any;
} Sum;

static void
sum_step (sqlite3_context  *context,
          int               argc,
          sqlite3_value   **argv)
{
  Sum *sum = sqlite3_aggregate_context (context, sizeof *sum);

  if (sum == NULL)
    {
      sqlite3_result_error_nomem (context);
      return;
    }
  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    return;
  sum->any = TRUE;
  /* A real beyond the integers converts to the nearest bound. */
  sum->total = daftar_sum_add (sum->total, sqlite3_value_int64 (argv[0]));
}

static void
sum_final (sqlite3_context *context)
{
  Sum *sum = sqlite3_aggregate_context (context, 0);

  if (sum == NULL || !sum->any)
    sqlite3_result_null (context);
  else
    sqlite3_result_int64 (context, sum->total);
}

int
daftar_sum_register (sqlite3 *handle)
{
  return sqlite3_create_function_v2 (handle, "daftar_sum", 1,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                     NULL, NULL, sum_step, sum_final, NULL);
}
