/* chronicle-overview.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-timeline-view.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_OVERVIEW (chronicle_overview_get_type ())

/*
 * A strip showing the whole timeline of a ChronicleTimelineView (on the
 * same axis, breaks included) as ticks coloured by category, with a frame
 * for the part the view shows. Dragging the frame, or clicking elsewhere,
 * moves the view; the arrow keys move it by half a screen.
 */
G_DECLARE_FINAL_TYPE (ChronicleOverview, chronicle_overview, CHRONICLE, OVERVIEW, GtkWidget)

GtkWidget             *chronicle_overview_new      (ChronicleTimelineView *view);
ChronicleTimelineView *chronicle_overview_get_view (ChronicleOverview     *self);
void                   chronicle_overview_set_view (ChronicleOverview     *self,
                                                    ChronicleTimelineView *view);

/* For tests: where the frame of the view is, in the strip's pixels. */
gboolean               chronicle_overview_get_frame (ChronicleOverview    *self,
                                                     double               *x,
                                                     double               *width);

G_END_DECLS
