/* chronicle-window.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chronicle-application.h"
#include "chronicle-timeline.h"
#include "chronicle-timeline-page.h"
#include "chronicle-timeline-view.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_WINDOW (chronicle_window_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleWindow, chronicle_window, CHRONICLE, WINDOW, AdwApplicationWindow)

ChronicleWindow       *chronicle_window_new               (ChronicleApplication *application);
/* Shows @file in its tab, or loads it in the background in a new tab; on
 * failure that tab closes again and the others stay. */
void                   chronicle_window_open              (ChronicleWindow      *self,
                                                           GFile                *file);
/* Of the selected tab; NULL without one. */
GFile                 *chronicle_window_get_file          (ChronicleWindow      *self);
ChronicleTimeline     *chronicle_window_get_timeline      (ChronicleWindow      *self);
ChronicleTimelineView *chronicle_window_get_timeline_view (ChronicleWindow      *self);
void                   chronicle_window_add_toast         (ChronicleWindow      *self,
                                                           AdwToast             *toast);

/* The tabs: one ChronicleTimelinePage per open file. */
ChronicleTimelinePage *chronicle_window_get_current_page  (ChronicleWindow      *self);
guint                  chronicle_window_get_n_pages       (ChronicleWindow      *self);
ChronicleTimelinePage *chronicle_window_get_nth_page      (ChronicleWindow      *self,
                                                           guint                 position);
void                   chronicle_window_select_page       (ChronicleWindow      *self,
                                                           ChronicleTimelinePage *page);

G_END_DECLS
