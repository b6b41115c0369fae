/* chronicle-timeline-writer-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-timeline-writer.h"
#include "chronicle-file-saver-private.h"

G_BEGIN_DECLS

/* chronicle_timeline_save_to_file() with a hook for tests: @wrap wraps the
 * stream the file is written into (see ChronicleStreamWrapFunc). */
gboolean chronicle_timeline_save_to_file_full (ChronicleTimeline        *timeline,
                                               GFile                    *file,
                                               ChronicleStreamWrapFunc   wrap,
                                               gpointer                  wrap_data,
                                               GCancellable             *cancellable,
                                               GError                  **error);

G_END_DECLS
