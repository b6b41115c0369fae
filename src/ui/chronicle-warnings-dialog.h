/* chronicle-warnings-dialog.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CHRONICLE_TYPE_WARNINGS_DIALOG (chronicle_warnings_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleWarningsDialog, chronicle_warnings_dialog, CHRONICLE, WARNINGS_DIALOG, AdwWindow)

GtkWidget  *chronicle_warnings_dialog_new        (GtkWindow               *parent,
                                                  const char              *file_name,
                                                  GPtrArray               *warnings);
GListModel *chronicle_warnings_dialog_get_model  (ChronicleWarningsDialog *self);
guint       chronicle_warnings_dialog_get_n_rows (ChronicleWarningsDialog *self);

G_END_DECLS
