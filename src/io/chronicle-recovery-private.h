/* chronicle-recovery-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chronicle-file-saver-private.h"

G_BEGIN_DECLS

/*
 * Recovery files (issue #13): a document with unsaved edits writes its
 * timeline to $XDG_DATA_HOME/chronicle/recovery/ID.chronicle.json and,
 * beside it, ID.recovery (a key file: the file it belongs to, when it was
 * written), both through the saver, so a crash mid-write leaves the
 * previous pair whole. The document removes them when its edits are saved
 * or dropped, or it closes; what a crash left is listed at the next start.
 *
 * The folder is treated as written by a stranger: only names of the form
 * ID (letters, digits, '-', at most 64) count, only regular files (never
 * a link), at most CHRONICLE_RECOVERY_MAX_LISTED of them (the newest), a
 * scan stops after CHRONICLE_RECOVERY_MAX_SCANNED names, a key file is
 * read only up to 64 KiB, and a timeline larger than the loader's limit
 * is not offered.
 */

#define CHRONICLE_RECOVERY_MAX_LISTED  16
#define CHRONICLE_RECOVERY_MAX_SCANNED 4096

/* The folder (not created). */
char      *chronicle_recovery_get_dir      (void);
/* A new unique id for a document's recovery files. */
char      *chronicle_recovery_new_id       (void);
GFile     *chronicle_recovery_get_timeline_file (const char *id);

/* Writes @data (a whole timeline) and the key file of @id; @original may
 * be NULL (never saved). Creates the folder (0700). Any thread. */
gboolean   chronicle_recovery_write        (const char               *id,
                                            const char               *data,
                                            gsize                     length,
                                            GFile                    *original,
                                            ChronicleStreamWrapFunc   wrap,
                                            gpointer                  wrap_data,
                                            GError                  **error);
/* Removes both files of @id; what is not there is no error. */
void       chronicle_recovery_remove       (const char               *id);

/* The timeline files of what is there, newest first. */
GPtrArray *chronicle_recovery_list         (void);
/* What the key file beside @timeline_file says: its id and the file it
 * belongs to (NULL: never saved). */
gboolean   chronicle_recovery_read         (GFile                    *timeline_file,
                                            char                    **id,
                                            GFile                   **original,
                                            GError                  **error);

G_END_DECLS
