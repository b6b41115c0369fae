/* chronicle-export-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-export.h"
#include "chronicle-file-saver-private.h"

G_BEGIN_DECLS

/* The most publishers a credit line names before "and N others". */
#define CHRONICLE_EXPORT_CREDIT_MAX_NAMES 10

/* chronicle_export_to_file() with a hook for tests: @wrap wraps the stream
 * the file is written into, so that a test can fail writes as a full disk
 * does (see ChronicleStreamWrapFunc). */
gboolean chronicle_export_to_file_full (ChronicleTimeline            *timeline,
                                        const ChronicleViewport      *view,
                                        const ChronicleExportOptions *options,
                                        GFile                        *file,
                                        ChronicleStreamWrapFunc       wrap,
                                        gpointer                      wrap_data,
                                        GCancellable                 *cancellable,
                                        GError                      **error);

G_END_DECLS
