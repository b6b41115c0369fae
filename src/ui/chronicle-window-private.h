/* chronicle-window-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-sidebar.h"
#include "chronicle-window.h"

G_BEGIN_DECLS

/* Inspection for the widget tests. The sidebar and the warnings are the
 * selected tab's; the last error is that of the last file that failed to
 * open (reload errors are the pages'); loading is any tab's. */
ChronicleSidebar   *chronicle_window_get_sidebar            (ChronicleWindow *self);
gboolean            chronicle_window_is_loading             (ChronicleWindow *self);
const char         *chronicle_window_get_last_error         (ChronicleWindow *self);
const char * const *chronicle_window_get_warnings           (ChronicleWindow *self);
gboolean            chronicle_window_get_start_page_visible (ChronicleWindow *self);

G_END_DECLS
