/* chronicle-export-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-export.h"
#include "chronicle-file-saver-private.h"
#include "chronicle-layout.h"

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
                                        GFile                        *image_map,
                                        ChronicleExportReport        *report,
                                        ChronicleStreamWrapFunc       wrap,
                                        gpointer                      wrap_data,
                                        GCancellable                 *cancellable,
                                        GError                      **error);

/* chronicle_export_paint(), returning how many titles it had to cut (see
 * chronicle_layout_get_n_cut_titles()): the export dialog's preview says
 * so before the file is written. */
/* The same, filling @report as an export to a file does. */
void  chronicle_export_paint_reporting      (cairo_t                      *cr,
                                             ChronicleTimeline            *timeline,
                                             const ChronicleViewport      *view,
                                             const ChronicleExportOptions *options,
                                             ChronicleExportReport        *report);
guint chronicle_export_paint_counting_cuts (cairo_t                      *cr,
                                            ChronicleTimeline            *timeline,
                                            const ChronicleViewport      *view,
                                            const ChronicleExportOptions *options);

G_END_DECLS
