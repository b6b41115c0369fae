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
/* The same for a spreadsheet whose columns @columns names (see
 * chronicle_import_parse_columns()); its reloads read it so too. */
void                chronicle_document_load_file_with_columns (ChronicleDocument *self,
                                                               GFile             *file,
                                                               GHashTable        *columns);
/* The columns the file is read with, NULL for the usual names. */
GHashTable         *chronicle_document_get_columns            (ChronicleDocument *self);
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

/* The timeline's title, else the file's name, else "Untitled Timeline"
 * (NULL only while there is no timeline yet), made safe for display. The
 * window shows it as it is. */
const char         *chronicle_document_get_title              (ChronicleDocument *self);
gboolean            chronicle_document_get_loading            (ChronicleDocument *self);
/* Whether the timeline held is a first load's preview, the events loaded
 * so far, while the rest of a large file loads (issue #12). */
gboolean            chronicle_document_get_partial            (ChronicleDocument *self);
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

/* --- Editing (issue #13) ---------------------------------------------
 *
 * Every change to the timeline goes through the document, which applies
 * it to the whole timeline (the store is the truth: never edit a
 * ChronicleEvent that belongs to a timeline), refreshes the filtered
 * timeline, keeps the selection by id, records one step of the undo
 * history named for the menu ("Move Event"), and sets "modified".
 *
 * Events are passed as *detached* ChronicleEvent values: make one with
 * chronicle_event_copy() from the event shown, change the copy with its
 * setters, hand it over. The document keeps its own copy; the argument
 * stays the caller's. Each call returns FALSE and sets @error
 * (G_IO_ERROR_NOT_FOUND for an unknown id, G_IO_ERROR_EXISTS for an id
 * taken, G_IO_ERROR_INVALID_ARGUMENT otherwise) and changes nothing when
 * the edit cannot be made.
 *
 * Properties: "modified" (unsaved changes), "can-undo", "can-redo",
 * "undo-label", "redo-label" (translated, e.g. "Undo Move Event"; NULL
 * when there is nothing), "new" (never saved: Save asks for a place).
 * A step name (translated) gets whole labels when it is one of the names
 * in step_labels[] in chronicle-document.c: add a new one there.
 * The signal "edited" follows every edit, undo and redo.
 */

/* Replaces the event whose id is @id with @changed (which may change its
 * id, dates, anything); @action_name names the step ("Edit Event",
 * "Move Event"). */
gboolean            chronicle_document_replace_event          (ChronicleDocument *self,
                                                               const char        *id,
                                                               ChronicleEvent    *changed,
                                                               const char        *action_name,
                                                               GError           **error);
/* Adds @event ("Add Event", "Duplicate Event"); an event without an id,
 * or with one taken, gets a fresh one. Returns the id it was given
 * (owned by the caller) and selects it, or NULL with @error. */
char               *chronicle_document_add_event              (ChronicleDocument *self,
                                                               ChronicleEvent    *event,
                                                               const char        *action_name,
                                                               GError           **error);
gboolean            chronicle_document_remove_event           (ChronicleDocument *self,
                                                               const char        *id,
                                                               GError           **error);
/* The timeline's own fields: NULL clears the description. */
void                chronicle_document_set_timeline_title       (ChronicleDocument *self,
                                                                 const char        *title);
void                chronicle_document_set_timeline_description (ChronicleDocument *self,
                                                                 const char        *description);
/* Adds or changes (same id) a category, era or source; removing one that
 * events use fails with G_IO_ERROR_BUSY. */
gboolean            chronicle_document_put_category           (ChronicleDocument *self,
                                                               ChronicleCategory *category,
                                                               GError           **error);
gboolean            chronicle_document_remove_category        (ChronicleDocument *self,
                                                               const char        *id,
                                                               GError           **error);
gboolean            chronicle_document_put_era                (ChronicleDocument *self,
                                                               ChronicleEra      *era,
                                                               GError           **error);
