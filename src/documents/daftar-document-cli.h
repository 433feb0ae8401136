/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-document-cli.h: `daftar --report monthly|unviewed --format pdf --output FILE`, headless. */
#pragma once

#include "daftar-cli.h"

G_BEGIN_DECLS

/* Renders the document of @options->kind to @options->output as a PDF
 * without a display. Returns 0, or prints one line on stderr and returns
 * non-zero (2 for a bad command line). --from/--to default to the last
 * Jalali month. */
int daftar_document_cli_report (const DaftarCliReport *options);

G_END_DECLS
