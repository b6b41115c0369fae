/* chronicle-category-color.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-style.h"
#include "chronicle-timeline.h"

G_BEGIN_DECLS

void chronicle_style_category_color (const ChronicleStyle *style,
                                     ChronicleTimeline    *timeline,
                                     guint                 category_index,
                                     ChronicleColor       *color);

G_END_DECLS
