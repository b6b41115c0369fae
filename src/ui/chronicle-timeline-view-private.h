/* chronicle-timeline-view-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-layout.h"
#include "chronicle-timeline-view.h"

G_BEGIN_DECLS

/* The layout drawn now (computed on demand), or NULL while the view has no
 * events or no size. For tests. */
const ChronicleLayout *chronicle_timeline_view_get_layout (ChronicleTimelineView *self);
/* What a click at (x, y), widget px, does to the legend: emits
 * "legend-activated" when a category's entry is there. For tests. */
gboolean               chronicle_timeline_view_activate_legend_at (ChronicleTimelineView *self,
                                                                   double                 x,
                                                                   double                 y);
/* Kinetic panning at @velocity (px per second), as after a drag. For the
 * drag gesture and for tests. */
gboolean               chronicle_timeline_view_fling (ChronicleTimelineView *self,
                                                      double                 velocity);

G_END_DECLS