gboolean            chronicle_document_remove_era             (ChronicleDocument *self,
                                                               const char        *id,
                                                               GError           **error);
gboolean            chronicle_document_put_source             (ChronicleDocument *self,
                                                               ChronicleSource   *source,
                                                               GError           **error);
gboolean            chronicle_document_remove_source          (ChronicleDocument *self,
                                                               const char        *id,
                                                               GError           **error);

/* Several edits as one step of the history ("Add 12 Events" from the
 * article review): edits between begin and end undo together. Nests. */
void                chronicle_document_begin_group            (ChronicleDocument *self,
                                                               const char        *action_name);
void                chronicle_document_end_group              (ChronicleDocument *self);

gboolean            chronicle_document_get_can_undo           (ChronicleDocument *self);
gboolean            chronicle_document_get_can_redo           (ChronicleDocument *self);
const char         *chronicle_document_get_undo_label         (ChronicleDocument *self);
const char         *chronicle_document_get_redo_label         (ChronicleDocument *self);
void                chronicle_document_undo                   (ChronicleDocument *self);
void                chronicle_document_redo                   (ChronicleDocument *self);

/* Unsaved changes: set by any edit, cleared by a save or by undoing back
 * to what was saved. */
gboolean            chronicle_document_get_modified           (ChronicleDocument *self);

/* An empty, untitled timeline that was never saved ("new" is TRUE). */
ChronicleDocument  *chronicle_document_new_untitled           (void);
gboolean            chronicle_document_get_new                (ChronicleDocument *self);

/* --- Saving (issue #13) ---------------------------------------------
 *
 * Writes the whole timeline to @file (NULL: the document's own file)
 * through chronicle_timeline_save_to_file(): a temporary file beside the
 * target, synced, renamed over it, permissions kept; the old file stays
 * whole on any error. On success @file becomes the document's file and
 * "modified" is cleared; on failure the edits stay and @error says what,
 * where and why. */
void                chronicle_document_save_async             (ChronicleDocument   *self,
                                                               GFile               *file,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
gboolean            chronicle_document_save_finish            (ChronicleDocument   *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

/* TRUE while the file changed on disk and the document has unsaved edits
 * (property "changed-on-disk"): it did not reload, a banner offers
 * reload_discarding_edits() or keep_edits(). Without unsaved edits a
 * change on disk reloads as before. */
gboolean            chronicle_document_get_changed_on_disk    (ChronicleDocument *self);
void                chronicle_document_reload_discarding_edits (ChronicleDocument *self);
/* Keeps the edits; the next save overwrites the changed file (the UI
 * asks first: see chronicle_document_get_save_overwrites_changes()). */
void                chronicle_document_keep_edits             (ChronicleDocument *self);
gboolean            chronicle_document_get_save_overwrites_changes (ChronicleDocument *self);

/* --- Recovery (issue #13) --------------------------------------------
 *
 * A few seconds after the last edit, a document with unsaved edits
 * writes them to a recovery file under the user data folder
 * ($XDG_DATA_HOME/chronicle/recovery/), removed on save, discard or
 * close. At start, chronicle_document_list_recovered() finds what a crash
 * left, and chronicle_document_new_recovered() opens one as a modified
 * document of its original file. */

/* The recovery files a crash left, newest first: at most 16, each with
 * its key file (element-type GFile, transfer full). */
GPtrArray          *chronicle_document_list_recovered         (void);
/* Opens @recovery (from the list) as a document of the file it belongs
 * to, "modified" (and "new" when it was never saved); its recovery files
 * are then the document's, removed when it is saved or closed. Reads the
 * timeline now; NULL with @error when it cannot. */
ChronicleDocument  *chronicle_document_new_recovered          (GFile              *recovery,
                                                               GError            **error);
/* Removes @recovery and its key file: the user declined the offer. */
void                chronicle_document_discard_recovered      (GFile              *recovery);

G_END_DECLS
