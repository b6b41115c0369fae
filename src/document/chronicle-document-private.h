/* chronicle-document-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-change.h"
#include "chronicle-document.h"
#include "chronicle-file-saver-private.h"
#include "chronicle-history.h"

G_BEGIN_DECLS

/* For saving: the timeline as it is now is what the file holds. Records
 * the undo history's saved point ("modified" is FALSE there and again
 * whenever undo or redo comes back to it) and clears "new". */
void chronicle_document_mark_saved   (ChronicleDocument *self);

/* For a recovered document: the timeline differs from its file, with no
 * step to undo; "modified" stays TRUE until a save. */
void chronicle_document_mark_unsaved (ChronicleDocument *self);

/* Shows @timeline as if it had been loaded (tests, benchmarks, a
 * recovered file): the filter applies, the history starts empty. */
void chronicle_document_set_timeline (ChronicleDocument *self,
                                      ChronicleTimeline *timeline);

/* --- Saving, changes on disk, recovery (chronicle-document-save.c) --- */

typedef struct _ChronicleDocumentSaving ChronicleDocumentSaving;

ChronicleDocumentSaving *chronicle_document_saving_new      (void);
void                     chronicle_document_saving_free     (ChronicleDocumentSaving *saving);
/* Closing: stops the recovery timer and removes the recovery files. */
void                     chronicle_document_saving_dispose  (ChronicleDocument       *self,
                                                             ChronicleDocumentSaving *saving);
/* After every change of the history (edit, undo, redo, load, save). */
void                     chronicle_document_saving_edited   (ChronicleDocument       *self,
                                                             ChronicleDocumentSaving *saving);
/* The file changed on disk and the changes paused: TRUE when the
 * document must not reload (its own save, or unsaved edits). */
gboolean                 chronicle_document_saving_file_changed (ChronicleDocument       *self,
                                                                 ChronicleDocumentSaving *saving);

/* chronicle-document.c's side, for chronicle-document-save.c. */
ChronicleDocumentSaving *chronicle_document_get_saving      (ChronicleDocument       *self);
void                     chronicle_document_adopt_file      (ChronicleDocument       *self,
                                                             GFile                   *file);
void                     chronicle_document_notify_changed_on_disk (ChronicleDocument *self);

/* For tests: wraps the stream a save writes into (see
 * chronicle-file-saver-private.h), and the pause after the last edit
 * before the recovery file is written, in milliseconds. */
void                     chronicle_document_set_save_wrap   (ChronicleDocument       *self,
                                                             ChronicleStreamWrapFunc  wrap,
                                                             gpointer                 wrap_data);
void                     chronicle_document_set_recovery_delay (ChronicleDocument    *self,
                                                                guint                 delay_ms);

/* --- The document's own files ---------------------------------------
 *
 * ChronicleDocument is written in three files sharing its struct:
 * chronicle-document.c (the object, its properties and signals, loading,
 * the filter and the selection), chronicle-document-edit.c (the editing
 * API and undo/redo) and chronicle-document-save.c (saving, changes on
 * disk, recovery). Nothing else reads the struct. */

struct _ChronicleDocument
{
  GObject            parent_instance;

  GFile             *file;
  GHashTable        *columns;         /* a spreadsheet's columns named by the user, or NULL */
  GFileMonitor      *monitor;
  GCancellable      *load_cancellable;
  ChronicleTimeline *timeline;        /* the whole timeline */
  ChronicleTimeline *filtered;        /* through the filter: timeline itself while none is on */
  ChronicleFilter   *filter;
  ChronicleEvent    *selected;        /* an event of filtered */
  char              *title;
  char              *last_error;
  const char        *last_error_summary;  /* static, see chronicle_load_error_get_summary() */
  GPtrArray         *warnings;        /* of char *, NULL-terminated; shared with the warnings dialog */
  char             **hidden_categories;

  double             progress;
  guint              load_generation;
  guint              reload_source;
  gboolean           loading;
  gboolean           partial;         /* timeline is a load's preview (issue #12) */

  /* Editing: the history, and what the properties last announced, so
   * that each notifies only on a change. */
  ChronicleHistory  *history;
  char              *undo_label;
  char              *redo_label;
  gboolean           can_undo;
  gboolean           can_redo;
  gboolean           modified;
  gboolean           is_new;

  /* Saving, changes on disk while edited, recovery files:
   * chronicle-document-save.c. */
  ChronicleDocumentSaving *saving;
};

/* chronicle-document.c's side, for chronicle-document-edit.c: an event
 * change made to the filtered timeline too (when a filter is on), and
 * what follows every step applied (title, filtered timeline, selection,
 * the history's properties, "edited"). */
void chronicle_document_patch_filtered (ChronicleDocument *self,
                                        ChronicleChange   *change,
                                        gboolean           forward);
void chronicle_document_show_changes   (ChronicleDocument *self,
                                        const char        *select_id,
                                        gboolean           refilter,
                                        gboolean           title_changed);

G_END_DECLS
