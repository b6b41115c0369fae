/* chronicle-file-saver-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Saves a file the way an editor does, so that a save never damages the
 * old file and never reports success falsely: the data goes into a
 * temporary file beside the target, every write, the flush, an fsync and
 * the close are checked, and only then is the temporary file renamed over
 * the target. A symlink is followed to its target (the link survives),
 * folders, FIFOs, devices and sockets are refused, a replaced file keeps
 * its mode and a new one gets the umask's.
 *
 * Errors are G_IO_ERROR with a message that names the file the caller
 * asked for (never the temporary one), e.g. "There is not enough space on
 * the disk to save “report.pdf”".
 */

typedef struct _ChronicleFileSaver ChronicleFileSaver;

/* For tests: returns a stream that writes into @stream (and closes it when
 * closed), so that a test can make writes fail like a full disk. */
typedef GOutputStream *(*ChronicleStreamWrapFunc) (GOutputStream *stream,
                                                   gpointer       user_data);

ChronicleFileSaver *chronicle_file_saver_new              (GFile                   *file,
                                                           ChronicleStreamWrapFunc  wrap,
                                                           gpointer                 wrap_data,
                                                           GError                 **error);
const char         *chronicle_file_saver_get_display_name (ChronicleFileSaver      *self);
const GError       *chronicle_file_saver_get_error        (ChronicleFileSaver      *self);
gboolean            chronicle_file_saver_write            (ChronicleFileSaver      *self,
                                                           const void              *data,
                                                           gsize                    length,
                                                           GCancellable            *cancellable,
                                                           GError                 **error);
gboolean            chronicle_file_saver_commit           (ChronicleFileSaver      *self,
                                                           GCancellable            *cancellable,
                                                           GError                 **error);
void                chronicle_file_saver_free             (ChronicleFileSaver      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleFileSaver, chronicle_file_saver_free)

G_END_DECLS
