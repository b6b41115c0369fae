/* chronicle-properties-dialog.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chronicle-document.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_PROPERTIES_DIALOG (chronicle_properties_dialog_get_type ())

/*
 * Timeline Properties: the timeline's title and description, its
 * categories (label, colour), eras (label, start, end) and sources
 * (publisher, title, address, date). Every change goes through the
 * document (chronicle_document_set_timeline_title(), put_category(), ...)
 * as one step of its undo history; the dialog follows the document back
 * when a step is undone.
 */
G_DECLARE_FINAL_TYPE (ChroniclePropertiesDialog, chronicle_properties_dialog, CHRONICLE, PROPERTIES_DIALOG, AdwPreferencesWindow)

GtkWidget *chronicle_properties_dialog_new (GtkWindow         *parent,
                                            ChronicleDocument *document);

G_END_DECLS
