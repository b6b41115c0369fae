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

/* The saving half of chronicle_timeline_save_to_file(): @length bytes of
 * @data into @file, atomically, through the same saver. Safe in any
 * thread (with a thread-safe @wrap). */
gboolean chronicle_file_save_data            (GFile                    *file,
                                              const char               *data,
                                              gsize                     length,
                                              ChronicleStreamWrapFunc   wrap,
                                              gpointer                  wrap_data,
                                              GCancellable             *cancellable,
                                              GError                  **error);

/* What a file on disk is now, as text: its inode, size and time of last
 * change to the nanosecond; NULL when it cannot be read. A save that
 * renames a new file over the old changes it, and so does any rewrite:
 * the document compares it to tell its own save from another program's. */
char    *chronicle_file_get_stamp            (GFile                    *file);

/* chronicle_file_save_data() in a thread, on a copy of the bytes made
 * beforehand (the store is read on the calling thread only). The finish
 * returns the stamp of the file written ("" if it cannot be read). */
void     chronicle_file_save_bytes_async     (GFile                    *file,
                                              GBytes                   *data,
                                              ChronicleStreamWrapFunc   wrap,
                                              gpointer                  wrap_data,
                                              GCancellable             *cancellable,
                                              GAsyncReadyCallback       callback,
                                              gpointer                  user_data);
char    *chronicle_file_save_bytes_finish    (GAsyncResult             *result,
                                              GError                  **error);

G_END_DECLS
