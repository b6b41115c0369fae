/* chronicle-import-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "chronicle-json-dom-private.h"

G_BEGIN_DECLS

/*
 * Readers of other programs' formats. Each turns a foreign file into a
 * chronicle-timeline document (JSON text), which the loader then reads
 * the usual way, so that an import is checked exactly like one of our
 * files. What was converted, and what could not be represented, goes to
 * @notes (translated messages, each naming its place); the loader shows
 * them with its own warnings. An event that cannot be converted is left
 * out with a note; only a file that holds nothing usable is refused.
 */

/* The most notes one import gives; the rest are counted in one more. */
#define CHRONICLE_IMPORT_MAX_NOTES 100

/* TRUE when @root, parsed JSON without our "format" member, has the shape
 * of a TimelineJS 3 document: an "events" array or a "title" slide. */
gboolean  chronicle_import_is_timelinejs  (ChronicleJsonNode  *root);
char     *chronicle_import_timelinejs     (ChronicleJsonNode  *root,
                                           GPtrArray          *notes,
                                           GError            **error);

/* Adds a note, or counts it once @notes holds CHRONICLE_IMPORT_MAX_NOTES. */
void      chronicle_import_note           (GPtrArray          *notes,
                                           guint              *n_dropped,
                                           const char         *format,
                                           ...) G_GNUC_PRINTF (3, 4);
/* Ends @notes with the count of dropped notes, if any. */
void      chronicle_import_finish_notes   (GPtrArray          *notes,
                                           guint               n_dropped);

G_END_DECLS
