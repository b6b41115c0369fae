/* chronicle-review-page.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-document.h"
#include "chronicle-event-editor.h"
#include "chronicle-timeline.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_REVIEW_PAGE (chronicle_review_page_get_type ())

/*
 * Import Article: the article's text on one side, with the evidence of the
 * selected proposal highlighted, and the events the extractor proposes on
 * the other, each to accept or reject, its headline and date editable.
 * Emits ::add when the user asks for the accepted ones to become a new
 * timeline, ::add-to-current when they go into the timeline in front
 * (chronicle_review_page_add_to_document()), ::cancel when they give up.
 */
G_DECLARE_FINAL_TYPE (ChronicleReviewPage, chronicle_review_page, CHRONICLE, REVIEW_PAGE, GtkWidget)

GtkWidget         *chronicle_review_page_new                (void);
/* Reads and extracts @file off the main thread. */
void               chronicle_review_page_load_file          (ChronicleReviewPage *self,
                                                             GFile               *file);
GFile             *chronicle_review_page_get_file           (ChronicleReviewPage *self);
/* The timeline in front, which the events may repeat: proposals like its
 * events are flagged and start rejected; "Add to Current Timeline" adds
 * to it (NULL: only a new timeline). */
void               chronicle_review_page_set_document       (ChronicleReviewPage *self,
                                                             ChronicleDocument   *document);
ChronicleDocument *chronicle_review_page_get_document       (ChronicleReviewPage *self);
/* "loading", "error", "needs-date" or "review". */
const char        *chronicle_review_page_get_state          (ChronicleReviewPage *self);
const char        *chronicle_review_page_get_error          (ChronicleReviewPage *self);
/* Of ChronicleReviewProposal. */
GListModel        *chronicle_review_page_get_proposals      (ChronicleReviewPage *self);
gboolean           chronicle_review_page_set_published_text (ChronicleReviewPage *self,
                                                             const char          *text,
                                                             GError             **error);
void               chronicle_review_page_select_proposal    (ChronicleReviewPage *self,
                                                             guint                position);
/* The highlighted evidence, in characters; FALSE without one. */
void               chronicle_review_page_edit_proposal      (ChronicleReviewPage *self,
                                                             guint                position);
ChronicleEventEditor *chronicle_review_page_get_editor      (ChronicleReviewPage *self);
/* The review's own history of edits and choices (::history-changed). */
gboolean           chronicle_review_page_undo               (ChronicleReviewPage *self);
gboolean           chronicle_review_page_redo               (ChronicleReviewPage *self);
gboolean           chronicle_review_page_get_can_undo       (ChronicleReviewPage *self);
gboolean           chronicle_review_page_get_can_redo       (ChronicleReviewPage *self);
const char        *chronicle_review_page_get_undo_label     (ChronicleReviewPage *self);
const char        *chronicle_review_page_get_redo_label     (ChronicleReviewPage *self);
gboolean           chronicle_review_page_get_highlight      (ChronicleReviewPage *self,
                                                             guint               *start,
                                                             guint               *end);
/* The accepted proposals as a timeline: the article as source. NULL with
 * @error when a date does not parse or nothing is accepted. */
ChronicleTimeline *chronicle_review_page_build_timeline     (ChronicleReviewPage *self,
                                                             GError             **error);
/* The accepted proposals added to the document, the merged ones merged
 * into its events, as one step of its history; FALSE with @error and no
 * change when a date does not parse or nothing is chosen. */
gboolean           chronicle_review_page_add_to_document    (ChronicleReviewPage *self,
                                                             guint               *n_added,
                                                             guint               *n_merged,
                                                             GError             **error);

G_END_DECLS
