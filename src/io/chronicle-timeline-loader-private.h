/* chronicle-timeline-loader-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-timeline-loader.h"

G_BEGIN_DECLS

/* Progress of one load, in the loading thread; @preview (nullable) takes
 * a timeline of the events loaded so far (see chronicle_load_set_preview_after()). */
typedef struct
{
  void     (*func) (gpointer data, ChronicleLoadPhase phase, double fraction);
  gpointer   data;
  void     (*preview) (gpointer data, ChronicleTimeline *partial);
} ChronicleLoadReporter;

/* How long a streamed load runs (from the start of the parse) before it
 * hands a preview of what it has to a reporter that takes one: 300 ms;
 * G_MAXUINT for never. For tests. */
void               chronicle_load_set_preview_after                (guint                         ms);

/* Reports @fraction of @phase as a share of the whole load; @reporter may
 * be NULL. */
void               chronicle_load_report                           (const ChronicleLoadReporter  *reporter,
                                                                    ChronicleLoadPhase            phase,
                                                                    double                        fraction);

/* chronicle_timeline_load_from_data() with progress and cancellation;
 * @length is exact, and @data need not be NUL-terminated. */
ChronicleTimeline *chronicle_timeline_load_from_data_with_reporter (const char                   *data,
                                                                    gsize                         length,
                                                                    const ChronicleLoadReporter  *reporter,
                                                                    GCancellable                 *cancellable,
                                                                    GStrv                        *warnings,
                                                                    GError                      **error);

/* The fast way for a file read whole: parses @contents (@length bytes
 * and a NUL, taken) in place, without a copy, giving its pages back as
 * the events are built. Returns %NULL with *@retry set and no error when
 * anything is wrong with the file, or the streaming bet failed: the
 * caller then reads the file again and takes the plain way, which says
 * what is wrong exactly as it always did (in-place unescaping would move
 * the lines and columns of a syntax error). */
ChronicleTimeline *chronicle_timeline_load_from_owned_data         (char                         *contents,
                                                                    gsize                         length,
                                                                    const ChronicleLoadReporter  *reporter,
                                                                    GCancellable                 *cancellable,
                                                                    GStrv                        *warnings,
                                                                    gboolean                     *retry,
                                                                    GError                      **error);

/* A spreadsheet read with the columns @mapping names as those fields
 * (chronicle_import_parse_columns(), --columns), whatever its header. */
ChronicleTimeline *chronicle_timeline_load_csv_with_columns       (const char                   *data,
                                                                    gsize                         length,
                                                                    GHashTable                   *mapping,
                                                                    GStrv                        *warnings,
                                                                    GError                      **error);
ChronicleTimeline *chronicle_timeline_load_csv_file_with_columns  (GFile                        *file,
                                                                    GHashTable                   *mapping,
                                                                    GStrv                        *warnings,
                                                                    GError                      **error);
/* The same in a worker thread (which reads @mapping, referenced, and
 * never changes it); finish with chronicle_timeline_load_finish(). */
void               chronicle_timeline_load_csv_async_with_columns (GFile                        *file,
                                                                    GHashTable                   *mapping,
                                                                    GCancellable                 *cancellable,
                                                                    GAsyncReadyCallback           callback,
                                                                    gpointer                      user_data);

G_END_DECLS
