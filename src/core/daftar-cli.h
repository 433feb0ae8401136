/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-cli.h: the modes of `daftar` that run without a window. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *db_path;   /* nullable: the default database */
  const char *kind;
  const char *from;      /* Jalali 1405-08-01 or Gregorian 2026-10-23 */
  const char *to;
  const char *office;    /* nullable: every office */
  const char *format;    /* nullable: csv; or json (pdf: daftar-document-cli.h) */
  const char *output;    /* nullable: stdout; a file for pdf */
} DaftarCliReport;

/* Prints the report on stdout and returns 0, or prints one line on stderr
 * and returns non-zero. */
int daftar_cli_report (const DaftarCliReport *options);

G_END_DECLS
