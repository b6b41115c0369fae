/* chronicle-timeline-view.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-style.h"
#include "chronicle-timeline.h"
#include "chronicle-viewport.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_TIMELINE_VIEW (chronicle_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleTimelineView, chronicle_timeline_view, CHRONICLE, TIMELINE_VIEW, GtkWidget)

GtkWidget               *chronicle_timeline_view_new                (void);
ChronicleTimeline       *chronicle_timeline_view_get_timeline       (ChronicleTimelineView *self);
void                     chronicle_timeline_view_set_timeline       (ChronicleTimelineView *self,
                                                                     ChronicleTimeline     *timeline);
ChronicleEvent          *chronicle_timeline_view_get_selected_event (ChronicleTimelineView *self);
void                     chronicle_timeline_view_set_selected_event (ChronicleTimelineView *self,
                                                                     ChronicleEvent        *event);
gboolean                 chronicle_timeline_view_get_collapse_gaps  (ChronicleTimelineView *self);
void                     chronicle_timeline_view_set_collapse_gaps  (ChronicleTimelineView *self,
                                                                     gboolean               collapse_gaps);
const char              *chronicle_timeline_view_get_display_zone    (ChronicleTimelineView *self);
void                     chronicle_timeline_view_set_display_zone    (ChronicleTimelineView *self,
                                                                      const char            *zone);

/* The visible window, for export of "what is on screen" (borrowed). */
const ChronicleViewport *chronicle_timeline_view_get_viewport       (ChronicleTimelineView *self);
/* The looks resolved from the widget's CSS; clear @style when done. */
void                     chronicle_timeline_view_get_style          (ChronicleTimelineView *self,
                                                                     ChronicleStyle        *style);

void                     chronicle_timeline_view_fit                (ChronicleTimelineView *self);
void                     chronicle_timeline_view_zoom               (ChronicleTimelineView *self,
                                                                     double                 factor);
/* Selects the event next to the selection in time order (@step -1 or +1)
 * and scrolls or zooms so that it shows on its own. */
gboolean                 chronicle_timeline_view_select_adjacent    (ChronicleTimelineView *self,
                                                                     int                    step);
void                     chronicle_timeline_view_reveal_selected    (ChronicleTimelineView *self,
                                                                     gboolean               zoom_to_it);
/* Shows the time range [@start, @end] (Unix seconds), e.g. to keep the
 * view of a reloaded timeline: set_timeline() refits. */
void                     chronicle_timeline_view_show_range         (ChronicleTimelineView *self,
                                                                     double                 start,
                                                                     double                 end);

/* The window drawn now: during an animated move a step towards
 * get_viewport(), which holds the move's target. */
const ChronicleViewport *chronicle_timeline_view_get_shown_viewport (ChronicleTimelineView *self);
/* Centres @time (Unix seconds), keeping the zoom. */
void                     chronicle_timeline_view_scroll_to          (ChronicleTimelineView *self,
                                                                     double                 time,
                                                                     gboolean               animate);
gboolean                 chronicle_timeline_view_is_moving          (ChronicleTimelineView *self);

/* Story mode: one event at a time, centred with its neighbours. */
gboolean                 chronicle_timeline_view_get_story_mode     (ChronicleTimelineView *self);
void                     chronicle_timeline_view_set_story_mode     (ChronicleTimelineView *self,
                                                                     gboolean               story_mode);
gboolean                 chronicle_timeline_view_story_step         (ChronicleTimelineView *self,
                                                                     int                    step);

/* Ids of the categories a filter hides (NULL-terminated, copied): the
 * legend draws them struck through. Clicking a legend entry emits
 * "legend-activated" with the category's index. */
const char * const      *chronicle_timeline_view_get_hidden_categories (ChronicleTimelineView *self);
GHashTable              *chronicle_timeline_view_get_placements        (ChronicleTimelineView *self);
void                     chronicle_timeline_view_set_hidden_categories (ChronicleTimelineView *self,
                                                                        const char * const    *category_ids);

G_END_DECLS
