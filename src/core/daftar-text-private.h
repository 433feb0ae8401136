/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-text-private.h: the full (slow) path of the search key, for the test that checks the fast path against it. */
#pragma once

#include "daftar-text.h"

G_BEGIN_DECLS

char *daftar_text_search_key_full (const char *text);

G_END_DECLS
