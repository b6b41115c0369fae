/* chronicle-event-edits-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-event.h"

G_BEGIN_DECLS

/* The detached events the editor, the page's actions and the chart's
 * drag hand to the document (issue #13). */

/* A detached copy of @event with @date and @title (NULL: its own). */
ChronicleEvent *chronicle_event_copy_with  (ChronicleEvent      *event,
                                            const ChronicleDate *date,
                                            const char          *title);
/* A detached copy moved by @seconds in whole units of its date's
 * precision, its end by as much; NULL with @error past the years 1–9999. */
ChronicleEvent *chronicle_event_copy_moved (ChronicleEvent      *event,
                                            double               seconds,
                                            GError             **error);
/* The start of the copy that chronicle_event_copy_moved() would make, in
 * Unix seconds: where the chart draws it while it is dragged. */
gboolean        chronicle_event_moved_start (ChronicleEvent     *event,
                                             double              seconds,
                                             gint64             *start);
/* A new event without an id, "New Event", on the day @time (Unix
 * seconds) is in @tz (NULL: UTC). */
ChronicleEvent *chronicle_new_event_at     (double               time,
                                            GTimeZone           *tz);

G_END_DECLS
