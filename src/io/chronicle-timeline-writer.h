/* chronicle-timeline-writer.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chronicle-timeline.h"

G_BEGIN_DECLS

/* Serialises @timeline as a version 1 chronicle-timeline document that
 * chronicle_timeline_load_from_data() reads back to an equal timeline. */
char     *chronicle_timeline_to_data      (ChronicleTimeline  *timeline,
                                           gsize              *length);
gboolean  chronicle_timeline_save_to_file (ChronicleTimeline  *timeline,
                                           GFile              *file,
                                           GCancellable       *cancellable,
                                           GError            **error);

G_END_DECLS
