/* chronicle-document.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chronicle-event.h"
#include "chronicle-filter.h"
#include "chronicle-timeline.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_DOCUMENT (chronicle_document_get_type ())

/*
 * One open timeline, as a tab holds it, without its widgets: the file and
 * its monitor, loading (off the main thread, with progress) and reloading
 * when the file changes, the whole timeline, the filter and the timeline
 * it lets through, the selected event, the title, and what went wrong.
 *
 * This is the one place that answers "where is the filter applied" and
 * "what happens on reload": both make a new filtered timeline, which
 * keeps the selected event by id while it has it. Widgets follow the
 * document through its properties; they never swap timelines themselves.
 */
G_DECLARE_FINAL_TYPE (ChronicleDocument, chronicle_document, CHRONICLE, DOCUMENT, GObject)

ChronicleDocument  *chronicle_document_new                    (void);

/* Makes @file the document's file, watches it and loads it in the
 * background; a load still running is cancelled. */
void                chronicle_document_load_file              (ChronicleDocument *self,
                                                               GFile             *file);
/* Loads the file again now, as a change on disk does after a pause. */
void                chronicle_document_reload                 (ChronicleDocument *self);

GFile              *chronicle_document_get_file               (ChronicleDocument *self);
/* The whole timeline; NULL until the first good load. A failed reload
 * keeps the previous one. */
ChronicleTimeline  *chronicle_document_get_timeline           (ChronicleDocument *self);
/* What the filter lets through: the whole timeline while no filter is on,
 * else a new timeline sharing its events. */
ChronicleTimeline  *chronicle_document_get_filtered_timeline  (ChronicleDocument *self);
ChronicleFilter    *chronicle_document_get_filter             (ChronicleDocument *self);
/* The categories the filter hides (NULL-terminated, owned by the caller). */
char              **chronicle_document_dup_hidden_categories  (ChronicleDocument *self);

/* An event of the filtered timeline, or NULL. */
ChronicleEvent     *chronicle_document_get_selected_event     (ChronicleDocument *self);
void                chronicle_document_set_selected_event     (ChronicleDocument *self,
                                                               ChronicleEvent    *event);
/* Selects the event with @id in the filtered timeline; FALSE (and no
 * change) when it has none. */
gboolean            chronicle_document_select_id              (ChronicleDocument *self,
                                                               const char        *id);

/* The timeline's title, else the file's name, made safe for display. */
const char         *chronicle_document_get_title              (ChronicleDocument *self);
gboolean            chronicle_document_get_loading            (ChronicleDocument *self);
/* Of the load running, 0..1. */
double              chronicle_document_get_progress           (ChronicleDocument *self);
/* The loader's message of the last failed load, NULL after a good one,
 * and its one-line summary (static). */
const char         *chronicle_document_get_last_error         (ChronicleDocument *self);
const char         *chronicle_document_get_last_error_summary (ChronicleDocument *self);
/* The loader's warnings for the timeline held (NULL or empty for none). */
const char * const *chronicle_document_get_warnings           (ChronicleDocument *self);
/* The same, as the array the warnings dialog takes (NULL for none). */
GPtrArray          *chronicle_document_get_warnings_array     (ChronicleDocument *self);

G_END_DECLS
