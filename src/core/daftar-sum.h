/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-sum.h: sums of amounts (rials, seconds) that stop at the largest integer instead of failing. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A count of rows summed is still a count of rows and cannot overflow; an
 * amount can. SQLite's sum() then fails its statement with "integer
 * overflow", which failed an ingest page on every run and, through the
 * network's rows, every other office's pages on the same days. So every
 * sum of fees or seconds, in the rollups, in the queries and in C, stops
 * at G_MAXINT64 (or G_MININT64) instead: the figure is then the largest
 * there is, and nothing fails.
 *
 * At the design's scale no sum comes near: fees are at most 10^12 rials a
 * case (daftar-records.c), and twenty offices' five years hold some five
 * million cases, so even every fee of the network's five years at that
 * limit adds up to 5 × 10^18 < G_MAXINT64 ≈ 9.2 × 10^18; times lie in
 * 1900–2199, so a wait or view time is under 300 years (9.5 × 10^9 s), and
 * five million tickets' waits add up to under 5 × 10^16. Only a feed far
 * beyond that scale reaches the bound. */
static inline gint64
daftar_sum_add (gint64 a,
                gint64 b)
{
  if (b > 0 && a > G_MAXINT64 - b)
    return G_MAXINT64;
  if (b < 0 && a < G_MININT64 - b)
    return G_MININT64;
  return a + b;
}

/* Adds daftar_sum(X) to the connection: sum() over integers that stops at
 * the bounds (daftar_sum_add); NULL when every X is NULL, as sum(). */
int     daftar_sum_register (sqlite3 *handle);

G_END_DECLS
