/* chronicle-window-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-sidebar.h"
#include "chronicle-window.h"

G_BEGIN_DECLS

/* Inspection for the widget tests. */
ChronicleSidebar   *chronicle_window_get_sidebar    (ChronicleWindow *self);
gboolean            chronicle_window_is_loading     (ChronicleWindow *self);
const char         *chronicle_window_get_last_error (ChronicleWindow *self);
const char * const *chronicle_window_get_warnings   (ChronicleWindow *self);

G_END_DECLS
