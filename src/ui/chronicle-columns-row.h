/* chronicle-columns-row.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "chronicle-import-private.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_COLUMNS_ROW (chronicle_columns_row_get_type ())

/*
 * One row of the column-mapping dialog's preview: what a spreadsheet's
 * row becomes, each field as the chart will show it (the date in words,
 * at the precision read), or why the row is left out.
 */
G_DECLARE_FINAL_TYPE (ChronicleColumnsRow, chronicle_columns_row, CHRONICLE, COLUMNS_ROW, GObject)

ChronicleColumnsRow *chronicle_columns_row_new            (const ChronicleImportPreviewRow *row);

guint                chronicle_columns_row_get_number     (ChronicleColumnsRow  *self);
/* The field's text as shown, "" for none. */
const char          *chronicle_columns_row_get_text       (ChronicleColumnsRow  *self,
                                                           ChronicleImportField  field);
/* Whether the row is left out; the note says why (or, for a row that is
 * not, what of it is left out), NULL for none. */
gboolean             chronicle_columns_row_get_refused    (ChronicleColumnsRow  *self);
const char          *chronicle_columns_row_get_note       (ChronicleColumnsRow  *self);

G_END_DECLS
