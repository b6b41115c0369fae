/* chronicle-export-dialog-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-export.h"
#include "chronicle-export-dialog.h"

G_BEGIN_DECLS

/* For the widget tests: the rows a person would use, and the options they
 * add up to. */
AdwComboRow *chronicle_export_dialog_get_format_row (ChronicleExportDialog  *self);
AdwComboRow *chronicle_export_dialog_get_size_row   (ChronicleExportDialog  *self);
void         chronicle_export_dialog_get_options    (ChronicleExportDialog  *self,
                                                     ChronicleExportOptions *options);
gboolean     chronicle_export_dialog_is_busy        (ChronicleExportDialog  *self);
const char  *chronicle_export_dialog_get_error      (ChronicleExportDialog  *self);
const char  *chronicle_export_dialog_get_cut_note   (ChronicleExportDialog  *self);
GtkCheckButton  *chronicle_export_dialog_get_image_map_check   (ChronicleExportDialog *self);
GtkEditable     *chronicle_export_dialog_get_subtitle_entry    (ChronicleExportDialog *self);
GtkToggleButton *chronicle_export_dialog_get_actual_size_button (ChronicleExportDialog *self);
GtkDrawingArea  *chronicle_export_dialog_get_preview           (ChronicleExportDialog *self);
/* Called in the worker thread before it reads the timeline, so a test can
 * edit the timeline while an export runs. */
void             chronicle_export_dialog_set_thread_hook       (ChronicleExportDialog *self,
                                                                GFunc                  hook,
                                                                gpointer               data);

G_END_DECLS
