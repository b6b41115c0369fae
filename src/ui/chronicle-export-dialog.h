/* chronicle-export-dialog.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chronicle-timeline.h"
#include "chronicle-viewport.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_EXPORT_DIALOG (chronicle_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleExportDialog, chronicle_export_dialog, CHRONICLE, EXPORT_DIALOG, AdwWindow)

ChronicleExportDialog *chronicle_export_dialog_new            (GtkWindow               *parent,
                                                               ChronicleTimeline       *timeline,
                                                               const ChronicleViewport *view,
                                                               ChronicleEvent          *selected);
void                   chronicle_export_dialog_set_placements        (ChronicleExportDialog *self,
                                                                      GHashTable            *placements);
void                   chronicle_export_dialog_set_hidden_categories (ChronicleExportDialog *self,
                                                                      const char * const    *category_ids);
void                   chronicle_export_dialog_export_to_file (ChronicleExportDialog   *self,
                                                               GFile                   *file);

G_END_DECLS
