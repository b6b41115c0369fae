/* chronicle-image-map-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-layout.h"

G_BEGIN_DECLS

/* What an export drew where, as the JSON documented in docs/image-map.md.
 * @scale is output units per layout px (the export's text scale); @width
 * and @height the output size in px (points when @points). */
char *chronicle_image_map_build (const ChronicleLayout *layout,
                                 double                 scale,
                                 int                    width,
                                 int                    height,
                                 gboolean               points,
                                 gsize                 *length);

G_END_DECLS
