/* chronicle-window.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chronicle-application.h"
#include "chronicle-timeline.h"
#include "chronicle-timeline-view.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_WINDOW (chronicle_window_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleWindow, chronicle_window, CHRONICLE, WINDOW, AdwApplicationWindow)

ChronicleWindow       *chronicle_window_new               (ChronicleApplication *application);
/* Loads @file in the background; on failure the open timeline stays. */
void                   chronicle_window_open              (ChronicleWindow      *self,
                                                           GFile                *file);
GFile                 *chronicle_window_get_file          (ChronicleWindow      *self);
ChronicleTimeline     *chronicle_window_get_timeline      (ChronicleWindow      *self);
ChronicleTimelineView *chronicle_window_get_timeline_view (ChronicleWindow      *self);
void                   chronicle_window_add_toast         (ChronicleWindow      *self,
                                                           AdwToast             *toast);

G_END_DECLS
