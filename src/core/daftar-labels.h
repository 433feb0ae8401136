/* SPDX-License-Identifier: GPL-3.0-or-later */
/* daftar-labels.h: what the office calls each domain value — one table per enum type, one translation context each, so a value reads the same on every page, chart, table and file. */
#pragma once

#include <glib-object.h>

#include "daftar-enums.h"

G_BEGIN_DECLS

typedef enum {
  DAFTAR_LABEL_SINGULAR,   /* one item's value: a list cell, a CSV field ("Petition") */
  DAFTAR_LABEL_PLURAL,     /* items counted together: a chart legend or category,
                            * a row or column of counts ("Petitions") */
} DaftarLabelForm;

/* The label of @value of @enum_type (a type of daftar-enums.h) in the UI's
 * language, translated under the type's one context ("case kind", "case
 * status", "ticket outcome", "notice channel", "feedback channel", "shift", "staffing step").
 * Static; NULL when
 * @value is not one of the type's values. */
const char *daftar_label          (GType            enum_type,
                                   int              value,
                                   DaftarLabelForm  form);

/* The same for a value as stored, by its nick. A nick that is none of the
 * type's values is returned as it is (an old file may hold one); NULL
 * gives "". */
const char *daftar_label_for_nick (GType            enum_type,
                                   const char      *nick,
                                   DaftarLabelForm  form);

G_END_DECLS
