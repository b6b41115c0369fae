/* chronicle-columns-dialog.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chronicle-import-private.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_COLUMNS_DIALOG (chronicle_columns_dialog_get_type ())

/*
 * The column-mapping dialog (issue #14): for a spreadsheet whose columns
 * were not recognised, a drop-down per field (date, end, title, summary,
 * category, actors, location, source) of the file's columns, filled with
 * what the recogniser guessed, and a live preview of what the first rows
 * become (or why they are left out), read by the import's own reader.
 * Open emits ::columns-chosen with the mapping that --columns would
 * give; Cancel and Escape close it, and nothing is opened. Also for an
 * open spreadsheet, to read it with other columns.
 */
G_DECLARE_FINAL_TYPE (ChronicleColumnsDialog, chronicle_columns_dialog, CHRONICLE, COLUMNS_DIALOG, AdwWindow)

/* How many rows the preview shows. */
#define CHRONICLE_COLUMNS_DIALOG_N_ROWS 10

/* @columns (nullable): the columns @file was read with, to start from;
 * @recognised: whether they were (Choose Columns… on an open file). */
GtkWidget  *chronicle_columns_dialog_new          (GtkWindow              *parent,
                                                   GFile                  *file,
                                                   GHashTable             *columns,
                                                   gboolean                recognised);
GFile      *chronicle_columns_dialog_get_file     (ChronicleColumnsDialog *self);

/* For tests: whether the file has been read; the drop-down of @field;
 * the preview's rows (of ChronicleColumnsRow); the line above them. */
gboolean    chronicle_columns_dialog_get_ready    (ChronicleColumnsDialog *self);
AdwComboRow *chronicle_columns_dialog_get_field_row (ChronicleColumnsDialog *self,
                                                    ChronicleImportField    field);
GListModel *chronicle_columns_dialog_get_preview  (ChronicleColumnsDialog *self);
const char *chronicle_columns_dialog_get_status   (ChronicleColumnsDialog *self);

G_END_DECLS
