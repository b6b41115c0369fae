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

G_END_DECLS
