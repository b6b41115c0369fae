/* chronicle-timelinejs-export-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chronicle-timeline.h"

G_BEGIN_DECLS

/*
 * Publishes a timeline as a TimelineJS 3 JSON file
 * (https://timeline.knightlab.com/docs/json-format.html), which
 * chronicle-import-timelinejs.c reads back: the title slide, events with
 * date objects of only the fields their precision has, groups from
 * categories, the first quote as blockquote media, and eras.
 */
char     *chronicle_timelinejs_to_data      (ChronicleTimeline  *timeline,
                                             gsize              *length);
gboolean  chronicle_timelinejs_save_to_file (ChronicleTimeline  *timeline,
                                             GFile              *file,
                                             GCancellable       *cancellable,
                                             GError            **error);

/* The same as the TimelineJS Google-Sheets template exported as CSV:
 * its headers, a title row, one row an event, era rows. */
char     *chronicle_timelinejs_csv_to_data      (ChronicleTimeline  *timeline,
                                                 gsize              *length);
gboolean  chronicle_timelinejs_csv_save_to_file (ChronicleTimeline  *timeline,
                                                 GFile              *file,
                                                 GCancellable       *cancellable,
                                                 GError            **error);

G_END_DECLS
