/* chronicle-density-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-layout-private.h"

G_BEGIN_DECLS

/* Width of a column of the chart's density strip, logical px. */
#define CHRONICLE_DENSITY_COLUMN 2.0

guint chronicle_density_count_columns (ChronicleTimeline       *timeline,
                                       const ChronicleViewport *viewport,
                                       double                   x0,
                                       double                   column_width,
                                       guint                    n_columns,
                                       guint                   *counts,
                                       guint                   *firsts);

void  chronicle_layout_compute_density (ChronicleLayout *layout);

G_END_DECLS
