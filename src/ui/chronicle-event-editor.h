/* chronicle-event-editor.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-document.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_EVENT_EDITOR (chronicle_event_editor_get_type ())

/*
 * Edits every field of one event of a document, and its quotes, on a
 * working copy: nothing changes in the document until Done, which hands a
 * detached event to chronicle_document_replace_event() as one step of the
 * undo history. Cancel drops the copy. Either emits "closed".
 * A detached event (a proposal not yet in any timeline) is edited the
 * same way, but Done hands the copy to "edited" instead.
 */
G_DECLARE_FINAL_TYPE (ChronicleEventEditor, chronicle_event_editor, CHRONICLE, EVENT_EDITOR, GtkWidget)

GtkWidget  *chronicle_event_editor_new          (void);
/* Fills the fields from @event, an event of @document. */
void        chronicle_event_editor_edit         (ChronicleEventEditor *self,
                                                 ChronicleDocument    *document,
                                                 ChronicleEvent       *event);
/* Fills the fields from @event, in no document; @context offers its
 * categories and sources. Done emits "edited" (event, new category). */
void        chronicle_event_editor_edit_detached (ChronicleEventEditor *self,
                                                  ChronicleTimeline    *context,
                                                  ChronicleEvent       *event);
/* The id of the event edited, NULL when none. */
const char *chronicle_event_editor_get_event_id (ChronicleEventEditor *self);
/* Done: applies the fields (nothing when nothing changed) and closes;
 * FALSE with @error, and the editor open with the error shown, when a
 * field is invalid or the document refuses the edit. */
gboolean    chronicle_event_editor_apply        (ChronicleEventEditor *self,
                                                 GError              **error);
/* Cancel: drops the changes and closes. */
void        chronicle_event_editor_cancel       (ChronicleEventEditor *self);
/* Moves the focus to the title (a new event is named first). */
void        chronicle_event_editor_focus_title  (ChronicleEventEditor *self);

G_END_DECLS
